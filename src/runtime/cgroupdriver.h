#pragma once

// The cgroups of one container, in whatever mode the host runs (cgroupmode.h):
// create them, write the limits, move processes in, read statistics, kill what is
// left and remove them. Container cgroups live in "koker/<id>" at the root of each
// hierarchy, the way Docker uses "docker/<id>":
//
//   Legacy   /sys/fs/cgroup/<hierarchy>/koker/<id> in each v1 hierarchy that matters
//            (memory, cpu, cpuacct, pids, cpuset, devices, freezer, blkio, name=systemd)
//   Hybrid   the same, plus /sys/fs/cgroup/unified/koker/<id> (no limits there: it
//            only tracks processes, but it offers cgroup.kill)
//   Unified  /sys/fs/cgroup/koker/<id>, after enabling +memory +cpu +pids in the
//            cgroup.subtree_control of the root and of koker/
//
// Every change is available as plan steps (plan.h) so the engine can run it inside
// a container's plan and the GUI can show the file and the value of each write;
// the plain functions (create, applyLimits, remove...) run those same steps.
// The driver is a value: steps hold copies of what they need, never the driver.

#include "cgroupfs.h"
#include "cgrouplayout.h"
#include "cgrouplimits.h"
#include "cgroupstats.h"
#include "error.h"
#include "plan.h"

#include <sys/types.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace koker {

/// The container's cgroup directory in one hierarchy.
struct CgroupDir
{
    std::string hierarchy;                // "memory", "cpu,cpuacct", "name=systemd", "unified"
    std::string mountPoint;               // "/sys/fs/cgroup/memory"
    std::string parent;                   // "/sys/fs/cgroup/memory/koker"
    std::string path;                     // "/sys/fs/cgroup/memory/koker/<id>"
    std::vector<std::string> controllers; // v1: the hierarchy's; v2: {}
    bool v2 = false;

    /// Whether this directory's hierarchy carries `controller` (v1 only).
    bool has(std::string_view controller) const;
};

/// How a new process gets into the container's cgroups without the kernel's global
/// lock. Writing a pid to cgroup.procs takes cgroup_threadgroup_rwsem for writing,
/// and its writer first waits for an RCU grace period: 5-15 ms on a small VM, the
/// biggest single cost of a container start. Two other ways skip that lock:
///  - cgroup2: clone3(CLONE_INTO_CGROUP) starts the child in the directory;
///  - v1: a single-threaded process writes "0" (itself) to each hierarchy's `tasks`
///    file, which moves one thread, the writer, without the global lock.
struct CgroupJoin
{
    std::vector<std::string> threadFiles; // v1: "<dir>/tasks" in each hierarchy
    std::string cloneInto;                // the cgroup2 directory; "" when there is none
};

class CgroupDriver
{
public:
    /// The directory under each hierarchy root that holds every container's cgroup.
    static constexpr std::string_view kParentName = "koker";
    /// The v2 controllers Koker enables for its containers, when the host has them.
    static constexpr std::string_view kV2Controllers[] = {"memory", "cpu", "pids"};

    /// Check that `id` is safe as one path component: [A-Za-z0-9][A-Za-z0-9_.-]{0,127}.
    static Status validateId(std::string_view id);

    /// A driver for container `id` on this host (its mountinfo, the real cgroupfs).
    static Result<CgroupDriver> forHost(std::string id);

    /// A driver on a given layout and filesystem (the tests pass the fake's).
    static Result<CgroupDriver> forLayout(CgroupLayout layout, std::string id,
                                          std::shared_ptr<CgroupFs> fs);

    /// The host's mode.
    CgroupMode mode() const { return m_layout.mode; }
    /// The layout the driver works on.
    const CgroupLayout &layout() const { return m_layout; }
    /// The container id (the last path component).
    const std::string &id() const { return m_id; }
    /// The container's directories, one per hierarchy, in creation order.
    const std::vector<CgroupDir> &dirs() const { return m_dirs; }
    /// The container's directory holding `controller`'s files ("memory", "cpu",
    /// "cpuacct", "pids"...); NotFound when that controller is not mounted.
    Result<std::string> pathFor(std::string_view controller) const;
    /// Where the container's first process (or an exec'd one) joins: see CgroupJoin.
    CgroupJoin joinTargets() const;

    // --- Steps (phase Cgroup, side Host). Building a plan reads the host (which
    // --- controllers exist, whether koker/ is there) but changes nothing.

    /// mkdir koker/<id> everywhere (and koker/ when missing), v1 cpuset copied from
    /// the parent, v2 controllers enabled; each mkdir rolls back with rmdir.
    std::vector<Step> planCreate() const;
    /// One step per file write of mapCgroupLimits, in order (plus an informational
    /// step for each write the kernel cannot take, e.g. no swap accounting).
    Result<std::vector<Step>> planLimits(const CgroupLimits &limits) const;
    /// The device allow-list, Docker's default set (defaultDeviceRules(): null,
    /// zero, full, random, urandom, tty, console, ptmx, pts/*, tun, and mknod of any
    /// node). With a v1 devices controller: deny everything, then allow the list.
    /// Without one (cgroup v2): one step that attaches the list, compiled to an eBPF
    /// device program, to the cgroup2 directory. Empty when privileged.
    std::vector<Step> planDevices(bool privileged) const;
    /// Whether planDevices() polices device nodes here: a v1 devices controller or
    /// a cgroup2 directory to attach the program to. Where it cannot, the engine
    /// takes CAP_MKNOD away instead (containerCapabilities()).
    bool policesDevices() const { return dirWith("devices") != nullptr || unifiedDir() != nullptr; }
    /// Write `pid` to every cgroup.procs; no rollback. (Containers join through
    /// joinTargets() instead: this is for moving a process that already runs.)
    std::vector<Step> planJoin(pid_t pid) const;
    /// Kill everything in the cgroups: cgroup.kill where the kernel has it, else
    /// freeze (v1 freezer), SIGKILL each pid, thaw; then wait until they are gone.
    std::vector<Step> planKill() const;
    /// rmdir koker/<id> (children first) in every hierarchy; missing = done. Kills
    /// nothing: run planKill first, or rmdir fails with Busy after the settle timeout.
    std::vector<Step> planRemove() const;

    // --- The same operations, run directly (each runs its plan: a failing create
    // --- is rolled back).

    /// Create the directories (planCreate).
    Status create() const;
    /// Write the limits (planLimits).
    Status applyLimits(const CgroupLimits &limits) const;
    /// Move `pid` into every directory (planJoin).
    Status joinPid(pid_t pid) const;
    /// Kill every process and wait until the cgroups are empty (planKill).
    Status killAll() const;
    /// Remove every directory (planRemove); idempotent.
    Status remove() const;

    /// Async-signal-safe join for a single-threaded child between clone() and
    /// execve(): write "0" (the calling thread) to each fd opened from
    /// joinTargets().threadFiles. Returns 0, or the errno of the first failed write.
    static int joinSelf(const int *threadFds, size_t count) noexcept;

    /// Memory, CPU, pids and OOM numbers; NotFound when the cgroup does not exist.
    Result<CgroupStats> stats() const;
    /// Every pid in the container's cgroups and their children, sorted, no duplicates.
    Result<std::vector<pid_t>> pids() const;
    /// Whether no process is left (a cgroup that does not exist is empty).
    Result<bool> isEmpty() const;
    /// Whether any of the container's directories exists.
    bool exists() const;

    /// What the host offers for limits: swap accounting, number of CPUs.
    CgroupLimitOptions limitOptions() const;

    /// How long removal retries EBUSY and killAll waits for dying tasks (default 3 s).
    void setSettleTimeoutMs(int ms) { m_settleTimeoutMs = ms; }

private:
    CgroupDriver(CgroupLayout layout, std::string id, std::shared_ptr<CgroupFs> fs);

    const CgroupDir *dirWith(std::string_view controller) const;
    const CgroupDir *unifiedDir() const;
    std::vector<std::string> availableV2Controllers() const;

    CgroupLayout m_layout;
    std::string m_id;
    std::shared_ptr<CgroupFs> m_fs;
    std::vector<CgroupDir> m_dirs;
    int m_settleTimeoutMs = 3000;
};

} // namespace koker
