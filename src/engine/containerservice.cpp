#include "containerservice.h"

#include "engine/imagereference.h"
#include "engine/networkservice.h"
#include "engine/stepjson.h"
#include "engine/units.h"
#include "runtime/cgroupdriver.h"
#include "runtime/containerinit.h"
#include "runtime/fsutil.h"
#include "runtime/monitor.h"
#include "runtime/random.h"
#include "runtime/seccompfilter.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QThread>
#include <QtCore/QTimeZone>

#include <fcntl.h>
#include <linux/capability.h>
#include <poll.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <future>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

/// Whether the process runs under the seccomp filter (not with --privileged).
bool needsSeccomp(const Confinement &c)
{
    return !c.privileged && c.seccomp;
}

/// The container's seccomp program: from the cache when an earlier start compiled
/// the same profile (a 3 KB read), else compiled on a thread of its own, which the
/// start steps before the monitor's hide. Invalid when no program is needed.
std::shared_future<Result<std::vector<char>>> seccompProgramAsync(const Confinement &c,
                                                                  const std::string &cacheDir)
{
    if (!needsSeccomp(c))
        return {};
    if (auto cached = readCachedSeccompProgram(c.capabilities, cacheDir)) {
        std::promise<Result<std::vector<char>>> ready;
        ready.set_value(std::move(*cached));
        return ready.get_future().share();
    }
    return std::async(std::launch::async, compileAndCacheSeccompProgram, c.capabilities, cacheDir)
        .share();
}

/// The same, for a caller that needs it at once (exec).
Result<std::vector<char>> seccompProgram(const Confinement &c, const std::string &cacheDir)
{
    if (auto cached = readCachedSeccompProgram(c.capabilities, cacheDir))
        return std::move(*cached);
    return compileAndCacheSeccompProgram(c.capabilities, cacheDir);
}

std::vector<std::string> toStd(const QStringList &l)
{
    std::vector<std::string> out;
    out.reserve(static_cast<size_t>(l.size()));
    for (const QString &s : l)
        out.push_back(s.toStdString());
    return out;
}

const QString kDefaultPath = u"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"_s;

// KEY=VALUE lists where a later KEY replaces an earlier one, order kept.
void mergeEnv(QStringList &env, const QString &entry)
{
    QString key = entry.section(u'=', 0, 0);
    for (QString &e : env) {
        if (e.section(u'=', 0, 0) == key) {
            e = entry;
            return;
        }
    }
    env << entry;
}

bool hasEnv(const QStringList &env, const QString &key)
{
    for (const QString &e : env) {
        if (e.section(u'=', 0, 0) == key)
            return true;
    }
    return false;
}

Status writeSmallFile(const QString &path, const QByteArray &data)
{
    return fs::writeFileAtomic(str(path), std::string_view(data.constData(), data.size()), 0644,
                               false);
}

// The container's /etc/resolv.conf: the host's, except resolvers on 127.0.0.0/8
// (systemd-resolved, dnsmasq), which the container cannot reach from its own
// network namespace; those are replaced as Docker does (see docs/learn/networking.md).
QByteArray containerResolvConf(bool hostNetwork)
{
    QFile f(u"/etc/resolv.conf"_s);
    QByteArray in;
    if (f.open(QIODevice::ReadOnly))
        in = f.read(64 * 1024);
    if (hostNetwork)
        return in;
    QByteArray out;
    bool anyServer = false;
    const auto lines = in.split('\n');
    for (const QByteArray &line : lines) {
        QByteArray t = line.trimmed();
        if (t.startsWith("nameserver")) {
            QByteArray addr = t.mid(10).trimmed();
            if (addr.startsWith("127.") || addr == "::1")
                continue;
            anyServer = true;
        }
        out += line + '\n';
    }
    if (!anyServer)
        out += "# the host's resolvers are on 127.0.0.0/8; using public ones (as Docker does)\n"
               "nameserver 8.8.8.8\nnameserver 8.8.4.4\n";
    return out.trimmed() + '\n';
}

struct Recorder
{
    QList<StepRecord> records;
    StepObserver forward;
    StepObserver observer()
    {
        return [this](const StepRecord &r) {
            if (r.state != StepState::Running && r.state != StepState::Planned)
                records << r;
            if (forward)
                forward(r);
        };
    }
};

int pidfdOpen(pid_t pid)
{
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
}

} // namespace

uint64_t defaultCapabilities()
{
    uint64_t caps = 0;
    for (int cap : {CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_FSETID, CAP_FOWNER, CAP_MKNOD, CAP_NET_RAW,
                    CAP_SETGID, CAP_SETUID, CAP_SETFCAP, CAP_SETPCAP, CAP_NET_BIND_SERVICE,
                    CAP_SYS_CHROOT, CAP_KILL, CAP_AUDIT_WRITE})
        caps |= 1ull << cap;
    return caps;
}

Result<uint64_t> containerCapabilities(const QStringList &add, const QStringList &drop,
                                       bool devicesPoliced)
{
    uint64_t base = defaultCapabilities();
    if (!devicesPoliced)
        base &= ~(1ull << CAP_MKNOD);
    return applyCapabilityChanges(base, add, drop);
}

Result<uint64_t> applyCapabilityChanges(uint64_t base, const QStringList &add,
                                        const QStringList &drop)
{
    static const QMap<QString, int> names = {
        {u"CHOWN"_s, CAP_CHOWN},
        {u"DAC_OVERRIDE"_s, CAP_DAC_OVERRIDE},
        {u"DAC_READ_SEARCH"_s, CAP_DAC_READ_SEARCH},
        {u"FOWNER"_s, CAP_FOWNER},
        {u"FSETID"_s, CAP_FSETID},
        {u"KILL"_s, CAP_KILL},
        {u"SETGID"_s, CAP_SETGID},
        {u"SETUID"_s, CAP_SETUID},
        {u"SETPCAP"_s, CAP_SETPCAP},
        {u"LINUX_IMMUTABLE"_s, CAP_LINUX_IMMUTABLE},
        {u"NET_BIND_SERVICE"_s, CAP_NET_BIND_SERVICE},
        {u"NET_BROADCAST"_s, CAP_NET_BROADCAST},
        {u"NET_ADMIN"_s, CAP_NET_ADMIN},
        {u"NET_RAW"_s, CAP_NET_RAW},
        {u"IPC_LOCK"_s, CAP_IPC_LOCK},
        {u"IPC_OWNER"_s, CAP_IPC_OWNER},
        {u"SYS_MODULE"_s, CAP_SYS_MODULE},
        {u"SYS_RAWIO"_s, CAP_SYS_RAWIO},
        {u"SYS_CHROOT"_s, CAP_SYS_CHROOT},
        {u"SYS_PTRACE"_s, CAP_SYS_PTRACE},
        {u"SYS_PACCT"_s, CAP_SYS_PACCT},
        {u"SYS_ADMIN"_s, CAP_SYS_ADMIN},
        {u"SYS_BOOT"_s, CAP_SYS_BOOT},
        {u"SYS_NICE"_s, CAP_SYS_NICE},
        {u"SYS_RESOURCE"_s, CAP_SYS_RESOURCE},
        {u"SYS_TIME"_s, CAP_SYS_TIME},
        {u"SYS_TTY_CONFIG"_s, CAP_SYS_TTY_CONFIG},
        {u"MKNOD"_s, CAP_MKNOD},
        {u"LEASE"_s, CAP_LEASE},
        {u"AUDIT_WRITE"_s, CAP_AUDIT_WRITE},
        {u"AUDIT_CONTROL"_s, CAP_AUDIT_CONTROL},
        {u"SETFCAP"_s, CAP_SETFCAP},
        {u"MAC_OVERRIDE"_s, CAP_MAC_OVERRIDE},
        {u"MAC_ADMIN"_s, CAP_MAC_ADMIN},
        {u"SYSLOG"_s, CAP_SYSLOG},
        {u"WAKE_ALARM"_s, CAP_WAKE_ALARM},
        {u"BLOCK_SUSPEND"_s, CAP_BLOCK_SUSPEND},
        {u"AUDIT_READ"_s, CAP_AUDIT_READ},
        {u"PERFMON"_s, CAP_PERFMON},
        {u"BPF"_s, CAP_BPF},
        {u"CHECKPOINT_RESTORE"_s, CAP_CHECKPOINT_RESTORE},
    };
    auto bit = [&](QString name) -> Result<uint64_t> {
        name = name.toUpper();
        if (name.startsWith(u"CAP_"_s))
            name = name.mid(4);
        if (name == u"ALL"_s)
            return ~0ull;
        auto it = names.find(name);
        if (it == names.end())
            return fail(ErrorCode::InvalidArgument, "unknown capability \"" + name.toStdString() +
                                                        "\" (see capabilities(7), e.g. NET_ADMIN)");
        return 1ull << it.value();
    };
    uint64_t caps = base;
    for (const QString &d : drop) {
        auto b = bit(d);
        if (!b)
            return b;
        caps &= ~*b;
    }
    for (const QString &a : add) {
        auto b = bit(a);
        if (!b)
            return b;
        caps |= *b;
    }
    return caps;
}

ContainerService::ContainerService(ContainerStore &store, ImageService &images)
    : m_store(store)
    , m_images(images)
{}

void ContainerService::setPrograms(QString monitorPath, QStringList cleanupCommandPrefix)
{
    m_monitorPath = std::move(monitorPath);
    m_cleanupPrefix = std::move(cleanupCommandPrefix);
}

QStringList ContainerService::effectiveArgs(const RunOptions &o, const ImageConfig &image,
                                            QStringList &entrypoint, QStringList &cmd) const
{
    // Docker's rules: --entrypoint replaces the image's Entrypoint *and* clears its
    // Cmd; arguments after the image replace Cmd.
    entrypoint = image.entrypoint;
    cmd = image.cmd;
    if (o.entrypoint) {
        entrypoint = *o.entrypoint;
        cmd.clear();
    }
    if (!o.cmd.isEmpty())
        cmd = o.cmd;
    return entrypoint + cmd;
}

Result<ContainerRecord> ContainerService::create(const RunOptions &o, const StepObserver &observer)
{
    auto image = m_images.store().resolve(o.image);
    if (!image) {
        if (image.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound,
                        "unable to find image \"" + str(o.image) +
                            "\" locally; pull it (koker pull " + str(o.image) +
                            ") or import the starter image (koker image import --starter)");
        return std::unexpected(image.error());
    }
    auto cfg = m_images.config(*image);
    if (!cfg)
        return std::unexpected(cfg.error());
    for (const Digest &layer : image->layers) {
        if (!m_images.store().hasLayer(layer))
            return fail(ErrorCode::Corrupt, "layer " + str(layer.toString()) +
                                                " of the image is missing; pull it again");
    }
    ContainerConfig c;
    c.image = o.image;
    c.imageId = image->id;
    c.args = effectiveArgs(o, *cfg, c.entrypoint, c.cmd);
    if (c.args.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    "no command specified: the image has no Cmd or Entrypoint; give one after the "
                    "image name");
    c.env = cfg->env;
    for (const QString &e : o.env) {
        if (e.contains(u'=')) {
            mergeEnv(c.env, e);
        } else {
            // `-e NAME` passes the caller's value, and nothing when it has none.
            for (const QString &h : o.hostEnv) {
                if (h.section(u'=', 0, 0) == e)
                    mergeEnv(c.env, h);
            }
        }
    }
    if (!hasEnv(c.env, u"PATH"_s))
        c.env.prepend(kDefaultPath);
    c.workingDir =
        o.workingDir ? *o.workingDir : (cfg->workingDir.isEmpty() ? u"/"_s : cfg->workingDir);
    if (!c.workingDir.startsWith(u'/'))
        return fail(ErrorCode::InvalidArgument,
                    "the working directory \"" + str(c.workingDir) + "\" must be an absolute path");
    c.user = o.user ? *o.user : cfg->user;
    c.tty = o.tty;
    c.openStdin = o.interactive;
    c.autoRemove = o.autoRemove;
    c.limits = o.limits;
    c.networkMode = o.network;
    c.ports = o.ports;
    c.volumes = o.volumes;
    c.privileged = o.privileged;
    c.capAdd = o.capAdd;
    c.capDrop = o.capDrop;
    c.stopSignal = cfg->stopSignal;
    c.ownerUid = o.ownerUid;
    c.created = QDateTime::currentDateTimeUtc();
    if (auto caps = applyCapabilityChanges(defaultCapabilities(), c.capAdd, c.capDrop); !caps)
        return std::unexpected(caps.error());
    // Validate the limits now, not at start: a bad --memory-swap is a usage error.
    auto mapped = mapCgroupLimits(o.limits, CgroupMode::Hybrid, CgroupLimitOptions{});
    if (!mapped)
        return std::unexpected(mapped.error());
    if (m_network) {
        if (auto st = m_network->validate(c); !st)
            return std::unexpected(st.error());
    } else if (c.networkMode != u"none"_s && c.networkMode != u"host"_s &&
               c.networkMode != u"bridge"_s) {
        return fail(ErrorCode::NotFound, "network " + str(c.networkMode) + " not found");
    }
    for (const VolumeMount &v : c.volumes) {
        struct stat st
        {};
        if (::stat(QFile::encodeName(v.source).constData(), &st) != 0)
            return fail(ErrorCode::NotFound,
                        "the volume source " + str(v.source) + " does not exist on the host");
    }

    auto names = m_store.lockNames();
    if (!names)
        return std::unexpected(names.error());
    // Image removal holds this lock too: look again, now that it cannot go away
    // before the container that uses it is recorded.
    if (auto again = m_images.store().resolve(c.imageId.toString()); !again)
        return fail(ErrorCode::NotFound, "the image " + str(o.image) +
                                             " was removed while the container was being created");
    const QHash<QString, QString> taken = m_store.names();
    if (!o.name.isEmpty()) {
        if (auto st = ContainerStore::validateName(o.name); !st)
            return std::unexpected(st.error());
        if (auto existing = taken.find(o.name); existing != taken.end())
            return fail(ErrorCode::AlreadyExists,
                        "the container name \"" + str(o.name) + "\" is already in use by " +
                            str(existing->left(12)) + "; remove it or choose another name");
        c.name = o.name;
    } else {
        c.name = ContainerStore::generateName(taken);
    }
    c.id = m_store.newId();
    c.hostname = o.hostname.isEmpty() ? c.id.left(12) : o.hostname;
    if (c.hostname.size() > 63)
        return fail(ErrorCode::InvalidArgument, "hostname is longer than 63 characters");
    mergeEnv(c.env, u"HOSTNAME="_s + c.hostname);
    if (c.tty && !hasEnv(c.env, u"TERM"_s))
        c.env << u"TERM=xterm"_s;

    StepRecord rec;
    rec.phase = Phase::Storage;
    rec.setKey("container.create");
    rec.setTitle("Record the container's configuration");
    rec.setOp("mkdir(\"" + str(m_store.containerDir(c.id)) + "\", 0700); write(config.json)");
    rec.setShell("mkdir -m 700 " + str(m_store.containerDir(c.id)));
    rec.pid = ::getpid();
    rec.startNs = realtimeNs();
    int64_t t0 = monotonicNs();
    Status st = m_store.create(c);
    rec.durationNs = monotonicNs() - t0;
    rec.state = st ? StepState::Done : StepState::Failed;
    if (observer)
        observer(rec);
    if (!st)
        return std::unexpected(st.error());
    QList<StepRecord> steps{rec};
    if (!o.volumeFds.isEmpty()) {
        auto stashed = stashVolumes(c, o.volumeFds, observer, steps);
        if (!stashed) {
            (void)m_store.remove(c.id);
            return std::unexpected(stashed.error());
        }
    }
    m_store.appendSteps(c.id, u"create"_s, steps);
    return m_store.load(c.id);
}

Status ContainerService::stashVolumes(ContainerConfig &c, const QList<VolumeFd> &volumes,
                                      const StepObserver &observer, QList<StepRecord> &steps)
{
    // The caller opened these; we pin exactly those inodes with a bind mount of the
    // fd itself, so a path swapped later (a symlink planted in a parent) can never
    // redirect what the container gets.
    if (::mkdir(QFile::encodeName(m_store.containerDir(c.id) + u"/volumes"_s).constData(), 0700) !=
            0 &&
        errno != EEXIST)
        return failErrno("create the volumes directory");
    for (qsizetype i = 0; i < volumes.size(); ++i) {
        const VolumeFd &v = volumes[i];
        QString stash = m_store.volumeStash(c.id, static_cast<int>(i));
        QByteArray path = QFile::encodeName(stash);
        StepRecord rec;
        rec.phase = Phase::Storage;
        rec.setKey("storage.volume.pin");
        rec.setTitle("Pin the volume for " + str(v.target));
        rec.setOp("mount(\"/proc/self/fd/" + std::to_string(v.fd) + "\", \"" + str(stash) +
                  "\", NULL, MS_BIND|MS_REC, NULL)");
        rec.setShell("mount --rbind /proc/self/fd/" + std::to_string(v.fd) + " " + str(stash));
        rec.pid = ::getpid();
        rec.startNs = realtimeNs();
        int64_t t0 = monotonicNs();
        struct stat st
        {};
        Status result;
        if (::fstat(v.fd, &st) != 0) {
            result = failErrno("stat the volume");
        } else {
            int made = S_ISDIR(st.st_mode)
                           ? ::mkdir(path.constData(), 0700)
                           : ::close(::open(path.constData(),
                                            O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
            std::string source = "/proc/self/fd/" + std::to_string(v.fd);
            if (made != 0)
                result = failErrno("create " + str(stash));
            else if (::mount(source.c_str(), path.constData(), nullptr, MS_BIND | MS_REC,
                             nullptr) != 0)
                result = failErrno("bind-mount the volume");
        }
        rec.durationNs = monotonicNs() - t0;
        rec.state = result ? StepState::Done : StepState::Failed;
        if (observer)
            observer(rec);
        steps << rec;
        if (!result)
            return result;
        c.volumes << VolumeMount{stash, v.target, v.readOnly};
    }
    return m_store.saveConfig(c);
}

void ContainerService::refresh(ContainerRecord &r, bool save)
{
    if (r.state.status != ContainerStatus::Running)
        return;
    auto exit = readExitFile(str(m_store.runDir(r.config.id) + u"/exit"_s));
    bool alive = r.state.pid > 0 && processStartTime(r.state.pid) == r.state.pidStartTime &&
                 r.state.pidStartTime != 0;
    // A container whose monitor was killed still runs, but nobody reaps it, keeps
    // its log or serves its console: it counts as ended, and reconcile() kills
    // what is left of it and releases everything it held.
    bool monitorAlive =
        r.state.monitorPid <= 0 || processStartTime(r.state.monitorPid) == r.state.monitorStartTime;
    // While its monitor lives, the monitor has the last word: a process that has
    // just ended gets its exit record a moment later, so no record yet is no end.
    if (!exit && monitorAlive && (alive || r.state.monitorPid > 0))
        return;
    if (!exit) {
        // The monitor's cleanup command folds the exit record into state.json
        // before it removes the run directory: a record read before that is stale.
        if (auto fresh = m_store.loadState(r.config.id);
            fresh && fresh->status != ContainerStatus::Running) {
            r.state = *fresh;
            return;
        }
    }
    r.state.status = ContainerStatus::Exited;
    if (!exit && alive) {
        r.state.exitCode = 137;
        r.state.finishedAt = QDateTime::currentDateTimeUtc();
    } else if (exit) {
        r.state.exitCode = exit->exitCode;
        r.state.oomKilled = exit->oomKilled;
        r.state.finishedAt = QDateTime::fromMSecsSinceEpoch(exit->finishedAtNs / 1000000, Qt::UTC);
    } else {
        // Neither the process nor an exit record: the monitor died with it.
        r.state.exitCode = 255;
        r.state.finishedAt = QDateTime::currentDateTimeUtc();
    }
    if (save)
        (void)m_store.saveState(r.config.id, r.state);
}

Result<ContainerRecord> ContainerService::get(const QString &idOrName)
{
    auto r = m_store.resolve(idOrName);
    if (!r)
        return r;
    refresh(*r);
    return r;
}

Result<QList<ContainerRecord>> ContainerService::list(bool all)
{
    auto records = m_store.list();
    if (!records)
        return records;
    QList<ContainerRecord> out;
    for (ContainerRecord &r : *records) {
        refresh(r);
        if (all || r.state.status == ContainerStatus::Running)
            out << r;
    }
    std::sort(out.begin(), out.end(), [](const ContainerRecord &a, const ContainerRecord &b) {
        return a.config.created > b.config.created;
    });
    return out;
}

QMap<Digest, QStringList> ContainerService::imageUsers()
{
    QMap<Digest, QStringList> users;
    auto records = m_store.list();
    if (records) {
        for (const ContainerRecord &r : *records)
            users[r.config.imageId] << r.config.name;
    }
    return users;
}

Result<ContainerService::StartPlan> ContainerService::prepareStart(const ContainerRecord &record,
                                                                   const StartOptions &options)
{
    auto refuse = [](Error e) { return std::unexpected(std::move(e)); };
    const QString id = record.config.id;
    if (record.state.status == ContainerStatus::Running)
        return refuse(Error{ErrorCode::Busy,
                            0,
                            {},
                            "container " + str(record.config.name) + " is already running"});
    const ContainerConfig &c = record.config;
    auto image = m_images.store().resolve(c.imageId.toString());
    if (!image)
        return refuse(Error{
            ErrorCode::NotFound, 0, {}, "the image of container " + str(c.name) + " is gone"});
    if (m_monitorPath.isEmpty() || !QFile::exists(m_monitorPath))
        return refuse(Error{ErrorCode::NotFound,
                            0,
                            {},
                            "koker-monitor not found (looked for " + str(m_monitorPath) +
                                "); is Koker installed completely?"});
    auto driver = CgroupDriver::forHost(str(id));
    if (!driver)
        return refuse(driver.error());

    StartPlan out;
    out.cgroupPaths.clear();
    for (const CgroupDir &d : driver->dirs())
        out.cgroupPaths << QString::fromStdString(d.path);
    LaunchSpec &spec = out.spec;
    Plan &plan = out.plan;
    const QString dir = record.dir;
    const QString runDir = m_store.runDir(id);
    spec.kind = LaunchSpec::Kind::Init;
    spec.id = str(id);
    spec.stateDir = str(dir);
    spec.runDir = str(runDir);
    spec.layersDir = str(m_images.store().layersDir());
    for (auto it = image->layers.crbegin(); it != image->layers.crend(); ++it)
        spec.lowerDirs.push_back(it->hex().toStdString());
    spec.upperDir = str(dir + u"/upper"_s);
    spec.workDir = str(dir + u"/work"_s);
    spec.volatileUpper = c.autoRemove;
    spec.rootfs = str(m_store.rootfsMountPoint());
    spec.hostname = str(c.hostname);
    // Regenerated at every start, so they live with the other runtime files (a
    // tmpfs when installed), as Podman keeps them: three files fewer on disk.
    spec.hostsFile = str(runDir + u"/hosts"_s);
    spec.resolvFile = str(runDir + u"/resolv.conf"_s);
    spec.hostnameFile = str(runDir + u"/hostname"_s);
    for (const VolumeMount &v : c.volumes)
        spec.volumes.push_back({str(v.source), str(v.target), v.readOnly});
    spec.netMode = c.networkMode == u"host"_s ? NetMode::Host : NetMode::Loopback;
    const CgroupJoin join = driver->joinTargets();
    spec.cgroupThreadFiles = join.threadFiles;
    spec.cgroupCloneInto = join.cloneInto;
    spec.process.args = toStd(c.args);
    spec.process.env = toStd(c.env);
    spec.process.cwd = str(c.workingDir);
    spec.process.user = str(c.user);
    spec.process.terminal = c.tty;
    spec.process.stdinOpen = c.openStdin;
    spec.process.rows = options.rows;
    spec.process.cols = options.cols;
    spec.confinement.privileged = c.privileged;
    spec.confinement.capabilities =
        containerCapabilities(c.capAdd, c.capDrop, driver->policesDevices()).value_or(0);
    spec.logPath = str(dir + u"/console.log"_s);
    // The exit record is runtime state too: refresh() folds it into state.json
    // before the run directory goes.
    spec.exitFile = str(runDir + u"/exit"_s);
    if (!m_cleanupPrefix.isEmpty())
        spec.exitCommand = toStd(m_cleanupPrefix + QStringList{id});
    if (auto mem = driver->pathFor("memory"); mem)
        spec.oomFiles.push_back(*mem + (driver->mode() == CgroupMode::Unified
                                            ? "/memory.events"
                                            : "/memory.oom_control"));
    spec.stepThrough = static_cast<bool>(options.gate);
    spec.ownerCleansUp = options.ownerCleansUp;

    plan.add(
        Phase::Storage, "storage.dirs", "Create the container's writable layer",
        "mkdir(\"" + spec.upperDir + "\", 0755); mkdir(\"" + spec.workDir + "\", 0700); mkdir(\"" +
            spec.rootfs + "\", 0755)",
        "mkdir -p " + spec.upperDir + " " + spec.workDir + " " + spec.rootfs, [spec]() -> Status {
            for (auto [path, mode] : {std::pair{spec.upperDir, 0755}, std::pair{spec.workDir, 0700},
                                      std::pair{spec.rootfs, 0755}}) {
                if (::mkdir(path.c_str(), static_cast<mode_t>(mode)) != 0 && errno != EEXIST)
                    return failErrno("create " + path);
            }
            // A volatile mount leaves work/work/incompat/volatile behind, and overlayfs
            // refuses the next mount while it is there. Only a start that failed after
            // the mount leaves it (the layer then goes, or is started again): the
            // layer is whole, since the host has not crashed meanwhile (reconcile
            // removes --rm containers after a reboot).
            if (spec.volatileUpper)
                return fs::removeTree(spec.workDir + "/work/incompat");
            return {};
        });
    plan.add(
        Phase::Storage, "storage.etc", "Write the container's hostname, hosts and resolv.conf",
        "write(\"" + spec.hostnameFile + "\"), write(\"" + spec.hostsFile + "\"), write(\"" +
            spec.resolvFile + "\")",
        "echo " + spec.hostname + " > " + spec.hostnameFile, [this, spec, c, runDir]() -> Status {
            if (auto st = writeSmallFile(runDir + u"/hostname"_s, c.hostname.toUtf8() + '\n'); !st)
                return st;
            QByteArray hosts = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost "
                               "ip6-loopback\n";
            if (m_network)
                hosts += m_network->hostsEntries(c.id);
            else
                hosts += "127.0.1.1\t" + c.hostname.toUtf8() + '\n';
            if (auto st = writeSmallFile(runDir + u"/hosts"_s, hosts); !st)
                return st;
            return writeSmallFile(runDir + u"/resolv.conf"_s,
                                  containerResolvConf(c.networkMode == u"host"_s));
        });
    for (Step &s : driver->planCreate())
        plan.add(std::move(s));
    auto limitSteps = driver->planLimits(c.limits);
    if (!limitSteps)
        return refuse(limitSteps.error());
    for (Step &s : *limitSteps)
        plan.add(std::move(s));
    for (Step &s : driver->planDevices(c.privileged))
        plan.add(std::move(s));
    if (m_network && c.networkMode != u"host"_s && c.networkMode != u"none"_s) {
        auto netSteps = m_network->planAttach(record, spec);
        if (!netSteps)
            return refuse(netSteps.error());
        for (Step &s : *netSteps)
            plan.add(std::move(s));
    }
    auto control = out.control;
    // Step numbers: the monitor's own steps, then the child's, follow this one.
    uint32_t spawnSeq = plan.nextSeq();
    spec.firstSeq = spawnSeq + 1 + static_cast<uint32_t>(planMonitorSteps(spec).size());
    std::string monitorPath = str(m_monitorPath);
    auto seccomp = seccompProgramAsync(spec.confinement, seccompCacheDir());
    plan.add(Phase::Process, "process.monitor", "Start the container's monitor (koker-monitor)",
             "posix_spawn(\"" + monitorPath + "\", --spec-fd 3 --control-fd 4); fork(); setsid()",
             monitorPath + " --spec-fd 3 --control-fd 4 3<spec 4<>control",
             [control, spec, monitorPath, runDir, seccomp]() -> Status {
                 if (auto st = fs::makeDirectories(runDir.toStdString(), 0700); !st)
                     return st;
                 ::unlink((spec.exitFile).c_str());
                 LaunchSpec launch = spec;
                 if (seccomp.valid()) {
                     const auto &program = seccomp.get();
                     if (!program)
                         return std::unexpected(program.error());
                     launch.confinement.seccompProgram = *program;
                 }
                 auto fd = spawnMonitor(monitorPath, launch);
                 if (!fd)
                     return std::unexpected(fd.error());
                 *control = std::move(*fd);
                 return {};
             });
    // An undo is numbered after the child's steps, which continue this plan's numbers.
    plan.setRollbackSeq(spec.firstSeq + static_cast<uint32_t>(planChildSteps(spec).size()));
    return out;
}

Result<QList<StepRecord>> ContainerService::plannedStartSteps(const QString &idOrName,
                                                              const StartOptions &options)
{
    auto record = get(idOrName);
    if (!record)
        return std::unexpected(record.error());
    auto prepared = prepareStart(*record, options);
    if (!prepared)
        return std::unexpected(prepared.error());
    QList<StepRecord> steps;
    for (const Step &s : prepared->plan.steps())
        steps << s.record;
    for (const StepRecord &r : planMonitorSteps(prepared->spec))
        steps << r;
    for (const ChildStep &c : planChildSteps(prepared->spec))
        steps << c.record;
    return steps;
}

std::expected<Running, RunFailure> ContainerService::start(const QString &idOrName,
                                                           const StartOptions &options)
{
    auto fail125 = [](Error e) { return std::unexpected(RunFailure{std::move(e), 125}); };
    auto found = m_store.resolve(idOrName);
    if (!found)
        return fail125(found.error());
    const QString id = found->config.id;
    auto lock = m_store.lockContainer(id);
    if (!lock)
        return fail125(lock.error());
    auto loaded = m_store.load(id);
    if (!loaded)
        return fail125(loaded.error());
    ContainerRecord record = *loaded;
    refresh(record);
    if (record.state.status == ContainerStatus::Running)
        return fail125(Error{ErrorCode::Busy,
                             0,
                             {},
                             "container " + str(record.config.name) + " is already running"});
    auto prepared = prepareStart(record, options);
    if (!prepared)
        return fail125(prepared.error());
    Plan &plan = prepared->plan;
    auto control = prepared->control;
    const QString runDir = m_store.runDir(id);

    Recorder recorder;
    recorder.forward = options.observer;
    StepObserver observer = recorder.observer();

    // The steps in the plan are final now; step-through mode shows them first.
    // The network's lease is taken while the plan is built: give it back at once
    // when the start fails, whatever step it failed at (each teardown step is
    // idempotent, so what the rollback already undid is simply skipped).
    auto releaseNetwork = [&] {
        if (!m_network)
            return;
        for (Step &s : m_network->planDetach(record))
            (void)s.apply();
    };
    // The run dir first: while it exists and the container does not run, a start
    // is under way or died half-way (reconcile() cleans up after the latter).
    if (auto st = fs::makeDirectories(str(runDir), 0700); !st)
        return fail125(st.error());
    Status planned = plan.run(observer, options.gate);
    if (!planned) {
        releaseNetwork();
        (void)fs::removeTree(str(runDir));
        m_store.appendSteps(id, u"start"_s, recorder.records);
        return fail125(planned.error());
    }
    auto started = waitForStart(std::move(*control), observer, options.gate);
    if (!started) {
        plan.rollback(observer);
        releaseNetwork();
        (void)fs::removeTree(str(runDir));
        m_store.appendSteps(id, u"start"_s, recorder.records);
        return std::unexpected(RunFailure{started.error().error, started.error().exitCode});
    }
    record.state.status = ContainerStatus::Running;
    record.state.pid = started->pid;
    record.state.pidStartTime = processStartTime(started->pid);
    record.state.monitorPid = parentPid(started->pid);
    record.state.monitorStartTime = processStartTime(record.state.monitorPid);
    record.state.startedAt = QDateTime::currentDateTimeUtc();
    record.state.finishedAt = {};
    record.state.exitCode = 0;
    record.state.oomKilled = false;
    if (!record.state.cgroupPaths.isEmpty())
        ++record.state.restartCount;
    record.state.cgroupPaths = prepared->cgroupPaths;
    if (m_network)
        m_network->recordAttached(record);
    (void)m_store.saveState(id, record.state);
    m_store.appendSteps(id, u"start"_s, recorder.records);
    return Running{id, std::move(started->control), started->pid, {}};
}

std::expected<Running, RunFailure> ContainerService::exec(const QString &idOrName,
                                                          const ExecOptions &o)
{
    auto fail125 = [](Error e) { return std::unexpected(RunFailure{std::move(e), 125}); };
    auto found = get(idOrName);
    if (!found)
        return fail125(found.error());
    const ContainerRecord &r = *found;
    if (r.state.status != ContainerStatus::Running)
        return fail125(Error{ErrorCode::Busy,
                             0,
                             {},
                             "container " + str(r.config.name) +
                                 " is not running; start it first (koker start " +
                                 str(r.config.name) + ")"});
    if (o.args.isEmpty())
        return fail125(Error{ErrorCode::InvalidArgument, 0, {}, "exec needs a command"});
    auto driver = CgroupDriver::forHost(str(r.config.id));
    if (!driver)
        return fail125(driver.error());
    QString execDir =
        m_store.runDir(r.config.id) + u"/exec-"_s + QString::fromStdString(randomHex(4));
    LaunchSpec spec;
    spec.kind = LaunchSpec::Kind::Exec;
    spec.id = str(r.config.id);
    spec.stateDir = str(r.dir);
    spec.runDir = str(execDir);
    spec.targetPid = r.state.pid;
    spec.targetStartTime = r.state.pidStartTime;
    const CgroupJoin join = driver->joinTargets();
    spec.cgroupThreadFiles = join.threadFiles;
    spec.cgroupCloneInto = join.cloneInto;
    QStringList env = r.config.env;
    for (const QString &e : o.env)
        mergeEnv(env, e);
    spec.process.args = toStd(o.args);
    spec.process.env = toStd(env);
    spec.process.cwd = str(o.workingDir ? *o.workingDir : r.config.workingDir);
    spec.process.user = str(o.user ? *o.user : r.config.user);
    spec.process.terminal = o.tty;
    spec.process.stdinOpen = o.interactive;
    spec.process.rows = o.rows;
    spec.process.cols = o.cols;
    spec.confinement.privileged = o.privileged || r.config.privileged;
    spec.confinement.capabilities =
        containerCapabilities(r.config.capAdd, r.config.capDrop, driver->policesDevices())
            .value_or(0);
    spec.firstSeq = 2;
    if (needsSeccomp(spec.confinement)) {
        auto program = seccompProgram(spec.confinement, seccompCacheDir());
        if (!program)
            return fail125(program.error());
        spec.confinement.seccompProgram = std::move(*program);
    }
    if (auto st = fs::makeDirectories(str(execDir), 0700); !st)
        return fail125(st.error());
    auto control = spawnMonitor(str(m_monitorPath), spec);
    if (!control) {
        (void)fs::removeTree(str(execDir));
        return fail125(control.error());
    }
    // The steps go into the container's history too (action "exec").
    Recorder recorder;
    recorder.forward = o.observer;
    auto started = waitForStart(std::move(*control), recorder.observer());
    m_store.appendSteps(r.config.id, u"exec"_s, recorder.records);
    if (!started) {
        (void)fs::removeTree(str(execDir));
        return std::unexpected(RunFailure{started.error().error, started.error().exitCode});
    }
    return Running{r.config.id, std::move(started->control), started->pid, execDir};
}

Status ContainerService::signalProcess(const ContainerRecord &r, int signal)
{
    // A pidfd pins the process: the start-time check and the signal then talk
    // about the same process even if the pid is reused in between.
    UniqueFd pidfd(pidfdOpen(r.state.pid));
    if (!pidfd)
        return fail(ErrorCode::NotFound, "container " + str(r.config.name) + " is not running");
    if (processStartTime(r.state.pid) != r.state.pidStartTime)
        return fail(ErrorCode::NotFound, "container " + str(r.config.name) + " is not running");
    if (::syscall(SYS_pidfd_send_signal, pidfd.get(), signal, nullptr, 0) != 0)
        return failErrno("signal container " + str(r.config.name));
    return {};
}

Status ContainerService::waitExited(const QString &id, int timeoutMs)
{
    // The monitor's exit record appears in the run directory; the monitor's cleanup
    // command may fold it into state.json and remove the directory at once, so a
    // record that says the container no longer runs counts as well.
    const QString exitFile = m_store.runDir(id) + u"/exit"_s;
    QElapsedTimer t;
    t.start();
    for (;;) {
        if (QFile::exists(exitFile))
            return {};
        auto state = m_store.loadState(id);
        if (!state || state->status != ContainerStatus::Running)
            return {};
        if (t.elapsed() > timeoutMs)
            return fail(ErrorCode::Busy, "the container did not stop in time");
        QThread::msleep(5);
    }
}

Status ContainerService::signalAsStep(const ContainerRecord &r, int signal, uint32_t seq,
                                      const StepObserver &observer, QList<StepRecord> &recorded)
{
    StepRecord rec;
    rec.seq = seq;
    rec.phase = Phase::Process;
    rec.setKey("process.kill");
    rec.setTitle("Send " + signalName(signal) + " to the container's process");
    rec.setOp("pidfd_send_signal(pidfd_open(" + std::to_string(r.state.pid) + "), " +
              signalName(signal) + ")");
    rec.setShell("kill -" + std::to_string(signal) + " " + std::to_string(r.state.pid));
    rec.pid = ::getpid();
    rec.startNs = realtimeNs();
    int64_t t0 = monotonicNs();
    Status st = signalProcess(r, signal);
    rec.durationNs = monotonicNs() - t0;
    rec.state = st ? StepState::Done : StepState::Failed;
    if (!st) {
        rec.err = st.error().sysErrno;
        rec.setMessage(st.error().message);
    }
    if (observer)
        observer(rec);
    recorded << rec;
    return st;
}

Status ContainerService::waitAsStep(const ContainerRecord &r, int timeoutMs, uint32_t seq,
                                    const StepObserver &observer, QList<StepRecord> &recorded)
{
    StepRecord rec;
    rec.seq = seq;
    rec.phase = Phase::Process;
    rec.setKey("process.wait");
    rec.setTitle("Wait up to " + std::to_string(timeoutMs / 1000) +
                 " s for the container's process to exit");
    rec.setOp("the monitor's waitid(P_PIDFD) returns; it writes " +
              str(m_store.runDir(r.config.id)) + "/exit");
    rec.setShell("while kill -0 " + std::to_string(r.state.pid) + "; do sleep 0.1; done");
    rec.pid = ::getpid();
    rec.startNs = realtimeNs();
    int64_t t0 = monotonicNs();
    Status st = waitExited(r.config.id, timeoutMs);
    rec.durationNs = monotonicNs() - t0;
    rec.state = st ? StepState::Done : StepState::Failed;
    if (!st)
        rec.setMessage(st.error().message);
    if (observer)
        observer(rec);
    recorded << rec;
    return st;
}

Status ContainerService::kill(const QString &idOrName, int signal, const StepObserver &observer)
{
    auto r = get(idOrName);
    if (!r)
        return std::unexpected(r.error());
    if (r->state.status != ContainerStatus::Running)
        return fail(ErrorCode::Busy, "container " + str(r->config.name) + " is not running");
    QList<StepRecord> recorded;
    Status st = signalAsStep(*r, signal, 1, observer, recorded);
    // SIGKILL cannot be caught: wait for the monitor to record the end, so the
    // next command (rm, start) sees an exited container, as with Docker.
    if (st && signal == SIGKILL)
        st = waitAsStep(*r, 10000, 2, observer, recorded);
    m_store.appendSteps(r->config.id, u"kill"_s, recorded);
    return st;
}

Status ContainerService::stop(const QString &idOrName, int timeoutSeconds,
                              const StepObserver &observer)
{
    auto r = get(idOrName);
    if (!r)
        return std::unexpected(r.error());
    if (r->state.status != ContainerStatus::Running)
        return {}; // stopping a stopped container is fine, as with Docker
    int sig = SIGTERM;
    if (r->config.stopSignal == u"SIGINT"_s)
        sig = SIGINT;
    else if (r->config.stopSignal == u"SIGQUIT"_s)
        sig = SIGQUIT;
    else if (r->config.stopSignal == u"SIGKILL"_s)
        sig = SIGKILL;
    // One action: the stop signal, the grace period, SIGKILL if it ran out.
    QList<StepRecord> recorded;
    auto done = [&](Status st) {
        m_store.appendSteps(r->config.id, u"stop"_s, recorded);
        return st;
    };
    auto gone = [](const Status &st) { return !st && st.error().code == ErrorCode::NotFound; };
    if (Status st = signalAsStep(*r, sig, 1, observer, recorded); !st && !gone(st))
        return done(st);
    if (waitAsStep(*r, timeoutSeconds * 1000, 2, observer, recorded))
        return done({});
    if (Status st = signalAsStep(*r, SIGKILL, 3, observer, recorded); !st && !gone(st))
        return done(st);
    return done(waitAsStep(*r, 10000, 4, observer, recorded));
}

Status ContainerService::releaseResources(const ContainerRecord &r, const StepObserver &observer,
                                          QList<StepRecord> &recorded)
{
    Recorder rec;
    rec.forward = observer;
    StepObserver obs = rec.observer();
    Plan plan;
    auto driver = CgroupDriver::forHost(str(r.config.id));
    if (driver && driver->exists()) {
        for (Step &s : driver->planKill())
            plan.add(std::move(s));
        for (Step &s : driver->planRemove())
            plan.add(std::move(s));
    }
    if (m_network) {
        for (Step &s : m_network->planDetach(r))
            plan.add(std::move(s));
    }
    QString runDir = m_store.runDir(r.config.id);
    if (QFile::exists(runDir))
        plan.add(
            Phase::Cleanup, "storage.rundir", "Remove the container's runtime directory",
            "unlink(attach.sock, hosts, hostname, resolv.conf); rmdir(\"" + str(runDir) + "\")",
            "rm -r " + str(runDir), [runDir]() { return fs::removeTree(runDir.toStdString()); });
    for (Step &s : plan.steps())
        s.record.phase = Phase::Cleanup;
    // Cleanup goes on after a failed step: leaking less is better than stopping.
    Status result;
    for (Step &s : plan.steps()) {
        StepRecord &x = s.record;
        faultInjectionPoint(x.key);
        x.pid = ::getpid();
        x.startNs = realtimeNs();
        int64_t t0 = monotonicNs();
        Status st = s.apply ? s.apply() : Status{};
        x.durationNs = monotonicNs() - t0;
        x.state = st ? StepState::Done : StepState::Failed;
        if (!st) {
            x.err = st.error().sysErrno;
            x.setMessage(st.error().message);
            if (result)
                result = st;
        }
        obs(x);
    }
    recorded += rec.records;
    return result;
}

Status ContainerService::cleanup(const QString &id, const StepObserver &observer)
{
    if (!QFile::exists(m_store.containerDir(id)))
        return {}; // already removed (rm -f raced the monitor's cleanup command)
    auto lock = m_store.lockContainer(id);
    if (!lock)
        return std::unexpected(lock.error());
    auto r = m_store.load(id);
    if (!r)
        return r.error().code == ErrorCode::NotFound ? Status{}
                                                     : Status(std::unexpected(r.error()));
    // A --rm container's final state is not worth a write: its directory goes next
    // (should that fail, the state is saved then: the exit record in the run
    // directory is gone by that time).
    refresh(*r, /*save=*/!r->config.autoRemove);
    if (r->state.status == ContainerStatus::Running)
        return {}; // nothing to clean while it runs
    QList<StepRecord> recorded;
    Status released = releaseResources(*r, observer, recorded);
    if (!r->config.autoRemove) {
        m_store.appendSteps(id, u"cleanup"_s, recorded);
        return released;
    }
    if (auto st = removeDirectory(*r, observer); !st) {
        (void)m_store.saveState(id, r->state);
        return st;
    }
    return released;
}

Status ContainerService::remove(const QString &idOrName, bool force, const StepObserver &observer)
{
    auto found = m_store.resolve(idOrName);
    if (!found)
        return std::unexpected(found.error());
    const QString id = found->config.id;
    auto r = get(id);
    if (!r)
        return std::unexpected(r.error());
    if (r->state.status == ContainerStatus::Running) {
        if (!force)
            return fail(ErrorCode::Busy,
                        "container " + str(r->config.name) +
                            " is running; stop it first (koker stop) or use rm -f");
        if (auto st = kill(id, SIGKILL, observer); !st && st.error().code != ErrorCode::NotFound)
            return st;
        if (auto st = waitExited(id, 10000); !st)
            return st;
        refresh(*r);
    }
    auto lock = m_store.lockContainer(id);
    if (!lock)
        return std::unexpected(lock.error());
    QList<StepRecord> recorded;
    Status released = releaseResources(*r, observer, recorded);
    if (auto st = removeDirectory(*r, observer); !st)
        return st;
    return released;
}

Status ContainerService::removeDirectory(const ContainerRecord &r, const StepObserver &observer)
{
    StepRecord rec;
    rec.phase = Phase::Cleanup;
    rec.setKey("storage.remove");
    rec.setTitle("Delete the container's directory (its writable layer too)");
    rec.setOp("unlinkat(...) for every file under \"" + str(r.dir) + "\" (never across a mount)");
    rec.setShell("rm -rf --one-file-system " + str(r.dir));
    faultInjectionPoint(rec.key);
    rec.pid = ::getpid();
    rec.startNs = realtimeNs();
    int64_t t0 = monotonicNs();
    Status st = m_store.remove(r.config.id);
    rec.durationNs = monotonicNs() - t0;
    rec.state = st ? StepState::Done : StepState::Failed;
    if (!st)
        rec.setMessage(st.error().message);
    if (observer)
        observer(rec);
    return st;
}

QSet<QString> ContainerService::reconcile()
{
    m_store.sweepRemovals();
    QSet<QString> running;
    auto records = m_store.listStates();
    if (!records)
        return running;
    // What is left of a container whose process ended without its cleanup (its
    // monitor died), or of a start that died half-way: not running, but its run
    // dir, made before anything else of a start, is there. `deadNow`: it was
    // Running until refresh() looked. And a --rm container that exited but is
    // still here: the cleanup that should have removed it died half-way.
    auto stranded = [this](ContainerRecord &r, bool &deadNow) {
        bool wasRunning = r.state.status == ContainerStatus::Running;
        refresh(r);
        deadNow = wasRunning && r.state.status == ContainerStatus::Exited;
        return deadNow || (r.config.autoRemove && r.state.status == ContainerStatus::Exited) ||
               (r.state.status != ContainerStatus::Running &&
                QFile::exists(m_store.runDir(r.config.id)));
    };
    for (ContainerRecord &listed : *records) {
        bool deadNow = false;
        if (!stranded(listed, deadNow)) {
            if (listed.state.status == ContainerStatus::Running)
                running.insert(listed.config.id);
            continue;
        }
        // Busy lock = someone is working on it right now; leave it to them.
        auto lock = m_store.tryLockContainer(listed.config.id);
        if (!lock) {
            // Busy, or being removed: its owner decides; count it as running, so
            // that nothing it holds is released under it.
            running.insert(listed.config.id);
            continue;
        }
        // Look again under the lock: a start may have finished since the list was
        // read, and its container must not be taken for a stranded one.
        auto reloaded = m_store.load(listed.config.id);
        if (!reloaded)
            continue;
        ContainerRecord &r = *reloaded;
        if (!stranded(r, deadNow)) {
            if (r.state.status == ContainerStatus::Running)
                running.insert(r.config.id);
            continue;
        }
        QList<StepRecord> recorded;
        (void)releaseResources(r, {}, recorded);
        if (!recorded.isEmpty())
            m_store.appendSteps(r.config.id, u"reconcile"_s, recorded);
        if (r.config.autoRemove && r.state.status == ContainerStatus::Exited) {
            lock = std::unexpected(Error{}); // release before remove() takes it again
            (void)remove(r.config.id, true, {});
        }
    }
    return running;
}

Result<QJsonObject> ContainerService::inspect(const QString &idOrName)
{
    auto found = get(idOrName);
    if (!found)
        return std::unexpected(found.error());
    const ContainerRecord &r = *found;
    const ContainerConfig &c = r.config;
    QJsonObject state{
        {u"Status"_s, QLatin1StringView(containerStatusName(r.state.status))},
        {u"Running"_s, r.state.status == ContainerStatus::Running},
        {u"Pid"_s, r.state.status == ContainerStatus::Running ? r.state.pid : 0},
        {u"ExitCode"_s, r.state.exitCode},
        {u"OOMKilled"_s, r.state.oomKilled},
        {u"StartedAt"_s, r.state.startedAt.toString(Qt::ISODateWithMs)},
        {u"FinishedAt"_s, r.state.finishedAt.toString(Qt::ISODateWithMs)},
    };
    QJsonArray ports;
    for (const PortMapping &p : c.ports)
        ports.append(p.toString());
    QJsonArray mounts;
    auto image = m_images.store().resolve(c.imageId.toString());
    QJsonArray lower;
    if (image) {
        for (auto it = image->layers.crbegin(); it != image->layers.crend(); ++it)
            lower.append(m_images.store().layerPath(*it));
    }
    mounts.append(QJsonObject{{u"Type"_s, u"overlay"_s},
                              {u"Destination"_s, u"/"_s},
                              {u"LowerDir"_s, lower},
                              {u"UpperDir"_s, QString(r.dir + u"/upper"_s)},
                              {u"WorkDir"_s, QString(r.dir + u"/work"_s)},
                              {u"MountPoint"_s, m_store.rootfsMountPoint()}});
    for (const char16_t *f : {u"hosts", u"hostname", u"resolv.conf"})
        mounts.append(
            QJsonObject{{u"Type"_s, u"bind"_s},
                        {u"Source"_s, QString(m_store.runDir(c.id) + u'/' + QString::fromUtf16(f))},
                        {u"Destination"_s, QString(u"/etc/"_s + QString::fromUtf16(f))}});
    for (const VolumeMount &v : c.volumes)
        mounts.append(QJsonObject{{u"Type"_s, u"bind"_s},
                                  {u"Source"_s, v.source},
                                  {u"Destination"_s, v.target},
                                  {u"RW"_s, !v.readOnly}});
    auto driver = CgroupDriver::forHost(str(c.id));
    QJsonObject cgroup;
    cgroup.insert(u"Mode"_s,
                  driver ? QString::fromLatin1(cgroupModeName(driver->mode())) : u"unknown"_s);
    QJsonArray cgroupPaths;
    if (driver) {
        for (const CgroupDir &d : driver->dirs())
            cgroupPaths.append(QString::fromStdString(d.path));
        auto mapped = mapCgroupLimits(c.limits, driver->mode(), driver->limitOptions());
        if (mapped) {
            QJsonArray writes;
            for (const CgroupWrite &w : mapped->writes)
                writes.append(QJsonObject{{u"Controller"_s, QString::fromStdString(w.controller)},
                                          {u"File"_s, QString::fromStdString(w.file)},
                                          {u"Value"_s, QString::fromStdString(w.value)}});
            cgroup.insert(u"LimitFiles"_s, writes);
        }
    }
    cgroup.insert(u"Paths"_s, cgroupPaths);
    QJsonArray steps;
    if (auto s = m_store.readSteps(c.id); s) {
        for (const QJsonObject &o : *s)
            steps.append(o);
    }
    QJsonObject doc{
        {u"Id"_s, c.id},
        {u"Name"_s, c.name},
        {u"Created"_s, c.created.toString(Qt::ISODateWithMs)},
        {u"Path"_s, c.args.value(0)},
        {u"Args"_s, QJsonArray::fromStringList(c.args.mid(1))},
        {u"State"_s, state},
        {u"Image"_s, c.imageId.toString()},
        {u"ImageName"_s, c.image},
        {u"Owner"_s, static_cast<qint64>(c.ownerUid)},
        {u"Config"_s, QJsonObject{{u"Hostname"_s, c.hostname},
                                  {u"User"_s, c.user},
                                  {u"Env"_s, QJsonArray::fromStringList(c.env)},
                                  {u"Cmd"_s, QJsonArray::fromStringList(c.cmd)},
                                  {u"Entrypoint"_s, QJsonArray::fromStringList(c.entrypoint)},
                                  {u"WorkingDir"_s, c.workingDir},
                                  {u"Tty"_s, c.tty},
                                  {u"OpenStdin"_s, c.openStdin}}},
        {u"HostConfig"_s,
         QJsonObject{{u"Memory"_s, static_cast<qint64>(c.limits.memoryBytes)},
                     {u"MemorySwap"_s, static_cast<qint64>(c.limits.memorySwapBytes)},
                     {u"NanoCpus"_s, static_cast<qint64>(c.limits.nanoCpus)},
                     {u"PidsLimit"_s, static_cast<qint64>(c.limits.pidsMax)},
                     {u"NetworkMode"_s, c.networkMode},
                     {u"PortBindings"_s, ports},
                     {u"AutoRemove"_s, c.autoRemove},
                     {u"Privileged"_s, c.privileged},
                     {u"CapAdd"_s, QJsonArray::fromStringList(c.capAdd)},
                     {u"CapDrop"_s, QJsonArray::fromStringList(c.capDrop)}}},
        {u"Cgroup"_s, cgroup},
        {u"Mounts"_s, mounts},
        {u"NetworkSettings"_s, r.state.network},
        {u"StateDir"_s, r.dir},
        {u"Steps"_s, steps},
    };
    if (m_network)
        doc.insert(u"NetworkSettings"_s, m_network->inspect(r));
    return doc;
}

} // namespace koker
