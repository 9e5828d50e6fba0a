// koker run / koker container run / koker container create
//
// Docker's flags; the container's exit code becomes koker's (125 for koker's own
// errors, 126 and 127 for a command that cannot run or is not found).

#include "argparser.h"
#include "attachio.h"
#include "clicontext.h"
#include "commands.h"
#include "engine/networkservice.h"
#include "engine/units.h"

#include <QtCore/QProcessEnvironment>

#include <sys/ioctl.h>
#include <unistd.h>

#include <optional>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

namespace {

void addRunFlags(ArgParser &p, bool forRun)
{
    if (forRun) {
        p.addFlag(u'd', u"detach"_s, u"Run in the background and print the container id"_s);
        p.addFlag({}, u"step"_s, u"Pause before every step (press Enter to go on)"_s);
    }
    p.addFlag({}, u"rm"_s, u"Remove the container when it exits"_s);
    p.addFlag(u'i', u"interactive"_s, u"Keep stdin open"_s);
    p.addFlag(u't', u"tty"_s, u"Give the container a terminal"_s);
    p.addOption({}, u"name"_s, u"NAME"_s, u"Name the container"_s);
    p.addOption(u'h', u"hostname"_s, u"NAME"_s, u"The container's hostname"_s);
    p.addOption(u'e', u"env"_s, u"KEY=VALUE"_s, u"Set an environment variable (repeatable)"_s);
    p.addOption(u'w', u"workdir"_s, u"DIR"_s, u"Working directory inside the container"_s);
    p.addOption({}, u"entrypoint"_s, u"CMD"_s, u"Replace the image's entrypoint"_s);
    p.addOption(u'u', u"user"_s, u"USER[:GROUP]"_s, u"Run as this user"_s);
    p.addOption(u'm', u"memory"_s, u"SIZE"_s, u"Memory limit (b, k, m, g)"_s);
    p.addOption({}, u"memory-swap"_s, u"SIZE"_s, u"Memory plus swap limit (-1 = unlimited swap)"_s);
    p.addOption({}, u"cpus"_s, u"N.N"_s, u"Number of CPUs (fractions allowed)"_s);
    p.addOption({}, u"pids-limit"_s, u"N"_s, u"Maximum number of processes (-1 = unlimited)"_s);
    p.addOption({}, u"network"_s, u"MODE"_s, u"bridge (default), none, host or a network name"_s);
    p.addOption({}, u"net"_s, u"MODE"_s, u"Same as --network"_s);
    p.addOption(u'p', u"publish"_s, u"[IP:]HOST:CONTAINER[/PROTO]"_s,
                u"Publish a container port on the host (repeatable)"_s);
    p.addOption(u'v', u"volume"_s, u"HOST:CONTAINER[:ro]"_s,
                u"Bind-mount a host path (repeatable)"_s);
    p.addFlag({}, u"privileged"_s, u"Give the container every capability, no seccomp"_s);
    p.addOption({}, u"cap-add"_s, u"CAP"_s, u"Add a capability"_s);
    p.addOption({}, u"cap-drop"_s, u"CAP"_s, u"Drop a capability"_s);
    p.setStopAtFirstPositional(true);
}

Result<RunOptions> runOptions(const ArgParser &p)
{
    RunOptions o;
    const QStringList pos = p.positional();
    if (pos.isEmpty())
        return fail(ErrorCode::InvalidArgument, "requires an image name");
    o.image = pos.first();
    o.cmd = pos.mid(1);
    o.name = p.value(u"name"_s);
    o.hostname = p.value(u"hostname"_s);
    o.env = p.values(u"env"_s);
    o.hostEnv = QProcessEnvironment::systemEnvironment().toStringList();
    if (p.isSet(u"workdir"_s))
        o.workingDir = p.value(u"workdir"_s);
    if (p.isSet(u"entrypoint"_s)) {
        QString ep = p.value(u"entrypoint"_s);
        o.entrypoint = ep.isEmpty() ? QStringList{} : QStringList{ep};
    }
    if (p.isSet(u"user"_s))
        o.user = p.value(u"user"_s);
    o.tty = p.isSet(u"tty"_s);
    o.interactive = p.isSet(u"interactive"_s);
    o.autoRemove = p.isSet(u"rm"_s);
    if (p.isSet(u"memory"_s)) {
        auto v = parseMemorySize(p.value(u"memory"_s));
        if (!v)
            return std::unexpected(v.error());
        o.limits.memoryBytes = *v;
    }
    if (p.isSet(u"memory-swap"_s)) {
        auto v = parseSwapSize(p.value(u"memory-swap"_s));
        if (!v)
            return std::unexpected(v.error());
        o.limits.memorySwapBytes = *v;
    }
    if (p.isSet(u"cpus"_s)) {
        auto v = parseCpus(p.value(u"cpus"_s));
        if (!v)
            return std::unexpected(v.error());
        o.limits.nanoCpus = *v;
    }
    if (p.isSet(u"pids-limit"_s)) {
        bool ok = false;
        qint64 v = p.value(u"pids-limit"_s).toLongLong(&ok);
        if (!ok || v == 0 || v < -1)
            return fail(ErrorCode::InvalidArgument,
                        "invalid --pids-limit \"" + p.value(u"pids-limit"_s).toStdString() +
                            "\": give a positive number, or -1 for no limit");
        o.limits.pidsMax = v;
    }
    o.network = p.value(u"network"_s, p.value(u"net"_s, u"bridge"_s));
    for (const QString &spec : p.values(u"publish"_s)) {
        auto m = PortMapping::parse(spec);
        if (!m)
            return std::unexpected(m.error());
        o.ports << *m;
    }
    for (const QString &spec : p.values(u"volume"_s)) {
        auto v = VolumeMount::parse(spec);
        if (!v)
            return std::unexpected(v.error());
        o.volumes << *v;
    }
    o.privileged = p.isSet(u"privileged"_s);
    o.capAdd = p.values(u"cap-add"_s);
    o.capDrop = p.values(u"cap-drop"_s);
    o.ownerUid = ::getuid();
    return o;
}

// Step-through on a terminal: show the next step, wait for Enter (or 'a' to abort).
bool askToContinue(CliContext &ctx, const StepRecord &r)
{
    QTextStream &err = ctx.err();
    err << "\nNext step " << r.seq << " [" << phaseName(r.phase) << ", "
        << (r.side == Side::Host ? "host" : "container") << "]: " << QString::fromUtf8(r.title)
        << "\n    " << QString::fromUtf8(r.op) << "\n    $ " << QString::fromUtf8(r.shell)
        << "\nPress Enter to run it, or type a and Enter to abort: ";
    err.flush();
    // Ctrl-C at the prompt aborts too: the start rolls back, then koker dies of it.
    std::optional<std::string> line = askOnTerminal();
    return line && !line->starts_with('a') && !line->starts_with('A');
}

// Docker's run and create pull an image that is not here.
int ensureImage(CliContext &ctx, Backend &backend, const QString &image)
{
    auto present = backend.findImage(image);
    if (present || present.error().code != ErrorCode::NotFound)
        return 0; // other errors show up at create, with context
    return ctx.pullMissing(image);
}

} // namespace

AttachOutcome attachTo(Backend &backend, Attached &attached, bool tty, bool stdinOpen)
{
    AttachSettings settings;
    settings.tty = tty;
    settings.stdinOpen = stdinOpen;
    settings.forwardSignal = [&backend, &attached](int sig) {
        backend.forwardSignal(attached, sig);
    };
    AttachOutcome outcome = relayAttach(attached.console.get(), settings);
    attached.console.reset();
    return outcome;
}

int containerRun(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    addRunFlags(p, true);
    if (!p.parse(args))
        return ctx.usageError(u"run"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
                     "Create and start a container.\n\n"
                  << p.helpText();
        return 0;
    }
    auto options = runOptions(p);
    if (!options)
        return ctx.usageError(u"run"_s, QString::fromStdString(options.error().message));
    const bool detach = p.isSet(u"detach"_s);
    if (detach && p.isSet(u"step"_s))
        return ctx.usageError(u"run"_s, u"--step needs the terminal; it cannot be used with -d"_s);
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error(), kExitUsage);
    if (int rc = ensureImage(ctx, **backend, options->image); rc != 0)
        return rc;
    for (const QString &w : NetworkService::warnings(options->network, options->ports))
        ctx.err() << "WARNING: " << w << Qt::endl;
    // From the container's record until its monitor runs, and again from its exit
    // until the cleanup is done, nobody but us would finish what the start made:
    // a signal waits meanwhile, and ends koker after (see SignalShield).
    const auto flush = [&ctx] { ctx.flush(); };
    std::optional<SignalShield> shield(std::in_place, flush);
    auto created = (*backend)->createContainer(*options, ctx.stepPrinter());
    if (!created)
        return ctx.failWith(created.error(), kExitUsage);
    if (SignalShield::interrupted()) {
        if (options->autoRemove)
            (void)(*backend)->removeContainer(created->config.id, true, ctx.stepPrinter());
        return kExitUsage;
    }
    StartOptions start;
    start.observer = ctx.stepPrinter();
    if (p.isSet(u"step"_s))
        start.gate = [&ctx](const StepRecord &r) { return askToContinue(ctx, r); };
    if (options->tty) {
        winsize ws{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col) {
            start.rows = ws.ws_row;
            start.cols = ws.ws_col;
        }
    }
    auto running = (*backend)->startContainer(created->config.id, start, !detach);
    if (!running) {
        int code = ctx.failWith(running.error().error, running.error().exitCode);
        if (options->autoRemove)
            (void)(*backend)->removeContainer(created->config.id, true, ctx.stepPrinter());
        return code;
    }
    if (detach) {
        // Leaving now: the monitor stays with the container and cleans up after it.
        ctx.out() << created->config.id << '\n';
        return 0;
    }
    // Interrupted while it started: the container is killed. Without a terminal
    // relayAttach() passes the signal on as it does any (sig-proxy); on one, the
    // signal waits for the cleanup and then ends koker.
    if (SignalShield::interrupted())
        (*backend)->forwardSignal(*running, SIGKILL);
    // The monitor runs now. Without a terminal, relayAttach() passes signals on to
    // the container; on a terminal, one ends koker and the monitor, its owner
    // gone, cleans up after the container itself.
    else if (options->tty)
        shield.reset();
    AttachOutcome outcome = attachTo(**backend, *running, options->tty, options->interactive);
    if (outcome.kind == AttachOutcome::Detached) {
        if (!ctx.quiet)
            ctx.err() << "\nDetached from " << created->config.name << "; it keeps running.\n";
        return 0;
    }
    if (!shield)
        shield.emplace(flush);
    // When we started it as its owner, the monitor left the cleanup to us.
    if (running->cleanupIsOurs) {
        if (auto st = (*backend)->cleanupAfterExit(running->id, ctx.stepPrinter()); !st)
            ctx.failWith(st.error());
    }
    if (outcome.kind == AttachOutcome::Lost)
        return ctx.failWith(
            Error{ErrorCode::Internal, 0, {}, "lost the connection to the container's monitor"},
            kExitUsage);
    return outcome.status.code;
}

int containerCreate(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    addRunFlags(p, false);
    if (!p.parse(args))
        return ctx.usageError(u"create"_s, p.errorText());
    if (p.helpRequested()) {
        ctx.out() << "Usage: koker create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
                     "Create a container without starting it.\n\n"
                  << p.helpText();
        return 0;
    }
    auto options = runOptions(p);
    if (!options)
        return ctx.usageError(u"create"_s, QString::fromStdString(options.error().message));
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error(), kExitUsage);
    if (int rc = ensureImage(ctx, **backend, options->image); rc != 0)
        return rc;
    for (const QString &w : NetworkService::warnings(options->network, options->ports))
        ctx.err() << "WARNING: " << w << Qt::endl;
    auto created = (*backend)->createContainer(*options, ctx.stepPrinter());
    if (!created)
        return ctx.failWith(created.error(), kExitUsage);
    ctx.out() << created->config.id << '\n';
    return 0;
}

int containerStart(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'a', u"attach"_s, u"Attach to the container's output and wait for it"_s);
    p.addFlag(u'i', u"interactive"_s, u"Attach stdin too"_s);
    if (!p.parse(args))
        return ctx.usageError(u"start"_s, p.errorText());
    if (p.helpRequested() || p.positional().isEmpty()) {
        ctx.out() << "Usage: koker start [OPTIONS] CONTAINER [CONTAINER...]\n\n"
                     "Start stopped containers.\n\n"
                  << p.helpText();
        return p.helpRequested() ? 0 : kExitUsage;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    const bool attach = p.isSet(u"attach"_s) || p.isSet(u"interactive"_s);
    const auto flush = [&ctx] { ctx.flush(); };
    if (attach && p.positional().size() > 1)
        return ctx.usageError(u"start"_s, u"you cannot attach to several containers"_s);
    int status = 0;
    for (const QString &name : p.positional()) {
        auto record = (*backend)->getContainer(name);
        if (!record) {
            status = ctx.failWith(record.error());
            continue;
        }
        StartOptions start;
        start.observer = ctx.stepPrinter();
        std::optional<SignalShield> shield;
        if (attach)
            shield.emplace(flush); // as in run: until the monitor runs, and during cleanup
        auto running = (*backend)->startContainer(name, start, attach);
        if (!running) {
            status = ctx.failWith(running.error().error);
            continue;
        }
        if (!attach) {
            if (!ctx.quiet)
                ctx.out() << name << '\n';
            continue;
        }
        if (SignalShield::interrupted())
            (*backend)->forwardSignal(*running, SIGKILL);
        else if (record->config.tty)
            shield.reset();
        AttachOutcome outcome = attachTo(**backend, *running, record->config.tty,
                                         p.isSet(u"interactive"_s) && record->config.openStdin);
        if (outcome.kind == AttachOutcome::Detached)
            return 0;
        if (!shield)
            shield.emplace(flush);
        if (running->cleanupIsOurs)
            (void)(*backend)->cleanupAfterExit(running->id, ctx.stepPrinter());
        return outcome.kind == AttachOutcome::Exited ? outcome.status.code : kExitUsage;
    }
    ctx.out().flush();
    return status;
}

} // namespace koker::cli
