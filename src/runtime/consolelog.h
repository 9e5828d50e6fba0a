#pragma once

// The container's console log: what the process wrote, kept by its monitor so
// `koker logs` works after the fact and for any number of viewers. Records are
// framed (stream, length, timestamp) so stdout and stderr stay apart; the file is
// bounded: past its limit it rotates once (console.log -> console.log.1).

#include "error.h"
#include "uniquefd.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace koker {

struct ConsoleRecord
{
    uint8_t stream = 1; // 1 stdout (or the terminal), 2 stderr
    int64_t timeNs = 0; // CLOCK_REALTIME
    std::string_view data;
};

class ConsoleLogWriter
{
public:
    Status open(const std::string &path, uint64_t maxBytes);
    /// Append one record; rotates first when the file would pass its limit.
    void write(uint8_t stream, std::string_view data);

private:
    std::string m_path;
    uint64_t m_max = 0;
    uint64_t m_size = 0;
    UniqueFd m_fd;
};

/// Visit the records of a log (the rotated part first). Stops early when the
/// callback returns false. Returns the byte offset reached in the current file,
/// for `logs -f` to continue from.
Result<uint64_t> readConsoleLog(const std::string &path,
                                const std::function<bool(const ConsoleRecord &)> &visit,
                                uint64_t fromOffset = 0, bool includeRotated = true);

/// The same over an open descriptor of the current log file (read with pread, so
/// the descriptor's own offset does not matter).
Result<uint64_t> readConsoleLogFd(int fd, const std::function<bool(const ConsoleRecord &)> &visit,
                                  uint64_t fromOffset = 0);

} // namespace koker
