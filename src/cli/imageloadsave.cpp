// koker image load [-i FILE|-]           (docker load: docker-archive or OCI archive)
// koker image save [-o FILE] IMAGE...    (docker save: a docker-archive)

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/imagereference.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int imageLoad(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addOption(u'i', u"input"_s, u"FILE"_s, u"Read from a tar archive file instead of stdin"_s);
    p.addFlag(u'q', u"quiet"_s, u"Suppress the output"_s);
    if (!p.parse(args))
        return ctx.usageError(u"image load"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker image load [OPTIONS]\n\n"
                     "Load images from a docker-archive (docker save) or an OCI image layout "
                     "archive, plain or compressed. Every blob and layer is verified; names are "
                     "added last.\n\n"
                  << p.helpText();
        return 0;
    }
    if (!p.positional().isEmpty())
        return ctx.usageError(u"image load"_s, u"takes no arguments; use -i FILE"_s);
    const QString input = p.value(u"input"_s, u"-"_s);
    int fd = STDIN_FILENO;
    UniqueFd file;
    if (input != u"-"_s) {
        file.reset(::open(QFile::encodeName(input).constData(), O_RDONLY | O_CLOEXEC));
        if (!file)
            return ctx.failWith(failErrno("open " + input.toStdString()).error());
        fd = file.get();
    } else if (::isatty(STDIN_FILENO)) {
        return ctx.usageError(u"image load"_s,
                              u"requested load from stdin, but stdin is a terminal; use -i FILE "
                              u"or redirect"_s);
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    auto loaded = (*backend)->loadImages(fd, ctx.stepPrinter());
    if (!loaded)
        return ctx.failWith(loaded.error());
    if (ctx.quiet || p.isSet(u"quiet"_s))
        return 0;
    for (const LoadedImage &image : *loaded) {
        if (image.names.isEmpty()) {
            ctx.out() << "Loaded image ID: " << image.image.id.toString() << '\n';
            continue;
        }
        for (const QString &name : image.names) {
            auto ref = ImageReference::parse(name);
            ctx.out() << "Loaded image: " << (ref ? ref->familiarString() : name) << '\n';
        }
    }
    return 0;
}

int imageSave(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addOption(u'o', u"output"_s, u"FILE"_s, u"Write to a file instead of stdout"_s);
    if (!p.parse(args))
        return ctx.usageError(u"image save"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker image save [OPTIONS] IMAGE [IMAGE...]\n\n"
                     "Save images to a tar archive (docker-archive: manifest.json, the configs, "
                     "uncompressed layers) that docker load and koker image load read.\n\n"
                  << p.helpText();
        return 0;
    }
    if (p.positional().isEmpty())
        return ctx.usageError(u"image save"_s, u"requires at least 1 image"_s);
    const QString output = p.value(u"output"_s);
    if (output.isEmpty() && ::isatty(STDOUT_FILENO))
        return ctx.usageError(u"image save"_s,
                              u"cowardly refusing to save to a terminal; use -o FILE or "
                              u"redirect"_s);
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    if (output.isEmpty() || output == u"-"_s) {
        ctx.out().flush();
        if (auto st = (*backend)->saveImages(p.positional(), STDOUT_FILENO, ctx.stepPrinter()); !st)
            return ctx.failWith(st.error());
        return 0;
    }
    // A regular file is written next to its final name and renamed at the end, so a
    // failed save leaves no half archive; a device or fifo is written as it is.
    struct stat st
    {};
    const QByteArray target = QFile::encodeName(output);
    const bool special = ::stat(target.constData(), &st) == 0 && !S_ISREG(st.st_mode);
    const QString temp = special ? output
                                 : QFileInfo(output).absolutePath() + u"/."_s +
                                       QFileInfo(output).fileName() + u".koker-"_s +
                                       QString::number(::getpid());
    const int flags =
        special ? (O_WRONLY | O_CLOEXEC) : (O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW);
    UniqueFd fd(::open(QFile::encodeName(temp).constData(), flags, 0644));
    if (!fd)
        return ctx.failWith(failErrno("create " + output.toStdString()).error());
    Status saved = (*backend)->saveImages(p.positional(), fd.get(), ctx.stepPrinter());
    if (saved && !special && ::fsync(fd.get()) != 0)
        saved = failErrno("sync " + temp.toStdString());
    fd.reset();
    if (saved && !special && ::rename(QFile::encodeName(temp).constData(), target.constData()) != 0)
        saved = failErrno("rename " + temp.toStdString() + " to " + output.toStdString());
    if (!saved) {
        if (!special)
            ::unlink(QFile::encodeName(temp).constData());
        return ctx.failWith(saved.error());
    }
    return 0;
}

} // namespace koker::cli
