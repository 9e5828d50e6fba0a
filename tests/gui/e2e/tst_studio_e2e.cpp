// Koker Studio end to end, as a student would use it: the real MainWindow under
// Xvfb, as the unprivileged user kokertest-a, talking to the real kokerd (and
// polkitd) on the dbus tier's private system bus. run-e2e.sh sets that up; alone,
// this program skips.
//
// The path: the window connects and lists the starter image; the pull dialog
// (from the test registry when run-e2e.sh could start one); the run dialog runs
// the starter image with a terminal; `echo hi` typed into the embedded terminal
// is read back from its screen model; the run's steps are in the timeline; the
// details, logs and graphs of the container; settings; then the container is
// removed through the window. Every view is saved as a PNG for docs/user-guide.md
// (KOKER_SCREENSHOT_DIR). Waits use QTRY_*; nothing asserts on timing.

#include "studio/containerdetails.h"
#include "studio/containersmodel.h"
#include "studio/containersview.h"
#include "studio/helperconnection.h"
#include "studio/imagesmodel.h"
#include "studio/imagesview.h"
#include "studio/mainwindow.h"
#include "studio/pulldialog.h"

#ifdef KOKER_STUDIO_HAVE_RUN
#include "studio/rundialog.h"
#endif
#ifdef KOKER_STUDIO_HAVE_TIMELINE
#include "studio/steptimelinemodel.h"
#include "studio/timelinewidget.h"
#endif
#ifdef KOKER_STUDIO_HAVE_LEARN
#include "engine/cleanupproof.h"
#include "engine/stepexport.h"
#include "studio/cleanupproofdialog.h"
#include "studio/cleanupproofmodel.h"
#include "studio/experimentrunner.h"
#include "studio/experimentsdialog.h"
#include "studio/mounttreemodel.h"
#include "studio/namespacesmodel.h"
#include "studio/networktopologyview.h"
#include "studio/stepthroughbar.h"
#include "studio/underthehoodpanel.h"
#ifdef KOKER_STUDIO_HAVE_TIMELINE
#include "studio/stepdetailspane.h"
#endif
#endif
#ifdef KOKER_STUDIO_HAVE_CONSOLE
#include "studio/consoletab.h"
#include "studio/consoletabs.h"
#include "terminal/terminalchannel.h"
#include "terminal/terminalemulation.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"
#endif

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QTabWidget>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kLong = 60000; // a container start under polkit on a slow CI machine

template <class T>
T *findTopLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    }
    return nullptr;
}

} // namespace

class TestStudioE2E final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connects();
    void imagesView();
    void imageInspect();
    void pullDialog();
    void runWithTerminal();
    void echoHiInTerminal();
    void timelineShowsTheRun();
    void detailsLogsAndGraphs();
    void containersView();
    void settings();
    void underTheHood();
    void exportTrace();
    void removeWithProof();
    void stepThroughNextNextAbort();
    void guidedExperiments();
    void removeThroughTheWindow();
    void starterImageFromEmptyStore();
    void cleanupTestCase();

private:
    void shoot(QWidget *widget, const QString &name);
    QString screenRows() const;
    QString runThroughDialog(const QString &name, bool stepThrough);

    QString m_hoodId; // a container on the bridge with a published port

    std::unique_ptr<MainWindow> m_window;
    QString m_shots;
    QString m_containerId;
    QString m_pulled;
};

void TestStudioE2E::shoot(QWidget *widget, const QString &name)
{
    if (m_shots.isEmpty())
        return;
    // Let pending layouts and the terminal's coalesced repaint happen first.
    QTest::qWait(300);
    QApplication::processEvents();
    const QString path = m_shots + u"/studio-"_s + name + u".png"_s;
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot %s", qPrintable(path));
}

void TestStudioE2E::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("KOKER_DBUS_FIXTURE"))
        QSKIP("no dbus fixture: tests/gui/e2e/run-e2e.sh runs this as a test user under Xvfb");
    if (qEnvironmentVariableIsEmpty("DBUS_SYSTEM_BUS_ADDRESS"))
        QSKIP("DBUS_SYSTEM_BUS_ADDRESS must point at the fixture's bus");
    m_shots = qEnvironmentVariable("KOKER_SCREENSHOT_DIR");
    if (!m_shots.isEmpty())
        QDir().mkpath(m_shots);
    // A fresh settings file for the test user: no saved geometry, interactive off
    // (no polkit agent here: a question would be a failure, not a wait).
    QSettings().clear();
    QSettings().setValue(u"helper/interactive"_s, false);
    QApplication::setFont(QFont(u"DejaVu Sans"_s, 10));
    // The English plural forms ("3 minutes"), as koker-studio loads them.
    auto *english = new QTranslator(this);
    QVERIFY(english->load(u":/i18n/koker-studio_en.qm"_s));
    QApplication::installTranslator(english);
}

void TestStudioE2E::connects()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->connectToHelper();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->connection()->isConnected(), kLong);
    QVERIFY(m_window->connection()->hostInfo().known);
    QVERIFY(m_window->connection()->hostInfo().hostCpus > 0);
    QCOMPARE(m_window->refreshInterval(), 2000);
}

void TestStudioE2E::imagesView()
{
    m_window->showPage(MainWindow::Page::Images);
    ImagesView *images = m_window->imagesView();
    QTRY_VERIFY_WITH_TIMEOUT(images->model()->imageNames().contains(u"starter:latest"_s), kLong);
    QVERIFY(images->selectReference(u"starter:latest"_s));
    QCOMPARE(images->selectedReference(), u"starter:latest"_s);
    shoot(m_window.get(), u"images"_s);
}

void TestStudioE2E::imageInspect()
{
    m_window->imagesView()->inspectSelected();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<QDialog *>(
                     m_window->imagesView()->findChild<QDialog *>(u"ImageInspectDialog"_s))));
    dialog->resize(820, 560);
    // Loaded when the layers tab has its count.
    auto *tabs = dialog->findChild<QTabWidget *>(u"tabs"_s);
    QVERIFY(tabs);
    QTRY_VERIFY_WITH_TIMEOUT(tabs->tabText(2).contains(u'('), kLong);
    shoot(dialog, u"image-inspect"_s);
    tabs->setCurrentIndex(2);
    shoot(dialog, u"image-layers"_s);
    dialog->close();
}

void TestStudioE2E::pullDialog()
{
    m_window->openPullDialog();
    PullDialog *pull = m_window->pullDialog();
    QVERIFY(pull);
    pull->resize(640, 420);
    const QString registry = qEnvironmentVariable("KOKER_E2E_REGISTRY");
    if (registry.isEmpty()) {
        pull->setReference(u"alpine:latest"_s);
        shoot(pull, u"pull"_s);
        pull->close();
        QSKIP("no test registry (docker-registry, skopeo): the dialog was only shown");
    }
    // The registry tier's image with four layers: a bar each.
    m_pulled = registry + u"/test/layered:latest"_s;
    pull->setReference(m_pulled);
    QSignalSpy pulled(pull, &PullDialog::pulled);
    QSignalSpy failed(pull, &PullDialog::failed);
    pull->startPull();
    QTRY_VERIFY_WITH_TIMEOUT(!pulled.isEmpty() || !failed.isEmpty(), kLong);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(pull->layerCount(), 4);
    // kokerd's per-layer status reached the dialog.
    for (int row = 0; row < pull->layerCount(); ++row)
        QVERIFY2(pull->layerStateText(row) == PullDialog::tr("Done") ||
                     pull->layerStateText(row) == PullDialog::tr("Already here"),
                 qPrintable(pull->layerStateText(row)));
    shoot(pull, u"pull"_s);
#ifdef KOKER_STUDIO_HAVE_TIMELINE
    // The pull's steps went to the timeline while it ran.
    QVERIFY(m_window->details()->stepsModel()->rowCount() > 0);
    shoot(m_window.get(), u"pull-timeline"_s);
#endif
    pull->close();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->imagesView()->model()->imageNames().contains(m_pulled),
                             kLong);
}

void TestStudioE2E::runWithTerminal()
{
#ifndef KOKER_STUDIO_HAVE_RUN
    QSKIP("the run dialog is not part of this build");
#else
    m_window->imagesView()->selectReference(u"starter:latest"_s);
    QSignalSpy created(m_window.get(), &MainWindow::containerCreated);
    m_window->runImage(u"starter:latest"_s);
    RunDialog *dialog = m_window->runDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    RunForm form = dialog->form();
    QCOMPARE(form.image, u"starter:latest"_s);
    form.name = u"e2e-shell"_s;
    form.command = u"sh"_s;
    form.tty = true;
    form.interactive = true;
    form.network = u"none"_s;
    form.memoryBytes = 256LL * 1024 * 1024;
    form.nanoCpus = 500'000'000;
    form.pidsLimit = 100;
    form.env = {{u"GREETING"_s, u"hello"_s}};
    dialog->setForm(form);
    QTRY_VERIFY(dialog->isValid());
    QVERIFY(dialog->attachTerminal());
    QVERIFY(dialog->commandLine().contains(u"koker run"_s));
    dialog->resize(900, 700);
    shoot(dialog, u"run-dialog"_s);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty(), kLong);
    m_containerId = created.first().at(0).toString();
    QCOMPARE(m_containerId.size(), 64);
#endif
}

QString TestStudioE2E::screenRows() const
{
#ifdef KOKER_STUDIO_HAVE_CONSOLE
    ConsoleTab *tab = m_window->consoles()->console(m_window->consoles()->currentIndex());
    if (!tab)
        return {};
    QStringList rows;
    TerminalEmulation *e = tab->session()->emulation();
    for (int r = 0; r < e->rows(); ++r)
        rows << e->lineText(r);
    return rows.join(u'\n');
#else
    return {};
#endif
}

void TestStudioE2E::echoHiInTerminal()
{
#ifndef KOKER_STUDIO_HAVE_CONSOLE
    QSKIP("the embedded terminal is not part of this build");
#else
    if (m_containerId.isEmpty())
        QSKIP("no container was run");
    ConsoleTabs *consoles = m_window->consoles();
    QTRY_VERIFY_WITH_TIMEOUT(consoles->count() > 0, kLong);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Terminals);
    ConsoleTab *tab = consoles->console(consoles->currentIndex());
    QVERIFY(tab);
    QCOMPARE(tab->containerId(), m_containerId);
    QTRY_COMPARE_WITH_TIMEOUT(tab->status(), ConsoleTab::Status::Running, kLong);
    // The shell's prompt first, then type as the student would.
    QTRY_VERIFY_WITH_TIMEOUT(screenRows().contains(u'#') || screenRows().contains(u'$'), kLong);
    TerminalWidget *terminal = tab->terminal();
    terminal->setFocus();
    QTest::keyClicks(terminal, u"echo hi"_s);
    QTest::keyClick(terminal, Qt::Key_Return);
    // "hi" alone on a row of the screen model: the command's output, not its echo.
    QTRY_VERIFY2_WITH_TIMEOUT(screenRows().split(u'\n').contains(u"hi"_s), qPrintable(screenRows()),
                              kLong);
    QTest::keyClicks(terminal, u"echo $GREETING from $(hostname)"_s);
    QTest::keyClick(terminal, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(screenRows().contains(u"hello from "_s), kLong);
    shoot(m_window.get(), u"terminal"_s);
#endif
}

void TestStudioE2E::timelineShowsTheRun()
{
#ifndef KOKER_STUDIO_HAVE_TIMELINE
    QSKIP("the timeline is not part of this build");
#else
    if (m_containerId.isEmpty())
        QSKIP("no container was run");
    ContainerDetails *details = m_window->details();
    QCOMPARE(details->containerId(), m_containerId);
    StepTimelineModel *steps = details->stepsModel();
    QTRY_VERIFY_WITH_TIMEOUT(steps->rowCount() > 5, kLong);
    // The start is done: every step finished but the last, "Run sh", which runs as
    // long as the shell does; cgroup and namespace steps among them.
    QTRY_COMPARE_WITH_TIMEOUT(steps->runningCount(), 1, kLong);
    QCOMPARE(steps->failedCount(), 0);
    const int last = steps->rowCount() - 1;
    QCOMPARE(steps->step(last).phase, Phase::Process);
    QCOMPARE(steps->step(last).state, StepState::Running);
    bool cgroup = false;
    bool ns = false;
    int memoryRow = -1;
    for (int row = 0; row < steps->rowCount(); ++row) {
        const auto &s = steps->step(row);
        cgroup = cgroup || s.phase == Phase::Cgroup;
        ns = ns || s.phase == Phase::Namespace;
        if (memoryRow < 0 && s.phase == Phase::Cgroup && s.op.contains(u"268435456"_s))
            memoryRow = row;
    }
    QVERIFY(cgroup);
    QVERIFY(ns);
    QVERIFY2(memoryRow >= 0, "the memory limit's cgroup write is a step");
    m_window->showPage(MainWindow::Page::Containers);
    details->showTab(ContainerDetails::Tab::Steps);
    details->timeline()->selectRow(memoryRow);
    shoot(m_window.get(), u"timeline"_s);
#endif
}

void TestStudioE2E::detailsLogsAndGraphs()
{
    if (m_containerId.isEmpty())
        QSKIP("no container was run");
    ContainerDetails *details = m_window->details();
    m_window->showPage(MainWindow::Page::Containers);
    details->showTab(ContainerDetails::Tab::Details);
    shoot(m_window.get(), u"details"_s);
    details->showTab(ContainerDetails::Tab::Logs);
    QTRY_VERIFY_WITH_TIMEOUT(details->logText().contains(u"hi\n"_s), kLong);
    shoot(m_window.get(), u"logs"_s);
#ifdef KOKER_STUDIO_HAVE_CONSOLE
    // Something to draw: a busy loop under the 0.5 CPU quota, throttled by the kernel.
    ConsoleTab *tab = m_window->consoles()->console(0);
    QVERIFY(tab);
    QTest::keyClicks(tab->terminal(), u"while :; do :; done &"_s);
    QTest::keyClick(tab->terminal(), Qt::Key_Return);
#endif
    details->showTab(ContainerDetails::Tab::Graphs);
    // A few samples so the lines have a length.
    QTest::qWait(6000);
    shoot(m_window.get(), u"graphs"_s);
}

void TestStudioE2E::containersView()
{
    m_window->showPage(MainWindow::Page::Containers);
    if (!m_containerId.isEmpty()) {
        ContainersModel *model = m_window->containersView()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(m_containerId) >= 0, kLong);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->containersView()->currentId(), m_containerId, kLong);
        const int row = model->rowOf(m_containerId);
        QCOMPARE(model->index(row, ContainersModel::StateColumn).data().toString(), u"Running"_s);
        // Two Stats answers give a CPU rate.
        QTRY_VERIFY_WITH_TIMEOUT(
            model->index(row, ContainersModel::CpuColumn).data().toString().endsWith(u'%'), kLong);
        QVERIFY(model->index(row, ContainersModel::MemoryColumn)
                    .data()
                    .toString()
                    .contains(u"256.0 MiB"_s));
    }
    m_window->details()->showTab(ContainerDetails::Tab::Steps);
    shoot(m_window.get(), u"containers"_s);
}

void TestStudioE2E::settings()
{
    m_window->openSettings();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"SettingsDialog"_s)));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->resize(620, 460);
    shoot(dialog, u"settings"_s);
    auto *tabs = dialog->findChild<QTabWidget *>(u"tabs"_s);
    tabs->setCurrentIndex(1);
    shoot(dialog, u"settings-host"_s);
    dialog->close();
    m_window->openAbout();
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"AboutDialog"_s)));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    shoot(dialog, u"about"_s);
    dialog->close();
}

// Run `sleep 1000` on the bridge with a published port through the run dialog, as
// a student would; returns the new container's id (empty on failure).
QString TestStudioE2E::runThroughDialog(const QString &name, bool stepThrough)
{
#ifndef KOKER_STUDIO_HAVE_RUN
    Q_UNUSED(name)
    Q_UNUSED(stepThrough)
    return {};
#else
    QSignalSpy created(m_window.get(), &MainWindow::containerCreated);
    m_window->runImage(u"starter:latest"_s);
    RunDialog *dialog = m_window->runDialog();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return {};
    RunForm form = dialog->form();
    form.name = name;
    form.command = u"sleep 1000"_s;
    form.tty = false;
    form.interactive = false;
    form.network = u"bridge"_s;
    form.ports = {PortRow{u"127.0.0.1"_s, u"18081"_s, u"80"_s, u"tcp"_s}};
    form.memoryBytes = 64LL * 1024 * 1024;
    form.pidsLimit = 50;
    form.stepThrough = stepThrough;
    dialog->setForm(form);
    if (!QTest::qWaitFor([&] { return dialog->isValid(); }, 5000))
        return {};
    if (stepThrough && !dialog->commandLine().contains(u"--step"_s))
        return {};
    dialog->accept();
    if (!QTest::qWaitFor([&] { return !created.isEmpty(); }, kLong))
        return {};
    return created.first().at(0).toString();
#endif
}

void TestStudioE2E::underTheHood()
{
#ifndef KOKER_STUDIO_HAVE_LEARN
    QSKIP("the learn part is not part of this build");
#else
    m_hoodId = runThroughDialog(u"e2e-hood"_s, false);
    QVERIFY(!m_hoodId.isEmpty());
    ContainersView *view = m_window->containersView();
    m_window->showPage(MainWindow::Page::Containers);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOf(m_hoodId) >= 0, kLong);
    QTRY_VERIFY_WITH_TIMEOUT(view->selectContainer(m_hoodId), kLong);
    const int row = view->model()->rowOf(m_hoodId);
    QTRY_COMPARE_WITH_TIMEOUT(
        view->model()->index(row, ContainersModel::StateColumn).data().toString(), u"Running"_s,
        kLong);
    ContainerDetails *details = m_window->details();
    QTRY_COMPARE(details->containerId(), m_hoodId);
    auto *hood = qobject_cast<UnderTheHoodPanel *>(details->hoodPanel());
    QVERIFY(hood);
    QSignalSpy refreshed(hood, &UnderTheHoodPanel::refreshed);
    details->showTab(ContainerDetails::Tab::Hood); // showing the tab asks kokerd
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), kLong);
    QVERIFY2(hood->hasDocument(), qPrintable(hood->messageText()));
    const QJsonObject doc = hood->document();
    QCOMPARE(doc.value(u"id"_s).toString(), m_hoodId);

    // Namespaces: one row per type the kernel reported; mnt, pid and net are the
    // container's own (bridge network), with inodes that differ from the host's.
    NamespacesModel *ns = hood->namespacesModel();
    QCOMPARE(ns->rowCount(), doc.value(u"namespaces"_s).toArray().size());
    QVERIFY(ns->rowCount() >= 6);
    for (const char16_t *type : {u"mnt", u"pid", u"net", u"uts", u"ipc"}) {
        const int r = ns->rowOf(QString::fromUtf16(type));
        QVERIFY2(r >= 0, qPrintable(QString::fromUtf16(type)));
        QVERIFY(!ns->row(r).shared);
        QVERIFY(ns->row(r).containerInode != ns->row(r).hostInode);
    }
    // Mounts: the whole mountinfo in the tree, / an overlay over the image's layer.
    MountTreeModel *mounts = hood->mountsModel();
    QCOMPARE(mounts->mountCount(), mounts->reportedCount());
    QVERIFY(mounts->mountCount() > 5);
    QCOMPARE(mounts->index(0, MountTreeModel::TypeColumn).data().toString(), u"overlay"_s);
    const QModelIndex layers = mounts->overlayLayers();
    QVERIFY(layers.isValid());
    QVERIFY(mounts->index(0, 0, layers)
                .data(MountTreeModel::DiffIdRole)
                .toString()
                .startsWith(u"sha256:"_s));
    // Network: host and container namespaces, the bridge, the host's veth and eth0
    // with its address, the port rule.
    hood->showSection(UnderTheHoodPanel::Section::Network);
    QTest::qWait(100);
    const TopologyLayout &topology = hood->topologyView()->currentLayout();
    QCOMPARE(topology.count(TopologyNode::Kind::HostNamespace), 1);
    QCOMPARE(topology.count(TopologyNode::Kind::ContainerNamespace), 1);
    QCOMPARE(topology.count(TopologyNode::Kind::Bridge), 1);
    QCOMPARE(topology.count(TopologyNode::Kind::HostVeth), 1);
    const TopologyNode *eth0 = topology.node(u"if:eth0"_s);
    QVERIFY(eth0);
    QVERIFY(!eth0->lines.isEmpty() && eth0->lines.first().contains(u'/'));
    QCOMPARE(topology.edges.size(), 2);
    QVERIFY(topology.rules.join(u'\n').contains(u"18081"_s));
    shoot(m_window.get(), u"hood"_s);
    hood->showSection(UnderTheHoodPanel::Section::Mounts);
    shoot(m_window.get(), u"hood-mounts"_s);
    hood->showSection(UnderTheHoodPanel::Section::Namespaces);
#endif
}

void TestStudioE2E::exportTrace()
{
#ifndef KOKER_STUDIO_HAVE_LEARN
    QSKIP("the learn part is not part of this build");
#else
    if (m_hoodId.isEmpty())
        QSKIP("no container to export");
    ContainerDetails *details = m_window->details();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSignalSpy exported(details, &ContainerDetails::stepsExported);
    const QString trace = dir.filePath(u"e2e-hood-trace.json"_s);
    details->exportSteps(static_cast<int>(StepExportFormat::Trace), trace);
    QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), kLong);
    QVERIFY2(exported.first().at(1).toBool(), qPrintable(exported.first().at(2).toString()));
    QFile f(trace);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
    // Trace-event format: complete events with a name, a start and a duration.
    const QJsonArray events = doc.object().value(u"traceEvents"_s).toArray();
    int complete = 0;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(u"ph"_s).toString() != u"X"_s)
            continue;
        ++complete;
        QVERIFY(!e.value(u"name"_s).toString().isEmpty());
        QVERIFY(e.value(u"ts"_s).isDouble() && e.value(u"dur"_s).isDouble());
    }
    QVERIFY2(complete > 10, qPrintable(QString::number(complete)));
    // The script, too: the file the student gets is executable bash.
    exported.clear();
    const QString script = dir.filePath(u"e2e-hood.sh"_s);
    details->exportSteps(static_cast<int>(StepExportFormat::Script), script);
    QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), kLong);
    QVERIFY(exported.first().at(1).toBool());
    QVERIFY(QFileInfo(script).isExecutable());
#endif
}

void TestStudioE2E::removeWithProof()
{
#ifndef KOKER_STUDIO_HAVE_LEARN
    QSKIP("the learn part is not part of this build");
#else
    if (m_hoodId.isEmpty())
        QSKIP("no container to remove");
    ContainersView *view = m_window->containersView();
    QVERIFY(view->selectContainer(m_hoodId));
    QSignalSpy removed(view, &ContainersView::removed);
    view->removeSelected();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = view->findChild<QMessageBox *>()));
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!removed.isEmpty(), kLong);
    QCOMPARE(removed.first().at(0).toString(), m_hoodId);
    // The window shows kokerd's checklist: every change it made, checked again.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->proofDialog() && m_window->proofDialog()->isVisible(),
                             kLong);
    auto *dialog = qobject_cast<CleanupProofDialog *>(m_window->proofDialog());
    QVERIFY(dialog);
    CleanupProofModel *proof = dialog->model();
    // Cgroup dirs, the netns, the veth and its bridge port, the port's rules, the
    // lease, the overlay mount, the state and run dirs: well over five.
    QVERIFY2(proof->checkedCount() > 5, qPrintable(QString::number(proof->checkedCount())));
    QStringList left;
    bool veth = false;
    bool rules = false;
    for (const CleanupCheck &c : proof->checks()) {
        veth = veth || c.change.kind == HostChange::Kind::Veth;
        rules = rules || c.change.kind == HostChange::Kind::IptablesRules;
        if (c.present && !c.change.kept)
            left << c.change.describe() + u": "_s + c.evidence;
    }
    QVERIFY(veth);
    QVERIFY(rules);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
    QVERIFY(proof->allGone());
    dialog->resize(1000, 520);
    shoot(dialog, u"proof"_s);
    dialog->close();
    m_hoodId.clear();
#endif
}

void TestStudioE2E::stepThroughNextNextAbort()
{
#if !defined(KOKER_STUDIO_HAVE_LEARN) || !defined(KOKER_STUDIO_HAVE_TIMELINE)
    QSKIP("the learn part or the timeline is not part of this build");
#else
    const QString id = runThroughDialog(u"e2e-step"_s, true);
    QVERIFY(!id.isEmpty());
    ContainerDetails *details = m_window->details();
    auto *bar = qobject_cast<StepThroughBar *>(details->stepThroughBar());
    QVERIFY(bar);
    QTRY_VERIFY(bar->isVisible());
    // The first pause: nothing done yet but the create's steps; the details pane
    // shows the waiting step's operation.
    QTRY_COMPARE_WITH_TIMEOUT(bar->state(), StepThroughBar::State::Waiting, kLong);
    const quint32 first = bar->waitingStep().seq;
    QVERIFY(details->timeline()->detailsPane()->hasStep());
    bar->next();
    QTRY_COMPARE_WITH_TIMEOUT(bar->state(), StepThroughBar::State::Waiting, kLong);
    const quint32 second = bar->waitingStep().seq;
    QVERIFY2(second > first, qPrintable(u"%1 -> %2"_s.arg(first).arg(second)));
    shoot(m_window.get(), u"step-through"_s);
    bar->next();
    QTRY_COMPARE_WITH_TIMEOUT(bar->state(), StepThroughBar::State::Waiting, kLong);
    QVERIFY(bar->waitingStep().seq > second);
    QCOMPARE(bar->stepsAllowed(), 2);
    bar->abort();
    QTRY_COMPARE_WITH_TIMEOUT(bar->state(), StepThroughBar::State::Finished, kLong);
    QVERIFY(!bar->succeeded());
    // No leak: every host change the two steps made was rolled back. kokerd's
    // preview lists the container's changes and whether each is there now; only
    // its record (the state dir the create made) may remain until it is removed.
    bool previewed = false;
    QString preview;
    m_window->connection()->client()->cleanupPreview(id, [&](Result<QString> json) {
        preview = json ? *json : QString::fromStdString(json.error().describe());
        previewed = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(previewed, kLong);
    const QJsonDocument doc = QJsonDocument::fromJson(preview.toUtf8());
    QVERIFY2(doc.isArray(), qPrintable(preview));
    QStringList leaked;
    for (const CleanupCheck &c : CleanupProof::fromJson(doc.array())) {
        if (c.present && !c.change.kept && c.change.kind != HostChange::Kind::StateDir)
            leaked << c.change.describe() + u": "_s + c.evidence;
    }
    QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(u'\n')));
    // The container is there, created but not running; remove it (with its proof).
    ContainersView *view = m_window->containersView();
    QTRY_VERIFY_WITH_TIMEOUT(view->selectContainer(id), kLong);
    QSignalSpy removed(view, &ContainersView::removed);
    view->removeSelected();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = view->findChild<QMessageBox *>()));
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!removed.isEmpty(), kLong);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->proofDialog() && m_window->proofDialog()->isVisible(),
                             kLong);
    auto *dialog = qobject_cast<CleanupProofDialog *>(m_window->proofDialog());
    QVERIFY2(dialog->model()->leftCount() == 0, qPrintable(dialog->headline()));
    dialog->close();
#endif
}

void TestStudioE2E::guidedExperiments()
{
#ifndef KOKER_STUDIO_HAVE_LEARN
    QSKIP("the learn part is not part of this build");
#else
    m_window->openExperiments();
    auto *dialog = qobject_cast<ExperimentsDialog *>(m_window->experimentsDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->resize(900, 980);
    QSignalSpy finished(dialog, &ExperimentsDialog::experimentFinished);
    const auto runOne = [&](ExperimentKind kind) {
        finished.clear();
        if (!dialog->runExperiment(kind))
            return ExperimentOutcome{};
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 3 * kLong))
            return ExperimentOutcome{};
        return dialog->outcome(kind);
    };
    // Memory: the OOM killer ends the shell (State.OOMKilled, exit 137).
    ExperimentOutcome oom = runOne(ExperimentKind::MemoryOom);
    QVERIFY2(oom.shown, qPrintable(oom.headline + u' ' + oom.evidence.join(u"; "_s)));
    QVERIFY(oom.evidence.contains(u"State.OOMKilled = true"_s));
    QVERIFY(dialog->resultText(ExperimentKind::MemoryOom).contains(u"OOM"_s));
    // Processes: pids.max holds, the kernel refused forks.
    ExperimentOutcome pids = runOne(ExperimentKind::ForkBomb);
    QVERIFY2(pids.shown, qPrintable(pids.headline + u' ' + pids.evidence.join(u"; "_s)));
    QVERIFY(pids.evidence.contains(u"pids.max = %1"_s.arg(Experiments::kForkBombPids)));
    // CPU: the throttled time grows under 0.2 CPU.
    ExperimentOutcome cpu = runOne(ExperimentKind::CpuQuota);
    QVERIFY2(cpu.shown, qPrintable(cpu.headline + u' ' + cpu.evidence.join(u"; "_s)));
    // Network: the fixture's user may use host networking (polkit's host-network).
    ExperimentOutcome net = runOne(ExperimentKind::HostNetwork);
    QVERIFY2(net.shown, qPrintable(net.headline + u' ' + net.evidence.join(u"; "_s)));
    QVERIFY(!dialog->runner()->isRunning());
    shoot(dialog, u"experiments"_s);
    // The experiments removed their containers.
    m_window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->containersView()->isRefreshing(), kLong);
    QTest::qWait(2500);
    ContainersModel *model = m_window->containersView()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        QVERIFY2(!model->index(r, 0)
                      .data(ContainersModel::NameRole)
                      .toString()
                      .startsWith(u"experiment-"_s),
                 qPrintable(model->index(r, 0).data(ContainersModel::NameRole).toString()));
    dialog->close();
#endif
}

void TestStudioE2E::removeThroughTheWindow()
{
    if (m_containerId.isEmpty())
        QSKIP("no container was run");
    ContainersView *view = m_window->containersView();
    QVERIFY(view->selectContainer(m_containerId));
    view->removeSelected();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = view->findChild<QMessageBox *>()));
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowOf(m_containerId), -1, kLong);
#ifdef KOKER_STUDIO_HAVE_CONSOLE
    // The terminal says the process ended instead of hanging.
    ConsoleTab *tab = m_window->consoles()->console(0);
    QVERIFY(tab);
    QTRY_VERIFY_WITH_TIMEOUT(tab->status() != ConsoleTab::Status::Running, kLong);
#endif
    QVERIFY2(!m_window->messageText().contains(u"Could not"_s),
             qPrintable(m_window->messageText()));
}

void TestStudioE2E::starterImageFromEmptyStore()
{
    // The pulled image goes first (not part of this story), then the starter image
    // through the window: the store is empty and the Images page offers to make it.
    m_window->showPage(MainWindow::Page::Images);
    ImagesView *images = m_window->imagesView();
    if (!m_pulled.isEmpty()) {
        // By id: removing the name alone leaves kokerd's image nameless (it keeps
        // the repo digest), and a nameless image is still an image.
        QString id;
        for (int r = 0; r < images->model()->rowCount(); ++r) {
            const QModelIndex i = images->model()->index(r, 0);
            if (i.data(ImagesModel::ReferenceRole).toString() == m_pulled)
                id = i.data(ImagesModel::ImageIdRole).toString();
        }
        QVERIFY(!id.isEmpty());
        bool done = false;
        m_window->connection()->client()->removeImage(
            id, true, [&](Result<std::pair<QStringList, QStringList>>) { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, kLong));
        m_pulled.clear();
    }
    QTRY_VERIFY_WITH_TIMEOUT(images->selectReference(u"starter:latest"_s), kLong);
    images->removeSelected();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = images->findChild<QMessageBox *>()));
    box->button(QMessageBox::Yes)->click();
    auto *pages = images->findChild<QStackedWidget *>(u"pages"_s);
    QVERIFY(pages);
    const auto describe = [&] {
        QStringList rows;
        for (int r = 0; r < images->model()->rowCount(); ++r)
            rows << images->model()->index(r, 0).data(ImagesModel::ReferenceRole).toString();
        return QString(u"rows ["_s + rows.join(u", "_s) + u"] message: "_s +
                       m_window->messageText());
    };
    QTRY_VERIFY2_WITH_TIMEOUT(pages->currentWidget()->objectName() == u"emptyPage"_s,
                              qPrintable(describe()), kLong);
    shoot(m_window.get(), u"empty"_s);

    auto *starter = images->findChild<QPushButton *>(u"starterButton"_s);
    QVERIFY(starter);
    QVERIFY(starter->isEnabled());
    starter->click();
    QTRY_VERIFY_WITH_TIMEOUT(images->model()->imageNames().contains(u"starter:latest"_s), kLong);
    QTRY_COMPARE_WITH_TIMEOUT(pages->currentWidget()->objectName(), u"listPage"_s, kLong);
#ifdef KOKER_STUDIO_HAVE_TIMELINE
    // The import's steps were shown live.
    QVERIFY(m_window->details()->stepsModel()->rowCount() > 0);
#endif
    QVERIFY2(!m_window->messageText().contains(u"Could not"_s),
             qPrintable(m_window->messageText()));
    shoot(m_window.get(), u"starter"_s);
}

void TestStudioE2E::cleanupTestCase()
{
    if (!m_pulled.isEmpty() && m_window) {
        // Leave the fixture's store as we found it.
        bool done = false;
        m_window->connection()->client()->removeImage(
            m_pulled, true, [&](Result<std::pair<QStringList, QStringList>>) { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, kLong));
    }
    if (m_window)
        m_window->close();
    m_window.reset();
}

QTEST_MAIN(TestStudioE2E)
#include "tst_studio_e2e.moc"
