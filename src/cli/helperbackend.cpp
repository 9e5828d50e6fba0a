#include "helperbackend.h"

#include "engine/imagereference.h"
#include "engine/units.h"

#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtDBus/QDBusConnectionInterface>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

namespace {

QDateTime dateTime(const QVariant &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QString normalized(const QString &name)
{
    auto ref = ImageReference::parse(name);
    return ref ? ref->toString() : name;
}

ImageRecord imageFromVariant(const QVariantMap &m)
{
    ImageRecord r;
    if (auto d = Digest::parse(m.value(u"id"_s).toString()); d)
        r.id = *d;
    const QStringList names = m.value(u"names"_s).toStringList();
    for (const QString &n : names)
        r.names << normalized(n);
    r.repoDigests = m.value(u"repoDigests"_s).toStringList();
    r.created = m.value(u"created"_s).toString();
    r.addedAt = dateTime(m.value(u"addedAt"_s));
    r.size = m.value(u"size"_s).toLongLong();
    r.architecture = m.value(u"architecture"_s).toString();
    return r;
}

ContainerRecord containerFromVariant(const QVariantMap &m)
{
    ContainerRecord r;
    ContainerConfig &c = r.config;
    c.id = m.value(u"id"_s).toString();
    c.name = m.value(u"name"_s).toString();
    c.image = m.value(u"image"_s).toString();
    c.args = m.value(u"command"_s).toString().split(u' ', Qt::SkipEmptyParts);
    c.created = dateTime(m.value(u"created"_s));
    c.tty = m.value(u"tty"_s).toBool();
    c.openStdin = m.value(u"interactive"_s).toBool();
    c.ownerUid = m.value(u"owner"_s).toUInt();
    c.limits.memoryBytes = m.value(u"memoryLimit"_s).toLongLong();
    c.limits.nanoCpus = m.value(u"nanoCpus"_s).toLongLong();
    c.limits.pidsMax = m.value(u"pidsLimit"_s).toLongLong();
    const QStringList publish = m.value(u"publish"_s).toStringList();
    for (const QString &p : publish) {
        if (auto pm = PortMapping::parse(p); pm)
            c.ports << *pm;
    }
    ContainerState &s = r.state;
    const QString status = m.value(u"status"_s).toString();
    s.status = status == u"running"_s  ? ContainerStatus::Running
               : status == u"exited"_s ? ContainerStatus::Exited
                                       : ContainerStatus::Created;
    s.pid = m.value(u"pid"_s).toInt();
    s.exitCode = m.value(u"exitCode"_s).toInt();
    s.oomKilled = m.value(u"oomKilled"_s).toBool();
    s.startedAt = dateTime(m.value(u"startedAt"_s));
    s.finishedAt = dateTime(m.value(u"finishedAt"_s));
    return r;
}

NetworkRecord networkFromVariant(const QVariantMap &m)
{
    NetworkRecord n;
    n.id = m.value(u"id"_s).toString();
    n.name = m.value(u"name"_s).toString();
    n.driver = m.value(u"driver"_s).toString();
    n.bridge = m.value(u"bridge"_s).toString();
    n.subnet = m.value(u"subnet"_s).toString();
    n.gateway = m.value(u"gateway"_s).toString();
    n.isDefault = m.value(u"default"_s).toBool();
    return n;
}

Result<QJsonObject> jsonObject(const QString &text)
{
    QJsonParseError e{};
    auto doc = QJsonDocument::fromJson(text.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::Corrupt, "kokerd sent a malformed document");
    return doc.object();
}

} // namespace

HelperBackend::HelperBackend() = default;

HelperBackend::~HelperBackend()
{
    if (m_agent > 0) {
        ::kill(m_agent, SIGTERM);
        ::waitpid(m_agent, nullptr, 0);
    }
}

bool HelperBackend::startAgent()
{
    if (m_agent > 0 || !::isatty(STDIN_FILENO))
        return false;
    // polkit's text agent, for this bus connection only; it tells us on its notify
    // fd (by closing it) when it is registered and the retry can ask.
    int pipefd[2];
    if (::pipe2(pipefd, O_CLOEXEC) != 0)
        return false;
    const QByteArray busName = m_client.bus().baseService().toUtf8();
    pid_t pid = ::fork();
    if (pid == 0) {
        // Not what koker holds off or ignores (SignalShield, SIGPIPE): the agent must
        // answer Ctrl-C and our SIGTERM.
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        ::dup2(pipefd[1], 3);
        const char *argv[] = {"pkttyagent",        "--notify-fd",       "3",    "--fallback",
                              "--system-bus-name", busName.constData(), nullptr};
        ::execvp("pkttyagent", const_cast<char *const *>(argv));
        ::_exit(127);
    }
    ::close(pipefd[1]);
    if (pid < 0) {
        ::close(pipefd[0]);
        return false;
    }
    char c;
    while (::read(pipefd[0], &c, 1) > 0) {
    }
    ::close(pipefd[0]);
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid)
        return false; // it could not start (not installed, no terminal)
    m_agent = pid;
    m_client.setInteractive(true);
    return true;
}

template <class T>
Result<T> HelperBackend::await(const std::function<void(client::Callback<T>)> &call)
{
    for (int attempt = 0;; ++attempt) {
        std::optional<Result<T>> out;
        QEventLoop loop;
        call([&out, &loop](Result<T> r) {
            out = std::move(r);
            loop.quit();
        });
        if (!out)
            loop.exec();
        if (!*out && attempt == 0 && client::canObtainAuthorization(out->error()) && startAgent())
            continue;
        return std::move(*out);
    }
}

Status HelperBackend::awaitDone(const std::function<void(client::Done)> &call)
{
    auto r = await<bool>([&call](client::Callback<bool> done) {
        call([done](Status st) {
            if (st)
                done(true);
            else
                done(std::unexpected(st.error()));
        });
    });
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QVariantMap> HelperBackend::runOperation(
    const std::function<void(client::OperationCallback)> &start, const StepObserver &observer,
    const StepGate &gate, const std::function<void(const QVariantMap &)> &progress,
    const std::function<void(client::OperationClient *)> &succeeded, QVariantMap *result)
{
    auto op = await<client::OperationClient *>(start);
    if (!op)
        return std::unexpected(op.error());
    client::OperationClient *o = *op;
    QEventLoop loop;
    QObject::connect(o, &client::OperationClient::stepChanged, &loop,
                     [o, &observer, &gate](const StepRecord &r) {
                         if (r.state == StepState::Planned) {
                             o->proceed(gate ? gate(r) : true);
                             return;
                         }
                         if (observer)
                             observer(r);
                     });
    if (progress)
        QObject::connect(o, &client::OperationClient::progress, &loop, progress);
    QObject::connect(o, &client::OperationClient::completed, &loop, &QEventLoop::quit);
    o->begin();
    if (!o->isFinished())
        loop.exec();
    std::unique_ptr<client::OperationClient> owned(o);
    if (result)
        *result = o->result();
    if (!o->succeeded()) {
        Error e = client::errorFromDBus(
            QDBusError(QDBusMessage::createError(o->errorName(), o->errorMessage())));
        return std::unexpected(e);
    }
    if (succeeded)
        succeeded(o);
    return o->result();
}

// ---------------------------------------------------------------- images

Result<QList<ImageRecord>> HelperBackend::listImages()
{
    auto list = await<QVariantMapList>([this](auto done) { m_client.listImages(done); });
    if (!list)
        return std::unexpected(list.error());
    QList<ImageRecord> out;
    for (const QVariantMap &m : *list)
        out << imageFromVariant(m);
    return out;
}

Result<QJsonObject> HelperBackend::inspectImage(const QString &name)
{
    auto doc = await<QString>([&](auto done) { m_client.inspectImage(name, done); });
    if (!doc)
        return std::unexpected(doc.error());
    return jsonObject(*doc);
}

Result<ImageRecord> HelperBackend::importTarball(int fd, const QString &name,
                                                 const ImportOptions &options,
                                                 const StepObserver &observer)
{
    if (!options.entrypoint.isEmpty() || !options.env.isEmpty() || !options.workingDir.isEmpty())
        return fail(ErrorCode::Unsupported,
                    "through kokerd, import --change takes only CMD; run koker as root for more");
    auto result = runOperation(
        [&](auto done) { m_client.importImage(fd, name, options.cmd, done); }, observer);
    if (!result)
        return std::unexpected(result.error());
    ImageRecord r;
    if (auto d = Digest::parse(result->value(u"id"_s).toString()); d)
        r.id = *d;
    return r;
}

Result<ImageRecord> HelperBackend::importStarter(const QString &busybox,
                                                 const StepObserver &observer)
{
    if (!busybox.isEmpty())
        return fail(ErrorCode::Unsupported, "through kokerd the starter image uses /bin/busybox");
    auto result = runOperation([&](auto done) { m_client.importStarterImage(done); }, observer);
    if (!result)
        return std::unexpected(result.error());
    ImageRecord r;
    if (auto d = Digest::parse(result->value(u"id"_s).toString()); d)
        r.id = *d;
    return r;
}

Result<ImageService::RemoveResult> HelperBackend::removeImage(const QString &name, bool force)
{
    auto r = await<std::pair<QStringList, QStringList>>(
        [&](auto done) { m_client.removeImage(name, force, done); });
    if (!r)
        return std::unexpected(r.error());
    ImageService::RemoveResult out;
    out.untagged = r->first;
    out.deleted = r->second;
    return out;
}

Status HelperBackend::tagImage(const QString &source, const QString &target)
{
    return awaitDone([&](auto done) { m_client.tagImage(source, target, done); });
}

Result<ImageService::RemoveResult> HelperBackend::pruneImages()
{
    auto r =
        await<std::pair<QStringList, qlonglong>>([&](auto done) { m_client.pruneImages(done); });
    if (!r)
        return std::unexpected(r.error());
    ImageService::RemoveResult out;
    out.deleted = r->first;
    out.freed.bytes = r->second;
    return out;
}

Result<PullResult> HelperBackend::pullImage(const QString &reference, const PullOptions &options,
                                            const QString &, const PullCallbacks &callbacks)
{
    auto ref = ImageReference::parse(reference);
    if (!ref)
        return std::unexpected(ref.error());
    // Progress comes as (digest, bytes, total, state); the printer wants layers by
    // position, which is the order they are first reported in.
    QStringList order;
    auto progress = [&](const QVariantMap &m) {
        if (!callbacks.progress)
            return;
        PullLayerProgress p;
        const QString digest = m.value(u"digest"_s).toString();
        if (auto d = Digest::parse(digest); d)
            p.blob = *d;
        if (!order.contains(digest))
            order << digest;
        p.index = static_cast<int>(order.indexOf(digest));
        p.bytes = m.value(u"current"_s).toLongLong();
        p.total = m.value(u"total"_s).toLongLong();
        p.state = pullStateFromName(m.value(u"status"_s).toString())
                      .value_or(PullLayerProgress::State::Downloading);
        p.changed = true;
        callbacks.progress(p);
    };
    const QString platform = options.platform ? options.platform->toString() : QString();
    auto result = runOperation([&](auto done) { m_client.pullImage(reference, platform, done); },
                               callbacks.observer, {}, progress);
    if (!result)
        return std::unexpected(result.error());
    PullResult out;
    out.reference = *ref;
    if (auto d = Digest::parse(result->value(u"id"_s).toString()); d)
        out.image.id = *d;
    if (auto d = Digest::parse(result->value(u"digest"_s).toString()); d)
        out.digest = *d;
    out.upToDate = result->value(u"upToDate"_s).toBool();
    return out;
}

Result<QList<LoadedImage>> HelperBackend::loadImages(int fd, const StepObserver &observer)
{
    auto result = runOperation([&](auto done) { m_client.loadImage(fd, done); }, observer);
    if (!result)
        return std::unexpected(result.error());
    QList<LoadedImage> out;
    const QStringList loaded = result->value(u"loaded"_s).toStringList();
    for (const QString &l : loaded) {
        LoadedImage image;
        if (l.startsWith(u"sha256:"_s)) {
            if (auto d = Digest::parse(l); d)
                image.image.id = *d;
        } else {
            image.names << normalized(l);
        }
        out << image;
    }
    return out;
}

Status HelperBackend::saveImages(const QStringList &names, int fd, const StepObserver &observer)
{
    auto result = runOperation([&](auto done) { m_client.saveImage(names, fd, done); }, observer);
    if (!result)
        return std::unexpected(result.error());
    return {};
}

Result<QList<HistoryEntry>> HelperBackend::imageHistory(const QString &name)
{
    auto rows = await<QVariantMapList>([&](auto done) { m_client.imageHistory(name, done); });
    if (!rows)
        return std::unexpected(rows.error());
    QList<HistoryEntry> out;
    for (const QVariantMap &m : *rows)
        out << HistoryEntry{m.value(u"id"_s).toString(),        m.value(u"created"_s).toString(),
                            m.value(u"createdBy"_s).toString(), m.value(u"comment"_s).toString(),
                            m.value(u"size"_s).toLongLong(),    m.value(u"emptyLayer"_s).toBool()};
    return out;
}

// ---------------------------------------------------------------- containers

Result<ContainerRecord> HelperBackend::createContainer(const RunOptions &o, const StepObserver &)
{
    QVariantMap spec{{u"image"_s, o.image},
                     {u"tty"_s, o.tty},
                     {u"interactive"_s, o.interactive},
                     {u"autoRemove"_s, o.autoRemove},
                     {u"network"_s, o.network},
                     {u"privileged"_s, o.privileged}};
    if (!o.name.isEmpty())
        spec.insert(u"name"_s, o.name);
    if (!o.hostname.isEmpty())
        spec.insert(u"hostname"_s, o.hostname);
    if (!o.cmd.isEmpty())
        spec.insert(u"cmd"_s, o.cmd);
    if (o.entrypoint)
        spec.insert(u"entrypoint"_s, *o.entrypoint);
    // `-e NAME` takes the value from our environment, here: kokerd has none of ours.
    QStringList env;
    for (const QString &e : o.env) {
        if (e.contains(u'=')) {
            env << e;
            continue;
        }
        for (const QString &h : o.hostEnv) {
            if (h.section(u'=', 0, 0) == e)
                env << h;
        }
    }
    if (!env.isEmpty())
        spec.insert(u"env"_s, env);
    if (o.workingDir)
        spec.insert(u"workingDir"_s, *o.workingDir);
    if (o.user)
        spec.insert(u"user"_s, *o.user);
    if (o.limits.memoryBytes)
        spec.insert(u"memory"_s, static_cast<qlonglong>(o.limits.memoryBytes));
    if (o.limits.memorySwapBytes)
        spec.insert(u"memorySwap"_s, static_cast<qlonglong>(o.limits.memorySwapBytes));
    if (o.limits.nanoCpus)
        spec.insert(u"nanoCpus"_s, static_cast<qlonglong>(o.limits.nanoCpus));
    if (o.limits.pidsMax)
        spec.insert(u"pidsLimit"_s, static_cast<qlonglong>(o.limits.pidsMax));
    QStringList ports;
    for (const PortMapping &p : o.ports)
        ports << (p.hostIp.isEmpty() ? QString() : p.hostIp + u':') + QString::number(p.hostPort) +
                     u':' + QString::number(p.containerPort) + u'/' + p.protocol;
    if (!ports.isEmpty())
        spec.insert(u"ports"_s, ports);
    if (!o.capAdd.isEmpty())
        spec.insert(u"capAdd"_s, o.capAdd);
    if (!o.capDrop.isEmpty())
        spec.insert(u"capDrop"_s, o.capDrop);
    // Volumes travel as descriptors we open ourselves, with our own rights: kokerd
    // never opens a path we name.
    std::vector<UniqueFd> fds;
    KokerVolumeList volumes;
    for (const VolumeMount &v : o.volumes) {
        UniqueFd fd(::open(QFile::encodeName(v.source).constData(), O_PATH | O_CLOEXEC));
        if (!fd)
            return failErrno("open the volume " + v.source.toStdString());
        volumes << KokerVolume{QDBusUnixFileDescriptor(fd.get()), v.target, v.readOnly};
        fds.push_back(std::move(fd));
    }
    auto id = await<QString>([&](auto done) { m_client.createContainer(spec, volumes, done); });
    if (!id)
        return std::unexpected(id.error());
    return getContainer(*id);
}

std::expected<Attached, RunFailure>
HelperBackend::startContainer(const QString &id, const StartOptions &options, bool attach)
{
    QVariantMap extra{{u"rows"_s, QVariant::fromValue<ushort>(options.rows)},
                      {u"cols"_s, QVariant::fromValue<ushort>(options.cols)}};
    if (options.gate)
        extra.insert(u"stepThrough"_s, true);
    if (attach)
        extra.insert(u"attach"_s, true);
    // The console comes from the start itself: connected before the process ran,
    // so even `run --rm` of a command that ends at once loses no output.
    Result<UniqueFd> console = fail(ErrorCode::NotFound, "no console");
    auto takeConsole = [&](client::OperationClient *o) {
        std::optional<Result<UniqueFd>> out;
        QEventLoop loop;
        o->takeConsole([&](Result<UniqueFd> fd) {
            out = std::move(fd);
            loop.quit();
        });
        if (!out)
            loop.exec();
        console = std::move(*out);
    };
    auto result = runOperation([&](auto done) { m_client.startContainer(id, extra, done); },
                               options.observer, options.gate, {},
                               attach ? std::function<void(client::OperationClient *)>(takeConsole)
                                      : std::function<void(client::OperationClient *)>());
    if (!result) {
        // A command that cannot run reports the step that failed: keep docker's codes.
        int code = 125;
        const std::string &m = result.error().message;
        if (m.find("Run ") != std::string::npos && m.find("not found") != std::string::npos)
            code = 127;
        else if (m.find("Run ") != std::string::npos &&
                 m.find("permission denied") != std::string::npos)
            code = 126;
        return std::unexpected(RunFailure{result.error(), code});
    }
    Attached a;
    a.id = id;
    a.pid = result->value(u"pid"_s).toInt();
    if (auto r = getContainer(id); r) {
        a.id = r->config.id;
        a.name = r->config.name;
    }
    if (attach) {
        if (!console)
            return std::unexpected(RunFailure{console.error(), 125});
        a.console = std::move(*console);
    }
    return a;
}

std::expected<Attached, RunFailure> HelperBackend::execContainer(const QString &id,
                                                                 const ExecOptions &o)
{
    QVariantMap spec{{u"cmd"_s, o.args},
                     {u"tty"_s, o.tty},
                     {u"interactive"_s, o.interactive},
                     {u"rows"_s, QVariant::fromValue<ushort>(o.rows)},
                     {u"cols"_s, QVariant::fromValue<ushort>(o.cols)}};
    if (!o.env.isEmpty())
        spec.insert(u"env"_s, o.env);
    if (o.workingDir)
        spec.insert(u"workingDir"_s, *o.workingDir);
    if (o.user)
        spec.insert(u"user"_s, *o.user);
    auto r = await<std::pair<QDBusUnixFileDescriptor, QVariantMapList>>(
        [&](auto done) { m_client.exec(id, spec, done); });
    if (!r) {
        int code = 125;
        const std::string &m = r.error().message;
        if (m.find("Run ") != std::string::npos && m.find("not found") != std::string::npos)
            code = 127;
        return std::unexpected(RunFailure{r.error(), code});
    }
    if (o.observer) {
        for (const QVariantMap &m : r->second)
            o.observer(dbus::stepFromVariant(m));
    }
    Attached a;
    a.id = id;
    a.console.reset(::fcntl(r->first.fileDescriptor(), F_DUPFD_CLOEXEC, 3));
    return a;
}

Status HelperBackend::stopContainer(const QString &id, int timeoutSeconds,
                                    const StepObserver &observer)
{
    auto r = runOperation(
        [&](auto done) { m_client.stopContainer(id, static_cast<uint>(timeoutSeconds), done); },
        observer);
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Status HelperBackend::killContainer(const QString &id, int signal, const StepObserver &)
{
    return awaitDone([&](auto done) { m_client.killContainer(id, QString::number(signal), done); });
}

Status HelperBackend::removeContainer(const QString &id, bool force, const StepObserver &observer)
{
    auto r = runOperation([&](auto done) { m_client.removeContainer(id, force, done); }, observer);
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<RemovalProof> HelperBackend::removeContainerWithProof(const QString &id, bool force,
                                                             const StepObserver &observer)
{
    QVariantMap result;
    RemovalProof out;
    auto r = runOperation([&](auto done) { m_client.removeContainer(id, force, done, true); },
                          observer, {}, {}, {}, &result);
    if (!r) {
        // No checklist: it failed before it began (no such container, refused).
        if (!result.contains(u"proof"_s))
            return std::unexpected(r.error());
        out.removal = std::unexpected(r.error());
    }
    auto doc = QJsonDocument::fromJson(result.value(u"proof"_s).toString().toUtf8());
    if (!doc.isArray())
        return fail(ErrorCode::Corrupt, "kokerd sent a malformed cleanup checklist");
    out.checks = CleanupProof::fromJson(doc.array());
    return out;
}

Result<QList<CleanupCheck>> HelperBackend::cleanupPreview(const QString &idOrName)
{
    auto text = await<QString>([&](auto done) { m_client.cleanupPreview(idOrName, done); });
    if (!text)
        return std::unexpected(text.error());
    auto doc = QJsonDocument::fromJson(text->toUtf8());
    if (!doc.isArray())
        return fail(ErrorCode::Corrupt, "kokerd sent a malformed cleanup checklist");
    return CleanupProof::fromJson(doc.array());
}

Result<QJsonObject> HelperBackend::underTheHood(const QString &idOrName)
{
    auto doc = await<QString>([&](auto done) { m_client.underTheHood(idOrName, done); });
    if (!doc)
        return std::unexpected(doc.error());
    return jsonObject(*doc);
}

Result<QList<ContainerRecord>> HelperBackend::listContainers(bool all)
{
    auto list = await<QVariantMapList>([&](auto done) { m_client.listContainers(all, done); });
    if (!list)
        return std::unexpected(list.error());
    QList<ContainerRecord> out;
    for (const QVariantMap &m : *list)
        out << containerFromVariant(m);
    return out;
}

Result<ContainerRecord> HelperBackend::getContainer(const QString &idOrName)
{
    // The helper resolves names and prefixes (among our own containers); then the
    // record from the list.
    auto doc = inspectContainer(idOrName);
    if (!doc)
        return std::unexpected(doc.error());
    const QString id = doc->value(u"Id"_s).toString();
    auto all = listContainers(true);
    if (!all)
        return std::unexpected(all.error());
    for (const ContainerRecord &r : *all) {
        if (r.config.id == id)
            return r;
    }
    return fail(ErrorCode::NotFound, "no such container: " + idOrName.toStdString());
}

Result<QJsonObject> HelperBackend::inspectContainer(const QString &idOrName)
{
    auto doc = await<QString>([&](auto done) { m_client.inspectContainer(idOrName, done); });
    if (!doc)
        return std::unexpected(doc.error());
    return jsonObject(*doc);
}

Result<bool> HelperBackend::isRunning(const QString &idOrName)
{
    auto doc = inspectContainer(idOrName);
    if (!doc)
        return std::unexpected(doc.error());
    return doc->value(u"State"_s).toObject().value(u"Running"_s).toBool();
}

Result<UniqueFd> HelperBackend::openLogs(const QString &idOrName)
{
    auto fd =
        await<QDBusUnixFileDescriptor>([&](auto done) { m_client.containerLogs(idOrName, done); });
    if (!fd)
        return std::unexpected(fd.error());
    return UniqueFd(::fcntl(fd->fileDescriptor(), F_DUPFD_CLOEXEC, 3));
}

void HelperBackend::forwardSignal(const Attached &attached, int signal)
{
    (void)awaitDone(
        [&](auto done) { m_client.killContainer(attached.id, QString::number(signal), done); });
}

// ---------------------------------------------------------------- networks

Result<QList<NetworkRecord>> HelperBackend::listNetworks()
{
    auto list = await<QVariantMapList>([this](auto done) { m_client.listNetworks(done); });
    if (!list)
        return std::unexpected(list.error());
    QList<NetworkRecord> out;
    for (const QVariantMap &m : *list)
        out << networkFromVariant(m);
    return out;
}

Result<QJsonObject> HelperBackend::inspectNetwork(const QString &name)
{
    auto doc = await<QString>([&](auto done) { m_client.inspectNetwork(name, done); });
    if (!doc)
        return std::unexpected(doc.error());
    return jsonObject(*doc);
}

Result<NetworkRecord> HelperBackend::createNetwork(const QString &name, const QString &subnet,
                                                   const StepObserver &)
{
    auto n = await<QVariantMap>([&](auto done) { m_client.createNetwork(name, subnet, done); });
    if (!n)
        return std::unexpected(n.error());
    return networkFromVariant(*n);
}

Status HelperBackend::removeNetwork(const QString &name, const StepObserver &)
{
    return awaitDone([&](auto done) { m_client.removeNetwork(name, done); });
}

} // namespace koker::cli
