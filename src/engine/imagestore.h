#pragma once

// The image store under one root (default /var/lib/koker, mode 0700):
//
//   blobs/sha256/<hex>     content-addressed blobs: manifests, configs, layer tars
//   layers/<hex>/          a layer extracted once, keyed by its diffID, shared by images
//   layers/<hex>.json      its size and entry count
//   images.json            the index: image id (config digest) -> manifest, names
//   partial/<hex>          an interrupted download, resumed by the next pull
//   tmp/<pid>-<n>/         per-process scratch space on the same file system
//   store.lock             taken around every change of the index
//
// Every write is atomic (temp file, fsync, rename) and every blob or layer is
// verified before it gets its name, so a reader never sees half an object and a
// crash leaves at most scratch files, which the next open() removes.

#include "engine/digest.h"
#include "engine/manifest.h"
#include "runtime/error.h"
#include "runtime/filelock.h"
#include "runtime/layerextractor.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace koker {

struct LayerRecord
{
    Digest diffId;
    qint64 size = 0; // uncompressed bytes
    qint64 entries = 0;
};

struct ImageRecord
{
    Digest id; // the config digest, as Docker names images
    Digest manifestDigest;
    QStringList names;       // normalised references: docker.io/library/busybox:latest
    QStringList repoDigests; // docker.io/library/busybox@sha256:...
    QList<Digest> layers;    // diffIDs, bottom layer first
    QString created;         // the config's "created"
    QString architecture;
    QString os;
    QDateTime addedAt;
    qint64 size = 0; // sum of the layers' uncompressed sizes
};

class ImageStore
{
public:
    explicit ImageStore(QString root);

    /// Create the layout (0700) and sweep scratch space left by dead processes.
    Status open();
    QString root() const { return m_root; }

    /// Exclusive lock on the store's index (see the class comment).
    Result<FileLock> lock() const;

    // ---- blobs
    QString blobPath(const Digest &digest) const;
    bool hasBlob(const Digest &digest) const;
    Result<QByteArray> readBlob(const Digest &digest, qint64 maxSize) const;
    /// Store a small document (manifest, config); returns its digest.
    Result<Digest> writeBlob(const QByteArray &data);
    /// Move a downloaded file into place after checking its size and digest.
    /// On a mismatch the file is deleted and the error is Corrupt.
    Status commitBlobFile(const QString &path, const Digest &expected, qint64 expectedSize);
    /// Where an interrupted download of `digest` is kept for resuming: BlobDownload's
    /// `<partialDir()>/sha256-<hex>.partial` (the verified file drops ".partial").
    QString partialBlobPath(const Digest &digest) const;
    /// The directory pulls download into (BlobDownload's directory), kept across runs.
    QString partialDir() const;
    /// Move a file whose size and digest the caller has just verified while writing it
    /// (BlobDownload, an archive entry hashed on the way in) into place, without reading
    /// it again. The caller must have synced it; the rename and the directory are synced.
    /// A file that vanished because another process committed the same blob is success.
    Status adoptVerifiedBlobFile(const QString &path, const Digest &digest);

    // ---- layers
    QString layersDir() const;
    QString layerPath(const Digest &diffId) const;
    bool hasLayer(const Digest &diffId) const;
    Result<LayerRecord> layerInfo(const Digest &diffId) const;
    /// Stream a layer tar into the store: extract to scratch, check the diffID
    /// (when expected), then rename into layers/. A refused or mismatching layer
    /// leaves nothing behind. Idempotent when the layer is already there.
    Result<LayerRecord> extractLayer(const ReadFunction &read,
                                     const std::optional<Digest> &expectedDiffId,
                                     const ExtractPolicy &policy = {});
    Result<LayerRecord> extractLayerFromBlob(const Digest &blob,
                                             const std::optional<Digest> &expectedDiffId);
    /// Remove layer `diffId` unless an image in the index lists it (under the store
    /// lock): the rollback of a load that failed after extracting it. Returns whether
    /// it was removed.
    Result<bool> removeLayerIfUnused(const Digest &diffId);

    // ---- images
    Result<QList<ImageRecord>> images() const;
    /// Find an image by name ("busybox", "busybox:1.36", full references),
    /// by full id "sha256:<hex>", or by a unique id prefix (at least 4 hex digits).
    Result<ImageRecord> resolve(const QString &nameOrId) const;
    /// Add an image or, when its id exists, merge the names. A name moves from
    /// whichever image held it (like docker tag).
    Status addImage(const ImageRecord &image);
    /// Add `name` (a normalised reference) to image `id`.
    Status tag(const Digest &id, const QString &name);
    /// Remove `name` from its image; returns the image (which may now be nameless).
    Result<ImageRecord> untag(const QString &name);
    /// Delete the index entry of `id` (blobs and layers go in collectGarbage()).
    Status removeImage(const Digest &id);

    struct GcStats
    {
        int blobs = 0;
        int layers = 0;
        qint64 bytes = 0;
    };
    /// Remove blobs and layers no image references. `extraLayers` are layers in
    /// use by containers whose image is gone (kept).
    Result<GcStats> collectGarbage(const QSet<Digest> &extraLayers = {});

    /// A fresh scratch path inside this process's tmp dir.
    QString scratchPath(const QString &prefix) const;

private:
    Result<QList<ImageRecord>> readIndexLocked() const;
    Status writeIndexLocked(const QList<ImageRecord> &images);

    QString m_root;
    QString m_tmpDir;
};

/// Human size as Docker prints it (decimal units): "1.23MB".
QString humanSize(qint64 bytes);

} // namespace koker
