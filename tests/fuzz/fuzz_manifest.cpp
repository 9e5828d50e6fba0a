// Fuzz target: classifyManifest, ImageManifest::parse, ImageIndex::parse and
// ImageConfig::parse (engine/manifest.h).
//
// Input: byte 0 picks the Content-Type the "registry" sent (from the list below), the
// rest is the document. Every parser runs on every input. Invariants:
//  * a document never parses both as a manifest and as an index, and the classifier
//    never sends a document to the parser of the other kind (security brief: "a
//    manifest that parses as two formats" is refused);
//  * what parses survives toJson() -> parse(): the engine stores manifests it loaded
//    from an archive or a registry as toJson(), and must be able to read them back;
//    the second toJson() equals the first (a fixed point), and the fields the engine
//    acts on (media types, digests, sizes, platforms) are unchanged.

#include "engine/manifest.h"
#include "engine/mediatypes.h"
#include "fuzzcheck.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <cstddef>
#include <cstdint>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace {

QString contentTypeFor(uint8_t selector)
{
    static const QString types[] = {
        QString(),
        u"application/json"_s,
        u"application/octet-stream"_s,
        koker::MediaType::OciManifest,
        koker::MediaType::DockerManifest,
        koker::MediaType::OciIndex,
        koker::MediaType::DockerManifestList,
        koker::MediaType::DockerManifestV1Signed,
        koker::MediaType::OciConfig,
        u"application/vnd.oci.image.manifest.v1+json; charset=utf-8"_s,
        u" application/vnd.docker.distribution.manifest.list.v2+json ;q=1"_s,
        u"text/html"_s,
    };
    constexpr size_t count = sizeof types / sizeof types[0];
    return types[selector % count];
}

std::string message(const koker::Error &e)
{
    return e.message;
}

bool sameDescriptor(const koker::Descriptor &a, const koker::Descriptor &b)
{
    return a.mediaType == b.mediaType && a.digest == b.digest && a.size == b.size &&
           a.platform.os == b.platform.os && a.platform.architecture == b.platform.architecture &&
           a.platform.variant == b.platform.variant;
}

void checkManifestRoundTrip(const koker::ImageManifest &m)
{
    const QByteArray json = m.toJson();
    auto again = koker::ImageManifest::parse(json);
    KOKER_FUZZ_CHECK(again.has_value(), "toJson() of a manifest does not parse: " +
                                            (again ? std::string() : message(again.error())) +
                                            "; json: " + json.left(400).toStdString());
    KOKER_FUZZ_CHECK(again->mediaType == m.mediaType, "manifest mediaType changed");
    KOKER_FUZZ_CHECK(sameDescriptor(again->config, m.config), "manifest config changed");
    KOKER_FUZZ_CHECK(again->layers.size() == m.layers.size(), "manifest layer count changed");
    for (qsizetype i = 0; i < m.layers.size(); ++i)
        KOKER_FUZZ_CHECK(sameDescriptor(again->layers[i], m.layers[i]),
                         "manifest layer " + std::to_string(i) + " changed");
    KOKER_FUZZ_CHECK(again->toJson() == json,
                     "manifest toJson() is not a fixed point: " + json.left(400).toStdString());
}

void checkIndexRoundTrip(const koker::ImageIndex &index)
{
    const QByteArray json = index.toJson();
    auto again = koker::ImageIndex::parse(json);
    KOKER_FUZZ_CHECK(again.has_value(), "toJson() of an index does not parse: " +
                                            (again ? std::string() : message(again.error())) +
                                            "; json: " + json.left(400).toStdString());
    KOKER_FUZZ_CHECK(again->mediaType == index.mediaType, "index mediaType changed");
    KOKER_FUZZ_CHECK(again->manifests.size() == index.manifests.size(),
                     "index entry count changed");
    for (qsizetype i = 0; i < index.manifests.size(); ++i)
        KOKER_FUZZ_CHECK(sameDescriptor(again->manifests[i], index.manifests[i]),
                         "index entry " + std::to_string(i) +
                             " changed; json: " + json.left(400).toStdString());
    KOKER_FUZZ_CHECK(again->toJson() == json,
                     "index toJson() is not a fixed point: " + json.left(400).toStdString());
    // Platform selection must not crash or pick an entry that does not match.
    for (const koker::Platform &p :
         {koker::Platform::host(), koker::Platform{u"linux"_s, u"arm64"_s, QString()},
          koker::Platform{u"linux"_s, u"arm"_s, u"v7"_s}}) {
        auto chosen = index.select(p);
        if (chosen)
            KOKER_FUZZ_CHECK(p.matches(chosen->platform), "select() picked a foreign platform");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QString contentType = contentTypeFor(data[0]);
    const QByteArray doc(reinterpret_cast<const char *>(data) + 1,
                         static_cast<qsizetype>(size - 1));

    auto kind = koker::classifyManifest(doc, contentType);
    auto manifest = koker::ImageManifest::parse(doc, contentType);
    auto index = koker::ImageIndex::parse(doc, contentType);

    KOKER_FUZZ_CHECK(!(manifest && index), "a document parses as a manifest and as an index");
    if (manifest) {
        KOKER_FUZZ_CHECK(!kind || *kind == koker::ManifestKind::Manifest,
                         "a manifest is classified as an index");
        KOKER_FUZZ_CHECK(koker::MediaType::isManifest(manifest->mediaType),
                         "manifest mediaType " + manifest->mediaType.toStdString());
        checkManifestRoundTrip(*manifest);
    }
    if (index) {
        KOKER_FUZZ_CHECK(!kind || *kind == koker::ManifestKind::Index,
                         "an index is classified as a manifest");
        KOKER_FUZZ_CHECK(koker::MediaType::isIndex(index->mediaType),
                         "index mediaType " + index->mediaType.toStdString());
        checkIndexRoundTrip(*index);
    }

    auto config = koker::ImageConfig::parse(doc);
    if (config) {
        (void)config->history();
        for (const koker::Digest &d : config->diffIds)
            KOKER_FUZZ_CHECK(koker::isSha256Hex(d.hex()), "diff_id " + d.toString().toStdString());
    }
    return 0;
}
