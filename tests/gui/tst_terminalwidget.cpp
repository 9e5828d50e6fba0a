// The terminal widget with real channels: a shell on a pty, a socketpair, rendering
// offscreen. Tests read results from the screen model and the clipboard, and wait
// with QTRY_* for I/O; nothing asserts on timing.

#include "runtime/uniquefd.h"
#include "terminal/fdterminalchannel.h"
#include "terminal/terminalemulation.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>

#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace koker;
using namespace Qt::Literals::StringLiterals;

namespace {

// A pty pair. The slave stays open in the test so TIOCGWINSZ can be read from it.
struct Pty
{
    UniqueFd master;
    UniqueFd slave;
};

Pty openPty()
{
    int master = -1;
    int slave = -1;
    if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0)
        return {};
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    ::fcntl(slave, F_SETFD, FD_CLOEXEC);
    return {UniqueFd(master), UniqueFd(slave)};
}

// /bin/sh on the pty's slave as session leader with a controlling terminal.
// Between fork and exec only async-signal-safe calls.
pid_t spawnShell(int slave)
{
    static const char *const argv[] = {"sh", nullptr};
    static const char *const envp[] = {"PS1=$ ",    "TERM=xterm-256color", "PATH=/usr/bin:/bin",
                                       "HOME=/tmp", "ENV=/dev/null",       nullptr};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setsid();
        ::ioctl(slave, TIOCSCTTY, 0);
        ::dup2(slave, 0);
        ::dup2(slave, 1);
        ::dup2(slave, 2);
        ::execve("/bin/sh", const_cast<char *const *>(argv), const_cast<char *const *>(envp));
        ::_exit(127);
    }
    return pid;
}

bool screenHasLine(const TerminalEmulation &emulation, const QString &text)
{
    for (int row = 0; row < emulation.rows(); ++row) {
        if (emulation.lineText(row) == text)
            return true;
    }
    return false;
}

QPoint cellCenter(const TerminalWidget &widget, int row, int column)
{
    const QSize cell = widget.cellSize();
    return {column * cell.width() + cell.width() / 2, row * cell.height() + cell.height() / 2};
}

// A widget showing its own emulation, shown offscreen.
struct TerminalFixture
{
    TerminalEmulation emulation;
    TerminalWidget widget;

    TerminalFixture()
    {
        widget.setEmulation(&emulation);
        widget.resize(widget.sizeHint());
        widget.show();
    }
};

// A shell in a widget through a real pty and a session.
struct ShellSession
{
    TerminalWidget widget;
    TerminalSession session{&widget};
    Pty pty = openPty();
    pid_t pid = -1;
    FdTerminalChannel *channel = nullptr;

    bool start()
    {
        if (!pty.master.valid())
            return false;
        widget.resize(widget.sizeHint());
        widget.show();
        if (!QTest::qWaitForWindowExposed(&widget))
            return false;
        // The size is set before the shell starts, as a real launcher does.
        channel = new FdTerminalChannel(std::move(pty.master));
        session.setChannel(channel);
        pid = spawnShell(pty.slave.get());
        if (pid < 0)
            return false;
        pty.slave.reset(); // EOF when the shell exits
        return channel->watchProcess(pid);
    }

    ~ShellSession()
    {
        if (pid > 0 && session.isRunning()) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
};

} // namespace

class TestTerminalWidget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shellEcho_data();
    void shellEcho();
    void shellExit_data();
    void shellExit();
    void socketChannel();
    void channelBuffersWrites();
    void selectionCopy_data();
    void selectionCopy();
    void mouseSelection_data();
    void mouseSelection();
    void zoom_data();
    void zoom();
    void resizeReachesPty_data();
    void resizeReachesPty();
    void render_data();
    void render();
    void renderEverything();
    void scrollback();
    void mouseReporting_data();
    void mouseReporting();
    void paste_data();
    void paste();
    void readOnly();
};

void TestTerminalWidget::shellEcho_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expected"); // empty: "<rows> <columns>" of the widget

    QTest::newRow("echo") << u"echo hi"_s << u"hi"_s;
    QTest::newRow("arithmetic") << u"echo $((6*7))"_s << u"42"_s;
    QTest::newRow("tab from printf") << u"printf 'a\\tb\\n'"_s << u"a       b"_s;
    QTest::newRow("the shell sees our size") << u"stty size"_s << QString();
}

void TestTerminalWidget::shellEcho()
{
    QFETCH(QString, command);
    QFETCH(QString, expected);
    ShellSession shell;
    QVERIFY(shell.start());
    TerminalEmulation &emulation = *shell.session.emulation();
    QTRY_VERIFY(emulation.lineText(0).startsWith(u"$"_s));

    QTest::keyClicks(&shell.widget, command);
    QTest::keyClick(&shell.widget, Qt::Key_Return);
    if (expected.isEmpty())
        expected = u"%1 %2"_s.arg(shell.widget.rows()).arg(shell.widget.columns());
    QTRY_VERIFY2(screenHasLine(emulation, expected), qPrintable(emulation.lineText(1)));
    QVERIFY(screenHasLine(emulation, u"$ "_s + command));
}

void TestTerminalWidget::shellExit_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("exit 0") << u"exit"_s << 0;
    QTest::newRow("exit 3") << u"exit 3"_s << 3;
    QTest::newRow("killed by SIGKILL") << u"kill -9 $$"_s << 128 + SIGKILL;
}

void TestTerminalWidget::shellExit()
{
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    ShellSession shell;
    QVERIFY(shell.start());
    QSignalSpy finished(&shell.session, &TerminalSession::finished);
    QSignalSpy reconnect(&shell.session, &TerminalSession::reconnectRequested);
    QTRY_VERIFY(shell.session.emulation()->lineText(0).startsWith(u"$"_s));

    QTest::keyClicks(&shell.widget, command);
    QTest::keyClick(&shell.widget, Qt::Key_Return);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), exitCode);
    QVERIFY(!shell.session.isRunning());
    QVERIFY(shell.widget.isReadOnly());
    QVERIFY(shell.widget.message().contains(QString::number(exitCode)));

    // Enter on the message asks the owner to reconnect.
    QTest::keyClick(&shell.widget, Qt::Key_Return);
    QCOMPARE(reconnect.size(), 1);
}

void TestTerminalWidget::socketChannel()
{
    int sv[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    UniqueFd peer(sv[1]);
    TerminalWidget widget;
    TerminalSession session(&widget);
    QSignalSpy finished(&session, &TerminalSession::finished);
    session.setChannel(new FdTerminalChannel(UniqueFd(sv[0])));
    widget.show();

    // Program -> screen.
    const QByteArray hello = "hello\r\n\x1b[31mred\x1b[0m";
    QCOMPARE(::write(peer.get(), hello.constData(), size_t(hello.size())), hello.size());
    QTRY_COMPARE(session.emulation()->lineText(1), u"red"_s);
    QCOMPARE(session.emulation()->cellAt(1, 0).foreground, session.emulation()->paletteColor(1));

    // Keys -> program.
    QTest::keyClicks(&widget, u"ls"_s);
    QTest::keyClick(&widget, Qt::Key_Up);
    ::fcntl(peer.get(), F_SETFL, O_NONBLOCK);
    QByteArray got;
    QTRY_VERIFY([&] {
        char buffer[256];
        const ssize_t n = ::read(peer.get(), buffer, sizeof buffer);
        if (n > 0)
            got.append(buffer, n);
        return got == "ls\x1b[A";
    }());

    // A DSR query is answered through the channel without any user action.
    QCOMPARE(::write(peer.get(), "\x1b[6n", 4), 4);
    got.clear();
    QTRY_VERIFY([&] {
        char buffer[256];
        const ssize_t n = ::read(peer.get(), buffer, sizeof buffer);
        if (n > 0)
            got.append(buffer, n);
        return got == "\x1b[2;4R";
    }());

    // The peer hangs up: no exit code over a plain socket.
    peer.reset();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), -1);
    QVERIFY(widget.isReadOnly());
    QVERIFY(!widget.message().isEmpty());
}

void TestTerminalWidget::channelBuffersWrites()
{
    // More than a socket buffer holds: the channel queues the rest and never blocks.
    int sv[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    UniqueFd peer(sv[1]);
    FdTerminalChannel channel{UniqueFd(sv[0])};
    QByteArray sent;
    for (int i = 0; sent.size() < 4 * 1024 * 1024; ++i)
        sent += QByteArray::number(i) + ' ';
    channel.write(sent.left(1000));
    channel.write(sent.mid(1000));
    QVERIFY(channel.pendingBytes() > 0);

    ::fcntl(peer.get(), F_SETFL, O_NONBLOCK);
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            char buffer[65536];
            ssize_t n;
            while ((n = ::read(peer.get(), buffer, sizeof buffer)) > 0)
                got.append(buffer, n);
            return got.size() >= sent.size();
        }(),
        30000);
    QCOMPARE(got, sent);
    QCOMPARE(channel.pendingBytes(), 0);
    QVERIFY(channel.isOpen());
}

void TestTerminalWidget::selectionCopy_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QRect>("cells"); // x,y: start column,row; right,bottom: end (inclusive)
    QTest::addColumn<QString>("expected");

    QTest::newRow("one word") << "hello world"_ba << QRect(QPoint(6, 0), QPoint(10, 0))
                              << u"world"_s;
    QTest::newRow("backwards") << "hello world"_ba << QRect(QPoint(10, 0), QPoint(6, 0))
                               << u"world"_s;
    QTest::newRow("two lines") << "hello world\r\nsecond line"_ba
                               << QRect(QPoint(6, 0), QPoint(5, 1)) << u"world\nsecond"_s;
    QTest::newRow("blanks trimmed")
        << "ab\r\ncd"_ba << QRect(QPoint(0, 0), QPoint(30, 1)) << u"ab\ncd"_s;
    QTest::newRow("wide chars once")
        << "漢字 ok"_ba << QRect(QPoint(0, 0), QPoint(3, 0)) << u"漢字"_s;
    QTest::newRow("combining kept")
        << "cafe\xcc\x81!"_ba << QRect(QPoint(0, 0), QPoint(4, 0)) << u"cafe\u0301!"_s;
}

void TestTerminalWidget::selectionCopy()
{
    QFETCH(QByteArray, input);
    QFETCH(QRect, cells);
    QFETCH(QString, expected);
    TerminalFixture display;
    display.emulation.feed(input);
    display.widget.setSelection(cells.top(), cells.left(), cells.bottom(), cells.right());
    QCOMPARE(display.widget.selectedText(), expected);

    QGuiApplication::clipboard()->clear();
    QTest::keyClick(&display.widget, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestTerminalWidget::mouseSelection_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("clicks");  // 1: drag from `from` to `to`; 2, 3: at `from`
    QTest::addColumn<QPoint>("from"); // column, row
    QTest::addColumn<QPoint>("to");
    QTest::addColumn<QString>("expected");

    QTest::newRow("drag") << "hello world"_ba << 1 << QPoint(0, 0) << QPoint(4, 0) << u"hello"_s;
    QTest::newRow("drag over lines")
        << "abc\r\ndef"_ba << 1 << QPoint(1, 0) << QPoint(1, 1) << u"bc\nde"_s;
    QTest::newRow("double-click word")
        << "ls /usr/lib/x86_64 now"_ba << 2 << QPoint(6, 0) << QPoint() << u"/usr/lib/x86_64"_s;
    QTest::newRow("double-click blank run")
        << "a   b"_ba << 2 << QPoint(2, 0) << QPoint() << QString();
    QTest::newRow("triple-click line")
        << "first\r\nsecond line"_ba << 3 << QPoint(2, 1) << QPoint() << u"second line"_s;
}

void TestTerminalWidget::mouseSelection()
{
    QFETCH(QByteArray, input);
    QFETCH(int, clicks);
    QFETCH(QPoint, from);
    QFETCH(QPoint, to);
    QFETCH(QString, expected);
    TerminalFixture display;
    display.emulation.feed(input);
    QWidget *viewport = display.widget.viewport();
    const QPoint start = cellCenter(display.widget, from.y(), from.x());
    QSignalSpy changed(&display.widget, &TerminalWidget::selectionChanged);
    if (clicks == 1) {
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        QTest::mouseMove(viewport, cellCenter(display.widget, to.y(), to.x()));
        QTest::mouseRelease(viewport, Qt::LeftButton, {},
                            cellCenter(display.widget, to.y(), to.x()));
    } else {
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, start);
        QTest::mouseDClick(viewport, Qt::LeftButton, {}, start);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, start);
        if (clicks == 3) {
            QTest::mousePress(viewport, Qt::LeftButton, {}, start);
            QTest::mouseRelease(viewport, Qt::LeftButton, {}, start);
        }
    }
    QVERIFY(display.widget.hasSelection());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(display.widget.selectedText(), expected);
    // X11's primary selection gets it on release (offscreen has none; Xvfb has).
    if (QGuiApplication::clipboard()->supportsSelection())
        QCOMPARE(QGuiApplication::clipboard()->text(QClipboard::Selection), expected);

    // A plain click clears it.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, cellCenter(display.widget, 3, 3));
    QVERIFY(!display.widget.hasSelection());
}

void TestTerminalWidget::zoom_data()
{
    QTest::addColumn<QList<int>>("keys"); // each with Ctrl
    QTest::addColumn<int>("change");      // sign of the cell height change

    QTest::newRow("Ctrl++ twice") << QList<int>{Qt::Key_Plus, Qt::Key_Plus} << 1;
    QTest::newRow("Ctrl+= is Ctrl++") << QList<int>{Qt::Key_Equal, Qt::Key_Equal} << 1;
    QTest::newRow("Ctrl+- twice") << QList<int>{Qt::Key_Minus, Qt::Key_Minus} << -1;
    QTest::newRow("Ctrl+0 resets") << QList<int>{Qt::Key_Plus, Qt::Key_Plus, Qt::Key_0} << 0;
    QTest::newRow("in then out") << QList<int>{Qt::Key_Plus, Qt::Key_Minus} << 0;
}

void TestTerminalWidget::zoom()
{
    QFETCH(QList<int>, keys);
    QFETCH(int, change);
    TerminalFixture display;
    const QSize before = display.widget.cellSize();
    const int columnsBefore = display.widget.columns();
    QSignalSpy resized(&display.widget, &TerminalWidget::sizeChanged);
    for (int key : keys)
        QTest::keyClick(&display.widget, Qt::Key(key), Qt::ControlModifier);
    const QSize after = display.widget.cellSize();
    QCOMPARE(after.height() > before.height()   ? 1
             : after.height() < before.height() ? -1
                                                : 0,
             change);
    if (change > 0) {
        QVERIFY(after.width() >= before.width());
        QVERIFY(display.widget.columns() < columnsBefore);
    } else if (change < 0) {
        QVERIFY(display.widget.columns() > columnsBefore);
    } else {
        QCOMPARE(after, before);
        QCOMPARE(display.widget.columns(), columnsBefore);
    }
    // The emulation follows the grid.
    QCOMPARE(display.emulation.columns(), display.widget.columns());
    QCOMPARE(display.emulation.rows(), display.widget.rows());
    QCOMPARE(resized.isEmpty(), change == 0 && keys.size() == 0);
}

void TestTerminalWidget::resizeReachesPty_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");

    QTest::newRow("24x80") << 24 << 80;
    QTest::newRow("10x40") << 10 << 40;
    QTest::newRow("30x100") << 30 << 100;
    QTest::newRow("tiny") << 2 << 10;
}

void TestTerminalWidget::resizeReachesPty()
{
    QFETCH(int, rows);
    QFETCH(int, columns);
    Pty pty = openPty();
    QVERIFY(pty.master.valid());
    TerminalWidget widget;
    TerminalSession session(&widget);
    session.setChannel(new FdTerminalChannel(std::move(pty.master)));
    widget.resize(widget.sizeHint());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy resized(&widget, &TerminalWidget::sizeChanged);

    const QSize cell = widget.cellSize();
    const QSize chrome = widget.size() - widget.viewport()->size();
    widget.resize(QSize(columns * cell.width(), rows * cell.height()) + chrome);
    QTRY_COMPARE(widget.viewport()->size(), QSize(columns * cell.width(), rows * cell.height()));

    QCOMPARE(widget.rows(), rows);
    QCOMPARE(widget.columns(), columns);
    QCOMPARE(session.emulation()->rows(), rows);
    QCOMPARE(session.emulation()->columns(), columns);
    if (rows != 24 || columns != 80) {
        QVERIFY(!resized.isEmpty());
        QCOMPARE(resized.last().at(0).toInt(), rows);
        QCOMPARE(resized.last().at(1).toInt(), columns);
    }
    struct winsize ws
    {};
    QCOMPARE(::ioctl(pty.slave.get(), TIOCGWINSZ, &ws), 0);
    QCOMPARE(int(ws.ws_row), rows);
    QCOMPARE(int(ws.ws_col), columns);
}

void TestTerminalWidget::render_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QPoint>("cell"); // column, row
    QTest::addColumn<QColor>("color");

    const TerminalEmulation reference;
    // The cursor is hidden so it does not cover the cells under test.
    const QByteArray hide = "\x1b[?25l";
    QTest::newRow("red background")
        << hide + "\x1b[41m  \x1b[0m" << QPoint(1, 0) << reference.paletteColor(1);
    QTest::newRow("256-colour background")
        << hide + "\x1b[48;5;21m \x1b[0m" << QPoint(0, 0) << QColor(0, 0, 0xff);
    QTest::newRow("truecolor background")
        << hide + "\x1b[3;5H\x1b[48;2;10;200;30m \x1b[0m" << QPoint(4, 2) << QColor(10, 200, 30);
    QTest::newRow("default background")
        << hide + "x" << QPoint(5, 3) << reference.defaultBackground();
    QTest::newRow("reverse video cell")
        << hide + "\x1b[7m \x1b[0m" << QPoint(0, 0) << reference.defaultForeground();
    QTest::newRow("reverse of a colour")
        << hide + "\x1b[7;32m \x1b[0m" << QPoint(0, 0) << reference.paletteColor(2);
    QTest::newRow("wide char background spans two cells")
        << hide + "\x1b[44m漢\x1b[0m" << QPoint(1, 0) << reference.paletteColor(4);
    QTest::newRow("visual bell inverts")
        << hide + "\x07" << QPoint(5, 3) << QColor(0xff - 0x1e, 0xff - 0x1e, 0xff - 0x1e);
}

void TestTerminalWidget::render()
{
    QFETCH(QByteArray, input);
    QFETCH(QPoint, cell);
    QFETCH(QColor, color);
    TerminalFixture display;
    display.emulation.feed(input);
    const QImage image = display.widget.grab().toImage();
    QVERIFY(!image.isNull());
    const QSize size = display.widget.cellSize();
    // A corner of the cell: background only, whatever the glyph.
    const QPoint pixel(cell.x() * size.width() + 1, cell.y() * size.height() + 1);
    QCOMPARE(image.pixelColor(pixel), color);
}

void TestTerminalWidget::renderEverything()
{
    TerminalFixture display;
    display.widget.setFocus();
    QByteArray all;
    for (const char *sgr :
         {"1", "3", "4", "4:3", "21", "5", "7", "9", "1;3;4;9", "38;5;200", "48;2;1;2;3"})
        all += "\x1b[" + QByteArray(sgr) + "mAa漢e\xcc\x81\xf0\x9f\x98\x80\xe2\x94\x80\x1b[0m ";
    display.emulation.feed(all);
    display.widget.setSelection(0, 3, 1, 5);
    display.widget.showMessage(u"Process exited with code 0 — press Enter to reconnect"_s);
    QVERIFY(!display.widget.grab().isNull());
    display.widget.clearSelection();
    display.widget.clearMessage();
    display.emulation.feed("\x1b[?5h"); // DECSCNM: whole screen reversed
    const QImage image = display.widget.grab().toImage();
    QCOMPARE(image.pixelColor(image.width() / 2 - 40, image.height() - 5),
             display.emulation.defaultForeground());
}

void TestTerminalWidget::scrollback()
{
    TerminalFixture display;
    QScrollBar *bar = display.widget.verticalScrollBar();
    QByteArray lines;
    for (int i = 0; i < 100; ++i)
        lines += "line " + QByteArray::number(i) + "\r\n";
    display.emulation.feed(lines);
    const int stored = display.emulation.scrollbackLines();
    QVERIFY(stored > 0);
    QTRY_COMPARE(bar->maximum(), stored); // the next frame syncs the scroll bar
    QCOMPARE(bar->value(), bar->maximum());

    // The wheel scrolls the view into the scrollback.
    QWheelEvent wheel(QPointF(10, 10), display.widget.mapToGlobal(QPointF(10, 10)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(display.widget.viewport(), &wheel);
    QCOMPARE(bar->value(), stored - 3);

    // New output does not move the text the user is reading.
    display.emulation.feed("more\r\n");
    QTRY_COMPARE(bar->maximum(), stored + 1);
    QCOMPARE(bar->value(), stored - 3);
    display.widget.setSelection(0, 0, 0, 20);
    QCOMPARE(display.widget.selectedText(), display.emulation.scrollbackLineText(stored - 3));

    // Typing jumps back to the live screen.
    QTest::keyClick(&display.widget, Qt::Key_A);
    QCOMPARE(bar->value(), bar->maximum());

    // No scrollback view on the alternate screen.
    display.emulation.feed("\x1b[?1049h");
    QTRY_COMPARE(bar->maximum(), 0);
}

void TestTerminalWidget::mouseReporting_data()
{
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("reported") << Qt::KeyboardModifiers()
                              << "\x1b[M\x20\x25\x23\x1b[M\x23\x25\x23"_ba;
    QTest::newRow("shift selects instead")
        << Qt::KeyboardModifiers(Qt::ShiftModifier) << QByteArray();
}

void TestTerminalWidget::mouseReporting()
{
    QFETCH(Qt::KeyboardModifiers, modifiers);
    QFETCH(QByteArray, bytes);
    TerminalFixture display;
    display.emulation.feed("\x1b[?1000h");
    QSignalSpy output(&display.emulation, &TerminalEmulation::outputReady);
    QTest::mouseClick(display.widget.viewport(), Qt::LeftButton, modifiers,
                      cellCenter(display.widget, 2, 4));
    QByteArray all;
    for (const auto &args : output)
        all += args.at(0).toByteArray();
    QCOMPARE(all, bytes);
}

void TestTerminalWidget::paste_data()
{
    QTest::addColumn<bool>("bracketed");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("plain") << false << "echo a\r"_ba;
    QTest::newRow("bracketed") << true << "\x1b[200~echo a\r\x1b[201~"_ba;
}

void TestTerminalWidget::paste()
{
    QFETCH(bool, bracketed);
    QFETCH(QByteArray, bytes);
    TerminalFixture display;
    if (bracketed)
        display.emulation.feed("\x1b[?2004h");
    QGuiApplication::clipboard()->setText(u"echo a\n"_s);
    QSignalSpy output(&display.emulation, &TerminalEmulation::outputReady);
    QTest::keyClick(&display.widget, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QByteArray all;
    for (const auto &args : output)
        all += args.at(0).toByteArray();
    QCOMPARE(all, bytes);
}

void TestTerminalWidget::readOnly()
{
    TerminalFixture display;
    QSignalSpy output(&display.emulation, &TerminalEmulation::outputReady);
    QSignalSpy accepted(&display.widget, &TerminalWidget::messageAccepted);
    display.widget.setReadOnly(true);
    QTest::keyClicks(&display.widget, u"ab"_s);
    QTest::keyClick(&display.widget, Qt::Key_Return);
    QCOMPARE(output.size(), 0);
    QCOMPARE(accepted.size(), 0); // no message: Enter means nothing

    display.widget.showMessage(u"gone"_s);
    QTest::keyClick(&display.widget, Qt::Key_Return);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(output.size(), 0);

    display.widget.setReadOnly(false);
    QTest::keyClicks(&display.widget, u"ab"_s);
    QCOMPARE(output.size(), 2);
}

QTEST_MAIN(TestTerminalWidget)
#include "tst_terminalwidget.moc"
