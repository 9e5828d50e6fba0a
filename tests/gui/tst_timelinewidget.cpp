// The step timeline widget on real step streams (data/, see tst_steptimelinemodel):
// lanes per phase, clicks select the step under the pointer (through the view's
// hit-test API), zoom and ticks, follow mode during a live replay, the details
// pane, and the explanation catalogue against every step key in the source tree.
// Screenshots for docs/learn/steps.md are written to $KOKER_SCREENSHOT_DIR when set.

#include "engine/stepjson.h"
#include "studio/stepdetailspane.h"
#include "studio/stepexplanations.h"
#include "studio/steptimelinemodel.h"
#include "studio/timelinelayout.h"
#include "studio/timelineview.h"
#include "studio/timelinewidget.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QImage>
#include <QtGui/QWheelEvent>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolTip>

#include <memory>

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

QList<StepRecord> fixtureRecords(const QString &name, const QString &action)
{
    const QJsonArray steps = QJsonDocument::fromJson(readFixture(name))
                                 .array()
                                 .first()
                                 .toObject()
                                 .value(u"Steps"_s)
                                 .toArray();
    QList<StepRecord> out;
    for (const QJsonValue &v : steps) {
        if (v.toObject().value(u"action"_s).toString() == action)
            out << stepFromJson(v.toObject());
    }
    return out;
}

std::unique_ptr<TimelineWidget> makeWidget(const QString &fixture = {})
{
    auto w = std::make_unique<TimelineWidget>();
    w->resize(1300, 820);
    if (!fixture.isEmpty())
        w->model()->loadInspectJson(readFixture(fixture));
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    w->view()->timelineLayout(); // lay out now, not at the next timer tick
    return w;
}

template <class T>
T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

int redPixels(const QImage &image)
{
    // The fill of a failed bar (timelineview.cpp, barStyle).
    const QRgb failed = qRgb(0xd3, 0x2f, 0x2f);
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += (line[x] & 0xffffff) == (failed & 0xffffff);
    }
    return n;
}

} // namespace

class TestTimelineWidget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lanesHoldTheirPhases();
    void clickSelectsTheStep_data();
    void clickSelectsTheStep();
    void hitTestAtFitZoom();
    void tooltipDescribesTheStep();
    void listSelectionMovesTheLanes();
    void externalModel();
    void zoomChangesTheScale();
    void ctrlWheelZoomsAroundThePointer();
    void tickLabelsAdaptToZoom_data();
    void tickLabelsAdaptToZoom();
    void historyBreaksHideIdleTime();
    void plannedStepsQueueAfterTheRun();
    void followKeepsTheNewestStepInView();
    void detailsPaneFillsEveryField();
    void detailsPaneRollbackPlannedAndLive();
    void copyShellCommand();
    void catalogueCoversEveryEngineKey();
    void catalogueFallbacks_data();
    void catalogueFallbacks();
    void catalogueEntriesAreLessons();
    void screenshots();
};

void TestTimelineWidget::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestTimelineWidget::lanesHoldTheirPhases()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    TimelineView *view = w->view();
    const StepTimelineModel *model = w->model();
    QCOMPARE(view->timelineLayout().rowCount(), model->rowCount());
    int perLane[TimelineLayout::kLaneCount] = {};
    for (int row = 0; row < model->rowCount(); ++row) {
        const int phase = model->index(row, 0).data(StepTimelineModel::PhaseRole).toInt();
        const QRect bar = view->barRect(row);
        const QRect lane = view->laneRect(phase);
        QVERIFY2(lane.top() <= bar.top() && bar.bottom() <= lane.bottom(),
                 qPrintable(QString::number(row)));
        QCOMPARE(view->laneAt(bar.center().y()), phase);
        QVERIFY(bar.width() >= TimelineView::kMinBarWidth);
        ++perLane[phase];
    }
    for (int lane = 0; lane < TimelineLayout::kLaneCount; ++lane)
        QCOMPARE(view->timelineLayout().laneRowCount(lane), perLane[lane]);
    // This run has no image steps (the image was in the store), but every other phase.
    QCOMPARE(perLane[int(Phase::Image)], 0);
    QVERIFY(perLane[int(Phase::Cleanup)] >= 13);
    QCOMPARE(view->laneAt(view->laneRect(0).top() - 1), -1);
}

void TestTimelineWidget::clickSelectsTheStep_data()
{
    QTest::addColumn<uint>("seq");
    QTest::addColumn<QString>("key");
    QTest::newRow("clone3 on the host") << 36u << u"ns.clone"_s;
    QTest::newRow("overlay mount in the container") << 41u << u"mount.overlay"_s;
    QTest::newRow("the failed exec") << 65u << u"process.exec"_s;
    QTest::newRow("a rollback") << 39u << u"rollback.cgroup.mkdir"_s;
    QTest::newRow("the veth pair") << 26u << u"net.link.veth"_s;
    QTest::newRow("an instant step (691 ns)") << 62u << u"process.nnp"_s;
}

void TestTimelineWidget::clickSelectsTheStep()
{
    QFETCH(uint, seq);
    QFETCH(QString, key);
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    TimelineView *view = w->view();
    const int row = w->model()->rowOf(seq, key, 1);
    QVERIFY(row >= 0);
    // Zoom until the bar is wide, then bring it into view.
    const qint64 duration = w->model()->step(row).durationNs;
    view->setNsPerPixel(std::max(20.0, double(duration) / 60));
    view->ensureRowVisible(row);
    const QRect bar = view->barRect(row);
    QVERIFY(view->viewport()->rect().contains(bar.center()));
    QCOMPARE(view->rowAt(bar.center()), row);

    QSignalSpy clicked(w.get(), &TimelineWidget::stepClicked);
    QSignalSpy current(w.get(), &TimelineWidget::currentStepChanged);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, bar.center());
    QCOMPARE(w->currentRow(), row);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().at(1).toUInt(), seq);
    QCOMPARE(clicked.first().at(0).value<QModelIndex>().row(), row);
    QCOMPARE(current.size(), 1);
    // The list and the details follow the lanes.
    QCOMPARE(w->tableView()->currentIndex().row(), row);
    QCOMPARE(child<QLabel>(w->detailsPane(), "keyLabel")->text(), key);
    // A click on empty space selects nothing new.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      QPoint(view->viewport()->width() - 3, view->laneRect(0).center().y()));
    QCOMPARE(w->currentRow(), row);
}

void TestTimelineWidget::hitTestAtFitZoom()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    TimelineView *view = w->view();
    int self = 0;
    for (int row = 0; row < w->model()->rowCount(); ++row) {
        const QPoint c = view->barRect(row).center();
        const int hit = view->rowAt(c);
        QVERIFY(hit >= 0);
        // Instant steps share pixels at this zoom: the hit is a bar under the point.
        QVERIFY(view->barRect(hit).adjusted(-1, 0, 1, 0).contains(c));
        QCOMPARE(view->timelineLayout().lane(hit), view->timelineLayout().lane(row));
        self += hit == row;
    }
    QVERIFY(self > w->model()->rowCount() / 3);
    QCOMPARE(view->rowAt(QPoint(2, view->laneRect(0).center().y())), -1); // the lane names
}

void TestTimelineWidget::tooltipDescribesTheStep()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    TimelineView *view = w->view();
    const int row = w->model()->rowOf(65, u"process.exec"_s, 1);
    const StepTimelineModel::Step &s = w->model()->step(row);
    view->setNsPerPixel(std::max(20.0, double(s.durationNs) / 60));
    view->ensureRowVisible(row);
    const QPoint at = view->barRect(row).center();
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QVERIFY2(tip.contains(s.title) && tip.contains(u"execve("_s) &&
                 tip.contains(StepTimelineModel::formatDuration(s.durationNs)) &&
                 tip.contains(u"in the container"_s) && tip.contains(u"ENOENT"_s),
             qPrintable(tip));
    QToolTip::hideText();
}

void TestTimelineWidget::listSelectionMovesTheLanes()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    TimelineView *view = w->view();
    view->setNsPerPixel(100);
    const int first = w->model()->rowOf(1, u"storage.dirs"_s, 1);
    const int last = w->model()->rowCount() - 1;
    view->ensureRowVisible(first);
    QVERIFY(!view->viewport()->rect().intersects(view->barRect(last)));
    w->tableView()->setCurrentIndex(w->model()->index(last, StepTimelineModel::TitleColumn));
    QCOMPARE(view->selectionModel()->currentIndex().row(), last);
    QVERIFY(view->viewport()->rect().intersects(view->barRect(last)));
    QCOMPARE(w->detailsPane()->hasStep(), true);
    // Keyboard on the lanes walks the steps.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Left);
    QCOMPARE(w->currentRow(), last - 1);
    QVERIFY(w->selectStep(65, u"process.exec"_s, 1));
    QCOMPARE(w->tableView()->currentIndex().row(), w->model()->rowOf(65, u"process.exec"_s, 1));
    QVERIFY(!w->selectStep(999));
    w->selectRow(-1);
    QCOMPARE(w->currentRow(), -1);
    QCOMPARE(w->detailsPane()->hasStep(), false);
}

// The way ContainerDetails uses it: its own model, set once or again.
void TestTimelineWidget::externalModel()
{
    auto w = makeWidget();
    QVERIFY(w);
    StepTimelineModel *own = w->model();
    StepTimelineModel external;
    external.loadInspectJson(readFixture(u"inspect-history.json"_s));
    w->setModel(&external);
    w->setModel(&external); // again: the selection must survive
    QCOMPARE(w->model(), &external);
    QCOMPARE(w->tableView()->model(), &external);
    QCOMPARE(w->view()->model(), &external);
    QCOMPARE(w->view()->selectionModel(), w->tableView()->selectionModel());
    QCOMPARE(w->view()->timelineLayout().rowCount(), 154);
    w->selectRow(10);
    QCOMPARE(w->view()->selectionModel()->currentIndex().row(), 10);
    QVERIFY(w->detailsPane()->hasStep());
    // The history has several actions: the list shows which each step belongs to.
    QTRY_VERIFY(!w->tableView()->isColumnHidden(StepTimelineModel::ActionColumn));
    w->setModel(nullptr);
    QCOMPARE(w->model(), own);
    QVERIFY(!w->detailsPane()->hasStep());
    QTRY_VERIFY(w->tableView()->isColumnHidden(StepTimelineModel::ActionColumn));
}

void TestTimelineWidget::zoomChangesTheScale()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    TimelineView *view = w->view();
    const double fit = view->nsPerPixel();
    const int cgroupJoin = w->model()->rowOf(37, u"cgroup.join"_s, 1); // 13.9 ms, a long bar
    const int width = view->barRect(cgroupJoin).width();
    const qint64 step = view->tickStepNs();
    // Fitted: every bar is inside the lanes.
    for (int row = 0; row < w->model()->rowCount(); ++row)
        QVERIFY(view->barRect(row).right() <= view->viewport()->width());

    QSignalSpy zoomed(view, &TimelineView::zoomChanged);
    QAction *zoomIn = nullptr;
    QAction *fitAction = nullptr;
    for (QAction *a : w->actions()) {
        if (a->text() == TimelineWidget::tr("Zoom in"))
            zoomIn = a;
        else if (a->text() == TimelineWidget::tr("Fit"))
            fitAction = a;
    }
    QVERIFY(zoomIn && fitAction);
    zoomIn->trigger();
    zoomIn->trigger();
    QCOMPARE(zoomed.size(), 2);
    QVERIFY(qFuzzyCompare(view->nsPerPixel(), fit / 2.25));
    QVERIFY(std::abs(view->barRect(cgroupJoin).width() - width * 2.25) <= 2);
    QVERIFY(view->tickStepNs() < step);
    QVERIFY(view->horizontalScrollBar()->maximum() > 0);
    // Zooming out never goes past "everything fits".
    for (int i = 0; i < 10; ++i)
        view->zoomOut();
    QVERIFY(qFuzzyCompare(view->nsPerPixel(), fit));
    view->setNsPerPixel(1);
    QCOMPARE(view->nsPerPixel(), 20.0); // the finest zoom
    fitAction->trigger();
    QVERIFY(qFuzzyCompare(view->nsPerPixel(), fit));
    QCOMPARE(view->horizontalScrollBar()->value(), 0);
}

void TestTimelineWidget::ctrlWheelZoomsAroundThePointer()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    TimelineView *view = w->view();
    view->setNsPerPixel(view->nsPerPixel() / 3);
    const QPoint at(view->viewport()->width() / 3, view->laneRect(2).center().y());
    const qint64 before = view->axisAt(at.x());
    const double ns = view->nsPerPixel();
    QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(view->nsPerPixel() < ns);
    QVERIFY(qFuzzyCompare(view->nsPerPixel(), ns / (1.25 * 1.25)));
    // The time under the pointer stays under the pointer (within a pixel).
    QVERIFY(std::abs(view->axisAt(at.x()) - before) <= qint64(ns) + 1);
    // Without Ctrl the wheel pans.
    const int scroll = view->horizontalScrollBar()->value();
    QWheelEvent pan(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &pan);
    QCOMPARE(view->horizontalScrollBar()->value(), scroll + 120);
}

void TestTimelineWidget::tickLabelsAdaptToZoom_data()
{
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("thirdTick");
    QTest::newRow("finest: 5 µs ticks") << 20.0 << qint64(5'000) << u"0.015 ms"_s;
    QTest::newRow("0.2 ms ticks") << 1'000.0 << qint64(200'000) << u"0.6 ms"_s;
    QTest::newRow("20 ms ticks") << 100'000.0 << qint64(20'000'000) << u"60 ms"_s;
    QTest::newRow("seconds") << 10'000'000.0 << qint64(2'000'000'000) << u"6 s"_s;
}

void TestTimelineWidget::tickLabelsAdaptToZoom()
{
    QFETCH(double, nsPerPixel);
    QFETCH(qint64, step);
    QFETCH(QString, thirdTick);
    auto w = makeWidget();
    QVERIFY(w);
    // One long step: 20 s on the axis, so every zoom in the table is allowed.
    StepRecord r;
    r.seq = 1;
    r.state = StepState::Done;
    r.startNs = 1'795'897'827'000'000'000;
    r.durationNs = 20'000'000'000;
    r.setKey("process.exec");
    w->model()->setSteps({r}, u"start"_s);
    TimelineView *view = w->view();
    view->setNsPerPixel(nsPerPixel);
    QCOMPARE(view->nsPerPixel(), nsPerPixel);
    QCOMPARE(view->tickStepNs(), step);
    QCOMPARE(view->tickLabel(3 * step), thirdTick);
    view->horizontalScrollBar()->setValue(0);
    const QStringList labels = view->visibleTickLabels();
    QVERIFY(labels.size() >= 5);
    QCOMPARE(labels.at(3), thirdTick);
}

void TestTimelineWidget::historyBreaksHideIdleTime()
{
    auto w = makeWidget(u"inspect-history.json"_s);
    QVERIFY(w);
    const StepTimelineModel *model = w->model();
    const TimelineLayout &layout = w->view()->timelineLayout();
    QCOMPARE(model->actionCount(), 9);
    // The history spans over a minute of wall time; idle stretches are cut out.
    const qint64 wall = model->step(model->rowCount() - 1).startNs - model->step(0).startNs;
    QVERIFY(wall > 60'000'000'000);
    QVERIFY(layout.totalNs() < 1'000'000'000);
    qint64 hidden = 0;
    for (const auto &s : layout.segments())
        hidden += s.hiddenNs;
    QVERIFY(hidden > 60'000'000'000);
    // Actions follow each other on the axis, each starting where its label is.
    const QList<qint64> &starts = layout.actionAxisStarts();
    QCOMPARE(starts.size(), 9);
    for (int g = 1; g < starts.size(); ++g)
        QVERIFY(starts[g] > starts[g - 1]);
    // The restart came 58 s after the first stop's cleanup: a break, its length known.
    QVERIFY(layout.actionHiddenNs()[6] > 50'000'000'000);
    for (int g = 0; g < model->actionCount(); ++g)
        QCOMPARE(layout.axisStart(model->actionFirstRow(g)), starts[g]);
}

void TestTimelineWidget::plannedStepsQueueAfterTheRun()
{
    auto w = makeWidget();
    QVERIFY(w);
    StepTimelineModel *model = w->model();
    QList<StepRecord> plan = fixtureRecords(u"inspect-history.json"_s, u"start"_s).mid(0, 65);
    const QList<StepRecord> done = plan;
    for (StepRecord &r : plan) {
        r.state = StepState::Planned;
        r.startNs = 0;
        r.durationNs = 0;
    }
    model->beginAction(u"start"_s);
    model->upsertSteps(plan);
    for (int i = 0; i < 10; ++i)
        model->upsertStep(done[i]);
    const TimelineLayout &layout = w->view()->timelineLayout();
    qint64 lastRunEnd = 0;
    for (int row = 0; row < 10; ++row) {
        QVERIFY(layout.placed(row));
        lastRunEnd = std::max(lastRunEnd, layout.axisEnd(row));
    }
    qint64 previous = lastRunEnd;
    for (int row = 10; row < 65; ++row) {
        QVERIFY(!layout.placed(row));
        QCOMPARE(layout.axisStart(row), previous); // in plan order, one slot each
        previous = layout.axisEnd(row);
        QCOMPARE(layout.axisEnd(row) - layout.axisStart(row), layout.plannedSlotNs());
    }
    QCOMPARE(layout.totalNs(), previous);
}

void TestTimelineWidget::followKeepsTheNewestStepInView()
{
    auto w = makeWidget();
    QVERIFY(w);
    TimelineView *view = w->view();
    StepTimelineModel *model = w->model();
    // The recorded start, moved to now so running bars grow from the right time.
    QList<StepRecord> done = fixtureRecords(u"inspect-history.json"_s, u"start"_s).mid(0, 65);
    const qint64 shift =
        QDateTime::currentMSecsSinceEpoch() * 1'000'000 - done.first().startNs - 1'000'000;
    for (StepRecord &r : done)
        r.startNs += shift;
    QList<StepRecord> plan = done;
    for (StepRecord &r : plan) {
        r.state = StepState::Planned;
        r.startNs = 0;
        r.durationNs = 0;
    }
    QSignalSpy followChanged(view, &TimelineView::followChanged);
    w->setFollow(true);
    QCOMPARE(followChanged.size(), 1);
    model->beginAction(u"start"_s);
    model->upsertSteps(plan);
    view->setNsPerPixel(2'000); // ~2 ms across: the run does not fit
    QVERIFY(w->follow());
    for (int i = 0; i < done.size(); ++i) {
        StepRecord running = done[i];
        running.state = StepState::Running;
        running.durationNs = 0;
        model->upsertStep(running);
        if (i % 8 == 0) {
            // Laid out within a frame, and the running step is in view.
            QTRY_COMPARE(view->timelineLayout().newestRow(), i);
            QTRY_VERIFY(view->viewport()->rect().intersects(view->barRect(i)));
        }
        model->upsertStep(done[i]);
    }
    QTRY_COMPARE(view->timelineLayout().newestRow(), 64);
    QTRY_VERIFY(view->viewport()->rect().intersects(view->barRect(64)));
    QVERIFY(view->horizontalScrollBar()->value() > 0);
    QVERIFY(w->follow());
    // Scrolling by hand leaves follow mode, and the toolbar shows it.
    view->horizontalScrollBar()->setValue(0);
    QVERIFY(!w->follow());
    QCOMPARE(followChanged.size(), 2);
    QCOMPARE(followChanged.last().at(0).toBool(), false);
    for (QAction *a : w->actions()) {
        if (a->text() == TimelineWidget::tr("Follow"))
            QVERIFY(!a->isChecked());
    }
}

void TestTimelineWidget::detailsPaneFillsEveryField()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    QVERIFY(w->selectStep(65, u"process.exec"_s, 1));
    StepDetailsPane *pane = w->detailsPane();
    QVERIFY(pane->hasStep());
    const StepTimelineModel::Step &s = w->model()->step(w->currentRow());
    QCOMPARE(child<QLabel>(pane, "titleLabel")->text(), s.title);
    QCOMPARE(child<QLabel>(pane, "stateBadge")->text(), u"failed"_s);
    QCOMPARE(child<QLabel>(pane, "actionLabel")->text(), u"Start · step #65"_s);
    const QString where = child<QLabel>(pane, "phaseLabel")->text();
    QVERIFY2(where.contains(u"process"_s) && where.contains(u"inside the container"_s) &&
                 where.contains(QString::number(s.pid)),
             qPrintable(where));
    const QString result = child<QLabel>(pane, "resultLabel")->text();
    QVERIFY2(result.contains(u"ENOENT (No such file or directory)"_s) && result.contains(s.message),
             qPrintable(result));
    QLabel *problem = child<QLabel>(pane, "problemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY(
        problem->text().contains(u"This step failed with ENOENT (No such file or directory): "_s));
    const QString start = child<QLabel>(pane, "startLabel")->text();
    QVERIFY2(
        start.contains(
            QDateTime::fromMSecsSinceEpoch(s.startNs / 1'000'000).toString(u"HH:mm:ss.zzz"_s)) &&
            start.contains(u"after the action began"_s),
        qPrintable(start));
    QCOMPARE(child<QLabel>(pane, "durationLabel")->text(),
             StepTimelineModel::formatDuration(s.durationNs));
    QCOMPARE(child<QLabel>(pane, "keyLabel")->text(), u"process.exec"_s);
    QCOMPARE(child<QPlainTextEdit>(pane, "opEdit")->toPlainText(), s.op);
    QVERIFY(s.op.contains(u"execve("_s));
    QVERIFY(child<QPlainTextEdit>(pane, "opEdit")->isReadOnly());
    QCOMPARE(child<QPlainTextEdit>(pane, "shellEdit")->toPlainText(), s.shell);
    QCOMPARE(pane->shellCommand(), s.shell);
    const StepExplanation lesson = StepExplanations::explain(u"process.exec"_s);
    QCOMPARE(child<QLabel>(pane, "explanationLabel")->text(), lesson.text);
    const QString refs = child<QLabel>(pane, "referencesLabel")->text();
    QVERIFY2(refs.contains(u"execve(2)"_s) &&
                 refs.contains(u"https://man7.org/linux/man-pages/man2/execve.2.html"_s),
             qPrintable(refs));
    QCOMPARE(pane->explanation().key, u"process.exec"_s);

    // A done host step: no banner, the host pid.
    QVERIFY(w->selectStep(36, u"ns.clone"_s, 1));
    QVERIFY(!problem->isVisible());
    QCOMPARE(child<QLabel>(pane, "stateBadge")->text(), u"done"_s);
    QVERIFY(child<QLabel>(pane, "phaseLabel")->text().contains(u"on the host"_s));
    QVERIFY(child<QLabel>(pane, "explanationLabel")->text().contains(u"clone3()"_s));
    QVERIFY(child<QLabel>(pane, "referencesLabel")->text().contains(u"clone3(2)"_s));
}

void TestTimelineWidget::detailsPaneRollbackPlannedAndLive()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    StepDetailsPane *pane = w->detailsPane();
    QVERIFY(w->selectStep(36, u"rollback.net.link.veth"_s, 1));
    QLabel *problem = child<QLabel>(pane, "problemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().startsWith(u"Rollback"_s));
    QCOMPARE(child<QLabel>(pane, "stateBadge")->text(), u"rolled back"_s);
    QVERIFY(pane->explanation().rollback);
    QCOMPARE(pane->explanation().key, u"net.link.veth"_s);
    QVERIFY(child<QLabel>(pane, "explanationLabel")->text().contains(u"veth pair"_s));

    // A record from step-through mode: not run yet.
    StepRecord next;
    next.seq = 14;
    next.phase = Phase::Cgroup;
    next.state = StepState::Planned;
    next.setKey("cgroup.limit.memory");
    next.setTitle("Limit memory to 32 MiB");
    next.setOp("write(\"/sys/fs/cgroup/memory/koker/x/memory.limit_in_bytes\", \"33554432\")");
    next.setShell("echo 33554432 > /sys/fs/cgroup/memory/koker/x/memory.limit_in_bytes");
    pane->setRecord(next, u"start"_s);
    QCOMPARE(child<QLabel>(pane, "resultLabel")->text(), u"planned: it has not run yet"_s);
    QCOMPARE(child<QLabel>(pane, "startLabel")->text(), u"not yet"_s);
    QCOMPARE(child<QLabel>(pane, "durationLabel")->text(), u"—"_s);
    QVERIFY(child<QLabel>(pane, "explanationLabel")->text().contains(u"OOM killer"_s));

    // A live step shown in the pane follows its updates.
    StepTimelineModel live;
    live.beginAction(u"start"_s);
    StepRecord running = next;
    running.state = StepState::Running;
    running.startNs = 1'795'897'827'000'000'000;
    live.upsertStep(running);
    pane->setIndex(live.index(0, StepTimelineModel::TitleColumn));
    QCOMPARE(child<QLabel>(pane, "durationLabel")->text(), u"still running"_s);
    StepRecord done = running;
    done.state = StepState::Done;
    done.durationNs = 16'754;
    live.upsertStep(done);
    QCOMPARE(child<QLabel>(pane, "stateBadge")->text(), u"done"_s);
    QCOMPARE(child<QLabel>(pane, "durationLabel")->text(), u"0.02 ms"_s);
    pane->clear();
    QVERIFY(!pane->hasStep());
}

void TestTimelineWidget::copyShellCommand()
{
    auto w = makeWidget(u"inspect-failed-run.json"_s);
    QVERIFY(w);
    QVERIFY(w->selectStep(26, u"net.link.veth"_s, 1));
    StepDetailsPane *pane = w->detailsPane();
    QVERIFY(pane->shellCommand().startsWith(u"ip link add"_s));
    QSignalSpy copied(pane, &StepDetailsPane::shellCommandCopied);
    QPushButton *copy = child<QPushButton>(pane, "copyShellButton");
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(QGuiApplication::clipboard()->text(), pane->shellCommand());
}

// Every step key in the engine's source has a lesson: a new key without one
// fails here. Literals that are kernel file or sysctl names, not step keys, are
// told apart by their form.
void TestTimelineWidget::catalogueCoversEveryEngineKey()
{
    QString root = qEnvironmentVariable("KOKER_SOURCE_DIR");
    if (root.isEmpty())
        root = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + u"/../.."_s;
    static const QRegularExpression literal(
        uR"re("((?:image|storage|cgroup|net|ns|mount|process|container|cleanup)\.[a-z0-9_.]+)")re"_s);
    static const QSet<QString> kernelFiles = {
        u"cgroup.procs"_s,     u"cgroup.controllers"_s,
        u"cgroup.events"_s,    u"cgroup.threads"_s,
        u"cgroup.type"_s,      u"cgroup.stat"_s,
        u"cgroup.max.depth"_s, u"cgroup.max.descendants"_s,
        u"cgroup.pressure"_s,
    };
    QSet<QString> keys;
    for (const QString &dir : {u"src/runtime"_s, u"src/engine"_s, u"src/monitor"_s, u"helper"_s}) {
        QDirIterator it(root + u'/' + dir, {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            for (const auto &m : literal.globalMatch(text)) {
                const QString key = m.captured(1);
                if (key.endsWith(u'.') || kernelFiles.contains(key) ||
                    key.startsWith(u"net.ipv4."_s) || key.startsWith(u"net.ipv6."_s) ||
                    key.startsWith(u"net.core."_s) || key.startsWith(u"net.bridge."_s))
                    continue;
                keys.insert(key);
            }
        }
    }
    // The scan itself must work: the engine has about a hundred keys.
    QVERIFY2(keys.size() >= 80, qPrintable(QString::number(keys.size())));
    QStringList missing;
    for (const QString &key : std::as_const(keys)) {
        if (!StepExplanations::hasEntry(key))
            missing << key;
        // And its undo is explained as an undo of it.
        const StepExplanation undo = StepExplanations::explain(u"rollback."_s + key);
        QVERIFY(undo.rollback);
        QCOMPARE(undo.key, StepExplanations::explain(key).key);
    }
    missing.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"step keys without a lesson in src/studio/stepexplanations.cpp: "_s +
                        missing.join(u", "_s)));
    // Keys in the recorded runs are covered too.
    StepTimelineModel model;
    for (const QString &fixture : {u"inspect-history.json"_s, u"inspect-failed-run.json"_s}) {
        model.loadInspectJson(readFixture(fixture));
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString key = model.step(row).key;
            QVERIFY2(StepExplanations::explain(key).exact, qPrintable(key));
        }
    }
}

void TestTimelineWidget::catalogueFallbacks_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("phase");
    QTest::addColumn<QString>("answeredBy");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<bool>("rollback");
    QTest::newRow("exact") << u"mount.pivot"_s << int(Phase::Namespace) << u"mount.pivot"_s << true
                           << false;
    QTest::newRow("new link step")
        << u"net.link.vlan"_s << int(Phase::Network) << u"net.link"_s << false << false;
    QTest::newRow("new limit") << u"cgroup.limit.io"_s << int(Phase::Cgroup) << u"cgroup.limit"_s
                               << false << false;
    QTest::newRow("new family, by phase")
        << u"seccomp.notify"_s << int(Phase::Process) << u"process"_s << false << false;
    QTest::newRow("empty key") << QString() << int(Phase::Image) << u"image"_s << false << false;
    QTest::newRow("rollback of a known step")
        << u"rollback.mount.overlay"_s << int(Phase::Cleanup) << u"mount.overlay"_s << true << true;
    QTest::newRow("rollback of an unknown step")
        << u"rollback.quota.set"_s << int(Phase::Cleanup) << u"cleanup"_s << false << true;
}

void TestTimelineWidget::catalogueFallbacks()
{
    QFETCH(QString, key);
    QFETCH(int, phase);
    QFETCH(QString, answeredBy);
    QFETCH(bool, exact);
    QFETCH(bool, rollback);
    const StepExplanation x = StepExplanations::explain(key, static_cast<Phase>(phase));
    QCOMPARE(x.key, answeredBy);
    QCOMPARE(x.exact, exact);
    QCOMPARE(x.rollback, rollback);
    QVERIFY(!x.text.isEmpty());
    QVERIFY(!x.references.isEmpty());
}

void TestTimelineWidget::catalogueEntriesAreLessons()
{
    // 2-4 sentences and something to read, with a link that opens.
    static const QRegularExpression sentenceEnd(u"[.!?](\\s|$)"_s);
    const QStringList keys = StepExplanations::keys();
    QVERIFY(keys.size() >= 100);
    for (const QString &key : keys) {
        const StepExplanation x = StepExplanations::explain(key);
        QVERIFY(x.exact);
        const auto sentences = x.text.count(sentenceEnd);
        QVERIFY2(sentences >= 2 && sentences <= 4,
                 qPrintable(key + u": "_s + QString::number(sentences)));
        QVERIFY2(!x.references.isEmpty(), qPrintable(key));
        for (const QString &ref : x.references) {
            const QUrl url = StepExplanations::referenceUrl(ref);
            QVERIFY2(url.isValid() && url.scheme() == u"https"_s, qPrintable(key + u' ' + ref));
        }
    }
    QCOMPARE(StepExplanations::referenceUrl(u"pivot_root(2)"_s),
             QUrl(u"https://man7.org/linux/man-pages/man2/pivot_root.2.html"_s));
    QCOMPARE(StepExplanations::referenceUrl(u"iptables(8)"_s),
             QUrl(u"https://man7.org/linux/man-pages/man8/iptables.8.html"_s));
    QCOMPARE(StepExplanations::referenceLabel(u"kernel:overlayfs"_s), u"overlayfs (kernel docs)"_s);
    QVERIFY(!StepExplanations::referenceUrl(u"not a reference"_s).isValid());
    QVERIFY(StepExplanations::referencesHtml({u"veth(4)"_s, u"kernel:overlayfs"_s})
                .contains(u"<a href=\"https://docs.kernel.org/filesystems/overlayfs.html\">"_s));
}

// The screenshots in docs/learn/steps.md: the failed run with its failing step
// selected, and a container's whole history.
void TestTimelineWidget::screenshots()
{
    QString dir = qEnvironmentVariable("KOKER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::tempPath();
    QDir().mkpath(dir);
    {
        auto w = makeWidget(u"inspect-failed-run.json"_s);
        QVERIFY(w);
        w->resize(1400, 900);
        QVERIFY(w->selectStep(65, u"process.exec"_s, 1));
        w->view()->zoomToFit();
        QApplication::processEvents();
        const QImage image = w->grab().toImage();
        QVERIFY(!image.isNull());
        // The failed step is drawn in its red, in the lanes at least.
        QVERIFY(redPixels(w->view()->viewport()->grab().toImage()) > 20);
        QVERIFY(image.save(dir + u"/timeline.png"_s));
    }
    {
        auto w = makeWidget(u"inspect-history.json"_s);
        QVERIFY(w);
        w->resize(1400, 900);
        QVERIFY(w->selectStep(42, u"mount.overlay"_s, 1));
        w->view()->zoomToFit();
        QApplication::processEvents();
        QVERIFY(w->grab().toImage().save(dir + u"/timeline-history.png"_s));
    }
}

QTEST_MAIN(TestTimelineWidget)
#include "tst_timelinewidget.moc"
