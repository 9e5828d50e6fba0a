#pragma once

// The lower half of the window: what happens to the selected container, in tabs.
//   Steps    every step of its actions (create, start, exec, stop, remove), live
//            while an operation runs, from the timeline part (StepTimelineModel)
//   Details  InspectContainer as a tree: state, config, limits and the cgroup
//            files they write, mounts (overlay layers), network
//   Logs     the console log (ContainerLogs hands over a read-only fd of framed
//            records), followed while visible, searchable
//   Graphs   memory, CPU and PIDs over time against their limits (the console part)
// An operation that belongs to no container (a pull, a load) takes the Steps tab
// over while it runs, so every long action is seen step by step.

#include "dbus/dbustypes.h"
#include "runtime/step.h"
#include "runtime/uniquefd.h"

#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

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
    /// The tabs, in order. The learning features (issue 8) add theirs after these:
    /// "Under the hood" (namespaces, cgroup files, mounts, network topology of the
    /// shown container) is one more tab fed by containerId() and reloadInspect().
    enum class Tab
    {
        Steps,
        Details,
        Logs,
        Graphs,
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

    /// The steps shown (null when the timeline part is not built in).
    StepTimelineModel *stepsModel() const { return m_steps; }
    /// The timeline showing them (null when the timeline part is not built in).
    TimelineWidget *timeline() const { return m_timeline; }
    /// Text of the logs tab (for tests).
    QString logText() const;
    /// Fill the Details tab from InspectContainer's JSON (public for tests).
    void showInspect(const QJsonObject &container);

private:
    void setSubject(const QString &text);
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
