#pragma once

// What the CLI's commands ask for, whoever does it: the engine in this process
// (koker run as root: LocalBackend) or kokerd over the system bus (koker run as a
// normal user: HelperBackend). Both give the same records, so every command
// prints the same output either way.

#include "engine/cleanupproof.h"
#include "engine/containerservice.h"
#include "engine/imagearchive.h"
#include "engine/imagepuller.h"
#include "engine/imageservice.h"
#include "engine/networkservice.h"
#include "runtime/error.h"
#include "runtime/plan.h"
#include "runtime/uniquefd.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

#include <functional>

namespace koker::cli {

/// A process the CLI is attached to: a socket speaking the attach protocol.
struct Attached
{
    QString id;
    QString name;
    UniqueFd console;
    pid_t pid = 0;
    /// True when this CLI started it as the owner and must clean up after it
    /// (the engine in-process); false when its monitor does (through kokerd).
    bool cleanupIsOurs = false;
    QString execDir; // exec through the engine: remove when done
};

/// A removal and its proof of cleanup.
struct RemovalProof
{
    Status removal;
    QList<CleanupCheck> checks;
};

struct PullCallbacks
{
    StepObserver observer;
    std::function<void(const PullLayerProgress &)> progress;
    std::function<void(const QList<PullLayerProgress> &)> resolved;
};

class Backend
{
public:
    virtual ~Backend() = default;

    /// "engine" or "kokerd", for messages.
    virtual QString name() const = 0;

    // images
    virtual Result<QList<ImageRecord>> listImages() = 0;
    virtual Result<QJsonObject> inspectImage(const QString &name) = 0;
    /// Whether `name` is in the store (NotFound when not): what `run` asks before
    /// it pulls. The engine answers from its index alone.
    virtual Status findImage(const QString &name)
    {
        auto found = inspectImage(name);
        return found ? Status{} : Status(std::unexpected(found.error()));
    }
    virtual Result<ImageRecord> importTarball(int fd, const QString &name,
                                              const ImportOptions &options,
                                              const StepObserver &observer) = 0;
    virtual Result<ImageRecord> importStarter(const QString &busybox,
                                              const StepObserver &observer) = 0;
    virtual Result<ImageService::RemoveResult> removeImage(const QString &name, bool force) = 0;
    virtual Status tagImage(const QString &source, const QString &target) = 0;
    virtual Result<ImageService::RemoveResult> pruneImages() = 0;
    /// Pull; `authFile` is the user's credentials file (the engine in-process only:
    /// kokerd uses its own).
    virtual Result<PullResult> pullImage(const QString &reference, const PullOptions &options,
                                         const QString &authFile,
                                         const PullCallbacks &callbacks) = 0;
    virtual Result<QList<LoadedImage>> loadImages(int fd, const StepObserver &observer) = 0;
    virtual Status saveImages(const QStringList &names, int fd, const StepObserver &observer) = 0;
    virtual Result<QList<HistoryEntry>> imageHistory(const QString &name) = 0;

    // containers
    virtual Result<ContainerRecord> createContainer(const RunOptions &options,
                                                    const StepObserver &observer) = 0;
    /// Start; with `attach`, also connect to its console (output from the start on).
    virtual std::expected<Attached, RunFailure>
    startContainer(const QString &id, const StartOptions &options, bool attach) = 0;
    virtual std::expected<Attached, RunFailure> execContainer(const QString &id,
                                                              const ExecOptions &options) = 0;
    /// After the attached process ended (only when cleanupIsOurs).
    virtual Status cleanupAfterExit(const QString &id, const StepObserver &observer) = 0;
    virtual Status stopContainer(const QString &id, int timeoutSeconds,
                                 const StepObserver &observer) = 0;
    virtual Status killContainer(const QString &id, int signal, const StepObserver &observer) = 0;
    virtual Status removeContainer(const QString &id, bool force, const StepObserver &observer) = 0;
    /// Remove, then check that every host change it made is gone (the list is
    /// made before the removal): the checklist, also when the removal failed.
    virtual Result<RemovalProof> removeContainerWithProof(const QString &id, bool force,
                                                          const StepObserver &observer) = 0;
    /// Every host change of the container and whether each is there now.
    virtual Result<QList<CleanupCheck>> cleanupPreview(const QString &idOrName) = 0;
    /// A running container as the kernel sees it (UnderTheHood::collect).
    virtual Result<QJsonObject> underTheHood(const QString &idOrName) = 0;
    virtual Result<QList<ContainerRecord>> listContainers(bool all) = 0;
    virtual Result<ContainerRecord> getContainer(const QString &idOrName) = 0;
    virtual Result<QJsonObject> inspectContainer(const QString &idOrName) = 0;
    /// Whether it is running now (for logs -f).
    virtual Result<bool> isRunning(const QString &idOrName) = 0;
    /// The console log, open for reading (framed records, see runtime/consolelog.h).
    virtual Result<UniqueFd> openLogs(const QString &idOrName) = 0;
    /// Forward a signal to the attached container (sig-proxy without a terminal).
    virtual void forwardSignal(const Attached &attached, int signal) = 0;

    // networks
    virtual Result<QList<NetworkRecord>> listNetworks() = 0;
    virtual Result<QJsonObject> inspectNetwork(const QString &name) = 0;
    virtual Result<NetworkRecord> createNetwork(const QString &name, const QString &subnet,
                                                const StepObserver &observer) = 0;
    virtual Status removeNetwork(const QString &name, const StepObserver &observer) = 0;
};

} // namespace koker::cli
