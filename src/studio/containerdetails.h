#pragma once

// The lower half of the window: what happens to the selected container, in tabs.
//   Steps    every step of its actions (create, start, exec, stop, remove), live
//            while an operation runs, from the timeline part (StepTimelineModel)
//   Details  InspectContainer as a tree: state, config, limits and the cgroup
//            files they write, mounts (overlay layers), network
//   Logs     the console log (ContainerLogs hands over a read-only fd of framed
//            records), followed while visible, searchable
//   Graphs   memory, CPU and PIDs over time against their limits (the console part)
//   Under the hood  namespaces, cgroup files, mounts and the network of the running
//            container, as the kernel sees them (the learn part, issue 8)
// A start in step-through mode puts Next / Continue / Abort above the timeline, and
// "Export steps" (the tab bar's corner) saves the recorded steps as a script, a
// Chrome trace or a Markdown report.
// An operation that belongs to no container (a pull, a load) takes the Steps tab
// over while it runs, so every long action is seen step by step.

#include "dbus/dbustypes.h"
#include "runtime/step.h"
#include "runtime/uniquefd.h"

#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

class QToolButton;
class QTreeWidgetItem;
namespace Ui {
class ContainerDetails;
}

namespace koker {
class StatsPoller;
namespace client {
class OperationClient;
}
} // namespace koker

namespace koker::studio {

class HelperConnection;
class StepTimelineModel;
class TimelineWidget;

class ContainerDetails final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerDetails)

public:
    /// The tabs, in order.
    enum class Tab
    {
        Steps,
        Details,
        Logs,
        Graphs,
        Hood, // "Under the hood"
    };

    /// Details read through `connection`.
    explicit ContainerDetails(HelperConnection *connection, QWidget *parent = nullptr);
    ~ContainerDetails() override;

    /// Show container `id` (empty: none); its recorded steps, inspect data and logs load.
    void setContainer(const QString &id, const QString &name);
    /// The container shown; empty when none (or an image operation has the Steps tab).
    QString containerId() const { return m_id; }
    /// Show `tab`.
    void showTab(Tab tab);
    /// Follow `op` live in the Steps tab: connect now, before it begins.
    void watchOperation(client::OperationClient *op, const QString &action, const QString &title,
                        const QString &containerId);
    /// Load the recorded steps of the shown container again (after an exec, a stop...).
    void reloadSteps();
    /// Read InspectContainer again.
    void reloadInspect();
    /// Show Next / Continue / Abort for `op`, a start with stepThrough (call before
    /// it begins, like watchOperation()).
    void controlStepThrough(client::OperationClient *op);
    /// Save the shown container's recorded steps as `format` (0 script, 1 trace,
    /// 2 markdown: StepExportFormat) to `path`, asking for a file when empty.
    /// stepsExported() follows.
    void exportSteps(int format, const QString &path = {});

    /// The "Under the hood" panel (null when the learn part is not built in).
    QWidget *hoodPanel() const { return m_hood; }
    /// The step-through controls (null when the learn part is not built in).
    QWidget *stepThroughBar() const { return m_stepThrough; }

    /// The steps shown (null when the timeline part is not built in).
    StepTimelineModel *stepsModel() const { return m_steps; }
    /// The timeline showing them (null when the timeline part is not built in).
    TimelineWidget *timeline() const { return m_timeline; }
    /// Text of the logs tab (for tests).
    QString logText() const;
    /// Fill the Details tab from InspectContainer's JSON (public for tests).
    void showInspect(const QJsonObject &container);

Q_SIGNALS:
    /// An export finished: the file written, or why not.
    void stepsExported(const QString &path, bool ok, const QString &message);

private:
    void setSubject(const QString &text);
    void setupLearning();
    void refreshHoodIfShown();
    void clearLogs();
    void pollLogs();
    void appendLog(const QByteArray &text);
    void findInLogs(bool backwards);
    void updateFollowTimer();
    void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);

    Ui::ContainerDetails *m_ui = nullptr;
    HelperConnection *m_connection = nullptr;
    StepTimelineModel *m_steps = nullptr;
    TimelineWidget *m_timeline = nullptr;
    QWidget *m_graphs = nullptr;
    QWidget *m_hood = nullptr;        // UnderTheHoodPanel (learn part)
    QWidget *m_stepThrough = nullptr; // StepThroughBar (learn part)
    QToolButton *m_exportButton = nullptr;
    StatsPoller *m_poller = nullptr; // null when the console part is not built in
    QString m_id;
    QString m_name;
    quint64 m_generation = 0; // answers for an earlier selection are dropped

    // The operation followed live, and what it sent so far: a history load that
    // arrives while it runs puts them back after the recorded steps.
    QPointer<client::OperationClient> m_live;
    QString m_liveAction;
    QString m_liveContainer;
    QList<StepRecord> m_liveSteps;

    QTimer m_logTimer;
    quint64 m_logOffset = 0;
    bool m_logReading = false;
    bool m_logAtLineStart = true;
};

} // namespace koker::studio
