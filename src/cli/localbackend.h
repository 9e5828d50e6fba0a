#pragma once

// The Backend of `koker` run as root: the engine, in this process.

#include "backend.h"
#include "engine/engine.h"

namespace koker::cli {

class LocalBackend final : public Backend
{
public:
    explicit LocalBackend(Engine &engine)
        : m_engine(engine)
    {}

    QString name() const override { return QStringLiteral("engine"); }

    Result<QList<ImageRecord>> listImages() override;
    Result<QJsonObject> inspectImage(const QString &name) override;
    Status findImage(const QString &name) override;
    Result<ImageRecord> importTarball(int fd, const QString &name, const ImportOptions &options,
                                      const StepObserver &observer) override;
    Result<ImageRecord> importStarter(const QString &busybox,
                                      const StepObserver &observer) override;
    Result<ImageService::RemoveResult> removeImage(const QString &name, bool force) override;
    Status tagImage(const QString &source, const QString &target) override;
    Result<ImageService::RemoveResult> pruneImages() override;
    Result<PullResult> pullImage(const QString &reference, const PullOptions &options,
                                 const QString &authFile, const PullCallbacks &callbacks) override;
    Result<QList<LoadedImage>> loadImages(int fd, const StepObserver &observer) override;
    Status saveImages(const QStringList &names, int fd, const StepObserver &observer) override;
    Result<QList<HistoryEntry>> imageHistory(const QString &name) override;

    Result<ContainerRecord> createContainer(const RunOptions &options,
                                            const StepObserver &observer) override;
    std::expected<Attached, RunFailure>
    startContainer(const QString &id, const StartOptions &options, bool attach) override;
    std::expected<Attached, RunFailure> execContainer(const QString &id,
                                                      const ExecOptions &options) override;
    Status cleanupAfterExit(const QString &id, const StepObserver &observer) override;
    Status stopContainer(const QString &id, int timeoutSeconds,
                         const StepObserver &observer) override;
    Status killContainer(const QString &id, int signal, const StepObserver &observer) override;
    Status removeContainer(const QString &id, bool force, const StepObserver &observer) override;
    Result<RemovalProof> removeContainerWithProof(const QString &id, bool force,
                                                  const StepObserver &observer) override;
    Result<QList<CleanupCheck>> cleanupPreview(const QString &idOrName) override;
    Result<QJsonObject> underTheHood(const QString &idOrName) override;
    Result<QList<ContainerRecord>> listContainers(bool all) override;
    Result<ContainerRecord> getContainer(const QString &idOrName) override;
    Result<QJsonObject> inspectContainer(const QString &idOrName) override;
    Result<bool> isRunning(const QString &idOrName) override;
    Result<UniqueFd> openLogs(const QString &idOrName) override;
    void forwardSignal(const Attached &attached, int signal) override;

    Result<QList<NetworkRecord>> listNetworks() override;
    Result<QJsonObject> inspectNetwork(const QString &name) override;
    Result<NetworkRecord> createNetwork(const QString &name, const QString &subnet,
                                        const StepObserver &observer) override;
    Status removeNetwork(const QString &name, const StepObserver &observer) override;

private:
    Engine &m_engine;
};

} // namespace koker::cli
