// iptables rules without the kernel: rule -> `iptables` command text, the line
// `iptables-legacy -S` prints, the libiptc call, validation of rule specs and
// published ports, and ipt_entry encode/decode round trips.

#include "runtime/iptables.h"
#include "runtime/netiptrule.h"
#include "runtime/netportmapping.h"
#include "runtime/netsteps.h"

#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;
using koker::ErrorCode;
using koker::net::IpProtocol;
using koker::net::IptablesNat;
using koker::net::IptAction;
using koker::net::IptRule;
using koker::net::IptTable;
using koker::net::IptTarget;
using koker::net::Ipv4Address;
using koker::net::Ipv4Cidr;
using koker::net::PortMapping;

Q_DECLARE_METATYPE(koker::net::IptRule)

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

Ipv4Address ip(const char *text)
{
    return *Ipv4Address::parse(text);
}

PortMapping port(const char *text)
{
    auto p = PortMapping::parse(text);
    if (!p)
        qFatal("bad test port %s", text);
    return *p;
}

const Ipv4Address kContainer = Ipv4Address(10, 88, 0, 2);
const char *const kBridge = "kokerbr0";

IptRule published()
{
    return IptRule::publishedPort(port("8080:80"), kContainer, kBridge, "koker:abc123");
}

IptRule jump(size_t i)
{
    return IptRule::baseJumps().at(i);
}

template <class F>
IptRule changed(IptRule r, F f)
{
    f(r);
    return r;
}

} // namespace

class TestIptablesRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data();
    void render();
    void actions();
    void validateRule_data();
    void validateRule();
    void portMapping_data();
    void portMapping();
    void roundTrip_data();
    void roundTrip();
    void decodeUnknown();
    void ruleStep();
};

void TestIptablesRules::render_data()
{
    QTest::addColumn<IptRule>("rule");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("save");

    QTest::newRow("published tcp port")
        << published()
        << u"iptables -t nat -A KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -m comment "
           "--comment koker:abc123 -j DNAT --to-destination 10.88.0.2:80"_s
        << u"-A KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -m comment --comment "
           "\"koker:abc123\" -j DNAT --to-destination 10.88.0.2:80"_s;
    QTest::newRow("published udp on one host address")
        << IptRule::publishedPort(port("127.0.0.1:5353:53/udp"), kContainer, kBridge,
                                  "koker:abc123")
        << u"iptables -t nat -A KOKER -d 127.0.0.1/32 ! -i kokerbr0 -p udp -m udp --dport 5353 "
           "-m comment --comment koker:abc123 -j DNAT --to-destination 10.88.0.2:53"_s
        << u"-A KOKER -d 127.0.0.1/32 ! -i kokerbr0 -p udp -m udp --dport 5353 -m comment "
           "--comment \"koker:abc123\" -j DNAT --to-destination 10.88.0.2:53"_s;
    QTest::newRow("loopback hairpin masquerade")
        << IptRule::loopbackMasquerade(kContainer, kBridge, "koker:abc123")
        << u"iptables -t nat -A KOKER-POSTROUTING -s 127.0.0.0/8 -d 10.88.0.2/32 -o kokerbr0 -m "
           "comment --comment koker:abc123 -j MASQUERADE"_s
        << u"-A KOKER-POSTROUTING -s 127.0.0.0/8 -d 10.88.0.2/32 -o kokerbr0 -m comment "
           "--comment \"koker:abc123\" -j MASQUERADE"_s;
    QTest::newRow("subnet masquerade")
        << IptRule::subnetMasquerade(*Ipv4Cidr::parse("10.88.0.0/16"), kBridge,
                                     IptRule::networkComment(kBridge))
        << u"iptables -t nat -A KOKER-POSTROUTING -s 10.88.0.0/16 ! -o kokerbr0 -m comment "
           "--comment koker-net:kokerbr0 -j MASQUERADE"_s
        << u"-A KOKER-POSTROUTING -s 10.88.0.0/16 ! -o kokerbr0 -m comment --comment "
           "\"koker-net:kokerbr0\" -j MASQUERADE"_s;
    QTest::newRow("forward from the bridge")
        << IptRule::forwardAccept(kBridge, true, IptRule::networkComment(kBridge))
        << u"iptables -t filter -A KOKER-FORWARD -i kokerbr0 -m comment --comment "
           "koker-net:kokerbr0 -j ACCEPT"_s
        << u"-A KOKER-FORWARD -i kokerbr0 -m comment --comment \"koker-net:kokerbr0\" -j ACCEPT"_s;
    QTest::newRow("forward to the bridge")
        << IptRule::forwardAccept(kBridge, false, IptRule::networkComment(kBridge))
        << u"iptables -t filter -A KOKER-FORWARD -o kokerbr0 -m comment --comment "
           "koker-net:kokerbr0 -j ACCEPT"_s
        << u"-A KOKER-FORWARD -o kokerbr0 -m comment --comment \"koker-net:kokerbr0\" -j ACCEPT"_s;
    QTest::newRow("jump from PREROUTING")
        << jump(0) << u"iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j KOKER"_s
        << u"-A PREROUTING -m addrtype --dst-type LOCAL -j KOKER"_s;
    QTest::newRow("jump from OUTPUT (127.0.0.1 included)")
        << jump(1) << u"iptables -t nat -A OUTPUT -m addrtype --dst-type LOCAL -j KOKER"_s
        << u"-A OUTPUT -m addrtype --dst-type LOCAL -j KOKER"_s;
    QTest::newRow("jump from POSTROUTING")
        << jump(2) << u"iptables -t nat -A POSTROUTING -j KOKER-POSTROUTING"_s
        << u"-A POSTROUTING -j KOKER-POSTROUTING"_s;
    QTest::newRow("jump from FORWARD")
        << jump(3) << u"iptables -t filter -A FORWARD -j KOKER-FORWARD"_s
        << u"-A FORWARD -j KOKER-FORWARD"_s;
    QTest::newRow("comment needing quotes")
        << changed(published(), [](IptRule &r) { r.comment = "lab 3"; })
        << u"iptables -t nat -A KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -m comment "
           "--comment 'lab 3' -j DNAT --to-destination 10.88.0.2:80"_s
        << u"-A KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -m comment --comment \"lab 3\" "
           "-j DNAT --to-destination 10.88.0.2:80"_s;
    QTest::newRow("plain comment stays bare")
        << changed(published(), [](IptRule &r) { r.comment = "web_1-x"; })
        << u"iptables -t nat -A KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -m comment "
           "--comment web_1-x -j DNAT --to-destination 10.88.0.2:80"_s
        << u"-A KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -m comment --comment web_1-x -j "
           "DNAT --to-destination 10.88.0.2:80"_s;
    QTest::newRow("DNAT keeping the port, no comment")
        << changed(published(),
                   [](IptRule &r) {
                       r.natPort = 0;
                       r.comment.clear();
                   })
        << u"iptables -t nat -A KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -j DNAT "
           "--to-destination 10.88.0.2"_s
        << u"-A KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination "
           "10.88.0.2"_s;
    QTest::newRow("inverted source and destination")
        << changed(IptRule::forwardAccept(kBridge, true, ""),
                   [](IptRule &r) {
                       r.source = *Ipv4Cidr::parse("10.0.0.0/8");
                       r.invertSource = true;
                       r.destination = *Ipv4Cidr::parse("10.88.0.9/32");
                       r.invertDestination = true;
                   })
        << u"iptables -t filter -A KOKER-FORWARD ! -s 10.0.0.0/8 ! -d 10.88.0.9/32 -i kokerbr0 "
           "-j ACCEPT"_s
        << u"-A KOKER-FORWARD ! -s 10.0.0.0/8 ! -d 10.88.0.9/32 -i kokerbr0 -j ACCEPT"_s;
}

void TestIptablesRules::render()
{
    QFETCH(IptRule, rule);
    QFETCH(QString, command);
    QFETCH(QString, save);
    QVERIFY2(rule.validate(),
             qPrintable(qs(rule.validate() ? "" : rule.validate().error().message)));
    QCOMPARE(qs(rule.command()), command);
    QCOMPARE(qs(rule.saveLine()), save);
}

void TestIptablesRules::actions()
{
    IptRule r = published();
    QCOMPARE(qs(r.command(IptAction::Delete)),
             u"iptables -t nat -D KOKER ! -i kokerbr0 -p tcp -m tcp --dport 8080 -m comment "
             "--comment koker:abc123 -j DNAT --to-destination 10.88.0.2:80"_s);
    QCOMPARE(qs(jump(0).command(IptAction::Insert)),
             u"iptables -t nat -I PREROUTING 1 -m addrtype --dst-type LOCAL -j KOKER"_s);
    QCOMPARE(qs(r.libiptcCall(IptAction::Append)),
             u"iptc_append_entry(\"KOKER\", {! -i kokerbr0 -p tcp -m tcp --dport 8080 -m comment "
             "--comment \"koker:abc123\" -j DNAT --to-destination 10.88.0.2:80}); "
             "iptc_commit(nat)"_s);
    QCOMPARE(qs(jump(3).libiptcCall(IptAction::Insert)),
             u"iptc_insert_entry(\"FORWARD\", {-j KOKER-FORWARD}, 0); iptc_commit(filter)"_s);
    QCOMPARE(qs(jump(2).libiptcCall(IptAction::Delete)),
             u"iptc_delete_entry(\"POSTROUTING\", {-j KOKER-POSTROUTING}); iptc_commit(nat)"_s);
    QCOMPARE(qs(IptRule::containerComment("abc")), u"koker:abc"_s);
    QCOMPARE(qs(IptRule::networkComment("br0")), u"koker-net:br0"_s);
}

void TestIptablesRules::validateRule_data()
{
    QTest::addColumn<IptRule>("rule");
    QTest::addColumn<QString>("message"); // empty: valid

    QTest::newRow("published port") << published() << QString();
    QTest::newRow("port 1") << changed(published(), [](IptRule &r) { r.destinationPort = 1; })
                            << QString();
    QTest::newRow("port 65535") << changed(published(), [](IptRule &r) {
        r.destinationPort = 65535;
    }) << QString();
    QTest::newRow("port 65536") << changed(published(), [](IptRule &r) {
        r.destinationPort = 65536;
    }) << u"destination port 65536 is outside 1-65535"_s;
    QTest::newRow("negative port")
        << changed(published(), [](IptRule &r) { r.destinationPort = -80; })
        << u"outside 1-65535"_s;
    QTest::newRow("DNAT port 0 keeps the port")
        << changed(published(), [](IptRule &r) { r.natPort = 0; }) << QString();
    QTest::newRow("DNAT port 70000") << changed(published(), [](IptRule &r) { r.natPort = 70000; })
                                     << u"DNAT port 70000 is outside 1-65535"_s;
    QTest::newRow("port without protocol") << changed(published(), [](IptRule &r) {
        r.protocol = IpProtocol::Any;
        r.natPort = 0;
    }) << u"needs a protocol"_s;
    QTest::newRow("DNAT port without protocol") << changed(published(), [](IptRule &r) {
        r.protocol = IpProtocol::Any;
        r.destinationPort = 0;
    }) << u"DNAT to a port needs a protocol"_s;
    QTest::newRow("DNAT to 0.0.0.0")
        << changed(published(), [](IptRule &r) { r.natAddress = Ipv4Address(); })
        << u"unicast --to-destination"_s;
    QTest::newRow("DNAT to multicast")
        << changed(published(), [](IptRule &r) { r.natAddress = ip("224.0.0.5"); })
        << u"unicast --to-destination"_s;
    QTest::newRow("DNAT in filter")
        << changed(published(), [](IptRule &r) { r.table = IptTable::Filter; })
        << u"DNAT only exists in the nat table"_s;
    QTest::newRow("MASQUERADE in filter")
        << changed(IptRule::loopbackMasquerade(kContainer, kBridge, "c"),
                   [](IptRule &r) { r.table = IptTable::Filter; })
        << u"MASQUERADE only exists in the nat table"_s;
    QTest::newRow("source with host bits")
        << changed(published(), [](IptRule &r) { r.source = *Ipv4Cidr::parse("10.88.0.5/16"); })
        << u"write 10.88.0.0/16"_s;
    QTest::newRow("! -s without address")
        << changed(published(), [](IptRule &r) { r.invertSource = true; })
        << u"'! -s' needs a source address"_s;
    QTest::newRow("! -o without interface")
        << changed(published(), [](IptRule &r) { r.invertOutInterface = true; })
        << u"'! -o' needs an interface name"_s;
    QTest::newRow("interface of 16 characters")
        << changed(published(), [](IptRule &r) { r.inInterface = "abcdefghijklmnop"; })
        << u"longer than 15 characters"_s;
    QTest::newRow("interface with a slash")
        << changed(published(), [](IptRule &r) { r.outInterface = "br/0"; })
        << u"character the kernel refuses"_s;
    QTest::newRow("empty chain") << changed(published(), [](IptRule &r) { r.chain.clear(); })
                                 << u"must be 1 to 28 characters"_s;
    QTest::newRow("chain of 29 characters")
        << changed(published(), [](IptRule &r) { r.chain = std::string(29, 'K'); })
        << u"must be 1 to 28 characters"_s;
    QTest::newRow("chain starting with a dash")
        << changed(published(), [](IptRule &r) { r.chain = "-KOKER"; })
        << u"must not start with '-'"_s;
    QTest::newRow("jump to a chain with a space")
        << changed(jump(0), [](IptRule &r) { r.jumpChain = "MY CHAIN"; }) << u"jump target"_s;
    QTest::newRow("comment with a quote")
        << changed(published(), [](IptRule &r) { r.comment = "a\"b"; })
        << u"without quotes or backslashes"_s;
    QTest::newRow("comment of 256 characters")
        << changed(published(), [](IptRule &r) { r.comment = std::string(256, 'c'); })
        << u"longer than 255"_s;
    QTest::newRow("comment of 255 characters")
        << changed(published(), [](IptRule &r) { r.comment = std::string(255, 'c'); }) << QString();
    QTest::newRow("undecoded parts are not writable")
        << changed(published(), [](IptRule &r) { r.undecoded = "-m state"; })
        << u"koker does not write"_s;
}

void TestIptablesRules::validateRule()
{
    QFETCH(IptRule, rule);
    QFETCH(QString, message);
    auto st = rule.validate();
    auto encoded = IptablesNat::encode(rule);
    if (message.isEmpty()) {
        QVERIFY2(st, qPrintable(qs(st ? "" : st.error().message)));
        QVERIFY(encoded);
        return;
    }
    QVERIFY2(!st, "accepted");
    QCOMPARE(st.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(qs(st.error().message).contains(message), qPrintable(qs(st.error().message)));
    QVERIFY(!encoded); // nothing invalid ever reaches libiptc
}

void TestIptablesRules::portMapping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: refused
    QTest::addColumn<QString>("message");

    QTest::newRow("host:container") << u"8080:80"_s << u"8080:80/tcp"_s << QString();
    QTest::newRow("udp") << u"5353:53/udp"_s << u"5353:53/udp"_s << QString();
    QTest::newRow("explicit tcp") << u"1:65535/tcp"_s << u"1:65535/tcp"_s << QString();
    QTest::newRow("host address") << u"127.0.0.1:8080:80"_s << u"127.0.0.1:8080:80/tcp"_s
                                  << QString();
    QTest::newRow("0.0.0.0 means every address")
        << u"0.0.0.0:8080:80"_s << u"8080:80/tcp"_s << QString();
    QTest::newRow("host port 0") << u"0:80"_s << QString() << u"host port 0 is outside 1-65535"_s;
    QTest::newRow("host port 65536")
        << u"65536:80"_s << QString() << u"host port 65536 is outside 1-65535"_s;
    QTest::newRow("container port 0")
        << u"8080:0"_s << QString() << u"container port 0 is outside 1-65535"_s;
    QTest::newRow("container port huge")
        << u"8080:999999"_s << QString() << u"container port 999999 is outside"_s;
    QTest::newRow("negative") << u"-1:80"_s << QString() << u"host port that is not a number"_s;
    QTest::newRow("letters") << u"http:80"_s << QString() << u"host port that is not a number"_s;
    QTest::newRow("container port letters")
        << u"80:www"_s << QString() << u"container port that is not a number"_s;
    QTest::newRow("sctp") << u"8080:80/sctp"_s << QString() << u"unknown protocol 'sctp'"_s;
    QTest::newRow("empty protocol") << u"8080:80/"_s << QString() << u"unknown protocol"_s;
    QTest::newRow("one part") << u"8080"_s << QString() << u"two or three"_s;
    QTest::newRow("four parts") << u"1.2.3.4:1:2:3"_s << QString() << u"two or three"_s;
    QTest::newRow("bad host address") << u"1.2.3:80:80"_s << QString() << u"bad host address"_s;
    QTest::newRow("multicast host address")
        << u"224.0.0.1:80:80"_s << QString() << u"multicast or broadcast"_s;
    QTest::newRow("broadcast host address")
        << u"255.255.255.255:80:80"_s << QString() << u"multicast or broadcast"_s;
    QTest::newRow("empty") << QString() << QString() << u"two or three"_s;
}

void TestIptablesRules::portMapping()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(QString, message);
    auto p = PortMapping::parse(text.toStdString());
    if (canonical.isEmpty()) {
        QVERIFY2(!p, "accepted");
        QCOMPARE(p.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(qs(p.error().message).contains(message), qPrintable(qs(p.error().message)));
        return;
    }
    QVERIFY2(p, qPrintable(qs(p ? "" : p.error().message)));
    QCOMPARE(qs(p->toString()), canonical);
    // The rule it becomes is valid too.
    QVERIFY(IptRule::publishedPort(*p, kContainer, kBridge, "koker:x").validate());
}

void TestIptablesRules::roundTrip_data()
{
    QTest::addColumn<IptRule>("rule");
    QTest::newRow("published tcp") << published();
    QTest::newRow("published udp on an address")
        << IptRule::publishedPort(port("192.0.2.2:53:53/udp"), kContainer, kBridge, "koker:c");
    QTest::newRow("loopback masquerade")
        << IptRule::loopbackMasquerade(kContainer, kBridge, "koker:c");
    QTest::newRow("subnet masquerade")
        << IptRule::subnetMasquerade(*Ipv4Cidr::parse("10.88.0.0/16"), kBridge, "koker-net:b");
    QTest::newRow("forward accept") << IptRule::forwardAccept(kBridge, false, "koker-net:b");
    for (size_t i = 0; i < IptRule::baseJumps().size(); ++i)
        QTest::newRow(("jump " + IptRule::baseJumps()[i].chain).c_str()) << jump(i);
    QTest::newRow("15-character interface")
        << changed(published(), [](IptRule &r) { r.inInterface = "abcdefghijklmno"; });
    QTest::newRow("everything inverted")
        << changed(IptRule::forwardAccept(kBridge, true, ""), [](IptRule &r) {
               r.source = *Ipv4Cidr::parse("10.0.0.0/8");
               r.invertSource = true;
               r.destination = *Ipv4Cidr::parse("0.0.0.0/1");
               r.invertDestination = true;
               r.outInterface = "eth0";
               r.invertOutInterface = true;
           });
}

void TestIptablesRules::roundTrip()
{
    QFETCH(IptRule, rule);
    auto buf = IptablesNat::encode(rule);
    QVERIFY2(buf, qPrintable(qs(buf ? "" : buf.error().message)));
    QCOMPARE(buf->size() % 8, size_t(0)); // XT_ALIGN'd all the way through
    bool standard = rule.target == IptTarget::Accept || rule.target == IptTarget::Jump;
    std::string target = rule.target == IptTarget::Jump     ? rule.jumpChain
                         : rule.target == IptTarget::Accept ? "ACCEPT"
                         : rule.target == IptTarget::Dnat   ? "DNAT"
                                                            : "MASQUERADE";
    IptRule back =
        IptablesNat::decode(buf->data(), buf->size(), rule.table, rule.chain, target, standard);
    QCOMPARE(qs(back.undecoded), QString());
    QCOMPARE(qs(back.saveLine()), qs(rule.saveLine()));
    QVERIFY(back == rule);
}

void TestIptablesRules::decodeUnknown()
{
    // A rule someone else put in our chain never compares equal to one of ours,
    // and a truncated buffer is reported, not read past.
    auto buf = IptablesNat::encode(published());
    QVERIFY(buf);
    IptRule other =
        IptablesNat::decode(buf->data(), buf->size(), IptTable::Nat, "KOKER", "LOG", false);
    QCOMPARE(other.target, IptTarget::Other);
    QVERIFY(qs(other.undecoded).contains(u"-j LOG"_s));
    QVERIFY(!(other == published()));
    IptRule drop =
        IptablesNat::decode(buf->data(), buf->size(), IptTable::Nat, "KOKER", "DROP", true);
    QCOMPARE(drop.target, IptTarget::Other);
    QVERIFY(!drop.validate());
    IptRule cut = IptablesNat::decode(buf->data(), 40, IptTable::Nat, "KOKER", "DNAT", false);
    QCOMPARE(qs(cut.undecoded), u"(malformed entry)"_s);
}

void TestIptablesRules::ruleStep()
{
    IptablesNat nat;
    IptRule rule = published();
    koker::Step step = koker::net::NetSteps::iptablesRule(nat, rule);
    QCOMPARE(QString::fromLatin1(step.record.key), u"net.iptables.rule"_s);
    QCOMPARE(step.record.phase, koker::Phase::Network);
    QCOMPARE(QString::fromLatin1(step.record.title),
             u"Publish port 8080/tcp -> 10.88.0.2:80 (DNAT)"_s);
    QCOMPARE(QString::fromLatin1(step.record.op), qs(rule.libiptcCall(IptAction::Append)));
    QCOMPARE(QString::fromLatin1(step.record.shell), qs(rule.command(IptAction::Append)));
    QVERIFY(step.rollback);
    QCOMPARE(qs(step.rollbackShell), qs(rule.command(IptAction::Delete)));

    koker::Step chains = koker::net::NetSteps::iptablesChains(nat);
    QString shell = QString::fromLatin1(chains.record.shell);
    QVERIFY2(shell.startsWith(u"iptables -t nat -N KOKER; "_s), qPrintable(shell));
    QVERIFY2(shell.endsWith(u"iptables -t filter -I FORWARD 1 -j KOKER-FORWARD"_s),
             qPrintable(shell));
    QVERIFY(!chains.rollback); // shared by every network: never undone by one plan
}

QTEST_GUILESS_MAIN(TestIptablesRules)
#include "tst_iptablesrules.moc"
