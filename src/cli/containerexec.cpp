// koker exec: run a command in a running container (all its namespaces, the
// mount one included, and its cgroups).

#include "argparser.h"
#include "attachio.h"
#include "clicontext.h"
#include "commands.h"
#include "runtime/fsutil.h"

#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int containerExec(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'd', u"detach"_s, u"Run the command in the background"_s);
    p.addFlag(u'i', u"interactive"_s, u"Keep stdin open"_s);
    p.addFlag(u't', u"tty"_s, u"Give the command a terminal"_s);
    p.addOption(u'e', u"env"_s, u"KEY=VALUE"_s, u"Set an environment variable (repeatable)"_s);
    p.addOption(u'w', u"workdir"_s, u"DIR"_s, u"Working directory inside the container"_s);
    p.addOption(u'u', u"user"_s, u"USER[:GROUP]"_s, u"Run as this user"_s);
    p.addFlag({}, u"privileged"_s, u"Give the command every capability"_s);
    p.setStopAtFirstPositional(true);
    if (!p.parse(args))
        return ctx.usageError(u"exec"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\n"
                     "Run a command in a running container.\n\n"
                  << p.helpText();
        return 0;
    }
    if (p.positional().size() < 2)
        return ctx.usageError(u"exec"_s, u"requires a container and a command"_s);
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error(), kExitUsage);
    ExecOptions o;
    o.args = p.positional().mid(1);
    o.env = p.values(u"env"_s);
    for (const QString &e : o.env) {
        if (!e.contains(u'='))
            return ctx.usageError(u"exec"_s, u"-e needs KEY=VALUE: "_s + e);
    }
    if (p.isSet(u"workdir"_s))
        o.workingDir = p.value(u"workdir"_s);
    if (p.isSet(u"user"_s))
        o.user = p.value(u"user"_s);
    o.tty = p.isSet(u"tty"_s);
    o.interactive = p.isSet(u"interactive"_s);
    o.privileged = p.isSet(u"privileged"_s);
    o.observer = ctx.stepPrinter();
    if (o.tty) {
        winsize ws{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col) {
            o.rows = ws.ws_row;
            o.cols = ws.ws_col;
        }
    }
    auto running = (*backend)->execContainer(p.positional().first(), o);
    if (!running)
        return ctx.failWith(running.error().error, running.error().exitCode);
    if (p.isSet(u"detach"_s)) {
        running->console.reset();
        return 0;
    }
    // Signals go to the exec'd process's side (its monitor's first child) only for
    // the engine in-process; through kokerd they would reach the container's init.
    AttachSettings settings;
    settings.tty = o.tty;
    settings.stdinOpen = o.interactive;
    if (running->pid > 0)
        settings.forwardSignal = [pid = running->pid](int sig) { ::kill(pid, sig); };
    AttachOutcome outcome = relayAttach(running->console.get(), settings);
    running->console.reset();
    if (!running->execDir.isEmpty())
        (void)fs::removeTree(running->execDir.toStdString());
    if (outcome.kind == AttachOutcome::Exited)
        return outcome.status.code;
    if (outcome.kind == AttachOutcome::Detached)
        return 0;
    return ctx.failWith(Error{ErrorCode::Internal, 0, {}, "lost the exec session"}, kExitUsage);
}

} // namespace koker::cli
