// The seccomp program cache (src/runtime/seccompfilter.h): a cached program is the
// one libseccomp compiles, its key follows every rule that depends on the
// capabilities, and a damaged file is never used.

#include "runtime/seccompfilter.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <seccomp.h>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr uint64_t kDockerDefault = 0xa80425fbull; // Docker's default capabilities
constexpr uint64_t kSysAdmin = 1ull << 21;
constexpr uint64_t kChown = 1ull << 0; // no system call depends on it

// What another runtime does with an OCI profile: one libseccomp rule per entry,
// then the BPF program. Empty when the profile cannot be read.
std::vector<char> compileOciProfile(const QJsonObject &profile)
{
    std::unique_ptr<void, decltype(&seccomp_release)> ctx(
        seccomp_init(SCMP_ACT_ERRNO(profile.value(u"defaultErrnoRet"_s).toInt())), seccomp_release);
    if (!ctx || profile.value(u"defaultAction"_s).toString() != u"SCMP_ACT_ERRNO"_s)
        return {};
    // Laid out as koker lays its filter out (a binary tree; runc keeps libseccomp's
    // list), so that the same rules give the same bytes.
    if (seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_OPTIMIZE,
                         static_cast<uint32_t>(koker::SeccompLayout::Tree)) != 0)
        return {};
    const QMap<QString, scmp_compare> ops{{u"SCMP_CMP_EQ"_s, SCMP_CMP_EQ},
                                          {u"SCMP_CMP_MASKED_EQ"_s, SCMP_CMP_MASKED_EQ}};
    for (const QJsonValue &v : profile.value(u"syscalls"_s).toArray()) {
        const QJsonObject e = v.toObject();
        const QString act = e.value(u"action"_s).toString();
        const uint32_t action = act == u"SCMP_ACT_ALLOW"_s
                                    ? SCMP_ACT_ALLOW
                                    : SCMP_ACT_ERRNO(e.value(u"errnoRet"_s).toInt());
        std::vector<scmp_arg_cmp> args;
        for (const QJsonValue &a : e.value(u"args"_s).toArray()) {
            const QJsonObject o = a.toObject();
            args.push_back({static_cast<unsigned>(o.value(u"index"_s).toInt()),
                            ops.value(o.value(u"op"_s).toString(), _SCMP_CMP_MIN),
                            static_cast<scmp_datum_t>(o.value(u"value"_s).toDouble()),
                            static_cast<scmp_datum_t>(o.value(u"valueTwo"_s).toDouble())});
        }
        for (const QJsonValue &n : e.value(u"names"_s).toArray()) {
            int nr = seccomp_syscall_resolve_name(n.toString().toLatin1().constData());
            if (nr == __NR_SCMP_ERROR)
                continue;
            if (seccomp_rule_add_array(ctx.get(), action, nr, static_cast<unsigned>(args.size()),
                                       args.data()) != 0)
                return {};
        }
    }
    int fd = ::memfd_create("oci-seccomp", MFD_CLOEXEC);
    if (fd < 0 || seccomp_export_bpf(ctx.get(), fd) != 0)
        return {};
    std::vector<char> prog(static_cast<size_t>(::lseek(fd, 0, SEEK_END)));
    const bool read = ::pread(fd, prog.data(), prog.size(), 0) == ssize_t(prog.size());
    ::close(fd);
    return read ? prog : std::vector<char>{};
}

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

    // The OCI form (what bench/ gives runc) is the same filter: built from it the
    // way runc does, rule by rule, it compiles to exactly koker's program.
    void ociProfileIsTheSameFilter_data()
    {
        QTest::addColumn<quint64>("caps");
        QTest::newRow("Docker's default capabilities") << quint64(kDockerDefault);
        QTest::newRow("with CAP_SYS_ADMIN") << quint64(kDockerDefault | kSysAdmin);
    }

    void ociProfileIsTheSameFilter()
    {
        QFETCH(quint64, caps);
        QJsonParseError err{};
        const auto doc = QJsonDocument::fromJson(
            QByteArray::fromStdString(koker::seccompProfileOci(caps)), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QJsonObject profile = doc.object();
        QCOMPARE(profile.value(u"defaultErrnoRet"_s).toInt(), EPERM);
        QStringList allowed;
        for (const QJsonValue &v : profile.value(u"syscalls"_s).toArray()) {
            if (v[u"action"_s].toString() == u"SCMP_ACT_ALLOW"_s && !v[u"args"_s].isArray())
                allowed << v[u"names"_s][0].toString();
        }
        QVERIFY(allowed.contains(u"execve"_s));
        QCOMPARE(allowed.contains(u"mount"_s), (caps & kSysAdmin) != 0);
        auto ours = koker::buildSeccompProgram(caps);
        QVERIFY(ours);
        const std::vector<char> theirs = compileOciProfile(profile);
        QVERIFY(!theirs.empty());
        QVERIFY(theirs == *ours);
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
