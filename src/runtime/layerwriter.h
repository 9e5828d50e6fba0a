#pragma once

// The write half of layer extraction (see layerextractor.h): creates entries of an
// image layer below one target directory, fd-relative, never following a symlink.
//
// Safety argument, in one place:
//  * every path handed in has already passed sanitizeEntryName(): relative, no "..",
//    no NUL, bounded length;
//  * a parent directory is opened with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
//    RESOLVE_NO_MAGICLINKS) below the target fd, so a symlink anywhere in it (one an
//    earlier entry planted, or one already in the target) fails the lookup with ELOOP
//    instead of being followed; missing parents are created one component at a time
//    with the same rule;
//  * the final component is made with an *at syscall relative to that parent fd, with
//    O_EXCL | O_NOFOLLOW or a syscall that never follows (mkdirat, symlinkat, mknodat,
//    linkat without AT_SYMLINK_FOLLOW), and metadata is set through the new fd or with
//    AT_SYMLINK_NOFOLLOW;
//  * a hardlink source is resolved with the same openat2 rule and linked from its fd,
//    so it can only be an inode that already sits in the target.

#include "error.h"
#include "layerextractor.h"
#include "uniquefd.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <ctime>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace koker {

/// One extended attribute of an entry; pointers into the reader's memory.
struct EntryXattr
{
    const char *name = nullptr;
    const void *value = nullptr;
    size_t size = 0;
};

/// Metadata of one layer entry as the tar records it.
struct EntryMetadata
{
    uid_t uid = 0;
    gid_t gid = 0;
    mode_t mode = 0; // permission bits, including setuid, setgid and sticky
    timespec atime{};
    timespec mtime{};
    std::span<const EntryXattr> xattrs; // all of the entry's; the writer picks what it applies
};

/// An entry name for a message: quoted, control bytes escaped (names are attacker-chosen
/// and must not forge log lines), cut after 512 bytes.
std::string quoteName(std::string_view name);

class LayerWriter
{
public:
    /// A writer for the directory `targetDirFd` (borrowed; must outlive the writer).
    LayerWriter(int targetDirFd, const ExtractPolicy &policy);
    LayerWriter(const LayerWriter &) = delete;
    LayerWriter &operator=(const LayerWriter &) = delete;

    /// Check the target and remember its mount; call once before anything else.
    Status init();

    /// Create the directory `path` or update an existing one; mode and times are set
    /// by finish(), after every child exists.
    Status directory(const std::string &path, const EntryMetadata &meta);

    /// Create the regular file `path` (replacing whatever is there) for writing.
    Result<UniqueFd> createFile(const std::string &path);

    /// Give a file made by createFile() (data already written) owner, mode, xattrs, times.
    Status finishFile(int fd, const EntryMetadata &meta);

    /// Create the symlink `path` -> `target`; the target is never resolved.
    Status symlink(const std::string &path, const char *target, const EntryMetadata &meta);

    /// Make `path` a hardlink to the non-directory `source`, which must already exist.
    Status hardlink(const std::string &path, const std::string &source);

    /// Create a FIFO or a device node (`type` is S_IFIFO, S_IFCHR or S_IFBLK).
    Status node(const std::string &path, mode_t type, dev_t dev, const EntryMetadata &meta);

    /// Turn `path` into an overlayfs whiteout (character device 0/0).
    Status whiteout(const std::string &path, const EntryMetadata &meta);

    /// Mark the directory `path` ("" for the target itself) opaque for overlayfs.
    Status opaque(std::string_view path);

    /// Apply the deferred directory modes and times, deepest directory first.
    Status finish();

private:
    struct PendingDir
    {
        std::string path;
        size_t depth; // slashes in path: finish() goes deepest first
        mode_t mode;
        timespec times[2];
    };

    Result<int> openParent(std::string_view parent);
    Result<int> createParents(std::string_view parent);
    Status makeRoom(int parentFd, const char *base, const std::string &path);
    Status removeTreeAt(int parentFd, const char *name);
    Status applyXattrs(int fd, const EntryMetadata &meta, bool regularFile);
    mode_t effectiveMode(const EntryMetadata &meta, bool directory) const;
    void forgetPending(const std::string &path);

    int m_target;
    ExtractPolicy m_policy;
    uint64_t m_mountId = 0;
    uid_t m_euid = 0;
    gid_t m_egid = 0;
    // The parent directory of the previous entry: tars list a directory's files
    // together, so most entries reuse it. Dropped whenever a directory is removed,
    // since only a removal can change what a directory path leads to.
    std::string m_cachedPath;
    UniqueFd m_cachedFd;
    bool m_cacheValid = false;
    std::vector<PendingDir> m_pending;
};

} // namespace koker
