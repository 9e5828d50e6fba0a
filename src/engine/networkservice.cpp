#include "networkservice.h"

#include "engine/containerstore.h"
#include "runtime/filelock.h"
#include "runtime/fsutil.h"
#include "runtime/ipam.h"
#include "runtime/iptables.h"
#include "runtime/netlink.h"
#include "runtime/netnames.h"
#include "runtime/netnamespace.h"
#include "runtime/netsteps.h"
#include "runtime/random.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMutex>
#include <QtCore/QRegularExpression>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

using net::Ipam;
using net::IptablesNat;
using net::IptRule;
using net::Ipv4Address;
using net::Ipv4Cidr;
using net::Netlink;
using net::NetNamespace;
using net::NetSteps;

const QString kDefaultNetwork = u"bridge"_s;
const QString kSystemRoot = u"/var/lib/koker"_s;
// The first two lines of every container's /etc/hosts; ContainerService writes the
// same two before hostsEntries() when it creates the file, and a rewrite in place
// must keep them.
constexpr QByteArrayView kHostsHeader = "127.0.0.1\tlocalhost\n"
                                        "::1\tlocalhost ip6-localhost ip6-loopback\n";

std::string str(const QString &s)
{
    return s.toStdString();
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool isHostOrNone(const QString &mode)
{
    return mode == u"host"_s || mode == u"none"_s;
}

Step makeStep(std::string_view key, const std::string &title, const std::string &op,
              const std::string &shell, std::function<Status()> apply)
{
    Step s;
    s.record.phase = Phase::Network;
    s.record.side = Side::Host;
    s.record.setKey(key);
    s.record.setTitle(title);
    s.record.setOp(op);
    s.record.setShell(shell);
    s.apply = std::move(apply);
    return s;
}

// Run steps one after the other, reporting each; unlike Plan::run it goes on after
// a failure (cleanup: leaking less is better than stopping) and returns the first error.
Status runAll(std::vector<Step> &steps, const StepObserver &observer,
              QList<StepRecord> *recorded = nullptr)
{
    Status result;
    for (Step &s : steps) {
        StepRecord &x = s.record;
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
        if (observer)
            observer(x);
        if (recorded)
            *recorded << x;
    }
    return result;
}

QString randomId()
{
    return QString::fromStdString(randomHex(32));
}

// Docker gives host and none random ids per daemon; stable ones say the same.
QString builtinId(const QString &name)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("koker-network:" + name.toUtf8()),
                                 QCryptographicHash::Sha256)
            .toHex());
}

NetworkRecord builtinNetwork(const QString &name)
{
    NetworkRecord r;
    r.id = builtinId(name);
    r.name = name;
    r.driver = name == u"none"_s ? u"null"_s : u"host"_s;
    return r;
}

Status validateNetworkName(const QString &name)
{
    if (!net::isDockerStyleName(name.toStdString(), 64))
        return fail(ErrorCode::InvalidArgument,
                    "invalid network name \"" + str(name) +
                        "\": use 1-64 of [a-zA-Z0-9_.-], starting with a letter or digit");
    return {};
}

// The engine's -p value as the runtime's, which builds the DNAT rule from it.
Result<net::PortMapping> toRuntimePort(const PortMapping &p)
{
    net::PortMapping m;
    if (!p.hostIp.isEmpty() && p.hostIp != u"0.0.0.0"_s) {
        auto ip = Ipv4Address::parse(str(p.hostIp));
        if (!ip)
            return std::unexpected(ip.error());
        m.hostIp = *ip;
    }
    if (p.protocol == u"udp"_s)
        m.protocol = net::IpProtocol::Udp;
    else if (p.protocol == u"tcp"_s || p.protocol.isEmpty())
        m.protocol = net::IpProtocol::Tcp;
    else
        return fail(ErrorCode::InvalidArgument, "unknown protocol " + str(p.protocol));
    m.hostPort = p.hostPort;
    m.containerPort = p.containerPort;
    if (auto st = m.validate(); !st)
        return std::unexpected(st.error());
    return m;
}

Result<std::vector<net::PortMapping>> toRuntimePorts(const QList<PortMapping> &ports)
{
    std::vector<net::PortMapping> out;
    for (const PortMapping &p : ports) {
        auto m = toRuntimePort(p);
        if (!m)
            return std::unexpected(m.error());
        out.push_back(*m);
    }
    return out;
}

// The MTU for a new bridge: 1500, or less when the host's way out (the interface
// of its default route) carries less (a VPN, a cloud overlay): containers would
// otherwise send packets the uplink cannot carry and depend on PMTU discovery.
int uplinkMtu()
{
    int mtu = 1500;
    auto nl = Netlink::open();
    if (!nl)
        return mtu;
    auto routes = nl->ipv4Routes();
    auto links = nl->links();
    if (!routes || !links)
        return mtu;
    for (const Netlink::Route &r : *routes) {
        if (r.destination.prefix() != 0 || r.table != 254) // RT_TABLE_MAIN
            continue;
        for (const Netlink::Link &l : *links) {
            if (l.name == r.interface && l.mtu >= 576 && int(l.mtu) < mtu)
                mtu = int(l.mtu);
        }
    }
    return mtu;
}

// Two publications collide when they share protocol and host port and one of them
// listens on every address or both on the same one.
bool portsCollide(const net::PortMapping &a, const net::PortMapping &b)
{
    return a.protocol == b.protocol && a.hostPort == b.hostPort &&
           (!a.hostIp || !b.hostIp || *a.hostIp == *b.hostIp);
}

QString describePort(const net::PortMapping &p)
{
    return QString::number(p.hostPort) + u'/' + QLatin1StringView(net::ipProtocolName(p.protocol)) +
           u" on "_s + (p.hostIp ? qs(p.hostIp->toString()) : u"0.0.0.0"_s);
}

// A program on the host listening on the port would be shadowed by the DNAT rule
// (connections to it would silently reach the container instead), so refuse, as
// Docker does when its proxy cannot bind. SO_REUSEADDR: only a listener (or a bound
// UDP socket) makes bind() fail, not old connections in TIME_WAIT.
Status checkHostPortFree(const net::PortMapping &p)
{
    bool udp = p.protocol == net::IpProtocol::Udp;
    UniqueFd fd(::socket(AF_INET, (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_CLOEXEC, 0));
    if (!fd)
        return failErrno("socket(AF_INET)");
    int one = 1;
    (void)::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(static_cast<uint16_t>(p.hostPort));
    sa.sin_addr.s_addr = p.hostIp ? p.hostIp->networkOrder() : htonl(INADDR_ANY);
    if (::bind(fd.get(), reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0)
        return {};
    int err = errno;
    if (err == EADDRINUSE)
        return fail(ErrorCode::Busy,
                    "cannot publish port " + str(describePort(p)) +
                        ": a program on the host already uses it (see `ss -lntup 'sport = :" +
                        std::to_string(p.hostPort) + "'`); choose another host port");
    if (err == EADDRNOTAVAIL)
        return fail(ErrorCode::InvalidArgument, "cannot publish port " + str(describePort(p)) +
                                                    ": " + p.hostIp->toString() +
                                                    " is not an address of this host");
    return failErrno("check host port " + std::to_string(p.hostPort), err);
}

// Write the whole file into the existing inode. The file is bind-mounted into a
// running container: rename() would give the path a new inode and the container
// would keep seeing the old one. O_NOFOLLOW: never write through a planted symlink.
Status writeInPlace(const QString &path, const QByteArray &data)
{
    UniqueFd fd(
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC));
    if (!fd) {
        if (errno == ENOENT)
            return {}; // not written yet: its container writes it when it starts
        return failErrno("open " + str(path));
    }
    qsizetype done = 0;
    while (done < data.size()) {
        ssize_t n =
            ::write(fd.get(), data.constData() + done, static_cast<size_t>(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("write " + str(path));
        }
        done += n;
    }
    return {};
}

QJsonObject portsObject(const QList<PortMapping> &ports)
{
    // Docker's form: {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}]}.
    QJsonObject out;
    for (const PortMapping &p : ports) {
        QString key = QString::number(p.containerPort) + u'/' + p.protocol;
        QJsonArray list = out.value(key).toArray();
        list.append(QJsonObject{{u"HostIp"_s, p.hostIp.isEmpty() ? u"0.0.0.0"_s : p.hostIp},
                                {u"HostPort"_s, QString::number(p.hostPort)}});
        out.insert(key, list);
    }
    return out;
}

} // namespace

QJsonObject NetworkRecord::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"driver"_s, driver},
            {u"bridge"_s, bridge},
            {u"subnet"_s, subnet},
            {u"gateway"_s, gateway},
            {u"mtu"_s, mtu},
            {u"created"_s, created.toString(Qt::ISODateWithMs)},
            {u"default"_s, isDefault}};
}

NetworkRecord NetworkRecord::fromJson(const QJsonObject &o)
{
    NetworkRecord r;
    r.id = o.value(u"id"_s).toString();
    r.name = o.value(u"name"_s).toString();
    r.driver = o.value(u"driver"_s).toString(u"bridge"_s);
    r.bridge = o.value(u"bridge"_s).toString();
    r.subnet = o.value(u"subnet"_s).toString();
    r.gateway = o.value(u"gateway"_s).toString();
    r.mtu = o.value(u"mtu"_s).toInt(1500);
    r.created = QDateTime::fromString(o.value(u"created"_s).toString(), Qt::ISODateWithMs);
    r.isDefault = o.value(u"default"_s).toBool();
    return r;
}

struct NetworkService::Private
{
    Private(QString r, QString rr, ContainerStore &c)
        : root(std::move(r))
        , runRoot(std::move(rr))
        , containers(c)
    {}

    QString root;
    QString runRoot;
    ContainerStore &containers;

    // What planAttach decided, for recordAttached after the start succeeded.
    struct Pending
    {
        NetworkRecord network;
        Ipv4Address address;
        std::string hostVeth;
        std::string netnsPath;
    };
    QMutex mutex;
    QHash<QString, Pending> pending;

    QString networksDir() const { return root + u"/networks"_s; }
    QString networkDir(const QString &name) const { return networksDir() + u'/' + name; }
    QString netnsDir() const { return runRoot + u"/netns"_s; }
    std::string netnsPath(const QString &id) const { return str(netnsDir() + u'/' + id); }

    Result<FileLock> lockNetworks() const
    {
        if (auto st = fs::makeDirectories(str(networksDir()), 0700); !st)
            return std::unexpected(st.error());
        return FileLock::acquire(str(networksDir() + u"/networks.lock"_s));
    }

    Result<NetworkRecord> readRecord(const QString &name) const
    {
        if (!validateNetworkName(name))
            return fail(ErrorCode::NotFound, "network " + str(name) + " not found");
        auto data = fs::readFile(str(networkDir(name) + u"/network.json"_s), 1 << 20);
        if (!data) {
            if (data.error().code == ErrorCode::NotFound)
                return fail(ErrorCode::NotFound, "network " + str(name) + " not found");
            return std::unexpected(data.error());
        }
        QJsonParseError err{};
        QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(*data), &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return fail(ErrorCode::Corrupt, "network " + str(name) + ": network.json is not JSON");
        NetworkRecord r = NetworkRecord::fromJson(doc.object());
        auto subnet = Ipv4Cidr::parseNetwork(str(r.subnet));
        auto gateway = Ipv4Address::parse(str(r.gateway));
        if (r.name != name || !subnet || !gateway || !subnet->contains(*gateway) ||
            !net::validateInterfaceName(str(r.bridge)))
            return fail(ErrorCode::Corrupt, "network " + str(name) + ": network.json is damaged");
        return r;
    }

    Status writeRecord(const NetworkRecord &r) const
    {
        if (auto st = fs::makeDirectories(str(networkDir(r.name)), 0700); !st)
            return st;
        QByteArray json = QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented);
        return fs::writeFileAtomic(str(networkDir(r.name) + u"/network.json"_s),
                                   std::string_view(json.constData(), json.size()), 0600);
    }

    /// Every network with a record on disk (the default one once it exists).
    QList<NetworkRecord> records() const
    {
        QList<NetworkRecord> out;
        const QStringList names =
            QDir(networksDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &name : names) {
            if (auto r = readRecord(name); r)
                out << *r;
        }
        return out;
    }

    /// Subnets a new network must not overlap: the host's routes and addresses,
    /// and every network of this store (whose bridge may not exist yet).
    Result<std::vector<Ipv4Cidr>> subnetsInUse() const
    {
        auto nl = Netlink::open();
        if (!nl)
            return std::unexpected(nl.error());
        auto used = nl->networksInUse();
        if (!used)
            return std::unexpected(used.error());
        for (const NetworkRecord &r : records()) {
            if (auto c = Ipv4Cidr::parseNetwork(str(r.subnet)); c)
                used->push_back(*c);
        }
        return *used;
    }

    /// The default network's record, made on first use (caller holds lockNetworks).
    Result<NetworkRecord> ensureDefault() const
    {
        auto existing = readRecord(kDefaultNetwork);
        if (existing || existing.error().code != ErrorCode::NotFound)
            return existing;
        auto used = subnetsInUse();
        if (!used)
            return std::unexpected(used.error());
        auto subnet = Ipam::chooseSubnet(*used);
        if (!subnet)
            return std::unexpected(subnet.error());
        NetworkRecord r;
        r.id = randomId();
        r.name = kDefaultNetwork;
        // koker0 belongs to the system store. A store elsewhere (--root, the tests)
        // gets a name of its own, or two stores would fight over one device.
        r.bridge = root == kSystemRoot ? u"koker0"_s : u"kk-"_s + r.id.left(12);
        r.subnet = qs(subnet->toString());
        r.gateway = qs(Ipv4Address(subnet->network().value() + 1).toString());
        r.created = QDateTime::currentDateTimeUtc();
        r.mtu = uplinkMtu();
        r.isDefault = true;
        if (auto st = writeRecord(r); !st)
            return std::unexpected(st.error());
        return r;
    }

    /// A bridge network by the name a container config carries.
    Result<NetworkRecord> networkFor(const QString &mode) const
    {
        if (mode == kDefaultNetwork) {
            auto lock = lockNetworks();
            if (!lock)
                return std::unexpected(lock.error());
            return ensureDefault();
        }
        return readRecord(mode);
    }

    NetSteps::Network stepsNetwork(const NetworkRecord &r) const
    {
        NetSteps::Network n;
        n.bridge = str(r.bridge);
        n.subnet = Ipv4Cidr::parseNetwork(str(r.subnet)).value_or(Ipv4Cidr());
        n.gateway = Ipv4Address::parse(str(r.gateway)).value_or(Ipv4Address());
        n.mtu = r.mtu;
        n.ipamDirectory = str(networkDir(r.name));
        return n;
    }

    Result<Ipam> openIpam(const NetworkRecord &r) const
    {
        auto subnet = Ipv4Cidr::parseNetwork(str(r.subnet));
        if (!subnet)
            return std::unexpected(subnet.error());
        return Ipam::open(str(networkDir(r.name)), *subnet);
    }

    /// Container id -> address for every lease of every network of the store.
    std::map<std::string, std::pair<QString, Ipv4Address>> allLeases() const
    {
        std::map<std::string, std::pair<QString, Ipv4Address>> out;
        for (const NetworkRecord &r : records()) {
            if (!QFile::exists(networkDir(r.name) + u"/leases"_s))
                continue;
            auto ipam = openIpam(r);
            if (!ipam)
                continue;
            if (auto leases = ipam->leases(); leases) {
                for (const auto &[id, ip] : *leases)
                    out[id] = {r.name, ip};
            }
        }
        return out;
    }

    /// Refuse ports another attached container of this store publishes, or that a
    /// DNAT rule in the KOKER chain (another store, a leftover) already takes.
    Status checkPortConflicts(const QString &selfId,
                              const std::vector<net::PortMapping> &ports) const
    {
        if (ports.empty())
            return {};
        for (size_t i = 0; i < ports.size(); ++i) {
            for (size_t j = i + 1; j < ports.size(); ++j) {
                if (portsCollide(ports[i], ports[j]))
                    return fail(ErrorCode::InvalidArgument,
                                "port " + str(describePort(ports[i])) + " is published twice");
            }
        }
        for (const auto &[id, lease] : allLeases()) {
            QString other = qs(id);
            if (other == selfId)
                continue;
            auto rec = containers.load(other);
            if (!rec || isHostOrNone(rec->config.networkMode))
                continue;
            auto theirs = toRuntimePorts(rec->config.ports);
            if (!theirs)
                continue;
            for (const net::PortMapping &mine : ports) {
                for (const net::PortMapping &t : *theirs) {
                    if (portsCollide(mine, t))
                        return fail(ErrorCode::Busy, "port " + str(describePort(mine)) +
                                                         " is already published by container " +
                                                         str(rec->config.name) + " (" +
                                                         str(rec->shortId()) +
                                                         "); choose another host port or stop it");
                }
            }
        }
        IptablesNat nat;
        auto rules = nat.listRules(net::IptTable::Nat, net::kNatChain);
        if (!rules)
            return {}; // no chain yet: nothing published
        const std::string self = IptRule::containerComment(str(selfId));
        for (const IptRule &rule : *rules) {
            if (rule.target != net::IptTarget::Dnat || (!selfId.isEmpty() && rule.comment == self))
                continue;
            for (const net::PortMapping &mine : ports) {
                bool sameDest =
                    !mine.hostIp || !rule.destination || rule.destination->contains(*mine.hostIp);
                if (rule.protocol == mine.protocol && rule.destinationPort == mine.hostPort &&
                    sameDest)
                    return fail(ErrorCode::Busy, "port " + str(describePort(mine)) +
                                                     " is already published by the rule `" +
                                                     rule.saveLine() +
                                                     "` (iptables-legacy -t nat -S KOKER)");
            }
        }
        return {};
    }

    /// The containers holding a lease on `r`, with their names.
    QList<NetworkEndpoint> endpointsOf(const NetworkRecord &r) const
    {
        QList<NetworkEndpoint> out;
        auto ipam = openIpam(r);
        if (!ipam)
            return out;
        auto leases = ipam->leases();
        if (!leases)
            return out;
        auto subnet = Ipv4Cidr::parseNetwork(str(r.subnet));
        for (const auto &[id, ip] : *leases) {
            auto rec = containers.load(qs(id));
            if (!rec)
                continue;
            NetworkEndpoint e;
            e.containerId = qs(id);
            e.name = rec->config.name;
            e.hostname = rec->config.hostname;
            e.ipAddress = qs(ip.toString());
            e.prefixLength = subnet ? subnet->prefix() : 0;
            e.macAddress = qs(net::macForAddress(ip));
            e.hostVeth = qs(net::hostVethName(id).value_or(std::string()));
            out << e;
        }
        return out;
    }

    /// /etc/hosts lines of `selfId` on a network with `members`: its own line first
    /// (hostname, name, short id), then every neighbour by name and short id.
    static QByteArray hostsLines(const QString &selfId, const QList<NetworkEndpoint> &members)
    {
        QByteArray out;
        auto line = [](const NetworkEndpoint &e, bool self) -> QByteArray {
            QStringList names;
            if (self)
                names << e.hostname;
            for (const QString &n : {e.name, e.containerId.left(12)}) {
                if (!n.isEmpty() && !names.contains(n))
                    names << n;
            }
            names.removeAll(QString());
            return e.ipAddress.toUtf8() + '\t' + names.join(u' ').toUtf8() + '\n';
        };
        for (const NetworkEndpoint &e : members) {
            if (e.containerId == selfId)
                out += line(e, true);
        }
        for (const NetworkEndpoint &e : members) {
            if (e.containerId != selfId)
                out += line(e, false);
        }
        return out;
    }

    /// Rewrite, in place, the /etc/hosts of every container on the network, under
    /// the network's hosts.lock so that the last writer always saw the last lease.
    Status refreshHosts(const NetworkRecord &r) const
    {
        auto lock = FileLock::acquire(str(networkDir(r.name) + u"/hosts.lock"_s));
        if (!lock)
            return std::unexpected(lock.error());
        const QList<NetworkEndpoint> members = endpointsOf(r);
        Status result;
        for (const NetworkEndpoint &e : members) {
            QByteArray data = kHostsHeader.toByteArray() + hostsLines(e.containerId, members);
            if (auto st = writeInPlace(containers.runDir(e.containerId) + u"/hosts"_s, data);
                !st && result)
                result = st;
        }
        return result;
    }

    Step hostsStep(const NetworkRecord &r, const QString &name, bool adding) const
    {
        std::string dir = str(containers.runRoot() + u"/c"_s);
        std::string net = str(r.name);
        std::string title =
            adding ? "Add " + str(name) + " to /etc/hosts of the containers on " + net
                   : "Remove " + str(name) + " from /etc/hosts of the containers on " + net;
        std::string op =
            "for each container with a lease on " + net + ": open(\"" + dir +
            "/<short id>/hosts\", O_WRONLY|O_TRUNC|O_NOFOLLOW); write(localhost lines + "
            "one \"address name short-id\" line per container) -- in place: the "
            "file is bind-mounted, a rename would not reach the container";
        std::string shell =
            adding ? "for f in " + dir + "/*/hosts; do echo '<address>\t" + str(name) +
                         "' >> \"$f\"; done"
                   : "for f in " + dir + "/*/hosts; do grep -vw " + shellQuote(str(name)) +
                         " \"$f\" > /tmp/hosts && cat /tmp/hosts > \"$f\"; done  # cat >, not "
                         "sed -i: keep the inode";
        return makeStep("net.hosts.update", title, op, shell,
                        [this, r] { return refreshHosts(r); });
    }

    /// The steps that make sure the network exists on the host: its bridge up with
    /// the gateway address, ip_forward, koker's chains and the network's own rules.
    /// Every one is idempotent (20 containers may start at once on a new network)
    /// and none has a rollback: the network stays when its first container fails.
    std::vector<Step> ensureNetworkSteps(const NetworkRecord &r, bool withPorts) const
    {
        NetSteps::Network n = stepsNetwork(r);
        bool exists = false;
        if (auto nl = Netlink::open(); nl)
            exists = nl->linkExists(n.bridge).value_or(false);
        std::vector<Step> setup = NetSteps::networkSetup(n);
        std::vector<Step> steps;
        const Ipv4Cidr gatewayCidr(n.gateway, n.subnet.prefix());
        const std::string lockPath = str(networkDir(r.name) + u"/bridge.lock"_s);
        // Each part runs under the network's bridge.lock and first looks at what is
        // there, so concurrent first starts neither fail on EEXIST nor double up.
        auto makeBridge = [n, lockPath]() -> Status {
            auto lock = FileLock::acquire(lockPath);
            if (!lock)
                return std::unexpected(lock.error());
            auto nl = Netlink::open();
            if (!nl)
                return std::unexpected(nl.error());
            auto link = nl->link(n.bridge);
            if (link) {
                if (link->kind != "bridge")
                    return fail(ErrorCode::AlreadyExists,
                                "an interface named " + n.bridge + " exists and is not a bridge");
                return {};
            }
            if (link.error().code != ErrorCode::NotFound)
                return std::unexpected(link.error());
            // The subnet must still be free: after a reboot another store or a VPN
            // may have taken it, and two bridges with one subnet break both.
            if (auto addrs = nl->ipv4Addresses(); addrs) {
                for (const Netlink::Address &a : *addrs) {
                    if (a.address.overlaps(n.subnet))
                        return fail(ErrorCode::AlreadyExists,
                                    "the subnet " + n.subnet.toString() + " of bridge " + n.bridge +
                                        " is now used by " + a.interface + " (" +
                                        a.address.toString() +
                                        "); remove that, or give this network another subnet");
                }
            }
            return nl->createBridge(n.bridge, n.mtu);
        };
        // A bridge carrying another address belongs to someone else: refuse it.
        auto addressBridge = [n, gatewayCidr, lockPath]() -> Status {
            auto lock = FileLock::acquire(lockPath);
            if (!lock)
                return std::unexpected(lock.error());
            auto nl = Netlink::open();
            if (!nl)
                return std::unexpected(nl.error());
            auto addrs = nl->ipv4Addresses();
            if (!addrs)
                return std::unexpected(addrs.error());
            for (const Netlink::Address &a : *addrs) {
                if (a.interface != n.bridge)
                    continue;
                if (a.address == gatewayCidr)
                    return {};
                return fail(ErrorCode::AlreadyExists,
                            "bridge " + n.bridge + " carries " + a.address.toString() +
                                ", not this network's " + gatewayCidr.toString() +
                                ": it belongs to someone else (another koker --root?)");
            }
            return nl->addAddress(n.bridge, gatewayCidr);
        };
        if (!exists) {
            setup[0].apply = makeBridge;
            setup[1].apply = addressBridge;
            steps.push_back(std::move(setup[0]));
            steps.push_back(std::move(setup[1]));
            steps.push_back(std::move(setup[2])); // IFF_UP: idempotent as it is
        } else {
            auto upBridge = setup[2].apply;
            steps.push_back(
                makeStep("net.link.bridge.check",
                         "Check the bridge " + n.bridge + " is up with " + gatewayCidr.toString(),
                         "RTM_GETLINK ifname=" + n.bridge + "; RTM_GETADDR (then RTM_NEWADDR " +
                             gatewayCidr.toString() + " and IFF_UP only where missing)",
                         "ip addr show " + shellQuote(n.bridge),
                         [makeBridge, addressBridge, upBridge]() -> Status {
                             if (auto st = makeBridge(); !st)
                                 return st;
                             if (auto st = addressBridge(); !st)
                                 return st;
                             return upBridge();
                         }));
        }
        // [3] route_localnet (only matters for published ports), [4] ip_forward,
        // [5] chains, [6..8] MASQUERADE for the subnet and the two FORWARD accepts.
        for (size_t i = 3; i < setup.size(); ++i) {
            if (i == 3 && !withPorts && exists)
                continue;
            steps.push_back(std::move(setup[i]));
        }
        for (Step &s : steps)
            s.rollback = {};
        return steps;
    }

    /// The teardown of one container, from its id and network alone (no state is
    /// needed, so it also cleans up after a crash). Steps for things that are
    /// visibly gone are left out; the rules step always runs (a rule can outlive a
    /// failed earlier teardown).
    std::vector<Step> detachSteps(const QString &id, const QString &name,
                                  const QList<NetworkRecord> &networks) const
    {
        std::vector<Step> steps;
        auto veth = net::hostVethName(str(id));
        if (!veth)
            return steps;
        IptablesNat nat;
        steps.push_back(NetSteps::iptablesRemoveByComment(nat, IptRule::containerComment(str(id))));
        bool vethExists = true;
        if (auto nl = Netlink::open(); nl)
            vethExists = nl->linkExists(*veth).value_or(true);
        const std::string ns = netnsPath(id);
        struct stat st
        {};
        // The pair dies with the namespace once its file is unmounted
        // (NetSteps::containerTeardown says why). A host end that is still there
        // without the file is on its way out, or somebody else holds the namespace
        // (nsenter): then the kernel deletes it when they let go.
        if (vethExists)
            steps.push_back(NetSteps::linkUnplug(*veth));
        if (::lstat(ns.c_str(), &st) == 0 || errno != ENOENT)
            steps.push_back(NetSteps::netnsDelete(ns));
        for (const NetworkRecord &r : networks) {
            auto ipam = openIpam(r);
            if (ipam) {
                auto held = ipam->lookup(str(id));
                if (held && !held->has_value())
                    continue;
            }
            NetSteps::Network n = stepsNetwork(r);
            steps.push_back(NetSteps::ipamRelease(n.ipamDirectory, n.subnet, str(id)));
            steps.push_back(hostsStep(r, name, false));
        }
        adoptNetnsSteps(steps, ns);
        return steps;
    }

    // The namespace files' directory is a shared mount (NetNamespace::prepareDirectory,
    // as `ip netns` does with /run/netns) only while it holds files: made before the
    // first file, unmounted after the last, both under netns.lock. A store with no
    // attached container thus has no mount at all, and two engines never stack two.
    Status createNetns(const std::string &path) const
    {
        if (auto st = fs::makeDirectories(str(runRoot), 0700); !st)
            return st;
        auto lock = FileLock::acquire(str(runRoot + u"/netns.lock"_s));
        if (!lock)
            return std::unexpected(lock.error());
        if (auto st = NetNamespace::prepareDirectory(str(netnsDir())); !st)
            return st;
        return NetNamespace::create(path);
    }

    Status removeNetns(const std::string &path) const
    {
        auto lock = FileLock::acquire(str(runRoot + u"/netns.lock"_s));
        if (!lock)
            return std::unexpected(lock.error());
        Status st = NetNamespace::remove(path);
        if (QDir(netnsDir())
                .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot)
                .isEmpty()) {
            const std::string dir = str(netnsDir());
            for (int i = 0; i < 8 && ::umount2(dir.c_str(), MNT_DETACH | UMOUNT_NOFOLLOW) == 0;
                 ++i) {
            }
        }
        return st;
    }

    /// Route the work of the steps on namespace file `path` through createNetns/removeNetns.
    void adoptNetnsSteps(std::vector<Step> &steps, const std::string &path) const
    {
        for (Step &s : steps) {
            const std::string_view key = s.record.key;
            if (key == "net.netns.create") {
                s.apply = [this, path] { return createNetns(path); };
                s.rollback = [this, path] { return removeNetns(path); };
                s.record.setOp(std::string(s.record.op) + "; before the first file: mount --bind " +
                               str(netnsDir()) + " onto itself, MS_SHARED");
            } else if (key == "net.netns.delete") {
                s.apply = [this, path] { return removeNetns(path); };
            }
        }
    }
};

NetworkService::NetworkService(QString root, QString runRoot, ContainerStore &containers)
    : d(std::make_unique<Private>(std::move(root), std::move(runRoot), containers))
{}

NetworkService::~NetworkService() = default;

QString NetworkService::netnsDirectory() const
{
    return d->netnsDir();
}

QStringList NetworkService::warnings(const QString &networkMode, const QList<PortMapping> &ports)
{
    QStringList out;
    if (!ports.isEmpty() && networkMode == u"host"_s)
        out << u"Published ports are discarded when using host network mode"_s;
    else if (!ports.isEmpty() && networkMode == u"none"_s)
        out << u"Published ports are discarded when using the none network (loopback only)"_s;
    return out;
}

Status NetworkService::validate(const ContainerConfig &c)
{
    if (isHostOrNone(c.networkMode))
        return {};
    if (c.networkMode != kDefaultNetwork) {
        if (auto st = validateNetworkName(c.networkMode); !st)
            return fail(ErrorCode::NotFound, "network " + str(c.networkMode) + " not found");
        auto r = d->readRecord(c.networkMode);
        if (!r)
            return fail(ErrorCode::NotFound,
                        "network " + str(c.networkMode) +
                            " not found; see `koker network ls`, or create it with `koker "
                            "network create " +
                            str(c.networkMode) + "`");
    }
    auto ports = toRuntimePorts(c.ports);
    if (!ports)
        return std::unexpected(ports.error());
    if (auto st = d->checkPortConflicts(c.id, *ports); !st)
        return st;
    for (const net::PortMapping &p : *ports) {
        if (auto st = checkHostPortFree(p); !st)
            return st;
    }
    return {};
}

QByteArray NetworkService::hostsEntries(const QString &containerId)
{
    auto rec = d->containers.load(containerId);
    if (!rec)
        return {};
    const ContainerConfig &c = rec->config;
    if (isHostOrNone(c.networkMode))
        return "127.0.1.1\t" + c.hostname.toUtf8() + '\n';
    auto net = d->readRecord(c.networkMode);
    if (!net)
        return "127.0.1.1\t" + c.hostname.toUtf8() + '\n';
    return Private::hostsLines(containerId, d->endpointsOf(*net));
}

Result<std::vector<Step>> NetworkService::planAttach(const ContainerRecord &record,
                                                     LaunchSpec &spec)
{
    const ContainerConfig &c = record.config;
    const QString id = c.id;
    if (auto st = net::validateContainerId(str(id)); !st)
        return std::unexpected(st.error());
    if (isHostOrNone(c.networkMode)) {
        spec.netMode = c.networkMode == u"host"_s ? NetMode::Host : NetMode::Loopback;
        return std::vector<Step>{};
    }
    auto ports = toRuntimePorts(c.ports);
    if (!ports)
        return std::unexpected(ports.error());

    // Under the store's network lock: the default network is made at most once, and
    // the port check and the lease see every other container's lease, so two
    // containers starting at once can neither get one address nor one port.
    NetworkRecord network;
    Ipv4Address address;
    {
        auto lock = d->lockNetworks();
        if (!lock)
            return std::unexpected(lock.error());
        auto r =
            c.networkMode == kDefaultNetwork ? d->ensureDefault() : d->readRecord(c.networkMode);
        if (!r)
            return std::unexpected(r.error());
        network = *r;
        if (auto st = d->checkPortConflicts(id, *ports); !st)
            return std::unexpected(st.error());
        auto ipam = d->openIpam(network);
        if (!ipam)
            return std::unexpected(ipam.error());
        // Leased now, while the plan is built, so the plan shows the real address;
        // the lease step confirms it and its rollback gives it back.
        auto ip = ipam->allocate(str(id));
        if (!ip)
            return std::unexpected(ip.error());
        address = *ip;
    }

    NetSteps::Network n = d->stepsNetwork(network);
    NetSteps::Attachment a;
    a.containerId = str(id);
    a.netnsPath = d->netnsPath(id);
    a.hostVeth = net::hostVethName(a.containerId).value_or(std::string());
    a.address = address;
    a.ports = *ports;

    std::vector<Step> steps;
    // Leftovers of an earlier run of this container (its cleanup failed or has
    // not run yet): the container is not running, so they are stale. Without
    // this the namespace file or the veth name would be taken.
    {
        struct stat st
        {};
        bool nsLeft = ::lstat(a.netnsPath.c_str(), &st) == 0;
        bool vethLeft = false;
        if (auto nl = Netlink::open(); nl)
            vethLeft = nl->linkExists(a.hostVeth).value_or(false);
        if (nsLeft || vethLeft) {
            IptablesNat nat;
            steps.push_back(
                NetSteps::iptablesRemoveByComment(nat, IptRule::containerComment(a.containerId)));
            steps.push_back(NetSteps::linkDelete(a.hostVeth));
            steps.push_back(NetSteps::netnsDelete(a.netnsPath));
        }
    }
    std::vector<Step> setup = NetSteps::containerSetup(n, a);
    // The lease step first: a failure while the bridge is being made then gives the
    // address back. Its rollback also takes the container out of the neighbours'
    // /etc/hosts again.
    Step lease = std::move(setup.front());
    setup.erase(setup.begin());
    {
        auto release = lease.rollback;
        lease.rollback = [release, p = d.get(), network, id]() -> Status {
            Status st = release();
            (void)p->refreshHosts(network);
            QMutexLocker locker(&p->mutex);
            p->pending.remove(id);
            return st;
        };
    }
    steps.push_back(std::move(lease));
    for (Step &s : d->ensureNetworkSteps(network, !ports->empty()))
        steps.push_back(std::move(s));
    for (Step &s : setup)
        steps.push_back(std::move(s));
    steps.push_back(d->hostsStep(network, c.name, true));
    d->adoptNetnsSteps(steps, a.netnsPath);

    spec.netMode = NetMode::Path;
    spec.netnsPath = a.netnsPath;
    QMutexLocker locker(&d->mutex);
    d->pending.insert(id, Private::Pending{network, address, a.hostVeth, a.netnsPath});
    return steps;
}

void NetworkService::recordAttached(ContainerRecord &record)
{
    const ContainerConfig &c = record.config;
    QJsonObject out{{u"Network"_s, c.networkMode}};
    if (isHostOrNone(c.networkMode)) {
        record.state.network = out;
        return;
    }
    Private::Pending p;
    {
        QMutexLocker locker(&d->mutex);
        auto it = d->pending.find(c.id);
        if (it != d->pending.end()) {
            p = *it;
            d->pending.erase(it);
        } else {
            auto net = d->readRecord(c.networkMode);
            if (!net)
                return;
            p.network = *net;
            auto ipam = d->openIpam(*net);
            auto held = ipam ? ipam->lookup(str(c.id))
                             : Result<std::optional<Ipv4Address>>(std::unexpected(ipam.error()));
            if (!held || !held->has_value())
                return;
            p.address = **held;
            p.hostVeth = net::hostVethName(str(c.id)).value_or(std::string());
            p.netnsPath = d->netnsPath(c.id);
        }
    }
    auto subnet = Ipv4Cidr::parseNetwork(str(p.network.subnet));
    QJsonArray ports;
    for (const PortMapping &m : c.ports)
        ports.append(m.toString());
    out.insert(u"NetworkID"_s, p.network.id);
    out.insert(u"IPAddress"_s, qs(p.address.toString()));
    out.insert(u"IPPrefixLen"_s, subnet ? subnet->prefix() : 0);
    out.insert(u"Gateway"_s, p.network.gateway);
    out.insert(u"MacAddress"_s, qs(net::macForAddress(p.address)));
    out.insert(u"HostVeth"_s, qs(p.hostVeth));
    out.insert(u"Bridge"_s, p.network.bridge);
    out.insert(u"SandboxKey"_s, qs(p.netnsPath));
    out.insert(u"Ports"_s, ports);
    record.state.network = out;
}

std::vector<Step> NetworkService::planDetach(const ContainerRecord &record)
{
    const ContainerConfig &c = record.config;
    {
        QMutexLocker locker(&d->mutex);
        d->pending.remove(c.id);
    }
    if (isHostOrNone(c.networkMode))
        return {};
    QList<NetworkRecord> networks;
    if (auto r = d->readRecord(c.networkMode); r)
        networks << *r;
    return d->detachSteps(c.id, c.name, networks);
}

QJsonObject NetworkService::inspect(const ContainerRecord &r)
{
    const ContainerConfig &c = r.config;
    const bool running = r.state.status == ContainerStatus::Running;
    QJsonObject out{{u"NetworkMode"_s, c.networkMode}};
    if (isHostOrNone(c.networkMode)) {
        out.insert(
            u"Networks"_s,
            QJsonObject{{c.networkMode, QJsonObject{{u"NetworkID"_s, builtinId(c.networkMode)}}}});
        out.insert(u"Ports"_s, QJsonObject{});
        return out;
    }
    const QJsonObject st = running ? r.state.network : QJsonObject{};
    auto net = d->readRecord(c.networkMode);
    QJsonObject endpoint{
        {u"NetworkID"_s, net ? net->id : QString()},
        {u"IPAddress"_s, st.value(u"IPAddress"_s).toString()},
        {u"IPPrefixLen"_s, st.value(u"IPPrefixLen"_s).toInt()},
        {u"Gateway"_s, st.value(u"Gateway"_s).toString()},
        {u"MacAddress"_s, st.value(u"MacAddress"_s).toString()},
    };
    out.insert(u"Networks"_s, QJsonObject{{c.networkMode, endpoint}});
    // Docker's top-level copies of the default network's endpoint.
    for (const char16_t *k : {u"IPAddress", u"IPPrefixLen", u"Gateway", u"MacAddress"})
        out.insert(QString::fromUtf16(k), endpoint.value(QString::fromUtf16(k)));
    out.insert(u"Bridge"_s, net ? net->bridge : QString());
    out.insert(u"HostVeth"_s, running ? st.value(u"HostVeth"_s).toString() : QString());
    out.insert(u"SandboxKey"_s, running ? st.value(u"SandboxKey"_s).toString() : QString());
    out.insert(u"Ports"_s, running ? portsObject(c.ports) : QJsonObject{});
    // The rules as `iptables-legacy -S` prints them, read from the kernel: what is
    // really there, not what we meant to write.
    QJsonArray rules;
    IptablesNat nat;
    if (auto own = nat.listOwnRules(); own) {
        const std::string comment = IptRule::containerComment(str(c.id));
        for (const IptRule &rule : *own) {
            if (rule.comment == comment)
                rules.append(QString(u"-t "_s + QLatin1StringView(net::iptTableName(rule.table)) +
                                     u' ' + qs(rule.saveLine())));
        }
    }
    out.insert(u"IptablesRules"_s, rules);
    return out;
}

void NetworkService::reconcile(const QSet<QString> &running)
{
    const QList<NetworkRecord> networks = d->records();

    // Candidates: whoever holds a lease or a namespace file without running.
    std::map<QString, QList<NetworkRecord>> stale;
    for (const NetworkRecord &r : networks) {
        if (!QFile::exists(d->networkDir(r.name) + u"/leases"_s))
            continue;
        auto ipam = d->openIpam(r);
        if (!ipam)
            continue;
        auto leases = ipam->leases();
        if (!leases)
            continue;
        for (const auto &[id, ip] : *leases) {
            if (!running.contains(qs(id)))
                stale[qs(id)] << r;
        }
    }
    const QStringList files = QDir(d->netnsDir()).entryList(QDir::Files | QDir::System);
    for (const QString &id : files) {
        if (!running.contains(id) && net::validateContainerId(str(id)))
            stale[id];
    }
    // Host veths plugged into one of our bridges whose container is not running. The
    // kernel lists a bridge's ports in /sys/class/net/<bridge>/brif (what `brctl
    // show` reads): one small directory per bridge instead of a netlink dump (and
    // libnl's cache) of every link of the host, on every command.
    QStringList orphanVeths;
    for (const NetworkRecord &r : networks) {
        if (!r.isBridge() || !net::validateInterfaceName(str(r.bridge)))
            continue;
        const QStringList ports =
            QDir(u"/sys/class/net/"_s + r.bridge + u"/brif"_s)
                .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
        for (const QString &port : ports) {
            // Ours are "kk" + the first 12 hex digits of a container id (hostVethName).
            if (!port.startsWith(QLatin1StringView(net::kHostVethPrefix)))
                continue;
            const QString prefix = port.mid(qsizetype(net::kHostVethPrefix.size()));
            if (prefix.size() != 12 || !isLowerHex(prefix))
                continue;
            auto live = std::find_if(running.begin(), running.end(),
                                     [&](const QString &id) { return id.startsWith(prefix); });
            if (live != running.end())
                continue;
            auto known = std::find_if(stale.begin(), stale.end(),
                                      [&](const auto &e) { return e.first.startsWith(prefix); });
            if (known != stale.end())
                continue;
            QStringList dirs = d->containers.ids();
            dirs.removeIf([&](const QString &id) { return !id.startsWith(prefix); });
            if (dirs.size() == 1)
                stale[dirs.first()];
            else
                orphanVeths << port;
        }
    }
    for (auto &[id, held] : stale) {
        // A container someone is working on (starting, removing) is theirs; a
        // container that runs after all (it started since the caller looked) keeps
        // everything. Without a directory it is gone: clean up unlocked.
        const QString dir = d->containers.containerDir(id);
        std::optional<FileLock> lock;
        QString name = id.left(12);
        QList<NetworkRecord> nets = held;
        if (QFileInfo::exists(dir)) {
            auto l = d->containers.tryLockContainer(id);
            if (!l && l.error().code == ErrorCode::Busy)
                continue;
            if (l)
                lock.emplace(std::move(*l));
            auto rec = d->containers.load(id);
            if (rec) {
                if (rec->state.status == ContainerStatus::Running)
                    continue;
                name = rec->config.name;
                if (!isHostOrNone(rec->config.networkMode) && nets.isEmpty()) {
                    if (auto r = d->readRecord(rec->config.networkMode); r)
                        nets << *r;
                }
            }
        }
        std::vector<Step> steps = d->detachSteps(id, name, nets);
        for (Step &s : steps)
            s.record.phase = Phase::Cleanup;
        QList<StepRecord> recorded;
        (void)runAll(steps, {}, &recorded);
        if (lock && !recorded.isEmpty())
            d->containers.appendSteps(id, u"reconcile"_s, recorded);
    }
    for (const QString &veth : orphanVeths) {
        std::vector<Step> steps{NetSteps::linkDelete(str(veth))};
        (void)runAll(steps, {});
    }
}

Result<QList<NetworkRecord>> NetworkService::list()
{
    {
        auto lock = d->lockNetworks();
        if (!lock)
            return std::unexpected(lock.error());
        if (auto r = d->ensureDefault(); !r)
            return std::unexpected(r.error());
    }
    QList<NetworkRecord> out = d->records();
    std::stable_sort(out.begin(), out.end(), [](const NetworkRecord &a, const NetworkRecord &b) {
        return a.isDefault > b.isDefault;
    });
    out << builtinNetwork(u"host"_s) << builtinNetwork(u"none"_s);
    return out;
}

Result<NetworkRecord> NetworkService::get(const QString &nameOrId)
{
    if (isHostOrNone(nameOrId))
        return builtinNetwork(nameOrId);
    if (nameOrId == kDefaultNetwork)
        return d->networkFor(kDefaultNetwork);
    if (auto r = d->readRecord(nameOrId); r || r.error().code != ErrorCode::NotFound)
        return r;
    // An id or a unique prefix of one, as docker accepts.
    static const QRegularExpression hex(u"^[0-9a-f]{1,64}$"_s);
    if (hex.match(nameOrId).hasMatch()) {
        auto all = list();
        if (!all)
            return std::unexpected(all.error());
        QList<NetworkRecord> found;
        for (const NetworkRecord &r : *all) {
            if (r.id.startsWith(nameOrId))
                found << r;
        }
        if (found.size() == 1)
            return found.first();
        if (found.size() > 1)
            return fail(ErrorCode::InvalidArgument,
                        "network id prefix " + str(nameOrId) + " is ambiguous");
    }
    return fail(ErrorCode::NotFound, "network " + str(nameOrId) + " not found");
}

Result<QList<NetworkEndpoint>> NetworkService::endpoints(const NetworkRecord &network)
{
    if (!network.isBridge())
        return QList<NetworkEndpoint>{};
    return d->endpointsOf(network);
}

Result<NetworkRecord> NetworkService::create(const QString &name, const QString &subnetText,
                                             const StepObserver &observer)
{
    if (auto st = validateNetworkName(name); !st)
        return std::unexpected(st.error());
    if (name == kDefaultNetwork || isHostOrNone(name) || name == u"default"_s)
        return fail(ErrorCode::AlreadyExists,
                    "network with name " + str(name) + " already exists (it is predefined)");
    auto lock = d->lockNetworks();
    if (!lock)
        return std::unexpected(lock.error());
    if (QFileInfo::exists(d->networkDir(name)))
        return fail(ErrorCode::AlreadyExists, "network with name " + str(name) + " already exists");
    auto used = d->subnetsInUse();
    if (!used)
        return std::unexpected(used.error());
    Ipv4Cidr subnet;
    if (!subnetText.isEmpty()) {
        auto s = Ipv4Cidr::parse(str(subnetText));
        if (!s)
            return std::unexpected(s.error());
        if (auto st = Ipam::validateSubnet(*s, *used); !st)
            return std::unexpected(st.error());
        subnet = *s;
    } else {
        auto s = Ipam::chooseSubnet(*used);
        if (!s)
            return std::unexpected(s.error());
        subnet = *s;
    }
    NetworkRecord r;
    r.id = randomId();
    r.name = name;
    r.bridge = u"kk-"_s + r.id.left(12);
    r.subnet = qs(subnet.toString());
    r.gateway = qs(Ipv4Address(subnet.network().value() + 1).toString());
    r.mtu = uplinkMtu();
    r.created = QDateTime::currentDateTimeUtc();
    // The record first: a crash while the bridge is being made leaves a network
    // whose first container finishes the job, never a bridge nobody knows.
    if (auto st = d->writeRecord(r); !st)
        return std::unexpected(st.error());
    if (auto ipam = d->openIpam(r); !ipam) {
        (void)fs::removeTree(str(d->networkDir(name)));
        return std::unexpected(ipam.error());
    }
    Plan plan;
    for (Step &s : NetSteps::networkSetup(d->stepsNetwork(r)))
        plan.add(std::move(s));
    if (auto st = plan.run(observer); !st) {
        (void)fs::removeTree(str(d->networkDir(name)));
        return std::unexpected(st.error());
    }
    return r;
}

Status NetworkService::remove(const QString &nameOrId, const StepObserver &observer)
{
    auto found = get(nameOrId);
    if (!found)
        return std::unexpected(found.error());
    const NetworkRecord r = *found;
    if (r.isDefault || !r.isBridge())
        return fail(ErrorCode::InvalidArgument,
                    str(r.name) + " is a pre-defined network and cannot be removed");
    auto lock = d->lockNetworks();
    if (!lock)
        return std::unexpected(lock.error());
    QStringList users;
    for (const NetworkEndpoint &e : d->endpointsOf(r))
        users << e.name;
    if (!users.isEmpty())
        return fail(ErrorCode::Busy, "network " + str(r.name) + " is in use by container(s) " +
                                         str(users.join(u", "_s)) + "; stop or remove them first");
    std::vector<Step> steps = NetSteps::networkTeardown(d->stepsNetwork(r));
    const QString dir = d->networkDir(r.name);
    steps.push_back(
        makeStep("net.network.remove", "Forget the network " + str(r.name),
                 "unlinkat(...) for network.json, leases and locks under \"" + str(dir) + "\"",
                 "rm -r " + shellQuote(str(dir)), [dir] { return fs::removeTree(str(dir)); }));
    for (Step &s : steps)
        s.record.phase = Phase::Cleanup;
    return runAll(steps, observer);
}

Result<QJsonObject> NetworkService::inspectNetwork(const QString &nameOrId)
{
    auto found = get(nameOrId);
    if (!found)
        return std::unexpected(found.error());
    const NetworkRecord &r = *found;
    QJsonObject containers;
    if (r.isBridge()) {
        for (const NetworkEndpoint &e : d->endpointsOf(r))
            containers.insert(e.containerId, QJsonObject{{u"Name"_s, e.name},
                                                         {u"IPv4Address"_s,
                                                          QString(e.ipAddress + u'/' +
                                                                  QString::number(e.prefixLength))},
                                                         {u"MacAddress"_s, e.macAddress},
                                                         {u"HostVeth"_s, e.hostVeth}});
    } else {
        // host and none: every running container in that mode.
        if (auto all = d->containers.list(); all) {
            for (const ContainerRecord &c : *all) {
                if (c.config.networkMode == r.name && c.state.status == ContainerStatus::Running)
                    containers.insert(c.config.id, QJsonObject{{u"Name"_s, c.config.name}});
            }
        }
    }
    QJsonObject doc{
        {u"Name"_s, r.name},
        {u"Id"_s, r.id},
        {u"Created"_s, r.created.toString(Qt::ISODateWithMs)},
        {u"Scope"_s, u"local"_s},
        {u"Driver"_s, r.driver},
        {u"Containers"_s, containers},
    };
    if (r.isBridge()) {
        doc.insert(u"IPAM"_s,
                   QJsonObject{{u"Driver"_s, u"koker"_s},
                               {u"Config"_s, QJsonArray{QJsonObject{{u"Subnet"_s, r.subnet},
                                                                    {u"Gateway"_s, r.gateway}}}},
                               {u"LeaseFile"_s, QString(d->networkDir(r.name) + u"/leases"_s)}});
        doc.insert(u"Options"_s,
                   QJsonObject{{u"BridgeDevice"_s, r.bridge}, {u"MTU"_s, QString::number(r.mtu)}});
        QJsonArray rules;
        IptablesNat nat;
        if (auto own = nat.listOwnRules(); own) {
            const std::string comment = IptRule::networkComment(str(r.bridge));
            for (const IptRule &rule : *own) {
                if (rule.comment == comment)
                    rules.append(QString(u"-t "_s +
                                         QLatin1StringView(net::iptTableName(rule.table)) + u' ' +
                                         qs(rule.saveLine())));
            }
        }
        doc.insert(u"IptablesRules"_s, rules);
    }
    return doc;
}

} // namespace koker
