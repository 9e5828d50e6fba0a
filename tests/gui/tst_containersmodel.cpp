// ContainersModel: rows from the list of a{sv} kokerd's ListContainers returns,
// states and uptimes in words, CPU use from two Stats samples, memory against the
// limit, refreshes that keep rows; QAbstractItemModelTester over every change. With
// the dbus fixture (KOKER_DBUS_FIXTURE, see tests/gui/e2e/run-e2e.sh) it also runs a
// real container as the unprivileged test user and reads it back through kokerd.

#include "client/helperclient.h"
#include "studio/containersmodel.h"

#include <QtCore/QFile>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime kNow = QDateTime::fromString(u"2026-11-28T12:00:00Z"_s, Qt::ISODate);

QVariantMap container(const QString &id, const QString &name, const QString &status,
                      int exitCode = 0, bool oom = false)
{
    const bool running = status == u"running"_s;
    return {{u"id"_s, id.repeated(64 / id.size() + 1).left(64)},
            {u"name"_s, name},
            {u"image"_s, u"starter:latest"_s},
            {u"command"_s, u"sh"_s},
            {u"created"_s, u"2026-11-28T11:00:00.000Z"_s},
            {u"status"_s, status},
            {u"exitCode"_s, exitCode},
            {u"oomKilled"_s, oom},
            {u"pid"_s, running ? 4242 : 0},
            {u"owner"_s, 1000u},
            {u"tty"_s, true},
            {u"ports"_s, QStringList{u"0.0.0.0:8080->80/tcp"_s}},
            {u"startedAt"_s, status == u"created"_s ? u"0001-01-01T00:00:00.000Z"_s
                                                    : u"2026-11-28T11:55:00.000Z"_s},
            {u"finishedAt"_s,
             status == u"exited"_s ? u"2026-11-28T11:58:00.000Z"_s : u"0001-01-01T00:00:00.000Z"_s},
            {u"memoryLimit"_s, 268435456LL},
            {u"nanoCpus"_s, 500000000LL},
            {u"pidsLimit"_s, 0LL}};
}

QVariantMap stats(qint64 cpuNs, qint64 timestampNs, qint64 memory = 50 * 1024 * 1024)
{
    return {{u"memoryUsage"_s, memory}, {u"memoryLimit"_s, 268435456LL},
            {u"cpuUsageNs"_s, cpuNs},   {u"timestamp"_s, timestampNs},
            {u"pids"_s, 3LL},           {u"pidsLimit"_s, 0LL}};
}

QString cell(const QAbstractItemModel &m, int row, int column)
{
    return m.data(m.index(row, column)).toString();
}

QMap<QString, QString> fixture()
{
    QMap<QString, QString> env;
    const QString path = qEnvironmentVariable("KOKER_DBUS_FIXTURE");
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return env;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return env;
}

template <class T>
std::optional<Result<T>> wait(std::function<void(client::Callback<T>)> call)
{
    std::optional<Result<T>> reply;
    call([&](Result<T> r) { reply = std::move(r); });
    if (!QTest::qWaitFor([&] { return reply.has_value(); }, 60000))
        return std::nullopt;
    return reply;
}

} // namespace

class TestContainersModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void states_data();
    void states();
    void cpuFromTwoSamples();
    void refreshKeepsRowsAndStats();
    void restartResetsRate();
    void durationText_data();
    void durationText();
    void fromHelper();
};

void TestContainersModel::states_data()
{
    QTest::addColumn<QVariantMap>("record");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("uptime");
    QTest::addColumn<QString>("icon");
    QTest::newRow("running") << container(u"a1"_s, u"web"_s, u"running"_s) << u"Running"_s
                             << u"Up 5 minute(s)"_s << u"state-running"_s;
    QTest::newRow("created") << container(u"b2"_s, u"new"_s, u"created"_s) << u"Created"_s
                             << u"Not started"_s << u"state-created"_s;
    QTest::newRow("exited 3") << container(u"c3"_s, u"done"_s, u"exited"_s, 3) << u"Exited (3)"_s
                              << u"Stopped 2 minute(s) ago"_s << u"state-exited"_s;
    QTest::newRow("oom") << container(u"d4"_s, u"hog"_s, u"exited"_s, 137, true)
                         << u"Killed (out of memory)"_s << u"Stopped 2 minute(s) ago"_s
                         << u"state-exited"_s;
}

void TestContainersModel::states()
{
    QFETCH(QVariantMap, record);
    QFETCH(QString, state);
    QFETCH(QString, uptime);
    ContainersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReferenceTime(kNow);
    model.setContainers({record});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, ContainersModel::StateColumn), state);
    QCOMPARE(cell(model, 0, ContainersModel::UptimeColumn), uptime);
    QCOMPARE(cell(model, 0, ContainersModel::ImageColumn), u"starter:latest"_s);
    QCOMPARE(cell(model, 0, ContainersModel::IdColumn).size(), 12);
    QCOMPARE(cell(model, 0, ContainersModel::PortsColumn), u"0.0.0.0:8080->80/tcp"_s);
    QCOMPARE(model.index(0, 0).data(ContainersModel::StatusRole).toString(),
             record.value(u"status"_s).toString());
    // No stats yet: a dash, not a zero that would look like a measurement.
    QCOMPARE(cell(model, 0, ContainersModel::CpuColumn), u"–"_s);
    QCOMPARE(model.record(0), record);
}

void TestContainersModel::cpuFromTwoSamples()
{
    ContainersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContainers({container(u"a1"_s, u"web"_s, u"running"_s)});
    const QString id = model.index(0, 0).data(ContainersModel::ContainerIdRole).toString();
    QCOMPARE(model.runningIds(), QStringList{id});

    model.setStats(id, stats(1'000'000'000, 10'000'000'000));
    QCOMPARE(cell(model, 0, ContainersModel::CpuColumn), u"–"_s); // one sample is no rate
    QCOMPARE(cell(model, 0, ContainersModel::MemoryColumn), u"50.0 MiB of 256.0 MiB"_s);

    // 1.5 s of CPU in 2 s of wall time: 75 %.
    model.setStats(id, stats(2'500'000'000, 12'000'000'000));
    QCOMPARE(cell(model, 0, ContainersModel::CpuColumn), u"75.0 %"_s);
    QCOMPARE(model.data(model.index(0, ContainersModel::CpuColumn), ContainersModel::SortRole)
                 .toDouble(),
             75.0);
    // Two CPUs busy: 200 %, as docker stats says.
    model.setStats(id, stats(6'500'000'000, 14'000'000'000));
    QCOMPARE(cell(model, 0, ContainersModel::CpuColumn), u"200.0 %"_s);
    // Stats for a container that is not listed are dropped.
    model.setStats(u"nope"_s, stats(1, 1));
    QCOMPARE(model.rowCount(), 1);
}

void TestContainersModel::refreshKeepsRowsAndStats()
{
    ContainersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReferenceTime(kNow);
    model.setContainers({container(u"a1"_s, u"web"_s, u"running"_s),
                         container(u"b2"_s, u"db"_s, u"running"_s),
                         container(u"c3"_s, u"old"_s, u"exited"_s)});
    const QString db = model.index(1, 0).data(ContainersModel::ContainerIdRole).toString();
    model.setStats(db, stats(0, 1'000'000'000));
    model.setStats(db, stats(500'000'000, 2'000'000'000));
    QPersistentModelIndex selected(model.index(1, 0));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // "web" was removed, a new container came.
    model.setContainers({container(u"b2"_s, u"db"_s, u"running"_s),
                         container(u"c3"_s, u"old"_s, u"exited"_s),
                         container(u"d4"_s, u"new"_s, u"created"_s)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(ContainersModel::NameRole).toString(), u"db"_s);
    // The CPU rate survived the refresh.
    QCOMPARE(cell(model, selected.row(), ContainersModel::CpuColumn), u"50.0 %"_s);
    QCOMPARE(model.rowOf(db), selected.row());
    QCOMPARE(model.rowOf(u"nope"_s), -1);
}

void TestContainersModel::restartResetsRate()
{
    ContainersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContainers({container(u"a1"_s, u"web"_s, u"running"_s)});
    const QString id = model.runningIds().value(0);
    model.setStats(id, stats(0, 1'000'000'000));
    model.setStats(id, stats(1'000'000'000, 2'000'000'000));
    QCOMPARE(cell(model, 0, ContainersModel::CpuColumn), u"100.0 %"_s);
    model.setContainers({container(u"a1"_s, u"web"_s, u"exited"_s)});
    QCOMPARE(cell(model, 0, ContainersModel::CpuColumn), u"–"_s);
    QVERIFY(model.runningIds().isEmpty());
    model.setContainers({container(u"a1"_s, u"web"_s, u"running"_s)});
    // Counters of the new run start over: no rate across the restart.
    model.setStats(id, stats(5'000'000, 9'000'000'000));
    QCOMPARE(cell(model, 0, ContainersModel::CpuColumn), u"–"_s);
}

void TestContainersModel::durationText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << qint64(42) << u"42 second(s)"_s;
    QTest::newRow("negative clock skew") << qint64(-3) << u"0 second(s)"_s;
    QTest::newRow("minutes") << qint64(150) << u"2 minute(s)"_s;
    QTest::newRow("hours") << qint64(5 * 3600) << u"5 hour(s)"_s;
    QTest::newRow("days") << qint64(3 * 86400) << u"3 day(s)"_s;
}

void TestContainersModel::durationText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(ContainersModel::durationText(seconds), text);
}

void TestContainersModel::fromHelper()
{
    const auto fx = fixture();
    if (fx.isEmpty())
        QSKIP("no dbus fixture (KOKER_DBUS_FIXTURE); tests/gui/e2e/run-e2e.sh runs this as a "
              "test user against the real kokerd");
    QDBusConnection bus =
        QDBusConnection::connectToBus(fx.value(u"KOKER_DBUS_ADDRESS"_s), u"containersmodel"_s);
    QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
    client::HelperClient helper(bus);

    // A real container of this user: created, started (an operation), listed.
    const QVariantMap spec{{u"image"_s, u"starter"_s},
                           {u"name"_s, u"models-test"_s},
                           {u"cmd"_s, QStringList{u"sleep"_s, u"60"_s}},
                           {u"network"_s, u"none"_s},
                           {u"memory"_s, qlonglong(64 * 1024 * 1024)}};
    auto created = wait<QString>(
        [&](client::Callback<QString> done) { helper.createContainer(spec, {}, done); });
    QVERIFY(created && created->has_value());
    const QString id = **created;
    auto started = wait<client::OperationClient *>(
        [&](client::OperationCallback done) { helper.startContainer(id, {}, done); });
    QVERIFY(started && started->has_value());
    client::OperationClient *op = **started;
    QSignalSpy completed(op, &client::OperationClient::completed);
    op->begin();
    QTRY_VERIFY_WITH_TIMEOUT(!completed.isEmpty(), 60000);
    QVERIFY2(completed.first().at(0).toBool(), qPrintable(completed.first().at(2).toString()));

    ContainersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto listed = wait<QVariantMapList>(
        [&](client::Callback<QVariantMapList> done) { helper.listContainers(true, done); });
    QVERIFY(listed && listed->has_value());
    model.setContainers(**listed);
    const int row = model.rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(cell(model, row, ContainersModel::NameColumn), u"models-test"_s);
    QCOMPARE(cell(model, row, ContainersModel::StateColumn), u"Running"_s);
    QVERIFY(model.runningIds().contains(id));

    // Two Stats answers give a memory reading against the limit and a CPU rate.
    for (int i = 0; i < 2; ++i) {
        auto s =
            wait<QVariantMap>([&](client::Callback<QVariantMap> done) { helper.stats(id, done); });
        QVERIFY(s && s->has_value());
        model.setStats(id, **s);
        QTest::qWait(200);
    }
    QVERIFY2(cell(model, row, ContainersModel::MemoryColumn).contains(u"of 64.0 MiB"_s),
             qPrintable(cell(model, row, ContainersModel::MemoryColumn)));
    QVERIFY(cell(model, row, ContainersModel::CpuColumn).endsWith(u'%'));

    // Removed (forced while running): the next list drops the row.
    auto removed = wait<client::OperationClient *>(
        [&](client::OperationCallback done) { helper.removeContainer(id, true, done); });
    QVERIFY(removed && removed->has_value());
    QSignalSpy removedDone(**removed, &client::OperationClient::completed);
    (**removed)->begin();
    QTRY_VERIFY_WITH_TIMEOUT(!removedDone.isEmpty(), 60000);
    QVERIFY(removedDone.first().at(0).toBool());
    listed = wait<QVariantMapList>(
        [&](client::Callback<QVariantMapList> done) { helper.listContainers(true, done); });
    QVERIFY(listed && listed->has_value());
    model.setContainers(**listed);
    QCOMPARE(model.rowOf(id), -1);
}

QTEST_MAIN(TestContainersModel)
#include "tst_containersmodel.moc"
