#include "stepthroughbar.h"

#include "client/operationclient.h"
#include "ui_stepthroughbar.h"

#include <QtCore/QPointer>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

StepThroughBar::StepThroughBar(QWidget *parent)
    : QFrame(parent)
    , m_ui(new Ui::StepThroughBar)
{
    m_ui->setupUi(this);
    setStyleSheet(u"#StepThroughBar { background: #fff8e1; border: 1px solid #e6c36a; "
                  u"border-radius: 4px; }"_s);
    connect(m_ui->nextButton, &QPushButton::clicked, this, &StepThroughBar::next);
    connect(m_ui->continueButton, &QPushButton::clicked, this, &StepThroughBar::continueToEnd);
    connect(m_ui->abortButton, &QPushButton::clicked, this, &StepThroughBar::abort);
    setState(State::Idle);
}

StepThroughBar::~StepThroughBar()
{
    delete m_ui;
}

void StepThroughBar::control(std::function<void(bool)> proceed, std::function<void()> cancel)
{
    m_proceed = std::move(proceed);
    m_cancel = std::move(cancel);
    m_waiting = {};
    m_allowed = 0;
    m_success = false;
    m_finalMessage.clear();
    setState(State::Running);
}

void StepThroughBar::watch(client::OperationClient *op)
{
    QPointer<client::OperationClient> guard(op);
    control(
        [guard](bool go) {
            if (guard)
                guard->proceed(go);
        },
        [guard] {
            if (guard)
                guard->cancel();
        });
    connect(op, &client::OperationClient::stepChanged, this, &StepThroughBar::stepArrived);
    connect(op, &client::OperationClient::completed, this,
            [this](bool ok, const QString &, const QString &message, const QVariantMap &) {
                finish(ok, message);
            });
}

void StepThroughBar::stepArrived(const StepRecord &step)
{
    if (step.state != StepState::Planned)
        return;
    switch (m_state) {
    case State::RunningToEnd:
        // Continue was pressed: answer every later pause at once.
        ++m_allowed;
        if (m_proceed)
            m_proceed(true);
        return;
    case State::Aborting:
        if (m_proceed)
            m_proceed(false);
        return;
    case State::Running:
    case State::Waiting:
        m_waiting = step;
        setState(State::Waiting);
        Q_EMIT waitingFor(step);
        return;
    case State::Idle:
    case State::Finished:
        return;
    }
}

void StepThroughBar::finish(bool success, const QString &message)
{
    m_success = success;
    m_finalMessage = message;
    setState(State::Finished);
}

void StepThroughBar::next()
{
    if (m_state != State::Waiting)
        return;
    ++m_allowed;
    setState(State::Running);
    if (m_proceed)
        m_proceed(true);
}

void StepThroughBar::continueToEnd()
{
    if (m_state != State::Waiting && m_state != State::Running)
        return;
    const bool waiting = m_state == State::Waiting;
    setState(State::RunningToEnd);
    if (waiting && m_proceed) {
        ++m_allowed;
        m_proceed(true);
    }
}

void StepThroughBar::abort()
{
    if (m_state == State::Waiting) {
        setState(State::Aborting);
        if (m_proceed)
            m_proceed(false);
    } else if (m_state == State::Running || m_state == State::RunningToEnd) {
        // A step is running: it cannot be stopped halfway, so cancel the operation;
        // the engine stops at the next step boundary and rolls back.
        setState(State::Aborting);
        if (m_cancel)
            m_cancel();
    }
}

QString StepThroughBar::stateText() const
{
    switch (m_state) {
    case State::Idle:
        return {};
    case State::Running:
        return tr("Step-through: running a step…");
    case State::Waiting:
        return tr("Paused before step %1: <b>%2</b>. Look at the host now (ip link, findmnt, "
                  "ls /sys/fs/cgroup/…), then choose.")
            .arg(m_waiting.seq)
            .arg(QString::fromUtf8(m_waiting.title,
                                   qsizetype(::strnlen(m_waiting.title, sizeof m_waiting.title)))
                     .toHtmlEscaped());
    case State::RunningToEnd:
        return tr("Step-through: running the remaining steps without pausing…");
    case State::Aborting:
        return tr("Aborting: undoing the steps done so far…");
    case State::Finished:
        if (m_success)
            return tr("Step-through finished: the container runs (%n step(s) allowed).", nullptr,
                      m_allowed);
        return tr("Step-through stopped: %1 Everything done so far was rolled back.")
            .arg(m_finalMessage.isEmpty() ? QString() : m_finalMessage.toHtmlEscaped() + u'.');
    }
    return {};
}

void StepThroughBar::setState(State state)
{
    m_state = state;
    m_ui->nextButton->setEnabled(state == State::Waiting);
    m_ui->continueButton->setEnabled(state == State::Waiting || state == State::Running);
    m_ui->abortButton->setEnabled(state == State::Waiting || state == State::Running ||
                                  state == State::RunningToEnd);
    m_ui->stateLabel->setText(stateText());
    Q_EMIT stateChanged(state);
}

} // namespace koker::studio
