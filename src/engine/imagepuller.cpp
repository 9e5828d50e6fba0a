#include "imagepuller.h"

#include "engine/blobdownload.h"
#include "engine/mediatypes.h"
#include "engine/registriesconfig.h"
#include "engine/registryclient.h"
#include "runtime/uniquefd.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QFutureWatcher>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

// How often an extraction that outlives its download reports how far it got.
constexpr int kTickMs = 200;
// How long to wait before asking again for a blob another process is downloading.
constexpr int kBusyRetryMs = 250;

QString shortHex(const Digest &d)
{
    return d.hex().left(12);
}

// The content itself was refused (hostile, or not the layer the config names): a
// partial or verified file of it is worth nothing for a later resume.
bool contentRefused(const Error &e)
{
    return e.code == ErrorCode::Unsafe || e.code == ErrorCode::Corrupt ||
           e.code == ErrorCode::LimitExceeded;
}

} // namespace

// ---------------------------------------------------------------------------------
// Feed: the bytes of one layer on their way from the download to the extractor.
//
// The tee is called on the event loop for every byte of the blob, in order, after
// BlobDownload wrote it to the partial file (also the bytes a resume reads back from
// that file). So the feed does not copy the bytes: the tee only publishes how long
// the valid prefix of the file is, and the worker pread()s that prefix back, from the
// page cache. A queue of chunks would either have to block the tee when full, which
// stalls the event loop and every other download on it, or grow without bound when
// the network outruns the extractor (on 127.0.0.1 it does, by a factor of 5); the
// file is the bounded buffer that already exists. BlobDownload never rewrites bytes
// it has passed to the tee (a registry that contradicts them fails the blob), and an
// fd read stays valid across the final rename and an unlink.
//
// The end of the stream is only signalled after the blob's size and digest checked
// out, so the extractor's end-of-archive processing (the diffID check, the rename
// into layers/) never runs on unverified bytes; abort() makes the next read fail.

class ImagePuller::Feed
{
public:
    /// Open the partial file the first time bytes are published (it exists by then).
    bool attach(const QString &path)
    {
        std::lock_guard lock(m_mutex);
        if (m_fd)
            return true;
        m_fd.reset(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        return m_fd.valid();
    }
    bool attached()
    {
        std::lock_guard lock(m_mutex);
        return m_fd.valid();
    }
    /// `n` more bytes of the blob are in the file.
    void publish(qint64 n)
    {
        {
            std::lock_guard lock(m_mutex);
            m_available += n;
        }
        m_cv.notify_all();
    }
    /// The blob is complete and verified: readers get end-of-stream after the last byte.
    void finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_eof = true;
        }
        m_cv.notify_all();
    }
    /// The download failed or the pull stops: the next read fails with ECANCELED.
    void abort()
    {
        {
            std::lock_guard lock(m_mutex);
            m_aborted = true;
        }
        m_cv.notify_all();
    }
    /// Extractor side (worker thread): a ReadFunction.
    ssize_t read(void *buf, size_t size)
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return m_aborted || m_position < m_available || m_eof; });
        if (m_aborted) {
            errno = ECANCELED;
            return -1;
        }
        if (m_position >= m_available)
            return 0;
        const size_t n = static_cast<size_t>(
            std::min<qint64>(static_cast<qint64>(size), m_available - m_position));
        const int fd = m_fd.get();
        const qint64 at = m_position;
        lock.unlock();
        // Only this thread moves m_position, and the fd stays open while the feed lives.
        for (;;) {
            ssize_t r = ::pread(fd, buf, n, at);
            if (r < 0 && errno == EINTR)
                continue;
            if (r == 0) {
                errno = EIO; // the file is shorter than what was published: a bug
                return -1;
            }
            if (r > 0) {
                lock.lock();
                m_position += r;
                m_consumed.store(m_position, std::memory_order_relaxed);
            }
            return r;
        }
    }
    qint64 consumed() const { return m_consumed.load(std::memory_order_relaxed); }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    UniqueFd m_fd;
    qint64 m_available = 0;
    qint64 m_position = 0;
    bool m_eof = false;
    bool m_aborted = false;
    std::atomic<qint64> m_consumed{0};
};

struct ImagePuller::Layer
{
    PullLayerProgress progress;
    Descriptor blob;
    Digest diffId;
    Layer *aliasOf = nullptr; // the same diffID earlier in the manifest: done with it

    std::shared_ptr<Feed> feed;
    BlobDownload *download = nullptr;
    bool downloadRunning = false;
    bool downloadOk = false;
    bool extractionStarted = false;
    bool extractionRunning = false;
    bool retryPending = false;
    bool done = false;
    bool failed = false;
    std::optional<LayerRecord> record;
    std::optional<Error> extractionError;
    QElapsedTimer clock;
    uint32_t downloadStep = 0;
    uint32_t extractStep = 0;
};

ImagePuller::ImagePuller(ImageStore &store, RegistryClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(&client)
    , m_platform(Platform::host())
    , m_pool(std::make_unique<QThreadPool>())
{
    // One extraction per transfer slot, plus one for blobs already on disk. The
    // workers mostly wait for bytes; decompression and hashing share the CPUs.
    m_pool->setMaxThreadCount(client.options().maxBlobsPerRegistry + 1);
}

ImagePuller::~ImagePuller()
{
    abortAll();
    m_pool->waitForDone();
    // Downloads are children of the client: gone already if it went first.
    if (m_client) {
        for (auto &layer : m_layers)
            delete layer->download;
    }
}

void ImagePuller::setPlatform(const Platform &platform, bool explicitlyRequested)
{
    m_platform = platform;
    m_platformRequested = explicitlyRequested;
}

QList<PullLayerProgress> ImagePuller::layers() const
{
    QList<PullLayerProgress> out;
    for (const auto &layer : m_layers)
        out << layer->progress;
    return out;
}

// ---- steps --------------------------------------------------------------------

uint32_t ImagePuller::beginStep(Phase phase, std::string_view key, std::string_view title,
                                std::string_view op, std::string_view shell)
{
    StepRecord r;
    r.seq = m_nextSeq++;
    r.phase = phase;
    r.side = Side::Host;
    r.pid = static_cast<int32_t>(::getpid());
    r.setKey(key);
    r.setTitle(title);
    r.setOp(op);
    r.setShell(shell);
    r.state = StepState::Running;
    r.startNs = realtimeNs();
    if (m_observer)
        m_observer(r);
    m_running.push_back({r, monotonicNs()});
    return r.seq;
}

void ImagePuller::endStep(uint32_t seq, const Status &status, std::string_view note)
{
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->record.seq != seq)
            continue;
        StepRecord r = it->record;
        r.durationNs = monotonicNs() - it->startedNs;
        m_running.erase(it);
        if (status) {
            r.state = StepState::Done;
            if (!note.empty())
                r.setMessage(note);
        } else {
            r.state = StepState::Failed;
            r.err = status.error().sysErrno;
            r.setMessage(status.error().message);
        }
        if (m_observer)
            m_observer(r);
        return;
    }
}

void ImagePuller::skipStep(Phase phase, std::string_view key, std::string_view title,
                           std::string_view op, std::string_view note)
{
    StepRecord r;
    r.seq = m_nextSeq++;
    r.phase = phase;
    r.side = Side::Host;
    r.pid = static_cast<int32_t>(::getpid());
    r.setKey(key);
    r.setTitle(title);
    r.setOp(op);
    r.setMessage(note);
    r.state = StepState::Skipped;
    r.startNs = realtimeNs();
    if (m_observer)
        m_observer(r);
}

std::string ImagePuller::registryUrl(const QString &path) const
{
    // What a student would type: Docker's rule tries HTTPS first and falls back to
    // plain HTTP only for loopback (and insecure) registries.
    const QString scheme =
        RegistriesConfig::isLoopback(m_ref.domain()) ? u"http://"_s : u"https://"_s;
    return str(scheme + RegistryClient::hostForRegistry(m_ref.domain()) + u"/v2/"_s + m_ref.path() +
               path);
}

std::string ImagePuller::curlCommand(const QString &path, const QString &accept) const
{
    std::string cmd = "curl -sfL";
    if (!accept.isEmpty())
        cmd += " -H " + shellQuote("Accept: " + str(accept));
    return cmd + " " + shellQuote(registryUrl(path));
}

// ---- manifest and config ----------------------------------------------------------

void ImagePuller::start(const ImageReference &reference)
{
    if (m_started)
        return;
    m_started = true;
    m_ref = reference;
    m_partial.reference = reference;
    if (!m_client) {
        fail(Error{ErrorCode::Internal, 0, {}, "the registry client is gone"});
        return;
    }
    fetchTopManifest();
}

void ImagePuller::cancel()
{
    if (m_finished)
        return;
    fail(Error{
        ErrorCode::Cancelled, 0, {}, "pull of " + str(m_ref.familiarString()) + " cancelled"});
}

void ImagePuller::fetchTopManifest()
{
    const QString what = m_ref.digest().isValid() ? m_ref.digest().toString() : m_ref.tag();
    const QString accept = RegistryClient::acceptedManifestTypes().join(u", "_s);
    const uint32_t step = beginStep(
        Phase::Image, "image.manifest.fetch",
        "Fetch the manifest of " + str(m_ref.familiarString()),
        "GET " + registryUrl(u"/manifests/"_s + what) + " (Accept: " + str(accept) +
            "); sha256 of the body checked against the digest; at most 4 MiB",
        curlCommand(u"/manifests/"_s + what, RegistryClient::acceptedManifestTypes().value(0)));
    m_client->fetchManifest(m_ref, this, [this, step](Result<RegistryClient::ManifestResponse> r) {
        if (m_finished)
            return;
        if (!r) {
            endStep(step, std::unexpected(r.error()));
            fail(r.error());
            return;
        }
        endStep(step, {}, str(r->mediaType));
        onTopManifest(r->bytes, r->contentType.isEmpty() ? r->mediaType : r->contentType,
                      r->digest);
    });
}

void ImagePuller::onTopManifest(const QByteArray &bytes, const QString &mediaType,
                                const Digest &digest)
{
    m_topDigest = digest;
    auto kind = classifyManifest(bytes, mediaType);
    if (!kind) {
        fail(withContext(kind.error(), "manifest of " + str(m_ref.familiarString()) +
                                           " from registry " + str(m_ref.domain())));
        return;
    }
    if (*kind == ManifestKind::Manifest) {
        onManifest(bytes, mediaType, digest);
        return;
    }
    auto index = ImageIndex::parse(bytes, mediaType);
    if (!index) {
        fail(withContext(index.error(), "index of " + str(m_ref.familiarString())));
        return;
    }
    auto chosen = index->select(m_platform);
    const std::string title = "Choose the manifest for " + str(m_platform.toString());
    if (!chosen) {
        skipStep(Phase::Image, "image.platform.select", title, "select(index, platform)",
                 chosen.error().message);
        fail(Error{ErrorCode::NotFound,
                   0,
                   {},
                   "image " + str(m_ref.familiarString()) + " in registry " + str(m_ref.domain()) +
                       " has " + chosen.error().message});
        return;
    }
    m_partial.platform = chosen->platform;
    const ImageReference byDigest = m_ref.withDigest(chosen->digest);
    const uint32_t step = beginStep(
        Phase::Image, "image.platform.select", title + " and fetch it by digest",
        "select(index " + str(digest.toString()) + ", " + str(m_platform.toString()) + ") -> " +
            str(chosen->digest.toString()) + " (" + str(chosen->platform.toString()) + "); GET " +
            registryUrl(u"/manifests/"_s + chosen->digest.toString()) +
            "; its sha256 must be that digest",
        curlCommand(u"/manifests/"_s + chosen->digest.toString(), chosen->mediaType));
    m_client->fetchManifest(
        byDigest, this, [this, step](Result<RegistryClient::ManifestResponse> r) {
            if (m_finished)
                return;
            if (!r) {
                endStep(step, std::unexpected(r.error()));
                fail(r.error());
                return;
            }
            endStep(step, {});
            auto nested = classifyManifest(r->bytes, r->mediaType);
            if (nested && *nested == ManifestKind::Index) {
                fail(Error{ErrorCode::Unsupported,
                           0,
                           {},
                           "the index of " + str(m_ref.familiarString()) +
                               " points at another index; nested indexes are not supported"});
                return;
            }
            onManifest(r->bytes, r->contentType.isEmpty() ? r->mediaType : r->contentType,
                       r->digest);
        });
}

void ImagePuller::onManifest(const QByteArray &bytes, const QString &mediaType,
                             const Digest &digest)
{
    auto manifest = ImageManifest::parse(bytes, mediaType);
    if (!manifest) {
        fail(withContext(manifest.error(), "manifest of " + str(m_ref.familiarString()) +
                                               " from registry " + str(m_ref.domain())));
        return;
    }
    m_manifest = *manifest;
    m_manifestBytes = bytes;
    m_manifestDigest = digest;
    if (m_manifest.config.size > kMaxConfigBytes) {
        fail(Error{ErrorCode::LimitExceeded,
                   0,
                   {},
                   "the config of " + str(m_ref.familiarString()) + " is " +
                       std::to_string(m_manifest.config.size) + " bytes, more than the " +
                       std::to_string(kMaxConfigBytes) + " accepted"});
        return;
    }
    fetchConfig();
}

void ImagePuller::fetchConfig()
{
    const Digest digest = m_manifest.config.digest;
    const QString blobPath = u"/blobs/"_s + digest.toString();
    if (m_store.hasBlob(digest)) {
        auto bytes = m_store.readBlob(digest, kMaxConfigBytes);
        if (bytes) {
            skipStep(Phase::Image, "image.config.fetch", "Fetch the image config",
                     "GET " + registryUrl(blobPath), "already in the store");
            onConfig(*bytes);
            return;
        }
    }
    // Into this process's scratch dir, not partial/: a config is too small to be worth
    // resuming, and two pulls of one image must not queue behind each other's lock.
    const QString scratch = m_store.scratchPath(u"config"_s);
    const uint32_t step = beginStep(
        Phase::Image, "image.config.fetch", "Fetch the image config",
        "GET " + registryUrl(blobPath) + " -> " + str(scratch) + "/sha256-" + str(digest.hex()) +
            ".partial; " + std::to_string(m_manifest.config.size) + " bytes and sha256 checked",
        curlCommand(blobPath) + " | sha256sum");
    BlobDownload *download = m_client->fetchBlob(m_ref, digest, m_manifest.config.size, scratch);
    connect(download, &BlobDownload::finished, this, [this, download, step] {
        download->deleteLater();
        if (m_finished)
            return;
        Status st = download->result();
        QByteArray bytes;
        if (st) {
            QFile file(download->filePath());
            if (file.open(QIODevice::ReadOnly))
                bytes = file.read(kMaxConfigBytes + 1);
            else
                st = failErrno("read " + str(download->filePath()));
            // Kept in memory and committed with the manifest at the end: a pull that
            // fails later leaves no config behind.
            QFile::remove(download->filePath());
            QDir().rmdir(QFileInfo(download->filePath()).path());
        }
        endStep(step, st);
        if (!st) {
            fail(st.error());
            return;
        }
        onConfig(bytes);
    });
}

void ImagePuller::onConfig(const QByteArray &bytes)
{
    auto config = ImageConfig::parse(bytes);
    if (!config) {
        fail(withContext(config.error(), "config of " + str(m_ref.familiarString())));
        return;
    }
    m_config = *config;
    m_configBytes = bytes;
    if (m_config.diffIds.size() != m_manifest.layers.size()) {
        fail(Error{ErrorCode::Corrupt,
                   0,
                   {},
                   "image " + str(m_ref.familiarString()) + " is inconsistent: its config lists " +
                       std::to_string(m_config.diffIds.size()) +
                       " layers (diff_ids), its manifest " +
                       std::to_string(m_manifest.layers.size())});
        return;
    }
    Platform actual{m_config.os.isEmpty() ? u"linux"_s : m_config.os, m_config.architecture,
                    m_config.variant};
    if (m_partial.platform.os.isEmpty())
        m_partial.platform = actual;
    if (!actual.architecture.isEmpty() && !m_platform.matches(actual)) {
        if (m_platformRequested) {
            fail(Error{ErrorCode::NotFound,
                       0,
                       {},
                       "image " + str(m_ref.familiarString()) + " is for " +
                           str(actual.toString()) + ", not the requested " +
                           str(m_platform.toString())});
            return;
        }
        m_partial.warnings << u"the image's platform ("_s + actual.toString() +
                                  u") does not match this host ("_s + m_platform.toString() +
                                  u"); its programs may not run"_s;
    }

    for (qsizetype i = 0; i < m_manifest.layers.size(); ++i) {
        auto layer = std::make_unique<Layer>();
        layer->blob = m_manifest.layers[i];
        layer->diffId = m_config.diffIds[i];
        layer->progress.index = static_cast<int>(i);
        layer->progress.blob = layer->blob.digest;
        layer->progress.diffId = layer->diffId;
        layer->progress.total = layer->blob.size;
        for (const auto &earlier : m_layers) {
            if (earlier->diffId == layer->diffId && !earlier->aliasOf) {
                layer->aliasOf = earlier.get();
                break;
            }
        }
        m_layers.push_back(std::move(layer));
    }
    // Decide what each layer needs before telling anyone, so the first report of a
    // layer that exists already says so.
    for (auto &layer : m_layers) {
        if (layer->aliasOf || m_store.hasLayer(layer->diffId))
            layer->progress.state = PullLayerProgress::State::AlreadyExists;
    }
    Q_EMIT resolved();
    if (m_finished)
        return;
    startLayers();
}

// ---- layers -----------------------------------------------------------------------

void ImagePuller::startLayers()
{
    if (m_progress) {
        m_ticker = new QTimer(this);
        m_ticker->setInterval(kTickMs);
        connect(m_ticker, &QTimer::timeout, this, &ImagePuller::reportExtracting);
        m_ticker->start();
    }
    for (auto &layer : m_layers)
        startLayer(*layer);
    maybeFinishLayers();
}

void ImagePuller::startLayer(Layer &layer)
{
    const std::string name = str(shortHex(layer.blob.digest));
    if (layer.aliasOf || m_store.hasLayer(layer.diffId)) {
        layer.done = true;
        layer.progress.state = PullLayerProgress::State::AlreadyExists;
        skipStep(Phase::Image, "image.layer.download", "Download layer " + name,
                 "GET " + registryUrl(u"/blobs/"_s + layer.blob.digest.toString()),
                 "layer " + str(shortHex(layer.diffId)) + " already exists");
        report(layer, true);
        return;
    }
    const Digest blob = layer.blob.digest;
    const Digest diffId = layer.diffId;
    ImageStore *store = &m_store;
    if (m_store.hasBlob(blob)) {
        // Committed by a pull that stopped before extracting: nothing to download.
        layer.progress.state = PullLayerProgress::State::Extracting;
        layer.progress.bytes = layer.blob.size;
        layer.downloadOk = true;
        report(layer, true);
        layer.extractStep = beginStep(
            Phase::Storage, "image.layer.extract", "Extract layer " + name + " from the store",
            "archive_read(" + str(m_store.blobPath(blob)) +
                ") -> openat2(layers/.tmp-*, RESOLVE_IN_ROOT) per entry; sha256(tar) == diffID " +
                str(diffId.toString()) + "; rename(.tmp, layers/" + str(diffId.hex()) + ")",
            "mkdir layers/" + str(diffId.hex()) + " && tar -xf " + str(m_store.blobPath(blob)) +
                " -C layers/" + str(diffId.hex()));
        startExtraction(
            layer, [store, blob, diffId] { return store->extractLayerFromBlob(blob, diffId); });
        return;
    }
    const QString verified = m_store.partialDir() + u"/sha256-"_s + blob.hex();
    if (QFile::exists(verified)) {
        // Downloaded and verified by a pull that was killed before committing it:
        // check it once more (it was not ours), commit, extract.
        layer.progress.state = PullLayerProgress::State::Extracting;
        layer.progress.bytes = layer.blob.size;
        layer.downloadOk = true;
        report(layer, true);
        const qint64 size = layer.blob.size;
        layer.extractStep = beginStep(
            Phase::Storage, "image.layer.extract",
            "Check and extract layer " + name + " downloaded by an earlier pull",
            "sha256(" + str(verified) + ") == " + str(blob.toString()) +
                "; rename into blobs/; "
                "archive_read -> openat2(layers/.tmp-*, RESOLVE_IN_ROOT); sha256(tar) == " +
                str(diffId.toString()),
            "sha256sum " + str(verified));
        startExtraction(layer, [store, blob, diffId, size, verified]() -> Result<LayerRecord> {
            // Another pull may commit the same file first; then the store has it.
            if (auto st = store->commitBlobFile(verified, blob, size); !st && !store->hasBlob(blob))
                return std::unexpected(st.error());
            return store->extractLayerFromBlob(blob, diffId);
        });
        return;
    }
    startDownload(layer);
}

void ImagePuller::startDownload(Layer &layer)
{
    Layer *l = &layer;
    layer.feed = std::make_shared<Feed>();
    layer.downloadRunning = true;
    layer.downloadOk = false;
    layer.progress.state = PullLayerProgress::State::Waiting;
    const QString partial = m_store.partialBlobPath(layer.blob.digest);
    std::weak_ptr<Feed> weakFeed = layer.feed;
    BlobDownload::Tee tee = [this, l, weakFeed, partial](QByteArrayView chunk) {
        auto feed = weakFeed.lock();
        if (!feed || m_error)
            return;
        if (!feed->attached()) {
            if (!feed->attach(partial)) {
                feed->abort();
                return;
            }
        }
        feed->publish(chunk.size());
        if (!l->extractionStarted) {
            // The first bytes (from the network, or read back from a partial file)
            // are on disk: the extractor can start while the rest arrives.
            const Digest diffId = l->diffId;
            ImageStore *store = &m_store;
            auto shared = feed;
            l->extractStep = beginStep(
                Phase::Storage, "image.layer.extract",
                "Extract layer " + str(shortHex(l->blob.digest)) + " while it downloads",
                "archive_read(" + str(partial) + " as it grows, " + str(l->blob.mediaType) +
                    ") -> openat2(layers/.tmp-*, RESOLVE_IN_ROOT) per entry; sha256(tar) == "
                    "diffID " +
                    str(diffId.toString()) + "; rename(.tmp, layers/" + str(diffId.hex()) +
                    ") only after the blob's digest checked out",
                curlCommand(u"/blobs/"_s + l->blob.digest.toString()) + " | tee blob | tar -x" +
                    (l->blob.mediaType.endsWith(u"zstd"_s)   ? std::string(" --zstd")
                     : l->blob.mediaType.endsWith(u"gzip"_s) ? std::string("z")
                                                             : std::string()) +
                    "f - -C layers/" + str(diffId.hex()));
            startExtraction(*l, [store, shared, diffId] {
                return store->extractLayer(
                    [shared](void *buf, size_t size) { return shared->read(buf, size); }, diffId);
            });
        }
    };
    layer.download = m_client->fetchBlob(m_ref, layer.blob.digest, layer.blob.size,
                                         m_store.partialDir(), std::move(tee));
    connect(layer.download, &BlobDownload::started, this, [this, l] {
        // The state changes with the first progress report, which comes once the
        // partial file is open: only then is it known where the download resumes.
        l->clock.start();
        const std::string name = str(shortHex(l->blob.digest));
        l->downloadStep = beginStep(
            Phase::Image, "image.layer.download",
            "Download layer " + name + " (" + str(humanSize(l->blob.size)) + ")",
            "GET " + registryUrl(u"/blobs/"_s + l->blob.digest.toString()) +
                " (Range: bytes=N- when a partial file exists) -> " +
                str(m_store.partialBlobPath(l->blob.digest)) + "; " + std::to_string(l->blob.size) +
                " bytes and sha256 checked; fdatasync; rename",
            curlCommand(u"/blobs/"_s + l->blob.digest.toString()) + " -o blob && sha256sum blob");
    });
    connect(layer.download, &BlobDownload::progress, this, [this, l](qint64 bytes, qint64 total) {
        if (!l->download)
            return;
        l->progress.bytes = bytes;
        if (total >= 0)
            l->progress.total = total;
        l->progress.resumedFrom = l->download->resumedFrom();
        if (l->clock.isValid() && l->clock.elapsed() > 0)
            l->progress.bytesPerSecond =
                static_cast<double>(std::max<qint64>(0, bytes - l->progress.resumedFrom)) * 1000.0 /
                static_cast<double>(l->clock.elapsed());
        const bool changed = l->progress.state == PullLayerProgress::State::Waiting;
        if (changed)
            l->progress.state = PullLayerProgress::State::Downloading;
        report(*l, changed);
    });
    connect(layer.download, &BlobDownload::finished, this, [this, l] { onDownloadFinished(*l); });
    report(layer, true);
}

void ImagePuller::startExtraction(Layer &layer, std::function<Result<LayerRecord>()> work)
{
    Layer *l = &layer;
    layer.extractionStarted = true;
    layer.extractionRunning = true;
    auto *watcher = new QFutureWatcher<Result<LayerRecord>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, l, watcher] {
        watcher->deleteLater();
        onExtractionFinished(*l, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(m_pool.get(), std::move(work)));
}

void ImagePuller::onDownloadFinished(Layer &layer)
{
    BlobDownload *download = layer.download;
    layer.downloadRunning = false;
    Status st = download->result();
    const qint64 fetched = std::max<qint64>(0, download->bytesReceived() - download->resumedFrom());
    if (!st) {
        if (layer.feed)
            layer.feed->abort();
        if (st.error().code == ErrorCode::Busy && !m_error && !layer.extractionStarted) {
            // Another pull (this process or another) is downloading the same blob into
            // the same partial file: wait for it, then use its layer or take over.
            layer.download = nullptr;
            download->deleteLater();
            layer.retryPending = true;
            layer.progress.state = PullLayerProgress::State::Waiting;
            report(layer, true);
            QTimer::singleShot(kBusyRetryMs, this, [this, l = &layer] {
                l->retryPending = false;
                if (m_error) {
                    maybeFinishLayers();
                    return;
                }
                startLayer(*l);
                maybeFinishLayers();
            });
            return;
        }
        // The extractor's own refusal (a hostile entry, a wrong diffID) explains a
        // download we cancelled better than "cancelled" does.
        Error error = layer.extractionError ? *layer.extractionError : st.error();
        endStep(layer.downloadStep, std::unexpected(st.error()));
        if (layer.extractionError && contentRefused(*layer.extractionError)) {
            // Content the registry vouched for but that is not the layer the config
            // names (or not a safe one): no use resuming it.
            QFile::remove(download->partialPath());
            QFile::remove(download->filePath());
        }
        layerFailed(layer, error);
        maybeFinishLayers();
        return;
    }
    m_partial.bytesDownloaded += fetched;
    ++m_partial.layersDownloaded;
    layer.downloadOk = true;
    if (layer.extractionError) {
        // The extractor refused the layer just as its last byte arrived (our cancel
        // came too late): the verified blob is still not a layer we accept.
        endStep(layer.downloadStep, {});
        if (contentRefused(*layer.extractionError))
            QFile::remove(download->filePath());
        layerFailed(layer, *layer.extractionError);
        maybeFinishLayers();
        return;
    }
    if (layer.feed) {
        if (!layer.feed->attached())
            layer.feed->attach(download->filePath());
        layer.feed->finish();
    }
    const std::string note = download->resumedFrom() > 0
                                 ? "resumed at byte " + std::to_string(download->resumedFrom())
                                 : std::string();
    endStep(layer.downloadStep, {}, note);
    layer.progress.bytes = download->bytesReceived();
    layer.progress.total = download->bytesReceived();
    if (!layer.extractionStarted) {
        // No byte reached the tee (cannot happen for a non-empty blob): extract the file.
        const Digest blob = layer.blob.digest;
        const Digest diffId = layer.diffId;
        const QString path = download->filePath();
        ImageStore *store = &m_store;
        startExtraction(layer, [store, path, diffId]() -> Result<LayerRecord> {
            UniqueFd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
            if (!fd)
                return std::unexpected(failErrno("open " + path.toStdString()).error());
            int raw = fd.get();
            return store->extractLayer([raw](void *b, size_t n) { return ::read(raw, b, n); },
                                       diffId);
        });
    }
    if (layer.extractionRunning) {
        layer.progress.state = PullLayerProgress::State::DownloadComplete;
        report(layer, true);
        return;
    }
    layerDone(layer);
    maybeFinishLayers();
}

void ImagePuller::onExtractionFinished(Layer &layer, Result<LayerRecord> record)
{
    layer.extractionRunning = false;
    if (!record) {
        endStep(layer.extractStep, std::unexpected(record.error()));
        if (layer.downloadRunning) {
            // Stop fetching what cannot be used; the download's finished() reports.
            layer.extractionError = record.error();
            layer.download->cancel();
            return;
        }
        if (layer.download && layer.downloadOk && contentRefused(record.error())) {
            // Verified blob, refused content: drop it rather than keep it for a resume.
            QFile::remove(layer.download->filePath());
        }
        layerFailed(layer, record.error());
        maybeFinishLayers();
        return;
    }
    endStep(layer.extractStep, {},
            std::to_string(record->entries) + " entries, " + std::to_string(record->size) +
                " bytes");
    layer.record = *record;
    if (layer.downloadRunning)
        return; // cannot happen: the end of the stream comes after the download
    if (!layer.downloadOk) {
        layerFailed(layer, Error{ErrorCode::Internal, 0, {}, "layer extracted without its blob"});
        maybeFinishLayers();
        return;
    }
    layerDone(layer);
    maybeFinishLayers();
}

void ImagePuller::layerDone(Layer &layer)
{
    if (layer.done || layer.failed)
        return;
    if (layer.extractionStarted && !layer.record)
        return; // the extractor has not finished, or failed (and said so)
    if (layer.download) {
        // Both checks passed (blob digest, then diffID): the blob gets its name.
        if (auto st = m_store.adoptVerifiedBlobFile(layer.download->filePath(), layer.blob.digest);
            !st) {
            layerFailed(layer, st.error());
            return;
        }
    }
    layer.done = true;
    layer.progress.state = PullLayerProgress::State::PullComplete;
    layer.progress.extracted = layer.progress.bytes;
    report(layer, true);
}

void ImagePuller::layerFailed(Layer &layer, Error error)
{
    if (layer.failed)
        return;
    layer.failed = true;
    layer.progress.state = PullLayerProgress::State::Failed;
    report(layer, true);
    fail(std::move(error));
}

void ImagePuller::report(Layer &layer, bool changed)
{
    if (!m_progress)
        return;
    if (layer.feed)
        layer.progress.extracted = layer.feed->consumed();
    layer.progress.changed = changed;
    m_progress(layer.progress);
}

void ImagePuller::reportExtracting()
{
    for (auto &layer : m_layers) {
        if (layer->extractionRunning)
            report(*layer, false);
    }
}

void ImagePuller::abortAll()
{
    for (auto &layer : m_layers) {
        if (layer->feed)
            layer->feed->abort();
        if (layer->download && layer->downloadRunning)
            layer->download->cancel();
    }
}

void ImagePuller::fail(Error error)
{
    if (m_finished)
        return;
    if (!m_error) {
        m_error = std::move(error);
        abortAll();
    }
    maybeFinishLayers();
}

void ImagePuller::maybeFinishLayers()
{
    if (m_finished)
        return;
    for (const auto &layer : m_layers) {
        if (layer->downloadRunning || layer->extractionRunning || layer->retryPending)
            return;
    }
    if (m_error) {
        finish(std::unexpected(*m_error));
        return;
    }
    if (m_layers.empty() && m_configBytes.isEmpty())
        return; // still resolving
    for (const auto &layer : m_layers) {
        if (!layer->done)
            return;
    }
    publish();
}

// ---- publish ------------------------------------------------------------------------

void ImagePuller::publish()
{
    if (m_published)
        return;
    m_published = true;
    if (m_ticker)
        m_ticker->stop();
    const Digest id = m_manifest.config.digest;

    // The config's diff_ids, in order, must all be layers in the store now.
    std::string ids;
    for (const Digest &d : m_config.diffIds)
        ids += (ids.empty() ? "" : " ") + str(shortHex(d));
    uint32_t step = beginStep(Phase::Storage, "image.diffids.check",
                              "Check the config's diff_ids against the extracted layers",
                              "stat(layers/<diff_id>) for each of rootfs.diff_ids: " + ids,
                              "ls -d layers/<diff_id>...");
    qint64 size = 0;
    for (const Digest &d : m_config.diffIds) {
        auto info = m_store.layerInfo(d);
        if (!info || !m_store.hasLayer(d)) {
            Error e{ErrorCode::Corrupt,
                    0,
                    {},
                    "layer " + str(d.toString()) + " of " + str(m_ref.familiarString()) +
                        " is not in the store after the pull"};
            endStep(step, std::unexpected(e));
            finish(std::unexpected(e));
            return;
        }
        size += info->size;
    }
    endStep(step, {});

    step = beginStep(Phase::Image, "image.manifest.write", "Store the manifest and the config",
                     "write(blobs/sha256/" + str(m_manifestDigest.hex()) +
                         "), write(blobs/sha256/" + str(id.hex()) + "): temp file, fsync, rename",
                     "cp manifest.json blobs/sha256/" + str(m_manifestDigest.hex()));
    auto manifestDigest = m_store.writeBlob(m_manifestBytes);
    auto configDigest = manifestDigest ? m_store.writeBlob(m_configBytes) : manifestDigest;
    if (!manifestDigest || !configDigest) {
        Error e = !manifestDigest ? manifestDigest.error() : configDigest.error();
        endStep(step, std::unexpected(e));
        finish(std::unexpected(e));
        return;
    }
    if (*manifestDigest != m_manifestDigest || *configDigest != id) {
        Error e{ErrorCode::Internal, 0, {}, "stored manifest or config changed digest"};
        endStep(step, std::unexpected(e));
        finish(std::unexpected(e));
        return;
    }
    endStep(step, {});

    ImageRecord record;
    record.id = id;
    record.manifestDigest = m_manifestDigest;
    const bool named = !m_ref.tag().isEmpty();
    if (named)
        record.names << m_ref.withDigest(Digest()).toString();
    record.repoDigests << m_ref.name() + u'@' + m_topDigest.toString();
    record.layers = m_config.diffIds;
    record.created = m_config.created;
    record.architecture = m_config.architecture;
    record.os = m_config.os;
    record.addedAt = QDateTime::currentDateTimeUtc();
    record.size = size;

    bool upToDate = false;
    if (named) {
        auto previous = m_store.resolve(record.names.first());
        upToDate = previous && previous->id == id && m_partial.layersDownloaded == 0;
    } else {
        auto previous = m_store.resolve(id.toString());
        upToDate = previous && m_partial.layersDownloaded == 0;
    }
    step = beginStep(Phase::Image, "image.index.add",
                     named ? "Name the image " + str(m_ref.withDigest(Digest()).familiarString())
                           : std::string("Record the image by its digest"),
                     "flock(store.lock); images.json += {id " + str(id.toString()) +
                         ", repo digest " + str(record.repoDigests.first()) +
                         "}; fsync; rename(images.json.tmp, images.json)",
                     named ? "docker tag " + str(id.shortId()) + " " +
                                 str(m_ref.withDigest(Digest()).familiarString())
                           : std::string("true"));
    if (auto st = m_store.addImage(record); !st) {
        endStep(step, st);
        finish(std::unexpected(st.error()));
        return;
    }
    endStep(step, {});
    auto stored = m_store.resolve(id.toString());
    if (!stored) {
        finish(std::unexpected(stored.error()));
        return;
    }
    PullResult result = m_partial;
    result.image = *stored;
    result.digest = m_topDigest;
    result.upToDate = upToDate;
    finish(result);
}

void ImagePuller::finish(Result<PullResult> result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_ticker)
        m_ticker->stop();
    // Steps still open stopped with the pull.
    const std::vector<OpenStep> open = m_running;
    for (const OpenStep &o : open)
        endStep(o.record.seq,
                std::unexpected(
                    Error{ErrorCode::Cancelled,
                          0,
                          {},
                          result ? std::string("stopped") : "stopped: " + result.error().message}));
    m_result = std::move(result);
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(); }, Qt::QueuedConnection);
}

namespace {

constexpr std::pair<PullLayerProgress::State, QStringView> kPullStateNames[] = {
    {PullLayerProgress::State::Waiting, u"waiting"},
    {PullLayerProgress::State::AlreadyExists, u"exists"},
    {PullLayerProgress::State::Downloading, u"downloading"},
    {PullLayerProgress::State::DownloadComplete, u"downloaded"},
    {PullLayerProgress::State::Extracting, u"extracting"},
    {PullLayerProgress::State::PullComplete, u"complete"},
    {PullLayerProgress::State::Failed, u"failed"},
};

} // namespace

QString pullStateName(PullLayerProgress::State state)
{
    for (const auto &[s, name] : kPullStateNames) {
        if (s == state)
            return name.toString();
    }
    return u"failed"_s;
}

std::optional<PullLayerProgress::State> pullStateFromName(const QString &name)
{
    for (const auto &[s, n] : kPullStateNames) {
        if (n == name)
            return s;
    }
    return std::nullopt;
}

} // namespace koker
