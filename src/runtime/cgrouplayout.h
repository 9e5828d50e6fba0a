#pragma once

// Where the host mounted its cgroup hierarchies, read from /proc/self/mountinfo.
//
// Decision rules (docs/learn/cgroups.md shows them with examples):
//  * A v1 hierarchy is a mount of type "cgroup"; its controllers are the controller
//    names and "name=..." in its super options ("rw,cpu,cpuacct" -> cpu and cpuacct,
//    one hierarchy). A hierarchy mounted twice (same device number) counts once.
//  * No v1 hierarchy carries a resource controller, and a cgroup2 is mounted ->
//    Unified. A v1 hierarchy that is only "name=systemd" does not count: it has no
//    controller, it is a compatibility mount some hosts keep for old containers.
//  * v1 resource controllers and a cgroup2 mounted next to them, at
//    "<parent of the v1 mounts>/unified" (systemd's layout) -> Hybrid.
//  * v1 resource controllers and no cgroup2, or a cgroup2 somewhere else (say a
//    student's `mount -t cgroup2 none /mnt/cg2`) -> Legacy. Such a stray cgroup2
//    holds no controller we could use (each controller lives in one hierarchy only,
//    and the v1 mounts own them) and nothing tracks processes there, so it is
//    ignored with a note. Note that the cgroup2 of a Hybrid host may list a few
//    controllers nobody bound to v1 (this machine's shows "hugetlb") or none at all:
//    its cgroup.controllers cannot tell Hybrid from Legacy, its place can.
//  * No hierarchy at all -> Unsupported.

#include "cgroupmode.h"
#include "error.h"

#include <string>
#include <string_view>
#include <vector>

namespace koker {

/// One mounted cgroup hierarchy.
struct CgroupHierarchy
{
    std::string mountPoint;               // "/sys/fs/cgroup/cpu,cpuacct"
    std::string root;                     // the hierarchy path that is mounted there, "/" usually
    std::vector<std::string> controllers; // v1: {"cpu", "cpuacct"} or {"name=systemd"}; v2: {}
    bool v2 = false;

    /// Whether this hierarchy carries `controller` ("memory", "name=systemd").
    bool has(std::string_view controller) const;
    /// The controllers joined with ',' as the kernel shows them ("cpu,cpuacct").
    std::string name() const;
};

/// The host's cgroup layout: mode, v1 hierarchies and the cgroup2 mount.
struct CgroupLayout
{
    CgroupMode mode = CgroupMode::Legacy;
    std::vector<CgroupHierarchy> v1; // v1 hierarchies in mountinfo order (Legacy, Hybrid)
    std::string unifiedMount;        // the cgroup2 mount (Hybrid, Unified); "" in Legacy
    std::vector<std::string> notes;  // what was ignored and why, for `koker info` and logs

    /// The v1 hierarchy carrying `controller`, or nullptr when it is not mounted.
    const CgroupHierarchy *v1Hierarchy(std::string_view controller) const;
    /// Mount point of the v1 hierarchy carrying `controller`, or "".
    std::string v1Mount(std::string_view controller) const;
};

/// Detect the layout from the text of /proc/self/mountinfo (tests feed samples).
Result<CgroupLayout> parseCgroupLayout(std::string_view mountinfo);

/// Detect the layout of this host from /proc/self/mountinfo.
Result<CgroupLayout> detectCgroupLayout();

/// Undo mountinfo's octal escapes ("\040" is a space) in a path field.
std::string unescapeMountinfoField(std::string_view field);

} // namespace koker
