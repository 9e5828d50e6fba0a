// RegistryAuth: the credentials file (Docker's config.json shape), its mode, its
// atomic writes and the names of Docker Hub.

#include "engine/registryauth.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using koker::ErrorCode;
using koker::RegistryAuth;
using Credentials = koker::RegistryAuth::Credentials;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

} // namespace

class TestRegistryAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data();
    void normalize();
    void roundTrip();
    void fileModeAndAtomicity();
    void dockerHubAliases();
    void readsDockerWrittenFile();
    void keepsUnknownKeys();
    void passwordWithColon();
    void removeMissing();
    void damagedFile_data();
    void damagedFile();
    void invalidCredentials_data();
    void invalidCredentials();
    void defaultPath();

private:
    QTemporaryDir m_dir;
};

void TestRegistryAuth::normalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("docker.io") << u"docker.io"_s << u"docker.io"_s;
    QTest::newRow("index.docker.io") << u"index.docker.io"_s << u"docker.io"_s;
    QTest::newRow("registry-1.docker.io") << u"registry-1.docker.io"_s << u"docker.io"_s;
    QTest::newRow("docker's v1 key") << u"https://index.docker.io/v1/"_s << u"docker.io"_s;
    QTest::newRow("hub alias") << u"registry.hub.docker.com"_s << u"docker.io"_s;
    QTest::newRow("upper case") << u"Docker.IO"_s << u"docker.io"_s;
    QTest::newRow("with port") << u"localhost:5000"_s << u"localhost:5000"_s;
    QTest::newRow("url with path") << u"http://Lab.Local:5000/v2/"_s << u"lab.local:5000"_s;
    QTest::newRow("ipv6") << u"[::1]:5000"_s << u"[::1]:5000"_s;
    QTest::newRow("ghcr") << u"ghcr.io"_s << u"ghcr.io"_s;
    QTest::newRow("spaces trimmed") << u"  quay.io "_s << u"quay.io"_s;
    QTest::newRow("invalid") << u"not a host"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("bad port") << u"host:99999"_s << QString();
}

void TestRegistryAuth::normalize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(RegistryAuth::normalizeRegistry(input), expected);
}

void TestRegistryAuth::roundTrip()
{
    const QString path = m_dir.filePath(u"roundtrip/sub/auth.json"_s);
    RegistryAuth auth(path);
    auto none = auth.find(u"localhost:5000"_s);
    QVERIFY(none);
    QVERIFY(!none->has_value());

    QVERIFY(auth.store(u"localhost:5000"_s, {u"alice"_s, u"s3cret"_s}));
    QVERIFY(auth.store(u"ghcr.io"_s, {u"bob"_s, u"tok\u00e9n"_s}));
    auto alice = auth.find(u"localhost:5000"_s);
    QVERIFY(alice && alice->has_value());
    QCOMPARE(**alice, (Credentials{u"alice"_s, u"s3cret"_s}));
    auto bob = RegistryAuth(path).find(u"GHCR.io"_s);
    QVERIFY(bob && bob->has_value());
    QCOMPARE(**bob, (Credentials{u"bob"_s, u"tok\u00e9n"_s}));

    // Docker's format: auths.<registry>.auth = base64(user:password).
    QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(root.value(u"auths"_s)
                 .toObject()
                 .value(u"localhost:5000"_s)
                 .toObject()
                 .value(u"auth"_s)
                 .toString(),
             QString::fromLatin1(QByteArray("alice:s3cret").toBase64()));

    // Replace, list, remove.
    QVERIFY(auth.store(u"localhost:5000"_s, {u"alice"_s, u"new"_s}));
    QCOMPARE((*auth.find(u"localhost:5000"_s))->password, u"new"_s);
    QCOMPARE(*auth.registries(), (QStringList{u"ghcr.io"_s, u"localhost:5000"_s}));
    auto removed = auth.remove(u"localhost:5000"_s);
    QVERIFY(removed && *removed);
    QVERIFY(!auth.find(u"localhost:5000"_s)->has_value());
    QCOMPARE(*auth.registries(), QStringList{u"ghcr.io"_s});
}

void TestRegistryAuth::fileModeAndAtomicity()
{
    const QString dir = m_dir.filePath(u"mode/koker"_s);
    const QString path = dir + u"/auth.json"_s;
    RegistryAuth auth(path);
    QVERIFY(auth.store(u"example.com"_s, {u"u"_s, u"p"_s}));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(modeOf(dir), mode_t(0700));

    // A file someone made world-readable is 0600 again after the next write.
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    QVERIFY(auth.store(u"example.com"_s, {u"u"_s, u"p2"_s}));
    QCOMPARE(modeOf(path), mode_t(0600));

    // Atomic write: no temp files left behind next to it.
    const QStringList left = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : left)
        QVERIFY2(name == u"auth.json"_s || name == u"auth.json.lock"_s, qPrintable(name));
}

void TestRegistryAuth::dockerHubAliases()
{
    RegistryAuth auth(m_dir.filePath(u"hub.json"_s));
    QVERIFY(auth.store(u"index.docker.io"_s, {u"hubuser"_s, u"pw"_s}));
    for (const QString &alias : {u"docker.io"_s, u"index.docker.io"_s, u"registry-1.docker.io"_s,
                                 u"https://index.docker.io/v1/"_s}) {
        auto found = auth.find(alias);
        QVERIFY2(found && found->has_value(), qPrintable(alias));
        QCOMPARE((*found)->username, u"hubuser"_s);
    }
    // One key for all of them.
    QJsonObject auths =
        QJsonDocument::fromJson(readAll(auth.path())).object().value(u"auths"_s).toObject();
    QCOMPARE(auths.keys(), QStringList{u"docker.io"_s});
    QVERIFY(auth.store(u"registry-1.docker.io"_s, {u"other"_s, u"pw2"_s}));
    auths = QJsonDocument::fromJson(readAll(auth.path())).object().value(u"auths"_s).toObject();
    QCOMPARE(auths.keys(), QStringList{u"docker.io"_s});
    QVERIFY(*auth.remove(u"https://index.docker.io/v1/"_s));
    QVERIFY(!auth.find(u"docker.io"_s)->has_value());
}

void TestRegistryAuth::readsDockerWrittenFile()
{
    const QString path = m_dir.filePath(u"docker.json"_s);
    writeAll(path, R"({
        "auths": {
            "https://index.docker.io/v1/": {"auth": ")" +
                       QByteArray("dockeruser:pw").toBase64() + R"("},
            "localhost:5000": {"username": "plain", "password": "fields"}
        },
        "credsStore": "desktop"
    })");
    RegistryAuth auth(path);
    auto hub = auth.find(u"docker.io"_s);
    QVERIFY(hub && hub->has_value());
    QCOMPARE(**hub, (Credentials{u"dockeruser"_s, u"pw"_s}));
    auto local = auth.find(u"localhost:5000"_s);
    QVERIFY(local && local->has_value());
    QCOMPARE(**local, (Credentials{u"plain"_s, u"fields"_s}));
    // Storing replaces Docker's alias key with ours.
    QVERIFY(auth.store(u"docker.io"_s, {u"dockeruser"_s, u"pw3"_s}));
    QJsonObject auths =
        QJsonDocument::fromJson(readAll(path)).object().value(u"auths"_s).toObject();
    QVERIFY(!auths.contains(u"https://index.docker.io/v1/"_s));
    QVERIFY(auths.contains(u"docker.io"_s));
}

void TestRegistryAuth::keepsUnknownKeys()
{
    const QString path = m_dir.filePath(u"unknown.json"_s);
    writeAll(path, R"({"auths": {"a.example": {"auth": "dTpw", "email": "x@y"}},
                       "credHelpers": {"gcr.io": "gcloud"}, "future": [1, 2]})");
    RegistryAuth auth(path);
    QVERIFY(auth.store(u"b.example"_s, {u"u"_s, u"p"_s}));
    QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(root.value(u"credHelpers"_s).toObject().value(u"gcr.io"_s).toString(), u"gcloud"_s);
    QCOMPARE(root.value(u"future"_s).toArray().size(), 2);
    QCOMPARE(root.value(u"auths"_s)
                 .toObject()
                 .value(u"a.example"_s)
                 .toObject()
                 .value(u"email"_s)
                 .toString(),
             u"x@y"_s);
}

void TestRegistryAuth::passwordWithColon()
{
    RegistryAuth auth(m_dir.filePath(u"colon.json"_s));
    QVERIFY(auth.store(u"r.example"_s, {u"user"_s, u"pa:ss:word"_s}));
    QCOMPARE((*auth.find(u"r.example"_s))->password, u"pa:ss:word"_s);
}

void TestRegistryAuth::removeMissing()
{
    RegistryAuth auth(m_dir.filePath(u"never-written.json"_s));
    auto removed = auth.remove(u"r.example"_s);
    QVERIFY(removed);
    QVERIFY(!*removed);
    QVERIFY(!QFile::exists(auth.path()));
    QCOMPARE(*auth.registries(), QStringList());
}

void TestRegistryAuth::damagedFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not json") << QByteArray("{auths:");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("auths not object") << QByteArray(R"({"auths": 3})");
    QTest::newRow("entry not object") << QByteArray(R"({"auths": {"r.example": "x"}})");
    QTest::newRow("auth not base64") << QByteArray(R"({"auths": {"r.example": {"auth": "!!!"}}})");
    QTest::newRow("auth without colon")
        << (R"({"auths": {"r.example": {"auth": ")" + QByteArray("nocolon").toBase64() + R"("}}})");
    QTest::newRow("auth empty user")
        << (R"({"auths": {"r.example": {"auth": ")" + QByteArray(":pw").toBase64() + R"("}}})");
    QTest::newRow("no auth field") << QByteArray(R"({"auths": {"r.example": {"email": "x"}}})");
}

void TestRegistryAuth::damagedFile()
{
    QFETCH(QByteArray, content);
    const QString path = m_dir.filePath(
        u"damaged-%1.json"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    writeAll(path, content);
    auto found = RegistryAuth(path).find(u"r.example"_s);
    QVERIFY(!found);
    QCOMPARE(found.error().code, ErrorCode::Corrupt);
    QVERIFY(QString::fromStdString(found.error().message).contains(path));
}

void TestRegistryAuth::invalidCredentials_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::newRow("empty user") << u"r.example"_s << QString() << u"p"_s;
    QTest::newRow("colon in user") << u"r.example"_s << u"a:b"_s << u"p"_s;
    QTest::newRow("newline in password") << u"r.example"_s << u"a"_s << u"p\nq"_s;
    QTest::newRow("bad registry") << u"not a registry"_s << u"a"_s << u"p"_s;
}

void TestRegistryAuth::invalidCredentials()
{
    QFETCH(QString, registry);
    QFETCH(QString, username);
    QFETCH(QString, password);
    RegistryAuth auth(m_dir.filePath(u"invalid.json"_s));
    auto st = auth.store(registry, {username, password});
    QVERIFY(!st);
    QCOMPARE(st.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!QFile::exists(auth.path()));
}

void TestRegistryAuth::defaultPath()
{
    const QString path = RegistryAuth::defaultPath();
    if (::geteuid() == 0) {
        QCOMPARE(path, u"/etc/koker/auth.json"_s);
    } else {
        QVERIFY(path.endsWith(u"/koker/auth.json"_s));
    }
}

QTEST_GUILESS_MAIN(TestRegistryAuth)
#include "tst_registryauth.moc"
