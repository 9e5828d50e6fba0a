#pragma once

// The CLI end of an attach connection: the caller's terminal (raw mode, size
// changes) or plain stdin/stdout/stderr, relayed to a container monitor.

#include "runtime/attachprotocol.h"

#include <signal.h>
#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>

namespace koker::cli {

/// Holds off SIGINT, SIGTERM, SIGHUP and SIGQUIT while koker alone owns a
/// half-made container: created but its monitor not yet running, or exited and
/// not yet cleaned up. A signal that comes meanwhile stays pending, and is
/// delivered when the shield goes (koker still dies of it, with nothing left
/// half-done). relayAttach() and askOnTerminal() read these signals themselves.
class SignalShield
{
public:
    /// `beforeDelivery` runs when a signal is pending as the shield goes: write
    /// out what is buffered, since the process ends right after.
    explicit SignalShield(std::function<void()> beforeDelivery = {});
    ~SignalShield();
    SignalShield(const SignalShield &) = delete;
    SignalShield &operator=(const SignalShield &) = delete;

    /// The signals it holds off.
    static sigset_t signals();
    /// Whether one of them is waiting.
    static bool interrupted();

private:
    sigset_t m_old;
    std::function<void()> m_beforeDelivery;
};

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

/// Reads a line from stdin for a question on the terminal; nullopt at end of
/// input or when one of SignalShield::signals() comes (Ctrl-C at a prompt).
std::optional<std::string> askOnTerminal();

struct Attached;
class Backend;
/// relayAttach() on an attached process, signals forwarded through `backend`;
/// closes the console afterwards.
AttachOutcome attachTo(Backend &backend, Attached &attached, bool tty, bool stdinOpen);

} // namespace koker::cli
