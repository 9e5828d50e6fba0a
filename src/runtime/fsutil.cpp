#include "fsutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <vector>

namespace koker::fs {

namespace {

std::atomic<bool> g_haveOpenat2{true};

long sysOpenat2(int dirFd, const char *path, open_how *how)
{
    return ::syscall(SYS_openat2, dirFd, path, how, sizeof(*how));
}

std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/')
            ++i;
        size_t j = i;
        while (j < path.size() && path[j] != '/')
            ++j;
        if (j > i)
            parts.push_back(path.substr(i, j - i));
        i = j;
    }
    return parts;
}

// The O_NOFOLLOW walk used where openat2 is missing: every component but the last
// is opened O_PATH|O_DIRECTORY|O_NOFOLLOW, so a symlink anywhere fails with ELOOP or
// ENOTDIR instead of being followed. ".." is refused outright.
Result<UniqueFd> walkNoFollow(int dirFd, std::string_view path, int flags, mode_t mode)
{
    auto parts = splitPath(path);
    UniqueFd current(::fcntl(dirFd, F_DUPFD_CLOEXEC, 3));
    if (!current)
        return failErrno("dup directory fd");
    if (parts.empty())
        return current;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i] == "..")
            return fail(ErrorCode::Unsafe, "path has a '..' component: " + std::string(path));
        if (parts[i] == ".")
            continue;
        std::string name(parts[i]);
        UniqueFd next(
            ::openat(current.get(), name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next)
            return failErrno("open " + std::string(path));
        current = std::move(next);
    }
    if (parts.back() == "..")
        return fail(ErrorCode::Unsafe, "path has a '..' component: " + std::string(path));
    std::string last(parts.back());
    UniqueFd fd(::openat(current.get(), last.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode));
    if (!fd)
        return failErrno("open " + std::string(path));
    return fd;
}

Result<UniqueFd> openat2Or(int dirFd, std::string_view path, int flags, mode_t mode,
                           uint64_t resolve)
{
    std::string p(path.empty() ? "." : path);
    if (g_haveOpenat2.load(std::memory_order_relaxed)) {
        open_how how{};
        how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
        how.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0;
        how.resolve = resolve;
        for (;;) {
            long fd = sysOpenat2(dirFd, p.c_str(), &how);
            if (fd >= 0)
                return UniqueFd(static_cast<int>(fd));
            if (errno == EINTR || errno == EAGAIN)
                continue; // EAGAIN: a concurrent rename raced the lookup; retry
            if (errno == ENOSYS) {
                g_haveOpenat2.store(false);
                break;
            }
            return failErrno("open " + p);
        }
    }
    return walkNoFollow(dirFd, p, flags, mode);
}

} // namespace

Result<UniqueFd> openDirectory(const std::string &path)
{
    UniqueFd fd(::open(path.c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno("open directory " + path);
    return fd;
}

Result<UniqueFd> openInRoot(int rootFd, std::string_view path, int flags, mode_t mode)
{
    return openat2Or(rootFd, path, flags, mode, RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
}

Result<UniqueFd> openNoSymlinks(int dirFd, std::string_view path, int flags, mode_t mode)
{
    return openat2Or(dirFd, path, flags, mode,
                     RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
}

Status makeDirectories(const std::string &path, mode_t mode)
{
    if (path.empty())
        return fail(ErrorCode::InvalidArgument, "empty directory path");
    // Usually the whole path exists already (every command opens the store): one
    // stat instead of a mkdir per component.
    struct stat st
    {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return {};
    std::string partial;
    partial.reserve(path.size());
    size_t i = 0;
    if (path[0] == '/') {
        partial = "/";
        i = 1;
    }
    while (i <= path.size()) {
        size_t j = path.find('/', i);
        if (j == std::string::npos)
            j = path.size();
        if (j > i) {
            if (!partial.empty() && partial.back() != '/')
                partial += '/';
            partial.append(path, i, j - i);
            if (::mkdir(partial.c_str(), mode) != 0 && errno != EEXIST)
                return failErrno("create directory " + partial);
        }
        i = j + 1;
    }
    if (::stat(path.c_str(), &st) != 0)
        return failErrno("stat " + path);
    if (!S_ISDIR(st.st_mode))
        return fail(ErrorCode::AlreadyExists, path + " exists and is not a directory");
    return {};
}

static std::string parentOf(const std::string &path)
{
    auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

Status syncDirectory(const std::string &path)
{
    UniqueFd fd(::open(path.c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno("open directory " + path);
    if (::fsync(fd.get()) != 0)
        return failErrno("fsync " + path);
    return {};
}

static Status writeAll(int fd, std::string_view data, const std::string &what)
{
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("write " + what);
        }
        done += static_cast<size_t>(n);
    }
    return {};
}

Status writeFileAtomic(const std::string &path, std::string_view data, mode_t mode, bool durable)
{
    std::string dir = parentOf(path);
    std::string tmp = path + ".tmp-XXXXXX";
    std::vector<char> name(tmp.begin(), tmp.end());
    name.push_back('\0');
    UniqueFd fd(::mkostemp(name.data(), O_CLOEXEC));
    if (!fd)
        return failErrno("create temporary file next to " + path);
    std::string tmpName(name.data());
    auto cleanup = [&] { ::unlink(tmpName.c_str()); };
    if (::fchmod(fd.get(), mode) != 0) {
        auto err = failErrno("chmod " + tmpName);
        cleanup();
        return err;
    }
    if (auto st = writeAll(fd.get(), data, tmpName); !st) {
        cleanup();
        return st;
    }
    if (durable && ::fsync(fd.get()) != 0) {
        auto err = failErrno("fsync " + tmpName);
        cleanup();
        return err;
    }
    fd.reset();
    if (::rename(tmpName.c_str(), path.c_str()) != 0) {
        auto err = failErrno("rename " + tmpName + " to " + path);
        cleanup();
        return err;
    }
    return durable ? syncDirectory(dir) : Status{};
}

Result<std::string> readFileAt(int dirFd, const std::string &name, size_t maxSize)
{
    UniqueFd fd(::openat(dirFd, name.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("open " + name);
    std::string out;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("read " + name);
        }
        if (n == 0)
            break;
        if (out.size() + static_cast<size_t>(n) > maxSize)
            return fail(ErrorCode::LimitExceeded,
                        name + " is larger than " + std::to_string(maxSize) + " bytes");
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

Result<std::string> readFile(const std::string &path, size_t maxSize)
{
    return readFileAt(AT_FDCWD, path, maxSize);
}

namespace {

Result<uint64_t> mountIdAt(int dirFd, const char *name, int flags)
{
    struct statx stx
    {};
    if (::statx(dirFd, name, flags | AT_SYMLINK_NOFOLLOW, STATX_MNT_ID, &stx) != 0)
        return failErrno(std::string("statx ") + name);
    return stx.stx_mnt_id;
}

// Remove everything inside dirFd. Recursion depth is bounded by PATH_MAX (extracted
// trees refuse longer names), and the soft fd limit is raised at start-up.
Status removeContents(int dirFd, uint64_t mountId, const std::string &where)
{
    UniqueFd listFd(::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!listFd)
        return failErrno("open " + where);
    DIR *dir = ::fdopendir(listFd.get());
    if (!dir)
        return failErrno("list " + where);
    listFd.release();
    std::vector<std::string> names;
    while (dirent *entry = ::readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        names.emplace_back(entry->d_name);
    }
    ::closedir(dir);
    for (const auto &name : names) {
        if (::unlinkat(dirFd, name.c_str(), 0) == 0 || errno == ENOENT)
            continue;
        if (errno != EISDIR && errno != EPERM)
            return failErrno("remove " + where + "/" + name);
        // Another process may be removing the same tree (two cleanups sweeping a
        // removal): what vanished meanwhile is fine, as with rm -rf.
        auto childMount = mountIdAt(dirFd, name.c_str(), 0);
        if (!childMount && childMount.error().sysErrno == ENOENT)
            continue;
        if (!childMount)
            return std::unexpected(childMount.error());
        if (*childMount != mountId)
            return fail(ErrorCode::Busy,
                        where + "/" + name + " is a mount point; not removing across it");
        UniqueFd child(
            ::openat(dirFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!child && errno == ENOENT)
            continue;
        if (!child)
            return failErrno("open " + where + "/" + name);
        // A layer may hold directories without write permission for anyone; root
        // can still unlink inside them, but make sure no immutable attribute blocks us.
        if (auto st = removeContents(child.get(), mountId, where + "/" + name); !st)
            return st;
        if (::unlinkat(dirFd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT)
            return failErrno("remove directory " + where + "/" + name);
    }
    return {};
}

} // namespace

Status removeTree(const std::string &path)
{
    struct stat st
    {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return {};
        return failErrno("stat " + path);
    }
    if (!S_ISDIR(st.st_mode)) {
        if (::unlink(path.c_str()) != 0 && errno != ENOENT)
            return failErrno("remove " + path);
        return {};
    }
    auto isMount = isMountPoint(path);
    if (!isMount && isMount.error().sysErrno == ENOENT)
        return {}; // removed meanwhile by someone else
    if (!isMount)
        return std::unexpected(isMount.error());
    if (*isMount)
        return fail(ErrorCode::Busy, path + " is a mount point; unmount it first");
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd && errno == ENOENT)
        return {};
    if (!fd)
        return failErrno("open " + path);
    auto mountId = mountIdAt(fd.get(), "", AT_EMPTY_PATH);
    if (!mountId)
        return std::unexpected(mountId.error());
    if (auto rs = removeContents(fd.get(), *mountId, path); !rs)
        return rs;
    fd.reset();
    if (::rmdir(path.c_str()) != 0 && errno != ENOENT)
        return failErrno("remove directory " + path);
    return {};
}

Result<bool> isMountPoint(const std::string &path)
{
    auto self = mountIdAt(AT_FDCWD, path.c_str(), 0);
    if (!self)
        return std::unexpected(self.error());
    std::string parent = parentOf(path);
    if (parent == path)
        return true;
    auto up = mountIdAt(AT_FDCWD, parent.c_str(), 0);
    if (!up)
        return std::unexpected(up.error());
    return *self != *up;
}

void raiseFileLimit()
{
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &lim);
    }
}

} // namespace koker::fs
