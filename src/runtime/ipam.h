#pragma once

// IP address management for one bridge network: which subnet it uses and which
// container holds which address. Leases live in a plain text file in a directory
// the caller chooses (e.g. /var/lib/koker/networks/<name>/), rewritten atomically
// under a file lock, so the CLI, the helper and a monitor's cleanup can all
// allocate and release at once and a crash never leaves half a file.
//
// Allocation is deterministic: the lowest free address, never a random one, so a
// student who runs the same thing twice sees the same addresses. The network
// address, the gateway (.1, the bridge) and the broadcast address are never leased.

#include "error.h"
#include "netipv4address.h"
#include "netipv4cidr.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace koker::net {

class Ipam
{
public:
    /// The private subnets tried in order for a new network: 10.88.0.0/16 to
    /// 10.99.0.0/16, then 172.17.0.0/16 to 172.30.0.0/16 (all inside RFC 1918;
    /// nothing like 172.69.0.0/16, which is someone's public space).
    static std::vector<Ipv4Cidr> defaultCandidates();

    /// The first candidate that overlaps none of `inUse` (the host's routes and
    /// address networks, other koker networks). Entries with prefix 0 (a default
    /// route) are ignored: they overlap everything and say nothing.
    static Result<Ipv4Cidr>
    chooseSubnet(const std::vector<Ipv4Cidr> &inUse,
                 const std::vector<Ipv4Cidr> &candidates = defaultCandidates());

    /// Check a subnet given by a user: a network address, prefix 8-30 (room for a
    /// gateway and at least one container), no overlap with `inUse`.
    static Status validateSubnet(const Ipv4Cidr &subnet, const std::vector<Ipv4Cidr> &inUse = {});

    /// Use (and create, 0700) `directory` for the leases of `subnet`. Refuses a
    /// directory whose lease file belongs to another subnet.
    static Result<Ipam> open(const std::string &directory, const Ipv4Cidr &subnet);

    /// The network's subnet (10.88.0.0/16).
    const Ipv4Cidr &subnet() const { return m_subnet; }
    /// The bridge's address: the first host address (10.88.0.1).
    Ipv4Address gateway() const;
    /// gateway() with the subnet's prefix, as the bridge carries it (10.88.0.1/16).
    Ipv4Cidr gatewayCidr() const;
    /// The lease file ("<directory>/leases").
    std::string leaseFile() const;

    /// Lease the lowest free address to `containerId`; a container that already
    /// holds one gets the same one back. LimitExceeded when the subnet is full.
    Result<Ipv4Address> allocate(const std::string &containerId) const;
    /// The address allocate() would hand out now (for showing a plan before it runs).
    Result<Ipv4Address> nextFree() const;
    /// Lease exactly `ip` to `containerId` (the address a plan showed). Fine if the
    /// container already holds it; AlreadyExists if another container does.
    Status reserve(const std::string &containerId, Ipv4Address ip) const;
    /// Free the lease of `containerId`; no lease is fine (idempotent).
    Status release(const std::string &containerId) const;
    /// The address of `containerId`, if it holds one.
    Result<std::optional<Ipv4Address>> lookup(const std::string &containerId) const;
    /// Every lease, container id -> address.
    Result<std::map<std::string, Ipv4Address>> leases() const;
    /// Free the leases of every container not in `live` (after a crash); returns
    /// the ids whose leases were freed.
    Result<std::vector<std::string>> reconcile(const std::set<std::string> &live) const;

private:
    Ipam(std::string directory, Ipv4Cidr subnet)
        : m_directory(std::move(directory))
        , m_subnet(subnet)
    {}
    using Leases = std::map<std::string, Ipv4Address>;
    Result<Leases> readLeases() const;
    Status writeLeases(const Leases &leases) const;
    std::optional<Ipv4Address> lowestFree(const Leases &leases) const;
    std::string lockFile() const;

    std::string m_directory;
    Ipv4Cidr m_subnet;
};

} // namespace koker::net
