#pragma once

// CgroupFs on the real kernel: plain syscalls on /sys/fs/cgroup, every fd O_CLOEXEC
// in a UniqueFd. Obtain the shared instance with hostCgroupFs().

#include "cgroupfs.h"

namespace koker {

class CgroupHostFs final : public CgroupFs
{
public:
    /// mkdir(2); the kernel fills the new directory with interface files.
    Status makeDirectory(const std::string &path, mode_t mode) override;
    /// rmdir(2) (not unlink: a cgroup's interface files cannot be deleted).
    Status removeDirectory(const std::string &path) override;
    /// open + read to EOF (cgroup files report size 0 or 4096, whatever they hold).
    Result<std::string> readFile(const std::string &path) override;
    /// open(O_WRONLY) + one write(2); a short write is an error.
    Status writeFile(const std::string &path, std::string_view value) override;
    /// access(F_OK) without following a final symlink.
    bool exists(const std::string &path) override;
    /// readdir, directories only.
    Result<std::vector<std::string>> listDirectories(const std::string &path) override;
    /// kill(2); ESRCH (already gone) is reported, callers usually ignore it.
    Status signalProcess(pid_t pid, int signal) override;
    /// open(O_DIRECTORY) + bpf(BPF_PROG_LOAD) + bpf(BPF_PROG_ATTACH); the program
    /// then lives as long as the cgroup.
    Status attachDeviceProgram(const std::string &path, std::span<const bpf_insn> program) override;
};

} // namespace koker
