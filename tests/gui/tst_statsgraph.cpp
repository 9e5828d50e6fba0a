// The live graphs: StatsPoller's history and CPU% math fed recorded Stats maps
// (table rows), its one-call-at-a-time polling and visibility, and StatsGraph's
// painting (robust on empty, single and absurd data; the limit line at the height
// its value calls for, found in a grab()). With KOKER_SCREENSHOT_DIR set and as
// root, a last case records a real container's cgroup for docs/images/graphs.png.

#include "runtime/cgroupdriver.h"
#include "runtime/step.h"
#include "studio/statsgraph.h"
#include "studio/statspoller.h"
#include "testsupport.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

#include <climits>
#include <cmath>
#include <map>

using namespace koker;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 Second = 1'000'000'000;
constexpr qint64 MiB = 1024 * 1024;

// One reading as kokerd's Stats returns it; negative arguments leave the key out.
QVariantMap reading(double seconds, qint64 cpuNs, qint64 throttled = -1, qint64 ooms = -1,
                    const QVariantMap &extra = {})
{
    QVariantMap m = extra;
    m.insert(u"timestamp"_s, qlonglong(std::llround(seconds * 1e9)) + 1'700'000'000 * Second);
    if (cpuNs >= 0)
        m.insert(u"cpuUsageNs"_s, qlonglong(cpuNs));
    if (throttled >= 0)
        m.insert(u"throttledPeriods"_s, qlonglong(throttled));
    if (ooms >= 0)
        m.insert(u"oomKills"_s, qlonglong(ooms));
    return m;
}

QVariantMap memory(qint64 usage, qint64 limit)
{
    return {{u"memoryUsage"_s, qlonglong(usage)}, {u"memoryLimit"_s, qlonglong(limit)}};
}

// A stand-in for kokerd: remembers each call's callback for the test to answer.
struct FakeHelper
{
    QList<QString> ids;
    QList<client::Callback<QVariantMap>> pending;

    StatsPoller::Source source()
    {
        return [this](const QString &id, client::Callback<QVariantMap> done) {
            ids << id;
            pending << std::move(done);
        };
    }
    void answer(const QVariantMap &stats) { pending.takeFirst()(stats); }
    void answerError(ErrorCode code) { pending.takeFirst()(fail(code, "test error")); }
};

// The pixel row holding most of the exact-colour pixels between two columns.
int dominantRow(const QImage &image, QColor color, int left, int right, int top, int bottom)
{
    std::map<int, int> hits;
    for (int x = left; x <= right; ++x) {
        for (int y = top; y <= bottom; ++y) {
            if (image.pixelColor(x, y).rgb() == color.rgb())
                ++hits[y];
        }
    }
    int best = -1;
    int bestCount = 0;
    for (auto [row, count] : hits) {
        if (count > bestCount) {
            best = row;
            bestCount = count;
        }
    }
    return best;
}

} // namespace

class TestStatsGraph final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void history_data();
    void history();
    void missingValuesAreUnknown();
    void historyIsBounded();
    void pollerNeverOverlaps();
    void pollerErrors();
    void pollerSwitchesContainer();
    void pollsOnlyWhileVisible();
    void paintsAnything_data();
    void paintsAnything();
    void limitLineHeight_data();
    void limitLineHeight();
    void recordedRunScreenshot();
};

void TestStatsGraph::history_data()
{
    QTest::addColumn<QList<QVariantMap>>("readings");
    QTest::addColumn<QList<double>>("cpuPercent"); // -1: not known
    QTest::addColumn<QList<qint64>>("newThrottled");
    QTest::addColumn<QList<qint64>>("newOoms");
    QTest::addColumn<QList<bool>>("gaps");

    QTest::newRow("first reading has no rate")
        << QList<QVariantMap>{reading(0, 5 * Second)} << QList<double>{-1} << QList<qint64>{0}
        << QList<qint64>{0} << QList<bool>{false};
    QTest::newRow("one core busy")
        << QList<QVariantMap>{reading(0, 0), reading(1, Second), reading(2, 2 * Second)}
        << QList<double>{-1, 100, 100} << QList<qint64>{0, 0, 0} << QList<qint64>{0, 0, 0}
        << QList<bool>{false, false, false};
    QTest::newRow("two cores busy")
        << QList<QVariantMap>{reading(0, 0), reading(1, 2 * Second)} << QList<double>{-1, 200}
        << QList<qint64>{0, 0} << QList<qint64>{0, 0} << QList<bool>{false, false};
    QTest::newRow("idle") << QList<QVariantMap>{reading(0, 7 * Second), reading(1, 7 * Second)}
                          << QList<double>{-1, 0} << QList<qint64>{0, 0} << QList<qint64>{0, 0}
                          << QList<bool>{false, false};
    QTest::newRow("half a core over two seconds")
        << QList<QVariantMap>{reading(0, 0), reading(2, Second)} << QList<double>{-1, 50}
        << QList<qint64>{0, 0} << QList<qint64>{0, 0} << QList<bool>{false, false};
    QTest::newRow("uneven intervals")
        << QList<QVariantMap>{reading(0, 0), reading(0.5, Second / 4), reading(2, Second)}
        << QList<double>{-1, 50, 50} << QList<qint64>{0, 0, 0} << QList<qint64>{0, 0, 0}
        << QList<bool>{false, false, false};
    QTest::newRow("throttled periods and OOM kills become events")
        << QList<QVariantMap>{reading(0, 0, 10, 0), reading(1, Second / 2, 14, 0),
                              reading(2, Second, 14, 1), reading(3, Second, 20, 3)}
        << QList<double>{-1, 50, 50, 0} << QList<qint64>{0, 4, 0, 6} << QList<qint64>{0, 0, 1, 2}
        << QList<bool>{false, false, false, false};
    QTest::newRow("paused polling is a gap, the rate averages over it")
        << QList<QVariantMap>{reading(0, 0), reading(1, Second / 10), reading(11, Second)}
        << QList<double>{-1, 10, 9} << QList<qint64>{0, 0, 0} << QList<qint64>{0, 0, 0}
        << QList<bool>{false, false, true};
    QTest::newRow("counters restart with the container: no rate across")
        << QList<QVariantMap>{reading(0, 5 * Second, 3, 1), reading(1, 6 * Second, 3, 1),
                              reading(2, Second / 10, 0, 0), reading(3, Second / 10 * 6, 0, 0)}
        << QList<double>{-1, 100, -1, 50} << QList<qint64>{0, 0, 0, 0} << QList<qint64>{0, 0, 0, 0}
        << QList<bool>{false, false, true, false};
    QTest::newRow("CPU controller missing in one reading")
        << QList<QVariantMap>{reading(0, 0), reading(1, -1), reading(2, 2 * Second),
                              reading(3, 3 * Second)}
        << QList<double>{-1, -1, -1, 100} << QList<qint64>{0, 0, 0, 0} << QList<qint64>{0, 0, 0, 0}
        << QList<bool>{false, false, false, false};
    QTest::newRow("the same reading twice counts once")
        << QList<QVariantMap>{reading(0, 0), reading(1, Second), reading(1, Second),
                              reading(2, 2 * Second)}
        << QList<double>{-1, 100, 100} << QList<qint64>{0, 0, 0} << QList<qint64>{0, 0, 0}
        << QList<bool>{false, false, false};
    QTest::newRow("the clock went back: start again")
        << QList<QVariantMap>{reading(10, 0), reading(11, Second), reading(5, 2 * Second),
                              reading(6, 2 * Second + Second / 4)}
        << QList<double>{-1, 25} << QList<qint64>{0, 0} << QList<qint64>{0, 0}
        << QList<bool>{false, false};
    QTest::newRow("absurd counters do not overflow")
        << QList<QVariantMap>{reading(0, 0, 0, 0), reading(1, LLONG_MAX, LLONG_MAX, LLONG_MAX)}
        << QList<double>{-1, 100.0 * double(LLONG_MAX) / 1e9} << QList<qint64>{0, LLONG_MAX}
        << QList<qint64>{0, LLONG_MAX} << QList<bool>{false, false};
}

void TestStatsGraph::history()
{
    QFETCH(QList<QVariantMap>, readings);
    QFETCH(QList<double>, cpuPercent);
    QFETCH(QList<qint64>, newThrottled);
    QFETCH(QList<qint64>, newOoms);
    QFETCH(QList<bool>, gaps);

    StatsPoller poller(nullptr);
    QSignalSpy updated(&poller, &StatsPoller::updated);
    for (const QVariantMap &m : readings)
        poller.feed(m);
    const QList<StatsSample> &h = poller.history();
    QCOMPARE(h.size(), cpuPercent.size());
    QVERIFY(updated.size() >= 1);
    for (qsizetype i = 0; i < h.size(); ++i) {
        const QByteArray at = "sample " + QByteArray::number(i);
        if (cpuPercent.at(i) < 0)
            QVERIFY2(h.at(i).cpuPercent < 0, at.constData());
        else
            QVERIFY2(std::abs(h.at(i).cpuPercent - cpuPercent.at(i)) <=
                         1e-9 * std::max(1.0, cpuPercent.at(i)),
                     QByteArray(at + ": " + QByteArray::number(h.at(i).cpuPercent)).constData());
        QCOMPARE(h.at(i).newThrottledPeriods, newThrottled.at(i));
        QCOMPARE(h.at(i).newOomKills, newOoms.at(i));
        QCOMPARE(h.at(i).gapBefore, gaps.at(i));
    }
}

void TestStatsGraph::missingValuesAreUnknown()
{
    StatsPoller poller(nullptr);
    poller.feed(reading(0, -1));
    poller.feed(reading(1, -1, -1, -1, memory(40 * MiB, -1))); // -1: kokerd's "no limit"
    QCOMPARE(poller.history().size(), 2);
    const StatsSample &first = poller.history().first();
    QCOMPARE(first.memoryUsage, -1);
    QCOMPARE(first.memoryLimit, -1);
    QCOMPARE(first.pids, -1);
    QCOMPARE(first.pidsLimit, -1);
    QCOMPARE(first.oomKills, -1);
    QVERIFY(first.cpuPercent < 0);
    const StatsSample &second = poller.history().last();
    QCOMPARE(second.memoryUsage, 40 * MiB);
    QCOMPARE(second.memoryLimit, -1);
    QVERIFY(second.cpuPercent < 0);

    // No timestamp at all: the poller's own clock stands in.
    poller.clear();
    poller.feed({{u"pids"_s, 3}});
    QCOMPARE(poller.history().size(), 1);
    QVERIFY(poller.history().first().timestampNs > 0);
    QCOMPARE(poller.history().first().pids, 3);
}

void TestStatsGraph::historyIsBounded()
{
    StatsPoller poller(nullptr);
    QCOMPARE(poller.historySpan(), 600);
    poller.setHistorySpan(60);
    for (int i = 0; i < 200; ++i)
        poller.feed(reading(i, qint64(i) * Second / 2));
    // Everything within the last 60 s: seconds 139..199.
    QCOMPARE(poller.history().size(), 61);
    QCOMPARE(poller.history().last().timestampNs - poller.history().first().timestampNs,
             60 * Second);
    QCOMPARE(poller.history().last().cpuPercent, 50.0);

    // And a hard count bound, whatever the span and interval.
    StatsPoller fast(nullptr);
    fast.setInterval(50);
    fast.setHistorySpan(24 * 3600);
    for (int i = 0; i < StatsPoller::MaxSamples + 500; ++i)
        fast.feed(reading(i * 0.05, 0));
    QCOMPARE(fast.history().size(), StatsPoller::MaxSamples);
    QVERIFY(!fast.history().first().gapBefore);
}

void TestStatsGraph::pollerNeverOverlaps()
{
    FakeHelper helper;
    StatsPoller poller(nullptr);
    poller.setSource(helper.source());
    poller.pollNow();
    QCOMPARE(helper.ids.size(), 0); // no container yet
    poller.setContainerId(u"c1"_s);
    poller.pollNow();
    poller.pollNow();
    poller.pollNow();
    QCOMPARE(helper.ids, QList<QString>{u"c1"_s});
    QVERIFY(poller.isPolling());

    helper.answer(reading(0, 0));
    QVERIFY(!poller.isPolling());
    QCOMPARE(poller.history().size(), 1);
    poller.pollNow();
    QCOMPARE(helper.ids.size(), 2);
    helper.answer(reading(1, Second));
    QCOMPARE(poller.history().last().cpuPercent, 100.0);

    // The timer asks only after an answer came: start() asks at once, then waits.
    poller.setInterval(10);
    poller.start();
    QVERIFY(poller.isActive());
    QCOMPARE(helper.ids.size(), 3);
    QTest::qWait(50); // several intervals pass while the call is unanswered
    QCOMPARE(helper.ids.size(), 3);
    helper.answer(reading(2, Second));
    QTRY_COMPARE(helper.ids.size(), 4);
    poller.stop();
    QVERIFY(!poller.isActive());
    helper.answer(reading(3, Second)); // an answer after stop() still counts
    QCOMPARE(poller.history().size(), 4);
    QTest::qWait(50);
    QCOMPARE(helper.ids.size(), 4);
}

void TestStatsGraph::pollerErrors()
{
    FakeHelper helper;
    StatsPoller poller(nullptr);
    poller.setSource(helper.source());
    poller.setContainerId(u"c1"_s);
    QSignalSpy errors(&poller, &StatsPoller::errorOccurred);
    poller.pollNow();
    helper.answerError(ErrorCode::NotFound);
    QCOMPARE(errors.size(), 1);
    QVERIFY(!poller.errorText().isEmpty());
    QVERIFY(poller.history().isEmpty());
    QVERIFY(!poller.isPolling());
    // The poller keeps trying, and a good answer clears the error.
    poller.pollNow();
    helper.answer(reading(0, 0));
    QVERIFY(poller.errorText().isEmpty());
    QCOMPARE(poller.history().size(), 1);
}

void TestStatsGraph::pollerSwitchesContainer()
{
    FakeHelper helper;
    StatsPoller poller(nullptr);
    poller.setSource(helper.source());
    poller.setContainerId(u"c1"_s);
    poller.setInterval(100000); // only the explicit polls below
    poller.start();
    helper.answer(reading(0, 0));
    poller.pollNow();
    QCOMPARE(helper.ids.size(), 2);

    // Switch while c1's call is in flight: the history restarts, c1's answer is
    // dropped, and c2 is asked right after (still one call at a time).
    poller.setContainerId(u"c2"_s);
    QVERIFY(poller.history().isEmpty());
    QCOMPARE(helper.ids.size(), 2);
    helper.answer(reading(1, Second));
    QVERIFY(poller.history().isEmpty());
    QCOMPARE(helper.ids.size(), 3);
    QCOMPARE(helper.ids.last(), u"c2"_s);
    helper.answer(reading(5, 0));
    QCOMPARE(poller.history().size(), 1);
}

void TestStatsGraph::pollsOnlyWhileVisible()
{
    FakeHelper helper;
    StatsPoller poller(nullptr);
    poller.setSource(helper.source());
    poller.setContainerId(u"c1"_s);
    StatsGraph graph;
    graph.setPoller(&poller);
    QVERIFY(!poller.isActive());
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    QVERIFY(poller.isActive());
    QCOMPARE(helper.ids.size(), 1);
    helper.answer(reading(0, 0));
    graph.hide();
    QVERIFY(!poller.isActive());
    graph.show();
    QVERIFY(poller.isActive());
    graph.setPoller(nullptr);
    QVERIFY(!poller.isActive());
}

void TestStatsGraph::paintsAnything_data()
{
    QTest::addColumn<QList<QVariantMap>>("readings");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("cpuLimit");

    const QVariantMap everything{{u"memoryUsage"_s, 30 * MiB},
                                 {u"memoryLimit"_s, 64 * MiB},
                                 {u"pids"_s, 4},
                                 {u"pidsLimit"_s, 50},
                                 {u"throttledNs"_s, 5e8}};
    const QVariantMap huge{{u"memoryUsage"_s, LLONG_MAX},
                           {u"memoryLimit"_s, LLONG_MAX - 1},
                           {u"pids"_s, LLONG_MAX},
                           {u"pidsLimit"_s, LLONG_MAX},
                           {u"throttledNs"_s, LLONG_MAX}};
    const QVariantMap negative{
        {u"memoryUsage"_s, -5}, {u"memoryLimit"_s, -1}, {u"pids"_s, -1}, {u"pidsLimit"_s, 0}};

    QTest::newRow("empty") << QList<QVariantMap>{} << QSize(500, 400) << 0.0;
    QTest::newRow("one sample") << QList<QVariantMap>{reading(0, 0, 0, 0, everything)}
                                << QSize(500, 400) << 0.0;
    QTest::newRow("two samples, quota")
        << QList<QVariantMap>{reading(0, 0, 0, 0, everything),
                              reading(1, Second / 2, 3, 1, everything)}
        << QSize(500, 400) << 0.5;
    QTest::newRow("huge values") << QList<QVariantMap>{reading(0, 0, 0, 0, huge),
                                                       reading(1, LLONG_MAX, LLONG_MAX, LLONG_MAX,
                                                               huge)}
                                 << QSize(500, 400) << 1e300;
    QTest::newRow("negative and unknown")
        << QList<QVariantMap>{reading(0, -1, -1, -1, negative), reading(1, -1, -1, -1, negative)}
        << QSize(500, 400) << -3.0;
    QTest::newRow("tiny widget") << QList<QVariantMap>{reading(0, 0, 0, 0, everything),
                                                       reading(1, Second, 1, 0, everything)}
                                 << QSize(3, 3) << 1.0;
    QList<QVariantMap> many;
    for (int i = 0; i < 3000; ++i)
        many << reading(i * 0.5, qint64(i) * Second / 4, i / 10, i / 1000, everything);
    QTest::newRow("many samples with gaps") << many << QSize(800, 500) << 2.0;
}

void TestStatsGraph::paintsAnything()
{
    QFETCH(QList<QVariantMap>, readings);
    QFETCH(QSize, size);
    QFETCH(double, cpuLimit);
    StatsPoller poller(nullptr);
    for (const QVariantMap &m : readings)
        poller.feed(m);
    StatsGraph graph;
    graph.setCpuLimit(cpuLimit);
    graph.resize(size);
    QVERIFY(!graph.grab().isNull()); // no poller at all
    graph.setPoller(&poller);
    const QImage image = graph.grab().toImage();
    QCOMPARE(image.size(), size);
    for (auto metric :
         {StatsGraph::Metric::Memory, StatsGraph::Metric::Cpu, StatsGraph::Metric::Pids}) {
        QVERIFY(std::isfinite(graph.axisMaximum(metric)));
        QVERIFY(graph.axisMaximum(metric) > 0);
    }
}

void TestStatsGraph::limitLineHeight_data()
{
    QTest::addColumn<StatsGraph::Metric>("metric");
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<double>("cpuLimit");
    QTest::addColumn<double>("limit");   // in the chart's unit
    QTest::addColumn<double>("highest"); // highest value or limit shown

    QTest::newRow("memory well under its limit")
        << StatsGraph::Metric::Memory << memory(10 * MiB, 100 * MiB) << 0.0 << 100.0 * MiB
        << 100.0 * MiB;
    QTest::newRow("memory near its limit")
        << StatsGraph::Metric::Memory << memory(95 * MiB, 100 * MiB) << 0.0 << 100.0 * MiB
        << 100.0 * MiB;
    QTest::newRow("memory over a lowered limit")
        << StatsGraph::Metric::Memory << memory(300 * MiB, 100 * MiB) << 0.0 << 100.0 * MiB
        << 300.0 * MiB;
    QTest::newRow("pids limit") << StatsGraph::Metric::Pids
                                << QVariantMap{{u"pids"_s, 7}, {u"pidsLimit"_s, 50}} << 0.0 << 50.0
                                << 50.0;
    QTest::newRow("CPU quota of 1.5 cores")
        << StatsGraph::Metric::Cpu << QVariantMap{} << 1.5 << 150.0 << 150.0;
}

void TestStatsGraph::limitLineHeight()
{
    QFETCH(StatsGraph::Metric, metric);
    QFETCH(QVariantMap, values);
    QFETCH(double, cpuLimit);
    QFETCH(double, limit);
    QFETCH(double, highest);

    StatsPoller poller(nullptr);
    poller.feed(reading(0, 0, 0, 0, values));
    poller.feed(reading(1, Second / 10, 0, 0, values)); // 10 %: under every quota here
    StatsGraph graph;
    graph.setPoller(&poller);
    graph.setCpuLimit(cpuLimit);
    graph.resize(520, 460);
    const QImage image = graph.grab().toImage();

    // The scale: the highest value or limit plus headroom, so the limit sits at
    // limit / (highest * 1.15) of the plot's height -- computed here on its own.
    const QRectF plot = graph.plotArea(metric);
    QVERIFY(plot.height() > 50);
    QCOMPARE(graph.axisMaximum(metric), highest * 1.15);
    const double expected = plot.bottom() - limit / (highest * 1.15) * plot.height();

    // Look for the dashed line's exact colour right of the label, left of "now".
    const int row =
        dominantRow(image, StatsGraph::limitColor(), int(plot.left() + plot.width() * 0.4),
                    int(plot.left() + plot.width() * 0.9), int(plot.top()), int(plot.bottom()));
    QVERIFY2(row >= 0, "no limit line found");
    QVERIFY2(std::abs(row - expected) <= 1.0,
             qPrintable(u"limit line at row %1, expected %2"_s.arg(row).arg(expected)));
}

void TestStatsGraph::recordedRunScreenshot()
{
    // Not a check but the docs' picture: a real container under limits, its cgroup
    // read as kokerd reads it, once a second for a short run.
    const QString outDir = qEnvironmentVariable("KOKER_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set KOKER_SCREENSHOT_DIR to record docs/images/graphs.png");
    KOKER_REQUIRE_ROOT();
    QTemporaryDir root(QDir::tempPath() + u"/koker-graphs-XXXXXX"_s);
    QVERIFY(root.isValid());
    const QString store = root.path();
    QCOMPARE(test::koker(store, {u"image"_s, u"import"_s, u"--starter"_s}).exitCode, 0);
    // A workload with a story: idle, a CPU burner against a half-core quota, more
    // processes, memory filling up to the limit until the OOM killer strikes.
    // The memory hogs are subshells: the OOM killer takes them, not the container's init.
    const QString script =
        u"sleep 4; (while :; do :; done) & B=$!; sleep 8; "
        "for i in 1 2 3 4 5 6 7 8; do sleep 60 & done; sleep 4; kill $B; sleep 2; "
        "for n in 1 2; do (x=0123456789abcdef; for i in $(seq 16); do x=$x$x; done; y=; "
        "while :; do y=$y$x; sleep 0.2; done); sleep 2; done; sleep 600"_s;
    auto run =
        test::koker(store, {u"run"_s, u"-d"_s, u"--network"_s, u"none"_s, u"-m"_s, u"64m"_s,
                            u"--memory-swap"_s, u"64m"_s, u"--cpus"_s, u"0.5"_s, u"--pids-limit"_s,
                            u"40"_s, u"starter"_s, u"sh"_s, u"-c"_s, script});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const std::string id = run.out.trimmed().toStdString();
    struct Cleanup
    {
        QString store;
        ~Cleanup() { test::removeStore(store); }
    } cleanup{store};

    StatsPoller poller(nullptr);
    poller.setContainerId(QString::fromStdString(id));
    // What kokerd's Stats does, minus the bus.
    poller.setSource([id](const QString &, client::Callback<QVariantMap> done) {
        auto driver = CgroupDriver::forHost(id);
        if (!driver)
            return done(std::unexpected(driver.error()));
        auto stats = driver->stats();
        if (!stats)
            return done(std::unexpected(stats.error()));
        QVariantMap out;
        auto put = [&out](const QString &key, const std::optional<int64_t> &v) {
            if (v)
                out.insert(key, qlonglong(*v));
        };
        put(u"memoryUsage"_s, stats->memoryUsageBytes);
        put(u"memoryLimit"_s, stats->memoryLimitBytes);
        put(u"cpuUsageNs"_s, stats->cpuUsageNs);
        put(u"throttledPeriods"_s, stats->cpuThrottledPeriods);
        put(u"throttledNs"_s, stats->cpuThrottledNs);
        put(u"pids"_s, stats->pidsCurrent);
        put(u"pidsLimit"_s, stats->pidsMax);
        put(u"oomKills"_s, stats->oomKills);
        out.insert(u"timestamp"_s, qlonglong(realtimeNs()));
        done(out);
    });
    StatsGraph graph;
    graph.setPoller(&poller);
    graph.setCpuLimit(0.5);
    graph.setTimeSpan(60);
    graph.resize(720, 520);
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    QTRY_VERIFY_WITH_TIMEOUT(poller.history().size() >= 42 || !poller.errorText().isEmpty(),
                             120000);
    QVERIFY(poller.history().size() >= 2);
    QVERIFY(QDir().mkpath(outDir));
    QVERIFY(graph.grab().save(outDir + u"/graphs.png"_s));
}

QTEST_MAIN(TestStatsGraph)
#include "tst_statsgraph.moc"
