#pragma once

// A scripted HTTP/1.1 server on a loopback address, for the registry behaviours a
// real docker-registry will not show on demand: bearer token services, redirects to
// storage on another host, 429 with Retry-After, schema 1, oversized manifests.
// Each request goes to a handler that returns the response; the server records
// every request and the largest number answered at once (for the concurrency cap).
// Anything that is not HTTP (the client's TLS probe) closes the connection.

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QSslConfiguration>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

class FakeHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeHttpServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray target;                    // path and query as sent
        QMap<QByteArray, QByteArray> headers; // names lowercase
        QByteArray path() const
        {
            return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
        }
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    struct Response
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;      // answer later (keeps the request "in flight")
        bool chunked = false; // no Content-Length: close the connection to end
    };

    using Handler = std::function<Response(const Request &)>;

    explicit FakeHttpServer(const QHostAddress &address = QHostAddress::LocalHost,
                            QObject *parent = nullptr);
    ~FakeHttpServer() override;

    /// Speak HTTPS with this certificate (call before listen()).
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    /// Listen on a port the kernel picks; false if the address cannot be bound.
    bool listen();
    /// "127.0.0.1:PORT"
    QString authority() const;
    /// "http://127.0.0.1:PORT" (https:// with TLS)
    QString origin() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    QList<Request> requests() const { return m_requests; }
    int maxInFlight() const { return m_maxInFlight; }
    void reset();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Request &request, const Response &response);

    QHostAddress m_address;
    std::optional<QSslConfiguration> m_tls;
    QTcpServer *m_server = nullptr;
    Handler m_handler;
    QList<Request> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};
