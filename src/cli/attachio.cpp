#include "attachio.h"

#include "runtime/uniquefd.h"

#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <string>

namespace koker::cli {

namespace {

// Puts the caller's terminal in raw mode for the life of the object.
class RawTerminal
{
public:
    explicit RawTerminal(int fd)
        : m_fd(fd)
    {
        if (::tcgetattr(fd, &m_saved) == 0) {
            termios raw = m_saved;
            ::cfmakeraw(&raw);
            m_active = ::tcsetattr(fd, TCSANOW, &raw) == 0;
        }
    }
    ~RawTerminal()
    {
        if (m_active)
            ::tcsetattr(m_fd, TCSANOW, &m_saved);
    }
    RawTerminal(const RawTerminal &) = delete;
    RawTerminal &operator=(const RawTerminal &) = delete;

private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

void writeAll(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        p += w;
        n -= static_cast<size_t>(w);
    }
}

void sendSize(int controlFd)
{
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 ||
        ::ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0) {
        if (ws.ws_row && ws.ws_col)
            (void)attach::send(controlFd, attach::Msg::Resize,
                               attach::encodeResize(ws.ws_row, ws.ws_col));
    }
}

constexpr int kShielded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

} // namespace

sigset_t SignalShield::signals()
{
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kShielded)
        sigaddset(&set, sig);
    return set;
}

SignalShield::SignalShield(std::function<void()> beforeDelivery)
    : m_beforeDelivery(std::move(beforeDelivery))
{
    sigset_t set = signals();
    ::sigprocmask(SIG_BLOCK, &set, &m_old);
}

SignalShield::~SignalShield()
{
    if (m_beforeDelivery && interrupted())
        m_beforeDelivery();
    ::sigprocmask(SIG_SETMASK, &m_old, nullptr);
}

bool SignalShield::interrupted()
{
    sigset_t pending;
    sigemptyset(&pending);
    ::sigpending(&pending);
    for (int sig : kShielded) {
        if (sigismember(&pending, sig))
            return true;
    }
    return false;
}

std::optional<std::string> askOnTerminal()
{
    sigset_t set = SignalShield::signals();
    sigset_t old;
    ::sigprocmask(SIG_BLOCK, &set, &old);
    UniqueFd sfd(::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK));
    std::optional<std::string> line;
    std::string text;
    for (;;) {
        pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {sfd.get(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[1].revents) {
            // Taken from the queue to wake us; put back, so that the one who
            // holds the shield still dies of it.
            signalfd_siginfo si{};
            if (::read(sfd.get(), &si, sizeof si) == sizeof si)
                ::raise(static_cast<int>(si.ssi_signo));
            break;
        }
        char c;
        if (::read(STDIN_FILENO, &c, 1) <= 0)
            break;
        if (c == '\n') {
            line = std::move(text);
            break;
        }
        if (text.size() < 4096)
            text += c;
    }
    sfd.reset();
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    return line;
}

AttachOutcome relayAttach(int controlFd, const AttachSettings &s)
{
    AttachOutcome outcome;
    const bool terminal = s.tty && ::isatty(STDIN_FILENO);
    std::optional<RawTerminal> raw;
    if (terminal && s.stdinOpen)
        raw.emplace(STDIN_FILENO);
    sigset_t mask, old;
    sigemptyset(&mask);
    sigaddset(&mask, SIGWINCH);
    if (!s.tty) {
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2})
            sigaddset(&mask, sig);
    }
    ::sigprocmask(SIG_BLOCK, &mask, &old);
    int sfd = ::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    if (s.tty)
        sendSize(controlFd);

    bool stdinOpen = s.stdinOpen;
    int detachState = 0; // saw Ctrl-P
    for (;;) {
        pollfd fds[3] = {{controlFd, POLLIN, 0}, {sfd, POLLIN, 0}, {-1, POLLIN, 0}};
        if (stdinOpen)
            fds[2].fd = STDIN_FILENO;
        if (::poll(fds, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[1].revents) {
            signalfd_siginfo si{};
            while (::read(sfd, &si, sizeof si) == sizeof si) {
                if (si.ssi_signo == SIGWINCH)
                    sendSize(controlFd);
                else if (s.forwardSignal)
                    s.forwardSignal(static_cast<int>(si.ssi_signo));
            }
        }
        if (fds[2].revents) {
            char buf[16384];
            ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0) {
                stdinOpen = false;
                (void)attach::send(controlFd, attach::Msg::CloseInput);
            } else {
                std::string data(buf, static_cast<size_t>(n));
                if (terminal) {
                    // Docker's detach keys: Ctrl-P then Ctrl-Q.
                    for (size_t i = 0; i < data.size(); ++i) {
                        if (detachState == 1 && data[i] == 0x11) {
                            (void)attach::send(controlFd, attach::Msg::Detach);
                            outcome.kind = AttachOutcome::Detached;
                            goto done;
                        }
                        detachState = data[i] == 0x10 ? 1 : 0;
                    }
                }
                for (size_t off = 0; off < data.size(); off += attach::kMaxPayload)
                    (void)attach::send(controlFd, attach::Msg::Input,
                                       std::string_view(data).substr(off, attach::kMaxPayload));
            }
        }
        if (fds[0].revents) {
            auto msg = attach::receive(controlFd);
            if (!msg)
                break;
            if (msg->type == attach::Msg::Output && !msg->payload.empty()) {
                int fd = msg->payload[0] == 2 ? STDERR_FILENO : STDOUT_FILENO;
                writeAll(fd, msg->payload.data() + 1, msg->payload.size() - 1);
            } else if (msg->type == attach::Msg::Exit) {
                if (attach::decodeExit(msg->payload, outcome.status))
                    outcome.kind = AttachOutcome::Exited;
                break;
            }
        }
    }
done:
    if (sfd >= 0)
        ::close(sfd);
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    return outcome;
}

} // namespace koker::cli
