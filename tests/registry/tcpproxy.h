#pragma once

// A TCP forwarder in front of the real registry, to break downloads on purpose:
// it can cut a connection after N bytes of the registry's answer (an interrupted
// download) and rewrite bytes the client sends (a "Range:" header the registry
// must not see, so it answers 200 instead of 206, like a server without ranges).

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>

class QTcpServer;
class QTcpSocket;

class TcpProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpProxy)

public:
    TcpProxy(QString upstreamHost, quint16 upstreamPort, QObject *parent = nullptr);
    ~TcpProxy() override;

    bool listen();
    /// "127.0.0.1:PORT"
    QString authority() const;

    /// Cut the next `times` connections whose answer exceeds `bytes` after `bytes`.
    void setCut(qint64 bytes, int times)
    {
        m_cutAfter = bytes;
        m_cutsLeft = times;
    }
    /// Replace `from` by `to` (same length) in what clients send.
    void setRewrite(const QByteArray &from, const QByteArray &to)
    {
        m_from = from;
        m_to = to;
    }
    int cuts() const { return m_cuts; }

private:
    void onNewConnection();

    QString m_upstreamHost;
    quint16 m_upstreamPort;
    QTcpServer *m_server;
    qint64 m_cutAfter = -1;
    int m_cutsLeft = 0;
    int m_cuts = 0;
    QByteArray m_from;
    QByteArray m_to;
};
