#include "dbustypes.h"

#include <QtDBus/QDBusMetaType>

using namespace Qt::Literals::StringLiterals;

QDBusArgument &operator<<(QDBusArgument &arg, const KokerVolume &v)
{
    arg.beginStructure();
    arg << v.source << v.target << v.readOnly;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, KokerVolume &v)
{
    arg.beginStructure();
    arg >> v.source >> v.target >> v.readOnly;
    arg.endStructure();
    return arg;
}

namespace koker::dbus {

void registerDBusTypes()
{
    qDBusRegisterMetaType<KokerVolume>();
    qDBusRegisterMetaType<KokerVolumeList>();
    qDBusRegisterMetaType<QVariantMapList>();
}

QString errorName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::AlreadyExists:
    case ErrorCode::Busy:
    case ErrorCode::Unsupported:
    case ErrorCode::Unsafe:
    case ErrorCode::Corrupt:
    case ErrorCode::LimitExceeded:
    case ErrorCode::Network:
    case ErrorCode::Unauthorized:
    case ErrorCode::Cancelled:
        return QLatin1StringView(kErrorPrefix) + QLatin1StringView(errorCodeName(code));
    case ErrorCode::PermissionDenied:
        return NotAuthorized;
    case ErrorCode::Unavailable: // the client's own (kokerd is not there to send it)
    case ErrorCode::System:
    case ErrorCode::Internal:
        return Failed;
    }
    return Failed;
}

ErrorCode errorCodeFromName(const QString &name)
{
    const QString prefix = QLatin1StringView(kErrorPrefix);
    if (!name.startsWith(prefix))
        return ErrorCode::Internal;
    const QString tail = name.mid(prefix.size());
    if (tail == u"NotAuthorized"_s || tail == u"NotAuthorizedCanObtain"_s)
        return ErrorCode::PermissionDenied;
    for (ErrorCode c : {ErrorCode::InvalidArgument, ErrorCode::NotFound, ErrorCode::AlreadyExists,
                        ErrorCode::Busy, ErrorCode::Unsupported, ErrorCode::Unsafe,
                        ErrorCode::Corrupt, ErrorCode::LimitExceeded, ErrorCode::Network,
                        ErrorCode::Unauthorized, ErrorCode::Cancelled}) {
        if (tail == QLatin1StringView(errorCodeName(c)))
            return c;
    }
    return ErrorCode::System;
}

QVariantMap stepToVariant(const StepRecord &r)
{
    QVariantMap m{{u"seq"_s, static_cast<uint>(r.seq)},
                  {u"phase"_s, QString::fromLatin1(phaseName(r.phase))},
                  {u"side"_s, QString::fromLatin1(sideName(r.side))},
                  {u"state"_s, QString::fromLatin1(stepStateName(r.state))},
                  {u"pid"_s, r.pid},
                  {u"errno"_s, r.err},
                  {u"start"_s, static_cast<qlonglong>(r.startNs)},
                  {u"duration"_s, static_cast<qlonglong>(r.durationNs)},
                  {u"key"_s, QString::fromUtf8(r.key)},
                  {u"title"_s, QString::fromUtf8(r.title)},
                  {u"op"_s, QString::fromUtf8(r.op)},
                  {u"shell"_s, QString::fromUtf8(r.shell)},
                  {u"message"_s, QString::fromUtf8(r.message)}};
    return m;
}

StepRecord stepFromVariant(const QVariantMap &m)
{
    StepRecord r;
    r.seq = m.value(u"seq"_s).toUInt();
    const QString phase = m.value(u"phase"_s).toString();
    for (Phase p : {Phase::Image, Phase::Storage, Phase::Cgroup, Phase::Network, Phase::Namespace,
                    Phase::Process, Phase::Cleanup}) {
        if (phase == QLatin1StringView(phaseName(p)))
            r.phase = p;
    }
    r.side = m.value(u"side"_s).toString() == u"container"_s ? Side::Container : Side::Host;
    const QString state = m.value(u"state"_s).toString();
    for (StepState s : {StepState::Planned, StepState::Running, StepState::Done, StepState::Failed,
                        StepState::Skipped, StepState::RolledBack}) {
        if (state == QLatin1StringView(stepStateName(s)))
            r.state = s;
    }
    r.pid = m.value(u"pid"_s).toInt();
    r.err = m.value(u"errno"_s).toInt();
    r.startNs = m.value(u"start"_s).toLongLong();
    r.durationNs = m.value(u"duration"_s).toLongLong();
    r.setKey(m.value(u"key"_s).toString().toStdString());
    r.setTitle(m.value(u"title"_s).toString().toStdString());
    r.setOp(m.value(u"op"_s).toString().toStdString());
    r.setShell(m.value(u"shell"_s).toString().toStdString());
    r.setMessage(m.value(u"message"_s).toString().toStdString());
    return r;
}

} // namespace koker::dbus
