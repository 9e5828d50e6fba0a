#pragma once

// The CLI end of an attach connection: the caller's terminal (raw mode, size
// changes) or plain stdin/stdout/stderr, relayed to a container monitor.

#include "runtime/attachprotocol.h"

#include <sys/types.h>

#include <functional>

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
    /// Without a tty, SIGINT/SIGTERM/... we receive are forwarded here (sig-proxy).
    std::function<void(int)> forwardSignal;
};

/// Relay until the process exits, the user detaches (Ctrl-P Ctrl-Q on a
/// terminal) or the connection drops.
AttachOutcome relayAttach(int controlFd, const AttachSettings &settings);

struct Attached;
class Backend;
/// relayAttach() on an attached process, signals forwarded through `backend`;
/// closes the console afterwards.
AttachOutcome attachTo(Backend &backend, Attached &attached, bool tty, bool stdinOpen);

} // namespace koker::cli
