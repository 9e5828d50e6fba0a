#pragma once

// Live resource use of one container: asks kokerd for Stats(id) once a second
// (asynchronously, never two calls at a time) and keeps a bounded history of
// samples for the graphs. kokerd reports cumulative counters straight from the
// cgroup files (CPU time, throttled periods, OOM kills); the poller turns them into
// rates and events: CPU% from the change in CPU time over the change in wall time,
// and the throttled periods and OOM kills that happened since the previous sample.

#include "client/helperclient.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtCore/QVariantMap>

#include <functional>

namespace koker {

/// One point of the history. Negative numbers mean "not known" (the controller is
/// missing, or it is the first sample); limits <= 0 mean "no limit".
struct StatsSample
{
    qint64 timestampNs = 0;         // wall clock of kokerd's reading
    qint64 memoryUsage = -1;        // bytes
    qint64 memoryLimit = -1;        // bytes
    double cpuPercent = -1;         // since the previous sample; 100 = one core busy
    qint64 cpuUsageNs = -1;         // cumulative CPU time
    qint64 throttledPeriods = -1;   // cumulative
    qint64 throttledNs = -1;        // cumulative
    qint64 newThrottledPeriods = 0; // since the previous sample
    qint64 pids = -1;
    qint64 pidsLimit = -1;
    qint64 oomKills = -1;   // cumulative
    qint64 newOomKills = 0; // since the previous sample
    bool gapBefore = false; // polling paused (or counters restarted) before it
};

class StatsPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPoller)

public:
    /// Where samples come from: one asynchronous Stats call (kokerd by default).
    using Source = std::function<void(const QString &id, client::Callback<QVariantMap> done)>;

    /// How much history is kept unless setHistorySpan() says otherwise.
    static constexpr int DefaultHistorySeconds = 10 * 60;
    /// Samples kept at most, whatever the span and interval (a memory bound).
    static constexpr int MaxSamples = 7200;

    /// A poller asking `helper` (not owned; may be null, then feed() samples yourself).
    explicit StatsPoller(client::HelperClient *helper, QObject *parent = nullptr);
    ~StatsPoller() override;

    /// Ask something else for stats (tests, recorded runs).
    void setSource(Source source) { m_source = std::move(source); }
    /// Poll this container from now on; the history is cleared when it changes.
    void setContainerId(const QString &id);
    /// The container polled.
    QString containerId() const { return m_id; }
    /// Time between two calls (default 1000 ms).
    void setInterval(int milliseconds);
    /// Time between two calls in ms.
    int interval() const { return m_timer.interval(); }
    /// Keep samples for this long (default 10 minutes).
    void setHistorySpan(int seconds);
    /// How long samples are kept, in seconds.
    int historySpan() const { return m_historySeconds; }

    /// Start polling (at once, then every interval()).
    void start();
    /// Stop polling; a call in flight still lands in the history.
    void stop();
    /// Whether polling is on.
    bool isActive() const { return m_timer.isActive(); }
    /// Ask now, unless a call is already in flight (then nothing happens).
    void pollNow();
    /// Whether a Stats call is waiting for its answer.
    bool isPolling() const { return m_inFlight; }

    /// Add a reading as kokerd's Stats returns it (memoryUsage, cpuUsageNs, ... timestamp).
    void feed(const QVariantMap &stats);
    /// The samples, oldest first.
    const QList<StatsSample> &history() const { return m_history; }
    /// Forget every sample.
    void clear();
    /// The last error (translated), empty after a successful reading.
    QString errorText() const { return m_errorText; }

Q_SIGNALS:
    /// The history changed (a sample was added or the history cleared).
    void updated();
    /// A Stats call failed (text translated); the poller keeps trying.
    void errorOccurred(const QString &text);

private:
    void answered(quint64 generation, Result<QVariantMap> result);

    Source m_source;
    QString m_id;
    QTimer m_timer;
    bool m_inFlight = false;
    quint64 m_generation = 0; // answers for an older container are dropped
    int m_historySeconds = DefaultHistorySeconds;
    QList<StatsSample> m_history;
    QString m_errorText;
};

} // namespace koker
