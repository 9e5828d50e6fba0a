// koker inspect / koker container inspect: the container's config, state, pid,
// cgroup paths, mounts, limits and steps as JSON. The top-level `inspect` also
// accepts images, as docker's does. For students (issue 8):
//   --steps ID --format script|trace|markdown   export the recorded steps
//   --hood ID                                   what the kernel sees of it, as JSON
//   --proof ID...                               the host changes `rm --proof` checks

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/cleanupproof.h"
#include "engine/stepexport.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

// --steps: the recorded steps as a script, a Chrome trace or a Markdown report.
static int exportSteps(CliContext &ctx, Backend &backend, const QString &name,
                       const QString &formatName)
{
    auto format = parseStepExportFormat(formatName.isEmpty() ? u"markdown"_s : formatName);
    if (!format)
        return ctx.usageError(u"inspect"_s,
                              u"--steps exports as script, trace or markdown, not \""_s +
                                  formatName + u'"');
    auto doc = backend.inspectContainer(name);
    if (!doc)
        return ctx.failWith(doc.error());
    auto data = StepExport(*doc).render(*format);
    if (!data)
        return ctx.failWith(data.error());
    ctx.out() << QString::fromUtf8(*data);
    return 0;
}

// --hood: namespaces, cgroup files, mount tree and network, read from the kernel
// (by root: the engine here, or kokerd for a normal user).
static int underTheHood(CliContext &ctx, Backend &backend, const QString &name)
{
    auto hood = backend.underTheHood(name);
    if (!hood)
        return ctx.failWith(hood.error());
    ctx.out() << QString::fromUtf8(QJsonDocument(*hood).toJson(QJsonDocument::Indented));
    return 0;
}

// --proof: what `koker rm --proof` will check, and whether each is there now.
static int proofPreview(CliContext &ctx, Backend &backend, const QStringList &names)
{
    int status = 0;
    for (const QString &name : names) {
        auto doc = backend.inspectContainer(name);
        if (!doc) {
            status = ctx.failWith(doc.error());
            continue;
        }
        auto checks = backend.cleanupPreview(name);
        if (!checks) {
            status = ctx.failWith(checks.error());
            continue;
        }
        ctx.out() << CleanupProof::render(doc->value(u"Name"_s).toString(), *checks, false);
    }
    return status;
}

static int inspectAny(CliContext &ctx, const QStringList &args, bool imagesToo)
{
    ArgParser p;
    p.addOption(u'f', u"format"_s, u"FIELD"_s,
                u"Print one top-level field (e.g. State); with --steps: script, trace or "
                u"markdown"_s);
    p.addFlag({}, u"steps"_s, u"Export the container's recorded steps (see --format)"_s);
    p.addFlag({}, u"hood"_s,
              u"Show a running container's namespaces, cgroup files, mounts and network as "
              u"the kernel sees them (JSON)"_s);
    p.addFlag({}, u"proof"_s,
              u"List every host change of the container that `koker rm --proof` checks"_s);
    if (!p.parse(args))
        return ctx.usageError(u"inspect"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker inspect [OPTIONS] NAME|ID [NAME|ID...]\n"
                     "       koker inspect --steps NAME|ID [--format script|trace|markdown]\n"
                     "       koker inspect --hood NAME|ID\n"
                     "       koker inspect --proof NAME|ID [NAME|ID...]\n\n"
                  << p.helpText();
        return p.helpRequested() ? 0 : kExitUsage;
    }
    const int modes = int(p.isSet(u"steps"_s)) + int(p.isSet(u"hood"_s)) + int(p.isSet(u"proof"_s));
    if (modes > 1)
        return ctx.usageError(u"inspect"_s, u"use one of --steps, --hood and --proof at a time"_s);
    if ((p.isSet(u"steps"_s) || p.isSet(u"hood"_s)) && p.positional().size() != 1)
        return ctx.usageError(u"inspect"_s, u"--steps and --hood take exactly one container"_s);
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    if (p.isSet(u"hood"_s))
        return underTheHood(ctx, **backend, p.positional().first());
    if (p.isSet(u"proof"_s))
        return proofPreview(ctx, **backend, p.positional());
    if (p.isSet(u"steps"_s))
        return exportSteps(ctx, **backend, p.positional().first(), p.value(u"format"_s));
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
