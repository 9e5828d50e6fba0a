#pragma once

// `docker pull` as a pipeline on the caller's event loop (security brief, rule 3):
//
//   manifest (by tag or digest) -> index? choose the platform, fetch that manifest by
//   digest -> config blob (verified) -> for every layer not in the store, at once (the
//   registry client caps transfers at 3 per registry):
//
//       registry --HTTP--> BlobDownload --partial file + sha256--> verified blob
//                                 \--tee: "N more bytes are on disk"--> worker thread:
//                                      ImageStore::extractLayer (safe writer, diffID)
//
//   Download and extraction overlap: the worker extracts the bytes already written
//   while the rest arrives. The extractor only sees the end of the stream once the
//   blob's size and digest checked out, and its scratch tree only becomes
//   layers/<diffID> when the diffID of the uncompressed tar is the config's; then the
//   blob is committed to blobs/. A mismatch anywhere commits nothing of that layer.
//   -> diff_ids checked against the store -> manifest and config stored -> the name
//   published in images.json last, so no name ever points at half an image.
//
// Layers already in the store are not downloaded; a committed blob without its layer
// is extracted from the store; a partial file left by an interrupted pull is resumed
// (BlobDownload re-hashes it and asks for the rest with Range). Every phase is a step
// (phase Image or Storage) reported to the StepObserver.

#include "engine/imagereference.h"
#include "engine/imagestore.h"
#include "engine/manifest.h"
#include "runtime/error.h"
#include "runtime/plan.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThreadPool;
class QTimer;

namespace koker {

class BlobDownload;
class RegistryClient;

/// One layer's progress, as `docker pull` draws it.
struct PullLayerProgress
{
    enum class State
    {
        Waiting,          // queued behind the registry's transfer cap
        AlreadyExists,    // the store has the layer: nothing to fetch
        Downloading,      // bytes arriving (and being extracted on the way)
        DownloadComplete, // size and digest verified; extraction may still run
        Extracting,       // extracting a blob already on disk
        PullComplete,     // layer extracted, diffID checked, blob committed
        Failed,
    };
    int index = 0; // position in the manifest, bottom layer first
    Digest blob;
    Digest diffId;
    State state = State::Waiting;
    qint64 bytes = 0;          // blob bytes on disk so far
    qint64 total = -1;         // blob size from the manifest
    qint64 resumedFrom = 0;    // bytes an earlier, interrupted pull left
    qint64 extracted = 0;      // compressed bytes the extractor has consumed
    double bytesPerSecond = 0; // download speed of this run
    bool changed = false;      // the state changed with this report (not only counts)
};

/// The state's name on the wire (D-Bus Progress `status`): waiting, exists,
/// downloading, downloaded, extracting, complete, failed.
QString pullStateName(PullLayerProgress::State state);
/// Back from pullStateName(); nullopt for an unknown name.
std::optional<PullLayerProgress::State> pullStateFromName(const QString &name);

/// What a finished pull produced.
struct PullResult
{
    ImageRecord image;
    ImageReference reference; // as asked
    Digest digest;            // what the repo digest names: the index or the manifest
    Platform platform;        // of the chosen manifest
    bool upToDate = false;    // the name already pointed at this image, nothing fetched
    int layersDownloaded = 0;
    qint64 bytesDownloaded = 0;
    QStringList warnings;
};

class ImagePuller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePuller)

public:
    using ProgressCallback = std::function<void(const PullLayerProgress &)>;

    /// `client` must live on this thread and outlive the puller.
    ImagePuller(ImageStore &store, RegistryClient &client, QObject *parent = nullptr);
    /// Cancels a running pull and waits for its extraction threads (partial files kept).
    ~ImagePuller() override;

    /// The platform to choose from an index (default: the host's).
    void setPlatform(const Platform &platform, bool explicitlyRequested = false);
    void setObserver(StepObserver observer) { m_observer = std::move(observer); }
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    /// Start pulling `reference`; finished() follows, never from inside start().
    void start(const ImageReference &reference);
    /// Stop: downloads are cancelled (their partial files kept), finished() follows.
    void cancel();

    bool isFinished() const { return m_finished; }
    /// The layers of the chosen manifest, known after resolved() was emitted.
    QList<PullLayerProgress> layers() const;
    /// The outcome, valid once finished() was emitted.
    const Result<PullResult> &result() const { return m_result; }

Q_SIGNALS:
    /// The manifest and config are known: layers() lists every layer.
    void resolved();
    /// Emitted once; see result().
    void finished();

private:
    struct Layer;
    class Feed;

    // Steps are reported as they run: a pull's later steps depend on what the
    // registry answers, and layers run side by side.
    uint32_t beginStep(Phase phase, std::string_view key, std::string_view title,
                       std::string_view op, std::string_view shell);
    void endStep(uint32_t seq, const Status &status, std::string_view note = {});
    void skipStep(Phase phase, std::string_view key, std::string_view title, std::string_view op,
                  std::string_view note);

    void fetchTopManifest();
    void onTopManifest(const QByteArray &bytes, const QString &mediaType, const Digest &digest);
    void onManifest(const QByteArray &bytes, const QString &mediaType, const Digest &digest);
    void fetchConfig();
    void onConfig(const QByteArray &bytes);
    void startLayers();
    void startLayer(Layer &layer);
    void startDownload(Layer &layer);
    void startExtraction(Layer &layer, std::function<Result<LayerRecord>()> work);
    void onDownloadFinished(Layer &layer);
    void onExtractionFinished(Layer &layer, Result<LayerRecord> record);
    void layerDone(Layer &layer);
    void layerFailed(Layer &layer, Error error);
    void report(Layer &layer, bool changed);
    void reportExtracting();
    void maybeFinishLayers();
    void publish();
    void abortAll();
    void fail(Error error);
    void finish(Result<PullResult> result);

    std::string registryUrl(const QString &path) const;
    std::string curlCommand(const QString &path, const QString &accept = {}) const;

    ImageStore &m_store;
    QPointer<RegistryClient> m_client;
    StepObserver m_observer;
    ProgressCallback m_progress;
    Platform m_platform;
    bool m_platformRequested = false;

    ImageReference m_ref;
    Digest m_topDigest;
    QByteArray m_manifestBytes;
    Digest m_manifestDigest;
    ImageManifest m_manifest;
    QByteArray m_configBytes;
    ImageConfig m_config;
    std::vector<std::unique_ptr<Layer>> m_layers;
    std::unique_ptr<QThreadPool> m_pool;
    QTimer *m_ticker = nullptr;
    std::optional<Error> m_error; // the first failure; the pull stops at it
    uint32_t m_nextSeq = 1;
    struct OpenStep
    {
        StepRecord record;
        int64_t startedNs = 0; // monotonic
    };
    std::vector<OpenStep> m_running;
    bool m_started = false;
    bool m_finished = false;
    bool m_published = false;
    PullResult m_partial;
    Result<PullResult> m_result =
        std::unexpected(Error{ErrorCode::Internal, 0, {}, "not finished"});
};

} // namespace koker
