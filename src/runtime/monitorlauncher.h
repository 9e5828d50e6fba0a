#pragma once

// The engine's side of starting a monitor: hand it a LaunchSpec, then read its
// step records until the container's process has reached execve() (or failed).
// Blocking by design: kokerd runs it on a worker thread, the CLI at top level.

#include "attachprotocol.h"
#include "launchspec.h"
#include "plan.h"

#include <string>

namespace koker {

struct MonitorStart
{
    UniqueFd control; // an attach connection with the Owner role
    pid_t pid = 0;    // the container process, as the host sees it
};

/// Start `monitorPath` (koker-monitor) for `spec`; returns the control socket.
/// The monitor detaches (double fork, new session) and outlives the caller.
Result<UniqueFd> spawnMonitor(const std::string &monitorPath, const LaunchSpec &spec);

/// Relay step records to `observer` until Started or Failed. In step-through
/// mode `gate` is asked before each child step (true = go on, false = abort).
/// A failure carries the exit code Docker would use (125, 126 or 127) in
/// Error::sysErrno's place: see MonitorFailure.
struct MonitorFailure
{
    Error error;
    int exitCode = 125;
};
std::expected<MonitorStart, MonitorFailure>
waitForStart(UniqueFd control, const StepObserver &observer, const StepGate &gate = {});

/// /proc/<pid>/stat field 22 (start time in clock ticks); 0 when the pid is gone
/// (or a zombie).
uint64_t processStartTime(pid_t pid);
/// /proc/<pid>/stat field 4 (the parent's pid); 0 when the pid is gone.
pid_t parentPid(pid_t pid);

} // namespace koker
