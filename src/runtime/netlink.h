#pragma once

// Links, addresses and routes over rtnetlink (libnl-route-3): what `ip link`,
// `ip addr` and `ip route` do, without running them. One Netlink object owns one
// NETLINK_ROUTE socket, and a netlink socket acts on the network namespace it
// was *created* in: Netlink::openIn() creates it on a thread that has entered a
// container's namespace, so the same calls then configure the container's side
// (rename eth0, its address, its default route) while the caller never leaves
// the host namespace. Every request waits for the kernel's ACK (synchronous).

#include "error.h"
#include "netipv4address.h"
#include "netipv4cidr.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct nl_sock;

namespace koker::net {

class Netlink
{
public:
    /// A network interface as RTM_GETLINK reports it.
    struct Link
    {
        int index = 0;
        std::string name;
        std::string kind; // "bridge", "veth", "" for physical/unknown
        int masterIndex = 0;
        bool up = false; // IFF_UP (administratively up)
        unsigned mtu = 0;
        std::string mac; // "02:42:0a:58:00:02"
    };
    /// An IPv4 address of an interface ("10.88.0.1/16 on kokerbr0").
    struct Address
    {
        std::string interface;
        int index = 0;
        Ipv4Cidr address;
    };
    /// An IPv4 route of any table but `local`.
    struct Route
    {
        Ipv4Cidr destination; // 0.0.0.0/0 for the default route
        std::optional<Ipv4Address> gateway;
        std::string interface;
        uint32_t table = 0;
    };

    /// A route socket in the calling thread's network namespace.
    static Result<Netlink> open();
    /// A route socket inside the network namespace `nsFd` (created on a helper
    /// thread that entered it; the socket stays bound to that namespace).
    static Result<Netlink> openIn(int nsFd);
    /// Same, opening a namespace file such as /run/koker/netns/<id>.
    static Result<Netlink> openIn(const std::string &nsPath);

    /// Sockets move; the last owner closes it.
    Netlink(Netlink &&) noexcept;
    Netlink &operator=(Netlink &&) noexcept;
    ~Netlink();

    /// RTM_NEWLINK type bridge (NLM_F_CREATE|NLM_F_EXCL): `ip link add NAME type bridge`.
    Status createBridge(const std::string &name, int mtu = 0);
    /// A veth pair `name` <-> `peerName`. With peerNsFd >= 0 the peer is created
    /// directly inside that namespace (IFLA_NET_NS_FD in the peer's attributes),
    /// so its name never has to be free in the host.
    Status createVeth(const std::string &name, const std::string &peerName, int peerNsFd = -1,
                      int mtu = 0);
    /// Move an interface into another namespace (IFLA_NET_NS_FD): `ip link set NAME netns NS`.
    Status moveToNamespace(const std::string &name, int nsFd);
    /// Enslave to a bridge (IFLA_MASTER); an empty master releases it (nomaster).
    Status setMaster(const std::string &name, const std::string &master);
    /// Set or clear IFF_UP with ifi_change = IFF_UP (no other flag touched).
    Status setUp(const std::string &name, bool up = true);
    /// Rename an interface (must be down); by index, since IFLA_IFNAME carries the new name.
    Status rename(const std::string &from, const std::string &to);
    /// Set the link-layer address (IFLA_ADDRESS), "aa:bb:cc:dd:ee:ff".
    Status setMacAddress(const std::string &name, std::string_view mac);
    /// RTM_NEWADDR (NLM_F_CREATE|NLM_F_EXCL): `ip addr add 10.88.0.1/16 dev NAME`.
    Status addAddress(const std::string &name, const Ipv4Cidr &address);
    /// RTM_DELADDR; an address that is not there (or a gone interface) is success.
    Status deleteAddress(const std::string &name, const Ipv4Cidr &address);
    /// RTM_NEWROUTE in table main: `ip route add DEST via GATEWAY dev DEV`.
    Status addRoute(const Ipv4Cidr &destination, Ipv4Address gateway, const std::string &dev);
    /// `ip route add default via GATEWAY dev DEV`.
    Status addDefaultRoute(Ipv4Address gateway, const std::string &dev);
    /// RTM_DELROUTE; a route that is not there is success.
    Status deleteRoute(const Ipv4Cidr &destination, Ipv4Address gateway, const std::string &dev);
    /// RTM_DELLINK, waiting for the ACK (the name is free when this returns);
    /// ENODEV, i.e. already gone, is success. Deleting one veth end deletes both.
    Status deleteLink(const std::string &name);

    /// Whether an interface of that name exists in this socket's namespace.
    Result<bool> linkExists(const std::string &name);
    /// One interface; NotFound when there is none.
    Result<Link> link(const std::string &name);
    /// Every interface of the namespace.
    Result<std::vector<Link>> links();
    /// Every IPv4 address of the namespace.
    Result<std::vector<Address>> ipv4Addresses();
    /// Every IPv4 route outside the `local` table.
    Result<std::vector<Route>> ipv4Routes();
    /// Subnets the host already uses (route destinations but the default, and the
    /// networks of its addresses): the input of Ipam::chooseSubnet().
    Result<std::vector<Ipv4Cidr>> networksInUse();

private:
    struct SockFree
    {
        void operator()(nl_sock *sock) const;
    };
    explicit Netlink(nl_sock *sock)
        : m_sock(sock)
    {}
    Result<int> indexOf(const std::string &name);
    Status routeRequest(bool add, const Ipv4Cidr &destination, Ipv4Address gateway,
                        const std::string &dev);

    std::unique_ptr<nl_sock, SockFree> m_sock;
};

} // namespace koker::net
