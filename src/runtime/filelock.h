#pragma once

// An advisory lock on a file (flock), held for the lifetime of the object. The
// store takes it around every change of its index so the CLI, the helper and a
// monitor's exit command can all work on one store at once.

#include "error.h"
#include "uniquefd.h"

#include <string>

namespace koker {

class FileLock
{
public:
    enum class Mode
    {
        Shared,
        Exclusive
    };

    /// Block until the lock on `path` (created 0600 if missing) is held.
    static Result<FileLock> acquire(const std::string &path, Mode mode = Mode::Exclusive);
    /// Like acquire(), but the file (or directory) must exist already (NotFound
    /// otherwise): a lock must not bring back what is being deleted.
    static Result<FileLock> acquireExisting(const std::string &path);
    /// Take the lock on an existing file or directory only if nobody holds it;
    /// Busy otherwise.
    static Result<FileLock> tryAcquire(const std::string &path, Mode mode = Mode::Exclusive);

    FileLock(FileLock &&) noexcept = default;
    FileLock &operator=(FileLock &&) noexcept = default;
    ~FileLock() = default; // closing the fd drops the lock

private:
    explicit FileLock(UniqueFd fd)
        : m_fd(std::move(fd))
    {}
    UniqueFd m_fd;
};

} // namespace koker
