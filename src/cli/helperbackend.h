#pragma once

// The Backend of `koker` run as a normal user: kokerd over the system bus. Calls
// are made synchronously here (the CLI has nothing else to do meanwhile); when
// polkit would allow a call after authentication, polkit's text agent (pkttyagent)
// is started on this terminal and the call is retried, as udisksctl does.

#include "backend.h"
#include "client/helperclient.h"

#include <optional>

namespace koker::cli {

class HelperBackend final : public Backend
{
public:
    HelperBackend();
    ~HelperBackend() override;

    /// Whether kokerd is on the bus or can be started by it.
    bool reachable() const { return m_client.isReachable(); }

    QString name() const override { return QStringLiteral("kokerd"); }

    Result<QList<ImageRecord>> listImages() override;
    Result<QJsonObject> inspectImage(const QString &name) override;
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
    Status cleanupAfterExit(const QString &, const StepObserver &) override { return {}; }
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
    template <class T>
    Result<T> await(const std::function<void(client::Callback<T>)> &call);
    Status awaitDone(const std::function<void(client::Done)> &call);
    /// Run an operation to its end, relaying its steps (and answering the gate);
    /// `result` gets its result map, also on failure.
    Result<QVariantMap>
    runOperation(const std::function<void(client::OperationCallback)> &start,
                 const StepObserver &observer, const StepGate &gate = {},
                 const std::function<void(const QVariantMap &)> &progress = {},
                 const std::function<void(client::OperationClient *)> &succeeded = {},
                 QVariantMap *result = nullptr);
    bool startAgent();

    client::HelperClient m_client;
    pid_t m_agent = -1;
};

} // namespace koker::cli
