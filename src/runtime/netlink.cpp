#include "netlink.h"

#include "lazylibs.h"
#include "netnames.h"
#include "netnamespace.h"

#include <netlink/addr.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/nexthop.h>
#include <netlink/route/route.h>
#include <netlink/socket.h>

#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>

namespace koker::net {

namespace {

// RAII for the libnl objects we allocate; each type has its own put/free.
struct LinkPut
{
    void operator()(rtnl_link *l) const { lazy::nl().rtnl_link_put(l); }
};
struct AddrPut
{
    void operator()(rtnl_addr *a) const { lazy::nl().rtnl_addr_put(a); }
};
struct RoutePut
{
    void operator()(rtnl_route *r) const { lazy::nl().rtnl_route_put(r); }
};
struct NlAddrPut
{
    void operator()(nl_addr *a) const { lazy::nl().nl_addr_put(a); }
};
struct CacheFree
{
    void operator()(nl_cache *c) const { lazy::nl().nl_cache_free(c); }
};
struct MsgFree
{
    void operator()(nl_msg *m) const { lazy::nl().nlmsg_free(m); }
};
using LinkPtr = std::unique_ptr<rtnl_link, LinkPut>;
using AddrPtr = std::unique_ptr<rtnl_addr, AddrPut>;
using RoutePtr = std::unique_ptr<rtnl_route, RoutePut>;
using NlAddrPtr = std::unique_ptr<nl_addr, NlAddrPut>;
using CachePtr = std::unique_ptr<nl_cache, CacheFree>;
using MsgPtr = std::unique_ptr<nl_msg, MsgFree>;

// libnl folds the kernel's errno into its own NLE_* codes (nl_syserr2nlerr);
// undo that so callers see the errno they would see from `ip`.
int errnoOf(int nle)
{
    switch (std::abs(nle)) {
    case NLE_EXIST:
        return EEXIST;
    case NLE_OBJ_NOTFOUND:
        return ENOENT;
    case NLE_NODEV:
        return ENODEV;
    case NLE_PERM:
        return EPERM;
    case NLE_NOACCESS:
        return EACCES;
    case NLE_BUSY:
        return EBUSY;
    case NLE_INVAL:
        return EINVAL;
    case NLE_RANGE:
        return ERANGE;
    case NLE_NOMEM:
        return ENOMEM;
    case NLE_AGAIN:
        return EAGAIN;
    case NLE_INTR:
        return EINTR;
    case NLE_OPNOTSUPP:
        return EOPNOTSUPP;
    case NLE_NOADDR:
        return EADDRNOTAVAIL;
    case NLE_AF_NOSUPPORT:
        return EAFNOSUPPORT;
    case NLE_BAD_SOCK:
        return EBADF;
    default:
        return 0;
    }
}

bool isGone(int nle)
{
    int e = errnoOf(nle);
    return e == ENODEV || e == ENOENT;
}

Error nlError(const std::string &what, int nle)
{
    int err = errnoOf(nle);
    std::string msg = what;
    if (err == 0)
        msg += ": " + std::string(lazy::nl().nl_geterror(nle));
    else if (err == EPERM || err == EACCES)
        msg += " (network configuration needs root / CAP_NET_ADMIN)";
    else if (err == EOPNOTSUPP)
        msg += " (is the kernel built with bridge and veth support?)";
    Error e = failErrno(std::move(msg), err).error();
    if (err == 0)
        e.code = ErrorCode::System;
    return e;
}

NlAddrPtr inetAddress(Ipv4Address ip, int prefix)
{
    uint32_t nbo = ip.networkOrder();
    NlAddrPtr a(lazy::nl().nl_addr_build(AF_INET, &nbo, sizeof nbo));
    if (a)
        lazy::nl().nl_addr_set_prefixlen(a.get(), prefix);
    return a;
}

Ipv4Address fromNlAddr(nl_addr *a)
{
    if (!a || lazy::nl().nl_addr_get_len(a) != 4)
        return Ipv4Address(); // libnl gives an empty address for 0.0.0.0/0
    uint32_t nbo;
    std::memcpy(&nbo, lazy::nl().nl_addr_get_binary_addr(a), 4);
    return Ipv4Address::fromNetworkOrder(nbo);
}

Result<nl_sock *> connectSocket()
{
    if (auto st = lazy::loadLibNl(); !st)
        return std::unexpected(st.error());
    nl_sock *sock = lazy::nl().nl_socket_alloc();
    if (!sock)
        return fail(ErrorCode::System, "out of memory allocating a netlink socket");
    if (int err = lazy::nl().nl_connect(sock, NETLINK_ROUTE); err < 0) {
        lazy::nl().nl_socket_free(sock);
        return std::unexpected(nlError("connect a NETLINK_ROUTE socket", err));
    }
    // libnl opens it SOCK_CLOEXEC; make sure, so no container ever inherits it.
    int fd = lazy::nl().nl_socket_get_fd(sock);
    int flags = ::fcntl(fd, F_GETFD);
    if (flags >= 0 && !(flags & FD_CLOEXEC))
        ::fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    return sock;
}

Netlink::Link linkFrom(rtnl_link *l)
{
    Netlink::Link out;
    out.index = lazy::nl().rtnl_link_get_ifindex(l);
    if (const char *n = lazy::nl().rtnl_link_get_name(l))
        out.name = n;
    if (const char *k = lazy::nl().rtnl_link_get_type(l))
        out.kind = k;
    out.masterIndex = lazy::nl().rtnl_link_get_master(l);
    out.up = (lazy::nl().rtnl_link_get_flags(l) & IFF_UP) != 0;
    out.mtu = lazy::nl().rtnl_link_get_mtu(l);
    if (nl_addr *a = lazy::nl().rtnl_link_get_addr(l); a && lazy::nl().nl_addr_get_len(a) == 6) {
        char buf[32];
        out.mac = lazy::nl().nl_addr2str(a, buf, sizeof buf);
    }
    return out;
}

} // namespace

void Netlink::SockFree::operator()(nl_sock *sock) const
{
    lazy::nl().nl_socket_free(sock); // closes the fd
}

Netlink::Netlink(Netlink &&) noexcept = default;
Netlink &Netlink::operator=(Netlink &&) noexcept = default;
Netlink::~Netlink() = default;

Result<Netlink> Netlink::open()
{
    auto sock = connectSocket();
    if (!sock)
        return std::unexpected(sock.error());
    return Netlink(*sock);
}

Result<Netlink> Netlink::openIn(int nsFd)
{
    nl_sock *sock = nullptr;
    Status st = NetNamespace::runIn(nsFd, [&]() -> Status {
        auto s = connectSocket();
        if (!s)
            return std::unexpected(s.error());
        sock = *s;
        return {};
    });
    if (!st)
        return std::unexpected(withContext(st.error(), "open a netlink socket in a namespace"));
    return Netlink(sock);
}

Result<Netlink> Netlink::openIn(const std::string &nsPath)
{
    auto fd = NetNamespace::open(nsPath);
    if (!fd)
        return std::unexpected(fd.error());
    return openIn(fd->get());
}

Result<int> Netlink::indexOf(const std::string &name)
{
    auto l = link(name);
    if (!l)
        return std::unexpected(l.error());
    return l->index;
}

Status Netlink::createBridge(const std::string &name, int mtu)
{
    if (auto st = validateInterfaceName(name); !st)
        return st;
    LinkPtr l(lazy::nl().rtnl_link_alloc());
    if (!l)
        return fail(ErrorCode::System, "out of memory");
    lazy::nl().rtnl_link_set_name(l.get(), name.c_str());
    if (int err = lazy::nl().rtnl_link_set_type(l.get(), "bridge"); err < 0)
        return std::unexpected(nlError("set link type bridge", err));
    if (mtu > 0)
        lazy::nl().rtnl_link_set_mtu(l.get(), unsigned(mtu));
    if (int err = lazy::nl().rtnl_link_add(m_sock.get(), l.get(), NLM_F_CREATE | NLM_F_EXCL);
        err < 0) {
        Error e = nlError("create bridge " + name, err);
        if (e.sysErrno == EEXIST)
            e.message += "; an interface of that name exists (`ip link show " + name + "`)";
        return std::unexpected(e);
    }
    return {};
}

Status Netlink::createVeth(const std::string &name, const std::string &peerName, int peerNsFd,
                           int mtu)
{
    if (auto st = validateInterfaceName(name); !st)
        return st;
    if (auto st = validateInterfaceName(peerName); !st)
        return st;
    LinkPtr l(lazy::nl().rtnl_link_veth_alloc());
    if (!l)
        return fail(ErrorCode::System, "out of memory");
    lazy::nl().rtnl_link_set_name(l.get(), name.c_str());
    if (mtu > 0)
        lazy::nl().rtnl_link_set_mtu(l.get(), unsigned(mtu));
    LinkPtr peer(lazy::nl().rtnl_link_veth_get_peer(l.get())); // takes a reference
    lazy::nl().rtnl_link_set_name(peer.get(), peerName.c_str());
    if (mtu > 0)
        lazy::nl().rtnl_link_set_mtu(peer.get(), unsigned(mtu));
    if (peerNsFd >= 0)
        lazy::nl().rtnl_link_set_ns_fd(peer.get(), peerNsFd);
    if (int err = lazy::nl().rtnl_link_add(m_sock.get(), l.get(), NLM_F_CREATE | NLM_F_EXCL);
        err < 0) {
        Error e = nlError("create veth pair " + name + " <-> " + peerName, err);
        if (e.sysErrno == EEXIST)
            e.message +=
                "; one of the names is taken (a leftover veth? `ip link del " + name + "`)";
        return std::unexpected(e);
    }
    return {};
}

namespace {

// RTM_NEWLINK without NLM_F_CREATE changes an existing link. Written by hand
// rather than with rtnl_link_change() so the request is exactly what the step
// shows: ifi_change names the flags we change (libnl sends ifi_change = 0,
// which the kernel reads as "all flags", copied from a possibly stale object).
Status sendLinkChange(nl_sock *sock, const std::string &what, int index, const std::string &name,
                      unsigned flags, unsigned change,
                      const std::function<int(nl_msg *)> &fill = {})
{
    MsgPtr msg(lazy::nl().nlmsg_alloc_simple(RTM_NEWLINK, 0));
    if (!msg)
        return fail(ErrorCode::System, "out of memory");
    ifinfomsg ifi{};
    ifi.ifi_family = AF_UNSPEC;
    ifi.ifi_index = index;
    ifi.ifi_flags = flags;
    ifi.ifi_change = change;
    int err = lazy::nl().nlmsg_append(msg.get(), &ifi, sizeof ifi, NLMSG_ALIGNTO);
    // With index 0 the kernel finds the link by IFLA_IFNAME.
    if (err >= 0 && index == 0)
        err = lazy::nl().nla_put_string(msg.get(), IFLA_IFNAME, name.c_str());
    if (err >= 0 && fill)
        err = fill(msg.get());
    if (err < 0)
        return std::unexpected(nlError(what + ": build request", err));
    err = lazy::nl().nl_send_sync(sock, msg.release()); // sends, waits for the ACK, frees
    if (err < 0) {
        Error e = nlError(what, err);
        if (e.sysErrno == ENODEV)
            e.message += " (no interface " + name + ")";
        return std::unexpected(e);
    }
    return {};
}

} // namespace

Status Netlink::moveToNamespace(const std::string &name, int nsFd)
{
    return sendLinkChange(
        m_sock.get(), "move " + name + " to another network namespace", 0, name, 0, 0,
        [&](nl_msg *m) { return lazy::nl().nla_put_u32(m, IFLA_NET_NS_FD, uint32_t(nsFd)); });
}

Status Netlink::setMaster(const std::string &name, const std::string &master)
{
    int masterIndex = 0;
    if (!master.empty()) {
        auto idx = indexOf(master);
        if (!idx)
            return std::unexpected(withContext(idx.error(), "attach " + name + " to " + master));
        masterIndex = *idx;
    }
    return sendLinkChange(m_sock.get(),
                          master.empty() ? "release " + name + " from its bridge"
                                         : "attach " + name + " to bridge " + master,
                          0, name, 0, 0, [&](nl_msg *m) {
                              return lazy::nl().nla_put_u32(m, IFLA_MASTER, uint32_t(masterIndex));
                          });
}

Status Netlink::setUp(const std::string &name, bool up)
{
    return sendLinkChange(m_sock.get(), std::string(up ? "bring up " : "bring down ") + name, 0,
                          name, up ? IFF_UP : 0, IFF_UP);
}

Status Netlink::rename(const std::string &from, const std::string &to)
{
    if (auto st = validateInterfaceName(to); !st)
        return st;
    auto idx = indexOf(from);
    if (!idx)
        return std::unexpected(withContext(idx.error(), "rename " + from));
    return sendLinkChange(
        m_sock.get(), "rename " + from + " to " + to, *idx, from, 0, 0,
        [&](nl_msg *m) { return lazy::nl().nla_put_string(m, IFLA_IFNAME, to.c_str()); });
}

Status Netlink::setMacAddress(const std::string &name, std::string_view mac)
{
    unsigned char bytes[6];
    if (!parseMac(mac, bytes))
        return fail(ErrorCode::InvalidArgument,
                    "'" + std::string(mac.substr(0, 40)) +
                        "' is not a MAC address (write six hex bytes, like 02:42:0a:58:00:02)");
    return sendLinkChange(m_sock.get(), "set the MAC address of " + name, 0, name, 0, 0,
                          [&](nl_msg *m) { return lazy::nl().nla_put(m, IFLA_ADDRESS, 6, bytes); });
}

Status Netlink::addAddress(const std::string &name, const Ipv4Cidr &address)
{
    auto idx = indexOf(name);
    if (!idx)
        return std::unexpected(withContext(idx.error(), "add address " + address.toString()));
    AddrPtr a(lazy::nl().rtnl_addr_alloc());
    NlAddrPtr local = inetAddress(address.address(), address.prefix());
    if (!a || !local)
        return fail(ErrorCode::System, "out of memory");
    lazy::nl().rtnl_addr_set_ifindex(a.get(), *idx);
    lazy::nl().rtnl_addr_set_family(a.get(), AF_INET);
    if (int err = lazy::nl().rtnl_addr_set_local(a.get(), local.get()); err < 0)
        return std::unexpected(nlError("set address", err));
    lazy::nl().rtnl_addr_set_prefixlen(a.get(), address.prefix());
    // rtnl_addr_add adds NLM_F_CREATE; EXCL like `ip addr add` (which refuses a duplicate).
    if (int err = lazy::nl().rtnl_addr_add(m_sock.get(), a.get(), NLM_F_EXCL); err < 0) {
        Error e = nlError("add address " + address.toString() + " to " + name, err);
        if (e.sysErrno == EEXIST)
            e.message += "; the interface already has it";
        return std::unexpected(e);
    }
    return {};
}

Status Netlink::deleteAddress(const std::string &name, const Ipv4Cidr &address)
{
    auto idx = indexOf(name);
    if (!idx) {
        if (idx.error().code == ErrorCode::NotFound)
            return {}; // the interface is gone and its addresses with it
        return std::unexpected(idx.error());
    }
    AddrPtr a(lazy::nl().rtnl_addr_alloc());
    NlAddrPtr local = inetAddress(address.address(), address.prefix());
    if (!a || !local)
        return fail(ErrorCode::System, "out of memory");
    lazy::nl().rtnl_addr_set_ifindex(a.get(), *idx);
    lazy::nl().rtnl_addr_set_family(a.get(), AF_INET);
    lazy::nl().rtnl_addr_set_local(a.get(), local.get());
    lazy::nl().rtnl_addr_set_prefixlen(a.get(), address.prefix());
    if (int err = lazy::nl().rtnl_addr_delete(m_sock.get(), a.get(), 0); err < 0) {
        if (errnoOf(err) == EADDRNOTAVAIL || isGone(err))
            return {};
        return std::unexpected(
            nlError("delete address " + address.toString() + " from " + name, err));
    }
    return {};
}

Status Netlink::routeRequest(bool add, const Ipv4Cidr &destination, Ipv4Address gateway,
                             const std::string &dev)
{
    std::string what = std::string(add ? "add" : "delete") + " route " + destination.toString() +
                       " via " + gateway.toString() + " dev " + dev;
    auto idx = indexOf(dev);
    if (!idx) {
        if (!add && idx.error().code == ErrorCode::NotFound)
            return {}; // routes die with their interface
        return std::unexpected(withContext(idx.error(), what));
    }
    RoutePtr r(lazy::nl().rtnl_route_alloc());
    NlAddrPtr dst = inetAddress(destination.network(), destination.prefix());
    NlAddrPtr gw = inetAddress(gateway, 32);
    rtnl_nexthop *nh = lazy::nl().rtnl_route_nh_alloc();
    if (!r || !dst || !gw || !nh) {
        if (nh)
            lazy::nl().rtnl_route_nh_free(nh);
        return fail(ErrorCode::System, "out of memory");
    }
    lazy::nl().rtnl_route_set_family(r.get(), AF_INET);
    lazy::nl().rtnl_route_set_table(r.get(), RT_TABLE_MAIN);
    lazy::nl().rtnl_route_set_type(r.get(), RTN_UNICAST);
    if (add) {
        lazy::nl().rtnl_route_set_scope(r.get(), RT_SCOPE_UNIVERSE);
        lazy::nl().rtnl_route_set_protocol(r.get(), RTPROT_BOOT); // what `ip route add` records
    }
    lazy::nl().rtnl_route_set_dst(r.get(), dst.get());
    lazy::nl().rtnl_route_nh_set_ifindex(nh, *idx);
    lazy::nl().rtnl_route_nh_set_gateway(nh, gw.get());
    lazy::nl().rtnl_route_add_nexthop(r.get(), nh); // the route owns nh from here
    int err = add ? lazy::nl().rtnl_route_add(m_sock.get(), r.get(), NLM_F_EXCL)
                  : lazy::nl().rtnl_route_delete(m_sock.get(), r.get(), 0);
    if (err < 0) {
        if (!add && (isGone(err) || errnoOf(err) == ESRCH))
            return {};
        Error e = nlError(what, err);
        if (add && e.sysErrno == ENETUNREACH)
            e.message +=
                " (the gateway must be on a subnet of the interface: add the address first)";
        return std::unexpected(e);
    }
    return {};
}

Status Netlink::addRoute(const Ipv4Cidr &destination, Ipv4Address gateway, const std::string &dev)
{
    return routeRequest(true, destination, gateway, dev);
}

Status Netlink::addDefaultRoute(Ipv4Address gateway, const std::string &dev)
{
    return routeRequest(true, Ipv4Cidr(Ipv4Address(), 0), gateway, dev);
}

Status Netlink::deleteRoute(const Ipv4Cidr &destination, Ipv4Address gateway,
                            const std::string &dev)
{
    return routeRequest(false, destination, gateway, dev);
}

Status Netlink::deleteLink(const std::string &name)
{
    if (auto st = validateInterfaceName(name); !st)
        return st;
    LinkPtr l(lazy::nl().rtnl_link_alloc());
    if (!l)
        return fail(ErrorCode::System, "out of memory");
    lazy::nl().rtnl_link_set_name(l.get(), name.c_str());
    if (int err = lazy::nl().rtnl_link_delete(m_sock.get(), l.get()); err < 0) {
        if (isGone(err))
            return {}; // already gone: deleting is idempotent
        return std::unexpected(nlError("delete interface " + name, err));
    }
    return {};
}

Result<bool> Netlink::linkExists(const std::string &name)
{
    auto l = link(name);
    if (l)
        return true;
    if (l.error().code == ErrorCode::NotFound)
        return false;
    return std::unexpected(l.error());
}

Result<Netlink::Link> Netlink::link(const std::string &name)
{
    if (auto st = validateInterfaceName(name); !st)
        return std::unexpected(st.error());
    rtnl_link *raw = nullptr;
    if (int err = lazy::nl().rtnl_link_get_kernel(m_sock.get(), 0, name.c_str(), &raw); err < 0) {
        if (isGone(err))
            return fail(ErrorCode::NotFound, "no interface named " + name);
        return std::unexpected(nlError("look up interface " + name, err));
    }
    LinkPtr l(raw);
    return linkFrom(l.get());
}

Result<std::vector<Netlink::Link>> Netlink::links()
{
    nl_cache *raw = nullptr;
    if (int err = lazy::nl().rtnl_link_alloc_cache(m_sock.get(), AF_UNSPEC, &raw); err < 0)
        return std::unexpected(nlError("list interfaces", err));
    CachePtr cache(raw);
    std::vector<Link> out;
    for (nl_object *o = lazy::nl().nl_cache_get_first(cache.get()); o;
         o = lazy::nl().nl_cache_get_next(o))
        out.push_back(linkFrom(reinterpret_cast<rtnl_link *>(o)));
    return out;
}

Result<std::vector<Netlink::Address>> Netlink::ipv4Addresses()
{
    auto all = links();
    if (!all)
        return std::unexpected(all.error());
    std::map<int, std::string> names;
    for (const Link &l : *all)
        names[l.index] = l.name;
    nl_cache *raw = nullptr;
    if (int err = lazy::nl().rtnl_addr_alloc_cache(m_sock.get(), &raw); err < 0)
        return std::unexpected(nlError("list addresses", err));
    CachePtr cache(raw);
    std::vector<Address> out;
    for (nl_object *o = lazy::nl().nl_cache_get_first(cache.get()); o;
         o = lazy::nl().nl_cache_get_next(o)) {
        auto *a = reinterpret_cast<rtnl_addr *>(o);
        if (lazy::nl().rtnl_addr_get_family(a) != AF_INET)
            continue;
        Address addr;
        addr.index = lazy::nl().rtnl_addr_get_ifindex(a);
        addr.interface = names[addr.index];
        addr.address = Ipv4Cidr(fromNlAddr(lazy::nl().rtnl_addr_get_local(a)),
                                lazy::nl().rtnl_addr_get_prefixlen(a));
        out.push_back(addr);
    }
    return out;
}

Result<std::vector<Netlink::Route>> Netlink::ipv4Routes()
{
    auto all = links();
    if (!all)
        return std::unexpected(all.error());
    std::map<int, std::string> names;
    for (const Link &l : *all)
        names[l.index] = l.name;
    nl_cache *raw = nullptr;
    if (int err = lazy::nl().rtnl_route_alloc_cache(m_sock.get(), AF_INET, 0, &raw); err < 0)
        return std::unexpected(nlError("list routes", err));
    CachePtr cache(raw);
    std::vector<Route> out;
    for (nl_object *o = lazy::nl().nl_cache_get_first(cache.get()); o;
         o = lazy::nl().nl_cache_get_next(o)) {
        auto *r = reinterpret_cast<rtnl_route *>(o);
        if (lazy::nl().rtnl_route_get_family(r) != AF_INET ||
            lazy::nl().rtnl_route_get_table(r) == RT_TABLE_LOCAL)
            continue;
        Route route;
        nl_addr *dst = lazy::nl().rtnl_route_get_dst(r);
        route.destination =
            Ipv4Cidr(fromNlAddr(dst), dst ? int(lazy::nl().nl_addr_get_prefixlen(dst)) : 0);
        route.table = lazy::nl().rtnl_route_get_table(r);
        if (lazy::nl().rtnl_route_get_nnexthops(r) > 0) {
            rtnl_nexthop *nh = lazy::nl().rtnl_route_nexthop_n(r, 0);
            if (nl_addr *gw = lazy::nl().rtnl_route_nh_get_gateway(nh))
                route.gateway = fromNlAddr(gw);
            route.interface = names[lazy::nl().rtnl_route_nh_get_ifindex(nh)];
        }
        out.push_back(route);
    }
    return out;
}

Result<std::vector<Ipv4Cidr>> Netlink::networksInUse()
{
    std::vector<Ipv4Cidr> out;
    auto routes = ipv4Routes();
    if (!routes)
        return std::unexpected(routes.error());
    for (const Route &r : *routes) {
        if (r.destination.prefix() > 0) // the default route overlaps everything
            out.push_back(r.destination.networkCidr());
    }
    auto addrs = ipv4Addresses();
    if (!addrs)
        return std::unexpected(addrs.error());
    for (const Address &a : *addrs)
        out.push_back(a.address.networkCidr());
    return out;
}

} // namespace koker::net
