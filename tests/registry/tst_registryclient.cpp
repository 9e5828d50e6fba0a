// RegistryClient against a real docker-registry on 127.0.0.1 (images built from the
// host's busybox by tests/fixtures/registry) and against scripted fakes for what a
// real registry will not do on demand: token services, redirects to storage
// hosts, rate limits, schema 1, oversized manifests. Waits have a generous safety
// timeout so a hang fails the test; nothing asserts how long anything took.

#include "engine/registryauth.h"
#include "engine/registryclient.h"
#include "fakehttpserver.h"
#include "tcpproxy.h"
#include "testsupport.h"

#include <QtCore/QDir>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace koker;
using Response = FakeHttpServer::Response;
using Request = FakeHttpServer::Request;

namespace {

const QString kFixtures = QStringLiteral(KOKER_REGISTRY_FIXTURES);
constexpr int kSafetyMs = 120000; // a hung test fails instead of blocking CI; not a timing check
const QString kUser = u"alice"_s;
const QString kPassword = u"s3cret:pw"_s;
const QByteArray kOciManifest = "application/vnd.oci.image.manifest.v1+json";
const QByteArray kOciIndex = "application/vnd.oci.image.index.v1+json";

ImageReference ref(const QString &text)
{
    auto r = ImageReference::parse(text);
    if (!r)
        qFatal("bad reference %s: %s", qPrintable(text), r.error().message.c_str());
    return *r;
}

Result<RegistryClient::ManifestResponse> fetchManifest(RegistryClient &client, const QString &text,
                                                       bool head = false)
{
    std::optional<Result<RegistryClient::ManifestResponse>> out;
    QEventLoop loop;
    auto done = [&](Result<RegistryClient::ManifestResponse> r) {
        out = std::move(r);
        loop.quit();
    };
    if (head)
        client.headManifest(ref(text), &loop, done);
    else
        client.fetchManifest(ref(text), &loop, done);
    QTimer::singleShot(kSafetyMs, &loop, &QEventLoop::quit);
    if (!out)
        loop.exec();
    if (!out)
        return fail(ErrorCode::Internal, "test timed out waiting for the manifest");
    return *out;
}

Status waitFor(BlobDownload *download)
{
    // result() is valid as soon as isFinished(); the finished() signal is queued.
    if (!download->isFinished()) {
        QSignalSpy spy(download, &BlobDownload::finished);
        if (!spy.wait(kSafetyMs))
            return fail(ErrorCode::Internal, "test timed out waiting for the blob");
    }
    return download->result();
}

Status login(RegistryClient &client, const QString &registry, const RegistryAuth::Credentials &c,
             const RegistryAuth &store)
{
    std::optional<Status> out;
    QEventLoop loop;
    client.login(registry, c, store, &loop, [&](Status st) {
        out = st;
        loop.quit();
    });
    QTimer::singleShot(kSafetyMs, &loop, &QEventLoop::quit);
    if (!out)
        loop.exec();
    return out ? *out : fail(ErrorCode::Internal, "test timed out waiting for login");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString message(const Error &e)
{
    return QString::fromStdString(e.message);
}

QJsonObject jsonOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

struct BlobInfo
{
    Digest digest;
    qint64 size = -1;
};

BlobInfo descriptor(const QJsonObject &d)
{
    return BlobInfo{*Digest::parse(d.value(u"digest"_s).toString()),
                    static_cast<qint64>(d.value(u"size"_s).toDouble())};
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray data(size, Qt::Uninitialized);
    gen.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

// Monolithic blob upload (POST then PUT ?digest=) so a test has a blob of its own
// to damage in the registry's storage.
Result<Digest> uploadBlob(const QString &registry, const QString &repository,
                          const QByteArray &content)
{
    QNetworkAccessManager nam;
    auto wait = [](QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(kSafetyMs, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    const Digest digest = Digest::ofData(content);
    const QUrl base(u"http://"_s + registry);
    QNetworkRequest post(base.resolved(QUrl(u"/v2/"_s + repository + u"/blobs/uploads/"_s)));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    std::unique_ptr<QNetworkReply> started(nam.post(post, QByteArray()));
    if (wait(started.get()) != 202)
        return fail(ErrorCode::Internal, "upload start failed");
    QByteArray location = started->rawHeader("Location");
    location += (location.contains('?') ? "&" : "?") + QByteArray("digest=sha256%3A") +
                digest.hex().toLatin1();
    QNetworkRequest put(base.resolved(QUrl::fromEncoded(location)));
    put.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    std::unique_ptr<QNetworkReply> finished(nam.put(put, content));
    if (wait(finished.get()) != 201)
        return fail(ErrorCode::Internal, "upload finish failed");
    return digest;
}

Response unauthorizedBearer(const QString &realm)
{
    return Response{401,
                    {{"WWW-Authenticate", "Bearer realm=\"" + realm.toLatin1() +
                                              "\",service=\"fake-registry\","
                                              "scope=\"repository:test/img:pull\""},
                     {"Content-Type", "application/json"}},
                    R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})",
                    0,
                    false};
}

Response tokenResponse(const QByteArray &token, int expiresIn = 300)
{
    return Response{200,
                    {{"Content-Type", "application/json"}},
                    R"({"token":")" + token + R"(","expires_in":)" + QByteArray::number(expiresIn) +
                        "}",
                    0,
                    false};
}

} // namespace

class TestRegistryClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The real registry.
    void manifestKinds_data();
    void manifestKinds();
    void layeredImagesShareLayers();
    void indexThenPlatformByDigest();
    void manifestNotFound_data();
    void manifestNotFound();
    void blobFetch_data();
    void blobFetch();
    void blobAlreadyOnDisk();
    void corruptBlob_data();
    void corruptBlob();
    void interruptedDownloadResumes();
    void resumeWithTee();
    void resumeWhenServerIgnoresRange_data();
    void resumeWhenServerIgnoresRange();
    void automaticResumeWithinOneFetch();
    void basicAuth_data();
    void basicAuth();
    void loginStoresOnlyValidCredentials();

    // Scripted fakes.
    void bearerTokenFlow_data();
    void bearerTokenFlow();
    void bearerRefusedTwice();
    void bearerTokenExpires();
    void unauthorizedWithoutChallenge_data();
    void unauthorizedWithoutChallenge();
    void tokenResponseTooLarge();
    void rateLimitedThenSuccess();
    void serverErrorsGiveUp();
    void retryAfterTooLong();
    void httpErrors_data();
    void httpErrors();
    void manifestContentTypes_data();
    void manifestContentTypes();
    void oversizedManifest_data();
    void oversizedManifest();
    void manifestDigestChecks();
    void concurrencyCap();
    void cancelKeepsPartial();
    void sameBlobTwiceIsBusy();
    void clientDeletedMidDownload();
    void tlsCertificateErrors_data();
    void tlsCertificateErrors();

private:
    bool startRegistry(QTemporaryDir &dir, const QStringList &extra, QString &address);

    QTemporaryDir m_plainDir;
    QTemporaryDir m_authDir;
    QString m_registry;     // 127.0.0.1:PORT, anonymous
    QString m_authRegistry; // 127.0.0.1:PORT, htpasswd alice
    quint16 m_registryPort = 0;
};

bool TestRegistryClient::startRegistry(QTemporaryDir &dir, const QStringList &extra,
                                       QString &address)
{
    auto r = koker::test::run(kFixtures + u"/start-registry.sh"_s, QStringList{dir.path()} + extra);
    if (r.exitCode != 0) {
        qWarning("start-registry.sh failed: %s", r.err.constData());
        return false;
    }
    address = QString::fromLatin1(r.out).trimmed();
    return !address.isEmpty();
}

void TestRegistryClient::initTestCase()
{
    for (const QString &tool :
         {u"docker-registry"_s, u"skopeo"_s, u"umoci"_s, u"jq"_s, u"zstd"_s, u"curl"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty() &&
            QStandardPaths::findExecutable(tool, {u"/usr/sbin"_s, u"/sbin"_s}).isEmpty())
            QSKIP(qPrintable(u"the registry tier needs "_s + tool +
                             u" (apt-get install docker-registry skopeo umoci jq zstd curl "
                             u"busybox-static)"_s));
    }
    if (!QFileInfo::exists(u"/bin/busybox"_s))
        QSKIP("the registry tier builds its images from /bin/busybox (busybox-static)");

    QVERIFY(m_plainDir.isValid() && m_authDir.isValid());
    QVERIFY(startRegistry(m_plainDir, {}, m_registry));
    m_registryPort = static_cast<quint16>(m_registry.section(u':', 1).toUInt());
    QVERIFY(startRegistry(m_authDir, {u"--htpasswd"_s, kUser + u':' + kPassword}, m_authRegistry));

    // Built once per build tree, then only pushed (fast, and idempotent).
    const QString cache = QDir(koker::test::buildDir()).filePath(u"tests/registry/images"_s);
    auto built =
        koker::test::run(kFixtures + u"/build-test-images.sh"_s, {cache, m_registry}, {}, 300000);
    QVERIFY2(built.exitCode == 0, built.err.constData());
    auto pushed = koker::test::run(kFixtures + u"/build-test-images.sh"_s,
                                   {cache, m_authRegistry, u"--creds"_s, kUser + u':' + kPassword},
                                   {}, 300000);
    QVERIFY2(pushed.exitCode == 0, pushed.err.constData());
}

void TestRegistryClient::cleanupTestCase()
{
    for (QTemporaryDir *dir : {&m_plainDir, &m_authDir}) {
        if (dir->isValid())
            koker::test::run(kFixtures + u"/stop-registry.sh"_s, {dir->path()});
    }
}

// --- the real registry ---------------------------------------------------------------

void TestRegistryClient::manifestKinds_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<QString>("layerType"); // empty for an index
    QTest::addColumn<int>("entries");       // layers, or manifests of an index
    const QString dockerV2 = u"application/vnd.docker.distribution.manifest.v2+json"_s;
    const QString oci = QString::fromLatin1(kOciManifest);
    const QString gzip = u"application/vnd.oci.image.layer.v1.tar+gzip"_s;
    QTest::newRow("docker schema 2")
        << u"busybox"_s << dockerV2 << u"application/vnd.docker.image.rootfs.diff.tar.gzip"_s << 1;
    QTest::newRow("oci gzip") << u"busybox-oci"_s << oci << gzip << 1;
    QTest::newRow("oci zstd") << u"busybox-zstd"_s << oci
                              << u"application/vnd.oci.image.layer.v1.tar+zstd"_s << 1;
    QTest::newRow("oci index") << u"multi"_s << QString::fromLatin1(kOciIndex) << QString() << 2;
    QTest::newRow("4 layers") << u"layered"_s << oci << gzip << 4;
    QTest::newRow("4 layers, 2 shared") << u"layered2"_s << oci << gzip << 4;
}

void TestRegistryClient::manifestKinds()
{
    QFETCH(QString, image);
    QFETCH(QString, mediaType);
    QFETCH(QString, layerType);
    QFETCH(int, entries);
    RegistryClient client;
    const QString name = m_registry + u"/test/"_s + image;
    auto r = fetchManifest(client, name + u":latest"_s);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(r->mediaType, mediaType);
    QCOMPARE(r->contentType, mediaType);
    QCOMPARE(r->digest, Digest::ofData(r->bytes));
    QCOMPARE(r->registryDigest, r->digest.toString());
    QCOMPARE(r->size, r->bytes.size());
    const QJsonObject json = jsonOf(r->bytes);
    if (layerType.isEmpty()) {
        QCOMPARE(json.value(u"manifests"_s).toArray().size(), entries);
    } else {
        const QJsonArray layers = json.value(u"layers"_s).toArray();
        QCOMPARE(layers.size(), entries);
        for (const QJsonValue &layer : layers)
            QCOMPARE(layer.toObject().value(u"mediaType"_s).toString(), layerType);
    }

    // The same bytes by digest, and HEAD agrees without a body.
    auto byDigest = fetchManifest(client, name + u'@' + r->digest.toString());
    QVERIFY2(byDigest, byDigest ? "" : byDigest.error().message.c_str());
    QCOMPARE(byDigest->bytes, r->bytes);
    auto head = fetchManifest(client, name + u":latest"_s, true);
    QVERIFY2(head, head ? "" : head.error().message.c_str());
    QCOMPARE(head->digest, r->digest);
    QCOMPARE(head->mediaType, mediaType);
    QCOMPARE(head->size, r->bytes.size());
    QVERIFY(head->bytes.isEmpty());
}

void TestRegistryClient::layeredImagesShareLayers()
{
    RegistryClient client;
    auto a = fetchManifest(client, m_registry + u"/test/layered"_s);
    auto b = fetchManifest(client, m_registry + u"/test/layered2"_s);
    QVERIFY(a && b);
    const QJsonArray la = jsonOf(a->bytes).value(u"layers"_s).toArray();
    const QJsonArray lb = jsonOf(b->bytes).value(u"layers"_s).toArray();
    QCOMPARE(la.size(), 4);
    QCOMPARE(lb.size(), 4);
    for (int i = 0; i < 4; ++i) {
        const bool same =
            la[i].toObject().value(u"digest"_s) == lb[i].toObject().value(u"digest"_s);
        QCOMPARE(same, i < 2);
    }
}

void TestRegistryClient::indexThenPlatformByDigest()
{
    RegistryClient client;
    auto index = fetchManifest(client, m_registry + u"/test/multi:latest"_s);
    QVERIFY2(index, index ? "" : index.error().message.c_str());
    QCOMPARE(index->mediaType, QString::fromLatin1(kOciIndex));
    QString armDigest;
    for (const QJsonValue &m : jsonOf(index->bytes).value(u"manifests"_s).toArray()) {
        if (m[u"platform"_s][u"architecture"_s].toString() == u"arm64"_s)
            armDigest = m[u"digest"_s].toString();
    }
    QVERIFY(!armDigest.isEmpty());
    auto arm = fetchManifest(client, m_registry + u"/test/multi@"_s + armDigest);
    QVERIFY2(arm, arm ? "" : arm.error().message.c_str());
    QCOMPARE(arm->mediaType, QString::fromLatin1(kOciManifest));
    QCOMPARE(arm->digest.toString(), armDigest);

    QTemporaryDir dir;
    const BlobInfo config = descriptor(jsonOf(arm->bytes).value(u"config"_s).toObject());
    std::unique_ptr<BlobDownload> d(client.fetchBlob(ref(m_registry + u"/test/multi"_s),
                                                     config.digest, config.size, dir.path()));
    Status st = waitFor(d.get());
    QVERIFY2(st, st ? "" : st.error().message.c_str());
    QCOMPARE(jsonOf(readAll(d->filePath())).value(u"architecture"_s).toString(), u"arm64"_s);
}

void TestRegistryClient::manifestNotFound_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown repository") << u"/test/nonexistent:latest"_s << u"test/nonexistent"_s;
    QTest::newRow("unknown tag") << u"/test/busybox:nope"_s << u"test/busybox:nope"_s;
    QTest::newRow("unknown digest")
        << u"/test/busybox@sha256:"_s + QString(64, u'0') << u"test/busybox@sha256:0000"_s;
}

void TestRegistryClient::manifestNotFound()
{
    QFETCH(QString, image);
    QFETCH(QString, named);
    RegistryClient client;
    auto r = fetchManifest(client, m_registry + image);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    const QString text = message(r.error());
    QVERIFY2(text.contains(named), qPrintable(text));
    QVERIFY2(text.contains(u"not found in registry "_s + m_registry), qPrintable(text));
    QVERIFY2(text.contains(u"UNKNOWN"_s), qPrintable(text)); // the registry's own code
}

void TestRegistryClient::blobFetch_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("layer"); // -1: the config
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("docker gzip layer") << u"busybox"_s << 0 << QByteArray("\x1f\x8b");
    QTest::newRow("oci zstd layer") << u"busybox-zstd"_s << 0 << QByteArray("\x28\xb5\x2f\xfd");
    QTest::newRow("config") << u"busybox-oci"_s << -1 << QByteArray("{");
    QTest::newRow("small layer") << u"layered"_s << 3 << QByteArray("\x1f\x8b");
}

void TestRegistryClient::blobFetch()
{
    QFETCH(QString, image);
    QFETCH(int, layer);
    QFETCH(QByteArray, magic);
    RegistryClient client;
    auto m = fetchManifest(client, m_registry + u"/test/"_s + image);
    QVERIFY(m);
    const QJsonObject json = jsonOf(m->bytes);
    const BlobInfo blob = descriptor(layer < 0 ? json.value(u"config"_s).toObject()
                                               : json.value(u"layers"_s)[layer].toObject());
    QTemporaryDir dir;
    const QString target = dir.filePath(u"new/tmp"_s); // created on demand
    std::unique_ptr<BlobDownload> d(
        client.fetchBlob(ref(m_registry + u"/test/"_s + image), blob.digest, blob.size, target));
    QSignalSpy progress(d.get(), &BlobDownload::progress);
    Status st = waitFor(d.get());
    QVERIFY2(st, st ? "" : st.error().message.c_str());

    const QByteArray data = readAll(d->filePath());
    QCOMPARE(d->filePath(), target + u"/sha256-"_s + blob.digest.hex());
    QCOMPARE(data.size(), blob.size);
    QCOMPARE(Digest::ofData(data), blob.digest);
    QVERIFY(data.startsWith(magic));
    QVERIFY(!QFileInfo::exists(d->partialPath()));
    QCOMPARE(d->resumedFrom(), 0);
    QCOMPARE(d->attempts(), 1);
    QVERIFY(!progress.isEmpty());
    qint64 previous = 0;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        QVERIFY(args[0].toLongLong() >= previous);
        previous = args[0].toLongLong();
    }
    QCOMPARE(progress.last()[0].toLongLong(), blob.size);
    QCOMPARE(progress.last()[1].toLongLong(), blob.size);
}

void TestRegistryClient::blobAlreadyOnDisk()
{
    RegistryClient client;
    auto m = fetchManifest(client, m_registry + u"/test/busybox"_s);
    QVERIFY(m);
    const BlobInfo blob = descriptor(jsonOf(m->bytes)[u"layers"_s][0].toObject());
    QTemporaryDir dir;
    std::unique_ptr<BlobDownload> first(
        client.fetchBlob(ref(m_registry + u"/test/busybox"_s), blob.digest, blob.size, dir.path()));
    QVERIFY(waitFor(first.get()));
    // A run that stopped after the last byte but before the rename: nothing to fetch.
    QVERIFY(QFile::rename(first->filePath(), first->partialPath()));
    FakeHttpServer nobody;
    QVERIFY(nobody.listen());
    RegistryClient offline;
    std::unique_ptr<BlobDownload> again(offline.fetchBlob(
        ref(nobody.authority() + u"/test/busybox"_s), blob.digest, blob.size, dir.path()));
    Status st = waitFor(again.get());
    QVERIFY2(st, st ? "" : st.error().message.c_str());
    QCOMPARE(nobody.requests().size(), 0);
    QCOMPARE(Digest::ofData(readAll(again->filePath())), blob.digest);
}

void TestRegistryClient::corruptBlob_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<bool>("sizeKnown");
    for (const QString &damage : {u"flip"_s, u"truncate"_s, u"extend"_s}) {
        QTest::addRow("%s, size known", qPrintable(damage)) << damage << true;
        QTest::addRow("%s, size unknown", qPrintable(damage)) << damage << false;
    }
}

void TestRegistryClient::corruptBlob()
{
    QFETCH(QString, damage);
    QFETCH(bool, sizeKnown);
    const QByteArray content =
        randomBytes(1536 * 1024, qHash(QString::fromLatin1(QTest::currentDataTag())));
    auto digest = uploadBlob(m_registry, u"test/scratch"_s, content);
    QVERIFY(digest);
    const QString hex = digest->hex();
    const QString data = m_plainDir.path() + u"/storage/docker/registry/v2/blobs/sha256/"_s +
                         hex.left(2) + u'/' + hex + u"/data"_s;
    QVERIFY2(QFileInfo::exists(data), qPrintable(data));
    QByteArray damaged = content;
    if (damage == u"flip"_s)
        damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x40);
    else if (damage == u"truncate"_s)
        damaged.chop(100);
    else
        damaged.append(QByteArray(100, 'x'));
    {
        QFile f(data);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(damaged), damaged.size());
    }

    RegistryClient client;
    QTemporaryDir dir;
    std::unique_ptr<BlobDownload> d(client.fetchBlob(ref(m_registry + u"/test/scratch"_s), *digest,
                                                     sizeKnown ? content.size() : -1, dir.path()));
    Status st = waitFor(d.get());
    QVERIFY(!st);
    QCOMPARE(st.error().code, ErrorCode::Corrupt);
    QVERIFY2(message(st.error()).contains(digest->toString()), st.error().message.c_str());
    QVERIFY(!QFileInfo::exists(d->filePath()));
    QVERIFY(!QFileInfo::exists(d->partialPath()));
}

void TestRegistryClient::interruptedDownloadResumes()
{
    RegistryClient probe;
    auto m = fetchManifest(probe, m_registry + u"/test/busybox"_s);
    QVERIFY(m);
    const BlobInfo blob = descriptor(jsonOf(m->bytes)[u"layers"_s][0].toObject());
    QTemporaryDir dir;

    TcpProxy proxy(u"127.0.0.1"_s, m_registryPort);
    QVERIFY(proxy.listen());
    proxy.setCut(300 * 1024, 1);
    RegistryClient::Options once;
    once.maxAttempts = 1;
    RegistryClient cutClient(once);
    std::unique_ptr<BlobDownload> cut(cutClient.fetchBlob(
        ref(proxy.authority() + u"/test/busybox"_s), blob.digest, blob.size, dir.path()));
    Status st = waitFor(cut.get());
    QVERIFY(!st);
    QCOMPARE(st.error().code, ErrorCode::Network);
    QCOMPARE(proxy.cuts(), 1);
    const qint64 partial = QFileInfo(cut->partialPath()).size();
    QVERIFY2(partial > 0 && partial < blob.size, qPrintable(QString::number(partial)));
    QVERIFY(!QFileInfo::exists(cut->filePath()));

    // Straight to the registry: Range: bytes=<partial>- and a 206.
    RegistryClient client;
    std::unique_ptr<BlobDownload> resumed(
        client.fetchBlob(ref(m_registry + u"/test/busybox"_s), blob.digest, blob.size, dir.path()));
    st = waitFor(resumed.get());
    QVERIFY2(st, st ? "" : st.error().message.c_str());
    QCOMPARE(resumed->resumedFrom(), partial);
    QCOMPARE(Digest::ofData(readAll(resumed->filePath())), blob.digest);
    QVERIFY(!QFileInfo::exists(resumed->partialPath()));
}

void TestRegistryClient::resumeWithTee()
{
    RegistryClient probe;
    auto m = fetchManifest(probe, m_registry + u"/test/busybox-zstd"_s);
    QVERIFY(m);
    const BlobInfo blob = descriptor(jsonOf(m->bytes)[u"layers"_s][0].toObject());
    QTemporaryDir dir;
    TcpProxy proxy(u"127.0.0.1"_s, m_registryPort);
    QVERIFY(proxy.listen());
    proxy.setCut(200 * 1024, 1);
    RegistryClient::Options once;
    once.maxAttempts = 1;
    RegistryClient cutClient(once);
    std::unique_ptr<BlobDownload> cut(cutClient.fetchBlob(
        ref(proxy.authority() + u"/test/busybox-zstd"_s), blob.digest, blob.size, dir.path()));
    QVERIFY(!waitFor(cut.get()));

    // The tee still sees the whole blob, from byte 0: first the bytes read back from
    // the partial file, then the network's.
    QByteArray teed;
    RegistryClient client;
    std::unique_ptr<BlobDownload> resumed(
        client.fetchBlob(ref(m_registry + u"/test/busybox-zstd"_s), blob.digest, blob.size,
                         dir.path(), [&teed](QByteArrayView chunk) { teed.append(chunk); }));
    Status st = waitFor(resumed.get());
    QVERIFY2(st, st ? "" : st.error().message.c_str());
    QVERIFY(resumed->resumedFrom() > 0);
    QCOMPARE(teed.size(), blob.size);
    QCOMPARE(Digest::ofData(teed), blob.digest);
}

void TestRegistryClient::resumeWhenServerIgnoresRange_data()
{
    QTest::addColumn<bool>("tee");
    QTest::addColumn<bool>("damagePartial");
    QTest::addColumn<bool>("succeeds");
    QTest::newRow("partial good") << false << false << true;
    QTest::newRow("partial good, tee") << true << false << true;
    QTest::newRow("partial damaged") << false << true << true;      // compared, replaced
    QTest::newRow("partial damaged, tee") << true << true << false; // tee saw bad bytes
}

void TestRegistryClient::resumeWhenServerIgnoresRange()
{
    QFETCH(bool, tee);
    QFETCH(bool, damagePartial);
    QFETCH(bool, succeeds);
    RegistryClient probe;
    auto m = fetchManifest(probe, m_registry + u"/test/busybox"_s);
    QVERIFY(m);
    const BlobInfo blob = descriptor(jsonOf(m->bytes)[u"layers"_s][0].toObject());
    QTemporaryDir dir;
    TcpProxy proxy(u"127.0.0.1"_s, m_registryPort);
    QVERIFY(proxy.listen());
    proxy.setCut(300 * 1024, 1);
    RegistryClient::Options once;
    once.maxAttempts = 1;
    RegistryClient cutClient(once);
    std::unique_ptr<BlobDownload> cut(cutClient.fetchBlob(
        ref(proxy.authority() + u"/test/busybox"_s), blob.digest, blob.size, dir.path()));
    QVERIFY(!waitFor(cut.get()));
    const QString partialPath = cut->partialPath();
    QVERIFY(QFileInfo(partialPath).size() > 1000);
    if (damagePartial) {
        QFile f(partialPath);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(500);
        QByteArray b = f.read(1);
        f.seek(500);
        f.write(QByteArray(1, static_cast<char>(b[0] ^ 0x01)));
    }

    // A proxy that hides the Range header: the registry answers 200 with everything.
    TcpProxy noRange(u"127.0.0.1"_s, m_registryPort);
    QVERIFY(noRange.listen());
    noRange.setRewrite("Range: bytes=", "X-Rng: bytes=");
    QByteArray teed;
    BlobDownload::Tee sink;
    if (tee)
        sink = [&teed](QByteArrayView chunk) { teed.append(chunk); };
    RegistryClient client;
    std::unique_ptr<BlobDownload> d(client.fetchBlob(ref(noRange.authority() + u"/test/busybox"_s),
                                                     blob.digest, blob.size, dir.path(), sink));
    Status st = waitFor(d.get());
    if (succeeds) {
        QVERIFY2(st, st ? "" : st.error().message.c_str());
        QCOMPARE(d->resumedFrom(), 0);
        QCOMPARE(Digest::ofData(readAll(d->filePath())), blob.digest);
        if (tee)
            QCOMPARE(Digest::ofData(teed), blob.digest);
    } else {
        QVERIFY(!st);
        QCOMPARE(st.error().code, ErrorCode::Corrupt);
        QVERIFY(!QFileInfo::exists(d->partialPath()));
        QVERIFY(!QFileInfo::exists(d->filePath()));
    }
}

void TestRegistryClient::automaticResumeWithinOneFetch()
{
    RegistryClient probe;
    auto m = fetchManifest(probe, m_registry + u"/test/busybox"_s);
    QVERIFY(m);
    const BlobInfo blob = descriptor(jsonOf(m->bytes)[u"layers"_s][0].toObject());
    QTemporaryDir dir;
    TcpProxy proxy(u"127.0.0.1"_s, m_registryPort);
    QVERIFY(proxy.listen());
    proxy.setCut(400 * 1024, 1);
    RegistryClient::Options options;
    options.maxAttempts = 3;
    options.backoffInitialMs = 10;
    RegistryClient client(options);
    QByteArray teed;
    std::unique_ptr<BlobDownload> d(
        client.fetchBlob(ref(proxy.authority() + u"/test/busybox"_s), blob.digest, blob.size,
                         dir.path(), [&teed](QByteArrayView chunk) { teed.append(chunk); }));
    Status st = waitFor(d.get());
    QVERIFY2(st, st ? "" : st.error().message.c_str());
    QCOMPARE(proxy.cuts(), 1);
    QCOMPARE(d->attempts(), 2);
    QVERIFY(d->resumedFrom() > 0);
    QCOMPARE(Digest::ofData(teed), blob.digest);
    QCOMPARE(Digest::ofData(readAll(d->filePath())), blob.digest);
}

void TestRegistryClient::basicAuth_data()
{
    QTest::addColumn<QString>("credentials"); // "store", "wrong", "none"
    QTest::newRow("right password from the store") << u"store"_s;
    QTest::newRow("wrong password") << u"wrong"_s;
    QTest::newRow("no credentials") << u"none"_s;
}

void TestRegistryClient::basicAuth()
{
    QFETCH(QString, credentials);
    QTemporaryDir dir;
    RegistryClient client;
    if (credentials == u"store"_s) {
        RegistryAuth store(dir.filePath(u"auth.json"_s));
        QVERIFY(store.store(m_authRegistry, {kUser, kPassword}));
        client.setCredentialStore(store);
    } else if (credentials == u"wrong"_s) {
        client.setCredentials(m_authRegistry, {kUser, u"wrong"_s});
    }
    auto m = fetchManifest(client, m_authRegistry + u"/test/busybox-oci"_s);
    if (credentials == u"store"_s) {
        QVERIFY2(m, m ? "" : m.error().message.c_str());
        const BlobInfo config = descriptor(jsonOf(m->bytes)[u"config"_s].toObject());
        std::unique_ptr<BlobDownload> d(client.fetchBlob(
            ref(m_authRegistry + u"/test/busybox-oci"_s), config.digest, config.size, dir.path()));
        Status st = waitFor(d.get());
        QVERIFY2(st, st ? "" : st.error().message.c_str());
        return;
    }
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Unauthorized);
    const QString text = message(m.error());
    QVERIFY2(text.contains(u"registry "_s + m_authRegistry), qPrintable(text));
    QVERIFY2(text.contains(u"koker login "_s + m_authRegistry), qPrintable(text));
    if (credentials == u"wrong"_s)
        QVERIFY2(text.contains(kUser), qPrintable(text));
}

void TestRegistryClient::loginStoresOnlyValidCredentials()
{
    QTemporaryDir dir;
    RegistryAuth store(dir.filePath(u"cfg/auth.json"_s));
    RegistryClient client;
    Status st = login(client, m_authRegistry, {kUser, u"wrong"_s}, store);
    QVERIFY(!st);
    QCOMPARE(st.error().code, ErrorCode::Unauthorized);
    QVERIFY2(message(st.error()).contains(m_authRegistry), st.error().message.c_str());
    QVERIFY(!QFileInfo::exists(store.path()));

    st = login(client, m_authRegistry, {kUser, kPassword}, store);
    QVERIFY2(st, st ? "" : st.error().message.c_str());
    auto saved = store.find(m_authRegistry);
    QVERIFY(saved && saved->has_value());
    QCOMPARE((*saved)->password, kPassword);
    struct stat sb
    {};
    QCOMPARE(::stat(QFile::encodeName(store.path()).constData(), &sb), 0);
    QCOMPARE(sb.st_mode & 0777, 0600u);

    RegistryClient puller;
    puller.setCredentialStore(store);
    auto m = fetchManifest(puller, m_authRegistry + u"/test/busybox"_s);
    QVERIFY2(m, m ? "" : m.error().message.c_str());
}

// --- scripted fakes ------------------------------------------------------------------

void TestRegistryClient::bearerTokenFlow_data()
{
    QTest::addColumn<bool>("realmOnRegistry");
    QTest::addColumn<bool>("withCredentials");
    QTest::addColumn<QString>("storageAddress");
    QTest::newRow("anonymous, token service elsewhere, storage on 127.0.0.2")
        << false << false << u"127.0.0.2"_s;
    QTest::newRow("password, plain-http token service elsewhere (withheld)")
        << false << true << u"127.0.0.2"_s;
    QTest::newRow("password, token service on the registry, storage on another port")
        << true << true << u"127.0.0.1"_s;
}

void TestRegistryClient::bearerTokenFlow()
{
    QFETCH(bool, realmOnRegistry);
    QFETCH(bool, withCredentials);
    QFETCH(QString, storageAddress);

    FakeHttpServer registry;
    FakeHttpServer tokens;
    FakeHttpServer storage{QHostAddress(storageAddress)};
    QVERIFY(registry.listen());
    QVERIFY(tokens.listen());
    QVERIFY2(storage.listen(), "cannot listen on the storage address");

    const QByteArray blob = randomBytes(300 * 1024, 7);
    const Digest blobDigest = Digest::ofData(blob);
    const QByteArray manifest =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
        blobDigest.toString().toLatin1() + R"(","size":1},"layers":[]})";
    const QString realm = (realmOnRegistry ? registry.origin() : tokens.origin()) + u"/token"_s;
    int tokenRequests = 0;
    auto issue = [&](const Request &) {
        ++tokenRequests;
        return tokenResponse("tok-1");
    };
    registry.setHandler([&](const Request &r) -> Response {
        if (r.path() == "/token")
            return issue(r);
        if (r.header("authorization") != "Bearer tok-1")
            return unauthorizedBearer(realm);
        if (r.path() == "/v2/test/img/manifests/latest")
            return Response{200, {{"Content-Type", kOciManifest}}, manifest, 0, false};
        if (r.path() == "/v2/test/img/blobs/" + blobDigest.toString().toLatin1())
            return Response{307,
                            {{"Location", storage.origin().toLatin1() + "/data/blob?sig=abc"}},
                            {},
                            0,
                            false};
        return Response{404, {}, {}, 0, false};
    });
    tokens.setHandler(issue);
    storage.setHandler([&](const Request &) { return Response{200, {}, blob, 0, false}; });

    RegistryClient client;
    if (withCredentials)
        client.setCredentials(registry.authority(), {kUser, kPassword});
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    QVERIFY2(m, m ? "" : m.error().message.c_str());
    QCOMPARE(m->bytes, manifest);
    QTemporaryDir dir;
    std::unique_ptr<BlobDownload> d(client.fetchBlob(ref(registry.authority() + u"/test/img"_s),
                                                     blobDigest, blob.size(), dir.path()));
    Status st = waitFor(d.get());
    QVERIFY2(st, st ? "" : st.error().message.c_str());
    QCOMPARE(readAll(d->filePath()), blob);

    // One token for both requests (cached per registry and scope).
    QCOMPARE(tokenRequests, 1);
    QList<Request> tokenRequestsSeen;
    for (const Request &r : registry.requests() + tokens.requests()) {
        if (r.path() == "/token")
            tokenRequestsSeen.append(r);
    }
    QCOMPARE(tokenRequestsSeen.size(), 1);
    const Request &t = tokenRequestsSeen.first();
    const QUrlQuery query(QUrl::fromEncoded(t.target).query(QUrl::FullyEncoded));
    QCOMPARE(query.queryItemValue(u"service"_s), u"fake-registry"_s);
    QCOMPARE(query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"repository:test/img:pull"_s);
    const bool credentialsSent = withCredentials && realmOnRegistry;
    if (credentialsSent) {
        QCOMPARE(t.header("authorization"),
                 "Basic " + (kUser + u':' + kPassword).toUtf8().toBase64());
        QCOMPARE(query.queryItemValue(u"account"_s), kUser);
    } else {
        QVERIFY(t.header("authorization").isEmpty());
        QVERIFY(!query.hasQueryItem(u"account"_s));
    }

    // The token went to the registry only: never to the token service, never to the
    // storage host the blob was redirected to.
    for (const Request &r : tokens.requests())
        QVERIFY(!r.header("authorization").contains("tok-1"));
    QVERIFY(!storage.requests().isEmpty());
    for (const Request &r : storage.requests())
        QVERIFY2(r.header("authorization").isEmpty(), r.header("authorization").constData());
    QVERIFY(registry.requests().first().header("authorization").isEmpty());
}

void TestRegistryClient::bearerRefusedTwice()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    int tokenRequests = 0;
    const QString realm = registry.origin() + u"/token"_s;
    registry.setHandler([&](const Request &r) -> Response {
        if (r.path() == "/token") {
            ++tokenRequests;
            return tokenResponse("tok-useless");
        }
        return unauthorizedBearer(realm);
    });
    RegistryClient client;
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Unauthorized);
    QVERIFY2(message(m.error()).contains(u"registry "_s + registry.authority()),
             m.error().message.c_str());
    QCOMPARE(tokenRequests, 1);
    int manifestRequests = 0;
    for (const Request &r : registry.requests())
        manifestRequests += r.path().contains("/manifests/") ? 1 : 0;
    QCOMPARE(manifestRequests, 2); // once anonymous, once with the token, then give up
}

void TestRegistryClient::bearerTokenExpires()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    int tokenRequests = 0;
    const QString realm = registry.origin() + u"/token"_s;
    registry.setHandler([&](const Request &r) -> Response {
        if (r.path() == "/token") {
            ++tokenRequests;
            return tokenResponse("tok-" + QByteArray::number(tokenRequests), 1);
        }
        if (!r.header("authorization").startsWith("Bearer tok-"))
            return unauthorizedBearer(realm);
        return Response{
            200, {{"Content-Type", kOciIndex}}, R"({"schemaVersion":2,"manifests":[]})", 0, false};
    });
    RegistryClient client;
    QVERIFY(fetchManifest(client, registry.authority() + u"/test/img:latest"_s));
    QCOMPARE(tokenRequests, 1);
    QTest::qWait(1500); // the token lives 1 s
    QVERIFY(fetchManifest(client, registry.authority() + u"/test/img:latest"_s));
    QCOMPARE(tokenRequests, 2);
}

void TestRegistryClient::unauthorizedWithoutChallenge_data()
{
    QTest::addColumn<QByteArray>("challenge");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no header") << QByteArray() << int(ErrorCode::Unauthorized)
                               << u"requires authentication"_s;
    QTest::newRow("malformed header")
        << QByteArray("Bearer realm=\"x") << int(ErrorCode::Unauthorized) << u"malformed"_s;
    QTest::newRow("basic without credentials")
        << QByteArray("Basic realm=\"r\"") << int(ErrorCode::Unauthorized)
        << u"requires a username and password"_s;
    QTest::newRow("unknown scheme") << QByteArray("Digest realm=\"r\", nonce=\"n\"")
                                    << int(ErrorCode::Unsupported) << u"digest"_s;
    QTest::newRow("bearer without realm")
        << QByteArray("Bearer service=\"s\"") << int(ErrorCode::Unauthorized) << u"realm"_s;
}

void TestRegistryClient::unauthorizedWithoutChallenge()
{
    QFETCH(QByteArray, challenge);
    QFETCH(int, code);
    QFETCH(QString, expected);
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    registry.setHandler([&](const Request &) {
        Response r{401, {}, {}, 0, false};
        if (!challenge.isEmpty())
            r.headers.append({"WWW-Authenticate", challenge});
        return r;
    });
    RegistryClient client;
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    QVERIFY(!m);
    QCOMPARE(int(m.error().code), code);
    const QString text = message(m.error());
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.contains(registry.authority()), qPrintable(text));
    if (code == int(ErrorCode::Unauthorized) && !text.contains(u"realm"_s))
        QVERIFY2(text.contains(u"run koker login "_s + registry.authority()), qPrintable(text));
}

void TestRegistryClient::tokenResponseTooLarge()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    const QString realm = registry.origin() + u"/token"_s;
    registry.setHandler([&](const Request &r) -> Response {
        if (r.path() == "/token")
            return tokenResponse(QByteArray(100 * 1024, 'a'));
        return unauthorizedBearer(realm);
    });
    RegistryClient client;
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::LimitExceeded);
}

void TestRegistryClient::rateLimitedThenSuccess()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    int calls = 0;
    registry.setHandler([&](const Request &) -> Response {
        if (++calls == 1)
            return Response{429,
                            {{"Retry-After", "1"}},
                            R"({"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]})",
                            0,
                            false};
        return Response{
            200, {{"Content-Type", kOciIndex}}, R"({"schemaVersion":2,"manifests":[]})", 0, false};
    });
    RegistryClient client;
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    QVERIFY2(m, m ? "" : m.error().message.c_str());
    QCOMPARE(calls, 2);
}

void TestRegistryClient::serverErrorsGiveUp()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    registry.setHandler([](const Request &) { return Response{503, {}, "busy", 0, false}; });
    RegistryClient::Options options;
    options.maxAttempts = 3;
    options.backoffInitialMs = 10;
    RegistryClient client(options);
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Network);
    QVERIFY2(message(m.error()).contains(u"503"_s), m.error().message.c_str());
    QVERIFY2(message(m.error()).contains(u"gave up after 3 attempts"_s), m.error().message.c_str());
    QCOMPARE(registry.requests().size(), 3);
}

void TestRegistryClient::retryAfterTooLong()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    registry.setHandler([](const Request &) {
        return Response{429, {{"Retry-After", "3600"}}, {}, 0, false};
    });
    RegistryClient client;
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Network);
    QVERIFY2(message(m.error()).contains(u"3600"_s), m.error().message.c_str());
    QCOMPARE(registry.requests().size(), 1);
}

void TestRegistryClient::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("403")
        << 403
        << QByteArray(
               R"({"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]})")
        << int(ErrorCode::PermissionDenied) << u"DENIED: requested access"_s;
    QTest::newRow("404")
        << 404
        << QByteArray(R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]})")
        << int(ErrorCode::NotFound) << u"MANIFEST_UNKNOWN: manifest unknown"_s;
    QTest::newRow("400")
        << 400
        << QByteArray(R"({"errors":[{"code":"NAME_INVALID","message":"invalid repository name"}]})")
        << int(ErrorCode::InvalidArgument) << u"NAME_INVALID"_s;
    QTest::newRow("405") << 405 << QByteArray() << int(ErrorCode::Unsupported)
                         << u"does not support"_s;
    QTest::newRow("escape sequences removed")
        << 404
        << QByteArray("{\"errors\":[{\"code\":\"X\",\"message\":\"\x1b[2J\x1b[31mgotcha\"}]}")
        << int(ErrorCode::NotFound) << u"gotcha"_s;
}

void TestRegistryClient::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, expected);
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    registry.setHandler([&](const Request &) {
        return Response{status, {{"Content-Type", "application/json"}}, body, 0, false};
    });
    RegistryClient client;
    auto m = fetchManifest(client, registry.authority() + u"/test/img:1.0"_s);
    QVERIFY(!m);
    QCOMPARE(int(m.error().code), code);
    const QString text = message(m.error());
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.contains(u"test/img:1.0"_s), qPrintable(text));
    QVERIFY2(!text.contains(QChar(0x1b)), qPrintable(text));
}

void TestRegistryClient::manifestContentTypes_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code"); // -1: success
    QTest::addColumn<QString>("mediaType");
    const QByteArray ociBody =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]})";
    const QByteArray bareOci = R"({"schemaVersion":2,"config":{},"layers":[]})";
    const QByteArray bareIndex = R"({"schemaVersion":2,"manifests":[]})";
    const QByteArray schema1 = R"({"schemaVersion":1,"name":"x","tag":"y","fsLayers":[]})";
    QTest::newRow("schema 1 signed")
        << QByteArray("application/vnd.docker.distribution.manifest.v1+prettyjws") << schema1
        << int(ErrorCode::Unsupported) << QString();
    QTest::newRow("schema 1") << QByteArray("application/vnd.docker.distribution.manifest.v1+json")
                              << schema1 << int(ErrorCode::Unsupported) << QString();
    QTest::newRow("schema 1 as json")
        << QByteArray("application/json") << schema1 << int(ErrorCode::Unsupported) << QString();
    QTest::newRow("json with mediaType")
        << QByteArray("application/json") << ociBody << -1 << QString::fromLatin1(kOciManifest);
    QTest::newRow("no type, oci fields")
        << QByteArray() << bareOci << -1 << QString::fromLatin1(kOciManifest);
    QTest::newRow("no type, index fields")
        << QByteArray() << bareIndex << -1 << QString::fromLatin1(kOciIndex);
    QTest::newRow("charset parameter")
        << QByteArray("application/vnd.oci.image.manifest.v1+json; charset=utf-8") << ociBody << -1
        << QString::fromLatin1(kOciManifest);
    QTest::newRow("html") << QByteArray("text/html") << QByteArray("<html></html>")
                          << int(ErrorCode::Corrupt) << QString();
    QTest::newRow("html json") << QByteArray("text/html") << ociBody << int(ErrorCode::Unsupported)
                               << QString();
    QTest::newRow("not json") << kOciManifest << QByteArray("garbage") << int(ErrorCode::Corrupt)
                              << QString();
    QTest::newRow("json, unknown kind")
        << QByteArray("application/json") << QByteArray(R"({"schemaVersion":2})")
        << int(ErrorCode::Unsupported) << QString();
}

void TestRegistryClient::manifestContentTypes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, mediaType);
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    QByteArray accept;
    registry.setHandler([&](const Request &r) {
        accept = r.header("accept");
        Response response{200, {}, body, 0, false};
        if (!contentType.isEmpty())
            response.headers.append({"Content-Type", contentType});
        return response;
    });
    RegistryClient client;
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    // The client asks for the four supported types, never for schema 1.
    for (const char *type :
         {"application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v2+json"})
        QVERIFY2(accept.contains(type), accept.constData());
    QVERIFY(!accept.contains("distribution.manifest.v1"));
    if (code < 0) {
        QVERIFY2(m, m ? "" : m.error().message.c_str());
        QCOMPARE(m->mediaType, mediaType);
        QCOMPARE(m->bytes, body);
        return;
    }
    QVERIFY(!m);
    QCOMPARE(int(m.error().code), code);
    if (code == int(ErrorCode::Unsupported) && contentType.contains("v1"))
        QVERIFY2(message(m.error()).contains(u"schema 1"_s), m.error().message.c_str());
}

void TestRegistryClient::oversizedManifest_data()
{
    QTest::addColumn<bool>("announced");
    QTest::newRow("Content-Length says so") << true;
    QTest::newRow("no Content-Length") << false;
}

void TestRegistryClient::oversizedManifest()
{
    QFETCH(bool, announced);
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    const QByteArray body = R"({"schemaVersion":2,"x":")" + QByteArray(5 << 20, 'a') + "\"}";
    registry.setHandler([&](const Request &) {
        return Response{200, {{"Content-Type", kOciManifest}}, body, 0, !announced};
    });
    RegistryClient client;
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::LimitExceeded);
    QVERIFY2(message(m.error()).contains(u"test/img:latest"_s), m.error().message.c_str());
}

void TestRegistryClient::manifestDigestChecks()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    const QByteArray body = R"({"schemaVersion":2,"manifests":[]})";
    const Digest real = Digest::ofData(body);
    const Digest other = Digest::ofData("something else");
    QByteArray announce;
    registry.setHandler([&](const Request &) {
        Response r{200, {{"Content-Type", kOciIndex}}, body, 0, false};
        if (!announce.isEmpty())
            r.headers.append({"Docker-Content-Digest", announce});
        return r;
    });
    RegistryClient client;
    const QString name = registry.authority() + u"/test/img"_s;

    // By digest: the bytes must hash to it.
    auto m = fetchManifest(client, name + u'@' + other.toString());
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Corrupt);
    QVERIFY(fetchManifest(client, name + u'@' + real.toString()));

    // By tag: the registry's Docker-Content-Digest must match too.
    announce = other.toString().toLatin1();
    m = fetchManifest(client, name + u":latest"_s);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Corrupt);
    announce = real.toString().toLatin1();
    m = fetchManifest(client, name + u":latest"_s);
    QVERIFY(m);
    QCOMPARE(m->digest, real);
    announce = "sha512:" + QByteArray(128, 'a'); // another algorithm: not ours to check
    QVERIFY(fetchManifest(client, name + u":latest"_s));
    announce = "sha256:NOT-HEX";
    m = fetchManifest(client, name + u":latest"_s);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Corrupt);
}

void TestRegistryClient::concurrencyCap()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    QMap<QByteArray, QByteArray> blobs;
    QList<Digest> digests;
    for (int i = 0; i < 8; ++i) {
        QByteArray content = randomBytes(64 * 1024, 100 + i);
        Digest d = Digest::ofData(content);
        blobs.insert("/v2/test/img/blobs/" + d.toString().toLatin1(), content);
        digests.append(d);
    }
    registry.setHandler([&](const Request &r) {
        // Held for a moment so that transfers overlap as much as the client allows.
        return Response{200, {}, blobs.value(r.path()), 150, false};
    });
    RegistryClient::Options options;
    options.maxBlobsPerRegistry = 3;
    RegistryClient client(options);
    QTemporaryDir dir;
    std::vector<std::unique_ptr<BlobDownload>> downloads;
    for (const Digest &d : digests)
        downloads.emplace_back(
            client.fetchBlob(ref(registry.authority() + u"/test/img"_s), d, 64 * 1024, dir.path()));
    for (auto &d : downloads) {
        Status st = waitFor(d.get());
        QVERIFY2(st, st ? "" : st.error().message.c_str());
    }
    QCOMPARE(registry.requests().size(), 8);
    QCOMPARE(registry.maxInFlight(), 3);
}

void TestRegistryClient::cancelKeepsPartial()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    const QByteArray content = randomBytes(128 * 1024, 3);
    const Digest digest = Digest::ofData(content);
    registry.setHandler([&](const Request &) { return Response{200, {}, content, 60000, false}; });
    RegistryClient client;
    QTemporaryDir dir;
    std::unique_ptr<BlobDownload> d(client.fetchBlob(ref(registry.authority() + u"/test/img"_s),
                                                     digest, content.size(), dir.path()));
    QSignalSpy started(d.get(), &BlobDownload::started);
    QVERIFY(started.wait(kSafetyMs));
    QTRY_VERIFY_WITH_TIMEOUT(registry.requests().size() == 1, kSafetyMs);
    d->cancel();
    Status st = waitFor(d.get());
    QVERIFY(!st);
    QCOMPARE(st.error().code, ErrorCode::Cancelled);
    QVERIFY(QFileInfo::exists(d->partialPath())); // kept for a later resume
    QVERIFY(!QFileInfo::exists(d->filePath()));
}

void TestRegistryClient::sameBlobTwiceIsBusy()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    const QByteArray content = randomBytes(64 * 1024, 4);
    const Digest digest = Digest::ofData(content);
    registry.setHandler([&](const Request &) { return Response{200, {}, content, 300, false}; });
    RegistryClient client;
    QTemporaryDir dir;
    const ImageReference image = ref(registry.authority() + u"/test/img"_s);
    std::unique_ptr<BlobDownload> first(
        client.fetchBlob(image, digest, content.size(), dir.path()));
    std::unique_ptr<BlobDownload> second(
        client.fetchBlob(image, digest, content.size(), dir.path()));
    // Two writers on one partial file would interleave bytes: the second one refuses.
    Status st = waitFor(second.get());
    QVERIFY(!st);
    QCOMPARE(st.error().code, ErrorCode::Busy);
    st = waitFor(first.get());
    QVERIFY2(st, st ? "" : st.error().message.c_str());
    QCOMPARE(readAll(first->filePath()), content);
}

void TestRegistryClient::clientDeletedMidDownload()
{
    FakeHttpServer registry;
    QVERIFY(registry.listen());
    const QByteArray content = randomBytes(64 * 1024, 5);
    registry.setHandler([&](const Request &) { return Response{200, {}, content, 60000, false}; });
    auto *client = new RegistryClient;
    QTemporaryDir dir;
    const ImageReference image = ref(registry.authority() + u"/test/img"_s);
    QPointer<BlobDownload> running(
        client->fetchBlob(image, Digest::ofData(content), content.size(), dir.path()));
    QPointer<BlobDownload> queued(client->fetchBlob(image, Digest::ofData("other"), 5, dir.path()));
    QSignalSpy started(running.data(), &BlobDownload::started);
    QVERIFY(started.wait(kSafetyMs));
    QTRY_VERIFY_WITH_TIMEOUT(registry.requests().size() >= 1, kSafetyMs);
    // Downloads are the client's children, like replies of a QNetworkAccessManager.
    delete client;
    QVERIFY(running.isNull());
    QVERIFY(queued.isNull());
}

void TestRegistryClient::tlsCertificateErrors_data()
{
    QTest::addColumn<bool>("markedInsecure");
    QTest::newRow("self-signed") << false;
    QTest::newRow("self-signed, marked insecure") << true;
}

void TestRegistryClient::tlsCertificateErrors()
{
    QFETCH(bool, markedInsecure);
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        QSKIP("needs openssl(1) to make a certificate");
    QTemporaryDir dir;
    auto made = koker::test::run(
        u"openssl"_s,
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
         dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s), u"-days"_s, u"2"_s,
         u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate::fromPath(dir.filePath(u"cert.pem"_s)).value(0));
    QFile keyFile(dir.filePath(u"key.pem"_s));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);

    FakeHttpServer registry;
    registry.setTls(tls);
    QVERIFY(registry.listen());
    registry.setHandler([](const Request &) {
        return Response{
            200, {{"Content-Type", kOciIndex}}, R"({"schemaVersion":2,"manifests":[]})", 0, false};
    });
    RegistryClient client;
    if (markedInsecure) {
        const QByteArray text =
            "[registry.\"" + registry.authority().toLatin1() + "\"]\ninsecure = true\n";
        auto config = RegistriesConfig::parse(text);
        QVERIFY(config);
        client.setRegistriesConfig(*config);
    }
    auto m = fetchManifest(client, registry.authority() + u"/test/img:latest"_s);
    if (markedInsecure) {
        QVERIFY2(m, m ? "" : m.error().message.c_str());
        QCOMPARE(registry.requests().size(), 1); // over TLS, the certificate not verified
        return;
    }
    // TLS was spoken: no fallback to plain HTTP, the certificate problem is reported,
    // with the way out for what is clearly the user's own registry.
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Network);
    const QString text = message(m.error());
    QVERIFY2(text.contains(u"TLS"_s), qPrintable(text));
    QVERIFY2(text.contains(u"registry "_s + registry.authority()), qPrintable(text));
    QVERIFY2(text.contains(u"insecure = true"_s), qPrintable(text));
    QCOMPARE(registry.requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
