// AttachTerminalChannel: the terminal channel over a container monitor's attach
// socket. A socketpair(SOCK_SEQPACKET) plays the monitor, speaking the real protocol
// through runtime/attachprotocol; a last case attaches to a real container's monitor
// (root only), types into a TerminalWidget and reads the answer from the screen.
// I/O is awaited with QTRY_*; nothing asserts on timing.

#include "runtime/attachprotocol.h"
#include "runtime/uniquefd.h"
#include "runtime/wire.h"
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

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <vector>

using namespace koker;
using namespace Qt::Literals::StringLiterals;

namespace {

// The monitor's end of a socketpair: sends and receives whole protocol messages.
struct MonitorPeer
{
    UniqueFd fd;
    std::vector<attach::Message> received;

    void send(attach::Msg type, const QByteArray &payload = {})
    {
        auto st = attach::send(fd.get(), type,
                               std::string_view(payload.constData(), size_t(payload.size())));
        QVERIFY2(st.has_value(), st ? "" : st.error().describe().c_str());
    }
    void sendOutput(uint8_t stream, const QByteArray &bytes)
    {
        send(attach::Msg::Output, QByteArray(1, char(stream)) + bytes);
    }
    void sendExit(int code, int signal, bool oom)
    {
        const std::string exit = attach::encodeExit({code, signal, oom});
        send(attach::Msg::Exit, QByteArray::fromStdString(exit));
    }
    // Read whatever is there now (the fd is non-blocking); false once the channel hung up.
    bool poll()
    {
        for (;;) {
            auto m = attach::receive(fd.get());
            if (m) {
                received.push_back(std::move(*m));
                continue;
            }
            return m.error().sysErrno == EAGAIN;
        }
    }
    // The concatenated payloads of every Input received.
    QByteArray input() const
    {
        QByteArray all;
        for (const attach::Message &m : received) {
            if (m.type == attach::Msg::Input)
                all.append(m.payload.data(), qsizetype(m.payload.size()));
        }
        return all;
    }
    QList<attach::Msg> types() const
    {
        QList<attach::Msg> list;
        for (const attach::Message &m : received)
            list.append(m.type);
        return list;
    }
};

// A channel and its monitor peer on a fresh SOCK_SEQPACKET pair.
struct Pair
{
    MonitorPeer peer;
    AttachTerminalChannel *channel = nullptr;
    std::unique_ptr<AttachTerminalChannel> owned;

    Pair()
    {
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
            return;
        peer.fd.reset(sv[1]);
        ::fcntl(sv[1], F_SETFL, O_NONBLOCK);
        owned = std::make_unique<AttachTerminalChannel>(UniqueFd(sv[0]));
        channel = owned.get();
    }
};

bool screenHasLine(const TerminalEmulation &emulation, const QString &text)
{
    for (int row = 0; row < emulation.rows(); ++row) {
        if (emulation.lineText(row) == text)
            return true;
    }
    return false;
}

QString screenText(const TerminalEmulation &emulation)
{
    QStringList lines;
    for (int row = 0; row < emulation.rows(); ++row)
        lines << emulation.lineText(row);
    return lines.join(u'\n');
}

// A client connection to a monitor's attach socket, as kokerd makes one.
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

} // namespace

class TestAttachChannel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hello();
    void inputSplitAtPayloadCap_data();
    void inputSplitAtPayloadCap();
    void inputQueuedWhenSocketFull();
    void output_data();
    void output();
    void resizeMessage_data();
    void resizeMessage();
    void resizeReplacesQueuedResize();
    void processExit_data();
    void processExit();
    void lost_data();
    void lost();
    void detach();
    void closeInput();
    void closeIsQuiet();
    void sessionOverAttachSocket();
    void realContainer();
};

void TestAttachChannel::hello()
{
    Pair pair;
    QVERIFY(pair.channel);
    pair.channel->sendHello(attach::WantInput | attach::WantOutput | attach::Replay);
    QTRY_VERIFY(pair.peer.poll() && !pair.peer.received.empty());
    const attach::Message &m = pair.peer.received.front();
    QCOMPARE(m.type, attach::Msg::Hello);
    wire::Reader r(m.payload);
    QCOMPARE(r.u32(), uint32_t(attach::WantInput | attach::WantOutput | attach::Replay));
    QVERIFY(r.ok() && r.atEnd());
}

void TestAttachChannel::inputSplitAtPayloadCap_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<int>("minMessages");

    constexpr auto cap = qsizetype(attach::kMaxPayload);
    QTest::newRow("one byte") << qsizetype(1) << 1;
    QTest::newRow("exactly the cap") << cap << 1;
    QTest::newRow("cap + 1") << cap + 1 << 2;
    QTest::newRow("three caps and a bit") << 3 * cap + 5 << 4;
}

void TestAttachChannel::inputSplitAtPayloadCap()
{
    QFETCH(qsizetype, size);
    QFETCH(int, minMessages);
    Pair pair;
    QVERIFY(pair.channel);
    QByteArray sent(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        sent[i] = char('a' + i % 26);
    pair.channel->write(sent);
    QTRY_VERIFY(pair.peer.poll() && pair.peer.input().size() == sent.size());
    QCOMPARE(pair.peer.input(), sent);
    QVERIFY(pair.peer.received.size() >= size_t(minMessages));
    for (const attach::Message &m : pair.peer.received) {
        QCOMPARE(m.type, attach::Msg::Input);
        QVERIFY(!m.payload.empty());
        QVERIFY(m.payload.size() <= attach::kMaxPayload);
    }
}

void TestAttachChannel::inputQueuedWhenSocketFull()
{
    // Far more than the socket buffer holds: the channel queues messages, never
    // blocks, and delivers every byte in order once the monitor reads.
    Pair pair;
    QVERIFY(pair.channel);
    QByteArray sent;
    for (int i = 0; sent.size() < 4 * 1024 * 1024; ++i)
        sent += QByteArray::number(i) + ' ';
    pair.channel->write(sent.left(1000));
    for (qsizetype off = 1000; off < sent.size(); off += 3000)
        pair.channel->write(sent.mid(off, 3000)); // key-sized writes are merged
    QVERIFY(pair.channel->pendingBytes() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(pair.peer.poll() && pair.peer.input().size() >= sent.size(), 30000);
    QCOMPARE(pair.peer.input(), sent);
    QCOMPARE(pair.channel->pendingBytes(), 0);
    for (const attach::Message &m : pair.peer.received)
        QVERIFY(m.payload.size() <= attach::kMaxPayload);
    // Merging queued keys: far fewer messages than writes.
    QVERIFY(pair.peer.received.size() < size_t(sent.size() / 3000 / 4));
}

void TestAttachChannel::output_data()
{
    QTest::addColumn<QList<QByteArray>>("messages"); // type byte + payload, as sent
    QTest::addColumn<QByteArray>("expected");

    auto out = [](char stream, const QByteArray &bytes) -> QByteArray {
        return QByteArray(1, char(attach::Msg::Output)) + QByteArray(1, stream) + bytes;
    };
    QTest::newRow("stdout") << QList<QByteArray>{out(1, "hello")} << QByteArray("hello");
    QTest::newRow("stdout and stderr in order")
        << QList<QByteArray>{out(1, "a"), out(2, "b"), out(1, "c")} << QByteArray("abc");
    QTest::newRow("unknown stream skipped")
        << QList<QByteArray>{out(1, "a"), out(3, "x"), out(2, "b")} << QByteArray("ab");
    QTest::newRow("empty output message")
        << QList<QByteArray>{out(1, ""), out(1, "z")} << QByteArray("z");
    QTest::newRow("step and started ignored")
        << QList<QByteArray>{QByteArray(1, char(attach::Msg::Started)) + QByteArray(4, '\1'),
                             out(1, "ok"), QByteArray(1, char(attach::Msg::Step)) + "junk",
                             QByteArray(1, char(99)) + "future"}
        << QByteArray("ok");
    QTest::newRow("binary bytes") << QList<QByteArray>{out(1, QByteArray("\0\x1b[31m\xff", 7))}
                                  << QByteArray("\0\x1b[31m\xff", 7);
    QTest::newRow("full-size payload")
        << QList<QByteArray>{out(1, QByteArray(qsizetype(attach::kMaxPayload) - 1, 'x'))}
        << QByteArray(qsizetype(attach::kMaxPayload) - 1, 'x');
}

void TestAttachChannel::output()
{
    QFETCH(QList<QByteArray>, messages);
    QFETCH(QByteArray, expected);
    Pair pair;
    QVERIFY(pair.channel);
    QByteArray got;
    connect(pair.channel, &TerminalChannel::received, this,
            [&got](const QByteArray &bytes) { got += bytes; });
    for (const QByteArray &m : messages)
        pair.peer.send(attach::Msg(uint8_t(m.at(0))), m.mid(1));
    QTRY_COMPARE(got, expected);
    QCOMPARE(pair.channel->state(), AttachTerminalChannel::State::Open);
    QVERIFY(pair.channel->isOpen());
}

void TestAttachChannel::resizeMessage_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("sentRows");
    QTest::addColumn<int>("sentColumns");

    QTest::newRow("80x24") << 24 << 80 << 24 << 80;
    QTest::newRow("big window") << 70 << 250 << 70 << 250;
    QTest::newRow("zero clamped to 1") << 0 << 0 << 1 << 1;
    QTest::newRow("negative clamped to 1") << -5 << 10 << 1 << 10;
    QTest::newRow("huge clamped below the monitor's bound") << 100000 << 70000 << 9999 << 9999;
}

void TestAttachChannel::resizeMessage()
{
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(int, sentRows);
    QFETCH(int, sentColumns);
    Pair pair;
    QVERIFY(pair.channel);
    pair.channel->resize(rows, columns);
    QTRY_VERIFY(pair.peer.poll() && !pair.peer.received.empty());
    const attach::Message &m = pair.peer.received.front();
    QCOMPARE(m.type, attach::Msg::Resize);
    QCOMPARE(m.payload.size(), size_t(4));
    uint16_t r = 0;
    uint16_t c = 0;
    std::memcpy(&r, m.payload.data(), 2);
    std::memcpy(&c, m.payload.data() + 2, 2);
    QCOMPARE(int(r), sentRows);
    QCOMPARE(int(c), sentColumns);
    QCOMPARE(m.payload, attach::encodeResize(uint16_t(sentRows), uint16_t(sentColumns)));
}

void TestAttachChannel::resizeReplacesQueuedResize()
{
    // Fill the socket so messages queue, then resize twice: only the newest size
    // follows the queued input.
    Pair pair;
    QVERIFY(pair.channel);
    const QByteArray filler(qsizetype(attach::kMaxPayload), 'f');
    while (pair.channel->pendingBytes() == 0)
        pair.channel->write(filler);
    pair.channel->resize(10, 20);
    pair.channel->resize(30, 40);
    QTRY_VERIFY(pair.peer.poll() && pair.channel->pendingBytes() == 0 &&
                pair.peer.received.back().type == attach::Msg::Resize);
    QCOMPARE(pair.peer.types().count(attach::Msg::Resize), 1);
    QCOMPARE(pair.peer.received.back().payload, attach::encodeResize(30, 40));
}

void TestAttachChannel::processExit_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("signal");
    QTest::addColumn<bool>("oom");

    QTest::newRow("exit 0") << 0 << 0 << false;
    QTest::newRow("exit 3") << 3 << 0 << false;
    QTest::newRow("SIGKILL") << 128 + 9 << 9 << false;
    QTest::newRow("OOM killer") << 128 + 9 << 9 << true;
}

void TestAttachChannel::processExit()
{
    QFETCH(int, code);
    QFETCH(int, signal);
    QFETCH(bool, oom);
    Pair pair;
    QVERIFY(pair.channel);
    QByteArray got;
    QStringList order;
    connect(pair.channel, &TerminalChannel::received, this, [&](const QByteArray &bytes) {
        got += bytes;
        order << u"received"_s;
    });
    connect(pair.channel, &AttachTerminalChannel::exited, this, [&] { order << u"exited"_s; });
    connect(pair.channel, &TerminalChannel::closed, this, [&] { order << u"closed"_s; });
    QSignalSpy exited(pair.channel, &AttachTerminalChannel::exited);
    QSignalSpy closed(pair.channel, &TerminalChannel::closed);
    QSignalSpy lost(pair.channel, &AttachTerminalChannel::connectionLost);

    // The last output and the exit status arrive together, as the monitor sends them.
    pair.peer.sendOutput(1, "bye\r\n");
    pair.peer.sendExit(code, signal, oom);
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(got, QByteArray("bye\r\n"));
    QCOMPARE(order, (QStringList{u"received"_s, u"exited"_s, u"closed"_s}));
    QCOMPARE(closed.at(0).at(0).toInt(), code);
    QCOMPARE(exited.size(), 1);
    QCOMPARE(exited.at(0).at(0).toInt(), code);
    QCOMPARE(exited.at(0).at(1).toInt(), signal);
    QCOMPARE(exited.at(0).at(2).toBool(), oom);
    QCOMPARE(lost.size(), 0);
    QCOMPARE(pair.channel->state(), AttachTerminalChannel::State::Exited);
    QCOMPARE(pair.channel->exitCode(), code);
    QCOMPARE(pair.channel->exitSignal(), signal);
    QCOMPARE(pair.channel->oomKilled(), oom);
    QVERIFY(!pair.channel->isOpen());

    // Writes after the end go nowhere and do not crash.
    pair.channel->write("late");
    pair.channel->resize(1, 1);
    QVERIFY(!pair.peer.poll() || pair.peer.input().isEmpty());
}

void TestAttachChannel::lost_data()
{
    QTest::addColumn<QByteArray>("lastMessage"); // type + payload; empty: just hang up

    QTest::newRow("hang-up without exit") << QByteArray();
    QTest::newRow("truncated exit status")
        << QByteArray(1, char(attach::Msg::Exit)) + QByteArray(5, '\0');
    QTest::newRow("oversized message") << QByteArray(1, char(attach::Msg::Output)) +
                                              QByteArray(qsizetype(attach::kMaxMessage) + 10, 'x');
}

void TestAttachChannel::lost()
{
    QFETCH(QByteArray, lastMessage);
    Pair pair;
    QVERIFY(pair.channel);
    QSignalSpy closed(pair.channel, &TerminalChannel::closed);
    QSignalSpy lost(pair.channel, &AttachTerminalChannel::connectionLost);
    QSignalSpy exited(pair.channel, &AttachTerminalChannel::exited);
    QByteArray got;
    connect(pair.channel, &TerminalChannel::received, this,
            [&got](const QByteArray &bytes) { got += bytes; });

    pair.peer.sendOutput(1, "still here");
    if (lastMessage.isEmpty()) {
        pair.peer.fd.reset();
    } else {
        // Straight through the socket: attach::send refuses oversized payloads.
        QCOMPARE(::send(pair.peer.fd.get(), lastMessage.constData(), size_t(lastMessage.size()),
                        MSG_NOSIGNAL),
                 ssize_t(lastMessage.size()));
    }
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(got, QByteArray("still here"));
    QCOMPARE(closed.at(0).at(0).toInt(), -1);
    QCOMPARE(lost.size(), 1);
    QVERIFY(!lost.at(0).at(0).toString().isEmpty());
    QCOMPARE(exited.size(), 0);
    QCOMPARE(pair.channel->state(), AttachTerminalChannel::State::Lost);
    QCOMPARE(pair.channel->exitCode(), -1);
    QVERIFY(!pair.channel->lostReason().isEmpty());
    QVERIFY(!pair.channel->isOpen());
}

void TestAttachChannel::detach()
{
    Pair pair;
    QVERIFY(pair.channel);
    QSignalSpy closed(pair.channel, &TerminalChannel::closed);
    pair.channel->write("ls\r");
    pair.channel->detach();
    QCOMPARE(pair.channel->state(), AttachTerminalChannel::State::Detached);
    QVERIFY(!pair.channel->isOpen());
    // The monitor gets the input, then Detach, then the end of the stream.
    QTRY_VERIFY(!pair.peer.poll());
    QCOMPARE(pair.peer.types(), (QList<attach::Msg>{attach::Msg::Input, attach::Msg::Detach}));
    QCOMPARE(pair.peer.input(), QByteArray("ls\r"));
    QCoreApplication::processEvents();
    QCOMPARE(closed.size(), 0); // our own doing: no closed()
}

void TestAttachChannel::closeInput()
{
    Pair pair;
    QVERIFY(pair.channel);
    pair.channel->write("data");
    pair.channel->closeInput();
    QTRY_VERIFY(pair.peer.poll() && pair.peer.received.size() == 2u);
    QCOMPARE(pair.peer.types(), (QList<attach::Msg>{attach::Msg::Input, attach::Msg::CloseInput}));
    QVERIFY(pair.peer.received.back().payload.empty());
}

void TestAttachChannel::closeIsQuiet()
{
    Pair pair;
    QVERIFY(pair.channel);
    QSignalSpy closed(pair.channel, &TerminalChannel::closed);
    pair.channel->close();
    QCOMPARE(pair.channel->state(), AttachTerminalChannel::State::Closed);
    QTRY_VERIFY(!pair.peer.poll());
    QVERIFY(pair.peer.received.empty());
    QCOMPARE(closed.size(), 0);
    // A channel made from no fd at all is born lost, not crashing.
    AttachTerminalChannel none{UniqueFd()};
    QVERIFY(!none.isOpen());
    QCOMPARE(none.state(), AttachTerminalChannel::State::Lost);
    none.write("x");
    none.resize(2, 2);
    none.detach();
}

void TestAttachChannel::sessionOverAttachSocket()
{
    // The channel in a TerminalSession: output reaches the screen, keys leave as
    // Input, the widget's size leaves as Resize, the exit shows on the widget.
    Pair pair;
    QVERIFY(pair.channel);
    TerminalWidget widget;
    TerminalSession session(&widget);
    QSignalSpy finished(&session, &TerminalSession::finished);
    session.setChannel(pair.owned.release());
    widget.resize(widget.sizeHint());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    pair.peer.sendOutput(1, "hello\r\n");
    pair.peer.sendOutput(2, "\x1b[31mred\x1b[0m");
    QTRY_COMPARE(session.emulation()->lineText(1), u"red"_s);
    QCOMPARE(session.emulation()->lineText(0), u"hello"_s);

    QTest::keyClicks(&widget, u"ls"_s);
    QTest::keyClick(&widget, Qt::Key_Return);
    QTRY_VERIFY(pair.peer.poll() && pair.peer.input() == "ls\r");

    // The latest Resize the monitor got matches the widget's grid.
    pair.peer.received.clear();
    widget.resize(widget.size() + QSize(widget.cellSize().width() * 7, 0));
    const auto lastSize = [&pair] {
        QByteArray size;
        for (const attach::Message &m : pair.peer.received) {
            if (m.type == attach::Msg::Resize)
                size = QByteArray::fromStdString(m.payload);
        }
        return size;
    };
    QTRY_VERIFY(pair.peer.poll() &&
                lastSize() == QByteArray::fromStdString(attach::encodeResize(
                                  uint16_t(widget.rows()), uint16_t(widget.columns()))));

    pair.peer.sendExit(3, 0, false);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), 3);
    QVERIFY(widget.isReadOnly());
    QVERIFY(widget.message().contains(u"3"_s));
}

void TestAttachChannel::realContainer()
{
    KOKER_REQUIRE_ROOT();
    QTemporaryDir root(QDir::tempPath() + u"/koker-attach-XXXXXX"_s);
    QVERIFY(root.isValid());
    const QString store = root.path();
    auto imported = test::koker(store, {u"image"_s, u"import"_s, u"--starter"_s});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    auto run = test::koker(
        store, {u"run"_s, u"-d"_s, u"-it"_s, u"--network"_s, u"none"_s, u"starter"_s, u"sh"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString id = QString::fromUtf8(run.out.trimmed());
    QVERIFY(id.size() >= 12);
    struct Cleanup
    {
        QString store;
        ~Cleanup() { test::removeStore(store); }
    } cleanup{store};

    // Exactly the socket kokerd connects to and hands over, introduced as it does.
    UniqueFd fd = connectMonitor(store + u"/run/c/"_s + id.left(12) + u"/attach.sock"_s);
    QVERIFY(fd.valid());
    TerminalWidget widget;
    TerminalSession session(&widget);
    widget.resize(widget.sizeHint());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    // The channel reads as soon as the event loop runs: give it to the session first.
    auto *channel = new AttachTerminalChannel(std::move(fd));
    session.setChannel(channel);
    QSignalSpy finished(&session, &TerminalSession::finished);
    QSignalSpy exited(channel, &AttachTerminalChannel::exited);
    channel->sendHello(attach::WantInput | attach::WantOutput | attach::Replay);
    TerminalEmulation &emulation = *session.emulation();

    // The replay brings the prompt the shell printed before we came.
    QTRY_VERIFY2(screenText(emulation).contains(u"#"_s), qPrintable(screenText(emulation)));
    QTest::keyClicks(&widget, u"echo hi"_s);
    QTest::keyClick(&widget, Qt::Key_Return);
    QTRY_VERIFY2(screenHasLine(emulation, u"hi"_s), qPrintable(screenText(emulation)));

    // The container's tty got our size through Resize.
    QTest::keyClicks(&widget, u"stty size"_s);
    QTest::keyClick(&widget, Qt::Key_Return);
    const QString size = u"%1 %2"_s.arg(widget.rows()).arg(widget.columns());
    QTRY_VERIFY2(screenHasLine(emulation, size), qPrintable(screenText(emulation)));

    QTest::keyClicks(&widget, u"exit 3"_s);
    QTest::keyClick(&widget, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toInt(), 3);
    QCOMPARE(exited.size(), 1);
    QCOMPARE(exited.at(0).at(1).toInt(), 0);
    QCOMPARE(exited.at(0).at(2).toBool(), false);
    QVERIFY(widget.isReadOnly());
}

QTEST_MAIN(TestAttachChannel)
#include "tst_attachchannel.moc"
