// WwwAuthenticate: the WWW-Authenticate parser a registry's 401 goes through.
// Every row is one header; `expected` is the parsed challenges in a compact form
// (scheme{name=value|...} or scheme(token68), joined by "; "), or "ERROR".

#include "engine/wwwauthenticate.h"

#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;
using koker::WwwAuthenticate;

namespace {

QString render(const WwwAuthenticate &parsed)
{
    QStringList out;
    for (const auto &c : parsed.challenges()) {
        QString s = c.scheme;
        if (!c.token68.isEmpty()) {
            s += u'(' + c.token68 + u')';
        } else if (!c.params.isEmpty()) {
            QStringList params;
            for (auto it = c.params.cbegin(); it != c.params.cend(); ++it)
                params.append(it.key() + u'=' + it.value());
            s += u'{' + params.join(u'|') + u'}';
        }
        out.append(s);
    }
    return out.join(u"; "_s);
}

} // namespace

class TestWwwAuthenticate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void severalHeaders();
    void find();
    void bounds();
    void neverCrashesOnPrefixes();
};

void TestWwwAuthenticate::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");

    // Real registries.
    QTest::newRow("docker hub")
        << QByteArray(
               R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull")")
        << u"bearer{realm=https://auth.docker.io/token|scope=repository:library/busybox:pull|service=registry.docker.io}"_s;
    QTest::newRow("ghcr")
        << QByteArray(
               R"(Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull")")
        << u"bearer{realm=https://ghcr.io/token|scope=repository:user/image:pull|service=ghcr.io}"_s;
    QTest::newRow("quay without scope")
        << QByteArray(R"(Bearer realm="https://quay.io/v2/auth",service="quay.io")")
        << u"bearer{realm=https://quay.io/v2/auth|service=quay.io}"_s;
    QTest::newRow("distribution htpasswd")
        << QByteArray(R"(Basic realm="Registry Realm")") << u"basic{realm=Registry Realm}"_s;
    QTest::newRow("insufficient scope")
        << QByteArray(
               R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:x/y:pull",error="insufficient_scope")")
        << u"bearer{error=insufficient_scope|realm=https://auth.docker.io/token|scope=repository:x/y:pull|service=registry.docker.io}"_s;

    // Quoting.
    QTest::newRow("comma inside quotes")
        << QByteArray(R"(Bearer realm="https://x/token?a=1,b=2",service="s")")
        << u"bearer{realm=https://x/token?a=1,b=2|service=s}"_s;
    QTest::newRow("escaped quote and backslash")
        << QByteArray(R"(Basic realm="a\"b\\c")") << u"basic{realm=a\"b\\c}"_s;
    QTest::newRow("escaped ordinary char")
        << QByteArray(R"(Basic realm="\a\b")") << u"basic{realm=ab}"_s;
    QTest::newRow("empty quoted value") << QByteArray(R"(Basic realm="")") << u"basic{realm=}"_s;
    QTest::newRow("equals and semicolons inside quotes")
        << QByteArray(R"(Bearer realm="a=b;c",service="x y")")
        << u"bearer{realm=a=b;c|service=x y}"_s;
    QTest::newRow("token value") << QByteArray("Bearer realm=abc,service=def")
                                 << u"bearer{realm=abc|service=def}"_s;
    QTest::newRow("utf-8 in quotes")
        << QByteArray("Basic realm=\"caf\xc3\xa9\"") << u"basic{realm=caf\u00e9}"_s;

    // Spacing and list syntax.
    QTest::newRow("spaces around =")
        << QByteArray(R"(Bearer realm = "x" , service= "y")") << u"bearer{realm=x|service=y}"_s;
    QTest::newRow("tabs") << QByteArray("Bearer\trealm=\"x\"\t,\tservice=\"y\"")
                          << u"bearer{realm=x|service=y}"_s;
    QTest::newRow("leading and trailing commas")
        << QByteArray(R"( , Bearer realm="x",, service="y" ,)") << u"bearer{realm=x|service=y}"_s;
    QTest::newRow("several spaces after scheme")
        << QByteArray(R"(Bearer     realm="x")") << u"bearer{realm=x}"_s;
    QTest::newRow("case of scheme and names")
        << QByteArray(R"(BEARER Realm="X",SERVICE="Y")") << u"bearer{realm=X|service=Y}"_s;
    QTest::newRow("empty header") << QByteArray("") << u""_s;
    QTest::newRow("only commas") << QByteArray(" , ,") << u""_s;

    // Several challenges.
    QTest::newRow("basic then bearer")
        << QByteArray(R"(Basic realm="a", Bearer realm="b",service="c")")
        << u"basic{realm=a}; bearer{realm=b|service=c}"_s;
    QTest::newRow("bearer then basic") << QByteArray(R"(Bearer realm="b", Basic realm="a")")
                                       << u"bearer{realm=b}; basic{realm=a}"_s;
    QTest::newRow("scheme without params then another")
        << QByteArray(R"(Negotiate, Basic realm="a")") << u"negotiate; basic{realm=a}"_s;
    QTest::newRow("token68") << QByteArray("Negotiate YIIFyQYGKwYBBQUCoII=")
                             << u"negotiate(YIIFyQYGKwYBBQUCoII=)"_s;
    QTest::newRow("token68 then challenge")
        << QByteArray(R"(Foo abc/+==, Basic realm="a")") << u"foo(abc/+==); basic{realm=a}"_s;
    QTest::newRow("missing realm is parsed")
        << QByteArray(R"(Bearer service="s")") << u"bearer{service=s}"_s;
    QTest::newRow("bare scheme") << QByteArray("Bearer") << u"bearer"_s;

    // Junk.
    QTest::newRow("unterminated quote") << QByteArray(R"(Bearer realm="x)") << u"ERROR"_s;
    QTest::newRow("unterminated escape") << QByteArray(R"(Bearer realm="x\)") << u"ERROR"_s;
    QTest::newRow("text after value") << QByteArray(R"(Bearer realm="x" junk)") << u"ERROR"_s;
    QTest::newRow("text after quoted value glued")
        << QByteArray(R"(Bearer realm="x"y)") << u"ERROR"_s;
    QTest::newRow("missing value") << QByteArray("Bearer realm=") << u"ERROR"_s;
    QTest::newRow("missing value before comma")
        << QByteArray(R"(Bearer realm=, service="s")") << u"ERROR"_s;
    QTest::newRow("starts with =") << QByteArray("=x") << u"ERROR"_s;
    QTest::newRow("param without =") << QByteArray(R"(Bearer realm "x")") << u"ERROR"_s;
    QTest::newRow("duplicate param") << QByteArray(R"(Bearer realm="a",realm="b")") << u"ERROR"_s;
    QTest::newRow("control char in quotes") << QByteArray("Basic realm=\"a\x01b\"") << u"ERROR"_s;
    QTest::newRow("newline in quotes") << QByteArray("Basic realm=\"a\r\nb\"") << u"ERROR"_s;
    QTest::newRow("del in quotes") << QByteArray("Basic realm=\"a\x7f\"") << u"ERROR"_s;
    QTest::newRow("scheme glued to quote") << QByteArray(R"(Bearer"realm")") << u"ERROR"_s;
    QTest::newRow("non-token scheme") << QByteArray(R"(Bea{rer realm="x")") << u"ERROR"_s;
    QTest::newRow("nul byte") << QByteArray("Basic realm=\"a\0b\"", 17) << u"ERROR"_s;
    QTest::newRow("token68 under bearer") << QByteArray("Bearer abc==") << u"ERROR"_s;
    QTest::newRow("bare realm= under basic") << QByteArray("Basic realm=") << u"ERROR"_s;
    QTest::newRow("semicolon separator")
        << QByteArray(R"(Bearer realm="a"; service="b")") << u"ERROR"_s;
}

void TestWwwAuthenticate::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    auto parsed = WwwAuthenticate::parse(header);
    if (expected == u"ERROR"_s) {
        QVERIFY2(!parsed, qPrintable(parsed ? render(*parsed) : QString()));
        QCOMPARE(parsed.error().code, koker::ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(parsed.error().message).contains(u"offset"_s));
        return;
    }
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(render(*parsed), expected);
}

void TestWwwAuthenticate::severalHeaders()
{
    auto parsed = WwwAuthenticate::parse(
        QList<QByteArray>{R"(Basic realm="a")", R"(Bearer realm="b",service="c")"});
    QVERIFY(parsed);
    QCOMPARE(render(*parsed), u"basic{realm=a}; bearer{realm=b|service=c}"_s);
    QVERIFY(!WwwAuthenticate::parse(QList<QByteArray>{R"(Basic realm="a")", R"(Bearer realm=)"}));
}

void TestWwwAuthenticate::find()
{
    auto parsed = WwwAuthenticate::parse(QByteArrayView(R"(Basic realm="a", Bearer realm="b")"));
    QVERIFY(parsed);
    QCOMPARE(parsed->find(u"Bearer"_s)->realm(), u"b"_s);
    QCOMPARE(parsed->find(u"BASIC"_s)->realm(), u"a"_s);
    QVERIFY(!parsed->find(u"digest"_s));
    QCOMPARE(parsed->find(u"bearer"_s)->param(u"service"_s), QString());
}

void TestWwwAuthenticate::bounds()
{
    QByteArray huge = "Basic realm=\"" + QByteArray(WwwAuthenticate::kMaxHeaderSize, 'a') + '"';
    auto parsed = WwwAuthenticate::parse(huge);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, koker::ErrorCode::LimitExceeded);

    QByteArray many;
    for (int i = 0; i <= WwwAuthenticate::kMaxChallenges; ++i)
        many += "Basic realm=\"" + QByteArray::number(i) + "\", ";
    QVERIFY(!WwwAuthenticate::parse(many));

    QByteArray params = "Bearer ";
    for (int i = 0; i <= WwwAuthenticate::kMaxParams; ++i)
        params += "p" + QByteArray::number(i) + "=v,";
    QVERIFY(!WwwAuthenticate::parse(params));
}

// Every prefix of valid and invalid headers parses or fails cleanly (what a fuzzer
// would find first: reads past the end on truncated input).
void TestWwwAuthenticate::neverCrashesOnPrefixes()
{
    const QList<QByteArray> samples = {
        R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull")",
        R"(Basic realm="a\"b\\c", Negotiate abc==, Bearer realm=x)",
        "Bearer realm=\"\\",
    };
    for (const QByteArray &sample : samples) {
        for (qsizetype n = 0; n <= sample.size(); ++n)
            (void)WwwAuthenticate::parse(QByteArrayView(sample.constData(), n));
    }
}

QTEST_GUILESS_MAIN(TestWwwAuthenticate)
#include "tst_wwwauthenticate.moc"
