#include "netiptrule.h"

#include "netnames.h"
#include "step.h"

namespace koker::net {

const char *iptTableName(IptTable table)
{
    return table == IptTable::Nat ? "nat" : "filter";
}

Status validateChainName(std::string_view chain)
{
    std::string shown(chain.substr(0, 40));
    // iptables refuses names of 29 or more characters (XT_EXTENSION_MAXNAMELEN - 1).
    if (chain.empty() || chain.size() > 28)
        return fail(ErrorCode::InvalidArgument,
                    "chain name '" + shown + "' must be 1 to 28 characters long");
    if (chain[0] == '-' || chain[0] == '!')
        return fail(ErrorCode::InvalidArgument,
                    "chain name '" + shown + "' must not start with '-' or '!'");
    for (char c : chain) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u <= ' ' || u >= 0x7f || c == '"' || c == '\'' || c == '\\')
            return fail(ErrorCode::InvalidArgument,
                        "chain name '" + shown + "' contains a space, quote or control character");
    }
    return {};
}

namespace {

Status checkPort(int port, const char *what)
{
    if (port < 1 || port > 65535)
        return fail(ErrorCode::InvalidArgument,
                    std::string(what) + " " + std::to_string(port) + " is outside 1-65535");
    return {};
}

// The quoting of xtables_save_string(): bare when the word is only
// [A-Za-z0-9_-], otherwise in double quotes with \ " ' escaped.
std::string saveQuote(std::string_view s)
{
    bool plain = !s.empty();
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-';
        if (!ok)
            plain = false;
    }
    if (plain)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\' || c == '\'')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace

Status IptRule::validate() const
{
    auto bad = [&](const std::string &why) {
        return fail(ErrorCode::InvalidArgument, "iptables rule in " +
                                                    std::string(iptTableName(table)) + "/" + chain +
                                                    ": " + why);
    };
    if (auto st = validateChainName(chain); !st)
        return st;
    for (const auto *c : {&source, &destination}) {
        if (*c && !(*c)->isNetwork())
            return bad((*c)->toString() + " has host bits set; write " +
                       (*c)->networkCidr().toString() + " (or /32 for one address)");
    }
    if (invertSource && !source)
        return bad("'! -s' needs a source address");
    if (invertDestination && !destination)
        return bad("'! -d' needs a destination address");
    if (!inInterface.empty()) {
        if (auto st = validateInterfaceName(inInterface); !st)
            return bad(st.error().message);
    } else if (invertInInterface) {
        return bad("'! -i' needs an interface name");
    }
    if (!outInterface.empty()) {
        if (auto st = validateInterfaceName(outInterface); !st)
            return bad(st.error().message);
    } else if (invertOutInterface) {
        return bad("'! -o' needs an interface name");
    }
    if (destinationPort != 0) {
        if (auto st = checkPort(destinationPort, "destination port"); !st)
            return bad(st.error().message);
        if (protocol == IpProtocol::Any)
            return bad("a destination port needs a protocol: -p tcp or -p udp");
    }
    if (comment.size() > 255)
        return bad("the comment is longer than 255 characters");
    for (char c : comment) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < ' ' || u >= 0x7f || c == '"' || c == '\\' || c == '\'')
            return bad("the comment may only hold printable characters without quotes or "
                       "backslashes");
    }
    switch (target) {
    case IptTarget::Accept:
        break;
    case IptTarget::Jump:
        if (auto st = validateChainName(jumpChain); !st)
            return bad("jump target: " + st.error().message);
        break;
    case IptTarget::Dnat:
        if (table != IptTable::Nat)
            return bad("DNAT only exists in the nat table");
        if (natAddress.isUnspecified() || natAddress.isMulticast() ||
            natAddress.isLimitedBroadcast())
            return bad("DNAT needs a unicast --to-destination address, not " +
                       natAddress.toString());
        if (natPort != 0) {
            if (auto st = checkPort(natPort, "DNAT port"); !st)
                return bad(st.error().message);
            if (protocol == IpProtocol::Any)
                return bad("DNAT to a port needs a protocol: -p tcp or -p udp");
        }
        break;
    case IptTarget::Masquerade:
        if (table != IptTable::Nat)
            return bad("MASQUERADE only exists in the nat table");
        break;
    case IptTarget::Other:
        return bad("koker does not write rules with the target of '" + undecoded + "'");
    }
    if (!undecoded.empty())
        return bad("koker does not write rules with '" + undecoded + "'");
    return {};
}

std::string IptRule::spec(bool shellQuoting) const
{
    auto quote = [&](std::string_view s) {
        return shellQuoting ? shellQuote(s) : (s.empty() ? std::string("\"\"") : std::string(s));
    };
    std::string out;
    auto add = [&](bool invert, const std::string &text) {
        if (!out.empty())
            out += ' ';
        if (invert)
            out += "! ";
        out += text;
    };
    // Same order as iptables-save: addresses, interfaces, protocol, matches, target.
    if (source)
        add(invertSource, "-s " + source->toString());
    if (destination)
        add(invertDestination, "-d " + destination->toString());
    if (!inInterface.empty())
        add(invertInInterface, "-i " + quote(inInterface));
    if (!outInterface.empty())
        add(invertOutInterface, "-o " + quote(outInterface));
    if (protocol != IpProtocol::Any)
        add(false, std::string("-p ") + ipProtocolName(protocol));
    if (destinationLocal)
        add(false, "-m addrtype --dst-type LOCAL");
    if (destinationPort != 0) {
        std::string p = ipProtocolName(protocol);
        add(false, "-m " + p + " --dport " + std::to_string(destinationPort));
    }
    if (!comment.empty())
        add(false,
            "-m comment --comment " + (shellQuoting ? shellQuote(comment) : saveQuote(comment)));
    if (!undecoded.empty())
        add(false, undecoded);
    switch (target) {
    case IptTarget::Accept:
        add(false, "-j ACCEPT");
        break;
    case IptTarget::Jump:
        add(false, "-j " + jumpChain);
        break;
    case IptTarget::Dnat:
        add(false, "-j DNAT --to-destination " + natAddress.toString() +
                       (natPort ? ":" + std::to_string(natPort) : std::string()));
        break;
    case IptTarget::Masquerade:
        add(false, "-j MASQUERADE");
        break;
    case IptTarget::Other:
        break; // the target is part of `undecoded`
    }
    return out;
}

std::string IptRule::saveLine() const
{
    return "-A " + chain + " " + spec(false);
}

std::string IptRule::command(IptAction action, std::string_view program) const
{
    std::string verb;
    switch (action) {
    case IptAction::Append:
        verb = "-A " + chain;
        break;
    case IptAction::Insert:
        verb = "-I " + chain + " 1";
        break;
    case IptAction::Delete:
        verb = "-D " + chain;
        break;
    }
    return std::string(program) + " -t " + iptTableName(table) + " " + verb + " " + spec(true);
}

std::string IptRule::libiptcCall(IptAction action) const
{
    std::string fn;
    std::string extra;
    switch (action) {
    case IptAction::Append:
        fn = "iptc_append_entry";
        break;
    case IptAction::Insert:
        fn = "iptc_insert_entry";
        extra = ", 0";
        break;
    case IptAction::Delete:
        fn = "iptc_delete_entry";
        break;
    }
    return fn + "(\"" + chain + "\", {" + spec(false) + "}" + extra + "); iptc_commit(" +
           iptTableName(table) + ")";
}

IptRule IptRule::publishedPort(const PortMapping &port, Ipv4Address containerIp,
                               std::string_view bridge, std::string_view comment)
{
    IptRule r;
    r.table = IptTable::Nat;
    r.chain = std::string(kNatChain);
    if (port.hostIp)
        r.destination = Ipv4Cidr(*port.hostIp, 32);
    // Packets coming in from the bridge itself are left alone: a container that
    // talks to a published port of another container keeps its own source, and a
    // container's own traffic to the host port is not bounced back into the bridge.
    r.inInterface = std::string(bridge);
    r.invertInInterface = true;
    r.protocol = port.protocol;
    r.destinationPort = port.hostPort;
    r.comment = std::string(comment);
    r.target = IptTarget::Dnat;
    r.natAddress = containerIp;
    r.natPort = port.containerPort;
    return r;
}

IptRule IptRule::loopbackMasquerade(Ipv4Address containerIp, std::string_view bridge,
                                    std::string_view comment)
{
    IptRule r;
    r.table = IptTable::Nat;
    r.chain = std::string(kPostroutingChain);
    r.source = Ipv4Cidr(Ipv4Address(127, 0, 0, 0), 8);
    r.destination = Ipv4Cidr(containerIp, 32);
    r.outInterface = std::string(bridge);
    r.comment = std::string(comment);
    r.target = IptTarget::Masquerade;
    return r;
}

IptRule IptRule::subnetMasquerade(const Ipv4Cidr &subnet, std::string_view bridge,
                                  std::string_view comment)
{
    IptRule r;
    r.table = IptTable::Nat;
    r.chain = std::string(kPostroutingChain);
    r.source = subnet.networkCidr();
    r.outInterface = std::string(bridge);
    r.invertOutInterface = true;
    r.comment = std::string(comment);
    r.target = IptTarget::Masquerade;
    return r;
}

IptRule IptRule::forwardAccept(std::string_view bridge, bool fromBridge, std::string_view comment)
{
    IptRule r;
    r.table = IptTable::Filter;
    r.chain = std::string(kForwardChain);
    if (fromBridge)
        r.inInterface = std::string(bridge);
    else
        r.outInterface = std::string(bridge);
    r.comment = std::string(comment);
    r.target = IptTarget::Accept;
    return r;
}

std::vector<IptRule> IptRule::baseJumps()
{
    std::vector<IptRule> out;
    auto jump = [&](IptTable in, std::string_view from, std::string_view to, bool local) {
        IptRule r;
        r.table = in;
        r.chain = std::string(from);
        r.destinationLocal = local;
        r.target = IptTarget::Jump;
        r.jumpChain = std::string(to);
        out.push_back(std::move(r));
    };
    // Only packets addressed to one of the host's own addresses can be for a
    // published port; OUTPUT has no "! -d 127.0.0.0/8" (unlike Docker's) so that
    // the host itself reaches published ports on 127.0.0.1.
    jump(IptTable::Nat, "PREROUTING", kNatChain, true);
    jump(IptTable::Nat, "OUTPUT", kNatChain, true);
    jump(IptTable::Nat, "POSTROUTING", kPostroutingChain, false);
    jump(IptTable::Filter, "FORWARD", kForwardChain, false);
    return out;
}

std::string IptRule::containerComment(std::string_view containerId)
{
    return "koker:" + std::string(containerId);
}

namespace {
constexpr std::string_view kNetworkCommentPrefix = "koker-net:";
} // namespace

std::string IptRule::networkComment(std::string_view bridge)
{
    return std::string(kNetworkCommentPrefix) + std::string(bridge);
}

std::string IptRule::bridgeOfComment(std::string_view comment)
{
    if (!comment.starts_with(kNetworkCommentPrefix))
        return {};
    return std::string(comment.substr(kNetworkCommentPrefix.size()));
}

} // namespace koker::net
