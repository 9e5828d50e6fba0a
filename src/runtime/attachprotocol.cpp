#include "attachprotocol.h"

#include "wire.h"

#include <sys/socket.h>

#include <cstring>

namespace koker::attach {

static Status sendRaw(int fd, Msg type, std::string_view payload, int passFd)
{
    if (payload.size() > kMaxPayload)
        return fail(ErrorCode::LimitExceeded, "attach message too large");
    char typeByte = static_cast<char>(type);
    iovec iov[2] = {{&typeByte, 1}, {const_cast<char *>(payload.data()), payload.size()}};
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = payload.empty() ? 1 : 2;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    if (passFd >= 0) {
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(c), &passFd, sizeof(int));
    }
    for (;;) {
        if (::sendmsg(fd, &msg, MSG_NOSIGNAL) >= 0)
            return {};
        if (errno != EINTR)
            return failErrno("send on attach socket");
    }
}

Status send(int fd, Msg type, std::string_view payload)
{
    return sendRaw(fd, type, payload, -1);
}

Status sendFd(int fd, Msg type, int passFd, std::string_view payload)
{
    return sendRaw(fd, type, payload, passFd);
}

Result<Message> receive(int fd)
{
    std::string buf(kMaxMessage, '\0');
    iovec iov{buf.data(), buf.size()};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 4)] = {};
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t n;
    for (;;) {
        n = ::recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
        if (n >= 0 || errno != EINTR)
            break;
    }
    if (n < 0)
        return failErrno("receive on attach socket");
    Message out;
    // Take ownership of every passed fd first, so none leaks on an error below.
    UniqueFd extra[4];
    int count = 0;
    for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
            continue;
        size_t fds = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < fds && count < 4; ++i) {
            int passed;
            std::memcpy(&passed, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            extra[count++].reset(passed);
        }
    }
    if (n == 0)
        return fail(ErrorCode::NotFound, "attach socket closed");
    if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC))
        return fail(ErrorCode::Corrupt, "attach message too large");
    out.type = static_cast<Msg>(buf[0]);
    out.payload.assign(buf.data() + 1, static_cast<size_t>(n - 1));
    if (count > 0)
        out.fd = std::move(extra[0]);
    return out;
}

std::string encodeResize(uint16_t rows, uint16_t cols)
{
    wire::Writer w;
    w.raw(&rows, sizeof rows);
    w.raw(&cols, sizeof cols);
    return w.data();
}

std::string encodeExit(const ExitStatus &status)
{
    wire::Writer w;
    w.i32(status.code);
    w.i32(status.signal);
    w.u8(status.oomKilled ? 1 : 0);
    return w.data();
}

bool decodeExit(std::string_view payload, ExitStatus &status)
{
    wire::Reader r(payload);
    status.code = r.i32();
    status.signal = r.i32();
    status.oomKilled = r.u8() != 0;
    return r.ok();
}

} // namespace koker::attach
