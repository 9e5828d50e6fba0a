// The run dialog on the offscreen platform: fields set programmatically and with
// simulated keys and slider moves; the slider, number field and unit stay in step;
// each limit shows the cgroup file it writes for the host's mode; invalid input
// disables Run and is marked; the equivalent command follows every change and can
// be copied. With KOKER_SCREENSHOT_DIR set, screenshot() saves rundialog.png there.

#include "studio/hostinfo.h"
#include "studio/limitslider.h"
#include "studio/rundialog.h"
#include "studio/runspec.h"

#include <QtCore/QDir>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSlider>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QToolButton>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;

HostInfo host(CgroupMode mode)
{
    HostInfo h;
    h.known = true;
    h.cgroupMode = mode;
    h.hostCpus = 4;
    h.hostMemory = 8 * GiB;
    h.swapAccounting = true;
    return h;
}

template <class T>
T *child(const QWidget &parent, const QString &name)
{
    T *w = parent.findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

QPushButton *runButton(const RunDialog &d)
{
    return child<QDialogButtonBox>(d, u"buttonBox"_s)->button(QDialogButtonBox::Ok);
}

// Replace the text of a line edit the way a user does: select all, type.
void typeInto(QWidget *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestRunDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyImageDisablesRun();
    void typingUpdatesCommandLive();
    void memorySliderFieldAndUnit();
    void memoryPreviewFollowsCgroupMode_data();
    void memoryPreviewFollowsCgroupMode();
    void cpuSlider();
    void pidsTyped();
    void unlimitedSwap();
    void swapBelowMemoryIsMarked();
    void invalidNameIsMarkedAndCleared();
    void envTable();
    void portsTable();
    void volumesUseTheChooser();
    void networks();
    void advancedOpensForCapabilityErrors();
    void formRoundTrip();
    void specAndTerminalFlag();
    void copyPutsCommandOnClipboard();
    void runAccepts();
    void screenshot();
};

void TestRunDialog::emptyImageDisablesRun()
{
    RunDialog d;
    QVERIFY(!d.isValid());
    QVERIFY(!runButton(d)->isEnabled());
    QVERIFY(child<QLabel>(d, u"messageLabel"_s)
                ->text()
                .contains(u"Choose the image to run, for example alpine or starter:latest."_s));

    d.setImages({u"starter:latest"_s, u"alpine:3.19"_s});
    QVERIFY(d.isValid());
    QVERIFY(runButton(d)->isEnabled());
    QCOMPARE(d.runSpec().image, u"starter:latest"_s);
}

void TestRunDialog::typingUpdatesCommandLive()
{
    RunDialog d;
    d.show();
    auto *image = child<QComboBox>(d, u"imageCombo"_s);
    auto *command = child<QLineEdit>(d, u"commandEdit"_s);
    auto *line = child<QLineEdit>(d, u"commandLineEdit"_s);
    QVERIFY(line->isReadOnly());
    QVERIFY(line->font().fixedPitch() || QFontInfo(line->font()).fixedPitch());

    QTest::keyClicks(image->lineEdit(), u"alpine"_s);
    QCOMPARE(line->text(), u"koker run -it alpine"_s);
    QVERIFY(runButton(d)->isEnabled());

    QTest::keyClicks(command, u"sh -c 'echo hi"_s);
    // Mid-typing the quote is open: Run is off and the command shows only what is valid.
    QVERIFY(!runButton(d)->isEnabled());
    QTest::keyClick(command, Qt::Key_Apostrophe);
    QVERIFY(runButton(d)->isEnabled());
    QCOMPARE(line->text(), u"koker run -it alpine sh -c 'echo hi'"_s);
    QCOMPARE(child<QLabel>(d, u"commandHint"_s)->text(),
             u"arguments: [\"sh\",\"-c\",\"echo hi\"]"_s);

    QTest::mouseClick(child<QCheckBox>(d, u"autoRemoveCheck"_s), Qt::LeftButton);
    QCOMPARE(line->text(), u"koker run -it --rm alpine sh -c 'echo hi'"_s);
    QTest::mouseClick(child<QCheckBox>(d, u"ttyCheck"_s), Qt::LeftButton);
    QCOMPARE(line->text(), u"koker run -i --rm alpine sh -c 'echo hi'"_s);
}

void TestRunDialog::memorySliderFieldAndUnit()
{
    RunDialog d;
    d.setHostInfo(host(CgroupMode::Hybrid));
    d.setImages({u"alpine"_s});
    auto *memory = child<LimitSlider>(d, u"memorySlider"_s);
    QSlider *slider = memory->slider();
    QDoubleSpinBox *field = memory->field();
    QComboBox *unit = memory->unitSelector();
    QCOMPARE(unit->currentText(), u"MiB"_s);
    QCOMPARE(field->text(), u"no limit"_s);
    QCOMPARE(memory->previewText(), u"no limit: nothing is written"_s);

    // Slider -> field, preview and command.
    const int at256 = memory->sliderPositionFor(256 * MiB);
    QCOMPARE(memory->sliderStops().value(at256), 256 * MiB);
    slider->setFocus();
    slider->setValue(at256 - 1);
    QTest::keyClick(slider, Qt::Key_Right); // the last step by keyboard, as a user would
    QCOMPARE(slider->value(), at256);
    QCOMPARE(memory->value(), 256 * MiB);
    QCOMPARE(field->value(), 256.0);
    QCOMPARE(field->text(), u"256"_s);
    QCOMPARE(memory->previewText(), u"memory.limit_in_bytes ← 268435456"_s);
    QVERIFY(d.commandLine().contains(u" -m 256m "_s));

    // Unit -> field shows the same value in GiB; nothing else moves.
    unit->setCurrentIndex(1);
    QCOMPARE(field->value(), 0.25);
    QCOMPARE(memory->value(), 256 * MiB);
    QCOMPARE(slider->value(), at256);

    // Field -> value (rounded to whole MiB), slider and preview.
    typeInto(field, u"0.5"_s);
    QCOMPARE(memory->value(), 512 * MiB);
    QCOMPARE(slider->value(), memory->sliderPositionFor(512 * MiB));
    QCOMPARE(memory->sliderStops().value(slider->value()), 512 * MiB);
    QCOMPARE(memory->previewText(), u"memory.limit_in_bytes ← 536870912"_s);
    QVERIFY(d.commandLine().contains(u" -m 512m "_s));

    unit->setCurrentIndex(0);
    QCOMPARE(field->text(), u"512"_s);
    typeInto(field, u"300"_s);
    QCOMPARE(memory->value(), 300 * MiB);
    // 300 MiB is between stops: the slider rests on the nearest one, the value stays.
    QCOMPARE(memory->sliderStops().value(slider->value()), 320 * MiB);
    QCOMPARE(memory->value(), 300 * MiB);
    QCOMPARE(d.form().memoryBytes, 300 * MiB);

    // Back to zero by keyboard: no limit again.
    slider->setValue(1);
    QTest::keyClick(slider, Qt::Key_Left);
    QCOMPARE(memory->value(), 0);
    QCOMPARE(field->text(), u"no limit"_s);
    QVERIFY(!d.commandLine().contains(u"-m"_s));
}

void TestRunDialog::memoryPreviewFollowsCgroupMode_data()
{
    QTest::addColumn<CgroupMode>("mode");
    QTest::addColumn<QString>("memory");
    QTest::addColumn<QString>("swap");
    QTest::newRow("legacy") << CgroupMode::Legacy << u"memory.limit_in_bytes ← 268435456"_s
                            << u"memory.memsw.limit_in_bytes ← 536870912"_s;
    QTest::newRow("hybrid") << CgroupMode::Hybrid << u"memory.limit_in_bytes ← 268435456"_s
                            << u"memory.memsw.limit_in_bytes ← 536870912"_s;
    QTest::newRow("unified") << CgroupMode::Unified << u"memory.max ← 268435456"_s
                             << u"memory.swap.max ← 268435456"_s;
}

void TestRunDialog::memoryPreviewFollowsCgroupMode()
{
    QFETCH(CgroupMode, mode);
    QFETCH(QString, memory);
    QFETCH(QString, swap);
    RunDialog d;
    d.setImages({u"alpine"_s});
    auto *slider = child<LimitSlider>(d, u"memorySlider"_s);
    slider->slider()->setValue(slider->sliderPositionFor(256 * MiB));
    d.setHostInfo(host(mode)); // the host arriving later updates the previews
    QCOMPARE(slider->previewText(), memory);
    QCOMPARE(child<LimitSlider>(d, u"swapSlider"_s)->previewText(), swap);
    QVERIFY(child<QLabel>(d, u"hostLabel"_s)->text().contains(cgroupModeDescription(mode)));
}

void TestRunDialog::cpuSlider()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    d.setHostInfo(host(CgroupMode::Hybrid));
    auto *cpu = child<LimitSlider>(d, u"cpuSlider"_s);
    // 0.1 steps up to the host's 4 CPUs.
    QCOMPARE(cpu->slider()->maximum(), 40);
    QCOMPARE(cpu->sliderStops().value(1), 100'000'000);
    cpu->slider()->setFocus();
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(cpu->slider(), Qt::Key_Right);
    QCOMPARE(cpu->value(), 500'000'000);
    QCOMPARE(cpu->field()->text(), u"0.50"_s);
    QCOMPARE(cpu->findChild<QLabel *>(u"unitLabel"_s)->text(), u"CPUs"_s);
    QVERIFY(cpu->unitSelector()->isHidden());
    QCOMPARE(cpu->previewText(), u"cpu.cfs_quota_us ← 50000 (period 100000)"_s);
    QVERIFY(d.commandLine().contains(u"--cpus 0.5 "_s));

    d.setHostInfo(host(CgroupMode::Unified));
    QCOMPARE(cpu->previewText(), u"cpu.max ← 50000 100000"_s);

    typeInto(cpu->field(), u"1.25"_s);
    QCOMPARE(cpu->value(), 1'250'000'000);
    QCOMPARE(cpu->previewText(), u"cpu.max ← 125000 100000"_s);
    // The field cannot go past the host's CPUs.
    QCOMPARE(cpu->field()->maximum(), 4.0);
}

void TestRunDialog::pidsTyped()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    d.setHostInfo(host(CgroupMode::Unified));
    auto *pids = child<LimitSlider>(d, u"pidsSlider"_s);
    typeInto(pids->field(), u"100"_s);
    QCOMPARE(pids->value(), 100);
    QCOMPARE(pids->sliderStops().value(pids->slider()->value()), 100);
    QCOMPARE(pids->previewText(), u"pids.max ← 100"_s);
    QVERIFY(d.commandLine().contains(u"--pids-limit 100 "_s));
}

void TestRunDialog::unlimitedSwap()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    d.setHostInfo(host(CgroupMode::Hybrid));
    auto *memory = child<LimitSlider>(d, u"memorySlider"_s);
    auto *swap = child<LimitSlider>(d, u"swapSlider"_s);
    memory->setValue(256 * MiB);
    QVERIFY(!swap->unlimitedBox()->isHidden());
    QTest::mouseClick(swap->unlimitedBox(), Qt::LeftButton);
    QCOMPARE(swap->value(), -1);
    QVERIFY(!swap->slider()->isEnabled());
    QCOMPARE(swap->previewText(), u"memory.memsw.limit_in_bytes ← -1"_s);
    QVERIFY(d.commandLine().contains(u"-m 256m --memory-swap -1 "_s));
    QCOMPARE(d.runSpec().toDBusSpec().value(u"memorySwap"_s), QVariant(qlonglong(-1)));

    QTest::mouseClick(swap->unlimitedBox(), Qt::LeftButton);
    QCOMPARE(swap->value(), 0);
    QVERIFY(swap->slider()->isEnabled());
    QCOMPARE(swap->previewText(), u"memory.memsw.limit_in_bytes ← 536870912"_s);
}

void TestRunDialog::swapBelowMemoryIsMarked()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    d.setHostInfo(host(CgroupMode::Unified));
    auto *memory = child<LimitSlider>(d, u"memorySlider"_s);
    auto *swap = child<LimitSlider>(d, u"swapSlider"_s);
    auto *tabs = child<QTabWidget>(d, u"tabs"_s);
    const int resources = tabs->indexOf(child<QWidget>(d, u"resourcesTab"_s));

    memory->setValue(512 * MiB);
    typeInto(swap->field(), u"256"_s);
    const QString message =
        u"Swap (memory + swap) must be at least the memory limit (512 MiB): it counts memory "
        "and swap together. Raise it, use 0 for the default (twice the memory), or choose "
        "unlimited swap."_s;
    QCOMPARE(swap->problem(), message);
    QCOMPARE(swap->field()->toolTip(), message);
    QVERIFY(memory->problem().isEmpty());
    QVERIFY(!runButton(d)->isEnabled());
    QVERIFY(child<QLabel>(d, u"messageLabel"_s)
                ->text()
                .contains(u"must be at least the memory limit"_s));
    QCOMPARE(tabs->tabBar()->tabTextColor(resources), QColor(0xd3, 0x2f, 0x2f));
    // The memory preview stays, the swap one says why it has nothing.
    QCOMPARE(memory->previewText(), u"memory.max ← 536870912"_s);
    QCOMPARE(swap->previewText(), u"nothing can be written until the value is fixed"_s);

    typeInto(swap->field(), u"1024"_s);
    QVERIFY(swap->problem().isEmpty());
    QVERIFY(runButton(d)->isEnabled());
    QCOMPARE(swap->previewText(), u"memory.swap.max ← 536870912"_s);
    QVERIFY(!tabs->tabBar()->tabTextColor(resources).isValid());
}

void TestRunDialog::invalidNameIsMarkedAndCleared()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    auto *name = child<QLineEdit>(d, u"nameEdit"_s);
    const QString before = name->toolTip();
    QTest::keyClicks(name, u"-web"_s);
    QVERIFY(!d.isValid());
    QVERIFY(!runButton(d)->isEnabled());
    QVERIFY(name->styleSheet().contains(u"border"_s));
    QVERIFY(name->toolTip().startsWith(u"The name may contain only letters"_s));
    QCOMPARE(d.issues().size(), 1);
    QCOMPARE(d.issues().first().field, RunField::Name);

    QTest::keyClick(name, Qt::Key_Home);
    QTest::keyClick(name, Qt::Key_Delete);
    QCOMPARE(name->text(), u"web"_s);
    QVERIFY(d.isValid());
    QVERIFY(runButton(d)->isEnabled());
    QVERIFY(name->styleSheet().isEmpty());
    QCOMPARE(name->toolTip(), before);
    QVERIFY(d.commandLine().contains(u"--name web "_s));
    QCOMPARE(child<QLabel>(d, u"messageLabel"_s)->text(), u"Ready to run."_s);
}

void TestRunDialog::envTable()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    auto *table = child<QTableWidget>(d, u"envTable"_s);
    QTest::mouseClick(child<QPushButton>(d, u"envAddButton"_s), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(d.isValid()); // an empty new row is not an error yet
    table->item(0, 0)->setText(u"GREETING"_s);
    table->item(0, 1)->setText(u"hello world"_s);
    QVERIFY(d.commandLine().contains(u"-e 'GREETING=hello world' "_s));

    QTest::mouseClick(child<QPushButton>(d, u"envAddButton"_s), Qt::LeftButton);
    table->item(1, 0)->setText(u"2BAD"_s);
    QVERIFY(!runButton(d)->isEnabled());
    QVERIFY(table->item(1, 0)->data(Qt::BackgroundRole).isValid());
    QVERIFY(table->item(1, 0)->toolTip().startsWith(u"Environment row 2:"_s));
    QVERIFY(table->item(0, 0)->toolTip().isEmpty());

    table->selectRow(1);
    QTest::mouseClick(child<QPushButton>(d, u"envRemoveButton"_s), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(runButton(d)->isEnabled());
    QCOMPARE(d.runSpec().env, QStringList{u"GREETING=hello world"_s});
}

void TestRunDialog::portsTable()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    auto *table = child<QTableWidget>(d, u"portsTable"_s);
    QTest::mouseClick(child<QPushButton>(d, u"portAddButton"_s), Qt::LeftButton);
    table->item(0, 1)->setText(u"8080"_s);
    table->item(0, 2)->setText(u"80"_s);
    QVERIFY(d.commandLine().contains(u"-p 8080:80 "_s));
    auto *protocol = qobject_cast<QComboBox *>(table->cellWidget(0, 3));
    QVERIFY(protocol);
    protocol->setCurrentText(u"udp"_s);
    QVERIFY(d.commandLine().contains(u"-p 8080:80/udp "_s));
    table->item(0, 0)->setText(u"127.0.0.1"_s);
    QVERIFY(d.commandLine().contains(u"-p 127.0.0.1:8080:80/udp "_s));
    QCOMPARE(d.runSpec().toDBusSpec().value(u"ports"_s).toStringList(),
             QStringList{u"127.0.0.1:8080:80/udp"_s});

    table->item(0, 2)->setText(u"http"_s);
    QVERIFY(!runButton(d)->isEnabled());
    QVERIFY(table->item(0, 2)->toolTip().startsWith(u"Port row 1: the container port"_s));
}

void TestRunDialog::volumesUseTheChooser()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    QStringList asked;
    QString answer = u"/home/student/site"_s;
    d.setDirectoryChooser([&](QWidget *parent, const QString &start) {
        Q_ASSERT(parent == &d);
        asked << start;
        return answer;
    });
    QTest::mouseClick(child<QPushButton>(d, u"volumeAddButton"_s), Qt::LeftButton);
    QCOMPARE(asked, QStringList{QDir::homePath()});
    auto *table = child<QTableWidget>(d, u"volumesTable"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), u"/home/student/site"_s);
    QCOMPARE(table->item(0, 1)->text(), u"/mnt/site"_s);
    QCOMPARE(d.volumeHostPaths(), QStringList{u"/home/student/site"_s});
    QVERIFY(d.commandLine().contains(u"-v /home/student/site:/mnt/site "_s));

    table->item(0, 2)->setCheckState(Qt::Checked);
    QVERIFY(d.commandLine().contains(u"-v /home/student/site:/mnt/site:ro "_s));
    QVERIFY(d.runSpec().volumes.value(0).readOnly);

    // Change the folder of the selected row; a cancelled chooser changes nothing.
    table->setCurrentCell(0, 0);
    answer = u"/srv/data"_s;
    QTest::mouseClick(child<QPushButton>(d, u"volumeBrowseButton"_s), Qt::LeftButton);
    QCOMPARE(asked.last(), u"/home/student/site"_s);
    QCOMPARE(d.volumeHostPaths(), QStringList{u"/srv/data"_s});
    answer.clear();
    QTest::mouseClick(child<QPushButton>(d, u"volumeBrowseButton"_s), Qt::LeftButton);
    QCOMPARE(d.volumeHostPaths(), QStringList{u"/srv/data"_s});
    // The folders are not in the D-Bus spec: they travel as fds the caller opens.
    QVERIFY(!d.runSpec().toDBusSpec().contains(u"volumes"_s));
}

void TestRunDialog::networks()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    d.setNetworks({u"bridge"_s, u"labnet"_s});
    auto *combo = child<QComboBox>(d, u"networkCombo"_s);
    QCOMPARE(combo->count(), 4); // bridge, none, host, labnet
    combo->setCurrentIndex(combo->findData(u"labnet"_s));
    QVERIFY(d.commandLine().contains(u"--network labnet "_s));
    QVERIFY(child<QLabel>(d, u"networkHint"_s)->text().contains(u"labnet"_s));
    combo->setCurrentIndex(combo->findData(u"host"_s));
    QCOMPARE(d.runSpec().network, u"host"_s);
    // The choice survives a new list.
    d.setNetworks({u"other"_s});
    QCOMPARE(combo->currentData().toString(), u"host"_s);
}

void TestRunDialog::advancedOpensForCapabilityErrors()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    d.show();
    auto *panel = child<QWidget>(d, u"advancedPanel"_s);
    auto *toggle = child<QToolButton>(d, u"advancedToggle"_s);
    QVERIFY(!panel->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(panel->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!panel->isVisible());

    RunForm f = d.form();
    f.capDrop = u"NOT_A_CAP"_s;
    d.setForm(f);
    QVERIFY(panel->isVisible());
    QVERIFY(child<QLineEdit>(d, u"capDropEdit"_s)->styleSheet().contains(u"border"_s));
    QVERIFY(!runButton(d)->isEnabled());
}

void TestRunDialog::formRoundTrip()
{
    RunForm f;
    f.image = u"alpine:3.19"_s;
    f.name = u"web-1"_s;
    f.hostname = u"box"_s;
    f.command = u"-c 'echo hi'"_s;
    f.entrypoint = u"/bin/sh"_s;
    f.env = {{u"A"_s, u"1"_s}, {u"B"_s, u"two words"_s}};
    f.workingDir = u"/srv"_s;
    f.user = u"1000:1000"_s;
    f.network = u"labnet"_s;
    f.ports = {{u""_s, u"8080"_s, u"80"_s, u"tcp"_s},
               {u"127.0.0.1"_s, u"5353"_s, u"53"_s, u"udp"_s}};
    f.volumes = {{u"/home/a"_s, u"/a"_s, true}, {u"/home/b"_s, u"/b"_s, false}};
    f.tty = true;
    f.interactive = false;
    f.autoRemove = true;
    f.privileged = true;
    f.capAdd = u"NET_ADMIN SYS_TIME"_s;
    f.capDrop = u"MKNOD"_s;
    f.memoryBytes = 2 * GiB;
    f.memorySwapBytes = -1;
    f.nanoCpus = 1'500'000'000;
    f.pidsLimit = 200;

    RunDialog d;
    d.setHostInfo(host(CgroupMode::Unified));
    d.setForm(f);
    QCOMPARE(d.form(), f);
    QVERIFY(d.isValid());
    QCOMPARE(d.commandLine(), f.check(host(CgroupMode::Unified)).spec.commandLine());
    // Whole GiB show in GiB.
    QCOMPARE(child<LimitSlider>(d, u"memorySlider"_s)->unitSelector()->currentText(), u"GiB"_s);
    QCOMPARE(child<LimitSlider>(d, u"memorySlider"_s)->field()->value(), 2.0);
}

void TestRunDialog::specAndTerminalFlag()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    QVERIFY(d.attachTerminal()); // -it by default: the main window opens a terminal tab
    const QVariantMap spec = d.runSpec().toDBusSpec();
    QCOMPARE(spec.value(u"image"_s).toString(), u"alpine"_s);
    QCOMPARE(spec.value(u"tty"_s).toBool(), true);
    QCOMPARE(spec.value(u"interactive"_s).toBool(), true);
    QTest::mouseClick(child<QCheckBox>(d, u"interactiveCheck"_s), Qt::LeftButton);
    QVERIFY(!d.attachTerminal());
    QCOMPARE(d.runSpec().toDBusSpec().value(u"interactive"_s).toBool(), false);
}

void TestRunDialog::copyPutsCommandOnClipboard()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    QTest::keyClicks(child<QLineEdit>(d, u"commandEdit"_s), u"echo 'a b'"_s);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(d, u"copyButton"_s), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"koker run -it alpine echo 'a b'"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), d.commandLine());
}

void TestRunDialog::runAccepts()
{
    RunDialog d;
    d.setImages({u"alpine"_s});
    d.show();
    QSignalSpy accepted(&d, &QDialog::accepted);
    QTest::mouseClick(runButton(d), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(d.result(), int(QDialog::Accepted));

    RunDialog bad;
    bad.show();
    QSignalSpy none(&bad, &QDialog::accepted);
    QTest::mouseClick(runButton(bad), Qt::LeftButton); // disabled: no image
    QCOMPARE(none.size(), 0);
}

void TestRunDialog::screenshot()
{
    RunDialog d;
    d.setHostInfo(host(CgroupMode::Hybrid));
    d.setImages({u"starter:latest"_s, u"alpine:3.19"_s, u"debian:bookworm-slim"_s});
    d.setNetworks({u"labnet"_s});
    RunForm f;
    f.image = u"alpine:3.19"_s;
    f.name = u"lab-1"_s;
    f.command = u"sh -c 'echo hello from the container; exec sh'"_s;
    f.env = {{u"GREETING"_s, u"hello"_s}};
    f.ports = {{u""_s, u"8080"_s, u"80"_s, u"tcp"_s}};
    f.volumes = {{u"/home/student/lab"_s, u"/lab"_s, true}};
    f.tty = f.interactive = f.autoRemove = true;
    f.memoryBytes = 256 * MiB;
    f.memorySwapBytes = 512 * MiB;
    f.nanoCpus = 500'000'000;
    f.pidsLimit = 100;
    d.setForm(f);
    auto *tabs = child<QTabWidget>(d, u"tabs"_s);
    tabs->setCurrentWidget(child<QWidget>(d, u"resourcesTab"_s));
    d.resize(840, 640);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QVERIFY(d.isValid());
    const QPixmap shot = d.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("KOKER_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + u"/rundialog.png"_s));
}

QTEST_MAIN(TestRunDialog)
#include "tst_rundialog.moc"
