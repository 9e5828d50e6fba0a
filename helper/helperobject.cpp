#include "helperobject.h"

#include "engine/cleanupproof.h"
#include "engine/imagearchive.h"
#include "engine/imagepuller.h"
#include "engine/imagereference.h"
#include "engine/networkservice.h"
#include "engine/registryclient.h"
#include "engine/stepjson.h"
#include "engine/underthehood.h"
#include "engine/units.h"
#include "helper1adaptor.h"
#include "operation.h"
#include "runtime/attachprotocol.h"
#include "runtime/cgroupdriver.h"
#include "runtime/cgrouplayout.h"
#include "runtime/fsutil.h"
#include "runtime/wire.h"
#include "specparser.h"

#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>
#include <QtDBus/QDBusConnectionInterface>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::helper {

namespace {

const QString kInteractive = u"interactive"_s;

std::string str(const QString &s)
{
    return s.toStdString();
}

QVariantMapList stepsToVariants(const QList<StepRecord> &steps)
{
    QVariantMapList out;
    for (const StepRecord &r : steps)
        out << dbus::stepToVariant(r);
    return out;
}

QVariantMap imageToVariant(const ImageRecord &r)
{
    QStringList names;
    for (const QString &n : r.names) {
        auto ref = ImageReference::parse(n);
        names << (ref ? ref->familiarString() : n);
    }
    return {{u"id"_s, r.id.toString()},
            {u"names"_s, names},
            {u"repoDigests"_s, r.repoDigests},
            {u"created"_s, r.created},
            {u"addedAt"_s, r.addedAt.toString(Qt::ISODateWithMs)},
            {u"size"_s, static_cast<qlonglong>(r.size)},
            {u"layers"_s, static_cast<int>(r.layers.size())},
            {u"architecture"_s, r.architecture}};
}

QVariantMap containerToVariant(const ContainerRecord &r)
{
    QStringList ports;
    QStringList publish;
    for (const PortMapping &p : r.config.ports) {
        ports << p.toString();
        publish << (p.hostIp.isEmpty() ? QString() : p.hostIp + u':') +
                       QString::number(p.hostPort) + u':' + QString::number(p.containerPort) +
                       u'/' + p.protocol;
    }
    return {{u"id"_s, r.config.id},
            {u"name"_s, r.config.name},
            {u"image"_s, r.config.image},
            {u"command"_s, r.config.args.join(u' ')},
            {u"created"_s, r.config.created.toString(Qt::ISODateWithMs)},
            {u"status"_s, QString::fromLatin1(containerStatusName(r.state.status))},
            {u"statusText"_s, r.statusText()},
            {u"exitCode"_s, r.state.exitCode},
            {u"oomKilled"_s, r.state.oomKilled},
            {u"pid"_s, r.state.status == ContainerStatus::Running ? r.state.pid : 0},
            {u"owner"_s, r.config.ownerUid},
            {u"tty"_s, r.config.tty},
            {u"interactive"_s, r.config.openStdin},
            {u"publish"_s, publish},
            {u"startedAt"_s, r.state.startedAt.toString(Qt::ISODateWithMs)},
            {u"finishedAt"_s, r.state.finishedAt.toString(Qt::ISODateWithMs)},
            {u"memoryLimit"_s, static_cast<qlonglong>(r.config.limits.memoryBytes)},
            {u"nanoCpus"_s, static_cast<qlonglong>(r.config.limits.nanoCpus)},
            {u"pidsLimit"_s, static_cast<qlonglong>(r.config.limits.pidsMax)},
            {u"ports"_s, ports}};
}

QVariantMap networkToVariant(const NetworkRecord &n)
{
    return {{u"id"_s, n.id},
            {u"name"_s, n.name},
            {u"driver"_s, n.driver},
            {u"bridge"_s, n.bridge},
            {u"subnet"_s, n.subnet},
            {u"gateway"_s, n.gateway},
            {u"default"_s, n.isDefault}};
}

// A caller's file descriptor: for an archive, a regular file or a pipe; for a
// volume, a directory or a regular file; either way something the caller owns (root's
// may be anything) on a real file system -- never a socket, a device, someone else's
// file, or a kernel pseudo file system (/proc/self is "owned" by its opener).
Status checkCallerFd(int fd, uint uid, bool archive)
{
    struct stat st
    {};
    if (::fstat(fd, &st) != 0)
        return failErrno("stat the file descriptor");
    bool kindOk = archive ? (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode))
                          : (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode));
    if (!kindOk)
        return fail(ErrorCode::InvalidArgument,
                    archive ? "the file descriptor must be a regular file or a pipe"
                            : "the file descriptor must be a directory or a regular file");
    struct statfs fs
    {};
    if (::fstatfs(fd, &fs) != 0)
        return failErrno("statfs the file descriptor");
    const auto type = static_cast<unsigned long>(fs.f_type);
    if (type == PROC_SUPER_MAGIC || type == SYSFS_MAGIC || type == CGROUP_SUPER_MAGIC ||
        type == CGROUP2_SUPER_MAGIC)
        return fail(ErrorCode::InvalidArgument,
                    "files of /proc, /sys and cgroup file systems cannot be shared");
    if (uid != 0 && st.st_uid != uid && !S_ISFIFO(st.st_mode))
        return fail(ErrorCode::InvalidArgument,
                    "the file belongs to another user; only your own files can be shared");
    return {};
}

UniqueFd dupFd(const QDBusUnixFileDescriptor &fd)
{
    return UniqueFd(fd.isValid() ? ::fcntl(fd.fileDescriptor(), F_DUPFD_CLOEXEC, 3) : -1);
}

// The console of a running container: a new connection to its monitor's attach
// socket, made by us (root), introduced, then handed over as an fd.
Result<UniqueFd> connectAttach(const QString &runDir, bool input, bool replay)
{
    std::string path = str(runDir) + "/attach.sock";
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path)
        return fail(ErrorCode::Internal, "attach socket path too long");
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    UniqueFd fd(::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0));
    if (!fd)
        return failErrno("socket");
    if (::connect(fd.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return fail(ErrorCode::NotFound, "the container is not running");
    wire::Writer w;
    uint32_t flags =
        attach::WantOutput | (input ? attach::WantInput : 0u) | (replay ? attach::Replay : 0u);
    w.u32(flags);
    if (auto st = attach::send(fd.get(), attach::Msg::Hello, w.data()); !st)
        return std::unexpected(st.error());
    return fd;
}

} // namespace

HelperObject::HelperObject(QDBusConnection bus, EngineConfig config, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_config(config)
    , m_engine(config)
    , m_authorizer(bus)
    , m_watcher(QString(), bus, QDBusServiceWatcher::WatchForUnregistration)
{
    new ManagerAdaptor(this);
    new ImagesAdaptor(this);
    new ContainersAdaptor(this);
    new NetworksAdaptor(this);
    // A client that leaves: its operations lose their only reader; cancel what
    // has not begun and forget them once they end.
    connect(&m_watcher, &QDBusServiceWatcher::serviceUnregistered, this,
            [this](const QString &name) {
                m_watcher.removeWatchedService(name);
                for (auto it = m_operations.begin(); it != m_operations.end();) {
                    Operation *op = it.value();
                    if (op && op->owner() == name) {
                        if (op->finished()) {
                            op->deleteLater();
                            it = m_operations.erase(it);
                            continue;
                        }
                        QMetaObject::invokeMethod(op, [op] { op->Cancel({}); });
                    }
                    ++it;
                }
            });
}

HelperObject::~HelperObject() = default;

Status HelperObject::open()
{
    if (auto st = m_engine.open(); !st)
        return st;
    if (!m_bus.registerObject(dbus::objectPath(), this))
        return fail(ErrorCode::System, "cannot register " + str(dbus::objectPath()));
    return {};
}

std::optional<HelperObject::Request> HelperObject::begin(const QVariantMap &options,
                                                         QMap<QString, QString> allowed)
{
    Q_EMIT activity();
    setDelayedReply(true);
    Request r{message(), false, options};
    allowed.insert(kInteractive, u"b"_s);
    if (auto st = checkOptions(options, allowed); !st) {
        replyError(r.message, st.error());
        return std::nullopt;
    }
    r.interactive = options.value(kInteractive).toBool();
    return r;
}

void HelperObject::replyError(const QDBusMessage &message, const Error &error)
{
    replyError(message, dbus::errorName(error.code), QString::fromStdString(error.describe()));
}

void HelperObject::replyError(const QDBusMessage &message, const QString &name, const QString &text)
{
    m_bus.send(message.createErrorReply(name, text));
}

void HelperObject::reply(const QDBusMessage &message, const QVariantList &args)
{
    QDBusMessage r = message.createReply();
    r.setArguments(args);
    m_bus.send(r);
}

void HelperObject::authorize(const Request &request, const QString &action,
                             std::function<void(const Caller &)> then)
{
    ++m_inFlight;
    m_authorizer.check(
        request.message, action, request.interactive,
        [this, request, then = std::move(then)](const AuthResult &result) {
            --m_inFlight;
            Q_EMIT activity();
            if (result.verdict == AuthResult::Yes) {
                then(Caller{request.message.service(), result.uid});
                return;
            }
            if (!result.detail.isEmpty())
                qInfo("refused %s: %s", qPrintable(request.message.member()),
                      qPrintable(result.detail));
            replyError(request.message,
                       result.verdict == AuthResult::Challenge ? dbus::NotAuthorizedCanObtain
                                                               : dbus::NotAuthorized,
                       u"not authorized by polkit for "_s + request.message.member());
        });
}

void HelperObject::authorizeContainer(const Request &request, const QString &idOrName,
                                      std::function<void(const Caller &, const QString &)> then)
{
    if (auto st = checkName(u"container"_s, idOrName); !st) {
        replyError(request.message, st.error());
        return;
    }
    authorize(request, Action::ManageOwn,
              [this, request, idOrName, then = std::move(then)](const Caller &caller) {
                  auto record = resolveFor(caller, idOrName);
                  if (!record) {
                      replyError(request.message, record.error());
                      return;
                  }
                  const QString id = record->config.id;
                  if (record->config.ownerUid == caller.uid || caller.uid == 0) {
                      then(caller, id);
                      return;
                  }
                  // Someone else's container: the stronger action, and without it
                  // the container does not exist for this caller.
                  ++m_inFlight;
                  m_authorizer.check(
                      request.message, Action::ManageOthers, request.interactive,
                      [this, request, caller, id, idOrName, then](const AuthResult &r) {
                          --m_inFlight;
                          if (r.verdict == AuthResult::Yes)
                              then(caller, id);
                          else
                              replyError(request.message, dbus::errorName(ErrorCode::NotFound),
                                         u"no such container: "_s + idOrName);
                      });
              });
}

Result<ContainerRecord> HelperObject::resolveFor(const Caller &caller, const QString &idOrName)
{
    // A full id or a name finds anyone's container (the ownership check follows);
    // an id *prefix* only looks among the caller's own, so that "ambiguous" can
    // never tell a caller about containers it may not see.
    auto all = m_engine.containerStore().list();
    if (!all)
        return std::unexpected(all.error());
    const QString key = idOrName.startsWith(u'/') ? idOrName.mid(1) : idOrName;
    for (const ContainerRecord &r : *all) {
        if (r.config.id == key || r.config.name == key)
            return r;
    }
    const ContainerRecord *found = nullptr;
    for (const ContainerRecord &r : *all) {
        if ((r.config.ownerUid != caller.uid && caller.uid != 0) || !r.config.id.startsWith(key))
            continue;
        if (found)
            return fail(ErrorCode::InvalidArgument, "container id prefix \"" + str(idOrName) +
                                                        "\" is ambiguous; give more of it");
        found = &r;
    }
    if (found)
        return *found;
    return fail(ErrorCode::NotFound, "no such container: " + str(idOrName));
}

void HelperObject::runAsync(const Request &request, const Caller &caller, Work work)
{
    ++m_inFlight;
    QPointer<HelperObject> self(this);
    EngineConfig config = m_config;
    QThreadPool::globalInstance()->start([self, config, request, caller, work] {
        // A fresh Engine per job: the engine's objects are not shared between
        // threads; the file locks order the work of concurrent jobs.
        Engine engine(config);
        Result<QVariantList> result = work(engine, caller);
        QMetaObject::invokeMethod(
            self,
            [self, request, result] {
                if (!self)
                    return;
                --self->m_inFlight;
                Q_EMIT self->activity();
                if (result)
                    self->reply(request.message, *result);
                else
                    self->replyError(request.message, result.error());
            },
            Qt::QueuedConnection);
    });
}

void HelperObject::startOperation(
    const Request &request, const Caller &caller, QList<StepRecord> planned, bool stepThrough,
    std::function<Result<QVariantMap>(Engine &, const Caller &, const OperationContext &)> job)
{
    EngineConfig config = m_config;
    auto *op = new Operation(
        m_bus, caller.busName, std::move(planned),
        [config, caller, job](const OperationContext &ctx) {
            Engine engine(config);
            return job(engine, caller, ctx);
        },
        stepThrough, this);
    if (!op->publish()) {
        delete op;
        replyError(request.message, dbus::Failed, u"cannot export the operation"_s);
        return;
    }
    const QString path = op->path().path();
    m_operations.insert(path, op);
    m_watcher.addWatchedService(caller.busName);
    // Finished operations stay a while for late viewers (Snapshot), then go.
    connect(op, &Operation::done, this, [this, op, path] {
        Q_EMIT activity();
        QTimer::singleShot(5 * 60 * 1000, this, [this, op, path] {
            m_operations.remove(path);
            op->deleteLater();
        });
    });
    reply(request.message, {QVariant::fromValue(op->path())});
}

// ---------------------------------------------------------------- Manager

QVariantMap HelperObject::GetInfo(const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorize(*request, Action::Observe, [this, request](const Caller &caller) {
        QVariantMap info{{u"version"_s, QStringLiteral(KOKER_VERSION)},
                         {u"storeRoot"_s, m_config.root},
                         {u"callerUid"_s, caller.uid},
                         {u"hostCpus"_s, static_cast<int>(::sysconf(_SC_NPROCESSORS_ONLN))},
                         {u"hostMemory"_s, static_cast<qulonglong>(::sysconf(_SC_PHYS_PAGES)) *
                                               static_cast<qulonglong>(::sysconf(_SC_PAGESIZE))}};
        if (auto layout = detectCgroupLayout(); layout) {
            info.insert(u"cgroupMode"_s, QString::fromLatin1(cgroupModeName(layout->mode)));
            if (auto driver = CgroupDriver::forHost("probe"); driver)
                info.insert(u"swapAccounting"_s, driver->limitOptions().swapAccounting);
        }
        reply(request->message, {info});
    });
    return {};
}

// ---------------------------------------------------------------- Images

QVariantMapList HelperObject::ListImages(const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorize(*request, Action::Observe, [this, request](const Caller &caller) {
        runAsync(*request, caller, [](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto images = engine.store().images();
            if (!images)
                return std::unexpected(images.error());
            QVariantMapList out;
            for (const ImageRecord &r : *images)
                out << imageToVariant(r);
            return QVariantList{QVariant::fromValue(out)};
        });
    });
    return {};
}

QString HelperObject::InspectImage(const QString &name, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    if (auto st = checkName(u"image"_s, name); !st) {
        replyError(request->message, st.error());
        return {};
    }
    authorize(*request, Action::Observe, [this, request, name](const Caller &caller) {
        runAsync(*request, caller, [name](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto doc = engine.images().inspect(name);
            if (!doc)
                return std::unexpected(doc.error());
            return QVariantList{
                QString::fromUtf8(QJsonDocument(*doc).toJson(QJsonDocument::Compact))};
        });
    });
    return {};
}

QDBusObjectPath HelperObject::PullImage(const QString &reference, const QVariantMap &options)
{
    auto request = begin(options, {{u"platform"_s, u"s"_s}});
    if (!request)
        return {};
    auto ref = ImageReference::parse(reference);
    if (!ref) {
        replyError(request->message, ref.error());
        return {};
    }
    std::optional<Platform> platform;
    if (options.contains(u"platform"_s)) {
        auto p = Platform::parse(options.value(u"platform"_s).toString());
        if (!p) {
            replyError(request->message, p.error());
            return {};
        }
        platform = *p;
    }
    authorize(*request, Action::PullImages, [this, request, ref, platform](const Caller &caller) {
        StepRecord resolve;
        resolve.phase = Phase::Image;
        resolve.setKey("image.manifest");
        resolve.setTitle("Resolve the image's manifest at the registry");
        resolve.setOp("GET https://" + str(ref->registryHost()) + "/v2/" + str(ref->path()) +
                      "/manifests/" +
                      str(ref->tag().isEmpty() ? ref->digest().toString() : ref->tag()));
        startOperation(*request, caller, {resolve}, false,
                       [ref = *ref, platform](Engine &engine, const Caller &,
                                              const OperationContext &ctx) -> Result<QVariantMap> {
                           // The puller is asynchronous (Qt Network): give it an event loop of
                           // its own on this worker thread.
                           RegistryClient client;
                           ImagePuller puller(engine.store(), client);
                           if (platform)
                               puller.setPlatform(*platform, true);
                           puller.setObserver(ctx.observer);
                           puller.setProgressCallback([&ctx](const PullLayerProgress &p) {
                               ctx.progress({{u"digest"_s, p.blob.toString()},
                                             {u"current"_s, static_cast<qlonglong>(p.bytes)},
                                             {u"total"_s, static_cast<qlonglong>(p.total)},
                                             {u"status"_s, pullStateName(p.state)}});
                           });
                           QEventLoop loop;
                           QObject::connect(&puller, &ImagePuller::finished, &loop,
                                            &QEventLoop::quit);
                           QTimer cancelPoll;
                           QObject::connect(&cancelPoll, &QTimer::timeout, &puller, [&] {
                               if (ctx.cancelled())
                                   puller.cancel();
                           });
                           cancelPoll.start(200);
                           puller.start(ref);
                           if (!puller.isFinished())
                               loop.exec();
                           const auto &result = puller.result();
                           if (!result)
                               return std::unexpected(result.error());
                           return QVariantMap{{u"id"_s, result->image.id.toString()},
                                              {u"digest"_s, result->digest.toString()},
                                              {u"upToDate"_s, result->upToDate}};
                       });
    });
    return {};
}

QDBusObjectPath HelperObject::LoadImage(const QDBusUnixFileDescriptor &archive,
                                        const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    auto fd = std::make_shared<UniqueFd>(dupFd(archive));
    if (!*fd) {
        replyError(request->message, dbus::InvalidArgument, u"no archive file descriptor"_s);
        return {};
    }
    authorize(*request, Action::PullImages, [this, request, fd](const Caller &caller) {
        if (auto st = checkCallerFd(fd->get(), caller.uid, true); !st) {
            replyError(request->message, st.error());
            return;
        }
        startOperation(*request, caller, {}, false,
                       [fd](Engine &engine, const Caller &,
                            const OperationContext &ctx) -> Result<QVariantMap> {
                           ImageArchive images(engine.store());
                           images.setObserver(ctx.observer);
                           auto loaded = images.load(fd->get());
                           if (!loaded)
                               return std::unexpected(loaded.error());
                           QStringList names;
                           for (const LoadedImage &l : *loaded) {
                               for (const QString &n : l.names) {
                                   auto ref = ImageReference::parse(n);
                                   names << (ref ? ref->familiarString() : n);
                               }
                               if (l.names.isEmpty())
                                   names << l.image.id.toString();
                           }
                           return QVariantMap{{u"loaded"_s, names}};
                       });
    });
    return {};
}

QDBusObjectPath HelperObject::SaveImage(const QStringList &names,
                                        const QDBusUnixFileDescriptor &archive,
                                        const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    if (names.isEmpty() || names.size() > 256) {
        replyError(request->message, dbus::InvalidArgument, u"give 1 to 256 image names"_s);
        return {};
    }
    for (const QString &n : names) {
        if (auto st = checkName(u"image"_s, n); !st) {
            replyError(request->message, st.error());
            return {};
        }
    }
    auto fd = std::make_shared<UniqueFd>(dupFd(archive));
    if (!*fd) {
        replyError(request->message, dbus::InvalidArgument, u"no archive file descriptor"_s);
        return {};
    }
    authorize(*request, Action::ManageImages, [this, request, names, fd](const Caller &caller) {
        if (auto st = checkCallerFd(fd->get(), caller.uid, true); !st) {
            replyError(request->message, st.error());
            return;
        }
        int flags = ::fcntl(fd->get(), F_GETFL);
        if ((flags & O_ACCMODE) == O_RDONLY) {
            replyError(request->message, dbus::InvalidArgument,
                       u"the archive must be opened for writing"_s);
            return;
        }
        startOperation(*request, caller, {}, false,
                       [names, fd](Engine &engine, const Caller &,
                                   const OperationContext &ctx) -> Result<QVariantMap> {
                           QList<ImageArchive::SaveItem> items;
                           for (const QString &n : names) {
                               auto image = engine.store().resolve(n);
                               if (!image)
                                   return std::unexpected(image.error());
                               ImageArchive::SaveItem item{*image, {}};
                               auto ref = ImageReference::parse(n);
                               if (ref && image->names.contains(ref->toString()))
                                   item.repoTags << ref->familiarString();
                               items << item;
                           }
                           ImageArchive images(engine.store());
                           images.setObserver(ctx.observer);
                           if (auto st = images.save(items, fd->get()); !st)
                               return std::unexpected(st.error());
                           return QVariantMap{};
                       });
    });
    return {};
}

QDBusObjectPath HelperObject::ImportImage(const QDBusUnixFileDescriptor &tarball,
                                          const QString &name, const QVariantMap &options)
{
    auto request = begin(options, {{u"cmd"_s, u"as"_s}});
    if (!request)
        return {};
    if (!name.isEmpty()) {
        if (auto ref = ImageReference::parse(name); !ref) {
            replyError(request->message, ref.error());
            return {};
        }
    }
    QStringList cmd = options.value(u"cmd"_s).toStringList();
    auto fd = std::make_shared<UniqueFd>(dupFd(tarball));
    if (!*fd) {
        replyError(request->message, dbus::InvalidArgument, u"no tarball file descriptor"_s);
        return {};
    }
    authorize(*request, Action::PullImages, [this, request, name, cmd, fd](const Caller &caller) {
        if (auto st = checkCallerFd(fd->get(), caller.uid, true); !st) {
            replyError(request->message, st.error());
            return;
        }
        startOperation(*request, caller, {}, false,
                       [name, cmd, fd](Engine &engine, const Caller &,
                                       const OperationContext &ctx) -> Result<QVariantMap> {
                           ImportOptions o;
                           o.cmd = cmd;
                           o.comment = u"imported through kokerd"_s;
                           engine.images().setObserver(ctx.observer);
                           auto image = engine.images().importTarball(fd->get(), name, o);
                           if (!image)
                               return std::unexpected(image.error());
                           return QVariantMap{{u"id"_s, image->id.toString()}};
                       });
    });
    return {};
}

QDBusObjectPath HelperObject::ImportStarterImage(const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorize(*request, Action::PullImages, [this, request](const Caller &caller) {
        startOperation(
            *request, caller, {}, false,
            [](Engine &engine, const Caller &, const OperationContext &ctx) -> Result<QVariantMap> {
                engine.images().setObserver(ctx.observer);
                auto image = engine.images().importStarter();
                if (!image)
                    return std::unexpected(image.error());
                return QVariantMap{{u"id"_s, image->id.toString()}};
            });
    });
    return {};
}

QStringList HelperObject::RemoveImage(const QString &name, const QVariantMap &options,
                                      QStringList &)
{
    auto request = begin(options, {{u"force"_s, u"b"_s}});
    if (!request)
        return {};
    if (auto st = checkName(u"image"_s, name); !st) {
        replyError(request->message, st.error());
        return {};
    }
    bool force = options.value(u"force"_s).toBool();
    authorize(*request, Action::ManageImages, [this, request, name, force](const Caller &caller) {
        runAsync(*request, caller,
                 [name, force](Engine &engine, const Caller &) -> Result<QVariantList> {
                     auto r = engine.images().remove(name, force);
                     if (!r)
                         return std::unexpected(r.error());
                     QStringList untagged;
                     for (const QString &n : r->untagged) {
                         auto ref = ImageReference::parse(n);
                         untagged << (ref ? ref->familiarString() : n);
                     }
                     return QVariantList{untagged, r->deleted};
                 });
    });
    return {};
}

void HelperObject::TagImage(const QString &source, const QString &target,
                            const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return;
    for (const QString &n : {source, target}) {
        if (auto st = checkName(u"image"_s, n); !st) {
            replyError(request->message, st.error());
            return;
        }
    }
    authorize(*request, Action::PullImages, [this, request, source, target](const Caller &caller) {
        runAsync(*request, caller,
                 [source, target](Engine &engine, const Caller &) -> Result<QVariantList> {
                     if (auto st = engine.images().tag(source, target); !st)
                         return std::unexpected(st.error());
                     return QVariantList{};
                 });
    });
}

QStringList HelperObject::PruneImages(const QVariantMap &options, qlonglong &)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorize(*request, Action::ManageImages, [this, request](const Caller &caller) {
        runAsync(*request, caller, [](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto r = engine.images().prune();
            if (!r)
                return std::unexpected(r.error());
            return QVariantList{r->deleted, static_cast<qlonglong>(r->freed.bytes)};
        });
    });
    return {};
}

QVariantMapList HelperObject::ImageHistory(const QString &name, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    if (auto st = checkName(u"image"_s, name); !st) {
        replyError(request->message, st.error());
        return {};
    }
    authorize(*request, Action::Observe, [this, request, name](const Caller &caller) {
        runAsync(*request, caller, [name](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto rows = engine.images().history(name);
            if (!rows)
                return std::unexpected(rows.error());
            QVariantMapList out;
            for (const HistoryEntry &e : *rows)
                out << QVariantMap{{u"id"_s, e.id},
                                   {u"created"_s, e.created},
                                   {u"createdBy"_s, e.createdBy},
                                   {u"comment"_s, e.comment},
                                   {u"size"_s, static_cast<qlonglong>(e.size)},
                                   {u"emptyLayer"_s, e.emptyLayer}};
            return QVariantList{QVariant::fromValue(out)};
        });
    });
    return {};
}

// ---------------------------------------------------------------- Containers

QString HelperObject::CreateContainer(const QVariantMap &spec, KokerVolumeList volumes,
                                      const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    auto parsed = parseContainerSpec(spec);
    if (!parsed) {
        replyError(request->message, parsed.error());
        return {};
    }
    if (volumes.size() > 64) {
        replyError(request->message, dbus::InvalidArgument, u"more than 64 volumes"_s);
        return {};
    }
    // Own the descriptors now; the message (and its fds) goes away after this call.
    auto fds = std::make_shared<std::vector<UniqueFd>>();
    QList<VolumeMount> targets;
    for (const KokerVolume &v : volumes) {
        UniqueFd fd = dupFd(v.source);
        auto target = VolumeMount::parse(u"/volume:"_s + v.target);
        if (!fd || !target) {
            replyError(request->message, dbus::InvalidArgument,
                       u"invalid volume target \""_s + v.target.left(64) + u'"');
            return {};
        }
        target->readOnly = v.readOnly;
        targets << *target;
        fds->push_back(std::move(fd));
    }
    RunOptions run = *parsed;
    // Anything that hands the container more of the host than Docker's defaults
    // (the host's network, every capability, any extra capability) needs the host
    // action on top of running containers.
    const bool hostPowers = run.network == u"host"_s || run.privileged || !run.capAdd.isEmpty();
    const QString action = hostPowers ? Action::HostNetwork : Action::RunContainers;
    authorize(*request, action,
              [this, request, run, fds, targets, hostPowers](const Caller &caller) mutable {
                  for (const UniqueFd &fd : *fds) {
                      if (auto st = checkCallerFd(fd.get(), caller.uid, false); !st) {
                          replyError(request->message, st.error());
                          return;
                      }
                  }
                  // --network host and --privileged need the host action as well.
                  auto create = [this, request, run, fds, targets, caller]() mutable {
                      runAsync(
                          *request, caller,
                          [run, fds, targets](Engine &engine,
                                              const Caller &c) mutable -> Result<QVariantList> {
                              run.ownerUid = c.uid;
                              for (qsizetype i = 0; i < targets.size(); ++i)
                                  run.volumeFds << VolumeFd{(*fds)[static_cast<size_t>(i)].get(),
                                                            targets[i].target, targets[i].readOnly};
                              auto created = engine.containers().create(run);
                              if (!created)
                                  return std::unexpected(created.error());
                              return QVariantList{created->config.id};
                          });
                  };
                  if (hostPowers) {
                      authorize(*request, Action::RunContainers,
                                [create](const Caller &) mutable { create(); });
                  } else {
                      create();
                  }
              });
    return {};
}

QDBusObjectPath HelperObject::StartContainer(const QString &id, const QVariantMap &options)
{
    auto request = begin(options, {{u"rows"_s, u"q"_s},
                                   {u"cols"_s, u"q"_s},
                                   {u"stepThrough"_s, u"b"_s},
                                   {u"attach"_s, u"b"_s}});
    if (!request)
        return {};
    StartOptions start;
    start.rows = options.value(u"rows"_s, 24).toUInt();
    start.cols = options.value(u"cols"_s, 80).toUInt();
    if (start.rows == 0 || start.cols == 0 || start.rows > 1000 || start.cols > 1000) {
        replyError(request->message, dbus::InvalidArgument, u"rows and cols must be 1-1000"_s);
        return {};
    }
    const bool stepThrough = options.value(u"stepThrough"_s).toBool();
    const bool attach = options.value(u"attach"_s).toBool();
    authorizeContainer(
        *request, id,
        [this, request, start, stepThrough, attach](const Caller &caller, const QString &cid) {
            StartOptions probe = start;
            if (stepThrough)
                probe.gate = [](const StepRecord &) { return true; };
            auto planned = m_engine.containers().plannedStartSteps(cid, probe);
            if (!planned) {
                replyError(request->message, planned.error());
                return;
            }
            startOperation(
                *request, caller, *planned, stepThrough,
                [cid, start, attach](Engine &engine, const Caller &,
                                     const OperationContext &ctx) -> Result<QVariantMap> {
                    StartOptions o = start;
                    o.ownerCleansUp = false;
                    o.observer = ctx.observer;
                    o.gate = ctx.gate;
                    auto running = engine.containers().start(cid, o);
                    if (!running)
                        return std::unexpected(running.error().error);
                    // We do not stay the owner: the monitor runs the cleanup
                    // when the container ends. The connection, made before the
                    // process ran, is the caller's console if it asked for one.
                    if (attach)
                        ctx.setConsole(std::move(running->control));
                    running->control.reset();
                    return QVariantMap{{u"pid"_s, running->pid}};
                });
        });
    return {};
}

QDBusObjectPath HelperObject::StopContainer(const QString &id, const QVariantMap &options)
{
    auto request = begin(options, {{u"timeout"_s, u"u"_s}});
    if (!request)
        return {};
    uint timeout = options.value(u"timeout"_s, 10u).toUInt();
    if (timeout > 3600) {
        replyError(request->message, dbus::InvalidArgument, u"timeout is at most 3600 s"_s);
        return {};
    }
    authorizeContainer(
        *request, id, [this, request, timeout](const Caller &caller, const QString &cid) {
            startOperation(*request, caller, {}, false,
                           [cid, timeout](Engine &engine, const Caller &,
                                          const OperationContext &ctx) -> Result<QVariantMap> {
                               if (auto st = engine.containers().stop(
                                       cid, static_cast<int>(timeout), ctx.observer);
                                   !st)
                                   return std::unexpected(st.error());
                               return QVariantMap{};
                           });
        });
    return {};
}

void HelperObject::KillContainer(const QString &id, const QString &signal,
                                 const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return;
    int sig = parseSignal(signal.left(32));
    if (sig < 0) {
        replyError(request->message, dbus::InvalidArgument, u"invalid signal"_s);
        return;
    }
    authorizeContainer(
        *request, id, [this, request, sig](const Caller &caller, const QString &cid) {
            runAsync(*request, caller,
                     [cid, sig](Engine &engine, const Caller &) -> Result<QVariantList> {
                         if (auto st = engine.containers().kill(cid, sig); !st)
                             return std::unexpected(st.error());
                         return QVariantList{};
                     });
        });
}

QDBusObjectPath HelperObject::RemoveContainer(const QString &id, const QVariantMap &options)
{
    auto request = begin(options, {{u"force"_s, u"b"_s}, {u"proof"_s, u"b"_s}});
    if (!request)
        return {};
    bool force = options.value(u"force"_s).toBool();
    bool proof = options.value(u"proof"_s).toBool();
    authorizeContainer(
        *request, id, [this, request, force, proof](const Caller &caller, const QString &cid) {
            startOperation(*request, caller, {}, false,
                           [cid, force, proof](Engine &engine, const Caller &,
                                               const OperationContext &ctx) -> Result<QVariantMap> {
                               // The list of changes is made before anything goes.
                               QList<HostChange> changes;
                               if (proof) {
                                   auto derived = CleanupProof::changesOf(engine, cid);
                                   if (!derived)
                                       return std::unexpected(derived.error());
                                   changes = std::move(*derived);
                               }
                               Status removed =
                                   engine.containers().remove(cid, force, ctx.observer);
                               if (proof) {
                                   // Also when the removal failed: then it shows what is left.
                                   const QJsonArray checks =
                                       CleanupProof::toJson(CleanupProof::check(changes));
                                   ctx.keepInResult(
                                       {{u"proof"_s, QString::fromUtf8(QJsonDocument(checks).toJson(
                                                         QJsonDocument::Compact))}});
                               }
                               if (!removed)
                                   return std::unexpected(removed.error());
                               return QVariantMap{};
                           });
        });
    return {};
}

QVariantMapList HelperObject::ListContainers(const QVariantMap &options)
{
    auto request = begin(options, {{u"all"_s, u"b"_s}});
    if (!request)
        return {};
    bool all = options.value(u"all"_s).toBool();
    authorize(*request, Action::ManageOwn, [this, request, all](const Caller &caller) {
        runAsync(*request, caller, [all](Engine &engine, const Caller &c) -> Result<QVariantList> {
            auto records = engine.containers().list(all);
            if (!records)
                return std::unexpected(records.error());
            QVariantMapList out;
            for (const ContainerRecord &r : *records) {
                // Everyone sees their own containers; only root sees all of them.
                if (r.config.ownerUid == c.uid || c.uid == 0)
                    out << containerToVariant(r);
            }
            return QVariantList{QVariant::fromValue(out)};
        });
    });
    return {};
}

QString HelperObject::InspectContainer(const QString &id, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorizeContainer(*request, id, [this, request](const Caller &caller, const QString &cid) {
        runAsync(*request, caller, [cid](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto doc = engine.containers().inspect(cid);
            if (!doc)
                return std::unexpected(doc.error());
            return QVariantList{
                QString::fromUtf8(QJsonDocument(*doc).toJson(QJsonDocument::Compact))};
        });
    });
    return {};
}

QDBusUnixFileDescriptor HelperObject::ContainerLogs(const QString &id, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorizeContainer(*request, id, [this, request](const Caller &, const QString &cid) {
        QString path = m_engine.containerStore().containerDir(cid) + u"/console.log"_s;
        UniqueFd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        if (!fd && errno == ENOENT) {
            // No output yet: an empty stream rather than an error.
            fd.reset(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        }
        if (!fd) {
            replyError(request->message, failErrno("open the console log").error());
            return;
        }
        reply(request->message, {QVariant::fromValue(QDBusUnixFileDescriptor(fd.get()))});
    });
    return {};
}

QDBusUnixFileDescriptor HelperObject::Attach(const QString &id, const QVariantMap &options)
{
    auto request = begin(options, {{u"input"_s, u"b"_s}, {u"replay"_s, u"b"_s}});
    if (!request)
        return {};
    bool input = options.value(u"input"_s, true).toBool();
    bool replay = options.value(u"replay"_s).toBool();
    authorizeContainer(
        *request, id, [this, request, input, replay](const Caller &, const QString &cid) {
            auto fd = connectAttach(m_engine.containerStore().runDir(cid), input, replay);
            if (!fd) {
                replyError(request->message, fd.error());
                return;
            }
            reply(request->message, {QVariant::fromValue(QDBusUnixFileDescriptor(fd->get()))});
        });
    return {};
}

QDBusUnixFileDescriptor HelperObject::Exec(const QString &id, const QVariantMap &spec,
                                           const QVariantMap &options, QVariantMapList &)
{
    auto request = begin(options);
    if (!request)
        return {};
    auto parsed = parseExecSpec(spec);
    if (!parsed) {
        replyError(request->message, parsed.error());
        return {};
    }
    authorizeContainer(
        *request, id, [this, request, exec = *parsed](const Caller &caller, const QString &cid) {
            runAsync(*request, caller,
                     [cid, exec](Engine &engine, const Caller &) -> Result<QVariantList> {
                         QList<StepRecord> steps;
                         ExecOptions o = exec;
                         o.observer = [&steps](const StepRecord &r) {
                             if (r.state != StepState::Running)
                                 steps << r;
                         };
                         auto running = engine.containers().exec(cid, o);
                         if (!running)
                             return std::unexpected(running.error().error);
                         // The exec's own monitor speaks the attach protocol on this socket.
                         QDBusUnixFileDescriptor fd(running->control.get());
                         return QVariantList{QVariant::fromValue(fd),
                                             QVariant::fromValue(stepsToVariants(steps))};
                     });
        });
    return {};
}

QVariantMap HelperObject::Stats(const QString &id, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorizeContainer(*request, id, [this, request](const Caller &, const QString &cid) {
        auto driver = CgroupDriver::forHost(str(cid));
        if (!driver) {
            replyError(request->message, driver.error());
            return;
        }
        auto stats = driver->stats();
        if (!stats) {
            replyError(request->message, stats.error());
            return;
        }
        const CgroupStats &s = *stats;
        QVariantMap out;
        auto put = [&out](const char16_t *key, const std::optional<int64_t> &v) {
            if (v)
                out.insert(QString::fromUtf16(key), static_cast<qlonglong>(*v));
        };
        put(u"memoryUsage", s.memoryUsageBytes);
        put(u"memoryLimit", s.memoryLimitBytes);
        put(u"cpuUsageNs", s.cpuUsageNs);
        put(u"cpuPeriods", s.cpuPeriods);
        put(u"throttledPeriods", s.cpuThrottledPeriods);
        put(u"throttledNs", s.cpuThrottledNs);
        put(u"pids", s.pidsCurrent);
        put(u"pidsLimit", s.pidsMax);
        put(u"oomKills", s.oomKills);
        out.insert(u"timestamp"_s, static_cast<qlonglong>(realtimeNs()));
        reply(request->message, {out});
    });
    return {};
}

QVariantMapList HelperObject::ContainerSteps(const QString &id, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorizeContainer(*request, id, [this, request](const Caller &caller, const QString &cid) {
        runAsync(*request, caller, [cid](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto steps = engine.containerStore().readSteps(cid);
            if (!steps)
                return std::unexpected(steps.error());
            QVariantMapList out;
            for (const QJsonObject &o : *steps) {
                QVariantMap m = dbus::stepToVariant(stepFromJson(o));
                m.insert(u"action"_s, o.value(u"action"_s).toString());
                out << m;
            }
            return QVariantList{QVariant::fromValue(out)};
        });
    });
    return {};
}

QString HelperObject::UnderTheHood(const QString &id, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorizeContainer(*request, id, [this, request](const Caller &caller, const QString &cid) {
        runAsync(*request, caller, [cid](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto doc = engine.containers().inspect(cid);
            if (!doc)
                return std::unexpected(doc.error());
            auto hood = koker::UnderTheHood::collect(*doc);
            if (!hood)
                return std::unexpected(hood.error());
            return QVariantList{
                QString::fromUtf8(QJsonDocument(*hood).toJson(QJsonDocument::Compact))};
        });
    });
    return {};
}

QString HelperObject::CleanupPreview(const QString &id, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorizeContainer(*request, id, [this, request](const Caller &caller, const QString &cid) {
        runAsync(*request, caller, [cid](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto changes = CleanupProof::changesOf(engine, cid);
            if (!changes)
                return std::unexpected(changes.error());
            const QJsonArray checks = CleanupProof::toJson(CleanupProof::check(*changes));
            return QVariantList{
                QString::fromUtf8(QJsonDocument(checks).toJson(QJsonDocument::Compact))};
        });
    });
    return {};
}

// ---------------------------------------------------------------- Networks

QVariantMapList HelperObject::ListNetworks(const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    authorize(*request, Action::Observe, [this, request](const Caller &caller) {
        runAsync(*request, caller, [](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto nets = engine.networks().list();
            if (!nets)
                return std::unexpected(nets.error());
            QVariantMapList out;
            for (const NetworkRecord &n : *nets)
                out << networkToVariant(n);
            return QVariantList{QVariant::fromValue(out)};
        });
    });
    return {};
}

QString HelperObject::InspectNetwork(const QString &name, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return {};
    if (auto st = checkName(u"network"_s, name); !st) {
        replyError(request->message, st.error());
        return {};
    }
    authorize(*request, Action::Observe, [this, request, name](const Caller &caller) {
        runAsync(*request, caller, [name](Engine &engine, const Caller &) -> Result<QVariantList> {
            auto doc = engine.networks().inspectNetwork(name);
            if (!doc)
                return std::unexpected(doc.error());
            return QVariantList{
                QString::fromUtf8(QJsonDocument(*doc).toJson(QJsonDocument::Compact))};
        });
    });
    return {};
}

QVariantMap HelperObject::CreateNetwork(const QString &name, const QVariantMap &options)
{
    auto request = begin(options, {{u"subnet"_s, u"s"_s}});
    if (!request)
        return {};
    if (auto st = ContainerStore::validateName(name); !st) {
        replyError(request->message, st.error());
        return {};
    }
    QString subnet = options.value(u"subnet"_s).toString().left(64);
    authorize(*request, Action::HostNetwork, [this, request, name, subnet](const Caller &caller) {
        runAsync(*request, caller,
                 [name, subnet](Engine &engine, const Caller &) -> Result<QVariantList> {
                     auto net = engine.networks().create(name, subnet);
                     if (!net)
                         return std::unexpected(net.error());
                     return QVariantList{networkToVariant(*net)};
                 });
    });
    return {};
}

void HelperObject::RemoveNetwork(const QString &name, const QVariantMap &options)
{
    auto request = begin(options);
    if (!request)
        return;
    if (auto st = checkName(u"network"_s, name); !st) {
        replyError(request->message, st.error());
        return;
    }
    authorize(*request, Action::HostNetwork, [this, request, name](const Caller &caller) {
        runAsync(*request, caller, [name](Engine &engine, const Caller &) -> Result<QVariantList> {
            if (auto st = engine.networks().remove(name); !st)
                return std::unexpected(st.error());
            return QVariantList{};
        });
    });
}

} // namespace koker::helper
