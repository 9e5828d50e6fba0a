// IP address management: allocation order, exhaustion, release and reuse,
// persistence across instances, reconcile, subnet choice around the host's
// routes, and refusal of malformed subnets with messages that say what to write.

#include "runtime/ipam.h"
#include "runtime/netipv4cidr.h"
#include "runtime/netnames.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <atomic>
#include <set>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using koker::ErrorCode;
using koker::net::Ipam;
using koker::net::Ipv4Address;
using koker::net::Ipv4Cidr;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

Ipv4Cidr cidr(const char *text)
{
    auto c = Ipv4Cidr::parse(text);
    if (!c)
        qFatal("bad test cidr %s", text);
    return *c;
}

std::vector<Ipv4Cidr> cidrs(const QStringList &list)
{
    std::vector<Ipv4Cidr> out;
    for (const QString &s : list)
        out.push_back(cidr(s.toLatin1().constData()));
    return out;
}

} // namespace

class TestIpam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allocationOrder();
    void exhaustion_data();
    void exhaustion();
    void releaseAndReuse();
    void persistenceAcrossInstances();
    void reconcile();
    void reserve_data();
    void reserve();
    void parallelAllocation();
    void chooseSubnet_data();
    void chooseSubnet();
    void candidatesArePrivate();
    void invalidSubnets_data();
    void invalidSubnets();
    void corruptLeaseFile_data();
    void corruptLeaseFile();
    void macAndVethNames_data();
    void macAndVethNames();
};

void TestIpam::allocationOrder()
{
    QTemporaryDir dir;
    auto ipam = Ipam::open(dir.path().toStdString() + "/net", cidr("10.88.0.0/16"));
    QVERIFY2(ipam, qPrintable(qs(ipam ? "" : ipam.error().describe())));
    QCOMPARE(qs(ipam->gateway().toString()), u"10.88.0.1"_s);
    QCOMPARE(qs(ipam->gatewayCidr().toString()), u"10.88.0.1/16"_s);
    QCOMPARE(qs(ipam->nextFree()->toString()), u"10.88.0.2"_s);

    const char *expected[] = {"10.88.0.2", "10.88.0.3", "10.88.0.4"};
    const char *ids[] = {"aaa", "bbb", "ccc"};
    for (int i = 0; i < 3; ++i) {
        auto ip = ipam->allocate(ids[i]);
        QVERIFY(ip);
        QCOMPARE(qs(ip->toString()), QString::fromLatin1(expected[i]));
    }
    // Asking again for a container that holds a lease gives the same address.
    QCOMPARE(qs(ipam->allocate("bbb")->toString()), u"10.88.0.3"_s);
    QCOMPARE(ipam->leases()->size(), size_t(3));
    QCOMPARE(qs(ipam->lookup("ccc")->value().toString()), u"10.88.0.4"_s);
    QVERIFY(!ipam->lookup("zzz")->has_value());
}

void TestIpam::exhaustion_data()
{
    QTest::addColumn<QString>("subnet");
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QString>("last");
    // network, gateway (.1) and broadcast are never leased.
    QTest::newRow("/30 holds one container") << u"10.89.0.0/30"_s << 1 << u"10.89.0.2"_s;
    QTest::newRow("/29 holds five") << u"10.89.0.8/29"_s << 5 << u"10.89.0.14"_s;
    QTest::newRow("/28 holds thirteen") << u"192.168.7.16/28"_s << 13 << u"192.168.7.30"_s;
}

void TestIpam::exhaustion()
{
    QFETCH(QString, subnet);
    QFETCH(int, capacity);
    QFETCH(QString, last);
    QTemporaryDir dir;
    auto ipam = Ipam::open(dir.path().toStdString(), cidr(subnet.toLatin1().constData()));
    QVERIFY(ipam);
    Ipv4Address lastIp;
    for (int i = 0; i < capacity; ++i) {
        auto ip = ipam->allocate("c" + std::to_string(i));
        QVERIFY2(ip, qPrintable(qs(ip ? "" : ip.error().describe())));
        lastIp = *ip;
    }
    QCOMPARE(qs(lastIp.toString()), last);
    auto full = ipam->allocate("one-too-many");
    QVERIFY(!full);
    QCOMPARE(full.error().code, ErrorCode::LimitExceeded);
    QVERIFY2(qs(full.error().message).contains(u"is full"_s), qPrintable(qs(full.error().message)));
    QVERIFY(qs(full.error().message).contains(subnet));
    QVERIFY(!ipam->nextFree());
    // Freeing one makes room again.
    QVERIFY(ipam->release("c0"));
    QVERIFY(ipam->allocate("one-too-many"));
}

void TestIpam::releaseAndReuse()
{
    QTemporaryDir dir;
    auto ipam = Ipam::open(dir.path().toStdString(), cidr("10.90.0.0/24"));
    QVERIFY(ipam);
    for (const char *id : {"a", "b", "c", "d"})
        QVERIFY(ipam->allocate(id));
    QVERIFY(ipam->release("b"));
    QVERIFY(ipam->release("b")); // idempotent
    QVERIFY(ipam->release("never-had-one"));
    QVERIFY(ipam->release("c"));
    // The lowest free address comes back first, never a random one.
    QCOMPARE(qs(ipam->allocate("e")->toString()), u"10.90.0.3"_s);
    QCOMPARE(qs(ipam->allocate("f")->toString()), u"10.90.0.4"_s);
    QCOMPARE(qs(ipam->allocate("g")->toString()), u"10.90.0.6"_s);
}

void TestIpam::persistenceAcrossInstances()
{
    QTemporaryDir dir;
    std::string path = dir.path().toStdString() + "/networks/kokerbr0";
    {
        auto ipam = Ipam::open(path, cidr("10.88.0.0/16"));
        QVERIFY(ipam);
        QVERIFY(ipam->allocate("first"));
        QVERIFY(ipam->allocate("second"));
        QVERIFY(ipam->release("first"));
    }
    auto again = Ipam::open(path, cidr("10.88.0.0/16"));
    QVERIFY(again);
    auto leases = again->leases();
    QVERIFY(leases);
    QCOMPARE(leases->size(), size_t(1));
    QCOMPARE(qs(leases->at("second").toString()), u"10.88.0.3"_s);
    QCOMPARE(qs(again->allocate("third")->toString()), u"10.88.0.2"_s);

    // Plain text a student can read, mode 0600, no temp files left behind.
    QFile f(qs(again->leaseFile()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    QVERIFY2(text.contains(u"subnet 10.88.0.0/16\n10.88.0.2 third\n10.88.0.3 second\n"_s),
             qPrintable(text));
    QVERIFY(!(f.permissions() & (QFile::ReadGroup | QFile::ReadOther)));
    QDir d(qs(path));
    QCOMPARE(d.entryList(QDir::Files).filter(u".tmp"_s), QStringList());

    // The same directory cannot be reopened with another subnet.
    auto other = Ipam::open(path, cidr("10.89.0.0/16"));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(qs(other.error().message).contains(u"belong to subnet 10.88.0.0/16"_s),
             qPrintable(qs(other.error().message)));
}

void TestIpam::reconcile()
{
    QTemporaryDir dir;
    auto ipam = Ipam::open(dir.path().toStdString(), cidr("10.88.0.0/16"));
    QVERIFY(ipam);
    for (const char *id : {"dead1", "alive", "dead2"})
        QVERIFY(ipam->allocate(id));
    auto freed = ipam->reconcile({"alive", "not-leased-at-all"});
    QVERIFY(freed);
    QCOMPARE(std::set<std::string>(freed->begin(), freed->end()),
             (std::set<std::string>{"dead1", "dead2"}));
    auto leases = ipam->leases();
    QCOMPARE(leases->size(), size_t(1));
    QCOMPARE(qs(leases->at("alive").toString()), u"10.88.0.3"_s);
    QVERIFY(ipam->reconcile({"alive"})->empty());
    QVERIFY(ipam->reconcile({})); // nobody alive: everything goes
    QVERIFY(ipam->leases()->empty());
}

void TestIpam::reserve_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("error");
    // "held" holds 10.91.0.2 before every row.
    QTest::newRow("free address") << u"new"_s << u"10.91.0.9"_s << true << QString();
    QTest::newRow("same lease again") << u"held"_s << u"10.91.0.2"_s << true << QString();
    QTest::newRow("taken by another")
        << u"new"_s << u"10.91.0.2"_s << false << u"already leased to container held"_s;
    QTest::newRow("holder wants a second")
        << u"held"_s << u"10.91.0.5"_s << false << u"already holds 10.91.0.2"_s;
    QTest::newRow("gateway") << u"new"_s << u"10.91.0.1"_s << false << u"reserved"_s;
    QTest::newRow("network") << u"new"_s << u"10.91.0.0"_s << false << u"reserved"_s;
    QTest::newRow("broadcast") << u"new"_s << u"10.91.0.255"_s << false << u"reserved"_s;
    QTest::newRow("outside") << u"new"_s << u"10.92.0.5"_s << false << u"not a container address"_s;
    QTest::newRow("bad id") << u"../x"_s << u"10.91.0.9"_s << false << u"container id"_s;
}

void TestIpam::reserve()
{
    QFETCH(QString, id);
    QFETCH(QString, ip);
    QFETCH(bool, ok);
    QFETCH(QString, error);
    QTemporaryDir dir;
    auto ipam = Ipam::open(dir.path().toStdString(), cidr("10.91.0.0/24"));
    QVERIFY(ipam);
    QVERIFY(ipam->reserve("held", *Ipv4Address::parse("10.91.0.2")));
    auto st = ipam->reserve(id.toStdString(), *Ipv4Address::parse(ip.toStdString()));
    QCOMPARE(bool(st), ok);
    if (!ok)
        QVERIFY2(qs(st.error().message).contains(error), qPrintable(qs(st.error().message)));
    else
        QCOMPARE(qs(ipam->lookup(id.toStdString())->value().toString()), ip);
}

void TestIpam::parallelAllocation()
{
    // Several writers (CLI, helper, monitors) share one lease file; the file lock
    // must give every container its own address.
    QTemporaryDir dir;
    auto ipam = Ipam::open(dir.path().toStdString(), cidr("10.88.0.0/16"));
    QVERIFY(ipam);
    constexpr int kThreads = 16;
    std::vector<std::thread> threads;
    std::vector<uint32_t> got(kThreads, 0);
    std::atomic<int> failures{0};
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            auto own = Ipam::open(dir.path().toStdString(), cidr("10.88.0.0/16"));
            auto ip = own ? own->allocate("p" + std::to_string(i))
                          : koker::Result<Ipv4Address>(std::unexpected(own.error()));
            if (ip)
                got[size_t(i)] = ip->value();
            else
                ++failures;
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    std::set<uint32_t> distinct(got.begin(), got.end());
    QCOMPARE(int(distinct.size()), kThreads);
    QCOMPARE(*distinct.begin(), Ipv4Address(10, 88, 0, 2).value());
    QCOMPARE(*distinct.rbegin(), Ipv4Address(10, 88, 0, 17).value());
    QCOMPARE(int(ipam->leases()->size()), kThreads);
}

void TestIpam::chooseSubnet_data()
{
    QTest::addColumn<QStringList>("hostNetworks");
    QTest::addColumn<QString>("expected"); // empty: no candidate is free

    QTest::newRow("empty host") << QStringList() << u"10.88.0.0/16"_s;
    QTest::newRow("this VM (192.0.2.0/24, lo)")
        << QStringList{u"192.0.2.0/24"_s, u"127.0.0.0/8"_s} << u"10.88.0.0/16"_s;
    QTest::newRow("default route is ignored")
        << QStringList{u"0.0.0.0/0"_s, u"192.168.1.0/24"_s} << u"10.88.0.0/16"_s;
    QTest::newRow("first candidate routed") << QStringList{u"10.88.0.0/16"_s} << u"10.89.0.0/16"_s;
    QTest::newRow("a /24 inside the first") << QStringList{u"10.88.5.0/24"_s} << u"10.89.0.0/16"_s;
    QTest::newRow("a host address in the first")
        << QStringList{u"10.88.0.0/24"_s, u"10.89.200.0/22"_s} << u"10.90.0.0/16"_s;
    QTest::newRow("a /12 covering several") << QStringList{u"10.80.0.0/12"_s} << u"10.96.0.0/16"_s;
    QTest::newRow("corporate 10/8 VPN") << QStringList{u"10.0.0.0/8"_s} << u"172.17.0.0/16"_s;
    QTest::newRow("10/8 and docker0")
        << QStringList{u"10.0.0.0/8"_s, u"172.17.0.0/16"_s} << u"172.18.0.0/16"_s;
    QTest::newRow("everything private taken")
        << QStringList{u"10.0.0.0/8"_s, u"172.16.0.0/12"_s} << QString();
}

void TestIpam::chooseSubnet()
{
    QFETCH(QStringList, hostNetworks);
    QFETCH(QString, expected);
    auto chosen = Ipam::chooseSubnet(cidrs(hostNetworks));
    if (expected.isEmpty()) {
        QVERIFY(!chosen);
        QVERIFY2(qs(chosen.error().message).contains(u"give the network a subnet yourself"_s),
                 qPrintable(qs(chosen.error().message)));
        return;
    }
    QVERIFY2(chosen, qPrintable(qs(chosen ? "" : chosen.error().describe())));
    QCOMPARE(qs(chosen->toString()), expected);
    // Whatever was chosen must pass the user-subnet check against the same input.
    QVERIFY(Ipam::validateSubnet(*chosen, cidrs(hostNetworks)));
}

void TestIpam::candidatesArePrivate()
{
    auto candidates = Ipam::defaultCandidates();
    QVERIFY(!candidates.empty());
    QCOMPARE(qs(candidates.front().toString()), u"10.88.0.0/16"_s);
    QCOMPARE(qs(candidates.back().toString()), u"172.30.0.0/16"_s);
    Ipv4Cidr ten = cidr("10.0.0.0/8");
    Ipv4Cidr oneSevenTwo = cidr("172.16.0.0/12");
    for (const Ipv4Cidr &c : candidates) {
        QVERIFY2(c.isNetwork(), qPrintable(qs(c.toString())));
        bool inTen = ten.contains(c.network()) && ten.contains(c.broadcast());
        bool in172 = oneSevenTwo.contains(c.network()) && oneSevenTwo.contains(c.broadcast());
        QVERIFY2(inTen || in172, qPrintable(qs(c.toString()) + u" is not RFC 1918 space"_s));
        QVERIFY(!c.overlaps(cidr("172.69.0.0/16"))); // public space, never ours
    }
}

void TestIpam::invalidSubnets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << u"is empty"_s;
    QTest::newRow("no prefix") << u"10.88.0.0"_s << u"no prefix length"_s;
    QTest::newRow("host bits") << u"10.88.0.1/16"_s << u"did you mean 10.88.0.0/16?"_s;
    QTest::newRow("prefix 33") << u"10.88.0.0/33"_s << u"from 0 to 32"_s;
    QTest::newRow("prefix not a number") << u"10.88.0.0/x"_s << u"from 0 to 32"_s;
    QTest::newRow("prefix with leading zero") << u"10.88.0.0/016"_s << u"from 0 to 32"_s;
    QTest::newRow("three parts") << u"10.88.0/16"_s << u"exactly four parts"_s;
    QTest::newRow("five parts") << u"10.88.0.0.0/16"_s << u"after the fourth part"_s;
    QTest::newRow("part above 255") << u"10.256.0.0/16"_s << u"larger than 255"_s;
    QTest::newRow("octal-looking") << u"010.88.0.0/16"_s << u"leading zero"_s;
    QTest::newRow("letters") << u"ten.0.0.0/8"_s << u"not a number"_s;
    QTest::newRow("space") << u" 10.88.0.0/16"_s << u"not a number"_s;
    QTest::newRow("/31 has no room") << u"10.88.0.0/31"_s << u"from /8 to /30"_s;
    QTest::newRow("/32 has no room") << u"10.88.0.5/32"_s << u"from /8 to /30"_s;
    QTest::newRow("/4 is too big") << u"0.0.0.0/4"_s << u"from /8 to /30"_s;
    QTest::newRow("loopback") << u"127.5.0.0/16"_s << u"loopback"_s;
    QTest::newRow("multicast") << u"239.1.0.0/16"_s << u"multicast"_s;
}

void TestIpam::invalidSubnets()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    std::string t = text.toStdString();
    QString got;
    auto parsed = Ipv4Cidr::parseNetwork(t);
    if (!parsed) {
        got = qs(parsed.error().message);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    } else {
        auto st = Ipam::validateSubnet(*parsed);
        QVERIFY2(!st, "accepted");
        QCOMPARE(st.error().code, ErrorCode::InvalidArgument);
        got = qs(st.error().message);
        // Ipam::open refuses it the same way.
        QTemporaryDir dir;
        QVERIFY(!Ipam::open(dir.path().toStdString(), *parsed));
    }
    QVERIFY2(got.contains(message), qPrintable(got));
}

void TestIpam::corruptLeaseFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("garbage") << QByteArray("subnet 10.88.0.0/16\nhello\n") << u"line 2"_s;
    QTest::newRow("bad address") << QByteArray("subnet 10.88.0.0/16\n10.88.0.300 a\n")
                                 << u"larger than 255"_s;
    QTest::newRow("outside subnet")
        << QByteArray("subnet 10.88.0.0/16\n10.89.0.2 a\n") << u"not a leasable address"_s;
    QTest::newRow("gateway leased")
        << QByteArray("subnet 10.88.0.0/16\n10.88.0.1 a\n") << u"not a leasable address"_s;
    QTest::newRow("twice") << QByteArray("subnet 10.88.0.0/16\n10.88.0.2 a\n10.88.0.2 b\n")
                           << u"leased twice"_s;
    QTest::newRow("two leases") << QByteArray("subnet 10.88.0.0/16\n10.88.0.2 a\n10.88.0.3 a\n")
                                << u"holds two leases"_s;
    QTest::newRow("no subnet line") << QByteArray("10.88.0.2 a\n") << u"no 'subnet' line"_s;
    QTest::newRow("bad id") << QByteArray("subnet 10.88.0.0/16\n10.88.0.2 ../../x\n")
                            << u"container id"_s;
}

void TestIpam::corruptLeaseFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QFile f(dir.filePath(u"leases"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    auto ipam = Ipam::open(dir.path().toStdString(), cidr("10.88.0.0/16"));
    QVERIFY(!ipam);
    QCOMPARE(ipam.error().code, ErrorCode::Corrupt);
    QVERIFY2(qs(ipam.error().message).contains(message), qPrintable(qs(ipam.error().message)));
}

void TestIpam::macAndVethNames_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("mac");
    QTest::addColumn<QString>("containerId");
    QTest::addColumn<QString>("veth"); // empty: refused
    QTest::newRow("docker-like") << u"10.88.0.2"_s << u"02:42:0a:58:00:02"_s
                                 << u"1a2b3c4d5e6f7a8b9c0d"_s << u"kk1a2b3c4d5e6f"_s;
    QTest::newRow("short id") << u"172.17.255.254"_s << u"02:42:ac:11:ff:fe"_s << u"web"_s
                              << u"kkweb"_s;
    QTest::newRow("exactly 12") << u"10.99.1.10"_s << u"02:42:0a:63:01:0a"_s << u"abcdefabcdef"_s
                                << u"kkabcdefabcdef"_s;
    QTest::newRow("slash in id") << u"10.88.0.3"_s << u"02:42:0a:58:00:03"_s << u"a/b"_s
                                 << QString();
    QTest::newRow("empty id") << u"10.88.0.3"_s << u"02:42:0a:58:00:03"_s << QString() << QString();
    QTest::newRow("leading dash") << u"10.88.0.3"_s << u"02:42:0a:58:00:03"_s << u"-x"_s
                                  << QString();
}

void TestIpam::macAndVethNames()
{
    QFETCH(QString, ip);
    QFETCH(QString, mac);
    QFETCH(QString, containerId);
    QFETCH(QString, veth);
    auto addr = Ipv4Address::parse(ip.toStdString());
    QVERIFY(addr);
    QCOMPARE(qs(koker::net::macForAddress(*addr)), mac);
    unsigned char bytes[6];
    QVERIFY(koker::net::parseMac(mac.toStdString(), bytes));
    QCOMPARE(int(bytes[2]), int(addr->byte(0)));
    auto name = koker::net::hostVethName(containerId.toStdString());
    if (veth.isEmpty()) {
        QVERIFY(!name);
        QCOMPARE(name.error().code, ErrorCode::InvalidArgument);
    } else {
        QVERIFY(name);
        QCOMPARE(qs(*name), veth);
        QVERIFY(name->size() <= 15);
    }
}

QTEST_GUILESS_MAIN(TestIpam)
#include "tst_ipam.moc"
