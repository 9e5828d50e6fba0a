// Docker's command-line sizes, CPU amounts, port mappings and bind mounts:
// parseMemorySize (go-units RAMInBytes), parseSwapSize, parseCpus (NanoCPUs),
// formatBytesBinary, PortMapping::parse and VolumeMount::parse.

#include "engine/containerrecord.h"
#include "engine/units.h"

#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;
using namespace koker;

namespace {

constexpr qint64 kError = -2; // not a value any of these parsers return
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 TiB = 1024 * GiB;

} // namespace

class TestUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memory_data();
    void memory();
    void swap_data();
    void swap();
    void cpus_data();
    void cpus();
    void formatBytes_data();
    void formatBytes();
    void port_data();
    void port();
    void volume_data();
    void volume();
};

void TestUnits::memory_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("plain bytes") << u"1024"_s << qint64(1024);
    QTest::newRow("zero") << u"0"_s << qint64(0);
    QTest::newRow("b") << u"512b"_s << qint64(512);
    QTest::newRow("k") << u"1k"_s << KiB;
    QTest::newRow("K") << u"1K"_s << KiB;
    QTest::newRow("kb") << u"1kb"_s << KiB;
    QTest::newRow("KiB") << u"1KiB"_s << KiB;
    QTest::newRow("m") << u"10m"_s << 10 * MiB;
    QTest::newRow("M") << u"10M"_s << 10 * MiB;
    QTest::newRow("MB") << u"10MB"_s << 10 * MiB;
    QTest::newRow("mib") << u"256mib"_s << 256 * MiB;
    QTest::newRow("g") << u"1g"_s << GiB;
    QTest::newRow("gb") << u"1gb"_s << GiB;
    QTest::newRow("gib") << u"1gib"_s << GiB;
    QTest::newRow("GiB") << u"1GiB"_s << GiB;
    QTest::newRow("1.5g") << u"1.5g"_s << qint64(1610612736);
    QTest::newRow("0.5k") << u"0.5k"_s << qint64(512);
    // go-units truncates with int64(): 1.7 * 1024 = 1740.8 -> 1740.
    QTest::newRow("1.7k truncates") << u"1.7k"_s << qint64(1740);
    QTest::newRow("0.3m truncates") << u"0.3m"_s << qint64(314572);
    QTest::newRow("2.0 is whole") << u"2.0"_s << qint64(2);
    QTest::newRow("t") << u"1t"_s << TiB;
    QTest::newRow("8191t") << u"8191t"_s << qint64(9006099743113216);
    QTest::newRow("leading zeros") << u"007m"_s << 7 * MiB;
    QTest::newRow("surrounding spaces") << u" 256m "_s << 256 * MiB;

    QTest::newRow("negative") << u"-1"_s << kError;
    QTest::newRow("negative with unit") << u"-1g"_s << kError;
    QTest::newRow("plus sign") << u"+1g"_s << kError;
    QTest::newRow("unknown unit") << u"1x"_s << kError;
    QTest::newRow("empty") << u""_s << kError;
    QTest::newRow("only spaces") << u"   "_s << kError;
    QTest::newRow("unit only") << u"k"_s << kError;
    QTest::newRow("double unit") << u"1kk"_s << kError;
    QTest::newRow("unit before number") << u"k1"_s << kError;
    QTest::newRow("fractional bytes") << u"1.5b"_s << kError;
    QTest::newRow("fractional no unit") << u"1.5"_s << kError;
    QTest::newRow("two dots") << u"1.5.5m"_s << kError;
    QTest::newRow("double dot") << u"1..5m"_s << kError;
    QTest::newRow("dot only") << u".m"_s << kError;
    QTest::newRow("exponent") << u"1e3"_s << kError;
    QTest::newRow("hex") << u"0x10"_s << kError;
    QTest::newRow("inf") << u"inf"_s << kError;
    QTest::newRow("nan") << u"nan"_s << kError;
    QTest::newRow("comma decimal") << u"1,5g"_s << kError;
    QTest::newRow("trailing junk") << u"10m;"_s << kError;
    QTest::newRow("non-ascii digit") << u"\u0661m"_s << kError;
    QTest::newRow("int64 max") << u"9223372036854775807"_s << kError;
    QTest::newRow("2^63 via g") << u"8589934592g"_s << kError;
    QTest::newRow("2^63 via t") << u"8388608t"_s << kError;
    QTest::newRow("huge") << u"99999999999999999999999999"_s << kError;
    QTest::newRow("huge t") << u"1e300t"_s << kError;
}

void TestUnits::memory()
{
    QFETCH(QString, input);
    QFETCH(qint64, expected);

    auto v = parseMemorySize(input);
    if (expected == kError) {
        QVERIFY2(!v, qPrintable(u"accepted as "_s + QString::number(v ? *v : 0)));
        QCOMPARE(v.error().code, ErrorCode::InvalidArgument);
        return;
    }
    QVERIFY2(v, v ? "" : v.error().message.c_str());
    QCOMPARE(*v, expected);
}

void TestUnits::swap_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("unlimited") << u"-1"_s << qint64(-1);
    QTest::newRow("unlimited spaced") << u" -1 "_s << qint64(-1);
    QTest::newRow("size") << u"1g"_s << GiB;
    QTest::newRow("zero") << u"0"_s << qint64(0);
    QTest::newRow("bytes") << u"4096"_s << qint64(4096);
    QTest::newRow("-2") << u"-2"_s << kError;
    QTest::newRow("-1k") << u"-1k"_s << kError;
    QTest::newRow("-1.0") << u"-1.0"_s << kError;
    QTest::newRow("empty") << u""_s << kError;
    QTest::newRow("junk") << u"lots"_s << kError;
}

void TestUnits::swap()
{
    QFETCH(QString, input);
    QFETCH(qint64, expected);

    auto v = parseSwapSize(input);
    if (expected == kError) {
        QVERIFY2(!v, qPrintable(u"accepted as "_s + QString::number(v ? *v : 0)));
        return;
    }
    QVERIFY2(v, v ? "" : v.error().message.c_str());
    QCOMPARE(*v, expected);
}

void TestUnits::cpus_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("half") << u"0.5"_s << qint64(500000000);
    QTest::newRow("two") << u"2"_s << qint64(2000000000);
    QTest::newRow("one and a half") << u"1.5"_s << qint64(1500000000);
    QTest::newRow("three decimals") << u"0.001"_s << qint64(1000000);
    QTest::newRow("three decimals large") << u"3.125"_s << qint64(3125000000);
    QTest::newRow("zero") << u"0"_s << qint64(0);
    QTest::newRow("trailing zeros") << u"0.5000"_s << qint64(500000000);
    QTest::newRow("many trailing zeros") << u"1.0000000000"_s << qint64(1000000000);
    QTest::newRow("leading dot") << u".5"_s << qint64(500000000);
    QTest::newRow("spaces") << u" 1.5 "_s << qint64(1500000000);
    // Docker's NanoCPUs parses a big.Rat, which takes exponents.
    QTest::newRow("exponent") << u"1e3"_s << qint64(1000000000000);
    QTest::newRow("exponent with decimals") << u"1.5e-2"_s << qint64(15000000);
    QTest::newRow("max") << u"1000000"_s << qint64(1000000000000000);

    QTest::newRow("four decimals") << u"0.0001"_s << kError;
    QTest::newRow("half a millicpu") << u"0.0015"_s << kError;
    QTest::newRow("nine decimals") << u"0.000000001"_s << kError;
    // A tolerance on the double let these through: the first as 0, i.e. no limit at all.
    QTest::newRow("ten decimals rounds to zero") << u"0.0000000001"_s << kError;
    QTest::newRow("ten decimals above one") << u"1.0000000001"_s << kError;
    QTest::newRow("tiny exponent") << u"1e-10"_s << kError;
    QTest::newRow("exponent too precise") << u"1.5e-3"_s << kError;
    QTest::newRow("negative") << u"-1"_s << kError;
    QTest::newRow("negative half") << u"-0.5"_s << kError;
    QTest::newRow("letters") << u"abc"_s << kError;
    QTest::newRow("empty") << u""_s << kError;
    QTest::newRow("nan") << u"nan"_s << kError;
    QTest::newRow("inf") << u"inf"_s << kError;
    QTest::newRow("over max") << u"1000001"_s << kError;
    QTest::newRow("comma") << u"1,5"_s << kError;
    QTest::newRow("hex") << u"0x1"_s << kError;
    QTest::newRow("unit") << u"2cpus"_s << kError;
}

void TestUnits::cpus()
{
    QFETCH(QString, input);
    QFETCH(qint64, expected);

    auto v = parseCpus(input);
    if (expected == kError) {
        QVERIFY2(!v, qPrintable(u"accepted as "_s + QString::number(v ? *v : 0)));
        QCOMPARE(v.error().code, ErrorCode::InvalidArgument);
        return;
    }
    QVERIFY2(v, v ? "" : v.error().message.c_str());
    QCOMPARE(*v, expected);
}

void TestUnits::formatBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << u"0 B"_s;
    QTest::newRow("one") << qint64(1) << u"1 B"_s;
    QTest::newRow("1023") << qint64(1023) << u"1023 B"_s;
    QTest::newRow("1 KiB") << KiB << u"1 KiB"_s;
    QTest::newRow("1.5 KiB") << qint64(1536) << u"1.5 KiB"_s;
    QTest::newRow("1 MiB") << MiB << u"1 MiB"_s;
    QTest::newRow("10 MiB") << 10 * MiB << u"10 MiB"_s;
    QTest::newRow("1.5 GiB") << qint64(1610612736) << u"1.5 GiB"_s;
    QTest::newRow("1 TiB") << TiB << u"1 TiB"_s;
    QTest::newRow("TiB is the largest unit") << 1024 * TiB << u"1024 TiB"_s;
    QTest::newRow("one decimal") << 5 * MiB + 300 * KiB << u"5.3 MiB"_s;
    // Rounds like go-units' HumanSize ("1024KiB"): the unit is chosen before rounding.
    QTest::newRow("just under 1 MiB") << MiB - 1 << u"1024.0 KiB"_s;
    QTest::newRow("negative") << qint64(-5) << u"-5 B"_s;
}

void TestUnits::formatBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(formatBytesBinary(bytes), expected);
}

void TestUnits::port_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // toString() or ERROR

    const QString error = u"ERROR"_s;

    QTest::newRow("host:container") << u"8080:80"_s << u"0.0.0.0:8080->80/tcp"_s;
    // Koker publishes a lone port on the same host port (Docker picks a random one).
    QTest::newRow("container only") << u"80"_s << u"0.0.0.0:80->80/tcp"_s;
    QTest::newRow("ip host container udp")
        << u"127.0.0.1:8080:80/udp"_s << u"127.0.0.1:8080->80/udp"_s;
    QTest::newRow("explicit tcp") << u"8080:80/tcp"_s << u"0.0.0.0:8080->80/tcp"_s;
    QTest::newRow("upper case protocol") << u"53:53/UDP"_s << u"0.0.0.0:53->53/udp"_s;
    QTest::newRow("lone port udp") << u"53/udp"_s << u"0.0.0.0:53->53/udp"_s;
    QTest::newRow("empty ip") << u":8080:80"_s << u"0.0.0.0:8080->80/tcp"_s;
    QTest::newRow("any address") << u"0.0.0.0:80:80"_s << u"0.0.0.0:80->80/tcp"_s;
    QTest::newRow("max ports") << u"65535:65535"_s << u"0.0.0.0:65535->65535/tcp"_s;
    QTest::newRow("min ports") << u"1:1"_s << u"0.0.0.0:1->1/tcp"_s;
    QTest::newRow("leading zero") << u"080:80"_s << u"0.0.0.0:80->80/tcp"_s;
    QTest::newRow("ip 255") << u"255.255.255.255:1:2"_s << u"255.255.255.255:1->2/tcp"_s;

    QTest::newRow("host port 0") << u"0:80"_s << error;
    QTest::newRow("container port 0") << u"80:0"_s << error;
    QTest::newRow("lone 0") << u"0"_s << error;
    QTest::newRow("host port 65536") << u"65536:80"_s << error;
    QTest::newRow("container port 65536") << u"80:65536"_s << error;
    QTest::newRow("huge") << u"99999999999:80"_s << error;
    QTest::newRow("negative") << u"-1:80"_s << error;
    QTest::newRow("letters") << u"a:80"_s << error;
    QTest::newRow("letters container") << u"80:http"_s << error;
    QTest::newRow("three-part ip") << u"1.2.3:80:80"_s << error;
    QTest::newRow("octet 256") << u"256.1.1.1:80:80"_s << error;
    QTest::newRow("five-part ip") << u"1.2.3.4.5:80:80"_s << error;
    QTest::newRow("hostname as ip") << u"localhost:80:80"_s << error;
    QTest::newRow("newline after ip") << u"127.0.0.1\n:80:80"_s << error;
    QTest::newRow("sctp") << u"8080:80/sctp"_s << error;
    QTest::newRow("empty protocol") << u"8080:80/"_s << error;
    QTest::newRow("protocol only") << u"/tcp"_s << error;
    QTest::newRow("two protocols") << u"80/tcp/udp"_s << error;
    QTest::newRow("empty") << u""_s << error;
    QTest::newRow("empty host port") << u":80"_s << error;
    QTest::newRow("empty container port") << u"80:"_s << error;
    QTest::newRow("four parts") << u"1.2.3.4:1:2:3"_s << error;
    QTest::newRow("port range") << u"8000-8010:80"_s << error;
    QTest::newRow("ipv6") << u"[::1]:80:80"_s << error;
    QTest::newRow("plus sign") << u"+80:80"_s << error;
    QTest::newRow("space") << u"80: 80"_s << error;
}

void TestUnits::port()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    auto m = PortMapping::parse(input);
    if (expected == u"ERROR"_s) {
        QVERIFY2(!m, qPrintable(u"accepted as "_s + (m ? m->toString() : QString())));
        QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
        return;
    }
    QVERIFY2(m, m ? "" : m.error().message.c_str());
    QCOMPARE(m->toString(), expected);
}

void TestUnits::volume_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // "source -> target (ro|rw)" or ERROR

    const QString error = u"ERROR"_s;

    QTest::newRow("bind") << u"/a:/b"_s << u"/a -> /b (rw)"_s;
    QTest::newRow("read-only") << u"/a:/b:ro"_s << u"/a -> /b (ro)"_s;
    QTest::newRow("read-write") << u"/a:/b:rw"_s << u"/a -> /b (rw)"_s;
    QTest::newRow("trailing slashes") << u"/host/dir/:/data/"_s << u"/host/dir -> /data (rw)"_s;
    QTest::newRow("clean both") << u"/a/./b/../c:/x//y/./z"_s << u"/a/c -> /x/y/z (rw)"_s;
    QTest::newRow("host root") << u"/:/mnt"_s << u"/ -> /mnt (rw)"_s;
    QTest::newRow("source dotdot above root") << u"/a/../..:/b"_s << u"/ -> /b (rw)"_s;
    QTest::newRow("target dotdot at root") << u"/a:/../etc"_s << u"/a -> /etc (rw)"_s;
    QTest::newRow("spaces in paths")
        << u"/my dir:/their dir:ro"_s << u"/my dir -> /their dir (ro)"_s;

    QTest::newRow("relative source") << u"a:/b"_s << error;
    QTest::newRow("dot source") << u"./a:/b"_s << error;
    QTest::newRow("tilde source") << u"~/a:/b"_s << error;
    QTest::newRow("named volume") << u"data:/var/lib/data"_s << error;
    QTest::newRow("relative target") << u"/a:b"_s << error;
    QTest::newRow("target root") << u"/a:/"_s << error;
    QTest::newRow("target root by cleaning") << u"/a:/b/.."_s << error;
    QTest::newRow("target dotdot") << u"/a:/.."_s << error;
    QTest::newRow("target above root") << u"/a:/b/../.."_s << error;
    QTest::newRow("target double slash") << u"/a://"_s << error;
    QTest::newRow("bad mode") << u"/a:/b:xx"_s << error;
    QTest::newRow("upper case mode") << u"/a:/b:RO"_s << error;
    QTest::newRow("empty mode") << u"/a:/b:"_s << error;
    QTest::newRow("selinux mode") << u"/a:/b:z"_s << error;
    QTest::newRow("combined modes") << u"/a:/b:ro,z"_s << error;
    QTest::newRow("four parts") << u"/a:/b:ro:x"_s << error;
    QTest::newRow("source only") << u"/a"_s << error;
    QTest::newRow("empty") << u""_s << error;
    QTest::newRow("empty source") << u":/b"_s << error;
    QTest::newRow("empty target") << u"/a:"_s << error;
}

void TestUnits::volume()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    auto v = VolumeMount::parse(input);
    if (expected == u"ERROR"_s) {
        QVERIFY2(!v, qPrintable(u"accepted as "_s +
                                (v ? v->source + u" -> "_s + v->target : QString())));
        QCOMPARE(v.error().code, ErrorCode::InvalidArgument);
        return;
    }
    QVERIFY2(v, v ? "" : v.error().message.c_str());
    QCOMPARE(v->source + u" -> "_s + v->target + (v->readOnly ? u" (ro)"_s : u" (rw)"_s), expected);
}

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
