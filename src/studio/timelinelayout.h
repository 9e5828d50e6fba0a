#pragma once

// Where each step of a StepTimelineModel sits on the timeline: its lane (the
// phase) and its start and end on the axis. The axis is real time with the idle
// stretches cut out: a container's history spans minutes or days between
// "create" and "kill", while each action takes milliseconds. A gap longer than
// kBreakAfterNs becomes a break of kBreakNs (drawn with the time it hid), so
// every action stays readable. Steps that have not started yet (planned) queue
// up after their action in slots of equal width.
//
// Per lane, rows are kept in axis order with a running maximum of their ends, so
// the rows visible in a range are found by binary search: painting 10 000 steps
// costs what the visible ones cost.

#include "runtime/step.h"

#include <QtCore/QList>
#include <QtCore/QtGlobal>

#include <array>

namespace koker::studio {

class StepTimelineModel;

class TimelineLayout
{
public:
    static constexpr int kLaneCount = 7;                    // one per koker::Phase
    static constexpr qint64 kBreakAfterNs = 50'000'000;     // idle longer than this is cut out
    static constexpr qint64 kBreakNs = 4'000'000;           // what is left of it on the axis
    static constexpr qint64 kRunningCapNs = 30'000'000'000; // a running bar grows this far at most

    /// A stretch of the axis where axis time runs like real time (no break inside).
    struct Segment
    {
        qint64 axisStart = 0;
        qint64 axisEnd = 0;
        qint64 realStart = 0;   // CLOCK_REALTIME ns at axisStart
        qint64 actionStart = 0; // CLOCK_REALTIME ns of its action's first step
        qint64 hiddenNs = 0;    // idle time cut out just before it (0 = none)
        int action = 0;
        bool firstOfAction = false;
    };

    /// Recomputes everything from the model; running steps end at nowNs (CLOCK_REALTIME).
    void rebuild(const StepTimelineModel &model, qint64 nowNs);
    /// Drops everything (an empty model).
    void clear();

    /// The rows laid out (the model's row count at the last rebuild).
    int rowCount() const { return static_cast<int>(m_start.size()); }
    /// The axis span of every row, ns from the first step.
    qint64 totalNs() const { return m_total; }
    /// Where a row's bar starts on the axis (ns).
    qint64 axisStart(int row) const { return m_start[row]; }
    /// Where a row's bar ends on the axis (ns; equal to the start for an instant step).
    qint64 axisEnd(int row) const { return m_end[row]; }
    /// A row's lane: its phase.
    int lane(int row) const { return m_lane[row]; }
    /// False for steps not started yet (they sit in slots after their action).
    bool placed(int row) const { return m_placed[row]; }
    /// The step's state and side, copied so painting needs no model lookup.
    StepState state(int row) const { return static_cast<StepState>(m_state[row]); }
    /// The step's side (host or container), copied for the same reason.
    Side side(int row) const { return static_cast<Side>(m_side[row]); }
    /// The width of a planned step's slot.
    qint64 plannedSlotNs() const { return m_slot; }
    /// True when a running step exists (its bar grows with the clock).
    bool hasRunning() const { return m_runningRows > 0; }
    /// The step to keep in view in follow mode: a running one, else the one ending last.
    int newestRow() const { return m_newest; }

    /// The stretches of the axis in order.
    const QList<Segment> &segments() const { return m_segments; }
    /// The segment at an axis position (the last one starting at or before it; -1 if none).
    int segmentAt(qint64 axis) const;
    /// Axis start of each action (index = action), or -1 for an action without rows.
    const QList<qint64> &actionAxisStarts() const { return m_actionStart; }
    /// The idle time cut out before each action (index = action; 0 = none).
    const QList<qint64> &actionHiddenNs() const { return m_actionHidden; }

    /// Rows of a lane that overlap [from, to] on the axis, in axis order.
    template <class F>
    void forEachInRange(int laneIndex, qint64 from, qint64 to, F &&visit) const
    {
        const Lane &l = m_lanes[laneIndex];
        const qsizetype first = firstEndingAfter(l, from);
        for (qsizetype i = first; i < l.rows.size(); ++i) {
            const int row = l.rows[i];
            if (m_start[row] > to)
                break;
            if (m_end[row] >= from)
                visit(row);
        }
    }

    /// The number of rows in a lane.
    int laneRowCount(int laneIndex) const
    {
        return static_cast<int>(m_lanes[laneIndex].rows.size());
    }

private:
    struct Lane
    {
        QList<int> rows;      // in axis-start order
        QList<qint64> maxEnd; // running maximum of axisEnd over rows[0..i]
    };
    static qsizetype firstEndingAfter(const Lane &lane, qint64 axis);

    QList<qint64> m_start;
    QList<qint64> m_end;
    QList<quint8> m_lane;
    QList<bool> m_placed;
    QList<quint8> m_state;
    QList<quint8> m_side;
    std::array<Lane, kLaneCount> m_lanes;
    QList<Segment> m_segments;
    QList<qint64> m_actionStart;
    QList<qint64> m_actionHidden;
    qint64 m_total = 0;
    qint64 m_slot = 0;
    int m_runningRows = 0;
    int m_newest = -1;
};

} // namespace koker::studio
