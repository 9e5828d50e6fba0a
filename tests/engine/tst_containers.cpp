// Containers on the real kernel through the real CLI, as root (issue: run
// containers headless). Each test starts from the starter image in a private
// store; the last test checks that nothing is left behind.

#include "testsupport.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

using namespace Qt::Literals::StringLiterals;

class TestContainers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp{u"/tmp/kk-XXXXXX"_s};
    QString root() const { return m_tmp.path(); }
    koker::test::ProcessResult koker(const QStringList &args, const QByteArray &in = {},
                                     int timeoutMs = 60000)
    {
        return koker::test::koker(root(), args, in, timeoutMs);
    }
    QJsonObject inspect(const QString &name)
    {
        auto r = koker({u"inspect"_s, name});
        return QJsonDocument::fromJson(r.out).array().first().toObject();
    }
    // The cgroup directories of every container this test made.
    QStringList cgroupDirs()
    {
        QStringList out;
        const QStringList hierarchies =
            QDir(u"/sys/fs/cgroup"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &h : hierarchies) {
            QDir koker(u"/sys/fs/cgroup/"_s + h + u"/koker"_s);
            for (const QString &id : koker.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                if (m_ids.contains(id))
                    out << koker.filePath(id);
            }
        }
        return out;
    }
    QString runDetached(const QStringList &args)
    {
        auto r = koker(QStringList{u"run"_s, u"-d"_s} + args);
        if (r.exitCode != 0)
            qWarning() << r.err;
        QString id = QString::fromUtf8(r.out.trimmed());
        m_ids << id;
        return id;
    }
    QStringList m_ids;
    QStringList mountsOutsideNetns() const
    {
        QStringList mounts = koker::test::mountsUnder(root());
        mounts.removeIf(
            [this](const QString &m) { return m.startsWith(root() + u"/run/netns"_s); });
        return mounts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KOKER_REQUIRE_ROOT();
        QVERIFY(m_tmp.isValid());
        auto r = koker({u"image"_s, u"import"_s, u"--starter"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.err).constData());
    }

    void cleanupTestCase() { koker::test::removeStore(root()); }

    void isolation()
    {
        auto r = koker({u"run"_s, u"--rm"_s, u"--hostname"_s, u"isolated"_s, u"starter"_s, u"sh"_s,
                        u"-c"_s,
                        u"hostname; echo pid=$$; ls /proc | grep -c '^[0-9]'; "
                        u"cat /proc/self/cgroup | grep memory; wc -l < /proc/self/mountinfo"_s});
        QCOMPARE(r.exitCode, 0);
        QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), u"isolated"_s);
        QCOMPARE(lines.value(1), u"pid=1"_s);
        // Only the container's own processes: sh, ls, grep (and maybe a subshell).
        QVERIFY2(lines.value(2).toInt() <= 4, qPrintable(lines.value(2)));
        // Its own cgroup namespace: it sees its cgroup as the root.
        QVERIFY2(lines.value(3).endsWith(u":memory:/"_s), qPrintable(lines.value(3)));
        // Its own, much smaller mount table.
        int hostMounts = koker::test::mountsUnder(u"/"_s).size();
        QVERIFY2(lines.value(4).toInt() < hostMounts, qPrintable(lines.value(4)));
    }

    void hostSeesNoContainerMounts()
    {
        QString id = runDetached({u"starter"_s, u"sleep"_s, u"30"_s});
        QVERIFY(!id.isEmpty());
        // The rootfs overlay lives only in the container's mount namespace. (Its
        // network namespace file under <runroot>/netns is a host mount by design.)
        QCOMPARE(mountsOutsideNetns(), QStringList());
        QCOMPARE(koker({u"rm"_s, u"-f"_s, id}).exitCode, 0);
    }

    // Every container mounts its root on the same empty directory, each in its own
    // mount namespace: two at once each see their own files there, the host none.
    void containersShareTheMountPointNotTheMount()
    {
        QStringList ids;
        for (const QString &name : {u"left"_s, u"right"_s})
            ids << runDetached({u"--name"_s, name, u"starter"_s, u"sh"_s, u"-c"_s,
                                u"touch /made-by-"_s + name + u"; sleep 30"_s});
        for (const QString &name : {u"left"_s, u"right"_s}) {
            QByteArray seen;
            for (int i = 0; i < 50 && !seen.contains("made-by-"); ++i) {
                seen = koker({u"exec"_s, name, u"ls"_s, u"/"_s}).out;
                if (!seen.contains("made-by-"))
                    QThread::msleep(20);
            }
            const QByteArray mine = "made-by-" + name.toUtf8();
            const QByteArray other = name == u"left"_s ? "made-by-right" : "made-by-left";
            QVERIFY2(seen.contains(mine) && !seen.contains(other), seen.constData());
        }
        const QDir mountPoint(root() + u"/run/rootfs"_s);
        QVERIFY(mountPoint.exists());
        QVERIFY(mountPoint.isEmpty());
        QCOMPARE(koker(QStringList{u"rm"_s, u"-f"_s} + ids).exitCode, 0);
    }

    // A --rm container's writable layer is mounted volatile (its unmount syncs
    // nothing); a kept container's is not. The kernel's own mount table says which.
    void rmLayerIsVolatile()
    {
        const QStringList show{u"starter"_s, u"sh"_s, u"-c"_s,
                               u"grep -c ' / / .*volatile' /proc/self/mountinfo"_s};
        auto rm = koker(QStringList{u"run"_s, u"--rm"_s} + show);
        QCOMPARE(rm.out.trimmed(), QByteArray("1"));
        auto kept = koker(QStringList{u"run"_s, u"--name"_s, u"durable"_s} + show);
        QCOMPARE(kept.out.trimmed(), QByteArray("0"));
        QCOMPARE(koker({u"rm"_s, u"durable"_s}).exitCode, 0);
    }

    // overlayfs refuses to mount a layer again while the mark of its last volatile
    // mount (work/work/incompat/volatile) is there: a --rm container whose start
    // failed after the mount must still start a second time.
    void volatileLayerMountsAgain()
    {
        QString id = QString::fromUtf8(
            koker({u"create"_s, u"--rm"_s, u"--user"_s, u"nosuchuser"_s, u"starter"_s, u"true"_s})
                .out.trimmed());
        QVERIFY(!id.isEmpty());
        m_ids << id;
        for (int attempt = 1; attempt <= 2; ++attempt) {
            auto start = koker({u"-D"_s, u"start"_s, id});
            QVERIFY2(start.exitCode != 0, start.err.constData());
            QVERIFY2(start.err.contains("ERR process   Become user nosuchuser"),
                     qPrintable(u"attempt "_s + QString::number(attempt) + u": "_s +
                                QString::fromUtf8(start.err)));
        }
        QCOMPARE(koker({u"rm"_s, id}).exitCode, 0);
    }

    // Names are unique: a taken one is refused with the id of its holder, a
    // generated one never repeats one in use, and a removed container frees its name.
    void namesAreUnique()
    {
        auto first = koker({u"create"_s, u"--name"_s, u"twin"_s, u"starter"_s, u"true"_s});
        QCOMPARE(first.exitCode, 0);
        const QString id = QString::fromUtf8(first.out).trimmed();
        auto again = koker({u"create"_s, u"--name"_s, u"twin"_s, u"starter"_s, u"true"_s});
        QCOMPARE(again.exitCode, 125);
        QVERIFY2(QString::fromUtf8(again.err).contains(u"\"twin\" is already in use by "_s +
                                                       id.left(12)),
                 again.err.constData());
        QStringList generated, ids;
        for (int i = 0; i < 3; ++i) {
            auto r = koker({u"create"_s, u"starter"_s, u"true"_s});
            QCOMPARE(r.exitCode, 0);
            ids << QString::fromUtf8(r.out).trimmed();
            auto name = koker({u"inspect"_s, u"--format"_s, u"Name"_s, ids.last()});
            generated << QString::fromUtf8(name.out).trimmed();
        }
        QCOMPARE(QSet<QString>(generated.begin(), generated.end()).size(), 3);
        QVERIFY(!generated.contains(u"twin"_s));
        QCOMPARE(koker(QStringList{u"rm"_s} + ids).exitCode, 0);
        QCOMPARE(koker({u"rm"_s, u"twin"_s}).exitCode, 0);
        // Docker's grammar: [a-zA-Z0-9][a-zA-Z0-9_.-]*, at most 128 characters.
        for (const QString &bad : {u"-dash"_s, u"a/b"_s, u"ümlaut"_s, QString(129, u'n')}) {
            auto r = koker({u"create"_s, u"--name"_s, bad, u"starter"_s, u"true"_s});
            QCOMPARE(r.exitCode, 125);
            QVERIFY2(r.err.contains("invalid container name"), r.err.constData());
        }
        auto longest =
            koker({u"create"_s, u"--name"_s, QString(128, u'n'), u"starter"_s, u"true"_s});
        QCOMPARE(longest.exitCode, 0);
        QCOMPARE(koker({u"rm"_s, QString(128, u'n')}).exitCode, 0);
        auto reused = koker({u"create"_s, u"--name"_s, u"twin"_s, u"starter"_s, u"true"_s});
        QCOMPARE(reused.exitCode, 0);
        QCOMPARE(koker({u"rm"_s, u"twin"_s}).exitCode, 0);
        for (const QString &n : generated)
            QVERIFY2(QRegularExpression(u"^/?[a-z]+_[a-z]+[0-9]*$"_s).match(n).hasMatch(),
                     qPrintable(n));
    }

    void commandSemantics_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("image cmd") << QStringList{u"starter"_s} << QByteArray("");
        QTest::newRow("cmd replaces")
            << QStringList{u"starter"_s, u"echo"_s, u"a b"_s} << QByteArray("a b\n");
        QTest::newRow("entrypoint clears cmd")
            << QStringList{u"--entrypoint"_s, u"echo"_s, u"starter"_s} << QByteArray("\n");
        QTest::newRow("entrypoint + cmd")
            << QStringList{u"--entrypoint"_s, u"echo"_s, u"starter"_s, u"x"_s, u"y"_s}
            << QByteArray("x y\n");
        QTest::newRow("env") << QStringList{u"-e"_s, u"GREETING=hi there"_s, u"starter"_s, u"sh"_s,
                                            u"-c"_s, u"echo $GREETING"_s}
                             << QByteArray("hi there\n");
        QTest::newRow("env from host")
            << QStringList{u"-e"_s, u"KOKER_TEST_VAR"_s,      u"starter"_s, u"sh"_s,
                           u"-c"_s, u"echo $KOKER_TEST_VAR"_s}
            << QByteArray("from-host\n");
        QTest::newRow("default env")
            << QStringList{u"starter"_s, u"sh"_s, u"-c"_s, u"echo $PATH $HOME"_s}
            << QByteArray("/usr/local/sbin:/usr/local/bin:/usr/sbin:"
                          "/usr/bin:/sbin:/bin /root\n");
        QTest::newRow("workdir created")
            << QStringList{u"-w"_s, u"/srv/app"_s, u"starter"_s, u"pwd"_s}
            << QByteArray("/srv/app\n");
        QTest::newRow("user by name") << QStringList{u"-u"_s, u"nobody"_s, u"starter"_s, u"id"_s}
                                      << QByteArray("uid=65534(nobody) gid=65534(nogroup)\n");
        QTest::newRow("user by number") << QStringList{u"-u"_s, u"1234:33"_s, u"starter"_s, u"id"_s}
                                        << QByteArray("uid=1234 gid=33(www-data)\n");
        QTest::newRow("stdin") << QStringList{u"-i"_s, u"starter"_s, u"cat"_s}
                               << QByteArray("piped\n");
    }

    void commandSemantics()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, expected);
        qputenv("KOKER_TEST_VAR", "from-host");
        auto r = koker(QStringList{u"run"_s, u"--rm"_s} + args, "piped\n");
        QVERIFY2(r.exitCode == 0, QByteArray(r.err).constData());
        QCOMPARE(r.out, expected);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("stderr");
        QTest::newRow("exit 3") << QStringList{u"starter"_s, u"sh"_s, u"-c"_s, u"exit 3"_s} << 3
                                << QByteArray();
        QTest::newRow("not found") << QStringList{u"starter"_s, u"/no/such/binary"_s} << 127
                                   << QByteArray("/no/such/binary");
        QTest::newRow("not in PATH")
            << QStringList{u"starter"_s, u"nosuchcommand"_s} << 127 << QByteArray("not found");
        QTest::newRow("not executable") << QStringList{u"starter"_s, u"/etc/passwd"_s} << 126
                                        << QByteArray("permission denied");
        // (Inside its pid namespace, init ignores signals it has no handler for,
        // SIGKILL included; a killed child shows the convention.)
        QTest::newRow("killed child")
            << QStringList{u"starter"_s, u"sh"_s, u"-c"_s, u"sleep 100 & kill -9 $!; wait $!"_s}
            << 137 << QByteArray();
        QTest::newRow("no such image") << QStringList{u"127.0.0.1:1/nonexistent"_s} << 125
                                       << QByteArray("unable to find image");
        QTest::newRow("bad memory")
            << QStringList{u"-m"_s, u"lots"_s, u"starter"_s} << 125 << QByteArray("invalid size");
        QTest::newRow("swap below memory")
            << QStringList{u"-m"_s, u"64m"_s, u"--memory-swap"_s, u"32m"_s, u"starter"_s} << 125
            << QByteArray("swap");
        QTest::newRow("unknown user")
            << QStringList{u"-u"_s, u"nosuchuser"_s, u"starter"_s, u"id"_s} << 125
            << QByteArray("nosuchuser");
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QByteArray, stderr);
        auto r = koker(QStringList{u"run"_s, u"--rm"_s} + args);
        QCOMPARE(r.exitCode, code);
        QVERIFY2(r.err.toLower().contains(stderr.toLower()), QByteArray(r.err).constData());
    }

    void memoryLimitOomKills()
    {
        // 20 MB of memory touched under a 10 MB limit: the OOM killer strikes.
        auto r = koker({u"run"_s, u"--name"_s, u"oomer"_s, u"-m"_s, u"10m"_s, u"starter"_s, u"sh"_s,
                        u"-c"_s, u"head -c 20000000 /dev/zero > /dev/shm/fill; echo survived"_s});
        QCOMPARE(r.exitCode, 137);
        QVERIFY(!r.out.contains("survived"));
        auto ps = koker({u"ps"_s, u"-a"_s});
        QVERIFY2(ps.out.contains("Exited (137)") && ps.out.contains("OOM"),
                 QByteArray(ps.out).constData());
        QJsonObject state = inspect(u"oomer"_s).value(u"State"_s).toObject();
        QCOMPARE(state.value(u"OOMKilled"_s).toBool(), true);
        QCOMPARE(state.value(u"ExitCode"_s).toInt(), 137);
        m_ids << inspect(u"oomer"_s).value(u"Id"_s).toString();
        QCOMPARE(koker({u"rm"_s, u"oomer"_s}).exitCode, 0);
    }

    void pidsLimitStopsForkLoop()
    {
        QString id = runDetached({u"--pids-limit"_s, u"10"_s, u"starter"_s, u"sleep"_s, u"300"_s});
        QVERIFY(!id.isEmpty());
        // A fork loop inside: it stops at pids.max, with the shell's own error.
        auto r = koker({u"exec"_s, id, u"sh"_s, u"-c"_s,
                        u"i=0; while true; do sleep 60 & i=$((i+1)); echo $i; done"_s});
        QVERIFY2(r.exitCode != 0 && r.err.contains("can't fork"), r.err.constData());
        int forked = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts).last().toInt();
        QVERIFY2(forked >= 1 && forked <= 8, r.out.constData());
        QString dir = u"/sys/fs/cgroup/pids/koker/"_s + id;
        QFile current(dir + u"/pids.current"_s);
        QFile events(dir + u"/pids.events"_s);
        QVERIFY(current.open(QIODevice::ReadOnly) && events.open(QIODevice::ReadOnly));
        QVERIFY(current.readAll().trimmed().toInt() <= 10);
        QByteArray ev = events.readAll();
        QVERIFY2(!ev.contains("max 0"), ev.constData());
        // The host is fine: it can still start processes.
        QCOMPARE(koker::test::run(u"/bin/true"_s, {}).exitCode, 0);
        QCOMPARE(koker({u"rm"_s, u"-f"_s, id}).exitCode, 0);
    }

    void cpuQuotaThrottles()
    {
        // A busy loop for one second under --cpus 0.2: the kernel's own accounting
        // (cpuacct.usage, throttled periods) tells how much CPU it got.
        QString id = runDetached({u"--cpus"_s, u"0.2"_s, u"starter"_s, u"sh"_s, u"-c"_s,
                                  u"end=$(($(date +%s)+2)); while [ $(date +%s) -lt $end ]; do :; "
                                  u"done; sleep 30"_s});
        QVERIFY(!id.isEmpty());
        QFile usage(u"/sys/fs/cgroup/cpuacct/koker/"_s + id + u"/cpuacct.usage"_s);
        QFile stat(u"/sys/fs/cgroup/cpu/koker/"_s + id + u"/cpu.stat"_s);
        QVERIFY(usage.open(QIODevice::ReadOnly) && stat.open(QIODevice::ReadOnly));
        qint64 u0 = usage.readAll().trimmed().toLongLong();
        QElapsedTimer t;
        t.start();
        QThread::msleep(1000);
        usage.seek(0);
        qint64 u1 = usage.readAll().trimmed().toLongLong();
        qint64 wallNs = t.nsecsElapsed();
        QByteArray statText = stat.readAll();
        double share = double(u1 - u0) / double(wallNs);
        QVERIFY2(share <= 0.25, qPrintable(QString::number(share)));
        QVERIFY2(share > 0.05, qPrintable(QString::number(share)));
        QVERIFY2(!statText.contains("nr_throttled 0\n"), QByteArray(statText).constData());
        QCOMPARE(koker({u"rm"_s, u"-f"_s, id}).exitCode, 0);
    }

    void detachedLifecycle()
    {
        QString id = runDetached({u"--name"_s, u"life"_s, u"starter"_s, u"sh"_s, u"-c"_s,
                                  u"echo started; trap 'echo bye; exit 0' TERM; "
                                  u"while true; do sleep 1; done"_s});
        QCOMPARE(id.size(), 64);
        auto ps = koker({u"ps"_s});
        QVERIFY2(ps.out.contains("life") && ps.out.contains("Up "), QByteArray(ps.out).constData());

        auto exec = koker({u"exec"_s, u"life"_s, u"sh"_s, u"-c"_s,
                           u"echo in $(hostname) as $(id -u); ls /proc | grep -c '^[0-9]'"_s});
        QCOMPARE(exec.exitCode, 0);
        QVERIFY2(exec.out.startsWith(QByteArray("in " + id.left(12).toUtf8() + " as 0")),
                 QByteArray(exec.out).constData());
        // exec joined the pid namespace: it sees the container's processes only.
        QVERIFY(QString::fromUtf8(exec.out).section(u'\n', 1, 1).toInt() < 8);
        QCOMPARE(koker({u"exec"_s, u"life"_s, u"sh"_s, u"-c"_s, u"exit 7"_s}).exitCode, 7);
        // exec joined the mount namespace: a file it writes, the container sees.
        QCOMPARE(koker({u"exec"_s, u"life"_s, u"touch"_s, u"/tmp/from-exec"_s}).exitCode, 0);
        QCOMPARE(koker({u"exec"_s, u"life"_s, u"ls"_s, u"/tmp/from-exec"_s}).exitCode, 0);

        QThread::msleep(200);
        auto logs = koker({u"logs"_s, u"life"_s});
        QCOMPARE(logs.out, QByteArray("started\n"));

        auto stop = koker({u"stop"_s, u"-t"_s, u"5"_s, u"life"_s});
        QCOMPARE(stop.exitCode, 0);
        QJsonObject state = inspect(u"life"_s).value(u"State"_s).toObject();
        QCOMPARE(state.value(u"Status"_s).toString(), u"exited"_s);
        QCOMPARE(state.value(u"ExitCode"_s).toInt(), 0);
        QCOMPARE(koker({u"logs"_s, u"life"_s}).out, QByteArray("started\nbye\n"));
        // The history: each exec, and the stop as one action (signal, then the wait).
        QMap<QString, QStringList> actions; // action -> "seq key state" of its steps
        for (const QJsonValue &v : inspect(u"life"_s).value(u"Steps"_s).toArray()) {
            const QJsonObject s = v.toObject();
            actions[s.value(u"action"_s).toString()] << QString::number(s.value(u"seq"_s).toInt()) +
                                                            u' ' + s.value(u"key"_s).toString() +
                                                            u' ' + s.value(u"state"_s).toString();
        }
        QVERIFY2(actions.value(u"exec"_s).size() >= 4 * 2, // 4 execs, each a monitor and a child
                 qPrintable(actions.value(u"exec"_s).join(u", "_s)));
        QCOMPARE(actions.value(u"stop"_s),
                 QStringList({u"1 process.kill done"_s, u"2 process.wait done"_s}));

        QCOMPARE(koker({u"start"_s, u"life"_s}).exitCode, 0);
        QVERIFY(koker({u"ps"_s}).out.contains("life"));
        // rm refuses a running container without -f.
        auto rm = koker({u"rm"_s, u"life"_s});
        QCOMPARE(rm.exitCode, 1);
        QVERIFY2(rm.err.contains("is running"), QByteArray(rm.err).constData());
        QCOMPARE(koker({u"kill"_s, u"life"_s}).exitCode, 0);
        state = inspect(u"life"_s).value(u"State"_s).toObject();
        QCOMPARE(state.value(u"Status"_s).toString(), u"exited"_s);
        QCOMPARE(state.value(u"ExitCode"_s).toInt(), 137);
        QCOMPARE(koker({u"rm"_s, u"life"_s}).exitCode, 0);
        QVERIFY(!koker({u"ps"_s, u"-a"_s}).out.contains("life"));
        QVERIFY(!QFile::exists(root() + u"/containers/"_s + id));
    }

    // A start that fails in the child rolls back the host's steps: the undo steps
    // are numbered after the child's, so every step of the action has its own number.
    void failedStartNumbersEveryStepOnce()
    {
        auto run = koker({u"run"_s, u"--name"_s, u"nobin"_s, u"starter"_s, u"/no/such/binary"_s});
        QCOMPARE(run.exitCode, 127);
        QMap<qint64, QString> seen;
        int rollbacks = 0;
        for (const QJsonValue &v : inspect(u"nobin"_s).value(u"Steps"_s).toArray()) {
            const QJsonObject s = v.toObject();
            if (s.value(u"action"_s).toString() != u"start"_s)
                continue;
            const qint64 seq = s.value(u"seq"_s).toInteger();
            const QString key = s.value(u"key"_s).toString();
            rollbacks += key.startsWith(u"rollback."_s);
            QVERIFY2(!seen.contains(seq), qPrintable(u"seq "_s + QString::number(seq) + u": "_s +
                                                     seen.value(seq) + u" and "_s + key));
            seen.insert(seq, key);
        }
        QVERIFY2(rollbacks > 0, "the failed start rolled nothing back");
        QCOMPARE(koker({u"rm"_s, u"nobin"_s}).exitCode, 0);
    }

    void debugLogNamesFilesAndValues()
    {
        auto r = koker({u"-D"_s, u"run"_s, u"--rm"_s, u"-m"_s, u"32m"_s, u"--pids-limit"_s, u"50"_s,
                        u"starter"_s, u"true"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("memory.limit_in_bytes\", \"33554432\")"), r.err.constData());
        QVERIFY2(r.err.contains("pids.max\", \"50\")"), r.err.constData());
        QVERIFY(
            r.err.contains("clone3({.flags = CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID"));
        QVERIFY(r.err.contains("pivot_root(\".\", \".\")"));
        QVERIFY(r.err.contains(" ms"));
        // -q: nothing but the container's output.
        auto q = koker({u"-q"_s, u"run"_s, u"--rm"_s, u"starter"_s, u"echo"_s, u"only"_s});
        QCOMPARE(q.out, QByteArray("only\n"));
        QCOMPARE(q.err, QByteArray());
    }

    void inspectShowsEverything()
    {
        QString id = runDetached({u"--name"_s, u"insp"_s, u"-m"_s, u"64m"_s, u"--cpus"_s, u"0.5"_s,
                                  u"starter"_s, u"sleep"_s, u"60"_s});
        QJsonObject doc = inspect(u"insp"_s);
        QCOMPARE(doc.value(u"Id"_s).toString(), id);
        QVERIFY(doc.value(u"State"_s).toObject().value(u"Pid"_s).toInt() > 1);
        QCOMPARE(doc.value(u"HostConfig"_s).toObject().value(u"Memory"_s).toInteger(), 64 << 20);
        QJsonObject cgroup = doc.value(u"Cgroup"_s).toObject();
        QCOMPARE(cgroup.value(u"Mode"_s).toString(), u"hybrid"_s);
        QVERIFY(cgroup.value(u"Paths"_s)
                    .toArray()
                    .contains(QJsonValue(u"/sys/fs/cgroup/memory/koker/"_s + id)));
        QVERIFY(doc.value(u"Mounts"_s).toArray().first().toObject().contains(u"UpperDir"_s));
        QVERIFY(doc.value(u"Steps"_s).toArray().size() > 20);
        QCOMPARE(koker({u"rm"_s, u"-f"_s, u"insp"_s}).exitCode, 0);
    }

    void nothingLeaks()
    {
        // Last: every container of this test is gone, and so is everything it made.
        QCOMPARE(koker({u"ps"_s, u"-aq"_s}).out, QByteArray());
        QCOMPARE(cgroupDirs(), QStringList());
        QCOMPARE(mountsOutsideNetns(), QStringList());
        QCOMPARE(QDir(root() + u"/run/netns"_s).entryList(QDir::Files), QStringList());
        QCOMPARE(QDir(root() + u"/containers"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList());
        QCOMPARE(QDir(root() + u"/run/c"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TestContainers)
#include "tst_containers.moc"
