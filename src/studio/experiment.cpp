#include "experiment.h"

#include <QtCore/QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// The commands the containers run. The memory hog doubles a shell variable: a
// string of 2^n bytes that the shell really allocates (and copies), so the
// cgroup's limit is reached in a few doublings. The process bomb: an inner shell
// starts sleeping processes until fork() fails, which makes busybox's shell exit;
// the outer one (the container's init) starts it again, 50 times, then stays
// alive with exec (a fork would fail) so the count can still be read.
const QString kOomScript = u"x=a; while :; do x=$x$x; done"_s;
QString forkScript()
{
    return u"n=0; while [ $n -lt %1 ]; do sh -c 'while :; do sleep 600 & done'; "
           u"n=$((n+1)); done; echo tried $n times; exec sleep 600"_s.arg(
               Experiments::kForkBombAttempts);
}
const QString kBusyScript = u"while :; do :; done"_s;

// One word for a POSIX shell: in single quotes, a single quote as '\''.
QString quoted(QString word)
{
    return u"'"_s + word.replace(u"'"_s, u"'\\''"_s) + u"'"_s;
}

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1);
}

} // namespace

QString ExperimentOutcome::toHtml() const
{
    QString html = u"<p><b>%1</b> %2</p>"_s.arg(
        (shown ? Experiments::tr("✓ Seen:") : Experiments::tr("✗ Not seen:")),
        headline.toHtmlEscaped());
    if (!explanation.isEmpty())
        html += u"<p>%1</p>"_s.arg(explanation.toHtmlEscaped());
    if (!evidence.isEmpty()) {
        html += u"<ul>"_s;
        for (const QString &e : evidence)
            html += u"<li><tt>%1</tt></li>"_s.arg(e.toHtmlEscaped());
        html += u"</ul>"_s;
    }
    return html;
}

QList<ExperimentKind> Experiments::all()
{
    return {ExperimentKind::MemoryOom, ExperimentKind::ForkBomb, ExperimentKind::CpuQuota,
            ExperimentKind::HostNetwork};
}

QString Experiments::title(ExperimentKind kind)
{
    switch (kind) {
    case ExperimentKind::MemoryOom:
        return tr("A memory limit meets the OOM killer");
    case ExperimentKind::ForkBomb:
        return tr("A fork bomb against pids.max");
    case ExperimentKind::CpuQuota:
        return tr("A busy loop under a CPU quota");
    case ExperimentKind::HostNetwork:
        return tr("No network namespace: --network host");
    }
    return {};
}

QString Experiments::introduction(ExperimentKind kind)
{
    switch (kind) {
    case ExperimentKind::MemoryOom:
        return tr("The container may use 16 MiB. Its shell doubles a string again and again, "
                  "so it needs more memory every moment. When the cgroup's limit is reached "
                  "and nothing can be reclaimed, the kernel's OOM killer ends a process in "
                  "that cgroup (and only there).");
    case ExperimentKind::ForkBomb:
        return tr("The container may have 20 processes (pids.max). Its shell starts sleeping "
                  "processes as fast as it can until fork() fails, %1 times over. The pids "
                  "controller refuses every fork() past the limit, so the rest of the computer "
                  "never notices.")
            .arg(kForkBombAttempts);
    case ExperimentKind::CpuQuota:
        return tr("The container may use 0.2 CPU: 20 ms in every 100 ms period (cpu.cfs_quota_us "
                  "/ cpu.max). Its shell spins in an endless loop. Once the quota of a period "
                  "is used, the scheduler stops the cgroup until the next period: it is "
                  "throttled, and the throttled time grows.");
    case ExperimentKind::HostNetwork:
        return tr("Two containers list their network interfaces (cat /proc/net/dev): one with "
                  "--network host, which gets no network namespace of its own, and one on the "
                  "bridge. Compare both lists with the host's.");
    }
    return {};
}

QStringList Experiments::commands(ExperimentKind kind, const QString &image)
{
    switch (kind) {
    case ExperimentKind::MemoryOom:
        return {u"koker run -m 16m --memory-swap 16m %1 sh -c '%2'"_s.arg(image, kOomScript)};
    case ExperimentKind::ForkBomb:
        return {u"koker run --pids-limit %1 %2 sh -c %3"_s.arg(kForkBombPids)
                    .arg(image, quoted(forkScript()))};
    case ExperimentKind::CpuQuota:
        return {u"koker run --cpus 0.2 %1 sh -c '%2'"_s.arg(image, kBusyScript)};
    case ExperimentKind::HostNetwork:
        return {u"koker run --network host %1 cat /proc/net/dev"_s.arg(image),
                u"koker run %1 cat /proc/net/dev"_s.arg(image)};
    }
    return {};
}

QList<QVariantMap> Experiments::containerSpecs(ExperimentKind kind, const QString &image,
                                               const QString &namePrefix)
{
    auto spec = [&](const QString &suffix, const QStringList &cmd) {
        return QVariantMap{{u"image"_s, image},
                           {u"name"_s, QString(namePrefix + suffix)},
                           {u"cmd"_s, cmd},
                           {u"network"_s, u"none"_s}};
    };
    switch (kind) {
    case ExperimentKind::MemoryOom: {
        QVariantMap s = spec(u"oom"_s, {u"sh"_s, u"-c"_s, kOomScript});
        // memory + swap = memory: no swap to escape to, so the limit is hard.
        s.insert(u"memory"_s, qlonglong(kOomMemoryBytes));
        s.insert(u"memorySwap"_s, qlonglong(kOomMemoryBytes));
        return {s};
    }
    case ExperimentKind::ForkBomb: {
        QVariantMap s = spec(u"pids"_s, {u"sh"_s, u"-c"_s, forkScript()});
        s.insert(u"pidsLimit"_s, qlonglong(kForkBombPids));
        // Every sleeping process costs a little memory: keep the bill small anyway.
        s.insert(u"memory"_s, qlonglong(64LL * 1024 * 1024));
        return {s};
    }
    case ExperimentKind::CpuQuota: {
        QVariantMap s = spec(u"cpu"_s, {u"sh"_s, u"-c"_s, kBusyScript});
        s.insert(u"nanoCpus"_s, qlonglong(kCpuNanoCpus));
        return {s};
    }
    case ExperimentKind::HostNetwork: {
        QVariantMap host = spec(u"net-host"_s, {u"cat"_s, u"/proc/net/dev"_s});
        host.insert(u"network"_s, u"host"_s);
        QVariantMap bridge = spec(u"net-bridge"_s, {u"cat"_s, u"/proc/net/dev"_s});
        bridge.insert(u"network"_s, u"bridge"_s);
        return {host, bridge};
    }
    }
    return {};
}

ExperimentOutcome Experiments::explainOom(const QJsonObject &state, const QString &log)
{
    ExperimentOutcome o;
    const bool oom = state.value(u"OOMKilled"_s).toBool();
    const int code = state.value(u"ExitCode"_s).toInt();
    const bool running = state.value(u"Running"_s).toBool();
    o.evidence << u"State.OOMKilled = %1"_s.arg(oom ? u"true"_s : u"false"_s)
               << u"State.ExitCode = %1"_s.arg(code);
    if (!log.trimmed().isEmpty())
        o.evidence << log.trimmed().split(u'\n').last();
    o.shown = oom && !running;
    if (o.shown) {
        o.headline = tr("The OOM killer ended the shell when it reached 16 MiB.");
        o.explanation =
            tr("Exit code %1 is 128 + 9: the process got SIGKILL, which cannot be caught. The "
               "kernel counted it in the cgroup's memory.oom_control (oom_kill) and Koker's "
               "monitor recorded it as OOMKilled. Processes outside the container were not "
               "touched.")
                .arg(code);
    } else if (running) {
        o.headline = tr("The container was still running when the experiment gave up.");
        o.explanation = tr("The memory limit was not reached in time; the host may be very slow.");
    } else {
        o.headline = tr("The container ended without the OOM killer (exit code %1).").arg(code);
        o.explanation = tr("Something else stopped it first; its output may say what.");
    }
    return o;
}

ExperimentOutcome Experiments::explainForkBomb(const ForkBombEvidence &e)
{
    ExperimentOutcome o;
    const qint64 current = e.counters.pidsCurrent.value_or(-1);
    const qint64 max = e.counters.pidsMax.value_or(-1);
    // busybox sh says "sh: can't fork: Resource temporarily unavailable" for each.
    const qint64 refused = e.log.count(u"can't fork"_s);
    const qint64 events = pidsMaxEvents(e.pidsEvents);
    o.evidence << u"pids.current = %1"_s.arg(current) << u"pids.max = %1"_s.arg(max);
    if (!e.pidsEvents.isEmpty())
        o.evidence << u"pids.events: %1"_s.arg(e.pidsEvents.trimmed());
    o.evidence << tr("%n fork() refused in the output (EAGAIN)", nullptr, int(refused));
    // Held: the kernel said no at least once and the count never passed the limit
    // (it sits at or just under it: the shell that was refused has exited).
    o.shown = max > 0 && current > 0 && current <= max && (events > 0 || refused > 0);
    if (o.shown) {
        o.headline = tr("pids.max held: at most %1 processes, and %n fork() call(s) refused.",
                        nullptr, int(std::max(events, refused)))
                         .arg(max);
        o.explanation =
            tr("Every fork() past the limit failed with EAGAIN (\"Resource temporarily "
               "unavailable\"), and the shell went on to the next try. pids.events counts how "
               "often the limit was hit. A real fork bomb stops at the same wall.");
    } else if (max <= 0) {
        o.headline = tr("The container had no process limit.");
    } else {
        o.headline = tr("No fork() was refused (%1 of %2 processes).").arg(current).arg(max);
        o.explanation = tr("The loop may not have run long enough yet.");
    }
    return o;
}

ExperimentOutcome Experiments::explainCpu(const CpuEvidence &e)
{
    ExperimentOutcome o;
    const qint64 throttled1 = e.first.cpuThrottledNs.value_or(0);
    const qint64 throttled2 = e.second.cpuThrottledNs.value_or(0);
    const qint64 periods1 = e.first.cpuThrottledPeriods.value_or(0);
    const qint64 periods2 = e.second.cpuThrottledPeriods.value_or(0);
    const qint64 used = e.second.cpuUsageNs.value_or(0) - e.first.cpuUsageNs.value_or(0);
    const double share = e.seconds > 0 ? double(used) / (e.seconds * 1e9) : 0;
    o.evidence << tr("throttled time %1 ms → %2 ms").arg(ms(throttled1), ms(throttled2))
               << tr("throttled periods %1 → %2").arg(periods1).arg(periods2)
               << tr("CPU used in %1 s: %2 ms = %3 CPU (quota %4)")
                      .arg(e.seconds, 0, 'f', 1)
                      .arg(ms(used))
                      .arg(share, 0, 'f', 2)
                      .arg(e.cpus, 0, 'f', 2);
    o.shown = e.first.cpuThrottledNs.has_value() && throttled2 > throttled1 && periods2 > periods1;
    if (o.shown) {
        o.headline = tr("The busy loop was throttled: %1 ms of waiting in %2 s.")
                         .arg(ms(throttled2 - throttled1))
                         .arg(e.seconds, 0, 'f', 1);
        o.explanation =
            tr("In each 100 ms period the cgroup may run 20 ms. The loop used its share and "
               "was then taken off the CPU until the next period, so it got about %1 CPU "
               "however hard it spun.")
                .arg(e.cpus, 0, 'f', 1);
    } else if (!e.first.cpuThrottledNs) {
        o.headline = tr("This host does not report CPU throttling for the container.");
    } else {
        o.headline = tr("The throttled time did not grow.");
        o.explanation = tr("The loop may not have started yet.");
    }
    return o;
}

ExperimentOutcome Experiments::explainNetwork(const QStringList &host,
                                              const QString &hostModeOutput,
                                              const QString &bridgeOutput)
{
    ExperimentOutcome o;
    QStringList inHostMode = interfacesFromProcNetDev(hostModeOutput);
    QStringList inBridge = interfacesFromProcNetDev(bridgeOutput);
    QStringList hostSorted = host;
    hostSorted.sort();
    QStringList hostModeSorted = inHostMode;
    hostModeSorted.sort();
    o.evidence << tr("host: %1").arg(host.join(u", "_s))
               << tr("--network host: %1").arg(inHostMode.join(u", "_s))
               << tr("bridge: %1").arg(inBridge.join(u", "_s));
    QStringList bridgeSorted = inBridge;
    bridgeSorted.sort();
    // Interfaces can come and go on a busy host (other containers' veths) between
    // two readings: the host mode list must be the host's, give or take a few.
    const auto sameish = [](const QStringList &a, const QStringList &b) {
        qsizetype differ = 0;
        for (const QString &x : a)
            differ += !b.contains(x);
        for (const QString &x : b)
            differ += !a.contains(x);
        return !a.isEmpty() && differ <= std::max<qsizetype>(2, b.size() / 10);
    };
    const bool hostSame = sameish(hostModeSorted, hostSorted);
    const bool bridgeOwn = bridgeSorted == QStringList{u"eth0"_s, u"lo"_s};
    o.shown = hostSame && bridgeOwn;
    if (o.shown) {
        o.headline = tr("With --network host the container saw the host's %n interface(s); on "
                        "the bridge it saw only lo and eth0.",
                        nullptr, int(inHostMode.size()));
        o.explanation =
            tr("Without a network namespace of its own a container uses the host's network "
               "stack: the same interfaces, addresses and ports, so it could also listen on "
               "the host's ports. On the bridge it has its own stack: a loopback and one end "
               "of a veth pair.");
    } else if (!hostSame) {
        o.headline = tr("The --network host container did not list the host's interfaces.");
    } else {
        o.headline = tr("The bridge container listed other interfaces than lo and eth0.");
    }
    return o;
}

QStringList Experiments::interfacesFromProcNetDev(const QString &text)
{
    // Two header lines ("Inter-|   Receive", " face |bytes ..."), then "  name: numbers".
    QStringList out;
    static const QRegularExpression row(u"^\\s*([^\\s:|]+):"_s);
    for (const QString &line : text.split(u'\n')) {
        const QRegularExpressionMatch m = row.match(line);
        if (m.hasMatch())
            out << m.captured(1);
    }
    return out;
}

qint64 Experiments::pidsMaxEvents(const QString &pidsEvents)
{
    for (const QString &line : pidsEvents.split(u'\n')) {
        const QStringList words = line.simplified().split(u' ');
        if (words.size() == 2 && words.first() == u"max")
            return words.last().toLongLong();
    }
    return 0;
}

} // namespace koker::studio
