#include "helperclient.h"

#include "helper1_interface.h"

#include <QtDBus/QDBusConnectionInterface>
#include <QtDBus/QDBusPendingCallWatcher>

using namespace Qt::Literals::StringLiterals;

namespace koker::client {

Error errorFromDBus(const QDBusError &error)
{
    Error e;
    e.code = dbus::errorCodeFromName(error.name());
    if (error.type() == QDBusError::ServiceUnknown || error.type() == QDBusError::NoServer ||
        error.type() == QDBusError::Disconnected) {
        e.code = ErrorCode::Unavailable;
        e.message = "the Koker helper (kokerd) is not available on the system bus: " +
                    error.message().toStdString() + "; is Koker installed?";
        return e;
    }
    if (error.type() == QDBusError::AccessDenied) {
        e.code = ErrorCode::PermissionDenied;
        e.message = "the system bus refused the call: " + error.message().toStdString();
        return e;
    }
    e.message = error.message().toStdString();
    e.step = error.name() == dbus::NotAuthorizedCanObtain ? "authorization" : "";
    return e;
}

bool canObtainAuthorization(const Error &error)
{
    return error.code == ErrorCode::PermissionDenied && error.step == "authorization";
}

HelperClient::HelperClient(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    dbus::registerDBusTypes();
    const QString service = dbus::serviceName();
    const QString path = dbus::objectPath();
    m_manager = std::make_unique<OrgKokerHelper1ManagerInterface>(service, path, m_bus);
    m_images = std::make_unique<OrgKokerHelper1ImagesInterface>(service, path, m_bus);
    m_containers = std::make_unique<OrgKokerHelper1ContainersInterface>(service, path, m_bus);
    m_networks = std::make_unique<OrgKokerHelper1NetworksInterface>(service, path, m_bus);
    // Starting a container or waiting for a password can take a while.
    for (QDBusAbstractInterface *i : std::initializer_list<QDBusAbstractInterface *>{
             m_manager.get(), m_images.get(), m_containers.get(), m_networks.get()})
        i->setTimeout(10 * 60 * 1000);
}

HelperClient::~HelperClient() = default;

bool HelperClient::isReachable() const
{
    if (!m_bus.isConnected())
        return false;
    QDBusConnectionInterface *bus = m_bus.interface();
    if (!bus)
        return false;
    if (bus->isServiceRegistered(dbus::serviceName()).value())
        return true;
    return bus->activatableServiceNames().value().contains(dbus::serviceName());
}

QVariantMap HelperClient::options(QVariantMap extra) const
{
    if (m_interactive)
        extra.insert(u"interactive"_s, true);
    return extra;
}

template <class T>
void HelperClient::watch(QDBusPendingReply<T> reply, Callback<T> done)
{
    auto *watcher = new QDBusPendingCallWatcher(reply, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        QDBusPendingReply<T> r = *watcher;
        watcher->deleteLater();
        if (r.isError())
            done(std::unexpected(errorFromDBus(r.error())));
        else
            done(r.value());
    });
}

void HelperClient::watchVoid(QDBusPendingReply<> reply, Done done)
{
    auto *watcher = new QDBusPendingCallWatcher(reply, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        QDBusPendingReply<> r = *watcher;
        watcher->deleteLater();
        if (r.isError())
            done(std::unexpected(errorFromDBus(r.error())));
        else
            done({});
    });
}

void HelperClient::operation(QDBusPendingReply<QDBusObjectPath> reply, OperationCallback done)
{
    watch<QDBusObjectPath>(reply, [this, done = std::move(done)](Result<QDBusObjectPath> path) {
        if (!path) {
            done(std::unexpected(path.error()));
            return;
        }
        done(new OperationClient(m_bus, path->path(), this));
    });
}

void HelperClient::getInfo(Callback<QVariantMap> done)
{
    watch(m_manager->GetInfo(options()), std::move(done));
}

void HelperClient::listImages(Callback<QVariantMapList> done)
{
    watch(m_images->ListImages(options()), std::move(done));
}

void HelperClient::inspectImage(const QString &name, Callback<QString> done)
{
    watch(m_images->InspectImage(name, options()), std::move(done));
}

void HelperClient::pullImage(const QString &reference, const QString &platform,
                             OperationCallback done)
{
    QVariantMap extra;
    if (!platform.isEmpty())
        extra.insert(u"platform"_s, platform);
    operation(m_images->PullImage(reference, options(extra)), std::move(done));
}

void HelperClient::loadImage(int fd, OperationCallback done)
{
    operation(m_images->LoadImage(QDBusUnixFileDescriptor(fd), options()), std::move(done));
}

void HelperClient::saveImage(const QStringList &names, int fd, OperationCallback done)
{
    operation(m_images->SaveImage(names, QDBusUnixFileDescriptor(fd), options()), std::move(done));
}

void HelperClient::importImage(int fd, const QString &name, const QStringList &cmd,
                               OperationCallback done)
{
    QVariantMap extra;
    if (!cmd.isEmpty())
        extra.insert(u"cmd"_s, cmd);
    operation(m_images->ImportImage(QDBusUnixFileDescriptor(fd), name, options(extra)),
              std::move(done));
}

void HelperClient::importStarterImage(OperationCallback done)
{
    operation(m_images->ImportStarterImage(options()), std::move(done));
}

void HelperClient::removeImage(const QString &name, bool force,
                               Callback<std::pair<QStringList, QStringList>> done)
{
    QDBusPendingReply<QStringList, QStringList> reply =
        m_images->RemoveImage(name, options({{u"force"_s, force}}));
    auto *watcher = new QDBusPendingCallWatcher(reply, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        QDBusPendingReply<QStringList, QStringList> r = *watcher;
        watcher->deleteLater();
        if (r.isError())
            done(std::unexpected(errorFromDBus(r.error())));
        else
            done(std::pair{r.argumentAt<0>(), r.argumentAt<1>()});
    });
}

void HelperClient::tagImage(const QString &source, const QString &target, Done done)
{
    watchVoid(m_images->TagImage(source, target, options()), std::move(done));
}

void HelperClient::pruneImages(Callback<std::pair<QStringList, qlonglong>> done)
{
    QDBusPendingReply<QStringList, qlonglong> reply = m_images->PruneImages(options());
    auto *watcher = new QDBusPendingCallWatcher(reply, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        QDBusPendingReply<QStringList, qlonglong> r = *watcher;
        watcher->deleteLater();
        if (r.isError())
            done(std::unexpected(errorFromDBus(r.error())));
        else
            done(std::pair{r.argumentAt<0>(), r.argumentAt<1>()});
    });
}

void HelperClient::imageHistory(const QString &name, Callback<QVariantMapList> done)
{
    watch(m_images->ImageHistory(name, options()), std::move(done));
}

void HelperClient::createContainer(const QVariantMap &spec, const KokerVolumeList &volumes,
                                   Callback<QString> done)
{
    watch(m_containers->CreateContainer(spec, volumes, options()), std::move(done));
}

void HelperClient::startContainer(const QString &id, const QVariantMap &extra,
                                  OperationCallback done)
{
    operation(m_containers->StartContainer(id, options(extra)), std::move(done));
}

void HelperClient::stopContainer(const QString &id, uint timeoutSeconds, OperationCallback done)
{
    operation(m_containers->StopContainer(id, options({{u"timeout"_s, timeoutSeconds}})),
              std::move(done));
}

void HelperClient::killContainer(const QString &id, const QString &signal, Done done)
{
    watchVoid(m_containers->KillContainer(id, signal, options()), std::move(done));
}

void HelperClient::removeContainer(const QString &id, bool force, OperationCallback done,
                                   bool proof)
{
    QVariantMap extra{{u"force"_s, force}};
    if (proof)
        extra.insert(u"proof"_s, true);
    operation(m_containers->RemoveContainer(id, options(extra)), std::move(done));
}

void HelperClient::listContainers(bool all, Callback<QVariantMapList> done)
{
    watch(m_containers->ListContainers(options({{u"all"_s, all}})), std::move(done));
}

void HelperClient::inspectContainer(const QString &id, Callback<QString> done)
{
    watch(m_containers->InspectContainer(id, options()), std::move(done));
}

void HelperClient::containerLogs(const QString &id, Callback<QDBusUnixFileDescriptor> done)
{
    watch(m_containers->ContainerLogs(id, options()), std::move(done));
}

void HelperClient::attach(const QString &id, bool input, bool replay,
                          Callback<QDBusUnixFileDescriptor> done)
{
    watch(m_containers->Attach(id, options({{u"input"_s, input}, {u"replay"_s, replay}})),
          std::move(done));
}

void HelperClient::exec(const QString &id, const QVariantMap &spec,
                        Callback<std::pair<QDBusUnixFileDescriptor, QVariantMapList>> done)
{
    QDBusPendingReply<QDBusUnixFileDescriptor, QVariantMapList> reply =
        m_containers->Exec(id, spec, options());
    auto *watcher = new QDBusPendingCallWatcher(reply, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        QDBusPendingReply<QDBusUnixFileDescriptor, QVariantMapList> r = *watcher;
        watcher->deleteLater();
        if (r.isError())
            done(std::unexpected(errorFromDBus(r.error())));
        else
            done(std::pair{r.argumentAt<0>(), r.argumentAt<1>()});
    });
}

void HelperClient::stats(const QString &id, Callback<QVariantMap> done)
{
    watch(m_containers->Stats(id, options()), std::move(done));
}

void HelperClient::containerSteps(const QString &id, Callback<QVariantMapList> done)
{
    watch(m_containers->ContainerSteps(id, options()), std::move(done));
}

void HelperClient::underTheHood(const QString &id, Callback<QString> done)
{
    watch(m_containers->UnderTheHood(id, options()), std::move(done));
}

void HelperClient::cleanupPreview(const QString &id, Callback<QString> done)
{
    watch(m_containers->CleanupPreview(id, options()), std::move(done));
}

void HelperClient::listNetworks(Callback<QVariantMapList> done)
{
    watch(m_networks->ListNetworks(options()), std::move(done));
}

void HelperClient::inspectNetwork(const QString &name, Callback<QString> done)
{
    watch(m_networks->InspectNetwork(name, options()), std::move(done));
}

void HelperClient::createNetwork(const QString &name, const QString &subnet,
                                 Callback<QVariantMap> done)
{
    QVariantMap extra;
    if (!subnet.isEmpty())
        extra.insert(u"subnet"_s, subnet);
    watch(m_networks->CreateNetwork(name, options(extra)), std::move(done));
}

void HelperClient::removeNetwork(const QString &name, Done done)
{
    watchVoid(m_networks->RemoveNetwork(name, options()), std::move(done));
}

} // namespace koker::client
