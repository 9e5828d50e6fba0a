// koker: run containers and watch every kernel-level step (see README.md).
//
// The command table below is the whole CLI surface; each entry's function lives
// in its own file. Global flags come before the command, as in the original koker.

#include "clicontext.h"
#include "commands.h"
#include "handover.h"

#include <QtCore/QCoreApplication>

#include <signal.h>

#include <span>

using namespace Qt::Literals::StringLiterals;
using namespace koker::cli;

namespace {

struct Command
{
    const char16_t *group; // "image", "container", or u"" for a top-level alias
    const char16_t *name;
    const char16_t *summary;
    int (*run)(CliContext &, const QStringList &); // nullptr: koker-full runs it
};

// The commands that move images in and out need the registry client and libarchive:
// the light binary hands them to koker-full (handover.h).
#ifdef KOKER_CLI_LIGHT
#define TRANSFER(command) nullptr
#else
#define TRANSFER(command) command
#endif

const Command kCommands[] = {
    {u"image", u"import", u"Import a root file system tarball (or --starter) as an image",
     TRANSFER(imageImport)},
    {u"image", u"ls", u"List images", imageList},
    {u"image", u"rm", u"Remove one or more images", imageRemove},
    {u"image", u"inspect", u"Show an image's manifest and config as JSON", imageInspect},
    {u"image", u"tag", u"Give an image another name", imageTag},
    {u"image", u"prune", u"Remove unused nameless images and unreferenced layers", imagePrune},
    {u"image", u"pull", u"Download an image from a registry", TRANSFER(imagePull)},
    {u"image", u"load", u"Load images from a docker-archive or OCI archive", TRANSFER(imageLoad)},
    {u"image", u"save", u"Save images to a docker-archive", TRANSFER(imageSave)},
    {u"image", u"history", u"Show how an image was built, layer by layer", imageHistory},
    {u"container", u"run", u"Create and start a container", containerRun},
    {u"container", u"create", u"Create a container without starting it", containerCreate},
    {u"container", u"start", u"Start stopped containers", containerStart},
    {u"container", u"ls", u"List containers", containerList},
    {u"container", u"exec", u"Run a command in a running container", containerExec},
    {u"container", u"logs", u"Print a container's output", containerLogs},
    {u"container", u"stop", u"Stop containers (SIGTERM, then SIGKILL)", containerStop},
    {u"container", u"kill", u"Send a signal to containers", containerKill},
    {u"container", u"rm", u"Remove containers", containerRemove},
    {u"container", u"inspect", u"Show a container's config, state, mounts and steps",
     containerInspect},
    {u"container", u"cleanup", nullptr, containerCleanup},
    {u"container", u"port", u"List a container's published ports", containerPort},
    {u"network", u"ls", u"List networks", networkList},
    {u"network", u"inspect", u"Show networks with their containers and rules as JSON",
     networkInspect},
    {u"network", u"create", u"Create a bridge network with its own subnet", networkCreate},
    {u"network", u"rm", u"Remove networks", networkRemove},
    // Docker's top-level shortcuts.
    {u"", u"run", u"Create and start a container (container run)", containerRun},
    {u"", u"create", u"Create a container (container create)", containerCreate},
    {u"", u"start", u"Start containers (container start)", containerStart},
    {u"", u"ps", u"List containers (container ls)", containerList},
    {u"", u"exec", u"Run a command in a container (container exec)", containerExec},
    {u"", u"logs", u"Print a container's output (container logs)", containerLogs},
    {u"", u"stop", u"Stop containers (container stop)", containerStop},
    {u"", u"kill", u"Signal containers (container kill)", containerKill},
    {u"", u"rm", u"Remove containers (container rm)", containerRemove},
    {u"", u"inspect", u"Inspect containers or images", inspectAnything},
    {u"", u"images", u"List images (image ls)", imageList},
    {u"", u"rmi", u"Remove images (image rm)", imageRemove},
    {u"", u"import", u"Import a tarball (image import)", TRANSFER(imageImport)},
    {u"", u"tag", u"Tag an image (image tag)", imageTag},
    {u"", u"pull", u"Download an image (image pull)", TRANSFER(imagePull)},
    {u"", u"load", u"Load images from an archive (image load)", TRANSFER(imageLoad)},
    {u"", u"save", u"Save images to an archive (image save)", TRANSFER(imageSave)},
    {u"", u"history", u"Show an image's history (image history)", imageHistory},
    {u"", u"login", u"Save credentials for a registry", TRANSFER(login)},
    {u"", u"logout", u"Forget the credentials of a registry", TRANSFER(logout)},
    {u"", u"port", u"List a container's published ports (container port)", containerPort},
};

const char16_t *groupAlias(const QString &word)
{
    if (word == u"i"_s || word == u"image"_s)
        return u"image";
    if (word == u"c"_s || word == u"container"_s)
        return u"container";
    if (word == u"network"_s)
        return u"network";
    return nullptr;
}

void printUsage(QTextStream &out)
{
    out << "Usage: koker [OPTIONS] COMMAND\n\n"
           "Koker runs Linux containers and shows every kernel-level step it takes.\n\n"
           "Global options:\n"
           "  -D, --debug          Print each step (syscall, file, value, duration) as it happens\n"
           "  -q, --quiet          Print nothing but the container's own output\n"
           "      --root DIR       Keep images and containers in DIR (default /var/lib/koker)\n"
           "      --runroot DIR    Keep sockets and runtime files in DIR (default /run/koker)\n"
           "  -v, --version        Print the version\n"
           "  -h, --help           Print this help\n\n";
    for (const char16_t *group : {u"image", u"container", u"network", u""}) {
        QString title = QString::fromUtf16(group);
        bool any = false;
        for (const Command &c : kCommands) {
            if (QString::fromUtf16(c.group) != title || !c.summary)
                continue;
            if (!any)
                out << (title.isEmpty() ? u"Shortcuts:\n"_s
                                        : u"Commands of 'koker "_s + title + u"':\n"_s);
            any = true;
            QString name = title.isEmpty() ? QString::fromUtf16(c.name)
                                           : title + u' ' + QString::fromUtf16(c.name);
            out << "  " << name.leftJustified(20) << ' ' << QString::fromUtf16(c.summary) << '\n';
        }
        if (any)
            out << '\n';
    }
    out << "Run 'koker COMMAND --help' for more about a command.\n";
}

} // namespace

int main(int argc, char **argv)
{
    // A reader that goes away (`koker -D run ... | head`) must not end koker in the
    // middle of a container's cleanup: its writes fail with EPIPE instead.
    ::signal(SIGPIPE, SIG_IGN);
    rememberArguments(argv);
#ifndef KOKER_CLI_LIGHT
    // koker-full waits in event loops (the registry client, kokerd's client). The
    // light program never does, and skips the 0.6 ms a QCoreApplication costs.
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setApplicationName(u"koker"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(KOKER_VERSION));

    CliContext ctx;
    QStringList args;
    for (int k = 1; k < argc; ++k)
        args << QString::fromLocal8Bit(argv[k]);
    qsizetype i = 0;
    for (; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"-D"_s || a == u"--debug"_s) {
            ctx.debug = true;
        } else if (a == u"-q"_s || a == u"--quiet"_s) {
            ctx.quiet = true;
        } else if (a == u"--root"_s || a == u"--runroot"_s) {
            if (i + 1 >= args.size())
                return ctx.usageError(QString(), a + u" needs a directory"_s);
            (a == u"--root"_s ? ctx.root : ctx.runRoot) = args[++i];
        } else if (a.startsWith(u"--root="_s)) {
            ctx.root = a.mid(7);
        } else if (a.startsWith(u"--runroot="_s)) {
            ctx.runRoot = a.mid(10);
        } else if (a == u"-v"_s || a == u"--version"_s) {
            ctx.out() << "koker version " << KOKER_VERSION << '\n';
            return 0;
        } else if (a == u"-h"_s || a == u"--help"_s || a == u"help"_s) {
            printUsage(ctx.out());
            return 0;
        } else if (a.startsWith(u'-')) {
            return ctx.usageError(QString(), u"unknown global flag: "_s + a);
        } else {
            break;
        }
    }
    if (ctx.debug && ctx.quiet)
        return ctx.usageError(QString(), u"-D and -q cannot be used together"_s);
    if (!ctx.root.isEmpty() && !ctx.root.startsWith(u'/'))
        return ctx.usageError(QString(), u"--root needs an absolute path"_s);
    if (i >= args.size()) {
        printUsage(ctx.err());
        return kExitUsage;
    }

    QString group;
    QString name = args[i++];
    if (const char16_t *g = groupAlias(name)) {
        group = QString::fromUtf16(g);
        if (i >= args.size() || args[i] == u"--help"_s || args[i] == u"-h"_s) {
            printUsage(ctx.out());
            return i >= args.size() ? kExitUsage : 0;
        }
        name = args[i++];
    }
    const QStringList rest = args.mid(i);
    auto run = [&ctx, &rest](const Command &c) {
        return c.run ? c.run(ctx, rest) : ctx.failWith(handOverToFullCli());
    };
    for (const Command &c : kCommands) {
        if (QString::fromUtf16(c.group) == group && QString::fromUtf16(c.name) == name)
            return run(c);
    }
    // Docker accepts "list" and "remove" as spellings of ls and rm.
    if (!group.isEmpty() && (name == u"list"_s || name == u"remove"_s)) {
        QString alias = name == u"list"_s ? u"ls"_s : u"rm"_s;
        for (const Command &c : kCommands) {
            if (QString::fromUtf16(c.group) == group && QString::fromUtf16(c.name) == alias)
                return run(c);
        }
    }
    return ctx.usageError(group.isEmpty() ? name : group + u' ' + name,
                          u"unknown command; run 'koker --help' for the list"_s);
}
