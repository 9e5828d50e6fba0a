#include "monitor.h"

#include "attachprotocol.h"
#include "cgroupdriver.h"
#include "consolelog.h"
#include "containerinit.h"
#include "fsutil.h"
#include "uniquefd.h"
#include "wire.h"

#include <fcntl.h>
#include <linux/filter.h>
#include <linux/sched.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <deque>
#include <memory>
#include <string>

namespace koker {

namespace {

constexpr size_t kClientQueueCap = 4u << 20; // a client this far behind is dropped
constexpr size_t kStdinCap = 1u << 20;

struct Client
{
    UniqueFd fd;
    uint32_t flags = 0;
    std::deque<std::string> queue; // encoded messages waiting for POLLOUT
    size_t queued = 0;
    bool helloSeen = false;
};

void logLine(const LaunchSpec &spec, const std::string &text)
{
    if (spec.stateDir.empty())
        return;
    std::string path = spec.stateDir + "/monitor.log";
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd)
        return;
    std::string line = std::to_string(realtimeNs() / 1000000) + " " + text + "\n";
    (void)!::write(fd.get(), line.data(), line.size());
}

std::string encodeMessage(attach::Msg type, std::string_view payload)
{
    std::string m;
    m.reserve(payload.size() + 1);
    m.push_back(static_cast<char>(type));
    m.append(payload);
    return m;
}

class Monitor
{
public:
    Monitor(const LaunchSpec &spec, int controlFd)
        : m_spec(spec)
        , m_control(controlFd)
    {}
    int run();

private:
    Status prepare();
    Status startChild();
    bool relaySetup(); // false when the child failed before execve
    void loop();
    void finish();

    void sendControl(attach::Msg type, std::string_view payload);
    void broadcastOutput(uint8_t stream, std::string_view data);
    void queueTo(Client &c, std::string msg);
    void flushClient(Client &c);
    void handleClientMessage(size_t index);
    void acceptClients();
    void readOutput(int fd, uint8_t stream, bool &open);
    void writeStdin();
    void dropClient(size_t index);
    bool ownerConnected() const;
    void runExitCommand();

    const LaunchSpec &m_spec;
    UniqueFd m_control;
    UniqueFd m_listen;
    UniqueFd m_sigfd;
    UniqueFd m_syncParent, m_syncChild;
    UniqueFd m_master;                       // terminal
    UniqueFd m_stdinW, m_stdoutR, m_stderrR; // pipes (no terminal)
    UniqueFd m_stdinR, m_stdoutW, m_stderrW; // the child's ends
    std::vector<UniqueFd> m_cgroupFds;       // v1 `tasks` files the child writes itself into
    UniqueFd m_cgroupDir;                    // the cgroup2 directory the child is cloned into
    std::vector<UniqueFd> m_nsFds;
    ChildContext m_ctx;
    ConsoleLogWriter m_log;
    std::vector<Client> m_clients;
    std::string m_stdinBuf;
    bool m_closeStdinWhenDrained = false;
    pid_t m_pid = -1;
    // The container's mount namespace, held from the start to our own exit. If the
    // init held it alone, the kernel would tear it down inside the init's exit,
    // before we are told of it; unmounting the overlay there syncs the file system
    // of the writable layer (a device flush, about 0.7 ms of every `run --rm`
    // here). Held, the teardown runs as we exit, after the exit was reported and
    // while the owner cleans up.
    UniqueFd m_mountNs;
    bool m_exited = false;
    int m_status = 0;
    bool m_outOpen = false, m_errOpen = false;
    std::string m_socketPath;
    std::deque<std::pair<uint8_t, std::string>> m_recent; // the last output, for Replay
    size_t m_recentBytes = 0;
};

void Monitor::sendControl(attach::Msg type, std::string_view payload)
{
    if (m_control)
        (void)attach::send(m_control.get(), type, payload);
}

Status Monitor::prepare()
{
    if (m_spec.process.terminal) {
        // the pty is created by the child in the container's devpts
    } else {
        int in[2], out[2], err[2];
        if (m_spec.process.stdinOpen) {
            if (::pipe2(in, O_CLOEXEC) != 0)
                return failErrno("pipe");
            m_stdinR.reset(in[0]);
            m_stdinW.reset(in[1]);
            ::fcntl(m_stdinW.get(), F_SETFL, O_NONBLOCK);
        } else {
            m_stdinR.reset(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        }
        if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
            return failErrno("pipe");
        m_stdoutR.reset(out[0]);
        m_stdoutW.reset(out[1]);
        m_stderrR.reset(err[0]);
        m_stderrW.reset(err[1]);
        ::fcntl(m_stdoutR.get(), F_SETFL, O_NONBLOCK);
        ::fcntl(m_stderrR.get(), F_SETFL, O_NONBLOCK);
        m_outOpen = m_errOpen = true;
    }
    for (const std::string &path : m_spec.cgroupThreadFiles) {
        UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
        if (!fd)
            return failErrno("open " + path);
        m_ctx.cgroupFds.push_back(fd.get());
        m_cgroupFds.push_back(std::move(fd));
    }
    if (!m_spec.cgroupCloneInto.empty()) {
        m_cgroupDir.reset(
            ::open(m_spec.cgroupCloneInto.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!m_cgroupDir)
            return failErrno("open " + m_spec.cgroupCloneInto);
    }
    if (m_spec.kind == LaunchSpec::Kind::Exec) {
        // Pin the target against pid reuse: its start time must be the one the
        // engine recorded when the container started.
        std::string stat = "/proc/" + std::to_string(m_spec.targetPid) + "/stat";
        auto text = fs::readFile(stat, 4096);
        if (!text)
            return fail(ErrorCode::NotFound, "the container is not running");
        size_t paren = text->rfind(')');
        uint64_t start = 0;
        if (paren != std::string::npos) {
            int field = 2;
            size_t i = paren + 1;
            while (i < text->size() && field < 22) {
                if ((*text)[i] == ' ')
                    ++field;
                ++i;
            }
            start = std::strtoull(text->c_str() + i, nullptr, 10);
        }
        if (m_spec.targetStartTime != 0 && start != m_spec.targetStartTime)
            return fail(ErrorCode::NotFound, "the container's process is gone (pid reused)");
        struct Ns
        {
            const char *name;
            int type;
        };
        // mnt last: after it, paths resolve in the container.
        for (Ns ns :
             {Ns{"ipc", CLONE_NEWIPC}, Ns{"uts", CLONE_NEWUTS}, Ns{"net", CLONE_NEWNET},
              Ns{"pid", CLONE_NEWPID}, Ns{"cgroup", CLONE_NEWCGROUP}, Ns{"mnt", CLONE_NEWNS}}) {
            std::string p = "/proc/" + std::to_string(m_spec.targetPid) + "/ns/" + ns.name;
            UniqueFd fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC));
            if (!fd)
                return failErrno("open " + p);
            m_ctx.nsTypes.push_back(ns.type);
            m_ctx.nsFds.push_back(fd.get());
            m_nsFds.push_back(std::move(fd));
        }
    }
    if (auto st = prepareChildContext(m_ctx, m_spec); !st)
        return st;
    if (!m_spec.confinement.privileged && m_spec.confinement.seccomp) {
        // The engine compiled it (seccompfilter.h); the kernel checks the rest.
        const auto &prog = m_spec.confinement.seccompProgram;
        if (prog.empty() || prog.size() % sizeof(sock_filter) != 0 ||
            prog.size() / sizeof(sock_filter) > BPF_MAXINSNS)
            return fail(ErrorCode::Internal, "the launch spec carries no valid seccomp program (" +
                                                 std::to_string(prog.size()) + " bytes)");
        m_ctx.seccompProgram = prog;
    }
    if (!m_spec.logPath.empty()) {
        if (auto st = m_log.open(m_spec.logPath, m_spec.logMaxBytes); !st)
            return st;
    }
    // The attach socket: root-only (the run dir is 0700 and the socket 0600).
    m_socketPath = m_spec.runDir + "/attach.sock";
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (m_socketPath.size() >= sizeof addr.sun_path)
        return fail(ErrorCode::InvalidArgument, "attach socket path is too long: " + m_socketPath +
                                                    " (use a shorter --runroot)");
    std::memcpy(addr.sun_path, m_socketPath.c_str(), m_socketPath.size() + 1);
    m_listen.reset(::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!m_listen)
        return failErrno("socket");
    ::unlink(m_socketPath.c_str());
    mode_t old = ::umask(0177);
    int rc = ::bind(m_listen.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    ::umask(old);
    if (rc != 0)
        return failErrno("bind " + m_socketPath);
    if (::listen(m_listen.get(), 16) != 0)
        return failErrno("listen " + m_socketPath);
    int sync[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sync) != 0)
        return failErrno("socketpair");
    m_syncParent.reset(sync[0]);
    m_syncChild.reset(sync[1]);
    m_ctx.syncFd = m_syncChild.get();
    m_ctx.stdinFd = m_stdinR.get();
    m_ctx.stdoutFd = m_stdoutW.get();
    m_ctx.stderrFd = m_stderrW.get();
    return {};
}

Status Monitor::startChild()
{
    auto records = planMonitorSteps(m_spec);
    StepRecord &spawn = records[0];
    spawn.pid = ::getpid();
    spawn.state = StepState::Running;
    spawn.startNs = realtimeNs();
    int64_t t0 = monotonicNs();
    // Born in the cgroup2 directory (no migration later); the child moves itself
    // into the v1 hierarchies as its first step (CgroupJoin says why).
    clone_args args{};
    if (m_spec.kind == LaunchSpec::Kind::Init) {
        args.flags = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID;
        if (m_spec.netMode == NetMode::Loopback)
            args.flags |= CLONE_NEWNET;
    }
    if (m_cgroupDir) {
        args.flags |= CLONE_INTO_CGROUP;
        args.cgroup = static_cast<uint64_t>(m_cgroupDir.get());
    }
    args.exit_signal = SIGCHLD;
    long pid = ::syscall(SYS_clone3, &args, sizeof args);
    if (pid == 0)
        runChild(m_ctx);
    m_pid = static_cast<pid_t>(pid);
    int cloneErr = errno;
    spawn.durationNs = monotonicNs() - t0;
    if (m_pid < 0) {
        spawn.state = StepState::Failed;
        spawn.err = cloneErr;
        sendControl(attach::Msg::Step, {reinterpret_cast<char *>(&spawn), sizeof spawn});
        return failErrno("create the container process", cloneErr);
    }
    spawn.state = StepState::Done;
    if (m_spec.kind == LaunchSpec::Kind::Init) {
        const std::string ns = "/proc/" + std::to_string(m_pid) + "/ns/mnt";
        m_mountNs.reset(::open(ns.c_str(), O_RDONLY | O_CLOEXEC));
    }
    spawn.setMessage("host pid " + std::to_string(m_pid));
    sendControl(attach::Msg::Step, {reinterpret_cast<char *>(&spawn), sizeof spawn});
    // The child's ends belong to the child now.
    m_syncChild.reset();
    m_stdinR.reset();
    m_stdoutW.reset();
    m_stderrW.reset();

    m_cgroupFds.clear();
    m_cgroupDir.reset();
    // In step-through mode the child waits for this before its first step, so that
    // its gates follow ours.
    if (m_spec.stepThrough) {
        char go = 1;
        (void)!::write(m_syncParent.get(), &go, 1);
    }
    return {};
}

bool Monitor::relaySetup()
{
    StepRecord last{};
    bool failed = false;
    for (;;) {
        auto msg = attach::receive(m_syncParent.get());
        if (!msg)
            break; // end of stream: execve() closed the child's end, or it died
        if (msg->type == static_cast<attach::Msg>(kChildConsoleMessage)) {
            m_master = std::move(msg->fd);
            if (m_master)
                ::fcntl(m_master.get(), F_SETFL, O_NONBLOCK);
            m_outOpen = m_master.valid();
            continue;
        }
        if (msg->type != attach::Msg::Step || msg->payload.size() != sizeof(StepRecord))
            continue;
        std::memcpy(&last, msg->payload.data(), sizeof last);
        sendControl(attach::Msg::Step, msg->payload);
        if (last.state == StepState::Failed)
            failed = true;
        if (last.state == StepState::Planned && m_spec.stepThrough) {
            // Step-through: the engine decides whether the child goes on.
            char answer = 0;
            for (;;) {
                auto reply = attach::receive(m_control.get());
                if (!reply)
                    break;
                if (reply->type == attach::Msg::Gate && !reply->payload.empty()) {
                    answer = reply->payload[0] ? 1 : 0;
                    break;
                }
            }
            (void)!::write(m_syncParent.get(), &answer, 1);
        }
    }
    m_syncParent.reset();
    bool execReached =
        !failed && std::strcmp(last.key, "process.exec") == 0 && last.state == StepState::Running;
    if (!execReached) {
        int status = 0;
        ::kill(m_pid, SIGKILL);
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        std::string text = !failed ? std::string("the container process died during setup")
                           : last.message[0] ? std::string(last.title) + ": " + last.message
                                             : std::string(last.title);
        wire::Writer w;
        w.i32(static_cast<int32_t>(failed ? ErrorCode::System : ErrorCode::Internal));
        w.i32(last.err);
        w.i32(last.seq);
        w.str(text);
        int code = 125;
        if (failed && std::strcmp(last.key, "process.exec") == 0)
            code = (last.err == ENOENT || last.err == ENOTDIR) ? 127 : 126;
        w.i32(code);
        // Log first: once the engine hears of the failure it removes the state
        // directory, and a late write would recreate a file in it.
        logLine(m_spec, "setup failed: " + text);
        sendControl(attach::Msg::Failed, w.data());
        return false;
    }
    wire::Writer w;
    w.i32(m_pid);
    sendControl(attach::Msg::Started, w.data());
    return true;
}

void Monitor::queueTo(Client &c, std::string msg)
{
    if (c.queue.empty()) {
        ssize_t n = ::send(c.fd.get(), msg.data(), msg.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n >= 0)
            return;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            c.fd.reset();
            return;
        }
    }
    c.queued += msg.size();
    c.queue.push_back(std::move(msg));
    if (c.queued > kClientQueueCap)
        c.fd.reset(); // too slow: drop it rather than stall the container
}

void Monitor::flushClient(Client &c)
{
    while (!c.queue.empty() && c.fd) {
        const std::string &m = c.queue.front();
        ssize_t n = ::send(c.fd.get(), m.data(), m.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                c.fd.reset();
            return;
        }
        c.queued -= m.size();
        c.queue.pop_front();
    }
}

void Monitor::broadcastOutput(uint8_t stream, std::string_view data)
{
    m_log.write(stream, data);
    m_recent.emplace_back(stream, std::string(data));
    m_recentBytes += data.size();
    while (m_recentBytes > attach::kReplayBytes && m_recent.size() > 1) {
        m_recentBytes -= m_recent.front().second.size();
        m_recent.pop_front();
    }
    for (size_t off = 0; off < data.size(); off += attach::kMaxPayload - 1) {
        std::string payload(1, static_cast<char>(stream));
        payload.append(data.substr(off, attach::kMaxPayload - 1));
        std::string msg = encodeMessage(attach::Msg::Output, payload);
        for (Client &c : m_clients) {
            if (c.fd && (c.flags & attach::WantOutput))
                queueTo(c, msg);
        }
    }
}

void Monitor::readOutput(int fd, uint8_t stream, bool &open)
{
    char buf[65536];
    for (int rounds = 0; rounds < 16; ++rounds) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            broadcastOutput(stream, {buf, static_cast<size_t>(n)});
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        open = false; // EOF, or EIO once every holder of the pty slave is gone
        return;
    }
}

void Monitor::writeStdin()
{
    int fd = m_master ? m_master.get() : m_stdinW.get();
    while (!m_stdinBuf.empty() && fd >= 0) {
        ssize_t n = ::write(fd, m_stdinBuf.data(), m_stdinBuf.size());
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return;
            m_stdinBuf.clear();
            m_stdinW.reset();
            return;
        }
        m_stdinBuf.erase(0, static_cast<size_t>(n));
    }
    if (m_stdinBuf.empty() && m_closeStdinWhenDrained)
        m_stdinW.reset();
}

void Monitor::handleClientMessage(size_t index)
{
    Client &c = m_clients[index];
    auto msg = attach::receive(c.fd.get());
    if (!msg) {
        c.fd.reset();
        return;
    }
    switch (msg->type) {
    case attach::Msg::Hello: {
        // The first Hello decides (kokerd sends it before handing the socket to an
        // unprivileged client, which must not be able to widen its own rights).
        if (c.helloSeen)
            break;
        wire::Reader r(msg->payload);
        uint32_t flags = r.u32();
        // Only the engine's control connection may claim ownership.
        c.flags = flags & (attach::WantInput | attach::WantOutput);
        c.helloSeen = true;
        if ((flags & attach::Replay) && (c.flags & attach::WantOutput)) {
            for (const auto &[stream, data] : m_recent) {
                std::string payload(1, static_cast<char>(stream));
                payload.append(data);
                queueTo(c, encodeMessage(attach::Msg::Output, payload));
            }
        }
        break;
    }
    case attach::Msg::Input:
        if (!(c.flags & attach::WantInput))
            break;
        if (m_stdinBuf.size() + msg->payload.size() > kStdinCap)
            break; // the container is not reading; drop rather than grow forever
        m_stdinBuf += msg->payload;
        writeStdin();
        break;
    case attach::Msg::Resize:
        if (m_master && msg->payload.size() == 4) {
            uint16_t rows, cols;
            std::memcpy(&rows, msg->payload.data(), 2);
            std::memcpy(&cols, msg->payload.data() + 2, 2);
            if (rows > 0 && cols > 0 && rows < 10000 && cols < 10000) {
                winsize ws{};
                ws.ws_row = rows;
                ws.ws_col = cols;
                ::ioctl(m_master.get(), TIOCSWINSZ, &ws);
            }
        }
        break;
    case attach::Msg::CloseInput:
        if ((c.flags & attach::WantInput) && !m_master) {
            m_closeStdinWhenDrained = true;
            writeStdin();
        }
        break;
    case attach::Msg::Detach:
        c.fd.reset();
        break;
    default:
        c.fd.reset(); // a client speaking anything else is not ours
        break;
    }
}

void Monitor::acceptClients()
{
    for (;;) {
        int fd = ::accept4(m_listen.get(), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0)
            return;
        Client c;
        c.fd.reset(fd);
        // Only root can reach the socket; still, check the peer explicitly.
        ucred cred{};
        socklen_t len = sizeof cred;
        if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.uid != 0)
            continue;
        c.flags = attach::WantOutput;
        if (m_clients.size() < 64)
            m_clients.push_back(std::move(c));
    }
}

bool Monitor::ownerConnected() const
{
    for (const Client &c : m_clients) {
        if (c.fd && (c.flags & attach::Owner))
            return true;
    }
    return false;
}

void Monitor::loop()
{
    // The control connection becomes the first attach client: the engine that
    // started us, which cleans up itself if it is still there at the end.
    Client owner;
    owner.fd = std::move(m_control);
    owner.flags =
        (m_spec.ownerCleansUp ? attach::Owner : 0u) | attach::WantOutput | attach::WantInput;
    owner.helloSeen = true;
    m_clients.push_back(std::move(owner));

    int64_t drainDeadline = 0;
    for (;;) {
        std::vector<pollfd> pfds;
        enum Kind
        {
            Sig,
            Listen,
            Out,
            Err,
            In,
            Cli
        };
        std::vector<std::pair<Kind, size_t>> kinds;
        auto add = [&](int fd, short events, Kind k, size_t i = 0) {
            pfds.push_back({fd, events, 0});
            kinds.push_back({k, i});
        };
        add(m_sigfd.get(), POLLIN, Sig);
        if (!m_exited)
            add(m_listen.get(), POLLIN, Listen);
        int outFd = m_master ? m_master.get() : m_stdoutR.get();
        if (m_outOpen && outFd >= 0)
            add(outFd, POLLIN, Out);
        if (m_errOpen && m_stderrR)
            add(m_stderrR.get(), POLLIN, Err);
        if (!m_stdinBuf.empty() && (m_master || m_stdinW))
            add(m_master ? m_master.get() : m_stdinW.get(), POLLOUT, In);
        for (size_t i = 0; i < m_clients.size(); ++i) {
            if (!m_clients[i].fd)
                continue;
            short ev = POLLIN;
            if (!m_clients[i].queue.empty())
                ev |= POLLOUT;
            add(m_clients[i].fd.get(), ev, Cli, i);
        }
        int timeout = -1;
        if (m_exited) {
            bool outputDone = !m_outOpen && !m_errOpen;
            if (outputDone || monotonicNs() > drainDeadline)
                return;
            timeout = 50;
        }
        int n = ::poll(pfds.data(), pfds.size(), timeout);
        if (n < 0 && errno != EINTR)
            return;
        for (size_t i = 0; i < pfds.size() && n > 0; ++i) {
            if (!pfds[i].revents)
                continue;
            auto [kind, index] = kinds[i];
            switch (kind) {
            case Sig: {
                signalfd_siginfo si{};
                while (::read(m_sigfd.get(), &si, sizeof si) == sizeof si) {
                }
                int status = 0;
                pid_t r;
                while ((r = ::waitpid(-1, &status, WNOHANG)) > 0) {
                    if (r == m_pid) {
                        m_exited = true;
                        m_status = status;
                        // The pid namespace is gone with its init; what the process
                        // wrote last is still in the pipe or pty: drain it briefly.
                        drainDeadline = monotonicNs() + 500'000'000;
                    }
                }
                break;
            }
            case Listen:
                acceptClients();
                break;
            case Out:
                readOutput(pfds[i].fd, 1, m_outOpen);
                break;
            case Err:
                readOutput(pfds[i].fd, 2, m_errOpen);
                break;
            case In:
                writeStdin();
                break;
            case Cli:
                if (pfds[i].revents & POLLOUT)
                    flushClient(m_clients[index]);
                if (m_clients[index].fd && (pfds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    handleClientMessage(index);
                break;
            }
        }
        // Forget clients that went away.
        std::erase_if(m_clients, [](const Client &c) { return !c.fd; });
    }
}

void Monitor::finish()
{
    attach::ExitStatus status;
    if (WIFEXITED(m_status)) {
        status.code = WEXITSTATUS(m_status);
    } else if (WIFSIGNALED(m_status)) {
        status.signal = WTERMSIG(m_status);
        status.code = 128 + status.signal;
    }
    for (const std::string &path : m_spec.oomFiles) {
        auto text = fs::readFile(path, 65536);
        if (!text)
            continue;
        size_t at = text->find("oom_kill ");
        if (at != std::string::npos && std::strtoll(text->c_str() + at + 9, nullptr, 10) > 0)
            status.oomKilled = true;
    }
    std::string exitText = "exitCode=" + std::to_string(status.code) +
                           "\nsignal=" + std::to_string(status.signal) +
                           "\noomKilled=" + (status.oomKilled ? "1" : "0") +
                           "\nfinishedAt=" + std::to_string(realtimeNs()) + "\n";
    if (!m_spec.exitFile.empty()) {
        if (auto st = fs::writeFileAtomic(m_spec.exitFile, exitText, 0600, false); !st)
            logLine(m_spec, "cannot write exit file: " + st.error().describe());
    }
    ::unlink(m_socketPath.c_str());
    if (m_spec.kind == LaunchSpec::Kind::Exec)
        ::rmdir(m_spec.runDir.c_str()); // an exec's directory is its own
    // Nobody who started the container is left to clean up: do what podman's
    // conmon does and run the engine's cleanup command -- before telling the
    // attached clients, so that when `run --rm` through kokerd returns, the
    // container is gone.
    if (!ownerConnected() && !m_spec.exitCommand.empty())
        runExitCommand();
    std::string exitMsg = encodeMessage(attach::Msg::Exit, attach::encodeExit(status));
    for (Client &c : m_clients) {
        if (!c.fd)
            continue;
        // Blocking now: the last output and the exit status must arrive.
        int flags = ::fcntl(c.fd.get(), F_GETFL);
        ::fcntl(c.fd.get(), F_SETFL, flags & ~O_NONBLOCK);
        for (const std::string &m : c.queue)
            ::send(c.fd.get(), m.data(), m.size(), MSG_NOSIGNAL);
        ::send(c.fd.get(), exitMsg.data(), exitMsg.size(), MSG_NOSIGNAL);
    }
    m_clients.clear();
}

void Monitor::runExitCommand()
{
    pid_t pid = ::fork();
    if (pid == 0) {
        int devnull = ::open("/dev/null", O_RDWR);
        if (devnull >= 0) {
            ::dup2(devnull, 0);
            ::dup2(devnull, 1);
            ::dup2(devnull, 2);
        }
        std::vector<char *> argv;
        for (const auto &a : m_spec.exitCommand)
            argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    if (pid > 0) {
        int st = 0;
        while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            logLine(m_spec, "cleanup command failed");
    }
}

int Monitor::run()
{
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    m_sigfd.reset(::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK));
    if (auto st = prepare(); !st) {
        wire::Writer w;
        w.i32(static_cast<int32_t>(st.error().code));
        w.i32(st.error().sysErrno);
        w.i32(0);
        w.str(st.error().message);
        w.i32(125);
        sendControl(attach::Msg::Failed, w.data());
        return 1;
    }
    if (auto st = startChild(); !st) {
        wire::Writer w;
        w.i32(static_cast<int32_t>(st.error().code));
        w.i32(st.error().sysErrno);
        w.i32(0);
        w.str(st.error().message);
        w.i32(125);
        sendControl(attach::Msg::Failed, w.data());
        return 1;
    }
    if (!relaySetup())
        return 1;
    loop();
    finish();
    return 0;
}

} // namespace

std::vector<StepRecord> planMonitorSteps(const LaunchSpec &spec)
{
    std::vector<StepRecord> out;
    StepRecord spawn;
    spawn.phase = Phase::Namespace;
    spawn.side = Side::Host;
    if (spec.kind == LaunchSpec::Kind::Init) {
        std::string flags = "CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID";
        if (spec.netMode == NetMode::Loopback)
            flags += "|CLONE_NEWNET";
        const std::string into =
            spec.cgroupCloneInto.empty()
                ? std::string()
                : "|CLONE_INTO_CGROUP, .cgroup = open(\"" + spec.cgroupCloneInto + "\")";
        spawn.setKey("ns.clone");
        spawn.setTitle("Create the container's process in new namespaces");
        spawn.setOp("clone3({.flags = " + flags + into + ", .exit_signal = SIGCHLD})");
        spawn.setShell(std::string("unshare --mount --uts --ipc --pid --fork") +
                       (spec.netMode == NetMode::Loopback ? " --net" : ""));
        out.push_back(spawn);
    } else {
        spawn.setKey("process.fork");
        spawn.setTitle("Fork the process that will join the container");
        spawn.setOp(spec.cgroupCloneInto.empty()
                        ? std::string("fork()")
                        : "clone3({.flags = CLONE_INTO_CGROUP, .cgroup = open(\"" +
                              spec.cgroupCloneInto + "\"), .exit_signal = SIGCHLD})");
        spawn.setShell("(a subshell)");
        out.push_back(spawn);
    }
    uint32_t seq = spec.firstSeq - static_cast<uint32_t>(out.size());
    for (auto &r : out)
        r.seq = seq++;
    return out;
}

int runMonitor(const LaunchSpec &spec, int controlFd)
{
    // A peer that goes away must not kill the monitor with SIGPIPE (sends use
    // MSG_NOSIGNAL, writes to pipes may not), and the terminal it came from must
    // not reach it either. runChild() resets all of this for the container.
    ::signal(SIGPIPE, SIG_IGN);
    ::signal(SIGHUP, SIG_IGN);
    ::signal(SIGINT, SIG_IGN);
    ::signal(SIGTTOU, SIG_IGN);
    ::signal(SIGTTIN, SIG_IGN);
    ::signal(SIGTSTP, SIG_IGN);
    Monitor m(spec, controlFd);
    return m.run();
}

Result<ExitRecord> readExitFile(const std::string &path)
{
    auto text = fs::readFile(path, 4096);
    if (!text)
        return std::unexpected(text.error());
    ExitRecord r;
    size_t pos = 0;
    while (pos < text->size()) {
        size_t nl = text->find('\n', pos);
        if (nl == std::string::npos)
            nl = text->size();
        std::string line = text->substr(pos, nl - pos);
        pos = nl + 1;
        size_t eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        std::string key = line.substr(0, eq);
        long long value = std::strtoll(line.c_str() + eq + 1, nullptr, 10);
        if (key == "exitCode")
            r.exitCode = static_cast<int>(value);
        else if (key == "signal")
            r.signal = static_cast<int>(value);
        else if (key == "oomKilled")
            r.oomKilled = value != 0;
        else if (key == "finishedAt")
            r.finishedAtNs = value;
    }
    return r;
}

} // namespace koker
