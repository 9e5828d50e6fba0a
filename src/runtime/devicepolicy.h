#pragma once

// Which device files a container may use. cgroup v1 has a devices controller that
// takes the rules as text (devices.allow); cgroup v2 has none, and the same rules
// become a small eBPF program of type BPF_PROG_TYPE_CGROUP_DEVICE that the kernel
// runs whenever a process of the cgroup opens or creates a device node. This file
// holds the rules once, for both.

#include "error.h"
#include "uniquefd.h"

#include <linux/bpf.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace koker {

struct DeviceRule
{
    static constexpr int64_t kAny = -1;

    char type = 'a';      // 'c' character, 'b' block, 'a' both
    int64_t major = kAny; // kAny is the rule's '*'
    int64_t minor = kAny;
    const char *access = ""; // a subset of "rwm": read, write, mknod

    /// The devices.allow line: "c 1:3 rwm", "b *:* m".
    std::string text() const;
};

/// Docker's default allow-list (moby's oci/defaults.go): mknod of any node, and use
/// of the handful of harmless devices a Linux program expects (null, zero, full,
/// random, urandom, tty, console, ptmx, the pseudo-terminals, tun).
std::span<const DeviceRule> defaultDeviceRules();

/// The eBPF program that allows what `allow` lists and denies everything else. It
/// reads the request from its context (struct bpf_cgroup_dev_ctx: the access and
/// device type packed in one word, then major and minor) and returns 1 for the first
/// rule that covers it, 0 when none does.
std::vector<bpf_insn> deviceProgram(std::span<const DeviceRule> allow);

/// The kernel's verdict on a request, computed from the rules as the program
/// decides it: the reference the tests hold the program to.
bool deviceAllowed(std::span<const DeviceRule> allow, char type, uint32_t major, uint32_t minor,
                   uint32_t access);

/// bpf(BPF_PROG_LOAD) of a device program; the fd holds the program.
Result<UniqueFd> loadDeviceProgram(std::span<const bpf_insn> program);

/// bpf(BPF_PROG_ATTACH) of `program` to the cgroup2 directory `cgroupDir`, with
/// BPF_F_ALLOW_MULTI: programs attached higher up still run too, and a request
/// passes only if every one allows it. The attachment lives as long as the cgroup;
/// the program fd may be closed afterwards.
Status attachDeviceProgram(int cgroupDir, int program);

} // namespace koker
