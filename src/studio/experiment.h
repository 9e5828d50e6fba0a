#pragma once

// The four guided experiments (docs/learn/cgroups.md, networking.md): what each
// runs, what it tells the student first, and how its evidence is explained. The
// evidence is read by ExperimentRunner from kokerd (inspect, UnderTheHood, logs);
// everything here is a pure function of it, so the GUI tests can check each
// explanation against recorded documents and against evidence that shows nothing.

#include "studio/cgrouplimitsmodel.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

namespace koker::studio {

enum class ExperimentKind
{
    MemoryOom,   // -m 16m and a string that doubles: the OOM killer
    ForkBomb,    // --pids-limit 20 and shells starting processes until fork() fails
    CpuQuota,    // --cpus 0.2 and a busy loop: the CFS quota throttles it
    HostNetwork, // --network host against bridge: the host's interfaces, or only lo and eth0
};

/// What an experiment showed, for the student.
struct ExperimentOutcome
{
    bool shown = false;   // the expected effect was observed
    QString headline;     // one sentence: what happened
    QString explanation;  // why, in two or three sentences
    QStringList evidence; // the numbers and texts it rests on ("pids.current = 20")
    /// The whole result as HTML for a label.
    QString toHtml() const;
};

/// The evidence of a fork bomb run, read while it runs.
struct ForkBombEvidence
{
    CgroupCounters counters; // UnderTheHood's, while the loop runs
    QString pidsEvents;      // pids.events ("max 42"), empty when unreadable
    QString log;             // the container's output
};

/// The evidence of a busy loop under a CPU quota: two readings some seconds apart.
struct CpuEvidence
{
    CgroupCounters first;
    CgroupCounters second;
    double seconds = 0; // wall time between them
    double cpus = 0;    // the quota, in CPUs
};

class Experiments
{
    Q_DECLARE_TR_FUNCTIONS(koker::studio::Experiments)

public:
    static constexpr qint64 kOomMemoryBytes = 16LL * 1024 * 1024;
    static constexpr qint64 kForkBombPids = 20;
    static constexpr int kForkBombAttempts = 50;
    static constexpr qint64 kCpuNanoCpus = 200'000'000; // 0.2 CPU

    static QList<ExperimentKind> all();
    static QString title(ExperimentKind kind);
    /// What the student reads before pressing the button (HTML).
    static QString introduction(ExperimentKind kind);
    /// The equivalent `koker run` command(s).
    static QStringList commands(ExperimentKind kind, const QString &image);
    /// CreateContainer's spec of each container it runs (HostNetwork runs two:
    /// host first, bridge second).
    static QList<QVariantMap> containerSpecs(ExperimentKind kind, const QString &image,
                                             const QString &namePrefix);

    /// MemoryOom: the exited container's inspect State and its output.
    static ExperimentOutcome explainOom(const QJsonObject &state, const QString &log);
    static ExperimentOutcome explainForkBomb(const ForkBombEvidence &evidence);
    static ExperimentOutcome explainCpu(const CpuEvidence &evidence);
    /// HostNetwork: the host's interfaces (the studio's own namespace), then what
    /// `cat /proc/net/dev` printed in a --network host and in a bridge container.
    static ExperimentOutcome explainNetwork(const QStringList &host, const QString &hostModeOutput,
                                            const QString &bridgeOutput);

    /// The interface names of a /proc/net/dev text, in order.
    static QStringList interfacesFromProcNetDev(const QString &text);
    /// "max 42" -> 42; 0 when there is no max line.
    static qint64 pidsMaxEvents(const QString &pidsEvents);
};

} // namespace koker::studio

Q_DECLARE_METATYPE(koker::studio::ExperimentKind)
Q_DECLARE_METATYPE(koker::studio::ExperimentOutcome)
