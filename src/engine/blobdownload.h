#pragma once

// One blob (a layer or an image config) on its way from a registry to a file.
// RegistryClient::fetchBlob() creates it; this class owns the file side: the
// partial file `<dir>/sha256-<hex>.partial`, the running SHA-256, resuming, the tee
// and the progress. The HTTP side (auth, redirects, retries) is RegistryClient's.
//
// The blob only counts when size and digest match: then the partial file is
// fdatasync'ed and renamed to `<dir>/sha256-<hex>` and finished() reports success.
// A mismatch deletes the partial file and fails with ErrorCode::Corrupt; any other
// failure keeps it, so the next fetch of the same blob into the same directory
// continues where this one stopped (Range: bytes=N-), after hashing the bytes it
// already has. A registry that ignores Range sends the whole blob again: the bytes
// we have are then compared, not trusted.

#include "engine/digest.h"
#include "engine/imagereference.h"
#include "runtime/error.h"
#include "runtime/sha256.h"
#include "runtime/uniquefd.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>

#include <functional>
#include <optional>

class QNetworkReply;

namespace koker {

class RegistryClient;

class BlobDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobDownload)

public:
    /// Receives every byte of the blob once, in order, from the first byte on (also
    /// the bytes a resume reads back from the partial file), on this object's thread.
    /// The data is unverified until finished() reports success: a consumer that
    /// extracts while downloading must throw its work away on failure.
    using Tee = std::function<void(QByteArrayView chunk)>;

    ~BlobDownload() override;

    Digest digest() const { return m_digest; }
    ImageReference image() const { return m_image; }
    /// Size announced by the manifest, -1 if unknown.
    qint64 expectedSize() const { return m_expectedSize; }
    /// The verified file, valid once finished() reported success.
    QString filePath() const;
    /// Where the bytes go until they are verified.
    QString partialPath() const;

    /// Bytes of the blob written so far (including those of an earlier attempt).
    qint64 bytesReceived() const { return m_fileSize; }
    /// Bytes not fetched by the last response: reused from a partial file or an
    /// earlier attempt (the start of its Range); 0 when the blob came whole.
    qint64 resumedFrom() const { return m_resumedFrom; }
    /// HTTP requests sent for the blob's content (redirects not counted).
    int attempts() const { return m_attempts; }
    /// Whether a connection slot was granted (false while queued behind the cap).
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    /// The outcome, valid once finished() was emitted.
    Status result() const { return m_result; }

    /// Stop the transfer; finished() follows with ErrorCode::Cancelled and the
    /// partial file is kept for a later resume.
    void cancel();

Q_SIGNALS:
    /// A connection slot was granted: the download left the queue.
    void started();
    /// Bytes of the blob so far and its total size (-1 while unknown).
    void progress(qint64 bytesSoFar, qint64 total);
    /// Emitted once, never from inside fetchBlob(); see result().
    void finished();

private:
    friend class RegistryClient;

    BlobDownload(RegistryClient *client, ImageReference image, Digest digest, qint64 expectedSize,
                 QString directory, Tee tee);

    // --- called by RegistryClient ---
    /// Open (and lock) the partial file; truncates one larger than the blob.
    Status open();
    /// Hash (and tee) partial-file bytes not hashed yet, a chunk per event-loop
    /// turn, then call `done`. Runs before every HTTP attempt.
    void catchUp(std::function<void(Status)> done);
    /// Whether the bytes on disk are already the whole blob (no request needed).
    bool haveAllBytes() const;
    /// Extra request headers for the next attempt (Range when resuming).
    QList<std::pair<QByteArray, QByteArray>> requestHeaders();
    /// A 2xx response's headers arrived.
    Status beginResponse(QNetworkReply *reply, int status);
    /// Body bytes of the current response.
    Status write(QByteArrayView chunk);
    /// The response ended without error: check size and digest, commit the file.
    Status complete();
    /// Record the outcome and emit finished() (queued, so never re-entrant).
    void finish(Status status);

    Status appendToFile(QByteArrayView chunk);
    Status compareWithFile(QByteArrayView &chunk);
    void discardPartial();
    std::unexpected<Error> corrupt(const std::string &why);
    std::string describe() const;

    QPointer<RegistryClient> m_client;
    ImageReference m_image;
    Digest m_digest;
    qint64 m_expectedSize;
    QString m_directory;
    Tee m_tee;

    UniqueFd m_fd;
    Sha256 m_hash;
    qint64 m_fileSize = 0;   // valid bytes in the partial file
    qint64 m_hashed = 0;     // bytes (from the start of the blob) fed to m_hash
    qint64 m_teed = 0;       // bytes given to the tee
    qint64 m_compareEnd = 0; // while m_position < m_compareEnd, bytes are compared
    qint64 m_position = 0;   // offset of the next byte of the current response
    qint64 m_total = -1;
    qint64 m_resumedFrom = 0;
    int m_attempts = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_slotHeld = false; // counts against the registry's concurrency cap
    bool m_cancelRequested = false;
    Status m_result;
    std::function<void()> m_cancel;  // set by RegistryClient while a request runs
    std::function<void()> m_abandon; // same, but without calling back
};

} // namespace koker
