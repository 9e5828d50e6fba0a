#pragma once

// Containers: create, start, exec, stop, kill, remove, clean up, inspect. Every
// action is a plan of steps (the host's side here, the container's side in the
// monitor and the child) reported to a StepObserver and appended to the
// container's steps file.

#include "engine/containerstore.h"
#include "engine/imageservice.h"
#include "runtime/monitorlauncher.h"
#include "runtime/plan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QSet>

#include <functional>
#include <memory>
#include <optional>

namespace koker {

class NetworkService;

/// A volume given as a file descriptor (kokerd: the client opened it, so no path it
/// chose is ever opened as root).
struct VolumeFd
{
    int fd = -1; // borrowed: the caller keeps it open during create()
    QString target;
    bool readOnly = false;
};

struct RunOptions
{
    QString image;
    QString name;
    QString hostname;
    QStringList env; // -e KEY=VALUE (or KEY: taken from `hostEnv`)
    QStringList hostEnv;
    std::optional<QString> workingDir;
    std::optional<QStringList> entrypoint; // --entrypoint ("" = none)
    QStringList cmd;                       // after the image name
    std::optional<QString> user;
    bool tty = false;
    bool interactive = false;
    bool autoRemove = false;
    CgroupLimits limits;
    QString network = QStringLiteral("bridge");
    QList<PortMapping> ports;
    QList<VolumeMount> volumes;
    QList<VolumeFd> volumeFds; // pinned by a bind mount in the container's directory
    bool privileged = false;
    QStringList capAdd;
    QStringList capDrop;
    uint ownerUid = 0;
};

struct StartOptions
{
    StepObserver observer;
    StepGate gate;      // step-through: asked before each step
    uint16_t rows = 24; // initial terminal size
    uint16_t cols = 80;
    /// The caller cleans up after the container when it is still attached at the
    /// end (the CLI as root); false: the monitor always does (kokerd).
    bool ownerCleansUp = true;
};

struct ExecOptions
{
    QStringList args;
    QStringList env;
    std::optional<QString> workingDir;
    std::optional<QString> user;
    bool tty = false;
    bool interactive = false;
    bool privileged = false;
    uint16_t rows = 24;
    uint16_t cols = 80;
    StepObserver observer;
};

/// A running process the caller is attached to as its owner.
struct Running
{
    QString id;
    UniqueFd control;
    pid_t pid = 0;
    QString execDir; // exec only: remove it when done
};

/// A failure with the exit code `docker run` would give (125, 126, 127).
struct RunFailure
{
    Error error;
    int exitCode = 125;
};

class ContainerService
{
public:
    ContainerService(ContainerStore &store, ImageService &images);

    /// Where the monitor and the CLI (for cleanup commands) are.
    void setPrograms(QString monitorPath, QStringList cleanupCommandPrefix);
    void setNetworkService(NetworkService *network) { m_network = network; }

    Result<ContainerRecord> create(const RunOptions &options, const StepObserver &observer = {});
    std::expected<Running, RunFailure> start(const QString &idOrName, const StartOptions &options);
    /// Every step start() would take now (host, monitor and container side), for
    /// a viewer that wants the plan before it runs (kokerd's operations).
    Result<QList<StepRecord>> plannedStartSteps(const QString &idOrName,
                                                const StartOptions &options = {});
    std::expected<Running, RunFailure> exec(const QString &idOrName, const ExecOptions &options);

    /// SIGTERM (or the image's stop signal), then SIGKILL after `timeoutSeconds`.
    Status stop(const QString &idOrName, int timeoutSeconds, const StepObserver &observer = {});
    Status kill(const QString &idOrName, int signal, const StepObserver &observer = {});
    /// Remove a stopped container (or any, with force: it is killed first).
    Status remove(const QString &idOrName, bool force, const StepObserver &observer = {});
    /// After the process ended: record how, release cgroups and network, and remove
    /// the container when it was started with --rm. Idempotent.
    Status cleanup(const QString &id, const StepObserver &observer = {});
    /// Release what dead containers hold (monitor crashed, CLI killed mid-start).
    /// Returns the ids of the containers that run, as it found them.
    QSet<QString> reconcile();

    Result<QList<ContainerRecord>> list(bool all);
    Result<ContainerRecord> get(const QString &idOrName);
    Result<QJsonObject> inspect(const QString &idOrName);

    /// Wait until the container's process has ended (exit file written).
    Status waitExited(const QString &id, int timeoutMs);

    /// Which images containers use: image id -> container names.
    QMap<Digest, QStringList> imageUsers();

    ContainerStore &store() { return m_store; }

private:
    struct StartPlan
    {
        Plan plan;
        LaunchSpec spec;
        QStringList cgroupPaths;
        std::shared_ptr<UniqueFd> control = std::make_shared<UniqueFd>(); // set by the monitor step
    };
    /// Build the start plan and the monitor's spec; changes nothing on the host
    /// except the network lease (which is idempotent per container).
    Result<StartPlan> prepareStart(const ContainerRecord &record, const StartOptions &options);
    Status stashVolumes(ContainerConfig &config, const QList<VolumeFd> &volumes,
                        const StepObserver &observer, QList<StepRecord> &steps);
    /// Fold what the monitor left (the exit record) into a Running record's state,
    /// and save it unless `save` is false.
    void refresh(ContainerRecord &record, bool save = true);
    /// The storage.remove step: delete the container's directory (lock held).
    Status removeDirectory(const ContainerRecord &record, const StepObserver &observer);
    Status releaseResources(const ContainerRecord &record, const StepObserver &observer,
                            QList<StepRecord> &recorded);
    Status signalProcess(const ContainerRecord &record, int signal);
    /// signalProcess() as step `seq` (process.kill), shown and recorded.
    Status signalAsStep(const ContainerRecord &record, int signal, uint32_t seq,
                        const StepObserver &observer, QList<StepRecord> &recorded);
    /// waitExited() as step `seq` (process.wait), shown and recorded.
    Status waitAsStep(const ContainerRecord &record, int timeoutMs, uint32_t seq,
                      const StepObserver &observer, QList<StepRecord> &recorded);
    QStringList effectiveArgs(const RunOptions &options, const ImageConfig &image,
                              QStringList &entrypoint, QStringList &cmd) const;
    /// Where compiled seccomp programs are kept (seccompfilter.h): the run root,
    /// like the rest of what a restart of the machine may forget.
    std::string seccompCacheDir() const { return m_store.runRoot().toStdString() + "/seccomp"; }

    ContainerStore &m_store;
    ImageService &m_images;
    NetworkService *m_network = nullptr;
    QString m_monitorPath;
    QStringList m_cleanupPrefix;
};

/// Docker's default capability set (the bits of linux/capability.h).
uint64_t defaultCapabilities();
/// Apply --cap-add/--cap-drop names ("NET_ADMIN", "CAP_SYS_TIME", "ALL").
Result<uint64_t> applyCapabilityChanges(uint64_t base, const QStringList &add,
                                        const QStringList &drop);
/// The capabilities a container's processes get: Docker's set, changed by --cap-add
/// and --cap-drop. Docker keeps CAP_MKNOD because the device policy (the v1 devices
/// cgroup, or the eBPF device program on cgroup v2) stops a node from being opened;
/// where nothing polices devices (`devicesPoliced` false: no cgroup that can hold
/// the policy) a container could make a node for the host's disk and write to it,
/// so CAP_MKNOD is left out unless asked for by name.
Result<uint64_t> containerCapabilities(const QStringList &add, const QStringList &drop,
                                       bool devicesPoliced);

} // namespace koker
