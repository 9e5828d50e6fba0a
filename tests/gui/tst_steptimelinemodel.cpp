// StepTimelineModel fed real step streams: the fixtures under data/ are `koker
// inspect` output captured as root from real containers (the starter image):
//   inspect-history.json     create, start, stop (SIGTERM then SIGKILL), the
//                            monitor's reconcile, a restart and a second stop
//   inspect-failed-run.json  a run of a missing program: process.exec fails with
//                            ENOENT and the host steps are rolled back
// Every test runs under QAbstractItemModelTester.

#include "dbus/dbustypes.h"
#include "engine/stepjson.h"
#include "studio/steptimelinemodel.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtGui/QBrush>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <cerrno>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile f(QFINDTESTDATA(u"data/"_s + name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QJsonArray fixtureSteps(const QString &name)
{
    return QJsonDocument::fromJson(readFixture(name))
        .array()
        .first()
        .toObject()
        .value(u"Steps"_s)
        .toArray();
}

StepRecord makeRecord(quint32 seq, const char *key, StepState state, Phase phase = Phase::Cgroup)
{
    StepRecord r;
    r.seq = seq;
    r.phase = phase;
    r.state = state;
    r.setKey(key);
    r.setTitle(std::string("Step ") + key);
    if (state != StepState::Planned)
        r.startNs = 1'000'000'000 + qint64(seq) * 1'000;
    if (state != StepState::Planned && state != StepState::Running)
        r.durationNs = 500;
    return r;
}

StepState parseState(const QString &s)
{
    for (StepState st : {StepState::Planned, StepState::Running, StepState::Done, StepState::Failed,
                         StepState::Skipped, StepState::RolledBack}) {
        if (s == QLatin1StringView(stepStateName(st)))
            return st;
    }
    return StepState::Planned;
}

// Every role of every row, for comparing two models cell by cell.
QList<QVariantList> dump(const StepTimelineModel &m)
{
    QList<QVariantList> out;
    for (int row = 0; row < m.rowCount(); ++row) {
        QVariantList v;
        const QModelIndex i = m.index(row, 0);
        for (int role = StepTimelineModel::SeqRole; role <= StepTimelineModel::MessageRole; ++role)
            v << i.data(role);
        for (int col = 0; col < m.columnCount(); ++col)
            v << m.index(row, col).data();
        out << v;
    }
    return out;
}

} // namespace

class TestStepTimelineModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsInspectHistoryGroupedByAction();
    void loadsFailedRunWithRollback();
    void dbusLoaderMatchesInspectLoader();
    void setStepsFromRecords();
    void liveStreamBuildsTheSameRows();
    void upsertSemantics_data();
    void upsertSemantics();
    void batchUpsertSignalsOnce();
    void beginActionGroupsLiveSteps();
    void runningDurationIsDropped();
    void loadInspectJsonForms();
    void formatDuration_data();
    void formatDuration();
    void errnoAndDisplayTexts();
    void tenThousandSteps();
};

void TestStepTimelineModel::loadsInspectHistoryGroupedByAction()
{
    StepTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.loadInspectJson(readFixture(u"inspect-history.json"_s)));
    QCOMPARE(model.rowCount(), 154);
    QCOMPARE(model.columnCount(), int(StepTimelineModel::ColumnCount));
    // The second kill of one stop has the same seq and key as the first: the
    // action ran again, so it is a group of its own.
    const QStringList expected = {u"create"_s,  u"start"_s, u"kill"_s, u"kill"_s, u"reconcile"_s,
                                  u"cleanup"_s, u"start"_s, u"kill"_s, u"kill"_s};
    QStringList actions;
    for (int g = 0; g < model.actionCount(); ++g)
        actions << model.actionName(g);
    QCOMPARE(actions, expected);
    QCOMPARE(model.actionRowCount(1), 65);
    QCOMPARE(model.actionRowCount(4), 18);
    QCOMPARE(model.failedCount(), 0);

    // The first start: ns.clone on the host, then the child's steps in the container.
    const int clone = model.rowOf(37, u"ns.clone"_s, 1);
    QVERIFY(clone > 0);
    QCOMPARE(model.actionOfRow(clone), 1);
    const QModelIndex i = model.index(clone, 0);
    QCOMPARE(i.data(StepTimelineModel::PhaseRole).toInt(), int(Phase::Namespace));
    QCOMPARE(i.data(StepTimelineModel::SideRole).toInt(), int(Side::Host));
    QVERIFY(i.data(StepTimelineModel::OpRole).toString().startsWith(u"clone3("_s));
    QCOMPARE(i.data(StepTimelineModel::ActionRole).toString(), u"start"_s);
    const int overlay = model.rowOf(42, u"mount.overlay"_s, 1);
    QCOMPARE(model.index(overlay, 0).data(StepTimelineModel::SideRole).toInt(),
             int(Side::Container));
    QCOMPARE(model.index(overlay, 0).data(StepTimelineModel::PidRole).toInt(), 1);
    // Relative start counts from the action's first step.
    QCOMPARE(model.index(model.actionFirstRow(1), 0)
                 .data(StepTimelineModel::RelativeStartRole)
                 .toLongLong(),
             0);
    QVERIFY(model.index(overlay, 0).data(StepTimelineModel::RelativeStartRole).toLongLong() > 0);
    // The second start has the same seqs: rowOf finds each in its own action.
    QVERIFY(model.rowOf(37, u"ns.clone"_s, 6) > clone);
}

void TestStepTimelineModel::loadsFailedRunWithRollback()
{
    StepTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.loadInspectJson(readFixture(u"inspect-failed-run.json"_s)));
    QCOMPARE(model.rowCount(), 80);
    QCOMPARE(model.actionCount(), 3);
    QCOMPARE(model.actionName(1), u"start"_s);
    QCOMPARE(model.actionRowCount(1), 78);
    QCOMPARE(model.failedCount(), 1);

    const int exec = model.rowOf(65, u"process.exec"_s, 1);
    QVERIFY(exec > 0);
    const QModelIndex e = model.index(exec, 0);
    QCOMPARE(e.data(StepTimelineModel::StateRole).toInt(), int(StepState::Failed));
    QCOMPARE(e.data(StepTimelineModel::ErrnoRole).toInt(), ENOENT);
    QVERIFY(e.data(StepTimelineModel::MessageRole).toString().contains(u"not found"_s));
    QCOMPARE(model.index(exec, StepTimelineModel::StateColumn).data().toString(),
             u"failed (ENOENT)"_s);

    // The rollback reuses seqs 36..48 of the child's steps with rollback.* keys:
    // new rows after the failure, not updates of the child's rows.
    const int childStep = model.rowOf(36, u"ns.clone"_s, 1);
    const int undo = model.rowOf(36, u"rollback.net.link.veth"_s, 1);
    QVERIFY(childStep >= 0);
    QVERIFY(undo > exec);
    QCOMPARE(model.index(childStep, 0).data(StepTimelineModel::StateRole).toInt(),
             int(StepState::Done));
    int rolledBack = 0;
    for (int row = exec + 1; row < model.actionFirstRow(2); ++row) {
        const QModelIndex i = model.index(row, 0);
        QCOMPARE(i.data(StepTimelineModel::StateRole).toInt(), int(StepState::RolledBack));
        QCOMPARE(i.data(StepTimelineModel::PhaseRole).toInt(), int(Phase::Cleanup));
        QVERIFY(i.data(StepTimelineModel::KeyRole).toString().startsWith(u"rollback."_s));
        ++rolledBack;
    }
    QCOMPARE(rolledBack, 13);
}

void TestStepTimelineModel::dbusLoaderMatchesInspectLoader()
{
    for (const QString &fixture : {u"inspect-history.json"_s, u"inspect-failed-run.json"_s}) {
        const QJsonArray steps = fixtureSteps(fixture);
        QVERIFY(!steps.isEmpty());
        // What kokerd's ContainerSteps sends for the same steps file.
        QVariantMapList maps;
        for (const QJsonValue &v : steps) {
            QVariantMap m = dbus::stepToVariant(stepFromJson(v.toObject()));
            m.insert(u"action"_s, v.toObject().value(u"action"_s).toString());
            maps << m;
        }
        StepTimelineModel fromInspect;
        StepTimelineModel fromDBus;
        QAbstractItemModelTester tester(&fromDBus,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fromInspect.loadInspectSteps(steps);
        fromDBus.loadDBusSteps(maps);
        QCOMPARE(fromDBus.actionCount(), fromInspect.actionCount());
        QCOMPARE(dump(fromDBus), dump(fromInspect));
    }
}

void TestStepTimelineModel::setStepsFromRecords()
{
    const QJsonArray steps = fixtureSteps(u"inspect-failed-run.json"_s);
    QList<StepRecord> start;
    for (const QJsonValue &v : steps) {
        if (v.toObject().value(u"action"_s).toString() == u"start")
            start << stepFromJson(v.toObject());
    }
    StepTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSteps(start, u"start"_s);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 78);
    QCOMPARE(model.actionCount(), 1);
    // Records round-trip through the model unchanged.
    for (int row = 0; row < model.rowCount(); ++row) {
        const StepRecord r = model.record(row);
        QCOMPARE(r.seq, start[row].seq);
        QCOMPARE(QByteArray(r.op), QByteArray(start[row].op));
        QCOMPARE(r.state, start[row].state);
        QCOMPARE(r.err, start[row].err);
    }
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.actionCount(), 0);
}

// The recorded start replayed the way kokerd delivers it: the plan first
// (planned), then running and done (or failed) for each step, then the rollback
// records. The result must be the rows `inspect` shows afterwards.
void TestStepTimelineModel::liveStreamBuildsTheSameRows()
{
    const QJsonArray steps = fixtureSteps(u"inspect-failed-run.json"_s);
    QList<StepRecord> finals;
    for (const QJsonValue &v : steps) {
        if (v.toObject().value(u"action"_s).toString() == u"start")
            finals << stepFromJson(v.toObject());
    }
    StepTimelineModel live;
    QAbstractItemModelTester tester(&live, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&live, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&live, &QAbstractItemModel::dataChanged);
    live.beginAction(u"start"_s);
    QList<StepRecord> plan;
    for (const StepRecord &r : std::as_const(finals)) {
        if (r.state == StepState::RolledBack)
            continue;
        StepRecord p = r;
        p.state = StepState::Planned;
        p.startNs = 0;
        p.durationNs = 0;
        p.err = 0;
        p.pid = 0;
        p.setMessage("");
        plan << p;
    }
    live.upsertSteps(plan);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(live.rowCount(), 65);
    int updates = 0;
    for (const StepRecord &r : std::as_const(finals)) {
        if (r.state != StepState::RolledBack) {
            StepRecord running = r;
            running.state = StepState::Running;
            running.durationNs = 0;
            running.err = 0;
            QVERIFY(live.upsertStep(running) >= 0);
            QCOMPARE(live.runningCount(), 1);
            ++updates;
        }
        const int row = live.upsertStep(r);
        QVERIFY(row >= 0);
        QCOMPARE(live.lastUpsertedRow(), row);
        ++updates;
    }
    QCOMPARE(live.runningCount(), 0);
    QCOMPARE(live.rowCount(), 78);
    // One insert for the plan, one per rollback record; everything else updated rows.
    QCOMPARE(inserted.size(), 1 + 13);
    QCOMPARE(changed.size(), updates - 13);

    StepTimelineModel loaded;
    loaded.setSteps(finals, u"start"_s);
    QCOMPARE(dump(live), dump(loaded));
}

void TestStepTimelineModel::upsertSemantics_data()
{
    // ops: "seq:key:state" applied in order to one action.
    // rows: the rows at the end as "key:state"; ignored: how many upserts returned -1.
    QTest::addColumn<QStringList>("ops");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<int>("ignored");
    QTest::newRow("planned, running, done: one row")
        << QStringList{u"1:cgroup.mkdir:planned"_s, u"1:cgroup.mkdir:running"_s,
                       u"1:cgroup.mkdir:done"_s}
        << QStringList{u"cgroup.mkdir:done"_s} << 0;
    QTest::newRow("a late running never hides done")
        << QStringList{u"1:cgroup.mkdir:done"_s, u"1:cgroup.mkdir:running"_s,
                       u"1:cgroup.mkdir:planned"_s}
        << QStringList{u"cgroup.mkdir:done"_s} << 2;
    QTest::newRow("failed after running")
        << QStringList{u"2:process.exec:running"_s, u"2:process.exec:failed"_s}
        << QStringList{u"process.exec:failed"_s} << 0;
    QTest::newRow("rollback reusing a seq is a new row")
        << QStringList{u"3:mount.proc:done"_s, u"3:rollback.cgroup.mkdir:rolled-back"_s}
        << QStringList{u"mount.proc:done"_s, u"rollback.cgroup.mkdir:rolled-back"_s} << 0;
    QTest::newRow("arrival order, not seq order")
        << QStringList{u"5:net.link.up:done"_s, u"2:net.link.veth:done"_s,
                       u"9:net.route.add:running"_s}
        << QStringList{u"net.link.up:done"_s, u"net.link.veth:done"_s, u"net.route.add:running"_s}
        << 0;
    QTest::newRow("skipped stays skipped")
        << QStringList{u"4:cgroup.limit.swap:planned"_s, u"4:cgroup.limit.swap:skipped"_s,
                       u"4:cgroup.limit.swap:running"_s}
        << QStringList{u"cgroup.limit.swap:skipped"_s} << 1;
}

void TestStepTimelineModel::upsertSemantics()
{
    QFETCH(QStringList, ops);
    QFETCH(QStringList, rows);
    QFETCH(int, ignored);
    StepTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int refused = 0;
    for (const QString &op : std::as_const(ops)) {
        const QStringList parts = op.split(u':');
        const StepRecord r =
            makeRecord(parts[0].toUInt(), parts[1].toLatin1().constData(), parseState(parts[2]));
        if (model.upsertStep(r) < 0)
            ++refused;
    }
    QStringList got;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row, 0);
        got << i.data(StepTimelineModel::KeyRole).toString() + u':' +
                   QLatin1StringView(stepStateName(
                       static_cast<StepState>(i.data(StepTimelineModel::StateRole).toInt())));
    }
    QCOMPARE(got, rows);
    QCOMPARE(refused, ignored);
}

void TestStepTimelineModel::batchUpsertSignalsOnce()
{
    StepTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<StepRecord> planned;
    for (quint32 seq = 1; seq <= 1000; ++seq)
        planned << makeRecord(seq, "net.link.up", StepState::Planned, Phase::Network);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.upsertSteps(planned);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 999);
    QCOMPARE(changed.size(), 0);

    // Updates of shown rows plus two new ones (one of them updated in the same batch).
    QList<StepRecord> batch;
    for (quint32 seq = 10; seq <= 20; ++seq)
        batch << makeRecord(seq, "net.link.up", StepState::Done, Phase::Network);
    batch << makeRecord(2000, "net.link.up", StepState::Running, Phase::Network)
          << makeRecord(2000, "net.link.up", StepState::Done, Phase::Network)
          << makeRecord(2001, "net.link.up", StepState::Planned, Phase::Network);
    model.upsertSteps(batch);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 1002);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 9);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 19);
    QCOMPARE(model.index(1000, 0).data(StepTimelineModel::StateRole).toInt(), int(StepState::Done));
    QCOMPARE(model.lastUpsertedRow(), 1001);
}

void TestStepTimelineModel::beginActionGroupsLiveSteps()
{
    StepTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Without beginAction the first upsert opens an unnamed action.
    model.upsertStep(makeRecord(1, "container.create", StepState::Done, Phase::Storage));
    QCOMPARE(model.actionCount(), 1);
    QCOMPARE(model.actionName(0), QString());
    QCOMPARE(model.beginAction(u"start"_s), 1);
    model.upsertStep(makeRecord(1, "storage.dirs", StepState::Running, Phase::Storage));
    model.upsertStep(makeRecord(2, "storage.etc", StepState::Planned, Phase::Storage));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.actionOfRow(0), 0);
    QCOMPARE(model.actionOfRow(1), 1);
    QCOMPARE(model.actionOfRow(2), 1);
    QCOMPARE(model.actionFirstRow(1), 1);
    // seq 1 exists in both actions; an upsert only looks in the current one.
    model.upsertStep(makeRecord(1, "storage.dirs", StepState::Done, Phase::Storage));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(1), 1);
    QCOMPARE(model.rowOf(1, {}, 0), 0);
    QCOMPARE(model.index(1, 0).data(StepTimelineModel::ActionRole).toString(), u"start"_s);
    QCOMPARE(model.index(1, 0).data(StepTimelineModel::ActionIndexRole).toInt(), 1);
    QCOMPARE(model.index(1, StepTimelineModel::ActionColumn).data().toString(),
             StepTimelineModel::actionText(u"start"_s));
    // A planned step has no start and no duration.
    QCOMPARE(model.index(2, 0).data(StepTimelineModel::StartRole).toLongLong(), 0);
    QCOMPARE(model.index(2, StepTimelineModel::DurationColumn).data().toString(), QString());
}

void TestStepTimelineModel::runningDurationIsDropped()
{
    // The image puller keeps a monotonic timestamp in durationNs while a step runs.
    StepTimelineModel model;
    StepRecord r = makeRecord(1, "image.layer.download", StepState::Running, Phase::Image);
    r.durationNs = 123'456'789'000;
    model.upsertStep(r);
    QCOMPARE(model.index(0, 0).data(StepTimelineModel::DurationRole).toLongLong(), 0);
    QCOMPARE(model.index(0, StepTimelineModel::DurationColumn).data().toString(),
             StepTimelineModel::tr("running…"));
    // The final record's op may be empty; the planned one's is kept.
    StepRecord planned = makeRecord(2, "image.index.add", StepState::Planned, Phase::Image);
    planned.setOp("flock(store.lock); images.json += ...");
    model.upsertStep(planned);
    StepRecord done = makeRecord(2, "image.index.add", StepState::Done, Phase::Image);
    model.upsertStep(done);
    QCOMPARE(model.index(1, 0).data(StepTimelineModel::OpRole).toString(),
             u"flock(store.lock); images.json += ..."_s);
}

void TestStepTimelineModel::loadInspectJsonForms()
{
    StepTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY(!model.loadInspectJson("{not json", &error));
    QVERIFY(!error.isEmpty());
    const QJsonArray steps = fixtureSteps(u"inspect-failed-run.json"_s);
    // A bare array of steps, and one container object.
    QVERIFY(model.loadInspectJson(QJsonDocument(steps).toJson()));
    QCOMPARE(model.rowCount(), 80);
    QJsonObject container{{u"Id"_s, u"abc"_s}, {u"Steps"_s, steps}};
    QVERIFY(model.loadInspectJson(QJsonDocument(container).toJson()));
    QCOMPARE(model.rowCount(), 80);
    // Unknown keys and values are ignored, missing fields get defaults.
    QVERIFY(model.loadInspectJson(
        R"([{"seq": 3, "phase": "warp", "state": "exploded", "future": true, "action": "x"}])"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(StepTimelineModel::PhaseRole).toInt(), int(Phase::Process));
    QCOMPARE(model.index(0, 0).data(StepTimelineModel::StateRole).toInt(), int(StepState::Planned));
}

void TestStepTimelineModel::formatDuration_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << u"0.0 µs"_s;
    QTest::newRow("negative") << qint64(-5) << u"0.0 µs"_s;
    QTest::newRow("691 ns") << qint64(691) << u"0.7 µs"_s;
    QTest::newRow("9.9 µs") << qint64(9'900) << u"9.9 µs"_s;
    QTest::newRow("10 µs") << qint64(10'000) << u"0.01 ms"_s;
    QTest::newRow("like koker -D") << qint64(13'854'969) << u"13.85 ms"_s;
    QTest::newRow("seconds") << qint64(1'520'000'000) << u"1.52 s"_s;
    QTest::newRow("minutes") << qint64(125'000'000'000) << u"2 min 5 s"_s;
}

void TestStepTimelineModel::formatDuration()
{
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(StepTimelineModel::formatDuration(ns), text);
}

void TestStepTimelineModel::errnoAndDisplayTexts()
{
    QCOMPARE(StepTimelineModel::errnoText(ENOENT), u"ENOENT (No such file or directory)"_s);
    QCOMPARE(StepTimelineModel::errnoText(EBUSY), u"EBUSY (Device or resource busy)"_s);
    QCOMPARE(StepTimelineModel::errnoText(0), QString());
    StepTimelineModel model;
    QCOMPARE(model.headerData(StepTimelineModel::SeqColumn, Qt::Horizontal).toString(), u"#"_s);
    QCOMPARE(model.headerData(StepTimelineModel::TitleColumn, Qt::Horizontal).toString(),
             u"Step"_s);
    QVERIFY(model.roleNames().value(StepTimelineModel::ShellRole) == "shell");
    for (Phase p : {Phase::Image, Phase::Storage, Phase::Cgroup, Phase::Network, Phase::Namespace,
                    Phase::Process, Phase::Cleanup})
        QCOMPARE(StepTimelineModel::phaseText(p), QString::fromLatin1(phaseName(p)));
    StepRecord failed = makeRecord(1, "process.exec", StepState::Failed, Phase::Process);
    failed.err = EACCES;
    model.upsertStep(failed);
    QCOMPARE(model.index(0, StepTimelineModel::StateColumn).data().toString(),
             u"failed (EACCES)"_s);
    QCOMPARE(model.index(0, StepTimelineModel::StateColumn)
                 .data(Qt::ForegroundRole)
                 .value<QBrush>()
                 .color(),
             QColor(0xc6, 0x28, 0x28));
}

// 10 000 records: the loaders and a live replay must stay linear (no timing
// assertions here; bench/timeline measures). Under the tester only for the load.
void TestStepTimelineModel::tenThousandSteps()
{
    QList<StepRecord> records;
    for (quint32 seq = 1; seq <= 10'000; ++seq)
        records << makeRecord(seq, seq % 3 ? "mount.proc" : "cgroup.mkdir", StepState::Done,
                              seq % 3 ? Phase::Storage : Phase::Cgroup);
    StepTimelineModel model;
    model.setSteps(records, u"start"_s);
    QCOMPARE(model.rowCount(), 10'000);
    model.beginAction(u"start"_s);
    QList<StepRecord> planned = records;
    for (StepRecord &r : planned)
        r.state = StepState::Planned;
    model.upsertSteps(planned);
    for (const StepRecord &r : std::as_const(records))
        QVERIFY(model.upsertStep(r) >= 10'000);
    QCOMPARE(model.rowCount(), 20'000);
    QCOMPARE(model.actionRowCount(1), 10'000);
    QCOMPARE(model.rowOf(9'998, u"mount.proc"_s), 10'000 + 9'997);
    QCOMPARE(model.rowOf(9'999, u"cgroup.mkdir"_s), 10'000 + 9'998);
}

QTEST_MAIN(TestStepTimelineModel)
#include "tst_steptimelinemodel.moc"
