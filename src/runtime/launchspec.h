#pragma once

// Everything the container monitor needs to start a container's first process
// (or an exec'd one), decided by the engine before anything runs. The engine
// writes it to the monitor's control socket; the monitor never consults the
// store, the image or the user: it only carries out this spec.

#include "error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace koker {

/// A bind mount of a host directory or file into the container (-v).
struct VolumeSpec
{
    std::string source; // host path (opened by the monitor as root: the engine checked it)
    std::string target; // path inside the container, resolved in its root
    bool readOnly = false;
};

struct ProcessSpec
{
    std::vector<std::string> args; // args[0] is looked up in the container's PATH
    std::vector<std::string> env;  // KEY=VALUE
    std::string cwd = "/";
    std::string user; // "", "uid", "uid:gid", "name", "name:group" (resolved inside)
    bool terminal = false;
    bool stdinOpen = false; // -i: keep stdin open for attach clients
    uint16_t rows = 24;
    uint16_t cols = 80;
};

enum class NetMode : uint8_t
{
    Loopback, // a new network namespace with only lo (--network none)
    Host,     // the host's network namespace (--network host)
    Path,     // join a prepared namespace file (bridge networks)
};

/// The security settings applied last before execve (issue: confinement).
struct Confinement
{
    bool privileged = false;
    uint64_t capabilities = 0; // bounding/effective/permitted set (bit = CAP_*)
    bool noNewPrivileges = true;
    bool seccomp = true;
    // The filter as a sock_filter array, compiled (or found in its cache) by the
    // engine (seccompfilter.h) so that the monitor needs no libseccomp; required
    // when seccomp is on.
    std::vector<char> seccompProgram;
    std::vector<std::string> maskedPaths;
    std::vector<std::string> readOnlyPaths;
};

struct LaunchSpec
{
    enum class Kind : uint8_t
    {
        Init,
        Exec
    };
    Kind kind = Kind::Init;

    std::string id;
    std::string stateDir; // the container's state directory (exit file, log)
    std::string runDir;   // where the attach socket lives

    // Init only: the root file system and what goes into it.
    std::string layersDir;              // lowerdir names are relative to this dir
    std::vector<std::string> lowerDirs; // top layer first
    std::string upperDir;
    std::string workDir;
    /// The writable layer is thrown away at the end (--rm): mount it volatile, so
    /// that the overlay's unmount does not sync the file system under it.
    bool volatileUpper = false;
    std::string rootfs; // the overlay's mount point
    std::string hostname;
    std::string hostsFile;  // host files bind-mounted over /etc/hosts, /etc/resolv.conf,
    std::string resolvFile; // /etc/hostname
    std::string hostnameFile;
    std::vector<VolumeSpec> volumes;
    NetMode netMode = NetMode::Loopback;
    std::string netnsPath;
    // The cgroups the child joins (CgroupJoin): it writes "0" to each v1 `tasks`
    // file itself, and clone3() starts it in the cgroup2 directory.
    std::vector<std::string> cgroupThreadFiles;
    std::string cgroupCloneInto;

    // Exec only: the container to join.
    int32_t targetPid = 0;
    uint64_t targetStartTime = 0; // /proc/<pid>/stat field 22, against pid reuse

    ProcessSpec process;
    Confinement confinement;

    std::string logPath; // console log (framed records)
    uint64_t logMaxBytes = 8 << 20;
    std::string exitFile;                        // where the monitor records how the process ended
    std::vector<std::string> exitCommand;        // run after exit when no owner is attached
    std::vector<std::string> oomFiles;           // memory.oom_control (v1) / memory.events (v2)
    std::vector<std::string> cgroupDirsToRemove; // after the last process is gone

    bool stepThrough = false; // pause before every child step (Gate messages)
    /// Whether the engine that starts the process cleans up after it when it is
    /// still connected at the end (the CLI as root). kokerd never does: the
    /// monitor always runs the exit command for containers it started.
    bool ownerCleansUp = true;
    uint32_t firstSeq = 1; // step numbers continue the engine's

    std::string encode() const;
    static Result<LaunchSpec> decode(std::string_view data);
};

} // namespace koker
