// Manifests, indexes and image configs: the strict, bounded parsers every document
// from a registry or an archive goes through. Rows are documents; `expected` is a
// compact description of what came out, or "ERROR" with the error code and a piece
// of the message.

#include "engine/manifest.h"
#include "engine/mediatypes.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;
using namespace koker;

namespace {

const QString kHexA = u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
const QString kHexB = u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
const QString kHexC = u"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_s;
const QString kDigestA = u"sha256:"_s + kHexA;
const QString kDigestB = u"sha256:"_s + kHexB;
const QString kDigestC = u"sha256:"_s + kHexC;

const QString kError = u"ERROR"_s;

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject desc(const QString &mediaType, const QString &digest = kDigestB,
                 const QJsonValue &size = 1234)
{
    QJsonObject o{{u"digest"_s, digest}, {u"size"_s, size}};
    if (!mediaType.isNull())
        o.insert(u"mediaType"_s, mediaType);
    return o;
}

QJsonObject ociConfig()
{
    return desc(MediaType::OciConfig, kDigestA, 567);
}

// A manifest object; a null mediaType leaves the field out.
QJsonObject manifest(const QString &mediaType, const QJsonObject &config, const QJsonArray &layers)
{
    QJsonObject o{{u"schemaVersion"_s, 2}, {u"config"_s, config}, {u"layers"_s, layers}};
    if (!mediaType.isNull())
        o.insert(u"mediaType"_s, mediaType);
    return o;
}

QJsonObject ociManifest(const QJsonArray &layers = {desc(MediaType::OciLayerGzip)})
{
    return manifest(MediaType::OciManifest, ociConfig(), layers);
}

QJsonObject dockerManifest()
{
    return manifest(MediaType::DockerManifest, desc(MediaType::DockerConfig, kDigestA, 567),
                    {desc(MediaType::DockerLayerGzip)});
}

QJsonObject withLayer(const QJsonObject &layer)
{
    return ociManifest({layer});
}

QJsonObject withConfig(const QJsonObject &config)
{
    return manifest(MediaType::OciManifest, config, {desc(MediaType::OciLayerGzip)});
}

QJsonObject without(QJsonObject o, const QString &key)
{
    o.remove(key);
    return o;
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

// "os/arch[/variant]" and a media type for one index entry.
QJsonObject entry(const QString &platform, const QString &digest,
                  const QString &mediaType = MediaType::OciManifest)
{
    QJsonObject o = desc(mediaType, digest, 500);
    const QStringList p = platform.split(u'/');
    QJsonObject po{{u"os"_s, p.value(0)}, {u"architecture"_s, p.value(1)}};
    if (p.size() > 2)
        po.insert(u"variant"_s, p.value(2));
    o.insert(u"platform"_s, po);
    return o;
}

QJsonObject index(const QString &mediaType, const QJsonArray &manifests)
{
    QJsonObject o{{u"schemaVersion"_s, 2}, {u"manifests"_s, manifests}};
    if (!mediaType.isNull())
        o.insert(u"mediaType"_s, mediaType);
    return o;
}

QJsonObject ociIndex()
{
    return index(MediaType::OciIndex,
                 {entry(u"linux/amd64"_s, kDigestA), entry(u"linux/arm64/v8"_s, kDigestB)});
}

QJsonObject schema1()
{
    return QJsonObject{{u"schemaVersion"_s, 1},
                       {u"name"_s, u"library/busybox"_s},
                       {u"tag"_s, u"latest"_s},
                       {u"architecture"_s, u"amd64"_s},
                       {u"fsLayers"_s, QJsonArray{QJsonObject{{u"blobSum"_s, kDigestA}}}},
                       {u"history"_s, QJsonArray{}}};
}

QJsonArray manyLayers(int n)
{
    QJsonArray layers;
    for (int i = 0; i < n; ++i)
        layers.append(desc(MediaType::OciLayerGzip));
    return layers;
}

// Pad a compact JSON document with trailing spaces to exactly `size` bytes.
QByteArray padded(QByteArray data, qsizetype size)
{
    data.append(QByteArray(size - data.size(), ' '));
    return data;
}

// "oci", "docker" or the media type itself.
QString shortType(const QString &mediaType)
{
    if (mediaType == MediaType::OciManifest || mediaType == MediaType::OciIndex)
        return u"oci"_s;
    if (mediaType == MediaType::DockerManifest || mediaType == MediaType::DockerManifestList)
        return u"docker"_s;
    return mediaType;
}

QString describe(const ImageManifest &m)
{
    return shortType(m.mediaType) + u" layers="_s + QString::number(m.layers.size());
}

QJsonObject config(const QJsonObject &extra = {})
{
    QJsonObject o{
        {u"architecture"_s, u"amd64"_s},
        {u"os"_s, u"linux"_s},
        {u"rootfs"_s,
         QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, QJsonArray{kDigestA, kDigestB}}}},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manifestParse_data();
    void manifestParse();
    void manifestFields();
    void manifestRoundTrip();
    void classify_data();
    void classify();
    void indexParse_data();
    void indexParse();
    void indexRoundTrip();
    void platformParse_data();
    void platformParse();
    void platformMatches_data();
    void platformMatches();
    void platformHost();
    void select_data();
    void select();
    void configParse_data();
    void configParse();
    void configFields();
};

void TestManifest::manifestParse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected"); // "oci|docker layers=N" or ERROR
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("error");

    const int corrupt = int(ErrorCode::Corrupt);
    const int unsupported = int(ErrorCode::Unsupported);
    const int limit = int(ErrorCode::LimitExceeded);
    const QString oci = u"oci layers=1"_s;
    const QString docker = u"docker layers=1"_s;

    // Both formats, with and without a mediaType field.
    QTest::newRow("oci") << json(ociManifest()) << u""_s << oci << 0 << u""_s;
    QTest::newRow("oci served as oci")
        << json(ociManifest()) << MediaType::OciManifest << oci << 0 << u""_s;
    QTest::newRow("oci without mediaType, served as oci")
        << json(without(ociManifest(), u"mediaType"_s)) << MediaType::OciManifest << oci << 0
        << u""_s;
    QTest::newRow("oci without mediaType nor content type")
        << json(without(ociManifest(), u"mediaType"_s)) << u""_s << oci << 0 << u""_s;
    QTest::newRow("docker") << json(dockerManifest()) << MediaType::DockerManifest << docker << 0
                            << u""_s;
    QTest::newRow("docker without content type")
        << json(dockerManifest()) << u""_s << docker << 0 << u""_s;
    QTest::newRow("docker without mediaType, served as docker")
        << json(without(dockerManifest(), u"mediaType"_s)) << MediaType::DockerManifest << docker
        << 0 << u""_s;
    QTest::newRow("content type with parameters")
        << json(ociManifest()) << MediaType::OciManifest + u"; charset=utf-8"_s << oci << 0
        << u""_s;
    QTest::newRow("served as application/json")
        << json(dockerManifest()) << u"application/json"_s << docker << 0 << u""_s;
    QTest::newRow("served as octet-stream")
        << json(ociManifest()) << u"application/octet-stream"_s << oci << 0 << u""_s;
    QTest::newRow("no layers") << json(ociManifest({})) << u""_s << u"oci layers=0"_s << 0 << u""_s;
    QTest::newRow("unknown fields ignored")
        << json(with(ociManifest(), u"subject"_s, desc(MediaType::OciManifest))) << u""_s << oci
        << 0 << u""_s;

    // Content type and declared type disagree.
    QTest::newRow("oci served as docker") << json(ociManifest()) << MediaType::DockerManifest
                                          << kError << corrupt << u"but was served as"_s;
    QTest::newRow("docker served as oci") << json(dockerManifest()) << MediaType::OciManifest
                                          << kError << corrupt << u"but was served as"_s;
    QTest::newRow("manifest served as index")
        << json(ociManifest()) << MediaType::OciIndex << kError << unsupported << u""_s;
    QTest::newRow("served as html") << json(ociManifest()) << u"text/html"_s << kError
                                    << unsupported << u"unsupported manifest type"_s;
    QTest::newRow("index given to manifest parser")
        << json(ociIndex()) << u""_s << kError << corrupt << u"got an index"_s;

    // A document that parses as two formats.
    QTest::newRow("manifests and layers")
        << json(with(ociManifest(), u"manifests"_s, QJsonArray{entry(u"linux/amd64"_s, kDigestC)}))
        << u""_s << kError << corrupt << u"ambiguous"_s;
    QTest::newRow("manifests and layers, no mediaType")
        << json(with(without(ociManifest(), u"mediaType"_s), u"manifests"_s, QJsonArray{})) << u""_s
        << kError << corrupt << u"ambiguous"_s;

    // Old and foreign formats.
    QTest::newRow("schema 1") << json(schema1()) << u""_s << kError << unsupported << u"schema 1"_s;
    QTest::newRow("schema 1 signed") << json(schema1()) << MediaType::DockerManifestV1Signed
                                     << kError << unsupported << u"schema 1"_s;
    QTest::newRow("schema 2 declaring v1")
        << json(with(ociManifest(), u"mediaType"_s, MediaType::DockerManifestV1)) << u""_s << kError
        << unsupported << u"schema 1"_s;
    QTest::newRow("unknown media type")
        << json(with(ociManifest(), u"mediaType"_s, u"application/vnd.example+json"_s)) << u""_s
        << kError << unsupported << u"unsupported manifest media type"_s;
    QTest::newRow("no schemaVersion") << json(without(ociManifest(), u"schemaVersion"_s)) << u""_s
                                      << kError << unsupported << u""_s;
    QTest::newRow("schemaVersion 3") << json(with(ociManifest(), u"schemaVersion"_s, 3)) << u""_s
                                     << kError << unsupported << u""_s;
    QTest::newRow("helm chart")
        << json(withConfig(desc(u"application/vnd.cncf.helm.config.v1+json"_s, kDigestA, 10)))
        << u""_s << kError << unsupported << u"not a container image"_s;
    QTest::newRow("empty config media type") << json(withConfig(desc(u""_s, kDigestA, 10))) << u""_s
                                             << kError << unsupported << u"not a container image"_s;
    QTest::newRow("oci empty artifact config")
        << json(withConfig(desc(u"application/vnd.oci.empty.v1+json"_s, kDigestA, 2))) << u""_s
        << kError << unsupported << u"not a container image"_s;

    // Descriptors.
    QTest::newRow("no config") << json(without(ociManifest(), u"config"_s)) << u""_s << kError
                               << corrupt << u"manifest config"_s;
    QTest::newRow("config bad digest")
        << json(withConfig(desc(MediaType::OciConfig, u"sha256:1234"_s))) << u""_s << kError
        << corrupt << u"invalid digest"_s;
    QTest::newRow("config no size") << json(withConfig(without(ociConfig(), u"size"_s))) << u""_s
                                    << kError << corrupt << u"no valid size"_s;
    QTest::newRow("layer no digest")
        << json(withLayer(without(desc(MediaType::OciLayerGzip), u"digest"_s))) << u""_s << kError
        << corrupt << u"manifest layer"_s;
    QTest::newRow("layer uppercase digest")
        << json(withLayer(desc(MediaType::OciLayerGzip, kDigestB.toUpper()))) << u""_s << kError
        << corrupt << u"invalid digest"_s;
    QTest::newRow("layer sha512 digest")
        << json(withLayer(desc(MediaType::OciLayerGzip, u"sha512:"_s + kHexA + kHexB))) << u""_s
        << kError << corrupt << u"sha256"_s;
    QTest::newRow("layer traversal digest")
        << json(withLayer(desc(MediaType::OciLayerGzip, u"../../../etc/passwd"_s))) << u""_s
        << kError << corrupt << u"invalid digest"_s;
    QTest::newRow("layer digest not a string")
        << json(withLayer(with(desc(MediaType::OciLayerGzip), u"digest"_s, 5))) << u""_s << kError
        << corrupt << u"invalid digest"_s;
    QTest::newRow("layer no size")
        << json(withLayer(without(desc(MediaType::OciLayerGzip), u"size"_s))) << u""_s << kError
        << corrupt << u"no valid size"_s;
    QTest::newRow("layer negative size")
        << json(withLayer(desc(MediaType::OciLayerGzip, kDigestB, -1))) << u""_s << kError
        << corrupt << u"no valid size"_s;
    QTest::newRow("layer fractional size")
        << json(withLayer(desc(MediaType::OciLayerGzip, kDigestB, 1.5))) << u""_s << kError
        << corrupt << u"no valid size"_s;
    QTest::newRow("layer size as string")
        << json(withLayer(desc(MediaType::OciLayerGzip, kDigestB, u"1234"_s))) << u""_s << kError
        << corrupt << u"no valid size"_s;
    QTest::newRow("layer size 1e16")
        << json(withLayer(desc(MediaType::OciLayerGzip, kDigestB, 1e16))) << u""_s << kError
        << corrupt << u"no valid size"_s;
    QTest::newRow("layer size null")
        << json(withLayer(desc(MediaType::OciLayerGzip, kDigestB, QJsonValue()))) << u""_s << kError
        << corrupt << u"no valid size"_s;
    QTest::newRow("layer size 0") << json(withLayer(desc(MediaType::OciLayerGzip, kDigestB, 0)))
                                  << u""_s << oci << 0 << u""_s;
    QTest::newRow("layer not an object") << json(ociManifest({QJsonValue(u"sha256:x"_s)})) << u""_s
                                         << kError << corrupt << u"manifest layer"_s;

    // Layer media types.
    QTest::newRow("layer tar") << json(withLayer(desc(MediaType::OciLayer))) << u""_s << oci << 0
                               << u""_s;
    QTest::newRow("layer tar+gzip")
        << json(withLayer(desc(MediaType::OciLayerGzip))) << u""_s << oci << 0 << u""_s;
    QTest::newRow("layer tar+zstd")
        << json(withLayer(desc(MediaType::OciLayerZstd))) << u""_s << oci << 0 << u""_s;
    QTest::newRow("layer nondistributable gzip")
        << json(withLayer(desc(MediaType::OciLayerNondistGzip))) << u""_s << oci << 0 << u""_s;
    QTest::newRow("layer docker gzip")
        << json(withLayer(desc(MediaType::DockerLayerGzip))) << u""_s << oci << 0 << u""_s;
    QTest::newRow("layer docker foreign")
        << json(withLayer(desc(MediaType::DockerLayerForeignGzip))) << u""_s << oci << 0 << u""_s;
    // distribution's schema2.MediaTypeUncompressedLayer.
    QTest::newRow("layer docker uncompressed tar")
        << json(withLayer(desc(u"application/vnd.docker.image.rootfs.diff.tar"_s))) << u""_s << oci
        << 0 << u""_s;
    QTest::newRow("layer bzip2") << json(withLayer(
                                        desc(u"application/vnd.oci.image.layer.v1.tar+bzip2"_s)))
                                 << u""_s << kError << unsupported
                                 << u"unsupported layer media type"_s;
    QTest::newRow("layer helm chart")
        << json(withLayer(desc(u"application/vnd.cncf.helm.chart.content.v1.tar+gzip"_s))) << u""_s
        << kError << unsupported << u"unsupported layer media type"_s;
    QTest::newRow("layer without media type") << json(withLayer(desc(QString()))) << u""_s << kError
                                              << unsupported << u"unsupported layer media type"_s;
    QTest::newRow("layer media type case")
        << json(withLayer(desc(MediaType::OciLayerGzip.toUpper()))) << u""_s << kError
        << unsupported << u"unsupported layer media type"_s;

    // Bounds.
    QTest::newRow("1000 layers") << json(ociManifest(manyLayers(1000))) << u""_s
                                 << u"oci layers=1000"_s << 0 << u""_s;
    QTest::newRow("1001 layers") << json(ociManifest(manyLayers(1001))) << u""_s << kError << limit
                                 << u"more than 1000 layers"_s;
    QTest::newRow("exactly 4 MiB")
        << padded(json(ociManifest()), kMaxManifestBytes) << u""_s << oci << 0 << u""_s;
    QTest::newRow("4 MiB + 1") << padded(json(ociManifest()), kMaxManifestBytes + 1) << u""_s
                               << kError << limit << u"larger than"_s;
    QTest::newRow("huge annotation") << json(with(ociManifest(), u"annotations"_s,
                                                  QJsonObject{{u"x"_s, QString(5 << 20, u'a')}}))
                                     << u""_s << kError << limit << u"larger than"_s;

    // Not a manifest at all.
    QTest::newRow("empty") << QByteArray() << u""_s << kError << corrupt << u"not valid JSON"_s;
    QTest::newRow("garbage") << QByteArray("<html>") << u""_s << kError << corrupt
                             << u"not valid JSON"_s;
    QTest::newRow("truncated") << json(ociManifest()).chopped(1) << u""_s << kError << corrupt
                               << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << u""_s << kError << corrupt
                           << u"not a JSON object"_s;
}

void TestManifest::manifestParse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QFETCH(int, code);
    QFETCH(QString, error);

    auto m = ImageManifest::parse(data, contentType);
    if (expected == kError) {
        QVERIFY2(!m, qPrintable(u"accepted: "_s + (m ? describe(*m) : QString())));
        QCOMPARE(int(m.error().code), code);
        QVERIFY2(QString::fromStdString(m.error().message).contains(error),
                 m.error().message.c_str());
        return;
    }
    QVERIFY2(m, m ? "" : m.error().message.c_str());
    QCOMPARE(describe(*m), expected);
}

void TestManifest::manifestFields()
{
    QJsonObject o = ociManifest(
        {desc(MediaType::OciLayerGzip, kDigestB, 10), desc(MediaType::OciLayerZstd, kDigestC, 20)});
    o.insert(u"annotations"_s, QJsonObject{{u"org.opencontainers.image.title"_s, u"x"_s}});
    auto m = ImageManifest::parse(json(o));
    QVERIFY(m);
    QCOMPARE(m->mediaType, MediaType::OciManifest);
    QCOMPARE(m->config.mediaType, MediaType::OciConfig);
    QCOMPARE(m->config.digest.toString(), kDigestA);
    QCOMPARE(m->config.size, qint64(567));
    QCOMPARE(m->layers.size(), qsizetype(2));
    QCOMPARE(m->layers[0].digest.toString(), kDigestB);
    QCOMPARE(m->layers[0].size, qint64(10));
    QCOMPARE(m->layers[1].mediaType, MediaType::OciLayerZstd);
    QCOMPARE(m->layers[1].size, qint64(20));
    QCOMPARE(m->annotations.value(u"org.opencontainers.image.title"_s).toString(), u"x"_s);

    // A size beyond 2^32 survives (layers of several GiB exist).
    auto big = ImageManifest::parse(
        json(withLayer(desc(MediaType::OciLayerGzip, kDigestB, 8589934592.0))));
    QVERIFY(big);
    QCOMPARE(big->layers[0].size, Q_INT64_C(8589934592));
}

void TestManifest::manifestRoundTrip()
{
    for (const QJsonObject &o : {ociManifest(), dockerManifest()}) {
        QJsonObject withAnnotations = o;
        withAnnotations.insert(u"annotations"_s, QJsonObject{{u"a"_s, u"b"_s}});
        auto m = ImageManifest::parse(json(withAnnotations));
        QVERIFY(m);
        auto again = ImageManifest::parse(m->toJson(), m->mediaType);
        QVERIFY2(again, again ? "" : again.error().message.c_str());
        QCOMPARE(again->mediaType, m->mediaType);
        QCOMPARE(again->config.digest, m->config.digest);
        QCOMPARE(again->config.size, m->config.size);
        QCOMPARE(again->config.mediaType, m->config.mediaType);
        QCOMPARE(again->layers.size(), m->layers.size());
        for (qsizetype i = 0; i < m->layers.size(); ++i) {
            QCOMPARE(again->layers[i].digest, m->layers[i].digest);
            QCOMPARE(again->layers[i].size, m->layers[i].size);
            QCOMPARE(again->layers[i].mediaType, m->layers[i].mediaType);
        }
        QCOMPARE(again->annotations, m->annotations);
        QCOMPARE(again->toJson(), m->toJson());
    }
}

void TestManifest::classify_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected"); // manifest, index or ERROR
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("error");

    const int corrupt = int(ErrorCode::Corrupt);
    const int unsupported = int(ErrorCode::Unsupported);

    QTest::newRow("oci manifest") << json(ociManifest()) << u""_s << u"manifest"_s << 0 << u""_s;
    QTest::newRow("docker manifest")
        << json(dockerManifest()) << MediaType::DockerManifest << u"manifest"_s << 0 << u""_s;
    QTest::newRow("oci index") << json(ociIndex()) << u""_s << u"index"_s << 0 << u""_s;
    QTest::newRow("docker list") << json(index(MediaType::DockerManifestList,
                                               {entry(u"linux/amd64"_s, kDigestA)}))
                                 << MediaType::DockerManifestList << u"index"_s << 0 << u""_s;
    QTest::newRow("index without mediaType, by content type")
        << json(without(ociIndex(), u"mediaType"_s)) << MediaType::OciIndex << u"index"_s << 0
        << u""_s;
    QTest::newRow("manifest without mediaType, by content type")
        << json(without(ociManifest(), u"mediaType"_s)) << MediaType::DockerManifest
        << u"manifest"_s << 0 << u""_s;
    QTest::newRow("index by shape") << json(without(ociIndex(), u"mediaType"_s))
                                    << u"application/json"_s << u"index"_s << 0 << u""_s;
    QTest::newRow("manifest by shape")
        << json(without(ociManifest(), u"mediaType"_s)) << u""_s << u"manifest"_s << 0 << u""_s;
    QTest::newRow("config only by shape")
        << json(QJsonObject{{u"schemaVersion"_s, 2}, {u"config"_s, ociConfig()}}) << u""_s
        << u"manifest"_s << 0 << u""_s;
    QTest::newRow("both shapes") << json(with(without(ociManifest(), u"mediaType"_s),
                                              u"manifests"_s, QJsonArray{}))
                                 << u""_s << kError << corrupt << u"ambiguous"_s;
    QTest::newRow("schema 1 by shape")
        << json(schema1()) << u""_s << kError << unsupported << u"schema 1"_s;
    QTest::newRow("schema 1 by content type")
        << json(schema1()) << MediaType::DockerManifestV1Signed << kError << unsupported
        << u"schema 1"_s;
    QTest::newRow("schema 1 by mediaType")
        << json(with(schema1(), u"mediaType"_s, MediaType::DockerManifestV1)) << u""_s << kError
        << unsupported << u"schema 1"_s;
    QTest::newRow("unknown mediaType")
        << json(with(ociManifest(), u"mediaType"_s, u"application/vnd.foo+json"_s)) << u""_s
        << kError << unsupported << u"application/vnd.foo+json"_s;
    QTest::newRow("neither") << json(QJsonObject{{u"schemaVersion"_s, 2}}) << u""_s << kError
                             << corrupt << u"neither"_s;
    QTest::newRow("not json") << QByteArray("{") << u""_s << kError << corrupt
                              << u"not valid JSON"_s;
    QTest::newRow("too big") << padded(json(ociManifest()), kMaxManifestBytes + 1) << u""_s
                             << kError << int(ErrorCode::LimitExceeded) << u"larger than"_s;
}

void TestManifest::classify()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QFETCH(int, code);
    QFETCH(QString, error);

    auto kind = classifyManifest(data, contentType);
    if (expected == kError) {
        QVERIFY(!kind);
        QCOMPARE(int(kind.error().code), code);
        QVERIFY2(QString::fromStdString(kind.error().message).contains(error),
                 kind.error().message.c_str());
        return;
    }
    QVERIFY2(kind, kind ? "" : kind.error().message.c_str());
    QCOMPARE(*kind == ManifestKind::Index ? u"index"_s : u"manifest"_s, expected);
}

void TestManifest::indexParse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected"); // "oci|docker n=N" or ERROR
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("error");

    const int corrupt = int(ErrorCode::Corrupt);
    const int unsupported = int(ErrorCode::Unsupported);

    QTest::newRow("oci") << json(ociIndex()) << u""_s << u"oci n=2"_s << 0 << u""_s;
    QTest::newRow("oci served as oci")
        << json(ociIndex()) << MediaType::OciIndex << u"oci n=2"_s << 0 << u""_s;
    QTest::newRow("docker list") << json(index(MediaType::DockerManifestList,
                                               {entry(u"linux/amd64"_s, kDigestA,
                                                      MediaType::DockerManifest)}))
                                 << MediaType::DockerManifestList << u"docker n=1"_s << 0 << u""_s;
    QTest::newRow("no mediaType, served as docker list")
        << json(without(ociIndex(), u"mediaType"_s)) << MediaType::DockerManifestList
        << u"docker n=2"_s << 0 << u""_s;
    QTest::newRow("no mediaType nor content type")
        << json(without(ociIndex(), u"mediaType"_s)) << u""_s << u"oci n=2"_s << 0 << u""_s;
    QTest::newRow("empty list") << json(index(MediaType::OciIndex, {})) << u""_s << u"oci n=0"_s
                                << 0 << u""_s;
    QTest::newRow("oci served as docker list") << json(ociIndex()) << MediaType::DockerManifestList
                                               << kError << corrupt << u"but was served as"_s;
    QTest::newRow("served as manifest")
        << json(ociIndex()) << MediaType::OciManifest << kError << unsupported << u""_s;
    QTest::newRow("manifest given to index parser")
        << json(ociManifest()) << u""_s << kError << corrupt << u"expected an index"_s;
    QTest::newRow("with layers") << json(with(ociIndex(), u"layers"_s, QJsonArray{})) << u""_s
                                 << kError << corrupt << u"ambiguous"_s;
    QTest::newRow("with config") << json(with(ociIndex(), u"config"_s, ociConfig())) << u""_s
                                 << kError << corrupt << u"ambiguous"_s;
    QTest::newRow("schemaVersion 1") << json(with(ociIndex(), u"schemaVersion"_s, 1)) << u""_s
                                     << kError << corrupt << u"schemaVersion"_s;
    QTest::newRow("entry bad digest")
        << json(index(MediaType::OciIndex, {entry(u"linux/amd64"_s, u"sha256:abc"_s)})) << u""_s
        << kError << corrupt << u"index entry"_s;
    QTest::newRow("entry negative size")
        << json(
               index(MediaType::OciIndex, {with(entry(u"linux/amd64"_s, kDigestA), u"size"_s, -5)}))
        << u""_s << kError << corrupt << u"no valid size"_s;
    QJsonArray many;
    for (int i = 0; i < 1001; ++i)
        many.append(entry(u"linux/amd64"_s, kDigestA));
    QTest::newRow("1001 entries") << json(index(MediaType::OciIndex, many)) << u""_s << kError
                                  << int(ErrorCode::LimitExceeded) << u"more than 1000"_s;
    QTest::newRow("too big") << padded(json(ociIndex()), kMaxManifestBytes + 1) << u""_s << kError
                             << int(ErrorCode::LimitExceeded) << u"larger than"_s;
}

void TestManifest::indexParse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QFETCH(int, code);
    QFETCH(QString, error);

    auto idx = ImageIndex::parse(data, contentType);
    if (expected == kError) {
        QVERIFY(!idx);
        QCOMPARE(int(idx.error().code), code);
        QVERIFY2(QString::fromStdString(idx.error().message).contains(error),
                 idx.error().message.c_str());
        return;
    }
    QVERIFY2(idx, idx ? "" : idx.error().message.c_str());
    QCOMPARE(shortType(idx->mediaType) + u" n="_s + QString::number(idx->manifests.size()),
             expected);
}

void TestManifest::indexRoundTrip()
{
    QJsonObject o =
        index(MediaType::OciIndex,
              {entry(u"linux/amd64"_s, kDigestA), entry(u"linux/arm/v7"_s, kDigestB),
               with(entry(u"unknown/unknown"_s, kDigestC), u"annotations"_s,
                    QJsonObject{{u"vnd.docker.reference.type"_s, u"attestation-manifest"_s}})});
    auto idx = ImageIndex::parse(json(o));
    QVERIFY(idx);
    QCOMPARE(idx->manifests.size(), qsizetype(3));
    QCOMPARE(idx->manifests[1].platform.toString(), u"linux/arm/v7"_s);
    auto again = ImageIndex::parse(idx->toJson(), MediaType::OciIndex);
    QVERIFY2(again, again ? "" : again.error().message.c_str());
    QCOMPARE(again->mediaType, idx->mediaType);
    QCOMPARE(again->manifests.size(), qsizetype(3));
    for (qsizetype i = 0; i < 3; ++i) {
        QCOMPARE(again->manifests[i].digest, idx->manifests[i].digest);
        QCOMPARE(again->manifests[i].size, idx->manifests[i].size);
        QCOMPARE(again->manifests[i].platform.toString(), idx->manifests[i].platform.toString());
        QCOMPARE(again->manifests[i].annotations, idx->manifests[i].annotations);
    }
    QCOMPARE(again->toJson(), idx->toJson());
}

void TestManifest::platformParse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // toString() or ERROR

    QTest::newRow("linux/amd64") << u"linux/amd64"_s << u"linux/amd64"_s;
    QTest::newRow("with variant") << u"linux/arm64/v8"_s << u"linux/arm64/v8"_s;
    QTest::newRow("arm v7") << u"linux/arm/v7"_s << u"linux/arm/v7"_s;
    QTest::newRow("upper case") << u"Linux/AMD64"_s << u"linux/amd64"_s;
    QTest::newRow("x86_64") << u"linux/x86_64"_s << u"linux/amd64"_s;
    QTest::newRow("aarch64") << u"linux/aarch64"_s << u"linux/arm64"_s;
    QTest::newRow("windows parses") << u"windows/amd64"_s << u"windows/amd64"_s;
    QTest::newRow("os only") << u"linux"_s << kError;
    QTest::newRow("empty") << u""_s << kError;
    QTest::newRow("empty arch") << u"linux/"_s << kError;
    QTest::newRow("empty os") << u"/amd64"_s << kError;
    QTest::newRow("empty variant") << u"linux/amd64/"_s << kError;
    QTest::newRow("four parts") << u"linux/arm/v7/x"_s << kError;
    QTest::newRow("space") << u"linux/amd 64"_s << kError;
    QTest::newRow("comma list") << u"linux/amd64,linux/arm64"_s << kError;
}

void TestManifest::platformParse()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    auto p = Platform::parse(input);
    if (expected == kError) {
        QVERIFY2(!p, qPrintable(u"accepted as "_s + (p ? p->toString() : QString())));
        QCOMPARE(p.error().code, ErrorCode::InvalidArgument);
        return;
    }
    QVERIFY2(p, p ? "" : p.error().message.c_str());
    QCOMPARE(p->toString(), expected);
}

void TestManifest::platformMatches_data()
{
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QString>("os");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<bool>("expected");

    QTest::newRow("same") << u"linux/amd64"_s << u"linux"_s << u"amd64"_s << u""_s << true;
    QTest::newRow("other arch") << u"linux/amd64"_s << u"linux"_s << u"arm64"_s << u""_s << false;
    QTest::newRow("other os") << u"linux/amd64"_s << u"windows"_s << u"amd64"_s << u""_s << false;
    QTest::newRow("x86_64 entry") << u"linux/amd64"_s << u"linux"_s << u"x86_64"_s << u""_s << true;
    QTest::newRow("entry has variant")
        << u"linux/arm64"_s << u"linux"_s << u"arm64"_s << u"v8"_s << true;
    QTest::newRow("wanted has variant")
        << u"linux/arm64/v8"_s << u"linux"_s << u"arm64"_s << u""_s << true;
    QTest::newRow("same variant") << u"linux/arm/v7"_s << u"linux"_s << u"arm"_s << u"v7"_s << true;
    QTest::newRow("other variant")
        << u"linux/arm/v7"_s << u"linux"_s << u"arm"_s << u"v6"_s << false;
    QTest::newRow("newer variant")
        << u"linux/arm/v6"_s << u"linux"_s << u"arm"_s << u"v7"_s << false;
}

void TestManifest::platformMatches()
{
    QFETCH(QString, wanted);
    QFETCH(QString, os);
    QFETCH(QString, arch);
    QFETCH(QString, variant);
    QFETCH(bool, expected);

    auto p = Platform::parse(wanted);
    QVERIFY(p);
    QCOMPARE(p->matches(Platform{os, arch, variant}), expected);
}

void TestManifest::platformHost()
{
    const Platform host = Platform::host();
    QCOMPARE(host.os, u"linux"_s);
    QVERIFY(!host.architecture.isEmpty());
    QVERIFY(host.architecture != u"x86_64"_s && host.architecture != u"aarch64"_s);
    QVERIFY(host.matches(host));
}

void TestManifest::select_data()
{
    QTest::addColumn<QJsonArray>("entries");
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QString>("expected"); // digest chosen, or ERROR + message part
    QTest::addColumn<QString>("error");

    const QString docker = MediaType::DockerManifest;
    const QJsonArray multi{entry(u"linux/amd64"_s, kDigestA), entry(u"linux/arm64/v8"_s, kDigestB),
                           entry(u"linux/arm/v7"_s, kDigestC)};
    // What buildx pushes: one attestation manifest per image, platform unknown/unknown.
    const QJsonArray attested{entry(u"unknown/unknown"_s, kDigestC),
                              entry(u"linux/arm64"_s, kDigestB), entry(u"linux/amd64"_s, kDigestA)};

    QTest::newRow("amd64 first") << multi << u"linux/amd64"_s << kDigestA << u""_s;
    QTest::newRow("arm64") << multi << u"linux/arm64/v8"_s << kDigestB << u""_s;
    QTest::newRow("arm64 without variant") << multi << u"linux/arm64"_s << kDigestB << u""_s;
    QTest::newRow("arm v7") << multi << u"linux/arm/v7"_s << kDigestC << u""_s;
    QTest::newRow("amd64 last") << QJsonArray{entry(u"linux/arm/v7"_s, kDigestC),
                                              entry(u"linux/arm64/v8"_s, kDigestB),
                                              entry(u"linux/amd64"_s, kDigestA)}
                                << u"linux/amd64"_s << kDigestA << u""_s;
    QTest::newRow("docker media types") << QJsonArray{entry(u"linux/arm64"_s, kDigestB, docker),
                                                      entry(u"linux/amd64"_s, kDigestA, docker)}
                                        << u"linux/amd64"_s << kDigestA << u""_s;
    QTest::newRow("x86_64 entry") << QJsonArray{entry(u"linux/x86_64"_s, kDigestA)}
                                  << u"linux/amd64"_s << kDigestA << u""_s;
    QTest::newRow("aarch64 entry") << QJsonArray{entry(u"linux/aarch64"_s, kDigestB)}
                                   << u"linux/arm64/v8"_s << kDigestB << u""_s;
    QTest::newRow("entry without mediaType")
        << QJsonArray{entry(u"linux/amd64"_s, kDigestA, QString())} << u"linux/amd64"_s << kDigestA
        << u""_s;
    QTest::newRow("attestation skipped") << attested << u"linux/amd64"_s << kDigestA << u""_s;
    QTest::newRow("windows before linux")
        << QJsonArray{entry(u"windows/amd64"_s, kDigestB), entry(u"linux/amd64"_s, kDigestA)}
        << u"linux/amd64"_s << kDigestA << u""_s;
    QTest::newRow("nested index skipped")
        << QJsonArray{entry(u"linux/amd64"_s, kDigestB, MediaType::OciIndex),
                      entry(u"linux/amd64"_s, kDigestA)}
        << u"linux/amd64"_s << kDigestA << u""_s;
    QTest::newRow("arm v6 before v7")
        << QJsonArray{entry(u"linux/arm/v6"_s, kDigestB), entry(u"linux/arm/v7"_s, kDigestC)}
        << u"linux/arm/v7"_s << kDigestC << u""_s;
    QTest::newRow("arm v7 entry without variant")
        << QJsonArray{entry(u"linux/arm"_s, kDigestC)} << u"linux/arm/v7"_s << kDigestC << u""_s;
    // An exact variant wins over a merely compatible entry listed earlier: containerd
    // never gives linux/amd64/v3 to a plain linux/amd64 request (SIGILL on older CPUs).
    QTest::newRow("amd64 v3 listed before amd64")
        << QJsonArray{entry(u"linux/amd64/v3"_s, kDigestB), entry(u"linux/amd64"_s, kDigestA)}
        << u"linux/amd64"_s << kDigestA << u""_s;
    // arm64 without a variant is arm64/v8 (containerd's Normalize): the first one wins.
    QTest::newRow("arm64 unvariant equals v8")
        << QJsonArray{entry(u"linux/arm64"_s, kDigestA), entry(u"linux/arm64/v8"_s, kDigestB)}
        << u"linux/arm64/v8"_s << kDigestA << u""_s;

    // Nothing fits: the error lists what there is, never the attestations.
    QTest::newRow("s390x missing") << multi << u"linux/s390x"_s << kError
                                   << u"available: linux/amd64, linux/arm64/v8, linux/arm/v7"_s;
    QTest::newRow("amd64 missing, attestations hidden")
        << QJsonArray{entry(u"unknown/unknown"_s, kDigestC), entry(u"linux/arm64"_s, kDigestB)}
        << u"linux/amd64"_s << kError << u"(available: linux/arm64)"_s;
    QTest::newRow("arm v6 wanted, only v7")
        << QJsonArray{entry(u"linux/arm/v7"_s, kDigestC)} << u"linux/arm/v6"_s << kError
        << u"no image for platform linux/arm/v6"_s;
    QTest::newRow("empty index") << QJsonArray{} << u"linux/amd64"_s << kError
                                 << u"(available: )"_s;
}

void TestManifest::select()
{
    QFETCH(QJsonArray, entries);
    QFETCH(QString, wanted);
    QFETCH(QString, expected);
    QFETCH(QString, error);

    auto idx = ImageIndex::parse(json(index(MediaType::OciIndex, entries)));
    QVERIFY2(idx, idx ? "" : idx.error().message.c_str());
    auto platform = Platform::parse(wanted);
    QVERIFY(platform);
    auto chosen = idx->select(*platform);
    if (expected == kError) {
        QVERIFY2(!chosen, qPrintable(chosen ? chosen->platform.toString() : QString()));
        QCOMPARE(chosen.error().code, ErrorCode::NotFound);
        QVERIFY2(QString::fromStdString(chosen.error().message).contains(error),
                 chosen.error().message.c_str());
        return;
    }
    QVERIFY2(chosen, chosen ? "" : chosen.error().message.c_str());
    QCOMPARE(chosen->digest.toString(), expected);
}

void TestManifest::configParse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected"); // "os/arch diffs=N" or ERROR
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("error");

    const int corrupt = int(ErrorCode::Corrupt);

    QTest::newRow("minimal") << json(config()) << u"linux/amd64 diffs=2"_s << 0 << u""_s;
    QTest::newRow("x86_64 normalised") << json(config({{u"architecture"_s, u"x86_64"_s}}))
                                       << u"linux/amd64 diffs=2"_s << 0 << u""_s;
    QTest::newRow("no os") << json(without(config(), u"os"_s)) << u"/amd64 diffs=2"_s << 0 << u""_s;
    QTest::newRow("no diff_ids") << json(config(
                                        {{u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}}}}))
                                 << u"linux/amd64 diffs=0"_s << 0 << u""_s;
    QTest::newRow("windows") << json(config({{u"os"_s, u"windows"_s}})) << kError
                             << int(ErrorCode::Unsupported) << u"windows image"_s;
    QTest::newRow("no rootfs") << json(without(config(), u"rootfs"_s)) << kError << corrupt
                               << u"rootfs"_s;
    QTest::newRow("rootfs type not layers")
        << json(config({{u"rootfs"_s, QJsonObject{{u"type"_s, u"Layers"_s},
                                                  {u"diff_ids"_s, QJsonArray{kDigestA}}}}}))
        << kError << corrupt << u"rootfs"_s;
    QTest::newRow("diff_id uppercase")
        << json(config(
               {{u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s},
                                          {u"diff_ids"_s, QJsonArray{kDigestA.toUpper()}}}}}))
        << kError << corrupt << u"invalid diff_id"_s;
    QTest::newRow("diff_id short")
        << json(config({{u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s},
                                                  {u"diff_ids"_s, QJsonArray{u"sha256:00"_s}}}}}))
        << kError << corrupt << u"invalid diff_id"_s;
    QTest::newRow("diff_id not a string")
        << json(config({{u"rootfs"_s,
                         QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, QJsonArray{1}}}}}))
        << kError << corrupt << u"invalid diff_id"_s;
    QTest::newRow("diff_id traversal")
        << json(config({{u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s},
                                                  {u"diff_ids"_s, QJsonArray{u"../x"_s}}}}}))
        << kError << corrupt << u"invalid diff_id"_s;
    QTest::newRow("not json") << QByteArray("nope") << kError << corrupt << u"not valid JSON"_s;
    QTest::newRow("too big") << padded(json(config()), kMaxConfigBytes + 1) << kError
                             << int(ErrorCode::LimitExceeded) << u"larger than"_s;
    QTest::newRow("manifest-sized config is fine")
        << padded(json(config()), kMaxManifestBytes + 1) << u"linux/amd64 diffs=2"_s << 0 << u""_s;
}

void TestManifest::configParse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    QFETCH(int, code);
    QFETCH(QString, error);

    auto c = ImageConfig::parse(data);
    if (expected == kError) {
        QVERIFY(!c);
        QCOMPARE(int(c.error().code), code);
        QVERIFY2(QString::fromStdString(c.error().message).contains(error),
                 c.error().message.c_str());
        return;
    }
    QVERIFY2(c, c ? "" : c.error().message.c_str());
    QCOMPARE(c->os + u'/' + c->architecture + u" diffs="_s + QString::number(c->diffIds.size()),
             expected);
}

void TestManifest::configFields()
{
    const QByteArray data = R"({
        "architecture": "arm64", "variant": "v8", "os": "linux",
        "created": "2024-01-02T03:04:05Z", "author": "someone",
        "config": {
            "User": "1000:1000",
            "Env": ["PATH=/usr/bin:/bin", "LANG=C.UTF-8"],
            "Entrypoint": ["/entry.sh"],
            "Cmd": ["sh", "-c", "echo hi"],
            "WorkingDir": "/app",
            "ExposedPorts": {"8080/tcp": {}, "53/udp": {}},
            "Volumes": {"/data": {}},
            "StopSignal": "SIGQUIT",
            "Labels": {"org.opencontainers.image.version": "1.0"}
        },
        "rootfs": {"type": "layers", "diff_ids": [
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]},
        "history": [{"created_by": "ADD file"}, {"created_by": "CMD", "empty_layer": true}]
    })";
    auto c = ImageConfig::parse(data);
    QVERIFY2(c, c ? "" : c.error().message.c_str());
    QCOMPARE(c->architecture, u"arm64"_s);
    QCOMPARE(c->variant, u"v8"_s);
    QCOMPARE(c->os, u"linux"_s);
    QCOMPARE(c->created, u"2024-01-02T03:04:05Z"_s);
    QCOMPARE(c->author, u"someone"_s);
    QCOMPARE(c->user, u"1000:1000"_s);
    QCOMPARE(c->env, (QStringList{u"PATH=/usr/bin:/bin"_s, u"LANG=C.UTF-8"_s}));
    QCOMPARE(c->entrypoint, QStringList{u"/entry.sh"_s});
    QCOMPARE(c->cmd, (QStringList{u"sh"_s, u"-c"_s, u"echo hi"_s}));
    QCOMPARE(c->workingDir, u"/app"_s);
    QCOMPARE(c->exposedPorts, (QStringList{u"53/udp"_s, u"8080/tcp"_s}));
    QCOMPARE(c->volumes, QStringList{u"/data"_s});
    QCOMPARE(c->stopSignal, u"SIGQUIT"_s);
    QCOMPARE(c->labels.value(u"org.opencontainers.image.version"_s).toString(), u"1.0"_s);
    QCOMPARE(c->diffIds.size(), qsizetype(1));
    QCOMPARE(c->diffIds[0].toString(), kDigestA);
    QCOMPARE(c->history().size(), qsizetype(2));
    QCOMPARE(c->history()[1].value(u"created_by"_s).toString(), u"CMD"_s);
    QCOMPARE(c->raw.value(u"author"_s).toString(), u"someone"_s);

    // Null and absent entries are empty, not errors (Docker writes "Cmd": null).
    auto empty = ImageConfig::parse(
        R"({"os":"linux","config":{"Cmd":null,"Entrypoint":null,"Env":null},"rootfs":{"type":"layers","diff_ids":[]}})");
    QVERIFY2(empty, empty ? "" : empty.error().message.c_str());
    QVERIFY(empty->cmd.isEmpty());
    QVERIFY(empty->entrypoint.isEmpty());
    QVERIFY(empty->env.isEmpty());
    QVERIFY(empty->workingDir.isEmpty());
    QVERIFY(empty->history().isEmpty());
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
