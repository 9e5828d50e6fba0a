#include "filelock.h"

#include <fcntl.h>
#include <sys/file.h>

namespace koker {

Result<FileLock> FileLock::acquire(const std::string &path, Mode mode)
{
    UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd)
        return failErrno("open lock file " + path);
    int op = mode == Mode::Exclusive ? LOCK_EX : LOCK_SH;
    while (::flock(fd.get(), op) != 0) {
        if (errno != EINTR)
            return failErrno("lock " + path);
    }
    return FileLock(std::move(fd));
}

} // namespace koker

namespace koker {

Result<FileLock> FileLock::acquireExisting(const std::string &path)
{
    // Read-only: flock() needs no more, and a directory opens no other way.
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("open lock file " + path);
    while (::flock(fd.get(), LOCK_EX) != 0) {
        if (errno != EINTR)
            return failErrno("lock " + path);
    }
    return FileLock(std::move(fd));
}

Result<FileLock> FileLock::tryAcquire(const std::string &path, Mode mode)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("open lock file " + path);
    int op = (mode == Mode::Exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
    while (::flock(fd.get(), op) != 0) {
        if (errno == EWOULDBLOCK)
            return fail(ErrorCode::Busy, path + " is locked by another process");
        if (errno != EINTR)
            return failErrno("lock " + path);
    }
    return FileLock(std::move(fd));
}

} // namespace koker
