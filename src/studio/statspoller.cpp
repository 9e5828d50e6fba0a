#include "studio/statspoller.h"

#include <QtCore/QDateTime>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

// A longer pause than this many intervals between two samples is drawn as a gap:
// the graph was hidden, or kokerd did not answer for a while.
constexpr double GapIntervals = 2.5;

qint64 value(const QVariantMap &stats, const QString &key)
{
    const auto it = stats.constFind(key);
    if (it == stats.cend())
        return -1;
    bool ok = false;
    const qint64 v = it->toLongLong(&ok);
    return ok ? v : -1;
}

} // namespace

StatsPoller::StatsPoller(client::HelperClient *helper, QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &StatsPoller::pollNow);
    if (helper) {
        QPointer<client::HelperClient> h(helper);
        m_source = [h](const QString &id, client::Callback<QVariantMap> done) {
            if (h)
                h->stats(id, std::move(done));
            else
                done(fail(ErrorCode::Unavailable, "no connection to kokerd"));
        };
    }
}

StatsPoller::~StatsPoller() = default;

void StatsPoller::setContainerId(const QString &id)
{
    if (id == m_id)
        return;
    m_id = id;
    ++m_generation;
    clear();
    if (isActive())
        pollNow();
}

void StatsPoller::setInterval(int milliseconds)
{
    m_timer.setInterval(std::max(50, milliseconds));
}

void StatsPoller::setHistorySpan(int seconds)
{
    m_historySeconds = std::max(1, seconds);
}

void StatsPoller::start()
{
    if (m_timer.isActive())
        return;
    m_timer.start();
    pollNow();
}

void StatsPoller::stop()
{
    m_timer.stop();
}

void StatsPoller::pollNow()
{
    // One call at a time: a helper slow to answer is not buried under more calls,
    // and samples keep their order.
    if (m_inFlight || !m_source || m_id.isEmpty())
        return;
    m_inFlight = true;
    QPointer<StatsPoller> self(this);
    const quint64 generation = m_generation;
    m_source(m_id, [self, generation](Result<QVariantMap> result) {
        if (self)
            self->answered(generation, std::move(result));
    });
}

void StatsPoller::answered(quint64 generation, Result<QVariantMap> result)
{
    m_inFlight = false;
    if (generation != m_generation) {
        // An answer about the previous container: drop it, and ask about this one.
        if (isActive())
            pollNow();
        return;
    }
    if (!result) {
        const Error &e = result.error();
        switch (e.code) {
        case ErrorCode::NotFound:
            m_errorText = tr("The container is not running.");
            break;
        case ErrorCode::PermissionDenied:
        case ErrorCode::Unauthorized:
            m_errorText = tr("You are not allowed to read this container's resource use.");
            break;
        case ErrorCode::Unavailable:
            m_errorText = tr("The Koker helper (kokerd) is not available.");
            break;
        default:
            m_errorText =
                tr("Could not read the resource use: %1").arg(QString::fromStdString(e.describe()));
            break;
        }
        Q_EMIT errorOccurred(m_errorText);
        Q_EMIT updated();
        return;
    }
    m_errorText.clear();
    feed(*result);
}

void StatsPoller::feed(const QVariantMap &stats)
{
    StatsSample s;
    s.timestampNs = value(stats, u"timestamp"_s);
    if (s.timestampNs <= 0)
        s.timestampNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    s.memoryUsage = value(stats, u"memoryUsage"_s);
    s.memoryLimit = value(stats, u"memoryLimit"_s);
    s.cpuUsageNs = value(stats, u"cpuUsageNs"_s);
    s.throttledPeriods = value(stats, u"throttledPeriods"_s);
    s.throttledNs = value(stats, u"throttledNs"_s);
    s.pids = value(stats, u"pids"_s);
    s.pidsLimit = value(stats, u"pidsLimit"_s);
    s.oomKills = value(stats, u"oomKills"_s);

    if (!m_history.isEmpty()) {
        const StatsSample &prev = m_history.last();
        const qint64 dt = s.timestampNs - prev.timestampNs;
        if (dt == 0)
            return; // the same reading twice
        if (dt < 0) {
            // The wall clock went back (NTP, a suspended laptop): the old points have
            // no place on the new time axis.
            m_history.clear();
        } else {
            s.gapBefore = double(dt) > GapIntervals * double(m_timer.interval()) * 1e6;
            // Counters only grow while the cgroup lives; a smaller one means the
            // container was restarted in a new cgroup: no rate across that.
            const bool restarted =
                (s.cpuUsageNs >= 0 && prev.cpuUsageNs > s.cpuUsageNs) ||
                (s.oomKills >= 0 && prev.oomKills > s.oomKills) ||
                (s.throttledPeriods >= 0 && prev.throttledPeriods > s.throttledPeriods);
            if (restarted) {
                s.gapBefore = true;
            } else {
                // Doubles: a hostile or broken reading near INT64_MAX must not overflow.
                if (s.cpuUsageNs >= 0 && prev.cpuUsageNs >= 0)
                    s.cpuPercent =
                        100.0 * (double(s.cpuUsageNs) - double(prev.cpuUsageNs)) / double(dt);
                if (s.throttledPeriods >= 0 && prev.throttledPeriods >= 0)
                    s.newThrottledPeriods = s.throttledPeriods - prev.throttledPeriods;
                if (s.oomKills >= 0 && prev.oomKills >= 0)
                    s.newOomKills = s.oomKills - prev.oomKills;
            }
        }
    }
    m_history.append(s);

    // Bounded: by age, and by count whatever the interval.
    const qint64 oldest = s.timestampNs - qint64(m_historySeconds) * 1'000'000'000;
    qsizetype drop = 0;
    while (drop < m_history.size() - 1 && m_history.at(drop).timestampNs < oldest)
        ++drop;
    drop = std::max(drop, m_history.size() - MaxSamples);
    if (drop > 0)
        m_history.remove(0, drop);
    Q_EMIT updated();
}

void StatsPoller::clear()
{
    m_history.clear();
    m_errorText.clear();
    Q_EMIT updated();
}

} // namespace koker
