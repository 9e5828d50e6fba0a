#pragma once

// Containers on disk:
//
//   <root>/containers/<id>/   config.json, state.json (from the first start on),
//                             steps.jsonl, console.log, upper/, work/
//   <runroot>/c/<id:12>/      while it runs: attach.sock (and exec-*/attach.sock),
//                             hosts, hostname, resolv.conf, rootfs/ (the overlay's
//                             mount point), exit (the monitor's record, until
//                             refresh() folds it into state.json)
//
// Each file made and deleted on disk costs a start 0.1-0.2 ms, so what every start
// rewrites lives in the run root (a tmpfs when installed), as with Podman.
// Names are unique; creating one takes the store-wide containers.lock. Changing a
// container takes its own lock (a flock on its directory), so the CLI, kokerd and a
// monitor's cleanup command can act on the same container safely.

#include "engine/containerrecord.h"
#include "runtime/error.h"
#include "runtime/filelock.h"
#include "runtime/step.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

namespace koker {

class ContainerStore
{
public:
    ContainerStore(QString root, QString runRoot);

    Status open();

    QString containersDir() const { return m_root + QStringLiteral("/containers"); }
    QString containerDir(const QString &id) const { return containersDir() + u'/' + id; }
    QString runDir(const QString &id) const;
    QString runRoot() const { return m_runRoot; }
    /// Where every container mounts its root file system: one empty directory, since
    /// each mounts it in its own mount namespace, where no other container looks.
    QString rootfsMountPoint() const { return m_runRoot + QStringLiteral("/rootfs"); }

    /// A new random id (64 hex digits) no container has.
    QString newId() const;
    /// Every container's id (its directory's name).
    QStringList ids() const;
    /// Every container's name, with its id: one read of each config.json (what a
    /// new container's name is checked against, under lockNames()).
    QHash<QString, QString> names() const;
    /// A Docker-style name ("brave_turing") not in `taken`.
    static QString generateName(const QHash<QString, QString> &taken);
    /// Check a user-given name: [a-zA-Z0-9][a-zA-Z0-9_.-]+, at most 128 characters.
    static Status validateName(const QString &name);

    Result<FileLock> lockNames() const;
    /// The container's own lock (on its directory): NotFound once it is removed.
    Result<FileLock> lockContainer(const QString &id) const;
    /// The same without waiting: Busy while someone else holds it.
    Result<FileLock> tryLockContainer(const QString &id) const;

    /// Create the directory with its config.json, all at once (built aside, then
    /// renamed). The caller holds lockNames().
    Status create(const ContainerConfig &config);
    Result<ContainerRecord> load(const QString &id) const;
    /// Only its state.json: nothing before the first start (or once it is removed).
    std::optional<ContainerState> loadState(const QString &id) const;
    Status saveState(const QString &id, const ContainerState &state);
    Status saveConfig(const ContainerConfig &config);
    /// Where a volume passed as an fd is pinned: <dir>/volumes/<n>.
    QString volumeStash(const QString &id, int n) const;
    Result<QList<ContainerRecord>> list() const;
    /// The same with only each container's id and state (its config.json is not
    /// read): enough to find the dead ones, which reconcile() then loads in full.
    Result<QList<ContainerRecord>> listStates() const;
    /// By full id, unique id prefix, or name (with or without a leading '/').
    Result<ContainerRecord> resolve(const QString &idOrName) const;
    /// Delete the container's directories (refuses to cross a mount point).
    Status remove(const QString &id);
    /// Finish removals a crash interrupted and drop creations it left half-done.
    void sweepRemovals();

    /// Append records to the container's steps.jsonl, tagged with an action.
    void appendSteps(const QString &id, const QString &action, const QList<StepRecord> &steps);
    Result<QList<QJsonObject>> readSteps(const QString &id) const;

private:
    QString m_root;
    QString m_runRoot;
};

} // namespace koker
