#include "netportmapping.h"

#include <vector>

namespace koker::net {

const char *ipProtocolName(IpProtocol protocol)
{
    switch (protocol) {
    case IpProtocol::Tcp:
        return "tcp";
    case IpProtocol::Udp:
        return "udp";
    case IpProtocol::Any:
        break;
    }
    return "all";
}

namespace {

// A port as the user wrote it; -1 when it is not a plain decimal number, so the
// caller can say which part was wrong. Values above 65535 are kept (up to a
// bound) for validate() to refuse with the range in the message.
int parsePort(std::string_view s)
{
    if (s.empty() || s.size() > 6)
        return -1;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

} // namespace

Result<PortMapping> PortMapping::parse(std::string_view text)
{
    std::string shown(text.substr(0, 80));
    auto bad = [&](const std::string &why) {
        return fail(ErrorCode::InvalidArgument,
                    "published port '" + shown + "' " + why +
                        "; write [hostIp:]hostPort:containerPort[/tcp|/udp], like 8080:80");
    };
    PortMapping m;
    std::string_view rest = text;
    if (size_t slash = rest.rfind('/'); slash != std::string_view::npos) {
        std::string_view proto = rest.substr(slash + 1);
        if (proto == "tcp")
            m.protocol = IpProtocol::Tcp;
        else if (proto == "udp")
            m.protocol = IpProtocol::Udp;
        else
            return bad("has an unknown protocol '" + std::string(proto.substr(0, 20)) +
                       "' (tcp or udp)");
        rest = rest.substr(0, slash);
    }
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (true) {
        size_t colon = rest.find(':', start);
        parts.push_back(rest.substr(start, colon == std::string_view::npos ? std::string_view::npos
                                                                           : colon - start));
        if (colon == std::string_view::npos)
            break;
        start = colon + 1;
    }
    if (parts.size() != 2 && parts.size() != 3)
        return bad("does not have two or three ':'-separated parts");
    if (parts.size() == 3) {
        auto ip = Ipv4Address::parse(parts[0]);
        if (!ip)
            return bad("has a bad host address: " + ip.error().message);
        if (!ip->isUnspecified())
            m.hostIp = *ip;
        parts.erase(parts.begin());
    }
    m.hostPort = parsePort(parts[0]);
    m.containerPort = parsePort(parts[1]);
    if (m.hostPort < 0)
        return bad("has a host port that is not a number");
    if (m.containerPort < 0)
        return bad("has a container port that is not a number");
    if (auto st = m.validate(); !st)
        return std::unexpected(st.error());
    return m;
}

Status PortMapping::validate() const
{
    auto bad = [&](const std::string &why) {
        return fail(ErrorCode::InvalidArgument, "published port " + toString() + ": " + why);
    };
    if (protocol == IpProtocol::Any)
        return bad("a published port needs a protocol, tcp or udp");
    if (hostPort < 1 || hostPort > 65535)
        return bad("host port " + std::to_string(hostPort) + " is outside 1-65535");
    if (containerPort < 1 || containerPort > 65535)
        return bad("container port " + std::to_string(containerPort) + " is outside 1-65535");
    if (hostIp) {
        if (hostIp->isMulticast() || hostIp->isLimitedBroadcast())
            return bad("host address " + hostIp->toString() +
                       " is a multicast or broadcast address; give one of the host's own "
                       "addresses, or none for all of them");
        if (hostIp->isUnspecified())
            return bad("host address 0.0.0.0 means every address; leave it out instead");
    }
    return {};
}

std::string PortMapping::toString() const
{
    std::string out;
    if (hostIp)
        out = hostIp->toString() + ":";
    out += std::to_string(hostPort) + ":" + std::to_string(containerPort) + "/" +
           ipProtocolName(protocol);
    return out;
}

} // namespace koker::net
