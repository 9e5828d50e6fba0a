#pragma once

// The three ways a Linux host can lay out its control groups. Which one a host uses
// decides every file Koker writes, so it is detected at run time (CgroupLayout) and
// never assumed at build time.
//
//   Legacy   only cgroup v1: one hierarchy per controller (or per co-mounted group,
//            "cpu,cpuacct"), each its own mount under /sys/fs/cgroup.
//   Hybrid   the v1 hierarchies of Legacy *plus* systemd's cgroup2 at
//            /sys/fs/cgroup/unified, which tracks processes but holds (almost) no
//            controllers: every limit is still a v1 file. Debian 10/11, Ubuntu 20.04,
//            and this project's CI machine.
//   Unified  one cgroup2 tree at /sys/fs/cgroup owning every controller (Debian 12).

namespace koker {

enum class CgroupMode
{
    Legacy,
    Hybrid,
    Unified
};

/// "legacy", "hybrid" or "unified" (the words systemd uses for the same modes).
inline const char *cgroupModeName(CgroupMode mode)
{
    switch (mode) {
    case CgroupMode::Legacy:
        return "legacy";
    case CgroupMode::Hybrid:
        return "hybrid";
    case CgroupMode::Unified:
        return "unified";
    }
    return "legacy";
}

} // namespace koker
