#pragma once

// What a container's cgroups say about it: memory, CPU time and throttling,
// processes and OOM kills, with the parsers for the kernel's file formats. v1 and
// v2 name and scale the same numbers differently (cpuacct.usage in ns against
// cpu.stat usage_usec); CgroupStats always holds bytes, nanoseconds and counts.

#include <cstdint>
#include <optional>
#include <string_view>

namespace koker {

struct CgroupStats
{
    // Every field is empty when its controller is not there to ask.
    std::optional<int64_t> memoryUsageBytes;    // v1 memory.usage_in_bytes, v2 memory.current
    std::optional<int64_t> memoryLimitBytes;    // -1 = no limit
    std::optional<int64_t> cpuUsageNs;          // v1 cpuacct.usage, v2 cpu.stat usage_usec
    std::optional<int64_t> cpuPeriods;          // cpu.stat nr_periods
    std::optional<int64_t> cpuThrottledPeriods; // cpu.stat nr_throttled
    std::optional<int64_t> cpuThrottledNs;      // v1 throttled_time, v2 throttled_usec
    std::optional<int64_t> pidsCurrent;
    std::optional<int64_t> pidsMax;  // -1 = no limit
    std::optional<int64_t> oomKills; // v1 memory.oom_control, v2 memory.events "oom_kill"
};

/// The number after `key` in a "key value" per line file (cpu.stat, memory.events,
/// memory.oom_control); empty when the key is missing or the value is no number.
std::optional<int64_t> cgroupKeyedValue(std::string_view text, std::string_view key);

/// A one-number file ("10485760\n"); "max" and the v1 "unlimited" value (the page
/// counter's maximum, 9223372036854771712 on 4 KiB pages) read as -1.
std::optional<int64_t> cgroupLimitValue(std::string_view text);

} // namespace koker
