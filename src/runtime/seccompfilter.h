#pragma once

// The seccomp filter every unprivileged container gets, compiled to classic BPF
// by the engine (libseccomp takes a millisecond or two, so the engine does it on a
// thread while its other start steps run), carried to the monitor in the launch
// spec and installed by the child as its last step before execve.

#include "error.h"

#include <cstdint>
#include <vector>

namespace koker {

/// Docker's default allow-list as a sock_filter array (bytes), for
/// SECCOMP_SET_MODE_FILTER; calls tied to a capability are allowed when
/// `capabilities` (bits of CAP_*) holds it.
Result<std::vector<char>> buildSeccompProgram(uint64_t capabilities);

/// Some system calls the default filter refuses (EPERM), for docs and tests.
const std::vector<const char *> &seccompDeniedSyscalls();

} // namespace koker
