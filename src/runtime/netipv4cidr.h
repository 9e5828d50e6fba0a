#pragma once

// An IPv4 address with a prefix length: "10.88.0.0/16" names a subnet,
// "10.88.0.1/16" names an interface address inside it (the form `ip addr` uses).
// Both are the same value type; Ipv4Cidr::parseNetwork insists on the first form.

#include "error.h"
#include "netipv4address.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace koker::net {

class Ipv4Cidr
{
public:
    Ipv4Cidr() = default;
    /// `prefix` is clamped to 0..32; use parse() for text from users.
    Ipv4Cidr(Ipv4Address address, int prefix);

    /// Parse "a.b.c.d/n" (n 0..32). Host bits may be set: "10.88.0.1/16" is an
    /// interface address. A bare address is refused (say /32 when you mean one host).
    static Result<Ipv4Cidr> parse(std::string_view text);
    /// Parse a subnet: like parse(), but host bits must be zero ("10.88.0.0/16").
    static Result<Ipv4Cidr> parseNetwork(std::string_view text);

    /// The address as written (with host bits, if any).
    Ipv4Address address() const { return m_address; }
    /// The prefix length, 0-32.
    int prefix() const { return m_prefix; }
    /// The netmask in host byte order (0xFFFF0000 for /16).
    uint32_t mask() const;
    /// First address of the subnet (host bits cleared).
    Ipv4Address network() const;
    /// Last address of the subnet (host bits set).
    Ipv4Address broadcast() const;
    /// This value with the host bits cleared ("10.88.0.1/16" -> "10.88.0.0/16").
    Ipv4Cidr networkCidr() const;
    /// Whether the host bits are zero.
    bool isNetwork() const { return m_address == network(); }
    /// Number of addresses in the subnet (2^(32-prefix)).
    uint64_t size() const;

    /// Whether `ip` lies inside the subnet.
    bool contains(Ipv4Address ip) const;
    /// Whether the two subnets share at least one address.
    bool overlaps(const Ipv4Cidr &other) const;

    /// "10.88.0.0/16".
    std::string toString() const;

    bool operator==(const Ipv4Cidr &) const = default;

private:
    Ipv4Address m_address;
    int m_prefix = 0;
};

} // namespace koker::net
