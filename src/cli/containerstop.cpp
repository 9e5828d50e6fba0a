// koker stop [-t SECS] / koker kill [-s SIGNAL]

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/cleanupproof.h"
#include "engine/units.h"

#include <csignal>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int containerStop(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addOption(u't', u"time"_s, u"SECONDS"_s, u"Wait this long before killing (default 10)"_s);
    if (!p.parse(args))
        return ctx.usageError(u"stop"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker stop [OPTIONS] CONTAINER [CONTAINER...]\n\n"
                     "Stop containers: SIGTERM (or the image's stop signal), then SIGKILL.\n\n"
                  << p.helpText();
        return p.helpRequested() ? 0 : kExitUsage;
    }
    bool ok = true;
    int timeout = p.value(u"time"_s, u"10"_s).toInt(&ok);
    if (!ok || timeout < 0)
        return ctx.usageError(u"stop"_s, u"--time needs a number of seconds"_s);
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    int status = 0;
    for (const QString &name : p.positional()) {
        if (auto st = (*backend)->stopContainer(name, timeout, ctx.stepPrinter()); !st)
            status = ctx.failWith(st.error());
        else if (!ctx.quiet)
            ctx.out() << name << '\n';
    }
    return status;
}

int containerKill(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addOption(u's', u"signal"_s, u"SIGNAL"_s, u"Signal to send (default KILL)"_s);
    if (!p.parse(args))
        return ctx.usageError(u"kill"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker kill [OPTIONS] CONTAINER [CONTAINER...]\n\n" << p.helpText();
        return p.helpRequested() ? 0 : kExitUsage;
    }
    int sig = parseSignal(p.value(u"signal"_s, u"KILL"_s));
    if (sig < 0)
        return ctx.usageError(u"kill"_s, u"invalid signal: "_s + p.value(u"signal"_s));
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    int status = 0;
    for (const QString &name : p.positional()) {
        if (auto st = (*backend)->killContainer(name, sig, ctx.stepPrinter()); !st)
            status = ctx.failWith(st.error());
        else if (!ctx.quiet)
            ctx.out() << name << '\n';
    }
    return status;
}

int containerRemove(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'f', u"force"_s, u"Kill a running container first"_s);
    p.addFlag({}, u"proof"_s,
              u"Afterwards, check that every host change of the container is gone and print "
              u"the checklist (exit 1 if anything is left)"_s);
    if (!p.parse(args))
        return ctx.usageError(u"rm"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker rm [OPTIONS] CONTAINER [CONTAINER...]\n\n"
                     "Remove containers and everything they made on the host.\n\n"
                  << p.helpText();
        return p.helpRequested() ? 0 : kExitUsage;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    int status = 0;
    for (const QString &name : p.positional()) {
        if (!p.isSet(u"proof"_s)) {
            if (auto st = (*backend)->removeContainer(name, p.isSet(u"force"_s), ctx.stepPrinter());
                !st)
                status = ctx.failWith(st.error());
            else if (!ctx.quiet)
                ctx.out() << name << '\n';
            continue;
        }
        // --proof: the list of host changes is made before anything goes, checked after.
        auto doc = (*backend)->inspectContainer(name);
        if (!doc) {
            status = ctx.failWith(doc.error());
            continue;
        }
        auto proof =
            (*backend)->removeContainerWithProof(name, p.isSet(u"force"_s), ctx.stepPrinter());
        if (!proof) {
            status = ctx.failWith(proof.error());
            continue;
        }
        if (!proof->removal)
            status = ctx.failWith(proof->removal.error());
        ctx.out() << CleanupProof::render(doc->value(u"Name"_s).toString(), proof->checks, true);
        if (!CleanupProof::allGone(proof->checks))
            status = kExitError;
    }
    return status;
}

int containerCleanup(CliContext &ctx, const QStringList &args)
{
    // Run by a container's monitor after its process ended (no user types this).
    if (args.size() != 1)
        return ctx.usageError(u"container cleanup"_s, u"requires a container id"_s);
    auto engine = ctx.engine();
    if (!engine)
        return ctx.failWith(engine.error());
    if (auto st = (*engine)->containers().cleanup(args.first(), ctx.stepPrinter()); !st)
        return ctx.failWith(st.error());
    return 0;
}

} // namespace koker::cli
