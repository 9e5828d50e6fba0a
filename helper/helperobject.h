#pragma once

// kokerd's object on the system bus (/org/koker/Helper1): the Manager, Images,
// Containers and Networks interfaces of helper/dbus/org.koker.Helper1.xml. Each
// method: check the arguments, ask polkit (asynchronously) for the caller's bus
// name, check ownership for container verbs, then do the work on a worker thread
// or hand back an Operation. Replies are always delayed, so the event loop never
// waits on polkit, the disk or a container.

#include "authorizer.h"
#include "dbus/dbustypes.h"
#include "engine/engine.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusContext>
#include <QtDBus/QDBusObjectPath>
#include <QtDBus/QDBusServiceWatcher>

#include <functional>

namespace koker::helper {

class Operation;

/// Who called, once the bus and polkit have told us.
struct Caller
{
    QString busName;
    uint uid = 0;
};

class HelperObject final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperObject)

public:
    HelperObject(QDBusConnection bus, EngineConfig config, QObject *parent = nullptr);
    ~HelperObject() override;

    /// Create the store's layout and reconcile; then register on the bus.
    Status open();
    Authorizer &authorizer() { return m_authorizer; }
    /// Work in flight (authorizations, jobs, operations that have not ended).
    bool busy() const { return m_inFlight > 0 || !m_operations.isEmpty(); }

public Q_SLOTS: // called by the generated adaptors; every reply is delayed
    // org.koker.Helper1.Manager
    QVariantMap GetInfo(const QVariantMap &options);
    // org.koker.Helper1.Images
    QVariantMapList ListImages(const QVariantMap &options);
    QString InspectImage(const QString &name, const QVariantMap &options);
    QDBusObjectPath PullImage(const QString &reference, const QVariantMap &options);
    QDBusObjectPath LoadImage(const QDBusUnixFileDescriptor &archive, const QVariantMap &options);
    QDBusObjectPath SaveImage(const QStringList &names, const QDBusUnixFileDescriptor &archive,
                              const QVariantMap &options);
    QDBusObjectPath ImportImage(const QDBusUnixFileDescriptor &tarball, const QString &name,
                                const QVariantMap &options);
    QDBusObjectPath ImportStarterImage(const QVariantMap &options);
    QStringList RemoveImage(const QString &name, const QVariantMap &options, QStringList &deleted);
    void TagImage(const QString &source, const QString &target, const QVariantMap &options);
    QStringList PruneImages(const QVariantMap &options, qlonglong &reclaimed);
    QVariantMapList ImageHistory(const QString &name, const QVariantMap &options);
    // org.koker.Helper1.Containers
    QString CreateContainer(const QVariantMap &spec, KokerVolumeList volumes,
                            const QVariantMap &options);
    QDBusObjectPath StartContainer(const QString &id, const QVariantMap &options);
    QDBusObjectPath StopContainer(const QString &id, const QVariantMap &options);
    void KillContainer(const QString &id, const QString &signal, const QVariantMap &options);
    QDBusObjectPath RemoveContainer(const QString &id, const QVariantMap &options);
    QVariantMapList ListContainers(const QVariantMap &options);
    QString InspectContainer(const QString &id, const QVariantMap &options);
    QDBusUnixFileDescriptor ContainerLogs(const QString &id, const QVariantMap &options);
    QDBusUnixFileDescriptor Attach(const QString &id, const QVariantMap &options);
    QDBusUnixFileDescriptor Exec(const QString &id, const QVariantMap &spec,
                                 const QVariantMap &options, QVariantMapList &steps);
    QVariantMap Stats(const QString &id, const QVariantMap &options);
    QVariantMapList ContainerSteps(const QString &id, const QVariantMap &options);
    QString UnderTheHood(const QString &id, const QVariantMap &options);
    QString CleanupPreview(const QString &id, const QVariantMap &options);
    // org.koker.Helper1.Networks
    QVariantMapList ListNetworks(const QVariantMap &options);
    QString InspectNetwork(const QString &name, const QVariantMap &options);
    QVariantMap CreateNetwork(const QString &name, const QVariantMap &options);
    void RemoveNetwork(const QString &name, const QVariantMap &options);

Q_SIGNALS:
    /// Something happened (for the idle timer); never relayed to the bus.
    void activity();

private:
    struct Request
    {
        QDBusMessage message;
        bool interactive = false;
        QVariantMap options;
    };
    using Work = std::function<Result<QVariantList>(Engine &engine, const Caller &caller)>;

    /// Start handling a call: delay the reply and check the option keys.
    std::optional<Request> begin(const QVariantMap &options, QMap<QString, QString> allowed = {});
    void replyError(const QDBusMessage &message, const Error &error);
    void replyError(const QDBusMessage &message, const QString &name, const QString &text);
    void reply(const QDBusMessage &message, const QVariantList &args);
    /// polkit `action` for the caller, then `then` on this thread.
    void authorize(const Request &request, const QString &action,
                   std::function<void(const Caller &)> then);
    /// For container verbs: the own-containers action, then the stronger one when
    /// the container belongs to someone else (without it: "no such container").
    void authorizeContainer(const Request &request, const QString &idOrName,
                            std::function<void(const Caller &, const QString &id)> then);
    /// A container by name or id for `caller` (prefixes only among its own).
    Result<ContainerRecord> resolveFor(const Caller &caller, const QString &idOrName);
    /// Run `work` on a worker thread with its own Engine, then reply with its values.
    void runAsync(const Request &request, const Caller &caller, Work work);
    /// Export an Operation for the caller and reply with its path.
    void startOperation(const Request &request, const Caller &caller, QList<StepRecord> planned,
                        bool stepThrough,
                        std::function<Result<QVariantMap>(Engine &, const Caller &,
                                                          const struct OperationContext &)>
                            job);

    QDBusConnection m_bus;
    EngineConfig m_config;
    Engine m_engine; // for quick reads on this thread
    Authorizer m_authorizer;
    QHash<QString, QPointer<Operation>> m_operations;
    QDBusServiceWatcher m_watcher;
    int m_inFlight = 0;
};

} // namespace koker::helper
