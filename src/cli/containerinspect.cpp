// koker inspect / koker container inspect: the container's config, state, pid,
// cgroup paths, mounts, limits and steps as JSON. The top-level `inspect` also
// accepts images, as docker's does.

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

static int inspectAny(CliContext &ctx, const QStringList &args, bool imagesToo)
{
    ArgParser p;
    p.addOption(u'f', u"format"_s, u"FIELD"_s, u"Print one top-level field (e.g. State)"_s);
    if (!p.parse(args))
        return ctx.usageError(u"inspect"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\n" << p.helpText();
        return p.helpRequested() ? 0 : kExitUsage;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    QJsonArray out;
    int status = 0;
    for (const QString &name : p.positional()) {
        auto doc = (*backend)->inspectContainer(name);
        if (!doc && imagesToo && doc.error().code == ErrorCode::NotFound)
            doc = (*backend)->inspectImage(name);
        if (!doc) {
            status = ctx.failWith(doc.error());
            continue;
        }
        out.append(*doc);
    }
    if (p.isSet(u"format"_s)) {
        QString field = p.value(u"format"_s);
        field.remove(u'{').remove(u'}').remove(u' ');
        if (field.startsWith(u'.'))
            field = field.mid(1);
        for (const QJsonValue &v : std::as_const(out)) {
            QJsonValue cur = v;
            for (const QString &part : field.split(u'.', Qt::SkipEmptyParts))
                cur = cur.toObject().value(part);
            if (cur.isObject() || cur.isArray())
                ctx.out() << QString::fromUtf8(
                    cur.isObject() ? QJsonDocument(cur.toObject()).toJson(QJsonDocument::Compact)
                                   : QJsonDocument(cur.toArray()).toJson(QJsonDocument::Compact));
            else
                ctx.out() << cur.toVariant().toString();
            ctx.out() << '\n';
        }
        return status;
    }
    ctx.out() << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return status;
}

int containerInspect(CliContext &ctx, const QStringList &args)
{
    return inspectAny(ctx, args, false);
}

int inspectAnything(CliContext &ctx, const QStringList &args)
{
    return inspectAny(ctx, args, true);
}

} // namespace koker::cli
