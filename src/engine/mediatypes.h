#pragma once

// The media types of images. Docker's schema 2 and the OCI image spec name the
// same things differently; everything below the parsers speaks both.

#include <QtCore/QString>

namespace koker::MediaType {

using namespace Qt::Literals::StringLiterals;

inline const QString OciIndex = u"application/vnd.oci.image.index.v1+json"_s;
inline const QString OciManifest = u"application/vnd.oci.image.manifest.v1+json"_s;
inline const QString OciConfig = u"application/vnd.oci.image.config.v1+json"_s;
inline const QString OciLayer = u"application/vnd.oci.image.layer.v1.tar"_s;
inline const QString OciLayerGzip = u"application/vnd.oci.image.layer.v1.tar+gzip"_s;
inline const QString OciLayerZstd = u"application/vnd.oci.image.layer.v1.tar+zstd"_s;
inline const QString OciLayerNondistGzip =
    u"application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"_s;

inline const QString DockerManifestList =
    u"application/vnd.docker.distribution.manifest.list.v2+json"_s;
inline const QString DockerManifest = u"application/vnd.docker.distribution.manifest.v2+json"_s;
inline const QString DockerManifestV1 = u"application/vnd.docker.distribution.manifest.v1+json"_s;
inline const QString DockerManifestV1Signed =
    u"application/vnd.docker.distribution.manifest.v1+prettyjws"_s;
inline const QString DockerConfig = u"application/vnd.docker.container.image.v1+json"_s;
inline const QString DockerLayer = u"application/vnd.docker.image.rootfs.diff.tar"_s;
inline const QString DockerLayerGzip = u"application/vnd.docker.image.rootfs.diff.tar.gzip"_s;
inline const QString DockerLayerForeignGzip =
    u"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"_s;

/// Whether `type` names a layer we can extract (tar, tar+gzip, tar+zstd, both forms).
bool isLayer(const QString &type);
bool isIndex(const QString &type);
bool isManifest(const QString &type);

} // namespace koker::MediaType
