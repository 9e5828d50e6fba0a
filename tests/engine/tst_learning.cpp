// Learning features (issue 8), engine/CLI half: step-through mode driven like a
// student at a terminal (real pauses: the cgroup does not exist yet while paused),
// an abort mid-way that leaves nothing behind, the exports (a bash script that
// really rebuilds the container by hand, a Chrome trace, a Markdown report), the
// under-the-hood document of a running container, and rm --proof.

#include "testsupport.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <sys/mount.h>

using namespace Qt::Literals::StringLiterals;
using koker::test::ProcessResult;

namespace {

// One "Next step ..." prompt of `koker run --step`.
struct Prompt
{
    int seq = 0;
    QString phase;
    QString side;
    QString title;
    bool valid() const { return seq > 0; }
};

// Drives `koker run --step` through its stdin/stderr like a student would.
class StepDriver
{
public:
    explicit StepDriver(const QStringList &args) { m_p.start(koker::test::kokerBinary(), args); }
    ~StepDriver()
    {
        if (m_p.state() != QProcess::NotRunning) {
            m_p.kill();
            m_p.waitForFinished(10000);
        }
    }

    // The next prompt, or an invalid one when the program ended first.
    Prompt next(int timeoutMs = 60000)
    {
        static const QRegularExpression re(
            u"Next step (\\d+) \\[(\\w+), (\\w+)\\]: ([^\\n]*)\\n[\\s\\S]*?to abort: "_s);
        QElapsedTimer t;
        t.start();
        for (;;) {
            auto m = re.match(QString::fromUtf8(m_err), m_pos);
            if (m.hasMatch()) {
                m_pos = m.capturedEnd();
                return Prompt{m.captured(1).toInt(), m.captured(2), m.captured(3), m.captured(4)};
            }
            if (m_p.state() == QProcess::NotRunning || t.elapsed() > timeoutMs)
                return {};
            m_p.waitForReadyRead(200);
            m_err += m_p.readAllStandardError();
        }
    }
    void answer(const QByteArray &line) { m_p.write(line); }
    bool finish(int timeoutMs = 60000)
    {
        m_p.closeWriteChannel();
        // waitForFinished() says false for a process that has already ended.
        bool done = m_p.state() == QProcess::NotRunning || m_p.waitForFinished(timeoutMs);
        m_err += m_p.readAllStandardError();
        m_out += m_p.readAllStandardOutput();
        return done;
    }
    int exitCode() const { return m_p.exitStatus() == QProcess::NormalExit ? m_p.exitCode() : -1; }
    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }

private:
    QProcess m_p;
    QByteArray m_err, m_out;
    qsizetype m_pos = 0;
};

// Every cgroup directory of container `id` that exists now, in any layout.
QStringList cgroupDirsOf(const QString &name)
{
    QStringList found;
    const QStringList hierarchies =
        QDir(u"/sys/fs/cgroup"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &h : hierarchies) {
        const QString dir = u"/sys/fs/cgroup/"_s + h + u"/koker/"_s + name;
        if (QFileInfo::exists(dir))
            found << dir;
    }
    if (QFileInfo::exists(u"/sys/fs/cgroup/koker/"_s + name))
        found << u"/sys/fs/cgroup/koker/"_s + name;
    return found;
}

QString limitValue(const QJsonObject &hood, const QString &file)
{
    for (const QJsonValue &v : hood.value(u"cgroup"_s).toObject().value(u"limits"_s).toArray()) {
        if (v.toObject().value(u"file"_s).toString() == file)
            return v.toObject().value(u"value"_s).toString();
    }
    return u"<missing>"_s;
}

} // namespace

class TestLearning : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp{u"/tmp/kl-XXXXXX"_s};
    QSet<QString> m_ids;
    bool m_unified = false;
    QString root() const { return m_tmp.path(); }
    ProcessResult koker(const QStringList &args, const QByteArray &in = {})
    {
        return koker::test::koker(root(), args, in);
    }
    QStringList kokerArgs(const QStringList &args) const
    {
        return QStringList{u"--root"_s, root()} + args;
    }
    QJsonObject inspect(const QString &name)
    {
        return QJsonDocument::fromJson(koker({u"inspect"_s, name}).out).array().first().toObject();
    }
    // What a container could leave on the host (tst_faults' leak check, for one id).
    QStringList leaks(const QString &id)
    {
        QStringList found = cgroupDirsOf(id);
        const QString links =
            QString::fromUtf8(koker::test::run(u"ip"_s, {u"-o"_s, u"link"_s}).out);
        if (links.contains(u"kk"_s + id.left(12)) && !koker::test::linkGone(u"kk"_s + id.left(12)))
            found << u"veth kk"_s + id.left(12);
        const QString rules = QString::fromUtf8(
            koker::test::run(u"iptables-legacy"_s, {u"-t"_s, u"nat"_s, u"-S"_s}).out +
            koker::test::run(u"iptables-legacy"_s, {u"-t"_s, u"filter"_s, u"-S"_s}).out);
        if (rules.contains(id.left(12)))
            found << u"iptables rule of "_s + id.left(12);
        if (QFileInfo::exists(root() + u"/run/netns/"_s + id))
            found << u"netns file "_s + id;
        for (const QString &m : koker::test::mountsUnder(root())) {
            if (m.contains(id))
                found << u"mount "_s + m;
        }
        if (QFileInfo::exists(root() + u"/containers/"_s + id))
            found << u"state dir "_s + id;
        if (QFileInfo::exists(root() + u"/run/c/"_s + id.left(12)))
            found << u"run dir "_s + id.left(12);
        QFile leases(root() + u"/networks/bridge/leases"_s);
        if (leases.open(QIODevice::ReadOnly) && leases.readAll().contains(id.toLatin1()))
            found << u"lease of "_s + id.left(12);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KOKER_REQUIRE_ROOT();
        QVERIFY(m_tmp.isValid());
        QCOMPARE(koker({u"image"_s, u"import"_s, u"--starter"_s}).exitCode, 0);
        m_unified = QFileInfo::exists(u"/sys/fs/cgroup/cgroup.controllers"_s);
    }

    void cleanupTestCase() { koker::test::removeStore(root()); }

    void stepThroughPausesBeforeTheFirstCgroupWrite()
    {
        StepDriver run(kokerArgs({u"run"_s, u"--step"_s, u"--name"_s, u"st"_s, u"-m"_s, u"64m"_s,
                                  u"starter"_s, u"sh"_s, u"-c"_s, u"echo ran as pid $$"_s}));
        QString id;
        bool sawCgroup = false, checkedAfter = false;
        int prompts = 0;
        for (Prompt p = run.next(); p.valid(); p = run.next()) {
            ++prompts;
            if (p.phase == u"cgroup"_s && !sawCgroup) {
                sawCgroup = true;
                // Paused: ask from a second process, as a student in another terminal.
                auto r = koker({u"inspect"_s, u"-f"_s, u"Id"_s, u"st"_s});
                QCOMPARE(r.exitCode, 0);
                id = QString::fromUtf8(r.out.trimmed());
                QCOMPARE(id.size(), 64);
                m_ids.insert(id);
                const QString memory = m_unified ? u"/sys/fs/cgroup/koker/"_s + id
                                                 : u"/sys/fs/cgroup/memory/koker/"_s + id;
                QVERIFY2(!QFileInfo::exists(memory), qPrintable(memory + u" exists already"_s));
                QVERIFY2(cgroupDirsOf(id).isEmpty(), qPrintable(cgroupDirsOf(id).join(u' ')));
            } else if (sawCgroup && !checkedAfter) {
                // The step we let go really ran: its directory is there now.
                checkedAfter = true;
                QVERIFY2(!cgroupDirsOf(id).isEmpty(), "the first cgroup step made nothing");
            }
            run.answer("\n");
        }
        QVERIFY(run.finish());
        QVERIFY2(sawCgroup, run.err().constData());
        QVERIFY(prompts > 20);
        QCOMPARE(run.exitCode(), 0);
        QCOMPARE(run.out(), QByteArray("ran as pid 1\n"));
        QCOMPARE(inspect(u"st"_s).value(u"State"_s).toObject().value(u"ExitCode"_s).toInt(), 0);
    }

    void stepThroughAbortInsideTheContainerLeavesNothing()
    {
        StepDriver run(kokerArgs({u"run"_s, u"--rm"_s, u"--step"_s, u"--name"_s, u"st2"_s, u"-p"_s,
                                  u"127.0.0.1:18931:80"_s, u"starter"_s, u"true"_s}));
        QString id;
        bool aborted = false;
        for (Prompt p = run.next(); p.valid(); p = run.next()) {
            if (id.isEmpty()) {
                auto r = koker({u"inspect"_s, u"-f"_s, u"Id"_s, u"st2"_s});
                id = QString::fromUtf8(r.out.trimmed());
                m_ids.insert(id);
            }
            if (p.phase == u"namespace"_s && p.side == u"container"_s &&
                p.title.contains(u"pivot_root"_s)) {
                // Half-made: cgroups, veth, rules, mounts in the child exist now.
                QVERIFY(!cgroupDirsOf(id).isEmpty());
                run.answer("a\n");
                aborted = true;
                break;
            }
            run.answer("\n");
        }
        QVERIFY(run.finish());
        QVERIFY2(aborted, run.err().constData());
        QCOMPARE(run.exitCode(), 125);
        QCOMPARE(id.size(), 64);
        QVERIFY2(leaks(id).isEmpty(), qPrintable(leaks(id).join(u", "_s)));
    }

    void exportedScriptRebuildsTheContainer()
    {
        auto r = koker({u"run"_s, u"--name"_s, u"byhand"_s, u"-h"_s, u"learnhost"_s, u"-m"_s,
                        u"48m"_s, u"--pids-limit"_s, u"20"_s, u"starter"_s, u"sh"_s, u"-c"_s,
                        u"echo \"pid=$$ host=$(hostname)\""_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("pid=1 host=learnhost\n"));
        const QString id = inspect(u"byhand"_s).value(u"Id"_s).toString();
        m_ids.insert(id);
        auto exported =
            koker({u"inspect"_s, u"--steps"_s, u"byhand"_s, u"--format"_s, u"script"_s});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.startsWith("#!/bin/bash\n"));
        // Commented with the original steps' titles.
        const QJsonArray steps = inspect(u"byhand"_s).value(u"Steps"_s).toArray();
        for (const QJsonValue &v : steps) {
            const QJsonObject s = v.toObject();
            if (s.value(u"action"_s).toString() == u"start"_s)
                QVERIFY2(exported.out.contains(s.value(u"title"_s).toString().toUtf8()),
                         qPrintable(s.value(u"title"_s).toString()));
        }
        const QString script = root() + u"/byhand.sh"_s;
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(exported.out);
        f.close();
        const QStringList tmpBefore =
            QDir(u"/tmp"_s).entryList({u"koker-byhand.*"_s}, QDir::Dirs | QDir::Hidden);

        auto ran = koker::test::run(u"bash"_s, {script});
        QVERIFY2(ran.exitCode == 0, ran.err.constData());
        QCOMPARE(ran.out, QByteArray("pid=1 host=learnhost\n"));
        // The script shows the limit it wrote, read back from the kernel.
        QVERIFY2(QRegularExpression(u"memory\\.(limit_in_bytes|max) <- 50331648 \\(the file now "
                                    u"reads 50331648\\)"_s)
                     .match(QString::fromUtf8(ran.err))
                     .hasMatch(),
                 ran.err.constData());
        QVERIFY2(ran.err.contains("pids.max <- 20"), ran.err.constData());
        // ...and cleans up after itself.
        QVERIFY2(cgroupDirsOf(id.left(12) + u"-byhand"_s).isEmpty(),
                 qPrintable(cgroupDirsOf(id.left(12) + u"-byhand"_s).join(u' ')));
        QVERIFY(koker::test::mountsUnder(u"/tmp/koker-byhand."_s).isEmpty());
        QCOMPARE(QDir(u"/tmp"_s).entryList({u"koker-byhand.*"_s}, QDir::Dirs | QDir::Hidden),
                 tmpBefore);
        QVERIFY(ran.err.contains("== cleanup =="));
    }

    void traceIsChromeTraceEventJson()
    {
        auto r = koker({u"inspect"_s, u"--steps"_s, u"byhand"_s, u"--format"_s, u"trace"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QJsonArray events = doc.object().value(u"traceEvents"_s).toArray();
        int complete = 0, names = 0;
        QSet<int> pids;
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            const QString ph = e.value(u"ph"_s).toString();
            if (ph == u"M"_s) {
                ++names;
                continue;
            }
            QCOMPARE(ph, u"X"_s);
            QVERIFY(e.value(u"ts"_s).isDouble());
            QVERIFY(e.value(u"dur"_s).isDouble());
            QVERIFY(e.value(u"dur"_s).toDouble() >= 0);
            QVERIFY(!e.value(u"name"_s).toString().isEmpty());
            QVERIFY(e.value(u"pid"_s).isDouble() && e.value(u"tid"_s).isDouble());
            if (e.value(u"cat"_s).toString() != u"action"_s) {
                const QJsonObject args = e.value(u"args"_s).toObject();
                for (const char16_t *k : {u"op", u"shell", u"key", u"state", u"errno"})
                    QVERIFY2(args.contains(QString::fromUtf16(k)),
                             qPrintable(QString::fromUtf16(k)));
            }
            pids.insert(e.value(u"pid"_s).toInt());
            ++complete;
        }
        QVERIFY(complete >= inspect(u"byhand"_s).value(u"Steps"_s).toArray().size());
        QVERIFY(names >= 4); // both processes and their threads are named
        QCOMPARE(pids, (QSet<int>{1, 2}));
    }

    void markdownHasEveryStepTitle()
    {
        auto r = koker({u"inspect"_s, u"--steps"_s, u"byhand"_s, u"--format"_s, u"markdown"_s});
        QCOMPARE(r.exitCode, 0);
        const QString md = QString::fromUtf8(r.out);
        QVERIFY(md.startsWith(u"# Lab report: container `byhand`"_s));
        QVERIFY(md.contains(u"| Cgroup mode | "_s));
        QVERIFY(md.contains(u"memory 48 MiB"_s));
        QVERIFY(md.contains(u"| Seq | Phase | Side | Title | Duration | Result | Operation |"_s));
        for (const QJsonValue &v : inspect(u"byhand"_s).value(u"Steps"_s).toArray()) {
            const QString title = v.toObject().value(u"title"_s).toString();
            QVERIFY2(md.contains(title), qPrintable(title));
        }
        QCOMPARE(koker({u"inspect"_s, u"--steps"_s, u"byhand"_s, u"--format"_s, u"pdf"_s}).exitCode,
                 125);
    }

    void underTheHoodOfARunningContainer()
    {
        auto r = koker({u"run"_s, u"-d"_s, u"--name"_s, u"hood"_s, u"-m"_s, u"64m"_s, u"--cpus"_s,
                        u"0.5"_s, u"--pids-limit"_s, u"42"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QCOMPARE(r.exitCode, 0);
        m_ids.insert(QString::fromUtf8(r.out.trimmed()));
        auto h = koker({u"inspect"_s, u"--hood"_s, u"hood"_s});
        QVERIFY2(h.exitCode == 0, h.err.constData());
        const QJsonObject hood = QJsonDocument::fromJson(h.out).object();
        const QJsonObject doc = inspect(u"hood"_s);
        QCOMPARE(hood.value(u"schema"_s).toInt(), 1);
        QCOMPARE(hood.value(u"id"_s).toString(), doc.value(u"Id"_s).toString());

        // Namespaces: its own of each kind Koker makes.
        QSet<QString> own;
        for (const QJsonValue &v : hood.value(u"namespaces"_s).toArray()) {
            const QJsonObject n = v.toObject();
            QVERIFY(!n.value(u"explanation"_s).toString().isEmpty());
            QVERIFY(n.value(u"containerInode"_s).toInteger() > 0);
            if (!n.value(u"shared"_s).toBool()) {
                own.insert(n.value(u"type"_s).toString());
                QVERIFY(n.value(u"containerInode"_s).toInteger() !=
                        n.value(u"hostInode"_s).toInteger());
            }
        }
        for (const char16_t *t : {u"mnt", u"uts", u"ipc", u"pid", u"net", u"cgroup"})
            QVERIFY2(own.contains(QString::fromUtf16(t)), qPrintable(QString::fromUtf16(t)));

        // Cgroup: the limit files hold what -m, --cpus and --pids-limit asked for.
        const QJsonObject cg = hood.value(u"cgroup"_s).toObject();
        QCOMPARE(cg.value(u"mode"_s).toString(),
                 doc.value(u"Cgroup"_s).toObject().value(u"Mode"_s).toString());
        if (m_unified) {
            QCOMPARE(limitValue(hood, u"memory.max"_s), u"67108864"_s);
            QCOMPARE(limitValue(hood, u"cpu.max"_s), u"50000 100000"_s);
        } else {
            QCOMPARE(limitValue(hood, u"memory.limit_in_bytes"_s), u"67108864"_s);
            QCOMPARE(limitValue(hood, u"cpu.cfs_quota_us"_s), u"50000"_s);
            QCOMPARE(limitValue(hood, u"cpu.cfs_period_us"_s), u"100000"_s);
        }
        QCOMPARE(limitValue(hood, u"pids.max"_s), u"42"_s);
        for (const QJsonValue &v : cg.value(u"limits"_s).toArray()) {
            const QJsonObject l = v.toObject();
            if (!l.value(u"configured"_s).isNull())
                QCOMPARE(l.value(u"value"_s).toString(), l.value(u"configured"_s).toString());
        }
        QCOMPARE(cg.value(u"stats"_s).toObject().value(u"pidsCurrent"_s).toInt(), 1);
        QCOMPARE(cg.value(u"counters"_s).toObject().value(u"oomKills"_s).toInt(), 0);

        // Mounts: the root is the overlay, and its lowerdir is the image's layers.
        const QJsonObject mounts = hood.value(u"mounts"_s).toObject();
        const QJsonObject rootMount = mounts.value(u"tree"_s).toObject();
        QCOMPARE(rootMount.value(u"mountPoint"_s).toString(), u"/"_s);
        QCOMPARE(rootMount.value(u"fsType"_s).toString(), u"overlay"_s);
        QVERIFY(rootMount.value(u"children"_s).toArray().size() >= 4);
        const QJsonArray image =
            QJsonDocument::fromJson(koker({u"image"_s, u"inspect"_s, u"starter"_s}).out)
                .array()
                .first()
                .toObject()
                .value(u"Layers"_s)
                .toArray();
        QStringList diffIds; // top first, as overlayfs orders them
        for (const QJsonValue &v : image)
            diffIds.prepend(v.toObject().value(u"DiffID"_s).toString());
        QStringList lower;
        for (const QJsonValue &v :
             mounts.value(u"overlay"_s).toObject().value(u"lowerdir"_s).toArray()) {
            lower << v.toObject().value(u"diffId"_s).toString();
            QVERIFY(v.toObject().value(u"inImage"_s).toBool());
        }
        QCOMPARE(lower, diffIds);
        QVERIFY(mounts.value(u"overlay"_s).toObject().value(u"upperIsContainers"_s).toBool());

        // Network: the same address inside as inspect says, the veth in the bridge.
        const QJsonObject net = hood.value(u"network"_s).toObject();
        const QJsonObject settings = doc.value(u"NetworkSettings"_s).toObject();
        QCOMPARE(net.value(u"host"_s).toObject().value(u"veth"_s).toString(),
                 settings.value(u"HostVeth"_s).toString());
        QCOMPARE(net.value(u"host"_s).toObject().value(u"vethMaster"_s).toString(),
                 settings.value(u"Bridge"_s).toString());
        QCOMPARE(net.value(u"container"_s).toObject().value(u"gateway"_s).toString(),
                 settings.value(u"Gateway"_s).toString());
        bool eth0 = false;
        for (const QJsonValue &v :
             net.value(u"container"_s).toObject().value(u"interfaces"_s).toArray()) {
            const QJsonObject i = v.toObject();
            if (i.value(u"name"_s).toString() == u"eth0"_s) {
                eth0 = true;
                QCOMPARE(i.value(u"mac"_s).toString(), settings.value(u"MacAddress"_s).toString());
                QVERIFY(i.value(u"addresses"_s)
                            .toArray()
                            .contains(QString(
                                settings.value(u"IPAddress"_s).toString() + u'/' +
                                QString::number(settings.value(u"IPPrefixLen"_s).toInt()))));
            }
        }
        QVERIFY(eth0);
    }

    void underTheHoodWithHostNetwork()
    {
        auto r = koker({u"run"_s, u"-d"_s, u"--name"_s, u"hostnet"_s, u"--network"_s, u"host"_s,
                        u"starter"_s, u"sleep"_s, u"300"_s});
        QCOMPARE(r.exitCode, 0);
        m_ids.insert(QString::fromUtf8(r.out.trimmed()));
        const QJsonObject hood =
            QJsonDocument::fromJson(koker({u"inspect"_s, u"--hood"_s, u"hostnet"_s}).out).object();
        QHash<QString, bool> shared;
        for (const QJsonValue &v : hood.value(u"namespaces"_s).toArray())
            shared.insert(v.toObject().value(u"type"_s).toString(),
                          v.toObject().value(u"shared"_s).toBool());
        QCOMPARE(shared.value(u"net"_s), true);
        for (const char16_t *t : {u"mnt", u"uts", u"ipc", u"pid", u"cgroup"})
            QCOMPARE(shared.value(QString::fromUtf16(t), true), false);
        QVERIFY(hood.value(u"network"_s).toObject().value(u"sharedWithHost"_s).toBool());
        QCOMPARE(koker({u"rm"_s, u"-f"_s, u"hostnet"_s}).exitCode, 0);
        // Not running: nothing to look at, and a clear error.
        auto stopped = koker({u"inspect"_s, u"--hood"_s, u"byhand"_s});
        QCOMPARE(stopped.exitCode, 1);
        QVERIFY(stopped.err.contains("not running"));
    }

    void removeWithProof()
    {
        const QString id = inspect(u"hood"_s).value(u"Id"_s).toString();
        auto preview = koker({u"inspect"_s, u"--proof"_s, u"hood"_s});
        QCOMPARE(preview.exitCode, 0);
        QVERIFY(preview.out.contains("[there now]"));
        QVERIFY(preview.out.contains("cgroup dir"));
        QVERIFY(preview.out.contains(QByteArray("veth kk" + id.left(12).toLatin1())));
        QVERIFY(preview.out.contains("IP lease"));
        auto r = koker({u"rm"_s, u"-f"_s, u"--proof"_s, u"hood"_s});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(r.out.contains("✓ removed: cgroup dir"));
        QVERIFY(r.out.contains("✓ removed: netns file"));
        QVERIFY(r.out.contains("✓ removed: veth"));
        QVERIFY(r.out.contains("✓ removed: IP lease"));
        QVERIFY(r.out.contains("✓ removed: state dir"));
        QVERIFY(!r.out.contains("✗"));
        QVERIFY(r.out.contains("host changes are gone."));
        QVERIFY2(leaks(id).isEmpty(), qPrintable(leaks(id).join(u", "_s)));
    }

    void removeWithProofReportsWhatIsLeft()
    {
        // Something the engine cannot take away: a mount a "student" put on the
        // container's run directory. The checklist must say so, and rm fail.
        auto r =
            koker({u"run"_s, u"-d"_s, u"--name"_s, u"stuck"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QCOMPARE(r.exitCode, 0);
        const QString id = QString::fromUtf8(r.out.trimmed());
        m_ids.insert(id);
        const QString runDir = root() + u"/run/c/"_s + id.left(12);
        QVERIFY(QFileInfo::exists(runDir));
        QCOMPARE(::mount("tmpfs", QFile::encodeName(runDir).constData(), "tmpfs", 0, nullptr), 0);
        auto rm = koker({u"rm"_s, u"-f"_s, u"--proof"_s, u"stuck"_s});
        ::umount2(QFile::encodeName(runDir).constData(), MNT_DETACH);
        QVERIFY(rm.exitCode != 0);
        QVERIFY2(rm.out.contains("✗ still there: run dir"), rm.out.constData());
        QVERIFY(rm.out.contains("host changes are still there."));
        // Remove what is left for the next tests.
        QDir(runDir).removeRecursively();
        if (QFileInfo::exists(root() + u"/containers/"_s + id))
            koker({u"rm"_s, u"-f"_s, id});
    }
};

QTEST_GUILESS_MAIN(TestLearning)
#include "tst_learning.moc"
