#include "ipam.h"

#include "filelock.h"
#include "fsutil.h"
#include "netnames.h"

#include <sstream>

namespace koker::net {

namespace {

constexpr std::string_view kHeader =
    "# koker IPAM leases: one \"address container-id\" a line. Rewritten atomically by koker\n"
    "# under leases.lock; edit only while no koker command runs.\n";

} // namespace

std::vector<Ipv4Cidr> Ipam::defaultCandidates()
{
    std::vector<Ipv4Cidr> out;
    for (int b = 88; b <= 99; ++b)
        out.emplace_back(Ipv4Address(10, uint8_t(b), 0, 0), 16);
    // 172.16.0.0/12 is private: 172.16 to 172.31. Docker takes 172.17 first;
    // we only get here when 10.88-10.99 are all taken.
    for (int b = 17; b <= 30; ++b)
        out.emplace_back(Ipv4Address(172, uint8_t(b), 0, 0), 16);
    return out;
}

Result<Ipv4Cidr> Ipam::chooseSubnet(const std::vector<Ipv4Cidr> &inUse,
                                    const std::vector<Ipv4Cidr> &candidates)
{
    for (const Ipv4Cidr &c : candidates) {
        bool clash = false;
        for (const Ipv4Cidr &used : inUse) {
            if (used.prefix() > 0 && c.overlaps(used)) {
                clash = true;
                break;
            }
        }
        if (!clash)
            return c;
    }
    std::string range =
        candidates.empty() ? std::string("(none given)")
                           : candidates.front().toString() + " ... " + candidates.back().toString();
    return fail(ErrorCode::AlreadyExists,
                "every candidate subnet " + range +
                    " overlaps a network this host already uses (a route or an address); give "
                    "the network a subnet yourself");
}

Status Ipam::validateSubnet(const Ipv4Cidr &subnet, const std::vector<Ipv4Cidr> &inUse)
{
    if (!subnet.isNetwork())
        return fail(ErrorCode::InvalidArgument,
                    subnet.toString() +
                        " is not a subnet: its host bits are not zero; did you mean " +
                        subnet.networkCidr().toString() + "?");
    if (subnet.prefix() < 8 || subnet.prefix() > 30)
        return fail(ErrorCode::InvalidArgument,
                    "subnet " + subnet.toString() +
                        " must have a prefix from /8 to /30 (a /30 holds the gateway and one "
                        "container)");
    if (subnet.address().isLoopback() || subnet.address().isMulticast() ||
        subnet.broadcast().isMulticast() || subnet.network().value() == 0)
        return fail(ErrorCode::InvalidArgument,
                    "subnet " + subnet.toString() +
                        " is loopback, multicast or 0.0.0.0/8 space; use a private range such as "
                        "10.88.0.0/16");
    for (const Ipv4Cidr &used : inUse) {
        if (used.prefix() > 0 && subnet.overlaps(used))
            return fail(ErrorCode::AlreadyExists,
                        "subnet " + subnet.toString() + " overlaps " + used.toString() +
                            ", which this host already uses (a route or an address); choose "
                            "another subnet");
    }
    return {};
}

Result<Ipam> Ipam::open(const std::string &directory, const Ipv4Cidr &subnet)
{
    if (auto st = validateSubnet(subnet); !st)
        return std::unexpected(st.error());
    if (directory.empty())
        return fail(ErrorCode::InvalidArgument, "the IPAM directory must not be empty");
    if (auto st = fs::makeDirectories(directory, 0700); !st)
        return std::unexpected(withContext(st.error(), "create IPAM directory " + directory));
    Ipam ipam(directory, subnet);
    // Read once now so a lease file of another subnet is refused up front.
    auto lock = FileLock::acquire(ipam.lockFile(), FileLock::Mode::Shared);
    if (!lock)
        return std::unexpected(lock.error());
    if (auto leases = ipam.readLeases(); !leases)
        return std::unexpected(leases.error());
    return ipam;
}

Ipv4Address Ipam::gateway() const
{
    return Ipv4Address(m_subnet.network().value() + 1);
}

Ipv4Cidr Ipam::gatewayCidr() const
{
    return Ipv4Cidr(gateway(), m_subnet.prefix());
}

std::string Ipam::leaseFile() const
{
    return m_directory + "/leases";
}

std::string Ipam::lockFile() const
{
    return m_directory + "/leases.lock";
}

Result<Ipam::Leases> Ipam::readLeases() const
{
    Leases leases;
    auto text = fs::readFile(leaseFile(), 4u << 20);
    if (!text) {
        if (text.error().sysErrno == ENOENT)
            return leases; // no file yet: no leases
        return std::unexpected(text.error());
    }
    std::istringstream in(*text);
    std::string line;
    int lineNo = 0;
    bool sawSubnet = false;
    std::set<uint32_t> used;
    auto corrupt = [&](const std::string &why) {
        return fail(ErrorCode::Corrupt, leaseFile() + " line " + std::to_string(lineNo) + ": " +
                                            why +
                                            " (fix or remove the file; `koker` rebuilds "
                                            "leases from running containers)");
    };
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line[0] == '#')
            continue;
        size_t space = line.find(' ');
        if (space == std::string::npos || line.find(' ', space + 1) != std::string::npos)
            return corrupt("expected two words");
        std::string first = line.substr(0, space);
        std::string second = line.substr(space + 1);
        if (first == "subnet") {
            auto s = Ipv4Cidr::parseNetwork(second);
            if (!s)
                return corrupt(s.error().message);
            if (*s != m_subnet)
                return fail(ErrorCode::InvalidArgument,
                            "the leases in " + leaseFile() + " belong to subnet " + s->toString() +
                                ", not " + m_subnet.toString() +
                                "; a network keeps its subnet (remove the network to change it)");
            sawSubnet = true;
            continue;
        }
        auto ip = Ipv4Address::parse(first);
        if (!ip)
            return corrupt(ip.error().message);
        if (auto st = validateContainerId(second); !st)
            return corrupt(st.error().message);
        if (!m_subnet.contains(*ip) || *ip == m_subnet.network() || *ip == m_subnet.broadcast() ||
            *ip == gateway())
            return corrupt(ip->toString() + " is not a leasable address of " + m_subnet.toString());
        if (!used.insert(ip->value()).second)
            return corrupt(ip->toString() + " is leased twice");
        if (!leases.emplace(second, *ip).second)
            return corrupt("container " + second + " holds two leases");
    }
    if (!leases.empty() && !sawSubnet)
        return fail(ErrorCode::Corrupt, leaseFile() + " has leases but no 'subnet' line");
    return leases;
}

Status Ipam::writeLeases(const Leases &leases) const
{
    std::string out(kHeader);
    out += "subnet " + m_subnet.toString() + "\n";
    // Sorted by address, so the file reads like the allocation order.
    std::map<uint32_t, std::string> byAddress;
    for (const auto &[id, ip] : leases)
        byAddress.emplace(ip.value(), id);
    for (const auto &[value, id] : byAddress)
        out += Ipv4Address(value).toString() + " " + id + "\n";
    // Atomic but not fsynced: only a power cut can lose the write, and it stops
    // every container too; reconcile then frees whatever leases are left over.
    return fs::writeFileAtomic(leaseFile(), out, 0600, /*durable=*/false);
}

std::optional<Ipv4Address> Ipam::lowestFree(const Leases &leases) const
{
    std::set<uint32_t> used;
    for (const auto &[id, ip] : leases)
        used.insert(ip.value());
    // network + 1 is the gateway; the last address is the broadcast address.
    for (uint64_t v = uint64_t(m_subnet.network().value()) + 2; v < m_subnet.broadcast().value();
         ++v) {
        if (!used.contains(uint32_t(v)))
            return Ipv4Address(uint32_t(v));
    }
    return std::nullopt;
}

Result<Ipv4Address> Ipam::allocate(const std::string &containerId) const
{
    if (auto st = validateContainerId(containerId); !st)
        return std::unexpected(st.error());
    auto lock = FileLock::acquire(lockFile());
    if (!lock)
        return std::unexpected(lock.error());
    auto leases = readLeases();
    if (!leases)
        return std::unexpected(leases.error());
    if (auto it = leases->find(containerId); it != leases->end())
        return it->second;
    auto ip = lowestFree(*leases);
    if (!ip)
        return fail(ErrorCode::LimitExceeded,
                    "subnet " + m_subnet.toString() + " is full: all " +
                        std::to_string(m_subnet.size() - 3) + " container addresses are leased (" +
                        leaseFile() + "); remove a container or use a larger subnet");
    (*leases)[containerId] = *ip;
    if (auto st = writeLeases(*leases); !st)
        return std::unexpected(st.error());
    return *ip;
}

Result<Ipv4Address> Ipam::nextFree() const
{
    auto lock = FileLock::acquire(lockFile(), FileLock::Mode::Shared);
    if (!lock)
        return std::unexpected(lock.error());
    auto leases = readLeases();
    if (!leases)
        return std::unexpected(leases.error());
    auto ip = lowestFree(*leases);
    if (!ip)
        return fail(ErrorCode::LimitExceeded, "subnet " + m_subnet.toString() + " is full");
    return *ip;
}

Status Ipam::reserve(const std::string &containerId, Ipv4Address ip) const
{
    if (auto st = validateContainerId(containerId); !st)
        return st;
    if (!m_subnet.contains(ip) || ip == m_subnet.network() || ip == m_subnet.broadcast() ||
        ip == gateway())
        return fail(ErrorCode::InvalidArgument,
                    ip.toString() + " is not a container address of " + m_subnet.toString() +
                        " (the network, gateway and broadcast addresses are reserved)");
    auto lock = FileLock::acquire(lockFile());
    if (!lock)
        return std::unexpected(lock.error());
    auto leases = readLeases();
    if (!leases)
        return std::unexpected(leases.error());
    for (const auto &[id, leased] : *leases) {
        if (leased == ip && id != containerId)
            return fail(ErrorCode::AlreadyExists,
                        ip.toString() + " is already leased to container " + id);
    }
    if (auto it = leases->find(containerId); it != leases->end()) {
        if (it->second == ip)
            return {};
        return fail(ErrorCode::AlreadyExists, "container " + containerId + " already holds " +
                                                  it->second.toString() + ", not " + ip.toString());
    }
    (*leases)[containerId] = ip;
    return writeLeases(*leases);
}

Status Ipam::release(const std::string &containerId) const
{
    auto lock = FileLock::acquire(lockFile());
    if (!lock)
        return std::unexpected(lock.error());
    auto leases = readLeases();
    if (!leases)
        return std::unexpected(leases.error());
    if (leases->erase(containerId) == 0)
        return {};
    return writeLeases(*leases);
}

Result<std::optional<Ipv4Address>> Ipam::lookup(const std::string &containerId) const
{
    auto all = leases();
    if (!all)
        return std::unexpected(all.error());
    if (auto it = all->find(containerId); it != all->end())
        return std::optional<Ipv4Address>(it->second);
    return std::optional<Ipv4Address>();
}

Result<std::map<std::string, Ipv4Address>> Ipam::leases() const
{
    auto lock = FileLock::acquire(lockFile(), FileLock::Mode::Shared);
    if (!lock)
        return std::unexpected(lock.error());
    return readLeases();
}

Result<std::vector<std::string>> Ipam::reconcile(const std::set<std::string> &live) const
{
    auto lock = FileLock::acquire(lockFile());
    if (!lock)
        return std::unexpected(lock.error());
    auto leases = readLeases();
    if (!leases)
        return std::unexpected(leases.error());
    std::vector<std::string> freed;
    for (auto it = leases->begin(); it != leases->end();) {
        if (live.contains(it->first)) {
            ++it;
        } else {
            freed.push_back(it->first);
            it = leases->erase(it);
        }
    }
    if (!freed.empty()) {
        if (auto st = writeLeases(*leases); !st)
            return std::unexpected(st.error());
    }
    return freed;
}

} // namespace koker::net
