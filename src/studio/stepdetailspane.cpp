#include "stepdetailspane.h"

#include "ui_stepdetailspane.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtCore/QTimer>
#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// Banner colours: the same red and amber as the timeline's bars.
const auto kFailedBanner = u"QLabel { background: #fdecea; color: #8e0000; "
                           u"border-left: 4px solid #d32f2f; padding: 6px; }"_s;
const auto kRollbackBanner = u"QLabel { background: #fff4e0; color: #5d3a00; "
                             u"border-left: 4px solid #f5a623; padding: 6px; }"_s;

QString badgeStyle(StepState state)
{
    QString bg;
    QString fg = u"white"_s;
    switch (state) {
    case StepState::Done:
        bg = u"#2f6db0"_s;
        break;
    case StepState::Running:
        bg = u"#2e9d4a"_s;
        break;
    case StepState::Failed:
        bg = u"#d32f2f"_s;
        break;
    case StepState::RolledBack:
        bg = u"#f5b041"_s;
        fg = u"#3a2500"_s;
        break;
    case StepState::Planned:
        bg = u"transparent"_s;
        fg = u"palette(text)"_s;
        break;
    case StepState::Skipped:
        bg = u"#c8c8c8"_s;
        fg = u"#303030"_s;
        break;
    }
    const QString border = state == StepState::Planned ? u"1px dashed #6a7b90"_s : u"none"_s;
    return u"QLabel { background: %1; color: %2; border: %3; border-radius: 4px; "
           u"padding: 2px 8px; font-weight: bold; }"_s.arg(bg, fg, border);
}

} // namespace

StepDetailsPane::StepDetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_ui(new Ui::StepDetailsPane)
{
    m_ui->setupUi(this);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->opEdit->setFont(fixed);
    m_ui->shellEdit->setFont(fixed);
    m_ui->keyLabel->setFont(fixed);
    m_ui->opEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_ui->shellEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.2);
    m_ui->titleLabel->setFont(title);
    m_ui->explanationLabel->setTextFormat(Qt::PlainText);
    connect(m_ui->copyShellButton, &QPushButton::clicked, this, &StepDetailsPane::copyShell);
    clear();
}

StepDetailsPane::~StepDetailsPane()
{
    delete m_ui;
}

bool StepDetailsPane::hasStep() const
{
    return m_ui->stack->currentWidget() == m_ui->stepPage;
}

void StepDetailsPane::disconnectModel()
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
}

void StepDetailsPane::clear()
{
    disconnectModel();
    m_index = QPersistentModelIndex();
    m_shell.clear();
    m_explanation = {};
    m_ui->stack->setCurrentWidget(m_ui->emptyPage);
}

void StepDetailsPane::setIndex(const QModelIndex &index)
{
    if (!index.isValid()) {
        clear();
        return;
    }
    const QAbstractItemModel *model = index.model();
    if (!m_index.isValid() || m_index.model() != model) {
        disconnectModel();
        // A live step changes under the student's eyes (running -> done): follow it.
        m_modelConnections << connect(
            model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (m_index.isValid() && m_index.row() >= topLeft.row() &&
                    m_index.row() <= bottomRight.row())
                    refresh();
            });
        // And when it goes (the model cleared or reloaded), so does the pane's view of it.
        auto gone = [this] {
            if (!m_index.isValid())
                clear();
        };
        m_modelConnections << connect(model, &QAbstractItemModel::modelReset, this, gone);
        m_modelConnections << connect(model, &QAbstractItemModel::rowsRemoved, this, gone);
    }
    m_index = index.siblingAtColumn(0);
    refresh();
}

void StepDetailsPane::refresh()
{
    if (!m_index.isValid()) {
        clear();
        return;
    }
    // Read through roles, so a proxy model in between works too.
    const QModelIndex i = m_index;
    StepTimelineModel::Step s;
    s.seq = i.data(StepTimelineModel::SeqRole).toUInt();
    s.phase = static_cast<Phase>(i.data(StepTimelineModel::PhaseRole).toInt());
    s.side = static_cast<Side>(i.data(StepTimelineModel::SideRole).toInt());
    s.state = static_cast<StepState>(i.data(StepTimelineModel::StateRole).toInt());
    s.pid = i.data(StepTimelineModel::PidRole).toInt();
    s.err = i.data(StepTimelineModel::ErrnoRole).toInt();
    s.startNs = i.data(StepTimelineModel::StartRole).toLongLong();
    s.durationNs = i.data(StepTimelineModel::DurationRole).toLongLong();
    s.key = i.data(StepTimelineModel::KeyRole).toString();
    s.title = i.data(StepTimelineModel::TitleRole).toString();
    s.op = i.data(StepTimelineModel::OpRole).toString();
    s.shell = i.data(StepTimelineModel::ShellRole).toString();
    s.message = i.data(StepTimelineModel::MessageRole).toString();
    const qint64 relative = i.data(StepTimelineModel::RelativeStartRole).toLongLong();
    showStep(s, i.data(StepTimelineModel::ActionRole).toString(),
             s.hasStarted() ? s.startNs - relative : 0);
}

void StepDetailsPane::setRecord(const StepRecord &record, const QString &action,
                                qint64 actionStartNs)
{
    disconnectModel();
    m_index = QPersistentModelIndex();
    showStep(StepTimelineModel::Step::fromRecord(record), action, actionStartNs);
}

void StepDetailsPane::showStep(const StepTimelineModel::Step &s, const QString &action,
                               qint64 actionStartNs)
{
    m_ui->stack->setCurrentWidget(m_ui->stepPage);
    m_ui->titleLabel->setText(s.title.isEmpty() ? tr("(untitled step)") : s.title);
    m_ui->stateBadge->setText(StepTimelineModel::stateText(s.state));
    m_ui->stateBadge->setStyleSheet(badgeStyle(s.state));

    const QString actionName = StepTimelineModel::actionText(action);
    m_ui->actionLabel->setText(actionName.isEmpty()
                                   ? tr("step #%1").arg(s.seq)
                                   : tr("%1 · step #%2").arg(actionName).arg(s.seq));

    QString where = StepTimelineModel::phaseText(s.phase) + u" · "_s;
    if (s.side == Side::Container)
        where += s.pid > 0 ? tr("inside the container, pid %1 there").arg(s.pid)
                           : tr("inside the container");
    else
        where += s.pid > 0 ? tr("on the host, pid %1").arg(s.pid) : tr("on the host");
    m_ui->phaseLabel->setText(where);

    // The result line: the state, the errno as students will search for it, the message.
    const QString err = StepTimelineModel::errnoText(s.err);
    QString result;
    switch (s.state) {
    case StepState::Planned:
        result = tr("planned: it has not run yet");
        break;
    case StepState::Running:
        result = tr("running…");
        break;
    case StepState::Failed:
        result = err.isEmpty() ? tr("failed") : tr("failed with %1").arg(err);
        break;
    default:
        result = StepTimelineModel::stateText(s.state);
        break;
    }
    if (!s.message.isEmpty())
        result = tr("%1 — %2").arg(result, s.message);
    m_ui->resultLabel->setText(result);

    const bool isRollback = s.key.startsWith(u"rollback."_s) || s.state == StepState::RolledBack;
    if (s.state == StepState::Failed) {
        QString text =
            err.isEmpty() ? tr("This step failed") : tr("This step failed with %1").arg(err);
        text += s.message.isEmpty() ? u"."_s : u": "_s + s.message;
        if (!text.endsWith(u'.') && !text.endsWith(u'!') && !text.endsWith(u'?'))
            text += u'.';
        text += u' ' + (isRollback ? tr("Undoing an earlier step failed too: the host may keep a "
                                        "leftover, see the operation below.")
                                   : tr("The steps completed before it are undone in reverse "
                                        "order; they appear in the cleanup lane."));
        m_ui->problemLabel->setText(text);
        m_ui->problemLabel->setStyleSheet(kFailedBanner);
        m_ui->problemLabel->show();
    } else if (isRollback) {
        m_ui->problemLabel->setText(tr("Rollback: a later step failed, so this undoes an earlier "
                                       "one."));
        m_ui->problemLabel->setStyleSheet(kRollbackBanner);
        m_ui->problemLabel->show();
    } else {
        m_ui->problemLabel->hide();
    }

    if (s.hasStarted()) {
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(s.startNs / 1'000'000);
        QString text = QLocale().toString(when, QLocale::ShortFormat) + u" · "_s +
                       when.toString(u"HH:mm:ss.zzz"_s);
        if (actionStartNs > 0 && s.startNs >= actionStartNs)
            text +=
                u" · "_s + tr("%1 after the action began")
                               .arg(StepTimelineModel::formatDuration(s.startNs - actionStartNs));
        m_ui->startLabel->setText(text);
    } else {
        m_ui->startLabel->setText(tr("not yet"));
    }
    if (s.state == StepState::Planned)
        m_ui->durationLabel->setText(tr("—"));
    else if (s.state == StepState::Running)
        m_ui->durationLabel->setText(tr("still running"));
    else
        m_ui->durationLabel->setText(StepTimelineModel::formatDuration(s.durationNs));
    m_ui->keyLabel->setText(s.key);

    m_ui->opEdit->setPlainText(s.op);
    m_ui->opGroup->setVisible(!s.op.isEmpty());
    m_shell = s.shell;
    m_ui->shellEdit->setPlainText(s.shell);
    m_ui->shellGroup->setVisible(!s.shell.isEmpty());
    m_ui->copyShellButton->setEnabled(!s.shell.isEmpty());
    fitTextHeights();

    m_explanation = StepExplanations::explain(s.key, s.phase);
    m_ui->explanationLabel->setText(m_explanation.text);
    m_ui->referencesLabel->setText(
        m_explanation.references.isEmpty()
            ? QString()
            : tr("Read: %1").arg(StepExplanations::referencesHtml(m_explanation.references)));
}

namespace {

// As tall as the text needs, up to maxLines: a one-line command should not sit in
// a box made for a page, and a long overlay mount should not need scrolling.
void fitToText(QPlainTextEdit *edit, int maxLines)
{
    const QFontMetrics fm(edit->font());
    const qreal margin = edit->document()->documentMargin();
    const int width = std::max(40, edit->viewport()->width() - int(2 * margin) - 2);
    int lines = 0;
    const QStringList paragraphs = edit->toPlainText().split(u'\n');
    for (const QString &paragraph : paragraphs) {
        const int advance = fm.horizontalAdvance(paragraph);
        // Word wrapping breaks earlier than a character count: one line of slack.
        lines += advance <= width ? 1 : advance / width + 2;
    }
    lines = std::clamp(lines, 1, maxLines);
    edit->setFixedHeight(lines * fm.lineSpacing() + int(2 * margin) + 2 * edit->frameWidth() + 2);
}

} // namespace

void StepDetailsPane::fitTextHeights()
{
    fitToText(m_ui->opEdit, 8);
    fitToText(m_ui->shellEdit, 5);
}

void StepDetailsPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (hasStep())
        fitTextHeights();
}

void StepDetailsPane::copyShell()
{
    if (m_shell.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_shell);
    m_ui->copyShellButton->setText(tr("Copied"));
    QTimer::singleShot(1500, m_ui->copyShellButton,
                       [b = m_ui->copyShellButton] { b->setText(tr("&Copy")); });
    Q_EMIT shellCommandCopied(m_shell);
}

void StepDetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (m_index.isValid())
            refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace koker::studio
