// The seccomp program cache (src/runtime/seccompfilter.h): a cached program is the
// one libseccomp compiles, its key follows every rule that depends on the
// capabilities, and a damaged file is never used.

#include "runtime/seccompfilter.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr uint64_t kDockerDefault = 0xa80425fbull; // Docker's default capabilities
constexpr uint64_t kSysAdmin = 1ull << 21;
constexpr uint64_t kChown = 1ull << 0; // no system call depends on it

} // namespace

class TestSeccompFilter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    std::string cacheDir() const { return m_tmp.path().toStdString() + "/seccomp"; }
    QString cacheFile(uint64_t caps) const
    {
        return m_tmp.path() + u"/seccomp/"_s +
               QString::fromStdString(koker::seccompCacheKey(caps)) + u".bpf"_s;
    }

private Q_SLOTS:
    void keyFollowsTheRules()
    {
        // Same rules, same key; a capability with system calls of its own changes
        // the rules and so the key; one without does not.
        QCOMPARE(koker::seccompCacheKey(kDockerDefault), koker::seccompCacheKey(kDockerDefault));
        QVERIFY(koker::seccompCacheKey(kDockerDefault) !=
                koker::seccompCacheKey(kDockerDefault | kSysAdmin));
        QCOMPARE(koker::seccompCacheKey(kDockerDefault & ~kChown),
                 koker::seccompCacheKey(kDockerDefault | kChown));
        QVERIFY(QString::fromStdString(koker::seccompCacheKey(0)).startsWith(u"seccomp-"_s));
    }

    void cachedProgramIsTheCompiledOne()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(!koker::readCachedSeccompProgram(kDockerDefault, cacheDir()));
        auto compiled = koker::compileAndCacheSeccompProgram(kDockerDefault, cacheDir());
        QVERIFY(compiled);
        QVERIFY(QFile::exists(cacheFile(kDockerDefault)));
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(cacheFile(kDockerDefault)).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        auto cached = koker::readCachedSeccompProgram(kDockerDefault, cacheDir());
        QVERIFY(cached);
        QVERIFY(*cached == *compiled);
        auto fresh = koker::buildSeccompProgram(kDockerDefault);
        QVERIFY(fresh);
        QVERIFY(*cached == *fresh);
        // Another profile is another file, not this one.
        QVERIFY(!koker::readCachedSeccompProgram(kDockerDefault | kSysAdmin, cacheDir()));
    }

    void damagedFileIsNeverUsed_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("a flipped bit in the program") << u"flip"_s;
        QTest::newRow("cut in the middle") << u"truncate"_s;
        QTest::newRow("cut at an instruction") << u"drop-last"_s;
        QTest::newRow("another format") << u"magic"_s;
        QTest::newRow("empty") << u"empty"_s;
    }

    void damagedFileIsNeverUsed()
    {
        QFETCH(QString, damage);
        auto good = koker::compileAndCacheSeccompProgram(kDockerDefault, cacheDir());
        QVERIFY(good);
        QFile f(cacheFile(kDockerDefault));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        if (damage == u"flip"_s)
            bytes[bytes.size() - 20] = static_cast<char>(bytes[bytes.size() - 20] ^ 0x01);
        else if (damage == u"truncate"_s)
            bytes.truncate(bytes.size() - 3);
        else if (damage == u"drop-last"_s)
            bytes.truncate(bytes.size() - 8);
        else if (damage == u"magic"_s)
            bytes[0] = 'X';
        else
            bytes.clear();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
        f.close();
        QVERIFY(!koker::readCachedSeccompProgram(kDockerDefault, cacheDir()));
        // The next compile puts a good one back.
        QVERIFY(koker::compileAndCacheSeccompProgram(kDockerDefault, cacheDir()));
        auto again = koker::readCachedSeccompProgram(kDockerDefault, cacheDir());
        QVERIFY(again);
        QVERIFY(*again == *good);
    }

    void unwritableCacheIsNoError()
    {
        // A file where the directory should be: compiling still works.
        QFile blocker(m_tmp.path() + u"/blocked"_s);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        auto prog = koker::compileAndCacheSeccompProgram(
            kDockerDefault, m_tmp.path().toStdString() + "/blocked/seccomp");
        QVERIFY(prog);
        QVERIFY(!prog->empty());
    }
};

QTEST_GUILESS_MAIN(TestSeccompFilter)
#include "tst_seccompfilter.moc"
