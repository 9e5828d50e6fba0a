// Container networking through the real CLI, as root, on the real kernel: two
// containers ping each other by address and by name and reach their gateway; a
// busybox httpd published with -p answers curl from the host on 127.0.0.1 and on
// the bridge address; --network none and host; inspect shows the address, MAC,
// gateway, veth, bridge and rules; rm, a failed start and a crash leave no veth,
// rule, lease, namespace file or mount; 20 containers started and removed in
// parallel leave the rule set and the leases consistent; a user network round trip.
//
// Safety: the store is a temp dir of its own (so its default bridge is kk-<id>,
// not the system's koker0); traffic goes only to 127.0.0.0/8, the test's bridge
// address and the namespaces its containers live in; cleanupTestCase removes the
// containers, the networks, their bridges and rules and the netns mount even after
// a failure.

#include "runtime/iptables.h"
#include "runtime/netiptrule.h"
#include "runtime/netlink.h"
#include "testsupport.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <netinet/in.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using koker::test::ProcessResult;

namespace {

QString text(const ProcessResult &r)
{
    return QString::fromUtf8(r.out + r.err);
}

bool tcpPortFree(int port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(uint16_t(port));
    sa.sin_addr.s_addr = htonl(INADDR_ANY);
    bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0;
    ::close(fd);
    return ok;
}

QString iptablesSave(const QString &table)
{
    return QString::fromUtf8(
        koker::test::run(u"iptables-legacy"_s, {u"-w"_s, u"-t"_s, table, u"-S"_s}).out);
}

QStringList linkNames()
{
    QStringList out;
    const auto lines = koker::test::run(u"ip"_s, {u"-o"_s, u"link"_s}).out.split('\n');
    for (const QByteArray &l : lines) {
        const auto parts = l.split(':');
        if (parts.size() > 2)
            out << QString::fromUtf8(parts[1].trimmed()).section(u'@', 0, 0);
    }
    return out;
}

// Linux only picks a proxy up when a variable names one; make sure none does.
ProcessResult curl(const QString &url)
{
    return koker::test::run(u"curl"_s,
                            {u"-s"_s, u"--noproxy"_s, u"*"_s, u"--max-time"_s, u"5"_s, url});
}

} // namespace

class TestNetworking : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_bridge; // the default network's device in this store
    QString m_gateway;
    QString m_subnet;
    QSet<int> m_usedPorts;

    QString root() const { return m_tmp.path() + u"/store"_s; }
    QString runRoot() const { return root() + u"/run"_s; }
    QString netnsDir() const { return runRoot() + u"/netns"_s; }

    ProcessResult koker(const QStringList &args, int timeoutMs = 120000)
    {
        return koker::test::koker(root(), args, {}, timeoutMs);
    }

    QJsonObject inspect(const QString &what, const QStringList &cmd = {u"inspect"_s})
    {
        ProcessResult r = koker(cmd + QStringList{what});
        const QJsonArray a = QJsonDocument::fromJson(r.out).array();
        return a.isEmpty() ? QJsonObject{} : a.first().toObject();
    }

    QString runDetached(const QStringList &args)
    {
        ProcessResult r = koker(QStringList{u"run"_s, u"-d"_s} + args);
        if (r.exitCode != 0) {
            qWarning("koker run -d failed: %s", qPrintable(text(r)));
            return {};
        }
        return QString::fromUtf8(r.out.trimmed());
    }

    // A host port nothing listens on and no DNAT rule (of any koker store) takes.
    int freePort()
    {
        const QString nat = iptablesSave(u"nat"_s);
        for (int i = 0; i < 1000; ++i) {
            int port = 20000 + int(QRandomGenerator::global()->bounded(20000));
            if (m_usedPorts.contains(port) || !tcpPortFree(port) ||
                nat.contains(u"--dport "_s + QString::number(port) + u' '))
                continue;
            m_usedPorts.insert(port);
            return port;
        }
        return 0;
    }

    QString leases(const QString &network = u"bridge"_s) const
    {
        QFile f(root() + u"/networks/"_s + network + u"/leases"_s);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    // Poll (no timing assertion): the httpd needs a moment after `run -d` returns.
    QString fetch(const QString &url)
    {
        for (int i = 0; i < 100; ++i) {
            ProcessResult r = curl(url);
            if (r.exitCode == 0 && !r.out.isEmpty())
                return QString::fromUtf8(r.out);
            QThread::msleep(100);
        }
        return {};
    }

    // Everything a container may leave behind, as a list of findings (empty = clean).
    QStringList leftovers(const QString &id)
    {
        QStringList found;
        const QString veth = u"kk"_s + id.left(12);
        if (!koker::test::linkGone(veth))
            found << u"veth "_s + veth;
        const QString comment = u"koker:"_s + id;
        for (const QString &table : {u"nat"_s, u"filter"_s}) {
            if (iptablesSave(table).contains(comment))
                found << u"a rule in "_s + table;
        }
        const QStringList nets =
            QDir(root() + u"/networks"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &n : nets) {
            if (leases(n).contains(id))
                found << u"a lease in "_s + n;
        }
        if (QFileInfo::exists(netnsDir() + u'/' + id))
            found << u"its netns file"_s;
        for (const QString &m : koker::test::mountsUnder(runRoot())) {
            if (m.contains(id))
                found << u"mount "_s + m;
        }
        return found;
    }

    // Mounts under the runroot. With no container attached there must be none, not
    // even the netns directory's shared bind mount of itself (it goes with the
    // last namespace file).
    QStringList runRootMounts() const { return koker::test::mountsUnder(runRoot()); }

    void removeBridge(const QString &bridge)
    {
        if (bridge.isEmpty())
            return;
        koker::net::IptablesNat nat;
        (void)nat.removeByComment(koker::net::IptRule::networkComment(bridge.toStdString()));
        if (auto nl = koker::net::Netlink::open(); nl)
            (void)nl->deleteLink(bridge.toStdString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        KOKER_REQUIRE_ROOT();
        QVERIFY(m_tmp.isValid());
        QVERIFY(QFile::exists(koker::test::kokerBinary()));
        ProcessResult r = koker({u"image"_s, u"import"_s, u"--starter"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(text(r)));
        QJsonObject net = inspect(u"bridge"_s, {u"network"_s, u"inspect"_s});
        m_bridge = net.value(u"Options"_s).toObject().value(u"BridgeDevice"_s).toString();
        const QJsonObject ipam =
            net.value(u"IPAM"_s).toObject().value(u"Config"_s).toArray().first().toObject();
        m_subnet = ipam.value(u"Subnet"_s).toString();
        m_gateway = ipam.value(u"Gateway"_s).toString();
        QVERIFY2(m_bridge.startsWith(u"kk-"_s), qPrintable(m_bridge));
        QVERIFY(!m_subnet.isEmpty());
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0 || !m_tmp.isValid())
            return;
        const QStringList ids = QString::fromUtf8(koker({u"ps"_s, u"-aq"_s, u"--no-trunc"_s}).out)
                                    .split(u'\n', Qt::SkipEmptyParts);
        if (!ids.isEmpty())
            koker(QStringList{u"rm"_s, u"-f"_s} + ids);
        const QStringList nets =
            QDir(root() + u"/networks"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &n : nets) {
            QJsonObject o = inspect(n, {u"network"_s, u"inspect"_s});
            if (n != u"bridge"_s)
                koker({u"network"_s, u"rm"_s, n});
            removeBridge(o.value(u"Options"_s).toObject().value(u"BridgeDevice"_s).toString());
        }
        removeBridge(m_bridge);
        // The netns directory is a shared bind mount of itself while namespace files
        // exist (as /run/netns is); after a failure some may be left.
        const QByteArray dir = QFile::encodeName(netnsDir());
        for (int i = 0; i < 8 && ::umount2(dir.constData(), MNT_DETACH) == 0; ++i) {
        }
    }

    void defaultNetworkIsPrivateAndFree()
    {
        KOKER_REQUIRE_ROOT();
        ProcessResult r = koker({u"network"_s, u"ls"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(text(r).contains(QRegularExpression(u"bridge +bridge +"_s + m_subnet)),
                 qPrintable(text(r)));
        QVERIFY(text(r).contains(u"host"_s) && text(r).contains(u"none"_s));
        QVERIFY(m_subnet.startsWith(u"10."_s) || m_subnet.startsWith(u"172."_s));
        QVERIFY(m_subnet != u"172.69.0.0/16"_s);
        // Nothing else on the host routes into it (the bridge may not exist yet).
        const QString routes = QString::fromUtf8(koker::test::run(u"ip"_s, {u"route"_s}).out);
        QVERIFY2(!routes.contains(m_subnet.section(u'.', 0, 1) + u'.') || routes.contains(m_bridge),
                 qPrintable(routes));
    }

    void twoContainersPingByAddressAndName()
    {
        KOKER_REQUIRE_ROOT();
        QString a = runDetached({u"--name"_s, u"alpha"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QVERIFY(!a.isEmpty());
        QString b = runDetached({u"--name"_s, u"beta"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QVERIFY(!b.isEmpty());
        QJsonObject nb = inspect(b).value(u"NetworkSettings"_s).toObject();
        QString ipB = nb.value(u"IPAddress"_s).toString();
        QVERIFY2(!ipB.isEmpty(), QJsonDocument(nb).toJson().constData());
        for (const QStringList &cmd :
             {QStringList{u"alpha"_s, u"ping"_s, u"-c1"_s, u"-W2"_s, ipB},
              QStringList{u"alpha"_s, u"ping"_s, u"-c1"_s, u"-W2"_s, u"beta"_s},
              QStringList{u"beta"_s, u"ping"_s, u"-c1"_s, u"-W2"_s, u"alpha"_s},
              QStringList{u"alpha"_s, u"ping"_s, u"-c1"_s, u"-W2"_s, b.left(12)},
              QStringList{u"alpha"_s, u"ping"_s, u"-c1"_s, u"-W2"_s, m_gateway}}) {
            ProcessResult r = koker(QStringList{u"exec"_s} + cmd);
            QVERIFY2(r.exitCode == 0, qPrintable(cmd.join(u' ') + u": "_s + text(r)));
        }
        // alpha started first: beta reached its /etc/hosts through an in-place rewrite.
        ProcessResult hosts = koker({u"exec"_s, u"alpha"_s, u"cat"_s, u"/etc/hosts"_s});
        QVERIFY2(text(hosts).contains(ipB + u"\tbeta "_s), qPrintable(text(hosts)));
        QVERIFY(text(hosts).startsWith(u"127.0.0.1\tlocalhost\n"_s));
    }

    void publishedPortsAnswerFromTheHost()
    {
        KOKER_REQUIRE_ROOT();
        const int loopbackPort = freePort();
        const int anyPort = freePort();
        QVERIFY(loopbackPort && anyPort);
        QString id = runDetached({u"--name"_s, u"web"_s, u"-p"_s,
                                  u"127.0.0.1:"_s + QString::number(loopbackPort) + u":80"_s,
                                  u"-p"_s, QString::number(anyPort) + u":80"_s, u"starter"_s,
                                  u"httpd"_s, u"-f"_s, u"-p"_s, u"80"_s, u"-h"_s, u"/var/www"_s});
        QVERIFY(!id.isEmpty());
        const QStringList urls = {
            u"http://127.0.0.1:"_s + QString::number(loopbackPort) + u'/',
            u"http://127.0.0.1:"_s + QString::number(anyPort) + u'/',
            u"http://"_s + m_gateway + u':' + QString::number(anyPort) + u'/',
        };
        for (const QString &url : urls) {
            QString body = fetch(url);
            QVERIFY2(body.contains(u"Koker"_s), qPrintable(url + u": "_s + body));
        }
        ProcessResult port = koker({u"port"_s, u"web"_s});
        QCOMPARE(port.exitCode, 0);
        QVERIFY(text(port).contains(u"80/tcp -> 127.0.0.1:"_s + QString::number(loopbackPort)));
        QVERIFY(text(port).contains(u"80/tcp -> 0.0.0.0:"_s + QString::number(anyPort)));

        // The same host port again is refused at create, with the owner named.
        ProcessResult clash = koker({u"run"_s, u"-d"_s, u"-p"_s,
                                     QString::number(anyPort) + u":80"_s, u"starter"_s, u"true"_s});
        QCOMPARE(clash.exitCode, 125);
        QVERIFY2(text(clash).contains(u"already published by container web"_s),
                 qPrintable(text(clash)));
    }

    void inspectShowsTheNetwork()
    {
        KOKER_REQUIRE_ROOT();
        QJsonObject doc = inspect(u"web"_s);
        QJsonObject ns = doc.value(u"NetworkSettings"_s).toObject();
        const QString id = doc.value(u"Id"_s).toString();
        const QString ip = ns.value(u"IPAddress"_s).toString();
        QVERIFY2(!ip.isEmpty(), QJsonDocument(ns).toJson().constData());
        QCOMPARE(ns.value(u"Gateway"_s).toString(), m_gateway);
        QCOMPARE(ns.value(u"Bridge"_s).toString(), m_bridge);
        QCOMPARE(ns.value(u"HostVeth"_s).toString(), u"kk"_s + id.left(12));
        QCOMPARE(ns.value(u"SandboxKey"_s).toString(), netnsDir() + u'/' + id);
        const QStringList octets = ip.split(u'.');
        QString mac = u"02:42"_s;
        for (const QString &o : octets)
            mac += u':' + QStringLiteral("%1").arg(o.toInt(), 2, 16, QChar(u'0'));
        QCOMPARE(ns.value(u"MacAddress"_s).toString(), mac);
        QJsonObject ep = ns.value(u"Networks"_s).toObject().value(u"bridge"_s).toObject();
        QCOMPARE(ep.value(u"IPAddress"_s).toString(), ip);
        QVERIFY(ns.value(u"Ports"_s).toObject().contains(u"80/tcp"_s));
        // The rules as the kernel has them: two DNAT and the loopback MASQUERADE.
        const QJsonArray rules = ns.value(u"IptablesRules"_s).toArray();
        QCOMPARE(rules.size(), 3);
        const QString nat = iptablesSave(u"nat"_s);
        for (const QJsonValue &v : rules) {
            QString line = v.toString().section(u' ', 2); // drop "-t nat"
            QVERIFY2(nat.contains(line), qPrintable(line));
        }
        // The container's own view agrees.
        ProcessResult addr =
            koker({u"exec"_s, u"web"_s, u"ip"_s, u"-o"_s, u"addr"_s, u"show"_s, u"eth0"_s});
        QVERIFY2(text(addr).contains(ip + u'/'), qPrintable(text(addr)));
        // And `network inspect` lists it with its address.
        QJsonObject net = inspect(u"bridge"_s, {u"network"_s, u"inspect"_s});
        QJsonObject mine = net.value(u"Containers"_s).toObject().value(id).toObject();
        QVERIFY(mine.value(u"IPv4Address"_s).toString().startsWith(ip + u'/'));
    }

    void noneHasOnlyLoopback()
    {
        KOKER_REQUIRE_ROOT();
        ProcessResult r = koker({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"starter"_s,
                                 u"ip"_s, u"-o"_s, u"link"_s});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().startsWith(u"1: lo:"_s));
    }

    void hostSharesTheHostsInterfacesAndDiscardsPorts()
    {
        KOKER_REQUIRE_ROOT();
        ProcessResult r = koker({u"run"_s, u"--rm"_s, u"--network"_s, u"host"_s, u"-p"_s,
                                 QString::number(freePort()) + u":80"_s, u"starter"_s, u"ip"_s,
                                 u"-o"_s, u"link"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.err).contains(
                     u"WARNING: Published ports are discarded when using host network mode"_s),
                 qPrintable(text(r)));
        // Our bridge lives only in the host's namespace.
        QVERIFY2(QString::fromUtf8(r.out).contains(u": "_s + m_bridge + u':'), qPrintable(text(r)));
    }

    void removeLeavesNothing()
    {
        KOKER_REQUIRE_ROOT();
        QStringList ids;
        for (const QString &name : {u"alpha"_s, u"beta"_s, u"web"_s})
            ids << inspect(name).value(u"Id"_s).toString();
        QVERIFY(!ids.contains(QString()));
        ProcessResult r = koker(QStringList{u"rm"_s, u"-f"_s} + ids);
        QVERIFY2(r.exitCode == 0, qPrintable(text(r)));
        for (const QString &id : ids)
            QVERIFY2(leftovers(id).isEmpty(),
                     qPrintable(id + u": "_s + leftovers(id).join(u", "_s)));
        QVERIFY(QDir(netnsDir()).entryList(QDir::Files | QDir::System).isEmpty());
        QVERIFY2(runRootMounts().isEmpty(), qPrintable(runRootMounts().join(u", "_s)));
    }

    void failedStartLeavesNothing()
    {
        KOKER_REQUIRE_ROOT();
        const int port = freePort();
        // The network steps all run, then the command is not found: exit 127 and
        // the rollback removes what the network steps made.
        ProcessResult r =
            koker({u"run"_s, u"--name"_s, u"broken"_s, u"-p"_s, QString::number(port) + u":80"_s,
                   u"starter"_s, u"/nonexistent"_s});
        QCOMPARE(r.exitCode, 127);
        const QString id = inspect(u"broken"_s).value(u"Id"_s).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY2(leftovers(id).isEmpty(), qPrintable(leftovers(id).join(u", "_s)));
        QVERIFY(!iptablesSave(u"nat"_s).contains(u"--dport "_s + QString::number(port) + u' '));
        QCOMPARE(koker({u"rm"_s, u"broken"_s}).exitCode, 0);
        // The same with --rm.
        r = koker({u"run"_s, u"--rm"_s, u"-p"_s, QString::number(port) + u":80"_s, u"starter"_s,
                   u"/nonexistent"_s});
        QCOMPARE(r.exitCode, 127);
        QVERIFY(!iptablesSave(u"nat"_s).contains(u"--dport "_s + QString::number(port) + u' '));
        QVERIFY(QDir(netnsDir()).entryList(QDir::Files | QDir::System).isEmpty());
        QVERIFY2(!leases().contains(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+\\.\\d+ "_s,
                                                       QRegularExpression::MultilineOption)),
                 qPrintable(leases()));
    }

    void crashIsReconciled()
    {
        KOKER_REQUIRE_ROOT();
        QString id = runDetached(
            {u"-p"_s, QString::number(freePort()) + u":80"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QVERIFY(!id.isEmpty());
        const int pid = inspect(id).value(u"State"_s).toObject().value(u"Pid"_s).toInt();
        QVERIFY(pid > 0);
        QFile stat(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
        QVERIFY(stat.open(QIODevice::ReadOnly));
        const int monitor =
            QString::fromUtf8(stat.readAll()).section(u')', 1).section(u' ', 2, 2).toInt();
        QVERIFY(monitor > 1);
        // The monitor and the container die at once: no cleanup command runs.
        ::kill(monitor, SIGKILL);
        ::kill(pid, SIGKILL);
        for (int i = 0; i < 200 && QFileInfo::exists(u"/proc/"_s + QString::number(pid)); ++i)
            QThread::msleep(10);
        QVERIFY(!leftovers(id).isEmpty());      // the crash left its network behind
        QCOMPARE(koker({u"ps"_s}).exitCode, 0); // any command reconciles
        QVERIFY2(leftovers(id).isEmpty(), qPrintable(leftovers(id).join(u", "_s)));
        QCOMPARE(koker({u"rm"_s, id}).exitCode, 0);
    }

    // A host veth on one of our bridges whose container is gone (its directory was
    // deleted by hand, say): the next command finds it among the bridge's ports and
    // deletes it. Another interface on the bridge is left alone.
    void orphanVethIsDeleted()
    {
        KOKER_REQUIRE_ROOT();
        QCOMPARE(koker({u"run"_s, u"--rm"_s, u"starter"_s, u"true"_s}).exitCode, 0);
        const QString bridge = inspect(u"bridge"_s, {u"network"_s, u"inspect"_s})
                                   .value(u"Options"_s)
                                   .toObject()
                                   .value(u"BridgeDevice"_s)
                                   .toString();
        QVERIFY(!bridge.isEmpty());
        const QString orphan = u"kkdeadbeef0042"_s, other = u"kotherport42"_s;
        const QStringList pairs[] = {{orphan, u"kpdeadbeef42"_s}, {other, u"kpother42"_s}};
        for (const QStringList &pair : pairs) {
            const QString &name = pair[0];
            (void)koker::test::run(u"ip"_s, {u"link"_s, u"del"_s, name}); // an earlier failed run
            auto add = koker::test::run(u"ip"_s, {u"link"_s, u"add"_s, name, u"type"_s, u"veth"_s,
                                                  u"peer"_s, u"name"_s, pair[1]});
            QCOMPARE(add.exitCode, 0);
            QCOMPARE(koker::test::run(u"ip"_s, {u"link"_s, u"set"_s, name, u"master"_s, bridge})
                         .exitCode,
                     0);
        }
        QCOMPARE(koker({u"ps"_s}).exitCode, 0); // any command reconciles
        QVERIFY(koker::test::linkGone(orphan));
        QVERIFY(!koker::test::linkGone(other));
        QCOMPARE(koker::test::run(u"ip"_s, {u"link"_s, u"del"_s, other}).exitCode, 0);
    }

    void parallelStartAndRemove()
    {
        KOKER_REQUIRE_ROOT();
        constexpr int kCount = 20;
        QStringList ids;
        QStringList errors;
        std::mutex mutex;
        auto parallel = [&](const std::function<void(int)> &fn) {
            std::vector<std::thread> threads;
            for (int i = 0; i < kCount; ++i)
                threads.emplace_back(fn, i);
            for (std::thread &t : threads)
                t.join();
        };
        parallel([&](int i) {
            ProcessResult r = koker({u"run"_s, u"-d"_s, u"--name"_s, u"par"_s + QString::number(i),
                                     u"starter"_s, u"sleep"_s, u"300"_s},
                                    300000);
            std::lock_guard lock(mutex);
            if (r.exitCode == 0)
                ids << QString::fromUtf8(r.out.trimmed());
            else
                errors << text(r);
        });
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
        QCOMPARE(ids.size(), kCount);
        // 20 different addresses, one lease each.
        QSet<QString> addresses;
        const QStringList lines = leases().split(u'\n');
        for (const QString &id : std::as_const(ids)) {
            int n = 0;
            for (const QString &l : lines) {
                if (l.endsWith(u' ' + id)) {
                    ++n;
                    addresses.insert(l.section(u' ', 0, 0));
                }
            }
            QCOMPARE(n, 1);
        }
        QCOMPARE(addresses.size(), kCount);
        // Every one of them sees the one started last (hosts rewritten in place).
        ProcessResult h = koker({u"exec"_s, u"par0"_s, u"cat"_s, u"/etc/hosts"_s});
        for (int i = 0; i < kCount; ++i)
            QVERIFY2(text(h).contains(
                         QRegularExpression(u"[\t ]par"_s + QString::number(i) + u"[ \n]"_s)),
                     qPrintable(text(h)));

        parallel([&](int i) {
            ProcessResult r = koker({u"rm"_s, u"-f"_s, ids[i]}, 300000);
            std::lock_guard lock(mutex);
            if (r.exitCode != 0)
                errors << text(r);
        });
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
        for (const QString &id : std::as_const(ids))
            QVERIFY2(leftovers(id).isEmpty(),
                     qPrintable(id + u": "_s + leftovers(id).join(u", "_s)));
        // The network's own rules and the jumps exist exactly once.
        const QString nat = iptablesSave(u"nat"_s);
        const QString filter = iptablesSave(u"filter"_s);
        const QString netComment = u"koker-net:"_s + m_bridge;
        QCOMPARE(nat.count(netComment), 1);    // the subnet's MASQUERADE
        QCOMPARE(filter.count(netComment), 2); // FORWARD -i and -o
        QCOMPARE(nat.count(u"-A PREROUTING -m addrtype --dst-type LOCAL -j KOKER\n"_s), 1);
        QCOMPARE(nat.count(u"-A OUTPUT -m addrtype --dst-type LOCAL -j KOKER\n"_s), 1);
        QCOMPARE(nat.count(u"-A POSTROUTING -j KOKER-POSTROUTING\n"_s), 1);
        QCOMPARE(filter.count(u"-A FORWARD -j KOKER-FORWARD\n"_s), 1);
        QVERIFY(QDir(netnsDir()).entryList(QDir::Files | QDir::System).isEmpty());
        QVERIFY2(runRootMounts().isEmpty(), qPrintable(runRootMounts().join(u", "_s)));
    }

    void userNetworkRoundTrip()
    {
        KOKER_REQUIRE_ROOT();
        // A /24 nothing on this host uses.
        const QString routes =
            QString::fromUtf8(koker::test::run(u"ip"_s, {u"-4"_s, u"addr"_s}).out) +
            QString::fromUtf8(koker::test::run(u"ip"_s, {u"route"_s}).out);
        QString subnet;
        for (int i = 0; i < 200 && subnet.isEmpty(); ++i) {
            QString prefix =
                u"10.231."_s + QString::number(QRandomGenerator::global()->bounded(256)) + u'.';
            if (!routes.contains(prefix) && !routes.contains(u"10.231.0.0"_s))
                subnet = prefix + u"0/24"_s;
        }
        QVERIFY(!subnet.isEmpty());
        ProcessResult c = koker({u"network"_s, u"create"_s, u"--subnet"_s, subnet, u"lab"_s});
        QVERIFY2(c.exitCode == 0, qPrintable(text(c)));
        QJsonObject net = inspect(u"lab"_s, {u"network"_s, u"inspect"_s});
        const QString bridge =
            net.value(u"Options"_s).toObject().value(u"BridgeDevice"_s).toString();
        QVERIFY2(bridge.startsWith(u"kk-"_s) && bridge.size() <= 15, qPrintable(bridge));
        QVERIFY(linkNames().contains(bridge));
        QVERIFY(koker({u"network"_s, u"ls"_s}).out.contains(subnet.toUtf8()));
        ProcessResult bad = koker({u"network"_s, u"create"_s, u"la/b"_s});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("invalid network name"), bad.err.constData());
        // Overlapping subnets are refused: the default network's and this one's.
        QVERIFY(koker({u"network"_s, u"create"_s, u"--subnet"_s, m_subnet, u"clash"_s}).exitCode !=
                0);
        QVERIFY(koker({u"network"_s, u"create"_s, u"--subnet"_s, subnet, u"clash"_s}).exitCode !=
                0);

        QString one = runDetached(
            {u"--name"_s, u"lab1"_s, u"--network"_s, u"lab"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QString two = runDetached(
            {u"--name"_s, u"lab2"_s, u"--network"_s, u"lab"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QVERIFY(!one.isEmpty() && !two.isEmpty());
        const QString ip = inspect(one)
                               .value(u"NetworkSettings"_s)
                               .toObject()
                               .value(u"Networks"_s)
                               .toObject()
                               .value(u"lab"_s)
                               .toObject()
                               .value(u"IPAddress"_s)
                               .toString();
        QCOMPARE(ip, subnet.section(u'.', 0, 2) + u".2"_s);
        ProcessResult p = koker({u"exec"_s, u"lab2"_s, u"ping"_s, u"-c1"_s, u"-W2"_s, u"lab1"_s});
        QVERIFY2(p.exitCode == 0, qPrintable(text(p)));

        ProcessResult busy = koker({u"network"_s, u"rm"_s, u"lab"_s});
        QVERIFY(busy.exitCode != 0);
        QVERIFY2(text(busy).contains(u"in use"_s), qPrintable(text(busy)));
        QCOMPARE(koker({u"rm"_s, u"-f"_s, one, two}).exitCode, 0);
        QVERIFY2(leftovers(one).isEmpty(), qPrintable(leftovers(one).join(u", "_s)));
        QVERIFY2(leftovers(two).isEmpty(), qPrintable(leftovers(two).join(u", "_s)));
        ProcessResult rm = koker({u"network"_s, u"rm"_s, u"lab"_s});
        QVERIFY2(rm.exitCode == 0, qPrintable(text(rm)));
        QVERIFY(!linkNames().contains(bridge));
        QVERIFY(!iptablesSave(u"nat"_s).contains(u"koker-net:"_s + bridge));
        QVERIFY(!iptablesSave(u"filter"_s).contains(u"koker-net:"_s + bridge));
        QVERIFY(!QFileInfo::exists(root() + u"/networks/lab"_s));
        QVERIFY(koker({u"network"_s, u"rm"_s, u"bridge"_s}).exitCode != 0); // predefined
    }
};

QTEST_GUILESS_MAIN(TestNetworking)
#include "tst_networking.moc"
