#include "devicepolicy.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace koker {

namespace {

constexpr DeviceRule kDefaultRules[] = {
    {'c', DeviceRule::kAny, DeviceRule::kAny, "m"}, // any node may be made (mknod),
    {'b', DeviceRule::kAny, DeviceRule::kAny, "m"}, // but only these may be opened:
    {'c', 1, 3, "rwm"},                             // /dev/null
    {'c', 1, 5, "rwm"},                             // /dev/zero
    {'c', 1, 7, "rwm"},                             // /dev/full
    {'c', 1, 8, "rwm"},                             // /dev/random
    {'c', 1, 9, "rwm"},                             // /dev/urandom
    {'c', 5, 0, "rwm"},                             // /dev/tty
    {'c', 5, 1, "rwm"},                             // /dev/console
    {'c', 5, 2, "rwm"},                             // /dev/ptmx
    {'c', 136, DeviceRule::kAny, "rwm"},            // /dev/pts/*
    {'c', 10, 200, "rwm"},                          // /dev/net/tun
};

uint32_t accessBits(const char *access)
{
    uint32_t bits = 0;
    for (const char *c = access; *c; ++c) {
        if (*c == 'm')
            bits |= BPF_DEVCG_ACC_MKNOD;
        else if (*c == 'r')
            bits |= BPF_DEVCG_ACC_READ;
        else if (*c == 'w')
            bits |= BPF_DEVCG_ACC_WRITE;
    }
    return bits;
}

constexpr uint32_t kAllAccess = BPF_DEVCG_ACC_MKNOD | BPF_DEVCG_ACC_READ | BPF_DEVCG_ACC_WRITE;

uint32_t typeBit(char type)
{
    return type == 'b' ? BPF_DEVCG_DEV_BLOCK : type == 'c' ? BPF_DEVCG_DEV_CHAR : 0;
}

// The few instruction forms the program needs (the kernel's own BPF_* helper macros
// live in its private headers).
bpf_insn insn(uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm)
{
    bpf_insn i{};
    i.code = code;
    i.dst_reg = dst & 0xf;
    i.src_reg = src & 0xf;
    i.off = off;
    i.imm = imm;
    return i;
}
bpf_insn loadWord(uint8_t dst, uint8_t src, int16_t off)
{
    return insn(BPF_LDX | BPF_W | BPF_MEM, dst, src, off, 0);
}
bpf_insn move32(uint8_t dst, uint8_t src)
{
    return insn(BPF_ALU | BPF_MOV | BPF_X, dst, src, 0, 0);
}
bpf_insn and32(uint8_t dst, int32_t imm)
{
    return insn(BPF_ALU | BPF_AND | BPF_K, dst, 0, 0, imm);
}
bpf_insn shiftRight32(uint8_t dst, int32_t imm)
{
    return insn(BPF_ALU | BPF_RSH | BPF_K, dst, 0, 0, imm);
}
bpf_insn jumpIfNot(uint8_t reg, int32_t imm, int16_t off)
{
    return insn(BPF_JMP | BPF_JNE | BPF_K, reg, 0, off, imm);
}
bpf_insn returnValue(int32_t imm)
{
    return insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, imm);
}
bpf_insn exitProgram()
{
    return insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
}

long bpf(int cmd, bpf_attr &attr)
{
    return ::syscall(SYS_bpf, cmd, &attr, sizeof attr);
}

} // namespace

std::string DeviceRule::text() const
{
    auto number = [](int64_t n) { return n == kAny ? std::string("*") : std::to_string(n); };
    return std::string(1, type) + ' ' + number(major) + ':' + number(minor) + ' ' + access;
}

std::span<const DeviceRule> defaultDeviceRules()
{
    return kDefaultRules;
}

bool deviceAllowed(std::span<const DeviceRule> allow, char type, uint32_t major, uint32_t minor,
                   uint32_t access)
{
    for (const DeviceRule &r : allow) {
        if (r.type != 'a' && r.type != type)
            continue;
        if ((access & ~accessBits(r.access)) != 0)
            continue;
        if (r.major != DeviceRule::kAny && r.major != major)
            continue;
        if (r.minor != DeviceRule::kAny && r.minor != minor)
            continue;
        return true;
    }
    return false;
}

std::vector<bpf_insn> deviceProgram(std::span<const DeviceRule> allow)
{
    // r1 points at struct bpf_cgroup_dev_ctx { u32 access_type, major, minor; },
    // access_type = (BPF_DEVCG_ACC_* << 16) | BPF_DEVCG_DEV_*.
    std::vector<bpf_insn> p;
    p.push_back(loadWord(BPF_REG_2, BPF_REG_1, 0)); // r2 = access_type
    p.push_back(move32(BPF_REG_3, BPF_REG_2));      // r3 = the device type
    p.push_back(and32(BPF_REG_3, 0xffff));
    p.push_back(move32(BPF_REG_4, BPF_REG_2)); // r4 = the access asked for
    p.push_back(shiftRight32(BPF_REG_4, 16));
    p.push_back(loadWord(BPF_REG_5, BPF_REG_1, 4)); // r5 = major
    p.push_back(loadWord(BPF_REG_6, BPF_REG_1, 8)); // r6 = minor
    for (const DeviceRule &r : allow) {
        // Each rule is a block of checks that jump past the block when one fails,
        // and ends in "return 1". Built first, the jumps' distances known after.
        std::vector<bpf_insn> block;
        std::vector<size_t> jumps;
        auto check = [&](uint8_t reg, int32_t expected) {
            jumps.push_back(block.size());
            block.push_back(jumpIfNot(reg, expected, 0));
        };
        if (r.type != 'a')
            check(BPF_REG_3, static_cast<int32_t>(typeBit(r.type)));
        const uint32_t granted = accessBits(r.access);
        if (granted != kAllAccess) {
            // Every requested bit must be granted: (requested & ~granted) == 0.
            block.push_back(move32(BPF_REG_7, BPF_REG_4));
            block.push_back(and32(BPF_REG_7, static_cast<int32_t>(kAllAccess & ~granted)));
            check(BPF_REG_7, 0);
        }
        if (r.major != DeviceRule::kAny)
            check(BPF_REG_5, static_cast<int32_t>(r.major));
        if (r.minor != DeviceRule::kAny)
            check(BPF_REG_6, static_cast<int32_t>(r.minor));
        block.push_back(returnValue(1));
        block.push_back(exitProgram());
        for (size_t at : jumps)
            block[at].off = static_cast<int16_t>(block.size() - at - 1);
        p.insert(p.end(), block.begin(), block.end());
        if (jumps.empty())
            return p; // a rule that allows everything: what follows could never run,
                      // and the verifier refuses unreachable instructions
    }
    p.push_back(returnValue(0));
    p.push_back(exitProgram());
    return p;
}

Result<UniqueFd> loadDeviceProgram(std::span<const bpf_insn> program)
{
    static const char license[] = "GPL";
    bpf_attr attr{};
    attr.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
    attr.insns = reinterpret_cast<uintptr_t>(program.data());
    attr.insn_cnt = static_cast<uint32_t>(program.size());
    attr.license = reinterpret_cast<uintptr_t>(license);
    UniqueFd fd(static_cast<int>(bpf(BPF_PROG_LOAD, attr)));
    if (fd)
        return fd;
    const int err = errno;
    if (err != EINVAL && err != EACCES)
        return failErrno("bpf(BPF_PROG_LOAD) of the device program", err);
    // The verifier refused it: load again with a log, to say why.
    std::string log(16384, '\0');
    attr.log_buf = reinterpret_cast<uintptr_t>(log.data());
    attr.log_size = static_cast<uint32_t>(log.size());
    attr.log_level = 1;
    (void)UniqueFd(static_cast<int>(bpf(BPF_PROG_LOAD, attr)));
    log.resize(std::strlen(log.c_str()));
    while (!log.empty() && log.back() == '\n')
        log.pop_back();
    return failErrno(
        "the kernel refused the device program" + (log.empty() ? std::string() : ": " + log), err);
}

Status attachDeviceProgram(int cgroupDir, int program)
{
    bpf_attr attr{};
    attr.target_fd = static_cast<uint32_t>(cgroupDir);
    attr.attach_bpf_fd = static_cast<uint32_t>(program);
    attr.attach_type = BPF_CGROUP_DEVICE;
    attr.attach_flags = BPF_F_ALLOW_MULTI;
    if (bpf(BPF_PROG_ATTACH, attr) != 0)
        return failErrno("bpf(BPF_PROG_ATTACH, BPF_CGROUP_DEVICE)");
    return {};
}

} // namespace koker
