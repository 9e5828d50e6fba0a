// koker-bench-seccomp-load: how long the kernel takes to install koker's seccomp
// filter, laid out as a list (libseccomp's default, how runc builds it) and as a
// binary tree (how koker builds it). Each load happens in a fresh child, as in a
// container's start; the two layouts take turns, and each child times its own
// seccomp(2) call with CLOCK_MONOTONIC.
//
// Usage: koker-bench-seccomp-load [--runs N]      (prints medians in ms)

#include "engine/containerservice.h"
#include "runtime/seccompfilter.h"

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

int64_t nowNs()
{
    timespec t{};
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// One load in a forked child; its duration in ns, or -1.
int64_t timedLoad(std::vector<char> &program)
{
    int p[2];
    if (::pipe(p) != 0)
        return -1;
    pid_t pid = ::fork();
    if (pid == 0) {
        ::close(p[0]);
        sock_fprog prog{static_cast<unsigned short>(program.size() / sizeof(sock_filter)),
                        reinterpret_cast<sock_filter *>(program.data())};
        int64_t d = -1;
        if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0) {
            const int64_t t0 = nowNs();
            if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0)
                d = nowNs() - t0;
        }
        (void)!::write(p[1], &d, sizeof d);
        ::_exit(0);
    }
    ::close(p[1]);
    int64_t d = -1;
    if (pid < 0 || ::read(p[0], &d, sizeof d) != sizeof d)
        d = -1;
    ::close(p[0]);
    if (pid > 0)
        ::waitpid(pid, nullptr, 0);
    return d;
}

double medianMs(std::vector<int64_t> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : double(v[v.size() / 2]) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    int runs = 300;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::max(1, std::atoi(argv[i + 1]));
    }
    const uint64_t caps = koker::defaultCapabilities();
    auto list = koker::buildSeccompProgram(caps, koker::SeccompLayout::List);
    auto tree = koker::buildSeccompProgram(caps, koker::SeccompLayout::Tree);
    if (!list || !tree) {
        std::fprintf(stderr, "koker-bench-seccomp-load: %s\n",
                     (!list ? list.error() : tree.error()).describe().c_str());
        return 1;
    }
    std::vector<int64_t> listNs, treeNs;
    for (int i = 0; i < runs; ++i) {
        const int64_t a = timedLoad(*list), b = timedLoad(*tree);
        if (a < 0 || b < 0) {
            std::fprintf(stderr, "koker-bench-seccomp-load: seccomp(2) failed\n");
            return 1;
        }
        listNs.push_back(a);
        treeNs.push_back(b);
    }
    std::printf("seccomp filter load, median of %d (instructions)\n", runs);
    std::printf("list (libseccomp's default, runc) %8.3f ms  (%zu)\n", medianMs(listNs),
                list->size() / sizeof(sock_filter));
    std::printf("tree (koker)                      %8.3f ms  (%zu)\n", medianMs(treeNs),
                tree->size() / sizeof(sock_filter));
    return 0;
}
