#pragma once

// What the engine keeps about a container: its configuration (fixed at create)
// and its state (changed by start, exit, stop), as JSON files in its directory.

#include "engine/digest.h"
#include "runtime/cgrouplimits.h"
#include "runtime/error.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace koker {

struct PortMapping
{
    QString hostIp; // empty = all addresses
    quint16 hostPort = 0;
    quint16 containerPort = 0;
    QString protocol = QStringLiteral("tcp");

    /// "[IP:]HOSTPORT:CONTAINERPORT[/tcp|udp]" (and "CONTAINERPORT" alone: same port).
    static Result<PortMapping> parse(const QString &text);
    QString toString() const;
};

struct VolumeMount
{
    QString source; // absolute host path
    QString target; // absolute path in the container
    bool readOnly = false;

    /// "/host/path:/container/path[:ro|rw]"
    static Result<VolumeMount> parse(const QString &text);
};

struct ContainerConfig
{
    QString id; // 64 hex digits
    QString name;
    QString image;    // as the user typed it
    Digest imageId;   // the config digest of the image
    QStringList args; // the process: entrypoint + cmd, after Docker's rules
    QStringList entrypoint;
    QStringList cmd;
    QStringList env;
    QString workingDir = QStringLiteral("/");
    QString user;
    QString hostname;
    bool tty = false;
    bool openStdin = false;
    bool autoRemove = false;
    CgroupLimits limits;
    QString networkMode = QStringLiteral("bridge");
    QList<PortMapping> ports;
    QList<VolumeMount> volumes;
    bool privileged = false;
    QStringList capAdd;
    QStringList capDrop;
    QString stopSignal;
    uint ownerUid = 0;
    QDateTime created;

    QJsonObject toJson() const;
    static Result<ContainerConfig> fromJson(const QJsonObject &o);
};

enum class ContainerStatus
{
    Created,
    Running,
    Exited,
    Removing
};
const char *containerStatusName(ContainerStatus status);

struct ContainerState
{
    ContainerStatus status = ContainerStatus::Created;
    int pid = 0;
    quint64 pidStartTime = 0;
    int monitorPid = 0; // the container process's parent: its koker-monitor
    quint64 monitorStartTime = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    int exitCode = 0;
    bool oomKilled = false;
    int restartCount = 0;
    QStringList cgroupPaths;
    QJsonObject network; // filled by the networking part: ip, mac, veth, rules

    QJsonObject toJson() const;
    static ContainerState fromJson(const QJsonObject &o);
};

struct ContainerRecord
{
    ContainerConfig config;
    ContainerState state;
    QString dir; // state directory

    QString shortId() const { return config.id.left(12); }
    /// "Up 5 minutes", "Exited (137) 2 minutes ago OOM", "Created"
    QString statusText() const;
};

} // namespace koker
