#include "underthehood.h"

#include "runtime/cgroupdriver.h"
#include "runtime/cgrouplayout.h"
#include "runtime/fsutil.h"
#include "runtime/iptables.h"
#include "runtime/netlink.h"
#include "runtime/uniquefd.h"

#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>

#include <fcntl.h>
#include <unistd.h>

#include <climits>
#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

QString str(const QJsonObject &o, const char16_t *key)
{
    return o.value(QString::fromUtf16(key)).toString();
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonValue numOrNull(const std::optional<int64_t> &v)
{
    return v ? QJsonValue(static_cast<qint64>(*v)) : QJsonValue(QJsonValue::Null);
}

QString readLinkText(const QString &path)
{
    char buf[PATH_MAX];
    ssize_t n = ::readlink(QFile::encodeName(path).constData(), buf, sizeof buf - 1);
    if (n <= 0)
        return {};
    return QString::fromUtf8(buf, n);
}

// "mnt:[4026531841]" -> 4026531841
qint64 nsInode(const QString &link)
{
    const qsizetype a = link.indexOf(u'[');
    const qsizetype b = link.indexOf(u']');
    if (a < 0 || b <= a)
        return 0;
    return link.mid(a + 1, b - a - 1).toLongLong();
}

std::optional<QString> readSmall(const std::string &path)
{
    auto text = fs::readFile(path, 1 << 20);
    if (!text)
        return std::nullopt;
    return qs(*text).trimmed();
}

QJsonValue textOrNull(const std::optional<QString> &t)
{
    return t ? QJsonValue(*t) : QJsonValue(QJsonValue::Null);
}

void namespaces(pid_t pid, QJsonArray &out)
{
    // The host's namespaces: pid 1's, the way `lsns` compares; a CLI in a pid
    // namespace of its own that cannot read /proc/1/ns falls back to its own.
    const QString self = u"/proc/self/ns/"_s;
    const bool initReadable = !readLinkText(u"/proc/1/ns/mnt"_s).isEmpty();
    const QString hostBase = initReadable ? u"/proc/1/ns/"_s : self;
    for (const char16_t *t :
         {u"mnt", u"uts", u"ipc", u"pid", u"net", u"cgroup", u"user", u"time"}) {
        const QString type = QString::fromUtf16(t);
        const QString mine = readLinkText(u"/proc/"_s + QString::number(pid) + u"/ns/"_s + type);
        if (mine.isEmpty())
            continue; // this kernel has no such namespace type
        const QString host = readLinkText(hostBase + type);
        const bool shared = !host.isEmpty() && nsInode(host) == nsInode(mine);
        out.append(
            QJsonObject{{u"type"_s, type},
                        {u"key"_s, QString(u"ns."_s + type)},
                        {u"container"_s, mine},
                        {u"containerInode"_s, nsInode(mine)},
                        {u"host"_s, host},
                        {u"hostInode"_s, nsInode(host)},
                        {u"hostReference"_s, QString(hostBase + type)},
                        {u"shared"_s, shared},
                        {u"explanation"_s, UnderTheHood::namespaceExplanation(type, shared)}});
    }
}

struct LimitFile
{
    const char *controller;
    const char *file;
    const char *usageController; // where the usage file lives (cpuacct for v1 CPU time)
    const char *usageFile;       // nullptr: no usage counterpart
    const char *explanation;
};

// The limit files of each mode, the ones Koker writes and their neighbours a
// student may want to compare (cpu.shares / cpu.weight).
const LimitFile kV1Limits[] = {
    {"memory", "memory.limit_in_bytes", "memory", "memory.usage_in_bytes",
     "Memory the processes may use; past it the kernel reclaims, then the OOM killer strikes"},
    {"memory", "memory.memsw.limit_in_bytes", "memory", "memory.memsw.usage_in_bytes",
     "Memory plus swap; Docker's default is twice the memory limit"},
    {"cpu", "cpu.cfs_period_us", nullptr, nullptr,
     "Length of one CFS accounting period, in microseconds"},
    {"cpu", "cpu.cfs_quota_us", "cpuacct", "cpuacct.usage",
     "CPU time allowed per period (-1 = no limit); usage is total CPU time in ns"},
    {"cpu", "cpu.shares", nullptr, nullptr,
     "Relative weight when CPUs are contended (1024 = default)"},
    {"pids", "pids.max", "pids", "pids.current",
     "How many processes and threads may exist at once (a fork bomb stops here)"},
};
const LimitFile kV2Limits[] = {
    {"memory", "memory.max", "memory", "memory.current",
     "Memory the processes may use; past it the kernel reclaims, then the OOM killer strikes"},
    {"memory", "memory.swap.max", "memory", "memory.swap.current",
     "Swap the processes may use (on top of memory.max)"},
    {"cpu", "cpu.max", "cpu", "cpu.stat",
     "\"quota period\" in microseconds (\"max 100000\" = no limit); usage in cpu.stat"},
    {"cpu", "cpu.weight", nullptr, nullptr,
     "Relative weight when CPUs are contended (100 = default)"},
    {"pids", "pids.max", "pids", "pids.current",
     "How many processes and threads may exist at once (a fork bomb stops here)"},
};

QJsonObject cgroupSection(const QJsonObject &doc)
{
    const QString id = str(doc, u"Id");
    QJsonObject out;
    auto driver = CgroupDriver::forHost(id.toStdString());
    if (!driver) {
        out.insert(u"error"_s, qs(driver.error().message));
        return out;
    }
    const bool v2 = driver->mode() == CgroupMode::Unified;
    out.insert(u"mode"_s, QLatin1StringView(cgroupModeName(driver->mode())));
    QJsonArray paths;
    for (const CgroupDir &d : driver->dirs())
        paths.append(QJsonObject{{u"hierarchy"_s, qs(d.hierarchy)},
                                 {u"path"_s, qs(d.path)},
                                 {u"exists"_s, QFile::exists(qs(d.path))}});
    out.insert(u"paths"_s, paths);

    // What Koker wrote, from the container's limits, as the start plan did.
    const QJsonObject host = doc.value(u"HostConfig"_s).toObject();
    CgroupLimits limits;
    limits.memoryBytes = host.value(u"Memory"_s).toInteger();
    limits.memorySwapBytes = host.value(u"MemorySwap"_s).toInteger();
    limits.nanoCpus = host.value(u"NanoCpus"_s).toInteger();
    limits.pidsMax = host.value(u"PidsLimit"_s).toInteger();
    QHash<QString, QString> configured;
    if (auto mapped = mapCgroupLimits(limits, driver->mode(), driver->limitOptions()); mapped) {
        for (const CgroupWrite &w : mapped->writes)
            configured.insert(qs(w.file), qs(w.value));
    }
    QJsonArray files;
    auto emitLimit = [&](const LimitFile &l) {
        auto dir = driver->pathFor(l.controller);
        const QString path = dir ? qs(*dir) + u'/' + QLatin1StringView(l.file) : QString();
        QJsonObject o{{u"controller"_s, QLatin1StringView(l.controller)},
                      {u"file"_s, QLatin1StringView(l.file)},
                      {u"path"_s, path.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(path)},
                      {u"value"_s, textOrNull(dir ? readSmall(*dir + "/" + l.file) : std::nullopt)},
                      {u"explanation"_s, QLatin1StringView(l.explanation)}};
        const QString file = QLatin1StringView(l.file);
        o.insert(u"configured"_s, configured.contains(file) ? QJsonValue(configured.value(file))
                                                            : QJsonValue(QJsonValue::Null));
        if (l.usageFile) {
            auto udir = driver->pathFor(l.usageController);
            std::optional<QString> usage =
                udir ? readSmall(*udir + "/" + l.usageFile) : std::nullopt;
            if (usage && std::string_view(l.usageFile) == "cpu.stat") {
                // cpu.stat has many lines: keep the usage one.
                auto v = cgroupKeyedValue(usage->toStdString(), "usage_usec");
                usage = v ? std::optional<QString>(QString::number(*v) + u" usec"_s) : std::nullopt;
            }
            o.insert(u"usageFile"_s, QLatin1StringView(l.usageFile));
            o.insert(u"usage"_s, textOrNull(usage));
        } else {
            o.insert(u"usageFile"_s, QJsonValue(QJsonValue::Null));
            o.insert(u"usage"_s, QJsonValue(QJsonValue::Null));
        }
        files.append(o);
    };
    if (v2) {
        for (const LimitFile &l : kV2Limits)
            emitLimit(l);
    } else {
        for (const LimitFile &l : kV1Limits)
            emitLimit(l);
    }
    out.insert(u"limits"_s, files);

    auto stats = driver->stats();
    QJsonObject s, counters;
    if (stats) {
        s = QJsonObject{{u"memoryUsageBytes"_s, numOrNull(stats->memoryUsageBytes)},
                        {u"memoryLimitBytes"_s, numOrNull(stats->memoryLimitBytes)},
                        {u"cpuUsageNs"_s, numOrNull(stats->cpuUsageNs)},
                        {u"pidsCurrent"_s, numOrNull(stats->pidsCurrent)},
                        {u"pidsMax"_s, numOrNull(stats->pidsMax)}};
        counters = QJsonObject{{u"oomKills"_s, numOrNull(stats->oomKills)},
                               {u"cpuPeriods"_s, numOrNull(stats->cpuPeriods)},
                               {u"cpuThrottledPeriods"_s, numOrNull(stats->cpuThrottledPeriods)},
                               {u"cpuThrottledNs"_s, numOrNull(stats->cpuThrottledNs)}};
    } else {
        s.insert(u"error"_s, qs(stats.error().message));
    }
    // The raw files the counters come from, for a student who wants to see them.
    QJsonObject raw;
    std::optional<int64_t> failcnt;
    auto rawFile = [&](const char *controller, const char *file) {
        if (auto dir = driver->pathFor(controller); dir) {
            if (auto t = readSmall(*dir + "/" + file); t)
                raw.insert(QLatin1StringView(file), *t);
        }
    };
    if (v2) {
        rawFile("memory", "memory.events");
        rawFile("cpu", "cpu.stat");
        rawFile("pids", "pids.events");
    } else {
        rawFile("memory", "memory.oom_control");
        rawFile("cpu", "cpu.stat");
        if (auto dir = driver->pathFor("memory"); dir) {
            if (auto t = readSmall(*dir + "/memory.failcnt"); t)
                failcnt = t->toLongLong();
        }
    }
    counters.insert(u"memoryFailcnt"_s, numOrNull(failcnt));
    out.insert(u"stats"_s, s);
    out.insert(u"counters"_s, counters);
    out.insert(u"files"_s, raw);
    return out;
}

struct MountEntry
{
    int id = 0;
    int parent = 0;
    QString root, mountPoint, options, fsType, source, superOptions;
};

QList<MountEntry> parseMountinfo(const QString &text)
{
    QList<MountEntry> out;
    auto un = [](const QString &f) { return qs(unescapeMountinfoField(f.toStdString())); };
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u' ');
        const qsizetype dash = f.indexOf(u"-"_s, 6);
        if (f.size() < 7 || dash < 0 || dash + 3 > f.size())
            continue;
        MountEntry e;
        e.id = f[0].toInt();
        e.parent = f[1].toInt();
        e.root = un(f[3]);
        e.mountPoint = un(f[4]);
        e.options = f[5];
        e.fsType = f[dash + 1];
        e.source = un(f[dash + 2]);
        e.superOptions = dash + 3 < f.size() ? f[dash + 3] : QString();
        out << e;
    }
    return out;
}

// Overlay options: commas inside values come escaped ("\,"), so split by hand.
QHash<QString, QString> overlayOptions(const QString &super)
{
    QHash<QString, QString> out;
    QString cur;
    auto flush = [&] {
        const qsizetype eq = cur.indexOf(u'=');
        if (eq > 0)
            out.insert(cur.left(eq), cur.mid(eq + 1));
        cur.clear();
    };
    for (qsizetype i = 0; i < super.size(); ++i) {
        if (super[i] == u'\\' && i + 1 < super.size()) {
            cur += super[++i];
            continue;
        }
        if (super[i] == u',') {
            flush();
            continue;
        }
        cur += super[i];
    }
    flush();
    return out;
}

QJsonObject mountsSection(const QJsonObject &doc, pid_t pid)
{
    QJsonObject out;
    auto text = fs::readFile("/proc/" + std::to_string(pid) + "/mountinfo", 16u << 20);
    if (!text) {
        out.insert(u"error"_s, qs(text.error().message));
        return out;
    }
    const QList<MountEntry> entries = parseMountinfo(qs(*text));
    out.insert(u"count"_s, entries.size());
    QHash<int, QList<int>> children;
    QHash<int, int> index;
    for (qsizetype i = 0; i < entries.size(); ++i)
        index.insert(entries[i].id, static_cast<int>(i));
    int rootIndex = -1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const MountEntry &e = entries[i];
        if (index.contains(e.parent) && e.parent != e.id)
            children[e.parent] << static_cast<int>(i);
        else if (rootIndex < 0 || e.mountPoint == u"/"_s)
            rootIndex = static_cast<int>(i);
    }
    std::function<QJsonObject(int, int)> node = [&](int i, int depth) {
        const MountEntry &e = entries[i];
        QJsonArray kids;
        if (depth < 64) {
            for (int c : children.value(e.id))
                kids.append(node(c, depth + 1));
        }
        return QJsonObject{{u"id"_s, e.id},
                           {u"parent"_s, e.parent},
                           {u"mountPoint"_s, e.mountPoint},
                           {u"fsType"_s, e.fsType},
                           {u"source"_s, e.source},
                           {u"root"_s, e.root},
                           {u"options"_s, e.options},
                           {u"superOptions"_s, e.superOptions},
                           {u"children"_s, kids}};
    };
    out.insert(u"tree"_s,
               rootIndex >= 0 ? QJsonValue(node(rootIndex, 0)) : QJsonValue(QJsonValue::Null));

    // The overlay's layers, mapped back to the image: the engine mounts with
    // lowerdir names relative to the layers directory (its chdir keeps the
    // option string short), and each name is a layer's diffID hex.
    QJsonValue overlay(QJsonValue::Null);
    if (rootIndex >= 0 && entries[rootIndex].fsType == u"overlay"_s) {
        const QHash<QString, QString> opts = overlayOptions(entries[rootIndex].superOptions);
        const QJsonObject mounted = doc.value(u"Mounts"_s).toArray().first().toObject();
        QStringList imageLayers;
        for (const QJsonValue &v : mounted.value(u"LowerDir"_s).toArray())
            imageLayers << v.toString();
        const QString layersDir =
            imageLayers.isEmpty() ? QString() : imageLayers.first().section(u'/', 0, -2);
        QJsonArray lower;
        int i = 0;
        for (const QString &l : opts.value(u"lowerdir"_s).split(u':', Qt::SkipEmptyParts)) {
            const QString path = l.startsWith(u'/') ? l : layersDir + u'/' + l;
            const QString name = path.section(u'/', -1);
            lower.append(QJsonObject{{u"name"_s, name},
                                     {u"path"_s, path},
                                     {u"diffId"_s, QString(u"sha256:"_s + name)},
                                     {u"index"_s, i++},
                                     {u"inImage"_s, imageLayers.contains(path)}});
        }
        const QString upper = opts.value(u"upperdir"_s);
        overlay = QJsonObject{{u"lowerdir"_s, lower},
                              {u"upperdir"_s, upper},
                              {u"workdir"_s, opts.value(u"workdir"_s)},
                              {u"upperIsContainers"_s, upper == str(mounted, u"UpperDir")}};
    }
    out.insert(u"overlay"_s, overlay);
    return out;
}

QJsonObject networkSection(const QJsonObject &doc, pid_t pid)
{
    const QJsonObject settings = doc.value(u"NetworkSettings"_s).toObject();
    const QJsonObject hostConfig = doc.value(u"HostConfig"_s).toObject();
    const QString mode = str(hostConfig, u"NetworkMode");
    QJsonObject out{{u"mode"_s, mode}, {u"sharedWithHost"_s, mode == u"host"_s}};

    // The host's side: the bridge and the container's end of the cable.
    QJsonObject host;
    const QString bridge = str(settings, u"Bridge");
    const QString veth = str(settings, u"HostVeth");
    if (auto nl = net::Netlink::open(); nl && (!bridge.isEmpty() || !veth.isEmpty())) {
        auto links = nl->links();
        auto addrs = nl->ipv4Addresses();
        auto nameOf = [&](int index) -> QJsonValue {
            if (links) {
                for (const auto &l : *links) {
                    if (l.index == index)
                        return qs(l.name);
                }
            }
            return QJsonValue(QJsonValue::Null);
        };
        if (!bridge.isEmpty()) {
            host.insert(u"bridge"_s, bridge);
            QJsonArray a;
            if (addrs) {
                for (const auto &x : *addrs) {
                    if (qs(x.interface) == bridge)
                        a.append(qs(x.address.toString()));
                }
            }
            host.insert(u"bridgeAddresses"_s, a);
            auto l = nl->link(bridge.toStdString());
            host.insert(u"bridgeUp"_s, l ? QJsonValue(l->up) : QJsonValue(QJsonValue::Null));
        }
        if (!veth.isEmpty()) {
            host.insert(u"veth"_s, veth);
            auto l = nl->link(veth.toStdString());
            host.insert(u"vethUp"_s, l ? QJsonValue(l->up) : QJsonValue(QJsonValue::Null));
            host.insert(u"vethMac"_s, l ? QJsonValue(qs(l->mac)) : QJsonValue(QJsonValue::Null));
            host.insert(u"vethMaster"_s, l && l->masterIndex ? nameOf(l->masterIndex)
                                                             : QJsonValue(QJsonValue::Null));
        }
    }
    out.insert(u"host"_s, host);

    // The container's side, asked from inside its network namespace: a netlink
    // socket created there answers for that namespace (runtime Netlink::openIn).
    QJsonObject inside;
    // /proc/<pid>/ns/net is a magic link (NetNamespace::open refuses links), so it is
    // opened here; a --network none container has no namespace file of its own.
    const std::string nsPath = "/proc/" + std::to_string(pid) + "/ns/net";
    UniqueFd nsFd(::open(nsPath.c_str(), O_RDONLY | O_CLOEXEC));
    auto nl =
        nsFd ? net::Netlink::openIn(nsFd.get()) : Result<net::Netlink>(failErrno("open " + nsPath));
    if (!nl) {
        inside.insert(u"error"_s, qs(nl.error().message));
    } else {
        auto links = nl->links();
        auto addrs = nl->ipv4Addresses();
        auto routes = nl->ipv4Routes();
        QJsonArray ifaces;
        if (links) {
            for (const auto &l : *links) {
                QJsonArray a;
                if (addrs) {
                    for (const auto &x : *addrs) {
                        if (x.index == l.index)
                            a.append(qs(x.address.toString()));
                    }
                }
                ifaces.append(QJsonObject{{u"name"_s, qs(l.name)},
                                          {u"kind"_s, qs(l.kind)},
                                          {u"mac"_s, qs(l.mac)},
                                          {u"up"_s, l.up},
                                          {u"mtu"_s, static_cast<qint64>(l.mtu)},
                                          {u"addresses"_s, a}});
            }
        }
        inside.insert(u"interfaces"_s, ifaces);
        QJsonValue gateway(QJsonValue::Null);
        QJsonArray r;
        if (routes) {
            for (const auto &x : *routes) {
                const bool isDefault = x.destination.prefix() == 0;
                QString line = isDefault ? u"default"_s : qs(x.destination.toString());
                if (x.gateway)
                    line += u" via "_s + qs(x.gateway->toString());
                if (!x.interface.empty())
                    line += u" dev "_s + qs(x.interface);
                r.append(line);
                if (isDefault && x.gateway && gateway.isNull())
                    gateway = qs(x.gateway->toString());
            }
        }
        inside.insert(u"gateway"_s, gateway);
        inside.insert(u"routes"_s, r);
    }
    out.insert(u"container"_s, inside);

    out.insert(u"iptables"_s, settings.value(u"IptablesRules"_s).toArray());
    QJsonArray networkRules;
    if (!bridge.isEmpty()) {
        net::IptablesNat nat;
        if (auto own = nat.listOwnRules(); own) {
            const std::string comment = net::IptRule::networkComment(bridge.toStdString());
            for (const net::IptRule &rule : *own) {
                if (rule.comment == comment)
                    networkRules.append(QString(u"-t "_s +
                                                QLatin1StringView(net::iptTableName(rule.table)) +
                                                u' ' + qs(rule.saveLine())));
            }
        }
    }
    out.insert(u"networkRules"_s, networkRules);
    out.insert(u"ports"_s, hostConfig.value(u"PortBindings"_s).toArray());
    return out;
}

} // namespace

QString UnderTheHood::namespaceExplanation(const QString &type, bool shared)
{
    if (shared) {
        if (type == u"net"_s)
            return u"Shared with the host (--network host): the container sees and uses the "
                   u"host's own interfaces, addresses and ports."_s;
        if (type == u"user"_s)
            return u"Shared with the host: Koker uses no user namespace, so root in the "
                   u"container is root on the host (capabilities and seccomp confine it)."_s;
        if (type == u"time"_s)
            return u"Shared with the host: the container reads the host's clocks."_s;
        return u"Shared with the host: the container sees the same "_s + type +
               u" namespace as the host."_s;
    }
    if (type == u"mnt"_s)
        return u"Its own mount table: the overlay is its /, and mounts made inside never "
               u"reach the host."_s;
    if (type == u"uts"_s)
        return u"Its own hostname and domain name: sethostname() inside changes only the "
               u"container's."_s;
    if (type == u"ipc"_s)
        return u"Its own System V semaphores, message queues and shared memory, and POSIX "
               u"message queues."_s;
    if (type == u"pid"_s)
        return u"Its own process numbers, starting at 1: it can neither see nor signal the "
               u"host's processes."_s;
    if (type == u"net"_s)
        return u"Its own interfaces, addresses, routes and firewall; a veth pair is its cable "
               u"to the host's bridge."_s;
    if (type == u"cgroup"_s)
        return u"Its own view of the cgroup tree: /proc/self/cgroup shows its cgroup as the "
               u"root \"/\"."_s;
    if (type == u"user"_s)
        return u"Its own user ids (not used by Koker)."_s;
    if (type == u"time"_s)
        return u"Its own offsets for the monotonic and boot clocks (not used by Koker)."_s;
    return u"A namespace of its own."_s;
}

Result<QJsonObject> UnderTheHood::collect(const QJsonObject &doc)
{
    const QJsonObject state = doc.value(u"State"_s).toObject();
    const pid_t pid = static_cast<pid_t>(state.value(u"Pid"_s).toInteger());
    if (!state.value(u"Running"_s).toBool() || pid <= 0)
        return fail(ErrorCode::Busy, "container " + str(doc, u"Name").toStdString() +
                                         " is not running: there is nothing under the hood to "
                                         "look at; start it first");
    QJsonArray ns;
    namespaces(pid, ns);
    if (ns.isEmpty())
        return fail(ErrorCode::NotFound, "cannot read /proc/" + std::to_string(pid) +
                                             "/ns: the container just ended, or this is not root");
    QJsonObject out{{u"schema"_s, kSchema},
                    {u"id"_s, str(doc, u"Id")},
                    {u"name"_s, str(doc, u"Name")},
                    {u"pid"_s, static_cast<qint64>(pid)},
                    {u"namespaces"_s, ns},
                    {u"cgroup"_s, cgroupSection(doc)},
                    {u"mounts"_s, mountsSection(doc, pid)},
                    {u"network"_s, networkSection(doc, pid)}};
    return out;
}

} // namespace koker
