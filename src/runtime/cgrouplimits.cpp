#include "cgrouplimits.h"

#include <cstdio>

namespace koker {

namespace {

std::string trimDecimals(std::string s)
{
    if (s.find('.') == std::string::npos)
        return s;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

std::string formatDecimal(double value, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return trimDecimals(buf);
}

std::string formatMicros(int64_t us)
{
    if (us % 1000 == 0)
        return std::to_string(us / 1000) + " ms";
    return formatDecimal(static_cast<double>(us) / 1000.0, 3) + " ms";
}

CgroupWrite write(std::string controller, std::string file, std::string value, std::string key,
                  std::string title)
{
    return CgroupWrite{std::move(controller), std::move(file),  std::move(value),
                       std::move(key),        std::move(title), {}};
}

} // namespace

std::string formatBytes(int64_t bytes)
{
    constexpr int64_t KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024;
    if (bytes >= GiB)
        return formatDecimal(static_cast<double>(bytes) / GiB, bytes % GiB ? 1 : 0) + " GiB";
    if (bytes >= MiB)
        return formatDecimal(static_cast<double>(bytes) / MiB, bytes % MiB ? 1 : 0) + " MiB";
    if (bytes >= KiB && bytes % KiB == 0)
        return std::to_string(bytes / KiB) + " KiB";
    return std::to_string(bytes) + " bytes";
}

std::string formatCpus(int64_t nanoCpus)
{
    return formatDecimal(static_cast<double>(nanoCpus) / 1e9, 3);
}

Status validateCgroupLimits(const CgroupLimits &l)
{
    if (l.memoryBytes < 0)
        return fail(ErrorCode::InvalidArgument,
                    "memory limit " + std::to_string(l.memoryBytes) +
                        " is negative: give a size in bytes, or 0 for no limit");
    if (l.memoryBytes > 0 && l.memoryBytes < CgroupLimits::kMinMemoryBytes)
        return fail(ErrorCode::InvalidArgument,
                    "memory limit " + formatBytes(l.memoryBytes) +
                        " is below the minimum of 6 MiB (Docker's rule): give at least 6m");
    if (l.memoryBytes > (INT64_MAX / 4))
        return fail(ErrorCode::InvalidArgument, "memory limit " + std::to_string(l.memoryBytes) +
                                                    " is too large: use 0 for no limit");
    if (l.memorySwapBytes < -1)
        return fail(ErrorCode::InvalidArgument,
                    "memory+swap limit " + std::to_string(l.memorySwapBytes) +
                        " is invalid: give a size, 0 for the default (twice the memory) or -1 "
                        "for unlimited swap");
    if (l.memorySwapBytes > 0 && l.memoryBytes == 0)
        return fail(ErrorCode::InvalidArgument,
                    "a memory+swap limit (--memory-swap) needs a memory limit (--memory) too: "
                    "set both, or use -1 for unlimited swap");
    if (l.memorySwapBytes > 0 && l.memorySwapBytes < l.memoryBytes)
        return fail(ErrorCode::InvalidArgument,
                    "memory+swap limit (--memory-swap " + formatBytes(l.memorySwapBytes) +
                        ") is smaller than the memory limit (--memory " +
                        formatBytes(l.memoryBytes) +
                        "): it counts memory and swap together, so it must be at least as "
                        "large; give -1 for unlimited swap");
    if (l.nanoCpus < 0)
        return fail(ErrorCode::InvalidArgument,
                    "CPU limit " + formatCpus(l.nanoCpus) +
                        " is negative: give a number of CPUs such as 0.5, or 0 for no limit");
    if (l.nanoCpus > 0 && l.nanoCpus < CgroupLimits::kMinNanoCpus)
        return fail(ErrorCode::InvalidArgument,
                    "CPU limit " + formatCpus(l.nanoCpus) +
                        " is below 0.01 CPU: the kernel's smallest quota is 1 ms per 100 ms "
                        "period");
    if (l.nanoCpus > INT64_MAX / 2)
        return fail(ErrorCode::InvalidArgument, "CPU limit is too large: use 0 for no limit");
    if (l.pidsMax < -1)
        return fail(ErrorCode::InvalidArgument,
                    "process limit " + std::to_string(l.pidsMax) +
                        " is invalid: give a count, 0 to leave it alone or -1 for unlimited");
    if (l.pidsMax > CgroupLimits::kMaxPids)
        return fail(ErrorCode::InvalidArgument,
                    "process limit " + std::to_string(l.pidsMax) +
                        " is above the kernel's maximum of 4194304: use -1 for unlimited");
    return {};
}

Result<CgroupLimitPlan> mapCgroupLimits(const CgroupLimits &l, CgroupMode mode,
                                        const CgroupLimitOptions &options)
{
    if (auto ok = validateCgroupLimits(l); !ok)
        return std::unexpected(ok.error());

    CgroupLimitPlan plan;
    const bool v2 = mode == CgroupMode::Unified;

    if (l.memoryBytes > 0) {
        // Docker: --memory-swap unset means "as much swap as memory", so the total
        // is twice the memory; -1 means swap is not limited at all.
        const bool unlimitedSwap = l.memorySwapBytes == -1;
        const int64_t total = l.memorySwapBytes == 0 ? 2 * l.memoryBytes : l.memorySwapBytes;
        const std::string memory = std::to_string(l.memoryBytes);
        CgroupWrite swap;
        if (!v2) {
            // The kernel insists that limit_in_bytes <= memsw.limit_in_bytes after
            // every single write. A fresh cgroup has both unlimited, so lowering the
            // memory limit first and the total second never breaks that rule.
            plan.writes.push_back(write("memory", "memory.limit_in_bytes", memory,
                                        "cgroup.limit.memory",
                                        "Limit memory to " + formatBytes(l.memoryBytes)));
            swap =
                unlimitedSwap
                    ? write("memory", "memory.memsw.limit_in_bytes", "-1", "cgroup.limit.memsw",
                            "Let the container swap without limit")
                    : write("memory", "memory.memsw.limit_in_bytes", std::to_string(total),
                            "cgroup.limit.memsw", "Limit memory + swap to " + formatBytes(total));
        } else {
            // v2 counts swap alone, so Docker's total becomes total - memory.
            plan.writes.push_back(write("memory", "memory.max", memory, "cgroup.limit.memory",
                                        "Limit memory to " + formatBytes(l.memoryBytes)));
            const int64_t swapOnly = total - l.memoryBytes;
            swap = unlimitedSwap ? write("memory", "memory.swap.max", "max", "cgroup.limit.swap",
                                         "Let the container swap without limit")
                   : swapOnly == 0
                       ? write("memory", "memory.swap.max", "0", "cgroup.limit.swap",
                               "Forbid swapping")
                       : write("memory", "memory.swap.max", std::to_string(swapOnly),
                               "cgroup.limit.swap", "Limit swap to " + formatBytes(swapOnly));
        }
        if (options.swapAccounting) {
            plan.writes.push_back(std::move(swap));
        } else {
            swap.note = std::string("skipped: the kernel has no ") +
                        (v2 ? "memory.swap.max" : "memory.memsw.* files") +
                        " (swap accounting is off; boot with swapaccount=1), so swap is "
                        "not limited";
            plan.skipped.push_back(std::move(swap));
        }
    }

    if (l.nanoCpus > 0) {
        // quota = nano * period / 1e9, and period / 1e9 is exactly 1 / 10000.
        const int64_t quota = l.nanoCpus / (1'000'000'000 / CgroupLimits::kCfsPeriodUs);
        const std::string period = std::to_string(CgroupLimits::kCfsPeriodUs);
        const std::string title = "Limit CPU to " + formatCpus(l.nanoCpus) +
                                  (l.nanoCpus > 1'000'000'000 ? " CPUs (" : " CPU (") +
                                  formatMicros(quota) + " in every " +
                                  formatMicros(CgroupLimits::kCfsPeriodUs) + ")";
        if (!v2) {
            // Period first: the kernel checks each quota against the period in force.
            plan.writes.push_back(
                write("cpu", "cpu.cfs_period_us", period, "cgroup.limit.cpu",
                      "Count CPU time in periods of " + formatMicros(CgroupLimits::kCfsPeriodUs)));
            plan.writes.push_back(
                write("cpu", "cpu.cfs_quota_us", std::to_string(quota), "cgroup.limit.cpu", title));
        } else {
            plan.writes.push_back(write("cpu", "cpu.max", std::to_string(quota) + " " + period,
                                        "cgroup.limit.cpu", title));
        }
        if (options.hostCpus > 0 && l.nanoCpus > int64_t(options.hostCpus) * 1'000'000'000)
            plan.warnings.push_back("--cpus " + formatCpus(l.nanoCpus) + " is more than the " +
                                    std::to_string(options.hostCpus) +
                                    " CPUs of this host: the limit can never be reached");
    }

    if (l.pidsMax != 0) {
        const bool unlimited = l.pidsMax == -1;
        plan.writes.push_back(write(
            "pids", "pids.max", unlimited ? "max" : std::to_string(l.pidsMax), "cgroup.limit.pids",
            unlimited ? "Allow any number of processes"
                      : "Allow at most " + std::to_string(l.pidsMax) +
                            (l.pidsMax == 1 ? " process" : " processes")));
    }
    return plan;
}

} // namespace koker
