#pragma once

// Container networking on top of the runtime's netlink, libiptc and IPAM pieces:
// the default bridge and user bridges, a veth pair per container, its address,
// NAT for outbound traffic and DNAT for published ports, /etc/hosts entries for
// the neighbours on a network. It contributes steps to a container's start plan
// and to its cleanup, and reconciles what crashed processes left behind.
//
// On disk (see docs/learn/networking.md):
//
//   <root>/networks/networks.lock        taken to create, remove or attach to networks
//   <root>/networks/<name>/network.json  the network (id, bridge device, subnet, gateway)
//   <root>/networks/<name>/leases        its IP leases (runtime Ipam, own lock)
//   <runroot>/netns/<container id>       each attached container's network namespace

#include "engine/containerrecord.h"
#include "runtime/launchspec.h"
#include "runtime/plan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QSet>

#include <memory>

namespace koker {

class ContainerStore;

struct NetworkRecord
{
    QString id;                                // 64 hex digits
    QString name;                              // "bridge" is the default network
    QString driver = QStringLiteral("bridge"); // "bridge"; "host" and "null" for the built-in two
    QString bridge;  // the Linux bridge device: "koker0", "kk-3f2a9c0d1e4b"
    QString subnet;  // "10.88.0.0/16"
    QString gateway; // "10.88.0.1", the bridge's own address
    int mtu = 1500;
    QDateTime created;
    bool isDefault = false;

    /// Whether containers on it get a veth, an address and NAT (driver "bridge").
    bool isBridge() const { return driver == QStringLiteral("bridge"); }
    QJsonObject toJson() const;
    static NetworkRecord fromJson(const QJsonObject &o);
};

/// One container attached to a network, as `network inspect` and /etc/hosts show it.
struct NetworkEndpoint
{
    QString containerId;
    QString name;
    QString hostname;
    QString ipAddress; // "10.88.0.2"
    int prefixLength = 0;
    QString macAddress;
    QString hostVeth;
};

class NetworkService
{
public:
    /// `containers` is read for names, states and published ports of other containers.
    NetworkService(QString root, QString runRoot, ContainerStore &containers);
    virtual ~NetworkService();

    /// Refuse a config whose network or ports cannot work: an unknown network, a
    /// published port another container (or a program on the host) already uses.
    Status validate(const ContainerConfig &config);
    /// Things a user should hear about a valid config (Docker's "WARNING:" lines),
    /// e.g. published ports with --network host, which are ignored.
    static QStringList warnings(const QString &networkMode, const QList<PortMapping> &ports);

    /// Lines for the container's /etc/hosts: itself and its neighbours by name.
    QByteArray hostsEntries(const QString &containerId);

    /// Steps that give the container its network namespace, veth, address and
    /// rules; leases the address now and sets spec.netMode/netnsPath.
    Result<std::vector<Step>> planAttach(const ContainerRecord &record, LaunchSpec &spec);
    /// After a successful start: note the address and devices in the state.
    void recordAttached(ContainerRecord &record);
    /// Steps that remove everything planAttach made (each idempotent; derived from
    /// the config alone, so they also clean up after a crash half-way through).
    std::vector<Step> planDetach(const ContainerRecord &record);
    /// The NetworkSettings section of inspect (addresses, devices, ports, rules).
    QJsonObject inspect(const ContainerRecord &record);

    /// At engine open: release the leases, namespace files, veths and rules of
    /// containers not in `running` (after a crash, a kill -9, a failed cleanup).
    void reconcile(const QSet<QString> &running);

    /// Every network: the default one (created on first use), user bridges, host, none.
    Result<QList<NetworkRecord>> list();
    /// A user bridge: its own device (kk-<id:12>), subnet (given or chosen), NAT rules.
    Result<NetworkRecord> create(const QString &name, const QString &subnet,
                                 const StepObserver &observer = {});
    /// Remove a user network nobody uses: its rules, its bridge, its leases.
    Status remove(const QString &nameOrId, const StepObserver &observer = {});
    /// A network by name, full id or unique id prefix.
    Result<NetworkRecord> get(const QString &nameOrId);
    /// The containers attached to a network (those holding a lease on it).
    Result<QList<NetworkEndpoint>> endpoints(const NetworkRecord &network);
    /// `koker network inspect`: the network with its IPAM and containers.
    Result<QJsonObject> inspectNetwork(const QString &nameOrId);

    /// Where the namespace files live: <runroot>/netns.
    QString netnsDirectory() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace koker
