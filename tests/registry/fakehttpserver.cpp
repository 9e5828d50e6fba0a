#include "fakehttpserver.h"

#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtNetwork/QSslServer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

using namespace Qt::Literals::StringLiterals;

FakeHttpServer::FakeHttpServer(const QHostAddress &address, QObject *parent)
    : QObject(parent)
    , m_address(address)
{}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::listen()
{
    if (m_tls) {
        auto *tls = new QSslServer(this);
        tls->setSslConfiguration(*m_tls);
        m_server = tls;
    } else {
        m_server = new QTcpServer(this);
    }
    // A TLS connection is pending only after its handshake, without newConnection().
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &FakeHttpServer::onNewConnection);
    return m_server->listen(m_address, 0);
}

QString FakeHttpServer::authority() const
{
    return m_address.toString() + u':' + QString::number(m_server->serverPort());
}

QString FakeHttpServer::origin() const
{
    return (m_tls ? u"https://"_s : u"http://"_s) + authority();
}

void FakeHttpServer::reset()
{
    m_requests.clear();
    m_maxInFlight = 0;
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    while (true) {
        // Not HTTP (a TLS ClientHello): hang up, as a plain HTTP server would.
        if (!buffer.isEmpty() && !(buffer[0] >= 'A' && buffer[0] <= 'Z')) {
            buffer.clear();
            socket->abort();
            return;
        }
        qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.remove(0, end + 4);
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3) {
            socket->abort();
            return;
        }
        Request request;
        request.method = requestLine[0];
        request.target = requestLine[1];
        for (qsizetype i = 1; i < lines.size(); ++i) {
            qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        // The registry client only sends GET and HEAD: no request bodies.
        m_requests.append(request);
        ++m_inFlight;
        m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
        Response response = m_handler ? m_handler(request) : Response{404, {}, {}, 0, false};
        if (response.delayMs > 0) {
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(response.delayMs, this, [this, guard, request, response] {
                --m_inFlight;
                if (guard)
                    respond(guard, request, response);
            });
            return; // later requests on this connection wait for the answer
        }
        --m_inFlight;
        respond(socket, request, response);
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void FakeHttpServer::respond(QTcpSocket *socket, const Request &request, const Response &response)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\n";
    bool hasLength = false;
    for (const auto &[name, value] : response.headers) {
        out += name + ": " + value + "\r\n";
        hasLength |= name.compare("Content-Length", Qt::CaseInsensitive) == 0;
    }
    if (response.chunked)
        out += "Connection: close\r\n";
    else if (!hasLength)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "\r\n";
    if (request.method != "HEAD")
        out += response.body;
    socket->write(out);
    if (response.chunked)
        socket->disconnectFromHost();
    else if (!m_buffers.value(socket).isEmpty())
        QTimer::singleShot(0, socket, [this, socket] { onReadyRead(socket); });
}
