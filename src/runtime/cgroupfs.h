#pragma once

// The few operations cgroup management needs from the kernel, behind an interface:
// the real one (CgroupHostFs) talks to /sys/fs/cgroup, and the tests' FakeCgroupFs
// emulates the kernel's cgroupfs in a temp directory, which is how the cgroup v2
// code is tested on a host that cannot boot unified. Paths are absolute host paths.
// Errors carry the errno the kernel would give (EBUSY, ENOSPC, EINVAL, ...).

#include "error.h"

#include <linux/bpf.h>
#include <sys/types.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace koker {

class CgroupFs
{
public:
    virtual ~CgroupFs() = default;

    /// mkdir(path, mode): creating a cgroup directory creates its interface files.
    virtual Status makeDirectory(const std::string &path, mode_t mode) = 0;
    /// rmdir(path): EBUSY while the cgroup has processes or child cgroups.
    virtual Status removeDirectory(const std::string &path) = 0;
    /// Read a whole interface file.
    virtual Result<std::string> readFile(const std::string &path) = 0;
    /// One write(2) of `value` (cgroup files take one value per write).
    virtual Status writeFile(const std::string &path, std::string_view value) = 0;
    /// Whether a file or directory exists.
    virtual bool exists(const std::string &path) = 0;
    /// Names of the child directories (child cgroups) of `path`.
    virtual Result<std::vector<std::string>> listDirectories(const std::string &path) = 0;
    /// kill(pid, signal): the one non-file operation, here so the fake can let its
    /// emulated processes die instead of signalling real pids of the host.
    virtual Status signalProcess(pid_t pid, int signal) = 0;
    /// Load a BPF_PROG_TYPE_CGROUP_DEVICE program and attach it to the cgroup2
    /// directory `path` (devicepolicy.h): how cgroup v2 polices device files.
    virtual Status attachDeviceProgram(const std::string &path,
                                       std::span<const bpf_insn> program) = 0;
};

/// The real cgroupfs of this host (a shared, stateless instance).
std::shared_ptr<CgroupFs> hostCgroupFs();

} // namespace koker
