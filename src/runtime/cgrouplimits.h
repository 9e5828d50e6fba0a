#pragma once

// Resource limits as Docker means them (`docker run --memory --memory-swap --cpus
// --pids-limit`), and the pure mapping from limits and cgroup mode to the exact
// list of cgroup files to write, in order. Pure so it can be tested without a
// kernel and shown in a plan before anything runs.

#include "cgroupmode.h"
#include "error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace koker {

struct CgroupLimits
{
    /// --memory in bytes; 0 = no limit.
    int64_t memoryBytes = 0;
    /// --memory-swap: memory + swap *together* in bytes. 0 = unset: twice the memory
    /// (as much swap as memory); -1 = unlimited swap; otherwise >= memoryBytes.
    int64_t memorySwapBytes = 0;
    /// --cpus x 1e9 (0.5 CPU = 500000000); 0 = no limit.
    int64_t nanoCpus = 0;
    /// --pids-limit; 0 = leave untouched, -1 = explicitly unlimited ("max").
    int64_t pidsMax = 0;

    /// The CFS period Docker uses; the quota is nanoCpus * period / 1e9.
    static constexpr int64_t kCfsPeriodUs = 100000;
    /// Docker refuses less memory than this: the runtime alone would not fit.
    static constexpr int64_t kMinMemoryBytes = 6 * 1024 * 1024;
    /// The kernel's smallest CFS quota is 1 ms, so 0.01 CPU with a 100 ms period.
    static constexpr int64_t kMinNanoCpus = 10'000'000;
    /// PID_MAX_LIMIT: pids.max refuses anything larger.
    static constexpr int64_t kMaxPids = 4 * 1024 * 1024;

    bool operator==(const CgroupLimits &) const = default;
};

/// One write of one cgroup interface file.
struct CgroupWrite
{
    std::string controller; // the controller owning the file: "memory", "cpu", "pids"
    std::string file;       // "memory.limit_in_bytes", "cpu.max"
    std::string value;      // what is written, exactly: "10485760", "20000 100000", "max"
    std::string key;        // step key: "cgroup.limit.memory", ".memsw", ".swap", ".cpu", ".pids"
    std::string title;      // for students: "Limit memory to 10 MiB"
    std::string note;       // why it was skipped (only in CgroupLimitPlan::skipped)
};

/// What the host offers that changes the mapping.
struct CgroupLimitOptions
{
    /// v1: the memory.memsw.* files exist; v2: memory.swap.max exists. Off when the
    /// kernel runs without swap accounting (swapaccount=0, or CONFIG_MEMCG_SWAP off).
    bool swapAccounting = true;
    /// CPUs of the host, only to warn about an unreachable --cpus; 0 = unknown.
    int hostCpus = 0;
};

/// The mapped writes, in the order they must happen, plus what was left out.
struct CgroupLimitPlan
{
    std::vector<CgroupWrite> writes;  // in order
    std::vector<CgroupWrite> skipped; // wanted but impossible on this kernel; note says why
    std::vector<std::string> warnings;
};

/// Check limits the way Docker does; InvalidArgument with the rule that was broken.
Status validateCgroupLimits(const CgroupLimits &limits);

/// Map limits to cgroup file writes for `mode` (Hybrid uses the v1 files: its
/// cgroup2 has no memory, cpu or pids controller).
Result<CgroupLimitPlan> mapCgroupLimits(const CgroupLimits &limits, CgroupMode mode,
                                        const CgroupLimitOptions &options = {});

/// "10 MiB", "1.5 GiB", "512 KiB", "1000 bytes": sizes for titles.
std::string formatBytes(int64_t bytes);

/// "0.2", "1.5", "2": a --cpus value from nano-CPUs.
std::string formatCpus(int64_t nanoCpus);

} // namespace koker
