#pragma once

// Kernel network settings under /proc/sys (what sysctl(8) reads and writes).
// Keys are written the way students know them, "net.ipv4.ip_forward"; a key
// with an interface name that contains dots uses the slash form instead
// ("net/ipv4/conf/br.0/route_localnet"), as sysctl(8) also accepts.
// /proc/sys/net is per network namespace: these calls act on the namespace of
// the calling thread (run them via NetNamespace::runIn for a container's).

#include "error.h"

#include <string>
#include <string_view>

namespace koker::net {

/// The file behind a key: "net.ipv4.ip_forward" -> "/proc/sys/net/ipv4/ip_forward".
/// Refuses keys with "..", empty parts or characters outside [A-Za-z0-9_.+/-].
Result<std::string> sysctlPath(std::string_view key);

/// The key of a per-interface IPv4 setting, in slash form so any name works:
/// ("kokerbr0", "route_localnet") -> "net/ipv4/conf/kokerbr0/route_localnet".
std::string interfaceSysctlKey(std::string_view interface, std::string_view setting);

/// Read a setting, without the trailing newline.
Result<std::string> readSysctl(std::string_view key);

/// Write a setting (`sysctl -w key=value`).
Status writeSysctl(std::string_view key, std::string_view value);

} // namespace koker::net
