#include "manifest.h"

#include "engine/mediatypes.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSysInfo>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

std::unexpected<Error> corrupt(const std::string &what)
{
    return fail(ErrorCode::Corrupt, what);
}

Result<QJsonObject> parseObject(const QByteArray &data, qsizetype cap, const char *what)
{
    if (data.size() > cap)
        return fail(ErrorCode::LimitExceeded,
                    std::string(what) + " is larger than " + std::to_string(cap) + " bytes");
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        return corrupt(std::string(what) +
                       " is not valid JSON: " + error.errorString().toStdString() + " at offset " +
                       std::to_string(error.offset));
    if (!doc.isObject())
        return corrupt(std::string(what) + " is not a JSON object");
    return doc.object();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

QString normalizeArch(const QString &arch)
{
    if (arch == u"x86_64"_s)
        return u"amd64"_s;
    if (arch == u"aarch64"_s)
        return u"arm64"_s;
    return arch;
}

// A document's own mediaType must agree with what the transport said it was.
Status checkContentType(const QString &declared, const QString &contentType,
                        bool (*accept)(const QString &))
{
    QString transport = contentType.section(u';', 0, 0).trimmed();
    if (!transport.isEmpty() && transport != u"application/json"_s &&
        transport != u"application/octet-stream"_s && !accept(transport))
        return fail(ErrorCode::Unsupported,
                    "unsupported manifest type \"" + transport.toStdString() + "\"");
    if (!declared.isEmpty() && !transport.isEmpty() && accept(transport) && declared != transport)
        return corrupt("manifest declares media type \"" + declared.toStdString() +
                       "\" but was served as \"" + transport.toStdString() + "\"");
    return {};
}

std::unexpected<Error> refuseKnownOld(const QString &type)
{
    if (type == MediaType::DockerManifestV1 || type == MediaType::DockerManifestV1Signed)
        return fail(ErrorCode::Unsupported,
                    "this image uses Docker's schema 1 manifest format, which was retired in "
                    "2019; ask its publisher to push it again with a current Docker");
    return fail(ErrorCode::Unsupported,
                "unsupported manifest media type \"" + type.left(200).toStdString() + "\"");
}

} // namespace

Result<Platform> Platform::parse(const QString &text)
{
    const QStringList parts = text.split(u'/');
    if (parts.size() < 2 || parts.size() > 3 || parts.contains(QString()))
        return fail(ErrorCode::InvalidArgument,
                    "invalid platform \"" + text.toStdString() +
                        "\": expected os/arch[/variant], for example linux/amd64");
    if (text.size() > 64)
        return fail(ErrorCode::InvalidArgument, "invalid platform: longer than 64 characters");
    for (const QString &p : parts) {
        if (p == u"."_s || p == u".."_s)
            return fail(ErrorCode::InvalidArgument,
                        "invalid platform \"" + text.toStdString() + "\"");
        for (QChar c : p) {
            const char16_t u = c.unicode();
            bool ascii =
                (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
            if (!(ascii || c == u'_' || c == u'-' || c == u'.'))
                return fail(ErrorCode::InvalidArgument,
                            "invalid platform \"" + text.toStdString() + "\"");
        }
    }
    Platform p;
    p.os = parts[0].toLower();
    p.architecture = normalizeArch(parts[1].toLower());
    if (parts.size() == 3)
        p.variant = parts[2].toLower();
    return p;
}

Platform Platform::host()
{
    Platform p;
    p.os = u"linux"_s;
    p.architecture = normalizeArch(QSysInfo::currentCpuArchitecture());
    if (p.architecture == u"arm64"_s)
        p.variant = u"v8"_s;
    return p;
}

QString Platform::toString() const
{
    QString s = os + u'/' + architecture;
    if (!variant.isEmpty())
        s += u'/' + variant;
    return s;
}

bool Platform::matches(const Platform &other) const
{
    if (os != other.os || architecture != normalizeArch(other.architecture))
        return false;
    if (variant.isEmpty() || other.variant.isEmpty())
        return true;
    return variant == other.variant;
}

Result<Descriptor> Descriptor::fromJson(const QJsonObject &o)
{
    Descriptor d;
    d.mediaType = o.value(u"mediaType"_s).toString();
    auto digest = Digest::parse(o.value(u"digest"_s).toString());
    if (!digest)
        return corrupt("descriptor has an invalid digest: " + digest.error().message);
    d.digest = *digest;
    const QJsonValue size = o.value(u"size"_s);
    if (!size.isDouble() || size.toDouble() < 0 || size.toDouble() > 9.0e15 ||
        size.toDouble() != static_cast<double>(size.toInteger()))
        return corrupt("descriptor " + d.digest.toString().toStdString() + " has no valid size");
    d.size = size.toInteger();
    if (o.contains(u"platform"_s)) {
        const QJsonObject p = o.value(u"platform"_s).toObject();
        d.platform.os = p.value(u"os"_s).toString();
        d.platform.architecture = normalizeArch(p.value(u"architecture"_s).toString());
        d.platform.variant = p.value(u"variant"_s).toString();
    }
    d.annotations = o.value(u"annotations"_s).toObject();
    return d;
}

QJsonObject Descriptor::toJson() const
{
    QJsonObject o{{u"mediaType"_s, mediaType}, {u"digest"_s, digest.toString()}, {u"size"_s, size}};
    // Any part of the platform keeps it: an entry with only an architecture must not
    // lose it when a stored index is written back (found by tests/fuzz).
    if (!platform.os.isEmpty() || !platform.architecture.isEmpty() || !platform.variant.isEmpty()) {
        QJsonObject p{{u"os"_s, platform.os}, {u"architecture"_s, platform.architecture}};
        if (!platform.variant.isEmpty())
            p.insert(u"variant"_s, platform.variant);
        o.insert(u"platform"_s, p);
    }
    if (!annotations.isEmpty())
        o.insert(u"annotations"_s, annotations);
    return o;
}

Result<ManifestKind> classifyManifest(const QByteArray &data, const QString &contentType)
{
    auto object = parseObject(data, kMaxManifestBytes, "manifest");
    if (!object)
        return std::unexpected(object.error());
    QString type = object->value(u"mediaType"_s).toString();
    QString transport = contentType.section(u';', 0, 0).trimmed();
    if (type.isEmpty() && (MediaType::isIndex(transport) || MediaType::isManifest(transport)))
        type = transport;
    if (type.isEmpty()) {
        // OCI allows an absent mediaType; decide by shape, refusing ambiguity.
        bool hasManifests = object->contains(u"manifests"_s);
        bool hasLayers = object->contains(u"layers"_s) || object->contains(u"config"_s);
        if (hasManifests && hasLayers)
            return corrupt("manifest has both \"manifests\" and \"layers\"; refusing an "
                           "ambiguous document");
        if (object->value(u"schemaVersion"_s).toInt() == 1)
            return refuseKnownOld(MediaType::DockerManifestV1);
        if (hasManifests)
            return ManifestKind::Index;
        if (hasLayers)
            return ManifestKind::Manifest;
        return corrupt("document is neither an image manifest nor an index");
    }
    if (MediaType::isIndex(type))
        return ManifestKind::Index;
    if (MediaType::isManifest(type))
        return ManifestKind::Manifest;
    return refuseKnownOld(type);
}

Result<ImageManifest> ImageManifest::parse(const QByteArray &data, const QString &contentType)
{
    auto object = parseObject(data, kMaxManifestBytes, "manifest");
    if (!object)
        return std::unexpected(object.error());
    const QJsonObject &o = *object;
    if (o.value(u"schemaVersion"_s).toInt() != 2)
        return refuseKnownOld(MediaType::DockerManifestV1);
    ImageManifest m;
    QString declared = o.value(u"mediaType"_s).toString();
    if (!declared.isEmpty() && !MediaType::isManifest(declared)) {
        if (MediaType::isIndex(declared))
            return corrupt("expected an image manifest but got an index");
        return refuseKnownOld(declared);
    }
    if (auto st = checkContentType(declared, contentType, MediaType::isManifest); !st)
        return std::unexpected(st.error());
    if (o.contains(u"manifests"_s))
        return corrupt("image manifest also has \"manifests\"; refusing an ambiguous document");
    QString transport = contentType.section(u';', 0, 0).trimmed();
    m.mediaType = !declared.isEmpty()                ? declared
                  : MediaType::isManifest(transport) ? transport
                                                     : MediaType::OciManifest;
    auto config = Descriptor::fromJson(o.value(u"config"_s).toObject());
    if (!config)
        return corrupt("manifest config: " + config.error().message);
    m.config = *config;
    if (m.config.mediaType != MediaType::OciConfig && m.config.mediaType != MediaType::DockerConfig)
        return fail(ErrorCode::Unsupported,
                    "this is not a container image (config media type \"" +
                        m.config.mediaType.left(200).toStdString() +
                        "\"); it may be a Helm chart or another OCI artifact");
    const QJsonArray layers = o.value(u"layers"_s).toArray();
    if (layers.size() > 1000)
        return fail(ErrorCode::LimitExceeded, "manifest has more than 1000 layers");
    for (const QJsonValue &v : layers) {
        auto layer = Descriptor::fromJson(v.toObject());
        if (!layer)
            return corrupt("manifest layer: " + layer.error().message);
        if (!MediaType::isLayer(layer->mediaType))
            return fail(ErrorCode::Unsupported, "unsupported layer media type \"" +
                                                    layer->mediaType.left(200).toStdString() +
                                                    "\"");
        m.layers << *layer;
    }
    m.annotations = o.value(u"annotations"_s).toObject();
    return m;
}

QByteArray ImageManifest::toJson() const
{
    QJsonArray layerArray;
    for (const Descriptor &d : layers)
        layerArray.append(d.toJson());
    QJsonObject o{{u"schemaVersion"_s, 2},
                  {u"mediaType"_s, mediaType},
                  {u"config"_s, config.toJson()},
                  {u"layers"_s, layerArray}};
    if (!annotations.isEmpty())
        o.insert(u"annotations"_s, annotations);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<ImageIndex> ImageIndex::parse(const QByteArray &data, const QString &contentType)
{
    auto object = parseObject(data, kMaxManifestBytes, "index");
    if (!object)
        return std::unexpected(object.error());
    const QJsonObject &o = *object;
    if (o.value(u"schemaVersion"_s).toInt() != 2)
        return corrupt("index has schemaVersion " +
                       std::to_string(o.value(u"schemaVersion"_s).toInt()) + ", expected 2");
    QString declared = o.value(u"mediaType"_s).toString();
    if (!declared.isEmpty() && !MediaType::isIndex(declared))
        return corrupt("expected an index but got \"" + declared.left(200).toStdString() + "\"");
    if (auto st = checkContentType(declared, contentType, MediaType::isIndex); !st)
        return std::unexpected(st.error());
    if (o.contains(u"layers"_s) || o.contains(u"config"_s))
        return corrupt("index also has \"layers\"; refusing an ambiguous document");
    ImageIndex index;
    QString transport = contentType.section(u';', 0, 0).trimmed();
    index.mediaType = !declared.isEmpty()             ? declared
                      : MediaType::isIndex(transport) ? transport
                                                      : MediaType::OciIndex;
    const QJsonArray manifests = o.value(u"manifests"_s).toArray();
    if (manifests.size() > 1000)
        return fail(ErrorCode::LimitExceeded, "index lists more than 1000 manifests");
    for (const QJsonValue &v : manifests) {
        auto d = Descriptor::fromJson(v.toObject());
        if (!d)
            return corrupt("index entry: " + d.error().message);
        index.manifests << *d;
    }
    return index;
}

Result<Descriptor> ImageIndex::select(const Platform &platform) const
{
    // An entry with exactly our variant wins over an earlier one that only
    // matches() because a variant is missing: a plain linux/amd64 request must not
    // get linux/amd64/v3 (which needs a newer CPU) when linux/amd64 is listed too.
    // arm64 without a variant is arm64/v8, as in containerd's Normalize.
    auto variantOf = [](const Platform &p) {
        return p.variant.isEmpty() && p.architecture == u"arm64"_s ? u"v8"_s : p.variant;
    };
    QStringList available;
    const Descriptor *compatible = nullptr;
    for (const Descriptor &d : manifests) {
        if (!MediaType::isManifest(d.mediaType) && !d.mediaType.isEmpty())
            continue; // attestations, nested indexes
        if (d.platform.os == u"unknown"_s)
            continue; // buildx provenance entries
        available << d.platform.toString();
        if (!platform.matches(d.platform))
            continue;
        if (variantOf(platform) == variantOf(d.platform))
            return d;
        if (!compatible)
            compatible = &d;
    }
    if (compatible)
        return *compatible;
    return fail(ErrorCode::NotFound, "no image for platform " + platform.toString().toStdString() +
                                         " (available: " + available.join(u", "_s).toStdString() +
                                         ")");
}

QByteArray ImageIndex::toJson() const
{
    QJsonArray array;
    for (const Descriptor &d : manifests)
        array.append(d.toJson());
    QJsonObject o{{u"schemaVersion"_s, 2}, {u"mediaType"_s, mediaType}, {u"manifests"_s, array}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<ImageConfig> ImageConfig::parse(const QByteArray &data)
{
    auto object = parseObject(data, kMaxConfigBytes, "image config");
    if (!object)
        return std::unexpected(object.error());
    const QJsonObject &o = *object;
    ImageConfig c;
    c.raw = o;
    c.architecture = normalizeArch(o.value(u"architecture"_s).toString());
    c.os = o.value(u"os"_s).toString();
    c.variant = o.value(u"variant"_s).toString();
    c.created = o.value(u"created"_s).toString();
    c.author = o.value(u"author"_s).toString();
    const QJsonObject cfg = o.value(u"config"_s).toObject();
    c.user = cfg.value(u"User"_s).toString();
    c.env = stringList(cfg.value(u"Env"_s));
    c.entrypoint = stringList(cfg.value(u"Entrypoint"_s));
    c.cmd = stringList(cfg.value(u"Cmd"_s));
    c.workingDir = cfg.value(u"WorkingDir"_s).toString();
    c.exposedPorts = cfg.value(u"ExposedPorts"_s).toObject().keys();
    c.volumes = cfg.value(u"Volumes"_s).toObject().keys();
    c.stopSignal = cfg.value(u"StopSignal"_s).toString();
    c.labels = cfg.value(u"Labels"_s).toObject();
    const QJsonObject rootfs = o.value(u"rootfs"_s).toObject();
    if (rootfs.value(u"type"_s).toString() != u"layers"_s)
        return corrupt("image config has no rootfs of type \"layers\"");
    const QJsonArray ids = rootfs.value(u"diff_ids"_s).toArray();
    for (const QJsonValue &v : ids) {
        auto d = Digest::parse(v.toString());
        if (!d)
            return corrupt("image config has an invalid diff_id: " + d.error().message);
        c.diffIds << *d;
    }
    if (!c.os.isEmpty() && c.os != u"linux"_s)
        return fail(ErrorCode::Unsupported,
                    "this is a " + c.os.toStdString() + " image; Koker runs Linux images only");
    return c;
}

QList<QJsonObject> ImageConfig::history() const
{
    QList<QJsonObject> out;
    const QJsonArray array = raw.value(u"history"_s).toArray();
    for (const QJsonValue &v : array)
        out << v.toObject();
    return out;
}

} // namespace koker
