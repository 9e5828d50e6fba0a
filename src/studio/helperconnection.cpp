#include "helperconnection.h"

#include "dbus/dbustypes.h"

#include <QtDBus/QDBusMessage>
#include <QtDBus/QDBusPendingCallWatcher>
#include <QtDBus/QDBusPendingReply>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// How often to look for kokerd again while it is missing: cheap (one question to
// the bus daemon), and the window recovers by itself once the helper is started.
constexpr int kRetryMs = 5000;

QDBusMessage busCall(const QString &method, const QVariantList &args)
{
    QDBusMessage m = QDBusMessage::createMethodCall(
        u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s, u"org.freedesktop.DBus"_s, method);
    m.setArguments(args);
    return m;
}

} // namespace

HelperConnection::HelperConnection(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_client(new client::HelperClient(bus, this))
{
    m_client->setInteractive(m_interactive);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(kRetryMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &HelperConnection::connectToHelper);
    m_message = tr("Looking for Koker's helper (kokerd)…");
}

HelperConnection::~HelperConnection() = default;

void HelperConnection::setInteractive(bool interactive)
{
    m_interactive = interactive;
    m_client->setInteractive(interactive);
}

void HelperConnection::setState(State state, const QString &message)
{
    if (state == m_state && message == m_message)
        return;
    m_state = state;
    m_message = message;
    if (state == State::Unavailable)
        m_retryTimer.start();
    Q_EMIT stateChanged(state);
}

void HelperConnection::connectToHelper()
{
    if (m_checking)
        return;
    m_retryTimer.stop();
    if (!m_bus.isConnected()) {
        setState(State::Unavailable,
                 tr("Koker Studio cannot reach the system's message bus (D-Bus): %1. "
                    "Is the dbus service running?")
                     .arg(m_bus.lastError().message()));
        return;
    }
    // A retry keeps the failure showing until the answer differs: the window's
    // message does not blink every few seconds.
    if (m_state == State::Connecting)
        setState(State::Connecting, tr("Looking for Koker's helper (kokerd)…"));
    m_checking = true;
    // Ask the bus daemon first, asynchronously: calling kokerd directly when it is
    // missing would also fail, but only after D-Bus's own timeout in some setups.
    auto *owner = new QDBusPendingCallWatcher(
        m_bus.asyncCall(busCall(u"NameHasOwner"_s, {dbus::serviceName()})), this);
    connect(owner, &QDBusPendingCallWatcher::finished, this, [this, owner] {
        owner->deleteLater();
        QDBusPendingReply<bool> hasOwner = *owner;
        if (!hasOwner.isError() && hasOwner.value()) {
            askForInfo();
            return;
        }
        // Not running: a system with bus activation starts it on the first call.
        auto *activatable = new QDBusPendingCallWatcher(
            m_bus.asyncCall(busCall(u"ListActivatableNames"_s, {})), this);
        connect(activatable, &QDBusPendingCallWatcher::finished, this, [this, activatable] {
            activatable->deleteLater();
            QDBusPendingReply<QStringList> names = *activatable;
            if (!names.isError() && names.value().contains(dbus::serviceName())) {
                askForInfo();
                return;
            }
            m_checking = false;
            setState(State::Unavailable,
                     tr("Koker's helper (kokerd) is not running. Start it with "
                        "“sudo systemctl start kokerd”, or ask your teacher to install Koker. "
                        "Koker Studio keeps looking for it."));
        });
    });
}

void HelperConnection::askForInfo()
{
    m_client->getInfo([this](Result<QVariantMap> info) {
        m_checking = false;
        if (!info) {
            const QString sentence = describeError(info.error(), tr("use Koker"));
            if (info.error().code == ErrorCode::PermissionDenied)
                setState(State::Refused, sentence);
            else
                setState(State::Unavailable, sentence);
            return;
        }
        m_info = *info;
        m_hostInfo = HostInfo::fromInfoMap(*info);
        setState(State::Connected,
                 tr("Connected to kokerd %1").arg(info->value(u"version"_s).toString()));
    });
}

void HelperConnection::beginOperation(client::OperationClient *op, const QString &action,
                                      const QString &title, const QString &containerId)
{
    // Listeners connect in their slots (direct connections), so by the time Begin
    // reaches kokerd every StepChanged has a receiver.
    Q_EMIT operationStarting(op, action, title, containerId);
    op->begin();
}

QString HelperConnection::cgroupModeText(CgroupMode mode)
{
    switch (mode) {
    case CgroupMode::Unified:
        return tr("cgroup v2");
    case CgroupMode::Hybrid:
        return tr("cgroup v1 + v2 (hybrid)");
    case CgroupMode::Legacy:
        return tr("cgroup v1");
    }
    return {};
}

bool HelperConnection::isUnavailable(const Error &error)
{
    // errorFromDBus (src/client): ServiceUnknown, NoServer and Disconnected.
    return error.code == ErrorCode::Unavailable;
}

QString HelperConnection::handleError(const Error &error, const QString &action)
{
    const QString sentence = describeError(error, action);
    if (isUnavailable(error) && m_state == State::Connected)
        setState(State::Unavailable, sentence);
    return sentence;
}

QString HelperConnection::describeError(const Error &error, const QString &action)
{
    const QString detail = QString::fromStdString(error.message);
    QString sentence;
    switch (error.code) {
    case ErrorCode::PermissionDenied:
        if (client::canObtainAuthorization(error))
            sentence = tr("You are not allowed to %1 without an administrator's password. "
                          "Turn on “Ask for a password” in Settings, or ask your teacher to add "
                          "you to the koker group.")
                           .arg(action);
        else if (detail.startsWith(u"the system bus refused"_s))
            sentence = tr("The system refused to pass the request on to kokerd: its D-Bus "
                          "policy may be missing. Ask your teacher to reinstall Koker.");
        else
            sentence = tr("You are not allowed to %1. Ask your teacher to add you to the koker "
                          "group.")
                           .arg(action);
        break;
    case ErrorCode::Unavailable:
        return tr("Koker's helper (kokerd) is not running, so Koker Studio cannot %1. "
                  "Start it with “sudo systemctl start kokerd”, or ask your teacher to "
                  "install Koker.")
            .arg(action);
    case ErrorCode::Unsupported:
        sentence =
            tr("Could not %1: this computer or this version of Koker cannot do that.").arg(action);
        break;
    case ErrorCode::NotFound:
        sentence = tr("Could not %1: it does not exist (any more).").arg(action);
        break;
    case ErrorCode::AlreadyExists:
        sentence = tr("Could not %1: that name is already taken.").arg(action);
        break;
    case ErrorCode::Busy:
        sentence = tr("Could not %1: it is in use right now (an image used by a container, or "
                      "a container that is still running).")
                       .arg(action);
        break;
    case ErrorCode::InvalidArgument:
        sentence = tr("Could not %1: a value was not accepted.").arg(action);
        break;
    case ErrorCode::Unsafe:
        sentence = tr("Could not %1: Koker refused input that looked unsafe.").arg(action);
        break;
    case ErrorCode::Corrupt:
        sentence =
            tr("Could not %1: the data is damaged or does not match its checksum.").arg(action);
        break;
    case ErrorCode::LimitExceeded:
        sentence = tr("Could not %1: a size, count or time limit was reached.").arg(action);
        break;
    case ErrorCode::Network:
        sentence = tr("Could not %1: the registry could not be reached. Check the network "
                      "connection and the image name.")
                       .arg(action);
        break;
    case ErrorCode::Unauthorized:
        sentence = tr("Could not %1: the registry refused the request. The image may be "
                      "private, or its name misspelled.")
                       .arg(action);
        break;
    case ErrorCode::Cancelled:
        return tr("Cancelled: %1.").arg(action);
    case ErrorCode::System:
    case ErrorCode::Internal:
        sentence = tr("Could not %1: kokerd reported an error.").arg(action);
        break;
    }
    if (detail.isEmpty())
        return sentence;
    return tr("%1 Details: %2").arg(sentence, detail);
}

QString HelperConnection::describeOperationError(const QString &errorName, const QString &message,
                                                 const QString &action)
{
    Error e;
    e.code = dbus::errorCodeFromName(errorName);
    e.message = message.toStdString();
    if (errorName == dbus::NotAuthorizedCanObtain)
        e.step = "authorization";
    return describeError(e, action);
}

} // namespace koker::studio
