#include "seccompfilter.h"

#include "fsutil.h"
#include "lazylibs.h"

#include <seccomp.h>

#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/sched.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace koker {

// The system calls every container may make: Docker's default seccomp profile
// (moby/profiles/seccomp/default.json), as an allow-list. Anything not listed is
// refused with EPERM. Kept in the order of that profile's big "allow" group.
static const char *const kAllowed[] = {
    "accept",
    "accept4",
    "access",
    "adjtimex",
    "alarm",
    "bind",
    "brk",
    "cachestat",
    "capget",
    "capset",
    "chdir",
    "chmod",
    "chown",
    "chown32",
    "clock_adjtime",
    "clock_adjtime64",
    "clock_getres",
    "clock_getres_time64",
    "clock_gettime",
    "clock_gettime64",
    "clock_nanosleep",
    "clock_nanosleep_time64",
    "close",
    "close_range",
    "connect",
    "copy_file_range",
    "creat",
    "dup",
    "dup2",
    "dup3",
    "epoll_create",
    "epoll_create1",
    "epoll_ctl",
    "epoll_ctl_old",
    "epoll_pwait",
    "epoll_pwait2",
    "epoll_wait",
    "epoll_wait_old",
    "eventfd",
    "eventfd2",
    "execve",
    "execveat",
    "exit",
    "exit_group",
    "faccessat",
    "faccessat2",
    "fadvise64",
    "fadvise64_64",
    "fallocate",
    "fanotify_mark",
    "fchdir",
    "fchmod",
    "fchmodat",
    "fchmodat2",
    "fchown",
    "fchown32",
    "fchownat",
    "fcntl",
    "fcntl64",
    "fdatasync",
    "fgetxattr",
    "flistxattr",
    "flock",
    "fork",
    "fremovexattr",
    "fsetxattr",
    "fstat",
    "fstat64",
    "fstatat64",
    "fstatfs",
    "fstatfs64",
    "fsync",
    "ftruncate",
    "ftruncate64",
    "futex",
    "futex_requeue",
    "futex_time64",
    "futex_wait",
    "futex_waitv",
    "futex_wake",
    "futimesat",
    "getcpu",
    "getcwd",
    "getdents",
    "getdents64",
    "getegid",
    "getegid32",
    "geteuid",
    "geteuid32",
    "getgid",
    "getgid32",
    "getgroups",
    "getgroups32",
    "getitimer",
    "getpeername",
    "getpgid",
    "getpgrp",
    "getpid",
    "getppid",
    "getpriority",
    "getrandom",
    "getresgid",
    "getresgid32",
    "getresuid",
    "getresuid32",
    "getrlimit",
    "get_robust_list",
    "getrusage",
    "getsid",
    "getsockname",
    "getsockopt",
    "get_thread_area",
    "gettid",
    "gettimeofday",
    "getuid",
    "getuid32",
    "getxattr",
    "inotify_add_watch",
    "inotify_init",
    "inotify_init1",
    "inotify_rm_watch",
    "io_cancel",
    "ioctl",
    "io_destroy",
    "io_getevents",
    "io_pgetevents",
    "io_pgetevents_time64",
    "ioprio_get",
    "ioprio_set",
    "io_setup",
    "io_submit",
    "ipc",
    "kill",
    "landlock_add_rule",
    "landlock_create_ruleset",
    "landlock_restrict_self",
    "lchown",
    "lchown32",
    "lgetxattr",
    "link",
    "linkat",
    "listen",
    "listxattr",
    "llistxattr",
    "_llseek",
    "lremovexattr",
    "lseek",
    "lsetxattr",
    "lstat",
    "lstat64",
    "madvise",
    "map_shadow_stack",
    "membarrier",
    "memfd_create",
    "memfd_secret",
    "mincore",
    "mkdir",
    "mkdirat",
    "mknod",
    "mknodat",
    "mlock",
    "mlock2",
    "mlockall",
    "mmap",
    "mmap2",
    "mprotect",
    "mq_getsetattr",
    "mq_notify",
    "mq_open",
    "mq_timedreceive",
    "mq_timedreceive_time64",
    "mq_timedsend",
    "mq_timedsend_time64",
    "mq_unlink",
    "mremap",
    "msgctl",
    "msgget",
    "msgrcv",
    "msgsnd",
    "msync",
    "munlock",
    "munlockall",
    "munmap",
    "name_to_handle_at",
    "nanosleep",
    "newfstatat",
    "_newselect",
    "open",
    "openat",
    "openat2",
    "pause",
    "pidfd_open",
    "pidfd_send_signal",
    "pipe",
    "pipe2",
    "pkey_alloc",
    "pkey_free",
    "pkey_mprotect",
    "poll",
    "ppoll",
    "ppoll_time64",
    "prctl",
    "pread64",
    "preadv",
    "preadv2",
    "prlimit64",
    "process_mrelease",
    "pselect6",
    "pselect6_time64",
    "pwrite64",
    "pwritev",
    "pwritev2",
    "read",
    "readahead",
    "readlink",
    "readlinkat",
    "readv",
    "recv",
    "recvfrom",
    "recvmmsg",
    "recvmmsg_time64",
    "recvmsg",
    "remap_file_pages",
    "removexattr",
    "rename",
    "renameat",
    "renameat2",
    "restart_syscall",
    "rmdir",
    "rseq",
    "rt_sigaction",
    "rt_sigpending",
    "rt_sigprocmask",
    "rt_sigqueueinfo",
    "rt_sigreturn",
    "rt_sigsuspend",
    "rt_sigtimedwait",
    "rt_sigtimedwait_time64",
    "rt_tgsigqueueinfo",
    "sched_getaffinity",
    "sched_getattr",
    "sched_getparam",
    "sched_get_priority_max",
    "sched_get_priority_min",
    "sched_getscheduler",
    "sched_rr_get_interval",
    "sched_rr_get_interval_time64",
    "sched_setaffinity",
    "sched_setattr",
    "sched_setparam",
    "sched_setscheduler",
    "sched_yield",
    "seccomp",
    "select",
    "semctl",
    "semget",
    "semop",
    "semtimedop",
    "semtimedop_time64",
    "send",
    "sendfile",
    "sendfile64",
    "sendmmsg",
    "sendmsg",
    "sendto",
    "setfsgid",
    "setfsgid32",
    "setfsuid",
    "setfsuid32",
    "setgid",
    "setgid32",
    "setgroups",
    "setgroups32",
    "setitimer",
    "setpgid",
    "setpriority",
    "setregid",
    "setregid32",
    "setresgid",
    "setresgid32",
    "setresuid",
    "setresuid32",
    "setreuid",
    "setreuid32",
    "setrlimit",
    "set_robust_list",
    "setsid",
    "setsockopt",
    "set_thread_area",
    "set_tid_address",
    "setuid",
    "setuid32",
    "setxattr",
    "shmat",
    "shmctl",
    "shmdt",
    "shmget",
    "shutdown",
    "sigaltstack",
    "signalfd",
    "signalfd4",
    "sigprocmask",
    "sigreturn",
    "socket",
    "socketcall",
    "socketpair",
    "splice",
    "stat",
    "stat64",
    "statfs",
    "statfs64",
    "statx",
    "symlink",
    "symlinkat",
    "sync",
    "sync_file_range",
    "syncfs",
    "sysinfo",
    "tee",
    "tgkill",
    "time",
    "timer_create",
    "timer_delete",
    "timer_getoverrun",
    "timer_gettime",
    "timer_gettime64",
    "timer_settime",
    "timer_settime64",
    "timerfd_create",
    "timerfd_gettime",
    "timerfd_gettime64",
    "timerfd_settime",
    "timerfd_settime64",
    "times",
    "tkill",
    "truncate",
    "truncate64",
    "ugetrlimit",
    "umask",
    "uname",
    "unlink",
    "unlinkat",
    "utime",
    "utimensat",
    "utimensat_time64",
    "utimes",
    "vfork",
    "vmsplice",
    "wait4",
    "waitid",
    "waitpid",
    "write",
    "writev",
    // x86-64 specifics of the profile
    "arch_prctl",
    "modify_ldt",
};

// Calls Docker grants only with a capability the container was given.
struct CapabilityCalls
{
    int capability;
    std::vector<const char *> calls;
};
static const CapabilityCalls kByCapability[] = {
    {21 /* CAP_SYS_ADMIN */,
     {"bpf",         "fanotify_init",   "fsconfig", "fsmount",       "fsopen",
      "fspick",      "lookup_dcookie",  "mount",    "mount_setattr", "move_mount",
      "open_tree",   "perf_event_open", "quotactl", "quotactl_fd",   "setdomainname",
      "sethostname", "setns",           "syslog",   "umount",        "umount2",
      "unshare",     "clone3"}},
    {18 /* CAP_SYS_CHROOT */, {"chroot"}},
    {16 /* CAP_SYS_MODULE */, {"delete_module", "init_module", "finit_module"}},
    {20 /* CAP_SYS_PACCT */, {"acct"}},
    {19 /* CAP_SYS_PTRACE */,
     {"kcmp", "pidfd_getfd", "process_madvise", "process_vm_readv", "process_vm_writev", "ptrace"}},
    {17 /* CAP_SYS_RAWIO */, {"iopl", "ioperm"}},
    {25 /* CAP_SYS_TIME */, {"settimeofday", "stime", "clock_settime", "clock_settime64"}},
    {26 /* CAP_SYS_TTY_CONFIG */, {"vhangup"}},
    {23 /* CAP_SYS_NICE */, {"get_mempolicy", "mbind", "set_mempolicy", "set_mempolicy_home_node"}},
    {35 /* CAP_WAKE_ALARM ... CAP_SYSLOG 34 */, {}},
    {34 /* CAP_SYSLOG */, {"syslog"}},
    {39 /* CAP_BPF */, {"bpf"}},
    {38 /* CAP_PERFMON */, {"perf_event_open"}},
};

const std::vector<const char *> &seccompDeniedSyscalls()
{
    // What students can try and see refused (docs/security.md, the escape tests).
    static const std::vector<const char *> denied = {
        "keyctl",
        "add_key",
        "request_key",
        "bpf",
        "ptrace",
        "mount",
        "umount2",
        "unshare",
        "setns",
        "kexec_load",
        "init_module",
        "delete_module",
        "reboot",
        "swapon",
        "swapoff",
        "pivot_root",
        "acct",
        "settimeofday",
        "userfaultfd",
        "perf_event_open",
        "open_by_handle_at",
        "process_vm_readv",
        "iopl",
    };
    return denied;
}

namespace {

#if defined(__x86_64__)
constexpr uint32_t kAuditArch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr uint32_t kAuditArch = AUDIT_ARCH_AARCH64;
#else
#error "add this architecture's AUDIT_ARCH_ constant"
#endif

// One rule of the filter, as data: the cache key is a hash of the whole list, so
// any change to the profile (a table above or a rule below) makes a new key.
struct Rule
{
    const char *syscall;
    uint32_t action;
    int compare = 0; // 0: no argument check; else an scmp_compare on argument 0
    uint64_t value = 0;
    uint64_t mask = 0;
};

std::vector<Rule> profileRules(uint64_t capabilities)
{
    std::vector<Rule> rules;
    for (const char *name : kAllowed)
        rules.push_back({name, SCMP_ACT_ALLOW});
    bool sysAdmin = false;
    for (const CapabilityCalls &c : kByCapability) {
        if (!((capabilities >> c.capability) & 1u))
            continue;
        sysAdmin |= c.capability == 21;
        for (const char *name : c.calls)
            rules.push_back({name, SCMP_ACT_ALLOW});
    }
    // clone() is allowed only without namespace flags (a container must not make
    // new namespaces) unless it has CAP_SYS_ADMIN; clone3() hides its flags in
    // memory seccomp cannot read, so it answers ENOSYS and glibc falls back to clone.
    const uint64_t nsFlags = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |
                             CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP;
    if (sysAdmin) {
        rules.push_back({"clone", SCMP_ACT_ALLOW});
    } else {
        rules.push_back({"clone", SCMP_ACT_ALLOW, SCMP_CMP_MASKED_EQ, 0, nsFlags});
        rules.push_back({"clone3", SCMP_ACT_ERRNO(ENOSYS)});
    }
    // personality(): only the harmless personas (Linux, 32-bit emulation flags).
    for (uint64_t persona : {0x0ull, 0x8ull, 0x20000ull, 0x20008ull, 0xffffffffull})
        rules.push_back({"personality", SCMP_ACT_ALLOW, SCMP_CMP_EQ, persona});
    return rules;
}

// FNV-1a, 64 bits: a fingerprint, not a defence (the cache is root's alone).
struct Fnv
{
    uint64_t h = 0xcbf29ce484222325ull;
    void add(const void *data, size_t size)
    {
        for (size_t i = 0; i < size; ++i)
            h = (h ^ static_cast<const unsigned char *>(data)[i]) * 0x100000001b3ull;
    }
    void add(uint64_t v) { add(&v, sizeof v); }
};

constexpr char kCacheMagic[8] = {'K', 'S', 'E', 'C', 'C', 'M', 'P', '1'};
constexpr size_t kCacheHeader = sizeof kCacheMagic + sizeof(uint64_t);
constexpr size_t kMaxInstructions = 4096; // BPF_MAXINSNS

uint64_t programChecksum(const char *data, size_t size)
{
    Fnv f;
    f.add(data, size);
    return f.h;
}

std::string cachePath(const std::string &cacheDir, uint64_t capabilities)
{
    return cacheDir + "/" + seccompCacheKey(capabilities) + ".bpf";
}

} // namespace

Result<std::vector<char>> buildSeccompProgram(uint64_t capabilities, SeccompLayout layout)
{
    if (auto st = lazy::loadLibSeccomp(); !st)
        return std::unexpected(st.error());
    const lazy::LibSeccomp &sc = lazy::seccomp();
    std::unique_ptr<void, decltype(sc.seccomp_release)> ctx(sc.seccomp_init(SCMP_ACT_ERRNO(EPERM)),
                                                            sc.seccomp_release);
    if (!ctx)
        return fail(ErrorCode::System, "seccomp_init failed");
    // A libseccomp older than 2.5 refuses the attribute and builds a list, which is
    // just as correct.
    (void)sc.seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_OPTIMIZE, static_cast<uint32_t>(layout));
    for (const Rule &r : profileRules(capabilities)) {
        int nr = sc.seccomp_syscall_resolve_name(r.syscall);
        if (nr == __NR_SCMP_ERROR)
            continue; // not on this architecture
        int rc = r.compare == 0
                     ? sc.seccomp_rule_add(ctx.get(), r.action, nr, 0)
                     : sc.seccomp_rule_add(
                           ctx.get(), r.action, nr, 1,
                           scmp_arg_cmp{0, static_cast<scmp_compare>(r.compare),
                                        r.compare == SCMP_CMP_MASKED_EQ ? r.mask : r.value,
                                        r.compare == SCMP_CMP_MASKED_EQ ? r.value : 0});
        if (rc != 0)
            return fail(ErrorCode::System, std::string("seccomp rule for ") + r.syscall);
    }
    // Export through a memfd: libseccomp writes the BPF program to an fd.
    int fd = ::memfd_create("koker-seccomp", MFD_CLOEXEC);
    if (fd < 0)
        return failErrno("memfd_create");
    std::unique_ptr<int, void (*)(int *)> guard(&fd, [](int *p) { ::close(*p); });
    if (sc.seccomp_export_bpf(ctx.get(), fd) != 0)
        return fail(ErrorCode::System, "seccomp_export_bpf failed");
    off_t size = ::lseek(fd, 0, SEEK_END);
    if (size <= 0)
        return fail(ErrorCode::System, "empty seccomp program");
    std::vector<char> prog(static_cast<size_t>(size));
    if (::pread(fd, prog.data(), prog.size(), 0) != size)
        return failErrno("read seccomp program");
    return prog;
}

std::string seccompProfileOci(uint64_t capabilities)
{
    auto action = [](uint32_t a) -> std::string {
        if (a == SCMP_ACT_ALLOW)
            return "\"action\": \"SCMP_ACT_ALLOW\"";
        return "\"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": " + std::to_string(a & 0xffffu);
    };
    auto op = [](int compare) -> const char * {
        switch (compare) {
        case SCMP_CMP_NE:
            return "SCMP_CMP_NE";
        case SCMP_CMP_LT:
            return "SCMP_CMP_LT";
        case SCMP_CMP_LE:
            return "SCMP_CMP_LE";
        case SCMP_CMP_GE:
            return "SCMP_CMP_GE";
        case SCMP_CMP_GT:
            return "SCMP_CMP_GT";
        case SCMP_CMP_MASKED_EQ:
            return "SCMP_CMP_MASKED_EQ";
        default:
            return "SCMP_CMP_EQ";
        }
    };
#if defined(__x86_64__)
    const char *arch = "SCMP_ARCH_X86_64";
#elif defined(__aarch64__)
    const char *arch = "SCMP_ARCH_AARCH64";
#else
    const char *arch = "";
#endif
    std::string out = std::string("{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n"
                                  "  \"defaultErrnoRet\": ") +
                      std::to_string(EPERM) + ",\n  \"architectures\": [\"" + arch +
                      "\"],\n  \"syscalls\": [";
    const std::vector<Rule> rules = profileRules(capabilities);
    for (size_t i = 0; i < rules.size(); ++i) {
        const Rule &r = rules[i];
        out += i ? ",\n    " : "\n    ";
        out += std::string("{\"names\": [\"") + r.syscall + "\"], " + action(r.action);
        if (r.compare != 0) {
            // libseccomp's MASKED_EQ takes (mask, value), as OCI's value and valueTwo.
            const bool masked = r.compare == SCMP_CMP_MASKED_EQ;
            out += ", \"args\": [{\"index\": 0, \"value\": " +
                   std::to_string(masked ? r.mask : r.value) +
                   ", \"valueTwo\": " + std::to_string(masked ? r.value : 0) + ", \"op\": \"" +
                   op(r.compare) + "\"}]";
        }
        out += "}";
    }
    return out + "\n  ]\n}\n";
}

std::string seccompCacheKey(uint64_t capabilities)
{
    Fnv f;
    // The libseccomp Koker was built against and the architecture it runs as: both
    // known at compile time, so finding a cached program loads no libseccomp. (The
    // cache is in the run root, a tmpfs on an installed system, so a reboot after an
    // upgrade empties it.)
    f.add(static_cast<unsigned int>(SCMP_VER_MAJOR));
    f.add(static_cast<unsigned int>(SCMP_VER_MINOR));
    f.add(static_cast<unsigned int>(SCMP_VER_MICRO));
    f.add(kAuditArch);
    f.add(static_cast<uint32_t>(SeccompLayout::Tree)); // what compileAndCache... builds
    for (const Rule &r : profileRules(capabilities)) {
        f.add(r.syscall, std::strlen(r.syscall) + 1);
        f.add(r.action);
        f.add(static_cast<uint64_t>(r.compare));
        f.add(r.value);
        f.add(r.mask);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(f.h));
    return std::string("seccomp-") + hex;
}

std::optional<std::vector<char>> readCachedSeccompProgram(uint64_t capabilities,
                                                          const std::string &cacheDir)
{
    auto data = fs::readFile(cachePath(cacheDir, capabilities),
                             kCacheHeader + kMaxInstructions * sizeof(sock_filter));
    if (!data || data->size() <= kCacheHeader ||
        (data->size() - kCacheHeader) % sizeof(sock_filter) != 0 ||
        std::memcmp(data->data(), kCacheMagic, sizeof kCacheMagic) != 0)
        return std::nullopt;
    uint64_t sum = 0;
    std::memcpy(&sum, data->data() + sizeof kCacheMagic, sizeof sum);
    const char *prog = data->data() + kCacheHeader;
    const size_t size = data->size() - kCacheHeader;
    if (sum != programChecksum(prog, size))
        return std::nullopt; // damaged: compile again (and overwrite it)
    return std::vector<char>(prog, prog + size);
}

Result<std::vector<char>> compileAndCacheSeccompProgram(uint64_t capabilities,
                                                        const std::string &cacheDir)
{
    auto prog = buildSeccompProgram(capabilities);
    if (!prog)
        return prog;
    // Keeping it is an optimisation: a cache that cannot be written changes nothing.
    if (fs::makeDirectories(cacheDir, 0700)) {
        std::string file(kCacheMagic, sizeof kCacheMagic);
        const uint64_t sum = programChecksum(prog->data(), prog->size());
        file.append(reinterpret_cast<const char *>(&sum), sizeof sum);
        file.append(prog->data(), prog->size());
        (void)fs::writeFileAtomic(cachePath(cacheDir, capabilities), file, 0600,
                                  /*durable=*/false);
    }
    return prog;
}

} // namespace koker
