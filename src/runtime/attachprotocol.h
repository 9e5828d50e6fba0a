#pragma once

// The protocol spoken on a container monitor's sockets (SOCK_SEQPACKET, so every
// message keeps its boundaries): one type byte, then the payload.
//
//   monitor -> client   Step(StepRecord) Started(pid) Failed(code, errno, text)
//                       Output(stream, bytes) Exit(code, signal, oom)
//   client -> monitor   Hello(flags) Input(bytes) Resize(rows, cols) CloseInput
//                       Detach Gate(go|abort)
//
// The engine's control connection and every attach client (the CLI, or the GUI
// through an fd kokerd hands over) use the same messages. Payloads are capped at
// kMaxPayload; a client sending anything malformed is disconnected.

#include "error.h"
#include "step.h"
#include "uniquefd.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace koker::attach {

enum class Msg : uint8_t
{
    Hello = 1,      // client: u32 flags (HelloFlags)
    Input = 2,      // client: bytes for the container's stdin / terminal
    Resize = 3,     // client: u16 rows, u16 cols
    CloseInput = 4, // client: end of stdin
    Detach = 5,     // client: leave; the container keeps running
    Gate = 6,       // client: u8 1 = run the next step, 0 = abort (step-through)
    Step = 20,      // monitor: a StepRecord
    Started = 21,   // monitor: i32 pid of the container's process (as seen from the host)
    Failed = 22,    // monitor: i32 code, i32 errno, text
    Output = 23,    // monitor: u8 stream (1 stdout, 2 stderr), bytes
    Exit = 24,      // monitor: i32 exit code, i32 signal, u8 oom killed
    Console = 25,   // monitor -> engine only: the pty master travels as SCM_RIGHTS
};

enum HelloFlags : uint32_t
{
    WantInput = 1,  // this client may write to stdin
    WantOutput = 2, // send Output messages
    Owner = 4,      // the starting client: it cleans up after exit itself
    Replay = 8,     // send the recent output (up to kReplayBytes) first
};

/// How much recent output a monitor keeps for clients that ask for a replay: a
/// terminal attached late then shows the screen it missed.
inline constexpr size_t kReplayBytes = 64 * 1024;

inline constexpr size_t kMaxPayload = 64 * 1024;
inline constexpr size_t kMaxMessage = kMaxPayload + 16;

struct ExitStatus
{
    int32_t code = 0;   // shell-style: 128 + signal for a signal
    int32_t signal = 0; // 0 when it exited normally
    bool oomKilled = false;
};

/// Send one message; retries EINTR; EAGAIN is returned to the caller.
Status send(int fd, Msg type, std::string_view payload = {});
/// Send a message carrying a file descriptor (SCM_RIGHTS).
Status sendFd(int fd, Msg type, int passFd, std::string_view payload = {});

struct Message
{
    Msg type{};
    std::string payload;
    UniqueFd fd; // when one came with it
};

/// Receive one message (blocking unless the fd is non-blocking). End of stream is
/// NotFound; an oversized or truncated message is Corrupt.
Result<Message> receive(int fd);

std::string encodeResize(uint16_t rows, uint16_t cols);
std::string encodeExit(const ExitStatus &status);
bool decodeExit(std::string_view payload, ExitStatus &status);

} // namespace koker::attach
