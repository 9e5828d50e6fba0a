#pragma once

// File-system primitives every other part of the runtime builds on. Two families:
//  * store files: atomic writes (temp, fsync, rename, fsync dir), bounded reads,
//    tree removal that never crosses a mount point;
//  * hostile trees (image layers, a container's upper dir): every lookup is
//    fd-relative and confined with openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS),
//    falling back to an O_NOFOLLOW walk on kernels without openat2.

#include "error.h"
#include "uniquefd.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <string>
#include <string_view>

namespace koker::fs {

/// Open a directory of the host (a path we chose, not one from an image).
Result<UniqueFd> openDirectory(const std::string &path);

/// Resolve `path` inside the tree rooted at `rootFd` as if rootFd were "/":
/// absolute symlinks and ".." stop at the root, magic links are refused.
Result<UniqueFd> openInRoot(int rootFd, std::string_view path, int flags, mode_t mode = 0);

/// Open `path` below `dirFd` following no symlink at all, in any component.
Result<UniqueFd> openNoSymlinks(int dirFd, std::string_view path, int flags, mode_t mode = 0);

/// Create every missing directory of `path` (a host path) with `mode`.
Status makeDirectories(const std::string &path, mode_t mode);

/// Write `data` to `path` so that readers see the old or the new content, never a
/// mix: a temp file in the same directory, fsync, rename over, fsync of the directory.
/// With `durable` false the fsyncs are skipped: still atomic, but a power cut may
/// lose the new content (fine for a container's regenerated runtime files).
Status writeFileAtomic(const std::string &path, std::string_view data, mode_t mode = 0600,
                       bool durable = true);

/// Read a whole file, refusing one larger than `maxSize` bytes.
Result<std::string> readFile(const std::string &path, size_t maxSize = 16u << 20);
Result<std::string> readFileAt(int dirFd, const std::string &name, size_t maxSize = 16u << 20);

/// Remove a directory tree fd-relatively. Never follows symlinks and never descends
/// into another mount: a mount point inside the tree makes it fail with Busy and
/// leaves the mount alone. A missing path is success (removal is idempotent).
Status removeTree(const std::string &path);

/// fsync a directory so a rename or unlink inside it is durable.
Status syncDirectory(const std::string &path);

/// Whether `path` is a mount point (its mount id differs from its parent's).
Result<bool> isMountPoint(const std::string &path);

/// Lift the soft RLIMIT_NOFILE to the hard limit (deep trees hold one fd per level).
void raiseFileLimit();

} // namespace koker::fs
