#pragma once

// Asks polkit whether the caller of a D-Bus method may do something, without
// blocking the event loop (no nested loop either): first the caller's uid from the
// bus, then org.freedesktop.PolicyKit1.Authority.CheckAuthorization with the
// caller's *unique bus name* as the subject (never a pid: CVE-2013-4288).
// Everything that is not a clear yes is a no (fail closed: CVE-2021-3560).

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>

#include <functional>

namespace koker::helper {

/// The polkit actions of helper/polkit/org.koker.helper.policy.
namespace Action {
inline const QString Observe = QStringLiteral("org.koker.helper.observe");
inline const QString PullImages = QStringLiteral("org.koker.helper.images-pull");
inline const QString ManageImages = QStringLiteral("org.koker.helper.images-manage");
inline const QString RunContainers = QStringLiteral("org.koker.helper.containers-run");
inline const QString ManageOwn = QStringLiteral("org.koker.helper.containers-manage-own");
inline const QString ManageOthers = QStringLiteral("org.koker.helper.containers-manage-others");
inline const QString HostNetwork = QStringLiteral("org.koker.helper.host-network");
} // namespace Action

struct AuthResult
{
    enum Verdict
    {
        Yes,
        No,
        Challenge
    } verdict = No;
    uint uid = 0; // the caller's uid (valid whenever the bus told us)
    bool uidKnown = false;
    QString detail; // why not, for the helper's log
};

class Authorizer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Authorizer)

public:
    explicit Authorizer(QDBusConnection bus, QObject *parent = nullptr);

    /// Check `action` for the sender of `message`; `done` runs later, on this
    /// thread, exactly once. `interactive`: polkit may ask for a password.
    void check(const QDBusMessage &message, const QString &action, bool interactive,
               std::function<void(const AuthResult &)> done);

    /// Only the caller's uid (for the second, ownership-dependent check).
    void callerUid(const QString &busName, std::function<void(bool ok, uint uid)> done);

    /// Tests run the helper on a private bus with a stand-in authority.
    void setAuthorityService(const QString &service) { m_authorityService = service; }

private:
    void checkPolkit(const QString &busName, uint uid, const QString &action, bool interactive,
                     std::function<void(const AuthResult &)> done);

    QDBusConnection m_bus;
    QString m_authorityService = QStringLiteral("org.freedesktop.PolicyKit1");
};

} // namespace koker::helper
