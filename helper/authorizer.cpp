#include "authorizer.h"

#include <QtDBus/QDBusArgument>
#include <QtDBus/QDBusMetaType>
#include <QtDBus/QDBusPendingCallWatcher>
#include <QtDBus/QDBusPendingReply>

using namespace Qt::Literals::StringLiterals;

namespace koker::helper {

namespace {

// polkit's subject: (sa{sv}) = ("system-bus-name", {"name": <unique name>}).
struct PolkitSubject
{
    QString kind;
    QVariantMap details;
};

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitSubject &s)
{
    arg.beginStructure();
    arg << s.kind << s.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitSubject &s)
{
    arg.beginStructure();
    arg >> s.kind >> s.details;
    arg.endStructure();
    return arg;
}

// The authorization result: (bba{ss}) = (is_authorized, is_challenge, details).
struct PolkitResult
{
    bool authorized = false;
    bool challenge = false;
    QMap<QString, QString> details;
};

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitResult &r)
{
    arg.beginStructure();
    arg >> r.authorized >> r.challenge >> r.details;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitResult &r)
{
    arg.beginStructure();
    arg << r.authorized << r.challenge << r.details;
    arg.endStructure();
    return arg;
}

constexpr uint kAllowUserInteraction = 0x1;

} // namespace
} // namespace koker::helper

Q_DECLARE_METATYPE(koker::helper::PolkitSubject)
Q_DECLARE_METATYPE(koker::helper::PolkitResult)

namespace koker::helper {

Authorizer::Authorizer(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

void Authorizer::callerUid(const QString &busName, std::function<void(bool, uint)> done)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                       u"org.freedesktop.DBus"_s, u"GetConnectionUnixUser"_s);
    call << busName;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 10000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        QDBusPendingReply<uint> reply = *watcher;
        watcher->deleteLater();
        if (reply.isError())
            done(false, 0);
        else
            done(true, reply.value());
    });
}

void Authorizer::check(const QDBusMessage &message, const QString &action, bool interactive,
                       std::function<void(const AuthResult &)> done)
{
    const QString busName = message.service();
    if (busName.isEmpty() || !busName.startsWith(u':')) {
        // Only unique names identify a connection; anything else is refused.
        done(AuthResult{AuthResult::No, 0, false, u"no unique sender name"_s});
        return;
    }
    callerUid(busName, [this, busName, action, interactive,
                        done = std::move(done)](bool ok, uint uid) mutable {
        if (!ok) {
            // The caller left the bus (or the bus failed): never authorized.
            done(AuthResult{AuthResult::No, 0, false, u"cannot identify the caller"_s});
            return;
        }
        checkPolkit(busName, uid, action, interactive, std::move(done));
    });
}

void Authorizer::checkPolkit(const QString &busName, uint uid, const QString &action,
                             bool interactive, std::function<void(const AuthResult &)> done)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        m_authorityService, u"/org/freedesktop/PolicyKit1/Authority"_s,
        u"org.freedesktop.PolicyKit1.Authority"_s, u"CheckAuthorization"_s);
    PolkitSubject subject{u"system-bus-name"_s, {{u"name"_s, busName}}};
    call << QVariant::fromValue(subject) << action << QVariant::fromValue(QMap<QString, QString>{})
         << static_cast<uint>(interactive ? kAllowUserInteraction : 0) << QString();
    // polkit can take as long as the user needs to type a password.
    const int timeout = interactive ? 5 * 60 * 1000 : 30 * 1000;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, timeout), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, uid, busName, done = std::move(done)]() mutable {
                QDBusPendingReply<PolkitResult> reply = *watcher;
                watcher->deleteLater();
                AuthResult r;
                r.uid = uid;
                r.uidKnown = true;
                if (reply.isError()) {
                    r.verdict = AuthResult::No;
                    r.detail =
                        u"polkit: "_s + reply.error().name() + u": "_s + reply.error().message();
                } else if (reply.value().authorized) {
                    r.verdict = AuthResult::Yes;
                } else {
                    r.verdict = reply.value().challenge ? AuthResult::Challenge : AuthResult::No;
                }
                if (r.verdict != AuthResult::Yes) {
                    done(r);
                    return;
                }
                // polkit may take seconds (a rule, a password). A caller that left the
                // bus meanwhile is gone for good (unique names are never reused), and
                // its request must not be carried out: ask the bus again.
                callerUid(busName, [r, uid, done = std::move(done)](bool ok, uint now) mutable {
                    if (!ok || now != uid) {
                        r.verdict = AuthResult::No;
                        r.detail = u"the caller left the bus during authorization"_s;
                    }
                    done(r);
                });
            });
}

} // namespace koker::helper
