#pragma once

// Container networking on top of the runtime's netlink, libiptc and IPAM pieces:
// the default bridge and user bridges, a veth pair per container, its address,
// NAT for outbound traffic and DNAT for published ports. It contributes steps to a
// container's start plan and to its cleanup.

#include "engine/containerrecord.h"
#include "runtime/launchspec.h"
#include "runtime/plan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>

namespace koker {

struct NetworkRecord
{
    QString name;   // "bridge" is the default network
    QString bridge; // the Linux bridge device: "koker0"
    QString subnet; // "10.88.0.0/16"
    QString gateway;
    QDateTime created;
    bool isDefault = false;

    QJsonObject toJson() const;
    static NetworkRecord fromJson(const QJsonObject &o);
};

class NetworkService
{
public:
    NetworkService(QString root, QString runRoot);
    virtual ~NetworkService();

    /// Refuse a config whose network or ports cannot work (unknown network, a
    /// port already published by another container, ports with --network host).
    Status validate(const ContainerConfig &config);

    /// Lines for the container's /etc/hosts: itself and its neighbours by name.
    QByteArray hostsEntries(const QString &containerId);

    /// Steps that give the container its network namespace, veth, address and
    /// rules; sets spec.netMode/netnsPath.
    Result<std::vector<Step>> planAttach(const ContainerRecord &record, LaunchSpec &spec);
    /// After a successful start: note the address and devices in the state.
    void recordAttached(ContainerRecord &record);
    /// Steps that remove everything planAttach made (each idempotent).
    std::vector<Step> planDetach(const ContainerRecord &record);
    /// The NetworkSettings section of inspect.
    QJsonObject inspect(const ContainerRecord &record);

    // `koker network ...`
    Result<QList<NetworkRecord>> list();
    Result<NetworkRecord> create(const QString &name, const QString &subnet);
    Status remove(const QString &name);
    Result<NetworkRecord> get(const QString &name);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace koker
