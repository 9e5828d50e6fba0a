#include "terminal/fdterminalchannel.h"

#include <QtCore/QPointer>
#include <QtCore/QSocketNotifier>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

namespace koker {

namespace {

constexpr qsizetype ReadChunk = 64 * 1024;
// Bytes read per notification before going back to the event loop: about 10 ms of
// parsing, so a program that floods the terminal cannot starve painting and input.
constexpr qsizetype ReadBudget = 256 * 1024;

// Notifiers are dropped from inside their own activated() signal: let the event loop
// delete them, disabled first so they never fire on the fd we are about to close.
void dropNotifier(std::unique_ptr<QSocketNotifier> &notifier)
{
    if (!notifier)
        return;
    notifier->setEnabled(false);
    notifier.release()->deleteLater();
}

} // namespace

FdTerminalChannel::FdTerminalChannel(UniqueFd fd, QObject *parent)
    : TerminalChannel(parent)
    , m_fd(std::move(fd))
{
    if (!m_fd.valid())
        return;
    const int flags = ::fcntl(m_fd.get(), F_GETFL);
    if (flags >= 0)
        ::fcntl(m_fd.get(), F_SETFL, flags | O_NONBLOCK);
    struct stat st
    {};
    m_isSocket = ::fstat(m_fd.get(), &st) == 0 && S_ISSOCK(st.st_mode);

    m_readNotifier = std::make_unique<QSocketNotifier>(m_fd.get(), QSocketNotifier::Read);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this,
            &FdTerminalChannel::readAvailable);
    m_writeNotifier = std::make_unique<QSocketNotifier>(m_fd.get(), QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this,
            &FdTerminalChannel::flushOutgoing);
}

FdTerminalChannel::~FdTerminalChannel()
{
    // Notifiers go before the fds they watch.
    m_readNotifier.reset();
    m_writeNotifier.reset();
    m_exitNotifier.reset();
}

bool FdTerminalChannel::watchProcess(pid_t pid)
{
    // A pidfd, not SIGCHLD: a signal handler is process-wide and belongs to the
    // application, while a pidfd is ours alone and fits in the event loop.
    // The raw syscall: glibc 2.36's <sys/pidfd.h> lacks extern "C" for C++.
    const int pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
    if (pidfd < 0)
        return false;
    m_pidfd.reset(pidfd);
    m_pid = pid;
    m_exitNotifier = std::make_unique<QSocketNotifier>(pidfd, QSocketNotifier::Read);
    connect(m_exitNotifier.get(), &QSocketNotifier::activated, this, &FdTerminalChannel::reapChild);
    return true;
}

void FdTerminalChannel::write(const QByteArray &bytes)
{
    if (!m_fd.valid() || m_hungUp || bytes.isEmpty())
        return;
    m_outgoing.append(bytes);
    flushOutgoing();
}

void FdTerminalChannel::flushOutgoing()
{
    while (m_fd.valid() && m_outgoingOffset < m_outgoing.size()) {
        const char *data = m_outgoing.constData() + m_outgoingOffset;
        const size_t size = size_t(m_outgoing.size() - m_outgoingOffset);
        // MSG_NOSIGNAL: a peer that closed its socket must not kill us with SIGPIPE.
        const ssize_t n = m_isSocket ? ::send(m_fd.get(), data, size, MSG_NOSIGNAL)
                                     : ::write(m_fd.get(), data, size);
        if (n > 0) {
            m_outgoingOffset += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_writeNotifier->setEnabled(true);
            return;
        }
        // EIO/EPIPE: the other side is gone; drop what is queued.
        m_outgoing.clear();
        m_outgoingOffset = 0;
        break;
    }
    m_outgoing.clear();
    m_outgoingOffset = 0;
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
}

void FdTerminalChannel::readAvailable()
{
    QByteArray data;
    bool eof = false;
    while (data.size() < ReadBudget) {
        const qsizetype used = data.size();
        data.resize(used + ReadChunk);
        const ssize_t n = ::read(m_fd.get(), data.data() + used, size_t(ReadChunk));
        if (n > 0) {
            data.resize(used + n);
            continue;
        }
        data.resize(used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        // 0 is EOF on a socket; a pty master reports EIO once every slave fd is closed.
        eof = true;
        break;
    }
    QPointer<FdTerminalChannel> guard(this);
    if (!data.isEmpty())
        Q_EMIT received(data);
    if (guard && eof)
        hangUp();
}

void FdTerminalChannel::hangUp()
{
    m_hungUp = true;
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    finishIfDone();
}

void FdTerminalChannel::reapChild()
{
    int status = 0;
    const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
    if (r == 0)
        return; // spurious wakeup: still running
    if (r == m_pid) {
        if (WIFEXITED(status))
            m_exitCode = WEXITSTATUS(status);
        else if (WIFSIGNALED(status))
            m_exitCode = 128 + WTERMSIG(status); // the shell's convention
    }
    m_exited = true;
    dropNotifier(m_exitNotifier);
    m_pidfd.reset();
    if (!m_fd.valid())
        return; // closed by us: reaped quietly
    // The child may have left background jobs holding the pty open, so we do not
    // wait for EOF: drain what is already there and report the exit.
    if (!m_hungUp) {
        QPointer<FdTerminalChannel> guard(this);
        readAvailable();
        if (!guard)
            return;
        m_hungUp = true;
    }
    finishIfDone();
}

void FdTerminalChannel::finishIfDone()
{
    if (m_closedEmitted || !m_hungUp || (m_pidfd.valid() && !m_exited))
        return;
    m_closedEmitted = true;
    const int exitCode = m_exitCode;
    close();
    Q_EMIT closed(exitCode);
}

void FdTerminalChannel::resize(int rows, int columns)
{
    if (!m_fd.valid() || m_isSocket)
        return;
    struct winsize ws
    {};
    ws.ws_row = static_cast<unsigned short>(rows);
    ws.ws_col = static_cast<unsigned short>(columns);
    // ENOTTY for anything but a pty master: such channels carry no size.
    ::ioctl(m_fd.get(), TIOCSWINSZ, &ws);
}

void FdTerminalChannel::close()
{
    dropNotifier(m_readNotifier);
    dropNotifier(m_writeNotifier);
    m_outgoing.clear();
    m_outgoingOffset = 0;
    m_fd.reset();
    // A watched child keeps its pidfd notifier so it is still reaped when it exits.
}

} // namespace koker
