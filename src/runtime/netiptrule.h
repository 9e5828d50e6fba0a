#pragma once

// One iptables rule as koker writes it: the small subset of iptables that
// container networking needs (addresses, interfaces, tcp/udp destination port,
// addrtype LOCAL, a comment naming the owner; targets ACCEPT, a jump, DNAT and
// MASQUERADE). The same value is rendered three ways: the libiptc call we make,
// the `iptables` command a student could type, and the line `iptables-legacy -S`
// prints, so the timeline, `koker inspect` and a leak check all speak iptables.
// Kernel structures (ipt_entry) are built from it in iptables.cpp.

#include "error.h"
#include "netipv4address.h"
#include "netipv4cidr.h"
#include "netportmapping.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koker::net {

/// nat table: DNAT for published ports, jumped to from PREROUTING and OUTPUT.
inline constexpr std::string_view kNatChain = "KOKER";
/// nat table: MASQUERADE for traffic leaving a koker subnet, jumped to from POSTROUTING.
inline constexpr std::string_view kPostroutingChain = "KOKER-POSTROUTING";
/// filter table: ACCEPT to and from koker bridges, jumped to from FORWARD.
inline constexpr std::string_view kForwardChain = "KOKER-FORWARD";

enum class IptTable : uint8_t
{
    Nat,
    Filter
};
enum class IptTarget : uint8_t
{
    Accept,
    Jump,
    Dnat,
    Masquerade,
    Other, // listing only: a target koker does not write (its text is in `undecoded`)
};
/// How a rule is being changed, for the rendered command (-A, -I ... 1, -D).
enum class IptAction : uint8_t
{
    Append,
    Insert,
    Delete
};

/// "nat" or "filter".
const char *iptTableName(IptTable table);

struct IptRule
{
    IptTable table = IptTable::Nat;
    std::string chain;
    IpProtocol protocol = IpProtocol::Any;
    std::optional<Ipv4Cidr> source; // must be a network ("10.88.0.0/16", "10.88.0.2/32")
    bool invertSource = false;
    std::optional<Ipv4Cidr> destination;
    bool invertDestination = false;
    std::string inInterface; // exact name, no '+' wildcard
    bool invertInInterface = false;
    std::string outInterface;
    bool invertOutInterface = false;
    bool destinationLocal = false; // -m addrtype --dst-type LOCAL
    int destinationPort = 0;       // -m tcp|udp --dport N; 0 = any port
    std::string comment;           // -m comment --comment: who owns the rule
    IptTarget target = IptTarget::Accept;
    std::string jumpChain;  // Jump: the chain to jump to
    Ipv4Address natAddress; // Dnat: --to-destination address
    int natPort = 0;        // Dnat: --to-destination port; 0 keeps the port
    std::string undecoded;  // listing only: parts of a kernel rule koker does not model

    /// Check every field against what the kernel and koker accept, with a message
    /// naming the field (ports 1-65535, a protocol for a port, DNAT only in nat...).
    Status validate() const;

    /// The rule part after the chain, in the order and spelling of
    /// `iptables-save` ("! -i br0 -p tcp -m tcp --dport 8080 ... -j DNAT ...").
    /// `shellQuoting`: quote for a POSIX shell; otherwise quote like iptables -S.
    std::string spec(bool shellQuoting = true) const;
    /// The line `iptables-legacy -t <table> -S <chain>` prints for this rule.
    std::string saveLine() const;
    /// The command a student could type: "iptables -t nat -A KOKER ...". On
    /// Debian 12 `iptables` is the nft variant; pass "iptables-legacy" to get the
    /// command that acts on the tables libiptc writes.
    std::string command(IptAction action = IptAction::Append,
                        std::string_view program = "iptables") const;
    /// The libiptc call koker makes: `iptc_append_entry("KOKER", <spec>)`.
    std::string libiptcCall(IptAction action = IptAction::Append) const;

    bool operator==(const IptRule &) const = default;

    /// Published port: -A KOKER [-d HOSTIP/32] ! -i BRIDGE -p P -m P --dport HP
    /// -m comment --comment C -j DNAT --to-destination CIP:CP.
    static IptRule publishedPort(const PortMapping &port, Ipv4Address containerIp,
                                 std::string_view bridge, std::string_view comment);
    /// Hairpin from the host's loopback: -A KOKER-POSTROUTING -s 127.0.0.0/8
    /// -d CIP/32 -o BRIDGE -j MASQUERADE (see docs/learn/networking.md for why).
    static IptRule loopbackMasquerade(Ipv4Address containerIp, std::string_view bridge,
                                      std::string_view comment);
    /// Outgoing NAT: -A KOKER-POSTROUTING -s SUBNET ! -o BRIDGE -j MASQUERADE.
    static IptRule subnetMasquerade(const Ipv4Cidr &subnet, std::string_view bridge,
                                    std::string_view comment);
    /// Forwarding: -A KOKER-FORWARD -i BRIDGE -j ACCEPT (outgoing = false: -o BRIDGE).
    static IptRule forwardAccept(std::string_view bridge, bool fromBridge,
                                 std::string_view comment);
    /// The four jumps from built-in chains into ours (PREROUTING, OUTPUT,
    /// POSTROUTING in nat; FORWARD in filter), each to exist exactly once.
    static std::vector<IptRule> baseJumps();

    /// Comment of every rule made for one container: "koker:<id>".
    static std::string containerComment(std::string_view containerId);
    /// Comment of the rules of one bridge network: "koker-net:<bridge>".
    static std::string networkComment(std::string_view bridge);
    /// The bridge a networkComment() names; "" for any other comment.
    static std::string bridgeOfComment(std::string_view comment);
};

/// Check a chain name: 1-28 printable characters, no space, not starting with '-' or '!'.
Status validateChainName(std::string_view chain);

} // namespace koker::net
