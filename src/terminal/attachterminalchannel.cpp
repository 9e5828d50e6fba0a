#include "terminal/attachterminalchannel.h"

#include "runtime/attachprotocol.h"
#include "runtime/wire.h"

#include <QtCore/QPointer>
#include <QtCore/QSocketNotifier>

#include <fcntl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

// Output bytes taken per notification before going back to the event loop: about
// 10 ms of parsing, like FdTerminalChannel. The monitor queues the rest for us (and
// drops a client only when that queue passes its cap, which painting at 60 frames a
// second with this budget stays far below).
constexpr qsizetype ReadBudget = 256 * 1024;
// ... and at most this many messages, so a stream of one-byte messages (a program
// writing a character at a time) costs a bounded number of syscalls per turn too.
constexpr int MessageBudget = 1024;

constexpr auto msg(attach::Msg type)
{
    return static_cast<uint8_t>(type);
}

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

AttachTerminalChannel::AttachTerminalChannel(UniqueFd fd, QObject *parent)
    : TerminalChannel(parent)
    , m_fd(std::move(fd))
{
    if (!m_fd.valid()) {
        m_state = State::Lost;
        m_lostReason = u"no attach socket"_s;
        return;
    }
    const int flags = ::fcntl(m_fd.get(), F_GETFL);
    if (flags >= 0)
        ::fcntl(m_fd.get(), F_SETFL, flags | O_NONBLOCK);
    // One byte more than the largest valid message, so an oversized one shows as
    // MSG_TRUNC instead of being silently cut to size.
    m_readBuffer.resize(qsizetype(attach::kMaxMessage) + 1);

    m_readNotifier = std::make_unique<QSocketNotifier>(m_fd.get(), QSocketNotifier::Read);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this,
            &AttachTerminalChannel::readAvailable);
    m_writeNotifier = std::make_unique<QSocketNotifier>(m_fd.get(), QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this,
            &AttachTerminalChannel::flushOutgoing);
}

AttachTerminalChannel::~AttachTerminalChannel()
{
    // Notifiers go before the fd they watch.
    m_readNotifier.reset();
    m_writeNotifier.reset();
}

void AttachTerminalChannel::sendHello(uint32_t flags)
{
    wire::Writer w;
    w.u32(flags);
    queueMessage(msg(attach::Msg::Hello), QByteArray::fromStdString(w.data()));
}

void AttachTerminalChannel::write(const QByteArray &bytes)
{
    if (!m_fd.valid() || bytes.isEmpty())
        return;
    constexpr qsizetype cap = qsizetype(attach::kMaxPayload);
    qsizetype offset = 0;
    // Top up an Input still waiting in the queue first: a user typing into a
    // container that is not reading then costs one message per 64 KiB, not one per key.
    if (!m_outgoing.isEmpty() && uint8_t(m_outgoing.last().at(0)) == msg(attach::Msg::Input)) {
        QByteArray &last = m_outgoing.last();
        const qsizetype room = cap - (last.size() - 1);
        const qsizetype take = std::min(room, bytes.size());
        last.append(bytes.constData(), take);
        offset = take;
    }
    for (; offset < bytes.size(); offset += cap) {
        const qsizetype take = std::min(cap, bytes.size() - offset);
        QByteArray message;
        message.reserve(take + 1);
        message.append(char(msg(attach::Msg::Input)));
        message.append(bytes.constData() + offset, take);
        m_outgoing.append(std::move(message));
    }
    flushOutgoing();
}

void AttachTerminalChannel::resize(int rows, int columns)
{
    if (!m_fd.valid())
        return;
    // The monitor ignores sizes outside 1..9999; clamp so a huge window still fits.
    const auto clamp = [](int v) { return uint16_t(std::clamp(v, 1, 9999)); };
    const QByteArray payload =
        QByteArray::fromStdString(attach::encodeResize(clamp(rows), clamp(columns)));
    // Only the newest size matters: a Resize not sent yet is replaced, not followed.
    m_outgoing.removeIf(
        [](const QByteArray &m) { return uint8_t(m.at(0)) == msg(attach::Msg::Resize); });
    queueMessage(msg(attach::Msg::Resize), payload);
}

void AttachTerminalChannel::closeInput()
{
    queueMessage(msg(attach::Msg::CloseInput), {});
}

void AttachTerminalChannel::detach()
{
    if (!m_fd.valid())
        return;
    // Best effort, never blocking: what the socket takes now is sent, Detach last.
    // A monitor that does not get it sees EOF, which means the same to it.
    queueMessage(msg(attach::Msg::Detach), {});
    m_state = State::Detached;
    close();
}

void AttachTerminalChannel::close()
{
    if (m_state == State::Open)
        m_state = State::Closed;
    dropNotifier(m_readNotifier);
    dropNotifier(m_writeNotifier);
    m_outgoing.clear();
    m_fd.reset();
}

qsizetype AttachTerminalChannel::pendingBytes() const
{
    qsizetype total = 0;
    for (const QByteArray &m : m_outgoing)
        total += m.size();
    return total;
}

void AttachTerminalChannel::queueMessage(uint8_t type, const QByteArray &payload)
{
    if (!m_fd.valid())
        return;
    QByteArray message;
    message.reserve(payload.size() + 1);
    message.append(char(type));
    message.append(payload);
    m_outgoing.append(std::move(message));
    flushOutgoing();
}

void AttachTerminalChannel::flushOutgoing()
{
    while (m_fd.valid() && !m_outgoing.isEmpty()) {
        const QByteArray &m = m_outgoing.first();
        // MSG_NOSIGNAL: a monitor that went away must not kill the studio with SIGPIPE.
        const ssize_t n =
            ::send(m_fd.get(), m.constData(), size_t(m.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) {
            m_outgoing.removeFirst();
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (m_writeNotifier)
                m_writeNotifier->setEnabled(true);
            return;
        }
        // EPIPE/ECONNRESET: the monitor is gone. Do not finish here: its Exit may
        // still be waiting to be read, and the read side will see the end.
        m_outgoing.clear();
        break;
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
}

void AttachTerminalChannel::readAvailable()
{
    if (!m_fd.valid())
        return;
    QByteArray output;
    bool gotExit = false;
    QString lost;
    for (int messages = 0; messages < MessageBudget && output.size() < ReadBudget; ++messages) {
        // No control buffer: the monitor never passes fds to clients, and the kernel
        // closes any that come anyway (MSG_CTRUNC) instead of leaking them to us.
        const ssize_t n = ::recv(m_fd.get(), m_readBuffer.data(), size_t(m_readBuffer.size()),
                                 MSG_DONTWAIT | MSG_TRUNC);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            lost = QString::fromLocal8Bit(std::strerror(errno));
            break;
        }
        if (n == 0) {
            lost = u"the monitor closed the connection without an exit status"_s;
            break;
        }
        if (n > m_readBuffer.size() - 1) {
            lost = u"oversized message from the monitor"_s;
            break;
        }
        const auto type = uint8_t(m_readBuffer.at(0));
        const char *payload = m_readBuffer.constData() + 1;
        const qsizetype size = qsizetype(n) - 1;
        if (type == msg(attach::Msg::Output)) {
            // Stream byte: 1 stdout, 2 stderr; a terminal shows both. Unknown
            // streams are skipped, as readers of a versioned protocol should.
            if (size >= 1 && (payload[0] == 1 || payload[0] == 2))
                output.append(payload + 1, size - 1);
        } else if (type == msg(attach::Msg::Exit)) {
            attach::ExitStatus status;
            if (!attach::decodeExit(std::string_view(payload, size_t(size)), status)) {
                lost = u"malformed exit message from the monitor"_s;
                break;
            }
            m_exitCode = status.code;
            m_exitSignal = status.signal;
            m_oomKilled = status.oomKilled;
            gotExit = true;
            break;
        }
        // Step, Started, Failed: the engine's business on its control connection;
        // ignored here like any message type this client does not know.
    }
    QPointer<AttachTerminalChannel> guard(this);
    if (!output.isEmpty())
        Q_EMIT received(output);
    if (!guard || !m_fd.valid())
        return;
    if (gotExit)
        finish(State::Exited);
    else if (!lost.isNull())
        finish(State::Lost, lost);
}

void AttachTerminalChannel::finish(State state, const QString &reason)
{
    m_state = state;
    m_lostReason = reason;
    dropNotifier(m_readNotifier);
    dropNotifier(m_writeNotifier);
    m_outgoing.clear();
    m_fd.reset();
    QPointer<AttachTerminalChannel> guard(this);
    if (state == State::Exited) {
        Q_EMIT exited(m_exitCode, m_exitSignal, m_oomKilled);
        if (guard)
            Q_EMIT closed(m_exitCode);
    } else {
        Q_EMIT connectionLost(reason);
        if (guard)
            Q_EMIT closed(-1);
    }
}

} // namespace koker
