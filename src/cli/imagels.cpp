// koker image ls   (docker images)

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/imagereference.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int imageList(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'q', u"quiet"_s, u"Only show image IDs"_s);
    p.addFlag({}, u"no-trunc"_s, u"Don't truncate output"_s);
    p.addFlag({}, u"digests"_s, u"Show digests"_s);
    if (!p.parse(args))
        return ctx.usageError(u"image ls"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nList images.\n\n"
                  << p.helpText();
        return 0;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    auto images = (*backend)->listImages();
    if (!images)
        return ctx.failWith(images.error());
    std::sort(images->begin(), images->end(),
              [](const ImageRecord &a, const ImageRecord &b) { return a.addedAt > b.addedAt; });
    QString filter;
    if (!p.positional().isEmpty())
        filter = p.positional().first();
    const bool noTrunc = p.isSet(u"no-trunc"_s);
    const bool digests = p.isSet(u"digests"_s);
    QList<QStringList> rows;
    QStringList seenIds;
    for (const ImageRecord &r : *images) {
        QString id = noTrunc ? r.id.toString() : r.id.shortId();
        QStringList names = r.names;
        if (names.isEmpty())
            names << QString();
        for (const QString &name : names) {
            QString repo = u"<none>"_s;
            QString tag = u"<none>"_s;
            if (auto ref = ImageReference::parse(name); !name.isEmpty() && ref) {
                repo = ref->familiarName();
                tag = ref->tag();
                if (!filter.isEmpty() && filter != repo && filter != ref->familiarString())
                    continue;
            } else if (!filter.isEmpty()) {
                continue;
            }
            if (p.isSet(u"quiet"_s)) {
                if (!seenIds.contains(id)) {
                    ctx.out() << id << '\n';
                    seenIds << id;
                }
                continue;
            }
            QDateTime created = QDateTime::fromString(r.created, Qt::ISODateWithMs);
            QStringList row{repo, tag};
            if (digests)
                row << (r.repoDigests.isEmpty() ? u"<none>"_s
                                                : r.repoDigests.first().section(u'@', 1));
            row << id << humanAgo(created) << humanSize(r.size);
            rows << row;
        }
    }
    if (p.isSet(u"quiet"_s))
        return 0;
    QStringList header{u"REPOSITORY"_s, u"TAG"_s};
    if (digests)
        header << u"DIGEST"_s;
    header << u"IMAGE ID"_s << u"CREATED"_s << u"SIZE"_s;
    ctx.printTable(header, rows);
    return 0;
}

} // namespace koker::cli
