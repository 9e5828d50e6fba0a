#pragma once

// A container's recorded steps, exported for people and tools (issue 8):
//
//   script    a bash script that rebuilds the container by hand with standard tools
//             (mkdir/echo into cgroup files, unshare, mount, pivot_root, ip, hostname),
//             generated step by step from the last start the container recorded, each
//             block commented with the original step's seq, title, op and duration
//   trace     Chrome trace-event JSON ({"traceEvents": [...]}) that Perfetto and
//             chrome://tracing open: one "X" event per step, host and container as
//             two processes, one thread per real pid
//   markdown  a lab report: a short header (image, limits, cgroup mode) and one table
//             per action (create, start, cleanup...)
//
// Everything comes from one inspect document (ContainerService::inspect, or kokerd's
// over the bus): its Steps, Config, HostConfig, Mounts and Cgroup. Nothing here reads
// the host, so the GUI can export from the document it already holds.

#include "runtime/error.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

namespace koker {

enum class StepExportFormat
{
    Script,
    Trace,
    Markdown
};

/// "script" (also "sh"), "trace" (also "json", "chrome"), "markdown" (also "md").
std::optional<StepExportFormat> parseStepExportFormat(const QString &name);

/// One action of a container (a create, a start, a cleanup...): consecutive records
/// of the steps file with the same "action"; a second start is a new action.
struct StepAction
{
    QString action;            // "create", "start", "cleanup", "kill", "reconcile"...
    QList<QJsonObject> steps;  // in the order they were recorded
    bool failed() const;       // any step in state "failed"
    qint64 startNs() const;    // the earliest start of its steps (0 when none has one)
    qint64 durationNs() const; // first start to last end
};

/// Split a Steps array (inspect's) into actions, in order.
QList<StepAction> splitStepActions(const QJsonArray &steps);

/// "15 µs", "0.73 ms", "11.7 ms", "1.84 s".
QString formatStepDuration(qint64 ns);

class StepExport
{
public:
    /// `inspect` is one container's inspect document.
    explicit StepExport(QJsonObject inspect);

    /// Any format; the script needs a recorded start (NotFound otherwise).
    Result<QByteArray> render(StepExportFormat format) const;

    /// The by-hand bash script (see the file comment).
    Result<QByteArray> script() const;
    /// Chrome trace-event JSON.
    QByteArray trace() const;
    /// The lab report.
    QByteArray markdown() const;

private:
    QJsonObject m_doc;
    QList<StepAction> m_actions;
};

} // namespace koker
