// sanitizeEntryName(): which tar entry names the layer extractor accepts, in which
// normalised form, and which it refuses (security brief, rule 2: refuse, never clamp).

#include "runtime/layerextractor.h"

#include <QtTest/QTest>

#include <string>

using namespace koker;

class TestEntryNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sanitize_data();
    void sanitize();
    void refusalNamesTheEntry_data();
    void refusalNamesTheEntry();
};

namespace {

// Components of `width` bytes joined by '/', `total` bytes long in all.
QByteArray longName(int total, int width)
{
    QByteArray name;
    while (name.size() < total) {
        if (!name.isEmpty())
            name += '/';
        name += QByteArray(qMin<qsizetype>(width, total - name.size()), 'n');
    }
    return name;
}

std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), static_cast<size_t>(bytes.size()));
}

} // namespace

void TestEntryNames::sanitize_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("accepted");
    // accepted: the normalised name; refused: a fragment of the reason
    QTest::addColumn<QByteArray>("expected");

    // Accepted, normalised.
    QTest::newRow("plain") << QByteArray("etc/passwd") << true << QByteArray("etc/passwd");
    QTest::newRow("single component") << QByteArray("bin") << true << QByteArray("bin");
    QTest::newRow("leading ./") << QByteArray("./etc/passwd") << true << QByteArray("etc/passwd");
    QTest::newRow("repeated ./") << QByteArray("././a") << true << QByteArray("a");
    QTest::newRow("double slash") << QByteArray("a//b") << true << QByteArray("a/b");
    QTest::newRow("inner /.") << QByteArray("a/./b/.") << true << QByteArray("a/b");
    QTest::newRow("trailing slash") << QByteArray("usr/bin/") << true << QByteArray("usr/bin");
    QTest::newRow("all of them") << QByteArray("./a//b/") << true << QByteArray("a/b");
    QTest::newRow("dot dot prefix is a name")
        << QByteArray("..a/b..") << true << QByteArray("..a/b..");
    QTest::newRow("three dots is a name") << QByteArray("...") << true << QByteArray("...");
    QTest::newRow("hidden file") << QByteArray(".profile") << true << QByteArray(".profile");
    QTest::newRow("whiteout name (extractor decides)")
        << QByteArray("a/.wh.b") << true << QByteArray("a/.wh.b");
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9/\xc3\xbc") << true
                           << QByteArray("caf\xc3\xa9/\xc3\xbc");
    QTest::newRow("not utf-8") << QByteArray("bad\xff\xfe") << true << QByteArray("bad\xff\xfe");
    QTest::newRow("spaces and newline") << QByteArray("a b/c\nd") << true << QByteArray("a b/c\nd");
    QTest::newRow("component of 255 bytes") << QByteArray(255, 'x') << true << QByteArray(255, 'x');
    QTest::newRow("name of 4095 bytes") << longName(4095, 200) << true << longName(4095, 200);

    // Refused.
    QTest::newRow("empty") << QByteArray("") << false << QByteArray("empty");
    QTest::newRow("dot") << QByteArray(".") << false << QByteArray("only \".\"");
    QTest::newRow("dot slash") << QByteArray("./") << false << QByteArray("only \".\"");
    QTest::newRow("dot slash dot") << QByteArray("./.") << false << QByteArray("only \".\"");
    QTest::newRow("dots and slashes") << QByteArray(".//./") << false << QByteArray("only \".\"");
    QTest::newRow("absolute") << QByteArray("/etc/passwd") << false << QByteArray("absolute");
    QTest::newRow("absolute /etc/x") << QByteArray("/etc/x") << false << QByteArray("absolute");
    QTest::newRow("root") << QByteArray("/") << false << QByteArray("absolute");
    QTest::newRow("double slash root") << QByteArray("//etc") << false << QByteArray("absolute");
    QTest::newRow("slash dotdot") << QByteArray("/../victim/slash-dotdot") << false
                                  << QByteArray("absolute");
    QTest::newRow("dotdot") << QByteArray("..") << false << QByteArray("\"..\" component");
    QTest::newRow("dotdot slash") << QByteArray("../") << false << QByteArray("\"..\" component");
    QTest::newRow("leading dotdot")
        << QByteArray("../etc/passwd") << false << QByteArray("\"..\" component");
    QTest::newRow("moby dotdot") << QByteArray("../victim/dotdot") << false
                                 << QByteArray("\"..\" component");
    QTest::newRow("deep dotdot") << QByteArray("../../../../../../../../tmp/x") << false
                                 << QByteArray("\"..\" component");
    QTest::newRow("inner dotdot") << QByteArray("a/b/../c") << false
                                  << QByteArray("\"..\" component");
    QTest::newRow("inner dotdot that stays inside")
        << QByteArray("a/../b") << false << QByteArray("\"..\" component");
    QTest::newRow("trailing dotdot")
        << QByteArray("a/..") << false << QByteArray("\"..\" component");
    QTest::newRow("dot then dotdot")
        << QByteArray("./../x") << false << QByteArray("\"..\" component");
    QTest::newRow("NUL inside") << QByteArray("a\0b", 3) << false << QByteArray("NUL");
    QTest::newRow("NUL hides dotdot")
        << QByteArray("ok\0/../../x", 11) << false << QByteArray("NUL");
    QTest::newRow("only NUL") << QByteArray("\0", 1) << false << QByteArray("NUL");
    QTest::newRow("trailing NUL") << QByteArray("etc/passwd\0", 11) << false << QByteArray("NUL");
    QTest::newRow("name of 4096 bytes")
        << longName(4096, 200) << false << QByteArray("longer than 4095");
    QTest::newRow("long name of ./")
        << (QByteArray("./").repeated(2048) + "a") << false << QByteArray("longer than 4095");
    QTest::newRow("component of 256 bytes")
        << QByteArray(256, 'x') << false << QByteArray("longer than 255");
    QTest::newRow("long inner component")
        << ("a/" + QByteArray(300, 'y') + "/b") << false << QByteArray("longer than 255");
}

void TestEntryNames::sanitize()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, accepted);
    QFETCH(QByteArray, expected);

    auto result = sanitizeEntryName(view(name));
    if (accepted) {
        QVERIFY2(result.has_value(), result ? "" : result.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(*result), expected);
        // Normalising is idempotent: the normal form is accepted as it is.
        auto again = sanitizeEntryName(*result);
        QVERIFY(again.has_value());
        QCOMPARE(*again, *result);
    } else {
        QVERIFY2(!result.has_value(), "a hostile name was accepted");
        QCOMPARE(result.error().code, ErrorCode::Unsafe);
        QVERIFY2(QByteArray::fromStdString(result.error().message).contains(expected),
                 result.error().message.c_str());
    }
}

void TestEntryNames::refusalNamesTheEntry_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("dotdot") << QByteArray("../etc/passwd")
                            << QByteArray("refused layer entry \"../etc/passwd\": the name has a "
                                          "\"..\" component");
    QTest::newRow("absolute") << QByteArray("/etc/x")
                              << QByteArray("refused layer entry \"/etc/x\": the name is absolute");
    // A name is attacker-chosen text: control bytes are escaped so it cannot forge
    // a log line.
    QTest::newRow("NUL escaped") << QByteArray("a\0b", 3)
                                 << QByteArray("refused layer entry \"a\\x00b\": the name "
                                               "contains a NUL byte");
    QTest::newRow("newline escaped in a refused name")
        << QByteArray("../x\nFAKE LOG LINE")
        << QByteArray("refused layer entry \"../x\\x0aFAKE LOG LINE\"");
}

void TestEntryNames::refusalNamesTheEntry()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, message);
    auto result = sanitizeEntryName(view(name));
    QVERIFY(!result.has_value());
    QVERIFY2(QByteArray::fromStdString(result.error().message).startsWith(message),
             result.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestEntryNames)
#include "tst_entrynames.moc"
