#pragma once

// Names and types shared by kokerd and its clients, next to the contract in
// helper/dbus/org.koker.Helper1.xml (which the adaptors and proxies are generated
// from). Register the types once per process with registerDBusTypes().

#include "runtime/error.h"
#include "runtime/step.h"

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QVariantMap>
#include <QtDBus/QDBusArgument>
#include <QtDBus/QDBusUnixFileDescriptor>

namespace koker::dbus {

inline constexpr auto kServiceName = "org.koker.Helper1";
inline constexpr auto kObjectPath = "/org/koker/Helper1";
inline constexpr auto kOperationPathPrefix = "/org/koker/Helper1/operation/";
inline constexpr auto kErrorPrefix = "org.koker.Helper1.Error.";

inline QString serviceName()
{
    return QString::fromLatin1(kServiceName);
}
inline QString objectPath()
{
    return QString::fromLatin1(kObjectPath);
}

/// The D-Bus error name for a failure ("org.koker.Helper1.Error.NotFound").
QString errorName(ErrorCode code);
inline const QString NotAuthorized = QStringLiteral("org.koker.Helper1.Error.NotAuthorized");
inline const QString NotAuthorizedCanObtain =
    QStringLiteral("org.koker.Helper1.Error.NotAuthorizedCanObtain");
inline const QString Failed = QStringLiteral("org.koker.Helper1.Error.Failed");
inline const QString InvalidArgument = QStringLiteral("org.koker.Helper1.Error.InvalidArgument");
/// The other way, for clients: an error name back to a code (Internal if unknown).
ErrorCode errorCodeFromName(const QString &name);

/// A step record as the contract's a{sv}, and back.
QVariantMap stepToVariant(const StepRecord &record);
StepRecord stepFromVariant(const QVariantMap &map);

} // namespace koker::dbus

/// One volume of CreateContainer: (h source, s target, b readOnly).
struct KokerVolume
{
    QDBusUnixFileDescriptor source;
    QString target;
    bool readOnly = false;
};
using KokerVolumeList = QList<KokerVolume>;
using QVariantMapList = QList<QVariantMap>;

QDBusArgument &operator<<(QDBusArgument &arg, const KokerVolume &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, KokerVolume &v);

Q_DECLARE_METATYPE(KokerVolume)
Q_DECLARE_METATYPE(KokerVolumeList)
Q_DECLARE_METATYPE(QVariantMapList)

namespace koker::dbus {
/// qDBusRegisterMetaType for every type above; call before any D-Bus traffic.
void registerDBusTypes();
} // namespace koker::dbus
