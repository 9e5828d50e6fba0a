#pragma once

// The steps of one action, or of a container's whole history grouped by action
// (create, start, kill, cleanup, ...), as a table: one row per step record, rows
// ordered by action and, inside an action, by arrival. The timeline, its list and
// the details pane all read this one model.
//
// Live updates are upserts: a record replaces the row with the same sequence
// number *and key* in the current action (planned -> running -> done/failed).
// Matching the key too matters: the engine numbers rollback records after the
// host plan, so they can reuse the numbers of the child's steps; they are new
// rows, not updates.

#include "dbus/dbustypes.h"
#include "runtime/step.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QList>
#include <QtCore/QString>

namespace koker::studio {

class StepTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepTimelineModel)

public:
    enum Column
    {
        SeqColumn,
        ActionColumn,
        PhaseColumn,
        TitleColumn,
        DurationColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        SeqRole = Qt::UserRole + 1, // uint
        ActionRole,                 // QString: "start", "kill", ... (empty for a bare list)
        ActionIndexRole,            // int: which action group (0 = the first)
        PhaseRole,                  // int: koker::Phase
        SideRole,                   // int: koker::Side
        StateRole,                  // int: koker::StepState
        PidRole,                    // int
        ErrnoRole,                  // int, 0 when none
        StartRole,                  // qint64: CLOCK_REALTIME ns, 0 while planned
        RelativeStartRole,          // qint64: ns after the first step of its action
        DurationRole,               // qint64: ns, 0 while planned or running
        KeyRole,                    // QString: explanation key ("cgroup.limit.memory")
        TitleRole,                  // QString
        OpRole,                     // QString: the exact kernel-level operation
        ShellRole,                  // QString: the equivalent shell command
        MessageRole,                // QString: failure text or a note
    };

    /// One step as the model keeps it (QStrings instead of the record's fixed buffers).
    struct Step
    {
        quint32 seq = 0;
        Phase phase = Phase::Process;
        Side side = Side::Host;
        StepState state = StepState::Planned;
        qint32 pid = 0;
        qint32 err = 0;
        qint64 startNs = 0;
        qint64 durationNs = 0;
        QString key;
        QString title;
        QString op;
        QString shell;
        QString message;

        /// Converts a record; a running record's duration is dropped (see the .cpp).
        static Step fromRecord(const StepRecord &record);
        /// Back to a record (strings truncated to the record's buffers).
        StepRecord toRecord() const;
        /// True once the step has run (or was skipped): it has a place in time.
        bool hasStarted() const { return startNs > 0; }
    };

    explicit StepTimelineModel(QObject *parent = nullptr);
    ~StepTimelineModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // ---- live updates -------------------------------------------------------

    /// Starts a new action group ("start", "pull", ...); later upserts go there. Returns its index.
    int beginAction(const QString &action);
    /// Inserts or updates one record in the current action; returns its row, or -1 when ignored.
    int upsertStep(const StepRecord &record);
    /// Upserts many records with one insert notification (planned steps, replays, benchmarks).
    void upsertSteps(const QList<StepRecord> &records);

    // ---- loaders (each replaces the content) --------------------------------

    /// One action's records, e.g. OperationClient::plannedSteps or a test's list.
    void setSteps(const QList<StepRecord> &records, const QString &action = {});
    /// The "Steps" array of `koker inspect` (objects carrying "action"), grouped by action.
    void loadInspectSteps(const QJsonArray &steps);
    /// A whole `koker inspect` document (an array of containers or one object); the first one's
    /// steps.
    bool loadInspectJson(const QByteArray &json, QString *error = nullptr);
    /// ContainerSteps over D-Bus (a{sv} maps carrying "action"), grouped by action.
    void loadDBusSteps(const QVariantMapList &steps);
    /// Removes every row and action.
    void clear();

    // ---- queries ------------------------------------------------------------

    /// The step of a row (row must be valid).
    const Step &step(int row) const;
    /// The step of a row as a record.
    StepRecord record(int row) const;
    /// The number of action groups.
    int actionCount() const { return static_cast<int>(m_groups.size()); }
    /// The name of an action group ("start").
    QString actionName(int action) const;
    /// The first row of an action group.
    int actionFirstRow(int action) const;
    /// The number of rows of an action group.
    int actionRowCount(int action) const;
    /// The action group a row belongs to.
    int actionOfRow(int row) const;
    /// The steps of an action group, in row order (fast access for layout and painting).
    const QList<Step> &actionSteps(int action) const { return m_groups[action].steps; }
    /// The CLOCK_REALTIME ns of an action's first started step (0 if none started).
    qint64 actionStartNs(int action) const;
    /// The row of the step (seq, key) in an action (-1 = the current one); key empty = any key.
    int rowOf(quint32 seq, const QString &key = {}, int action = -1) const;
    /// The number of failed steps.
    int failedCount() const { return m_failed; }
    /// The number of running steps.
    int runningCount() const { return m_running; }
    /// The row touched last by an upsert (-1 after a load): where live work happens.
    int lastUpsertedRow() const { return m_lastUpserted; }

    /// "image", "storage", ... translated.
    static QString phaseText(Phase phase);
    /// "host" or "container", translated.
    static QString sideText(Side side);
    /// "done", "failed", ... translated.
    static QString stateText(StepState state);
    /// An action's name for people ("start" -> "Start"), translated where known.
    static QString actionText(const QString &action);
    /// A duration the way `koker -D` prints it: "0.03 ms", "12.40 ms", "1.52 s".
    static QString formatDuration(qint64 ns);
    /// The errno's symbolic name and description: "ENOENT (No such file or directory)".
    static QString errnoText(int err);

private:
    struct Group
    {
        QString action;
        int firstRow = 0;
        qint64 startNs = 0; // earliest start among its started steps
        QList<Step> steps;
        QMultiHash<quint32, int> bySeq; // seq -> index in steps
    };

    struct Located
    {
        int group = -1;
        int index = -1;
    };

    Located locate(int row) const;
    int findInGroup(const Group &group, quint32 seq, const QString &key) const;
    void resetWith(QList<Group> groups);
    void recount();
    void countIn(const Step &step, int sign);
    void noteStart(Group &group, const Step &step);
    /// `incoming` replaces `old` (the same step) unless it is older news; false when dropped.
    bool replaceStep(Group &group, Step &old, Step incoming);
    int currentGroup();

    QList<Group> m_groups;
    int m_rows = 0;
    int m_failed = 0;
    int m_running = 0;
    int m_lastUpserted = -1;
};

} // namespace koker::studio
