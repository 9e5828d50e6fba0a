#pragma once

// Every networking operation as a koker::Step (plan.h), phase Network: a key for
// the explanation in docs/learn/networking.md, a title for students, the exact
// kernel request (the netlink message, the libiptc call, the /proc/sys write),
// the command a student could type instead, and a rollback where one makes sense.
// The engine composes them into plans; networkSetup() / containerSetup() and
// their teardowns are the standard compositions.
//
// Steps that act inside a container's network namespace name its file
// (netnsPath): the host opens a netlink socket inside it (Netlink::openIn), and
// the shell form is `nsenter --net=<file> ip ...`.

#include "iptables.h"
#include "netiptrule.h"
#include "netipv4address.h"
#include "netipv4cidr.h"
#include "netportmapping.h"
#include "plan.h"

#include <set>
#include <string>
#include <vector>

namespace koker::net {

class NetSteps final
{
public:
    /// A bridge network, as its steps need it.
    struct Network
    {
        std::string bridge;  // "kokerbr0"
        Ipv4Cidr subnet;     // 10.88.0.0/16
        Ipv4Address gateway; // 10.88.0.1, the bridge's own address
        int mtu = 1500;
        std::string ipamDirectory; // where Ipam keeps the leases of this network
        IptablesNat::Options iptables;
    };
    /// One container on a network.
    struct Attachment
    {
        std::string containerId;
        std::string netnsPath; // /run/koker/netns/<id>
        std::string hostVeth;  // hostVethName(containerId)
        std::string peerName = "eth0";
        Ipv4Address address; // Ipam::nextFree() when the plan is built
        std::vector<PortMapping> ports;
    };

    NetSteps() = delete;

    /// net.netns.create: unshare + bind mount onto `path`; rollback removes it.
    static Step netnsCreate(const std::string &path);
    /// net.netns.delete: umount2(MNT_DETACH) + unlink, idempotent.
    static Step netnsDelete(const std::string &path);
    /// net.link.bridge: RTM_NEWLINK kind=bridge; rollback deletes the bridge.
    static Step bridgeCreate(const std::string &name, int mtu);
    /// net.link.veth: a veth pair whose peer is created inside `peerNetns` (empty:
    /// in the host); rollback deletes the host end (which takes the peer with it).
    static Step vethCreate(const std::string &hostName, const std::string &peerName,
                           const std::string &peerNetns, int mtu);
    /// net.link.netns: move an interface into the namespace at `netnsPath`.
    static Step linkMoveToNetns(const std::string &name, const std::string &netnsPath);
    /// net.link.master: plug an interface into a bridge; rollback unplugs it.
    static Step linkMaster(const std::string &name, const std::string &bridge);
    /// net.link.up: set IFF_UP (inside `netnsPath` when given); rollback sets it down.
    static Step linkUp(const std::string &name, const std::string &netnsPath = {});
    /// net.link.rename: rename a (down) interface; rollback renames it back.
    static Step linkRename(const std::string &from, const std::string &to,
                           const std::string &netnsPath = {});
    /// net.link.mac: set the link-layer address.
    static Step linkMac(const std::string &name, const std::string &mac,
                        const std::string &netnsPath = {});
    /// net.addr.add: RTM_NEWADDR; rollback deletes the address.
    static Step addressAdd(const std::string &name, const Ipv4Cidr &address,
                           const std::string &netnsPath = {});
    /// net.route.add: default route via `gateway`; rollback deletes it.
    static Step defaultRouteAdd(Ipv4Address gateway, const std::string &dev,
                                const std::string &netnsPath = {});
    /// net.link.delete: RTM_DELLINK, synchronous and idempotent.
    static Step linkDelete(const std::string &name, const std::string &netnsPath = {});
    /// net.link.unplug: take a container's host veth out of its bridge (IFLA_MASTER 0),
    /// leaving the pair to die with the container's namespace; a missing link is done.
    static Step linkUnplug(const std::string &name);
    /// net.sysctl: write /proc/sys/<key>. No rollback: other networks may rely on
    /// the same setting (ip_forward), and per-bridge ones vanish with the bridge.
    static Step sysctl(const std::string &key, const std::string &value);
    /// net.iptables.chains: our chains and the jumps to them, exactly once.
    static Step iptablesChains(const IptablesNat &nat);
    /// net.iptables.rule: append one rule (idempotent); rollback deletes it.
    static Step iptablesRule(const IptablesNat &nat, const IptRule &rule);
    /// net.iptables.rule.delete: delete one rule (idempotent).
    static Step iptablesRuleDelete(const IptablesNat &nat, const IptRule &rule);
    /// net.iptables.cleanup: delete every rule with this comment from our chains.
    static Step iptablesRemoveByComment(const IptablesNat &nat, const std::string &comment);
    /// net.ipam.lease: lease `ip` to the container; rollback releases it.
    static Step ipamReserve(const std::string &directory, const Ipv4Cidr &subnet,
                            const std::string &containerId, Ipv4Address ip);
    /// net.ipam.release: free the container's lease (idempotent).
    static Step ipamRelease(const std::string &directory, const Ipv4Cidr &subnet,
                            const std::string &containerId);
    /// net.ipam.reconcile: free the leases of every container not in `live`
    /// (the start-up cleanup after a crash).
    static Step ipamReconcile(const std::string &directory, const Ipv4Cidr &subnet,
                              const std::set<std::string> &live);

    /// Bridge, its address, up, route_localnet, ip_forward, chains, MASQUERADE
    /// for the subnet, FORWARD accepts. For a network whose bridge does not exist.
    static std::vector<Step> networkSetup(const Network &network);
    /// The network's iptables rules (by comment) and its bridge.
    static std::vector<Step> networkTeardown(const Network &network);
    /// Lease, namespace, veth (peer born in the namespace as eth0), bridge port,
    /// lo/eth0 up, MAC, address, default route, published ports.
    static std::vector<Step> containerSetup(const Network &network, const Attachment &attachment);
    /// Rules by comment, the host veth (synchronously, so its name is free at
    /// once), the namespace file, the lease. Every step is idempotent, so the
    /// teardown also cleans up after a crash half-way through a setup.
    static std::vector<Step> containerTeardown(const Network &network,
                                               const Attachment &attachment);
};

} // namespace koker::net
