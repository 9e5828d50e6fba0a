#include "netsteps.h"

#include "ipam.h"
#include "netlink.h"
#include "netnames.h"
#include "netnamespace.h"
#include "netsysctl.h"
#include "step.h"

namespace koker::net {

namespace {

Step makeStep(std::string_view key, const std::string &title, const std::string &op,
              const std::string &shell, std::function<Status()> apply)
{
    Step s;
    s.record.phase = Phase::Network;
    s.record.side = Side::Host;
    s.record.setKey(key);
    s.record.setTitle(title);
    s.record.setOp(op);
    s.record.setShell(shell);
    s.apply = std::move(apply);
    return s;
}

void setRollback(Step &s, const std::string &title, const std::string &op, const std::string &shell,
                 std::function<Status()> fn)
{
    s.rollbackTitle = title;
    s.rollbackOp = op;
    s.rollbackShell = shell;
    s.rollback = std::move(fn);
}

// Inside a namespace the op names it and the command runs under nsenter.
std::string inNs(const std::string &netnsPath, const std::string &op)
{
    return netnsPath.empty() ? op : "[netns " + netnsPath + "] " + op;
}

std::string shellIn(const std::string &netnsPath, const std::string &cmd)
{
    return netnsPath.empty() ? cmd : "nsenter --net=" + shellQuote(netnsPath) + " " + cmd;
}

std::string where(const std::string &netnsPath)
{
    return netnsPath.empty() ? "" : " in the container";
}

Status withNetlink(const std::string &netnsPath, const std::function<Status(Netlink &)> &fn)
{
    auto nl = netnsPath.empty() ? Netlink::open() : Netlink::openIn(netnsPath);
    if (!nl)
        return std::unexpected(nl.error());
    return fn(*nl);
}

std::string q(const std::string &s)
{
    return shellQuote(s);
}

} // namespace

Step NetSteps::netnsCreate(const std::string &path)
{
    Step s = makeStep(
        "net.netns.create", "Create the container's network namespace",
        "unshare(CLONE_NEWNET) on a new thread; mount(\"/proc/self/task/<tid>/ns/net\", \"" + path +
            "\", NULL, MS_BIND, NULL)",
        "touch " + q(path) + " && unshare --net=" + q(path) + " true",
        [path] { return NetNamespace::create(path); });
    setRollback(s, "Remove the network namespace",
                "umount2(\"" + path + "\", MNT_DETACH); unlink(\"" + path + "\")",
                "umount -l " + q(path) + " && rm " + q(path),
                [path] { return NetNamespace::remove(path); });
    return s;
}

Step NetSteps::netnsDelete(const std::string &path)
{
    return makeStep("net.netns.delete", "Remove the container's network namespace",
                    "umount2(\"" + path + "\", MNT_DETACH|UMOUNT_NOFOLLOW); unlink(\"" + path +
                        "\")",
                    "umount -l " + q(path) + "; rm -f " + q(path),
                    [path] { return NetNamespace::remove(path); });
}

Step NetSteps::bridgeCreate(const std::string &name, int mtu)
{
    std::string m = std::to_string(mtu);
    Step s = makeStep("net.link.bridge", "Create the bridge " + name + " (a virtual switch)",
                      "RTM_NEWLINK ifname=" + name + " mtu=" + m +
                          " linkinfo=(kind=bridge) flags=NLM_F_CREATE|NLM_F_EXCL",
                      "ip link add " + q(name) + " mtu " + m + " type bridge", [name, mtu] {
                          return withNetlink(
                              {}, [&](Netlink &nl) { return nl.createBridge(name, mtu); });
                      });
    setRollback(
        s, "Delete the bridge " + name, "RTM_DELLINK ifname=" + name, "ip link del " + q(name),
        [name] { return withNetlink({}, [&](Netlink &nl) { return nl.deleteLink(name); }); });
    return s;
}

Step NetSteps::vethCreate(const std::string &hostName, const std::string &peerName,
                          const std::string &peerNetns, int mtu)
{
    std::string m = std::to_string(mtu);
    std::string nsOp = peerNetns.empty() ? "" : " netns=fd(" + peerNetns + ")";
    std::string nsCmd = peerNetns.empty() ? "" : " netns " + q(peerNetns);
    Step s =
        makeStep("net.link.veth",
                 "Create the veth pair " + hostName + " <-> " + peerName + " (a virtual cable)",
                 "RTM_NEWLINK ifname=" + hostName + " mtu=" + m +
                     " linkinfo=(kind=veth peer=(ifname=" + peerName + " mtu=" + m + nsOp +
                     ")) flags=NLM_F_CREATE|NLM_F_EXCL",
                 "ip link add " + q(hostName) + " mtu " + m + " type veth peer name " +
                     q(peerName) + " mtu " + m + nsCmd,
                 [hostName, peerName, peerNetns, mtu]() -> Status {
                     UniqueFd ns;
                     if (!peerNetns.empty()) {
                         auto fd = NetNamespace::open(peerNetns);
                         if (!fd)
                             return std::unexpected(fd.error());
                         ns = std::move(*fd);
                     }
                     return withNetlink({}, [&](Netlink &nl) {
                         return nl.createVeth(hostName, peerName, ns.get(), mtu);
                     });
                 });
    setRollback(s, "Delete the veth pair " + hostName, "RTM_DELLINK ifname=" + hostName,
                "ip link del " + q(hostName), [hostName] {
                    return withNetlink({}, [&](Netlink &nl) { return nl.deleteLink(hostName); });
                });
    return s;
}

Step NetSteps::linkMoveToNetns(const std::string &name, const std::string &netnsPath)
{
    return makeStep("net.link.netns", "Move " + name + " into the container's network namespace",
                    "RTM_NEWLINK ifname=" + name + " IFLA_NET_NS_FD=fd(" + netnsPath + ")",
                    "ip link set " + q(name) + " netns " + q(netnsPath),
                    [name, netnsPath]() -> Status {
                        auto fd = NetNamespace::open(netnsPath);
                        if (!fd)
                            return std::unexpected(fd.error());
                        return withNetlink(
                            {}, [&](Netlink &nl) { return nl.moveToNamespace(name, fd->get()); });
                    });
}

Step NetSteps::linkMaster(const std::string &name, const std::string &bridge)
{
    Step s = makeStep("net.link.master", "Plug " + name + " into the bridge " + bridge,
                      "RTM_NEWLINK ifname=" + name + " IFLA_MASTER=ifindex(" + bridge + ")",
                      "ip link set " + q(name) + " master " + q(bridge), [name, bridge] {
                          return withNetlink(
                              {}, [&](Netlink &nl) { return nl.setMaster(name, bridge); });
                      });
    setRollback(s, "Unplug " + name + " from the bridge",
                "RTM_NEWLINK ifname=" + name + " IFLA_MASTER=0",
                "ip link set " + q(name) + " nomaster", [name]() -> Status {
                    return withNetlink({}, [&](Netlink &nl) -> Status {
                        auto exists = nl.linkExists(name);
                        if (!exists)
                            return std::unexpected(exists.error());
                        return *exists ? nl.setMaster(name, {}) : Status{};
                    });
                });
    return s;
}

Step NetSteps::linkUp(const std::string &name, const std::string &netnsPath)
{
    Step s = makeStep(
        "net.link.up", "Bring up " + name + where(netnsPath),
        inNs(netnsPath, "RTM_NEWLINK ifname=" + name + " ifi_flags=IFF_UP ifi_change=IFF_UP"),
        shellIn(netnsPath, "ip link set " + q(name) + " up"), [name, netnsPath] {
            return withNetlink(netnsPath, [&](Netlink &nl) { return nl.setUp(name, true); });
        });
    setRollback(s, "Bring down " + name + where(netnsPath),
                inNs(netnsPath, "RTM_NEWLINK ifname=" + name + " ifi_flags=0 ifi_change=IFF_UP"),
                shellIn(netnsPath, "ip link set " + q(name) + " down"), [name, netnsPath] {
                    return withNetlink(netnsPath, [&](Netlink &nl) -> Status {
                        auto exists = nl.linkExists(name);
                        if (!exists)
                            return std::unexpected(exists.error());
                        return *exists ? nl.setUp(name, false) : Status{};
                    });
                });
    return s;
}

Step NetSteps::linkRename(const std::string &from, const std::string &to,
                          const std::string &netnsPath)
{
    Step s = makeStep(
        "net.link.rename", "Rename " + from + " to " + to + where(netnsPath),
        inNs(netnsPath, "RTM_NEWLINK ifindex(" + from + ") IFLA_IFNAME=" + to),
        shellIn(netnsPath, "ip link set " + q(from) + " name " + q(to)), [from, to, netnsPath] {
            return withNetlink(netnsPath, [&](Netlink &nl) { return nl.rename(from, to); });
        });
    setRollback(s, "Rename " + to + " back to " + from,
                inNs(netnsPath, "RTM_NEWLINK ifindex(" + to + ") IFLA_IFNAME=" + from),
                shellIn(netnsPath, "ip link set " + q(to) + " name " + q(from)),
                [from, to, netnsPath] {
                    return withNetlink(netnsPath, [&](Netlink &nl) { return nl.rename(to, from); });
                });
    return s;
}

Step NetSteps::linkMac(const std::string &name, const std::string &mac,
                       const std::string &netnsPath)
{
    return makeStep(
        "net.link.mac", "Give " + name + " the MAC address " + mac,
        inNs(netnsPath, "RTM_NEWLINK ifname=" + name + " IFLA_ADDRESS=" + mac),
        shellIn(netnsPath, "ip link set " + q(name) + " address " + mac), [name, mac, netnsPath] {
            return withNetlink(netnsPath, [&](Netlink &nl) { return nl.setMacAddress(name, mac); });
        });
}

Step NetSteps::addressAdd(const std::string &name, const Ipv4Cidr &address,
                          const std::string &netnsPath)
{
    std::string a = address.toString();
    Step s = makeStep(
        "net.addr.add", "Give " + name + " the address " + a + where(netnsPath),
        inNs(netnsPath, "RTM_NEWADDR ifindex(" + name +
                            ") family=AF_INET IFA_LOCAL=" + address.address().toString() +
                            " prefixlen=" + std::to_string(address.prefix()) +
                            " flags=NLM_F_CREATE|NLM_F_EXCL"),
        shellIn(netnsPath, "ip addr add " + a + " dev " + q(name)), [name, address, netnsPath] {
            return withNetlink(netnsPath,
                               [&](Netlink &nl) { return nl.addAddress(name, address); });
        });
    setRollback(s, "Remove the address " + a + " from " + name,
                inNs(netnsPath, "RTM_DELADDR ifindex(" + name +
                                    ") IFA_LOCAL=" + address.address().toString() +
                                    " prefixlen=" + std::to_string(address.prefix())),
                shellIn(netnsPath, "ip addr del " + a + " dev " + q(name)),
                [name, address, netnsPath] {
                    return withNetlink(
                        netnsPath, [&](Netlink &nl) { return nl.deleteAddress(name, address); });
                });
    return s;
}

Step NetSteps::defaultRouteAdd(Ipv4Address gateway, const std::string &dev,
                               const std::string &netnsPath)
{
    std::string gw = gateway.toString();
    Step s =
        makeStep("net.route.add", "Send everything else to the gateway " + gw + where(netnsPath),
                 inNs(netnsPath, "RTM_NEWROUTE table=main dst=0.0.0.0/0 RTA_GATEWAY=" + gw +
                                     " RTA_OIF=ifindex(" + dev +
                                     ") protocol=boot scope=universe "
                                     "flags=NLM_F_CREATE|NLM_F_EXCL"),
                 shellIn(netnsPath, "ip route add default via " + gw + " dev " + q(dev)),
                 [gateway, dev, netnsPath] {
                     return withNetlink(
                         netnsPath, [&](Netlink &nl) { return nl.addDefaultRoute(gateway, dev); });
                 });
    setRollback(s, "Remove the default route",
                inNs(netnsPath, "RTM_DELROUTE table=main dst=0.0.0.0/0 RTA_GATEWAY=" + gw +
                                    " RTA_OIF=ifindex(" + dev + ")"),
                shellIn(netnsPath, "ip route del default via " + gw + " dev " + q(dev)),
                [gateway, dev, netnsPath] {
                    return withNetlink(netnsPath, [&](Netlink &nl) {
                        return nl.deleteRoute(Ipv4Cidr(Ipv4Address(), 0), gateway, dev);
                    });
                });
    return s;
}

Step NetSteps::linkDelete(const std::string &name, const std::string &netnsPath)
{
    return makeStep("net.link.delete", "Delete " + name + where(netnsPath),
                    inNs(netnsPath, "RTM_DELLINK ifname=" + name + " (ENODEV = already gone)"),
                    shellIn(netnsPath, "ip link del " + q(name)), [name, netnsPath] {
                        return withNetlink(netnsPath,
                                           [&](Netlink &nl) { return nl.deleteLink(name); });
                    });
}

Step NetSteps::linkUnplug(const std::string &name)
{
    return makeStep("net.link.unplug", "Unplug " + name + " from the bridge",
                    "RTM_NEWLINK ifname=" + name + " IFLA_MASTER=0 (ENODEV = already gone)",
                    "ip link set " + q(name) + " nomaster", [name] {
                        return withNetlink({}, [&](Netlink &nl) -> Status {
                            Status st = nl.setMaster(name, {});
                            if (!st && !nl.linkExists(name).value_or(true))
                                return {}; // gone already (with its namespace): nothing to unplug
                            return st;
                        });
                    });
}

Step NetSteps::sysctl(const std::string &key, const std::string &value)
{
    auto path = sysctlPath(key);
    std::string file = path ? *path : "/proc/sys/" + key;
    std::string title = "Set " + key + " = " + value;
    if (key == "net.ipv4.ip_forward")
        title = "Let the host route packets between interfaces (ip_forward)";
    else if (key.ends_with("/route_localnet"))
        title = "Let 127.0.0.1 be routed out of the bridge (route_localnet)";
    return makeStep("net.sysctl", title, "write(\"" + file + "\", \"" + value + "\")",
                    "sysctl -w " + q(key + "=" + value),
                    [key, value] { return writeSysctl(key, value); });
}

Step NetSteps::iptablesChains(const IptablesNat &nat)
{
    std::string op;
    std::string shell;
    std::string ops[3][2] = {{"nat", std::string(kNatChain)},
                             {"nat", std::string(kPostroutingChain)},
                             {"filter", std::string(kForwardChain)}};
    for (auto &c : ops) {
        op += "iptc_create_chain(\"" + c[1] + "\") [" + c[0] + "], ";
        shell += "iptables -t " + c[0] + " -N " + c[1] + "; ";
    }
    for (const IptRule &jump : IptRule::baseJumps()) {
        op += "iptc_insert_entry(\"" + jump.chain + "\", {" + jump.spec(false) + "}, 0), ";
        shell += jump.command(IptAction::Insert) + "; ";
    }
    op += "iptc_delete_num_entry() for each rule of a network whose bridge is gone, "
          "iptc_commit(nat), iptc_commit(filter) -- each only if missing, jumps exactly once";
    shell.resize(shell.size() - 2);
    return makeStep("net.iptables.chains", "Create koker's iptables chains and the jumps to them",
                    op, shell, [nat] { return nat.ensureChains(); });
}

Step NetSteps::iptablesRule(const IptablesNat &nat, const IptRule &rule)
{
    std::string title;
    switch (rule.target) {
    case IptTarget::Dnat:
        title = "Publish port " + std::to_string(rule.destinationPort) + "/" +
                ipProtocolName(rule.protocol) + " -> " + rule.natAddress.toString() + ":" +
                std::to_string(rule.natPort) + " (DNAT)";
        break;
    case IptTarget::Masquerade:
        title = rule.source && rule.source->address().isLoopback()
                    ? "Let the host's 127.0.0.1 reach the container (MASQUERADE)"
                    : "Hide the containers behind the host's address (MASQUERADE)";
        break;
    case IptTarget::Accept:
        title = "Let packets " + std::string(rule.inInterface.empty() ? "to " : "from ") +
                "the bridge be forwarded";
        break;
    default:
        title = "Add an iptables rule to " + rule.chain;
        break;
    }
    Step s = makeStep("net.iptables.rule", title, rule.libiptcCall(IptAction::Append),
                      rule.command(IptAction::Append), [nat, rule] { return nat.addRule(rule); });
    setRollback(s, "Delete the iptables rule", rule.libiptcCall(IptAction::Delete),
                rule.command(IptAction::Delete), [nat, rule] { return nat.deleteRule(rule); });
    return s;
}

Step NetSteps::iptablesRuleDelete(const IptablesNat &nat, const IptRule &rule)
{
    return makeStep("net.iptables.rule.delete", "Delete an iptables rule from " + rule.chain,
                    rule.libiptcCall(IptAction::Delete), rule.command(IptAction::Delete),
                    [nat, rule] { return nat.deleteRule(rule); });
}

Step NetSteps::iptablesRemoveByComment(const IptablesNat &nat, const std::string &comment)
{
    std::string quoted = "'\"" + comment + "\"'";
    return makeStep(
        "net.iptables.cleanup", "Delete every iptables rule marked " + comment,
        "for each rule in KOKER, KOKER-POSTROUTING (nat), KOKER-FORWARD (filter) with comment \"" +
            comment + "\": iptc_delete_num_entry(); iptc_commit()",
        "for c in 'nat KOKER' 'nat KOKER-POSTROUTING' 'filter KOKER-FORWARD'; do set -- $c; "
        "iptables -t $1 -S $2 | grep -F -e " +
            quoted + " | sed 's/^-A/-D/' | xargs -rL1 iptables -t $1; done",
        [nat, comment]() -> Status {
            auto n = nat.removeByComment(comment);
            if (!n)
                return std::unexpected(n.error());
            return {};
        });
}

Step NetSteps::ipamReserve(const std::string &directory, const Ipv4Cidr &subnet,
                           const std::string &containerId, Ipv4Address ip)
{
    std::string file = directory + "/leases";
    Step s =
        makeStep("net.ipam.lease", "Lease " + ip.toString() + " to the container",
                 "under flock(\"" + directory + "/leases.lock\"): add \"" + ip.toString() + " " +
                     containerId + "\" to " + file + " (write a temp file, fsync, rename)",
                 "flock " + q(directory + "/leases.lock") + " sh -c " +
                     q("echo '" + ip.toString() + " " + containerId + "' >> " + q(file)),
                 [directory, subnet, containerId, ip]() -> Status {
                     auto ipam = Ipam::open(directory, subnet);
                     if (!ipam)
                         return std::unexpected(ipam.error());
                     return ipam->reserve(containerId, ip);
                 });
    setRollback(s, "Release the address " + ip.toString(),
                "under flock: remove the line of " + containerId + " from " + file,
                "flock " + q(directory + "/leases.lock") + " sed -i " +
                    q("/ " + containerId + "$/d") + " " + q(file),
                [directory, subnet, containerId]() -> Status {
                    auto ipam = Ipam::open(directory, subnet);
                    if (!ipam)
                        return std::unexpected(ipam.error());
                    return ipam->release(containerId);
                });
    return s;
}

Step NetSteps::ipamRelease(const std::string &directory, const Ipv4Cidr &subnet,
                           const std::string &containerId)
{
    std::string file = directory + "/leases";
    return makeStep("net.ipam.release", "Release the container's address",
                    "under flock: remove the line of " + containerId + " from " + file,
                    "flock " + q(directory + "/leases.lock") + " sed -i " +
                        q("/ " + containerId + "$/d") + " " + q(file),
                    [directory, subnet, containerId]() -> Status {
                        auto ipam = Ipam::open(directory, subnet);
                        if (!ipam)
                            return std::unexpected(ipam.error());
                        return ipam->release(containerId);
                    });
}

Step NetSteps::ipamReconcile(const std::string &directory, const Ipv4Cidr &subnet,
                             const std::set<std::string> &live)
{
    std::string file = directory + "/leases";
    return makeStep("net.ipam.reconcile", "Free the addresses of containers that no longer exist",
                    "under flock: drop every line of " + file + " whose container is not one of " +
                        std::to_string(live.size()) + " live containers",
                    "# compare " + q(file) +
                        " with `koker ps -a` and delete the lines of gone "
                        "containers",
                    [directory, subnet, live]() -> Status {
                        auto ipam = Ipam::open(directory, subnet);
                        if (!ipam)
                            return std::unexpected(ipam.error());
                        auto freed = ipam->reconcile(live);
                        if (!freed)
                            return std::unexpected(freed.error());
                        return {};
                    });
}

std::vector<Step> NetSteps::networkSetup(const Network &network)
{
    IptablesNat nat(network.iptables);
    std::string comment = IptRule::networkComment(network.bridge);
    std::vector<Step> steps;
    steps.push_back(bridgeCreate(network.bridge, network.mtu));
    steps.push_back(addressAdd(network.bridge, Ipv4Cidr(network.gateway, network.subnet.prefix())));
    steps.push_back(linkUp(network.bridge));
    // Undoing these would be noise: deleting the bridge (the first step's
    // rollback) takes its address and state with it.
    steps[1].rollback = {};
    steps[2].rollback = {};
    steps.push_back(sysctl(interfaceSysctlKey(network.bridge, "route_localnet"), "1"));
    steps.push_back(sysctl("net.ipv4.ip_forward", "1"));
    steps.push_back(iptablesChains(nat));
    steps.push_back(
        iptablesRule(nat, IptRule::subnetMasquerade(network.subnet, network.bridge, comment)));
    steps.push_back(iptablesRule(nat, IptRule::forwardAccept(network.bridge, true, comment)));
    steps.push_back(iptablesRule(nat, IptRule::forwardAccept(network.bridge, false, comment)));
    return steps;
}

std::vector<Step> NetSteps::networkTeardown(const Network &network)
{
    IptablesNat nat(network.iptables);
    std::vector<Step> steps;
    steps.push_back(iptablesRemoveByComment(nat, IptRule::networkComment(network.bridge)));
    steps.push_back(linkDelete(network.bridge));
    return steps;
}

std::vector<Step> NetSteps::containerSetup(const Network &network, const Attachment &a)
{
    IptablesNat nat(network.iptables);
    std::string comment = IptRule::containerComment(a.containerId);
    std::vector<Step> steps;
    steps.push_back(ipamReserve(network.ipamDirectory, network.subnet, a.containerId, a.address));
    steps.push_back(netnsCreate(a.netnsPath));
    steps.push_back(vethCreate(a.hostVeth, a.peerName, a.netnsPath, network.mtu));
    steps.push_back(linkMaster(a.hostVeth, network.bridge));
    steps.push_back(linkUp(a.hostVeth));
    steps.push_back(linkUp("lo", a.netnsPath));
    steps.push_back(linkMac(a.peerName, macForAddress(a.address), a.netnsPath));
    steps.push_back(
        addressAdd(a.peerName, Ipv4Cidr(a.address, network.subnet.prefix()), a.netnsPath));
    steps.push_back(linkUp(a.peerName, a.netnsPath));
    steps.push_back(defaultRouteAdd(network.gateway, a.peerName, a.netnsPath));
    // Everything from the bridge port to the route dies with the veth pair and the
    // namespace (undone by the rollbacks of those two steps), so they need no undo of
    // their own.
    for (size_t i = 3; i < steps.size(); ++i)
        steps[i].rollback = {};
    for (const PortMapping &port : a.ports)
        steps.push_back(
            iptablesRule(nat, IptRule::publishedPort(port, a.address, network.bridge, comment)));
    if (!a.ports.empty())
        steps.push_back(
            iptablesRule(nat, IptRule::loopbackMasquerade(a.address, network.bridge, comment)));
    return steps;
}

std::vector<Step> NetSteps::containerTeardown(const Network &network, const Attachment &a)
{
    IptablesNat nat(network.iptables);
    std::vector<Step> steps;
    steps.push_back(iptablesRemoveByComment(nat, IptRule::containerComment(a.containerId)));
    // No RTM_DELLINK: deleting a net device waits for an RCU barrier (10-20 ms on a
    // small VM). The host end leaves the bridge now; unmounting the namespace drops
    // its last reference, and the kernel's namespace cleanup, on a worker of its own,
    // deletes eth0 and with it its peer, a few milliseconds later. A restart that
    // finds the old pair still there deletes it first (NetworkService::planAttach).
    steps.push_back(linkUnplug(a.hostVeth));
    steps.push_back(netnsDelete(a.netnsPath));
    steps.push_back(ipamRelease(network.ipamDirectory, network.subnet, a.containerId));
    return steps;
}

} // namespace koker::net
