#pragma once

// A terminal channel over one file descriptor: a pty master (a local shell, or a
// console fd received over D-Bus) or a connected stream socket. Reads and writes are
// non-blocking and driven by QSocketNotifier; writes the fd cannot take yet wait in
// an outgoing buffer. Optionally it watches the child process behind the fd through
// a pidfd, so closed() can report the real exit status.

#include "runtime/uniquefd.h"
#include "terminal/terminalchannel.h"

#include <QtCore/QByteArray>

#include <sys/types.h>

#include <memory>

class QSocketNotifier;

namespace koker {

class FdTerminalChannel final : public TerminalChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FdTerminalChannel)

public:
    /// Take ownership of a pty master or connected socket; it is made non-blocking.
    explicit FdTerminalChannel(UniqueFd fd, QObject *parent = nullptr);
    ~FdTerminalChannel() override;

    /// Also watch (and reap) this child; closed() then waits for it and carries its status.
    bool watchProcess(pid_t pid);

    void write(const QByteArray &bytes) override;
    void resize(int rows, int columns) override;
    bool isOpen() const override { return m_fd.valid(); }
    void close() override;

    /// The descriptor (-1 once closed), e.g. to query TIOCGWINSZ.
    int fd() const { return m_fd.get(); }
    /// Bytes queued for the program that the fd did not accept yet.
    qsizetype pendingBytes() const { return m_outgoing.size() - m_outgoingOffset; }

private:
    void readAvailable();
    void flushOutgoing();
    void reapChild();
    void hangUp();
    void finishIfDone();

    UniqueFd m_fd;
    UniqueFd m_pidfd;
    pid_t m_pid = -1;
    bool m_isSocket = false;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    std::unique_ptr<QSocketNotifier> m_exitNotifier;
    QByteArray m_outgoing;
    qsizetype m_outgoingOffset = 0;
    bool m_hungUp = false; // EOF/EIO seen on the fd
    bool m_exited = false; // the watched child was reaped
    int m_exitCode = -1;
    bool m_closedEmitted = false;
};

} // namespace koker
