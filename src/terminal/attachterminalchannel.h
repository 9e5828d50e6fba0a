#pragma once

// A terminal channel over a container monitor's attach socket (SOCK_SEQPACKET, the
// framed protocol of runtime/attachprotocol.h): what kokerd's Attach and Exec hand
// the studio as an fd. Unlike a pty, every chunk of bytes travels in a message:
// keys leave as Input, the terminal size as Resize, and the program's output comes
// back as Output (stdout and stderr both go to the screen). The monitor ends the
// stream with Exit (code, signal, OOM kill); a stream that ends without one means
// the monitor itself went away, which is told apart as a lost connection.
//
// Everything is non-blocking and driven by QSocketNotifier: messages the socket
// cannot take yet wait in a queue, and reading yields to the event loop after a
// budget so a flood of output cannot freeze the window.

#include "runtime/uniquefd.h"
#include "terminal/terminalchannel.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

#include <cstdint>
#include <memory>

class QSocketNotifier;

namespace koker {

class AttachTerminalChannel final : public TerminalChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachTerminalChannel)

public:
    /// Where the conversation with the monitor stands.
    enum class State
    {
        Open,     // bytes flow
        Exited,   // the monitor sent Exit: exitCode(), exitSignal(), oomKilled() are known
        Lost,     // the socket ended or broke without an Exit (monitor gone, protocol error)
        Detached, // we left with detach(); the container keeps running
        Closed,   // we closed it with close()
    };
    Q_ENUM(State)

    /// Take ownership of a connected attach socket; it is made non-blocking.
    explicit AttachTerminalChannel(UniqueFd fd, QObject *parent = nullptr);
    ~AttachTerminalChannel() override;

    /// Introduce ourselves with attach::HelloFlags; only for a socket we connected
    /// ourselves (kokerd already said Hello on the fds it hands over, and the monitor
    /// honours only the first one).
    void sendHello(uint32_t flags);

    /// Queue bytes as Input messages, split at the protocol's payload cap.
    void write(const QByteArray &bytes) override;
    /// Queue a Resize (a Resize still waiting in the queue is replaced).
    void resize(int rows, int columns) override;
    /// Whether the socket is still ours and open.
    bool isOpen() const override { return m_fd.valid(); }
    /// Drop the socket without a word; closed() is not emitted. The monitor sees EOF.
    void close() override;

    /// Tell the monitor we leave (the container keeps running), then close.
    void detach();
    /// End the program's stdin (no effect on a tty, where Ctrl+D is a byte like others).
    void closeInput();

    /// The current state.
    State state() const { return m_state; }
    /// The exit code from the monitor (128 + signal for a signal), or -1 before Exit.
    int exitCode() const { return m_exitCode; }
    /// The signal that killed the program, 0 if it exited normally or before Exit.
    int exitSignal() const { return m_exitSignal; }
    /// Whether the kernel's OOM killer struck the container.
    bool oomKilled() const { return m_oomKilled; }
    /// Why the connection was lost (English, for logs), empty unless state() is Lost.
    QString lostReason() const { return m_lostReason; }
    /// Bytes of queued messages the socket has not taken yet.
    qsizetype pendingBytes() const;

Q_SIGNALS:
    /// The program ended (emitted just before closed(exitCode)).
    void exited(int exitCode, int signal, bool oomKilled);
    /// The stream ended without an Exit (emitted just before closed(-1)).
    void connectionLost(const QString &reason);

private:
    void queueMessage(uint8_t type, const QByteArray &payload);
    void flushOutgoing();
    void readAvailable();
    void finish(State state, const QString &reason = {});

    UniqueFd m_fd;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    // Whole messages (type byte + payload), oldest first: a SEQPACKET socket takes a
    // message entirely or not at all, so there is no partial offset to keep.
    QList<QByteArray> m_outgoing;
    QByteArray m_readBuffer; // one message at most, reused for every receive
    State m_state = State::Open;
    int m_exitCode = -1;
    int m_exitSignal = 0;
    bool m_oomKilled = false;
    QString m_lostReason;
};

} // namespace koker
