// Digest: the validation every digest goes through before it names a file in the
// store (security brief, rule 3), and ofData against published SHA-256 values.

#include "engine/digest.h"

#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;
using koker::Digest;
using koker::ErrorCode;

namespace {

const QString kEmptyHex = u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;

} // namespace

class TestDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void isSha256Hex_data();
    void isSha256Hex();
    void ofData_data();
    void ofData();
    void accessors();
};

void TestDigest::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("code"); // ErrorCode when not valid

    const int invalid = int(ErrorCode::InvalidArgument);
    const int unsupported = int(ErrorCode::Unsupported);

    QTest::newRow("valid") << u"sha256:"_s + kEmptyHex << true << 0;
    QTest::newRow("valid all digits") << u"sha256:"_s + QString(64, u'0') << true << 0;
    QTest::newRow("valid all f") << u"sha256:"_s + QString(64, u'f') << true << 0;
    QTest::newRow("uppercase hex") << u"sha256:"_s + kEmptyHex.toUpper() << false << invalid;
    QTest::newRow("one uppercase char") << u"sha256:E"_s + kEmptyHex.mid(1) << false << invalid;
    QTest::newRow("63 chars") << u"sha256:"_s + kEmptyHex.left(63) << false << invalid;
    QTest::newRow("65 chars") << u"sha256:"_s + kEmptyHex + u"0"_s << false << invalid;
    QTest::newRow("sha512") << u"sha512:"_s + kEmptyHex + kEmptyHex << false << unsupported;
    QTest::newRow("uppercase algorithm") << u"SHA256:"_s + kEmptyHex << false << unsupported;
    QTest::newRow("sha256+b64 algorithm") << u"sha256+b64:"_s + kEmptyHex << false << unsupported;
    QTest::newRow("sha256 empty hex") << u"sha256:"_s << false << invalid;
    QTest::newRow("sha256 no colon") << u"sha256"_s << false << invalid;
    QTest::newRow("hex without algorithm") << kEmptyHex << false << invalid;
    QTest::newRow("colon first") << u":"_s + kEmptyHex << false << invalid;
    QTest::newRow("empty") << u""_s << false << invalid;
    QTest::newRow("dot dot slash") << u"../"_s << false << invalid;
    QTest::newRow("traversal as hex")
        << u"sha256:../../../../etc/passwd"_s + QString(36, u'a') << false << invalid;
    QTest::newRow("traversal as algorithm") << u"../sha256:"_s + kEmptyHex << false << unsupported;
    QTest::newRow("slash in hex") << u"sha256:"_s + kEmptyHex.left(63) + u"/"_s << false << invalid;
    QTest::newRow("non-hex g") << u"sha256:"_s + kEmptyHex.left(63) + u"g"_s << false << invalid;
    QTest::newRow("non-ascii digit")
        << u"sha256:"_s + kEmptyHex.left(63) + u"\u0663"_s << false << invalid;
    QTest::newRow("leading space") << u" sha256:"_s + kEmptyHex << false << unsupported;
    QTest::newRow("trailing space") << u"sha256:"_s + kEmptyHex + u" "_s << false << invalid;
    QTest::newRow("trailing newline") << u"sha256:"_s + kEmptyHex + u"\n"_s << false << invalid;
    QTest::newRow("space after colon") << u"sha256: "_s + kEmptyHex.left(63) << false << invalid;
    QTest::newRow("nul in hex") << u"sha256:"_s + kEmptyHex.left(63) + QChar(u'\0') << false
                                << invalid;
    QTest::newRow("two colons") << u"sha256:sha256:"_s + kEmptyHex << false << invalid;
    QTest::newRow("very long") << u"sha256:"_s + QString(300, u'a') << false << invalid;
}

void TestDigest::parse()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(int, code);

    auto digest = Digest::parse(input);
    if (!valid) {
        QVERIFY2(!digest, qPrintable(u"accepted: "_s + input));
        QCOMPARE(int(digest.error().code), code);
        QVERIFY(!digest.error().message.empty());
        return;
    }
    QVERIFY2(digest, digest ? "" : digest.error().message.c_str());
    QVERIFY(digest->isValid());
    QCOMPARE(digest->toString(), input);
    QCOMPARE(digest->algorithm(), u"sha256"_s);
    QCOMPARE(digest->hex(), input.mid(7));
}

void TestDigest::isSha256Hex_data()
{
    QTest::addColumn<QString>("hex");
    QTest::addColumn<bool>("expected");

    QTest::newRow("valid") << kEmptyHex << true;
    QTest::newRow("empty") << u""_s << false;
    QTest::newRow("63") << kEmptyHex.left(63) << false;
    QTest::newRow("65") << kEmptyHex + u"a"_s << false;
    QTest::newRow("upper") << kEmptyHex.toUpper() << false;
    QTest::newRow("prefixed") << u"sha256:"_s + kEmptyHex.left(57) << false;
    QTest::newRow("dot") << kEmptyHex.left(63) + u"."_s << false;
}

void TestDigest::isSha256Hex()
{
    QFETCH(QString, hex);
    QFETCH(bool, expected);
    QCOMPARE(koker::isSha256Hex(hex), expected);
}

void TestDigest::ofData_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("hex");

    // FIPS 180-2 examples.
    QTest::newRow("empty") << QByteArray() << kEmptyHex;
    QTest::newRow("abc") << QByteArray("abc")
                         << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
    QTest::newRow("448 bits")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << u"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_s;
    QTest::newRow("one million a")
        << QByteArray(1000000, 'a')
        << u"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"_s;
    QTest::newRow("quick brown fox")
        << QByteArray("The quick brown fox jumps over the lazy dog")
        << u"d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"_s;
    // Padding boundaries around the 64-byte block.
    QTest::newRow("1 a") << QByteArray(1, 'a')
                         << u"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"_s;
    QTest::newRow("55 a") << QByteArray(55, 'a')
                          << u"9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"_s;
    QTest::newRow("56 a") << QByteArray(56, 'a')
                          << u"b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"_s;
    QTest::newRow("57 a") << QByteArray(57, 'a')
                          << u"f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"_s;
    QTest::newRow("63 a") << QByteArray(63, 'a')
                          << u"7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"_s;
    QTest::newRow("64 a") << QByteArray(64, 'a')
                          << u"ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"_s;
    QTest::newRow("65 a") << QByteArray(65, 'a')
                          << u"635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"_s;
    QTest::newRow("119 a") << QByteArray(119, 'a')
                           << u"31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"_s;
    QTest::newRow("120 a") << QByteArray(120, 'a')
                           << u"2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"_s;
    QTest::newRow("128 a") << QByteArray(128, 'a')
                           << u"6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"_s;
    // Binary content: NUL bytes are data, not terminators.
    QTest::newRow("one nul")
        << QByteArray(1, '\0')
        << u"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"_s;
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QTest::newRow("bytes 0..255")
        << all << u"40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880"_s;
}

void TestDigest::ofData()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, hex);

    const Digest d = Digest::ofData(data);
    QVERIFY(d.isValid());
    QCOMPARE(d.hex(), hex);
    QCOMPARE(d.toString(), u"sha256:"_s + hex);
    // What we compute is what we accept.
    auto parsed = Digest::parse(d.toString());
    QVERIFY(parsed);
    QVERIFY(*parsed == d);
}

void TestDigest::accessors()
{
    const Digest none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.hex(), QString());

    const Digest d = Digest::fromSha256Hex(kEmptyHex);
    QVERIFY(d.isValid());
    QCOMPARE(d.shortId(), u"e3b0c44298fc"_s);
    QVERIFY(d == Digest::ofData({}));
    QVERIFY(!(d == none));
    QCOMPARE(qHash(d), qHash(Digest::ofData({})));
    const Digest abc = Digest::ofData("abc"); // "ba78..." sorts before "e3b0..."
    QVERIFY(abc < d);
    QVERIFY(!(d < abc));
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
