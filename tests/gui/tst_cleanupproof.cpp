// Proof of cleanup in the studio (CleanupProofModel, CleanupProofDialog) and the
// step exports it writes (StepExportFile), from data/inspect-hood.json: `koker
// inspect` of a real container (bridge network, a published port, limits). The
// checklist is the engine's own derivation of that document's host changes, sent
// through the JSON form kokerd uses on the bus.

#include "engine/cleanupproof.h"
#include "studio/cleanupproofdialog.h"
#include "studio/cleanupproofmodel.h"
#include "studio/stepexportfile.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTemporaryDir>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QTest>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject inspectFixture()
{
    QFile f(QFINDTESTDATA(u"data/inspect-hood.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The changes of the fixture as kokerd would report them after a removal, with
// the ones at `left` still present.
QString proofJson(const QList<int> &left)
{
    const QList<HostChange> changes = CleanupProof::derive(inspectFixture());
    QList<CleanupCheck> checks;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        CleanupCheck c{changes.at(i), left.contains(int(i)) && !changes.at(i).kept, {}};
        if (c.present)
            c.evidence = u"in /proc/self/mountinfo"_s;
        checks << c;
    }
    return QString::fromUtf8(QJsonDocument(CleanupProof::toJson(checks)).toJson());
}

} // namespace

class TestCleanupProof final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allGone();
    void somethingLeft();
    void notJson();
    void dialog();
    void exports_data();
    void exports();
    void fileNames();
};

void TestCleanupProof::allGone()
{
    const QList<HostChange> changes = CleanupProof::derive(inspectFixture());
    QVERIFY(changes.size() > 5); // cgroup dirs, veth, rules, lease, state dir...
    CleanupProofModel model;
    QAbstractItemModelTester tester(&model);
    QVERIFY(model.setProofJson(proofJson({})));
    QCOMPARE(model.rowCount(), changes.size());
    QVERIFY(model.allGone());
    QCOMPARE(model.leftCount(), 0);
    int kept = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const HostChange &c = changes.at(row);
        kept += c.kept;
        QCOMPARE(model.index(row, CleanupProofModel::GoneColumn).data().toString(),
                 c.kept ? CleanupProofModel::tr("• kept (shared)")
                        : CleanupProofModel::tr("✓ gone"));
        QVERIFY(model.index(row, CleanupProofModel::SubjectColumn)
                    .data()
                    .toString()
                    .startsWith(c.subject));
        QCOMPARE(model.index(row, CleanupProofModel::KindColumn).data().toString(),
                 CleanupProofModel::kindText(c.kind));
    }
    QCOMPARE(model.checkedCount(), changes.size() - kept);
    QCOMPARE(model.summary(), CleanupProofModel::tr("All %n host change(s) are gone.", nullptr,
                                                    model.checkedCount()));
}

void TestCleanupProof::somethingLeft()
{
    CleanupProofModel model;
    QVERIFY(model.setProofJson(proofJson({0, 1})));
    QVERIFY(!model.allGone());
    QCOMPARE(model.leftCount(), 2);
    QCOMPARE(model.index(0, CleanupProofModel::GoneColumn).data().toString(),
             CleanupProofModel::tr("✗ still there"));
    QVERIFY(model.index(0, 0).data(CleanupProofModel::PresentRole).toBool());
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"mountinfo"_s));
}

void TestCleanupProof::notJson()
{
    CleanupProofModel model;
    QVERIFY(!model.setProofJson(u"{\"not\": \"an array\"}"_s));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.allGone()); // nothing checked is not "all gone"
}

void TestCleanupProof::dialog()
{
    CleanupProofDialog dialog;
    dialog.setProof(u"hood"_s, proofJson({}));
    QVERIFY(dialog.headline().startsWith(u"✓"_s));
    QVERIFY(dialog.headline().contains(u"hood"_s));
    dialog.setProof(u"hood"_s, proofJson({2}));
    QVERIFY(dialog.headline().startsWith(u"✗"_s));
    dialog.setProof(u"hood"_s, QString());
    QCOMPARE(dialog.model()->rowCount(), 0);
}

void TestCleanupProof::exports_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("script") << int(StepExportFormat::Script);
    QTest::newRow("trace") << int(StepExportFormat::Trace);
    QTest::newRow("markdown") << int(StepExportFormat::Markdown);
}

void TestCleanupProof::exports()
{
    QFETCH(int, format);
    const auto kind = static_cast<StepExportFormat>(format);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(StepExportFile::suggestedFileName(u"hood"_s, kind));
    const Status written = StepExportFile::write(inspectFixture(), kind, path);
    QVERIFY2(written, written ? "" : written.error().describe().c_str());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QVERIFY(!data.isEmpty());
    // Every step that ran (has a start) is one "X" event; actions add their own spans.
    int steps = 0;
    for (const QJsonValue &st : inspectFixture().value(u"Steps"_s).toArray())
        steps += st.toObject().value(u"start"_s).toDouble() > 0;
    QVERIFY(steps > 10);
    switch (kind) {
    case StepExportFormat::Trace: {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
        QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
        const QJsonArray events = doc.object().value(u"traceEvents"_s).toArray();
        int complete = 0;
        for (const QJsonValue &e : events)
            complete += e.toObject().value(u"ph"_s).toString() == u"X"_s &&
                        e.toObject().value(u"cat"_s).toString() != u"action"_s;
        QCOMPARE(complete, steps);
        break;
    }
    case StepExportFormat::Script:
        QVERIFY(data.startsWith("#!"));
        QVERIFY(QFile::permissions(path) & QFile::ExeOwner);
        break;
    case StepExportFormat::Markdown:
        QVERIFY(data.contains("| "));
        break;
    }
    // A path that cannot be written is an error, not a silent nothing.
    QVERIFY(!StepExportFile::write(inspectFixture(), kind, dir.filePath(u"no/such/dir/x"_s)));
}

void TestCleanupProof::fileNames()
{
    QCOMPARE(StepExportFile::suggestedFileName(u"web"_s, StepExportFormat::Script),
             u"web-steps.sh"_s);
    QCOMPARE(StepExportFile::suggestedFileName(u"a/b c"_s, StepExportFormat::Trace),
             u"a_b_c-trace.json"_s);
    QCOMPARE(StepExportFile::suggestedFileName({}, StepExportFormat::Markdown),
             u"container-steps.md"_s);
}

QTEST_MAIN(TestCleanupProof)
#include "tst_cleanupproof.moc"
