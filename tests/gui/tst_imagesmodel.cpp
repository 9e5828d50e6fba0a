// ImagesModel: the rows `koker images` would print, fed the same list of a{sv}
// that kokerd's ListImages returns; refreshes that keep rows (and selections);
// QAbstractItemModelTester over every change. With the dbus fixture
// (KOKER_DBUS_FIXTURE, see tests/gui/e2e/run-e2e.sh) it also lists the real
// helper's images as the unprivileged test user.

#include "client/helperclient.h"
#include "studio/imagesmodel.h"

#include <QtCore/QFile>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

QVariantMap image(const QString &id, const QStringList &names, qlonglong size = 4'500'000,
                  int layers = 1, const QString &created = u"2026-11-20T10:00:00Z"_s)
{
    return {{u"id"_s, QString(u"sha256:"_s + id.repeated(64 / id.size() + 1).left(64))},
            {u"names"_s, names},
            {u"repoDigests"_s, QStringList()},
            {u"created"_s, created},
            {u"addedAt"_s, u"2026-11-21T10:00:00.000Z"_s},
            {u"size"_s, size},
            {u"layers"_s, layers},
            {u"architecture"_s, u"amd64"_s}};
}

QString cell(const QAbstractItemModel &m, int row, int column)
{
    return m.data(m.index(row, column)).toString();
}

// fixture.env as tests/dbus/fixture/start.sh writes it: KEY=VALUE lines.
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

} // namespace

class TestImagesModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitName_data();
    void splitName();
    void ageText_data();
    void ageText();
    void rows_data();
    void rows();
    void refreshKeepsRows();
    void sortAndRoles();
    void emptyAndClear();
    void fromHelper();
};

void TestImagesModel::splitName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::newRow("tag") << u"alpine:3.19"_s << u"alpine"_s << u"3.19"_s;
    QTest::newRow("no tag") << u"alpine"_s << u"alpine"_s << u"latest"_s;
    QTest::newRow("registry port, no tag")
        << u"localhost:5000/app"_s << u"localhost:5000/app"_s << u"latest"_s;
    QTest::newRow("registry port and tag")
        << u"localhost:5000/test/busybox:1"_s << u"localhost:5000/test/busybox"_s << u"1"_s;
    QTest::newRow("digest") << u"alpine@sha256:abcd"_s << u"alpine"_s << u"sha256:abcd"_s;
}

void TestImagesModel::splitName()
{
    QFETCH(QString, name);
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    const auto [r, t] = ImagesModel::splitName(name);
    QCOMPARE(r, repository);
    QCOMPARE(t, tag);
}

void TestImagesModel::ageText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("now") << qint64(5) << u"just now"_s;
    QTest::newRow("one minute") << qint64(60) << u"1 minute(s) ago"_s;
    QTest::newRow("hours") << qint64(3 * 3600 + 5) << u"3 hour(s) ago"_s;
    QTest::newRow("two days are hours") << qint64(47 * 3600) << u"47 hour(s) ago"_s;
    QTest::newRow("days") << qint64(10 * 86400) << u"10 day(s) ago"_s;
    QTest::newRow("months") << qint64(90 * 86400) << u"3 month(s) ago"_s;
    QTest::newRow("years") << qint64(800 * 86400) << u"2 year(s) ago"_s;
}

void TestImagesModel::ageText()
{
    // No translator is installed: the English source strings, %n filled in.
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    const QDateTime now = QDateTime::fromString(u"2026-11-28T12:00:00Z"_s, Qt::ISODate);
    QCOMPARE(ImagesModel::ageText(now.addSecs(-seconds), now), text);
    QCOMPARE(ImagesModel::ageText(QDateTime(), now), u"unknown"_s);
}

void TestImagesModel::rows_data()
{
    QTest::addColumn<QVariantMapList>("images");
    QTest::addColumn<QStringList>("expected"); // "repository|tag|id|layers" per row
    QTest::newRow("one image, two names")
        << QVariantMapList{image(u"ab"_s, {u"starter:latest"_s, u"starter:v1"_s}, 1000, 1)}
        << QStringList{u"starter|latest|abababababab|1"_s, u"starter|v1|abababababab|1"_s};
    QTest::newRow("nameless image") << QVariantMapList{image(u"cd"_s, {}, 1000, 3)}
                                    << QStringList{u"<none>|<none>|cdcdcdcdcdcd|3"_s};
    QTest::newRow("registry with a port")
        << QVariantMapList{image(u"ef"_s, {u"127.0.0.1:5000/test/layered:latest"_s}, 5, 4)}
        << QStringList{u"127.0.0.1:5000/test/layered|latest|efefefefefef|4"_s};
    QTest::newRow("an image without id is ignored")
        << QVariantMapList{QVariantMap{{u"names"_s, QStringList{u"x:y"_s}}}} << QStringList{};
}

void TestImagesModel::rows()
{
    QFETCH(QVariantMapList, images);
    QFETCH(QStringList, expected);
    ImagesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setImages(images);
    QStringList actual;
    for (int row = 0; row < model.rowCount(); ++row)
        actual << cell(model, row, ImagesModel::RepositoryColumn) + u'|' +
                      cell(model, row, ImagesModel::TagColumn) + u'|' +
                      cell(model, row, ImagesModel::IdColumn) + u'|' +
                      cell(model, row, ImagesModel::LayersColumn);
    QCOMPARE(actual, expected);
    QCOMPARE(model.columnCount(), int(ImagesModel::ColumnCount));
    QVERIFY(model.isLoaded());
}

void TestImagesModel::refreshKeepsRows()
{
    ImagesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setImages({image(u"a1"_s, {u"alpine:latest"_s}), image(u"b2"_s, {u"busybox:latest"_s}),
                     image(u"c3"_s, {u"starter:latest"_s})});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.imageCount(), 3);
    // The view's selection is a persistent index: it must follow busybox.
    QPersistentModelIndex busybox(model.index(1, 0));
    QCOMPARE(busybox.data(ImagesModel::ReferenceRole).toString(), u"busybox:latest"_s);

    // alpine removed, busybox grew, a new image arrived.
    model.setImages({image(u"b2"_s, {u"busybox:latest"_s}, 9'000'000),
                     image(u"c3"_s, {u"starter:latest"_s}), image(u"d4"_s, {u"debian:12"_s})});
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(busybox.isValid());
    QCOMPARE(busybox.data(ImagesModel::ReferenceRole).toString(), u"busybox:latest"_s);
    QCOMPARE(model.data(model.index(busybox.row(), ImagesModel::SizeColumn), ImagesModel::SortRole)
                 .toLongLong(),
             9'000'000);
    QCOMPARE(model.imageNames(),
             (QStringList{u"busybox:latest"_s, u"debian:12"_s, u"starter:latest"_s}));

    // The same answer again changes nothing structural.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setImages({image(u"b2"_s, {u"busybox:latest"_s}, 9'000'000),
                     image(u"c3"_s, {u"starter:latest"_s}), image(u"d4"_s, {u"debian:12"_s})});
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);

    // A tag removed from an image with two names drops one row only.
    model.setImages({image(u"b2"_s, {u"busybox:latest"_s, u"busybox:1"_s})});
    QCOMPARE(model.rowCount(), 2);
    model.setImages({image(u"b2"_s, {u"busybox:1"_s})});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, ImagesModel::TagColumn), u"1"_s);
}

void TestImagesModel::sortAndRoles()
{
    ImagesModel model;
    model.setReferenceTime(QDateTime::fromString(u"2026-11-28T12:00:00Z"_s, Qt::ISODate));
    model.setImages(
        {image(u"a1"_s, {u"alpine:latest"_s}, 7'800'000, 1, u"2026-11-28T11:00:00Z"_s)});
    const QModelIndex created = model.index(0, ImagesModel::CreatedColumn);
    QCOMPARE(created.data().toString(), u"1 hour(s) ago"_s);
    QCOMPARE(created.data(ImagesModel::SortRole).toDateTime(),
             QDateTime::fromString(u"2026-11-28T11:00:00Z"_s, Qt::ISODate));
    const QModelIndex size = model.index(0, ImagesModel::SizeColumn);
    QVERIFY(size.data().toString().contains(u"MiB"_s));
    QCOMPARE(size.data(ImagesModel::SortRole).toLongLong(), 7'800'000);
    QVERIFY(model.index(0, ImagesModel::IdColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"sha256:"_s));
    QCOMPARE(model.headerData(ImagesModel::TagColumn, Qt::Horizontal).toString(), u"Tag"_s);
}

void TestImagesModel::emptyAndClear()
{
    ImagesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.isLoaded());
    model.setImages({});
    QVERIFY(model.isLoaded()); // known to be empty: the view offers the starter image
    QCOMPARE(model.rowCount(), 0);
    model.setImages({image(u"a1"_s, {u"alpine:latest"_s})});
    model.clear();
    QVERIFY(!model.isLoaded());
    QCOMPARE(model.rowCount(), 0);
}

void TestImagesModel::fromHelper()
{
    const auto fx = fixture();
    if (fx.isEmpty())
        QSKIP("no dbus fixture (KOKER_DBUS_FIXTURE); tests/gui/e2e/run-e2e.sh runs this as a "
              "test user against the real kokerd");
    QDBusConnection bus =
        QDBusConnection::connectToBus(fx.value(u"KOKER_DBUS_ADDRESS"_s), u"imagesmodel"_s);
    QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
    client::HelperClient helper(bus);
    std::optional<Result<QVariantMapList>> reply;
    helper.listImages([&](Result<QVariantMapList> r) { reply = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 30000);
    QVERIFY2(reply->has_value(), reply->error().describe().c_str());

    ImagesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setImages(**reply);
    QVERIFY(model.imageNames().contains(u"starter:latest"_s));
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(ImagesModel::ReferenceRole).toString() == u"starter:latest"_s)
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(cell(model, row, ImagesModel::RepositoryColumn), u"starter"_s);
    QVERIFY(model.index(row, ImagesModel::SizeColumn).data(ImagesModel::SortRole).toLongLong() > 0);
    // A second answer of the same store keeps every row.
    QPersistentModelIndex kept(model.index(row, 0));
    reply.reset();
    helper.listImages([&](Result<QVariantMapList> r) { reply = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 30000);
    QVERIFY(reply->has_value());
    model.setImages(**reply);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(ImagesModel::ReferenceRole).toString(), u"starter:latest"_s);
}

QTEST_MAIN(TestImagesModel)
#include "tst_imagesmodel.moc"
