#pragma once

// Random numbers for ids and temporary names, from the kernel's generator
// (getrandom(2)): about a microsecond for what a command needs. Not
// QRandomGenerator: the first use of its global generator seeds 2.5 KB of state
// with the CPU's RDSEED instruction, which takes 0.2 ms in a VM, on every command.

#include <cstddef>
#include <cstdint>
#include <string>

namespace koker {

/// Fill `size` bytes. Falls back to /dev/urandom on a kernel without getrandom(2);
/// aborts when neither works (no random id is better than a predictable one).
void randomBytes(void *buf, size_t size);

/// `bytes` random bytes as lowercase hex (2 × bytes characters).
std::string randomHex(size_t bytes);

/// A uniformly distributed number in [0, bound); 0 when bound is 0.
uint32_t randomBelow(uint32_t bound);

} // namespace koker
