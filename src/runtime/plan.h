#pragma once

// Plan, then execute (bubblewrap's habit): every action is a list of steps built
// before anything runs. A step knows how to apply itself and, where it makes
// sense, how to undo itself. Plan::run executes in order and, when a step fails,
// rolls back the completed ones in reverse; the rollback is reported as steps too.

#include "error.h"
#include "step.h"

#include <functional>
#include <string>
#include <vector>

namespace koker {

struct Step
{
    StepRecord record;                // title, op, shell, key, phase, side
    std::function<Status()> apply;    // does the operation
    std::function<Status()> rollback; // undoes it; empty when there is nothing to undo
    std::string rollbackTitle;        // "Remove the cgroup directory"
    std::string rollbackOp;           // "rmdir(\"/sys/fs/cgroup/...\")"
    std::string rollbackShell;        // "rmdir /sys/fs/cgroup/..."
};

/// Receives every state change of every step (Running, then Done/Failed, ...).
using StepObserver = std::function<void(const StepRecord &)>;

/// Fault injection for the tests (tests/engine/tst_faults.cpp): die like a kill -9
/// when `point` is the name in KOKER_FAULT_KILL_AT. Plan::run calls it before every
/// step (with the step's key); other code at the points a crash must be survived,
/// named "fault.<what>" (they are not steps).
void faultInjectionPoint(const char *point);

/// Asked before each step runs; returning false aborts the plan (and rolls back).
/// This is where step-through mode pauses.
using StepGate = std::function<bool(const StepRecord &)>;

class Plan
{
public:
    /// Append a step; its sequence number is assigned here.
    Step &add(Step step);
    /// Convenience for the common case.
    Step &add(Phase phase, std::string_view key, std::string_view title, std::string_view op,
              std::string_view shell, std::function<Status()> apply,
              std::function<Status()> rollback = {});

    const std::vector<Step> &steps() const { return m_steps; }
    std::vector<Step> &steps() { return m_steps; }
    bool empty() const { return m_steps.empty(); }

    /// The next sequence number (a child's steps continue the host's numbering).
    uint32_t nextSeq() const { return m_firstSeq + static_cast<uint32_t>(m_steps.size()); }
    void setFirstSeq(uint32_t seq) { m_firstSeq = seq; }
    /// Where rollback records are numbered from (default: after the plan's own
    /// steps); past other steps that continue this numbering, so no two collide.
    void setRollbackSeq(uint32_t seq) { m_extraSeq = seq; }

    /// Run every step; on failure undo the completed ones in reverse order.
    /// Returns the first error (with its step title in Error::step).
    Status run(const StepObserver &observer, const StepGate &gate = {});

    /// Undo every completed step in reverse (for a later failure outside the plan).
    void rollback(const StepObserver &observer);

private:
    std::vector<Step> m_steps;
    std::vector<size_t> m_done; // indexes of applied steps, in order
    uint32_t m_firstSeq = 1;
    uint32_t m_extraSeq = 0; // numbers for rollback records, after the plan's own
};

} // namespace koker
