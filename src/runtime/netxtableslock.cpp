#include "netxtableslock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <time.h>

#include <cstdlib>

namespace koker::net {

std::string XtablesLock::defaultPath()
{
    // secure_getenv: a setuid-ish caller must not let the environment pick a file.
    const char *env = ::secure_getenv("XTABLES_LOCKFILE");
    if (env && *env)
        return env;
    return "/run/xtables.lock";
}

Result<XtablesLock> XtablesLock::acquire(const std::string &path, int timeoutMs)
{
    // Same open as iptables' xtables_lock(): create 0600, never follow a symlink.
    UniqueFd fd(::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd)
        return std::unexpected(
            withContext(failErrno("open the xtables lock " + path).error(),
                        "cannot serialize with iptables (is /run writable and are we root?)"));
    timespec start{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (true) {
        if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0)
            return XtablesLock(std::move(fd));
        if (errno != EWOULDBLOCK && errno != EINTR)
            return failErrno("lock " + path);
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        long elapsedMs =
            (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        if (elapsedMs >= timeoutMs)
            return fail(ErrorCode::LimitExceeded,
                        "another program (iptables, firewalld, docker...) has held " + path +
                            " for more than " + std::to_string(timeoutMs) +
                            " ms; try again, or find it with `fuser -v " + path + "`");
        // 10 ms: short enough that 20 writers queue quickly, long enough not to spin.
        timespec pause{0, 10 * 1000 * 1000};
        ::nanosleep(&pause, nullptr);
    }
}

} // namespace koker::net
