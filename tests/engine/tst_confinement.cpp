// Confinement of every container, checked from the inside by kokercheck (a static
// program, tests/runtimecheck) and from the outside: capabilities, no_new_privs,
// seccomp, masked and read-only paths, fds, devices, /proc/self/exe; and hostile
// images whose /proc or /dev are symlinks.

#include "tarbuilder.h"
#include "testsupport.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using koker::test::TarBuilder;

class TestConfinement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp{u"/tmp/kc-XXXXXX"_s};
    QString root() const { return m_tmp.path(); }
    koker::test::ProcessResult koker(const QStringList &args, const QByteArray &in = {})
    {
        return koker::test::koker(root(), args, in);
    }
    static QByteArray fileBytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QByteArray sha(const QString &path)
    {
        return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex();
    }
    // busybox (sh, sleep, cat, ls) plus kokercheck, and whatever `extra` adds.
    QByteArray image(const std::function<void(TarBuilder &)> &extra = {})
    {
        TarBuilder t;
        t.dir("bin").file("bin/busybox", fileBytes(u"/bin/busybox"_s), 0755);
        for (const char *applet : {"sh", "sleep", "cat", "ls", "echo", "mount", "grep"})
            t.symlink(QByteArray("bin/") + applet, "busybox");
        t.file("kokercheck",
               fileBytes(koker::test::buildDir() + u"/tests/runtimecheck/kokercheck"_s), 0755);
        t.dir("tmp", 01777).dir("etc").dir("dev").dir("sys");
        if (extra)
            extra(t);
        else
            t.dir("proc");
        return t.build();
    }

private Q_SLOTS:
    void initTestCase()
    {
        KOKER_REQUIRE_ROOT();
        QVERIFY(m_tmp.isValid());
        QVERIFY(QFile::exists(koker::test::buildDir() + u"/tests/runtimecheck/kokercheck"_s));
        auto r = koker({u"import"_s, u"-"_s, u"check"_s}, image());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void cleanupTestCase() { koker::test::removeStore(root()); }

    void runPassesEveryCheck()
    {
        auto r =
            koker({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"check"_s, u"/kokercheck"_s});
        QVERIFY2(r.exitCode == 0 && r.out.contains("ALL CHECKS PASSED"), r.out.constData());
    }

    void damagedSeccompCacheIsCompiledAgain()
    {
        // The first run kept its compiled filter in the run root; damage it, and
        // the next container must still be confined (the engine compiles afresh).
        // Whoever could write there would choose every container's filter: the run
        // root and the cache are root's alone.
        for (const QString &dir : QStringList{root() + u"/run"_s, root() + u"/run/seccomp"_s}) {
            struct stat st
            {};
            QCOMPARE(::stat(QFile::encodeName(dir).constData(), &st), 0);
            QCOMPARE(st.st_mode & 07777, 0700u);
            QCOMPARE(st.st_uid, 0u);
        }
        QDir cache(root() + u"/run/seccomp"_s);
        const QStringList files = cache.entryList({u"seccomp-*.bpf"_s}, QDir::Files);
        QCOMPARE(files.size(), 1);
        struct stat file
        {};
        QCOMPARE(::stat(QFile::encodeName(cache.filePath(files.first())).constData(), &file), 0);
        QCOMPARE(file.st_mode & 07777, 0600u);
        QFile f(cache.filePath(files.first()));
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray good = f.readAll();
        QVERIFY(f.seek(good.size() - 8));
        f.write(QByteArray(8, '\0')); // the last instruction, RET ALLOW, becomes a load
        f.close();
        auto r =
            koker({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"check"_s, u"/kokercheck"_s});
        QVERIFY2(r.exitCode == 0 && r.out.contains("ALL CHECKS PASSED"), r.out.constData());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), good);
    }

    void bridgeNetworkToo()
    {
        auto r = koker({u"run"_s, u"--rm"_s, u"check"_s, u"/kokercheck"_s});
        QVERIFY2(r.exitCode == 0, r.out.constData());
    }

    void execPassesEveryCheck()
    {
        auto run = koker({u"run"_s, u"-d"_s, u"--name"_s, u"held"_s, u"--network"_s, u"none"_s,
                          u"check"_s, u"sleep"_s, u"300"_s});
        QCOMPARE(run.exitCode, 0);
        auto r = koker({u"exec"_s, u"held"_s, u"/kokercheck"_s});
        QVERIFY2(r.exitCode == 0 && r.out.contains("ALL CHECKS PASSED"), r.out.constData());
        QCOMPARE(koker({u"rm"_s, u"-f"_s, u"held"_s}).exitCode, 0);
    }

    void privilegedGetsEverything()
    {
        auto r = koker({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"--privileged"_s,
                        u"check"_s, u"/kokercheck"_s, u"--privileged"_s});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        auto caps = koker({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"--privileged"_s,
                           u"check"_s, u"grep"_s, u"CapEff"_s, u"/proc/self/status"_s});
        QVERIFY2(!caps.out.contains("00000000a80425fb"), caps.out.constData());
    }

    void hostBinariesCannotBeOverwritten()
    {
        // CVE-2019-5736: a container tries to write through /proc/<pid>/exe of
        // every process it can see while execs join it; the host's programs
        // (the monitor that forks into the container, the CLI) stay unchanged.
        const QString monitor = koker::test::buildDir() + u"/src/monitor/koker-monitor"_s;
        const QByteArray before = sha(monitor);
        const QByteArray cliBefore = sha(koker::test::kokerBinary());
        auto run = koker({u"run"_s, u"-d"_s, u"--name"_s, u"attacker"_s, u"--network"_s, u"none"_s,
                          u"check"_s, u"sh"_s, u"-c"_s,
                          u"while true; do for p in /proc/[0-9]*; do "
                          u"echo pwned 2>/dev/null >> $p/exe; done; done"_s});
        QCOMPARE(run.exitCode, 0);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(koker({u"exec"_s, u"attacker"_s, u"/bin/echo"_s, u"hi"_s}).exitCode, 0);
        QCOMPARE(koker({u"rm"_s, u"-f"_s, u"attacker"_s}).exitCode, 0);
        QCOMPARE(sha(monitor), before);
        QCOMPARE(sha(koker::test::kokerBinary()), cliBefore);
    }

    void symlinkedProcAndDevStayInside_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("proc -> absolute host path")
            << QByteArray("proc") << QByteArray("/tmp/koker-evil-proc");
        QTest::newRow("proc -> up and out")
            << QByteArray("proc") << QByteArray("../../../../tmp/koker-evil-proc");
        QTest::newRow("dev -> absolute host path")
            << QByteArray("devx") << QByteArray("/tmp/koker-evil-dev");
        QTest::newRow("etc -> host etc") << QByteArray("etc2") << QByteArray("/etc");
    }

    void symlinkedProcAndDevStayInside()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, target);
        QDir().mkpath(u"/tmp/koker-evil-proc"_s);
        QDir().mkpath(u"/tmp/koker-evil-dev"_s);
        const QString tag = u"evil-"_s + QString::fromLatin1(name);
        TarBuilder t;
        t.dir("bin").file("bin/busybox", fileBytes(u"/bin/busybox"_s), 0755);
        t.symlink("bin/sh", "busybox").symlink("bin/cat", "busybox").symlink("bin/ls", "busybox");
        t.dir("tmp", 01777);
        if (name == "proc") {
            t.symlink("proc", target).dir("dev").dir("etc");
        } else if (name == "devx") {
            t.symlink("dev", target).dir("proc").dir("etc");
        } else {
            t.symlink("etc", target).dir("proc").dir("dev");
        }
        QCOMPARE(koker({u"import"_s, u"-"_s, tag}, t.build()).exitCode, 0);
        auto mountsBefore = koker::test::mountsUnder(u"/tmp/koker-evil"_s);
        auto hostsBefore = fileBytes(u"/etc/hosts"_s);
        auto r = koker({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, tag, u"sh"_s, u"-c"_s,
                        u"cat /proc/self/status | grep -c Pid; ls /dev/null"_s});
        // Whatever the image planted, nothing lands on the host's paths.
        QCOMPARE(koker::test::mountsUnder(u"/tmp/koker-evil"_s), mountsBefore);
        QCOMPARE(QDir(u"/tmp/koker-evil-proc"_s).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList());
        QCOMPARE(QDir(u"/tmp/koker-evil-dev"_s).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList());
        QCOMPARE(fileBytes(u"/etc/hosts"_s), hostsBefore);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 125, r.err.constData());
        QCOMPARE(koker({u"rmi"_s, tag}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestConfinement)
#include "tst_confinement.moc"
