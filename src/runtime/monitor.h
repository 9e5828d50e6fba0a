#pragma once

// The container monitor (the role conmon plays for podman; architecture brief §3).
// One per container process (the init, or an exec'd one). It is the parent of that
// process: it creates it (clone3 into new namespaces, or fork + setns for exec),
// puts it into its cgroups before it runs, relays the child's step records to the
// engine, then stays for the process's life: it keeps the console log, serves any
// number of attach clients on a root-only socket, reaps the process, records how
// it ended (exit code, signal, OOM) and, when nobody who started it is still
// connected, runs the cleanup command. Containers therefore outlive the CLI, the
// GUI and kokerd.

#include "launchspec.h"
#include "step.h"

#include <vector>

namespace koker {

/// The monitor's own steps around the child's (clone and cgroup join for an init,
/// fork for an exec), numbered just before spec.firstSeq.
std::vector<StepRecord> planMonitorSteps(const LaunchSpec &spec);

/// Run the monitor for `spec`, reporting on `controlFd` (the engine's end of a
/// SOCK_SEQPACKET pair). Returns the monitor process's exit code.
int runMonitor(const LaunchSpec &spec, int controlFd);

/// Read the exit file a monitor wrote ("exitCode=..\nsignal=..\noomKilled=..\n").
struct ExitRecord
{
    int exitCode = 0;
    int signal = 0;
    bool oomKilled = false;
    int64_t finishedAtNs = 0;
};
Result<ExitRecord> readExitFile(const std::string &path);

} // namespace koker
