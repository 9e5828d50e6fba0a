#pragma once

// The container side of starting a process: what runs between clone3() and
// execve(). Everything here is prepared by the monitor *before* the clone (strings,
// pointer arrays, step records), so the child itself only makes syscalls and
// copies bytes: it is async-signal-safe, as the code after fork() in a process
// that may have had threads must be.
//
// The child reports each step over a SOCK_SEQPACKET socket as a fixed-size
// StepRecord; a failed step is reported with its errno and the child exits. The
// socket is close-on-exec, so a successful execve() shows up as end-of-stream.

#include "launchspec.h"
#include "step.h"

#include <string>
#include <vector>

namespace koker {

enum class ChildOp : uint8_t
{
    StdStreams,      // dup2 the monitor's pipes onto 0, 1, 2 (no terminal)
    JoinNetns,       // setns(netns file, CLONE_NEWNET)
    LoopbackUp,      // ioctl(SIOCSIFFLAGS, lo, IFF_UP) in a fresh network namespace
    UnshareCgroupns, // unshare(CLONE_NEWCGROUP): the cgroup we were put in becomes "/"
    MountPrivate,    // mount(NULL, "/", NULL, MS_REC|MS_PRIVATE)
    MountOverlay,    // the root file system
    MountProc,
    MountSys,
    MountDev,
    MakeDevices,
    MountDevpts,
    MountShm,
    MountMqueue,
    MountTmp,
    BindHosts,
    BindResolv,
    BindHostname,
    BindVolume, // arg = index into spec.volumes
    PivotRoot,
    MaskPaths,
    ReadOnlyPaths,
    SetHostname,
    Console,     // open a pty in the container's own devpts (TIOCGPTPEER)
    MakeWorkdir, // mkdir -p the working directory when missing
    DropBounding,
    SetUser,
    Capabilities,
    NoNewPrivs,
    Seccomp,
    Chdir,
    Exec,
    // exec mode
    JoinNamespaces, // setns() into each of the target's namespaces
    JoinCgroupSelf, // write "0" (ourselves) into each v1 `tasks` file
    ForkIntoPidns,  // the second fork that lands in the target's pid namespace
};

struct ChildStep
{
    ChildOp op;
    int arg = 0;
    StepRecord record;
};

/// The steps the child will take for `spec`, in order, numbered from spec.firstSeq
/// (+ `offset`). The engine calls this too, to show the plan before it runs.
std::vector<ChildStep> planChildSteps(const LaunchSpec &spec, uint32_t offset = 0);

/// What the monitor prepares before clone3(); the child only reads it.
struct ChildContext
{
    const LaunchSpec *spec = nullptr;
    std::vector<ChildStep> steps;
    int syncFd = -1; // child's end of the SOCK_SEQPACKET pair
    int stdinFd = -1, stdoutFd = -1, stderrFd = -1;
    // exec mode: the target's namespace fds, opened before the clone
    std::vector<int> nsFds;
    std::vector<int> nsTypes;
    // the v1 `tasks` files the child writes "0" to (JoinCgroupSelf)
    std::vector<int> cgroupFds;
    // Prepared strings and arrays (no allocation after the clone).
    std::string overlayData;
    std::vector<const char *> argv;
    std::vector<const char *> envp;
    std::vector<std::string> envStore;
    std::string pathValue;            // PATH for the command lookup
    char homeBuf[4200] = {};          // "HOME=..." filled in from the container's /etc/passwd
    int homeEnvIndex = -1;            // index in envp to fill, -1 when HOME was given
    std::vector<char> seccompProgram; // sock_filter array built by the monitor
    std::string execTarget;           // for error messages: args[0]
};

/// Fill a context from a spec (allocates; call before clone).
Status prepareChildContext(ChildContext &ctx, const LaunchSpec &spec);

/// Run the child side; never returns (execve or _exit). Async-signal-safe.
[[noreturn]] void runChild(ChildContext &ctx) noexcept;

/// Message type byte the child uses for its reports (matches attach::Msg::Step).
inline constexpr char kChildStepMessage = 20;
/// The console master travels with this type (matches attach::Msg::Console).
inline constexpr char kChildConsoleMessage = 25;

} // namespace koker
