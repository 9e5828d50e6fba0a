#pragma once

// An IPv4 address as a plain value. Kept in host byte order so that "the next
// address" is +1 and a subnet is a range of integers; converted to network order
// only where a kernel structure wants it (netlink attributes, ipt_entry).

#include "error.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace koker::net {

class Ipv4Address
{
public:
    /// 0.0.0.0.
    constexpr Ipv4Address() = default;
    /// From a host-order value (0x0A580002 = 10.88.0.2).
    constexpr explicit Ipv4Address(uint32_t hostOrder)
        : m_value(hostOrder)
    {}
    /// From the four dotted parts: Ipv4Address(10, 88, 0, 2).
    constexpr Ipv4Address(uint8_t a, uint8_t b, uint8_t c, uint8_t d)
        : m_value((uint32_t(a) << 24) | (uint32_t(b) << 16) | (uint32_t(c) << 8) | uint32_t(d))
    {}

    /// Parse strict dotted-quad text ("10.88.0.2"): four decimal parts 0-255, no
    /// leading zeros (inet_aton would read "010" as octal 8), nothing around it.
    static Result<Ipv4Address> parse(std::string_view text);

    /// From the network-order value of a kernel structure (in_addr.s_addr).
    static Ipv4Address fromNetworkOrder(uint32_t networkOrder);

    /// The value in host byte order.
    constexpr uint32_t value() const { return m_value; }
    /// The value in network byte order, for in_addr and netlink attributes.
    uint32_t networkOrder() const;
    /// Byte `i` of the dotted form, 0 = leftmost.
    constexpr uint8_t byte(int i) const { return uint8_t(m_value >> (24 - 8 * i)); }

    /// "10.88.0.2".
    std::string toString() const;

    /// 0.0.0.0 ("any address" to bind(), never a destination).
    constexpr bool isUnspecified() const { return m_value == 0; }
    /// In 127.0.0.0/8.
    constexpr bool isLoopback() const { return (m_value >> 24) == 127; }
    /// In 224.0.0.0/4.
    constexpr bool isMulticast() const { return (m_value >> 28) == 0xE; }
    /// 255.255.255.255.
    constexpr bool isLimitedBroadcast() const { return m_value == 0xFFFFFFFFu; }

    constexpr auto operator<=>(const Ipv4Address &) const = default;

private:
    uint32_t m_value = 0;
};

} // namespace koker::net
