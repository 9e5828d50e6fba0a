#pragma once

// Images as files, for a classroom without a network: `docker load` and `docker save`.
//
// load reads, with libarchive and as a stream (a file or a pipe; plain, gzip, zstd,
// xz or bzip2), either of the two formats tools write:
//   * docker-archive (`docker save`, `skopeo copy ... docker-archive:`): manifest.json
//     [{Config, RepoTags, Layers}], the config as <hex>.json, each layer a tar
//     (<id>/layer.tar, <hex>.tar, blobs/sha256/<hex>; plain or compressed), maybe
//     symlinks between layer files, a legacy `repositories` file (ignored);
//   * OCI image layout (`skopeo copy ... oci-archive:`): oci-layout, index.json,
//     blobs/sha256/<hex>; names from the index's annotations.
// The archive is never extracted as it is: every entry name is checked (no "..", not
// absolute) and only used to look the entry up; each regular file is copied to a
// scratch file named by a counter while SHA-256 runs over it; digests are validated
// before they mean anything, and blobs named by a digest must have it. Then the
// store's content pipeline: layers extracted by the safe writer with their diffIDs
// checked against the config, blobs committed, manifest and config written, and the
// names published last. A refused archive leaves nothing: layers this load
// extracted are removed again, scratch space goes with the process's tmp dir.
//
// save writes a docker-archive that `docker load` accepts: manifest.json with
// Config/RepoTags/Layers, the legacy `repositories` file, the config as <hex>.json,
// and each layer as <diffID hex>/layer.tar, uncompressed (stored gzip/zstd blobs are
// decompressed while written, and checked against the diffID on the way).

#include "engine/imagestore.h"
#include "runtime/error.h"
#include "runtime/plan.h"

#include <QtCore/QList>
#include <QtCore/QStringList>

namespace koker {

/// One image a load added to the store.
struct LoadedImage
{
    ImageRecord image;
    QStringList names; // normalised references the archive gave it (may be empty)
};

class ImageArchive
{
public:
    /// Bounds on what an archive may hold (documents are capped by manifest.h).
    static constexpr qint64 kMaxEntries = 100'000;
    static constexpr qint64 kMaxTotalBytes = qint64(64) << 30;
    static constexpr qint64 kMaxImages = 1000;

    explicit ImageArchive(ImageStore &store);

    void setObserver(StepObserver observer) { m_observer = std::move(observer); }

    /// Read a docker-archive or OCI image layout archive from `fd` into the store.
    Result<QList<LoadedImage>> load(int fd);

    /// One image to save and the names (familiar "name:tag") it is saved under.
    struct SaveItem
    {
        ImageRecord image;
        QStringList repoTags;
    };
    /// Write a docker-archive of `items` to `fd` (a file or a pipe).
    Status save(const QList<SaveItem> &items, int fd);

private:
    ImageStore &m_store;
    StepObserver m_observer;
};

} // namespace koker
