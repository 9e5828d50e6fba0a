#include "containerdetails.h"

#include "client/helperclient.h"
#include "helperconnection.h"
#include "runtime/consolelog.h"
#include "ui_containerdetails.h"

#ifdef KOKER_STUDIO_HAVE_TIMELINE
#include "studio/steptimelinemodel.h"
#include "studio/timelinewidget.h"
#endif
#ifdef KOKER_STUDIO_HAVE_CONSOLE
#include "studio/statsgraph.h"
#include "studio/statspoller.h"
#endif
#ifdef KOKER_STUDIO_HAVE_LEARN
#include "studio/stepexportfile.h"
#include "studio/stepthroughbar.h"
#include "studio/underthehoodpanel.h"
#ifdef KOKER_STUDIO_HAVE_TIMELINE
#include "studio/stepdetailspane.h"
#endif
#endif

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFutureWatcher>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtGui/QFontDatabase>
#include <QtGui/QShortcut>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolButton>

#include <fcntl.h>
#include <sys/stat.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// While the Logs tab shows and "Follow" is on, look for new output this often.
constexpr int kLogPollMs = 1000;

struct LogChunk
{
    QString text;
    quint64 offset = 0;
    bool atLineStart = true;
};

// Console output is meant for a terminal: drop the escape sequences (colours,
// cursor moves, titles) and carriage returns so the log reads as plain lines.
QString plainText(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\x1b' && i + 1 < bytes.size()) {
            const char kind = bytes[i + 1];
            i += 1;
            if (kind == '[') { // CSI: parameters, then one final byte @..~
                while (i + 1 < bytes.size() && !(bytes[i + 1] >= '@' && bytes[i + 1] <= '~'))
                    ++i;
                ++i;
            } else if (kind == ']') { // OSC: up to BEL or ESC backslash
                while (i + 1 < bytes.size() && bytes[i + 1] != '\a' && bytes[i + 1] != '\x1b')
                    ++i;
                ++i;
                if (i < bytes.size() && bytes[i] == '\x1b')
                    ++i;
            }
            continue;
        }
        if (c == '\r' || (c >= 0 && c < ' ' && c != '\n' && c != '\t'))
            continue;
        out.append(c);
    }
    return QString::fromUtf8(out);
}

LogChunk readLog(int fd, quint64 from, bool timestamps, bool atLineStart)
{
    LogChunk chunk;
    chunk.atLineStart = atLineStart;
    auto end = readConsoleLogFd(
        fd,
        [&](const ConsoleRecord &r) {
            const QString text = plainText(QByteArrayView(r.data.data(), qsizetype(r.data.size())));
            if (!timestamps) {
                chunk.text += text;
            } else {
                const QString stamp = QDateTime::fromMSecsSinceEpoch(r.timeNs / 1'000'000)
                                          .toString(u"HH:mm:ss.zzz "_s);
                for (const QChar ch : text) {
                    if (chunk.atLineStart)
                        chunk.text += stamp;
                    chunk.text += ch;
                    chunk.atLineStart = ch == u'\n';
                }
            }
            if (!text.isEmpty())
                chunk.atLineStart = text.endsWith(u'\n');
            return true;
        },
        from);
    chunk.offset = end ? *end : from;
    return chunk;
}

} // namespace

ContainerDetails::ContainerDetails(HelperConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_ui(new Ui::ContainerDetails)
    , m_connection(connection)
{
    m_ui->setupUi(this);
    m_ui->tabs->setTabIcon(0, QIcon(u":/icons/steps.svg"_s));
    m_ui->tabs->setTabIcon(1, QIcon(u":/icons/inspect.svg"_s));
    m_ui->tabs->setTabIcon(2, QIcon(u":/icons/logs.svg"_s));
    m_ui->tabs->setTabIcon(3, QIcon(u":/icons/graphs.svg"_s));
    m_ui->tabs->setTabIcon(4, QIcon(u":/icons/inspect.svg"_s));
    m_ui->inspectTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->logText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->previousButton->setIcon(QIcon(u":/icons/up.svg"_s));
    m_ui->nextButton->setIcon(QIcon(u":/icons/down.svg"_s));

#ifdef KOKER_STUDIO_HAVE_TIMELINE
    m_steps = new StepTimelineModel(this);
    m_timeline = new TimelineWidget(m_ui->stepsTab);
    m_timeline->setModel(m_steps);
    m_ui->stepsLayout->addWidget(m_timeline);
#else
    // INTEGRATION POINT (timeline part): koker_studio_timeline is not built in.
    auto *missing = new QLabel(tr("The step timeline is not part of this build."), m_ui->stepsTab);
    missing->setAlignment(Qt::AlignCenter);
    m_ui->stepsLayout->addWidget(missing);
#endif

#ifdef KOKER_STUDIO_HAVE_CONSOLE
    // The graph polls Stats only while it is visible (the Graphs tab is shown).
    m_poller = new StatsPoller(connection->client(), this);
    auto *graph = new StatsGraph(m_ui->graphsTab);
    graph->setPoller(m_poller);
    // Two minutes: an experiment's effect (a busy loop, a memory hog) fills the
    // width instead of a sliver at the right edge of ten minutes.
    graph->setTimeSpan(120);
    m_graphs = graph;
    m_ui->graphsLayout->addWidget(graph);
#else
    // INTEGRATION POINT (console part): StatsGraph/StatsPoller are not built in.
    auto *noGraphs = new QLabel(tr("The graphs are not part of this build."), m_ui->graphsTab);
    noGraphs->setAlignment(Qt::AlignCenter);
    m_graphs = noGraphs;
    m_ui->graphsLayout->addWidget(noGraphs);
#endif

    setupLearning();

    m_logTimer.setInterval(kLogPollMs);
    connect(&m_logTimer, &QTimer::timeout, this, &ContainerDetails::pollLogs);
    connect(m_ui->followCheck, &QCheckBox::toggled, this, &ContainerDetails::updateFollowTimer);
    connect(m_ui->timestampsCheck, &QCheckBox::toggled, this, [this] {
        clearLogs();
        pollLogs();
    });
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this] {
        updateFollowTimer();
        if (m_ui->tabs->currentWidget() == m_ui->logsTab)
            pollLogs();
        refreshHoodIfShown();
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->logText->moveCursor(QTextCursor::Start);
        findInLogs(false);
    });
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] { findInLogs(false); });
    connect(m_ui->nextButton, &QToolButton::clicked, this, [this] { findInLogs(false); });
    connect(m_ui->previousButton, &QToolButton::clicked, this, [this] { findInLogs(true); });
    auto *next = new QShortcut(QKeySequence::FindNext, m_ui->logsTab);
    connect(next, &QShortcut::activated, this, [this] { findInLogs(false); });
    auto *previous = new QShortcut(QKeySequence::FindPrevious, m_ui->logsTab);
    connect(previous, &QShortcut::activated, this, [this] { findInLogs(true); });
    setContainer({}, {});
}

ContainerDetails::~ContainerDetails()
{
    delete m_ui;
}

void ContainerDetails::setSubject(const QString &text)
{
    m_ui->subjectLabel->setText(text);
}

void ContainerDetails::showTab(Tab tab)
{
    m_ui->tabs->setCurrentIndex(static_cast<int>(tab));
}

void ContainerDetails::setContainer(const QString &id, const QString &name)
{
    if (id == m_id && !id.isEmpty())
        return;
    ++m_generation;
    m_id = id;
    m_name = name;
    const bool has = !id.isEmpty();
    for (QWidget *tab : {m_ui->inspectTab, m_ui->logsTab, m_ui->graphsTab, m_ui->hoodTab})
        m_ui->tabs->setTabEnabled(m_ui->tabs->indexOf(tab), has);
    if (m_exportButton)
        m_exportButton->setEnabled(has);
#ifdef KOKER_STUDIO_HAVE_LEARN
    static_cast<UnderTheHoodPanel *>(m_hood)->setContainer(id, name);
    // A finished step-through's verdict goes with the container it was about.
    if (auto *bar = static_cast<StepThroughBar *>(m_stepThrough);
        bar->state() == StepThroughBar::State::Finished ||
        bar->state() == StepThroughBar::State::Idle)
        bar->hide();
#endif
    m_ui->inspectTree->clear();
    clearLogs();
#ifdef KOKER_STUDIO_HAVE_CONSOLE
    m_poller->setContainerId(id);
    static_cast<StatsGraph *>(m_graphs)->setCpuLimit(0);
#endif
    if (!has) {
        // Keep showing a running image operation; otherwise say what this area is for.
        if (!m_live || !m_liveContainer.isEmpty()) {
            if (m_steps)
                m_steps->clear();
            setSubject(tr("Select a container to see its steps, details, logs and graphs."));
        }
        updateFollowTimer();
        return;
    }
    setSubject(tr("Container %1").arg(name));
    reloadSteps();
    reloadInspect();
    refreshHoodIfShown();
    updateFollowTimer();
    if (m_ui->tabs->currentWidget() == m_ui->logsTab)
        pollLogs();
}

void ContainerDetails::reloadSteps()
{
    if (m_id.isEmpty() || !m_steps)
        return;
    const quint64 generation = m_generation;
    m_connection->client()->containerSteps(m_id, [this, generation](Result<QVariantMapList> steps) {
        if (generation != m_generation || !m_steps)
            return;
        if (!steps) {
            setSubject(m_connection->handleError(steps.error(), tr("read the container's steps")));
            return;
        }
#ifdef KOKER_STUDIO_HAVE_TIMELINE
        m_steps->loadDBusSteps(*steps);
        // An action still running for this container is not recorded yet: put what
        // arrived of it after the history.
        if (m_live && m_liveContainer == m_id) {
            m_steps->beginAction(m_liveAction);
            m_steps->upsertSteps(m_liveSteps);
        }
#endif
    });
}

void ContainerDetails::reloadInspect()
{
    if (m_id.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_connection->client()->inspectContainer(m_id, [this, generation](Result<QString> json) {
        if (generation != m_generation)
            return;
        if (!json) {
            m_ui->inspectTree->clear();
            auto *item = new QTreeWidgetItem(m_ui->inspectTree);
            item->setText(0, tr("Error"));
            item->setText(1, m_connection->handleError(json.error(), tr("inspect the container")));
            return;
        }
        const QJsonObject container = QJsonDocument::fromJson(json->toUtf8()).object();
        showInspect(container);
#ifdef KOKER_STUDIO_HAVE_CONSOLE
        // Stats carries no CPU quota: the graph takes it from the configuration.
        static_cast<StatsGraph *>(m_graphs)->setCpuLimit(
            double(container.value(u"HostConfig"_s).toObject().value(u"NanoCpus"_s).toInteger()) /
            1e9);
#endif
    });
}

void ContainerDetails::watchOperation(client::OperationClient *op, const QString &action,
                                      const QString &title, const QString &containerId)
{
    m_live = op;
    m_liveAction = action;
    m_liveContainer = containerId;
    m_liveSteps.clear();
    if (containerId.isEmpty()) {
        // Image work has no container: it takes the Steps tab while it runs.
        ++m_generation;
        m_id.clear();
        for (QWidget *tab : {m_ui->inspectTab, m_ui->logsTab, m_ui->graphsTab, m_ui->hoodTab})
            m_ui->tabs->setTabEnabled(m_ui->tabs->indexOf(tab), false);
        if (m_exportButton)
            m_exportButton->setEnabled(false);
        if (m_steps)
            m_steps->clear();
        showTab(Tab::Steps);
    } else if (containerId != m_id) {
        // Not the container shown: its steps are in its history when it is selected.
        return;
    }
    setSubject(tr("%1 (running)").arg(title));
#ifdef KOKER_STUDIO_HAVE_TIMELINE
    if (m_steps) {
        m_steps->beginAction(action);
        // The newest step stays in view while this one runs.
        m_timeline->setFollow(true);
    }
#endif
    connect(op, &client::OperationClient::stepChanged, this, [this, op](const StepRecord &step) {
        if (op != m_live)
            return;
        m_liveSteps << step;
#ifdef KOKER_STUDIO_HAVE_TIMELINE
        if (m_steps && (m_liveContainer.isEmpty() || m_liveContainer == m_id))
            m_steps->upsertStep(step);
#endif
    });
    connect(op, &client::OperationClient::completed, this,
            [this, op, title](bool ok, const QString &, const QString &, const QVariantMap &) {
                if (op != m_live)
                    return;
                if (m_liveContainer.isEmpty() || m_liveContainer == m_id)
                    setSubject(ok ? tr("%1: done").arg(title) : tr("%1: failed").arg(title));
                const bool mine = m_liveContainer == m_id && !m_id.isEmpty();
                m_live.clear();
                if (mine) {
                    reloadInspect();
                    refreshHoodIfShown();
                }
            });
}

void ContainerDetails::setupLearning()
{
#ifdef KOKER_STUDIO_HAVE_LEARN
    auto *hood = new UnderTheHoodPanel(m_ui->hoodTab);
    hood->setFetcher(
        [this](const QString &id, std::function<void(Result<QString>)> done) {
            m_connection->client()->underTheHood(id, std::move(done));
        },
        [this](const Error &error) {
            return m_connection->handleError(error, tr("look under the hood"));
        });
    m_hood = hood;
    m_ui->hoodLayout->addWidget(hood);

    auto *bar = new StepThroughBar(m_ui->stepsTab);
    bar->hide();
    m_stepThrough = bar;
    m_ui->stepsLayout->insertWidget(0, bar);
#ifdef KOKER_STUDIO_HAVE_TIMELINE
    // The step kokerd waits before is not done yet: the details pane shows its
    // exact operation and lesson so the student reads it before pressing Next.
    connect(bar, &StepThroughBar::waitingFor, this, [this](const StepRecord &step) {
        if (m_timeline)
            m_timeline->detailsPane()->setRecord(step, m_liveAction);
    });
#endif

    // Export steps: the formats as a menu in the tab bar's corner.
    m_exportButton = new QToolButton(m_ui->tabs);
    m_exportButton->setText(tr("Export steps…"));
    m_exportButton->setToolTip(
        tr("Save this container's recorded steps as a shell script, a Chrome trace for "
           "Perfetto or a Markdown lab report"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setAutoRaise(true);
    auto *menu = new QMenu(m_exportButton);
    for (StepExportFormat format : StepExportFile::formats()) {
        QAction *action = menu->addAction(StepExportFile::formatName(format));
        connect(action, &QAction::triggered, this,
                [this, format] { exportSteps(static_cast<int>(format)); });
    }
    m_exportButton->setMenu(menu);
    m_ui->tabs->setCornerWidget(m_exportButton, Qt::TopRightCorner);
#else
    // INTEGRATION POINT (learn part): koker_studio_learn is not built in.
    auto *missing =
        new QLabel(tr("The under-the-hood views are not part of this build."), m_ui->hoodTab);
    missing->setAlignment(Qt::AlignCenter);
    m_ui->hoodLayout->addWidget(missing);
#endif
}

void ContainerDetails::refreshHoodIfShown()
{
#ifdef KOKER_STUDIO_HAVE_LEARN
    if (!m_id.isEmpty() && m_ui->tabs->currentWidget() == m_ui->hoodTab)
        static_cast<UnderTheHoodPanel *>(m_hood)->refresh();
#endif
}

void ContainerDetails::controlStepThrough(client::OperationClient *op)
{
#ifdef KOKER_STUDIO_HAVE_LEARN
    auto *bar = static_cast<StepThroughBar *>(m_stepThrough);
    bar->watch(op);
    bar->show();
    showTab(Tab::Steps);
#else
    // Without the bar nobody could answer the pauses: run to the end.
    connect(op, &client::OperationClient::stepChanged, this, [op](const StepRecord &step) {
        if (step.state == StepState::Planned)
            op->proceed(true);
    });
#endif
}

void ContainerDetails::exportSteps(int format, const QString &path)
{
#ifdef KOKER_STUDIO_HAVE_LEARN
    if (m_id.isEmpty())
        return;
    const auto kind = static_cast<StepExportFormat>(format);
    QString target = path;
    if (target.isEmpty()) {
        target = QFileDialog::getSaveFileName(
            this, tr("Export steps"),
            QDir::home().filePath(StepExportFile::suggestedFileName(m_name, kind)),
            StepExportFile::fileFilter(kind));
        if (target.isEmpty())
            return;
    }
    // The steps come with InspectContainer; the studio renders and writes the file
    // itself, as the student: kokerd never writes where a user points.
    m_connection->client()->inspectContainer(m_id, [this, kind, target](Result<QString> json) {
        if (!json) {
            Q_EMIT stepsExported(target, false,
                                 m_connection->handleError(json.error(), tr("export the steps")));
            return;
        }
        const Status written =
            StepExportFile::write(QJsonDocument::fromJson(json->toUtf8()).object(), kind, target);
        if (!written)
            Q_EMIT stepsExported(
                target, false,
                HelperConnection::describeError(written.error(), tr("export the steps")));
        else
            Q_EMIT stepsExported(target, true, tr("Saved the steps to %1.").arg(target));
    });
#else
    Q_UNUSED(format)
    Q_UNUSED(path)
#endif
}

QString ContainerDetails::logText() const
{
    return m_ui->logText->toPlainText();
}

void ContainerDetails::clearLogs()
{
    m_ui->logText->clear();
    m_logOffset = 0;
    m_logAtLineStart = true;
    m_ui->matchLabel->clear();
}

void ContainerDetails::updateFollowTimer()
{
    const bool on = !m_id.isEmpty() && m_ui->followCheck->isChecked() &&
                    m_ui->tabs->currentWidget() == m_ui->logsTab && isVisible();
    if (on && !m_logTimer.isActive())
        m_logTimer.start();
    else if (!on)
        m_logTimer.stop();
}

void ContainerDetails::pollLogs()
{
    if (m_id.isEmpty() || m_logReading || !isVisible())
        return;
    m_logReading = true;
    const quint64 generation = m_generation;
    // A fresh descriptor each time: when the monitor rotates the log, the new file
    // is what the next call opens (and it is shorter than our offset).
    m_connection->client()->containerLogs(m_id, [this,
                                                 generation](Result<QDBusUnixFileDescriptor> log) {
        if (generation != m_generation) {
            m_logReading = false;
            return;
        }
        if (!log) {
            m_logReading = false;
            m_ui->matchLabel->setText(m_connection->handleError(log.error(), tr("read the logs")));
            return;
        }
        auto fd = std::make_shared<UniqueFd>(::fcntl(log->fileDescriptor(), F_DUPFD_CLOEXEC, 3));
        struct stat st = {};
        if (!*fd || ::fstat(fd->get(), &st) != 0) {
            m_logReading = false;
            return;
        }
        if (quint64(st.st_size) < m_logOffset) {
            m_logOffset = 0;
            m_logAtLineStart = true;
            appendLog(tr("[the log was rotated]\n").toUtf8());
        }
        if (quint64(st.st_size) == m_logOffset) {
            m_logReading = false;
            return;
        }
        // Reading a long log is file I/O: off the GUI thread.
        auto *watcher = new QFutureWatcher<LogChunk>(this);
        connect(watcher, &QFutureWatcher<LogChunk>::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            m_logReading = false;
            if (generation != m_generation)
                return;
            const LogChunk chunk = watcher->result();
            m_logOffset = chunk.offset;
            m_logAtLineStart = chunk.atLineStart;
            appendLog(chunk.text.toUtf8());
        });
        watcher->setFuture(QtConcurrent::run(
            [fd, from = m_logOffset, stamps = m_ui->timestampsCheck->isChecked(),
             atStart = m_logAtLineStart] { return readLog(fd->get(), from, stamps, atStart); }));
    });
}

void ContainerDetails::appendLog(const QByteArray &text)
{
    if (text.isEmpty())
        return;
    QScrollBar *bar = m_ui->logText->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(m_ui->logText->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QString::fromUtf8(text));
    if (atBottom)
        bar->setValue(bar->maximum());
}

void ContainerDetails::findInLogs(bool backwards)
{
    const QString needle = m_ui->searchEdit->text();
    if (needle.isEmpty()) {
        m_ui->matchLabel->clear();
        return;
    }
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (!m_ui->logText->find(needle, flags)) {
        // Wrap around once.
        m_ui->logText->moveCursor(backwards ? QTextCursor::End : QTextCursor::Start);
        if (!m_ui->logText->find(needle, flags)) {
            m_ui->matchLabel->setText(tr("Not found"));
            return;
        }
    }
    m_ui->matchLabel->setText(tr("Line %1").arg(m_ui->logText->textCursor().blockNumber() + 1));
}

void ContainerDetails::addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    auto *item = new QTreeWidgetItem(parent);
    item->setText(0, key);
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        bool simple = true;
        QStringList words;
        for (const QJsonValue &v : a) {
            simple = simple && (v.isString() || v.isDouble());
            words << (v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 15));
        }
        if (simple) {
            item->setText(1, words.join(u", "_s));
        } else {
            for (qsizetype i = 0; i < a.size(); ++i)
                addJson(item, QString::number(i + 1), a.at(i));
        }
    } else if (value.isBool()) {
        item->setText(1, value.toBool() ? tr("yes") : tr("no"));
    } else if (value.isDouble()) {
        item->setText(1, QString::number(value.toDouble(), 'g', 15));
    } else {
        item->setText(1, value.toString());
    }
    item->setToolTip(1, item->text(1));
}

void ContainerDetails::showInspect(const QJsonObject &container)
{
    m_ui->inspectTree->clear();
    // The friendly names first; "Steps" lives in the Steps tab.
    const struct
    {
        const char16_t *key;
        QString title;
    } sections[] = {
        {u"State", tr("State")},
        {u"Config", tr("Configuration")},
        {u"HostConfig", tr("Limits and host settings")},
        {u"Cgroup", tr("Control groups")},
        {u"Mounts", tr("Mounts")},
        {u"NetworkSettings", tr("Network")},
    };
    auto *top = new QTreeWidgetItem(m_ui->inspectTree);
    top->setText(0, tr("Container"));
    for (const char16_t *k : {u"Id", u"Name", u"ImageName", u"Image", u"Created", u"Owner"})
        if (container.contains(QString::fromUtf16(k)))
            addJson(top, QString::fromUtf16(k), container.value(QString::fromUtf16(k)));
    top->setExpanded(true);
    for (const auto &s : sections) {
        const QString key = QString::fromUtf16(s.key);
        if (!container.contains(key))
            continue;
        addJson(m_ui->inspectTree->invisibleRootItem(), s.title, container.value(key));
    }
    if (QTreeWidgetItem *state = m_ui->inspectTree->topLevelItem(1))
        state->setExpanded(true);
}

} // namespace koker::studio
