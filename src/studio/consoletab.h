#pragma once

// One console of a container in the studio: a terminal on the container's main
// process (attach) or on a command run in it (exec), with a header saying which,
// and what became of it. The connection itself is the owner's business (kokerd's
// Attach or Exec hands over an attach-protocol socket): the tab asks a Connector for
// a socket whenever it needs one -- at the start, and again when the user asks to
// reconnect, e.g. after the container was restarted.

#include "runtime/error.h"
#include "runtime/uniquefd.h"

#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtWidgets/QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace koker {

class AttachTerminalChannel;
class TerminalSession;
class TerminalWidget;

class ConsoleTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleTab)

public:
    /// What the terminal is connected to.
    enum class Kind
    {
        Attach, // the container's main process
        Exec,   // a command run in the container for this tab
    };
    Q_ENUM(Kind)

    /// Where the console stands.
    enum class Status
    {
        Idle,       // never connected
        Connecting, // waiting for the connector
        Running,    // bytes flow
        Exited,     // the process ended (exitCode(), exitSignal(), oomKilled())
        Lost,       // the connection ended without an exit status
        Failed,     // the connector reported an error (errorText())
        Detached,   // we left; the process keeps running
    };
    Q_ENUM(Status)

    /// Called by the connector exactly once with the console socket or an error.
    using ConnectDone = std::function<void(Result<UniqueFd>)>;
    /// Opens a console for `tab` (asynchronously) and reports through `done`.
    using Connector = std::function<void(ConsoleTab *tab, ConnectDone done)>;

    /// A console of container `id` shown as `name`; `command` is what an Exec runs.
    ConsoleTab(const QString &containerId, const QString &containerName, Kind kind,
               const QStringList &command = {}, QWidget *parent = nullptr);
    ~ConsoleTab() override;

    /// How to get a console socket; needed before connectConsole().
    void setConnector(Connector connector) { m_connector = std::move(connector); }
    /// Ask the connector for a socket (first connection, or reconnect when not running).
    void connectConsole();
    /// Use this open attach socket now (the connector's result goes through here too).
    void setConsole(UniqueFd fd);
    /// Leave the console: Detach to the monitor; the process keeps running.
    void detach();

    /// The container's id.
    QString containerId() const { return m_containerId; }
    /// The container's name as shown.
    QString containerName() const { return m_containerName; }
    /// Attach or exec.
    Kind kind() const { return m_kind; }
    /// The exec command (empty for attach).
    QStringList command() const { return m_command; }
    /// A short title for a tab: the name, plus the command for an exec.
    QString title() const;
    /// The current status.
    Status status() const { return m_status; }
    /// The status in a sentence, as the header shows it.
    QString statusText() const;
    /// Exit code of the process (-1 unless Exited).
    int exitCode() const { return m_exitCode; }
    /// The signal that ended the process, 0 if none.
    int exitSignal() const { return m_exitSignal; }
    /// Whether the OOM killer ended the process.
    bool oomKilled() const { return m_oomKilled; }
    /// The connector's error message (Failed) or the reason a connection was lost.
    QString errorText() const { return m_errorText; }

    /// The terminal widget.
    TerminalWidget *terminal() const { return m_terminal; }
    /// The terminal session (emulation and channel).
    TerminalSession *session() const { return m_session; }
    /// The current channel, or null.
    AttachTerminalChannel *channel() const;

Q_SIGNALS:
    /// status() changed.
    void statusChanged(koker::ConsoleTab::Status status);

private:
    void setStatus(Status status);
    void connectDone(quint64 attempt, Result<UniqueFd> result);
    void channelExited(int exitCode, int signal, bool oomKilled);
    void channelLost(const QString &reason);
    void sessionFinished();
    void updateHeader();
    QString endMessage() const;

    QString m_containerId;
    QString m_containerName;
    Kind m_kind;
    QStringList m_command;
    Connector m_connector;
    quint64 m_attempt = 0; // a reply to an older attempt is dropped
    bool m_everConnected = false;

    Status m_status = Status::Idle;
    int m_exitCode = -1;
    int m_exitSignal = 0;
    bool m_oomKilled = false;
    QString m_errorText;

    QLabel *m_nameLabel = nullptr;
    QLabel *m_kindLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_reconnectButton = nullptr;
    TerminalWidget *m_terminal = nullptr;
    TerminalSession *m_session = nullptr;
};

} // namespace koker
