// koker image history [--no-trunc] [-q] IMAGE   (docker history)

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

namespace {

// Docker cuts CREATED BY at 45 characters on a terminal-width table.
constexpr qsizetype kCreatedByWidth = 45;

QString oneLine(QString text)
{
    text.replace(u'\n', u' ').replace(u'\t', u' ');
    return text;
}

} // namespace

int imageHistory(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag({}, u"no-trunc"_s, u"Don't truncate output"_s);
    p.addFlag(u'q', u"quiet"_s, u"Only show image IDs"_s);
    if (!p.parse(args))
        return ctx.usageError(u"image history"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker image history [OPTIONS] IMAGE\n\n"
                     "Show how an image was built: one row per step of its config's history, "
                     "newest first, with the size of the layer each step made.\n\n"
                  << p.helpText();
        return 0;
    }
    if (p.positional().size() != 1)
        return ctx.usageError(u"image history"_s, u"requires exactly 1 image"_s);
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    auto rows = (*backend)->imageHistory(p.positional().first());
    if (!rows)
        return ctx.failWith(rows.error());
    const bool noTrunc = p.isSet(u"no-trunc"_s);
    if (p.isSet(u"quiet"_s)) {
        for (const HistoryEntry &e : *rows)
            ctx.out() << (e.id.isEmpty() ? u"<missing>"_s : (noTrunc ? e.id : e.id.mid(7, 12)))
                      << '\n';
        return 0;
    }
    QList<QStringList> table;
    for (const HistoryEntry &e : *rows) {
        QString createdBy = oneLine(e.createdBy);
        if (!noTrunc && createdBy.size() > kCreatedByWidth)
            createdBy = createdBy.left(kCreatedByWidth - 1) + QChar(0x2026);
        QString comment = oneLine(e.comment);
        const QDateTime created = QDateTime::fromString(e.created, Qt::ISODateWithMs);
        table << QStringList{e.id.isEmpty() ? u"<missing>"_s : (noTrunc ? e.id : e.id.mid(7, 12)),
                             created.isValid() ? humanAgo(created) : u"N/A"_s, createdBy,
                             humanSize(e.size), comment};
    }
    ctx.printTable({u"IMAGE"_s, u"CREATED"_s, u"CREATED BY"_s, u"SIZE"_s, u"COMMENT"_s}, table);
    return 0;
}

} // namespace koker::cli
