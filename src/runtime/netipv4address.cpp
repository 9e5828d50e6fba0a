#include "netipv4address.h"

#include <arpa/inet.h>

namespace koker::net {

Result<Ipv4Address> Ipv4Address::parse(std::string_view text)
{
    auto bad = [&](const std::string &why) {
        return fail(ErrorCode::InvalidArgument,
                    "'" + std::string(text) + "' is not an IPv4 address: " + why +
                        " (write four numbers 0-255 separated by dots, like 10.88.0.2)");
    };
    if (text.empty())
        return bad("it is empty");
    uint32_t value = 0;
    size_t pos = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (pos >= text.size() || text[pos] != '.')
                return bad("it needs exactly four parts");
            ++pos;
        }
        size_t start = pos;
        uint32_t n = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 4) {
            n = n * 10 + uint32_t(text[pos] - '0');
            ++pos;
        }
        size_t len = pos - start;
        if (len == 0)
            return bad("part " + std::to_string(part + 1) + " is not a number");
        if (len > 3 || n > 255)
            return bad("part " + std::to_string(part + 1) + " is larger than 255");
        if (len > 1 && text[start] == '0')
            return bad("part " + std::to_string(part + 1) +
                       " has a leading zero (some tools read that as octal)");
        value = (value << 8) | n;
    }
    if (pos != text.size())
        return bad("unexpected text after the fourth part");
    return Ipv4Address(value);
}

Ipv4Address Ipv4Address::fromNetworkOrder(uint32_t networkOrder)
{
    return Ipv4Address(ntohl(networkOrder));
}

uint32_t Ipv4Address::networkOrder() const
{
    return htonl(m_value);
}

std::string Ipv4Address::toString() const
{
    std::string out;
    out.reserve(15);
    for (int i = 0; i < 4; ++i) {
        if (i > 0)
            out += '.';
        out += std::to_string(byte(i));
    }
    return out;
}

} // namespace koker::net
