// RegistriesConfig: the registries.conf parser and the transport rules (which
// registries may use plain HTTP, which TLS errors suggest the insecure setting).

#include "engine/registriesconfig.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;
using koker::RegistriesConfig;

class TestRegistriesConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void load();
    void plainHttp_data();
    void plainHttp();
    void selfHosted_data();
    void selfHosted();
};

void TestRegistriesConfig::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("insecure"); // comma-separated, or "ERROR"
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("comments only") << QByteArray("# nothing\n   # here\n\n") << QString();
    QTest::newRow("one") << QByteArray("[registry.\"lab.local:5000\"]\ninsecure = true\n")
                         << u"lab.local:5000"_s;
    QTest::newRow("normalised") << QByteArray("[registry.\"Lab.Local:5000\"]\ninsecure=true")
                                << u"lab.local:5000"_s;
    QTest::newRow("two, one false")
        << QByteArray("[registry.\"a.lan\"]\ninsecure = true # trailing comment\n\n"
                      "[ registry.\"b.lan:443\" ]\n  insecure = false\n")
        << u"a.lan"_s;
    QTest::newRow("ipv6") << QByteArray("[registry.\"[fd00::1]:5000\"]\ninsecure = true")
                          << u"[fd00::1]:5000"_s;
    QTest::newRow("table without keys") << QByteArray("[registry.\"a.lan\"]\n") << QString();
    QTest::newRow("crlf") << QByteArray("[registry.\"a.lan\"]\r\ninsecure = true\r\n")
                          << u"a.lan"_s;

    QTest::newRow("key outside table") << QByteArray("insecure = true\n") << u"ERROR"_s;
    QTest::newRow("unknown key") << QByteArray("[registry.\"a.lan\"]\ninsecur = true\n")
                                 << u"ERROR"_s;
    QTest::newRow("not a boolean")
        << QByteArray("[registry.\"a.lan\"]\ninsecure = yes\n") << u"ERROR"_s;
    QTest::newRow("quoted boolean")
        << QByteArray("[registry.\"a.lan\"]\ninsecure = \"true\"\n") << u"ERROR"_s;
    QTest::newRow("unquoted host")
        << QByteArray("[registry.a.lan]\ninsecure = true\n") << u"ERROR"_s;
    QTest::newRow("other table") << QByteArray("[mirror.\"a.lan\"]\n") << u"ERROR"_s;
    QTest::newRow("invalid host") << QByteArray("[registry.\"a b\"]\n") << u"ERROR"_s;
    QTest::newRow("host with path") << QByteArray("[registry.\"a.lan/x\"]\n") << u"ERROR"_s;
    QTest::newRow("duplicate table")
        << QByteArray("[registry.\"a.lan\"]\n[registry.\"A.lan\"]\n") << u"ERROR"_s;
    QTest::newRow("duplicate key")
        << QByteArray("[registry.\"a.lan\"]\ninsecure = true\ninsecure = false\n") << u"ERROR"_s;
    QTest::newRow("junk line") << QByteArray("[registry.\"a.lan\"]\nhello\n") << u"ERROR"_s;
    QTest::newRow("unclosed table") << QByteArray("[registry.\"a.lan\"\n") << u"ERROR"_s;
}

void TestRegistriesConfig::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, insecure);
    auto config = RegistriesConfig::parse(text, u"test.conf"_s);
    if (insecure == u"ERROR"_s) {
        QVERIFY(!config);
        QCOMPARE(config.error().code, koker::ErrorCode::InvalidArgument);
        QVERIFY2(QString::fromStdString(config.error().message).startsWith(u"test.conf line "_s),
                 config.error().message.c_str());
        return;
    }
    QVERIFY2(config, config ? "" : config.error().message.c_str());
    QCOMPARE(config->insecureRegistries().join(u','), insecure);
    for (const QString &r : config->insecureRegistries())
        QVERIFY(config->isInsecure(r.toUpper()));
}

void TestRegistriesConfig::load()
{
    QTemporaryDir dir;
    auto missing = RegistriesConfig::load(dir.filePath(u"none.conf"_s));
    QVERIFY(missing);
    QVERIFY(missing->insecureRegistries().isEmpty());

    const QString path = dir.filePath(u"registries.conf"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[registry.\"lab.local:5000\"]\ninsecure = true\n");
    f.close();
    auto config = RegistriesConfig::load(path);
    QVERIFY(config);
    QVERIFY(config->isInsecure(u"lab.local:5000"_s));
    QVERIFY(!config->isInsecure(u"lab.local"_s)); // the port is part of the name
    QVERIFY(config->skipsTlsVerification(u"lab.local:5000"_s));

    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("[registry.\"lab.local:5000\"]\ninsecure = maybe\n");
    f.close();
    auto bad = RegistriesConfig::load(path);
    QVERIFY(!bad);
    QVERIFY(QString::fromStdString(bad.error().message).contains(path + u" line 2"_s));

    RegistriesConfig manual;
    QVERIFY(manual.setInsecure(u"x.lan"_s));
    QVERIFY(manual.isInsecure(u"x.lan"_s));
    QVERIFY(!manual.setInsecure(u"bad host"_s));
}

void TestRegistriesConfig::plainHttp_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("localhost") << u"localhost"_s << true;
    QTest::newRow("localhost:5000") << u"localhost:5000"_s << true;
    QTest::newRow("127.0.0.1:5000") << u"127.0.0.1:5000"_s << true;
    QTest::newRow("127.1.2.3") << u"127.1.2.3"_s << true;
    QTest::newRow("[::1]:5000") << u"[::1]:5000"_s << true;
    QTest::newRow("listed insecure") << u"lab.local:5000"_s << true;
    QTest::newRow("listed host, other port") << u"lab.local:5001"_s << false;
    QTest::newRow("docker hub") << u"docker.io"_s << false;
    QTest::newRow("private address") << u"192.168.1.10:5000"_s << false;
    QTest::newRow("localhost look-alike") << u"localhost.evil.com"_s << false;
    QTest::newRow("128.0.0.1") << u"128.0.0.1"_s << false;
}

void TestRegistriesConfig::plainHttp()
{
    QFETCH(QString, registry);
    QFETCH(bool, allowed);
    auto config = RegistriesConfig::parse("[registry.\"lab.local:5000\"]\ninsecure = true\n");
    QVERIFY(config);
    QCOMPARE(config->allowsPlainHttp(registry), allowed);
}

void TestRegistriesConfig::selfHosted_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<bool>("selfHosted");
    QTest::newRow("docker.io") << u"docker.io"_s << false;
    QTest::newRow("ghcr.io") << u"ghcr.io"_s << false;
    QTest::newRow("quay.io:443") << u"quay.io:443"_s << false;
    QTest::newRow("public ip") << u"203.0.113.7"_s << false;
    QTest::newRow("localhost") << u"localhost:5000"_s << true;
    QTest::newRow("single label") << u"myregistry:5000"_s << true;
    QTest::newRow("dot local") << u"lab.local"_s << true;
    QTest::newRow("home.arpa") << u"nas.home.arpa"_s << true;
    QTest::newRow("10/8") << u"10.1.2.3"_s << true;
    QTest::newRow("172.16/12") << u"172.20.0.5"_s << true;
    QTest::newRow("172.32 is public") << u"172.32.0.5"_s << false;
    QTest::newRow("192.168/16") << u"192.168.0.2"_s << true;
    QTest::newRow("ula ipv6") << u"[fd00::5]"_s << true;
    QTest::newRow("explicit port") << u"registry.example.com:5000"_s << true;
    QTest::newRow("invalid") << u"a b"_s << false;
}

void TestRegistriesConfig::selfHosted()
{
    QFETCH(QString, registry);
    QFETCH(bool, selfHosted);
    QCOMPARE(RegistriesConfig::looksSelfHosted(registry), selfHosted);
}

QTEST_GUILESS_MAIN(TestRegistriesConfig)
#include "tst_registriesconfig.moc"
