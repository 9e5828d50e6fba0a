// koker network ls | inspect | create | rm   (docker network ...)
//
// Bridge networks: the default "bridge" (made on first use) and user bridges with
// a subnet of their own; "host" and "none" are listed as docker lists them.

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/networkservice.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int networkList(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'q', u"quiet"_s, u"Only show network IDs"_s);
    p.addFlag({}, u"no-trunc"_s, u"Don't truncate the IDs"_s);
    if (!p.parse(args))
        return ctx.usageError(u"network ls"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker network ls [OPTIONS]\n\nList networks.\n\n" << p.helpText();
        return 0;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    auto networks = (*backend)->listNetworks();
    if (!networks)
        return ctx.failWith(networks.error());
    const bool noTrunc = p.isSet(u"no-trunc"_s);
    QList<QStringList> rows;
    for (const NetworkRecord &n : *networks) {
        QString id = noTrunc ? n.id : n.id.left(12);
        if (p.isSet(u"quiet"_s)) {
            ctx.out() << id << '\n';
            continue;
        }
        rows << QStringList{id, n.name, n.driver, n.subnet.isEmpty() ? u"-"_s : n.subnet};
    }
    if (!p.isSet(u"quiet"_s))
        ctx.printTable({u"NETWORK ID"_s, u"NAME"_s, u"DRIVER"_s, u"SUBNET"_s}, rows);
    return 0;
}

int networkInspect(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    if (!p.parse(args))
        return ctx.usageError(u"network inspect"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker network inspect NETWORK [NETWORK...]\n\n"
                     "Show a network, its addresses, containers and iptables rules as JSON.\n";
        return p.helpRequested() ? 0 : kExitUsage;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    QJsonArray out;
    int status = 0;
    for (const QString &name : p.positional()) {
        auto doc = (*backend)->inspectNetwork(name);
        if (!doc) {
            status = ctx.failWith(doc.error());
            continue;
        }
        out.append(*doc);
    }
    ctx.out() << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return status;
}

int networkCreate(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addOption({}, u"subnet"_s, u"CIDR"_s, u"Subnet of the network, e.g. 10.123.0.0/24"_s);
    p.addOption(u'd', u"driver"_s, u"DRIVER"_s, u"Only \"bridge\" (the default)"_s);
    if (!p.parse(args))
        return ctx.usageError(u"network create"_s, p.errorText());
    if (p.helpRequested() || p.positional().size() != 1) {
        ctx.out() << "Usage: koker network create [OPTIONS] NETWORK\n\n"
                     "Create a bridge network with a subnet of its own (chosen from private\n"
                     "ranges the host does not use, unless --subnet is given).\n\n"
                  << p.helpText();
        return p.helpRequested() ? 0 : kExitUsage;
    }
    if (p.isSet(u"driver"_s) && p.value(u"driver"_s) != u"bridge"_s)
        return ctx.usageError(u"network create"_s, u"only the bridge driver is supported, not "_s +
                                                       p.value(u"driver"_s));
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    auto created =
        (*backend)->createNetwork(p.positional().first(), p.value(u"subnet"_s), ctx.stepPrinter());
    if (!created)
        return ctx.failWith(created.error());
    ctx.out() << created->id << '\n';
    return 0;
}

int networkRemove(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    if (!p.parse(args))
        return ctx.usageError(u"network rm"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker network rm NETWORK [NETWORK...]\n\n"
                     "Remove networks no container is attached to: their iptables rules,\n"
                     "bridge and leases.\n";
        return p.helpRequested() ? 0 : kExitUsage;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    int status = 0;
    for (const QString &name : p.positional()) {
        if (auto st = (*backend)->removeNetwork(name, ctx.stepPrinter()); !st) {
            status = ctx.failWith(st.error());
            continue;
        }
        ctx.out() << name << '\n';
    }
    return status;
}

} // namespace koker::cli
