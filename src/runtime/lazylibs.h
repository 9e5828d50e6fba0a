#pragma once

// Libraries that only some commands need, opened with dlopen() the first time one
// of their functions is called rather than by the dynamic loader at every start:
// libnl (bridge networks), libiptc (NAT and port rules) and libseccomp (compiling a
// seccomp filter that is not cached yet). A `koker run --network none`, a `koker
// ps` or an idle kokerd use none of them, and loading the four cost every program
// start about 0.8 ms here (a program that links them against one that does not).
//
// Each library is a table of function pointers filled by dlsym(); callers write
// `nl().rtnl_link_alloc()` where they would write `rtnl_link_alloc()`. The pointers
// have the types the library's own headers declare. The entry points (opening a
// netlink socket, an iptables table, compiling a filter) call load...() first and
// turn a missing library into an error; the accessors load on demand too, and stop
// the program with a message if they cannot (a bug: an entry point was skipped).

#include "error.h"

#include <libiptc/libiptc.h>
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
#include <seccomp.h>

namespace koker::lazy {

// The functions Koker calls, one X(name) each.
#define KOKER_LIBNL_FUNCTIONS(X)                                                                   \
    X(nl_addr2str)                                                                                 \
    X(nl_addr_build)                                                                               \
    X(nl_addr_get_binary_addr)                                                                     \
    X(nl_addr_get_len)                                                                             \
    X(nl_addr_get_prefixlen)                                                                       \
    X(nl_addr_put)                                                                                 \
    X(nl_addr_set_prefixlen)                                                                       \
    X(nl_cache_free)                                                                               \
    X(nl_cache_get_first)                                                                          \
    X(nl_cache_get_next)                                                                           \
    X(nl_connect)                                                                                  \
    X(nl_geterror)                                                                                 \
    X(nl_send_sync)                                                                                \
    X(nl_socket_alloc)                                                                             \
    X(nl_socket_free)                                                                              \
    X(nl_socket_get_fd)                                                                            \
    X(nla_put)                                                                                     \
    X(nla_put_string)                                                                              \
    X(nla_put_u32)                                                                                 \
    X(nlmsg_alloc_simple)                                                                          \
    X(nlmsg_append)                                                                                \
    X(nlmsg_free)                                                                                  \
    X(rtnl_addr_add)                                                                               \
    X(rtnl_addr_alloc)                                                                             \
    X(rtnl_addr_alloc_cache)                                                                       \
    X(rtnl_addr_delete)                                                                            \
    X(rtnl_addr_get_family)                                                                        \
    X(rtnl_addr_get_ifindex)                                                                       \
    X(rtnl_addr_get_local)                                                                         \
    X(rtnl_addr_get_prefixlen)                                                                     \
    X(rtnl_addr_put)                                                                               \
    X(rtnl_addr_set_family)                                                                        \
    X(rtnl_addr_set_ifindex)                                                                       \
    X(rtnl_addr_set_local)                                                                         \
    X(rtnl_addr_set_prefixlen)                                                                     \
    X(rtnl_link_add)                                                                               \
    X(rtnl_link_alloc)                                                                             \
    X(rtnl_link_alloc_cache)                                                                       \
    X(rtnl_link_delete)                                                                            \
    X(rtnl_link_get_addr)                                                                          \
    X(rtnl_link_get_flags)                                                                         \
    X(rtnl_link_get_ifindex)                                                                       \
    X(rtnl_link_get_kernel)                                                                        \
    X(rtnl_link_get_master)                                                                        \
    X(rtnl_link_get_mtu)                                                                           \
    X(rtnl_link_get_name)                                                                          \
    X(rtnl_link_get_type)                                                                          \
    X(rtnl_link_put)                                                                               \
    X(rtnl_link_set_mtu)                                                                           \
    X(rtnl_link_set_name)                                                                          \
    X(rtnl_link_set_ns_fd)                                                                         \
    X(rtnl_link_set_type)                                                                          \
    X(rtnl_link_veth_alloc)                                                                        \
    X(rtnl_link_veth_get_peer)                                                                     \
    X(rtnl_route_add)                                                                              \
    X(rtnl_route_add_nexthop)                                                                      \
    X(rtnl_route_alloc)                                                                            \
    X(rtnl_route_alloc_cache)                                                                      \
    X(rtnl_route_delete)                                                                           \
    X(rtnl_route_get_dst)                                                                          \
    X(rtnl_route_get_family)                                                                       \
    X(rtnl_route_get_nnexthops)                                                                    \
    X(rtnl_route_get_table)                                                                        \
    X(rtnl_route_nexthop_n)                                                                        \
    X(rtnl_route_nh_alloc)                                                                         \
    X(rtnl_route_nh_free)                                                                          \
    X(rtnl_route_nh_get_gateway)                                                                   \
    X(rtnl_route_nh_get_ifindex)                                                                   \
    X(rtnl_route_nh_set_gateway)                                                                   \
    X(rtnl_route_nh_set_ifindex)                                                                   \
    X(rtnl_route_put)                                                                              \
    X(rtnl_route_set_dst)                                                                          \
    X(rtnl_route_set_family)                                                                       \
    X(rtnl_route_set_protocol)                                                                     \
    X(rtnl_route_set_scope)                                                                        \
    X(rtnl_route_set_table)                                                                        \
    X(rtnl_route_set_type)

#define KOKER_LIBIPTC_FUNCTIONS(X)                                                                 \
    X(iptc_append_entry)                                                                           \
    X(iptc_check_entry)                                                                            \
    X(iptc_commit)                                                                                 \
    X(iptc_create_chain)                                                                           \
    X(iptc_delete_chain)                                                                           \
    X(iptc_delete_entry)                                                                           \
    X(iptc_delete_num_entry)                                                                       \
    X(iptc_first_rule)                                                                             \
    X(iptc_flush_entries)                                                                          \
    X(iptc_free)                                                                                   \
    X(iptc_get_target)                                                                             \
    X(iptc_init)                                                                                   \
    X(iptc_insert_entry)                                                                           \
    X(iptc_is_chain)                                                                               \
    X(iptc_next_rule)                                                                              \
    X(iptc_strerror)

#define KOKER_LIBSECCOMP_FUNCTIONS(X)                                                              \
    X(seccomp_arch_native)                                                                         \
    X(seccomp_attr_set)                                                                            \
    X(seccomp_export_bpf)                                                                          \
    X(seccomp_init)                                                                                \
    X(seccomp_release)                                                                             \
    X(seccomp_rule_add)                                                                            \
    X(seccomp_syscall_resolve_name)                                                                \
    X(seccomp_version)

#define KOKER_LAZY_POINTER(name) decltype(&::name) name = nullptr;

struct LibNl
{
    KOKER_LIBNL_FUNCTIONS(KOKER_LAZY_POINTER)
};

struct LibIptc
{
    KOKER_LIBIPTC_FUNCTIONS(KOKER_LAZY_POINTER)
};

struct LibSeccomp
{
    KOKER_LIBSECCOMP_FUNCTIONS(KOKER_LAZY_POINTER)
};

#undef KOKER_LAZY_POINTER

/// Open the library once (later calls return the first outcome); the error names
/// the Debian package that provides it.
Status loadLibNl();
Status loadLibIptc();
Status loadLibSeccomp();

/// The loaded tables.
const LibNl &nl();
const LibIptc &iptc();
const LibSeccomp &seccomp();

} // namespace koker::lazy
