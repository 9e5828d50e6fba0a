#pragma once

// NAT and forwarding for koker networks, written with libiptc (legacy x_tables:
// `iptables-legacy -t nat -S` shows what this writes; the nft-based `iptables`
// of Debian 12 does not). Every rule koker makes lives in its own chains, so
// cleanup is exact and never touches anyone else's rules:
//
//   nat    PREROUTING  -m addrtype --dst-type LOCAL -j KOKER          (published ports)
//   nat    OUTPUT      -m addrtype --dst-type LOCAL -j KOKER          (the host itself too)
//   nat    POSTROUTING -j KOKER-POSTROUTING                           (MASQUERADE)
//   filter FORWARD     -j KOKER-FORWARD                               (ACCEPT via bridges)
//
// Rules are built as ipt_entry structures here (tcp/udp, addrtype v1, comment
// matches; ACCEPT, jump, DNAT revision 2 (nf_nat_range2), MASQUERADE revision 0
// (nf_nat_ipv4_multi_range_compat) targets): the same bytes iptables 1.8.9
// writes for the same rule, so `iptables-legacy -S` prints them and an
// `iptables-legacy -D ...` typed by a student deletes them. Every change runs as
// iptc_init -> change -> iptc_commit under the xtables lock, like iptables.

#include "error.h"
#include "netiptrule.h"
#include "netxtableslock.h"

#include <string>
#include <string_view>
#include <vector>

namespace koker::net {

class IptablesNat
{
public:
    struct Options
    {
        std::string lockPath = XtablesLock::defaultPath();
        int lockTimeoutMs = 10000; // `iptables -w 10`
    };

    /// The system lock file, a 10 s wait.
    IptablesNat() = default;
    /// Another lock file or wait (tests, a private xtables lock).
    explicit IptablesNat(Options options)
        : m_options(std::move(options))
    {}

    /// Create KOKER, KOKER-POSTROUTING (nat) and KOKER-FORWARD (filter) when
    /// missing, and make each jump of IptRule::baseJumps() exist exactly once, at
    /// the top of its built-in chain (duplicates left by a crash are removed).
    Status ensureChains() const;
    /// Remove the jumps and our chains with all their rules (uninstall; not
    /// used per container: other containers' rules live in the same chains).
    Status removeChains() const;

    /// Append `rule` to its chain unless an identical entry is already there.
    Status addRule(const IptRule &rule) const;
    /// Delete the entry identical to `rule` (matched on the full entry); a rule
    /// that is not there is success, so deleting is idempotent.
    Status deleteRule(const IptRule &rule) const;
    /// Whether an entry identical to `rule` exists (iptc_check_entry).
    Result<bool> hasRule(const IptRule &rule) const;
    /// The rules of one chain, decoded; a missing chain lists as empty.
    Result<std::vector<IptRule>> listRules(IptTable table, std::string_view chain) const;
    /// The rules of all three koker chains (for `koker inspect` and leak checks).
    Result<std::vector<IptRule>> listOwnRules() const;
    /// Delete every rule in the koker chains whose comment is exactly `comment`
    /// (IptRule::containerComment(id) removes one container's rules); returns how many.
    Result<int> removeByComment(std::string_view comment) const;

    /// The ipt_entry (with its matches and target) libiptc receives for `rule`.
    static Result<std::vector<unsigned char>> encode(const IptRule &rule);
    /// Decode an ipt_entry. `targetName` is what iptc_get_target() reports (or the
    /// target's own name for an encode() result); `standard` tells a verdict or
    /// jump (XT_STANDARD_TARGET) from a target extension. Unknown parts land in
    /// IptRule::undecoded, so such a rule never equals one koker writes.
    static IptRule decode(const unsigned char *entry, size_t size, IptTable table,
                          std::string_view chain, std::string_view targetName, bool standard);

private:
    Options m_options;
};

} // namespace koker::net
