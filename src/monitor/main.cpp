// koker-monitor: one per container process; see src/runtime/monitor.h.
//
//   koker-monitor --spec-fd N --control-fd M
//
// Started by the engine (spawnMonitor), never by hand. It reads its LaunchSpec
// from fd N, detaches (fork + setsid) so it outlives the engine, and reports on
// fd M.

#include "runtime/launchspec.h"
#include "runtime/monitor.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char **argv)
{
    int specFd = -1;
    int controlFd = -1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--spec-fd") == 0)
            specFd = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--control-fd") == 0)
            controlFd = std::atoi(argv[i + 1]);
    }
    if (specFd < 3 || controlFd < 3) {
        const char msg[] = "koker-monitor is started by koker and kokerd, not by hand\n";
        (void)!::write(2, msg, sizeof msg - 1);
        return 2;
    }
    std::string data;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(specFd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        data.append(buf, static_cast<size_t>(n));
        if (data.size() > (64u << 20))
            return 2;
    }
    ::close(specFd);
    auto spec = koker::LaunchSpec::decode(data);
    if (!spec)
        return 2;
    ::fcntl(controlFd, F_SETFD, FD_CLOEXEC);
    pid_t pid = ::fork();
    if (pid < 0)
        return 1;
    if (pid > 0)
        ::_exit(0);
    ::setsid();
    if (::chdir("/") != 0)
        return 1;
    return koker::runMonitor(*spec, controlFd);
}
