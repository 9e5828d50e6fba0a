// `koker pull`, `koker login`/`logout` and the pull of `koker run`, end to end: the
// built koker binary (as root, in-process engine, its own --root in a temp dir)
// against a real docker-registry on 127.0.0.1 with the fixture images (built from
// the host's busybox), plus images this test pushes itself (a corrupt one, a big
// one). A small TCP proxy between koker and the registry counts blob requests and
// can hold a download half way, so a pull can be killed with SIGKILL while a large
// layer is arriving. Waits have a generous safety timeout; nothing asserts how long
// anything took.

#include "tarbuilder.h"
#include "testsupport.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

#include <sys/stat.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using koker::test::TarBuilder;

namespace {

const QString kFixtures = QStringLiteral(KOKER_REGISTRY_FIXTURES);
constexpr int kSafetyMs = 300000; // a hung koker fails the test; not a timing check
const QString kUser = u"alice"_s;
const QString kPassword = u"s3cret:pw"_s;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// koker with --root, run while this process's event loop spins (the proxy below
// lives on it), with extra environment variables.
Run runKoker(const QString &root, const QStringList &args, const QByteArray &input = {},
             const QMap<QString, QString> &env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(koker::test::kokerBinary(), QStringList{u"--root"_s, root} + args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = u"failed to start koker"_s;
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kSafetyMs, &loop, &QEventLoop::quit);
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        r.err = u"koker timed out"_s;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Run &r)
{
    return u"exit "_s + QString::number(r.exitCode) + u"\nstdout:\n"_s + r.out + u"\nstderr:\n"_s +
           r.err;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray data(size, Qt::Uninitialized);
    gen.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

int waitHttp(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kSafetyMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// Push a blob with the registry API (POST, then a monolithic PUT ?digest=).
QByteArray uploadBlob(const QString &registry, const QString &repository, const QByteArray &content)
{
    QNetworkAccessManager nam;
    const QByteArray hex = sha256Hex(content);
    const QUrl base(u"http://"_s + registry);
    QNetworkRequest post(base.resolved(QUrl(u"/v2/"_s + repository + u"/blobs/uploads/"_s)));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    std::unique_ptr<QNetworkReply> started(nam.post(post, QByteArray()));
    if (waitHttp(started.get()) != 202)
        return {};
    QByteArray location = started->rawHeader("Location");
    location += (location.contains('?') ? "&" : "?") + QByteArray("digest=sha256%3A") + hex;
    QNetworkRequest put(base.resolved(QUrl::fromEncoded(location)));
    put.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    std::unique_ptr<QNetworkReply> finished(nam.put(put, content));
    if (waitHttp(finished.get()) != 201)
        return {};
    return "sha256:" + hex;
}

struct PushedImage
{
    QByteArray manifestDigest;
    QByteArray configDigest;
    QList<QByteArray> layerDigests; // blobs (= diffIDs: the layers are uncompressed)
};

// An OCI image of uncompressed tar layers, pushed as REGISTRY/REPOSITORY:latest.
PushedImage pushImage(const QString &registry, const QString &repository,
                      const QList<QByteArray> &layers)
{
    PushedImage out;
    QJsonArray diffIds;
    QJsonArray layerDescriptors;
    for (const QByteArray &layer : layers) {
        const QByteArray digest = uploadBlob(registry, repository, layer);
        out.layerDigests << digest;
        diffIds.append(QString::fromLatin1(digest));
        layerDescriptors.append(
            QJsonObject{{u"mediaType"_s, u"application/vnd.oci.image.layer.v1.tar"_s},
                        {u"digest"_s, QString::fromLatin1(digest)},
                        {u"size"_s, layer.size()}});
    }
    const QByteArray config =
        QJsonDocument(QJsonObject{{u"architecture"_s, u"amd64"_s},
                                  {u"os"_s, u"linux"_s},
                                  {u"config"_s, QJsonObject{{u"Cmd"_s, QJsonArray{u"sh"_s}}}},
                                  {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s},
                                                            {u"diff_ids"_s, diffIds}}}})
            .toJson(QJsonDocument::Compact);
    out.configDigest = uploadBlob(registry, repository, config);
    const QByteArray manifest =
        QJsonDocument(QJsonObject{{u"schemaVersion"_s, 2},
                                  {u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
                                  {u"config"_s,
                                   QJsonObject{{u"mediaType"_s,
                                                u"application/vnd.oci.image.config.v1+json"_s},
                                               {u"digest"_s, QString::fromLatin1(out.configDigest)},
                                               {u"size"_s, config.size()}}},
                                  {u"layers"_s, layerDescriptors}})
            .toJson(QJsonDocument::Compact);
    QNetworkAccessManager nam;
    QNetworkRequest put(
        QUrl(u"http://"_s + registry + u"/v2/"_s + repository + u"/manifests/latest"_s));
    put.setHeader(QNetworkRequest::ContentTypeHeader,
                  QByteArray("application/vnd.oci.image.manifest.v1+json"));
    std::unique_ptr<QNetworkReply> reply(nam.put(put, manifest));
    if (waitHttp(reply.get()) == 201)
        out.manifestDigest = "sha256:" + sha256Hex(manifest);
    return out;
}

// Forwards 127.0.0.1:<own port> to the registry. Records the digest of every blob GET,
// and can hold the answer to one blob after some bytes (the download then waits, as
// on a stalled network, until the test kills the client).
class Proxy final : public QObject
{
public:
    explicit Proxy(quint16 upstream)
        : m_upstream(upstream)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, &Proxy::accept);
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString authority() const { return u"127.0.0.1:"_s + QString::number(m_server.serverPort()); }
    QStringList blobRequests() const { return m_blobs; }
    void clear() { m_blobs.clear(); }
    void holdBlob(const QString &hex, qint64 after)
    {
        m_holdHex = hex;
        m_holdAfter = after;
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            auto held = std::make_shared<qint64>(-1); // bytes still allowed, -1: all
            upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
            QObject::connect(client, &QTcpSocket::readyRead, client,
                             [this, client, upstream, held] {
                                 const QByteArray data = client->readAll();
                                 static const QRegularExpression get(
                                     u"GET /v2/\\S+/blobs/sha256:([0-9a-f]{64})"_s);
                                 auto it = get.globalMatch(QString::fromLatin1(data));
                                 while (it.hasNext()) {
                                     const QString hex = it.next().captured(1);
                                     m_blobs << hex;
                                     if (!m_holdHex.isEmpty() && hex == m_holdHex)
                                         *held = m_holdAfter;
                                 }
                                 upstream->write(data);
                             });
            QObject::connect(upstream, &QTcpSocket::readyRead, client, [client, upstream, held] {
                QByteArray data = upstream->readAll();
                if (*held >= 0) {
                    data.truncate(*held);
                    *held -= data.size();
                }
                client->write(data);
            });
            QObject::connect(upstream, &QTcpSocket::disconnected, client,
                             [client] { client->disconnectFromHost(); });
            QObject::connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
                upstream->disconnectFromHost();
                client->deleteLater();
            });
        }
    }

    QTcpServer m_server;
    quint16 m_upstream;
    QStringList m_blobs;
    QString m_holdHex;
    qint64 m_holdAfter = -1;
};

QStringList lines(const QString &text, const QString &containing)
{
    QStringList out;
    const QStringList all = text.split(u'\n');
    for (const QString &l : all) {
        if (l.contains(containing))
            out << l;
    }
    return out;
}

// Scratch dirs, partial files and half layers: what a consistent store has none of
// once no pull runs.
QStringList leftovers(const QString &root)
{
    QStringList found;
    const QStringList layers =
        QDir(root + u"/layers"_s).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : layers) {
        if (name.startsWith(u".tmp-"_s))
            found << u"layers/"_s + name;
        else if (!name.endsWith(u".json"_s) &&
                 !QFileInfo::exists(root + u"/layers/"_s + name + u".json"_s))
            found << u"layers/"_s + name + u" (no .json)"_s;
    }
    const QStringList partial = QDir(root + u"/partial"_s).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : partial)
        found << u"partial/"_s + name;
    return found;
}

QJsonArray inspect(const QString &root, const QString &image)
{
    const Run r = runKoker(root, {u"image"_s, u"inspect"_s, image});
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

} // namespace

class TestPull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pullKinds_data();
    void pullKinds();
    void sharedLayersDownloadOnlyNewOnes();
    void completeImageDownloadsNothing();
    void pullByDigest();
    void stepsWithDebug();
    void quietPrintsNothing();
    void runPullsMissingImage();
    void pullErrors_data();
    void pullErrors();
    void corruptBlobCommitsNothing();
    void killedPullResumes();
    void parallelPullsShareLayers();
    void loginAndLogout();

private:
    bool startRegistry(QTemporaryDir &dir, const QStringList &extra, QString &address);
    QString newRoot();

    QTemporaryDir m_plainDir;
    QTemporaryDir m_authDir;
    QTemporaryDir m_work;
    QString m_registry;
    QString m_authRegistry;
    quint16 m_port = 0;
    int m_roots = 0;
};

bool TestPull::startRegistry(QTemporaryDir &dir, const QStringList &extra, QString &address)
{
    auto r = koker::test::run(kFixtures + u"/start-registry.sh"_s, QStringList{dir.path()} + extra);
    if (r.exitCode != 0) {
        qWarning("start-registry.sh failed: %s", r.err.constData());
        return false;
    }
    address = QString::fromLatin1(r.out).trimmed();
    return !address.isEmpty();
}

QString TestPull::newRoot()
{
    return m_work.filePath(u"root-"_s + QString::number(++m_roots));
}

void TestPull::initTestCase()
{
    KOKER_REQUIRE_ROOT();
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
    QVERIFY(QFileInfo::exists(koker::test::kokerBinary()));
    QVERIFY(m_plainDir.isValid() && m_authDir.isValid() && m_work.isValid());
    QVERIFY(startRegistry(m_plainDir, {}, m_registry));
    m_port = static_cast<quint16>(m_registry.section(u':', 1).toUInt());
    QVERIFY(startRegistry(m_authDir, {u"--htpasswd"_s, kUser + u':' + kPassword}, m_authRegistry));
    const QString cache = QDir(koker::test::buildDir()).filePath(u"tests/registry/images"_s);
    auto built =
        koker::test::run(kFixtures + u"/build-test-images.sh"_s, {cache, m_registry}, {}, 300000);
    QVERIFY2(built.exitCode == 0, built.err.constData());
    auto pushed = koker::test::run(kFixtures + u"/build-test-images.sh"_s,
                                   {cache, m_authRegistry, u"--creds"_s, kUser + u':' + kPassword},
                                   {}, 300000);
    QVERIFY2(pushed.exitCode == 0, pushed.err.constData());
}

void TestPull::cleanupTestCase()
{
    for (QTemporaryDir *dir : {&m_plainDir, &m_authDir}) {
        if (dir->isValid())
            koker::test::run(kFixtures + u"/stop-registry.sh"_s, {dir->path()});
    }
}

void TestPull::pullKinds_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("platform"); // --platform, or empty for the host's
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<int>("layers");
    QTest::newRow("docker schema 2, gzip") << u"busybox"_s << QString() << u"amd64"_s << 1;
    QTest::newRow("oci, gzip") << u"busybox-oci"_s << QString() << u"amd64"_s << 1;
    QTest::newRow("oci, zstd") << u"busybox-zstd"_s << QString() << u"amd64"_s << 1;
    QTest::newRow("index, host platform") << u"multi"_s << QString() << u"amd64"_s << 1;
    QTest::newRow("index, --platform linux/arm64")
        << u"multi"_s << u"linux/arm64"_s << u"arm64"_s << 1;
    QTest::newRow("4 layers with a whiteout") << u"layered"_s << QString() << u"amd64"_s << 4;
}

void TestPull::pullKinds()
{
    QFETCH(QString, image);
    QFETCH(QString, platform);
    QFETCH(QString, architecture);
    QFETCH(int, layers);
    const QString root = newRoot();
    const QString name = m_registry + u"/test/"_s + image;
    QStringList args{u"pull"_s};
    if (!platform.isEmpty())
        args << u"--platform"_s << platform;
    const Run r = runKoker(root, args << name);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"Status: Downloaded newer image for "_s + name + u":latest"_s),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(u"Digest: sha256:[0-9a-f]{64}"_s)),
             qPrintable(r.out));
    QCOMPARE(lines(r.out, u": Pull complete"_s).size(), layers);

    const QJsonArray doc = inspect(root, name);
    QCOMPARE(doc.size(), 1);
    const QJsonObject info = doc[0].toObject();
    QCOMPARE(info[u"Architecture"_s].toString(), architecture);
    QCOMPARE(info[u"Layers"_s].toArray().size(), layers);
    // The repo digest is what the registry serves for the tag (the index for multi).
    const QString digest = r.out.section(u"Digest: "_s, 1).section(u'\n', 0, 0);
    QVERIFY2(info[u"RepoDigests"_s].toArray().contains(QJsonValue(name + u'@' + digest)),
             qPrintable(QString::fromUtf8(QJsonDocument(info).toJson())));
    for (const QJsonValue &l : info[u"Layers"_s].toArray()) {
        const QString hex = l[u"DiffID"_s].toString().mid(7);
        QVERIFY(QFileInfo(root + u"/layers/"_s + hex).isDir());
    }
    const QJsonArray manifestLayers = info[u"Manifest"_s][u"layers"_s].toArray();
    for (const QJsonValue &l : manifestLayers)
        QVERIFY(QFileInfo::exists(root + u"/blobs/sha256/"_s + l[u"digest"_s].toString().mid(7)));
    QCOMPARE(leftovers(root), QStringList());

    // The pulled image runs.
    const Run run = runKoker(root, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, name, u"cat"_s,
                                    u"/var/www/index.html"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(run.out, u"hello from a koker test image\n"_s);
    if (image == u"layered"_s) {
        const Run ls = runKoker(
            root, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, name, u"ls"_s, u"/data"_s});
        QCOMPARE(ls.out, u"a\nb\n"_s); // removed-in-4 hidden by layer 4's whiteout
    }
}

void TestPull::sharedLayersDownloadOnlyNewOnes()
{
    Proxy proxy(m_port);
    QVERIFY(proxy.listen());
    const QString root = newRoot();
    const Run first = runKoker(root, {u"pull"_s, proxy.authority() + u"/test/layered"_s});
    QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
    QCOMPARE(lines(first.out, u": Pull complete"_s).size(), 4);
    QCOMPARE(proxy.blobRequests().size(), 5); // 4 layers and the config
    const QStringList fromFirst = proxy.blobRequests();

    proxy.clear();
    const Run second = runKoker(root, {u"pull"_s, proxy.authority() + u"/test/layered2"_s});
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QCOMPARE(lines(second.out, u": Already exists"_s).size(), 2);
    QCOMPARE(lines(second.out, u": Pull complete"_s).size(), 2);
    // The two new layers and the config: nothing of the shared base.
    QCOMPARE(proxy.blobRequests().size(), 3);
    for (const QString &hex : proxy.blobRequests())
        QVERIFY2(!fromFirst.contains(hex), qPrintable(hex));
    QCOMPARE(leftovers(root), QStringList());
}

void TestPull::completeImageDownloadsNothing()
{
    Proxy proxy(m_port);
    QVERIFY(proxy.listen());
    const QString root = newRoot();
    const QString name = proxy.authority() + u"/test/layered"_s;
    QCOMPARE(runKoker(root, {u"pull"_s, name}).exitCode, 0);
    const auto blobs = koker::test::snapshotTree(root + u"/blobs"_s);
    const auto layers = koker::test::snapshotTree(root + u"/layers"_s);
    proxy.clear();
    const Run again = runKoker(root, {u"pull"_s, name});
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QVERIFY2(again.out.contains(u"Status: Image is up to date for "_s + name + u":latest"_s),
             qPrintable(again.out));
    QCOMPARE(lines(again.out, u": Already exists"_s).size(), 4);
    QCOMPARE(proxy.blobRequests(), QStringList()); // not even the config
    QCOMPARE(koker::test::snapshotTree(root + u"/blobs"_s), blobs);
    QCOMPARE(koker::test::snapshotTree(root + u"/layers"_s), layers);
}

void TestPull::pullByDigest()
{
    const QString root = newRoot();
    const QString name = m_registry + u"/test/busybox-oci"_s;
    const Run byTag = runKoker(root, {u"pull"_s, name});
    QVERIFY2(byTag.exitCode == 0, qPrintable(describe(byTag)));
    const QString digest = byTag.out.section(u"Digest: "_s, 1).section(u'\n', 0, 0);
    QVERIFY(digest.startsWith(u"sha256:"_s));
    const QString other = newRoot();
    const Run byDigest = runKoker(other, {u"pull"_s, name + u'@' + digest});
    QVERIFY2(byDigest.exitCode == 0, qPrintable(describe(byDigest)));
    QVERIFY2(byDigest.out.contains(digest + u": Pulling from test/busybox-oci"_s),
             qPrintable(byDigest.out));
    QVERIFY(!byDigest.out.contains(u"Using default tag"_s));
    // Named by its digest only, as docker does: no tag appears.
    const Run ls = runKoker(other, {u"image"_s, u"ls"_s, u"--digests"_s});
    QVERIFY2(ls.out.contains(digest), qPrintable(ls.out));
    QVERIFY2(ls.out.contains(u"<none>"_s), qPrintable(ls.out));
    const Run run = runKoker(other, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s,
                                     name + u'@' + digest, u"echo"_s, u"ok"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(run.out, u"ok\n"_s);

    // rmi by tag, as docker: the repo digest goes with the repository's last tag,
    // and with it the image. A second tag keeps it (and the digest).
    QCOMPARE(runKoker(root, {u"tag"_s, name, u"kept:1"_s}).exitCode, 0);
    const Run untag = runKoker(root, {u"rmi"_s, name});
    QVERIFY2(untag.exitCode == 0, qPrintable(describe(untag)));
    QVERIFY2(untag.out.contains(u"Untagged: "_s + name.section(u'/', 1) + u":latest"_s) ||
                 untag.out.contains(u"Untagged: "_s + name + u":latest"_s),
             qPrintable(untag.out));
    QVERIFY2(untag.out.contains(u'@' + digest), qPrintable(untag.out));
    QVERIFY2(!untag.out.contains(u"Deleted"_s), qPrintable(untag.out));
    const Run last = runKoker(root, {u"rmi"_s, u"kept:1"_s});
    QVERIFY2(last.exitCode == 0 && last.out.contains(u"Deleted: sha256:"_s),
             qPrintable(describe(last)));
    QCOMPARE(runKoker(root, {u"image"_s, u"ls"_s, u"-q"_s}).out, u""_s);
}

void TestPull::stepsWithDebug()
{
    const QString root = newRoot();
    const Run r = runKoker(root, {u"-D"_s, u"pull"_s, m_registry + u"/test/layered"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    // Every phase is a step: manifest, config, each layer's download and extraction
    // (side by side), the diff_ids check, the stored documents, the name.
    for (const QString &title :
         {u"image     Fetch the manifest of "_s, u"image     Fetch the image config"_s,
          u"image     Download layer "_s, u"storage   Extract layer "_s,
          u"storage   Check the config's diff_ids"_s,
          u"image     Store the manifest and the config"_s, u"image     Name the image "_s})
        QVERIFY2(r.err.contains(title), qPrintable(title + u"\n"_s + r.err));
    QCOMPARE(lines(r.err, u"Download layer "_s).size(), 4);
    QCOMPARE(lines(r.err, u" while it downloads"_s).size(), 4);
    QVERIFY2(r.err.contains(u"GET http://"_s + m_registry + u"/v2/test/layered/manifests/latest"_s),
             qPrintable(r.err));
    QVERIFY(!r.err.contains(u" ERR "_s));
}

void TestPull::quietPrintsNothing()
{
    const QString root = newRoot();
    const Run r = runKoker(root, {u"-q"_s, u"pull"_s, m_registry + u"/test/busybox"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QString());
    const Run own =
        runKoker(root, {u"image"_s, u"pull"_s, u"-q"_s, m_registry + u"/test/busybox-oci"_s});
    QVERIFY2(own.exitCode == 0, qPrintable(describe(own)));
    QCOMPARE(own.out, QString());
}

void TestPull::runPullsMissingImage()
{
    const QString root = newRoot();
    const QString name = m_registry + u"/test/busybox"_s;
    const Run r = runKoker(root, {u"run"_s, u"--rm"_s, name, u"echo"_s, u"ok"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, u"ok\n"_s); // the pull's progress went to stderr
    QVERIFY2(r.err.contains(u"Unable to find image '"_s + name + u":latest' locally"_s),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Pull complete"_s), qPrintable(r.err));
    // Now it is local: no second pull.
    const Run again =
        runKoker(root, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, name, u"true"_s});
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QVERIFY(!again.err.contains(u"Unable to find image"_s));

    // create pulls too; a missing image in the registry is exit code 125 (docker's).
    const Run created = runKoker(root, {u"create"_s, m_registry + u"/test/busybox-zstd"_s});
    QVERIFY2(created.exitCode == 0, qPrintable(describe(created)));
    const Run missing =
        runKoker(root, {u"run"_s, u"--rm"_s, m_registry + u"/test/nothing"_s, u"true"_s});
    QCOMPARE(missing.exitCode, 125);
    QVERIFY2(missing.err.contains(u"not found in registry "_s + m_registry),
             qPrintable(missing.err));
    runKoker(root, {u"rm"_s, u"-f"_s, created.out.trimmed()});
}

void TestPull::pullErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected"); // fragments of the message
    QTest::newRow("unknown repository")
        << QStringList{u"pull"_s, u"REG/test/nonexistent"_s}
        << QStringList{u"test/nonexistent"_s, u"not found in registry REG"_s};
    QTest::newRow("unknown tag") << QStringList{u"pull"_s, u"REG/test/busybox:nope"_s}
                                 << QStringList{u"test/busybox:nope"_s,
                                                u"not found in registry REG"_s};
    QTest::newRow("no such platform")
        << QStringList{u"pull"_s, u"--platform"_s, u"linux/s390x"_s, u"REG/test/multi"_s}
        << QStringList{u"REG/test/multi"_s, u"linux/s390x"_s, u"linux/arm64"_s};
    QTest::newRow("platform of a single-platform image")
        << QStringList{u"pull"_s, u"--platform"_s, u"linux/arm64"_s, u"REG/test/busybox"_s}
        << QStringList{u"REG/test/busybox"_s, u"linux/amd64"_s, u"linux/arm64"_s};
    QTest::newRow("no credentials") << QStringList{u"pull"_s, u"AUTH/test/busybox"_s}
                                    << QStringList{u"registry AUTH"_s, u"koker login AUTH"_s};
    QTest::newRow("nobody listening")
        << QStringList{u"pull"_s, u"127.0.0.1:1/test/busybox"_s} << QStringList{u"127.0.0.1:1"_s};
}

void TestPull::pullErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    for (QString &a : args)
        a.replace(u"REG"_s, m_registry).replace(u"AUTH"_s, m_authRegistry);
    const QString root = newRoot();
    const Run r =
        runKoker(root, args, {}, {{u"REGISTRY_AUTH_FILE"_s, m_work.filePath(u"none.json"_s)}});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"koker: "_s), qPrintable(r.err));
    for (QString fragment : expected) {
        fragment.replace(u"REG"_s, m_registry).replace(u"AUTH"_s, m_authRegistry);
        QVERIFY2(r.err.contains(fragment), qPrintable(fragment + u" not in: "_s + r.err));
    }
    QCOMPARE(runKoker(root, {u"image"_s, u"ls"_s, u"-q"_s}).out, QString());
}

void TestPull::corruptBlobCommitsNothing()
{
    // A one-layer image of its own (damaging a fixture blob would break other tests).
    const QByteArray layer =
        TarBuilder().dir("data").file("data/random", randomBytes(3 << 20, 42)).build();
    const PushedImage image = pushImage(m_registry, u"test/corrupt"_s, {layer});
    QVERIFY(!image.manifestDigest.isEmpty());
    const QString hex = QString::fromLatin1(image.layerDigests[0].mid(7));
    const QString data = m_plainDir.path() + u"/storage/docker/registry/v2/blobs/sha256/"_s +
                         hex.left(2) + u'/' + hex + u"/data"_s;
    QVERIFY2(QFileInfo::exists(data), qPrintable(data));
    {
        QByteArray damaged = layer;
        damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x40);
        QFile f(data);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(damaged), damaged.size());
    }
    const QString root = newRoot();
    QVERIFY(runKoker(root, {u"image"_s, u"ls"_s}).exitCode == 0); // the store exists
    const Run r = runKoker(root, {u"pull"_s, m_registry + u"/test/corrupt"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"sha256:"_s + hex), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"corrupt"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"registry "_s + m_registry), qPrintable(r.err));
    // Nothing committed: no name, no layer (the diffID is the blob's digest here),
    // no blob, no config, no partial or scratch left; the store still works.
    QCOMPARE(runKoker(root, {u"image"_s, u"ls"_s, u"-q"_s}).out, QString());
    QVERIFY(!QFileInfo::exists(root + u"/layers/"_s + hex));
    QVERIFY(!QFileInfo::exists(root + u"/blobs/sha256/"_s + hex));
    QVERIFY(!QFileInfo::exists(root + u"/blobs/sha256/"_s +
                               QString::fromLatin1(image.configDigest.mid(7))));
    QCOMPARE(QDir(root + u"/blobs/sha256"_s).entryList(QDir::Files), QStringList());
    QCOMPARE(leftovers(root), QStringList());
    const Run other = runKoker(root, {u"pull"_s, m_registry + u"/test/busybox"_s});
    QVERIFY2(other.exitCode == 0, qPrintable(describe(other)));
}

void TestPull::killedPullResumes()
{
    // A big layer of random data (incompressible) over a small one, so the pull is
    // mid-download when the proxy holds the answer after 8 MiB.
    const QByteArray small = TarBuilder().dir("etc").file("etc/small", "small\n").build();
    const QByteArray big =
        TarBuilder().dir("data").file("data/big", randomBytes(48 << 20, 7)).build();
    const PushedImage image = pushImage(m_registry, u"test/big"_s, {small, big});
    QVERIFY(!image.manifestDigest.isEmpty());
    const QString bigHex = QString::fromLatin1(image.layerDigests[1].mid(7));

    Proxy proxy(m_port);
    QVERIFY(proxy.listen());
    // The held byte count includes the HTTP response head (a few hundred bytes).
    constexpr qint64 kHeld = (8 << 20) + 4096;
    proxy.holdBlob(bigHex, kHeld);
    const QString root = newRoot();
    const QString name = proxy.authority() + u"/test/big"_s;
    QProcess pull;
    pull.start(koker::test::kokerBinary(), {u"--root"_s, root, u"pull"_s, name});
    QVERIFY(pull.waitForStarted());
    const QString partial = root + u"/partial/sha256-"_s + bigHex + u".partial"_s;
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partial).size() >= (8 << 20), kSafetyMs);
    QCOMPARE(pull.state(), QProcess::Running);
    pull.kill(); // SIGKILL, mid-download
    QVERIFY(pull.waitForFinished());
    QCOMPARE(pull.exitStatus(), QProcess::CrashExit);

    // Killed: no name, no big layer, the partial file kept for the next pull.
    const qint64 kept = QFileInfo(partial).size();
    QVERIFY2(kept >= (8 << 20) && kept <= kHeld, qPrintable(QString::number(kept)));
    QVERIFY(!QFileInfo::exists(root + u"/layers/"_s + bigHex));
    QVERIFY(!QFileInfo::exists(root + u"/blobs/sha256/"_s + bigHex));
    QCOMPARE(runKoker(root, {u"image"_s, u"ls"_s, u"-q"_s}).out, QString());

    proxy.holdBlob({}, -1);
    proxy.clear();
    const Run resumed = runKoker(root, {u"pull"_s, name});
    QVERIFY2(resumed.exitCode == 0, qPrintable(describe(resumed)));
    QVERIFY2(resumed.out.contains(u"Downloading (resuming at 8.39MB of 50.3MB)"_s),
             qPrintable(resumed.out));
    // Only the rest was asked for: one request for the big blob (with Range).
    QCOMPARE(proxy.blobRequests().count(bigHex), 1);
    QVERIFY(QFileInfo(root + u"/layers/"_s + bigHex).isDir());
    QCOMPARE(QFileInfo(root + u"/layers/"_s + bigHex + u"/data/big"_s).size(), qint64(48 << 20));
    QVERIFY(QFileInfo::exists(root + u"/blobs/sha256/"_s + bigHex));
    QCOMPARE(leftovers(root), QStringList()); // the killed run's scratch was swept too
    // The image has no shell to run; its files are what the layers say.
    const QString smallHex = QString::fromLatin1(image.layerDigests[0].mid(7));
    QCOMPARE(readAll(root + u"/layers/"_s + smallHex + u"/etc/small"_s), QByteArray("small\n"));
    QCOMPARE(readAll(root + u"/layers/"_s + bigHex + u"/data/big"_s), big.mid(1024, 48 << 20));
}

void TestPull::parallelPullsShareLayers()
{
    // Three processes at once on one store, two images sharing two layers: each layer
    // is fetched by one of them (the others wait on its partial file's lock or find
    // it committed), every pull succeeds, and the store is consistent afterwards.
    const QString root = newRoot();
    QCOMPARE(runKoker(root, {u"image"_s, u"ls"_s}).exitCode, 0);
    const QStringList images{m_registry + u"/test/layered"_s, m_registry + u"/test/layered2"_s,
                             m_registry + u"/test/layered"_s};
    std::vector<std::unique_ptr<QProcess>> pulls;
    for (const QString &image : images) {
        auto p = std::make_unique<QProcess>();
        p->start(koker::test::kokerBinary(), {u"--root"_s, root, u"pull"_s, image});
        QVERIFY(p->waitForStarted());
        pulls.push_back(std::move(p));
    }
    for (auto &p : pulls) {
        QVERIFY(p->waitForFinished(kSafetyMs));
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                 p->readAllStandardError().constData());
    }
    QCOMPARE(leftovers(root), QStringList());
    const Run ls = runKoker(root, {u"image"_s, u"ls"_s});
    QVERIFY2(ls.out.contains(m_registry + u"/test/layered "_s), qPrintable(ls.out));
    QVERIFY2(ls.out.contains(m_registry + u"/test/layered2 "_s), qPrintable(ls.out));
    QCOMPARE(QDir(root + u"/layers"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 6);
    const Run run = runKoker(root, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s,
                                    m_registry + u"/test/layered2"_s, u"cat"_s, u"/data/d"_s});
    QCOMPARE(run.out, u"layer 4 of layered2\n"_s);
}

void TestPull::loginAndLogout()
{
    const QString authFile = m_work.filePath(u"auth/auth.json"_s);
    const QMap<QString, QString> env{{u"REGISTRY_AUTH_FILE"_s, authFile}};
    const QString root = newRoot();

    const Run wrong = runKoker(
        root, {u"login"_s, u"-u"_s, kUser, u"--password-stdin"_s, m_authRegistry}, "wrong\n", env);
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains(m_authRegistry), qPrintable(wrong.err));
    QVERIFY2(wrong.err.contains(kUser), qPrintable(wrong.err));
    QVERIFY(!QFileInfo::exists(authFile));

    const Run noTty = runKoker(root, {u"login"_s, m_authRegistry}, {}, env);
    QCOMPARE(noTty.exitCode, 1);
    QVERIFY2(noTty.err.contains(u"non-TTY"_s), qPrintable(noTty.err));

    const Run right =
        runKoker(root, {u"login"_s, u"-u"_s, kUser, u"--password-stdin"_s, m_authRegistry},
                 (kPassword + u'\n').toUtf8(), env);
    QVERIFY2(right.exitCode == 0, qPrintable(describe(right)));
    QCOMPARE(right.out, u"Login Succeeded\n"_s);
    struct stat st
    {};
    QCOMPARE(::stat(QFile::encodeName(authFile).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, 0600u);
    const QJsonObject auths =
        QJsonDocument::fromJson(readAll(authFile)).object()[u"auths"_s].toObject();
    QCOMPARE(auths[m_authRegistry][u"auth"_s].toString(),
             QString::fromLatin1((kUser + u':' + kPassword).toUtf8().toBase64()));

    const Run pulled = runKoker(root, {u"pull"_s, m_authRegistry + u"/test/busybox"_s}, {}, env);
    QVERIFY2(pulled.exitCode == 0, qPrintable(describe(pulled)));

    // -p works too (with docker's warning).
    const Run withFlag =
        runKoker(root, {u"login"_s, u"-u"_s, kUser, u"-p"_s, kPassword, m_authRegistry}, {}, env);
    QVERIFY2(withFlag.exitCode == 0, qPrintable(describe(withFlag)));
    QVERIFY(withFlag.err.contains(u"--password-stdin"_s));

    const Run out = runKoker(root, {u"logout"_s, m_authRegistry}, {}, env);
    QVERIFY2(out.exitCode == 0, qPrintable(describe(out)));
    QCOMPARE(out.out, u"Removing login credentials for "_s + m_authRegistry + u'\n');
    QVERIFY(!QJsonDocument::fromJson(readAll(authFile))
                 .object()[u"auths"_s]
                 .toObject()
                 .contains(m_authRegistry));
    const Run again = runKoker(root, {u"logout"_s, m_authRegistry}, {}, env);
    QCOMPARE(again.out, u"Not logged in to "_s + m_authRegistry + u'\n');

    const Run refused =
        runKoker(newRoot(), {u"pull"_s, m_authRegistry + u"/test/busybox-oci"_s}, {}, env);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"koker login "_s + m_authRegistry), qPrintable(refused.err));
}

QTEST_GUILESS_MAIN(TestPull)
#include "tst_pull.moc"
