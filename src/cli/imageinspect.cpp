// koker image inspect NAME...   (the manifest and the OCI config as JSON)

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int imageInspect(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    if (!p.parse(args))
        return ctx.usageError(u"image inspect"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker image inspect IMAGE [IMAGE...]\n\n"
                     "Print each image's id, names, manifest and config as JSON.\n";
        return p.helpRequested() ? 0 : kExitUsage;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    QJsonArray array;
    int status = 0;
    for (const QString &name : p.positional()) {
        auto doc = (*backend)->inspectImage(name);
        if (!doc) {
            status = ctx.failWith(doc.error());
            continue;
        }
        array.append(*doc);
    }
    ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return status;
}

int imageTag(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    if (!p.parse(args))
        return ctx.usageError(u"image tag"_s, p.errorText());
    if (p.helpRequested() || p.positional().size() != 2) {
        ctx.out() << "Usage: koker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n";
        return p.helpRequested() ? 0 : kExitUsage;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    if (auto st = (*backend)->tagImage(p.positional()[0], p.positional()[1]); !st)
        return ctx.failWith(st.error());
    return 0;
}

} // namespace koker::cli
