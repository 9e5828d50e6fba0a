#pragma once

// The registry side of a pull: the Docker Registry HTTP API v2 (the OCI
// Distribution Spec) over Qt Network, asynchronous on the caller's event loop.
//
//  * manifests by tag or by digest (GET or HEAD), raw bytes + media type + digest,
//    size-capped; a digest reference is verified against the bytes;
//  * blobs streamed to a temp file with the digest computed on the way, resumable,
//    several at once with a per-registry cap (BlobDownload);
//  * anonymous and password bearer tokens, basic auth, cached per registry+scope;
//  * retries with backoff for 429/5xx and dropped connections, Retry-After honoured;
//  * redirects followed by hand so that credentials never leave the registry's
//    origin (security brief, rule 10): see docs/registries.md, "Where credentials go".
//
// Platform selection is not here: fetch the index by tag, choose, then fetch the
// chosen manifest by digest (ImageReference::withDigest).

#include "engine/blobdownload.h"
#include "engine/digest.h"
#include "engine/imagereference.h"
#include "engine/registriesconfig.h"
#include "engine/registryauth.h"
#include "engine/wwwauthenticate.h"
#include "runtime/error.h"

#include <QtCore/QByteArray>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace koker {

class RegistryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryClient)

public:
    struct Options
    {
        int maxBlobsPerRegistry = 3; // blob transfers at once per registry host
        int maxAttempts = 4;         // per request: 429, 5xx, dropped connections
        int backoffInitialMs = 500;  // first retry delay, doubled each time
        int backoffMaxMs = 30000;
        int maxRetryAfterSeconds = 120; // a longer Retry-After fails at once
        int transferTimeoutMs = 60000;  // no byte for this long aborts the attempt
        int maxRedirects = 10;
        qint64 maxManifestSize = 4 << 20;      // manifests and indexes
        qint64 maxSmallBodySize = 64 << 10;    // token responses and error bodies
        qint64 maxBlobSize = qint64(64) << 30; // when the manifest gives no size
    };

    /// What a manifest request returned.
    struct ManifestResponse
    {
        QByteArray bytes;       // exactly as served (empty for HEAD)
        QString mediaType;      // one of acceptedManifestTypes()
        QString contentType;    // the Content-Type header as sent (parameters stripped)
        Digest digest;          // sha256 of bytes (GET); the registry's digest (HEAD)
        QString registryDigest; // Docker-Content-Digest as sent, empty if none
        qint64 size = -1;       // bytes.size() (GET), Content-Length (HEAD)
    };

    using ManifestCallback = std::function<void(Result<ManifestResponse>)>;
    using StatusCallback = std::function<void(Status)>;

    explicit RegistryClient(QObject *parent = nullptr);
    explicit RegistryClient(const Options &options, QObject *parent = nullptr);
    ~RegistryClient() override;

    const Options &options() const { return m_options; }
    /// Insecure registries (RegistriesConfig::load()); the default has none.
    void setRegistriesConfig(const RegistriesConfig &config) { m_config = config; }
    /// Where saved credentials are looked up; none when never called.
    void setCredentialStore(const RegistryAuth &store);
    /// Use these credentials for `registry` instead of the store's (tests, login).
    void setCredentials(const QString &registry, const RegistryAuth::Credentials &credentials);

    /// The Accept list of manifest requests, most preferred first.
    static QStringList acceptedManifestTypes();

    /// GET the manifest (or index) of `ref`: by digest when it has one, else by tag.
    /// `done` runs on this thread unless `context` was destroyed meanwhile.
    void fetchManifest(const ImageReference &ref, QObject *context, ManifestCallback done);
    /// HEAD the manifest: media type, digest and size without the body.
    void headManifest(const ImageReference &ref, QObject *context, ManifestCallback done);

    /// Download blob `digest` of `image`'s repository into `directory` (created if
    /// missing). `expectedSize` comes from the manifest (-1 if unknown). The
    /// returned object is owned by the caller (delete it after finished()).
    BlobDownload *fetchBlob(const ImageReference &image, const Digest &digest, qint64 expectedSize,
                            const QString &directory, BlobDownload::Tee tee = {});

    /// Check `credentials` against `registry` (GET /v2/ with basic auth or a token).
    void verifyCredentials(const QString &registry, const RegistryAuth::Credentials &credentials,
                           QObject *context, StatusCallback done);
    /// verifyCredentials(), then save them in `store` when the registry accepted them.
    void login(const QString &registry, const RegistryAuth::Credentials &credentials,
               const RegistryAuth &store, QObject *context, StatusCallback done);

    /// The host to connect to for a registry name ("docker.io" -> registry-1.docker.io).
    static QString hostForRegistry(const QString &registry);

private:
    class Exchange;
    friend class BlobDownload;

    struct RegistryState
    {
        enum class Scheme
        {
            Unknown,
            Https,
            Http
        };
        Scheme scheme = Scheme::Unknown;
        std::optional<WwwAuthenticate::Challenge> bearer; // last Bearer challenge seen
        bool basic = false; // the registry asked for Basic: send it up front
        bool credentialsLoaded = false;
        std::optional<RegistryAuth::Credentials> credentials;
        int activeBlobs = 0;
        std::deque<QPointer<BlobDownload>> queue;
    };

    struct Token
    {
        QByteArray value;
        QDeadlineTimer expiry;
    };

    struct Target
    {
        QString host;    // what we connect to: "registry-1.docker.io", "127.0.0.1:5000"
        QString display; // what the user calls it: "docker.io", "127.0.0.1:5000"
    };

    static Target targetFor(const ImageReference &ref);
    RegistryState &state(const QString &host);
    Result<std::optional<RegistryAuth::Credentials>> credentialsFor(const Target &target);

    void requestManifest(const ImageReference &ref, bool head, QObject *context,
                         ManifestCallback done);
    Result<ManifestResponse> finishManifest(const ImageReference &ref, bool head,
                                            ManifestResponse response) const;

    void enqueue(BlobDownload *download);
    void pump(const QString &host);
    void startBlob(BlobDownload *download);
    void releaseSlot(BlobDownload *download);

    using TokenCallback = std::function<void(Result<QByteArray>)>;
    /// A token for `scope` at the registry, from the cache or its token service.
    /// `cacheable`: stored credentials (tokens for login checks are not kept);
    /// `refresh`: the registry refused the cached token, ask for a new one.
    void fetchToken(const Target &target, const WwwAuthenticate::Challenge &challenge,
                    const QString &scope,
                    const std::optional<RegistryAuth::Credentials> &credentials, bool cacheable,
                    TokenCallback done, bool refresh = false);
    std::optional<QByteArray> cachedToken(const QString &host, const QString &scope);

    Options m_options;
    RegistriesConfig m_config;
    std::optional<RegistryAuth> m_store;
    QHash<QString, RegistryAuth::Credentials> m_overrides; // normalised registry -> creds
    QNetworkAccessManager *m_nam;
    std::map<QString, RegistryState> m_registries; // by host; node-stable references
    std::map<QString, Token> m_tokens;             // host + '\n' + scope
    std::map<QString, std::vector<TokenCallback>> m_tokenWaiters;
};

} // namespace koker
