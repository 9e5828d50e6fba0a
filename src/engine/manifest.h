#pragma once

// The JSON documents of an image: descriptors, manifests, indexes (manifest lists)
// and the image config, in their OCI and Docker schema 2 forms. Parsers are strict
// (they refuse what they do not understand, with a message saying what it is) and
// bounded: every document comes from a registry or an archive, i.e. from strangers.

#include "engine/digest.h"
#include "runtime/error.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace koker {

/// Largest manifest, index or config we accept (registries cap manifests at 4 MiB).
inline constexpr qsizetype kMaxManifestBytes = 4 << 20;
inline constexpr qsizetype kMaxConfigBytes = 8 << 20;

struct Platform
{
    QString os;
    QString architecture;
    QString variant;

    /// "linux/amd64", "linux/arm64/v8"; os and architecture required.
    static Result<Platform> parse(const QString &text);
    /// The platform this program runs on (linux/amd64 here).
    static Platform host();
    QString toString() const;
    /// Whether an index entry for `other` can run here (variant optional when we have none).
    bool matches(const Platform &other) const;
};

struct Descriptor
{
    QString mediaType;
    Digest digest;
    qint64 size = 0;
    Platform platform; // only in index entries
    QJsonObject annotations;

    static Result<Descriptor> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

struct ImageManifest
{
    QString mediaType; // OciManifest or DockerManifest
    Descriptor config;
    QList<Descriptor> layers;
    QJsonObject annotations;

    /// Parse a single-image manifest. `contentType` is the registry's Content-Type
    /// header or the archive's hint; when both it and mediaType are present they
    /// must agree (a document that parses as two things is refused).
    static Result<ImageManifest> parse(const QByteArray &data, const QString &contentType = {});
    QByteArray toJson() const;
};

struct ImageIndex
{
    QString mediaType; // OciIndex or DockerManifestList
    QList<Descriptor> manifests;

    static Result<ImageIndex> parse(const QByteArray &data, const QString &contentType = {});
    /// The manifest for `platform`, or NotFound listing the platforms there are.
    Result<Descriptor> select(const Platform &platform) const;
    QByteArray toJson() const;
};

/// What a manifest document turned out to be.
enum class ManifestKind
{
    Manifest,
    Index
};
/// Decide from the Content-Type and the document's own mediaType / shape.
Result<ManifestKind> classifyManifest(const QByteArray &data, const QString &contentType);

/// The parts of the image config the engine uses; `raw` keeps the whole document
/// (for inspect and for save, which must reproduce the config byte for byte).
struct ImageConfig
{
    QString architecture;
    QString os;
    QString variant;
    QString created; // RFC 3339
    QString author;
    // "config" section
    QString user;
    QStringList env;
    QStringList entrypoint;
    QStringList cmd;
    QString workingDir;
    QStringList exposedPorts;
    QStringList volumes;
    QString stopSignal;
    QJsonObject labels;
    // rootfs
    QList<Digest> diffIds;
    QJsonObject raw;

    static Result<ImageConfig> parse(const QByteArray &data);
    /// Non-empty history entries, oldest first (for `image history`).
    QList<QJsonObject> history() const;
};

} // namespace koker
