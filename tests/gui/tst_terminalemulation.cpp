// The emulation without a widget: byte sequences in, cells out (and key presses in,
// bytes out). Every row names what it checks; a fixed bug gets a new row.

#include "terminal/terminalemulation.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <iterator>

using namespace koker;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Rows = 6;
constexpr int Columns = 10;

// Everything the emulation sends while `action` runs, concatenated.
template <class Action>
QByteArray outputOf(TerminalEmulation &emulation, Action action)
{
    QSignalSpy spy(&emulation, &TerminalEmulation::outputReady);
    action();
    QByteArray all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).toByteArray();
    return all;
}

} // namespace

class TestTerminalEmulation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineText_data();
    void lineText();
    void cell_data();
    void cell();
    void attributes_data();
    void attributes();
    void cursor_data();
    void cursor();
    void altScreen_data();
    void altScreen();
    void scrollback_data();
    void scrollback();
    void scrollbackKeepsCells();
    void wideCharPoppedIntoLastColumn();
    void resizeKeepsContent_data();
    void resizeKeepsContent();
    void title_data();
    void title();
    void bell_data();
    void bell();
    void keys_data();
    void keys();
    void replies_data();
    void replies();
    void paste_data();
    void paste();
    void mouse_data();
    void mouse();
    void damage();
    void reverseVideo();
    void libvtermWorkarounds_data();
    void libvtermWorkarounds();
    void survivesGarbage_data();
    void survivesGarbage();
};

void TestTerminalEmulation::lineText_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain text") << "hello"_ba << 0 << u"hello"_s;
    QTest::newRow("wraps at the last column, first row")
        << "abcdefghijKLM"_ba << 0 << u"abcdefghij"_s;
    QTest::newRow("wraps at the last column, second row") << "abcdefghijKLM"_ba << 1 << u"KLM"_s;
    QTest::newRow("CR LF") << "one\r\ntwo"_ba << 1 << u"two"_s;
    QTest::newRow("CR overwrites") << "hello\rj"_ba << 0 << u"jello"_s;
    QTest::newRow("LF keeps the column") << "ab\ncd"_ba << 1 << u"  cd"_s;
    QTest::newRow("BS moves back") << "abc\bX"_ba << 0 << u"abX"_s;
    QTest::newRow("TAB to column 8") << "a\tb"_ba << 0 << u"a       b"_s;
    QTest::newRow("CUP") << "\x1b[3;4Hx"_ba << 2 << u"   x"_s;
    QTest::newRow("CUU CUF") << "\x1b[4;1H\x1b[2A\x1b[3Cx"_ba << 1 << u"   x"_s;
    QTest::newRow("CUD CUB") << "abc\x1b[2B\x1b[2Dx"_ba << 2 << u" x"_s;
    QTest::newRow("CHA") << "abcdef\x1b[2GX"_ba << 0 << u"aXcdef"_s;
    QTest::newRow("DECSC DECRC") << "ab\x1b"
                                    "7\x1b[4;4Hzz\x1b"
                                    "8c"_ba
                                 << 0 << u"abc"_s;
    QTest::newRow("ED 2 clears all") << "abc\r\ndef\x1b[2J"_ba << 1 << QString();
    QTest::newRow("ED 0 clears below") << "abc\r\ndef\x1b[1;2H\x1b[J"_ba << 0 << u"a"_s;
    QTest::newRow("ED 0 clears next rows") << "abc\r\ndef\x1b[1;2H\x1b[J"_ba << 1 << QString();
    QTest::newRow("ED 1 clears above") << "abc\r\ndef\x1b[2;2H\x1b[1J"_ba << 1 << u"  f"_s;
    QTest::newRow("EL 0 clears right") << "abcdef\x1b[1;3H\x1b[K"_ba << 0 << u"ab"_s;
    QTest::newRow("EL 1 clears left") << "abcdef\x1b[1;3H\x1b[1K"_ba << 0 << u"   def"_s;
    QTest::newRow("EL 2 clears line") << "abcdef\x1b[2K"_ba << 0 << QString();
    QTest::newRow("ECH erases chars") << "abcdef\x1b[1;2H\x1b[3X"_ba << 0 << u"a   ef"_s;
    QTest::newRow("DCH deletes chars") << "abcdef\x1b[1;2H\x1b[2P"_ba << 0 << u"adef"_s;
    QTest::newRow("ICH inserts blanks") << "abcdef\x1b[1;2H\x1b[2@"_ba << 0 << u"a  bcdef"_s;
    QTest::newRow("wide CJK") << "漢字"_ba << 0 << u"漢字"_s;
    QTest::newRow("combining acute") << "e\xcc\x81x"_ba << 0 << u"e\u0301x"_s;
    QTest::newRow("invalid UTF-8 becomes U+FFFD") << "a\xff"
                                                     "b"_ba
                                                  << 0 << u"a\ufffdb"_s;
    QTest::newRow("SGR leaves text alone") << "\x1b[1;31mred\x1b[0m!"_ba << 0 << u"red!"_s;
    QTest::newRow("OSC is not text") << "\x1b]2;t\x07text"_ba << 0 << u"text"_s;
    QTest::newRow("over-long OSC is dropped, text after it kept")
        << QByteArray("\x1b]2;" + QByteArray(5000, 'a') + "\x07ok") << 0 << u"ok"_s;
    QTest::newRow("split escape sequence") << QByteArray("\x1b[1"_ba + ";4H"
                                                                       "x")
                                           << 0 << u"   x"_s;
}

void TestTerminalEmulation::lineText()
{
    QFETCH(QByteArray, input);
    QFETCH(int, row);
    QFETCH(QString, expected);
    TerminalEmulation emulation(Rows, Columns);
    // Byte by byte as well as at once: a pty read may split any sequence.
    emulation.feed(input);
    QCOMPARE(emulation.lineText(row), expected);
    TerminalEmulation split(Rows, Columns);
    for (char byte : input)
        split.feed(&byte, 1);
    QCOMPARE(split.lineText(row), expected);
}

void TestTerminalEmulation::cell_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");

    QTest::newRow("blank") << QByteArray() << 0 << QString() << 1;
    QTest::newRow("ascii") << "ab"_ba << 1 << u"b"_s << 1;
    QTest::newRow("CJK left half") << "漢字"_ba << 0 << u"漢"_s << 2;
    QTest::newRow("CJK right half") << "漢字"_ba << 1 << QString() << 0;
    QTest::newRow("second CJK") << "漢字"_ba << 2 << u"字"_s << 2;
    QTest::newRow("emoji") << "\xf0\x9f\x98\x80x"_ba << 0 << u"\U0001F600"_s << 2;
    QTest::newRow("after emoji") << "\xf0\x9f\x98\x80x"_ba << 2 << u"x"_s << 1;
    QTest::newRow("combining in one cell") << "e\xcc\x81x"_ba << 0 << u"e\u0301"_s << 1;
    QTest::newRow("after combining") << "e\xcc\x81x"_ba << 1 << u"x"_s << 1;
    QTest::newRow("two combining marks") << "a\xcc\x81\xcc\xa3"_ba << 0 << u"a\u0301\u0323"_s << 1;
    QTest::newRow("box drawing") << "\xe2\x94\x80"_ba << 0 << u"\u2500"_s << 1;
    QTest::newRow("wide char does not fit: wraps") << "123456789漢"_ba << 9 << QString() << 1;
}

void TestTerminalEmulation::cell()
{
    QFETCH(QByteArray, input);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(int, width);
    TerminalEmulation emulation(Rows, Columns);
    emulation.feed(input);
    const TerminalCell cell = emulation.cellAt(0, column);
    QCOMPARE(cell.text, text);
    QCOMPARE(cell.width, width);
}

void TestTerminalEmulation::attributes_data()
{
    QTest::addColumn<QByteArray>("sgr");
    QTest::addColumn<bool>("bold");
    QTest::addColumn<bool>("italic");
    QTest::addColumn<int>("underline");
    QTest::addColumn<bool>("reverse");
    QTest::addColumn<bool>("strike");
    QTest::addColumn<bool>("blink");
    QTest::addColumn<QColor>("foreground"); // invalid: the default colour
    QTest::addColumn<QColor>("background");

    const TerminalEmulation reference;
    const QColor none;
    const int single = int(TerminalCell::Underline::Single);
    const int doubled = int(TerminalCell::Underline::Double);
    const int curly = int(TerminalCell::Underline::Curly);

    // clang-format off
    QTest::newRow("no SGR")        << ""_ba           << false << false << 0       << false << false << false << none << none;
    QTest::newRow("bold")          << "1"_ba          << true  << false << 0       << false << false << false << none << none;
    QTest::newRow("italic")        << "3"_ba          << false << true  << 0       << false << false << false << none << none;
    QTest::newRow("underline")     << "4"_ba          << false << false << single  << false << false << false << none << none;
    QTest::newRow("double underline") << "21"_ba      << false << false << doubled << false << false << false << none << none;
    QTest::newRow("curly underline") << "4:3"_ba      << false << false << curly   << false << false << false << none << none;
    QTest::newRow("blink")         << "5"_ba          << false << false << 0       << false << false << true  << none << none;
    QTest::newRow("reverse")       << "7"_ba          << false << false << 0       << true  << false << false << none << none;
    QTest::newRow("strike")        << "9"_ba          << false << false << 0       << false << true  << false << none << none;
    QTest::newRow("all then 0")    << "1;3;4;7;9;31;42;0"_ba << false << false << 0 << false << false << false << none << none;
    QTest::newRow("22 ends bold")  << "1;22"_ba       << false << false << 0       << false << false << false << none << none;
    QTest::newRow("24 ends underline") << "4;24"_ba   << false << false << 0       << false << false << false << none << none;
    QTest::newRow("red")           << "31"_ba         << false << false << 0 << false << false << false << reference.paletteColor(1) << none;
    QTest::newRow("white")         << "37"_ba         << false << false << 0 << false << false << false << reference.paletteColor(7) << none;
    QTest::newRow("bright blue")   << "94"_ba         << false << false << 0 << false << false << false << reference.paletteColor(12) << none;
    QTest::newRow("green bg")      << "42"_ba         << false << false << 0 << false << false << false << none << reference.paletteColor(2);
    QTest::newRow("bright cyan bg") << "106"_ba       << false << false << 0 << false << false << false << none << reference.paletteColor(14);
    QTest::newRow("39 ends fg")    << "31;39"_ba      << false << false << 0 << false << false << false << none << none;
    QTest::newRow("49 ends bg")    << "41;49"_ba      << false << false << 0 << false << false << false << none << none;
    QTest::newRow("256: cube red") << "38;5;196"_ba   << false << false << 0 << false << false << false << QColor(255, 0, 0) << none;
    QTest::newRow("256: cube mix") << "38;5;110"_ba   << false << false << 0 << false << false << false << QColor(0x87, 0xaf, 0xd7) << none;
    QTest::newRow("256: grey bg")  << "48;5;244"_ba   << false << false << 0 << false << false << false << none << QColor(128, 128, 128);
    QTest::newRow("256: low index is the palette") << "38;5;3"_ba << false << false << 0 << false << false << false << reference.paletteColor(3) << none;
    QTest::newRow("truecolor fg")  << "38;2;10;20;30"_ba << false << false << 0 << false << false << false << QColor(10, 20, 30) << none;
    QTest::newRow("truecolor bg")  << "48;2;200;100;50"_ba << false << false << 0 << false << false << false << none << QColor(200, 100, 50);
    QTest::newRow("bold red on truecolor") << "1;31;48;2;1;2;3"_ba << true << false << 0 << false << false << false << reference.paletteColor(1) << QColor(1, 2, 3);
    // clang-format on
}

void TestTerminalEmulation::attributes()
{
    QFETCH(QByteArray, sgr);
    QFETCH(bool, bold);
    QFETCH(bool, italic);
    QFETCH(int, underline);
    QFETCH(bool, reverse);
    QFETCH(bool, strike);
    QFETCH(bool, blink);
    QFETCH(QColor, foreground);
    QFETCH(QColor, background);

    TerminalEmulation emulation(Rows, Columns);
    emulation.feed("\x1b[" + sgr + "mX\x1b[0mY");
    const TerminalCell cell = emulation.cellAt(0, 0);
    QCOMPARE(cell.text, u"X"_s);
    QCOMPARE(cell.bold, bold);
    QCOMPARE(cell.italic, italic);
    QCOMPARE(int(cell.underline), underline);
    QCOMPARE(cell.reverse, reverse);
    QCOMPARE(cell.strike, strike);
    QCOMPARE(cell.blink, blink);
    QCOMPARE(cell.defaultForeground, !foreground.isValid());
    QCOMPARE(cell.defaultBackground, !background.isValid());
    QCOMPARE(cell.foreground, foreground.isValid() ? foreground : emulation.defaultForeground());
    QCOMPARE(cell.background, background.isValid() ? background : emulation.defaultBackground());

    // SGR 0 after the cell: the next one is plain again.
    const TerminalCell next = emulation.cellAt(0, 1);
    QVERIFY(!next.bold && !next.reverse && next.defaultForeground && next.defaultBackground);
    QCOMPARE(next.underline, TerminalCell::Underline::None);
}

void TestTerminalEmulation::cursor_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QPoint>("cursor"); // x = column, y = row
    QTest::addColumn<bool>("visible");

    QTest::newRow("start") << QByteArray() << QPoint(0, 0) << true;
    QTest::newRow("after text") << "ab\r\ncd"_ba << QPoint(2, 1) << true;
    QTest::newRow("CUP") << "\x1b[4;7H"_ba << QPoint(6, 3) << true;
    QTest::newRow("CUP clamps") << "\x1b[99;99H"_ba << QPoint(Columns - 1, Rows - 1) << true;
    QTest::newRow("pending wrap stays on last column") << "abcdefghij"_ba << QPoint(9, 0) << true;
    QTest::newRow("hidden") << "\x1b[?25l"_ba << QPoint(0, 0) << false;
    QTest::newRow("shown again") << "\x1b[?25l\x1b[?25h"_ba << QPoint(0, 0) << true;
    QTest::newRow("restored") << "\x1b[2;3H\x1b"
                                 "7\x1b[5;5H\x1b"
                                 "8"_ba
                              << QPoint(2, 1) << true;
}

void TestTerminalEmulation::cursor()
{
    QFETCH(QByteArray, input);
    QFETCH(QPoint, cursor);
    QFETCH(bool, visible);
    TerminalEmulation emulation(Rows, Columns);
    emulation.feed(input);
    QCOMPARE(emulation.cursor(), cursor);
    QCOMPARE(emulation.isCursorVisible(), visible);
}

void TestTerminalEmulation::altScreen_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("alt");
    QTest::addColumn<QString>("row0");
    QTest::addColumn<QPoint>("cursor");

    QTest::newRow("enter 1049: empty alt screen")
        << "main\x1b[?1049h"_ba << true << QString() << QPoint(4, 0);
    QTest::newRow("write on alt") << "main\x1b[?1049h\x1b[Halt"_ba << true << u"alt"_s
                                  << QPoint(3, 0);
    QTest::newRow("leave 1049: main restored")
        << "main\x1b[?1049h\x1b[Halt\x1b[2;2Hmore\x1b[?1049l"_ba << false << u"main"_s
        << QPoint(4, 0);
    QTest::newRow("1047 switches too")
        << "main\x1b[?1047h\x1b[Halt"_ba << true << u"alt"_s << QPoint(3, 0);
    QTest::newRow("1047 back, cursor not restored")
        << "main\x1b[?1047halt\x1b[?1047l"_ba << false << u"main"_s << QPoint(7, 0);
}

void TestTerminalEmulation::altScreen()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, alt);
    QFETCH(QString, row0);
    QFETCH(QPoint, cursor);
    TerminalEmulation emulation(Rows, Columns);
    QSignalSpy spy(&emulation, &TerminalEmulation::altScreenChanged);
    emulation.feed(input);
    QCOMPARE(emulation.isAltScreen(), alt);
    QCOMPARE(emulation.lineText(0), row0);
    QCOMPARE(emulation.cursor(), cursor);
    QCOMPARE(spy.isEmpty(), false);
    QCOMPARE(spy.last().at(0).toBool(), alt);
}

void TestTerminalEmulation::scrollback_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("scrollback");
    QTest::addColumn<QString>("row0");

    // Rows lines: 1..8 on a 6-row screen pushes "1" and "2".
    QByteArray eight;
    for (int i = 1; i <= 8; ++i)
        eight += QByteArray::number(i) + (i < 8 ? "\r\n" : "");

    QTest::newRow("fits: none") << "1\r\n2\r\n3"_ba << 100 << QStringList() << u"1"_s;
    QTest::newRow("overflow") << eight << 100 << QStringList{u"1"_s, u"2"_s} << u"3"_s;
    QTest::newRow("bounded: oldest dropped") << eight << 1 << QStringList{u"2"_s} << u"3"_s;
    QTest::newRow("disabled") << eight << 0 << QStringList() << u"3"_s;
    QTest::newRow("none on the alt screen") << QByteArray("main\x1b[?1049h" + eight + "\x1b[?1049l")
                                            << 100 << QStringList() << u"main"_s;
    QTest::newRow("scroll region does not push")
        << "\x1b[2;4r\x1b[4;1H1\r\n2\r\n3\r\n4"_ba << 100 << QStringList() << QString();
    QTest::newRow("attributes and wide chars") << "\x1b[1m漢x\x1b[0m\r\n\r\n\r\n\r\n\r\n\r\n"_ba
                                               << 100 << QStringList{u"漢x"_s} << QString();
}

void TestTerminalEmulation::scrollback()
{
    QFETCH(QByteArray, input);
    QFETCH(int, limit);
    QFETCH(QStringList, scrollback);
    QFETCH(QString, row0);
    TerminalEmulation emulation(Rows, Columns);
    emulation.setScrollbackLimit(limit);
    emulation.feed(input);
    QStringList lines;
    for (int i = 0; i < emulation.scrollbackLines(); ++i)
        lines << emulation.scrollbackLineText(i);
    QCOMPARE(lines, scrollback);
    QCOMPARE(emulation.lineText(0), row0);
}

void TestTerminalEmulation::scrollbackKeepsCells()
{
    TerminalEmulation emulation(2, Columns);
    emulation.feed("\x1b[31;4mr\x1b[0m\x1b[48;2;1;2;3m \x1b[0m漢e\xcc\x81\r\n\r\n");
    QCOMPARE(emulation.scrollbackLines(), 1);
    const QList<TerminalCell> line = emulation.scrollbackLine(0);
    QVERIFY(line.size() >= 5);
    QCOMPARE(line[0].text, u"r"_s);
    QCOMPARE(line[0].foreground, emulation.paletteColor(1));
    QCOMPARE(line[0].underline, TerminalCell::Underline::Single);
    QVERIFY(!line[0].defaultForeground);
    QCOMPARE(line[1].background, QColor(1, 2, 3)); // a coloured blank is kept
    QCOMPARE(line[2].text, u"漢"_s);
    QCOMPARE(line[2].width, 2);
    QCOMPARE(line[3].width, 0);
    QCOMPARE(line[4].text, u"e\u0301"_s);
    QVERIFY(line[4].defaultForeground && line[4].defaultBackground);

    // Growing the screen pulls the line back from the scrollback, cells intact.
    emulation.resize(4, Columns);
    QCOMPARE(emulation.scrollbackLines(), 0);
    QCOMPARE(emulation.lineText(0), u"r 漢e\u0301"_s);
    QCOMPARE(emulation.cellAt(0, 0).foreground, emulation.paletteColor(1));
    QCOMPARE(emulation.cellAt(0, 1).background, QColor(1, 2, 3));
    QCOMPARE(emulation.cellAt(0, 2).width, 2);
    QCOMPARE(emulation.cellAt(0, 3).width, 0);
}

void TestTerminalEmulation::wideCharPoppedIntoLastColumn()
{
    // A line pushed at 10 columns with a wide char in columns 2-3 comes back at 3
    // columns: the wide char would straddle the edge (libvterm 0.1.4 crashed here).
    TerminalEmulation emulation(2, Columns);
    emulation.feed("ab漢c\r\n\r\n");
    QCOMPARE(emulation.scrollbackLines(), 1);
    emulation.resize(2, 3);
    emulation.resize(4, 3);
    QCOMPARE(emulation.scrollbackLines(), 0);
    QCOMPARE(emulation.lineText(0), u"ab"_s);
    emulation.resize(4, Columns);
    emulation.feed("\x1b[1;1H漢");
    QCOMPARE(emulation.cellAt(0, 0).width, 2);
}

void TestTerminalEmulation::resizeKeepsContent_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QStringList>("screen"); // the first rows after the resize

    QTest::newRow("same") << Rows << Columns << QStringList{u"hello"_s, u"world"_s};
    QTest::newRow("bigger") << 12 << 40 << QStringList{u"hello"_s, u"world"_s, QString()};
    QTest::newRow("narrower cuts (no reflow)") << Rows << 3 << QStringList{u"hel"_s, u"wor"_s};
    QTest::newRow("one column is two (libvterm needs room for a wide char)")
        << Rows << 1 << QStringList{u"he"_s, u"wo"_s};
    QTest::newRow("fewer rows keep the cursor line") << 1 << Columns << QStringList{u"world"_s};
}

void TestTerminalEmulation::resizeKeepsContent()
{
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(QStringList, screen);
    TerminalEmulation emulation(Rows, Columns);
    emulation.feed("hello\r\nworld");
    emulation.resize(rows, columns);
    QCOMPARE(emulation.rows(), rows);
    QCOMPARE(emulation.columns(), std::max(columns, TerminalEmulation::MinColumns));
    QStringList lines;
    for (int row = 0; row < screen.size(); ++row)
        lines << emulation.lineText(row);
    QCOMPARE(lines, screen);
    // The screen works at the new size, wide characters included.
    emulation.feed("\x1b[H!");
    QCOMPARE(emulation.cellAt(0, 0).text, u"!"_s);
    emulation.feed("\x1b[99;1H漢"); // CUP clamps to the last row
    QCOMPARE(emulation.cellAt(emulation.rows() - 1, 0).text, u"漢"_s);
}

void TestTerminalEmulation::title_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("signals");

    QTest::newRow("OSC 2, BEL") << "\x1b]2;my title\x07"_ba << u"my title"_s << 1;
    QTest::newRow("OSC 0, ST") << "\x1b]0;both\x1b\\"_ba << u"both"_s << 1;
    QTest::newRow("UTF-8") << "\x1b]2;k\xc3\xb6"
                              "ker \xe6\xbc\xa2\x07"_ba
                           << u"köker 漢"_s << 1;
    QTest::newRow("same title twice: one signal") << "\x1b]2;a\x07\x1b]2;a\x07"_ba << u"a"_s << 1;
    QTest::newRow("none") << "text"_ba << QString() << 0;
}

void TestTerminalEmulation::title()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, title);
    QFETCH(int, signals);
    TerminalEmulation emulation(Rows, Columns);
    QSignalSpy spy(&emulation, &TerminalEmulation::titleChanged);
    for (char byte : input) // split across reads
        emulation.feed(&byte, 1);
    QCOMPARE(emulation.title(), title);
    QCOMPARE(spy.size(), signals);
    QCOMPARE(emulation.lineText(0),
             input.startsWith('\x1b') ? QString() : QString::fromUtf8(input));
}

void TestTerminalEmulation::bell_data()
{
    QTest::addColumn<QList<QByteArray>>("feeds");
    QTest::addColumn<int>("bells");

    QTest::newRow("BEL") << QList<QByteArray>{"\x07"_ba} << 1;
    QTest::newRow("two in one feed: one signal") << QList<QByteArray>{"a\x07"
                                                                      "b\x07"_ba}
                                                 << 1;
    QTest::newRow("two feeds") << QList<QByteArray>{"\x07"_ba, "\x07"_ba} << 2;
    QTest::newRow("OSC terminator is no bell") << QList<QByteArray>{"\x1b]2;t\x07"_ba} << 0;
    QTest::newRow("none") << QList<QByteArray>{"abc"_ba} << 0;
}

void TestTerminalEmulation::bell()
{
    QFETCH(QList<QByteArray>, feeds);
    QFETCH(int, bells);
    TerminalEmulation emulation(Rows, Columns);
    QSignalSpy spy(&emulation, &TerminalEmulation::bell);
    for (const QByteArray &bytes : feeds)
        emulation.feed(bytes);
    QCOMPARE(spy.size(), bells);
}

void TestTerminalEmulation::keys_data()
{
    QTest::addColumn<QByteArray>("setup"); // modes the application set first
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");

    const int none = Qt::NoModifier;
    const int ctrl = Qt::ControlModifier;
    const int alt = Qt::AltModifier;
    const int shift = Qt::ShiftModifier;
    const QByteArray appCursor = "\x1b[?1h"_ba;

    // clang-format off
    QTest::newRow("letter")       << QByteArray() << int(Qt::Key_A) << none << u"a"_s << "a"_ba;
    QTest::newRow("shifted")      << QByteArray() << int(Qt::Key_A) << shift << u"A"_s << "A"_ba;
    QTest::newRow("UTF-8 text")   << QByteArray() << 0 << none << u"é漢"_s << "\xc3\xa9\xe6\xbc\xa2"_ba;
    QTest::newRow("up")           << QByteArray() << int(Qt::Key_Up) << none << QString() << "\x1b[A"_ba;
    QTest::newRow("down")         << QByteArray() << int(Qt::Key_Down) << none << QString() << "\x1b[B"_ba;
    QTest::newRow("right")        << QByteArray() << int(Qt::Key_Right) << none << QString() << "\x1b[C"_ba;
    QTest::newRow("left")         << QByteArray() << int(Qt::Key_Left) << none << QString() << "\x1b[D"_ba;
    QTest::newRow("up, app cursor mode") << appCursor << int(Qt::Key_Up) << none << QString() << "\x1bOA"_ba;
    QTest::newRow("left, app cursor mode") << appCursor << int(Qt::Key_Left) << none << QString() << "\x1bOD"_ba;
    QTest::newRow("ctrl+up")      << QByteArray() << int(Qt::Key_Up) << ctrl << QString() << "\x1b[1;5A"_ba;
    QTest::newRow("home")         << QByteArray() << int(Qt::Key_Home) << none << QString() << "\x1b[H"_ba;
    QTest::newRow("end")          << QByteArray() << int(Qt::Key_End) << none << QString() << "\x1b[F"_ba;
    QTest::newRow("page up")      << QByteArray() << int(Qt::Key_PageUp) << none << QString() << "\x1b[5~"_ba;
    QTest::newRow("page down")    << QByteArray() << int(Qt::Key_PageDown) << none << QString() << "\x1b[6~"_ba;
    QTest::newRow("insert")       << QByteArray() << int(Qt::Key_Insert) << none << QString() << "\x1b[2~"_ba;
    QTest::newRow("delete")       << QByteArray() << int(Qt::Key_Delete) << none << QString() << "\x1b[3~"_ba;
    QTest::newRow("F1")           << QByteArray() << int(Qt::Key_F1) << none << QString() << "\x1bOP"_ba;
    QTest::newRow("F4")           << QByteArray() << int(Qt::Key_F4) << none << QString() << "\x1bOS"_ba;
    QTest::newRow("F5")           << QByteArray() << int(Qt::Key_F5) << none << QString() << "\x1b[15~"_ba;
    QTest::newRow("F12")          << QByteArray() << int(Qt::Key_F12) << none << QString() << "\x1b[24~"_ba;
    QTest::newRow("enter")        << QByteArray() << int(Qt::Key_Return) << none << u"\r"_s << "\r"_ba;
    QTest::newRow("tab")          << QByteArray() << int(Qt::Key_Tab) << none << u"\t"_s << "\t"_ba;
    QTest::newRow("shift+tab")    << QByteArray() << int(Qt::Key_Backtab) << shift << QString() << "\x1b[Z"_ba;
    QTest::newRow("backspace")    << QByteArray() << int(Qt::Key_Backspace) << none << u"\b"_s << "\x7f"_ba;
    QTest::newRow("escape")       << QByteArray() << int(Qt::Key_Escape) << none << u"\x1b"_s << "\x1b"_ba;
    QTest::newRow("ctrl+c")       << QByteArray() << int(Qt::Key_C) << ctrl << u"\x03"_s << "\x03"_ba;
    QTest::newRow("ctrl+d")       << QByteArray() << int(Qt::Key_D) << ctrl << u"\x04"_s << "\x04"_ba;
    QTest::newRow("ctrl+j is LF") << QByteArray() << int(Qt::Key_J) << ctrl << u"\n"_s << "\n"_ba;
    QTest::newRow("ctrl+[ is ESC") << QByteArray() << int(Qt::Key_BracketLeft) << ctrl << u"\x1b"_s << "\x1b"_ba;
    QTest::newRow("ctrl+space is NUL") << QByteArray() << int(Qt::Key_Space) << ctrl << u" "_s << "\0"_ba;
    QTest::newRow("ctrl+alt+c")   << QByteArray() << int(Qt::Key_C) << (ctrl | alt) << QString() << "\x1b\x03"_ba;
    QTest::newRow("alt+x")        << QByteArray() << int(Qt::Key_X) << alt << u"x"_s << "\x1bx"_ba;
    QTest::newRow("ctrl+1 types 1") << QByteArray() << int(Qt::Key_1) << ctrl << u"1"_s << "1"_ba;
    QTest::newRow("modifier alone sends nothing") << QByteArray() << int(Qt::Key_Shift) << shift << QString() << QByteArray();
    // clang-format on
}

void TestTerminalEmulation::keys()
{
    QFETCH(QByteArray, setup);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    TerminalEmulation emulation(Rows, Columns);
    emulation.feed(setup);
    bool handled = false;
    const QByteArray out = outputOf(emulation, [&] {
        handled = emulation.sendKey(key, Qt::KeyboardModifiers(modifiers), text);
    });
    QCOMPARE(out, bytes);
    QCOMPARE(handled, !bytes.isEmpty());
}

void TestTerminalEmulation::replies_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("reply");

    QTest::newRow("DSR cursor position") << "\x1b[3;5H\x1b[6n"_ba
                                         << "\x1b[3;5R"_ba;
    QTest::newRow("DSR at start") << "\x1b[6n"_ba
                                  << "\x1b[1;1R"_ba;
    QTest::newRow("DSR after text") << "abc\r\nde\x1b[6n"_ba
                                    << "\x1b[2;3R"_ba;
    QTest::newRow("DSR status") << "\x1b[5n"_ba
                                << "\x1b[0n"_ba;
    QTest::newRow("primary DA") << "\x1b[c"_ba
                                << "\x1b[?1;2c"_ba;
    QTest::newRow("plain text: no reply") << "hello"_ba << QByteArray();
}

void TestTerminalEmulation::replies()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, reply);
    TerminalEmulation emulation(Rows, Columns);
    QCOMPARE(outputOf(emulation, [&] { emulation.feed(query); }), reply);
}

void TestTerminalEmulation::paste_data()
{
    QTest::addColumn<bool>("bracketed");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("plain") << false << u"ls -l"_s << "ls -l"_ba;
    QTest::newRow("newlines become CR") << false << u"a\nb\r\nc"_s << "a\rb\rc"_ba;
    QTest::newRow("bracketed") << true << u"a\nb"_s << "\x1b[200~a\rb\x1b[201~"_ba;
    QTest::newRow("end marker stripped")
        << true << u"x\x1b[201~rm -rf ~\n"_s << "\x1b[200~xrm -rf ~\r\x1b[201~"_ba;
    QTest::newRow("UTF-8") << false << u"漢"_s << "\xe6\xbc\xa2"_ba;
}

void TestTerminalEmulation::paste()
{
    QFETCH(bool, bracketed);
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    TerminalEmulation emulation(Rows, Columns);
    if (bracketed)
        emulation.feed("\x1b[?2004h");
    QCOMPARE(outputOf(emulation, [&] { emulation.paste(text); }), bytes);
}

void TestTerminalEmulation::mouse_data()
{
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<int>("mouseMode");
    QTest::addColumn<QByteArray>("bytes"); // for a left click at row 2, column 4

    const QByteArray x10Press = "\x1b[M\x20\x25\x23"_ba; // button 0, column 5, row 3 (+32)
    const QByteArray x10Release = "\x1b[M\x23\x25\x23"_ba;
    QTest::newRow("off") << QByteArray() << int(TerminalEmulation::MouseMode::None) << QByteArray();
    QTest::newRow("1000 click") << "\x1b[?1000h"_ba << int(TerminalEmulation::MouseMode::Click)
                                << QByteArray(x10Press + x10Release);
    QTest::newRow("1002 drag") << "\x1b[?1002h"_ba << int(TerminalEmulation::MouseMode::Drag)
                               << QByteArray(x10Press + x10Release);
    QTest::newRow("1006 SGR encoding")
        << "\x1b[?1000h\x1b[?1006h"_ba << int(TerminalEmulation::MouseMode::Click)
        << "\x1b[<0;5;3M\x1b[<0;5;3m"_ba;
}

void TestTerminalEmulation::mouse()
{
    QFETCH(QByteArray, mode);
    QFETCH(int, mouseMode);
    QFETCH(QByteArray, bytes);
    TerminalEmulation emulation(Rows, Columns);
    emulation.feed(mode);
    QCOMPARE(int(emulation.mouseMode()), mouseMode);
    const QByteArray out = outputOf(emulation, [&] {
        emulation.sendMouseMove(2, 4, Qt::NoModifier);
        emulation.sendMouseButton(1, true, Qt::NoModifier);
        emulation.sendMouseButton(1, false, Qt::NoModifier);
    });
    QCOMPARE(out, bytes);
}

void TestTerminalEmulation::damage()
{
    TerminalEmulation emulation(Rows, Columns);
    QSignalSpy changed(&emulation, &TerminalEmulation::contentChanged);
    emulation.feed("hello");
    emulation.feed(" you");
    QCOMPARE(changed.size(), 1); // coalesced until the renderer takes the damage
    QBitArray damage = emulation.takeDamage();
    QCOMPARE(damage.size(), Rows);
    QVERIFY(damage.testBit(0));

    emulation.feed("\x1b[4;1Hx"); // writes row 3; the cursor leaves row 0
    QCOMPARE(changed.size(), 2);
    damage = emulation.takeDamage();
    QVERIFY(damage.testBit(0)); // where the cursor was drawn
    QVERIFY(damage.testBit(3));
    QVERIFY(!damage.testBit(1) && !damage.testBit(2) && !damage.testBit(4) && !damage.testBit(5));

    emulation.feed("y");
    damage = emulation.takeDamage();
    QCOMPARE(damage.count(true), 1);
    QVERIFY(damage.testBit(3));

    QVERIFY(emulation.takeDamage().count(true) == 0);
    emulation.resize(Rows + 2, Columns);
    QCOMPARE(emulation.takeDamage().count(true), Rows + 2);
}

void TestTerminalEmulation::reverseVideo()
{
    // DECSCNM: libvterm folds the screen-wide flag into every cell's reverse flag.
    TerminalEmulation emulation(Rows, Columns);
    emulation.feed("a\x1b[7mb\x1b[0m\x1b[?5h");
    QVERIFY(emulation.isReverseVideo());
    QVERIFY(emulation.cellAt(0, 0).reverse);
    QVERIFY(!emulation.cellAt(0, 1).reverse);
    QVERIFY(emulation.cellAt(3, 3).reverse);
    emulation.feed("\x1b[?5l");
    QVERIFY(!emulation.isReverseVideo());
    QVERIFY(!emulation.cellAt(0, 0).reverse);
}

void TestTerminalEmulation::libvtermWorkarounds_data()
{
    // Each row is an input that crashed or hung libvterm 0.1.4 before the emulation
    // learned to avoid it (found by survivesGarbage under AddressSanitizer).
    QTest::addColumn<QSize>("size"); // columns x rows
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QSize>("resizeTo"); // invalid: no resize
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("text"); // of that row at the end

    const QSize none;
    QTest::newRow("REP before any character (hung)")
        << QSize(10, 6) << "\x1b[b"_ba << none << "ok"_ba << 0 << u"ok"_s;
    QTest::newRow("REP of a wide char into the last column (null write)")
        << QSize(80, 6) << "漢\x1b[80G\x1b[b"_ba << none << "\r\nok"_ba << 1 << u"ok"_s;
    QTest::newRow("REP right after an ASCII char is kept (ncurses)")
        << QSize(10, 6) << "ab\x1b[3b"_ba << none << QByteArray() << 0 << u"abbbb"_s;
    QTest::newRow("REP after a colour change is dropped")
        << QSize(10, 6) << "a\x1b[31m\x1b[3b"_ba << none << QByteArray() << 0 << u"a"_s;
    QTest::newRow("top margin below the screen after a shrink (negative memmove)")
        << QSize(10, 10) << "\x1b[9r"_ba << QSize(38, 2) << "\x1b[S\x1b[T\n\n\nok"_ba << 1
        << u"ok"_s;
    QTest::newRow("cursor above row 0 after a shrink (null write)")
        << QSize(35, 21) << "\x1b[21;1Hbottom\x1b[1;1H"_ba << QSize(27, 10) << "\x1b[Jok"_ba << 0
        << u"ok"_s;
    QTest::newRow("DECRC to a row that no longer exists (null write)") << QSize(10, 6)
                                                                       << "\x1b[6;1H\x1b"
                                                                          "7"_ba
                                                                       << QSize(10, 3)
                                                                       << "\x1b"
                                                                          "8\x1b#3ok"_ba
                                                                       << 2 << u"ok"_s;
    QTest::newRow("leaving 1049 to a row that no longer exists")
        << QSize(10, 6) << "\x1b[6;5H\x1b[?1049h"_ba << QSize(10, 3) << "\x1b[?1049l\x1b#3\rok"_ba
        << 2 << u"ok"_s;
    QTest::newRow("17 CSI parameters (array overrun)")
        << QSize(10, 6) << "\x1b[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1mX"_ba << none << QByteArray()
        << 0 << u"X"_s;
    QTest::newRow("17 empty parameters, cancelled by ESC") << QSize(10, 6)
                                                           << "\x1b[;;;;;;;;;;;;;;;;\x1b"
                                                              "eok"_ba
                                                           << none << QByteArray() << 0 << u"ok"_s;
    QTest::newRow("16 parameters are fine")
        << QSize(10, 6) << "\x1b[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;31mX"_ba << none << QByteArray() << 0
        << u"X"_s;
}

void TestTerminalEmulation::libvtermWorkarounds()
{
    QFETCH(QSize, size);
    QFETCH(QByteArray, before);
    QFETCH(QSize, resizeTo);
    QFETCH(QByteArray, after);
    QFETCH(int, row);
    QFETCH(QString, text);
    TerminalEmulation emulation(size.height(), size.width());
    emulation.feed(before);
    if (resizeTo.isValid())
        emulation.resize(resizeTo.height(), resizeTo.width());
    emulation.feed(after);
    QVERIFY(emulation.cursor().y() >= 0 && emulation.cursor().y() < emulation.rows());
    QVERIFY(emulation.cursor().x() >= 0 && emulation.cursor().x() < emulation.columns());
    QCOMPARE(emulation.lineText(row), text);
}

void TestTerminalEmulation::survivesGarbage_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("escapeHeavy");

    QTest::newRow("random bytes") << 1u << false;
    for (quint32 seed = 2; seed <= 6; ++seed)
        QTest::addRow("random escape sequences, seed %u", seed) << seed << true;
}

void TestTerminalEmulation::survivesGarbage()
{
    // Seeded random input with resizes in between, so scrollback lines full of wide
    // and combining characters travel back and forth (run under ASan in CI).
    QFETCH(quint32, seed);
    QFETCH(bool, escapeHeavy);
    QRandomGenerator rng(seed);
    static const char *const pieces[] = {"\x1b[",
                                         "\x1b]",
                                         "\x1bP",
                                         "\x07",
                                         "\x1b\\",
                                         ";",
                                         "38;5;",
                                         "m",
                                         "H",
                                         "J",
                                         "K",
                                         "r",
                                         "?1049h",
                                         "?1049l",
                                         "\r\n",
                                         "\xe6\xbc\xa2",
                                         "e\xcc\x81\xcc\xa3",
                                         "\xf0\x9f\x98\x80",
                                         "\x9b",
                                         "?69h",
                                         "?69l",
                                         "s",
                                         "S",
                                         "T",
                                         "L",
                                         "M",
                                         "@",
                                         "P",
                                         "X",
                                         "b",
                                         "\x1b#8",
                                         "\x1b#6",
                                         "\x1b#3",
                                         "\x1b"
                                         "c",
                                         "\x1b[!p",
                                         "?6h",
                                         "?7l",
                                         "?1047h",
                                         "?1047l",
                                         "\x1b"
                                         "7",
                                         "\x1b"
                                         "8",
                                         "\x1b(0",
                                         "\x1b(B",
                                         "4h",
                                         "4l",
                                         "\x1b"
                                         "D",
                                         "\x1bM",
                                         "\x1b"
                                         "E",
                                         "\x1bH",
                                         "3g",
                                         "I",
                                         "Z",
                                         "d",
                                         "G",
                                         "E",
                                         "F",
                                         "`",
                                         "a",
                                         "e",
                                         "1;2;3;4;5;6;7;8;9;10",
                                         "99999"};
    TerminalEmulation emulation(Rows, Columns);
    emulation.setScrollbackLimit(50);
    for (int round = 0; round < 300; ++round) {
        QByteArray chunk;
        const int length = int(rng.bounded(400));
        for (int i = 0; i < length; ++i) {
            if (escapeHeavy && rng.bounded(3) == 0)
                chunk += pieces[rng.bounded(int(std::size(pieces)))];
            else if (escapeHeavy)
                chunk += char(rng.bounded(10) == 0 ? rng.bounded(256) : 'a' + rng.bounded(26));
            else
                chunk += char(rng.bounded(256));
        }
        emulation.feed(chunk);
        if (round % 7 == 0)
            emulation.resize(1 + int(rng.bounded(30)), 1 + int(rng.bounded(60)));
        for (int row = 0; row < emulation.rows(); ++row)
            QVERIFY(emulation.screenLine(row).size() == emulation.columns());
        for (int i = 0; i < emulation.scrollbackLines(); ++i)
            QVERIFY(emulation.scrollbackLine(i).size() <= 60);
        emulation.takeDamage();
    }
    QVERIFY(emulation.scrollbackLines() <= 50);
}

QTEST_GUILESS_MAIN(TestTerminalEmulation)
#include "tst_terminalemulation.moc"
