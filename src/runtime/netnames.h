#pragma once

// Names the network code derives or accepts: interface names (the kernel's rules),
// container ids as they appear in interface names, iptables comments and lease
// files, and the deterministic MAC address of a container's eth0.

#include "error.h"
#include "netipv4address.h"

#include <string>
#include <string_view>

namespace koker::net {

/// Longest interface name the kernel accepts (IFNAMSIZ 16 minus the NUL).
inline constexpr size_t kMaxInterfaceName = 15;
/// Prefix of every host-side veth, so `ip link | grep kk` finds ours.
inline constexpr std::string_view kHostVethPrefix = "kk";

/// Check an interface name the way the kernel's dev_valid_name() does: 1-15
/// bytes, not "." or "..", no '/', ':' or whitespace.
Status validateInterfaceName(std::string_view name);

/// Docker's grammar for container and network names: 1 to `maxLength` characters
/// of [A-Za-z0-9_.-], starting with a letter or digit. (A loop, not a regular
/// expression: compiling one costs more than a short-lived command's checks.)
bool isDockerStyleName(std::string_view name, size_t maxLength);

/// Check a container id used in interface names, iptables comments and lease
/// files: 1-128 characters of [A-Za-z0-9_.-], starting with a letter or digit.
Status validateContainerId(std::string_view id);

/// The host side of a container's veth pair: "kk" + the first 12 characters of
/// its id (14 bytes, inside IFNAMSIZ). Two ids sharing 12 leading characters
/// collide; the engine's 64-hex ids make that as unlikely as Docker's.
Result<std::string> hostVethName(std::string_view containerId);

/// Docker's deterministic MAC for an address: 02:42 followed by the four IPv4
/// bytes (10.88.0.2 -> 02:42:0a:58:00:02). 02 = locally administered, unicast.
std::string macForAddress(Ipv4Address ip);

/// Parse "aa:bb:cc:dd:ee:ff" into 6 bytes; false when malformed.
bool parseMac(std::string_view text, unsigned char out[6]);

} // namespace koker::net
