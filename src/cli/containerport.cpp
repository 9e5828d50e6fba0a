// koker port CONTAINER [PRIVATE_PORT[/PROTO]]   (docker port)
//
// The published ports of a running container, one "80/tcp -> 0.0.0.0:8080" a line;
// each is one DNAT rule in the KOKER chain (see `koker inspect`, IptablesRules).

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int containerPort(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    if (!p.parse(args))
        return ctx.usageError(u"port"_s, p.errorText());
    const QStringList pos = p.positional();
    if (p.helpRequested() || pos.isEmpty() || pos.size() > 2) {
        ctx.out() << "Usage: koker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\n"
                     "List a container's published ports.\n";
        return p.helpRequested() ? 0 : kExitUsage;
    }
    QString wantPort;
    QString wantProto;
    if (pos.size() == 2) {
        wantPort = pos[1].section(u'/', 0, 0);
        wantProto = pos[1].contains(u'/') ? pos[1].section(u'/', 1).toLower() : u"tcp"_s;
        bool ok = false;
        uint n = wantPort.toUInt(&ok);
        if (!ok || n == 0 || n > 65535 || (wantProto != u"tcp"_s && wantProto != u"udp"_s))
            return ctx.usageError(u"port"_s, u"invalid port "_s + pos[1]);
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    auto r = (*backend)->getContainer(pos.first());
    if (!r)
        return ctx.failWith(r.error());
    // Like docker: nothing for a stopped container or one on the host's network.
    if (r->state.status != ContainerStatus::Running || r->config.networkMode == u"host"_s ||
        r->config.networkMode == u"none"_s)
        return 0;
    bool any = false;
    for (const PortMapping &m : r->config.ports) {
        QString hostSide =
            (m.hostIp.isEmpty() ? u"0.0.0.0"_s : m.hostIp) + u':' + QString::number(m.hostPort);
        if (!wantPort.isEmpty()) {
            if (QString::number(m.containerPort) != wantPort || m.protocol != wantProto)
                continue;
            ctx.out() << hostSide << '\n';
        } else {
            ctx.out() << m.containerPort << '/' << m.protocol << " -> " << hostSide << '\n';
        }
        any = true;
    }
    if (!wantPort.isEmpty() && !any)
        return ctx.failWith(Error{ErrorCode::NotFound,
                                  0,
                                  {},
                                  "no public port '" + pos[1].toStdString() + "' published for " +
                                      r->config.name.toStdString()});
    return 0;
}

} // namespace koker::cli
