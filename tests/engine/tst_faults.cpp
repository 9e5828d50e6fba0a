// Faults and load (issue: hardening): a CLI killed at every step of a start, a
// monitor or a container process killed, a full disk during extraction, 50
// containers at once, removal racing runs. After each, the next command works and
// a leak check finds nothing: no mount, cgroup, veth, netns file, iptables rule,
// lease or state directory of the test's containers.

#include "tarbuilder.h"
#include "testsupport.h"

#include <QtConcurrent/QtConcurrent>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <signal.h>
#include <sys/mount.h>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using koker::test::ProcessResult;

class TestFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp{u"/tmp/kf-XXXXXX"_s};
    QSet<QString> m_ids; // every container id this test made
    QString root() const { return m_tmp.path(); }
    ProcessResult koker(const QStringList &args, const QByteArray &in = {})
    {
        return koker::test::koker(root(), args, in);
    }
    // koker with KOKER_FAULT_KILL_AT=point, which dies like a kill -9 when it gets
    // there: how it ended, or nothing if it did not end within a minute.
    std::optional<QProcess::ExitStatus> kokerKilledAt(const QString &point, const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"KOKER_FAULT_KILL_AT"_s, point);
        p.setProcessEnvironment(env);
        p.start(koker::test::kokerBinary(), QStringList{u"--root"_s, root()} + args);
        if (!p.waitForFinished(60000))
            return std::nullopt;
        return p.exitStatus();
    }
    // The keys of a container's recorded steps of `action` (and `side`, if given),
    // each once, in the order they ran.
    QStringList stepKeys(const QString &name, const QString &action, const QString &side = {})
    {
        QStringList keys;
        const QJsonArray steps = inspect(name).value(u"Steps"_s).toArray();
        for (const QJsonValue &v : steps) {
            const QJsonObject o = v.toObject();
            const QString key = o.value(u"key"_s).toString();
            if (o.value(u"action"_s).toString() == action &&
                (side.isEmpty() || o.value(u"side"_s).toString() == side) && !keys.contains(key))
                keys << key;
        }
        return keys;
    }
    QJsonObject inspect(const QString &name)
    {
        return QJsonDocument::fromJson(koker({u"inspect"_s, name}).out).array().first().toObject();
    }
    void remember()
    {
        const auto out = koker({u"ps"_s, u"-aq"_s, u"--no-trunc"_s}).out.split('\n');
        for (const QByteArray &id : out) {
            if (!id.isEmpty())
                m_ids.insert(QString::fromLatin1(id));
        }
    }
    void removeAll()
    {
        remember();
        const QStringList ids =
            QString::fromUtf8(koker({u"ps"_s, u"-aq"_s}).out).split(u'\n', Qt::SkipEmptyParts);
        if (!ids.isEmpty())
            koker(QStringList{u"rm"_s, u"-f"_s} + ids);
    }
    // Everything a container of ours could leave on the host.
    QStringList leaks()
    {
        QStringList found;
        const QStringList hierarchies =
            QDir(u"/sys/fs/cgroup"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &id : std::as_const(m_ids)) {
            for (const QString &h : hierarchies) {
                const QString dir = u"/sys/fs/cgroup/"_s + h + u"/koker/"_s + id;
                if (QFileInfo::exists(dir))
                    found << dir;
            }
        }
        const QString links =
            QString::fromUtf8(koker::test::run(u"ip"_s, {u"-o"_s, u"link"_s}).out);
        const QString nat = QString::fromUtf8(
            koker::test::run(u"iptables-legacy"_s, {u"-t"_s, u"nat"_s, u"-S"_s}).out +
            koker::test::run(u"iptables-legacy"_s, {u"-t"_s, u"filter"_s, u"-S"_s}).out);
        for (const QString &id : std::as_const(m_ids)) {
            if (links.contains(u"kk"_s + id.left(12)) &&
                !koker::test::linkGone(u"kk"_s + id.left(12)))
                found << u"veth kk"_s + id.left(12);
            if (nat.contains(id.left(12)))
                found << u"iptables rule of "_s + id.left(12);
        }
        for (const QString &m : koker::test::mountsUnder(root())) {
            if (m != root() + u"/run/netns"_s)
                found << u"mount "_s + m;
        }
        for (const QString &f : QDir(root() + u"/run/netns"_s).entryList(QDir::Files))
            found << u"netns file "_s + f;
        for (const QString &d : QDir(root() + u"/containers"_s)
                                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden))
            found << u"state dir "_s + d;
        for (const QString &d :
             QDir(root() + u"/run/c"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            found << u"run dir "_s + d;
        QDir networks(root() + u"/networks"_s);
        for (const QString &n : networks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile leases(networks.filePath(n) + u"/leases"_s);
            if (leases.open(QIODevice::ReadOnly)) {
                for (const QByteArray &line : leases.readAll().split('\n')) {
                    if (!line.trimmed().isEmpty() && !line.startsWith('#') &&
                        !line.startsWith("subnet "))
                        found << u"lease "_s + QString::fromUtf8(line);
                }
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KOKER_REQUIRE_ROOT();
        QVERIFY(m_tmp.isValid());
        QCOMPARE(koker({u"image"_s, u"import"_s, u"--starter"_s}).exitCode, 0);
    }

    void cleanupTestCase() { koker::test::removeStore(root()); }

    void cliKilledAtEachStep_data()
    {
        QTest::addColumn<QString>("key");
        // The host-side steps of a start, as the engine names them: every one of
        // them an injection point.
        auto r = koker({u"run"_s, u"-d"_s, u"-p"_s, u"127.0.0.1:18999:80"_s, u"starter"_s,
                        u"sleep"_s, u"100"_s});
        QString id = QString::fromUtf8(r.out.trimmed());
        QStringList keys = stepKeys(id, u"start"_s, u"host"_s);
        removeAll();
        QVERIFY(keys.size() > 10);
        for (const QString &k : keys)
            QTest::newRow(qPrintable(k)) << k;
    }

    void cliKilledAtEachStep()
    {
        QFETCH(QString, key);
        QVERIFY(kokerKilledAt(key, {u"run"_s, u"-d"_s, u"-p"_s, u"127.0.0.1:18999:80"_s,
                                    u"starter"_s, u"sleep"_s, u"100"_s}));
        remember();
        // The next command works (and reconciles), rm takes what is left.
        QCOMPARE(koker({u"ps"_s, u"-a"_s}).exitCode, 0);
        removeAll();
        QVERIFY2(leaks().isEmpty(), qPrintable(leaks().join(u", "_s)));
        // ...and a normal run still works afterwards.
        auto ok = koker({u"run"_s, u"--rm"_s, u"starter"_s, u"echo"_s, u"fine"_s});
        QCOMPARE(ok.out, QByteArray("fine\n"));
    }

    // Killed while the container's record is written (after config and state, before
    // the directory is renamed into place): no half container is listed, and the
    // next command sweeps what was left. The dbus tier saw this once: a kokerd
    // killed there left a container that `ps -a` listed and `rm -f` could not find.
    void killedWhileRecording()
    {
        auto ended = kokerKilledAt(u"fault.record-rename"_s,
                                   {u"run"_s, u"-d"_s, u"--name"_s, u"halfway"_s, u"starter"_s});
        QVERIFY(ended);
        QCOMPARE(*ended, QProcess::CrashExit);
        const QDir containers(root() + u"/containers"_s);
        const auto left = [&] {
            return containers.entryList({u".creating-*"_s}, QDir::Dirs | QDir::Hidden);
        };
        QCOMPARE(left().size(), 1);
        auto ps = koker({u"ps"_s, u"-aq"_s});
        QCOMPARE(ps.exitCode, 0);
        QCOMPARE(ps.out, QByteArray());
        QVERIFY2(left().isEmpty(), qPrintable(left().join(u", "_s)));
        // The name was never taken.
        auto r = koker({u"run"_s, u"--rm"_s, u"--name"_s, u"halfway"_s, u"starter"_s, u"true"_s});
        QCOMPARE(r.exitCode, 0);
    }

    // The ids in the store right now, read from the disk: no koker command, which
    // would reconcile first.
    QStringList storedIds() const
    {
        return QDir(root() + u"/containers"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }

    void cliKilledDuringRmCleanup_data()
    {
        QTest::addColumn<QString>("key");
        // The cleanup steps of an attached run, as a container that stays records
        // them; a --rm run does the same and then deletes the directory.
        auto r = koker({u"run"_s, u"--name"_s, u"keys"_s, u"-p"_s, u"127.0.0.1:18998:80"_s,
                        u"starter"_s, u"true"_s});
        QCOMPARE(r.exitCode, 0);
        QStringList keys = stepKeys(u"keys"_s, u"cleanup"_s);
        // A key the start uses too would kill the start.
        const QStringList startKeys = stepKeys(u"keys"_s, u"start"_s);
        keys.removeIf([&](const QString &k) { return startKeys.contains(k); });
        removeAll();
        QVERIFY(keys.size() > 5);
        keys << u"storage.remove"_s;
        for (const QString &k : keys)
            QTest::newRow(qPrintable(k)) << k;
    }

    // `run --rm` killed after its container exited, half-way through the cleanup
    // that removes it: the next command finishes that cleanup, as Docker's daemon
    // does for an --rm container it finds exited. No `rm` needed.
    void cliKilledDuringRmCleanup()
    {
        QFETCH(QString, key);
        auto ended = kokerKilledAt(
            key, {u"run"_s, u"--rm"_s, u"-p"_s, u"127.0.0.1:18998:80"_s, u"starter"_s, u"true"_s});
        QVERIFY(ended);
        QCOMPARE(*ended, QProcess::CrashExit); // it did die at that step
        const QStringList left = storedIds();
        QCOMPARE(left.size(), 1);
        m_ids += QSet<QString>(left.begin(), left.end());
        auto ps = koker({u"ps"_s, u"-aq"_s});
        QCOMPARE(ps.exitCode, 0);
        QCOMPARE(ps.out, QByteArray());
        QVERIFY2(leaks().isEmpty(), qPrintable(leaks().join(u", "_s)));
    }

    // `koker -D run --rm ... | head -c1`: once head has gone, koker's writes fail
    // (EPIPE, not SIGPIPE) and it finishes the run and its cleanup.
    void closedPipeDoesNotStopCleanup()
    {
        const QString script =
            u"'%1' --root '%2' -D run --rm starter true 2>&1 | head -c1 "
            u">/dev/null; echo ${PIPESTATUS[0]}"_s.arg(koker::test::kokerBinary(), root());
        auto r = koker::test::run(u"bash"_s, {u"-c"_s, script});
        QCOMPARE(r.out.trimmed(), QByteArray("0"));
        QCOMPARE(storedIds(), QStringList());
        QCOMPARE(QDir(root() + u"/run/c"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList());
    }

    // A signal while koker alone owns a half-made container waits until it is
    // whole or gone: here SIGTERM at a --step prompt, after the container's record
    // was made. The start rolls back, the --rm container goes, then koker dies of
    // the signal.
    void signalAtStepPromptRollsBack()
    {
        QProcess p;
        p.start(koker::test::kokerBinary(),
                {u"--root"_s, root(), u"run"_s, u"--rm"_s, u"--step"_s, u"starter"_s, u"true"_s});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QDeadlineTimer deadline(30000);
        while (!err.contains("Press Enter") && p.state() == QProcess::Running &&
               !deadline.hasExpired()) {
            p.waitForReadyRead(1000);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("Press Enter"), err.constData());
        QCOMPARE(storedIds().size(), 1);
        m_ids += QSet<QString>{storedIds().first()};
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QCOMPARE(storedIds(), QStringList());
        QVERIFY2(leaks().isEmpty(), qPrintable(leaks().join(u", "_s)));
    }

    void monitorKilled()
    {
        auto r = koker(
            {u"run"_s, u"-d"_s, u"--name"_s, u"orphan"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QCOMPARE(r.exitCode, 0);
        remember();
        QJsonObject state = inspect(u"orphan"_s).value(u"State"_s).toObject();
        const int pid = state.value(u"Pid"_s).toInt();
        QFile stat(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
        QVERIFY(stat.open(QIODevice::ReadOnly));
        const QByteArray text = stat.readAll();
        const int monitor = text.mid(text.lastIndexOf(')') + 4).split(' ').first().toInt();
        QVERIFY(monitor > 1);
        QCOMPARE(::kill(monitor, SIGKILL), 0);
        QThread::msleep(100);
        // The next command sees the container as ended and releases what it held.
        auto ps = koker({u"ps"_s, u"-a"_s});
        QVERIFY2(ps.out.contains("Exited (137)"), ps.out.constData());
        // Killed: gone, or a zombie nobody reaps (its parent, the monitor, is dead).
        QFile after(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
        QByteArray now = after.open(QIODevice::ReadOnly) ? after.readAll() : QByteArray();
        QVERIFY2(now.isEmpty() || now.mid(now.lastIndexOf(')') + 2, 1) == "Z",
                 "the orphaned container process still runs");
        QCOMPARE(koker({u"rm"_s, u"orphan"_s}).exitCode, 0);
        QVERIFY2(leaks().isEmpty(), qPrintable(leaks().join(u", "_s)));
    }

    void containerProcessKilled()
    {
        auto r = koker(
            {u"run"_s, u"-d"_s, u"--name"_s, u"victim"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QCOMPARE(r.exitCode, 0);
        remember();
        const int pid = inspect(u"victim"_s).value(u"State"_s).toObject().value(u"Pid"_s).toInt();
        QCOMPARE(::kill(pid, SIGKILL), 0);
        // The monitor records it and runs the cleanup command.
        for (int i = 0; i < 400; ++i) {
            if (koker({u"ps"_s, u"-a"_s}).out.contains("Exited (137)"))
                break;
            QThread::msleep(50);
        }
        auto after = koker({u"ps"_s, u"-a"_s});
        QVERIFY2(after.out.contains("Exited (137)"), after.out.constData());
        QCOMPARE(koker({u"rm"_s, u"victim"_s}).exitCode, 0);
        QVERIFY2(leaks().isEmpty(), qPrintable(leaks().join(u", "_s)));
    }

    void fullDiskDuringExtraction()
    {
        QTemporaryDir small(u"/tmp/kf-small-XXXXXX"_s);
        QVERIFY(small.isValid());
        QVERIFY(::mount("tmpfs", QFile::encodeName(small.path()).constData(), "tmpfs", 0,
                        "size=12m") == 0);
        auto unmount = qScopeGuard(
            [&] { ::umount2(QFile::encodeName(small.path()).constData(), MNT_DETACH); });
        const QString store = small.path() + u"/store"_s;
        QCOMPARE(koker::test::koker(store, {u"image"_s, u"import"_s, u"--starter"_s}).exitCode, 0);
        // 16 MiB of incompressible data: does not fit.
        QByteArray noise(16 << 20, '\0');
        for (qsizetype i = 0; i < noise.size(); i += 4)
            *reinterpret_cast<quint32 *>(noise.data() + i) = QRandomGenerator::global()->generate();
        koker::test::TarBuilder t;
        t.file("big", noise);
        auto r = koker::test::koker(store, {u"import"_s, u"-"_s, u"big"_s}, t.build());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No space left on device"), r.err.constData());
        // Nothing half-written remains, and the store keeps working.
        QCOMPARE(QDir(store + u"/layers"_s).entryList({u".tmp-*"_s}, QDir::Dirs | QDir::Hidden),
                 QStringList());
        auto images = koker::test::koker(store, {u"images"_s, u"-q"_s});
        QCOMPARE(images.exitCode, 0);
        QCOMPARE(images.out.count('\n'), 1);
        QCOMPARE(koker::test::koker(store, {u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s,
                                            u"starter"_s, u"true"_s})
                     .exitCode,
                 0);
        QCOMPARE(koker::test::koker(store, {u"rmi"_s, u"starter"_s}).exitCode, 0);
    }

    void fiftyAtOnce()
    {
        QList<int> codes = QtConcurrent::blockingMapped(QList<int>(50, 0), [this](int) {
            return koker({u"run"_s, u"-d"_s, u"starter"_s, u"sleep"_s, u"120"_s}).exitCode;
        });
        QCOMPARE(codes.count(0), 50);
        remember();
        auto ps = koker({u"ps"_s, u"-q"_s});
        QCOMPARE(ps.out.count('\n'), 50);
        // Every container got its own address.
        QSet<QString> ips;
        for (const QByteArray &id : ps.out.split('\n')) {
            if (id.isEmpty())
                continue;
            ips.insert(inspect(QString::fromLatin1(id))
                           .value(u"NetworkSettings"_s)
                           .toObject()
                           .value(u"IPAddress"_s)
                           .toString());
        }
        QCOMPARE(ips.size(), 50);
        const QStringList ids = QString::fromUtf8(ps.out).split(u'\n', Qt::SkipEmptyParts);
        QList<int> rm = QtConcurrent::blockingMapped(ids, [this](const QString &id) {
            return koker({u"rm"_s, u"-f"_s, id}).exitCode;
        });
        QCOMPARE(rm.count(0), 50);
        QVERIFY2(leaks().isEmpty(), qPrintable(leaks().join(u", "_s)));
    }

    void removeRacingRun()
    {
        // Image removal while containers of it start: each run either works or
        // fails cleanly, the removal is refused while a container uses the image,
        // and the store stays consistent.
        auto runs = QtConcurrent::mapped(QList<int>(10, 0), [this](int) {
            return koker({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"starter"_s, u"true"_s});
        });
        QList<int> removals;
        for (int i = 0; i < 5; ++i) {
            removals << koker({u"rmi"_s, u"starter"_s}).exitCode;
            QThread::msleep(20);
        }
        runs.waitForFinished();
        for (const auto &run : runs.results())
            QVERIFY2(
                run.exitCode == 0 || run.exitCode == 125,
                qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(QString::fromUtf8(run.err))));
        remember();
        removeAll();
        QVERIFY2(leaks().isEmpty(), qPrintable(leaks().join(u", "_s)));
        // Whatever happened, the index parses and names only complete images.
        auto images = koker({u"images"_s});
        QCOMPARE(images.exitCode, 0);
        if (!images.out.contains("starter"))
            QCOMPARE(koker({u"image"_s, u"import"_s, u"--starter"_s}).exitCode, 0);
        QCOMPARE(koker({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"starter"_s, u"true"_s})
                     .exitCode,
                 0);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
