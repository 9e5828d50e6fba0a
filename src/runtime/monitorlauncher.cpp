#include "monitorlauncher.h"

#include "fsutil.h"
#include "wire.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

extern char **environ;

namespace koker {

Result<UniqueFd> spawnMonitor(const std::string &monitorPath, const LaunchSpec &spec)
{
    // The spec travels in a memfd: no size limit, nothing on disk, and sealed so
    // it cannot change under the monitor.
    UniqueFd specFd(::memfd_create("koker-launch-spec", MFD_CLOEXEC | MFD_ALLOW_SEALING));
    if (!specFd)
        return failErrno("memfd_create");
    std::string encoded = spec.encode();
    for (size_t done = 0; done < encoded.size();) {
        ssize_t n = ::write(specFd.get(), encoded.data() + done, encoded.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("write launch spec");
        }
        done += static_cast<size_t>(n);
    }
    ::fcntl(specFd.get(), F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
    ::lseek(specFd.get(), 0, SEEK_SET);
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
        return failErrno("socketpair");
    UniqueFd ours(pair[0]);
    UniqueFd theirs(pair[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    // dup2 clears close-on-exec on the copy; the sources are >= 3 and differ from
    // the targets because we dup them high first.
    UniqueFd specHigh(::fcntl(specFd.get(), F_DUPFD_CLOEXEC, 10));
    UniqueFd sockHigh(::fcntl(theirs.get(), F_DUPFD_CLOEXEC, 10));
    posix_spawn_file_actions_adddup2(&actions, specHigh.get(), 3);
    posix_spawn_file_actions_adddup2(&actions, sockHigh.get(), 4);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    const char *argv[] = {monitorPath.c_str(), "--spec-fd", "3", "--control-fd", "4", nullptr};
    const char *envp[] = {"PATH=/usr/sbin:/usr/bin:/sbin:/bin", nullptr};
    pid_t pid = -1;
    int rc = posix_spawn(&pid, monitorPath.c_str(), &actions, &attr,
                         const_cast<char *const *>(argv), const_cast<char *const *>(envp));
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        return failErrno("start the container monitor " + monitorPath, rc);
    // The monitor forks at once and its first process exits: reap it here, so
    // the long-lived one is nobody's zombie-to-be (it is re-parented to init).
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail(ErrorCode::System, "the container monitor " + monitorPath + " failed to start");
    return ours;
}

std::expected<MonitorStart, MonitorFailure>
waitForStart(UniqueFd control, const StepObserver &observer, const StepGate &gate)
{
    for (;;) {
        auto msg = attach::receive(control.get());
        if (!msg) {
            return std::unexpected(MonitorFailure{
                Error{ErrorCode::Internal, 0, {}, "the container monitor exited unexpectedly"},
                125});
        }
        switch (msg->type) {
        case attach::Msg::Step: {
            if (msg->payload.size() != sizeof(StepRecord))
                break;
            StepRecord rec;
            std::memcpy(&rec, msg->payload.data(), sizeof rec);
            rec.terminate();
            if (rec.state == StepState::Planned) {
                bool go = gate ? gate(rec) : true;
                char answer = go ? 1 : 0;
                (void)attach::send(control.get(), attach::Msg::Gate, {&answer, 1});
                break;
            }
            if (observer)
                observer(rec);
            break;
        }
        case attach::Msg::Started: {
            wire::Reader r(msg->payload);
            MonitorStart start;
            start.pid = r.i32();
            start.control = std::move(control);
            return start;
        }
        case attach::Msg::Failed: {
            wire::Reader r(msg->payload);
            MonitorFailure f;
            f.error.code = static_cast<ErrorCode>(r.i32());
            f.error.sysErrno = r.i32();
            r.i32(); // seq of the failed step
            f.error.message = r.str();
            f.exitCode = r.i32();
            if (!r.ok())
                f.exitCode = 125;
            return std::unexpected(f);
        }
        default:
            break;
        }
    }
}

pid_t parentPid(pid_t pid)
{
    auto text = fs::readFile("/proc/" + std::to_string(pid) + "/stat", 4096);
    if (!text)
        return 0;
    size_t paren = text->rfind(')');
    if (paren == std::string::npos || paren + 4 >= text->size())
        return 0;
    // ") S <ppid> ..."
    return static_cast<pid_t>(std::strtol(text->c_str() + paren + 4, nullptr, 10));
}

uint64_t processStartTime(pid_t pid)
{
    auto text = fs::readFile("/proc/" + std::to_string(pid) + "/stat", 4096);
    if (!text)
        return 0;
    size_t paren = text->rfind(')');
    if (paren == std::string::npos)
        return 0;
    // A zombie (or a dying task) is gone for our purposes: nobody may have reaped
    // it yet when its parent was killed and init does not reap.
    if (paren + 2 < text->size() && ((*text)[paren + 2] == 'Z' || (*text)[paren + 2] == 'X'))
        return 0;
    int field = 2;
    size_t i = paren + 1;
    while (i < text->size() && field < 22) {
        if ((*text)[i] == ' ')
            ++field;
        ++i;
    }
    return std::strtoull(text->c_str() + i, nullptr, 10);
}

} // namespace koker
