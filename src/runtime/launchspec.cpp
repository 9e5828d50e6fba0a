#include "launchspec.h"

#include "wire.h"

namespace koker {

namespace {
constexpr uint32_t kMagic = 0x4b4b4c31; // "KKL1"
}

std::string LaunchSpec::encode() const
{
    wire::Writer w;
    w.u32(kMagic);
    w.u8(static_cast<uint8_t>(kind));
    w.str(id);
    w.str(stateDir);
    w.str(runDir);
    w.str(layersDir);
    w.strs(lowerDirs);
    w.str(upperDir);
    w.str(workDir);
    w.u8(volatileUpper);
    w.str(rootfs);
    w.str(hostname);
    w.str(hostsFile);
    w.str(resolvFile);
    w.str(hostnameFile);
    w.u32(static_cast<uint32_t>(volumes.size()));
    for (const auto &v : volumes) {
        w.str(v.source);
        w.str(v.target);
        w.u8(v.readOnly);
    }
    w.u8(static_cast<uint8_t>(netMode));
    w.str(netnsPath);
    w.strs(cgroupThreadFiles);
    w.str(cgroupCloneInto);
    w.i32(targetPid);
    w.u64(targetStartTime);
    w.strs(process.args);
    w.strs(process.env);
    w.str(process.cwd);
    w.str(process.user);
    w.u8(process.terminal);
    w.u8(process.stdinOpen);
    w.u32(process.rows);
    w.u32(process.cols);
    w.u8(confinement.privileged);
    w.u64(confinement.capabilities);
    w.u8(confinement.noNewPrivileges);
    w.u8(confinement.seccomp);
    w.str({confinement.seccompProgram.data(), confinement.seccompProgram.size()});
    w.strs(confinement.maskedPaths);
    w.strs(confinement.readOnlyPaths);
    w.str(logPath);
    w.u64(logMaxBytes);
    w.str(exitFile);
    w.strs(exitCommand);
    w.strs(oomFiles);
    w.strs(cgroupDirsToRemove);
    w.u8(stepThrough);
    w.u8(ownerCleansUp);
    w.u32(firstSeq);
    return w.data();
}

Result<LaunchSpec> LaunchSpec::decode(std::string_view data)
{
    wire::Reader r(data);
    if (r.u32() != kMagic)
        return fail(ErrorCode::Corrupt, "not a launch spec");
    LaunchSpec s;
    s.kind = static_cast<Kind>(r.u8());
    s.id = r.str();
    s.stateDir = r.str();
    s.runDir = r.str();
    s.layersDir = r.str();
    s.lowerDirs = r.strs();
    s.upperDir = r.str();
    s.workDir = r.str();
    s.volatileUpper = r.u8() != 0;
    s.rootfs = r.str();
    s.hostname = r.str();
    s.hostsFile = r.str();
    s.resolvFile = r.str();
    s.hostnameFile = r.str();
    uint32_t volumes = r.u32();
    for (uint32_t i = 0; i < volumes && r.ok() && i < 1024; ++i) {
        VolumeSpec v;
        v.source = r.str();
        v.target = r.str();
        v.readOnly = r.u8() != 0;
        s.volumes.push_back(std::move(v));
    }
    s.netMode = static_cast<NetMode>(r.u8());
    s.netnsPath = r.str();
    s.cgroupThreadFiles = r.strs();
    s.cgroupCloneInto = r.str();
    s.targetPid = r.i32();
    s.targetStartTime = r.u64();
    s.process.args = r.strs();
    s.process.env = r.strs();
    s.process.cwd = r.str();
    s.process.user = r.str();
    s.process.terminal = r.u8() != 0;
    s.process.stdinOpen = r.u8() != 0;
    s.process.rows = static_cast<uint16_t>(r.u32());
    s.process.cols = static_cast<uint16_t>(r.u32());
    s.confinement.privileged = r.u8() != 0;
    s.confinement.capabilities = r.u64();
    s.confinement.noNewPrivileges = r.u8() != 0;
    s.confinement.seccomp = r.u8() != 0;
    const std::string program = r.str();
    s.confinement.seccompProgram.assign(program.begin(), program.end());
    s.confinement.maskedPaths = r.strs();
    s.confinement.readOnlyPaths = r.strs();
    s.logPath = r.str();
    s.logMaxBytes = r.u64();
    s.exitFile = r.str();
    s.exitCommand = r.strs();
    s.oomFiles = r.strs();
    s.cgroupDirsToRemove = r.strs();
    s.stepThrough = r.u8() != 0;
    s.ownerCleansUp = r.u8() != 0;
    s.firstSeq = r.u32();
    if (!r.ok() || !r.atEnd())
        return fail(ErrorCode::Corrupt, "truncated or malformed launch spec");
    if (s.volumes.size() != volumes)
        return fail(ErrorCode::LimitExceeded, "too many volumes");
    return s;
}

} // namespace koker
