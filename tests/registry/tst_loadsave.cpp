// `koker image save`, `image load` and `image history`, end to end with the built
// koker (as root, its own --root per case): round trips of pulled images, archives
// made by skopeo (docker-archive and oci-archive, plain and gzip), and hostile
// archives that must be refused with nothing kept. The registry fixture provides the
// images; hostile archives are built here byte by byte (TarBuilder).

#include "tarbuilder.h"
#include "testsupport.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;
using koker::test::TarBuilder;

namespace {

const QString kFixtures = QStringLiteral(KOKER_REGISTRY_FIXTURES);
constexpr int kSafetyMs = 300000;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// koker --root ROOT ARGS, stdin from `input` or from the file `inputFile`, stdout
// kept or written to `outputFile`.
Run runKoker(const QString &root, const QStringList &args, const QByteArray &input = {},
             const QString &inputFile = {}, const QString &outputFile = {})
{
    QProcess p;
    if (!inputFile.isEmpty())
        p.setStandardInputFile(inputFile);
    if (!outputFile.isEmpty())
        p.setStandardOutputFile(outputFile);
    p.start(koker::test::kokerBinary(), QStringList{u"--root"_s, root} + args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (inputFile.isEmpty()) {
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
    }
    if (!p.waitForFinished(kSafetyMs)) {
        p.kill();
        p.waitForFinished();
        r.err = u"koker timed out"_s;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Run &r)
{
    return u"exit "_s + QString::number(r.exitCode) + u"\nstdout:\n"_s +
           QString::fromUtf8(r.out.left(4000)) + u"\nstderr:\n"_s + r.err;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray hexOf(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QString idOf(const QString &root, const QString &image)
{
    const Run r = runKoker(root, {u"image"_s, u"inspect"_s, image});
    return QJsonDocument::fromJson(r.out).array().at(0)[u"Id"_s].toString();
}

// What a refused load may leave: nothing at all in the store.
QStringList storeContent(const QString &root)
{
    QStringList found;
    for (const QString &sub : {u"layers"_s, u"blobs/sha256"_s, u"partial"_s}) {
        const QStringList names =
            QDir(root + u'/' + sub)
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QString &n : names)
            found << sub + u'/' + n;
    }
    const QJsonArray images =
        QJsonDocument::fromJson(readAll(root + u"/images.json"_s)).object()[u"images"_s].toArray();
    for (const QJsonValue &v : images)
        found << u"image "_s + v[u"id"_s].toString();
    return found;
}

// A docker-archive made by hand: one config, the given layer tars (named as given).
struct HandImage
{
    QByteArray config;
    QList<std::pair<QByteArray, QByteArray>> layers; // name in the archive, tar bytes
    QByteArray manifestJson;                         // overrides the generated one
};

QByteArray configFor(const QList<QByteArray> &diffIds)
{
    QJsonArray ids;
    for (const QByteArray &d : diffIds)
        ids.append(QString::fromLatin1(d));
    return QJsonDocument(QJsonObject{{u"architecture"_s, u"amd64"_s},
                                     {u"os"_s, u"linux"_s},
                                     {u"config"_s, QJsonObject{}},
                                     {u"rootfs"_s,
                                      QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, ids}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray dockerArchive(const HandImage &image, TarBuilder extra = {})
{
    TarBuilder tar;
    QJsonArray layerNames;
    for (const auto &[name, bytes] : image.layers) {
        tar.file(name, bytes);
        layerNames.append(QString::fromLatin1(name));
    }
    const QByteArray configName = hexOf(image.config) + ".json";
    tar.file(configName, image.config);
    QByteArray manifest = image.manifestJson;
    if (manifest.isEmpty())
        manifest =
            QJsonDocument(QJsonArray{QJsonObject{{u"Config"_s, QString::fromLatin1(configName)},
                                                 {u"RepoTags"_s, QJsonArray{u"hostile:latest"_s}},
                                                 {u"Layers"_s, layerNames}}})
                .toJson(QJsonDocument::Compact);
    tar.file("manifest.json", manifest);
    QByteArray out = tar.build();
    if (extra.entryCount() > 0) {
        // Entries appended after the image (before the end-of-archive blocks).
        out = tar.build(512);
        out.chop(1024);
        out += extra.build();
    }
    return out;
}

QByteArray goodLayer(const QByteArray &tag)
{
    return TarBuilder().dir("etc").file("etc/" + tag, tag + "\n").build();
}

} // namespace

class TestLoadSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void roundTrip_data();
    void roundTrip();
    void throughPipes();
    void skopeoArchives_data();
    void skopeoArchives();
    void hostileArchives_data();
    void hostileArchives();
    void history();

private:
    QString newRoot() { return m_work.filePath(u"root-"_s + QString::number(++m_roots)); }

    QTemporaryDir m_registryDir;
    QTemporaryDir m_work;
    QString m_registry;
    QString m_pulled; // a store with every fixture image pulled
    int m_roots = 0;
};

void TestLoadSave::initTestCase()
{
    KOKER_REQUIRE_ROOT();
    for (const QString &tool : {u"docker-registry"_s, u"skopeo"_s, u"umoci"_s, u"jq"_s, u"zstd"_s,
                                u"curl"_s, u"tar"_s, u"gzip"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty() &&
            QStandardPaths::findExecutable(tool, {u"/usr/sbin"_s, u"/sbin"_s}).isEmpty())
            QSKIP(qPrintable(u"the registry tier needs "_s + tool));
    }
    if (!QFileInfo::exists(u"/bin/busybox"_s))
        QSKIP("the registry tier builds its images from /bin/busybox (busybox-static)");
    QVERIFY(m_registryDir.isValid() && m_work.isValid());
    auto started = koker::test::run(kFixtures + u"/start-registry.sh"_s, {m_registryDir.path()});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    m_registry = QString::fromLatin1(started.out).trimmed();
    const QString cache = QDir(koker::test::buildDir()).filePath(u"tests/registry/images"_s);
    auto built =
        koker::test::run(kFixtures + u"/build-test-images.sh"_s, {cache, m_registry}, {}, 300000);
    QVERIFY2(built.exitCode == 0, built.err.constData());
    m_pulled = newRoot();
    for (const QString &image :
         {u"busybox"_s, u"busybox-oci"_s, u"busybox-zstd"_s, u"layered"_s, u"layered2"_s}) {
        const Run r = runKoker(m_pulled, {u"-q"_s, u"pull"_s, m_registry + u"/test/"_s + image});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }
}

void TestLoadSave::cleanupTestCase()
{
    if (m_registryDir.isValid())
        koker::test::run(kFixtures + u"/stop-registry.sh"_s, {m_registryDir.path()});
}

void TestLoadSave::roundTrip_data()
{
    QTest::addColumn<QString>("image");
    QTest::newRow("docker schema 2, gzip layer") << u"busybox"_s;
    QTest::newRow("zstd layer, decompressed on save") << u"busybox-zstd"_s;
    QTest::newRow("4 layers with a whiteout") << u"layered"_s;
}

void TestLoadSave::roundTrip()
{
    QFETCH(QString, image);
    const QString name = m_registry + u"/test/"_s + image;
    const QString root = newRoot();
    QCOMPARE(runKoker(root, {u"-q"_s, u"pull"_s, name}).exitCode, 0);
    const QString id = idOf(root, name);
    QVERIFY(id.startsWith(u"sha256:"_s));
    const QString archive = m_work.filePath(image + u".tar"_s);
    const Run saved = runKoker(root, {u"image"_s, u"save"_s, u"-o"_s, archive, name});
    QVERIFY2(saved.exitCode == 0, qPrintable(describe(saved)));

    // What docker load needs: manifest.json, repositories, the config byte for byte,
    // each layer an uncompressed tar whose sha256 is its diffID.
    QTemporaryDir unpacked;
    QCOMPARE(koker::test::run(u"tar"_s, {u"-xf"_s, archive, u"-C"_s, unpacked.path()}).exitCode, 0);
    const QJsonArray manifest =
        QJsonDocument::fromJson(readAll(unpacked.filePath(u"manifest.json"_s))).array();
    QCOMPARE(manifest.size(), 1);
    const QJsonObject entry = manifest[0].toObject();
    QCOMPARE(entry[u"Config"_s].toString(), id.mid(7) + u".json"_s);
    QCOMPARE(entry[u"RepoTags"_s].toArray(), QJsonArray{QString(name + u":latest"_s)});
    const QByteArray config = readAll(unpacked.filePath(entry[u"Config"_s].toString()));
    QCOMPARE(u"sha256:"_s + QString::fromLatin1(hexOf(config)), id);
    const QJsonArray diffIds =
        QJsonDocument::fromJson(config).object()[u"rootfs"_s][u"diff_ids"_s].toArray();
    const QJsonArray layers = entry[u"Layers"_s].toArray();
    QCOMPARE(layers.size(), diffIds.size());
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QString file = layers[i].toString();
        QCOMPARE(file, diffIds[i].toString().mid(7) + u"/layer.tar"_s);
        QCOMPARE(u"sha256:"_s + QString::fromLatin1(hexOf(readAll(unpacked.filePath(file)))),
                 diffIds[i].toString());
    }
    const QJsonObject repositories =
        QJsonDocument::fromJson(readAll(unpacked.filePath(u"repositories"_s))).object();
    QCOMPARE(repositories[name][u"latest"_s].toString(), diffIds.last().toString().mid(7));

    // rmi by name (its repo digest goes with it, as with docker), then load: the
    // same id, named again, runnable.
    QCOMPARE(runKoker(root, {u"rmi"_s, name}).exitCode, 0);
    QCOMPARE(runKoker(root, {u"image"_s, u"ls"_s, u"-q"_s}).out, QByteArray());
    const Run loaded = runKoker(root, {u"image"_s, u"load"_s, u"-i"_s, archive});
    QVERIFY2(loaded.exitCode == 0, qPrintable(describe(loaded)));
    QCOMPARE(loaded.out, (u"Loaded image: "_s + name + u":latest\n"_s).toUtf8());
    QCOMPARE(idOf(root, name), id);
    const Run run = runKoker(root, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, name, u"cat"_s,
                                    u"/var/www/index.html"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(run.out, QByteArray("hello from a koker test image\n"));
    // Loading again changes nothing and says the same.
    const Run again = runKoker(root, {u"load"_s, u"-i"_s, archive});
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QCOMPARE(idOf(root, name), id);
}

void TestLoadSave::throughPipes()
{
    // docker save IMAGE... > file (several images, shared layers once), then
    // gzip -c file | docker load.
    const QString a = m_registry + u"/test/layered"_s;
    const QString b = m_registry + u"/test/layered2"_s;
    const QString archive = m_work.filePath(u"two.tar"_s);
    const Run toPipe = runKoker(m_pulled, {u"save"_s, a}); // stdout is a pipe here: allowed
    QCOMPARE(toPipe.exitCode, 0);
    QVERIFY(toPipe.out.size() > 2000000); // the busybox layer alone is 2 MB
    const Run saved = runKoker(m_pulled, {u"save"_s, a, b}, {}, {}, archive);
    QVERIFY2(saved.exitCode == 0, qPrintable(describe(saved)));
    const auto listing = koker::test::run(u"tar"_s, {u"-tf"_s, archive});
    const QStringList entries = QString::fromUtf8(listing.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(entries.filter(u"/layer.tar"_s).size(), 6); // 4 + 4 layers, 2 shared
    QCOMPARE(koker::test::run(u"gzip"_s, {u"-k"_s, archive}).exitCode, 0);

    const QString root = newRoot();
    const Run loaded = runKoker(root, {u"load"_s}, {}, archive + u".gz"_s);
    QVERIFY2(loaded.exitCode == 0, qPrintable(describe(loaded)));
    QCOMPARE(QString::fromUtf8(loaded.out),
             u"Loaded image: "_s + a + u":latest\nLoaded image: "_s + b + u":latest\n"_s);
    QCOMPARE(idOf(root, a), idOf(m_pulled, a));
    QCOMPARE(idOf(root, b), idOf(m_pulled, b));
    const Run run = runKoker(root, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, b, u"cat"_s,
                                    u"/data/c"_s, u"/data/d"_s, u"/etc/koker-layer2"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(run.out, QByteArray("layer 3 of layered2\nlayer 4 of layered2\nlayer 2\n"));
}

void TestLoadSave::skopeoArchives_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("transport");
    QTest::addColumn<bool>("named");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("docker-archive") << u"layered"_s << u"docker-archive"_s << true << false;
    QTest::newRow("docker-archive, gzip") << u"busybox"_s << u"docker-archive"_s << true << true;
    QTest::newRow("oci-archive, named") << u"busybox-zstd"_s << u"oci-archive"_s << true << false;
    QTest::newRow("oci-archive, no name") << u"layered2"_s << u"oci-archive"_s << false << false;
}

void TestLoadSave::skopeoArchives()
{
    QFETCH(QString, image);
    QFETCH(QString, transport);
    QFETCH(bool, named);
    QFETCH(bool, gzip);
    const QString name = m_registry + u"/test/"_s + image;
    const QString file = m_work.filePath(image + u'.' + transport + u".tar"_s);
    QFile::remove(file);
    QString destination = transport + u':' + file;
    if (named)
        destination += u':' + name + u":latest"_s;
    auto copied = koker::test::run(u"skopeo"_s,
                                   {u"copy"_s, u"-q"_s, u"--src-tls-verify=false"_s,
                                    u"docker://"_s + name + u":latest"_s, destination},
                                   {}, 300000);
    QVERIFY2(copied.exitCode == 0, copied.err.constData());
    QString input = file;
    if (gzip) {
        QCOMPARE(koker::test::run(u"gzip"_s, {u"-kf"_s, file}).exitCode, 0);
        input += u".gz"_s;
    }
    const QString root = newRoot();
    const Run loaded = runKoker(root, {u"image"_s, u"load"_s, u"-i"_s, input});
    QVERIFY2(loaded.exitCode == 0, qPrintable(describe(loaded)));
    const QString id = idOf(m_pulled, name);
    if (named) {
        QCOMPARE(QString::fromUtf8(loaded.out), u"Loaded image: "_s + name + u":latest\n"_s);
        QCOMPARE(idOf(root, name), id);
    } else {
        QCOMPARE(QString::fromUtf8(loaded.out), u"Loaded image ID: "_s + id + u'\n');
    }
    const Run run =
        runKoker(root, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s,
                        named ? name : id.mid(7, 12), u"cat"_s, u"/var/www/index.html"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(run.out, QByteArray("hello from a koker test image\n"));
}

void TestLoadSave::hostileArchives_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<QString>("expected"); // a fragment of the error

    const QByteArray good = goodLayer("good");
    const QByteArray goodHex = hexOf(good);
    const QByteArray evil =
        TarBuilder().file("ok", "ok\n").file("../../../tmp/koker-evil", "x").build();
    const QByteArray evilHex = hexOf(evil);

    {
        HandImage img{configFor({"sha256:" + goodHex}), {{goodHex + ".tar", good}}, {}};
        img.manifestJson =
            QJsonDocument(QJsonArray{QJsonObject{
                              {u"Config"_s, QString::fromLatin1(hexOf(img.config) + ".json")},
                              {u"RepoTags"_s, QJsonArray{u"hostile:latest"_s}},
                              {u"Layers"_s, QJsonArray{u"../../etc/passwd"_s}}}})
                .toJson();
        QTest::newRow("manifest.json layer ../../etc/passwd")
            << dockerArchive(img) << u"refused archive entry \"../../etc/passwd\""_s;
    }
    {
        HandImage img{configFor({"sha256:" + evilHex}), {{evilHex + ".tar", evil}}, {}};
        QTest::newRow("layer with ../ entries") << dockerArchive(img) << u"refused layer entry"_s;
    }
    {
        // A good first layer must not stay when the second is refused.
        HandImage img{configFor({"sha256:" + goodHex, "sha256:" + evilHex}),
                      {{goodHex + ".tar", good}, {evilHex + ".tar", evil}},
                      {}};
        QTest::newRow("good layer, then a hostile one")
            << dockerArchive(img) << u"refused layer entry"_s;
    }
    {
        HandImage img{configFor({"sha256:" + goodHex}), {{goodHex + ".tar", good}}, {}};
        QTest::newRow("archive entry ../escape")
            << dockerArchive(img, TarBuilder().file("../escape", "x"))
            << u"refused archive entry \"../escape\""_s;
        QTest::newRow("absolute archive entry")
            << dockerArchive(img, TarBuilder().file("/etc/koker-evil", "x"))
            << u"refused archive entry \"/etc/koker-evil\""_s;
        QTest::newRow("device node")
            << dockerArchive(img, TarBuilder().charDevice("dev-null", 1, 3)) << u"devices"_s;
    }
    {
        HandImage img{configFor({"sha256:" + goodHex}), {{"layer.tar", good}}, {}};
        img.layers = {};
        img.manifestJson =
            QJsonDocument(QJsonArray{QJsonObject{
                              {u"Config"_s, QString::fromLatin1(hexOf(img.config) + ".json")},
                              {u"Layers"_s, QJsonArray{u"x/layer.tar"_s}}}})
                .toJson();
        QTest::newRow("symlink out of the archive")
            << dockerArchive(img, TarBuilder().symlink("x/layer.tar", "../../../etc/passwd"))
            << u"leaves the archive"_s;
    }
    {
        // diff_ids that are not the layer's: refused after extraction, nothing kept.
        HandImage img{
            configFor({"sha256:" + hexOf("something else")}), {{goodHex + ".tar", good}}, {}};
        QTest::newRow("diffID mismatch")
            << dockerArchive(img) << u"does not match the image config"_s;
    }
    {
        // A config named by a digest it does not have.
        const QByteArray config = configFor({"sha256:" + goodHex});
        TarBuilder tar;
        tar.file(goodHex + ".tar", good);
        tar.file(QByteArray(64, 'a') + ".json", config);
        tar.file(
            "manifest.json",
            QJsonDocument(QJsonArray{QJsonObject{
                              {u"Config"_s, QString(QString(64, u'a') + u".json"_s)},
                              {u"Layers"_s, QJsonArray{QString::fromLatin1(goodHex + ".tar")}}}})
                .toJson());
        QTest::newRow("config digest mismatch") << tar.build() << u"does not match the digest"_s;
    }
    {
        // OCI layout whose blob does not hash to its name.
        const QByteArray config = configFor({"sha256:" + goodHex});
        const QByteArray manifest =
            QJsonDocument(
                QJsonObject{
                    {u"schemaVersion"_s, 2},
                    {u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
                    {u"config"_s,
                     QJsonObject{{u"mediaType"_s, u"application/vnd.oci.image.config.v1+json"_s},
                                 {u"digest"_s, QString::fromLatin1("sha256:" + hexOf(config))},
                                 {u"size"_s, config.size()}}},
                    {u"layers"_s, QJsonArray{QJsonObject{
                                      {u"mediaType"_s, u"application/vnd.oci.image.layer.v1.tar"_s},
                                      {u"digest"_s, QString::fromLatin1("sha256:" + goodHex)},
                                      {u"size"_s, good.size()}}}}})
                .toJson(QJsonDocument::Compact);
        const QByteArray index =
            QJsonDocument(
                QJsonObject{{u"schemaVersion"_s, 2},
                            {u"manifests"_s,
                             QJsonArray{QJsonObject{
                                 {u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
                                 {u"digest"_s, QString::fromLatin1("sha256:" + hexOf(manifest))},
                                 {u"size"_s, manifest.size()}}}}})
                .toJson(QJsonDocument::Compact);
        QByteArray tampered = good;
        tampered[600] = 'X';
        TarBuilder tar;
        tar.file("oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
        tar.file("index.json", index);
        tar.file("blobs/sha256/" + hexOf(manifest), manifest);
        tar.file("blobs/sha256/" + hexOf(config), config);
        tar.file("blobs/sha256/" + goodHex, tampered);
        QTest::newRow("oci blob does not match its digest") << tar.build() << u"does not match"_s;
    }
    QTest::newRow("not a tar") << QByteArray(4096, 'z') << u"not a tar archive"_s;
}

void TestLoadSave::hostileArchives()
{
    QFETCH(QByteArray, archive);
    QFETCH(QString, expected);
    const QString root = newRoot();
    QCOMPARE(runKoker(root, {u"image"_s, u"ls"_s}).exitCode, 0); // an empty store
    const auto etc = koker::test::snapshotTree(u"/etc"_s);
    const QString file = m_work.filePath(u"hostile.tar"_s);
    QVERIFY(writeFile(file, archive));
    const Run r = runKoker(root, {u"image"_s, u"load"_s, u"-i"_s, file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(expected), qPrintable(expected + u" not in: "_s + r.err));
    QCOMPARE(storeContent(root), QStringList());
    QVERIFY(!QFileInfo::exists(u"/tmp/koker-evil"_s));
    QVERIFY(!QFileInfo::exists(u"/etc/koker-evil"_s));
    QCOMPARE(koker::test::snapshotTree(u"/etc"_s), etc);
    // The same through stdin.
    const Run piped = runKoker(root, {u"load"_s}, {}, file);
    QCOMPARE(piped.exitCode, 1);
    QCOMPARE(storeContent(root), QStringList());
}

void TestLoadSave::history()
{
    const QString name = m_registry + u"/test/layered"_s;
    const Run r = runKoker(m_pulled, {u"image"_s, u"history"_s, name});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QStringList rows = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 5);
    QVERIFY(rows[0].startsWith(u"IMAGE"_s));
    for (const QString &column : {u"CREATED"_s, u"CREATED BY"_s, u"SIZE"_s, u"COMMENT"_s})
        QVERIFY(rows[0].contains(column));
    const QString id = idOf(m_pulled, name);
    QVERIFY2(rows[1].startsWith(id.mid(7, 12)), qPrintable(rows[1]));
    QVERIFY2(rows[1].contains(u"koker test fixture: layer 4 (with a whiteout)"_s),
             qPrintable(rows[1]));
    QVERIFY2(rows[4].startsWith(u"<missing>"_s), qPrintable(rows[4]));
    QVERIFY2(rows[4].contains(u"busybox rootfs"_s), qPrintable(rows[4]));
    QVERIFY2(rows[4].contains(u"MB"_s), qPrintable(rows[4])); // the busybox layer's size
    const Run quiet = runKoker(m_pulled, {u"history"_s, u"-q"_s, name});
    QCOMPARE(QString::fromUtf8(quiet.out),
             id.mid(7, 12) + u"\n<missing>\n<missing>\n<missing>\n"_s);
    const Run missing = runKoker(m_pulled, {u"history"_s, u"no/such:image"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(u"no such image"_s), qPrintable(missing.err));
}

QTEST_GUILESS_MAIN(TestLoadSave)
#include "tst_loadsave.moc"
