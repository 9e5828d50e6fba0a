#pragma once

// The seccomp filter every unprivileged container gets, compiled to classic BPF
// by the engine, carried to the monitor in the launch spec and installed by the
// child as its last step before execve. libseccomp takes a millisecond or more, so
// the engine keeps each compiled program in a cache (in its run root) named by a
// fingerprint of the rules, libseccomp's version and the architecture.

#include "error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace koker {

/// How the program tests the syscall number (libseccomp's SCMP_FLTATR_CTL_OPTIMIZE).
/// A tree has more instructions, but the kernel loads it in about a third of the
/// time: at load it replays the filter for every syscall number to find those it
/// always allows, and through a list that replay is long (bench/seccomp-load).
enum class SeccompLayout : uint32_t
{
    List = 1, // the rules one after the other (libseccomp's default, runc's)
    Tree = 2, // a binary search over the syscall numbers (koker's)
};

/// Docker's default allow-list as a sock_filter array (bytes), for
/// SECCOMP_SET_MODE_FILTER; calls tied to a capability are allowed when
/// `capabilities` (bits of CAP_*) holds it. A libseccomp older than 2.5 knows no
/// layout and builds a list.
Result<std::vector<char>> buildSeccompProgram(uint64_t capabilities,
                                              SeccompLayout layout = SeccompLayout::Tree);

/// The cache file's name for `capabilities` ("seccomp-<16 hex digits>"): a hash of
/// every rule, the layout, libseccomp's version and the native architecture, so a
/// changed profile or an upgraded libseccomp never finds an old program.
std::string seccompCacheKey(uint64_t capabilities);

/// The program an earlier compileAndCacheSeccompProgram() kept in `cacheDir`, or
/// nothing (none yet, or a damaged file: its checksum is checked).
std::optional<std::vector<char>> readCachedSeccompProgram(uint64_t capabilities,
                                                          const std::string &cacheDir);

/// buildSeccompProgram(), and keep the result in `cacheDir` (created 0700 when
/// missing; a cache that cannot be written is not an error).
Result<std::vector<char>> compileAndCacheSeccompProgram(uint64_t capabilities,
                                                        const std::string &cacheDir);

/// The same rules as an OCI runtime-spec `linux.seccomp` object (JSON): what runc
/// or crun need to apply exactly this filter. bench/ gives it to runc, so that both
/// runtimes are timed confining a container the same way.
std::string seccompProfileOci(uint64_t capabilities);

/// Some system calls the default filter refuses (EPERM), for docs and tests.
const std::vector<const char *> &seccompDeniedSyscalls();

} // namespace koker
