// koker image rm [-f] NAME|ID...   (docker rmi)

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/imagereference.h"

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int imageRemove(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'f', u"force"_s, u"Remove even if containers use the image (they keep it)"_s);
    if (!p.parse(args))
        return ctx.usageError(u"image rm"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker image rm [OPTIONS] IMAGE [IMAGE...]\n\nRemove images.\n\n"
                  << p.helpText();
        return 0;
    }
    if (p.positional().isEmpty())
        return ctx.usageError(u"image rm"_s, u"requires at least 1 image"_s);
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    int status = 0;
    for (const QString &name : p.positional()) {
        auto result = (*backend)->removeImage(name, p.isSet(u"force"_s));
        if (!result) {
            status = ctx.failWith(result.error());
            continue;
        }
        if (ctx.quiet)
            continue;
        for (const QString &n : result->untagged) {
            auto ref = ImageReference::parse(n);
            ctx.out() << "Untagged: " << (ref ? ref->familiarString() : n) << '\n';
        }
        for (const QString &id : result->deleted)
            ctx.out() << "Deleted: " << id << '\n';
    }
    return status;
}

int imagePrune(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'f', u"force"_s, u"Do not prompt (koker never prompts)"_s);
    if (!p.parse(args))
        return ctx.usageError(u"image prune"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker image prune\n\nRemove nameless images no container uses, "
                     "and every layer and blob no image references.\n\n"
                  << p.helpText();
        return 0;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    auto result = (*backend)->pruneImages();
    if (!result)
        return ctx.failWith(result.error());
    if (!ctx.quiet) {
        for (const QString &id : result->deleted)
            ctx.out() << "Deleted: " << id << '\n';
        ctx.out() << "Total reclaimed space: " << humanSize(result->freed.bytes) << '\n';
    }
    return 0;
}

} // namespace koker::cli
