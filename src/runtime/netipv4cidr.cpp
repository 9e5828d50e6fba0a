#include "netipv4cidr.h"

namespace koker::net {

Ipv4Cidr::Ipv4Cidr(Ipv4Address address, int prefix)
    : m_address(address)
    , m_prefix(prefix < 0 ? 0 : (prefix > 32 ? 32 : prefix))
{}

Result<Ipv4Cidr> Ipv4Cidr::parse(std::string_view text)
{
    if (text.empty())
        return fail(ErrorCode::InvalidArgument,
                    "the subnet is empty; write it as address/prefix, like 10.88.0.0/16");
    size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return fail(ErrorCode::InvalidArgument,
                    "'" + std::string(text) +
                        "' has no prefix length; write it as address/prefix, like 10.88.0.0/16");
    auto addr = Ipv4Address::parse(text.substr(0, slash));
    if (!addr)
        return std::unexpected(addr.error());
    std::string_view p = text.substr(slash + 1);
    int prefix = 0;
    bool ok = !p.empty() && p.size() <= 2 && !(p.size() > 1 && p[0] == '0');
    for (char c : p) {
        if (c < '0' || c > '9')
            ok = false;
        else
            prefix = prefix * 10 + (c - '0');
    }
    if (!ok || prefix > 32)
        return fail(ErrorCode::InvalidArgument, "'" + std::string(text) +
                                                    "' has a bad prefix length: it must be a "
                                                    "number from 0 to 32");
    return Ipv4Cidr(*addr, prefix);
}

Result<Ipv4Cidr> Ipv4Cidr::parseNetwork(std::string_view text)
{
    auto c = parse(text);
    if (!c)
        return c;
    if (!c->isNetwork())
        return fail(ErrorCode::InvalidArgument,
                    "'" + std::string(text) + "' is not a subnet: its host bits are not zero; " +
                        "did you mean " + c->networkCidr().toString() + "?");
    return c;
}

uint32_t Ipv4Cidr::mask() const
{
    return m_prefix == 0 ? 0u : ~uint32_t(0) << (32 - m_prefix);
}

Ipv4Address Ipv4Cidr::network() const
{
    return Ipv4Address(m_address.value() & mask());
}

Ipv4Address Ipv4Cidr::broadcast() const
{
    return Ipv4Address(m_address.value() | ~mask());
}

Ipv4Cidr Ipv4Cidr::networkCidr() const
{
    return Ipv4Cidr(network(), m_prefix);
}

uint64_t Ipv4Cidr::size() const
{
    return uint64_t(1) << (32 - m_prefix);
}

bool Ipv4Cidr::contains(Ipv4Address ip) const
{
    return (ip.value() & mask()) == network().value();
}

bool Ipv4Cidr::overlaps(const Ipv4Cidr &other) const
{
    // Two prefixes overlap exactly when the shorter one contains the other's network.
    return contains(other.network()) || other.contains(network());
}

std::string Ipv4Cidr::toString() const
{
    return m_address.toString() + "/" + std::to_string(m_prefix);
}

} // namespace koker::net
