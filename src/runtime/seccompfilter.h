#pragma once

// The seccomp filter every unprivileged container gets, compiled to classic BPF
// by the monitor (libseccomp allocates, so this happens before the clone) and
// installed by the child as its last step before execve.

#include "error.h"

#include <vector>

namespace koker {

/// The default filter as a sock_filter array (bytes), for SECCOMP_SET_MODE_FILTER.
Result<std::vector<char>> buildDefaultSeccompProgram();

/// The system calls the default filter refuses (EPERM), for docs and tests.
const std::vector<const char *> &seccompDeniedSyscalls();

} // namespace koker
