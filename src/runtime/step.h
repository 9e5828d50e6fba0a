#pragma once

// A step is one kernel-level operation of making, running or removing a container:
// the thing students come to see. Its record is a fixed-size POD so the child can
// send it over a socket between clone() and execve() without allocating, and the
// monitor can relay it unchanged. Text fields are NUL-terminated and truncated.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace koker {

enum class Phase : uint8_t
{
    Image,
    Storage,
    Cgroup,
    Network,
    Namespace,
    Process,
    Cleanup
};
enum class Side : uint8_t
{
    Host,
    Container
};
enum class StepState : uint8_t
{
    Planned,    // in the plan, not started
    Running,    // started, not finished
    Done,       // finished successfully
    Failed,     // finished with an error (err holds errno when there is one)
    Skipped,    // not needed on this host or for this spec
    RolledBack, // undone after a later step failed
};

const char *phaseName(Phase phase);
const char *sideName(Side side);
const char *stepStateName(StepState state);

struct StepRecord
{
    uint32_t seq = 0;
    Phase phase = Phase::Process;
    Side side = Side::Host;
    StepState state = StepState::Planned;
    uint8_t reserved = 0;
    int32_t pid = 0;        // the process that did it (host pid for the host side)
    int32_t err = 0;        // errno of a failure, 0 otherwise
    int64_t startNs = 0;    // CLOCK_REALTIME, nanoseconds since the epoch
    int64_t durationNs = 0; // CLOCK_MONOTONIC difference
    char key[40] = {};      // explanation key, e.g. "cgroup.write"; see docs/learn
    char title[96] = {};    // "Limit memory"
    char op[768] = {};      // exact operation: syscall and arguments, file and value
    char shell[512] = {};   // the command a student could type to do the same
    char message[128] = {}; // failure text (without errno), or a short note

    void setKey(std::string_view s) { copy(key, sizeof key, s); }
    void setTitle(std::string_view s) { copy(title, sizeof title, s); }
    void setOp(std::string_view s) { copy(op, sizeof op, s); }
    void setShell(std::string_view s) { copy(shell, sizeof shell, s); }
    void setMessage(std::string_view s) { copy(message, sizeof message, s); }

    /// End every text field inside its array. For a record that arrived as bytes
    /// (a socket message): its readers take the fields as C strings.
    void terminate()
    {
        key[sizeof key - 1] = title[sizeof title - 1] = op[sizeof op - 1] = '\0';
        shell[sizeof shell - 1] = message[sizeof message - 1] = '\0';
    }

    // Async-signal-safe: only memcpy.
    static void copy(char *dst, size_t cap, std::string_view s)
    {
        size_t n = s.size() < cap - 1 ? s.size() : cap - 1;
        std::memcpy(dst, s.data(), n);
        dst[n] = '\0';
    }
};

static_assert(sizeof(StepRecord) < 1700, "records travel in one SOCK_SEQPACKET message");

/// Nanoseconds of CLOCK_REALTIME / CLOCK_MONOTONIC (both async-signal-safe).
int64_t realtimeNs();
int64_t monotonicNs();

/// Quote a word for a POSIX shell ("a b" -> 'a b'); for the `shell` field.
std::string shellQuote(std::string_view word);

} // namespace koker
