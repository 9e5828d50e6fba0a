#include "seccompfilter.h"

#include <seccomp.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <memory>

namespace koker {

const std::vector<const char *> &seccompDeniedSyscalls()
{
    // Docker's default profile refuses these to a container without the matching
    // capability; we refuse them outright (the list follows moby's profile and
    // the security brief: keyctl, bpf, ptrace-style calls, mounting, modules...).
    static const std::vector<const char *> denied = {
        "acct",
        "add_key",
        "bpf",
        "clock_adjtime",
        "clock_settime",
        "create_module",
        "delete_module",
        "finit_module",
        "fsconfig",
        "fsmount",
        "fsopen",
        "fspick",
        "get_kernel_syms",
        "get_mempolicy",
        "init_module",
        "ioperm",
        "iopl",
        "kcmp",
        "kexec_file_load",
        "kexec_load",
        "keyctl",
        "lookup_dcookie",
        "mbind",
        "mount",
        "mount_setattr",
        "move_mount",
        "move_pages",
        "name_to_handle_at",
        "nfsservctl",
        "open_by_handle_at",
        "open_tree",
        "perf_event_open",
        "pivot_root",
        "process_vm_readv",
        "process_vm_writev",
        "ptrace",
        "query_module",
        "quotactl",
        "reboot",
        "request_key",
        "set_mempolicy",
        "setns",
        "settimeofday",
        "stime",
        "swapoff",
        "swapon",
        "sysfs",
        "syslog",
        "_sysctl",
        "umount",
        "umount2",
        "unshare",
        "uselib",
        "userfaultfd",
        "ustat",
        "vm86",
        "vm86old",
    };
    return denied;
}

Result<std::vector<char>> buildDefaultSeccompProgram()
{
    std::unique_ptr<void, decltype(&seccomp_release)> ctx(seccomp_init(SCMP_ACT_ALLOW),
                                                          seccomp_release);
    if (!ctx)
        return fail(ErrorCode::System, "seccomp_init failed");
    for (const char *name : seccompDeniedSyscalls()) {
        int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR)
            continue; // not on this architecture
        if (seccomp_rule_add(ctx.get(), SCMP_ACT_ERRNO(EPERM), nr, 0) != 0)
            return fail(ErrorCode::System, std::string("seccomp rule for ") + name);
    }
    // Export through a memfd: libseccomp writes the BPF program to an fd.
    int fd = ::memfd_create("koker-seccomp", MFD_CLOEXEC);
    if (fd < 0)
        return failErrno("memfd_create");
    std::unique_ptr<int, void (*)(int *)> guard(&fd, [](int *p) { ::close(*p); });
    if (int rc = seccomp_export_bpf(ctx.get(), fd); rc != 0)
        return fail(ErrorCode::System, "seccomp_export_bpf failed");
    off_t size = ::lseek(fd, 0, SEEK_END);
    if (size <= 0)
        return fail(ErrorCode::System, "empty seccomp program");
    std::vector<char> prog(static_cast<size_t>(size));
    if (::pread(fd, prog.data(), prog.size(), 0) != size)
        return failErrno("read seccomp program");
    return prog;
}

} // namespace koker
