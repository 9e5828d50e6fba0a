#include "layerwriter.h"

#include "fsutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace koker {

namespace {

constexpr char kOpaqueXattr[] = "trusted.overlay.opaque";

struct SplitPath
{
    std::string_view parent; // "" for an entry directly in the target
    const char *base;        // NUL-terminated: the path's own tail
};

// `path` is a sanitized name: no leading, trailing or double slash.
SplitPath split(const std::string &path)
{
    auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return {std::string_view(), path.c_str()};
    return {std::string_view(path).substr(0, slash), path.c_str() + slash + 1};
}

// Only two families of extended attributes come from a layer:
//  * user.*: plain data a program stored, harmless to anyone else;
//  * security.capability on regular files: file capabilities are how images ship
//    ping and friends without setuid, and Docker keeps them too.
// Everything else is dropped. trusted.overlay.* above all: that namespace is overlayfs'
// own metadata (opaque dirs, redirects, metacopy, origin), and a layer that could set it
// could make the mounted rootfs show files from other layers or redirect lookups.
// security.selinux / security.ima / system.posix_acl_* describe the host's policy, not
// the image's. user.* is not allowed on symlinks and special files by the kernel, so
// only regular files and directories get any.
bool xattrAllowed(const char *name, bool regularFile)
{
    if (std::strncmp(name, "user.", 5) == 0)
        return true;
    return regularFile && std::strcmp(name, "security.capability") == 0;
}

Result<uint64_t> mountIdOf(int fd)
{
    struct statx stx
    {};
    if (::statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_MNT_ID, &stx) != 0)
        return failErrno("statx");
    return stx.stx_mnt_id;
}

size_t depthOf(const std::string &path)
{
    return static_cast<size_t>(std::count(path.begin(), path.end(), '/'));
}

Error parentError(const Error &err, std::string_view parent)
{
    switch (err.sysErrno) {
    case ELOOP:
    case ENOTDIR:
        return Error{ErrorCode::Unsafe,
                     err.sysErrno,
                     {},
                     "its parent " + quoteName(parent) +
                         " is, or passes through, a symlink or a non-directory; extraction "
                         "never follows symlinks"};
    case EXDEV:
        return Error{ErrorCode::Unsafe,
                     err.sysErrno,
                     {},
                     "its parent " + quoteName(parent) + " resolves outside the target"};
    default:
        return withContext(err, "open parent " + quoteName(parent));
    }
}

} // namespace

std::string quoteName(std::string_view name)
{
    constexpr size_t kMaxQuoted = 512;
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(std::min(name.size(), kMaxQuoted) + 8);
    out += '"';
    size_t n = 0;
    for (char c : name) {
        if (n++ == kMaxQuoted) {
            out += "...";
            break;
        }
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            out += "\\x";
            out += digits[u >> 4];
            out += digits[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

LayerWriter::LayerWriter(int targetDirFd, const ExtractPolicy &policy)
    : m_target(targetDirFd)
    , m_policy(policy)
{}

Status LayerWriter::init()
{
    struct stat st
    {};
    if (::fstat(m_target, &st) != 0)
        return failErrno("stat the extraction target");
    if (!S_ISDIR(st.st_mode))
        return fail(ErrorCode::InvalidArgument, "the extraction target is not a directory");
    auto mountId = mountIdOf(m_target);
    if (!mountId)
        return std::unexpected(withContext(mountId.error(), "extraction target"));
    m_mountId = *mountId;
    m_euid = ::geteuid();
    m_egid = ::getegid();
    return {};
}

Result<int> LayerWriter::openParent(std::string_view parent)
{
    if (parent.empty())
        return m_target;
    if (m_cacheValid && parent == m_cachedPath)
        return m_cachedFd.get();
    // One openat2 for the whole path: the kernel walks it with RESOLVE_BENEATH |
    // RESOLVE_NO_SYMLINKS, so this is both the fast path and the safety check.
    auto fd = fs::openNoSymlinks(m_target, parent, O_PATH | O_DIRECTORY);
    if (!fd) {
        if (fd.error().sysErrno == ENOENT)
            return createParents(parent);
        return std::unexpected(parentError(fd.error(), parent));
    }
    m_cachedFd = std::move(*fd);
    m_cachedPath.assign(parent);
    m_cacheValid = true;
    return m_cachedFd.get();
}

// Slow path: some parent is missing. Docker creates missing parents (0755, owned by
// the extracting user) instead of failing, because tars often list "a/b/c" without "a/".
// Walk one component at a time, each opened O_NOFOLLOW below the previous fd, so a
// symlink at any level still fails instead of being followed.
Result<int> LayerWriter::createParents(std::string_view parent)
{
    UniqueFd current;
    std::string component;
    size_t pos = 0;
    while (pos < parent.size()) {
        size_t end = parent.find('/', pos);
        if (end == std::string_view::npos)
            end = parent.size();
        component.assign(parent.substr(pos, end - pos));
        pos = end + 1;
        int dirFd = current ? current.get() : m_target;
        auto next = fs::openNoSymlinks(dirFd, component, O_PATH | O_DIRECTORY);
        if (!next && next.error().sysErrno == ENOENT) {
            if (::mkdirat(dirFd, component.c_str(), 0755) != 0 && errno != EEXIST)
                return failErrno("create parent directory " + quoteName(parent));
            UniqueFd made(::openat(dirFd, component.c_str(),
                                   O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!made)
                return std::unexpected(parentError(failErrno("open").error(), parent));
            // Explicit mode: the process umask must not decide what the image sees.
            if (::fchmod(made.get(), 0755) != 0)
                return failErrno("chmod parent directory " + quoteName(parent));
            next = std::move(made);
        }
        if (!next)
            return std::unexpected(parentError(next.error(), parent));
        current = std::move(*next);
    }
    m_cachedFd = std::move(current);
    m_cachedPath.assign(parent);
    m_cacheValid = true;
    return m_cachedFd.get();
}

// Later entries win: whatever sits at `base` goes, a directory with its whole tree.
// Nothing here follows a symlink: fstatat and unlinkat act on the name itself.
Status LayerWriter::makeRoom(int parentFd, const char *base, const std::string &path)
{
    struct stat st
    {};
    if (::fstatat(parentFd, base, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return {};
        return failErrno("stat existing " + quoteName(path));
    }
    if (!S_ISDIR(st.st_mode)) {
        if (::unlinkat(parentFd, base, 0) != 0 && errno != ENOENT)
            return failErrno("remove existing " + quoteName(path));
        return {};
    }
    // The cached parent fd stays open (it may be `parentFd`), but a removed directory
    // can be an ancestor of the cached path, so the next lookup must start afresh.
    m_cacheValid = false;
    forgetPending(path);
    if (auto st2 = removeTreeAt(parentFd, base); !st2)
        return std::unexpected(withContext(st2.error(), "replace directory " + quoteName(path)));
    return {};
}

Status LayerWriter::removeTreeAt(int parentFd, const char *name)
{
    UniqueFd dir(::openat(parentFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir)
        return failErrno(std::string("open ") + name);
    // Never cross into another mount: a bind mount inside the target would otherwise
    // have its (host) contents deleted.
    auto mountId = mountIdOf(dir.get());
    if (!mountId)
        return std::unexpected(mountId.error());
    if (*mountId != m_mountId)
        return fail(ErrorCode::Busy, std::string(name) + " is a mount point; not removing it");
    UniqueFd listFd(::fcntl(dir.get(), F_DUPFD_CLOEXEC, 3));
    if (!listFd)
        return failErrno("dup directory fd");
    DIR *listing = ::fdopendir(listFd.get());
    if (!listing)
        return failErrno(std::string("list ") + name);
    listFd.release(); // owned by `listing` now
    std::vector<std::pair<std::string, unsigned char>> children;
    while (dirent *ent = ::readdir(listing)) {
        if (std::strcmp(ent->d_name, ".") == 0 || std::strcmp(ent->d_name, "..") == 0)
            continue;
        children.emplace_back(ent->d_name, ent->d_type);
    }
    ::closedir(listing);
    for (const auto &[child, type] : children) {
        if (type != DT_DIR) {
            if (::unlinkat(dir.get(), child.c_str(), 0) == 0 || errno == ENOENT)
                continue;
            if (errno != EISDIR)
                return failErrno("remove " + child);
        }
        if (auto st = removeTreeAt(dir.get(), child.c_str()); !st)
            return st;
    }
    if (::unlinkat(parentFd, name, AT_REMOVEDIR) != 0)
        return failErrno(std::string("remove directory ") + name);
    return {};
}

void LayerWriter::forgetPending(const std::string &path)
{
    std::erase_if(m_pending, [&](const PendingDir &p) {
        return p.path.starts_with(path) &&
               (p.path.size() == path.size() || p.path[path.size()] == '/');
    });
}

mode_t LayerWriter::effectiveMode(const EntryMetadata &meta, bool directory) const
{
    mode_t mode = meta.mode & 07777;
    // Without chown the file belongs to us, not to the tar's owner: a setuid bit meant
    // for uid 1000 would otherwise become setuid to the extracting user (root!).
    if (!m_policy.preserveOwners && !directory) {
        if (meta.uid != m_euid)
            mode &= ~S_ISUID;
        if (meta.gid != m_egid)
            mode &= ~S_ISGID;
    }
    return mode;
}

Status LayerWriter::applyXattrs(int fd, const EntryMetadata &meta, bool regularFile)
{
    for (const EntryXattr &x : meta.xattrs) {
        if (!xattrAllowed(x.name, regularFile))
            continue;
        if (::fsetxattr(fd, x.name, x.value, x.size, 0) == 0)
            continue;
        // A file system without user xattrs, or an unprivileged run that may not set
        // file capabilities: the layer is still usable, as Docker decides too.
        if (errno == ENOTSUP || (errno == EPERM && m_euid != 0))
            continue;
        return failErrno(std::string("set extended attribute ") + x.name);
    }
    return {};
}

Status LayerWriter::directory(const std::string &path, const EntryMetadata &meta)
{
    auto [parent, base] = split(path);
    auto parentFd = openParent(parent);
    if (!parentFd)
        return std::unexpected(parentFd.error());
    // 0700 until finish() sets the real mode: nothing can use a half-made directory,
    // and an unprivileged run can still create children in a directory that ends 0555.
    if (::mkdirat(*parentFd, base, 0700) != 0) {
        if (errno != EEXIST)
            return failErrno("create directory");
        struct stat st
        {};
        if (::fstatat(*parentFd, base, &st, AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno("stat existing entry");
        if (!S_ISDIR(st.st_mode)) {
            if (::unlinkat(*parentFd, base, 0) != 0)
                return failErrno("remove existing entry");
            if (::mkdirat(*parentFd, base, 0700) != 0)
                return failErrno("create directory");
        }
        // An existing directory keeps its contents; only its metadata is updated.
    }
    UniqueFd dir(::openat(*parentFd, base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir)
        return failErrno("open directory");
    if (m_policy.preserveOwners && ::fchown(dir.get(), meta.uid, meta.gid) != 0)
        return failErrno("chown directory");
    if (auto st = applyXattrs(dir.get(), meta, false); !st)
        return st;
    // Creating children changes a directory's mtime, so times wait for finish().
    m_pending.push_back(
        PendingDir{path, depthOf(path), effectiveMode(meta, true), {meta.atime, meta.mtime}});
    return {};
}

Result<UniqueFd> LayerWriter::createFile(const std::string &path)
{
    auto [parent, base] = split(path);
    auto parentFd = openParent(parent);
    if (!parentFd)
        return std::unexpected(parentFd.error());
    // O_EXCL | O_NOFOLLOW: never open (and write through) something already there.
    constexpr int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    UniqueFd fd(::openat(*parentFd, base, flags, 0600));
    if (!fd && errno == EEXIST) {
        if (auto st = makeRoom(*parentFd, base, path); !st)
            return std::unexpected(st.error());
        fd.reset(::openat(*parentFd, base, flags, 0600));
    }
    if (!fd)
        return failErrno("create file");
    return fd;
}

Status LayerWriter::finishFile(int fd, const EntryMetadata &meta)
{
    // Order matters: chown clears setuid/setgid and security.capability, and a write
    // clears them too, so: data (done), chown, chmod, xattrs, times.
    if (m_policy.preserveOwners && ::fchown(fd, meta.uid, meta.gid) != 0)
        return failErrno("chown file");
    if (::fchmod(fd, effectiveMode(meta, false)) != 0)
        return failErrno("chmod file");
    if (auto st = applyXattrs(fd, meta, true); !st)
        return st;
    const timespec times[2] = {meta.atime, meta.mtime};
    if (::futimens(fd, times) != 0)
        return failErrno("set file times");
    return {};
}

Status LayerWriter::symlink(const std::string &path, const char *target, const EntryMetadata &meta)
{
    auto [parent, base] = split(path);
    auto parentFd = openParent(parent);
    if (!parentFd)
        return std::unexpected(parentFd.error());
    // The target is stored as text, never resolved here; any later entry that would
    // pass through this link fails in openParent().
    if (::symlinkat(target, *parentFd, base) != 0) {
        if (errno != EEXIST)
            return failErrno("create symlink");
        if (auto st = makeRoom(*parentFd, base, path); !st)
            return st;
        if (::symlinkat(target, *parentFd, base) != 0)
            return failErrno("create symlink");
    }
    if (m_policy.preserveOwners &&
        ::fchownat(*parentFd, base, meta.uid, meta.gid, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("chown symlink");
    const timespec times[2] = {meta.atime, meta.mtime};
    if (::utimensat(*parentFd, base, times, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("set symlink times");
    return {};
}

Status LayerWriter::hardlink(const std::string &path, const std::string &source)
{
    if (path == source)
        return {}; // a link to itself: already what it should be
    // Resolve the source with the same no-symlink rule as every parent, keep it as an
    // O_PATH fd and link *that inode*: what we checked is what we link, and it can only
    // be something already inside the target. O_NOFOLLOW: a source that is itself a
    // symlink links the symlink, as tar means it.
    auto src = fs::openNoSymlinks(m_target, source, O_PATH | O_NOFOLLOW);
    if (!src) {
        switch (src.error().sysErrno) {
        case ENOENT:
            return fail(ErrorCode::Unsafe, "its hardlink target " + quoteName(source) +
                                               " does not exist in the layer");
        case ELOOP:
        case ENOTDIR:
        case EXDEV:
            return fail(ErrorCode::Unsafe, "its hardlink target " + quoteName(source) +
                                               " is reached through a symlink or a "
                                               "non-directory");
        default:
            return std::unexpected(
                withContext(src.error(), "open hardlink target " + quoteName(source)));
        }
    }
    struct stat st
    {};
    if (::fstat(src->get(), &st) != 0)
        return failErrno("stat hardlink target");
    if (S_ISDIR(st.st_mode))
        return fail(ErrorCode::Unsafe,
                    "its hardlink target " + quoteName(source) + " is a directory");
    auto [parent, base] = split(path);
    auto parentFd = openParent(parent);
    if (!parentFd)
        return std::unexpected(parentFd.error());
    // base by value: clang before 16 (the fuzz build) cannot capture a structured binding.
    auto link = [&, base = base]() -> int {
        if (::linkat(src->get(), "", *parentFd, base, AT_EMPTY_PATH) == 0)
            return 0;
        // linkat(AT_EMPTY_PATH) needs CAP_DAC_READ_SEARCH; without it (an unprivileged
        // run) link the same inode through its /proc magic link instead. Not for a
        // symlink source: following that magic link must not go on to its target.
        if ((errno == ENOENT || errno == EPERM) && !S_ISLNK(st.st_mode)) {
            std::string proc = "/proc/self/fd/" + std::to_string(src->get());
            return ::linkat(AT_FDCWD, proc.c_str(), *parentFd, base, AT_SYMLINK_FOLLOW);
        }
        return -1;
    };
    if (link() != 0) {
        if (errno != EEXIST)
            return failErrno("create hardlink to " + quoteName(source));
        if (auto made = makeRoom(*parentFd, base, path); !made)
            return made;
        if (link() != 0)
            return failErrno("create hardlink to " + quoteName(source));
    }
    return {};
}

Status LayerWriter::node(const std::string &path, mode_t type, dev_t dev, const EntryMetadata &meta)
{
    auto [parent, base] = split(path);
    auto parentFd = openParent(parent);
    if (!parentFd)
        return std::unexpected(parentFd.error());
    if (::mknodat(*parentFd, base, type | 0600, dev) != 0) {
        if (errno != EEXIST)
            return failErrno("create node");
        if (auto st = makeRoom(*parentFd, base, path); !st)
            return st;
        if (::mknodat(*parentFd, base, type | 0600, dev) != 0)
            return failErrno("create node");
    }
    if (m_policy.preserveOwners &&
        ::fchownat(*parentFd, base, meta.uid, meta.gid, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("chown node");
    // Opening a device or FIFO to fchmod it could block or wake a driver, so chmod by
    // name; AT_SYMLINK_NOFOLLOW keeps even a raced-in symlink from being followed.
    if (::fchmodat(*parentFd, base, effectiveMode(meta, false), AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("chmod node");
    const timespec times[2] = {meta.atime, meta.mtime};
    if (::utimensat(*parentFd, base, times, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("set node times");
    return {};
}

Status LayerWriter::whiteout(const std::string &path, const EntryMetadata &meta)
{
    auto [parent, base] = split(path);
    auto parentFd = openParent(parent);
    if (!parentFd)
        return std::unexpected(parentFd.error());
    // The whiteout hides NAME of the lower layers; if this layer made NAME earlier,
    // it goes too (a whiteout and its own name cannot both exist in one directory).
    if (auto st = makeRoom(*parentFd, base, path); !st)
        return st;
    // overlayfs' whiteout format: a character device 0/0.
    if (::mknodat(*parentFd, base, S_IFCHR, makedev(0, 0)) != 0)
        return failErrno("create whiteout " + quoteName(path));
    if (m_policy.preserveOwners &&
        ::fchownat(*parentFd, base, meta.uid, meta.gid, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("chown whiteout " + quoteName(path));
    return {};
}

Status LayerWriter::opaque(std::string_view path)
{
    auto dirFd = openParent(path); // creates the directory when the layer did not list it
    if (!dirFd)
        return std::unexpected(dirFd.error());
    // fsetxattr needs a real fd, not the O_PATH one the lookup gave.
    UniqueFd dir(::openat(*dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno("open directory " + quoteName(path));
    if (::fsetxattr(dir.get(), kOpaqueXattr, "y", 1, 0) != 0)
        return failErrno(std::string("set ") + kOpaqueXattr + " on " + quoteName(path));
    return {};
}

Status LayerWriter::finish()
{
    // Deepest first, and in tar order among equals (stable), so when one directory was
    // listed twice the later entry's metadata is the one that stays.
    std::stable_sort(m_pending.begin(), m_pending.end(),
                     [](const PendingDir &a, const PendingDir &b) { return a.depth > b.depth; });
    for (const PendingDir &dir : m_pending) {
        auto fd = fs::openNoSymlinks(m_target, dir.path, O_RDONLY | O_DIRECTORY);
        if (!fd)
            return std::unexpected(withContext(fd.error(), "directory " + quoteName(dir.path)));
        if (::fchmod(fd->get(), dir.mode) != 0)
            return failErrno("chmod directory " + quoteName(dir.path));
        if (::futimens(fd->get(), dir.times) != 0)
            return failErrno("set times of directory " + quoteName(dir.path));
    }
    m_pending.clear();
    return {};
}

} // namespace koker
