#include "localbackend.h"

#include "engine/imagereference.h"
#include "engine/underthehood.h"

#include <QtCore/QFile>

#include <fcntl.h>
#include <signal.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

Result<QList<ImageRecord>> LocalBackend::listImages()
{
    return m_engine.store().images();
}

Result<QJsonObject> LocalBackend::inspectImage(const QString &name)
{
    return m_engine.images().inspect(name);
}

Status LocalBackend::findImage(const QString &name)
{
    auto found = m_engine.images().store().resolve(name);
    return found ? Status{} : Status(std::unexpected(found.error()));
}

Result<ImageService::RemoveResult> LocalBackend::removeImage(const QString &name, bool force)
{
    return m_engine.images().remove(name, force);
}

Status LocalBackend::tagImage(const QString &source, const QString &target)
{
    return m_engine.images().tag(source, target);
}

Result<ImageService::RemoveResult> LocalBackend::pruneImages()
{
    return m_engine.images().prune();
}

Result<QList<HistoryEntry>> LocalBackend::imageHistory(const QString &name)
{
    return m_engine.images().history(name);
}

Result<ContainerRecord> LocalBackend::createContainer(const RunOptions &options,
                                                      const StepObserver &observer)
{
    return m_engine.containers().create(options, observer);
}

std::expected<Attached, RunFailure>
LocalBackend::startContainer(const QString &id, const StartOptions &options, bool attach)
{
    auto running = m_engine.containers().start(id, options);
    if (!running)
        return std::unexpected(running.error());
    Attached a;
    a.id = running->id;
    a.pid = running->pid;
    if (auto r = m_engine.containerStore().load(running->id); r)
        a.name = r->config.name;
    if (attach) {
        // We are the owner: the monitor leaves the cleanup to us.
        a.console = std::move(running->control);
        a.cleanupIsOurs = true;
    }
    return a;
}

std::expected<Attached, RunFailure> LocalBackend::execContainer(const QString &id,
                                                                const ExecOptions &options)
{
    auto running = m_engine.containers().exec(id, options);
    if (!running)
        return std::unexpected(running.error());
    Attached a;
    a.id = running->id;
    a.pid = running->pid;
    a.console = std::move(running->control);
    a.execDir = running->execDir;
    return a;
}

Status LocalBackend::cleanupAfterExit(const QString &id, const StepObserver &observer)
{
    return m_engine.containers().cleanup(id, observer);
}

Status LocalBackend::stopContainer(const QString &id, int timeoutSeconds,
                                   const StepObserver &observer)
{
    return m_engine.containers().stop(id, timeoutSeconds, observer);
}

Status LocalBackend::killContainer(const QString &id, int signal, const StepObserver &observer)
{
    return m_engine.containers().kill(id, signal, observer);
}

Status LocalBackend::removeContainer(const QString &id, bool force, const StepObserver &observer)
{
    return m_engine.containers().remove(id, force, observer);
}

Result<RemovalProof> LocalBackend::removeContainerWithProof(const QString &id, bool force,
                                                            const StepObserver &observer)
{
    auto changes = CleanupProof::changesOf(m_engine, id);
    if (!changes)
        return std::unexpected(changes.error());
    RemovalProof out;
    out.removal = m_engine.containers().remove(id, force, observer);
    out.checks = CleanupProof::check(*changes);
    return out;
}

Result<QList<CleanupCheck>> LocalBackend::cleanupPreview(const QString &idOrName)
{
    auto changes = CleanupProof::changesOf(m_engine, idOrName);
    if (!changes)
        return std::unexpected(changes.error());
    return CleanupProof::check(*changes);
}

Result<QJsonObject> LocalBackend::underTheHood(const QString &idOrName)
{
    auto doc = m_engine.containers().inspect(idOrName);
    if (!doc)
        return std::unexpected(doc.error());
    return UnderTheHood::collect(*doc);
}

Result<QList<ContainerRecord>> LocalBackend::listContainers(bool all)
{
    return m_engine.containers().list(all);
}

Result<ContainerRecord> LocalBackend::getContainer(const QString &idOrName)
{
    return m_engine.containers().get(idOrName);
}

Result<QJsonObject> LocalBackend::inspectContainer(const QString &idOrName)
{
    return m_engine.containers().inspect(idOrName);
}

Result<bool> LocalBackend::isRunning(const QString &idOrName)
{
    auto r = m_engine.containers().get(idOrName);
    if (!r)
        return std::unexpected(r.error());
    return r->state.status == ContainerStatus::Running;
}

Result<UniqueFd> LocalBackend::openLogs(const QString &idOrName)
{
    auto r = m_engine.containers().get(idOrName);
    if (!r)
        return std::unexpected(r.error());
    QByteArray path = QFile::encodeName(r->dir + u"/console.log"_s);
    UniqueFd fd(::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd && errno == ENOENT)
        fd.reset(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno("open the console log");
    return fd;
}

void LocalBackend::forwardSignal(const Attached &attached, int signal)
{
    ::kill(attached.pid, signal);
}

Result<QList<NetworkRecord>> LocalBackend::listNetworks()
{
    return m_engine.networks().list();
}

Result<QJsonObject> LocalBackend::inspectNetwork(const QString &name)
{
    return m_engine.networks().inspectNetwork(name);
}

Result<NetworkRecord> LocalBackend::createNetwork(const QString &name, const QString &subnet,
                                                  const StepObserver &observer)
{
    return m_engine.networks().create(name, subnet, observer);
}

Status LocalBackend::removeNetwork(const QString &name, const StepObserver &observer)
{
    return m_engine.networks().remove(name, observer);
}

} // namespace koker::cli
