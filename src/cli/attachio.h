#pragma once

// The CLI end of an attach connection: the caller's terminal (raw mode, size
// changes) or plain stdin/stdout/stderr, relayed to a container monitor.

#include "runtime/attachprotocol.h"

#include <sys/types.h>

namespace koker::cli {

struct AttachOutcome
{
    enum Kind
    {
        Exited,
        Detached,
        Lost
    } kind = Lost;
    attach::ExitStatus status;
};

struct AttachSettings
{
    bool tty = false;       // the container has a terminal
    bool stdinOpen = false; // forward our stdin (-i)
    pid_t proxyPid = 0;     // without a tty, forward SIGINT/SIGTERM/... to this process
};

/// Relay until the process exits, the user detaches (Ctrl-P Ctrl-Q on a
/// terminal) or the connection drops.
AttachOutcome relayAttach(int controlFd, const AttachSettings &settings);

} // namespace koker::cli
