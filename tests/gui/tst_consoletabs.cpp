// ConsoleTab and ConsoleTabs: the studio's consoles over attach sockets. A
// socketpair(SOCK_SEQPACKET) plays the container's monitor (what kokerd hands over);
// connectors are test lambdas, so no bus is needed. A last case drives a real
// container's shell as root and, with KOKER_SCREENSHOT_DIR set, saves console.png.

#include "runtime/attachprotocol.h"
#include "runtime/uniquefd.h"
#include "studio/consoletab.h"
#include "studio/consoletabs.h"
#include "terminal/attachterminalchannel.h"
#include "terminal/terminalemulation.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"
#include "testsupport.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

using namespace koker;
using namespace Qt::Literals::StringLiterals;

namespace {

// The monitor's end of one console.
struct Peer
{
    UniqueFd fd;
    std::vector<attach::Message> received;

    void send(attach::Msg type, const QByteArray &payload = {})
    {
        (void)attach::send(fd.get(), type,
                           std::string_view(payload.constData(), size_t(payload.size())));
    }
    void output(const QByteArray &bytes) { send(attach::Msg::Output, "\1"_ba + bytes); }
    void exit(int code, int signal, bool oom)
    {
        send(attach::Msg::Exit, QByteArray::fromStdString(attach::encodeExit({code, signal, oom})));
    }
    // Read what is there; false once the console hung up.
    bool poll()
    {
        for (;;) {
            auto m = attach::receive(fd.get());
            if (!m)
                return m.error().sysErrno == EAGAIN;
            received.push_back(std::move(*m));
        }
    }
    bool got(attach::Msg type) const
    {
        return std::any_of(received.begin(), received.end(),
                           [type](const attach::Message &m) { return m.type == type; });
    }
    QByteArray lastResize() const
    {
        QByteArray last;
        for (const attach::Message &m : received) {
            if (m.type == attach::Msg::Resize)
                last = QByteArray::fromStdString(m.payload);
        }
        return last;
    }
};

// A connector that answers at once with a fresh socketpair per call; the test
// keeps the monitor ends.
struct PairConnector
{
    std::vector<std::unique_ptr<Peer>> peers;
    int calls = 0;
    std::optional<Error> failWith;

    ConsoleTab::Connector connector()
    {
        return [this](ConsoleTab *, const ConsoleTab::ConnectDone &done) {
            ++calls;
            if (failWith)
                return done(std::unexpected(*failWith));
            int sv[2];
            if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
                return done(failErrno("socketpair"));
            ::fcntl(sv[1], F_SETFL, O_NONBLOCK);
            auto peer = std::make_unique<Peer>();
            peer->fd.reset(sv[1]);
            peers.push_back(std::move(peer));
            done(UniqueFd(sv[0]));
        };
    }
    Peer &last() { return *peers.back(); }
};

QString screenText(const TerminalEmulation &emulation)
{
    QStringList lines;
    for (int row = 0; row < emulation.rows(); ++row)
        lines << emulation.lineText(row);
    return lines.join(u'\n');
}

bool screenHasLine(const TerminalEmulation &emulation, const QString &text)
{
    for (int row = 0; row < emulation.rows(); ++row) {
        if (emulation.lineText(row) == text)
            return true;
    }
    return false;
}

QString labelText(const ConsoleTab &tab, const QString &name)
{
    auto *label = tab.findChild<QLabel *>(name);
    return label ? label->text() : QString();
}

QPushButton *reconnectButton(const ConsoleTab &tab)
{
    return tab.findChild<QPushButton *>(u"consoleReconnect"_s);
}

UniqueFd connectMonitor(const QString &path)
{
    UniqueFd fd(::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0));
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray p = QFile::encodeName(path);
    if (!fd || size_t(p.size()) >= sizeof addr.sun_path)
        return {};
    std::memcpy(addr.sun_path, p.constData(), size_t(p.size()) + 1);
    if (::connect(fd.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return {};
    return fd;
}

// What kokerd's Attach does for a container of a private store: connect to its
// monitor as root, say Hello with the rights asked for, hand the socket over.
ConsoleTab::Connector directAttach(const QString &store)
{
    return [store](ConsoleTab *tab, const ConsoleTab::ConnectDone &done) {
        UniqueFd fd =
            connectMonitor(store + u"/run/c/"_s + tab->containerId().left(12) + u"/attach.sock"_s);
        if (!fd)
            return done(fail(ErrorCode::NotFound, "the container is not running"));
        const uint32_t flags = attach::WantInput | attach::WantOutput | attach::Replay;
        std::string hello(reinterpret_cast<const char *>(&flags), sizeof flags);
        if (auto st = attach::send(fd.get(), attach::Msg::Hello, hello); !st)
            return done(std::unexpected(st.error()));
        done(std::move(fd));
    };
}

// What kokerd's Exec does, by way of the CLI (which runs the engine in-process as
// root): start the command with a terminal, then connect to the exec's own monitor.
ConsoleTab::Connector directExec(const QString &store)
{
    return [store](ConsoleTab *tab, const ConsoleTab::ConnectDone &done) {
        const QDir dir(store + u"/run/c/"_s + tab->containerId().left(12));
        const QStringList before = dir.entryList({u"exec-*"_s}, QDir::Dirs);
        auto r = test::koker(store, QStringList{u"exec"_s, u"-d"_s, u"-it"_s, tab->containerId()} +
                                        tab->command());
        if (r.exitCode != 0)
            return done(fail(ErrorCode::NotFound, r.err.toStdString()));
        QStringList added = dir.entryList({u"exec-*"_s}, QDir::Dirs);
        for (const QString &old : before)
            added.removeAll(old);
        if (added.size() != 1)
            return done(fail(ErrorCode::Internal, "cannot tell the new exec's directory"));
        UniqueFd fd = connectMonitor(dir.filePath(added.first() + u"/attach.sock"_s));
        if (!fd)
            return done(fail(ErrorCode::NotFound, "the exec is not running"));
        const uint32_t flags = attach::WantInput | attach::WantOutput | attach::Replay;
        std::string hello(reinterpret_cast<const char *>(&flags), sizeof flags);
        if (auto st = attach::send(fd.get(), attach::Msg::Hello, hello); !st)
            return done(std::unexpected(st.error()));
        done(std::move(fd));
    };
}

} // namespace

class TestConsoleTabs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void header_data();
    void header();
    void exitMessage_data();
    void exitMessage();
    void lostConnection();
    void reconnect();
    void connectFailure_data();
    void connectFailure();
    void resizePropagated();
    void staleAnswersIgnored();
    void detach();
    void tabsCloseDetaches();
    void tabStatus();
    void realContainer();
};

void TestConsoleTabs::header_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("kindText");

    QTest::newRow("attach") << int(ConsoleTab::Kind::Attach) << QStringList{} << u"web"_s
                            << u"attached"_s;
    QTest::newRow("exec sh") << int(ConsoleTab::Kind::Exec) << QStringList{u"/bin/sh"_s}
                             << u"web: sh"_s << u"exec: sh"_s;
    QTest::newRow("exec with arguments")
        << int(ConsoleTab::Kind::Exec) << QStringList{u"/usr/bin/top"_s, u"-d"_s, u"1"_s}
        << u"web: top -d 1"_s << u"exec: top -d 1"_s;
}

void TestConsoleTabs::header()
{
    QFETCH(int, kind);
    QFETCH(QStringList, command);
    QFETCH(QString, title);
    QFETCH(QString, kindText);
    ConsoleTab tab(u"0123456789abcdef"_s, u"web"_s, ConsoleTab::Kind(kind), command);
    QCOMPARE(tab.title(), title);
    QCOMPARE(labelText(tab, u"consoleName"_s), u"web"_s);
    QCOMPARE(labelText(tab, u"consoleKind"_s), kindText);
    QCOMPARE(tab.status(), ConsoleTab::Status::Idle);
    QVERIFY(tab.terminal()->isReadOnly());

    // Without a name, the short id stands in.
    ConsoleTab nameless(u"0123456789abcdef"_s, QString(), ConsoleTab::Kind::Attach);
    QCOMPARE(nameless.containerName(), u"0123456789ab"_s);
}

void TestConsoleTabs::exitMessage_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("signal");
    QTest::addColumn<bool>("oom");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("message");

    QTest::newRow("exit 0") << 0 << 0 << false << u"Exited with code 0"_s
                            << u"The process exited with code 0."_s;
    QTest::newRow("exit 3") << 3 << 0 << false << u"Exited with code 3"_s
                            << u"The process exited with code 3."_s;
    QTest::newRow("SIGKILL") << 137 << int(SIGKILL) << false << u"Killed by SIGKILL"_s
                             << u"killed by signal SIGKILL (exit code 137)"_s;
    QTest::newRow("OOM killer") << 137 << int(SIGKILL) << true << u"Killed by the OOM killer"_s
                                << u"killed by the OOM killer"_s;
}

void TestConsoleTabs::exitMessage()
{
    QFETCH(int, code);
    QFETCH(int, signal);
    QFETCH(bool, oom);
    QFETCH(QString, status);
    QFETCH(QString, message);
    PairConnector connector;
    ConsoleTab tab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Attach);
    tab.setConnector(connector.connector());
    tab.resize(600, 400);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QSignalSpy changed(&tab, &ConsoleTab::statusChanged);
    tab.connectConsole();
    QCOMPARE(tab.status(), ConsoleTab::Status::Running);
    QVERIFY(!tab.terminal()->isReadOnly());
    QVERIFY(tab.terminal()->message().isEmpty());
    QVERIFY(reconnectButton(tab)->isHidden());

    connector.last().output("last words\r\n");
    connector.last().exit(code, signal, oom);
    QTRY_COMPARE(tab.status(), ConsoleTab::Status::Exited);
    QCOMPARE(tab.exitCode(), code);
    QCOMPARE(tab.exitSignal(), signal);
    QCOMPARE(tab.oomKilled(), oom);
    QCOMPARE(tab.statusText(), status);
    QCOMPARE(labelText(tab, u"consoleStatus"_s), status);
    QVERIFY2(tab.terminal()->message().contains(message), qPrintable(tab.terminal()->message()));
    QVERIFY(tab.terminal()->message().contains(u"Reconnect"_s));
    QVERIFY(tab.terminal()->isReadOnly());
    QVERIFY(!reconnectButton(tab)->isHidden());
    QCOMPARE(tab.session()->emulation()->lineText(0), u"last words"_s);
    QVERIFY(changed.size() >= 3); // connecting, running, exited
}

void TestConsoleTabs::lostConnection()
{
    PairConnector connector;
    ConsoleTab tab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Exec, {u"/bin/sh"_s});
    tab.setConnector(connector.connector());
    tab.connectConsole();
    connector.last().fd.reset(); // the monitor died: no Exit
    QTRY_COMPARE(tab.status(), ConsoleTab::Status::Lost);
    QCOMPARE(tab.statusText(), u"Connection lost"_s);
    QVERIFY(tab.terminal()->message().contains(u"connection was lost"_s));
    QVERIFY(tab.terminal()->message().contains(u"Run Again"_s));
    QVERIFY(!tab.errorText().isEmpty());
}

void TestConsoleTabs::reconnect()
{
    PairConnector connector;
    ConsoleTab tab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Attach);
    tab.setConnector(connector.connector());
    tab.resize(600, 400);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.connectConsole();
    QCOMPARE(connector.calls, 1);
    tab.connectConsole(); // while running: nothing
    QCOMPARE(connector.calls, 1);
    connector.last().output("first run\r\n");
    connector.last().exit(0, 0, false);
    QTRY_COMPARE(tab.status(), ConsoleTab::Status::Exited);

    // Enter on the message reconnects (the container was restarted meanwhile).
    QTest::keyClick(tab.terminal(), Qt::Key_Return);
    QCOMPARE(connector.calls, 2);
    QCOMPARE(tab.status(), ConsoleTab::Status::Running);
    QCOMPARE(tab.exitCode(), -1);
    QVERIFY(tab.terminal()->message().isEmpty());
    QVERIFY(!tab.terminal()->isReadOnly());
    connector.last().output("second run\r\n");
    TerminalEmulation &emulation = *tab.session()->emulation();
    QTRY_VERIFY2(screenHasLine(emulation, u"second run"_s), qPrintable(screenText(emulation)));
    QVERIFY(screenHasLine(emulation, u"first run"_s));
    QVERIFY(screenText(emulation).contains(u"reconnected"_s));
    // Keys go to the new connection.
    QTest::keyClicks(tab.terminal(), u"ls"_s);
    QTRY_VERIFY(connector.last().poll() && connector.last().got(attach::Msg::Input));
    QVERIFY(connector.peers.front()->poll() == false); // the first one is closed

    // The button does the same.
    connector.last().fd.reset();
    QTRY_COMPARE(tab.status(), ConsoleTab::Status::Lost);
    QTest::mouseClick(reconnectButton(tab), Qt::LeftButton);
    QCOMPARE(connector.calls, 3);
    QCOMPARE(tab.status(), ConsoleTab::Status::Running);
}

void TestConsoleTabs::connectFailure_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("not running") << int(ErrorCode::NotFound) << u"not running"_s;
    QTest::newRow("not authorized") << int(ErrorCode::PermissionDenied) << u"not allowed"_s;
    QTest::newRow("no helper") << int(ErrorCode::Unavailable) << u"kokerd"_s;
    QTest::newRow("anything else") << int(ErrorCode::System) << u"could not be opened"_s;
}

void TestConsoleTabs::connectFailure()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    PairConnector connector;
    connector.failWith = Error{ErrorCode(code), 0, {}, "helper's words"};
    ConsoleTab tab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Attach);
    tab.setConnector(connector.connector());
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.connectConsole();
    QCOMPARE(tab.status(), ConsoleTab::Status::Failed);
    QVERIFY2(tab.terminal()->message().contains(message), qPrintable(tab.terminal()->message()));
    QVERIFY(tab.terminal()->message().contains(u"helper's words"_s));
    QVERIFY(!reconnectButton(tab)->isHidden());

    // Once the cause is gone, Enter tries again.
    connector.failWith.reset();
    QTest::keyClick(tab.terminal(), Qt::Key_Return);
    QCOMPARE(connector.calls, 2);
    QCOMPARE(tab.status(), ConsoleTab::Status::Running);

    // A tab without a connector says so instead of crashing.
    ConsoleTab orphan(u"c2"_s, u"db"_s, ConsoleTab::Kind::Attach);
    orphan.connectConsole();
    QCOMPARE(orphan.status(), ConsoleTab::Status::Failed);
}

void TestConsoleTabs::resizePropagated()
{
    PairConnector connector;
    ConsoleTab tab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Attach);
    tab.setConnector(connector.connector());
    tab.resize(640, 400);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.connectConsole();
    const auto expected = [&tab] {
        return QByteArray::fromStdString(attach::encodeResize(uint16_t(tab.terminal()->rows()),
                                                              uint16_t(tab.terminal()->columns())));
    };
    // The first message after connecting tells the size.
    QTRY_VERIFY(connector.last().poll() && connector.last().lastResize() == expected());
    QCOMPARE(connector.last().received.front().type, attach::Msg::Resize);

    const int columns = tab.terminal()->columns();
    tab.resize(tab.width() + 10 * tab.terminal()->cellSize().width(), tab.height());
    QTRY_VERIFY(tab.terminal()->columns() > columns);
    QTRY_VERIFY(connector.last().poll() && connector.last().lastResize() == expected());
}

void TestConsoleTabs::staleAnswersIgnored()
{
    // A connector that answers only when the test says so.
    std::vector<ConsoleTab::ConnectDone> pending;
    auto later = [&pending](ConsoleTab *, const ConsoleTab::ConnectDone &done) {
        pending.push_back(done);
    };
    auto pairFd = [](UniqueFd &peer) {
        int sv[2];
        ::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv);
        peer.reset(sv[1]);
        return UniqueFd(sv[0]);
    };
    {
        ConsoleTab tab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Attach);
        tab.setConnector(later);
        tab.connectConsole();
        QCOMPARE(tab.status(), ConsoleTab::Status::Connecting);
        tab.connectConsole(); // already connecting
        QCOMPARE(pending.size(), size_t(1));
        tab.detach(); // gave up before the answer
        QCOMPARE(tab.status(), ConsoleTab::Status::Idle);
        UniqueFd peer;
        pending.back()(pairFd(peer));
        QCOMPARE(tab.status(), ConsoleTab::Status::Idle);
        QVERIFY(!tab.channel());
        // The dropped socket was closed: the monitor sees us leave.
        char byte;
        QTRY_COMPARE(::recv(peer.get(), &byte, 1, MSG_DONTWAIT), ssize_t(0));

        tab.connectConsole();
        QCOMPARE(pending.size(), size_t(2));
    }
    // The tab is gone when the answer comes.
    UniqueFd peer;
    pending.back()(pairFd(peer));
    char byte;
    QTRY_COMPARE(::recv(peer.get(), &byte, 1, MSG_DONTWAIT), ssize_t(0));
}

void TestConsoleTabs::detach()
{
    PairConnector connector;
    ConsoleTab tab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Attach);
    tab.setConnector(connector.connector());
    tab.connectConsole();
    tab.detach();
    QCOMPARE(tab.status(), ConsoleTab::Status::Detached);
    QVERIFY(tab.terminal()->isReadOnly());
    QVERIFY(tab.terminal()->message().contains(u"keeps running"_s));
    QTRY_VERIFY(!connector.last().poll());
    QVERIFY(connector.last().got(attach::Msg::Detach));
    // And back.
    QTest::keyClick(tab.terminal(), Qt::Key_Return);
    QCOMPARE(tab.status(), ConsoleTab::Status::Running);
    QCOMPARE(connector.calls, 2);
}

void TestConsoleTabs::tabsCloseDetaches()
{
    PairConnector connector;
    ConsoleTabs tabs(nullptr);
    QSignalSpy count(&tabs, &ConsoleTabs::countChanged);
    QVERIFY(!tabs.openAttach(u"c1"_s, u"web"_s)); // no helper, nothing to open with
    QVERIFY(!tabs.openShell(u"c1"_s, u"web"_s));

    auto *web = new ConsoleTab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Attach);
    web->setConnector(connector.connector());
    tabs.addConsole(web); // connects it
    auto *shell = new ConsoleTab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Exec, {u"/bin/sh"_s});
    shell->setConnector(connector.connector());
    tabs.addConsole(shell);
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(count.size(), 2);
    QCOMPARE(connector.calls, 2);
    QCOMPARE(tabs.tabText(0), u"web"_s);
    QCOMPARE(tabs.tabText(1), u"web: sh"_s);
    QCOMPARE(tabs.currentWidget(), shell);
    QVERIFY(tabs.tabsClosable());
    QCOMPARE(tabs.findAttach(u"c1"_s), web);
    QVERIFY(!tabs.findAttach(u"c2"_s));
    // An attach tab open for the container is reused, even without a helper.
    QCOMPARE(tabs.openAttach(u"c1"_s, u"web"_s), web);
    QCOMPARE(tabs.currentWidget(), web);

    // The close button of the first tab: Detach reaches its monitor, the other stays.
    QPointer<ConsoleTab> closed(web);
    Q_EMIT tabs.tabCloseRequested(0);
    QCOMPARE(tabs.count(), 1);
    QCOMPARE(count.size(), 3);
    QTRY_VERIFY(!connector.peers.at(0)->poll());
    QVERIFY(connector.peers.at(0)->got(attach::Msg::Detach));
    QVERIFY(connector.peers.at(1)->poll());
    QTRY_VERIFY(closed.isNull()); // deleted later

    tabs.closeAll();
    QCOMPARE(tabs.count(), 0);
    QTRY_VERIFY(!connector.peers.at(1)->poll());
    QVERIFY(connector.peers.at(1)->got(attach::Msg::Detach));
}

void TestConsoleTabs::tabStatus()
{
    PairConnector connector;
    ConsoleTabs tabs(nullptr);
    auto *web = new ConsoleTab(u"c1"_s, u"web"_s, ConsoleTab::Kind::Attach);
    web->setConnector(connector.connector());
    tabs.addConsole(web);
    QVERIFY(tabs.tabToolTip(0).contains(u"Connected"_s));
    const QImage running = tabs.tabIcon(0).pixmap(16, 16).toImage();
    connector.last().exit(2, 0, false);
    QTRY_VERIFY(tabs.tabToolTip(0).contains(u"Exited with code 2"_s));
    // The dot changed colour.
    QVERIFY(tabs.tabIcon(0).pixmap(16, 16).toImage() != running);
}

void TestConsoleTabs::realContainer()
{
    KOKER_REQUIRE_ROOT();
    QTemporaryDir root(QDir::tempPath() + u"/koker-console-XXXXXX"_s);
    QVERIFY(root.isValid());
    const QString store = root.path();
    auto imported = test::koker(store, {u"image"_s, u"import"_s, u"--starter"_s});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    auto run = test::koker(store, {u"run"_s, u"-d"_s, u"-it"_s, u"--network"_s, u"none"_s,
                                   u"--name"_s, u"web"_s, u"--hostname"_s, u"web"_s, u"-m"_s,
                                   u"128m"_s, u"starter"_s, u"sh"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString id = QString::fromUtf8(run.out.trimmed());
    struct Cleanup
    {
        QString store;
        ~Cleanup() { test::removeStore(store); }
    } cleanup{store};

    // A window-like frame, so the picture shows the tabs as the studio does.
    QWidget window;
    window.setWindowTitle(u"Koker Studio"_s);
    auto *layout = new QVBoxLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *tabs = new ConsoleTabs(nullptr, &window);
    layout->addWidget(tabs);
    window.resize(900, 520);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *web = new ConsoleTab(id, u"web"_s, ConsoleTab::Kind::Attach);
    web->setConnector(directAttach(store));
    tabs->addConsole(web);
    QCOMPARE(web->status(), ConsoleTab::Status::Running);
    TerminalEmulation &emulation = *web->session()->emulation();
    QTRY_VERIFY2(screenText(emulation).contains(u"#"_s), qPrintable(screenText(emulation)));

    QTest::keyClicks(web->terminal(), u"echo hi"_s);
    QTest::keyClick(web->terminal(), Qt::Key_Return);
    QTRY_VERIFY2(screenHasLine(emulation, u"hi"_s), qPrintable(screenText(emulation)));

    // A shell run in the same container: an exec with its own monitor.
    auto *shell = new ConsoleTab(id, u"web"_s, ConsoleTab::Kind::Exec, {u"/bin/sh"_s});
    shell->setConnector(directExec(store));
    tabs->addConsole(shell);
    QCOMPARE(shell->status(), ConsoleTab::Status::Running);
    TerminalEmulation &shellScreen = *shell->session()->emulation();
    QTRY_VERIFY2(screenText(shellScreen).contains(u"#"_s), qPrintable(screenText(shellScreen)));
    QTest::keyClicks(shell->terminal(), u"echo $((6*7)) from exec"_s);
    QTest::keyClick(shell->terminal(), Qt::Key_Return);
    QTRY_VERIFY2(screenHasLine(shellScreen, u"42 from exec"_s),
                 qPrintable(screenText(shellScreen)));
    tabs->setCurrentWidget(web);
    web->terminal()->setFocus();

    const QString commands[] = {
        u"hostname; id"_s,
        u"ls --color=always /"_s,
        u"ps"_s,
    };
    // One at a time, each after the prompt is back: typed ahead, the tty would echo
    // the next command into the output of the one before.
    const auto prompts = [&emulation] {
        int n = 0;
        for (int row = 0; row < emulation.rows(); ++row)
            n += emulation.lineText(row).startsWith(u"/ #"_s) ? 1 : 0;
        return n;
    };
    const auto lastLine = [&emulation] {
        for (int row = emulation.rows() - 1; row >= 0; --row) {
            if (!emulation.lineText(row).isEmpty())
                return emulation.lineText(row);
        }
        return QString();
    };
    for (const QString &command : commands) {
        const int before = prompts();
        QTest::keyClicks(web->terminal(), command);
        QTest::keyClick(web->terminal(), Qt::Key_Return);
        QTRY_VERIFY2(prompts() > before && lastLine() == u"/ #"_s,
                     qPrintable(screenText(emulation)));
    }
    QVERIFY(screenText(emulation).contains(u"PID"_s));
    QVERIFY2(screenHasLine(emulation, u"web"_s), qPrintable(screenText(emulation)));

    const QString outDir = qEnvironmentVariable("KOKER_SCREENSHOT_DIR");
    if (!outDir.isEmpty()) {
        QVERIFY(QDir().mkpath(outDir));
        QTest::qWait(100); // let the terminal paint its last frame (16 ms coalescing)
        QVERIFY(window.grab().save(outDir + u"/console.png"_s));
    }

    // The shell ends: the tab says so, with the code.
    QTest::keyClicks(web->terminal(), u"exit 3"_s);
    QTest::keyClick(web->terminal(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(web->status(), ConsoleTab::Status::Exited, 20000);
    QCOMPARE(web->exitCode(), 3);
    QVERIFY(web->terminal()->message().contains(u"exited with code 3"_s));
    // The container is stopped now, its exec with it: reconnecting says so clearly.
    QTRY_VERIFY(shell->status() == ConsoleTab::Status::Exited ||
                shell->status() == ConsoleTab::Status::Lost);
    web->connectConsole();
    QCOMPARE(web->status(), ConsoleTab::Status::Failed);
    QVERIFY(web->terminal()->message().contains(u"not running"_s));
}

QTEST_MAIN(TestConsoleTabs)
#include "tst_consoletabs.moc"
