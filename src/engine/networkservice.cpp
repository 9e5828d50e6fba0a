#include "networkservice.h"

using namespace Qt::Literals::StringLiterals;

namespace koker {

// Interim: loopback-only networking until the bridge implementation lands.
struct NetworkService::Private
{
    QString root;
    QString runRoot;
};

QJsonObject NetworkRecord::toJson() const
{
    return {{u"name"_s, name},
            {u"bridge"_s, bridge},
            {u"subnet"_s, subnet},
            {u"gateway"_s, gateway},
            {u"created"_s, created.toString(Qt::ISODateWithMs)},
            {u"default"_s, isDefault}};
}

NetworkRecord NetworkRecord::fromJson(const QJsonObject &o)
{
    NetworkRecord r;
    r.name = o.value(u"name"_s).toString();
    r.bridge = o.value(u"bridge"_s).toString();
    r.subnet = o.value(u"subnet"_s).toString();
    r.gateway = o.value(u"gateway"_s).toString();
    r.created = QDateTime::fromString(o.value(u"created"_s).toString(), Qt::ISODateWithMs);
    r.isDefault = o.value(u"default"_s).toBool();
    return r;
}

NetworkService::NetworkService(QString root, QString runRoot)
    : d(std::make_unique<Private>(Private{std::move(root), std::move(runRoot)}))
{}

NetworkService::~NetworkService() = default;

Status NetworkService::validate(const ContainerConfig &c)
{
    if (c.networkMode != u"none"_s && c.networkMode != u"host"_s && c.networkMode != u"bridge"_s)
        return fail(ErrorCode::NotFound, "network " + c.networkMode.toStdString() + " not found");
    return {};
}

QByteArray NetworkService::hostsEntries(const QString &)
{
    return {};
}

Result<std::vector<Step>> NetworkService::planAttach(const ContainerRecord &, LaunchSpec &spec)
{
    spec.netMode = NetMode::Loopback;
    return std::vector<Step>{};
}

void NetworkService::recordAttached(ContainerRecord &) {}

std::vector<Step> NetworkService::planDetach(const ContainerRecord &)
{
    return {};
}

QJsonObject NetworkService::inspect(const ContainerRecord &r)
{
    return QJsonObject{{u"NetworkMode"_s, r.config.networkMode}};
}

Result<QList<NetworkRecord>> NetworkService::list()
{
    return QList<NetworkRecord>{};
}

Result<NetworkRecord> NetworkService::create(const QString &, const QString &)
{
    return fail(ErrorCode::Unsupported, "user networks are not available yet");
}

Status NetworkService::remove(const QString &name)
{
    return fail(ErrorCode::NotFound, "network " + name.toStdString() + " not found");
}

Result<NetworkRecord> NetworkService::get(const QString &name)
{
    return fail(ErrorCode::NotFound, "network " + name.toStdString() + " not found");
}

} // namespace koker
