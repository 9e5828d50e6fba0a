// The run dialog's model without widgets: form values -> CreateContainer's spec,
// -> the equivalent `koker run` command (parsed back with the CLI's own parser and
// flag table), every validation message, and the cgroup files each limit writes on
// legacy, hybrid and unified hosts. Table-driven: a fixed bug gets a row.

#include "argparser.h"
#include "dbus/dbustypes.h"
#include "engine/containerservice.h"
#include "engine/units.h"
#include "studio/hostinfo.h"
#include "studio/runspec.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(koker::studio::RunForm)
Q_DECLARE_METATYPE(koker::studio::HostInfo)
Q_DECLARE_METATYPE(koker::studio::RunField)
Q_DECLARE_METATYPE(koker::studio::LimitKind)
Q_DECLARE_METATYPE(koker::CgroupLimits)
Q_DECLARE_METATYPE(koker::CgroupMode)

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;

HostInfo host(CgroupMode mode, int cpus = 4, qint64 memory = 8 * GiB, bool swap = true)
{
    HostInfo h;
    h.known = true;
    h.cgroupMode = mode;
    h.hostCpus = cpus;
    h.hostMemory = memory;
    h.swapAccounting = swap;
    return h;
}

RunForm formFor(const QString &image)
{
    RunForm f;
    f.image = image;
    return f;
}

// Everything set at once: every flag the CLI has for run appears in its command.
RunForm fullForm()
{
    RunForm f;
    f.image = u"alpine:3.19"_s;
    f.name = u"web-1"_s;
    f.hostname = u"box"_s;
    f.command = u"-c 'echo \"hi there\"; sleep 1'"_s;
    f.entrypoint = u"/bin/sh"_s;
    f.env = {{u"GREETING"_s, u"hello world"_s}, {u"EMPTY"_s, u""_s}};
    f.workingDir = u"/srv"_s;
    f.user = u"1000:1000"_s;
    f.network = u"labnet"_s;
    f.ports = {{u""_s, u"8080"_s, u"80"_s, u"tcp"_s},
               {u"127.0.0.1"_s, u"5353"_s, u"53"_s, u"udp"_s}};
    f.volumes = {{u"/home/student/site"_s, u"/usr/share/site"_s, true},
                 {u"/tmp/scratch space"_s, u"/scratch"_s, false}};
    f.tty = true;
    f.interactive = true;
    f.autoRemove = true;
    f.privileged = true;
    f.capAdd = u"NET_ADMIN, SYS_TIME"_s;
    f.capDrop = u"MKNOD"_s;
    f.memoryBytes = 256 * MiB;
    f.memorySwapBytes = 1 * GiB;
    f.nanoCpus = 1'500'000'000;
    f.pidsLimit = 100;
    return f;
}

// The flag table of `koker run`, read from the CLI's source: the test then fails
// when the CLI renames or drops a flag the dialog prints.
void addCliRunFlags(cli::ArgParser &p)
{
    const QString path = QFINDTESTDATA("../../src/cli/containerrun.cpp");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(u"cannot read "_s + path));
    const QString source = QString::fromUtf8(file.readAll());
    const qsizetype begin = source.indexOf(u"void addRunFlags"_s);
    const qsizetype end = source.indexOf(u"setStopAtFirstPositional"_s, begin);
    QVERIFY(begin >= 0 && end > begin);
    static const QRegularExpression flag(
        u"p\\.add(Flag|Option)\\(\\s*(\\{\\}|u'(.)')\\s*,\\s*u\"([a-z-]+)\"_s"_s);
    int count = 0;
    for (const QRegularExpressionMatch &m : flag.globalMatch(source.mid(begin, end - begin))) {
        const QChar shortName = m.captured(3).isEmpty() ? QChar() : m.captured(3).at(0);
        if (m.captured(1) == u"Flag"_s)
            p.addFlag(shortName, m.captured(4), {});
        else
            p.addOption(shortName, m.captured(4), u"V"_s, {});
        ++count;
    }
    p.setStopAtFirstPositional(true);
    QVERIFY2(count >= 20, "the flag table of koker run was not found in containerrun.cpp");
}

// What src/cli/containerrun.cpp runOptions() makes of the parsed flags.
RunOptions cliRunOptions(const cli::ArgParser &p)
{
    RunOptions o;
    const QStringList pos = p.positional();
    o.image = pos.value(0);
    o.cmd = pos.mid(1);
    o.name = p.value(u"name"_s);
    o.hostname = p.value(u"hostname"_s);
    o.env = p.values(u"env"_s);
    if (p.isSet(u"workdir"_s))
        o.workingDir = p.value(u"workdir"_s);
    if (p.isSet(u"entrypoint"_s)) {
        const QString ep = p.value(u"entrypoint"_s);
        o.entrypoint = ep.isEmpty() ? QStringList{} : QStringList{ep};
    }
    if (p.isSet(u"user"_s))
        o.user = p.value(u"user"_s);
    o.tty = p.isSet(u"tty"_s);
    o.interactive = p.isSet(u"interactive"_s);
    o.autoRemove = p.isSet(u"rm"_s);
    if (p.isSet(u"memory"_s))
        o.limits.memoryBytes = parseMemorySize(p.value(u"memory"_s)).value_or(-999);
    if (p.isSet(u"memory-swap"_s))
        o.limits.memorySwapBytes = parseSwapSize(p.value(u"memory-swap"_s)).value_or(-999);
    if (p.isSet(u"cpus"_s))
        o.limits.nanoCpus = parseCpus(p.value(u"cpus"_s)).value_or(-999);
    if (p.isSet(u"pids-limit"_s))
        o.limits.pidsMax = p.value(u"pids-limit"_s).toLongLong();
    o.network = p.value(u"network"_s, p.value(u"net"_s, u"bridge"_s));
    for (const QString &spec : p.values(u"publish"_s)) {
        auto m = PortMapping::parse(spec);
        if (m)
            o.ports << *m;
        else
            qWarning() << "the CLI refuses -p" << spec;
    }
    for (const QString &spec : p.values(u"volume"_s)) {
        auto v = VolumeMount::parse(spec);
        if (v)
            o.volumes << *v;
        else
            qWarning() << "the CLI refuses -v" << spec;
    }
    o.privileged = p.isSet(u"privileged"_s);
    o.capAdd = p.values(u"cap-add"_s);
    o.capDrop = p.values(u"cap-drop"_s);
    return o;
}

QStringList portStrings(const QList<PortMapping> &ports)
{
    QStringList out;
    for (const PortMapping &p : ports)
        out << p.hostIp + u'|' + QString::number(p.hostPort) + u'|' +
                   QString::number(p.containerPort) + u'|' + p.protocol;
    return out;
}

QStringList volumeStrings(const QList<VolumeMount> &volumes)
{
    QStringList out;
    for (const VolumeMount &v : volumes)
        out << v.source + u'|' + v.target + u'|' + (v.readOnly ? u"ro"_s : u"rw"_s);
    return out;
}

} // namespace

class TestRunSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitWords_data();
    void splitWords();
    void splitErrors_data();
    void splitErrors();
    void quoting_data();
    void quoting();
    void sizeFlag_data();
    void sizeFlag();
    void dbusSpec_data();
    void dbusSpec();
    void commandLine_data();
    void commandLine();
    void roundTripThroughCli_data();
    void roundTripThroughCli();
    void everyCliFlagIsUsed();
    void validation_data();
    void validation();
    void warnings_data();
    void warnings();
    void validFormHasNoIssues();
    void emptyRowsAreIgnored();
    void fromSpecRoundTrip();
    void volumesForDBus();
    void cgroupPreviews_data();
    void cgroupPreviews();
    void hostInfoFromGetInfo();
};

// ---------------------------------------------------------------- words

void TestRunSpec::splitWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("empty") << u""_s << QStringList{};
    QTest::newRow("blanks") << u"  \t "_s << QStringList{};
    QTest::newRow("plain") << u"ls -l /"_s << QStringList{u"ls"_s, u"-l"_s, u"/"_s};
    QTest::newRow("extra spaces") << u"  a   b  "_s << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("single quotes group")
        << u"sh -c 'echo hi'"_s << QStringList{u"sh"_s, u"-c"_s, u"echo hi"_s};
    QTest::newRow("double quotes group") << u"echo \"a b\""_s << QStringList{u"echo"_s, u"a b"_s};
    QTest::newRow("no expansion") << u"echo $HOME \"$PATH\" '*'"_s
                                  << QStringList{u"echo"_s, u"$HOME"_s, u"$PATH"_s, u"*"_s};
    QTest::newRow("escaped quote in double quotes")
        << u"say \"a \\\"b\\\"\""_s << QStringList{u"say"_s, u"a \"b\""_s};
    QTest::newRow("other backslash in double quotes stays")
        << u"\"a\\nb\""_s << QStringList{u"a\\nb"_s};
    QTest::newRow("backslash-backslash in double quotes")
        << u"\"a\\\\b\""_s << QStringList{u"a\\b"_s};
    QTest::newRow("backslash escapes a space") << u"a\\ b c"_s << QStringList{u"a b"_s, u"c"_s};
    QTest::newRow("quotes join a word") << u"a'b'\"c\"d"_s << QStringList{u"abcd"_s};
    QTest::newRow("empty single quotes") << u"''"_s << QStringList{u""_s};
    QTest::newRow("empty double quotes") << u"x \"\" y"_s << QStringList{u"x"_s, u""_s, u"y"_s};
    QTest::newRow("apostrophe the shell way") << u"'it'\\''s'"_s << QStringList{u"it's"_s};
    QTest::newRow("backslash in single quotes stays") << u"'a\\b'"_s << QStringList{u"a\\b"_s};
    QTest::newRow("unicode") << u"echo 'xin chào' grüß"_s
                             << QStringList{u"echo"_s, u"xin chào"_s, u"grüß"_s};
    QTest::newRow("tab and newline separate")
        << u"a\tb\nc"_s << QStringList{u"a"_s, u"b"_s, u"c"_s};
}

void TestRunSpec::splitWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    auto split = splitShellWords(text);
    QVERIFY(split.has_value());
    QCOMPARE(*split, words);
}

void TestRunSpec::splitErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("error");
    QTest::newRow("single") << u"echo 'hi"_s << int(ShellSplitError::UnclosedSingleQuote);
    QTest::newRow("double") << u"echo \"hi"_s << int(ShellSplitError::UnclosedDoubleQuote);
    QTest::newRow("escaped closing double")
        << u"echo \"hi\\\""_s << int(ShellSplitError::UnclosedDoubleQuote);
    QTest::newRow("trailing backslash")
        << u"echo hi\\"_s << int(ShellSplitError::TrailingBackslash);
}

void TestRunSpec::splitErrors()
{
    QFETCH(QString, text);
    QFETCH(int, error);
    auto split = splitShellWords(text);
    QVERIFY(!split.has_value());
    QCOMPARE(int(split.error()), error);
}

void TestRunSpec::quoting_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("safe") << u"alpine:3.19"_s << u"alpine:3.19"_s;
    QTest::newRow("flag value") << u"KEY=/a,b@c%d+e"_s << u"KEY=/a,b@c%d+e"_s;
    QTest::newRow("empty") << u""_s << u"''"_s;
    QTest::newRow("space") << u"echo hi"_s << u"'echo hi'"_s;
    QTest::newRow("apostrophe") << u"it's"_s << u"'it'\\''s'"_s;
    QTest::newRow("dollar") << u"$HOME"_s << u"'$HOME'"_s;
    QTest::newRow("glob") << u"*.txt"_s << u"'*.txt'"_s;
    QTest::newRow("double quote") << u"say \"hi\""_s << u"'say \"hi\"'"_s;
    QTest::newRow("semicolon") << u"a;b"_s << u"'a;b'"_s;
    QTest::newRow("non-ascii") << u"chào"_s << u"'chào'"_s;
}

void TestRunSpec::quoting()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(quoteShellWord(word), quoted);
    // Whatever is quoted splits back to the same word.
    auto back = splitShellWords(quoted);
    QVERIFY(back.has_value());
    QCOMPARE(*back, QStringList{word});
}

void TestRunSpec::sizeFlag_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("flag");
    QTest::newRow("256 MiB") << 256 * MiB << u"256m"_s;
    QTest::newRow("2 GiB") << 2 * GiB << u"2g"_s;
    QTest::newRow("1.5 GiB") << GiB + GiB / 2 << u"1536m"_s;
    QTest::newRow("1.5 MiB") << MiB + MiB / 2 << u"1536k"_s;
    QTest::newRow("bytes") << qint64(1000) << u"1000"_s;
    QTest::newRow("6 MiB") << 6 * MiB << u"6m"_s;
}

void TestRunSpec::sizeFlag()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, flag);
    QCOMPARE(formatSizeFlag(bytes), flag);
    QCOMPARE(parseMemorySize(flag).value_or(-1), bytes);
}

// ---------------------------------------------------------------- spec and command

void TestRunSpec::dbusSpec_data()
{
    QTest::addColumn<RunForm>("form");
    QTest::addColumn<QVariantMap>("spec");

    const QVariantMap base{{u"image"_s, u"alpine"_s},   {u"tty"_s, false},
                           {u"interactive"_s, false},   {u"autoRemove"_s, false},
                           {u"network"_s, u"bridge"_s}, {u"privileged"_s, false}};
    QTest::newRow("image only") << formFor(u"alpine"_s) << base;

    RunForm f = formFor(u" alpine "_s);
    f.name = u"web"_s;
    f.hostname = u"box"_s;
    f.tty = f.interactive = f.autoRemove = true;
    QVariantMap s = base;
    s.insert(u"name"_s, u"web"_s);
    s.insert(u"hostname"_s, u"box"_s);
    s.insert(u"tty"_s, true);
    s.insert(u"interactive"_s, true);
    s.insert(u"autoRemove"_s, true);
    QTest::newRow("names and terminal, trimmed") << f << s;

    f = formFor(u"alpine"_s);
    f.command = u"sh -c 'echo hi'"_s;
    s = base;
    s.insert(u"cmd"_s, QStringList{u"sh"_s, u"-c"_s, u"echo hi"_s});
    QTest::newRow("command split") << f << s;

    f = formFor(u"alpine"_s);
    f.entrypoint = u"/bin/sh -c"_s;
    f.command = u"'echo hi'"_s;
    s = base;
    s.insert(u"entrypoint"_s, QStringList{u"/bin/sh"_s});
    s.insert(u"cmd"_s, QStringList{u"-c"_s, u"echo hi"_s});
    QTest::newRow("entrypoint words after the first go to cmd") << f << s;

    f = formFor(u"alpine"_s);
    f.entrypoint = u"\"\""_s;
    f.command = u"/bin/true"_s;
    s = base;
    s.insert(u"entrypoint"_s, QStringList{});
    s.insert(u"cmd"_s, QStringList{u"/bin/true"_s});
    QTest::newRow("no entrypoint") << f << s;

    f = formFor(u"alpine"_s);
    f.env = {{u"A"_s, u"1"_s}, {u" B "_s, u" two words "_s}, {u"C"_s, u""_s}};
    f.workingDir = u"/app"_s;
    f.user = u"nobody"_s;
    s = base;
    s.insert(u"env"_s, QStringList{u"A=1"_s, u"B= two words "_s, u"C="_s});
    s.insert(u"workingDir"_s, u"/app"_s);
    s.insert(u"user"_s, u"nobody"_s);
    QTest::newRow("env, workdir, user") << f << s;

    f = formFor(u"alpine"_s);
    f.ports = {{u""_s, u"8080"_s, u"80"_s, u"tcp"_s},
               {u"127.0.0.1"_s, u"5353"_s, u"53"_s, u"UDP"_s},
               {u""_s, u""_s, u"22"_s, u"tcp"_s}};
    f.network = u"none"_s;
    s = base;
    s.insert(u"network"_s, u"none"_s);
    s.insert(u"ports"_s, QStringList{u"8080:80/tcp"_s, u"127.0.0.1:5353:53/udp"_s, u"22:22/tcp"_s});
    QTest::newRow("ports; empty host port is the container port") << f << s;

    f = formFor(u"alpine"_s);
    f.memoryBytes = 256 * MiB;
    f.memorySwapBytes = -1;
    f.nanoCpus = 500'000'000;
    f.pidsLimit = 64;
    s = base;
    s.insert(u"memory"_s, qlonglong(268435456));
    s.insert(u"memorySwap"_s, qlonglong(-1));
    s.insert(u"nanoCpus"_s, qlonglong(500000000));
    s.insert(u"pidsLimit"_s, qlonglong(64));
    QTest::newRow("limits") << f << s;

    f = formFor(u"alpine"_s);
    f.privileged = true;
    f.capAdd = u"net_admin,CAP_SYS_TIME"_s;
    f.capDrop = u" ALL "_s;
    s = base;
    s.insert(u"privileged"_s, true);
    s.insert(u"capAdd"_s, QStringList{u"net_admin"_s, u"CAP_SYS_TIME"_s});
    s.insert(u"capDrop"_s, QStringList{u"ALL"_s});
    QTest::newRow("privileges") << f << s;

    f = formFor(u"alpine"_s);
    f.volumes = {{u"/home/a"_s, u"/data"_s, true}};
    QTest::newRow("volumes travel apart, not in the spec") << f << base;
}

void TestRunSpec::dbusSpec()
{
    QFETCH(RunForm, form);
    QFETCH(QVariantMap, spec);
    const RunCheck check = form.check(host(CgroupMode::Unified));
    QVERIFY2(check.isValid(), qPrintable(check.errorMessages().join(u'\n')));
    const QVariantMap got = check.spec.toDBusSpec();
    QCOMPARE(got.keys(), spec.keys());
    for (auto it = spec.cbegin(); it != spec.cend(); ++it) {
        // The helper checks the D-Bus signature, so the Qt type matters: x is qlonglong.
        QCOMPARE(got.value(it.key()).metaType(), it.value().metaType());
        QCOMPARE(got.value(it.key()), it.value());
    }
}

void TestRunSpec::commandLine_data()
{
    QTest::addColumn<RunForm>("form");
    QTest::addColumn<QString>("command");

    QTest::newRow("image only") << formFor(u"alpine"_s) << u"koker run alpine"_s;

    RunForm f = formFor(u"alpine"_s);
    f.tty = f.interactive = true;
    f.autoRemove = true;
    f.command = u"sh"_s;
    QTest::newRow("-it --rm") << f << u"koker run -it --rm alpine sh"_s;

    f = formFor(u"alpine"_s);
    f.interactive = true;
    QTest::newRow("-i alone") << f << u"koker run -i alpine"_s;
    f.interactive = false;
    f.tty = true;
    QTest::newRow("-t alone") << f << u"koker run -t alpine"_s;

    f = formFor(u"busybox"_s);
    f.command = u"sh -c 'echo $HOME; ls'"_s;
    QTest::newRow("command quoted back") << f << u"koker run busybox sh -c 'echo $HOME; ls'"_s;

    f = formFor(u"alpine"_s);
    f.entrypoint = u"\"\""_s;
    f.command = u"/bin/true"_s;
    QTest::newRow("empty entrypoint") << f << u"koker run --entrypoint '' alpine /bin/true"_s;

    f = formFor(u"alpine"_s);
    f.entrypoint = u"sh -c"_s;
    f.command = u"'echo hi'"_s;
    QTest::newRow("multi-word entrypoint")
        << f << u"koker run --entrypoint sh alpine -c 'echo hi'"_s;

    f = formFor(u"alpine"_s);
    f.memoryBytes = 256 * MiB;
    QTest::newRow("memory") << f << u"koker run -m 256m alpine"_s;
    f.memorySwapBytes = -1;
    QTest::newRow("unlimited swap") << f << u"koker run -m 256m --memory-swap -1 alpine"_s;
    f.memorySwapBytes = GiB;
    f.nanoCpus = 250'000'000;
    f.pidsLimit = 50;
    QTest::newRow("all limits")
        << f << u"koker run -m 256m --memory-swap 1g --cpus 0.25 --pids-limit 50 alpine"_s;

    f = formFor(u"alpine"_s);
    f.network = u"host"_s;
    QTest::newRow("network") << f << u"koker run --network host alpine"_s;

    f = formFor(u"alpine"_s);
    f.env = {{u"MSG"_s, u"hello world"_s}};
    f.ports = {{u""_s, u"8080"_s, u"80"_s, u"tcp"_s}, {u"127.0.0.1"_s, u""_s, u"53"_s, u"udp"_s}};
    f.volumes = {{u"/home/me/my site"_s, u"/site"_s, true}};
    QTest::newRow("env, ports, volumes")
        << f
        << u"koker run -e 'MSG=hello world' -p 8080:80 -p 127.0.0.1:53:53/udp -v "
           "'/home/me/my site:/site:ro' alpine"_s;

    QTest::newRow("everything")
        << fullForm()
        << u"koker run -it --rm --name web-1 -h box -e 'GREETING=hello world' -e EMPTY= -w "
           "/srv -u 1000:1000 --entrypoint /bin/sh -m 256m --memory-swap 1g --cpus 1.5 "
           "--pids-limit 100 --network labnet -p 8080:80 -p 127.0.0.1:5353:53/udp -v "
           "/home/student/site:/usr/share/site:ro -v '/tmp/scratch space:/scratch' "
           "--privileged --cap-add NET_ADMIN --cap-add SYS_TIME --cap-drop MKNOD alpine:3.19 "
           "-c 'echo \"hi there\"; sleep 1'"_s;
}

void TestRunSpec::commandLine()
{
    QFETCH(RunForm, form);
    QFETCH(QString, command);
    const RunCheck check = form.check(host(CgroupMode::Hybrid));
    QVERIFY2(check.isValid(), qPrintable(check.errorMessages().join(u'\n')));
    QCOMPARE(check.spec.commandLine(), command);
}

void TestRunSpec::roundTripThroughCli_data()
{
    commandLine_data();
}

void TestRunSpec::roundTripThroughCli()
{
    QFETCH(RunForm, form);
    const RunCheck check = form.check(host(CgroupMode::Unified));
    QVERIFY(check.isValid());

    // What a student pastes into a shell: split it as the shell would...
    auto words = splitShellWords(check.spec.commandLine());
    QVERIFY(words.has_value());
    QCOMPARE(words->mid(0, 2), (QStringList{u"koker"_s, u"run"_s}));
    QCOMPARE(words->mid(2), check.spec.commandArguments());

    // ... and parse it with the CLI's parser and flags.
    cli::ArgParser parser;
    addCliRunFlags(parser);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(parser.parse(words->mid(2)), qPrintable(parser.errorText()));
    const RunOptions cli = cliRunOptions(parser);
    const RunOptions gui = check.spec.toRunOptions();

    QCOMPARE(cli.image, gui.image);
    QCOMPARE(cli.name, gui.name);
    QCOMPARE(cli.hostname, gui.hostname);
    QCOMPARE(cli.cmd, gui.cmd);
    QCOMPARE(cli.entrypoint.has_value(), gui.entrypoint.has_value());
    QCOMPARE(cli.entrypoint.value_or(QStringList{u"-"_s}),
             gui.entrypoint.value_or(QStringList{u"-"_s}));
    QCOMPARE(cli.env, gui.env);
    QCOMPARE(cli.workingDir.value_or(u"-"_s), gui.workingDir.value_or(u"-"_s));
    QCOMPARE(cli.user.value_or(u"-"_s), gui.user.value_or(u"-"_s));
    QCOMPARE(cli.tty, gui.tty);
    QCOMPARE(cli.interactive, gui.interactive);
    QCOMPARE(cli.autoRemove, gui.autoRemove);
    QCOMPARE(cli.limits.memoryBytes, gui.limits.memoryBytes);
    QCOMPARE(cli.limits.memorySwapBytes, gui.limits.memorySwapBytes);
    QCOMPARE(cli.limits.nanoCpus, gui.limits.nanoCpus);
    QCOMPARE(cli.limits.pidsMax, gui.limits.pidsMax);
    QCOMPARE(cli.network, gui.network);
    QCOMPARE(portStrings(cli.ports), portStrings(gui.ports));
    QCOMPARE(volumeStrings(cli.volumes), volumeStrings(gui.volumes));
    QCOMPARE(cli.privileged, gui.privileged);
    QCOMPARE(cli.capAdd, gui.capAdd);
    QCOMPARE(cli.capDrop, gui.capDrop);
}

void TestRunSpec::everyCliFlagIsUsed()
{
    // The flags the brief asks for, each produced by some form: one form sets them all.
    const RunCheck check = fullForm().check(host(CgroupMode::Unified));
    QVERIFY(check.isValid());
    const QStringList args = check.spec.commandArguments();
    for (const QString &flag :
         {u"--name"_s, u"-h"_s, u"-e"_s, u"-w"_s, u"--entrypoint"_s, u"-u"_s, u"-m"_s,
          u"--memory-swap"_s, u"--cpus"_s, u"--pids-limit"_s, u"--network"_s, u"-p"_s, u"-v"_s,
          u"-it"_s, u"--rm"_s, u"--privileged"_s, u"--cap-add"_s, u"--cap-drop"_s})
        QVERIFY2(args.contains(flag), qPrintable(flag));
}

// ---------------------------------------------------------------- validation

void TestRunSpec::validation_data()
{
    QTest::addColumn<RunForm>("form");
    QTest::addColumn<HostInfo>("hostInfo");
    QTest::addColumn<RunField>("field");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    const HostInfo h = host(CgroupMode::Hybrid, 4, 8 * GiB);
    auto row = [&](const char *name, RunForm f, RunField field, int r, int c,
                   const QString &message, HostInfo hi = {}) {
        QTest::newRow(name) << f << (hi.known ? hi : h) << field << r << c << message;
    };
    RunForm f;

    row("image missing", formFor(u""_s), RunField::Image, -1, -1,
        u"Choose the image to run, for example alpine or starter:latest."_s);
    row("image not a reference", formFor(u"Alpine Linux"_s), RunField::Image, -1, -1,
        u"“Alpine Linux” is not an image name: use lowercase NAME[:TAG] or NAME@sha256:DIGEST, "
        "for example alpine:3.19."_s);

    f = formFor(u"alpine"_s);
    f.name = u"-web"_s;
    row("name", f, RunField::Name, -1, -1,
        u"The name may contain only letters, digits, '_', '.' and '-', must start with a "
        "letter or digit and be at most 128 characters long (or leave it empty for a "
        "generated name)."_s);

    f = formFor(u"alpine"_s);
    f.command = u"echo 'hi"_s;
    row("command single quote", f, RunField::Command, -1, -1,
        u"The command has an unclosed single quote ('): add the closing quote, or escape it "
        "as \\'."_s);
    f.command = u"echo \"hi"_s;
    row("command double quote", f, RunField::Command, -1, -1,
        u"The command has an unclosed double quote (\"): add the closing quote, or escape it "
        "as \\\"."_s);
    f.command = u"echo \\"_s;
    row("command backslash", f, RunField::Command, -1, -1,
        u"The command ends with a lone backslash: remove it, or write \\\\ for a backslash."_s);

    f = formFor(u"alpine"_s);
    f.entrypoint = u"'sh"_s;
    row("entrypoint single quote", f, RunField::Entrypoint, -1, -1,
        u"The entrypoint has an unclosed single quote ('): add the closing quote, or escape "
        "it as \\'."_s);
    f.entrypoint = u"\"sh"_s;
    row("entrypoint double quote", f, RunField::Entrypoint, -1, -1,
        u"The entrypoint has an unclosed double quote (\"): add the closing quote, or escape "
        "it as \\\"."_s);
    f.entrypoint = u"sh\\"_s;
    row("entrypoint backslash", f, RunField::Entrypoint, -1, -1,
        u"The entrypoint ends with a lone backslash: remove it, or write \\\\ for a "
        "backslash."_s);
    f.entrypoint = u"'' -c"_s;
    row("entrypoint empty program", f, RunField::Entrypoint, -1, -1,
        u"The entrypoint's first word is empty: give the program to run, or write just \"\" "
        "to run without an entrypoint."_s);
    f.entrypoint = u"\"\""_s;
    row("no entrypoint and no command", f, RunField::Command, -1, -1,
        u"Without an entrypoint the image's command is cleared too: type the command to "
        "run."_s);

    f = formFor(u"alpine"_s);
    f.env = {{u"A"_s, u"1"_s}, {u""_s, u"x"_s}};
    row("env name empty", f, RunField::Env, 1, 0,
        u"Environment row 2: the variable name is empty: type a name such as GREETING, or "
        "remove the row."_s);
    f.env = {{u"1ST"_s, u"x"_s}};
    row("env name invalid", f, RunField::Env, 0, 0,
        u"Environment row 1: “1ST” is not a variable name: use letters, digits, '_', '.' and "
        "'-', starting with a letter or '_'."_s);
    f.env = {{u"A B"_s, u"x"_s}};
    row("env name with a space", f, RunField::Env, 0, 0,
        u"Environment row 1: “A B” is not a variable name: use letters, digits, '_', '.' and "
        "'-', starting with a letter or '_'."_s);
    f.env = {{u"A"_s, u"1"_s}, {u"B"_s, u"2"_s}, {u"A"_s, u"3"_s}};
    row("env duplicate", f, RunField::Env, 2, 0,
        u"Environment row 3: A is already set in row 1: remove one of them."_s);

    f = formFor(u"alpine"_s);
    f.workingDir = u"app"_s;
    row("working dir relative", f, RunField::WorkingDir, -1, -1,
        u"The working directory must be an absolute path in the container, starting with / "
        "(or leave it empty for the image's)."_s);

    f = formFor(u"alpine"_s);
    f.user = u"a b"_s;
    row("user", f, RunField::User, -1, -1,
        u"The user must be a name or a number, optionally with a group: root, 1000 or "
        "1000:1000 (or leave it empty for the image's)."_s);

    f = formFor(u"alpine"_s);
    f.hostname = u"-box"_s;
    row("hostname", f, RunField::Hostname, -1, -1,
        u"The hostname may contain letters, digits, '-' and '.', must start and end with a "
        "letter or digit and be at most 63 characters long."_s);

    f = formFor(u"alpine"_s);
    f.network = u"my net"_s;
    row("network", f, RunField::Network, -1, -1,
        u"“my net” is not a network name: choose bridge, none, host or one of your networks."_s);

    f = formFor(u"alpine"_s);
    f.ports = {{u"localhost"_s, u"80"_s, u"80"_s, u"tcp"_s}};
    row("port host ip", f, RunField::Ports, 0, 0,
        u"Port row 1: “localhost” is not an IPv4 address: write one such as 127.0.0.1, or "
        "leave it empty to listen on all addresses."_s);
    f.ports = {{u""_s, u"70000"_s, u"80"_s, u"tcp"_s}};
    row("port host port", f, RunField::Ports, 0, 1,
        u"Port row 1: the host port must be a number from 1 to 65535 (or empty for the same "
        "as the container port)."_s);
    f.ports = {{u""_s, u"+80"_s, u"80"_s, u"tcp"_s}};
    row("port host port sign", f, RunField::Ports, 0, 1,
        u"Port row 1: the host port must be a number from 1 to 65535 (or empty for the same "
        "as the container port)."_s);
    f.ports = {{u""_s, u"8080"_s, u""_s, u"tcp"_s}};
    row("port container port missing", f, RunField::Ports, 0, 2,
        u"Port row 1: the container port must be a number from 1 to 65535."_s);
    f.ports = {{u""_s, u"8080"_s, u"0"_s, u"tcp"_s}};
    row("port container port zero", f, RunField::Ports, 0, 2,
        u"Port row 1: the container port must be a number from 1 to 65535."_s);
    f.ports = {{u""_s, u"8080"_s, u"80"_s, u"sctp"_s}};
    row("port protocol", f, RunField::Ports, 0, 3,
        u"Port row 1: the protocol must be tcp or udp."_s);
    f.ports = {{u""_s, u"8080"_s, u"80"_s, u"tcp"_s},
               {u""_s, u"8081"_s, u"81"_s, u"tcp"_s},
               {u"127.0.0.1"_s, u"8080"_s, u"90"_s, u"tcp"_s}};
    row("port published twice", f, RunField::Ports, 2, 1,
        u"Port row 3: host port 8080/tcp is already published in row 1: choose another host "
        "port."_s);

    f = formFor(u"alpine"_s);
    f.volumes = {{u""_s, u"/data"_s, false}};
    row("volume no host folder", f, RunField::Volumes, 0, 0,
        u"Volume row 1: choose a host folder (Browse…)."_s);
    f.volumes = {{u"home/me"_s, u"/data"_s, false}};
    row("volume host relative", f, RunField::Volumes, 0, 0,
        u"Volume row 1: the host folder must be an absolute path (starting with /)."_s);
    f.volumes = {{u"/home/me/a:b"_s, u"/data"_s, false}};
    row("volume host colon", f, RunField::Volumes, 0, 0,
        u"Volume row 1: the host path contains ':', which koker run -v cannot express: choose "
        "a folder without ':' in its path."_s);
    f.volumes = {{u"/home/me"_s, u"data"_s, false}};
    row("volume target relative", f, RunField::Volumes, 0, 1,
        u"Volume row 1: the container path must be absolute (start with /) and not / "
        "itself."_s);
    f.volumes = {{u"/home/me"_s, u"/./"_s, false}};
    row("volume target root", f, RunField::Volumes, 0, 1,
        u"Volume row 1: the container path must be absolute (start with /) and not / "
        "itself."_s);
    f.volumes = {{u"/home/me"_s, u"/data:ro"_s, false}};
    row("volume target colon", f, RunField::Volumes, 0, 1,
        u"Volume row 1: the container path must not contain ':'."_s);
    f.volumes = {{u"/home/a"_s, u"/data"_s, false}, {u"/home/b"_s, u"/data/"_s, true}};
    row("volume target twice", f, RunField::Volumes, 1, 1,
        u"Volume row 2: /data is already mounted by row 1: choose another container path."_s);

    f = formFor(u"alpine"_s);
    f.memoryBytes = 4 * MiB;
    row("memory below 6 MiB", f, RunField::Memory, -1, -1,
        u"Memory must be at least 6 MiB, or 0 for no limit: the container's runtime alone "
        "needs that much."_s);
    f.memoryBytes = INT64_MAX / 2;
    row("memory too large", f, RunField::Memory, -1, -1,
        u"The memory limit is too large: use 0 for no limit."_s);

    f = formFor(u"alpine"_s);
    f.memorySwapBytes = GiB;
    row("swap without memory", f, RunField::Swap, -1, -1,
        u"A swap limit needs a memory limit: set Memory first, or choose unlimited swap."_s);
    f.memoryBytes = 512 * MiB;
    f.memorySwapBytes = 256 * MiB;
    row("swap below memory", f, RunField::Swap, -1, -1,
        u"Swap (memory + swap) must be at least the memory limit (512 MiB): it counts memory "
        "and swap together. Raise it, use 0 for the default (twice the memory), or choose "
        "unlimited swap."_s);
    f.memorySwapBytes = -2;
    row("swap negative", f, RunField::Swap, -1, -1,
        u"Swap must be a size, 0 for the default (twice the memory), or unlimited."_s);

    f = formFor(u"alpine"_s);
    f.nanoCpus = 5'000'000;
    row("cpus below 0.01", f, RunField::Cpus, -1, -1,
        u"The CPU limit must be at least 0.01, or 0 for no limit: the kernel's smallest quota "
        "is 1 ms in every 100 ms."_s);
    f.nanoCpus = 4'500'000'000;
    row("cpus above the host", f, RunField::Cpus, -1, -1,
        u"The CPU limit (4.5) is more than this host has (4): choose at most 4."_s);

    f = formFor(u"alpine"_s);
    f.pidsLimit = -5;
    row("pids negative", f, RunField::Pids, -1, -1,
        u"The process limit must be a positive number, or 0 for no limit."_s);
    f.pidsLimit = CgroupLimits::kMaxPids + 1;
    row("pids above the kernel's maximum", f, RunField::Pids, -1, -1,
        u"The process limit can be at most 4194304 (the kernel's maximum), or 0 for no "
        "limit."_s);

    f = formFor(u"alpine"_s);
    f.capAdd = u"NET_ADMIN FLY"_s;
    row("cap add", f, RunField::CapAdd, -1, -1,
        u"“FLY” is not a Linux capability: use names like NET_ADMIN or SYS_TIME (the CAP_ "
        "prefix is optional), or ALL."_s);
    f.capAdd.clear();
    f.capDrop = u"CAP_NOPE"_s;
    row("cap drop", f, RunField::CapDrop, -1, -1,
        u"“CAP_NOPE” is not a Linux capability: use names like NET_ADMIN or SYS_TIME (the "
        "CAP_ prefix is optional), or ALL."_s);
}

void TestRunSpec::validation()
{
    QFETCH(RunForm, form);
    QFETCH(HostInfo, hostInfo);
    QFETCH(RunField, field);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, message);

    const RunCheck check = form.check(hostInfo);
    QVERIFY(!check.isValid());
    // Exactly one error, the expected one: one mistake, one message.
    QCOMPARE(check.errorMessages(), QStringList{message});
    const auto it = std::find_if(check.issues.cbegin(), check.issues.cend(), [](const RunIssue &i) {
        return i.severity == RunIssue::Severity::Error;
    });
    QCOMPARE(it->field, field);
    QCOMPARE(it->row, row);
    QCOMPARE(it->column, column);
}

void TestRunSpec::warnings_data()
{
    QTest::addColumn<RunForm>("form");
    QTest::addColumn<HostInfo>("hostInfo");
    QTest::addColumn<QString>("message");

    RunForm f = formFor(u"alpine"_s);
    f.memoryBytes = 16 * GiB;
    QTest::newRow("memory above the host")
        << f << host(CgroupMode::Unified, 4, 8 * GiB)
        << u"The memory limit (16 GiB) is more than this host's memory (8 GiB): it will never "
           "be reached."_s;

    f = formFor(u"alpine"_s);
    f.memoryBytes = 256 * MiB;
    QTest::newRow("no swap accounting")
        << f << host(CgroupMode::Hybrid, 4, 8 * GiB, false)
        << u"This kernel does not account swap, so swap will not be limited (boot with "
           "swapaccount=1 to turn it on)."_s;

    f = formFor(u"alpine"_s);
    f.ports = {{u""_s, u"80"_s, u"80"_s, u"tcp"_s}};
    f.network = u"host"_s;
    QTest::newRow("ports with host network")
        << f << host(CgroupMode::Unified)
        << u"Published ports do nothing with the host network: the container already uses the "
           "host's own ports."_s;
    f.network = u"none"_s;
    QTest::newRow("ports with no network")
        << f << host(CgroupMode::Unified)
        << u"Published ports do nothing with the none network: the container has only a "
           "loopback interface."_s;

    f = formFor(u"alpine"_s);
    f.privileged = true;
    QTest::newRow("privileged")
        << f << host(CgroupMode::Unified)
        << u"Privileged: the container gets every capability and no seccomp filter, so it can "
           "change the host. Use it only for experiments."_s;
}

void TestRunSpec::warnings()
{
    QFETCH(RunForm, form);
    QFETCH(HostInfo, hostInfo);
    QFETCH(QString, message);
    const RunCheck check = form.check(hostInfo);
    QVERIFY2(check.isValid(), "a warning must not block Run");
    QCOMPARE(check.warningMessages(), QStringList{message});
}

void TestRunSpec::validFormHasNoIssues()
{
    RunForm f = fullForm();
    f.privileged = false;
    const RunCheck check = f.check(host(CgroupMode::Unified));
    QVERIFY2(check.issues.isEmpty(), qPrintable(check.errorMessages().join(u'\n')));
}

void TestRunSpec::emptyRowsAreIgnored()
{
    RunForm f = formFor(u"alpine"_s);
    f.env = {{}, {u"A"_s, u"1"_s}};
    f.ports = {{}, {u""_s, u"80"_s, u"8080"_s, u"tcp"_s}};
    f.volumes = {{}, {u"/home/a"_s, u"/a"_s, false}};
    const RunCheck check = f.check(host(CgroupMode::Unified));
    QVERIFY(check.isValid());
    QCOMPARE(check.spec.env, QStringList{u"A=1"_s});
    QCOMPARE(check.spec.ports.size(), 1);
    QCOMPARE(check.spec.volumes.size(), 1);

    // Rows keep their numbers in messages even after an ignored one.
    f.env = {{}, {u"9X"_s, u"1"_s}};
    QCOMPARE(f.check().issues.value(0).row, 1);
}

void TestRunSpec::fromSpecRoundTrip()
{
    const RunCheck first = fullForm().check(host(CgroupMode::Unified));
    QVERIFY(first.isValid());
    const RunForm again = RunForm::fromSpec(first.spec);
    const RunCheck second = again.check(host(CgroupMode::Unified));
    QVERIFY(second.isValid());
    QCOMPARE(second.spec.toDBusSpec(), first.spec.toDBusSpec());
    QCOMPARE(second.spec.commandLine(), first.spec.commandLine());
    QCOMPARE(volumeStrings(second.spec.volumes), volumeStrings(first.spec.volumes));

    RunSpec none;
    none.image = u"alpine"_s;
    none.entrypoint = QStringList{};
    none.cmd = {u"echo"_s, u"a b"_s};
    const RunForm f = RunForm::fromSpec(none);
    QCOMPARE(f.entrypoint, u"\"\""_s);
    QCOMPARE(f.command, u"echo 'a b'"_s);
    QCOMPARE(f.check().spec.commandLine(), none.commandLine());
}

void TestRunSpec::volumesForDBus()
{
    RunForm f = formFor(u"alpine"_s);
    f.volumes = {{u"/tmp"_s, u"/data/"_s, true}, {u"/"_s, u"/host"_s, false}};
    const RunSpec spec = f.check().spec;
    QCOMPARE(spec.volumeHostPaths(), (QStringList{u"/tmp"_s, u"/"_s}));
    QCOMPARE(spec.volumeTargets(), (QStringList{u"/data"_s, u"/host"_s}));

    // The caller opens each folder (O_PATH) and the list carries the fds.
    QList<QDBusUnixFileDescriptor> fds;
    for (const QString &path : spec.volumeHostPaths()) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_PATH | O_CLOEXEC);
        QVERIFY(fd >= 0);
        fds << QDBusUnixFileDescriptor(fd); // takes a duplicate
        ::close(fd);
    }
    const KokerVolumeList volumes = spec.toDBusVolumes(fds);
    QCOMPARE(volumes.size(), 2);
    QCOMPARE(volumes[0].target, u"/data"_s);
    QVERIFY(volumes[0].readOnly);
    QVERIFY(volumes[0].source.isValid());
    QCOMPARE(volumes[1].target, u"/host"_s);
    QVERIFY(!volumes[1].readOnly);

    QVERIFY(!RunSpec{}.attachTerminal());
    RunSpec attach;
    attach.tty = true;
    QVERIFY(!attach.attachTerminal());
    attach.interactive = true;
    QVERIFY(attach.attachTerminal());
}

// ---------------------------------------------------------------- cgroup previews

void TestRunSpec::cgroupPreviews_data()
{
    QTest::addColumn<CgroupLimits>("limits");
    QTest::addColumn<LimitKind>("kind");
    QTest::addColumn<CgroupMode>("mode");
    QTest::addColumn<bool>("swapAccounting");
    QTest::addColumn<QString>("text");

    const CgroupLimits none;
    CgroupLimits mem;
    mem.memoryBytes = 268435456;
    CgroupLimits memSwap = mem;
    memSwap.memorySwapBytes = 1073741824;
    CgroupLimits memUnlimitedSwap = mem;
    memUnlimitedSwap.memorySwapBytes = -1;
    CgroupLimits memNoSwap = mem;
    memNoSwap.memorySwapBytes = mem.memoryBytes;
    CgroupLimits cpu;
    cpu.nanoCpus = 500'000'000;
    CgroupLimits pids;
    pids.pidsMax = 100;
    CgroupLimits pidsUnlimited;
    pidsUnlimited.pidsMax = -1;
    CgroupLimits badSwap = mem;
    badSwap.memorySwapBytes = 1024 * 1024 * 100;

    const QString noLimit = u"no limit: nothing is written"_s;
    const QString swapNeedsMemory =
        u"nothing is written: swap is limited only together with memory"_s;
    struct Mode
    {
        const char *name;
        CgroupMode mode;
    };
    for (const Mode &m : {Mode{"legacy", CgroupMode::Legacy}, Mode{"hybrid", CgroupMode::Hybrid},
                          Mode{"unified", CgroupMode::Unified}}) {
        const bool v2 = m.mode == CgroupMode::Unified;
        auto row = [&](const char *what, const CgroupLimits &l, LimitKind kind, bool swap,
                       const QString &text) {
            QTest::addRow("%s: %s", m.name, what) << l << kind << m.mode << swap << text;
        };
        row("memory", mem, LimitKind::Memory, true,
            v2 ? u"memory.max ← 268435456"_s : u"memory.limit_in_bytes ← 268435456"_s);
        row("memory unset", none, LimitKind::Memory, true, noLimit);
        row("swap default is twice the memory", mem, LimitKind::Swap, true,
            v2 ? u"memory.swap.max ← 268435456"_s : u"memory.memsw.limit_in_bytes ← 536870912"_s);
        row("swap total 1 GiB", memSwap, LimitKind::Swap, true,
            v2 ? u"memory.swap.max ← 805306368"_s : u"memory.memsw.limit_in_bytes ← 1073741824"_s);
        row("swap unlimited", memUnlimitedSwap, LimitKind::Swap, true,
            v2 ? u"memory.swap.max ← max"_s : u"memory.memsw.limit_in_bytes ← -1"_s);
        row("no swap at all", memNoSwap, LimitKind::Swap, true,
            v2 ? u"memory.swap.max ← 0"_s : u"memory.memsw.limit_in_bytes ← 268435456"_s);
        row("swap without memory", none, LimitKind::Swap, true, swapNeedsMemory);
        row("swap without accounting", mem, LimitKind::Swap, false,
            v2 ? u"memory.swap.max is not written: this kernel does not account swap (boot "
                 "with swapaccount=1)"_s
               : u"memory.memsw.limit_in_bytes is not written: this kernel does not account "
                 "swap (boot with swapaccount=1)"_s);
        row("swap below memory", badSwap, LimitKind::Swap, true,
            u"nothing can be written until the value is fixed"_s);
        row("memory stays shown when swap is wrong", badSwap, LimitKind::Memory, true,
            v2 ? u"memory.max ← 268435456"_s : u"memory.limit_in_bytes ← 268435456"_s);
        row("cpu", cpu, LimitKind::Cpus, true,
            v2 ? u"cpu.max ← 50000 100000"_s : u"cpu.cfs_quota_us ← 50000 (period 100000)"_s);
        row("cpu unset", none, LimitKind::Cpus, true, noLimit);
        row("pids", pids, LimitKind::Pids, true, u"pids.max ← 100"_s);
        row("pids unlimited", pidsUnlimited, LimitKind::Pids, true, u"pids.max ← max"_s);
        row("pids unset", none, LimitKind::Pids, true, noLimit);
    }
}

void TestRunSpec::cgroupPreviews()
{
    QFETCH(CgroupLimits, limits);
    QFETCH(LimitKind, kind);
    QFETCH(CgroupMode, mode);
    QFETCH(bool, swapAccounting);
    QFETCH(QString, text);
    const CgroupPreview preview =
        cgroupPreview(limits, kind, host(mode, 4, 8 * GiB, swapAccounting));
    QCOMPARE(preview.text(), text);
    QVERIFY(preview.toolTip.startsWith(u"On this host ("_s));
}

void TestRunSpec::hostInfoFromGetInfo()
{
    const HostInfo h = HostInfo::fromInfoMap({{u"cgroupMode"_s, u"hybrid"_s},
                                              {u"hostCpus"_s, 6},
                                              {u"hostMemory"_s, qulonglong(16 * GiB)},
                                              {u"swapAccounting"_s, false},
                                              {u"version"_s, u"0.1.0"_s}});
    QVERIFY(h.known);
    QCOMPARE(h.cgroupMode, CgroupMode::Hybrid);
    QCOMPARE(h.hostCpus, 6);
    QCOMPARE(h.hostMemory, 16 * GiB);
    QVERIFY(!h.swapAccounting);
    QCOMPARE(HostInfo::fromInfoMap({{u"cgroupMode"_s, u"legacy"_s}}).cgroupMode,
             CgroupMode::Legacy);
    QVERIFY(!HostInfo::fromInfoMap({}).known);

    // Before the helper answers, previews say they assume a mode.
    CgroupLimits l;
    l.pidsMax = 10;
    QVERIFY(cgroupPreview(l, LimitKind::Pids, HostInfo{}).toolTip.startsWith(u"The helper"_s));
}

QTEST_MAIN(TestRunSpec)
#include "tst_runspec.moc"
