#include "timelinelayout.h"

#include "steptimelinemodel.h"

#include <algorithm>
#include <limits>

namespace koker::studio {

namespace {

// A planned step's slot: about the size of the steps already run, so the queue
// looks like what is to come, but never so small that it vanishes or so large
// that a long step (a layer download) makes the queue span minutes.
constexpr qint64 kMinSlotNs = 20'000;
constexpr qint64 kMaxSlotNs = 2'000'000;
constexpr qint64 kDefaultSlotNs = 200'000;

} // namespace

void TimelineLayout::clear()
{
    m_start.clear();
    m_end.clear();
    m_lane.clear();
    m_placed.clear();
    m_state.clear();
    m_side.clear();
    for (Lane &l : m_lanes) {
        l.rows.clear();
        l.maxEnd.clear();
    }
    m_segments.clear();
    m_actionStart.clear();
    m_actionHidden.clear();
    m_total = 0;
    m_slot = kDefaultSlotNs;
    m_runningRows = 0;
    m_newest = -1;
}

void TimelineLayout::rebuild(const StepTimelineModel &model, qint64 nowNs)
{
    clear();
    const int n = model.rowCount();
    m_start.resize(n);
    m_end.resize(n);
    m_lane.resize(n);
    m_placed.resize(n);
    m_state.resize(n);
    m_side.resize(n);
    for (Lane &l : m_lanes)
        l.rows.reserve(n / kLaneCount + 16);

    // The end of each started step; a running one grows with the clock.
    auto realEnd = [nowNs](const StepTimelineModel::Step &s) {
        if (s.state == StepState::Running)
            return s.startNs + std::clamp<qint64>(nowNs - s.startNs, 0, kRunningCapNs);
        return s.startNs + s.durationNs;
    };

    const int groups = model.actionCount();
    qint64 sum = 0;
    int started = 0;
    for (int g = 0; g < groups; ++g) {
        const int first = model.actionFirstRow(g);
        const QList<StepTimelineModel::Step> &steps = model.actionSteps(g);
        for (int i = 0; i < steps.size(); ++i) {
            const StepTimelineModel::Step &s = steps[i];
            const int row = first + i;
            m_lane[row] =
                static_cast<quint8>(std::min<int>(static_cast<int>(s.phase), kLaneCount - 1));
            m_placed[row] = s.hasStarted();
            m_state[row] = static_cast<quint8>(s.state);
            m_side[row] = static_cast<quint8>(s.side);
            if (s.hasStarted()) {
                sum += realEnd(s) - s.startNs;
                ++started;
            }
        }
    }
    m_slot = started ? std::clamp<qint64>(sum / started, kMinSlotNs, kMaxSlotNs) : kDefaultSlotNs;

    struct Placed
    {
        qint64 start;
        int index; // in the group
    };
    QList<Placed> order;
    qint64 cursor = 0;
    qint64 prevRealEnd = 0;
    bool hasPrev = false;
    qint64 newestEnd = -1;
    qint64 newestRunningStart = -1;
    m_actionStart.fill(-1, groups);
    m_actionHidden.fill(0, groups);

    for (int g = 0; g < groups; ++g) {
        const int first = model.actionFirstRow(g);
        const QList<StepTimelineModel::Step> &steps = model.actionSteps(g);
        order.clear();
        for (int i = 0; i < steps.size(); ++i) {
            if (steps[i].hasStarted())
                order.append({steps[i].startNs, i});
        }
        // Nearly sorted already (steps are recorded as they start): cheap.
        std::stable_sort(order.begin(), order.end(),
                         [](const Placed &a, const Placed &b) { return a.start < b.start; });

        Segment seg;
        bool open = false;
        qint64 maxEnd = 0;
        for (const Placed &p : std::as_const(order)) {
            const StepTimelineModel::Step &s = steps[p.index];
            const int row = first + p.index;
            const qint64 start = s.startNs;
            const qint64 end = realEnd(s);
            if (!open) {
                seg = Segment{};
                seg.action = g;
                seg.firstOfAction = true;
                seg.actionStart = model.actionStartNs(g);
                if (hasPrev) {
                    const qint64 gap = start - prevRealEnd;
                    if (gap > kBreakAfterNs) {
                        cursor += kBreakNs;
                        seg.hiddenNs = gap;
                    } else if (gap > 0) {
                        cursor += gap;
                    }
                }
                seg.axisStart = cursor;
                seg.realStart = start;
                m_actionStart[g] = cursor;
                m_actionHidden[g] = seg.hiddenNs;
                maxEnd = end;
                open = true;
            } else if (start > maxEnd + kBreakAfterNs) {
                seg.axisEnd = seg.axisStart + (maxEnd - seg.realStart);
                m_segments.append(seg);
                cursor = seg.axisEnd + kBreakNs;
                const qint64 hidden = start - maxEnd;
                seg = Segment{};
                seg.action = g;
                seg.actionStart = model.actionStartNs(g);
                seg.hiddenNs = hidden;
                seg.axisStart = cursor;
                seg.realStart = start;
                maxEnd = end;
            }
            m_start[row] = seg.axisStart + (start - seg.realStart);
            m_end[row] = seg.axisStart + (end - seg.realStart);
            maxEnd = std::max(maxEnd, end);
            m_lanes[m_lane[row]].rows.append(row);
            if (s.state == StepState::Running) {
                ++m_runningRows;
                if (start >= newestRunningStart) {
                    newestRunningStart = start;
                    m_newest = row;
                }
            } else if (newestRunningStart < 0 && m_end[row] >= newestEnd) {
                newestEnd = m_end[row];
                m_newest = row;
            }
        }
        if (open) {
            seg.axisEnd = seg.axisStart + (maxEnd - seg.realStart);
            m_segments.append(seg);
            cursor = seg.axisEnd;
            prevRealEnd = maxEnd;
            hasPrev = true;
        }

        // Steps still to come queue up after what has run, in plan order.
        bool anyPlanned = false;
        for (int i = 0; i < steps.size(); ++i) {
            const int row = first + i;
            if (m_placed[row])
                continue;
            if (!anyPlanned) {
                anyPlanned = true;
                if (m_actionStart[g] < 0)
                    m_actionStart[g] = cursor;
                if (newestRunningStart < 0 && m_newest < 0)
                    m_newest = row;
            }
            m_start[row] = cursor;
            m_end[row] = cursor + m_slot;
            cursor += m_slot;
            m_lanes[m_lane[row]].rows.append(row);
        }
    }
    m_total = cursor;

    for (Lane &l : m_lanes) {
        l.maxEnd.resize(l.rows.size());
        qint64 running = std::numeric_limits<qint64>::min();
        for (qsizetype i = 0; i < l.rows.size(); ++i) {
            running = std::max(running, m_end[l.rows[i]]);
            l.maxEnd[i] = running;
        }
    }
}

qsizetype TimelineLayout::firstEndingAfter(const Lane &lane, qint64 axis)
{
    return std::lower_bound(lane.maxEnd.cbegin(), lane.maxEnd.cend(), axis) - lane.maxEnd.cbegin();
}

int TimelineLayout::segmentAt(qint64 axis) const
{
    auto it = std::upper_bound(m_segments.cbegin(), m_segments.cend(), axis,
                               [](qint64 a, const Segment &s) { return a < s.axisStart; });
    return static_cast<int>(it - m_segments.cbegin()) - 1;
}

} // namespace koker::studio
