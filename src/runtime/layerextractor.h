#pragma once

// Streams one image layer (a tar, plain or gzip/zstd/xz compressed) into a directory,
// as a union-filesystem layer: OCI whiteouts become overlayfs whiteouts. libarchive
// only *reads*; every file is created by our own writer, fd-relative to the target
// directory, and every hostile name is refused (see docs/security.md):
//   absolute names, "..", empty or NUL-carrying names, over-long names, writes
//   through a symlink (even one made by an earlier entry), hardlinks to anything
//   outside the layer, malformed whiteouts, device nodes unless the policy allows.
// A refused layer makes extractLayer() fail with ErrorCode::Unsafe and a message
// naming the entry; the caller extracts into a temporary directory and removes it.

#include "error.h"

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>

namespace koker {

struct ExtractPolicy
{
    /// Character/block devices other than whiteouts: refused unless true.
    bool allowDevices = false;
    /// chown entries to their tar owners (off for an unprivileged test run).
    bool preserveOwners = true;
    uint64_t maxTotalBytes = 64ull << 30; // bound on the uncompressed size
    uint64_t maxEntries = 2'000'000;
    uint64_t maxSeconds = 3600;
};

struct ExtractStats
{
    std::string diffId; // "sha256:<hex>" of the uncompressed tar stream
    uint64_t uncompressedBytes = 0;
    uint64_t entries = 0;
};

/// Reads up to `size` bytes into `buf`; returns the count, 0 at end, -1 with errno.
using ReadFunction = std::function<ssize_t(void *buf, size_t size)>;

/// Extract the archive read from `read` into the directory `targetDirFd`.
Result<ExtractStats> extractLayer(const ReadFunction &read, int targetDirFd,
                                  const ExtractPolicy &policy = {});

/// Convenience: read from a file descriptor (a file or a pipe).
Result<ExtractStats> extractLayerFromFd(int inputFd, int targetDirFd,
                                        const ExtractPolicy &policy = {});

/// Check one entry name from a tar against the rules above; on success returns it
/// normalised ("./a//b/" -> "a/b"). Exposed for the table-driven unit tests.
Result<std::string> sanitizeEntryName(std::string_view name);

} // namespace koker
