#include "containerinit.h"

#include "cgroupdriver.h"

#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace koker {

namespace {

// ---------------------------------------------------------------- planning
// (runs before the clone; may allocate)

std::string joinWords(const std::vector<std::string> &words)
{
    std::string out;
    for (const auto &w : words) {
        if (!out.empty())
            out += ' ';
        out += shellQuote(w);
    }
    return out;
}

constexpr std::string_view kVolatileOption = ",volatile";

// The overlay's mount options. lowerdir holds names relative to the layers dir,
// short enough for many layers in the one page of options. A --rm container's
// writable layer is deleted at its end, so it is mounted volatile (Linux 5.10), as
// Podman does for --rm: the unmount then skips syncing the whole file system under
// upperdir. overlayfs marks the work directory (work/work/incompat/volatile) and
// refuses to mount it again until the mark is gone; the engine's storage.dirs step
// removes it.
std::string overlayMountData(const LaunchSpec &spec)
{
    std::string lower;
    for (const auto &l : spec.lowerDirs) {
        if (!lower.empty())
            lower += ':';
        lower += l;
    }
    std::string data =
        "lowerdir=" + lower + ",upperdir=" + spec.upperDir + ",workdir=" + spec.workDir;
    if (spec.volatileUpper)
        data += kVolatileOption;
    return data;
}

ChildStep makeStep(ChildOp op, Phase phase, std::string_view key, std::string_view title,
                   std::string_view syscallText, std::string_view shell, int arg = 0)
{
    ChildStep s;
    s.op = op;
    s.arg = arg;
    s.record.phase = phase;
    s.record.side = Side::Container;
    s.record.state = StepState::Planned;
    s.record.setKey(key);
    s.record.setTitle(title);
    s.record.setOp(syscallText);
    s.record.setShell(shell);
    return s;
}

const char *const kDefaultMasked[] = {
    "/proc/asound",
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/sys/firmware",
    "/sys/devices/virtual/powercap",
};
const char *const kDefaultReadOnly[] = {
    "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
};

} // namespace

std::vector<ChildStep> planChildSteps(const LaunchSpec &spec, uint32_t offset)
{
    std::vector<ChildStep> steps;
    const std::string &root = spec.rootfs;
    const bool privileged = spec.confinement.privileged;

    // First of all, before it can allocate or fork: the limits hold from here on.
    if (!spec.cgroupThreadFiles.empty()) {
        std::string files;
        for (const auto &f : spec.cgroupThreadFiles)
            files += (files.empty() ? "" : ", ") + f;
        const bool exec = spec.kind == LaunchSpec::Kind::Exec;
        steps.push_back(makeStep(
            ChildOp::JoinCgroupSelf, Phase::Cgroup, exec ? "cgroup.join.exec" : "cgroup.join",
            exec ? "Join the container's cgroups"
                 : "Put the process into its cgroups (before it runs)",
            "write(\"<each>/tasks\", \"0\") /* moves the calling thread, our only one */: " + files,
            "echo 0 > " + spec.cgroupThreadFiles.front() + "  # and every other hierarchy"));
    }
    if (!spec.process.terminal)
        steps.push_back(makeStep(ChildOp::StdStreams, Phase::Process, "process.stdio",
                                 "Connect stdin, stdout and stderr to the monitor",
                                 "dup2(pipe, 0); dup2(pipe, 1); dup2(pipe, 2)",
                                 "cmd <in >out 2>err"));
    if (spec.kind == LaunchSpec::Kind::Exec) {
        steps.push_back(makeStep(ChildOp::JoinNamespaces, Phase::Namespace, "ns.setns",
                                 "Enter the container's namespaces",
                                 "prctl(PR_SET_DUMPABLE, 0); setns(open(\"/proc/" +
                                     std::to_string(spec.targetPid) +
                                     "/ns/{ipc,uts,net,pid,cgroup,mnt}\"), 0)",
                                 "nsenter --target " + std::to_string(spec.targetPid) +
                                     " --ipc --uts --net --pid --cgroup --mount"));
        steps.push_back(makeStep(ChildOp::ForkIntoPidns, Phase::Namespace, "ns.pid.fork",
                                 "Fork into the container's PID namespace",
                                 "fork() /* setns(CLONE_NEWPID) only applies to children */",
                                 "(nsenter forks for you)"));
    } else {
        if (spec.netMode == NetMode::Path)
            steps.push_back(makeStep(ChildOp::JoinNetns, Phase::Namespace, "ns.net.join",
                                     "Join the container's network namespace",
                                     "setns(open(\"" + spec.netnsPath + "\"), CLONE_NEWNET)",
                                     "nsenter --net=" + spec.netnsPath));
        else if (spec.netMode == NetMode::Loopback)
            steps.push_back(makeStep(
                ChildOp::LoopbackUp, Phase::Network, "net.lo.up", "Bring up the loopback interface",
                "ioctl(socket(AF_INET), SIOCSIFFLAGS, {\"lo\", IFF_UP})", "ip link set lo up"));
        steps.push_back(makeStep(ChildOp::MountPrivate, Phase::Storage, "mount.private",
                                 "Stop mount events from leaking to the host",
                                 "mount(NULL, \"/\", NULL, MS_REC|MS_PRIVATE, NULL)",
                                 "mount --make-rprivate /"));
        const std::string data = overlayMountData(spec);
        steps.push_back(
            makeStep(ChildOp::MountOverlay, Phase::Storage, "mount.overlay",
                     "Mount the root file system (overlayfs: image layers + a writable layer)",
                     "chdir(\"" + spec.layersDir + "\"); mount(\"overlay\", \"" + root +
                         "\", \"overlay\", 0, \"" + data + "\")",
                     "cd " + spec.layersDir + " && mount -t overlay overlay -o " +
                         shellQuote(data) + " " + root));
        steps.push_back(makeStep(ChildOp::MountProc, Phase::Storage, "mount.proc",
                                 "Mount /proc for the new PID namespace",
                                 "mount(\"proc\", \"" + root +
                                     "/proc\", \"proc\", MS_NOSUID|MS_NODEV|MS_NOEXEC, NULL)",
                                 "mount -t proc -o nosuid,nodev,noexec proc " + root + "/proc"));
        steps.push_back(
            makeStep(ChildOp::MountSys, Phase::Storage, "mount.sys", "Mount /sys read-only",
                     "mount(\"sysfs\", \"" + root + "/sys\", \"sysfs\", " +
                         (privileged ? "" : "MS_RDONLY|") + "MS_NOSUID|MS_NODEV|MS_NOEXEC, NULL)",
                     "mount -t sysfs -o " + std::string(privileged ? "" : "ro,") +
                         "nosuid,nodev,noexec sysfs " + root + "/sys"));
        steps.push_back(makeStep(ChildOp::MountDev, Phase::Storage, "mount.dev",
                                 "Mount a private /dev (tmpfs)",
                                 "mount(\"tmpfs\", \"" + root +
                                     "/dev\", \"tmpfs\", MS_NOSUID|MS_STRICTATIME, "
                                     "\"mode=755,size=65536k\")",
                                 "mount -t tmpfs -o nosuid,strictatime,mode=755,size=65536k "
                                 "tmpfs " +
                                     root + "/dev"));
        steps.push_back(makeStep(
            ChildOp::MakeDevices, Phase::Storage, "mount.devices",
            "Create the minimal device nodes",
            "mknodat(dev, \"null\", S_IFCHR|0666, makedev(1, 3)), zero (1,5), full (1,7), "
            "random (1,8), urandom (1,9), tty (5,0); symlinkat fd, stdin, stdout, stderr, ptmx",
            "mknod -m 666 " + root + "/dev/null c 1 3  # and zero, full, random, urandom, tty"));
        steps.push_back(
            makeStep(ChildOp::MountDevpts, Phase::Storage, "mount.devpts",
                     "Mount a private pseudo-terminal file system",
                     "mount(\"devpts\", \"" + root +
                         "/dev/pts\", \"devpts\", MS_NOSUID|MS_NOEXEC, "
                         "\"newinstance,ptmxmode=0666,mode=0620,gid=5\")",
                     "mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5 devpts " + root +
                         "/dev/pts"));
        steps.push_back(makeStep(ChildOp::MountShm, Phase::Storage, "mount.shm", "Mount /dev/shm",
                                 "mount(\"shm\", \"" + root +
                                     "/dev/shm\", \"tmpfs\", MS_NOSUID|MS_NODEV|MS_NOEXEC, "
                                     "\"mode=1777,size=65536k\")",
                                 "mount -t tmpfs -o nosuid,nodev,noexec,mode=1777,size=65536k "
                                 "shm " +
                                     root + "/dev/shm"));
        steps.push_back(makeStep(ChildOp::MountMqueue, Phase::Storage, "mount.mqueue",
                                 "Mount the POSIX message queue file system",
                                 "mount(\"mqueue\", \"" + root +
                                     "/dev/mqueue\", \"mqueue\", MS_NOSUID|MS_NODEV|MS_NOEXEC, "
                                     "NULL)",
                                 "mount -t mqueue mqueue " + root + "/dev/mqueue"));
        steps.push_back(makeStep(
            ChildOp::MountTmp, Phase::Storage, "mount.tmp", "Mount /tmp (tmpfs)",
            "mount(\"tmpfs\", \"" + root + "/tmp\", \"tmpfs\", MS_NOSUID|MS_NODEV, \"mode=1777\")",
            "mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs " + root + "/tmp"));
        struct EtcBind
        {
            ChildOp op;
            const std::string &source;
            const char *name;
        };
        for (EtcBind b : {EtcBind{ChildOp::BindHosts, spec.hostsFile, "hosts"},
                          EtcBind{ChildOp::BindResolv, spec.resolvFile, "resolv.conf"},
                          EtcBind{ChildOp::BindHostname, spec.hostnameFile, "hostname"}}) {
            if (b.source.empty())
                continue;
            std::string target = root + "/etc/" + b.name;
            steps.push_back(makeStep(b.op, Phase::Storage, "mount.etc",
                                     std::string("Provide /etc/") + b.name,
                                     "fd = openat2(root, \"etc/" + std::string(b.name) +
                                         "\", O_PATH, RESOLVE_IN_ROOT); mount(\"" + b.source +
                                         "\", \"/proc/self/fd/<fd>\", NULL, MS_BIND, NULL)",
                                     "mount --bind " + b.source + " " + target));
        }
        for (size_t i = 0; i < spec.volumes.size(); ++i) {
            const VolumeSpec &v = spec.volumes[i];
            steps.push_back(makeStep(ChildOp::BindVolume, Phase::Storage, "mount.volume",
                                     "Bind-mount " + v.source + " at " + v.target,
                                     "fd = openat2(root, \"" + v.target +
                                         "\", O_PATH, RESOLVE_IN_ROOT); mount(\"" + v.source +
                                         "\", \"/proc/self/fd/<fd>\", NULL, MS_BIND|MS_REC" +
                                         (v.readOnly ? "|MS_RDONLY" : "") + ", NULL)",
                                     "mount --rbind " + std::string(v.readOnly ? "-o ro " : "") +
                                         v.source + " " + root + v.target,
                                     static_cast<int>(i)));
        }
        steps.push_back(makeStep(
            ChildOp::PivotRoot, Phase::Namespace, "mount.pivot",
            "Switch to the container's root (pivot_root) and detach the host's",
            "chdir(\"" + root + "\"); pivot_root(\".\", \".\"); umount2(\".\", MNT_DETACH)",
            "cd " + root + " && pivot_root . . && umount -l ."));
        if (!privileged) {
            steps.push_back(makeStep(ChildOp::MaskPaths, Phase::Storage, "mount.mask",
                                     "Hide kernel files a container must not read",
                                     "mount(\"/dev/null\", \"/proc/kcore\", NULL, MS_BIND) and "
                                     "tmpfs (ro) over /proc/acpi, /proc/scsi, /sys/firmware, ...",
                                     "mount --bind /dev/null /proc/kcore  # and the others"));
            steps.push_back(makeStep(ChildOp::ReadOnlyPaths, Phase::Storage, "mount.readonly",
                                     "Make /proc/sys and friends read-only",
                                     "mount(p, p, NULL, MS_BIND|MS_REC) + "
                                     "MS_REMOUNT|MS_BIND|MS_RDONLY for /proc/{bus,fs,irq,sys,"
                                     "sysrq-trigger}",
                                     "mount --bind -o ro /proc/sys /proc/sys  # and the others"));
        }
        steps.push_back(makeStep(ChildOp::SetHostname, Phase::Namespace, "ns.uts.hostname",
                                 "Set the hostname (UTS namespace)",
                                 "sethostname(\"" + spec.hostname + "\")",
                                 "hostname " + shellQuote(spec.hostname)));
        // We are in the container's cgroups since our first step: the cgroup we
        // are in becomes the root of our own cgroup namespace.
        steps.push_back(makeStep(ChildOp::UnshareCgroupns, Phase::Namespace, "ns.cgroup",
                                 "Enter a new cgroup namespace (once in the container's cgroups)",
                                 "unshare(CLONE_NEWCGROUP)", "unshare --cgroup"));
    }
    if (spec.process.terminal)
        steps.push_back(
            makeStep(ChildOp::Console, Phase::Process, "process.console",
                     "Open the terminal inside the container's devpts",
                     "open(\"/dev/pts/ptmx\"); ioctl(TIOCSPTLCK, 0); ioctl(TIOCGPTPEER) -> slave; "
                     "sendmsg(SCM_RIGHTS, master); setsid(); ioctl(slave, TIOCSCTTY)",
                     "script -q /dev/null  # a new terminal for the process"));
    steps.push_back(makeStep(ChildOp::MakeWorkdir, Phase::Storage, "process.workdir",
                             "Create the working directory if missing",
                             "mkdirat(root, \"" + spec.process.cwd + "\", 0755) (when missing)",
                             "mkdir -p " + shellQuote(spec.process.cwd)));
    if (!privileged)
        steps.push_back(makeStep(ChildOp::DropBounding, Phase::Process, "process.caps.bounding",
                                 "Drop capabilities from the bounding set",
                                 "prctl(PR_CAPBSET_DROP, cap) for each capability not granted",
                                 "capsh --drop=cap_sys_admin,...  --"));
    std::string user = spec.process.user.empty() ? "root" : spec.process.user;
    steps.push_back(makeStep(ChildOp::SetUser, Phase::Process, "process.user",
                             "Become user " + user,
                             "setgroups(...); setgid(gid); setuid(uid)  /* from the container's "
                             "/etc/passwd and /etc/group */",
                             "setpriv --reuid=" + user + " --init-groups"));
    steps.push_back(makeStep(ChildOp::Capabilities, Phase::Process, "process.caps",
                             privileged ? "Keep every capability (--privileged)"
                                        : "Set Docker's default capabilities",
                             "capset(effective=permitted=granted, inheritable=0); "
                             "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)",
                             "capsh --caps=... --"));
    if (spec.confinement.noNewPrivileges)
        steps.push_back(makeStep(ChildOp::NoNewPrivs, Phase::Process, "process.nnp",
                                 "Forbid gaining privileges (no_new_privs)",
                                 "prctl(PR_SET_NO_NEW_PRIVS, 1)", "setpriv --no-new-privs"));
    if (spec.confinement.seccomp && !privileged)
        steps.push_back(makeStep(ChildOp::Seccomp, Phase::Process, "process.seccomp",
                                 "Install the seccomp system call filter",
                                 "seccomp(SECCOMP_SET_MODE_FILTER, 0, &prog)",
                                 "(no standard tool; see docs/security.md)"));
    steps.push_back(makeStep(ChildOp::Chdir, Phase::Process, "process.chdir",
                             "Change to the working directory " + spec.process.cwd,
                             "chdir(\"" + spec.process.cwd + "\"); getcwd() /* must be inside */",
                             "cd " + shellQuote(spec.process.cwd)));
    steps.push_back(makeStep(
        ChildOp::Exec, Phase::Process, "process.exec",
        "Run " + (spec.process.args.empty() ? std::string("?") : spec.process.args[0]),
        "close_range(3, ~0U, CLOSE_RANGE_CLOEXEC); execve(\"" +
            (spec.process.args.empty() ? std::string() : spec.process.args[0]) + "\", argv, envp)",
        "exec " + joinWords(spec.process.args)));
    uint32_t seq = spec.firstSeq + offset;
    for (auto &s : steps)
        s.record.seq = seq++;
    return steps;
}

Status prepareChildContext(ChildContext &ctx, const LaunchSpec &spec)
{
    ctx.spec = &spec;
    ctx.steps = planChildSteps(spec, 0);
    if (spec.process.args.empty())
        return fail(ErrorCode::InvalidArgument,
                    "no command to run: the image has no Cmd or Entrypoint; give one after the "
                    "image name");
    ctx.execTarget = spec.process.args[0];
    for (const auto &a : spec.process.args)
        ctx.argv.push_back(a.c_str());
    ctx.argv.push_back(nullptr);
    bool haveHome = false;
    ctx.pathValue = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    for (const auto &e : spec.process.env) {
        if (e.rfind("HOME=", 0) == 0)
            haveHome = true;
        if (e.rfind("PATH=", 0) == 0)
            ctx.pathValue = e.substr(5);
    }
    ctx.envStore = spec.process.env;
    for (const auto &e : ctx.envStore)
        ctx.envp.push_back(e.c_str());
    if (!haveHome) {
        ctx.homeEnvIndex = static_cast<int>(ctx.envp.size());
        std::strcpy(ctx.homeBuf, "HOME=/root");
        ctx.envp.push_back(ctx.homeBuf);
    }
    ctx.envp.push_back(nullptr);
    ctx.overlayData = overlayMountData(spec);
    if (ctx.overlayData.size() >= 4096)
        return fail(ErrorCode::LimitExceeded,
                    "the image has too many layers for one overlay mount (" +
                        std::to_string(spec.lowerDirs.size()) + ")");
    return {};
}

// ---------------------------------------------------------------- the child
// Everything below runs after clone3(): syscalls and stack buffers only.

namespace {

constexpr int kSetupFailedExit = 125;

void report(ChildContext &ctx, const StepRecord &rec) noexcept
{
    char type = kChildStepMessage;
    iovec iov[2] = {{&type, 1}, {const_cast<StepRecord *>(&rec), sizeof rec}};
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = 2;
    while (::sendmsg(ctx.syncFd, &msg, MSG_NOSIGNAL) < 0 && errno == EINTR) {
    }
}

size_t cstrlen(const char *s) noexcept
{
    size_t n = 0;
    while (s[n])
        ++n;
    return n;
}

// Append to a fixed buffer; always NUL-terminates.
void append(char *buf, size_t cap, const char *s) noexcept
{
    size_t n = cstrlen(buf);
    while (*s && n + 1 < cap)
        buf[n++] = *s++;
    buf[n] = '\0';
}

void appendInt(char *buf, size_t cap, long v) noexcept
{
    char tmp[24];
    int i = 0;
    bool neg = v < 0;
    unsigned long u = neg ? static_cast<unsigned long>(-v) : static_cast<unsigned long>(v);
    do {
        tmp[i++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        tmp[i++] = '-';
    char out[24];
    int j = 0;
    while (i)
        out[j++] = tmp[--i];
    out[j] = '\0';
    append(buf, cap, out);
}

void fdPath(char *buf, size_t cap, int fd) noexcept
{
    buf[0] = '\0';
    append(buf, cap, "/proc/self/fd/");
    appendInt(buf, cap, fd);
}

int openInRoot(int rootFd, const char *path, int flags, mode_t mode = 0) noexcept
{
    open_how how{};
    how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    for (;;) {
        long fd = ::syscall(SYS_openat2, rootFd, path, &how, sizeof how);
        if (fd >= 0 || (errno != EINTR && errno != EAGAIN))
            return static_cast<int>(fd);
    }
}

// mkdir -p inside the root; every prefix resolved afresh with RESOLVE_IN_ROOT so a
// symlink planted in the image can never lead out. Returns an O_PATH fd or -1.
int mkdirsInRoot(int rootFd, const char *path) noexcept
{
    char prefix[4096];
    size_t len = cstrlen(path);
    if (len >= sizeof prefix) {
        errno = ENAMETOOLONG;
        return -1;
    }
    size_t i = 0;
    while (i < len) {
        while (i < len && path[i] == '/')
            ++i;
        size_t start = i;
        while (i < len && path[i] != '/')
            ++i;
        if (i == start)
            break;
        std::memcpy(prefix, path, i);
        prefix[i] = '\0';
        int fd = openInRoot(rootFd, prefix, O_PATH | O_DIRECTORY);
        if (fd >= 0) {
            ::close(fd);
            continue;
        }
        if (errno != ENOENT)
            return -1;
        char parent[4096];
        std::memcpy(parent, path, start);
        parent[start] = '\0';
        int pfd = openInRoot(rootFd, start ? parent : ".", O_PATH | O_DIRECTORY);
        if (pfd < 0)
            return -1;
        char leaf[256];
        size_t leafLen = i - start;
        if (leafLen >= sizeof leaf) {
            ::close(pfd);
            errno = ENAMETOOLONG;
            return -1;
        }
        std::memcpy(leaf, path + start, leafLen);
        leaf[leafLen] = '\0';
        int rc = ::mkdirat(pfd, leaf, 0755);
        int err = errno;
        ::close(pfd);
        if (rc != 0 && err != EEXIST) {
            errno = err;
            return -1;
        }
    }
    return openInRoot(rootFd, path, O_PATH | O_DIRECTORY);
}

// An O_PATH fd for a file mount target inside the root, creating it (and its
// parents) when missing. Refuses anything but a regular file.
int fileTargetInRoot(int rootFd, const char *dir, const char *name) noexcept
{
    int dfd = mkdirsInRoot(rootFd, dir);
    if (dfd < 0)
        return -1;
    char dirPath[4096] = {};
    fdPath(dirPath, sizeof dirPath, dfd);
    // Resolve the leaf with the directory as the root: a symlink there stays inside.
    int dirReal = ::open(dirPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ::close(dfd);
    if (dirReal < 0)
        return -1;
    int fd = openInRoot(dirReal, name, O_PATH);
    if (fd < 0 && errno == ENOENT) {
        int created =
            ::openat(dirReal, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (created >= 0)
            ::close(created);
        fd = openInRoot(dirReal, name, O_PATH);
    }
    ::close(dirReal);
    if (fd < 0)
        return -1;
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        errno = EISDIR;
        return -1;
    }
    return fd;
}

// A kernel older than 5.10 refuses the volatile option (EINVAL): the layer is
// then mounted as any other, syncing on unmount.
int mountOverlay(ChildContext &ctx, const LaunchSpec &spec) noexcept
{
    char *data = ctx.overlayData.data();
    if (::mount("overlay", spec.rootfs.c_str(), "overlay", 0, data) == 0)
        return 0;
    if (errno != EINVAL || !spec.volatileUpper)
        return -1;
    data[ctx.overlayData.size() - kVolatileOption.size()] = '\0';
    return ::mount("overlay", spec.rootfs.c_str(), "overlay", 0, data);
}

int mountOnFd(const char *source, int targetFd, const char *fstype, unsigned long flags,
              const char *data) noexcept
{
    char target[64];
    fdPath(target, sizeof target, targetFd);
    return ::mount(source, target, fstype, flags, data);
}

int mountOnDirInRoot(int rootFd, const char *path, const char *source, const char *fstype,
                     unsigned long flags, const char *data) noexcept
{
    int fd = mkdirsInRoot(rootFd, path);
    if (fd < 0)
        return -1;
    int rc = mountOnFd(source, fd, fstype, flags, data);
    int err = errno;
    ::close(fd);
    errno = err;
    return rc;
}

// ---- /etc/passwd and /etc/group, read with a fixed buffer.

struct LineReader
{
    int fd;
    char buf[4096];
    size_t len = 0, pos = 0;
    bool eof = false;

    // Next line (without '\n') into `line`; lines longer than `cap` are skipped.
    bool next(char *line, size_t cap) noexcept
    {
        size_t n = 0;
        bool overflow = false;
        for (;;) {
            if (pos == len) {
                if (eof)
                    break;
                ssize_t r = ::read(fd, buf, sizeof buf);
                if (r <= 0) {
                    eof = true;
                    break;
                }
                len = static_cast<size_t>(r);
                pos = 0;
            }
            char c = buf[pos++];
            if (c == '\n') {
                if (!overflow) {
                    line[n] = '\0';
                    return true;
                }
                n = 0;
                overflow = false;
                continue;
            }
            if (n + 1 < cap)
                line[n++] = c;
            else
                overflow = true;
        }
        if (n > 0 && !overflow) {
            line[n] = '\0';
            return true;
        }
        return false;
    }
};

// Split a passwd/group line at ':' in place; returns the field count.
int splitFields(char *line, char **fields, int max) noexcept
{
    int count = 0;
    fields[count++] = line;
    for (char *p = line; *p && count < max; ++p) {
        if (*p == ':') {
            *p = '\0';
            fields[count++] = p + 1;
        }
    }
    return count;
}

bool parseUint(const char *s, unsigned long &out) noexcept
{
    if (!*s)
        return false;
    unsigned long v = 0;
    for (; *s; ++s) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + static_cast<unsigned long>(*s - '0');
        if (v > 0xFFFFFFFEul)
            return false;
    }
    out = v;
    return true;
}

bool streq(const char *a, const char *b) noexcept
{
    while (*a && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}

struct ResolvedUser
{
    uid_t uid = 0;
    gid_t gid = 0;
    gid_t groups[64];
    int groupCount = 0;
    char name[256] = "";
    char home[4096] = "/";
};

// Docker's rules: "name|uid[:group|gid]"; a name must exist in /etc/passwd, a
// uid need not (its gid is then 0 and its home "/").
int resolveUser(const char *spec, ResolvedUser &u, const char *&why) noexcept
{
    char userPart[256] = "";
    char groupPart[256] = "";
    const char *colon = nullptr;
    for (const char *p = spec; *p; ++p) {
        if (*p == ':') {
            colon = p;
            break;
        }
    }
    size_t ulen = colon ? static_cast<size_t>(colon - spec) : cstrlen(spec);
    if (ulen >= sizeof userPart || (colon && cstrlen(colon + 1) >= sizeof groupPart)) {
        why = "user name too long";
        return EINVAL;
    }
    std::memcpy(userPart, spec, ulen);
    userPart[ulen] = '\0';
    if (colon)
        append(groupPart, sizeof groupPart, colon + 1);
    if (!userPart[0])
        append(userPart, sizeof userPart, "0");

    unsigned long num = 0;
    bool numericUser = parseUint(userPart, num);
    bool found = false;
    char line[1024];
    char *f[8];
    int pfd = ::open("/etc/passwd", O_RDONLY | O_CLOEXEC);
    if (pfd >= 0) {
        LineReader r{pfd};
        while (r.next(line, sizeof line)) {
            if (splitFields(line, f, 8) < 7)
                continue;
            unsigned long uid = 0, gid = 0;
            if (!parseUint(f[2], uid) || !parseUint(f[3], gid))
                continue;
            if (numericUser ? uid == num : streq(f[0], userPart)) {
                u.uid = static_cast<uid_t>(uid);
                u.gid = static_cast<gid_t>(gid);
                u.name[0] = '\0';
                append(u.name, sizeof u.name, f[0]);
                u.home[0] = '\0';
                append(u.home, sizeof u.home, f[5][0] ? f[5] : "/");
                found = true;
                break;
            }
        }
        ::close(pfd);
    }
    if (!found) {
        if (!numericUser) {
            why = "no such user in the container's /etc/passwd";
            return ENOENT;
        }
        u.uid = static_cast<uid_t>(num);
        u.gid = 0;
        if (num == 0)
            append(u.home, sizeof u.home, "root");
    }
    // Group: explicit, then supplementary groups that list the user.
    bool numericGroup = groupPart[0] && parseUint(groupPart, num);
    if (numericGroup)
        u.gid = static_cast<gid_t>(num);
    bool groupFound = !groupPart[0] || numericGroup;
    int gfd = ::open("/etc/group", O_RDONLY | O_CLOEXEC);
    if (gfd >= 0) {
        LineReader r{gfd};
        while (r.next(line, sizeof line)) {
            if (splitFields(line, f, 8) < 4)
                continue;
            unsigned long gid = 0;
            if (!parseUint(f[2], gid))
                continue;
            if (groupPart[0] && !numericGroup && streq(f[0], groupPart)) {
                u.gid = static_cast<gid_t>(gid);
                groupFound = true;
            }
            if (!u.name[0] || groupPart[0])
                continue;
            // member list: comma separated
            char *m = f[3];
            while (*m) {
                char *end = m;
                while (*end && *end != ',')
                    ++end;
                char saved = *end;
                *end = '\0';
                if (streq(m, u.name) && u.groupCount < 64)
                    u.groups[u.groupCount++] = static_cast<gid_t>(gid);
                if (!saved)
                    break;
                m = end + 1;
            }
        }
        ::close(gfd);
    }
    if (!groupFound) {
        why = "no such group in the container's /etc/group";
        return ENOENT;
    }
    return 0;
}

int execInPath(ChildContext &ctx, int &exitCode) noexcept
{
    const char *file = ctx.argv[0];
    char *const *argv = const_cast<char *const *>(ctx.argv.data());
    char *const *envp = const_cast<char *const *>(ctx.envp.data());
    bool hasSlash = false;
    for (const char *p = file; *p; ++p)
        hasSlash |= *p == '/';
    if (hasSlash) {
        ::execve(file, argv, envp);
        int err = errno;
        exitCode = (err == ENOENT || err == ENOTDIR) ? 127 : 126;
        return err;
    }
    const char *path = ctx.pathValue.c_str();
    bool sawEacces = false;
    int lastErr = ENOENT;
    size_t flen = cstrlen(file);
    while (true) {
        const char *end = path;
        while (*end && *end != ':')
            ++end;
        char candidate[4096];
        size_t dlen = static_cast<size_t>(end - path);
        if (dlen + flen + 2 < sizeof candidate) {
            std::memcpy(candidate, path, dlen);
            size_t n = dlen;
            if (n == 0)
                candidate[n++] = '.';
            candidate[n++] = '/';
            std::memcpy(candidate + n, file, flen + 1);
            ::execve(candidate, argv, envp);
            int err = errno;
            if (err == EACCES)
                sawEacces = true;
            else if (err != ENOENT && err != ENOTDIR)
                lastErr = err;
        }
        if (!*end)
            break;
        path = end + 1;
    }
    if (sawEacces) {
        exitCode = 126;
        return EACCES;
    }
    exitCode = lastErr == ENOENT ? 127 : 126;
    return lastErr;
}

// Docker's seccomp needs no_new_privs or CAP_SYS_ADMIN; we always set NNP first
// unless the user asked otherwise, in which case the filter is installed while we
// still hold CAP_SYS_ADMIN (before the capabilities step drops it). Order is
// decided by the plan; see planChildSteps.
int installSeccomp(ChildContext &ctx) noexcept
{
    if (ctx.seccompProgram.empty())
        return 0;
    sock_fprog prog{};
    prog.len = static_cast<unsigned short>(ctx.seccompProgram.size() / sizeof(sock_filter));
    prog.filter = reinterpret_cast<sock_filter *>(ctx.seccompProgram.data());
    if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
        return errno;
    return 0;
}

int capLastCap() noexcept
{
    int fd = ::open("/proc/sys/kernel/cap_last_cap", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 40;
    char buf[16] = {};
    ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    unsigned long v = 40;
    if (n > 0) {
        if (buf[n - 1] == '\n')
            buf[n - 1] = '\0';
        parseUint(buf, v);
    }
    return static_cast<int>(v);
}

} // namespace

[[noreturn]] void runChild(ChildContext &ctx) noexcept
{
    const LaunchSpec &spec = *ctx.spec;
    int rootFd = -1;
    int lastCap = 40;
    ResolvedUser user;
    // The monitor blocks SIGCHLD and ignores SIGPIPE and terminal signals; a
    // blocked mask and ignored dispositions survive execve, so reset both here.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig) {
        if (sig != SIGKILL && sig != SIGSTOP)
            ::signal(sig, SIG_DFL);
    }
    ::umask(0);
    // In step-through mode the monitor's go-ahead comes first.
    if (spec.stepThrough) {
        char go = 0;
        if (::read(ctx.syncFd, &go, 1) != 1 || go != 1)
            ::_exit(kSetupFailedExit);
    }

    for (ChildStep &step : ctx.steps) {
        StepRecord &rec = step.record;
        rec.pid = static_cast<int32_t>(::syscall(SYS_getpid));
        if (spec.stepThrough) {
            rec.state = StepState::Planned;
            report(ctx, rec);
            char answer = 0;
            if (::read(ctx.syncFd, &answer, 1) != 1 || answer != 1)
                ::_exit(kSetupFailedExit);
        }
        rec.state = StepState::Running;
        rec.startNs = realtimeNs();
        int64_t t0 = monotonicNs();
        int err = 0;
        const char *why = nullptr;
        int exitCode = kSetupFailedExit;
        switch (step.op) {
        case ChildOp::StdStreams:
            if (::dup2(ctx.stdinFd, 0) < 0 || ::dup2(ctx.stdoutFd, 1) < 0 ||
                ::dup2(ctx.stderrFd, 2) < 0)
                err = errno;
            break;
        case ChildOp::JoinNetns: {
            int fd = ::open(spec.netnsPath.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0 || ::setns(fd, CLONE_NEWNET) != 0)
                err = errno;
            if (fd >= 0)
                ::close(fd);
            break;
        }
        case ChildOp::LoopbackUp: {
            int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            ifreq ifr{};
            std::memcpy(ifr.ifr_name, "lo", 3);
            if (s < 0 || ::ioctl(s, SIOCGIFFLAGS, &ifr) != 0)
                err = errno;
            else {
                ifr.ifr_flags = static_cast<short>(ifr.ifr_flags | IFF_UP | IFF_RUNNING);
                if (::ioctl(s, SIOCSIFFLAGS, &ifr) != 0)
                    err = errno;
            }
            if (s >= 0)
                ::close(s);
            break;
        }
        case ChildOp::UnshareCgroupns:
            if (::unshare(CLONE_NEWCGROUP) != 0)
                err = errno;
            break;
        case ChildOp::MountPrivate:
            if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
                err = errno;
            break;
        case ChildOp::MountOverlay:
            if (::chdir(spec.layersDir.c_str()) != 0)
                err = errno;
            else if (mountOverlay(ctx, spec) != 0)
                err = errno;
            else if ((rootFd = ::open(spec.rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
                err = errno;
            break;
        case ChildOp::MountProc:
            if (mountOnDirInRoot(rootFd, "proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                                 nullptr) != 0)
                err = errno;
            break;
        case ChildOp::MountSys:
            if (mountOnDirInRoot(rootFd, "sys", "sysfs", "sysfs",
                                 (spec.confinement.privileged ? 0 : MS_RDONLY) | MS_NOSUID |
                                     MS_NODEV | MS_NOEXEC,
                                 nullptr) != 0)
                err = errno;
            break;
        case ChildOp::MountDev:
            if (mountOnDirInRoot(rootFd, "dev", "tmpfs", "tmpfs", MS_NOSUID | MS_STRICTATIME,
                                 "mode=755,size=65536k") != 0)
                err = errno;
            break;
        case ChildOp::MakeDevices: {
            int dev = openInRoot(rootFd, "dev", O_RDONLY | O_DIRECTORY);
            if (dev < 0) {
                err = errno;
                break;
            }
            struct Node
            {
                const char *name;
                unsigned maj, min;
            };
            for (Node n : {Node{"null", 1, 3}, Node{"zero", 1, 5}, Node{"full", 1, 7},
                           Node{"random", 1, 8}, Node{"urandom", 1, 9}, Node{"tty", 5, 0}}) {
                if (::mknodat(dev, n.name, S_IFCHR | 0666, makedev(n.maj, n.min)) != 0) {
                    err = errno;
                    break;
                }
            }
            struct Link
            {
                const char *name, *target;
            };
            for (Link l : {Link{"fd", "/proc/self/fd"}, Link{"stdin", "/proc/self/fd/0"},
                           Link{"stdout", "/proc/self/fd/1"}, Link{"stderr", "/proc/self/fd/2"},
                           Link{"ptmx", "pts/ptmx"}}) {
                if (!err && ::symlinkat(l.target, dev, l.name) != 0)
                    err = errno;
            }
            if (!err) {
                int console =
                    ::openat(dev, "console", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
                if (console < 0)
                    err = errno;
                else
                    ::close(console);
            }
            ::close(dev);
            break;
        }
        case ChildOp::MountDevpts:
            if (mountOnDirInRoot(rootFd, "dev/pts", "devpts", "devpts", MS_NOSUID | MS_NOEXEC,
                                 "newinstance,ptmxmode=0666,mode=0620,gid=5") != 0)
                err = errno;
            break;
        case ChildOp::MountShm:
            if (mountOnDirInRoot(rootFd, "dev/shm", "shm", "tmpfs",
                                 MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=65536k") != 0)
                err = errno;
            break;
        case ChildOp::MountMqueue:
            if (mountOnDirInRoot(rootFd, "dev/mqueue", "mqueue", "mqueue",
                                 MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
                err = errno;
            break;
        case ChildOp::MountTmp:
            if (mountOnDirInRoot(rootFd, "tmp", "tmpfs", "tmpfs", MS_NOSUID | MS_NODEV,
                                 "mode=1777") != 0)
                err = errno;
            break;
        case ChildOp::BindHosts:
        case ChildOp::BindResolv:
        case ChildOp::BindHostname: {
            const char *name = step.op == ChildOp::BindHosts    ? "hosts"
                               : step.op == ChildOp::BindResolv ? "resolv.conf"
                                                                : "hostname";
            const std::string &src = step.op == ChildOp::BindHosts    ? spec.hostsFile
                                     : step.op == ChildOp::BindResolv ? spec.resolvFile
                                                                      : spec.hostnameFile;
            int fd = fileTargetInRoot(rootFd, "etc", name);
            if (fd < 0 || mountOnFd(src.c_str(), fd, nullptr, MS_BIND, nullptr) != 0)
                err = errno;
            if (fd >= 0)
                ::close(fd);
            break;
        }
        case ChildOp::BindVolume: {
            const VolumeSpec &v = spec.volumes[static_cast<size_t>(step.arg)];
            struct stat st
            {};
            if (::stat(v.source.c_str(), &st) != 0) {
                err = errno;
                why = "the volume's host path is missing";
                break;
            }
            // The target inside the root, made if missing; resolved again after the
            // bind mount, because a read-only remount must name the new mount, not
            // the directory it covers.
            auto openTarget = [&]() -> int {
                if (S_ISDIR(st.st_mode))
                    return mkdirsInRoot(rootFd, v.target.c_str());
                char dir[4096] = {};
                const char *slash = nullptr;
                for (const char *p = v.target.c_str(); *p; ++p)
                    if (*p == '/')
                        slash = p;
                size_t dlen = slash ? static_cast<size_t>(slash - v.target.c_str()) : 0;
                if (dlen >= sizeof dir) {
                    errno = ENAMETOOLONG;
                    return -1;
                }
                std::memcpy(dir, v.target.c_str(), dlen);
                return fileTargetInRoot(rootFd, dlen ? dir : "/",
                                        slash ? slash + 1 : v.target.c_str());
            };
            int fd = openTarget();
            if (fd < 0) {
                err = errno;
                why = "cannot make the volume's mount point in the container";
                break;
            }
            if (mountOnFd(v.source.c_str(), fd, nullptr, MS_BIND | MS_REC, nullptr) != 0) {
                err = errno;
                why = "cannot bind-mount the volume";
            }
            ::close(fd);
            if (err || !v.readOnly)
                break;
            fd = openTarget();
            if (fd < 0 ||
                mountOnFd(nullptr, fd, nullptr,
                          MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr) != 0) {
                err = errno;
                why = "cannot make the volume read-only";
            }
            if (fd >= 0)
                ::close(fd);
            break;
        }
        case ChildOp::PivotRoot:
            if (rootFd >= 0) {
                ::close(rootFd);
                rootFd = -1;
            }
            if (::chdir(spec.rootfs.c_str()) != 0 || ::syscall(SYS_pivot_root, ".", ".") != 0 ||
                ::umount2(".", MNT_DETACH) != 0 || ::chdir("/") != 0)
                err = errno;
            break;
        case ChildOp::MaskPaths:
            for (const char *p : kDefaultMasked) {
                struct stat st
                {};
                if (::lstat(p, &st) != 0)
                    continue; // not on this kernel
                int rc = S_ISDIR(st.st_mode) ? ::mount("tmpfs", p, "tmpfs", MS_RDONLY, "size=0")
                                             : ::mount("/dev/null", p, nullptr, MS_BIND, nullptr);
                if (rc != 0) {
                    err = errno;
                    why = p;
                    break;
                }
            }
            break;
        case ChildOp::ReadOnlyPaths:
            for (const char *p : kDefaultReadOnly) {
                if (::access(p, F_OK) != 0)
                    continue;
                if (::mount(p, p, nullptr, MS_BIND | MS_REC, nullptr) != 0 ||
                    ::mount(p, p, nullptr,
                            MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                            nullptr) != 0) {
                    err = errno;
                    why = p;
                    break;
                }
            }
            break;
        case ChildOp::SetHostname:
            if (::sethostname(spec.hostname.c_str(), spec.hostname.size()) != 0)
                err = errno;
            break;
        case ChildOp::Console: {
            // The pty comes from the container's own devpts instance (not the host's),
            // and the slave is opened from the master with TIOCGPTPEER, never by path:
            // a path could be swapped by the container (CVE-2025-52565).
            int master = ::open("/dev/pts/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
            int unlock = 0;
            int slave = -1;
            if (master < 0 || ::ioctl(master, TIOCSPTLCK, &unlock) != 0) {
                err = errno;
            } else {
                winsize ws{};
                ws.ws_row = spec.process.rows;
                ws.ws_col = spec.process.cols;
                ::ioctl(master, TIOCSWINSZ, &ws);
                slave = ::ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
                if (slave < 0)
                    err = errno;
            }
            if (!err) {
                char type = kChildConsoleMessage;
                iovec iov{&type, 1};
                alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
                msghdr msg{};
                msg.msg_iov = &iov;
                msg.msg_iovlen = 1;
                msg.msg_control = control;
                msg.msg_controllen = sizeof control;
                cmsghdr *c = CMSG_FIRSTHDR(&msg);
                c->cmsg_level = SOL_SOCKET;
                c->cmsg_type = SCM_RIGHTS;
                c->cmsg_len = CMSG_LEN(sizeof(int));
                std::memcpy(CMSG_DATA(c), &master, sizeof(int));
                if (::sendmsg(ctx.syncFd, &msg, MSG_NOSIGNAL) < 0)
                    err = errno;
            }
            if (master >= 0)
                ::close(master);
            if (!err) {
                // /dev/console is the same terminal, for programs that write there.
                int console = ::open("/dev/console", O_PATH | O_NOFOLLOW | O_CLOEXEC);
                if (console >= 0) {
                    char slavePath[64];
                    fdPath(slavePath, sizeof slavePath, slave);
                    mountOnFd(slavePath, console, nullptr, MS_BIND, nullptr);
                    ::close(console);
                }
                if (::setsid() < 0 || ::ioctl(slave, TIOCSCTTY, 0) != 0 || ::dup2(slave, 0) < 0 ||
                    ::dup2(slave, 1) < 0 || ::dup2(slave, 2) < 0)
                    err = errno;
            }
            if (slave > 2)
                ::close(slave);
            break;
        }
        case ChildOp::MakeWorkdir: {
            // After pivot_root "/" is the container's root; resolve in it anyway.
            int root = ::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
            int fd = root >= 0 ? mkdirsInRoot(root, spec.process.cwd.c_str()) : -1;
            if (fd < 0)
                err = errno;
            else
                ::close(fd);
            if (root >= 0)
                ::close(root);
            break;
        }
        case ChildOp::DropBounding:
            lastCap = capLastCap();
            for (int cap = 0; cap <= lastCap; ++cap) {
                if (cap < 64 && (spec.confinement.capabilities >> cap) & 1u)
                    continue;
                if (::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL) {
                    err = errno;
                    break;
                }
            }
            break;
        case ChildOp::SetUser: {
            err = resolveUser(spec.process.user.c_str(), user, why);
            if (err)
                break;
            if (ctx.homeEnvIndex >= 0) {
                ctx.homeBuf[0] = '\0';
                append(ctx.homeBuf, sizeof ctx.homeBuf, "HOME=");
                append(ctx.homeBuf, sizeof ctx.homeBuf, user.home);
            }
            // Keep the permitted set across setuid so the capabilities step decides.
            if (::prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0 ||
                ::setgroups(static_cast<size_t>(user.groupCount), user.groups) != 0 ||
                ::setgid(user.gid) != 0 || ::setuid(user.uid) != 0)
                err = errno;
            break;
        }
        case ChildOp::Capabilities: {
            __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
            __user_cap_data_struct data[2] = {};
            uint64_t granted = spec.confinement.privileged ? ~0ull : spec.confinement.capabilities;
            // Only capabilities this kernel knows ("ALL" sets every bit).
            lastCap = capLastCap();
            if (lastCap < 63)
                granted &= (1ull << (lastCap + 1)) - 1;
            // ...and that we hold ourselves: a host may run us without some (this
            // project's CI machine lacks CAP_SYS_RESOURCE), and capset cannot add them.
            __user_cap_data_struct have[2] = {};
            if (::syscall(SYS_capget, &hdr, have) == 0)
                granted &= (static_cast<uint64_t>(have[1].permitted) << 32) | have[0].permitted;
            // A non-root user keeps no capabilities, as with Docker.
            if (user.uid != 0)
                granted = 0;
            data[0].effective = data[0].permitted = static_cast<uint32_t>(granted);
            data[1].effective = data[1].permitted = static_cast<uint32_t>(granted >> 32);
            if (::syscall(SYS_capset, &hdr, data) != 0)
                err = errno;
            else
                ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
            ::prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
            break;
        }
        case ChildOp::NoNewPrivs:
            if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
                err = errno;
            break;
        case ChildOp::Seccomp:
            err = installSeccomp(ctx);
            break;
        case ChildOp::Chdir: {
            char cwd[4096];
            if (::chdir(spec.process.cwd.c_str()) != 0) {
                err = errno;
            } else if (!::getcwd(cwd, sizeof cwd) || cwd[0] != '/') {
                // A cwd outside our root (a leaked host directory fd) reads as
                // "(unreachable)/..." -- CVE-2024-21626.
                err = EPERM;
                why = "the working directory is outside the container";
            }
            break;
        }
        case ChildOp::Exec: {
            ::umask(022);
            // No fd of the monitor, the engine or the host may reach the process.
            ::syscall(SYS_close_range, 3u, ~0u, CLOSE_RANGE_CLOEXEC);
            // Report "running" now: after a successful execve() the socket just closes.
            report(ctx, rec);
            err = execInPath(ctx, exitCode);
            why = exitCode == 127 ? "executable file not found in $PATH or in the image"
                                  : "permission denied or not an executable";
            break;
        }
        case ChildOp::JoinCgroupSelf:
            err = CgroupDriver::joinSelf(ctx.cgroupFds.data(), ctx.cgroupFds.size());
            break;
        case ChildOp::JoinNamespaces:
            // Non-dumpable until execve: nobody in the container may ptrace us or
            // open /proc/<pid>/exe (the monitor binary) meanwhile (CVE-2019-5736).
            ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
            for (size_t i = 0; i < ctx.nsFds.size(); ++i) {
                if (::setns(ctx.nsFds[i], ctx.nsTypes[i]) != 0) {
                    err = errno;
                    break;
                }
            }
            break;
        case ChildOp::ForkIntoPidns: {
            pid_t child = ::fork();
            if (child < 0) {
                err = errno;
                break;
            }
            if (child > 0) {
                // Hold nothing the monitor watches: the sync socket's end-of-stream
                // is how it learns that the second child reached execve().
                ::syscall(SYS_close_range, 0u, ~0u, 0u);
                // The first child stays outside the pid namespace and mirrors how the
                // second one ends, so the monitor sees one process.
                int status = 0;
                while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
                }
                if (WIFSIGNALED(status)) {
                    ::signal(WTERMSIG(status), SIG_DFL);
                    ::kill(::getpid(), WTERMSIG(status));
                }
                ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
            }
            break;
        }
        }
        rec.durationNs = monotonicNs() - t0;
        if (err) {
            rec.state = StepState::Failed;
            rec.err = err;
            if (why)
                rec.setMessage(why);
            report(ctx, rec);
            ::_exit(exitCode);
        }
        rec.state = StepState::Done;
        report(ctx, rec);
    }
    ::_exit(kSetupFailedExit); // unreachable: the plan ends with Exec
}

} // namespace koker
