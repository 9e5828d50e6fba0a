#pragma once

// The studio's one link to kokerd. It owns the HelperClient, finds out whether the
// helper can be reached at all (asking the bus, asynchronously, before calling it),
// reads GetInfo into a HostInfo, and turns the helper's error codes into sentences
// a student can act on. Every long action passes through beginOperation(), so the
// main window can connect the timeline to an operation before it begins and no
// step is missed.

#include "client/helperclient.h"
#include "runtime/error.h"
#include "studio/hostinfo.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtCore/QVariantMap>
#include <QtDBus/QDBusConnection>

namespace koker::studio {

class HelperConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperConnection)

public:
    enum class State
    {
        Connecting,  // asking the bus, or waiting for GetInfo
        Connected,   // GetInfo answered
        Unavailable, // no bus, or no kokerd on it (retried every few seconds)
        Refused,     // kokerd answered, but polkit said no
    };
    Q_ENUM(State)

    /// A connection over `bus` (the system bus; tests pass the fixture's bus).
    explicit HelperConnection(QDBusConnection bus = QDBusConnection::systemBus(),
                              QObject *parent = nullptr);
    ~HelperConnection() override;

    /// The client all views call kokerd through.
    client::HelperClient *client() const { return m_client; }
    /// Where the connection stands.
    State state() const { return m_state; }
    /// Whether calls can be made (GetInfo answered).
    bool isConnected() const { return m_state == State::Connected; }
    /// A translated sentence for the current state ("Connected to kokerd 0.1.0", or what to do).
    QString stateMessage() const { return m_message; }
    /// Whether a check (bus, then GetInfo) is on its way.
    bool isChecking() const { return m_checking; }
    /// The host as GetInfo described it (known == false before the first answer).
    HostInfo hostInfo() const { return m_hostInfo; }
    /// GetInfo's whole answer (version, storeRoot, callerUid, ...).
    QVariantMap info() const { return m_info; }

    /// Let polkit ask for a password through the desktop's agent (default on).
    void setInteractive(bool interactive);
    /// Whether polkit may ask for a password.
    bool isInteractive() const { return m_interactive; }

    /// Check the bus for kokerd, then ask GetInfo; stateChanged() follows.
    void connectToHelper();

    /// Tell listeners about `op` (so they can connect to its signals), then begin it.
    /// `action` is the timeline's group name ("pull", "start"), `title` names it for
    /// people ("Pull alpine"); `containerId` is empty for image work.
    void beginOperation(client::OperationClient *op, const QString &action, const QString &title,
                        const QString &containerId = {});

    /// A sentence for a failed action: `action` is a translated verb phrase
    /// ("start the container"); the helper's English detail is appended.
    static QString describeError(const Error &error, const QString &action);
    /// The same for an operation's Completed(false, errorName, message).
    static QString describeOperationError(const QString &errorName, const QString &message,
                                          const QString &action);
    /// "cgroup v2", "cgroup v1 + v2 (hybrid)" or "cgroup v1", translated.
    static QString cgroupModeText(CgroupMode mode);
    /// Whether an error means kokerd is gone (not running, bus closed).
    static bool isUnavailable(const Error &error);

    /// Report that a call failed with `error`: a vanished helper moves the state to
    /// Unavailable (and a retry starts). Returns describeError(error, action).
    QString handleError(const Error &error, const QString &action);

Q_SIGNALS:
    /// The state or its message changed.
    void stateChanged(koker::studio::HelperConnection::State state);
    /// An operation is about to begin: connect to it now (the call is direct).
    void operationStarting(koker::client::OperationClient *op, const QString &action,
                           const QString &title, const QString &containerId);

private:
    void setState(State state, const QString &message);
    void askForInfo();

    QDBusConnection m_bus;
    client::HelperClient *m_client = nullptr;
    State m_state = State::Connecting;
    QString m_message;
    HostInfo m_hostInfo;
    QVariantMap m_info;
    bool m_interactive = true;
    bool m_checking = false;
    QTimer m_retryTimer;
};

} // namespace koker::studio
