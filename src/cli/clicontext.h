#pragma once

// What every subcommand gets: the global flags, the output streams, the engine,
// and the shared ways of printing tables, steps and errors.

#include "backend.h"
#include "engine/engine.h"
#include "runtime/error.h"
#include "runtime/step.h"

#include <QtCore/QStringList>
#include <QtCore/QTextStream>

#include <memory>

namespace koker::cli {

/// Docker's exit codes for failures of the tool itself (not of the container).
inline constexpr int kExitUsage = 125;
inline constexpr int kExitError = 1;

class CliContext
{
public:
    CliContext();

    bool debug = false; // -D: one line per step
    bool quiet = false; // -q: only the container's own output
    QString root;       // --root
    QString runRoot;    // --runroot

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    /// Write out everything buffered (before the process may end of a signal).
    void flush();

    /// The in-process engine (root only); opened on first use.
    Result<Engine *> engine();
    /// Who does the work: the engine when we are root, else kokerd over the bus.
    Result<Backend *> backend();

    /// `run` and `create` of an image that is not here: pull it, as docker does.
    /// Returns 0 when the image is now present, else the exit code to use.
    int pullMissing(const QString &image);

    /// Print `koker: <message>` (+ a hint) and return `exitCode`.
    int failWith(const Error &error, int exitCode = kExitError);
    int usageError(const QString &command, const QString &message);

    /// The -D line for a finished (or failed) step; nothing unless -D.
    void printStep(const StepRecord &record);
    StepObserver stepPrinter();

    /// Print rows as left-aligned columns separated by three spaces (docker style).
    void printTable(const QStringList &header, const QList<QStringList> &rows);

private:
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Backend> m_backend;
};

/// "3 seconds ago", "2 hours ago" (docker's CREATED column).
QString humanAgo(const QDateTime &when);
/// "Up 5 minutes", "Exited (0) 2 hours ago" pieces use this: "5 minutes".
QString humanDuration(qint64 seconds);

} // namespace koker::cli
