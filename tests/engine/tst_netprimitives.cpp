// Networking primitives against the real kernel (root): network namespace files,
// a bridge with two containers' veth pairs built by the step factories, pings
// between the namespaces, a busybox httpd in one namespace published through
// DNAT and fetched from the host on 127.0.0.1 and on the bridge address, the
// rules as `iptables-legacy -S` shows them, rollback of a failed plan, a
// teardown that leaves nothing behind, and parallel rule changes under the
// xtables lock.
//
// Safety: every name carries a random suffix, the subnet is a 10.231.x.0/24
// checked to be unused, traffic goes only to 127.0.0.0/8 and into namespaces this
// test created, and cleanupTestCase removes everything even after a failure.

#include "runtime/ipam.h"
#include "runtime/iptables.h"
#include "runtime/netlink.h"
#include "runtime/netnames.h"
#include "runtime/netnamespace.h"
#include "runtime/netsteps.h"
#include "runtime/netsysctl.h"
#include "runtime/plan.h"
#include "testsupport.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <netinet/in.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using koker::ErrorCode;
using koker::Plan;
using koker::Status;
using koker::Step;
using koker::StepRecord;
using koker::StepState;
using namespace koker::net;
using koker::test::ProcessResult;
using koker::test::run;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString describe(const koker::Status &st)
{
    return st ? QString() : qs(st.error().describe());
}

QString out(const ProcessResult &r)
{
    return QString::fromUtf8(r.out + r.err);
}

// Linux only picks these up when a variable names a proxy; make sure none does.
ProcessResult runNoProxy(const QStringList &args, int timeoutMs = 30000)
{
    return run(
        u"env"_s,
        QStringList{u"-u"_s, u"http_proxy"_s, u"-u"_s, u"HTTP_PROXY"_s, u"-u"_s, u"all_proxy"_s} +
            args,
        {}, timeoutMs);
}

bool tcpPortFree(int port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(uint16_t(port));
    sa.sin_addr.s_addr = htonl(INADDR_ANY);
    bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0;
    ::close(fd);
    return ok;
}

std::string netnsInode(pid_t tid)
{
    char buf[64] = {};
    std::string p = "/proc/self/task/" + std::to_string(tid) + "/ns/net";
    ssize_t n = ::readlink(p.c_str(), buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

} // namespace

class TestNetPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void namespaceFiles();
    void netlinkBasics();
    void setUpNetworkAndContainers();
    void ping_data();
    void ping();
    void publishedPort_data();
    void publishedPort();
    void rulesAsIptablesShowsThem();
    void rulesAreIdempotent();
    void rulesOfGoneBridgesAreSwept();
    void rollbackOnFailure();
    void teardownLeavesNothing();
    void parallelRuleChanges();

private:
    std::string nsPath(const std::string &name) const { return m_nsDir + "/" + name; }
    NetSteps::Attachment attachment(const std::string &id, int port) const;
    Status runPlan(std::vector<Step> steps, std::vector<StepRecord> *records = nullptr);
    void cleanUpEverything();
    QString legacySave(const char *table) const;

    bool m_root = false;
    QString m_suffix;
    QTemporaryDir m_dir;
    std::string m_nsDir;
    bool m_nsDirPrepared = false;
    Ipv4Cidr m_subnet;
    NetSteps::Network m_net;
    NetSteps::Attachment m_a;
    NetSteps::Attachment m_b;
    IptablesNat m_nat;
    int m_port = 0;
    bool m_ready = false;
    QProcess *m_httpd = nullptr;
    std::string m_oldIpForward;
};

NetSteps::Attachment TestNetPrimitives::attachment(const std::string &id, int port) const
{
    NetSteps::Attachment a;
    a.containerId = id;
    a.netnsPath = nsPath(id);
    a.hostVeth = *hostVethName(id);
    if (port)
        a.ports.push_back(*PortMapping::parse(std::to_string(port) + ":80/tcp"));
    return a;
}

Status TestNetPrimitives::runPlan(std::vector<Step> steps, std::vector<StepRecord> *records)
{
    Plan plan;
    for (Step &s : steps)
        plan.add(std::move(s));
    return plan.run([&](const StepRecord &r) {
        if (records)
            records->push_back(r);
    });
}

QString TestNetPrimitives::legacySave(const char *table) const
{
    ProcessResult r =
        run(u"iptables-legacy"_s, {u"-w"_s, u"30"_s, u"-t"_s, QString::fromLatin1(table), u"-S"_s});
    return QString::fromUtf8(r.out);
}

void TestNetPrimitives::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root (CI runs the engine tier as root)");
    m_root = true;
    QVERIFY(m_dir.isValid());
    m_suffix = QString::number(QRandomGenerator::system()->bounded(0x100000, 0xFFFFFF), 16);
    m_nsDir = m_dir.path().toStdString() + "/netns";

    // A 10.231.x.0/24 nobody on this host uses: not routed, no address in it.
    auto nl = Netlink::open();
    QVERIFY2(nl, qPrintable(qs(nl ? "" : nl.error().describe())));
    auto inUse = nl->networksInUse();
    QVERIFY(inUse);
    int start = int(QRandomGenerator::system()->bounded(256));
    for (int i = 0; i < 256 && m_subnet.prefix() == 0; ++i) {
        Ipv4Cidr c(Ipv4Address(10, 231, uint8_t((start + i) % 256), 0), 24);
        if (Ipam::validateSubnet(c, *inUse))
            m_subnet = c;
    }
    QVERIFY2(m_subnet.prefix() == 24, "no free 10.231.x.0/24 on this host");

    m_net.bridge = "kkbr" + m_suffix.toStdString();
    m_net.subnet = m_subnet;
    m_net.gateway = Ipv4Address(m_subnet.network().value() + 1);
    m_net.mtu = 1500;
    m_net.ipamDirectory = m_dir.path().toStdString() + "/ipam";

    // A high port no host service listens on: the DNAT rule shadows it meanwhile.
    for (int i = 0; i < 100 && !m_port; ++i) {
        int p = int(QRandomGenerator::system()->bounded(20000, 60000));
        if (tcpPortFree(p))
            m_port = p;
    }
    QVERIFY(m_port);
    m_a = attachment("a" + m_suffix.toStdString(), 0);
    m_b = attachment("b" + m_suffix.toStdString(), m_port);

    auto fwd = readSysctl("net.ipv4.ip_forward");
    QVERIFY(fwd);
    m_oldIpForward = *fwd;
    qInfo("suffix %s, subnet %s, bridge %s, port %d", qPrintable(m_suffix),
          m_subnet.toString().c_str(), m_net.bridge.c_str(), m_port);
}

void TestNetPrimitives::cleanUpEverything()
{
    if (m_httpd) {
        m_httpd->kill();
        m_httpd->waitForFinished(5000);
        delete m_httpd;
        m_httpd = nullptr;
    }
    std::string s = m_suffix.toStdString();
    for (const auto *a : {&m_a, &m_b}) {
        if (!a->containerId.empty())
            (void)m_nat.removeByComment(IptRule::containerComment(a->containerId));
    }
    (void)m_nat.removeByComment(IptRule::containerComment("c" + s));
    (void)m_nat.removeByComment(IptRule::networkComment(m_net.bridge));
    for (int i = 0; i < 20; ++i) {
        (void)m_nat.removeByComment("koker:par" + s + "-" + std::to_string(i));
        (void)m_nat.removeByComment("koker:keep" + s + "-" + std::to_string(i));
    }
    (void)m_nat.removeByComment("koker:ext" + s);
    if (auto nl = Netlink::open()) {
        for (const std::string &name : {m_a.hostVeth, m_b.hostVeth, *hostVethName("c" + s),
                                        m_net.bridge, "kkt" + s, "kkv" + s, "kkm" + s}) {
            if (!name.empty())
                (void)nl->deleteLink(name);
        }
    }
    QDir nsDir(qs(m_nsDir));
    for (const QString &f : nsDir.entryList(QDir::Files | QDir::System | QDir::Hidden))
        (void)NetNamespace::remove(m_nsDir + "/" + f.toStdString());
    if (m_nsDirPrepared) {
        ::umount2(m_nsDir.c_str(), MNT_DETACH);
        m_nsDirPrepared = false;
    }
    if (!m_oldIpForward.empty())
        (void)writeSysctl("net.ipv4.ip_forward", m_oldIpForward);
}

void TestNetPrimitives::cleanupTestCase()
{
    if (!m_root)
        return;
    cleanUpEverything();
}

void TestNetPrimitives::namespaceFiles()
{
    QVERIFY2(NetNamespace::prepareDirectory(m_nsDir), "prepare the netns directory");
    m_nsDirPrepared = true;
    QVERIFY(NetNamespace::prepareDirectory(m_nsDir)); // idempotent
    QVERIFY2(koker::test::mountsUnder(qs(m_nsDir)).size() >= 1, "the directory is a mount point");

    std::string probe = nsPath("probe" + m_suffix.toStdString());
    QVERIFY2(NetNamespace::create(probe), "create");
    auto again = NetNamespace::create(probe);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);

    auto fd = NetNamespace::open(probe);
    QVERIFY2(fd, qPrintable(qs(fd ? "" : fd.error().describe())));
    std::string callerNs = netnsInode(::gettid());
    std::string insideNs;
    std::vector<Netlink::Link> insideLinks;
    Status st = NetNamespace::runIn(fd->get(), [&]() -> Status {
        insideNs = netnsInode(::gettid());
        auto nl = Netlink::open();
        if (!nl)
            return std::unexpected(nl.error());
        auto links = nl->links();
        if (!links)
            return std::unexpected(links.error());
        insideLinks = *links;
        return {};
    });
    QVERIFY2(st, qPrintable(describe(st)));
    QVERIFY(!insideNs.empty());
    QVERIFY2(insideNs != callerNs, "the helper thread entered another namespace");
    QCOMPARE(netnsInode(::gettid()), callerNs); // the calling thread never moved
    QCOMPARE(insideLinks.size(), size_t(1));    // a new namespace has only lo
    QCOMPARE(qs(insideLinks[0].name), u"lo"_s);

    // The file is usable by the usual tools, too.
    ProcessResult r = run(u"nsenter"_s, {u"--net="_s + qs(probe), u"ip"_s, u"-o"_s, u"link"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(out(r).contains(u"lo:"_s) && !out(r).contains(u"eth0"_s), qPrintable(out(r)));

    // A failing function reports its error through runIn.
    Status failing = NetNamespace::runIn(probe, [] { return koker::fail(ErrorCode::Busy, "x"); });
    QVERIFY(!failing);
    QCOMPARE(failing.error().code, ErrorCode::Busy);

    fd->reset();
    QVERIFY(NetNamespace::remove(probe));
    QVERIFY(!QFile::exists(qs(probe)));
    QVERIFY(NetNamespace::remove(probe)); // idempotent
    auto gone = NetNamespace::open(probe);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);

    // A plain file (what a crash between create and mount leaves) is not a namespace.
    std::string plain = nsPath("plain" + m_suffix.toStdString());
    QFile f(qs(plain));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    auto notNs = NetNamespace::open(plain);
    QVERIFY(!notNs);
    QVERIFY2(qs(notNs.error().message).contains(u"not a mounted network namespace"_s),
             qPrintable(qs(notNs.error().message)));
    QVERIFY(NetNamespace::remove(plain));
    QVERIFY(!QFile::exists(qs(plain)));
}

void TestNetPrimitives::netlinkBasics()
{
    std::string s = m_suffix.toStdString();
    auto nl = Netlink::open();
    QVERIFY(nl);
    std::string bridge = "kkt" + s;
    QCOMPARE(*nl->linkExists(bridge), false);
    QVERIFY(nl->deleteLink(bridge)); // ENODEV = already gone = success
    Status st = nl->createBridge(bridge, 1400);
    QVERIFY2(st, qPrintable(describe(st)));
    auto dup = nl->createBridge(bridge, 1400);
    QVERIFY(!dup);
    QCOMPARE(dup.error().code, ErrorCode::AlreadyExists);
    auto link = nl->link(bridge);
    QVERIFY(link);
    QCOMPARE(qs(link->kind), u"bridge"_s);
    QCOMPARE(link->mtu, 1400u);
    QVERIFY(!link->up);
    QVERIFY(nl->setUp(bridge));
    QVERIFY(nl->link(bridge)->up);
    QVERIFY(nl->setUp(bridge, false));
    QVERIFY(!nl->link(bridge)->up);

    // The other way to build a container's side: a veth made in the host, its
    // peer moved into the namespace and renamed there (all as steps).
    std::string ns = nsPath("m" + s);
    std::string veth = "kkv" + s;
    std::string peer = "kkm" + s;
    std::vector<StepRecord> records;
    Status planned =
        runPlan({NetSteps::netnsCreate(ns), NetSteps::vethCreate(veth, peer, {}, 1500),
                 NetSteps::linkMaster(veth, bridge), NetSteps::linkMoveToNetns(peer, ns),
                 NetSteps::linkRename(peer, "eth1", ns),
                 NetSteps::linkMac("eth1", "02:42:0a:01:02:03", ns)},
                &records);
    QVERIFY2(planned, qPrintable(describe(planned)));
    QCOMPARE(*nl->linkExists(peer), false);
    QCOMPARE(nl->link(veth)->masterIndex, nl->link(bridge)->index);
    auto inside = Netlink::openIn(ns);
    QVERIFY(inside);
    auto eth1 = inside->link("eth1");
    QVERIFY2(eth1, "renamed inside the namespace");
    QCOMPARE(qs(eth1->kind), u"veth"_s);
    QCOMPARE(qs(eth1->mac), u"02:42:0a:01:02:03"_s);
    QCOMPARE(*inside->linkExists(peer), false);

    // Un-plug and delete; deleting one end removes the pair, and twice is fine.
    QVERIFY(nl->setMaster(veth, {}));
    QCOMPARE(nl->link(veth)->masterIndex, 0);
    QVERIFY(nl->deleteLink(veth));
    QCOMPARE(*nl->linkExists(veth), false);
    QCOMPARE(*inside->linkExists("eth1"), false);
    QVERIFY(nl->deleteLink(veth));
    QVERIFY(NetNamespace::remove(ns));
    QVERIFY(nl->deleteLink(bridge));
    QCOMPARE(*nl->linkExists(bridge), false);

    // Names the kernel would refuse are refused before any request.
    auto bad = nl->createBridge("this-name-is-too-long", 0);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
}

void TestNetPrimitives::setUpNetworkAndContainers()
{
    std::vector<StepRecord> records;
    Status st = runPlan(NetSteps::networkSetup(m_net), &records);
    QVERIFY2(st, qPrintable(describe(st)));

    auto ipam = Ipam::open(m_net.ipamDirectory, m_net.subnet);
    QVERIFY(ipam);
    QCOMPARE(ipam->gateway(), m_net.gateway);
    for (NetSteps::Attachment *a : {&m_a, &m_b}) {
        // Plan time: the address the plan will show is the lowest free one.
        auto next = ipam->nextFree();
        QVERIFY(next);
        a->address = *next;
        Status c = runPlan(NetSteps::containerSetup(m_net, *a), &records);
        QVERIFY2(c, qPrintable(describe(c)));
    }
    QCOMPARE(m_a.address.value(), m_subnet.network().value() + 2);
    QCOMPARE(m_b.address.value(), m_subnet.network().value() + 3);
    QCOMPARE(ipam->leases()->size(), size_t(2));

    // Every step is a Network step with a key, a title, an op and a command.
    for (const StepRecord &r : records) {
        QCOMPARE(r.phase, koker::Phase::Network);
        QVERIFY(std::string_view(r.key).starts_with("net."));
        QVERIFY(r.title[0] && r.op[0] && r.shell[0]);
    }
    auto veth = std::find_if(records.begin(), records.end(), [&](const StepRecord &r) {
        return std::string_view(r.key) == "net.link.veth" && r.state == StepState::Done &&
               std::string_view(r.op).find(m_b.hostVeth) != std::string_view::npos;
    });
    QVERIFY(veth != records.end());
    QCOMPARE(QString::fromLatin1(veth->op),
             u"RTM_NEWLINK ifname="_s + qs(m_b.hostVeth) +
                 u" mtu=1500 linkinfo=(kind=veth peer=(ifname=eth0 mtu=1500 netns=fd("_s +
                 qs(m_b.netnsPath) + u"))) flags=NLM_F_CREATE|NLM_F_EXCL"_s);
    QCOMPARE(QString::fromLatin1(veth->shell),
             u"ip link add "_s + qs(m_b.hostVeth) +
                 u" mtu 1500 type veth peer name eth0 mtu 1500 netns "_s + qs(m_b.netnsPath));

    // Host side: bridge up with the gateway address, veths plugged in and up.
    auto nl = Netlink::open();
    QVERIFY(nl);
    auto bridge = nl->link(m_net.bridge);
    QVERIFY(bridge && bridge->up);
    bool hasGateway = false;
    auto hostAddrs = nl->ipv4Addresses();
    QVERIFY(hostAddrs);
    for (const auto &a : *hostAddrs)
        hasGateway |=
            a.interface == m_net.bridge && a.address == Ipv4Cidr(m_net.gateway, m_subnet.prefix());
    QVERIFY(hasGateway);
    QCOMPARE(*readSysctl(interfaceSysctlKey(m_net.bridge, "route_localnet")), std::string("1"));
    QCOMPARE(*readSysctl("net.ipv4.ip_forward"), std::string("1"));
    for (const auto *a : {&m_a, &m_b}) {
        auto l = nl->link(a->hostVeth);
        QVERIFY(l);
        QVERIFY(l->up);
        QCOMPARE(l->masterIndex, bridge->index);
        QCOMPARE(qs(l->kind), u"veth"_s);
    }

    // Container side, through a socket opened inside each namespace.
    for (const auto *a : {&m_a, &m_b}) {
        auto in = Netlink::openIn(a->netnsPath);
        QVERIFY(in);
        auto eth0 = in->link("eth0");
        QVERIFY(eth0 && eth0->up);
        QCOMPARE(qs(eth0->mac), qs(macForAddress(a->address)));
        QVERIFY(in->link("lo")->up);
        auto addrs = in->ipv4Addresses();
        QVERIFY(addrs);
        bool own = false;
        for (const auto &x : *addrs)
            own |= x.interface == "eth0" && x.address == Ipv4Cidr(a->address, 24);
        QVERIFY(own);
        bool defaultRoute = false;
        auto routes = in->ipv4Routes();
        QVERIFY(routes);
        for (const auto &r : *routes)
            defaultRoute |=
                r.destination.prefix() == 0 && r.gateway == m_net.gateway && r.interface == "eth0";
        QVERIFY(defaultRoute);
        // And the same as `ip route` sees it.
        ProcessResult r =
            run(u"nsenter"_s, {u"--net="_s + qs(a->netnsPath), u"ip"_s, u"-4"_s, u"route"_s});
        QVERIFY2(out(r).contains(u"default via "_s + qs(m_net.gateway.toString()) + u" dev eth0"_s),
                 qPrintable(out(r)));
    }
    m_ready = true;
}

void TestNetPrimitives::ping_data()
{
    QTest::addColumn<int>("from");   // 0 = a, 1 = b
    QTest::addColumn<QString>("to"); // "a", "b" or "gateway"
    QTest::newRow("a to b") << 0 << u"b"_s;
    QTest::newRow("b to a") << 1 << u"a"_s;
    QTest::newRow("a to the gateway") << 0 << u"gateway"_s;
    QTest::newRow("b to the gateway") << 1 << u"gateway"_s;
}

void TestNetPrimitives::ping()
{
    if (!m_ready)
        QSKIP("the network was not set up");
    QFETCH(int, from);
    QFETCH(QString, to);
    const NetSteps::Attachment &src = from == 0 ? m_a : m_b;
    Ipv4Address target = to == u"a"_s ? m_a.address : to == u"b"_s ? m_b.address : m_net.gateway;
    ProcessResult r;
    // A few tries: the first echo may race neighbour discovery on a fresh link.
    for (int attempt = 0; attempt < 3; ++attempt) {
        r = run(u"nsenter"_s, {u"--net="_s + qs(src.netnsPath), u"busybox"_s, u"ping"_s, u"-c1"_s,
                               u"-W2"_s, qs(target.toString())});
        if (r.exitCode == 0)
            break;
    }
    QVERIFY2(r.exitCode == 0, qPrintable(out(r)));
    QVERIFY2(out(r).contains(u"1 packets received"_s), qPrintable(out(r)));
}

void TestNetPrimitives::publishedPort_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1 (OUTPUT jump, route_localnet, loopback MASQUERADE)") << u"127.0.0.1"_s;
    QTest::newRow("the bridge address") << QString();
}

void TestNetPrimitives::publishedPort()
{
    if (!m_ready)
        QSKIP("the network was not set up");
    QFETCH(QString, host);
    if (host.isEmpty())
        host = qs(m_net.gateway.toString());
    QString docroot = m_dir.filePath(u"www"_s);
    QByteArray body = "hello from netns B " + m_suffix.toLatin1() + "\n";
    if (!m_httpd) {
        QVERIFY(QDir().mkpath(docroot));
        QFile index(docroot + u"/index.html"_s);
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write(body);
        index.close();
        m_httpd = new QProcess;
        m_httpd->start(u"nsenter"_s, {u"--net="_s + qs(m_b.netnsPath), u"busybox"_s, u"httpd"_s,
                                      u"-f"_s, u"-p"_s, u"80"_s, u"-h"_s, docroot});
        QVERIFY(m_httpd->waitForStarted());
        // Wait until it answers inside its own namespace (no timing assertion:
        // just enough tries for a slow machine).
        bool up = false;
        for (int i = 0; i < 100 && !up; ++i) {
            ProcessResult r =
                runNoProxy({u"nsenter"_s, u"--net="_s + qs(m_b.netnsPath), u"busybox"_s, u"wget"_s,
                            u"-qO-"_s, u"http://127.0.0.1:80/"_s},
                           10000);
            up = r.exitCode == 0 && r.out == body;
            if (!up)
                QThread::msleep(100);
        }
        QVERIFY2(up, "busybox httpd did not come up inside netns B");
    }
    QString url = u"http://"_s + host + u":"_s + QString::number(m_port) + u"/"_s;
    // No `-T`: busybox 1.35's wget crashes with it on Debian 12; the harness's
    // own timeout bounds the call instead.
    ProcessResult r = runNoProxy({u"busybox"_s, u"wget"_s, u"-qO-"_s, url}, 20000);
    QVERIFY2(r.exitCode == 0, qPrintable(url + u": "_s + out(r)));
    QCOMPARE(r.out, body);
}

void TestNetPrimitives::rulesAsIptablesShowsThem()
{
    if (!m_ready)
        QSKIP("the network was not set up");
    auto own = m_nat.listOwnRules();
    QVERIFY2(own, qPrintable(qs(own ? "" : own.error().describe())));
    std::string commentB = IptRule::containerComment(m_b.containerId);
    std::string commentNet = IptRule::networkComment(m_net.bridge);
    std::vector<IptRule> expected = {
        IptRule::publishedPort(m_b.ports[0], m_b.address, m_net.bridge, commentB),
        IptRule::loopbackMasquerade(m_b.address, m_net.bridge, commentB),
        IptRule::subnetMasquerade(m_subnet, m_net.bridge, commentNet),
        IptRule::forwardAccept(m_net.bridge, true, commentNet),
        IptRule::forwardAccept(m_net.bridge, false, commentNet),
    };
    QString nat = legacySave("nat");
    QString filter = legacySave("filter");
    for (const IptRule &rule : expected) {
        int listed = int(std::count(own->begin(), own->end(), rule));
        QVERIFY2(listed == 1, qPrintable(qs(rule.saveLine())));
        QVERIFY(*m_nat.hasRule(rule));
        // Our rendering is byte for byte what iptables-legacy prints.
        const QString &save = rule.table == IptTable::Nat ? nat : filter;
        QVERIFY2(save.split(u'\n').contains(qs(rule.saveLine())),
                 qPrintable(qs(rule.saveLine()) + u"\nnot in:\n"_s + save));
    }
    // Container a publishes nothing, so it has no rules at all.
    for (const IptRule &r : *own)
        QVERIFY(r.comment != IptRule::containerComment(m_a.containerId));

    // The jumps exist exactly once each, also after ensureChains() runs again and
    // after someone added a duplicate by hand.
    QCOMPARE(run(u"iptables-legacy"_s, {u"-w"_s, u"30"_s, u"-t"_s, u"nat"_s, u"-A"_s,
                                        u"POSTROUTING"_s, u"-j"_s, u"KOKER-POSTROUTING"_s})
                 .exitCode,
             0);
    QVERIFY(m_nat.ensureChains());
    QVERIFY(m_nat.ensureChains());
    nat = legacySave("nat");
    filter = legacySave("filter");
    for (const IptRule &jump : IptRule::baseJumps()) {
        const QString &save = jump.table == IptTable::Nat ? nat : filter;
        QCOMPARE(save.split(u'\n').count(qs(jump.saveLine())), 1);
    }
}

void TestNetPrimitives::rulesAreIdempotent()
{
    if (!m_ready)
        QSKIP("the network was not set up");
    IptRule rule = IptRule::publishedPort(m_b.ports[0], m_b.address, m_net.bridge,
                                          IptRule::containerComment(m_b.containerId));
    QVERIFY(m_nat.addRule(rule));
    QVERIFY(m_nat.addRule(rule));
    auto rules = m_nat.listRules(IptTable::Nat, kNatChain);
    QVERIFY(rules);
    QCOMPARE(std::count(rules->begin(), rules->end(), rule), 1L);

    // A rule that differs in one byte (another port) is a different rule: deleting
    // it is a no-op that leaves ours alone.
    IptRule other = rule;
    other.destinationPort = rule.destinationPort == 65535 ? 1 : rule.destinationPort + 1;
    QVERIFY(!*m_nat.hasRule(other));
    QVERIFY(m_nat.deleteRule(other));
    QVERIFY(*m_nat.hasRule(rule));

    // The command we show is the real thing: typed into a shell (iptables-legacy,
    // as Debian 12's `iptables` is the nft variant), it deletes our entry, and
    // the entry it appends is one libiptc finds byte for byte.
    for (IptAction action : {IptAction::Delete, IptAction::Append}) {
        QString cmd = qs(rule.command(action, "iptables-legacy -w 30"));
        ProcessResult r = run(u"sh"_s, {u"-c"_s, cmd});
        QVERIFY2(r.exitCode == 0, qPrintable(cmd + u": "_s + out(r)));
        QCOMPARE(*m_nat.hasRule(rule), action == IptAction::Append);
    }

    // Adding to a chain that does not exist says what to do.
    IptRule lost = rule;
    lost.chain = "KOKER-NOPE";
    auto st = m_nat.addRule(lost);
    QVERIFY(!st);
    QCOMPARE(st.error().code, ErrorCode::NotFound);
}

// A network's rules whose bridge no longer exists (its store was deleted without
// `koker network rm`) go the next time the chains are checked; a live network's stay.
void TestNetPrimitives::rulesOfGoneBridgesAreSwept()
{
    if (!m_ready)
        QSKIP("the network was not set up");
    const std::string gone = "kkgone" + m_suffix.toStdString();
    const std::string comment = IptRule::networkComment(gone);
    QCOMPARE(IptRule::bridgeOfComment(comment), gone);
    QCOMPARE(IptRule::bridgeOfComment(IptRule::containerComment("abc")), std::string());
    const IptRule stale[] = {IptRule::subnetMasquerade(m_subnet, gone, comment),
                             IptRule::forwardAccept(gone, true, comment)};
    for (const IptRule &r : stale)
        QVERIFY(m_nat.addRule(r));
    QVERIFY(*m_nat.hasRule(stale[0]));
    QVERIFY(m_nat.ensureChains());
    for (const IptRule &r : stale)
        QVERIFY(!*m_nat.hasRule(r));
    const std::string live = IptRule::networkComment(m_net.bridge);
    QVERIFY(*m_nat.hasRule(IptRule::subnetMasquerade(m_subnet, m_net.bridge, live)));
}

void TestNetPrimitives::rollbackOnFailure()
{
    if (!m_ready)
        QSKIP("the network was not set up");
    NetSteps::Attachment c = attachment("c" + m_suffix.toStdString(), m_port + 1);
    auto ipam = Ipam::open(m_net.ipamDirectory, m_net.subnet);
    c.address = *ipam->nextFree();
    std::vector<Step> steps = NetSteps::containerSetup(m_net, c);
    Step boom;
    boom.record.phase = koker::Phase::Process;
    boom.record.setKey("test.fail");
    boom.record.setTitle("A later step that fails");
    boom.apply = [] { return koker::fail(ErrorCode::Internal, "injected failure"); };
    steps.push_back(std::move(boom));
    std::vector<StepRecord> records;
    Status st = runPlan(std::move(steps), &records);
    QVERIFY(!st);
    QCOMPARE(qs(st.error().message), u"injected failure"_s);

    QStringList rolledBack;
    for (const StepRecord &r : records) {
        if (r.state == StepState::RolledBack)
            rolledBack << QString::fromLatin1(r.key);
        QVERIFY2(r.state != StepState::Failed || std::string_view(r.key) == "test.fail",
                 r.key); // every rollback itself succeeded
    }
    QCOMPARE(rolledBack,
             (QStringList{u"rollback.net.iptables.rule"_s, u"rollback.net.iptables.rule"_s,
                          u"rollback.net.link.veth"_s, u"rollback.net.netns.create"_s,
                          u"rollback.net.ipam.lease"_s}));

    auto nl = Netlink::open();
    QCOMPARE(*nl->linkExists(c.hostVeth), false);
    QVERIFY(!QFile::exists(qs(c.netnsPath)));
    QVERIFY(!ipam->lookup(c.containerId)->has_value());
    auto own = m_nat.listOwnRules();
    QVERIFY(own);
    for (const IptRule &r : *own)
        QVERIFY(r.comment != IptRule::containerComment(c.containerId));
    // The others are untouched, and a reconcile that knows them keeps them.
    QCOMPARE(ipam->leases()->size(), size_t(2));
    Status rec = runPlan({NetSteps::ipamReconcile(m_net.ipamDirectory, m_net.subnet,
                                                  {m_a.containerId, m_b.containerId})});
    QVERIFY2(rec, qPrintable(describe(rec)));
    QCOMPARE(ipam->leases()->size(), size_t(2));
    QVERIFY(*nl->linkExists(m_b.hostVeth));
}

void TestNetPrimitives::teardownLeavesNothing()
{
    if (!m_ready)
        QSKIP("the network was not set up");
    if (m_httpd) {
        m_httpd->kill();
        m_httpd->waitForFinished(5000);
    }
    for (int round = 0; round < 2; ++round) { // the second round proves idempotence
        for (const auto *a : {&m_a, &m_b}) {
            Status st = runPlan(NetSteps::containerTeardown(m_net, *a));
            QVERIFY2(st, qPrintable(describe(st)));
        }
        Status st = runPlan(NetSteps::networkTeardown(m_net));
        QVERIFY2(st, qPrintable(describe(st)));
    }

    QString suffix = m_suffix;
    QString subnetPrefix = qs(m_subnet.network().toString()).section(u'.', 0, 2) + u'.';
    for (const char *table : {"nat", "filter"}) {
        QString save = legacySave(table);
        QVERIFY2(!save.contains(suffix) && !save.contains(subnetPrefix), qPrintable(save));
    }
    // The veth pairs go with their namespaces, a moment after the teardown.
    for (const auto *a : {&m_a, &m_b})
        QVERIFY2(koker::test::linkGone(qs(a->hostVeth)), a->hostVeth.c_str());
    ProcessResult links = run(u"ip"_s, {u"-o"_s, u"link"_s});
    QCOMPARE(links.exitCode, 0);
    QVERIFY2(!out(links).contains(suffix), qPrintable(out(links)));
    auto nl = Netlink::open();
    QCOMPARE(*nl->linkExists(m_net.bridge), false);
    QCOMPARE(*nl->linkExists(m_a.hostVeth), false);
    QVERIFY(!QFile::exists(qs(m_a.netnsPath)));
    QVERIFY(!QFile::exists(qs(m_b.netnsPath)));
    QVERIFY(koker::test::mountsUnder(qs(m_nsDir) + u'/').isEmpty());
    QVERIFY(Ipam::open(m_net.ipamDirectory, m_net.subnet)->leases()->empty());
    // Our chains may stay (other networks share them), but hold nothing of ours.
    auto own = m_nat.listOwnRules();
    QVERIFY(own);
    for (const IptRule &r : *own)
        QVERIFY2(qs(r.comment).indexOf(suffix) < 0, qPrintable(qs(r.saveLine())));
}

void TestNetPrimitives::parallelRuleChanges()
{
    if (!m_root)
        QSKIP("needs root");
    QVERIFY(m_nat.ensureChains());
    std::string s = m_suffix.toStdString();
    // Destinations in 127.231.x.0/24 that nothing uses: the rules never touch real traffic.
    auto rule = [&](const std::string &comment, int port) {
        IptRule r;
        r.table = IptTable::Nat;
        r.chain = std::string(kNatChain);
        r.destination = Ipv4Cidr(Ipv4Address(127, 231, m_subnet.address().byte(2), 1), 32);
        r.protocol = IpProtocol::Tcp;
        r.destinationPort = port;
        r.comment = comment;
        r.target = IptTarget::Dnat;
        r.natAddress = Ipv4Address(127, 231, m_subnet.address().byte(2), 2);
        r.natPort = port;
        return r;
    };
    constexpr int kThreads = 20;
    std::vector<std::thread> threads;
    std::mutex errorsMutex;
    QStringList errors;
    auto record = [&](const koker::Status &st) {
        if (!st) {
            std::lock_guard g(errorsMutex);
            errors << qs(st.error().describe());
        }
    };
    std::atomic<bool> go{false};
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            while (!go.load())
                std::this_thread::yield();
            IptablesNat nat; // each thread its own, as separate programs would be
            IptRule pair = rule("koker:par" + s + "-" + std::to_string(i), 41000 + i);
            IptRule keep = rule("koker:keep" + s + "-" + std::to_string(i), 42000 + i);
            record(nat.addRule(pair));
            record(nat.addRule(keep));
            record(nat.deleteRule(pair));
        });
    }
    // Meanwhile iptables itself, in other processes, changes the same table.
    std::atomic<int> externalFailures{0};
    std::thread external([&] {
        while (!go.load())
            std::this_thread::yield();
        QString dst = u"127.231."_s + QString::number(m_subnet.address().byte(2)) + u".3/32"_s;
        for (int k = 0; k < 10; ++k) {
            for (const char *op : {"-A", "-D"}) {
                ProcessResult r = run(u"iptables-legacy"_s, {u"-w"_s,
                                                             u"60"_s,
                                                             u"-t"_s,
                                                             u"nat"_s,
                                                             QString::fromLatin1(op),
                                                             u"KOKER"_s,
                                                             u"-d"_s,
                                                             dst,
                                                             u"-p"_s,
                                                             u"tcp"_s,
                                                             u"-m"_s,
                                                             u"tcp"_s,
                                                             u"--dport"_s,
                                                             u"43000"_s,
                                                             u"-m"_s,
                                                             u"comment"_s,
                                                             u"--comment"_s,
                                                             u"koker:ext"_s + m_suffix,
                                                             u"-j"_s,
                                                             u"RETURN"_s});
                if (r.exitCode != 0)
                    ++externalFailures;
            }
        }
    });
    go = true;
    for (auto &t : threads)
        t.join();
    external.join();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(externalFailures.load(), 0);

    auto rules = m_nat.listRules(IptTable::Nat, kNatChain);
    QVERIFY(rules);
    for (int i = 0; i < kThreads; ++i) {
        IptRule pair = rule("koker:par" + s + "-" + std::to_string(i), 41000 + i);
        IptRule keep = rule("koker:keep" + s + "-" + std::to_string(i), 42000 + i);
        QCOMPARE(std::count(rules->begin(), rules->end(), keep), 1L); // no lost update
        QCOMPARE(std::count(rules->begin(), rules->end(), pair), 0L); // no resurrection
    }
    for (const IptRule &r : *rules)
        QVERIFY(qs(r.comment) != u"koker:ext"_s + m_suffix);

    int removed = 0;
    for (int i = 0; i < kThreads; ++i)
        removed += *m_nat.removeByComment("koker:keep" + s + "-" + std::to_string(i));
    QCOMPARE(removed, kThreads);
    QString nat = legacySave("nat");
    for (const QString &tag : {u"koker:par"_s, u"koker:keep"_s, u"koker:ext"_s})
        QVERIFY2(!nat.contains(tag + m_suffix), qPrintable(nat));
}

QTEST_GUILESS_MAIN(TestNetPrimitives)
#include "tst_netprimitives.moc"
