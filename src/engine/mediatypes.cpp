#include "mediatypes.h"

namespace koker::MediaType {

bool isLayer(const QString &type)
{
    return type == OciLayer || type == OciLayerGzip || type == OciLayerZstd ||
           type == OciLayerNondistGzip || type == DockerLayer || type == DockerLayerGzip ||
           type == DockerLayerForeignGzip;
}

bool isIndex(const QString &type)
{
    return type == OciIndex || type == DockerManifestList;
}

bool isManifest(const QString &type)
{
    return type == OciManifest || type == DockerManifest;
}

} // namespace koker::MediaType
