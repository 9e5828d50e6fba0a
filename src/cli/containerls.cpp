// koker ps / koker container ls

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int containerList(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'a', u"all"_s, u"Show all containers (default: only running ones)"_s);
    p.addFlag(u'q', u"quiet"_s, u"Only show container ids"_s);
    p.addFlag({}, u"no-trunc"_s, u"Don't truncate output"_s);
    if (!p.parse(args))
        return ctx.usageError(u"ps"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker ps [OPTIONS]\n\nList containers.\n\n" << p.helpText();
        return 0;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    auto records = (*backend)->listContainers(p.isSet(u"all"_s));
    if (!records)
        return ctx.failWith(records.error());
    const bool noTrunc = p.isSet(u"no-trunc"_s);
    if (p.isSet(u"quiet"_s)) {
        for (const ContainerRecord &r : *records)
            ctx.out() << (noTrunc ? r.config.id : r.shortId()) << '\n';
        return 0;
    }
    QList<QStringList> rows;
    for (const ContainerRecord &r : *records) {
        QString command = r.config.args.join(u' ');
        if (!noTrunc && command.size() > 20)
            command = command.left(19) + u"…"_s;
        QStringList ports;
        for (const PortMapping &m : r.config.ports)
            ports << m.toString();
        rows << QStringList{noTrunc ? r.config.id : r.shortId(),
                            r.config.image,
                            u'"' + command + u'"',
                            humanAgo(r.config.created),
                            r.statusText(),
                            ports.join(u", "_s),
                            r.config.name};
    }
    ctx.printTable({u"CONTAINER ID"_s, u"IMAGE"_s, u"COMMAND"_s, u"CREATED"_s, u"STATUS"_s,
                    u"PORTS"_s, u"NAMES"_s},
                   rows);
    return 0;
}

} // namespace koker::cli
