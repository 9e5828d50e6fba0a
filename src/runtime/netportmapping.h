#pragma once

// A published port, as `koker run -p` and `docker run -p` write it:
// [hostIp:]hostPort:containerPort[/tcp|/udp]. It becomes one DNAT rule.

#include "error.h"
#include "netipv4address.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace koker::net {

/// The transport protocols a rule can name; Any means no -p at all.
enum class IpProtocol : uint8_t
{
    Any,
    Tcp,
    Udp
};

/// "tcp", "udp" or "all" (the word iptables prints for protocol 0).
const char *ipProtocolName(IpProtocol protocol);

class PortMapping
{
public:
    /// Parse "8080:80", "8080:80/udp", "127.0.0.1:8080:80/tcp"; "0.0.0.0:" means
    /// every host address (no -d in the rule). The result is validated.
    static Result<PortMapping> parse(std::string_view text);

    /// Ports 1-65535, protocol tcp or udp, a host address a packet can be sent to.
    Status validate() const;

    /// Back to the -p form: "127.0.0.1:8080:80/tcp", "8080:80/udp".
    std::string toString() const;

    std::optional<Ipv4Address> hostIp; // empty: every address of the host
    IpProtocol protocol = IpProtocol::Tcp;
    int hostPort = 0;      // int, not uint16_t, so 0 and 70000 reach validate()
    int containerPort = 0; // and are refused with a message instead of wrapping

    bool operator==(const PortMapping &) const = default;
};

} // namespace koker::net
