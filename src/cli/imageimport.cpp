// koker image import FILE|- [NAME[:TAG]]   (docker import)
// koker image import --starter             (starter:latest from the host's busybox)

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

namespace {

// Dockerfile instructions allowed in --change: CMD, ENTRYPOINT (JSON or shell
// form), ENV KEY=VALUE, WORKDIR /path.
bool applyChange(const QString &change, ImportOptions &options, QString &error)
{
    QString text = change.trimmed();
    QString keyword = text.section(u' ', 0, 0).toUpper();
    QString rest = text.section(u' ', 1).trimmed();
    auto words = [&](const QString &value) -> QStringList {
        if (value.startsWith(u'[')) {
            QJsonParseError pe{};
            auto doc = QJsonDocument::fromJson(value.toUtf8(), &pe);
            QStringList list;
            if (pe.error == QJsonParseError::NoError && doc.isArray()) {
                const QJsonArray array = doc.array();
                for (const QJsonValue &v : array)
                    list << v.toString();
            }
            return list;
        }
        return {u"/bin/sh"_s, u"-c"_s, value};
    };
    if (keyword == u"CMD"_s) {
        options.cmd = words(rest);
    } else if (keyword == u"ENTRYPOINT"_s) {
        options.entrypoint = words(rest);
    } else if (keyword == u"ENV"_s) {
        if (!rest.contains(u'=')) {
            error = u"--change ENV needs KEY=VALUE"_s;
            return false;
        }
        options.env << rest;
    } else if (keyword == u"WORKDIR"_s) {
        if (!rest.startsWith(u'/')) {
            error = u"--change WORKDIR needs an absolute path"_s;
            return false;
        }
        options.workingDir = rest;
    } else {
        error = u"--change supports CMD, ENTRYPOINT, ENV and WORKDIR, not \""_s + keyword + u'"';
        return false;
    }
    if ((keyword == u"CMD"_s || keyword == u"ENTRYPOINT"_s) && rest.startsWith(u'[') &&
        words(rest).isEmpty()) {
        error = u"--change "_s + keyword + u": invalid JSON array"_s;
        return false;
    }
    return true;
}

} // namespace

int imageImport(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag({}, u"starter"_s, u"Build starter:latest from the host's busybox-static"_s);
    p.addOption(u'c', u"change"_s, u"INSTRUCTION"_s,
                u"Apply CMD, ENTRYPOINT, ENV or WORKDIR to the image"_s);
    p.addOption(u'm', u"message"_s, u"TEXT"_s, u"Set the history comment"_s);
    p.addOption({}, u"busybox"_s, u"PATH"_s, u"The busybox binary for --starter"_s);
    if (!p.parse(args))
        return ctx.usageError(u"image import"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker image import [OPTIONS] FILE|- [NAME[:TAG]]\n"
                     "       koker image import --starter\n\n"
                     "Import a root file system tarball (tar, tar.gz, tar.zst) as a one-layer "
                     "image.\n\n"
                  << p.helpText();
        return 0;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());

    Result<ImageRecord> result;
    if (p.isSet(u"starter"_s)) {
        if (!p.positional().isEmpty())
            return ctx.usageError(u"image import"_s, u"--starter takes no file"_s);
        result = (*backend)->importStarter(p.value(u"busybox"_s), ctx.stepPrinter());
    } else {
        const QStringList pos = p.positional();
        if (pos.isEmpty() || pos.size() > 2)
            return ctx.usageError(u"image import"_s,
                                  u"requires a FILE (or - for standard input) and an optional "
                                  u"NAME[:TAG]"_s);
        ImportOptions options;
        for (const QString &change : p.values(u"change"_s)) {
            QString error;
            if (!applyChange(change, options, error))
                return ctx.usageError(u"image import"_s, error);
        }
        options.comment = p.value(u"message"_s);
        int fd = STDIN_FILENO;
        UniqueFd file;
        if (pos[0] != u"-"_s) {
            file.reset(::open(QFile::encodeName(pos[0]).constData(), O_RDONLY | O_CLOEXEC));
            if (!file)
                return ctx.failWith(failErrno("open " + pos[0].toStdString()).error());
            fd = file.get();
            if (options.comment.isEmpty())
                options.comment = u"imported from "_s + pos[0];
        }
        result = (*backend)->importTarball(fd, pos.value(1), options, ctx.stepPrinter());
    }
    if (!result)
        return ctx.failWith(result.error());
    if (!ctx.quiet)
        ctx.out() << result->id.toString() << '\n';
    return 0;
}

} // namespace koker::cli
