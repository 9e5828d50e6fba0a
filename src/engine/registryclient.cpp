#include "registryclient.h"

#include "runtime/random.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslError>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

const QString kOciIndex = u"application/vnd.oci.image.index.v1+json"_s;
const QString kOciManifest = u"application/vnd.oci.image.manifest.v1+json"_s;
const QString kDockerList = u"application/vnd.docker.distribution.manifest.list.v2+json"_s;
const QString kDockerManifest = u"application/vnd.docker.distribution.manifest.v2+json"_s;
const QString kDockerSchema1 = u"application/vnd.docker.distribution.manifest.v1+json"_s;
const QString kDockerSchema1Signed = u"application/vnd.docker.distribution.manifest.v1+prettyjws"_s;

// Replies hold at most this much unread data: a slow disk slows the socket down
// instead of growing memory.
constexpr qint64 kReadBufferSize = 1 << 20;

std::string str(const QString &s)
{
    return s.toStdString();
}

// Text from a registry ends up in terminals and logs: no control characters (an
// escape sequence could rewrite the user's screen), bounded length.
QString sanitize(const QString &text, qsizetype maxLength = 300)
{
    QString out;
    out.reserve(std::min(text.size(), maxLength));
    for (QChar c : text) {
        if (out.size() >= maxLength) {
            out += u"..."_s;
            break;
        }
        char16_t u = c.unicode();
        out += (u < 0x20 || (u >= 0x7f && u < 0xa0)) ? QChar(u' ') : c;
    }
    return out.simplified();
}

// "CODE: message; CODE: message" from the registry's JSON error body
// ({"errors": [{"code": ..., "message": ..., "detail": ...}]}).
QString registryErrorDetail(const QByteArray &body, const QString &contentType)
{
    if (body.isEmpty())
        return {};
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        QStringList parts;
        const QJsonArray errors = doc.object().value(u"errors"_s).toArray();
        for (const QJsonValue &value : errors) {
            const QJsonObject e = value.toObject();
            QString code = e.value(u"code"_s).toString();
            QString message = e.value(u"message"_s).toString();
            QString part =
                code.isEmpty() ? message : (message.isEmpty() ? code : code + u": "_s + message);
            if (!part.isEmpty())
                parts.append(sanitize(part, 200));
            if (parts.size() == 3)
                break;
        }
        // Token services answer {"details": "..."} or {"error": "...", "error_description": ...}.
        for (const QString &key : {u"details"_s, u"error_description"_s, u"error"_s}) {
            if (parts.isEmpty() && doc.object().value(key).isString())
                parts.append(sanitize(doc.object().value(key).toString(), 200));
        }
        return parts.join(u"; "_s);
    }
    if (contentType.startsWith(u"text/plain"_s))
        return sanitize(QString::fromUtf8(body), 200);
    return {};
}

std::optional<int> parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    qlonglong seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? 0 : static_cast<int>(std::min<qlonglong>(seconds, 1 << 24));
    QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    qint64 delta = QDateTime::currentDateTimeUtc().secsTo(when);
    return static_cast<int>(std::clamp<qint64>(delta, 0, 1 << 24));
}

bool isTransient(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // our transfer timeout
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
    case QNetworkReply::ProtocolFailure:
        return true;
    default:
        return false;
    }
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == u"https"_s ? 443 : 80);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(a) == effectivePort(b);
}

QString originOf(const QUrl &url)
{
    return url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                        QUrl::RemoveUserInfo);
}

// Where basic credentials may go when the registry sends us to a token service.
// Docker sends them to any realm; we send them to an HTTPS realm (the registry
// chose it, and could as well have asked for Basic itself, so a realm on another
// host gains a malicious registry nothing) or to the registry's own origin (a
// plain-HTTP lab registry that is its own token service). Never in clear text to a
// third host. Bearer tokens never leave the registry's origin at all.
bool credentialsGoToRealm(const QUrl &realm, const QUrl &registry)
{
    return realm.scheme() == u"https"_s || sameOrigin(realm, registry);
}

QByteArray basicAuthorization(const RegistryAuth::Credentials &c)
{
    const QByteArray pair = c.username.toUtf8() + ':' + c.password.toUtf8();
    return "Basic " + pair.toBase64();
}

QString mediaTypeOf(const QByteArray &contentTypeHeader)
{
    QString type = QString::fromLatin1(contentTypeHeader);
    if (qsizetype semicolon = type.indexOf(u';'); semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

bool validToken(const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 16 * 1024)
        return false;
    // Goes into an HTTP header: visible ASCII only (no CR/LF injection).
    return std::all_of(token.cbegin(), token.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
}

} // namespace

// ---------------------------------------------------------------------------------
// Exchange: one logical request and everything it may take: the HTTPS->HTTP
// fallback of a loopback registry, a 401 answered with a token or basic auth,
// redirects followed by hand, retries after 429/5xx/dropped connections.

class RegistryClient::Exchange final : public QObject
{
public:
    enum class Kind
    {
        Registry,
        TokenService
    };
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit Exchange(RegistryClient *client)
        : QObject(client)
        , m_client(client)
    {}
    Q_DISABLE_COPY_MOVE(Exchange)

    Kind kind = Kind::Registry;
    Target target;
    QString repository;            // for the token scope; empty for GET /v2/
    QString path;                  // Registry: "/v2/<repo>/manifests/<ref>"
    QUrl tokenUrl;                 // TokenService: the realm with its query
    QByteArray tokenAuthorization; // TokenService: sent to tokenUrl's origin only
    QByteArray method = "GET";
    Headers headers;
    QString subject;                                      // "image x:1", for messages
    QString notFoundMessage;                              // replaces the generic 404 message
    std::optional<RegistryAuth::Credentials> credentials; // explicit (login)

    std::function<void(std::function<void(Status)>)> prepare; // before each attempt
    std::function<Headers()> attemptHeaders;                  // per attempt (Range)
    std::function<Status(QNetworkReply *, int)> onResponse;   // a 2xx response's headers
    std::function<Status(QByteArrayView)> onData;             // its body
    std::function<std::optional<Error>(int, const QString &)> describeStatus;
    std::function<void(Status)> onDone;

    void start() { beginAttempt(); }

    void cancel()
    {
        if (m_done)
            return;
        Error e{ErrorCode::Cancelled, 0, {}, str(subject) + ": cancelled"};
        if (m_reply) {
            m_abortError = e;
            m_reply->abort(); // finished() -> onFinished() -> finish()
        } else {
            finish(std::unexpected(e));
        }
    }

    // End without calling back (the owner is going away).
    void abandon()
    {
        onDone = nullptr;
        onData = nullptr;
        onResponse = nullptr;
        prepare = nullptr;
        attemptHeaders = nullptr;
        finish({});
    }

private:
    const Options &options() const { return m_client->m_options; }
    RegistryState &registry() const { return m_client->state(target.host); }

    QString scope() const
    {
        return repository.isEmpty() ? QString() : u"repository:"_s + repository + u":pull"_s;
    }

    QUrl registryUrl() const
    {
        const bool http = registry().scheme == RegistryState::Scheme::Http;
        return QUrl((http ? u"http://"_s : u"https://"_s) + target.host + path, QUrl::StrictMode);
    }

    bool atRegistry(const QUrl &url) const
    {
        return kind == Kind::Registry && sameOrigin(url, registryUrl());
    }

    QString where() const
    {
        if (kind == Kind::TokenService)
            return u"the token service at "_s + originOf(m_url) + u" (for registry "_s +
                   target.display + u')';
        if (!atRegistry(m_url))
            return u"storage host "_s + originOf(m_url) + u" (redirected from registry "_s +
                   target.display + u')';
        return u"registry "_s + target.display;
    }

    void beginAttempt()
    {
        ++m_attempt;
        m_redirects = 0;
        // A retry may come minutes later (a dropped layer download): take the token
        // from the cache again, and answer one new 401 per attempt.
        m_authorization.clear();
        m_authUser.clear();
        m_authRetried = false;
        auto self = QPointer<Exchange>(this);
        auto afterPrepare = [self](Status st) {
            if (!self || self->m_done)
                return;
            if (!st) {
                self->finish(st);
                return;
            }
            self->m_attemptHeaders = self->attemptHeaders ? self->attemptHeaders() : Headers{};
            self->prepareAuthorization([self] {
                if (self && !self->m_done)
                    self->sendTo(self->kind == Kind::Registry ? self->registryUrl()
                                                              : self->tokenUrl);
            });
        };
        if (prepare)
            prepare(afterPrepare);
        else
            afterPrepare({});
    }

    // Reuse what we learnt about the registry so most requests need no 401 first:
    // a cached token for the scope, a token for a known Bearer realm, Basic for a
    // registry that asked for it.
    void prepareAuthorization(std::function<void()> then)
    {
        if (kind != Kind::Registry || !m_authorization.isEmpty() || credentials) {
            then();
            return;
        }
        if (auto token = m_client->cachedToken(target.host, scope())) {
            m_authorization = "Bearer " + *token;
            then();
            return;
        }
        RegistryState &state = registry();
        if (state.bearer && !scope().isEmpty()) {
            auto creds = m_client->credentialsFor(target);
            if (!creds) {
                finish(std::unexpected(creds.error()));
                return;
            }
            auto self = QPointer<Exchange>(this);
            m_client->fetchToken(target, *state.bearer, scope(), *creds, true,
                                 [self, then](Result<QByteArray> token) {
                                     if (!self || self->m_done)
                                         return;
                                     // A failure here is not final: the 401 path
                                     // asks again and reports properly.
                                     if (token)
                                         self->m_authorization = "Bearer " + *token;
                                     then();
                                 });
            return;
        }
        if (state.basic) {
            auto creds = m_client->credentialsFor(target);
            if (creds && *creds)
                m_authorization = basicAuthorization(**creds);
        }
        then();
    }

    void sendTo(const QUrl &url)
    {
        m_url = url;
        // An HTTPS guess at a registry whose scheme nobody has learnt yet.
        m_probing = kind == Kind::Registry && url == registryUrl() &&
                    registry().scheme == RegistryState::Scheme::Unknown;
        QNetworkRequest request(url);
        // We follow redirects ourselves: Qt's policies would forward our headers,
        // Authorization included, to whatever host a redirect names.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                             QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute,
                             QNetworkRequest::Manual);
        request.setTransferTimeout(options().transferTimeoutMs);
        request.setRawHeader("User-Agent", QByteArrayLiteral("koker/" KOKER_VERSION));
        // Bytes exactly as stored: Qt must not gunzip a gzip layer (or a manifest)
        // behind our back, the digest is over the transferred bytes.
        request.setRawHeader("Accept-Encoding", "identity");
        for (const auto &[name, value] : std::as_const(headers))
            request.setRawHeader(name, value);
        for (const auto &[name, value] : std::as_const(m_attemptHeaders))
            request.setRawHeader(name, value);
        if (kind == Kind::Registry && atRegistry(url) && !m_authorization.isEmpty())
            request.setRawHeader("Authorization", m_authorization);
        if (kind == Kind::TokenService && sameOrigin(url, tokenUrl) &&
            !tokenAuthorization.isEmpty())
            request.setRawHeader("Authorization", tokenAuthorization);

        m_status = 0;
        m_streaming = false;
        m_body.clear();
        m_bodyBytes = 0;
        m_bodyCut = false;
        m_abortError.reset();
        m_sslErrors.clear();

        QNetworkAccessManager *nam = m_client->m_nam;
        QNetworkReply *reply = method == "HEAD" ? nam->head(request) : nam->get(request);
        reply->setReadBufferSize(kReadBufferSize);
        m_reply = reply;
        connect(reply, &QNetworkReply::metaDataChanged, this, &Exchange::onMetaData);
        connect(reply, &QNetworkReply::readyRead, this, &Exchange::onReadyRead);
        connect(reply, &QNetworkReply::finished, this, &Exchange::onFinished);
        connect(reply, &QNetworkReply::sslErrors, this,
                [this, reply](const QList<QSslError> &errors) {
                    // Only the registry itself, and only when the administrator said so.
                    if (kind == Kind::Registry && atRegistry(reply->url()) &&
                        m_client->m_config.skipsTlsVerification(target.display)) {
                        reply->ignoreSslErrors();
                        return;
                    }
                    for (const QSslError &e : errors)
                        m_sslErrors.append(e.errorString());
                });
    }

    void onMetaData()
    {
        if (!m_reply || m_done || m_status != 0)
            return;
        QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        m_status = status.toInt();
        confirmScheme();
        if (m_status >= 200 && m_status < 300) {
            m_streaming = true;
            if (onResponse) {
                if (Status st = onResponse(m_reply, m_status); !st)
                    abortWith(st.error());
            }
        }
    }

    void onReadyRead()
    {
        if (!m_reply || m_done || m_abortError)
            return;
        if (m_status == 0)
            onMetaData();
        if (!m_reply || m_abortError)
            return;
        if (m_streaming && onData) {
            while (m_reply && m_reply->bytesAvailable() > 0 && !m_abortError) {
                QByteArray chunk = m_reply->read(256 * 1024);
                if (chunk.isEmpty())
                    break;
                if (Status st = onData(chunk); !st) {
                    abortWith(st.error());
                    return;
                }
            }
            return;
        }
        // Error bodies, redirects and bodies nobody wants: keep the first bytes
        // (for the message), refuse an endless stream.
        QByteArray chunk = m_reply->readAll();
        m_bodyBytes += chunk.size();
        const qint64 room = options().maxSmallBodySize - m_body.size();
        if (room > 0)
            m_body.append(chunk.left(room));
        if (m_bodyBytes > options().maxSmallBodySize) {
            if (m_streaming) {
                abortWith(Error{ErrorCode::LimitExceeded,
                                0,
                                {},
                                str(where()) + " sent more than " +
                                    std::to_string(options().maxSmallBodySize) + " bytes for " +
                                    str(subject)});
            } else {
                m_bodyCut = true; // the first 64 KiB are enough for a message
                m_reply->abort();
            }
        }
    }

    void onFinished()
    {
        QNetworkReply *reply = m_reply;
        if (!reply || sender() != reply)
            return;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->deleteLater();
        if (m_done)
            return;
        if (m_abortError) {
            finish(std::unexpected(*m_abortError));
            return;
        }
        if (m_status == 0) {
            QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            if (status.isValid()) {
                m_status = status.toInt();
                confirmScheme();
            }
        }
        if (m_status == 0) {
            networkFailure(reply);
            return;
        }
        if (m_status >= 200 && m_status < 300) {
            if (reply->error() != QNetworkReply::NoError) {
                // The connection dropped inside the body: retry (a blob resumes).
                retryOrFail(Error{ErrorCode::Network,
                                  0,
                                  {},
                                  "connection to " + str(where()) + " dropped while receiving " +
                                      str(subject) + ": " + str(sanitize(reply->errorString()))},
                            std::nullopt);
                return;
            }
            if (m_streaming && onData && reply->bytesAvailable() > 0) {
                if (Status st = onData(reply->readAll()); !st) {
                    finish(st);
                    return;
                }
            }
            finish({});
            return;
        }
        if (m_status >= 300 && m_status < 400 && m_status != 304) {
            followRedirect(reply);
            return;
        }
        const QString contentType = mediaTypeOf(reply->rawHeader("Content-Type"));
        if (m_status == 401 && kind == Kind::Registry && atRegistry(m_url)) {
            handleUnauthorized(reply, contentType);
            return;
        }
        Error error = httpError(m_status, contentType);
        if (m_status == 429 || (m_status >= 500 && m_status != 501 && m_status != 505)) {
            retryOrFail(error, parseRetryAfter(reply->rawHeader("Retry-After")));
            return;
        }
        finish(std::unexpected(error));
    }

    void confirmScheme()
    {
        if (kind != Kind::Registry || !atRegistry(m_url))
            return;
        RegistryState &state = registry();
        if (state.scheme == RegistryState::Scheme::Unknown)
            state.scheme = m_url.scheme() == u"http"_s ? RegistryState::Scheme::Http
                                                       : RegistryState::Scheme::Https;
    }

    void networkFailure(QNetworkReply *reply)
    {
        const QNetworkReply::NetworkError code = reply->error();
        // Docker's rule: a loopback registry (or one marked insecure) that does not
        // speak TLS is asked again in plain HTTP. Only for the first guess at the
        // registry's own origin (parallel guesses all switch), and not when TLS was
        // spoken and only the certificate failed: plain HTTP cannot work there, the
        // certificate error is the one worth reporting.
        if (m_probing && m_sslErrors.isEmpty() &&
            m_client->m_config.allowsPlainHttp(target.display)) {
            m_probing = false;
            RegistryState &state = registry();
            if (state.scheme == RegistryState::Scheme::Unknown)
                state.scheme = RegistryState::Scheme::Http;
            if (state.scheme == RegistryState::Scheme::Http) {
                sendTo(registryUrl());
                return;
            }
        }
        const QString detail = sanitize(reply->errorString());
        if (code == QNetworkReply::SslHandshakeFailedError || !m_sslErrors.isEmpty()) {
            finish(std::unexpected(tlsError(detail)));
            return;
        }
        if (isTransient(code)) {
            retryOrFail(Error{ErrorCode::Network,
                              0,
                              {},
                              "lost the connection to " + str(where()) + " while fetching " +
                                  str(subject) + ": " + str(detail)},
                        std::nullopt);
            return;
        }
        finish(fail(ErrorCode::Network,
                    "cannot reach " + str(where()) + " for " + str(subject) + ": " + str(detail)));
    }

    Error tlsError(const QString &detail) const
    {
        QString message = u"TLS connection to "_s + where() + u" failed: "_s +
                          (m_sslErrors.isEmpty() ? detail : sanitize(m_sslErrors.join(u"; "_s)));
        // Suggest switching verification off only for what looks like the user's own
        // registry: for docker.io a bad certificate means an attack, not a lab.
        if (kind == Kind::Registry && atRegistry(m_url) &&
            RegistriesConfig::looksSelfHosted(target.display) &&
            !m_client->m_config.isInsecure(target.display)) {
            message += u"; if this is your own registry without a valid certificate, mark it "
                       u"insecure in "_s +
                       RegistriesConfig::defaultPath() + u" ([registry.\""_s + target.display +
                       u"\"] insecure = true)"_s;
        }
        return Error{ErrorCode::Network, 0, {}, str(message)};
    }

    void followRedirect(QNetworkReply *reply)
    {
        const QByteArray location = reply->rawHeader("Location");
        if (location.isEmpty()) {
            finish(fail(ErrorCode::Network, str(where()) + " answered HTTP " +
                                                std::to_string(m_status) +
                                                " without a Location for " + str(subject)));
            return;
        }
        if (++m_redirects > options().maxRedirects) {
            finish(fail(ErrorCode::Network,
                        "too many redirects for " + str(subject) + " from " + str(where())));
            return;
        }
        QUrl next = m_url.resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
        // user:password@ in a Location would make Qt authenticate on its own.
        next.setUserInfo({});
        if (!next.isValid() || next.host().isEmpty() ||
            (next.scheme() != u"https"_s && next.scheme() != u"http"_s)) {
            finish(fail(ErrorCode::Network,
                        str(where()) + " redirected " + str(subject) + " to an invalid location"));
            return;
        }
        // Down from HTTPS to plain HTTP only where plain HTTP is allowed anyway.
        if (m_url.scheme() == u"https"_s && next.scheme() == u"http"_s &&
            !(kind == Kind::Registry && m_client->m_config.allowsPlainHttp(target.display))) {
            finish(fail(ErrorCode::Network, str(where()) + " redirected " + str(subject) +
                                                " from HTTPS to plain HTTP (" +
                                                str(sanitize(originOf(next))) + "); refusing"));
            return;
        }
        // sendTo() attaches credentials only when `next` is the origin they belong to.
        sendTo(next);
    }

    void handleUnauthorized(QNetworkReply *reply, const QString &contentType)
    {
        const QString detail = registryErrorDetail(m_body, contentType);
        const QString suffix = detail.isEmpty() ? QString() : u" ("_s + detail + u')';
        const QString login = u"; run koker login "_s + target.display;
        QList<QByteArray> values;
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            if (name.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
                values.append(value);
        }
        auto parsed = WwwAuthenticate::parse(values);
        if (!parsed || parsed->challenges().isEmpty()) {
            QString why = parsed ? QString()
                                 : u" (its WWW-Authenticate header is malformed: "_s +
                                       QString::fromStdString(parsed.error().message) + u')';
            finish(fail(ErrorCode::Unauthorized, "registry " + str(target.display) +
                                                     " requires authentication" + str(suffix) +
                                                     str(why) + str(login)));
            return;
        }
        auto creds = credentials ? Result<std::optional<RegistryAuth::Credentials>>(credentials)
                                 : m_client->credentialsFor(target);
        if (!creds) {
            finish(std::unexpected(creds.error()));
            return;
        }
        if (m_authRetried) {
            // We answered a challenge already and the registry still says no.
            std::string message;
            if (m_authUser.isEmpty())
                message = "requires authentication for " + str(subject) + str(suffix) + str(login);
            else if (credentials)
                message =
                    "refused the username or password of user " + str(m_authUser) + str(suffix);
            else
                message = "refused access to " + str(subject) + " for user " + str(m_authUser) +
                          str(suffix) +
                          "; check the image name and your permissions, or run "
                          "koker login " +
                          str(target.display) + " again";
            finish(
                fail(ErrorCode::Unauthorized, "registry " + str(target.display) + " " + message));
            return;
        }
        m_authRetried = true;
        if (auto bearer = parsed->find(u"bearer"_s)) {
            QUrl realm(bearer->realm(), QUrl::StrictMode);
            if (!realm.isValid() || realm.host().isEmpty() ||
                (realm.scheme() != u"https"_s && realm.scheme() != u"http"_s)) {
                finish(fail(ErrorCode::Unauthorized,
                            "registry " + str(target.display) +
                                " asks for a token but names no valid token service (realm \"" +
                                str(sanitize(bearer->realm(), 100)) + "\")"));
                return;
            }
            if (!credentials)
                registry().bearer = *bearer;
            m_authUser = (*creds && credentialsGoToRealm(realm, registryUrl())) ? (*creds)->username
                                                                                : QString();
            auto self = QPointer<Exchange>(this);
            m_client->fetchToken(
                target, *bearer, scope(), *creds, !credentials.has_value(),
                [self](Result<QByteArray> token) {
                    if (!self || self->m_done)
                        return;
                    if (!token) {
                        self->finish(std::unexpected(token.error()));
                        return;
                    }
                    self->m_authorization = "Bearer " + *token;
                    self->sendTo(self->registryUrl());
                },
                /*refresh=*/true);
            return;
        }
        if (parsed->find(u"basic"_s)) {
            if (!*creds) {
                finish(fail(ErrorCode::Unauthorized, "registry " + str(target.display) +
                                                         " requires a username and password for " +
                                                         str(subject) + str(suffix) + str(login)));
                return;
            }
            if (!credentials)
                registry().basic = true;
            m_authUser = (*creds)->username;
            m_authorization = basicAuthorization(**creds);
            sendTo(registryUrl());
            return;
        }
        finish(fail(ErrorCode::Unsupported,
                    "registry " + str(target.display) + " asks for " +
                        str(sanitize(parsed->challenges().first().scheme, 40)) +
                        " authentication, which koker does not support (only Bearer and Basic)"));
    }

    void retryOrFail(Error error, std::optional<int> retryAfterSeconds)
    {
        if (m_attempt >= options().maxAttempts) {
            if (options().maxAttempts > 1)
                error.message += "; gave up after " + std::to_string(m_attempt) + " attempts";
            finish(std::unexpected(error));
            return;
        }
        int delayMs = 0;
        if (retryAfterSeconds) {
            if (*retryAfterSeconds > options().maxRetryAfterSeconds) {
                error.message += "; the registry asks to wait " +
                                 std::to_string(*retryAfterSeconds) + " s, try again later";
                finish(std::unexpected(error));
                return;
            }
            delayMs = *retryAfterSeconds * 1000;
        } else {
            // Exponential backoff with jitter, so parallel transfers do not come back
            // in lockstep.
            qint64 base = qint64(options().backoffInitialMs) << std::min(m_attempt - 1, 20);
            base = std::min<qint64>(base, options().backoffMaxMs);
            delayMs = static_cast<int>(base * (80 + randomBelow(41)) / 100);
        }
        auto self = QPointer<Exchange>(this);
        QTimer::singleShot(delayMs, this, [self] {
            if (self && !self->m_done)
                self->beginAttempt();
        });
    }

    Error httpError(int status, const QString &contentType) const
    {
        const QString detail = registryErrorDetail(m_body, contentType);
        if (describeStatus) {
            if (auto e = describeStatus(status, detail))
                return *e;
        }
        const QString suffix = detail.isEmpty() ? QString() : u" ("_s + detail + u')';
        auto make = [&](ErrorCode code, const QString &message) {
            return Error{code, 0, {}, str(message + suffix)};
        };
        switch (status) {
        case 404:
            return make(ErrorCode::NotFound, notFoundMessage.isEmpty()
                                                 ? subject + u" not found at "_s + where()
                                                 : notFoundMessage);
        case 401:
            return make(ErrorCode::Unauthorized, where() + u" refused access to "_s + subject);
        case 403:
            return make(ErrorCode::PermissionDenied, where() + u" denied access to "_s + subject);
        case 400:
            return make(ErrorCode::InvalidArgument,
                        where() + u" rejected the request for "_s + subject);
        case 405:
        case 501:
            return make(ErrorCode::Unsupported,
                        where() + u" does not support the request for "_s + subject);
        case 429:
            return make(ErrorCode::Network,
                        where() + u" limits the rate of requests (HTTP 429) for "_s + subject);
        default:
            return make(ErrorCode::Network, where() + u" answered HTTP "_s +
                                                QString::number(status) + u" for "_s + subject);
        }
    }

    void abortWith(Error error)
    {
        m_abortError = std::move(error);
        if (m_reply)
            m_reply->abort();
    }

    void finish(Status status)
    {
        if (m_done)
            return;
        m_done = true;
        if (QNetworkReply *reply = m_reply) {
            m_reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        auto done = std::move(onDone);
        onDone = nullptr;
        onData = nullptr;
        onResponse = nullptr;
        prepare = nullptr;
        attemptHeaders = nullptr;
        describeStatus = nullptr;
        deleteLater();
        if (done)
            done(status);
    }

    RegistryClient *m_client;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    Headers m_attemptHeaders;
    QByteArray m_authorization; // for the registry's origin only
    QString m_authUser;         // whose credentials m_authorization carries
    int m_attempt = 0;
    int m_redirects = 0;
    bool m_authRetried = false;
    bool m_probing = false;
    bool m_streaming = false;
    bool m_bodyCut = false;
    bool m_done = false;
    int m_status = 0;
    QByteArray m_body;
    qint64 m_bodyBytes = 0;
    std::optional<Error> m_abortError;
    QStringList m_sslErrors;
};

// ---------------------------------------------------------------------------------

RegistryClient::RegistryClient(QObject *parent)
    : RegistryClient(Options{}, parent)
{}

RegistryClient::RegistryClient(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam->setStrictTransportSecurityEnabled(false);
    m_nam->setAutoDeleteReplies(false);
    if (m_options.maxAttempts < 1)
        m_options.maxAttempts = 1;
    if (m_options.maxBlobsPerRegistry < 1)
        m_options.maxBlobsPerRegistry = 1;
}

RegistryClient::~RegistryClient()
{
    // Downloads the caller still holds outlive us: detach them from our queues.
    for (BlobDownload *download : findChildren<BlobDownload *>(Qt::FindDirectChildrenOnly)) {
        download->m_slotHeld = false;
        download->m_cancel = nullptr;
        download->m_abandon = nullptr;
    }
}

QStringList RegistryClient::acceptedManifestTypes()
{
    return {kOciIndex, kOciManifest, kDockerList, kDockerManifest};
}

QString RegistryClient::hostForRegistry(const QString &registry)
{
    const QString key = RegistryAuth::normalizeRegistry(registry);
    return key == u"docker.io"_s ? u"registry-1.docker.io"_s : key;
}

RegistryClient::Target RegistryClient::targetFor(const ImageReference &ref)
{
    return Target{ref.registryHost().toLower(), ref.domain()};
}

RegistryClient::RegistryState &RegistryClient::state(const QString &host)
{
    return m_registries[host];
}

void RegistryClient::setCredentialStore(const RegistryAuth &store)
{
    m_store = store;
    for (auto &[host, s] : m_registries) {
        s.credentialsLoaded = false;
        s.credentials.reset();
    }
}

void RegistryClient::setCredentials(const QString &registry,
                                    const RegistryAuth::Credentials &credentials)
{
    m_overrides.insert(RegistryAuth::normalizeRegistry(registry), credentials);
    const QString host = hostForRegistry(registry);
    for (auto it = m_tokens.begin(); it != m_tokens.end();)
        it = it->first.startsWith(host + u'\n') ? m_tokens.erase(it) : std::next(it);
}

Result<std::optional<RegistryAuth::Credentials>>
RegistryClient::credentialsFor(const Target &target)
{
    const QString key = RegistryAuth::normalizeRegistry(target.display);
    if (auto it = m_overrides.constFind(key); it != m_overrides.cend())
        return std::optional<RegistryAuth::Credentials>(*it);
    RegistryState &s = state(target.host);
    if (!s.credentialsLoaded) {
        if (m_store) {
            auto found = m_store->find(key);
            if (!found)
                return std::unexpected(found.error());
            s.credentials = *found;
        }
        s.credentialsLoaded = true;
    }
    return s.credentials;
}

// --- manifests ---------------------------------------------------------------------

void RegistryClient::fetchManifest(const ImageReference &ref, QObject *context,
                                   ManifestCallback done)
{
    requestManifest(ref, false, context, std::move(done));
}

void RegistryClient::headManifest(const ImageReference &ref, QObject *context,
                                  ManifestCallback done)
{
    requestManifest(ref, true, context, std::move(done));
}

void RegistryClient::requestManifest(const ImageReference &ref, bool head, QObject *context,
                                     ManifestCallback done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto deliver = [guard, hasContext, done = std::move(done)](Result<ManifestResponse> r) {
        if (hasContext && !guard)
            return;
        done(std::move(r));
    };

    const Target target = targetFor(ref);
    const QString reference = ref.digest().isValid() ? ref.digest().toString() : ref.tag();
    auto *ex = new Exchange(this);
    ex->target = target;
    ex->repository = ref.path();
    ex->path = u"/v2/"_s + ref.path() + u"/manifests/"_s + reference;
    ex->method = head ? "HEAD" : "GET";
    ex->headers = {{"Accept", acceptedManifestTypes().join(u", "_s).toLatin1()}};
    ex->subject = u"image "_s + ref.familiarString();
    ex->notFoundMessage =
        u"image "_s + ref.familiarString() + u" not found in registry "_s + target.display;

    auto response = std::make_shared<ManifestResponse>();
    const qint64 cap = m_options.maxManifestSize;
    auto tooLarge = [ref, target, cap] {
        return fail(ErrorCode::LimitExceeded, "the manifest of image " + str(ref.familiarString()) +
                                                  " from registry " + str(target.display) +
                                                  " is larger than " + std::to_string(cap) +
                                                  " bytes; refusing it");
    };
    ex->onResponse = [response, head, cap, tooLarge](QNetworkReply *reply, int) -> Status {
        // A retry starts a new body.
        *response = ManifestResponse{};
        response->contentType = mediaTypeOf(reply->rawHeader("Content-Type"));
        response->registryDigest =
            QString::fromLatin1(reply->rawHeader("Docker-Content-Digest")).trimmed().left(200);
        QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        response->size = length.isValid() ? length.toLongLong() : -1;
        if (!head && response->size > cap)
            return tooLarge();
        return {};
    };
    ex->onData = [response, cap, tooLarge](QByteArrayView chunk) -> Status {
        if (response->bytes.size() + chunk.size() > cap)
            return tooLarge();
        response->bytes.append(chunk);
        return {};
    };
    ex->onDone = [this, ref, head, response, deliver](Status st) {
        if (!st) {
            deliver(std::unexpected(st.error()));
            return;
        }
        deliver(finishManifest(ref, head, std::move(*response)));
    };
    ex->start();
}

Result<RegistryClient::ManifestResponse>
RegistryClient::finishManifest(const ImageReference &ref, bool head, ManifestResponse r) const
{
    const std::string image = "image " + str(ref.familiarString());
    const std::string registry = "registry " + str(ref.domain());
    auto schema1 = [&] {
        return fail(ErrorCode::Unsupported,
                    image + " in " + registry +
                        " uses the Docker schema 1 manifest format, which koker does not "
                        "support (it was deprecated in 2017); push the image again with a "
                        "current docker or skopeo");
    };
    const QStringList accepted = acceptedManifestTypes();
    if (r.contentType == kDockerSchema1 || r.contentType == kDockerSchema1Signed)
        return schema1();

    QJsonObject json;
    if (!head) {
        QJsonParseError error{};
        QJsonDocument doc = QJsonDocument::fromJson(r.bytes, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fail(ErrorCode::Corrupt,
                        "the manifest of " + image + " from " + registry + " is not a JSON object");
        json = doc.object();
        if (json.value(u"schemaVersion"_s).toInt() == 1)
            return schema1();
    }

    if (accepted.contains(r.contentType)) {
        r.mediaType = r.contentType;
    } else if (!head && (r.contentType.isEmpty() || r.contentType == u"application/json"_s ||
                         r.contentType == u"application/octet-stream"_s ||
                         r.contentType == u"text/plain"_s)) {
        // A registry that does not set a proper Content-Type: trust the document's
        // own mediaType, or recognise an OCI document without one by its fields.
        const QString declared = json.value(u"mediaType"_s).toString();
        if (declared == kDockerSchema1 || declared == kDockerSchema1Signed)
            return schema1();
        if (accepted.contains(declared))
            r.mediaType = declared;
        else if (declared.isEmpty() && json.value(u"manifests"_s).isArray())
            r.mediaType = kOciIndex;
        else if (declared.isEmpty() && json.value(u"config"_s).isObject() &&
                 json.value(u"layers"_s).isArray())
            r.mediaType = kOciManifest;
        else
            return fail(ErrorCode::Unsupported,
                        registry + " returned a document of unknown type for " + image +
                            " (Content-Type \"" + str(sanitize(r.contentType, 80)) +
                            "\", mediaType \"" + str(sanitize(declared, 80)) + "\")");
    } else if (!head || !r.contentType.isEmpty()) {
        return fail(ErrorCode::Unsupported,
                    registry + " answered \"" + str(sanitize(r.contentType, 80)) + "\" for " +
                        image + ", which is not a manifest type koker knows (" +
                        str(accepted.join(u", "_s)) + ")");
    }

    std::optional<Digest> announced;
    if (!r.registryDigest.isEmpty()) {
        auto parsed = Digest::parse(r.registryDigest);
        if (parsed)
            announced = *parsed;
        else if (parsed.error().code != ErrorCode::Unsupported) // sha512 is legal, not ours
            return fail(ErrorCode::Corrupt, registry +
                                                " sent a malformed Docker-Content-Digest "
                                                "for " +
                                                image);
    }
    if (head) {
        r.digest = announced ? *announced : ref.digest();
        if (ref.digest().isValid() && announced && *announced != ref.digest())
            return fail(ErrorCode::Corrupt, registry + " answered a request for " + image +
                                                " with manifest " + str(announced->toString()));
        return r;
    }
    r.digest = Digest::ofData(r.bytes);
    r.size = r.bytes.size();
    if (ref.digest().isValid() && r.digest != ref.digest())
        return fail(ErrorCode::Corrupt, "the manifest of " + image + " from " + registry +
                                            " has digest " + str(r.digest.toString()) +
                                            ", not the one requested");
    if (announced && *announced != r.digest)
        return fail(ErrorCode::Corrupt, "the manifest of " + image + " from " + registry +
                                            " has digest " + str(r.digest.toString()) +
                                            " but the registry says " + str(announced->toString()));
    return r;
}

// --- blobs -------------------------------------------------------------------------

BlobDownload *RegistryClient::fetchBlob(const ImageReference &image, const Digest &digest,
                                        qint64 expectedSize, const QString &directory,
                                        BlobDownload::Tee tee)
{
    auto *download = new BlobDownload(this, image, digest, expectedSize, directory, std::move(tee));
    if (!digest.isValid() || directory.isEmpty()) {
        download->m_started = true;
        download->finish(
            fail(ErrorCode::InvalidArgument, "fetchBlob needs a valid digest and a directory"));
        return download;
    }
    enqueue(download);
    return download;
}

void RegistryClient::enqueue(BlobDownload *download)
{
    const QString host = targetFor(download->m_image).host;
    state(host).queue.emplace_back(download);
    // Start on the next turn of the loop: the caller connects its signals first.
    QMetaObject::invokeMethod(
        this, [this, host] { pump(host); }, Qt::QueuedConnection);
}

void RegistryClient::pump(const QString &host)
{
    RegistryState &s = state(host);
    while (s.activeBlobs < m_options.maxBlobsPerRegistry && !s.queue.empty()) {
        QPointer<BlobDownload> next = s.queue.front();
        s.queue.pop_front();
        if (!next || next->m_finished)
            continue;
        ++s.activeBlobs;
        next->m_slotHeld = true;
        next->m_started = true;
        Q_EMIT next->started();
        if (next) // a slot connected to started() may have deleted it
            startBlob(next);
    }
}

void RegistryClient::releaseSlot(BlobDownload *download)
{
    if (!download->m_slotHeld)
        return;
    download->m_slotHeld = false;
    const QString host = targetFor(download->m_image).host;
    RegistryState &s = state(host);
    s.activeBlobs = std::max(0, s.activeBlobs - 1);
    QMetaObject::invokeMethod(
        this, [this, host] { pump(host); }, Qt::QueuedConnection);
}

void RegistryClient::startBlob(BlobDownload *download)
{
    QPointer<BlobDownload> guard(download);
    if (Status st = download->open(); !st) {
        download->finish(st);
        return;
    }
    if (download->haveAllBytes()) {
        // An earlier run fetched everything but stopped before the rename.
        download->catchUp([guard](Status st) {
            if (!guard)
                return;
            guard->finish(st ? guard->complete() : st);
        });
        return;
    }

    const ImageReference &image = download->m_image;
    const Target target = targetFor(image);
    auto *ex = new Exchange(this);
    ex->target = target;
    ex->repository = image.path();
    ex->path = u"/v2/"_s + image.path() + u"/blobs/"_s + download->m_digest.toString();
    ex->subject =
        u"blob "_s + download->m_digest.toString() + u" of image "_s + image.familiarString();
    ex->notFoundMessage = u"blob "_s + download->m_digest.toString() + u" of image "_s +
                          image.familiarString() + u" not found in registry "_s + target.display;
    ex->prepare = [guard](std::function<void(Status)> proceed) {
        if (!guard) {
            proceed(fail(ErrorCode::Cancelled, "blob download deleted"));
            return;
        }
        guard->catchUp(std::move(proceed));
    };
    ex->attemptHeaders = [guard]() -> Exchange::Headers {
        return guard ? guard->requestHeaders() : Exchange::Headers{};
    };
    ex->onResponse = [guard](QNetworkReply *reply, int status) -> Status {
        if (!guard)
            return fail(ErrorCode::Cancelled, "blob download deleted");
        return guard->beginResponse(reply, status);
    };
    ex->onData = [guard](QByteArrayView chunk) -> Status {
        if (!guard)
            return fail(ErrorCode::Cancelled, "blob download deleted");
        return guard->write(chunk);
    };
    ex->describeStatus = [guard](int status, const QString &) -> std::optional<Error> {
        if (status == 416 && guard) {
            // Our partial file is longer than the blob: it was not a prefix of it.
            guard->discardPartial();
            return Error{ErrorCode::Corrupt,
                         0,
                         {},
                         guard->describe() + " is corrupt: the partial download was longer "
                                             "than the blob; it was deleted, try again"};
        }
        return std::nullopt;
    };
    ex->onDone = [guard](Status st) {
        if (!guard)
            return;
        guard->m_cancel = nullptr;
        guard->m_abandon = nullptr;
        guard->finish(st ? guard->complete() : st);
    };
    QPointer<Exchange> exchange(ex);
    download->m_cancel = [exchange] {
        if (exchange)
            exchange->cancel();
    };
    download->m_abandon = [exchange] {
        if (exchange)
            exchange->abandon();
    };
    ex->start();
}

// --- tokens ------------------------------------------------------------------------

std::optional<QByteArray> RegistryClient::cachedToken(const QString &host, const QString &scope)
{
    auto it = m_tokens.find(host + u'\n' + scope);
    if (it == m_tokens.end())
        return std::nullopt;
    if (it->second.expiry.hasExpired()) {
        m_tokens.erase(it);
        return std::nullopt;
    }
    return it->second.value;
}

void RegistryClient::fetchToken(const Target &target, const WwwAuthenticate::Challenge &challenge,
                                const QString &scope,
                                const std::optional<RegistryAuth::Credentials> &credentials,
                                bool cacheable, TokenCallback done, bool refresh)
{
    const QString key = target.host + u'\n' + scope;
    if (cacheable && !refresh) {
        if (auto token = cachedToken(target.host, scope)) {
            done(*token);
            return;
        }
    }
    if (cacheable) {
        if (refresh)
            m_tokens.erase(key);
        auto &waiters = m_tokenWaiters[key];
        waiters.push_back(std::move(done));
        if (waiters.size() > 1)
            return; // one request per registry and scope at a time
    }
    auto deliver = [this, key, cacheable,
                    single = cacheable ? TokenCallback() : std::move(done)](Result<QByteArray> r) {
        if (!cacheable) {
            single(r);
            return;
        }
        auto waiters = std::move(m_tokenWaiters[key]);
        m_tokenWaiters.erase(key);
        for (auto &w : waiters)
            w(r);
    };

    QUrl realm(challenge.realm(), QUrl::StrictMode);
    if (!realm.isValid() || realm.host().isEmpty() ||
        (realm.scheme() != u"https"_s && realm.scheme() != u"http"_s)) {
        deliver(fail(ErrorCode::Unauthorized, "registry " + str(target.display) +
                                                  " names an invalid token service \"" +
                                                  str(sanitize(challenge.realm(), 100)) + "\""));
        return;
    }
    const RegistryState &s = state(target.host);
    const QUrl registryUrl(
        (s.scheme == RegistryState::Scheme::Http ? u"http://"_s : u"https://"_s) + target.host +
        u'/');
    const bool sendCredentials = credentials && credentialsGoToRealm(realm, registryUrl);

    // Encode the query ourselves: QUrlQuery leaves '+' as is, which token services
    // read as a space.
    QByteArray query = realm.query(QUrl::FullyEncoded).toLatin1();
    auto add = [&query](const char *name, const QString &value) {
        if (value.isEmpty())
            return;
        if (!query.isEmpty())
            query += '&';
        query += name;
        query += '=';
        query += QUrl::toPercentEncoding(value);
    };
    add("service", challenge.param(u"service"_s));
    add("scope", scope);
    if (const QString extra = challenge.param(u"scope"_s); !extra.isEmpty() && extra != scope)
        add("scope", extra);
    if (sendCredentials)
        add("account", credentials->username);
    QUrl url = realm;
    url.setUserInfo({});
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);

    auto *ex = new Exchange(this);
    ex->kind = Exchange::Kind::TokenService;
    ex->target = target;
    ex->tokenUrl = url;
    if (sendCredentials)
        ex->tokenAuthorization = basicAuthorization(*credentials);
    ex->subject = u"a token"_s + (scope.isEmpty() ? QString() : u" for "_s + scope);

    const std::string registryName = str(target.display);
    const std::string service = str(originOf(realm));
    const std::string forWhat = scope.isEmpty() ? std::string("login") : str(scope);
    const QString user = sendCredentials ? credentials->username : QString();
    const bool withheld = credentials && !sendCredentials;
    ex->describeStatus = [=](int status, const QString &detail) -> std::optional<Error> {
        if (status != 401 && status != 403)
            return std::nullopt;
        const std::string why = detail.isEmpty() ? std::string() : " (" + str(detail) + ")";
        std::string message;
        if (!user.isEmpty())
            message = "registry " + registryName + " refused the credentials of user " + str(user) +
                      " for " + forWhat + ": its token service " + service + " answered HTTP " +
                      std::to_string(status) + why + "; run koker login " + registryName + " again";
        else if (withheld)
            message = "registry " + registryName + " requires authentication for " + forWhat + why +
                      "; its token service " + service +
                      " is neither HTTPS nor the registry itself, so koker did not send your "
                      "saved credentials there";
        else
            message = "registry " + registryName + " requires authentication for " + forWhat + why +
                      "; run koker login " + registryName;
        return Error{ErrorCode::Unauthorized, 0, {}, message};
    };

    auto body = std::make_shared<QByteArray>();
    const qint64 cap = m_options.maxSmallBodySize;
    auto tooLarge = [service, cap] {
        return fail(ErrorCode::LimitExceeded, "the answer of token service " + service +
                                                  " is larger than " + std::to_string(cap) +
                                                  " bytes");
    };
    ex->onResponse = [body, cap, tooLarge](QNetworkReply *reply, int) -> Status {
        body->clear();
        QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > cap)
            return tooLarge();
        return {};
    };
    ex->onData = [body, cap, tooLarge](QByteArrayView chunk) -> Status {
        if (body->size() + chunk.size() > cap)
            return tooLarge();
        body->append(chunk);
        return {};
    };
    ex->onDone = [this, key, cacheable, body, service, registryName,
                  deliver = std::move(deliver)](Status st) mutable {
        if (!st) {
            deliver(std::unexpected(st.error()));
            return;
        }
        QJsonParseError error{};
        QJsonDocument doc = QJsonDocument::fromJson(*body, &error);
        QJsonObject o = doc.object();
        QByteArray token = o.value(u"token"_s).toString().toLatin1();
        if (token.isEmpty())
            token = o.value(u"access_token"_s).toString().toLatin1();
        if (error.error != QJsonParseError::NoError || !doc.isObject() || !validToken(token)) {
            deliver(fail(ErrorCode::Unauthorized, "token service " + service + " of registry " +
                                                      registryName + " sent no usable token"));
            return;
        }
        // The spec's default lifetime is 60 s; keep a few seconds of margin so a
        // token does not expire between our check and the registry's.
        double expiresIn = o.value(u"expires_in"_s).toDouble(60);
        qint64 lifetimeMs = static_cast<qint64>(std::clamp(expiresIn, 1.0, 86400.0) * 1000);
        if (lifetimeMs > 30000)
            lifetimeMs -= 10000;
        if (cacheable)
            m_tokens[key] = Token{token, QDeadlineTimer(lifetimeMs)};
        deliver(token);
    };
    ex->start();
}

// --- login -------------------------------------------------------------------------

void RegistryClient::verifyCredentials(const QString &registry,
                                       const RegistryAuth::Credentials &credentials,
                                       QObject *context, StatusCallback done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto deliver = [this, guard, hasContext, done = std::move(done)](Status st) {
        // Always asynchronous, also for an early error.
        QMetaObject::invokeMethod(
            this,
            [guard, hasContext, done, st] {
                if (hasContext && !guard)
                    return;
                done(st);
            },
            Qt::QueuedConnection);
    };
    const QString display = RegistryAuth::normalizeRegistry(registry);
    if (display.isEmpty()) {
        deliver(fail(ErrorCode::InvalidArgument,
                     "\"" + str(registry.left(100)) + "\" is not a registry host"));
        return;
    }
    if (Status st = RegistryAuth::validate(credentials); !st) {
        deliver(st);
        return;
    }
    auto *ex = new Exchange(this);
    ex->target = Target{hostForRegistry(display), display};
    ex->path = u"/v2/"_s;
    ex->credentials = credentials;
    ex->subject = u"login"_s;
    ex->notFoundMessage = display + u" does not look like a container registry (GET /v2/ "
                                    u"answered 404)"_s;
    ex->onDone = std::move(deliver);
    ex->start();
}

void RegistryClient::login(const QString &registry, const RegistryAuth::Credentials &credentials,
                           const RegistryAuth &store, QObject *context, StatusCallback done)
{
    verifyCredentials(registry, credentials, context,
                      [this, registry, credentials, store, done = std::move(done)](Status st) {
                          if (st)
                              st = store.store(registry, credentials);
                          if (st) {
                              // Later requests use the new credentials.
                              const QString host = hostForRegistry(registry);
                              RegistryState &s = state(host);
                              s.credentialsLoaded = false;
                              s.credentials.reset();
                              for (auto it = m_tokens.begin(); it != m_tokens.end();)
                                  it = it->first.startsWith(host + u'\n') ? m_tokens.erase(it)
                                                                          : std::next(it);
                          }
                          done(st);
                      });
}

} // namespace koker
