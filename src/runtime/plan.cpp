#include "plan.h"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace koker {

Step &Plan::add(Step step)
{
    step.record.seq = nextSeq();
    step.record.state = StepState::Planned;
    m_steps.push_back(std::move(step));
    return m_steps.back();
}

Step &Plan::add(Phase phase, std::string_view key, std::string_view title, std::string_view op,
                std::string_view shell, std::function<Status()> apply,
                std::function<Status()> rollback)
{
    Step step;
    step.record.phase = phase;
    step.record.side = Side::Host;
    step.record.setKey(key);
    step.record.setTitle(title);
    step.record.setOp(op);
    step.record.setShell(shell);
    step.apply = std::move(apply);
    step.rollback = std::move(rollback);
    return add(std::move(step));
}

void faultInjectionPoint(const char *point)
{
    if (const char *fault = ::getenv("KOKER_FAULT_KILL_AT");
        fault && *fault && std::strcmp(fault, point) == 0)
        ::raise(SIGKILL);
}

Status Plan::run(const StepObserver &observer, const StepGate &gate)
{
    for (size_t i = 0; i < m_steps.size(); ++i) {
        Step &step = m_steps[i];
        StepRecord &rec = step.record;
        if (gate && !gate(rec)) {
            rollback(observer);
            return fail(ErrorCode::Cancelled, std::string("aborted before: ") + rec.title);
        }
        faultInjectionPoint(rec.key);
        rec.pid = static_cast<int32_t>(::getpid());
        rec.state = StepState::Running;
        rec.startNs = realtimeNs();
        int64_t t0 = monotonicNs();
        if (observer)
            observer(rec);
        Status st = step.apply ? step.apply() : Status{};
        rec.durationNs = monotonicNs() - t0;
        if (!st) {
            rec.state = StepState::Failed;
            rec.err = st.error().sysErrno;
            rec.setMessage(st.error().message);
            if (observer)
                observer(rec);
            rollback(observer);
            Error e = st.error();
            if (e.step.empty())
                e.step = rec.title;
            return std::unexpected(std::move(e));
        }
        rec.state = StepState::Done;
        if (observer)
            observer(rec);
        m_done.push_back(i);
    }
    return {};
}

void Plan::rollback(const StepObserver &observer)
{
    if (m_extraSeq == 0)
        m_extraSeq = nextSeq();
    while (!m_done.empty()) {
        Step &step = m_steps[m_done.back()];
        m_done.pop_back();
        if (!step.rollback)
            continue;
        StepRecord rec;
        rec.seq = m_extraSeq++;
        rec.phase = Phase::Cleanup;
        rec.side = Side::Host;
        rec.pid = static_cast<int32_t>(::getpid());
        rec.setKey(std::string("rollback.") + step.record.key);
        rec.setTitle(step.rollbackTitle.empty() ? "Undo: " + std::string(step.record.title)
                                                : step.rollbackTitle);
        rec.setOp(step.rollbackOp);
        rec.setShell(step.rollbackShell);
        rec.startNs = realtimeNs();
        int64_t t0 = monotonicNs();
        Status st = step.rollback();
        rec.durationNs = monotonicNs() - t0;
        rec.state = st ? StepState::RolledBack : StepState::Failed;
        if (!st) {
            rec.err = st.error().sysErrno;
            rec.setMessage(st.error().message);
        }
        step.record.state = StepState::RolledBack;
        if (observer)
            observer(rec);
    }
}

} // namespace koker
