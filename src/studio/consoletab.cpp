#include "studio/consoletab.h"

#include "terminal/attachterminalchannel.h"
#include "terminal/terminalemulation.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"

#include <QtCore/QFileInfo>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QVBoxLayout>

#include <string.h>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

// "SIGKILL" for 9; glibc's table, so every signal the kernel can send has its name.
QString signalName(int signal)
{
    const char *abbrev = ::sigabbrev_np(signal);
    return abbrev ? u"SIG"_s + QString::fromLatin1(abbrev) : QString::number(signal);
}

// "sh" for /bin/sh, arguments kept: what a student typed, without the path noise.
QString shortCommand(const QStringList &command)
{
    if (command.isEmpty())
        return {};
    QStringList parts = command;
    parts.first() = QFileInfo(parts.first()).fileName();
    return parts.join(u' ');
}

} // namespace

ConsoleTab::ConsoleTab(const QString &containerId, const QString &containerName, Kind kind,
                       const QStringList &command, QWidget *parent)
    : QWidget(parent)
    , m_containerId(containerId)
    , m_containerName(containerName.isEmpty() ? containerId.left(12) : containerName)
    , m_kind(kind)
    , m_command(command)
{
    auto *header = new QWidget(this);
    header->setObjectName(u"consoleHeader"_s);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(8, 4, 4, 4);

    m_nameLabel = new QLabel(m_containerName, header);
    m_nameLabel->setObjectName(u"consoleName"_s);
    QFont bold = m_nameLabel->font();
    bold.setBold(true);
    m_nameLabel->setFont(bold);
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nameLabel->setToolTip(tr("Container %1").arg(m_containerId));

    m_kindLabel = new QLabel(header);
    m_kindLabel->setObjectName(u"consoleKind"_s);
    m_kindLabel->setText(m_kind == Kind::Attach ? tr("attached")
                                                : tr("exec: %1").arg(shortCommand(m_command)));
    m_kindLabel->setToolTip(m_kind == Kind::Attach
                                ? tr("The container's main process: what it prints, and your "
                                     "keys as its input")
                                : tr("A command started in the container for this console"));
    m_kindLabel->setForegroundRole(QPalette::PlaceholderText);

    m_statusLabel = new QLabel(header);
    m_statusLabel->setObjectName(u"consoleStatus"_s);
    m_statusLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_reconnectButton = new QPushButton(header);
    m_reconnectButton->setObjectName(u"consoleReconnect"_s);
    m_reconnectButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reconnectButton->setText(m_kind == Kind::Attach ? tr("Reconnect") : tr("Run Again"));
    m_reconnectButton->setToolTip(
        m_kind == Kind::Attach
            ? tr("Attach to the container again (after it was restarted)")
            : tr("Start %1 in the container again").arg(shortCommand(m_command)));
    m_reconnectButton->setVisible(false);
    connect(m_reconnectButton, &QPushButton::clicked, this, &ConsoleTab::connectConsole);

    headerLayout->addWidget(m_nameLabel);
    headerLayout->addWidget(m_kindLabel);
    headerLayout->addStretch(1);
    headerLayout->addWidget(m_statusLabel);
    headerLayout->addWidget(m_reconnectButton);

    m_terminal = new TerminalWidget(this);
    m_terminal->setObjectName(u"consoleTerminal"_s);
    m_terminal->setFrameShape(QFrame::NoFrame);
    m_session = new TerminalSession(m_terminal, this);
    // The session turns the terminal read-only with a message when the program goes;
    // Enter on that message comes back here.
    connect(m_session, &TerminalSession::reconnectRequested, this, &ConsoleTab::connectConsole);
    connect(m_session, &TerminalSession::finished, this, &ConsoleTab::sessionFinished);
    m_terminal->setReadOnly(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_terminal, 1);
    setFocusProxy(m_terminal);
    updateHeader();
}

ConsoleTab::~ConsoleTab()
{
    // A courtesy to the monitor; the socket closing alone would mean the same.
    if (AttachTerminalChannel *c = channel(); c && c->isOpen())
        c->detach();
}

AttachTerminalChannel *ConsoleTab::channel() const
{
    return qobject_cast<AttachTerminalChannel *>(m_session->channel());
}

QString ConsoleTab::title() const
{
    if (m_kind == Kind::Attach)
        return m_containerName;
    return tr("%1: %2").arg(m_containerName, shortCommand(m_command));
}

void ConsoleTab::connectConsole()
{
    if (m_status == Status::Running || m_status == Status::Connecting)
        return;
    if (!m_connector) {
        m_errorText = tr("No connection to the Koker helper.");
        setStatus(Status::Failed);
        m_terminal->showMessage(endMessage());
        return;
    }
    const quint64 attempt = ++m_attempt;
    setStatus(Status::Connecting);
    m_terminal->showMessage(tr("Connecting to %1…").arg(m_containerName));
    QPointer<ConsoleTab> self(this);
    // The connector may answer at once or long after; the tab may be gone by then,
    // and the fd in the result then simply closes (the monitor sees us leave).
    m_connector(this, [self, attempt](Result<UniqueFd> result) {
        if (self)
            self->connectDone(attempt, std::move(result));
    });
}

void ConsoleTab::connectDone(quint64 attempt, Result<UniqueFd> result)
{
    if (attempt != m_attempt)
        return; // superseded (detached, or asked again meanwhile)
    if (!result) {
        const Error &e = result.error();
        QString lead;
        switch (e.code) {
        case ErrorCode::NotFound:
            lead = tr("The container is not running. Start it, then reconnect.");
            break;
        case ErrorCode::PermissionDenied:
        case ErrorCode::Unauthorized:
            lead = tr("You are not allowed to open a console of this container.");
            break;
        case ErrorCode::Unavailable:
            lead = tr("The Koker helper (kokerd) is not available.");
            break;
        default:
            lead = tr("The console could not be opened.");
            break;
        }
        // The detail stays in English: it is the helper's own words, for a bug report.
        m_errorText = lead + u"\n("_s + QString::fromStdString(e.describe()) + u')';
        setStatus(Status::Failed);
        m_terminal->setReadOnly(true);
        m_terminal->showMessage(endMessage());
        return;
    }
    setConsole(std::move(*result));
}

void ConsoleTab::setConsole(UniqueFd fd)
{
    ++m_attempt; // a connect still pending loses to this socket
    if (m_everConnected) {
        // Output of the new connection starts below a visible mark; a full-screen
        // program that was running (vi, top) may have left the alternate screen on.
        const QString mark = tr("reconnected");
        m_session->emulation()->feed("\x1b[?1049l\x1b[0m\x1b[?25h\r\n\x1b[2m── "_ba +
                                     mark.toUtf8() + " ──\x1b[0m\r\n"_ba);
    }
    m_everConnected = true;
    m_exitCode = -1;
    m_exitSignal = 0;
    m_oomKilled = false;
    m_errorText.clear();
    auto *c = new AttachTerminalChannel(std::move(fd));
    connect(c, &AttachTerminalChannel::exited, this, &ConsoleTab::channelExited);
    connect(c, &AttachTerminalChannel::connectionLost, this, &ConsoleTab::channelLost);
    // The session sends our size as the channel's first message (Resize).
    m_session->setChannel(c);
    if (!c->isOpen()) {
        channelLost(c->lostReason());
        sessionFinished();
        return;
    }
    setStatus(Status::Running);
    if (isVisible())
        m_terminal->setFocus();
}

void ConsoleTab::detach()
{
    ++m_attempt;
    AttachTerminalChannel *c = channel();
    if (!c || !c->isOpen()) {
        if (m_status == Status::Connecting)
            setStatus(m_everConnected ? Status::Detached : Status::Idle);
        return;
    }
    c->detach();
    setStatus(Status::Detached);
    m_terminal->setReadOnly(true);
    m_terminal->showMessage(endMessage());
}

void ConsoleTab::channelExited(int exitCode, int signal, bool oomKilled)
{
    m_exitCode = exitCode;
    m_exitSignal = signal;
    m_oomKilled = oomKilled;
    setStatus(Status::Exited);
}

void ConsoleTab::channelLost(const QString &reason)
{
    m_errorText = reason;
    setStatus(Status::Lost);
}

void ConsoleTab::sessionFinished()
{
    // After the session's own short message: say it fully, with how to go on.
    m_terminal->setReadOnly(true);
    m_terminal->showMessage(endMessage());
}

QString ConsoleTab::endMessage() const
{
    QString what;
    switch (m_status) {
    case Status::Exited:
        if (m_oomKilled)
            what = tr("The process was killed by the OOM killer: the container ran out of "
                      "memory (exit code %1).")
                       .arg(m_exitCode);
        else if (m_exitSignal > 0)
            what = tr("The process was killed by signal %1 (exit code %2).")
                       .arg(signalName(m_exitSignal))
                       .arg(m_exitCode);
        else
            what = tr("The process exited with code %1.").arg(m_exitCode);
        break;
    case Status::Lost:
        what = tr("The connection was lost: the container stopped, or its monitor went away.");
        break;
    case Status::Failed:
        what = m_errorText;
        break;
    case Status::Detached:
        what =
            m_kind == Kind::Attach
                ? tr("Detached. The container keeps running.")
                : tr("Detached. %1 keeps running in the container.").arg(shortCommand(m_command));
        break;
    case Status::Idle:
    case Status::Connecting:
    case Status::Running:
        return {};
    }
    const QString next =
        m_kind == Kind::Attach
            ? tr("Press Enter or click Reconnect to attach again, for example "
                 "after restarting the container.")
            : tr("Press Enter or click Run Again to start %1 again.").arg(shortCommand(m_command));
    return what + u"\n\n"_s + next;
}

QString ConsoleTab::statusText() const
{
    switch (m_status) {
    case Status::Idle:
        return tr("Not connected");
    case Status::Connecting:
        return tr("Connecting…");
    case Status::Running:
        return tr("Connected");
    case Status::Exited:
        if (m_oomKilled)
            return tr("Killed by the OOM killer");
        if (m_exitSignal > 0)
            return tr("Killed by %1").arg(signalName(m_exitSignal));
        return tr("Exited with code %1").arg(m_exitCode);
    case Status::Lost:
        return tr("Connection lost");
    case Status::Failed:
        return tr("Could not connect");
    case Status::Detached:
        return tr("Detached");
    }
    return {};
}

void ConsoleTab::setStatus(Status status)
{
    if (m_status == status) {
        updateHeader();
        return;
    }
    m_status = status;
    updateHeader();
    Q_EMIT statusChanged(status);
}

void ConsoleTab::updateHeader()
{
    m_statusLabel->setText(statusText());
    const bool ended = m_status == Status::Exited || m_status == Status::Lost ||
                       m_status == Status::Failed || m_status == Status::Detached;
    m_reconnectButton->setVisible(ended);
    // Bad news in the theme's negative colour, so it is seen without reading.
    const bool bad = m_status == Status::Lost || m_status == Status::Failed ||
                     (m_status == Status::Exited && (m_oomKilled || m_exitCode != 0));
    QPalette palette = m_statusLabel->palette();
    palette.setColor(QPalette::WindowText,
                     bad ? QColor(0xc0, 0x1c, 0x28) : this->palette().color(QPalette::WindowText));
    m_statusLabel->setPalette(palette);
    m_statusLabel->setToolTip(m_status == Status::Failed || m_status == Status::Lost ? m_errorText
                                                                                     : QString());
}

} // namespace koker
