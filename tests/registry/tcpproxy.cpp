#include "tcpproxy.h"

#include <QtCore/QPointer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <memory>

using namespace Qt::Literals::StringLiterals;

TcpProxy::TcpProxy(QString upstreamHost, quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstreamHost(std::move(upstreamHost))
    , m_upstreamPort(upstreamPort)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
}

TcpProxy::~TcpProxy() = default;

bool TcpProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString TcpProxy::authority() const
{
    return u"127.0.0.1:"_s + QString::number(m_server->serverPort());
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        auto forwarded = std::make_shared<qint64>(0);
        auto pending = std::make_shared<QByteArray>();
        QPointer<QTcpSocket> c(client);
        QPointer<QTcpSocket> u(upstream);

        auto closeBoth = [c, u] {
            if (u)
                u->abort();
            if (c) {
                c->abort();
                c->deleteLater();
            }
        };
        connect(client, &QTcpSocket::readyRead, this, [this, c, u, pending] {
            QByteArray data = c->readAll();
            if (!m_from.isEmpty())
                data.replace(m_from, m_to);
            if (u->state() == QAbstractSocket::ConnectedState)
                u->write(data);
            else
                pending->append(data);
        });
        connect(upstream, &QTcpSocket::connected, this, [u, pending] {
            u->write(*pending);
            pending->clear();
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, c, u, forwarded] {
            QByteArray data = u->readAll();
            if (!c || c->state() != QAbstractSocket::ConnectedState)
                return;
            if (m_cutsLeft > 0 && m_cutAfter >= 0 && *forwarded + data.size() > m_cutAfter) {
                c->write(data.left(m_cutAfter - *forwarded));
                *forwarded = m_cutAfter;
                --m_cutsLeft;
                ++m_cuts;
                // Graceful on the client side, so the bytes before the cut arrive.
                u->abort();
                c->disconnectFromHost();
                return;
            }
            *forwarded += data.size();
            c->write(data);
        });
        connect(client, &QTcpSocket::disconnected, this, closeBoth);
        connect(upstream, &QTcpSocket::disconnected, this, [c] {
            if (c)
                c->disconnectFromHost();
        });
        upstream->connectToHost(m_upstreamHost, m_upstreamPort);
    }
}
