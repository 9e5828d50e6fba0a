#include "containerrecord.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

QJsonArray arr(const QStringList &l)
{
    return QJsonArray::fromStringList(l);
}

QStringList list(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &x : a)
        out << x.toString();
    return out;
}

QString durationText(qint64 seconds)
{
    if (seconds < 1)
        return u"Less than a second"_s;
    if (seconds < 60)
        return QString::number(seconds) + (seconds == 1 ? u" second"_s : u" seconds"_s);
    qint64 minutes = seconds / 60;
    if (minutes < 60)
        return minutes == 1 ? u"About a minute"_s : QString::number(minutes) + u" minutes"_s;
    qint64 hours = (minutes + 30) / 60;
    if (hours < 48)
        return hours == 1 ? u"About an hour"_s : QString::number(hours) + u" hours"_s;
    return QString::number(hours / 24) + u" days"_s;
}

} // namespace

Result<PortMapping> PortMapping::parse(const QString &input)
{
    auto invalid = [&](const std::string &why) {
        return fail(ErrorCode::InvalidArgument,
                    "invalid port mapping \"" + input.toStdString() + "\": " + why +
                        " (expected [IP:]HOSTPORT:CONTAINERPORT[/tcp|udp])");
    };
    PortMapping m;
    QString text = input;
    if (qsizetype slash = text.lastIndexOf(u'/'); slash >= 0) {
        m.protocol = text.mid(slash + 1).toLower();
        text.truncate(slash);
        if (m.protocol != u"tcp"_s && m.protocol != u"udp"_s)
            return invalid("the protocol must be tcp or udp");
    }
    QStringList parts = text.split(u':');
    if (parts.size() > 3 || parts.isEmpty())
        return invalid("too many ':'");
    auto port = [](const QString &s, quint16 &out) {
        // Digits only, as Go's ParseUint: QString::toUInt also takes "+80" and " 80".
        for (QChar c : s) {
            if (c < u'0' || c > u'9')
                return false;
        }
        bool ok = false;
        uint v = s.toUInt(&ok);
        if (!ok || v == 0 || v > 65535)
            return false;
        out = static_cast<quint16>(v);
        return true;
    };
    if (parts.size() == 3) {
        m.hostIp = parts[0];
        static const QRegularExpression ipv4(
            u"^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\z"_s);
        if (!m.hostIp.isEmpty() && !ipv4.match(m.hostIp).hasMatch())
            return invalid("\"" + m.hostIp.toStdString() + "\" is not an IPv4 address");
        parts.removeFirst();
    }
    if (parts.size() == 2) {
        if (!port(parts[0], m.hostPort))
            return invalid("the host port must be 1-65535");
        if (!port(parts[1], m.containerPort))
            return invalid("the container port must be 1-65535");
    } else {
        if (!port(parts[0], m.containerPort))
            return invalid("the port must be 1-65535");
        m.hostPort = m.containerPort;
    }
    return m;
}

QString PortMapping::toString() const
{
    QString s = (hostIp.isEmpty() ? u"0.0.0.0"_s : hostIp) + u':' + QString::number(hostPort) +
                u"->"_s + QString::number(containerPort) + u'/' + protocol;
    return s;
}

namespace {

// QDir::cleanPath keeps the ".." that begin a rooted path ("/.." stays "/.."); Go's
// filepath.Clean, which Docker uses, drops them: "/.." is "/", "/../x" is "/x".
QString cleanAbsolutePath(const QString &path)
{
    QString clean = QDir::cleanPath(path);
    while (clean == u"/.."_s || clean.startsWith(u"/../"_s))
        clean = clean.mid(3).isEmpty() ? u"/"_s : clean.mid(3);
    return clean;
}

} // namespace

Result<VolumeMount> VolumeMount::parse(const QString &text)
{
    QStringList parts = text.split(u':');
    auto invalid = [&](const std::string &why) {
        return fail(ErrorCode::InvalidArgument, "invalid volume \"" + text.toStdString() +
                                                    "\": " + why +
                                                    " (expected /host/path:/container/path[:ro])");
    };
    if (parts.size() < 2 || parts.size() > 3)
        return invalid("wrong number of ':'");
    VolumeMount v;
    v.source = cleanAbsolutePath(parts[0]);
    v.target = cleanAbsolutePath(parts[1]);
    if (!parts[0].startsWith(u'/'))
        return invalid("the host path must be absolute (named volumes are not supported)");
    if (!v.target.startsWith(u'/') || v.target == u"/"_s)
        return invalid("the container path must be absolute and not /");
    if (parts.size() == 3) {
        if (parts[2] == u"ro"_s)
            v.readOnly = true;
        else if (parts[2] != u"rw"_s)
            return invalid("the mode must be ro or rw");
    }
    return v;
}

QJsonObject ContainerConfig::toJson() const
{
    QJsonArray portArray;
    for (const PortMapping &p : ports)
        portArray.append(QJsonObject{{u"hostIp"_s, p.hostIp},
                                     {u"hostPort"_s, p.hostPort},
                                     {u"containerPort"_s, p.containerPort},
                                     {u"protocol"_s, p.protocol}});
    QJsonArray volumeArray;
    for (const VolumeMount &v : volumes)
        volumeArray.append(QJsonObject{
            {u"source"_s, v.source}, {u"target"_s, v.target}, {u"readOnly"_s, v.readOnly}});
    return QJsonObject{
        {u"id"_s, id},
        {u"name"_s, name},
        {u"image"_s, image},
        {u"imageId"_s, imageId.toString()},
        {u"args"_s, arr(args)},
        {u"entrypoint"_s, arr(entrypoint)},
        {u"cmd"_s, arr(cmd)},
        {u"env"_s, arr(env)},
        {u"workingDir"_s, workingDir},
        {u"user"_s, user},
        {u"hostname"_s, hostname},
        {u"tty"_s, tty},
        {u"openStdin"_s, openStdin},
        {u"autoRemove"_s, autoRemove},
        {u"limits"_s, QJsonObject{{u"memory"_s, static_cast<qint64>(limits.memoryBytes)},
                                  {u"memorySwap"_s, static_cast<qint64>(limits.memorySwapBytes)},
                                  {u"nanoCpus"_s, static_cast<qint64>(limits.nanoCpus)},
                                  {u"pidsLimit"_s, static_cast<qint64>(limits.pidsMax)}}},
        {u"networkMode"_s, networkMode},
        {u"ports"_s, portArray},
        {u"volumes"_s, volumeArray},
        {u"privileged"_s, privileged},
        {u"capAdd"_s, arr(capAdd)},
        {u"capDrop"_s, arr(capDrop)},
        {u"stopSignal"_s, stopSignal},
        {u"owner"_s, static_cast<qint64>(ownerUid)},
        {u"created"_s, created.toString(Qt::ISODateWithMs)},
    };
}

Result<ContainerConfig> ContainerConfig::fromJson(const QJsonObject &o)
{
    ContainerConfig c;
    c.id = o.value(u"id"_s).toString();
    c.name = o.value(u"name"_s).toString();
    c.image = o.value(u"image"_s).toString();
    if (auto d = Digest::parse(o.value(u"imageId"_s).toString()); d)
        c.imageId = *d;
    c.args = list(o.value(u"args"_s));
    c.entrypoint = list(o.value(u"entrypoint"_s));
    c.cmd = list(o.value(u"cmd"_s));
    c.env = list(o.value(u"env"_s));
    c.workingDir = o.value(u"workingDir"_s).toString(u"/"_s);
    c.user = o.value(u"user"_s).toString();
    c.hostname = o.value(u"hostname"_s).toString();
    c.tty = o.value(u"tty"_s).toBool();
    c.openStdin = o.value(u"openStdin"_s).toBool();
    c.autoRemove = o.value(u"autoRemove"_s).toBool();
    const QJsonObject l = o.value(u"limits"_s).toObject();
    c.limits.memoryBytes = l.value(u"memory"_s).toInteger();
    c.limits.memorySwapBytes = l.value(u"memorySwap"_s).toInteger();
    c.limits.nanoCpus = l.value(u"nanoCpus"_s).toInteger();
    c.limits.pidsMax = l.value(u"pidsLimit"_s).toInteger();
    c.networkMode = o.value(u"networkMode"_s).toString(u"bridge"_s);
    const QJsonArray ports = o.value(u"ports"_s).toArray();
    for (const QJsonValue &v : ports) {
        QJsonObject p = v.toObject();
        PortMapping m;
        m.hostIp = p.value(u"hostIp"_s).toString();
        m.hostPort = static_cast<quint16>(p.value(u"hostPort"_s).toInt());
        m.containerPort = static_cast<quint16>(p.value(u"containerPort"_s).toInt());
        m.protocol = p.value(u"protocol"_s).toString(u"tcp"_s);
        c.ports << m;
    }
    const QJsonArray volumes = o.value(u"volumes"_s).toArray();
    for (const QJsonValue &v : volumes) {
        QJsonObject x = v.toObject();
        c.volumes << VolumeMount{x.value(u"source"_s).toString(), x.value(u"target"_s).toString(),
                                 x.value(u"readOnly"_s).toBool()};
    }
    c.privileged = o.value(u"privileged"_s).toBool();
    c.capAdd = list(o.value(u"capAdd"_s));
    c.capDrop = list(o.value(u"capDrop"_s));
    c.stopSignal = o.value(u"stopSignal"_s).toString();
    c.ownerUid = static_cast<uint>(o.value(u"owner"_s).toInteger());
    c.created = QDateTime::fromString(o.value(u"created"_s).toString(), Qt::ISODateWithMs);
    if (c.id.size() != 64 || !isSha256Hex(c.id))
        return fail(ErrorCode::Corrupt, "container config has an invalid id");
    return c;
}

const char *containerStatusName(ContainerStatus status)
{
    switch (status) {
    case ContainerStatus::Created:
        return "created";
    case ContainerStatus::Running:
        return "running";
    case ContainerStatus::Exited:
        return "exited";
    case ContainerStatus::Removing:
        return "removing";
    }
    return "created";
}

QJsonObject ContainerState::toJson() const
{
    return QJsonObject{{u"status"_s, QLatin1StringView(containerStatusName(status))},
                       {u"pid"_s, pid},
                       {u"pidStartTime"_s, static_cast<qint64>(pidStartTime)},
                       {u"monitorPid"_s, monitorPid},
                       {u"monitorStartTime"_s, static_cast<qint64>(monitorStartTime)},
                       {u"startedAt"_s, startedAt.toString(Qt::ISODateWithMs)},
                       {u"finishedAt"_s, finishedAt.toString(Qt::ISODateWithMs)},
                       {u"exitCode"_s, exitCode},
                       {u"oomKilled"_s, oomKilled},
                       {u"restartCount"_s, restartCount},
                       {u"cgroupPaths"_s, arr(cgroupPaths)},
                       {u"network"_s, network}};
}

ContainerState ContainerState::fromJson(const QJsonObject &o)
{
    ContainerState s;
    QString status = o.value(u"status"_s).toString();
    for (ContainerStatus st : {ContainerStatus::Created, ContainerStatus::Running,
                               ContainerStatus::Exited, ContainerStatus::Removing}) {
        if (status == QLatin1StringView(containerStatusName(st)))
            s.status = st;
    }
    s.pid = o.value(u"pid"_s).toInt();
    s.pidStartTime = static_cast<quint64>(o.value(u"pidStartTime"_s).toInteger());
    s.monitorPid = o.value(u"monitorPid"_s).toInt();
    s.monitorStartTime = static_cast<quint64>(o.value(u"monitorStartTime"_s).toInteger());
    s.startedAt = QDateTime::fromString(o.value(u"startedAt"_s).toString(), Qt::ISODateWithMs);
    s.finishedAt = QDateTime::fromString(o.value(u"finishedAt"_s).toString(), Qt::ISODateWithMs);
    s.exitCode = o.value(u"exitCode"_s).toInt();
    s.oomKilled = o.value(u"oomKilled"_s).toBool();
    s.restartCount = o.value(u"restartCount"_s).toInt();
    s.cgroupPaths = list(o.value(u"cgroupPaths"_s));
    s.network = o.value(u"network"_s).toObject();
    return s;
}

QString ContainerRecord::statusText() const
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    switch (state.status) {
    case ContainerStatus::Created:
        return u"Created"_s;
    case ContainerStatus::Running:
        return u"Up "_s + durationText(state.startedAt.secsTo(now));
    case ContainerStatus::Exited: {
        QString s = u"Exited ("_s + QString::number(state.exitCode) + u") "_s +
                    durationText(state.finishedAt.secsTo(now)) + u" ago"_s;
        if (state.oomKilled)
            s += u" OOM"_s;
        return s;
    }
    case ContainerStatus::Removing:
        return u"Removal In Progress"_s;
    }
    return {};
}

} // namespace koker
