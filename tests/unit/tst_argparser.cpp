// ArgParser: Docker-style (spf13/pflag) flag parsing for one subcommand. Each row is
// a command line; `expected` lists what was set ("long=v1,v2"), the positional
// arguments and whether help was asked for, or "ERROR" with a piece of the message.

#include "argparser.h"

#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;
using koker::cli::ArgParser;

namespace {

enum Setup : int
{
    Plain = 0,            // flags anywhere, no hostname option
    StopAtPositional = 1, // like `run`: the first positional ends the flags
    HostnameShort = 2,    // -h, --hostname exists (as in `run`)
    HostnameLongOnly = 4, // --hostname exists, without a short name
};

const QStringList kNames{u"detach"_s, u"interactive"_s, u"tty"_s,     u"rm"_s,   u"env"_s,
                         u"memory"_s, u"name"_s,        u"publish"_s, u"cpus"_s, u"hostname"_s};

void setUp(ArgParser &p, int setup)
{
    p.addFlag(u'd', u"detach"_s, u"Run in the background"_s);
    p.addFlag(u'i', u"interactive"_s, u"Keep stdin open"_s);
    p.addFlag(u't', u"tty"_s, u"Allocate a terminal"_s);
    p.addFlag(QChar(), u"rm"_s, u"Remove when it exits"_s);
    p.addOption(u'e', u"env"_s, u"KEY=VALUE"_s, u"Set an environment variable"_s);
    p.addOption(u'm', u"memory"_s, u"SIZE"_s, u"Memory limit"_s);
    p.addOption(QChar(), u"name"_s, u"NAME"_s, u"Container name"_s);
    p.addOption(u'p', u"publish"_s, u"PORTS"_s, u"Publish a port"_s);
    p.addOption(QChar(), u"cpus"_s, u"N"_s, u"CPUs"_s);
    if (setup & HostnameShort)
        p.addOption(u'h', u"hostname"_s, u"NAME"_s, u"Host name"_s);
    if (setup & HostnameLongOnly)
        p.addOption(QChar(), u"hostname"_s, u"NAME"_s, u"Host name"_s);
    p.setStopAtFirstPositional(setup & StopAtPositional);
}

QString summary(const ArgParser &p)
{
    QStringList parts;
    for (const QString &name : kNames) {
        if (p.isSet(name))
            parts << name + u'=' + p.values(name).join(u',');
    }
    if (!p.positional().isEmpty())
        parts << u"pos="_s + p.positional().join(u',');
    if (p.helpRequested())
        parts << u"help"_s;
    return parts.join(u' ');
}

} // namespace

class TestArgParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void valueAndFallback();
    void helpText();
};

void TestArgParser::parse_data()
{
    QTest::addColumn<int>("setup");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");

    const int run = StopAtPositional | HostnameShort;

    // Long and short flags.
    QTest::newRow("nothing") << 0 << QStringList{} << u""_s;
    QTest::newRow("long flag") << 0 << QStringList{u"--detach"_s, u"img"_s}
                               << u"detach=true pos=img"_s;
    QTest::newRow("short flag") << 0 << QStringList{u"-d"_s, u"img"_s} << u"detach=true pos=img"_s;
    QTest::newRow("long-only flag") << 0 << QStringList{u"--rm"_s} << u"rm=true"_s;
    QTest::newRow("long option, separate value")
        << 0 << QStringList{u"--env"_s, u"A=1"_s, u"img"_s} << u"env=A=1 pos=img"_s;
    QTest::newRow("long option, =value") << 0 << QStringList{u"--env=A=1"_s} << u"env=A=1"_s;
    QTest::newRow("=value keeps later =") << 0 << QStringList{u"--env=A=B=C"_s} << u"env=A=B=C"_s;
    QTest::newRow("=empty value") << 0 << QStringList{u"--env="_s, u"img"_s} << u"env= pos=img"_s;
    QTest::newRow("value that looks like a flag")
        << 0 << QStringList{u"--env"_s, u"-d"_s} << u"env=-d"_s;
    QTest::newRow("negative value") << 0 << QStringList{u"--cpus"_s, u"-1"_s} << u"cpus=-1"_s;
    QTest::newRow("value with spaces") << 0 << QStringList{u"--name"_s, u"a b"_s} << u"name=a b"_s;
    QTest::newRow("short option, separate value")
        << 0 << QStringList{u"-m"_s, u"10m"_s} << u"memory=10m"_s;
    QTest::newRow("short option, attached value")
        << 0 << QStringList{u"-m10m"_s} << u"memory=10m"_s;
    QTest::newRow("short option, attached KEY=V") << 0 << QStringList{u"-eA=1"_s} << u"env=A=1"_s;
    // pflag: "-f=value" is the value after '=' (docker run -e=A=1, -m=10m).
    QTest::newRow("short option, =value") << 0 << QStringList{u"-m=10m"_s} << u"memory=10m"_s;
    QTest::newRow("short option, =KEY=V") << 0 << QStringList{u"-e=A=1"_s} << u"env=A=1"_s;
    QTest::newRow("short bool, =false") << 0 << QStringList{u"-d"_s, u"-d=false"_s} << u""_s;
    QTest::newRow("short bool, =true") << 0 << QStringList{u"-d=true"_s} << u"detach=true"_s;
    QTest::newRow("short bool, =junk")
        << 0 << QStringList{u"-d=yes"_s} << u"ERROR flag -d takes no value"_s;

    // Repeats and groups.
    QTest::newRow("repeat -e") << 0 << QStringList{u"-e"_s, u"A=1"_s, u"-e"_s, u"B=2"_s, u"img"_s}
                               << u"env=A=1,B=2 pos=img"_s;
    QTest::newRow("repeat mixed forms")
        << 0 << QStringList{u"-e"_s, u"A=1"_s, u"--env=B=2"_s, u"--env"_s, u"C=3"_s, u"-eD=4"_s}
        << u"env=A=1,B=2,C=3,D=4"_s;
    QTest::newRow("grouped -it") << 0 << QStringList{u"-it"_s, u"img"_s}
                                 << u"interactive=true tty=true pos=img"_s;
    QTest::newRow("grouped -itd") << 0 << QStringList{u"-itd"_s}
                                  << u"detach=true interactive=true tty=true"_s;
    QTest::newRow("group ending in option")
        << 0 << QStringList{u"-ite"_s, u"A=1"_s} << u"interactive=true tty=true env=A=1"_s;
    QTest::newRow("group with attached value")
        << 0 << QStringList{u"-ieA=1"_s} << u"interactive=true env=A=1"_s;
    QTest::newRow("option value eats the rest of the group")
        << 0 << QStringList{u"-edt"_s} << u"env=dt"_s;

    // Booleans with values.
    QTest::newRow("--flag=true") << 0 << QStringList{u"--detach=true"_s} << u"detach=true"_s;
    QTest::newRow("--flag=false") << 0 << QStringList{u"--detach=false"_s} << u""_s;
    QTest::newRow("-d then --detach=false")
        << 0 << QStringList{u"-d"_s, u"--detach=false"_s} << u""_s;
    QTest::newRow("--flag=false then -d")
        << 0 << QStringList{u"--detach=false"_s, u"-d"_s} << u"detach=true"_s;
    QTest::newRow("--flag=yes") << 0 << QStringList{u"--detach=yes"_s}
                                << u"ERROR flag --detach takes no value"_s;

    // Ending flags.
    QTest::newRow("-- ends flags")
        << 0 << QStringList{u"--"_s, u"-d"_s, u"--env"_s} << u"pos=-d,--env"_s;
    QTest::newRow("flags before --")
        << 0 << QStringList{u"-d"_s, u"--"_s, u"-t"_s} << u"detach=true pos=-t"_s;
    QTest::newRow("lone dash is positional")
        << 0 << QStringList{u"-"_s, u"-d"_s} << u"detach=true pos=-"_s;
    QTest::newRow("flags anywhere without stop")
        << 0 << QStringList{u"a"_s, u"-d"_s, u"b"_s, u"--env=X"_s}
        << u"detach=true env=X pos=a,b"_s;
    QTest::newRow("stop at image")
        << run << QStringList{u"-d"_s, u"img"_s, u"-e"_s, u"X"_s, u"--rm"_s}
        << u"detach=true pos=img,-e,X,--rm"_s;
    QTest::newRow("stop: value before image")
        << run << QStringList{u"--env"_s, u"A"_s, u"img"_s, u"sh"_s, u"-c"_s, u"ls -l"_s}
        << u"env=A pos=img,sh,-c,ls -l"_s;
    QTest::newRow("stop: -- after image is the container's")
        << run << QStringList{u"img"_s, u"--"_s, u"x"_s} << u"pos=img,--,x"_s;
    QTest::newRow("stop: -- before image")
        << run << QStringList{u"-t"_s, u"--"_s, u"img"_s, u"-d"_s} << u"tty=true pos=img,-d"_s;
    QTest::newRow("stop: --help after image is the container's")
        << run << QStringList{u"img"_s, u"--help"_s} << u"pos=img,--help"_s;
    QTest::newRow("stop: lone dash") << run << QStringList{u"-"_s, u"-d"_s} << u"pos=-,-d"_s;

    // Help.
    QTest::newRow("--help") << 0 << QStringList{u"--help"_s} << u"help"_s;
    QTest::newRow("--help with flags")
        << 0 << QStringList{u"-d"_s, u"--help"_s} << u"detach=true help"_s;
    QTest::newRow("-h is help without hostname") << 0 << QStringList{u"-h"_s} << u"help"_s;
    QTest::newRow("-h in a group") << 0 << QStringList{u"-ih"_s} << u"interactive=true help"_s;
    QTest::newRow("-h is hostname in run")
        << run << QStringList{u"-h"_s, u"box"_s, u"img"_s} << u"hostname=box pos=img"_s;
    QTest::newRow("-hbox in run") << run << QStringList{u"-hbox"_s} << u"hostname=box"_s;
    QTest::newRow("--help in run") << run << QStringList{u"--help"_s} << u"help"_s;
    QTest::newRow("-h with long-only hostname")
        << int(HostnameLongOnly) << QStringList{u"-h"_s} << u"ERROR unknown shorthand flag: 'h'"_s;
    QTest::newRow("--hostname long-only")
        << int(HostnameLongOnly) << QStringList{u"--hostname=x"_s} << u"hostname=x"_s;

    // Errors.
    QTest::newRow("unknown long") << 0 << QStringList{u"--nope"_s}
                                  << u"ERROR unknown flag: --nope"_s;
    QTest::newRow("unknown long with value")
        << 0 << QStringList{u"--nope=1"_s} << u"ERROR unknown flag: --nope"_s;
    QTest::newRow("unknown short")
        << 0 << QStringList{u"-z"_s} << u"ERROR unknown shorthand flag: 'z' in -z"_s;
    QTest::newRow("unknown short in group")
        << 0 << QStringList{u"-iz"_s} << u"ERROR unknown shorthand flag: 'z' in -iz"_s;
    // As in pflag: -d, then -e with the value "tach".
    QTest::newRow("long name with one dash")
        << 0 << QStringList{u"-detach"_s} << u"detach=true env=tach"_s;
    QTest::newRow("long name with one dash, unknown")
        << 0 << QStringList{u"-rm"_s} << u"ERROR unknown shorthand flag: 'r' in -rm"_s;
    QTest::newRow("three dashes") << 0 << QStringList{u"---detach"_s}
                                  << u"ERROR unknown flag: ---detach"_s;
    QTest::newRow("--=x") << 0 << QStringList{u"--=x"_s} << u"ERROR unknown flag: --"_s;
    QTest::newRow("missing long value")
        << 0 << QStringList{u"--env"_s} << u"ERROR flag needs an argument: --env"_s;
    QTest::newRow("missing short value")
        << 0 << QStringList{u"-e"_s} << u"ERROR flag needs an argument: 'e' in -e"_s;
    QTest::newRow("missing value in group")
        << 0 << QStringList{u"-ie"_s} << u"ERROR flag needs an argument: 'e' in -ie"_s;
    QTest::newRow("missing value after image, no stop")
        << 0 << QStringList{u"img"_s, u"--memory"_s} << u"ERROR --memory"_s;
    QTest::newRow("short-only name as long")
        << 0 << QStringList{u"--d"_s} << u"ERROR unknown flag: --d"_s;
}

void TestArgParser::parse()
{
    QFETCH(int, setup);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);

    ArgParser p;
    setUp(p, setup);
    const bool ok = p.parse(args);
    if (expected.startsWith(u"ERROR "_s)) {
        QVERIFY2(!ok, qPrintable(u"accepted: "_s + summary(p)));
        QVERIFY2(p.errorText().contains(expected.mid(6)), qPrintable(p.errorText()));
        return;
    }
    QVERIFY2(ok, qPrintable(p.errorText()));
    QVERIFY(p.errorText().isEmpty());
    QCOMPARE(summary(p), expected);
}

void TestArgParser::valueAndFallback()
{
    ArgParser p;
    setUp(p, StopAtPositional);
    QVERIFY(p.parse({u"--name=a"_s, u"--name"_s, u"b"_s, u"-e"_s, u"X=1"_s, u"img"_s}));
    QCOMPARE(p.value(u"name"_s), u"b"_s); // the last one wins
    QCOMPARE(p.values(u"name"_s), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(p.value(u"memory"_s, u"none"_s), u"none"_s);
    QCOMPARE(p.value(u"memory"_s), QString());
    QVERIFY(!p.isSet(u"memory"_s));
    QVERIFY(p.values(u"memory"_s).isEmpty());
    QCOMPARE(p.value(u"env"_s), u"X=1"_s);
    QVERIFY(!p.helpRequested());
}

void TestArgParser::helpText()
{
    ArgParser p;
    setUp(p, HostnameShort);
    const QString text = p.helpText();
    QVERIFY(text.startsWith(u"Options:\n"_s));
    QVERIFY(text.contains(u"  -e, --env KEY=VALUE"_s));
    QVERIFY(text.contains(u"      --rm"_s));
    QVERIFY(text.contains(u"  -h, --hostname NAME"_s));
    QVERIFY(text.contains(u"--help"_s));
    QVERIFY(text.contains(u"Set an environment variable"_s));
    QCOMPARE(text.count(u'\n'), 12); // header, 10 flags, --help
}

QTEST_GUILESS_MAIN(TestArgParser)
#include "tst_argparser.moc"
