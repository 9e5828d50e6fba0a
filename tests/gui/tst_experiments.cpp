// The guided experiments' explanations (Experiments), table-driven: evidence as
// kokerd gives it for each outcome, including evidence that shows nothing, so a
// broken experiment is reported as "not seen" and never explained as a success.
// The real runs through kokerd are in the e2e test (tests/gui/e2e).

#include "studio/experiment.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject hoodCgroup()
{
    QFile f(QFINDTESTDATA(u"data/underthehood-bridge.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"cgroup"_s).toObject();
}

CgroupCounters counters(qint64 throttledNs, qint64 throttledPeriods, qint64 usageNs)
{
    CgroupCounters c;
    c.cpuThrottledNs = throttledNs;
    c.cpuThrottledPeriods = throttledPeriods;
    c.cpuUsageNs = usageNs;
    return c;
}

// /proc/net/dev as the kernel prints it.
QString procNetDevText(const QStringList &names)
{
    QString text = u"Inter-|   Receive                            |  Transmit\n"
                   u" face |bytes    packets errs drop fifo frame compressed multicast|bytes\n"_s;
    for (const QString &n : names)
        text += u"%1: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"_s.arg(n, 6);
    return text;
}

} // namespace

class TestExperiments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specs();
    void oom_data();
    void oom();
    void forkBomb_data();
    void forkBomb();
    void cpu_data();
    void cpu();
    void procNetDev_data();
    void procNetDev();
    void network_data();
    void network();
    void html();
};

void TestExperiments::specs()
{
    for (ExperimentKind kind : Experiments::all()) {
        QVERIFY(!Experiments::title(kind).isEmpty());
        QVERIFY(!Experiments::introduction(kind).isEmpty());
        const QList<QVariantMap> specs = Experiments::containerSpecs(kind, u"starter"_s, u"x-"_s);
        QCOMPARE(specs.size(), kind == ExperimentKind::HostNetwork ? 2 : 1);
        QCOMPARE(Experiments::commands(kind, u"starter"_s).size(), specs.size());
        for (const QVariantMap &s : specs) {
            QCOMPARE(s.value(u"image"_s).toString(), u"starter"_s);
            QVERIFY(s.value(u"name"_s).toString().startsWith(u"x-"_s));
            QVERIFY(!s.value(u"cmd"_s).toStringList().isEmpty());
        }
    }
    const QVariantMap oom =
        Experiments::containerSpecs(ExperimentKind::MemoryOom, u"s"_s, {}).first();
    QCOMPARE(oom.value(u"memory"_s).toLongLong(), Experiments::kOomMemoryBytes);
    QCOMPARE(oom.value(u"memorySwap"_s).toLongLong(), Experiments::kOomMemoryBytes);
    QCOMPARE(Experiments::containerSpecs(ExperimentKind::ForkBomb, u"s"_s, {})
                 .first()
                 .value(u"pidsLimit"_s)
                 .toLongLong(),
             Experiments::kForkBombPids);
    QCOMPARE(Experiments::containerSpecs(ExperimentKind::CpuQuota, u"s"_s, {})
                 .first()
                 .value(u"nanoCpus"_s)
                 .toLongLong(),
             Experiments::kCpuNanoCpus);
    const QList<QVariantMap> net =
        Experiments::containerSpecs(ExperimentKind::HostNetwork, u"s"_s, {});
    QCOMPARE(net.at(0).value(u"network"_s).toString(), u"host"_s);
    QCOMPARE(net.at(1).value(u"network"_s).toString(), u"bridge"_s);
    // The fork bomb's command line survives the quoting of its inner quotes.
    QVERIFY(Experiments::commands(ExperimentKind::ForkBomb, u"s"_s)
                .first()
                .contains(u"'\\''while :; do sleep 600 & done'\\''"_s));
}

void TestExperiments::oom_data()
{
    QTest::addColumn<QJsonObject>("state");
    QTest::addColumn<bool>("shown");
    QTest::newRow("oom killed") << QJsonObject{{u"OOMKilled"_s, true},
                                               {u"ExitCode"_s, 137},
                                               {u"Running"_s, false}}
                                << true;
    QTest::newRow("exited normally")
        << QJsonObject{{u"OOMKilled"_s, false}, {u"ExitCode"_s, 0}, {u"Running"_s, false}} << false;
    QTest::newRow("killed, not by the OOM killer")
        << QJsonObject{{u"OOMKilled"_s, false}, {u"ExitCode"_s, 137}, {u"Running"_s, false}}
        << false;
    QTest::newRow("still running")
        << QJsonObject{{u"OOMKilled"_s, false}, {u"ExitCode"_s, 0}, {u"Running"_s, true}} << false;
}

void TestExperiments::oom()
{
    QFETCH(QJsonObject, state);
    QFETCH(bool, shown);
    const ExperimentOutcome o = Experiments::explainOom(state, {});
    QCOMPARE(o.shown, shown);
    QVERIFY(!o.headline.isEmpty());
    QVERIFY(o.evidence.contains(u"State.ExitCode = %1"_s.arg(state.value(u"ExitCode"_s).toInt())));
    if (shown)
        QVERIFY(o.explanation.contains(u"137"_s));
}

void TestExperiments::forkBomb_data()
{
    QTest::addColumn<qint64>("current");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<QString>("events");
    QTest::addColumn<int>("refusedInLog");
    QTest::addColumn<bool>("shown");
    QTest::newRow("held, events readable")
        << qint64(19) << qint64(20) << u"max 50\n"_s << 50 << true;
    QTest::newRow("held, only the log") << qint64(20) << qint64(20) << QString() << 3 << true;
    QTest::newRow("never refused") << qint64(5) << qint64(20) << u"max 0\n"_s << 0 << false;
    QTest::newRow("no limit") << qint64(300) << qint64(-1) << QString() << 0 << false;
    QTest::newRow("over the limit?") << qint64(25) << qint64(20) << u"max 3\n"_s << 3 << false;
}

void TestExperiments::forkBomb()
{
    QFETCH(qint64, current);
    QFETCH(qint64, max);
    QFETCH(QString, events);
    QFETCH(int, refusedInLog);
    QFETCH(bool, shown);
    ForkBombEvidence e;
    e.counters.pidsCurrent = current;
    e.counters.pidsMax = max;
    e.pidsEvents = events;
    for (int i = 0; i < refusedInLog; ++i)
        e.log += u"sh: can't fork: Resource temporarily unavailable\n"_s;
    const ExperimentOutcome o = Experiments::explainForkBomb(e);
    QCOMPARE(o.shown, shown);
    QVERIFY(o.evidence.contains(u"pids.current = %1"_s.arg(current)));
    QVERIFY(o.evidence.contains(u"pids.max = %1"_s.arg(max)));
    QCOMPARE(Experiments::pidsMaxEvents(events), events.isEmpty() ? 0 : events.mid(4).toLongLong());
}

void TestExperiments::cpu_data()
{
    QTest::addColumn<CgroupCounters>("first");
    QTest::addColumn<CgroupCounters>("second");
    QTest::addColumn<bool>("shown");
    // The numbers of a real busy loop at 0.2 CPU over 3 s (koker inspect --hood twice).
    QTest::newRow("throttled") << counters(705776743, 10, 229813532)
                               << counters(2813744695, 42, 863967589) << true;
    QTest::newRow("idle") << counters(0, 0, 1000) << counters(0, 0, 2000) << false;
    QTest::newRow("no counters") << CgroupCounters{} << CgroupCounters{} << false;
}

void TestExperiments::cpu()
{
    QFETCH(CgroupCounters, first);
    QFETCH(CgroupCounters, second);
    QFETCH(bool, shown);
    CpuEvidence e{first, second, 3.0, 0.2};
    const ExperimentOutcome o = Experiments::explainCpu(e);
    QCOMPARE(o.shown, shown);
    QVERIFY(!o.headline.isEmpty());
    if (shown) // (863967589 - 229813532) / 3e9 = 0.21 CPU
        QVERIFY2(o.evidence.join(u' ').contains(u"0.21 CPU"_s), qPrintable(o.evidence.join(u' ')));
}

void TestExperiments::procNetDev_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("two") << procNetDevText({u"lo"_s, u"eth0"_s}) << QStringList{u"lo"_s, u"eth0"_s};
    QTest::newRow("long names, no space after the colon")
        << u"Inter-|\n face |\nkk-575d6cfe18d2:123 0 0\n    lo: 1 2\n"_s
        << QStringList{u"kk-575d6cfe18d2"_s, u"lo"_s};
    QTest::newRow("empty") << QString() << QStringList{};
}

void TestExperiments::procNetDev()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QCOMPARE(Experiments::interfacesFromProcNetDev(text), names);
}

void TestExperiments::network_data()
{
    QTest::addColumn<QStringList>("host");
    QTest::addColumn<QStringList>("hostMode");
    QTest::addColumn<QStringList>("bridge");
    QTest::addColumn<bool>("shown");
    const QStringList host{u"lo"_s, u"eth0"_s, u"kk-1"_s, u"kk2"_s, u"docker0"_s};
    QTest::newRow("as expected") << host << host << QStringList{u"lo"_s, u"eth0"_s} << true;
    QTest::newRow("a veth came meanwhile")
        << host << (host + QStringList{u"kk3"_s}) << QStringList{u"lo"_s, u"eth0"_s} << true;
    QTest::newRow("host mode isolated")
        << host << QStringList{u"lo"_s} << QStringList{u"lo"_s, u"eth0"_s} << false;
    QTest::newRow("bridge saw the host") << host << host << host << false;
    QTest::newRow("nothing printed") << host << QStringList{} << QStringList{} << false;
}

void TestExperiments::network()
{
    QFETCH(QStringList, host);
    QFETCH(QStringList, hostMode);
    QFETCH(QStringList, bridge);
    QFETCH(bool, shown);
    const ExperimentOutcome o =
        Experiments::explainNetwork(host, hostMode.isEmpty() ? QString() : procNetDevText(hostMode),
                                    bridge.isEmpty() ? QString() : procNetDevText(bridge));
    QCOMPARE(o.shown, shown);
    QCOMPARE(o.evidence.size(), 3);
}

void TestExperiments::html()
{
    ForkBombEvidence e;
    e.counters = CgroupCounters::fromJson(hoodCgroup());
    QVERIFY(e.counters.pidsMax.has_value());
    const ExperimentOutcome o = Experiments::explainForkBomb(e); // nothing refused: not seen
    QVERIFY(!o.shown);
    const QString html = o.toHtml();
    QVERIFY(html.contains(Experiments::tr("✗ Not seen:")));
    QVERIFY(html.contains(u"<li>"_s));
}

QTEST_MAIN(TestExperiments)
#include "tst_experiments.moc"
