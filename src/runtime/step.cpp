#include "step.h"

#include <ctime>
#include <string>

namespace koker {

const char *phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Image:
        return "image";
    case Phase::Storage:
        return "storage";
    case Phase::Cgroup:
        return "cgroup";
    case Phase::Network:
        return "network";
    case Phase::Namespace:
        return "namespace";
    case Phase::Process:
        return "process";
    case Phase::Cleanup:
        return "cleanup";
    }
    return "process";
}

const char *sideName(Side side)
{
    return side == Side::Host ? "host" : "container";
}

const char *stepStateName(StepState state)
{
    switch (state) {
    case StepState::Planned:
        return "planned";
    case StepState::Running:
        return "running";
    case StepState::Done:
        return "done";
    case StepState::Failed:
        return "failed";
    case StepState::Skipped:
        return "skipped";
    case StepState::RolledBack:
        return "rolled-back";
    }
    return "planned";
}

static int64_t clockNs(clockid_t id)
{
    timespec ts{};
    clock_gettime(id, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

int64_t realtimeNs()
{
    return clockNs(CLOCK_REALTIME);
}

int64_t monotonicNs()
{
    return clockNs(CLOCK_MONOTONIC);
}

std::string shellQuote(std::string_view word)
{
    bool plain = !word.empty();
    for (char c : word) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '/' || c == '.' || c == '_' || c == '-' || c == '=' || c == ':' ||
                  c == ',' || c == '+' || c == '@' || c == '%';
        if (!ok) {
            plain = false;
            break;
        }
    }
    if (plain)
        return std::string(word);
    std::string out = "'";
    for (char c : word) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

} // namespace koker
