#include "iptables.h"

#include "lazylibs.h"

#include <libiptc/libiptc.h>

#include <arpa/inet.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/xt_addrtype.h>
#include <linux/netfilter/xt_comment.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>

namespace koker::net {

namespace {

// libiptc keeps a little global state (the function name iptc_strerror() uses),
// so calls from several threads of one process are serialized here as well as
// by the xtables flock, which serializes us with other processes.
std::mutex &libiptcMutex()
{
    static std::mutex m;
    return m;
}

struct HandleFree
{
    void operator()(xtc_handle *h) const { lazy::iptc().iptc_free(h); }
};
using Handle = std::unique_ptr<xtc_handle, HandleFree>;

Error iptcError(const std::string &what, int err)
{
    std::string text = lazy::iptc().iptc_strerror(err);
    Error e = failErrno("libiptc " + what + ": " + text, err).error();
    if (err == EPERM || err == EACCES)
        e.message += " (changing iptables needs root / CAP_NET_ADMIN)";
    else if (err == ENOENT && what.starts_with("iptc_init"))
        e.message += " (is the kernel built with iptables (x_tables) support?)";
    return e;
}

struct ChainRef
{
    IptTable table;
    std::string_view chain;
};

constexpr ChainRef kOwnChains[] = {
    {IptTable::Nat, kNatChain},
    {IptTable::Nat, kPostroutingChain},
    {IptTable::Filter, kForwardChain},
};

// One locked read-modify-commit of a table. `body` returns whether it changed
// anything; only then is the table committed. EAGAIN from the commit means the
// table changed under us (a writer that ignores the lock): start again from a
// fresh snapshot, a few times.
Status transaction(const IptablesNat::Options &options, IptTable table,
                   const std::function<Result<bool>(xtc_handle *)> &body)
{
    if (auto st = lazy::loadLibIptc(); !st)
        return st;
    std::lock_guard guard(libiptcMutex());
    auto lock = XtablesLock::acquire(options.lockPath, options.lockTimeoutMs);
    if (!lock)
        return std::unexpected(lock.error());
    const char *name = iptTableName(table);
    for (int attempt = 0;; ++attempt) {
        Handle h(lazy::iptc().iptc_init(name));
        if (!h)
            return std::unexpected(iptcError(std::string("iptc_init(") + name + ")", errno));
        auto changed = body(h.get());
        if (!changed)
            return std::unexpected(changed.error());
        if (!*changed)
            return {};
        if (lazy::iptc().iptc_commit(h.get()))
            return {};
        int err = errno;
        if (err != EAGAIN || attempt >= 3)
            return std::unexpected(iptcError(std::string("iptc_commit(") + name + ")", err));
    }
}

std::vector<IptRule> decodeChain(xtc_handle *h, IptTable table, std::string_view chain)
{
    std::vector<IptRule> out;
    std::string c(chain);
    for (const ipt_entry *e = lazy::iptc().iptc_first_rule(c.c_str(), h); e;
         e = lazy::iptc().iptc_next_rule(e, h)) {
        auto *t = reinterpret_cast<const xt_entry_target *>(
            reinterpret_cast<const unsigned char *>(e) + e->target_offset);
        bool standard = t->u.user.name[0] == '\0';
        const char *target = lazy::iptc().iptc_get_target(e, h);
        out.push_back(IptablesNat::decode(reinterpret_cast<const unsigned char *>(e),
                                          e->next_offset, table, chain, target ? target : "",
                                          standard));
    }
    return out;
}

// A mask of all ones: every byte of our entries is user-visible (none of our
// matches or targets has a kernel-private tail), so "identical" means identical.
std::vector<unsigned char> fullMask(size_t size)
{
    return std::vector<unsigned char>(size, 0xFF);
}

const ipt_entry *asEntry(const std::vector<unsigned char> &buf)
{
    return reinterpret_cast<const ipt_entry *>(buf.data());
}

size_t matchSize(size_t dataSize)
{
    return XT_ALIGN(sizeof(xt_entry_match)) + XT_ALIGN(dataSize);
}

size_t targetSize(size_t dataSize)
{
    return XT_ALIGN(sizeof(xt_entry_target)) + XT_ALIGN(dataSize);
}

void setInterface(const std::string &name, char *iface, unsigned char *mask)
{
    // An exact name: the mask covers the name and its NUL, as iptables does
    // for "-i br0" (a trailing '+' wildcard would leave the NUL out).
    std::memset(iface, 0, IFNAMSIZ);
    std::memset(mask, 0, IFNAMSIZ);
    std::memcpy(iface, name.data(), std::min(name.size(), size_t(IFNAMSIZ - 1)));
    std::memset(mask, 0xFF, std::min(name.size() + 1, size_t(IFNAMSIZ)));
}

std::optional<Ipv4Cidr> cidrFrom(in_addr addr, in_addr mask, std::string &undecoded,
                                 const char *flag)
{
    uint32_t m = ntohl(mask.s_addr);
    if (m == 0 && addr.s_addr == 0)
        return std::nullopt;
    int prefix = __builtin_popcount(m);
    if (m != (prefix == 0 ? 0u : ~uint32_t(0) << (32 - prefix))) {
        undecoded += std::string(undecoded.empty() ? "" : " ") + flag + " (non-contiguous mask)";
        return std::nullopt;
    }
    return Ipv4Cidr(Ipv4Address::fromNetworkOrder(addr.s_addr), prefix);
}

std::string interfaceFrom(const char *iface, const unsigned char *mask, std::string &undecoded,
                          const char *flag)
{
    if (mask[0] == 0)
        return {};
    size_t len = strnlen(iface, IFNAMSIZ);
    std::string name(iface, len);
    // Our form masks the NUL too; anything else is a '+' wildcard we do not model.
    if (len + 1 > IFNAMSIZ || mask[len] != 0xFF)
        undecoded += std::string(undecoded.empty() ? "" : " ") + flag + " " + name + "+";
    return name;
}

void note(std::string &undecoded, const std::string &text)
{
    if (!undecoded.empty())
        undecoded += ' ';
    undecoded += text;
}

} // namespace

Result<std::vector<unsigned char>> IptablesNat::encode(const IptRule &rule)
{
    if (auto st = rule.validate(); !st)
        return std::unexpected(st.error());

    size_t matches = 0;
    if (rule.destinationLocal)
        matches += matchSize(sizeof(xt_addrtype_info_v1));
    if (rule.destinationPort != 0)
        matches += matchSize(rule.protocol == IpProtocol::Tcp ? sizeof(xt_tcp) : sizeof(xt_udp));
    if (!rule.comment.empty())
        matches += matchSize(sizeof(xt_comment_info));
    bool standard = rule.target == IptTarget::Accept || rule.target == IptTarget::Jump;
    size_t tsize = standard ? targetSize(sizeof(int))
                   : rule.target == IptTarget::Dnat
                       ? targetSize(sizeof(nf_nat_range2))
                       : targetSize(sizeof(nf_nat_ipv4_multi_range_compat));
    size_t headSize = XT_ALIGN(sizeof(ipt_entry));
    std::vector<unsigned char> buf(headSize + matches + tsize, 0);

    auto *e = reinterpret_cast<ipt_entry *>(buf.data());
    e->target_offset = static_cast<uint16_t>(headSize + matches);
    e->next_offset = static_cast<uint16_t>(buf.size());
    if (rule.source) {
        e->ip.src.s_addr = rule.source->network().networkOrder();
        e->ip.smsk.s_addr = htonl(rule.source->mask());
        if (rule.invertSource)
            e->ip.invflags |= IPT_INV_SRCIP;
    }
    if (rule.destination) {
        e->ip.dst.s_addr = rule.destination->network().networkOrder();
        e->ip.dmsk.s_addr = htonl(rule.destination->mask());
        if (rule.invertDestination)
            e->ip.invflags |= IPT_INV_DSTIP;
    }
    if (!rule.inInterface.empty()) {
        setInterface(rule.inInterface, e->ip.iniface, e->ip.iniface_mask);
        if (rule.invertInInterface)
            e->ip.invflags |= IPT_INV_VIA_IN;
    }
    if (!rule.outInterface.empty()) {
        setInterface(rule.outInterface, e->ip.outiface, e->ip.outiface_mask);
        if (rule.invertOutInterface)
            e->ip.invflags |= IPT_INV_VIA_OUT;
    }
    e->ip.proto = rule.protocol == IpProtocol::Tcp   ? IPPROTO_TCP
                  : rule.protocol == IpProtocol::Udp ? IPPROTO_UDP
                                                     : 0;

    // Matches in the order iptables-save prints them back.
    size_t offset = headSize;
    auto addMatch = [&](const char *name, uint8_t revision, size_t dataSize) -> unsigned char * {
        auto *m = reinterpret_cast<xt_entry_match *>(buf.data() + offset);
        m->u.user.match_size = static_cast<uint16_t>(matchSize(dataSize));
        std::strncpy(m->u.user.name, name, sizeof(m->u.user.name) - 1);
        m->u.user.revision = revision;
        offset += matchSize(dataSize);
        return m->data;
    };
    if (rule.destinationLocal) {
        // Revision 1 is what current iptables writes (revision 0 lacks the
        // interface-limit flags); only the destination type is set.
        auto *info = reinterpret_cast<xt_addrtype_info_v1 *>(
            addMatch("addrtype", 1, sizeof(xt_addrtype_info_v1)));
        info->dest = XT_ADDRTYPE_LOCAL;
    }
    if (rule.destinationPort != 0) {
        auto port = static_cast<uint16_t>(rule.destinationPort);
        if (rule.protocol == IpProtocol::Tcp) {
            auto *tcp = reinterpret_cast<xt_tcp *>(addMatch("tcp", 0, sizeof(xt_tcp)));
            tcp->spts[0] = 0;
            tcp->spts[1] = 0xFFFF; // "any source port" is the full range, not 0
            tcp->dpts[0] = tcp->dpts[1] = port;
        } else {
            auto *udp = reinterpret_cast<xt_udp *>(addMatch("udp", 0, sizeof(xt_udp)));
            udp->spts[0] = 0;
            udp->spts[1] = 0xFFFF;
            udp->dpts[0] = udp->dpts[1] = port;
        }
    }
    if (!rule.comment.empty()) {
        auto *info =
            reinterpret_cast<xt_comment_info *>(addMatch("comment", 0, sizeof(xt_comment_info)));
        std::memcpy(info->comment, rule.comment.data(),
                    std::min(rule.comment.size(), size_t(XT_MAX_COMMENT_LEN - 1)));
    }

    auto *t = reinterpret_cast<xt_entry_target *>(buf.data() + e->target_offset);
    t->u.user.target_size = static_cast<uint16_t>(tsize);
    switch (rule.target) {
    case IptTarget::Accept:
        // libiptc turns the names ACCEPT/DROP/RETURN into verdicts and the name of
        // a chain into a jump (iptcc_map_target); the int after it is filled there.
        std::strncpy(t->u.user.name, IPTC_LABEL_ACCEPT, sizeof(t->u.user.name) - 1);
        break;
    case IptTarget::Jump:
        std::strncpy(t->u.user.name, rule.jumpChain.c_str(), sizeof(t->u.user.name) - 1);
        break;
    case IptTarget::Dnat: {
        // DNAT revision 2 (struct nf_nat_range2), which is what iptables 1.8.9
        // writes on this kernel. Revision 0 (nf_nat_ipv4_multi_range_compat) works
        // in the kernel too, but iptables-legacy 1.8.9 only loads the newest
        // revision the kernel supports and prints a revision-0 DNAT as
        // "-j DNAT [unsupported revision]", and `iptables -D ... -j DNAT ...` then
        // builds a revision-2 entry that never matches ours. Students must be able
        // to read, and replay, what we did.
        std::strncpy(t->u.user.name, "DNAT", sizeof(t->u.user.name) - 1);
        t->u.user.revision = 2;
        auto *range = reinterpret_cast<nf_nat_range2 *>(t->data);
        range->flags = NF_NAT_RANGE_MAP_IPS;
        range->min_addr.ip = range->max_addr.ip = rule.natAddress.networkOrder();
        if (rule.natPort != 0) {
            range->flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
            range->min_proto.all = range->max_proto.all =
                htons(static_cast<uint16_t>(rule.natPort));
        }
        break;
    }
    case IptTarget::Masquerade: {
        // MASQUERADE has one IPv4 revision, 0, taking the compat range; one range
        // is all the kernel accepts, and no address may be given (it picks the
        // outgoing interface's).
        std::strncpy(t->u.user.name, "MASQUERADE", sizeof(t->u.user.name) - 1);
        t->u.user.revision = 0;
        auto *mr = reinterpret_cast<nf_nat_ipv4_multi_range_compat *>(t->data);
        mr->rangesize = 1;
        break;
    }
    case IptTarget::Other:
        return fail(ErrorCode::Internal, "cannot encode a rule with an unknown target");
    }
    return buf;
}

IptRule IptablesNat::decode(const unsigned char *entry, size_t size, IptTable table,
                            std::string_view chain, std::string_view targetName, bool standard)
{
    IptRule r;
    r.table = table;
    r.chain = std::string(chain);
    auto *e = reinterpret_cast<const ipt_entry *>(entry);
    if (size < sizeof(ipt_entry) || e->target_offset > size || e->next_offset > size ||
        e->target_offset < sizeof(ipt_entry) ||
        e->target_offset + sizeof(xt_entry_target) > e->next_offset) {
        r.target = IptTarget::Other;
        r.undecoded = "(malformed entry)";
        return r;
    }
    std::string &u = r.undecoded;
    r.source = cidrFrom(e->ip.src, e->ip.smsk, u, "-s");
    r.invertSource = r.source && (e->ip.invflags & IPT_INV_SRCIP);
    r.destination = cidrFrom(e->ip.dst, e->ip.dmsk, u, "-d");
    r.invertDestination = r.destination && (e->ip.invflags & IPT_INV_DSTIP);
    r.inInterface = interfaceFrom(e->ip.iniface, e->ip.iniface_mask, u, "-i");
    r.invertInInterface = !r.inInterface.empty() && (e->ip.invflags & IPT_INV_VIA_IN);
    r.outInterface = interfaceFrom(e->ip.outiface, e->ip.outiface_mask, u, "-o");
    r.invertOutInterface = !r.outInterface.empty() && (e->ip.invflags & IPT_INV_VIA_OUT);
    if (e->ip.proto == IPPROTO_TCP)
        r.protocol = IpProtocol::Tcp;
    else if (e->ip.proto == IPPROTO_UDP)
        r.protocol = IpProtocol::Udp;
    else if (e->ip.proto != 0)
        note(u, "-p " + std::to_string(e->ip.proto));
    if (e->ip.invflags & XT_INV_PROTO)
        note(u, "! -p");
    if (e->ip.flags & IPT_F_FRAG)
        note(u, "-f");
    if (e->ip.flags & IPT_F_GOTO)
        note(u, "-g");

    // Matches: from the end of the header to the target, each sized by itself.
    size_t offset = sizeof(ipt_entry);
    while (offset + sizeof(xt_entry_match) <= e->target_offset) {
        auto *m = reinterpret_cast<const xt_entry_match *>(entry + offset);
        size_t msize = m->u.match_size;
        if (msize < sizeof(xt_entry_match) || offset + msize > e->target_offset) {
            note(u, "(malformed match)");
            break;
        }
        std::string name(m->u.user.name, strnlen(m->u.user.name, sizeof(m->u.user.name)));
        size_t dataSize = msize - XT_ALIGN(sizeof(xt_entry_match));
        const unsigned char *data = m->data;
        bool known = false;
        if (name == "tcp" && m->u.user.revision == 0 && dataSize >= sizeof(xt_tcp)) {
            auto *tcp = reinterpret_cast<const xt_tcp *>(data);
            if (tcp->spts[0] == 0 && tcp->spts[1] == 0xFFFF && tcp->dpts[0] == tcp->dpts[1] &&
                tcp->dpts[0] != 0 && tcp->option == 0 && tcp->flg_mask == 0 && tcp->invflags == 0 &&
                r.destinationPort == 0) {
                r.destinationPort = tcp->dpts[0];
                known = true;
            }
        } else if (name == "udp" && m->u.user.revision == 0 && dataSize >= sizeof(xt_udp)) {
            auto *udp = reinterpret_cast<const xt_udp *>(data);
            if (udp->spts[0] == 0 && udp->spts[1] == 0xFFFF && udp->dpts[0] == udp->dpts[1] &&
                udp->dpts[0] != 0 && udp->invflags == 0 && r.destinationPort == 0) {
                r.destinationPort = udp->dpts[0];
                known = true;
            }
        } else if (name == "addrtype" && m->u.user.revision == 1 &&
                   dataSize >= sizeof(xt_addrtype_info_v1)) {
            auto *info = reinterpret_cast<const xt_addrtype_info_v1 *>(data);
            if (info->source == 0 && info->dest == XT_ADDRTYPE_LOCAL && info->flags == 0) {
                r.destinationLocal = true;
                known = true;
            }
        } else if (name == "comment" && dataSize >= sizeof(xt_comment_info) && r.comment.empty()) {
            auto *info = reinterpret_cast<const xt_comment_info *>(data);
            r.comment.assign(info->comment, strnlen(info->comment, XT_MAX_COMMENT_LEN));
            known = true;
        }
        if (!known)
            note(u, "-m " + name + " (not decoded)");
        offset += msize;
    }

    auto *t = reinterpret_cast<const xt_entry_target *>(entry + e->target_offset);
    size_t tdata = e->next_offset - e->target_offset;
    tdata =
        tdata > XT_ALIGN(sizeof(xt_entry_target)) ? tdata - XT_ALIGN(sizeof(xt_entry_target)) : 0;
    std::string target(targetName);
    if (standard) {
        if (target == IPTC_LABEL_ACCEPT) {
            r.target = IptTarget::Accept;
        } else if (target == IPTC_LABEL_DROP || target == IPTC_LABEL_RETURN ||
                   target == IPTC_LABEL_QUEUE || target.empty()) {
            r.target = IptTarget::Other;
            note(u, target.empty() ? std::string("(no target)") : "-j " + target);
        } else {
            r.target = IptTarget::Jump;
            r.jumpChain = target;
        }
    } else if (target == "DNAT" && t->u.user.revision == 2 && tdata >= sizeof(nf_nat_range2)) {
        auto *range = reinterpret_cast<const nf_nat_range2 *>(t->data);
        bool port = range->flags & NF_NAT_RANGE_PROTO_SPECIFIED;
        unsigned expected = NF_NAT_RANGE_MAP_IPS | (port ? NF_NAT_RANGE_PROTO_SPECIFIED : 0);
        // Only the one-address, one-port form koker writes decodes as Dnat, so a
        // decoded rule re-encodes to the very same bytes.
        bool ok = range->flags == expected && range->min_addr.ip == range->max_addr.ip &&
                  range->min_addr.all[1] == 0 && range->min_addr.all[2] == 0 &&
                  range->min_addr.all[3] == 0 &&
                  std::memcmp(&range->min_addr, &range->max_addr, sizeof range->min_addr) == 0 &&
                  range->min_proto.all == range->max_proto.all && range->base_proto.all == 0 &&
                  (port || range->min_proto.all == 0);
        r.target = IptTarget::Dnat;
        r.natAddress = Ipv4Address::fromNetworkOrder(range->min_addr.ip);
        r.natPort = port ? ntohs(range->min_proto.all) : 0;
        if (!ok) {
            r.target = IptTarget::Other;
            note(u, "-j DNAT (options not decoded)");
        }
    } else if (target == "MASQUERADE" && t->u.user.revision == 0 &&
               tdata >= sizeof(nf_nat_ipv4_multi_range_compat)) {
        auto *mr = reinterpret_cast<const nf_nat_ipv4_multi_range_compat *>(t->data);
        r.target = IptTarget::Masquerade;
        if (mr->rangesize != 1 || mr->range[0].flags != 0) {
            r.target = IptTarget::Other;
            note(u, "-j MASQUERADE (options not decoded)");
        }
    } else {
        r.target = IptTarget::Other;
        note(u, "-j " + target + " (revision " + std::to_string(t->u.user.revision) +
                    ", not decoded)");
    }
    return r;
}

Status IptablesNat::ensureChains() const
{
    for (IptTable table : {IptTable::Nat, IptTable::Filter}) {
        auto st = transaction(m_options, table, [&](xtc_handle *h) -> Result<bool> {
            bool changed = false;
            for (const ChainRef &c : kOwnChains) {
                std::string name(c.chain);
                if (c.table != table || lazy::iptc().iptc_is_chain(name.c_str(), h))
                    continue;
                if (!lazy::iptc().iptc_create_chain(name.c_str(), h))
                    return std::unexpected(iptcError("iptc_create_chain(" + name + ")", errno));
                changed = true;
            }
            for (const IptRule &jump : IptRule::baseJumps()) {
                if (jump.table != table)
                    continue;
                std::vector<unsigned> found; // 0-based positions, as libiptc counts
                unsigned i = 0;
                for (const IptRule &r : decodeChain(h, table, jump.chain)) {
                    if (r == jump)
                        found.push_back(i);
                    ++i;
                }
                if (found.empty()) {
                    auto buf = encode(jump);
                    if (!buf)
                        return std::unexpected(buf.error());
                    // At the top, as Docker does: a DROP further up (ufw, a lab's
                    // firewall) must not hide published ports or block forwarding.
                    if (!lazy::iptc().iptc_insert_entry(jump.chain.c_str(), asEntry(*buf), 0, h))
                        return std::unexpected(
                            iptcError("iptc_insert_entry(" + jump.chain + ")", errno));
                    changed = true;
                }
                // Exactly once: extra copies (a crash between two writers that did
                // not lock, an old version) go, from the back so numbers stay valid.
                for (size_t k = found.size(); k > 1; --k) {
                    if (!lazy::iptc().iptc_delete_num_entry(jump.chain.c_str(), found[k - 1], h))
                        return std::unexpected(
                            iptcError("iptc_delete_num_entry(" + jump.chain + ")", errno));
                    changed = true;
                }
            }
            // The rules of networks whose bridge is gone (a store deleted without
            // `koker network rm`, a crash in between): they would still masquerade
            // or forward the traffic of another network on the same subnet.
            for (const ChainRef &c : kOwnChains) {
                if (c.table != table)
                    continue;
                const std::string chain(c.chain);
                std::vector<IptRule> rules = decodeChain(h, table, chain);
                for (size_t k = rules.size(); k > 0; --k) {
                    const std::string bridge = IptRule::bridgeOfComment(rules[k - 1].comment);
                    if (bridge.empty() || ::if_nametoindex(bridge.c_str()) != 0)
                        continue;
                    if (!lazy::iptc().iptc_delete_num_entry(chain.c_str(), unsigned(k - 1), h))
                        return std::unexpected(
                            iptcError("iptc_delete_num_entry(" + chain + ")", errno));
                    changed = true;
                }
            }
            return changed;
        });
        if (!st)
            return std::unexpected(withContext(st.error(), "set up the koker iptables chains"));
    }
    return {};
}

Status IptablesNat::removeChains() const
{
    for (IptTable table : {IptTable::Nat, IptTable::Filter}) {
        auto st = transaction(m_options, table, [&](xtc_handle *h) -> Result<bool> {
            bool changed = false;
            for (const IptRule &jump : IptRule::baseJumps()) {
                if (jump.table != table)
                    continue;
                std::vector<IptRule> rules = decodeChain(h, table, jump.chain);
                for (size_t k = rules.size(); k > 0; --k) {
                    if (rules[k - 1] != jump)
                        continue;
                    if (!lazy::iptc().iptc_delete_num_entry(jump.chain.c_str(), unsigned(k - 1), h))
                        return std::unexpected(
                            iptcError("iptc_delete_num_entry(" + jump.chain + ")", errno));
                    changed = true;
                }
            }
            for (const ChainRef &c : kOwnChains) {
                std::string name(c.chain);
                if (c.table != table || !lazy::iptc().iptc_is_chain(name.c_str(), h))
                    continue;
                if (!lazy::iptc().iptc_flush_entries(name.c_str(), h) ||
                    !lazy::iptc().iptc_delete_chain(name.c_str(), h))
                    return std::unexpected(iptcError("remove chain " + name +
                                                         " (is it still jumped to from elsewhere?)",
                                                     errno));
                changed = true;
            }
            return changed;
        });
        if (!st)
            return std::unexpected(withContext(st.error(), "remove the koker iptables chains"));
    }
    return {};
}

Status IptablesNat::addRule(const IptRule &rule) const
{
    auto buf = encode(rule);
    if (!buf)
        return std::unexpected(buf.error());
    auto st = transaction(m_options, rule.table, [&](xtc_handle *h) -> Result<bool> {
        if (!lazy::iptc().iptc_is_chain(rule.chain.c_str(), h))
            return fail(ErrorCode::NotFound, "chain " + rule.chain + " does not exist in table " +
                                                 iptTableName(rule.table) +
                                                 "; set up the koker chains first");
        auto mask = fullMask(buf->size());
        if (lazy::iptc().iptc_check_entry(rule.chain.c_str(), asEntry(*buf), mask.data(), h))
            return false; // already there: adding is idempotent
        if (!lazy::iptc().iptc_append_entry(rule.chain.c_str(), asEntry(*buf), h))
            return std::unexpected(iptcError("iptc_append_entry(" + rule.chain + ")", errno));
        return true;
    });
    if (!st)
        return std::unexpected(
            withContext(st.error(), "add iptables rule `" + rule.command() + "`"));
    return {};
}

Status IptablesNat::deleteRule(const IptRule &rule) const
{
    auto buf = encode(rule);
    if (!buf)
        return std::unexpected(buf.error());
    auto st = transaction(m_options, rule.table, [&](xtc_handle *h) -> Result<bool> {
        if (!lazy::iptc().iptc_is_chain(rule.chain.c_str(), h))
            return false; // no chain, no rule: nothing to delete
        auto mask = fullMask(buf->size());
        if (lazy::iptc().iptc_delete_entry(rule.chain.c_str(), asEntry(*buf), mask.data(), h))
            return true;
        // libiptc says ENOENT ("Bad rule (does a matching rule exist in that chain?)")
        // when no entry matches: the rule is already gone.
        if (errno == ENOENT)
            return false;
        return std::unexpected(iptcError("iptc_delete_entry(" + rule.chain + ")", errno));
    });
    if (!st)
        return std::unexpected(withContext(st.error(), "delete iptables rule `" +
                                                           rule.command(IptAction::Delete) + "`"));
    return {};
}

Result<bool> IptablesNat::hasRule(const IptRule &rule) const
{
    auto buf = encode(rule);
    if (!buf)
        return std::unexpected(buf.error());
    bool found = false;
    auto st = transaction(m_options, rule.table, [&](xtc_handle *h) -> Result<bool> {
        if (!lazy::iptc().iptc_is_chain(rule.chain.c_str(), h))
            return false;
        auto mask = fullMask(buf->size());
        found =
            lazy::iptc().iptc_check_entry(rule.chain.c_str(), asEntry(*buf), mask.data(), h) != 0;
        return false;
    });
    if (!st)
        return std::unexpected(st.error());
    return found;
}

Result<std::vector<IptRule>> IptablesNat::listRules(IptTable table, std::string_view chain) const
{
    std::vector<IptRule> out;
    std::string name(chain);
    auto st = transaction(m_options, table, [&](xtc_handle *h) -> Result<bool> {
        if (lazy::iptc().iptc_is_chain(name.c_str(), h))
            out = decodeChain(h, table, chain);
        return false;
    });
    if (!st)
        return std::unexpected(st.error());
    return out;
}

Result<std::vector<IptRule>> IptablesNat::listOwnRules() const
{
    std::vector<IptRule> out;
    for (const ChainRef &c : kOwnChains) {
        auto rules = listRules(c.table, c.chain);
        if (!rules)
            return std::unexpected(rules.error());
        out.insert(out.end(), rules->begin(), rules->end());
    }
    return out;
}

Result<int> IptablesNat::removeByComment(std::string_view comment) const
{
    if (comment.empty())
        return fail(ErrorCode::InvalidArgument,
                    "refusing to remove rules by an empty comment (it would match every "
                    "uncommented rule)");
    int removed = 0;
    for (IptTable table : {IptTable::Nat, IptTable::Filter}) {
        int removedHere = 0;
        auto st = transaction(m_options, table, [&](xtc_handle *h) -> Result<bool> {
            removedHere = 0;
            for (const ChainRef &c : kOwnChains) {
                std::string name(c.chain);
                if (c.table != table || !lazy::iptc().iptc_is_chain(name.c_str(), h))
                    continue;
                std::vector<IptRule> rules = decodeChain(h, table, c.chain);
                for (size_t k = rules.size(); k > 0; --k) {
                    if (rules[k - 1].comment != comment)
                        continue;
                    if (!lazy::iptc().iptc_delete_num_entry(name.c_str(), unsigned(k - 1), h))
                        return std::unexpected(
                            iptcError("iptc_delete_num_entry(" + name + ")", errno));
                    ++removedHere;
                }
            }
            return removedHere > 0;
        });
        if (!st)
            return std::unexpected(withContext(st.error(), "remove iptables rules with comment " +
                                                               std::string(comment)));
        removed += removedHere;
    }
    return removed;
}

} // namespace koker::net
