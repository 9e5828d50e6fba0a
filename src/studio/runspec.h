#pragma once

// The run dialog's model, without widgets, so every rule can be tested alone.
//
//   RunForm   what the dialog's fields hold, as typed (text for the command, the
//             ports and the paths; numbers from the limit sliders)
//   RunCheck  RunForm::check(): the RunSpec, and every problem as a translated
//             message tied to the field (and table row) it is about
//   RunSpec   the validated run, Docker's meaning (RunOptions' twin): what
//             CreateContainer gets (toDBusSpec + the volumes the caller opens),
//             and the equivalent `koker run` command line, flag for flag the
//             CLI's (src/cli/containerrun.cpp), so pasting it gives the same options
//
// Plus the helpers around them: shell-like word splitting and quoting for the
// command fields, and the preview of the cgroup files a limit writes on a host.

#include "engine/containerrecord.h"
#include "runtime/cgrouplimits.h"
#include "studio/hostinfo.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>
#include <QtDBus/QDBusUnixFileDescriptor>

#include <expected>
#include <optional>

struct KokerVolume;
using KokerVolumeList = QList<KokerVolume>;

namespace koker {
struct RunOptions;
}

namespace koker::studio {

/// The input a message is about; the dialog marks that widget (or table cell).
enum class RunField
{
    Image,
    Name,
    Command,
    Entrypoint,
    Env,
    WorkingDir,
    User,
    Hostname,
    Network,
    Ports,
    Volumes,
    Memory,
    Swap,
    Cpus,
    Pids,
    CapAdd,
    CapDrop,
    Privileged,
};

/// Which limit a cgroup preview is for.
enum class LimitKind
{
    Memory,
    Swap,
    Cpus,
    Pids,
};

/// One problem with the form: an error blocks Run, a warning only informs.
struct RunIssue
{
    enum class Severity
    {
        Error,
        Warning,
    };
    Severity severity = Severity::Error;
    RunField field = RunField::Image;
    int row = -1;    // 0-based row of the Env, Ports or Volumes table; -1: the whole field
    int column = -1; // table column the problem is in; -1: the whole row
    QString message; // translated: what is wrong and how to fix it
};

/// One row of the environment table.
struct EnvRow
{
    QString name;
    QString value;
    bool operator==(const EnvRow &) const = default;
};

/// One row of the ports table, as typed. Columns: host IP, host port, container port, protocol.
struct PortRow
{
    QString hostIp;   // empty: all addresses
    QString hostPort; // empty: the same as the container port
    QString containerPort;
    QString protocol = QStringLiteral("tcp");
    bool operator==(const PortRow &) const = default;
};

/// One row of the volumes table. Columns: host folder, container path, read-only.
struct VolumeRow
{
    QString hostPath;
    QString containerPath;
    bool readOnly = false;
    bool operator==(const VolumeRow &) const = default;
};

/// A validated run, with Docker's meaning of every field (the twin of the engine's RunOptions).
struct RunSpec
{
    QString image;
    QString name;     // empty: the engine picks one
    QString hostname; // empty: the container id's prefix
    // --entrypoint is one program, as in Docker: words after the first entrypoint
    // word are the first words of cmd, which gives the same process (an explicit
    // entrypoint clears the image's cmd) and keeps the command line exact.
    std::optional<QStringList> entrypoint; // unset: the image's; empty list: none
    QStringList cmd;                       // empty: the image's
    QStringList env;                       // KEY=VALUE
    QString workingDir;                    // empty: the image's
    QString user;                          // empty: the image's
    bool tty = false;
    bool interactive = false;
    bool autoRemove = false;
    bool stepThrough = false; // start paused before every step (a start option, not create's)
    CgroupLimits limits;
    QString network = QStringLiteral("bridge");
    QList<PortMapping> ports;
    QList<VolumeMount> volumes; // source: the host path the caller opens and sends as an fd
    bool privileged = false;
    QStringList capAdd;
    QStringList capDrop;

    /// CreateContainer's `spec` (a{sv}): the keys of helper/dbus/org.koker.Helper1.xml.
    QVariantMap toDBusSpec() const;
    /// The host folders to open (O_PATH) and send, in the order of `volumes`.
    QStringList volumeHostPaths() const;
    /// The volume targets in the container, in the order of `volumes`.
    QStringList volumeTargets() const;
    /// CreateContainer's `volumes`: one opened fd per volume, in the order of `volumes`.
    KokerVolumeList toDBusVolumes(const QList<QDBusUnixFileDescriptor> &sources) const;
    /// Whether the main window should open a terminal tab: a tty with stdin kept open.
    bool attachTerminal() const { return tty && interactive; }
    /// The engine's options for the same run (ownerUid and hostEnv left empty).
    RunOptions toRunOptions() const;
    /// The arguments of `koker run` for this spec (after "run"), unquoted.
    QStringList commandArguments() const;
    /// The whole command a user can paste in a shell: "koker run -it --rm alpine sh".
    QString commandLine() const;
};

/// RunForm::check()'s answer: the spec (as much as could be read) and every problem found.
struct RunCheck
{
    RunSpec spec;
    QList<RunIssue> issues; // in the order of the form

    /// No errors (warnings allowed): the spec can be sent.
    bool isValid() const;
    /// The messages of the errors only.
    QStringList errorMessages() const;
    /// The messages of the warnings only.
    QStringList warningMessages() const;
};

/// What the run dialog's fields hold. Table rows left entirely empty are ignored
/// (a row just added); the others keep their index, which messages name.
struct RunForm
{
    Q_DECLARE_TR_FUNCTIONS(koker::studio::RunForm)

public:
    QString image;
    QString name;
    QString command;    // shell-like words: sh -c 'echo hi'
    QString entrypoint; // shell-like words; "" alone: no entrypoint
    QList<EnvRow> env;
    QString workingDir;
    QString user;
    QString hostname;
    QString network = QStringLiteral("bridge");
    QList<PortRow> ports;
    QList<VolumeRow> volumes;
    bool tty = false;
    bool interactive = false;
    bool autoRemove = false;
    bool stepThrough = false; // pause before each step of the start (--step)
    bool privileged = false;
    QString capAdd;             // names separated by spaces or commas
    QString capDrop;            // names separated by spaces or commas
    qint64 memoryBytes = 0;     // 0: no limit
    qint64 memorySwapBytes = 0; // memory + swap; 0: twice the memory; -1: unlimited swap
    qint64 nanoCpus = 0;        // 0: no limit
    qint64 pidsLimit = 0;       // 0: no limit; -1: explicitly unlimited

    /// Validate every field (against this host) and build the spec.
    RunCheck check(const HostInfo &host = {}) const;
    /// The form that produces `spec` (to prefill the dialog, e.g. "run again").
    static RunForm fromSpec(const RunSpec &spec);

    bool operator==(const RunForm &) const = default;
};

/// Why a text could not be split into words.
enum class ShellSplitError
{
    UnclosedSingleQuote,
    UnclosedDoubleQuote,
    TrailingBackslash,
};

/// Split like a POSIX shell, without any expansion: quotes group, backslash escapes.
std::expected<QStringList, ShellSplitError> splitShellWords(const QString &text);
/// One word quoted for a POSIX shell, only when it needs it: abc, 'a b', '', 'it'\''s'.
QString quoteShellWord(const QString &word);
/// Words quoted and joined with spaces; splitShellWords() gives them back.
QString joinShellWords(const QStringList &words);

/// A size as `koker run -m` takes it, exact and short: 256m, 2g, 1536k, 1000.
QString formatSizeFlag(qint64 bytes);

/// What one limit writes on the host: "memory.max ← 268435456" lines, or a note.
struct CgroupPreview
{
    QStringList writes; // "file ← value", in the order they happen; empty: nothing written
    QString note;       // translated: why nothing (or not everything) is written
    QString toolTip;    // translated: every write with its step title, in order
    /// The writes one per line, or the note when there are none.
    QString text() const;
};

/// The cgroup files `kind` writes for `limits` on `host` (its cgroup mode and swap accounting).
CgroupPreview cgroupPreview(const CgroupLimits &limits, LimitKind kind, const HostInfo &host);
/// "cgroup v2 (unified)", "cgroup v1 + v2 (hybrid)", "cgroup v1 (legacy)", translated.
QString cgroupModeDescription(CgroupMode mode);

} // namespace koker::studio
