// Pure cgroup logic, no kernel: Docker's limits mapped to cgroup file writes for
// every mode, the validation rules, mode and mount detection from mountinfo
// samples, the driver's directory layout, and the parsers for kernel stat files.

#include "runtime/cgroupdriver.h"
#include "runtime/cgrouplayout.h"
#include "runtime/cgrouplimits.h"
#include "runtime/cgroupstats.h"
#include "runtime/launchspec.h"
#include "runtime/seccompfilter.h"

#include <QtCore/QObject>
#include <QtTest/QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using koker::CgroupLimits;
using koker::CgroupMode;

namespace {

constexpr qint64 MiB = 1024 * 1024;

CgroupMode modeFrom(const QString &s)
{
    if (s == u"unified"_s)
        return CgroupMode::Unified;
    if (s == u"hybrid"_s)
        return CgroupMode::Hybrid;
    return CgroupMode::Legacy;
}

QStringList toList(const std::vector<koker::CgroupWrite> &writes)
{
    QStringList out;
    for (const auto &w : writes)
        out << QString::fromStdString(w.controller + ":" + w.file + "=" + w.value);
    return out;
}

// The exact mountinfo of the project's CI machine (hybrid, one v1 hierarchy per
// controller, cgroup2 at /sys/fs/cgroup/unified holding only hugetlb).
const char *kThisMachine =
    "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
    "23 27 0:22 / /sys rw,relatime - sysfs sysfs rw\n"
    "24 27 0:6 / /dev rw,relatime - devtmpfs devtmpfs "
    "rw,size=12334460k,nr_inodes=3083615,mode=755\n"
    "25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24684084k\n"
    "26 24 0:24 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000\n"
    "27 1 254:0 / / rw,relatime - ext4 /dev/vda "
    "rw,discard,resv_strict,resuid=65534,resgid=65534\n"
    "28 27 0:25 / /mnt/sandboxing/model_tools_env/v1/python ro,nosuid,nodev,relatime - tmpfs "
    "model_tools_unavailable ro,size=4k,mode=755\n"
    "29 26 0:26 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000\n"
    "30 25 0:27 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24684084k\n"
    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
    "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
    "33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct\n"
    "34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset\n"
    "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
    "36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices\n"
    "37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer\n"
    "38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio\n"
    "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n"
    "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd\n"
    "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";

// The v1 part shared by the Ubuntu 20.04 (hybrid) and Debian 10 (legacy) samples:
// systemd's layout with co-mounted cpu,cpuacct and net_cls,net_prio.
const char *kSystemdV1 =
    "36 34 0:31 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:11 - cgroup "
    "cgroup rw,xattr,name=systemd\n"
    "39 34 0:34 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:15 - cgroup "
    "cgroup rw,cpu,cpuacct\n"
    "40 34 0:35 / /sys/fs/cgroup/net_cls,net_prio rw,nosuid,nodev,noexec,relatime shared:16 - "
    "cgroup cgroup rw,net_cls,net_prio\n"
    "41 34 0:36 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:17 - cgroup "
    "cgroup rw,memory\n"
    "42 34 0:37 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:18 - cgroup cgroup "
    "rw,pids\n"
    "43 34 0:38 / /sys/fs/cgroup/blkio rw,nosuid,nodev,noexec,relatime shared:19 - cgroup "
    "cgroup rw,blkio\n"
    "44 34 0:39 / /sys/fs/cgroup/devices rw,nosuid,nodev,noexec,relatime shared:20 - cgroup "
    "cgroup rw,devices\n"
    "45 34 0:40 / /sys/fs/cgroup/freezer rw,nosuid,nodev,noexec,relatime shared:21 - cgroup "
    "cgroup rw,freezer\n"
    "46 34 0:41 / /sys/fs/cgroup/cpuset rw,nosuid,nodev,noexec,relatime shared:22 - cgroup "
    "cgroup rw,cpuset,clone_children\n"
    "47 34 0:42 / /sys/fs/cgroup/hugetlb rw,nosuid,nodev,noexec,relatime shared:23 - cgroup "
    "cgroup rw,hugetlb\n"
    "48 34 0:43 / /sys/fs/cgroup/perf_event rw,nosuid,nodev,noexec,relatime shared:24 - cgroup "
    "cgroup rw,perf_event\n"
    "49 34 0:44 / /sys/fs/cgroup/rdma rw,nosuid,nodev,noexec,relatime shared:25 - cgroup cgroup "
    "rw,rdma\n";

const char *kBase = "24 30 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw\n"
                    "25 30 0:23 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw\n"
                    "30 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro\n";

const char *kCgroupTmpfs = "34 25 0:29 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs "
                           "tmpfs ro,mode=755\n";

QString ubuntu2004Hybrid()
{
    return QString::fromLatin1(kBase) + QString::fromLatin1(kCgroupTmpfs) +
           u"35 34 0:30 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - "
           "cgroup2 cgroup2 rw,nsdelegate\n"_s +
           QString::fromLatin1(kSystemdV1);
}

QString debian10Legacy()
{
    return QString::fromLatin1(kBase) + QString::fromLatin1(kCgroupTmpfs) +
           QString::fromLatin1(kSystemdV1);
}

QString debian12Unified()
{
    return QString::fromLatin1(kBase) +
           u"26 25 0:24 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 "
           "cgroup2 rw,nsdelegate,memory_recursiveprot\n"_s;
}

} // namespace

class TestCgroupMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapLimits_data();
    void mapLimits();
    void hybridMapsLikeLegacy_data();
    void hybridMapsLikeLegacy();
    void invalidLimits_data();
    void invalidLimits();
    void cpusAboveHostWarns();
    void titles_data();
    void titles();
    void formatBytes_data();
    void formatBytes();
    void detectLayout_data();
    void detectLayout();
    void detectFailsWithoutCgroups();
    void driverDirs_data();
    void driverDirs();
    void validateId_data();
    void validateId();
    void statParsers_data();
    void statParsers();
    void joinSelfWritesZero();
    void launchSpecCarriesJoinAndFilter();
};

void TestCgroupMapping::mapLimits_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<qint64>("memorySwap");
    QTest::addColumn<qint64>("nanoCpus");
    QTest::addColumn<qint64>("pids");
    QTest::addColumn<bool>("swapAccounting");
    QTest::addColumn<QStringList>("writes");  // in order
    QTest::addColumn<QStringList>("skipped"); // files left out

    const QStringList none;
    // v1: the total memory+swap goes to memsw, after the memory limit.
    QTest::newRow("v1 memory, swap unset = 2x memory")
        << u"legacy"_s << 10 * MiB << 0LL << 0LL << 0LL << true
        << QStringList{u"memory:memory.limit_in_bytes=10485760"_s,
                       u"memory:memory.memsw.limit_in_bytes=20971520"_s}
        << none;
    QTest::newRow("v1 swap == memory: no swap")
        << u"legacy"_s << 10 * MiB << 10 * MiB << 0LL << 0LL << true
        << QStringList{u"memory:memory.limit_in_bytes=10485760"_s,
                       u"memory:memory.memsw.limit_in_bytes=10485760"_s}
        << none;
    QTest::newRow("v1 swap total 30 MiB")
        << u"legacy"_s << 10 * MiB << 30 * MiB << 0LL << 0LL << true
        << QStringList{u"memory:memory.limit_in_bytes=10485760"_s,
                       u"memory:memory.memsw.limit_in_bytes=31457280"_s}
        << none;
    QTest::newRow("v1 swap -1: unlimited")
        << u"legacy"_s << 10 * MiB << -1LL << 0LL << 0LL << true
        << QStringList{u"memory:memory.limit_in_bytes=10485760"_s,
                       u"memory:memory.memsw.limit_in_bytes=-1"_s}
        << none;
    QTest::newRow("v1 no swap accounting: memsw skipped")
        << u"legacy"_s << 10 * MiB << 30 * MiB << 0LL << 0LL << false
        << QStringList{u"memory:memory.limit_in_bytes=10485760"_s}
        << QStringList{u"memory.memsw.limit_in_bytes"_s};
    QTest::newRow("v1 cpus 0.2: period then quota")
        << u"legacy"_s << 0LL << 0LL << 200'000'000LL << 0LL << true
        << QStringList{u"cpu:cpu.cfs_period_us=100000"_s, u"cpu:cpu.cfs_quota_us=20000"_s} << none;
    QTest::newRow("v1 cpus 1.5") << u"legacy"_s << 0LL << 0LL << 1'500'000'000LL << 0LL << true
                                 << QStringList{u"cpu:cpu.cfs_period_us=100000"_s,
                                                u"cpu:cpu.cfs_quota_us=150000"_s}
                                 << none;
    QTest::newRow("v1 cpus 0.01: the kernel's 1 ms minimum")
        << u"legacy"_s << 0LL << 0LL << 10'000'000LL << 0LL << true
        << QStringList{u"cpu:cpu.cfs_period_us=100000"_s, u"cpu:cpu.cfs_quota_us=1000"_s} << none;
    QTest::newRow("v1 pids 10") << u"legacy"_s << 0LL << 0LL << 0LL << 10LL << true
                                << QStringList{u"pids:pids.max=10"_s} << none;
    QTest::newRow("v1 pids -1: max") << u"legacy"_s << 0LL << 0LL << 0LL << -1LL << true
                                     << QStringList{u"pids:pids.max=max"_s} << none;
    QTest::newRow("pids 0 leaves pids.max alone")
        << u"legacy"_s << 0LL << 0LL << 0LL << 0LL << true << QStringList{} << none;
    QTest::newRow("v1 everything, in order")
        << u"legacy"_s << 64 * MiB << 128 * MiB << 500'000'000LL << 100LL << true
        << QStringList{u"memory:memory.limit_in_bytes=67108864"_s,
                       u"memory:memory.memsw.limit_in_bytes=134217728"_s,
                       u"cpu:cpu.cfs_period_us=100000"_s, u"cpu:cpu.cfs_quota_us=50000"_s,
                       u"pids:pids.max=100"_s}
        << none;
    QTest::newRow("no limits: no writes")
        << u"unified"_s << 0LL << 0LL << 0LL << 0LL << true << QStringList{} << none;
    QTest::newRow("swap -1 without memory: nothing to do")
        << u"unified"_s << 0LL << -1LL << 0LL << 0LL << true << QStringList{} << none;

    // v2: swap alone goes to memory.swap.max, so Docker's total becomes total - memory.
    QTest::newRow("v2 memory, swap unset = as much swap as memory")
        << u"unified"_s << 10 * MiB << 0LL << 0LL << 0LL << true
        << QStringList{u"memory:memory.max=10485760"_s, u"memory:memory.swap.max=10485760"_s}
        << none;
    QTest::newRow("v2 swap == memory: swap.max 0")
        << u"unified"_s << 10 * MiB << 10 * MiB << 0LL << 0LL << true
        << QStringList{u"memory:memory.max=10485760"_s, u"memory:memory.swap.max=0"_s} << none;
    QTest::newRow("v2 swap total 30 MiB: 20 MiB of swap")
        << u"unified"_s << 10 * MiB << 30 * MiB << 0LL << 0LL << true
        << QStringList{u"memory:memory.max=10485760"_s, u"memory:memory.swap.max=20971520"_s}
        << none;
    QTest::newRow("v2 swap -1: max")
        << u"unified"_s << 10 * MiB << -1LL << 0LL << 0LL << true
        << QStringList{u"memory:memory.max=10485760"_s, u"memory:memory.swap.max=max"_s} << none;
    QTest::newRow("v2 no swap accounting: swap.max skipped")
        << u"unified"_s << 10 * MiB << 0LL << 0LL << 0LL << false
        << QStringList{u"memory:memory.max=10485760"_s} << QStringList{u"memory.swap.max"_s};
    QTest::newRow("v2 cpus 0.2: one cpu.max write")
        << u"unified"_s << 0LL << 0LL << 200'000'000LL << 0LL << true
        << QStringList{u"cpu:cpu.max=20000 100000"_s} << none;
    QTest::newRow("v2 cpus 2") << u"unified"_s << 0LL << 0LL << 2'000'000'000LL << 0LL << true
                               << QStringList{u"cpu:cpu.max=200000 100000"_s} << none;
    QTest::newRow("v2 pids 10") << u"unified"_s << 0LL << 0LL << 0LL << 10LL << true
                                << QStringList{u"pids:pids.max=10"_s} << none;
    QTest::newRow("v2 pids -1") << u"unified"_s << 0LL << 0LL << 0LL << -1LL << true
                                << QStringList{u"pids:pids.max=max"_s} << none;
    QTest::newRow("v2 everything, in order")
        << u"unified"_s << 64 * MiB << 128 * MiB << 500'000'000LL << 100LL << true
        << QStringList{u"memory:memory.max=67108864"_s, u"memory:memory.swap.max=67108864"_s,
                       u"cpu:cpu.max=50000 100000"_s, u"pids:pids.max=100"_s}
        << none;
    // Hybrid: the cgroup2 has no memory/cpu/pids, so the v1 files are used.
    QTest::newRow("hybrid uses v1 files")
        << u"hybrid"_s << 10 * MiB << 0LL << 200'000'000LL << 10LL << true
        << QStringList{u"memory:memory.limit_in_bytes=10485760"_s,
                       u"memory:memory.memsw.limit_in_bytes=20971520"_s,
                       u"cpu:cpu.cfs_period_us=100000"_s, u"cpu:cpu.cfs_quota_us=20000"_s,
                       u"pids:pids.max=10"_s}
        << none;
}

void TestCgroupMapping::mapLimits()
{
    QFETCH(QString, mode);
    QFETCH(qint64, memory);
    QFETCH(qint64, memorySwap);
    QFETCH(qint64, nanoCpus);
    QFETCH(qint64, pids);
    QFETCH(bool, swapAccounting);
    QFETCH(QStringList, writes);
    QFETCH(QStringList, skipped);

    CgroupLimits limits{memory, memorySwap, nanoCpus, pids};
    koker::CgroupLimitOptions options;
    options.swapAccounting = swapAccounting;
    auto plan = koker::mapCgroupLimits(limits, modeFrom(mode), options);
    QVERIFY2(plan.has_value(), plan ? "" : plan.error().message.c_str());
    QCOMPARE(toList(plan->writes), writes);
    QStringList skippedFiles;
    for (const auto &w : plan->skipped) {
        skippedFiles << QString::fromStdString(w.file);
        QVERIFY(w.note.find("swap accounting") != std::string::npos);
    }
    QCOMPARE(skippedFiles, skipped);
    for (const auto &w : plan->writes) {
        QVERIFY(w.key.starts_with("cgroup.limit."));
        QVERIFY(!w.title.empty());
    }
}

void TestCgroupMapping::hybridMapsLikeLegacy_data()
{
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<qint64>("memorySwap");
    QTest::addColumn<qint64>("nanoCpus");
    QTest::addColumn<qint64>("pids");
    QTest::newRow("memory") << 32 * MiB << 0LL << 0LL << 0LL;
    QTest::newRow("memory, unlimited swap") << 32 * MiB << -1LL << 0LL << 0LL;
    QTest::newRow("all") << 32 * MiB << 48 * MiB << 750'000'000LL << 50LL;
}

void TestCgroupMapping::hybridMapsLikeLegacy()
{
    QFETCH(qint64, memory);
    QFETCH(qint64, memorySwap);
    QFETCH(qint64, nanoCpus);
    QFETCH(qint64, pids);
    CgroupLimits limits{memory, memorySwap, nanoCpus, pids};
    auto legacy = koker::mapCgroupLimits(limits, CgroupMode::Legacy);
    auto hybrid = koker::mapCgroupLimits(limits, CgroupMode::Hybrid);
    QVERIFY(legacy && hybrid);
    QCOMPARE(toList(hybrid->writes), toList(legacy->writes));
}

void TestCgroupMapping::invalidLimits_data()
{
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<qint64>("memorySwap");
    QTest::addColumn<qint64>("nanoCpus");
    QTest::addColumn<qint64>("pids");
    QTest::addColumn<QString>("message");

    QTest::newRow("swap total below memory")
        << 20 * MiB << 10 * MiB << 0LL << 0LL << u"smaller than the memory limit"_s;
    QTest::newRow("swap total 1 byte below memory")
        << 20 * MiB << 20 * MiB - 1 << 0LL << 0LL << u"smaller than the memory limit"_s;
    QTest::newRow("swap without memory")
        << 0LL << 10 * MiB << 0LL << 0LL << u"needs a memory limit"_s;
    QTest::newRow("swap -2") << 10 * MiB << -2LL << 0LL << 0LL << u"-1 for unlimited swap"_s;
    QTest::newRow("negative memory") << -1LL << 0LL << 0LL << 0LL << u"is negative"_s;
    QTest::newRow("memory below Docker's 6 MiB")
        << 4 * MiB << 0LL << 0LL << 0LL << u"below the minimum of 6 MiB"_s;
    QTest::newRow("negative cpus") << 0LL << 0LL << -500'000'000LL << 0LL << u"is negative"_s;
    QTest::newRow("cpus below 0.01") << 0LL << 0LL << 1'000'000LL << 0LL << u"below 0.01 CPU"_s;
    QTest::newRow("pids -2") << 0LL << 0LL << 0LL << -2LL << u"-1 for unlimited"_s;
    QTest::newRow("pids above PID_MAX_LIMIT")
        << 0LL << 0LL << 0LL << 5'000'000LL << u"above the kernel's maximum"_s;
}

void TestCgroupMapping::invalidLimits()
{
    QFETCH(qint64, memory);
    QFETCH(qint64, memorySwap);
    QFETCH(qint64, nanoCpus);
    QFETCH(qint64, pids);
    QFETCH(QString, message);
    CgroupLimits limits{memory, memorySwap, nanoCpus, pids};
    for (CgroupMode mode : {CgroupMode::Legacy, CgroupMode::Hybrid, CgroupMode::Unified}) {
        auto plan = koker::mapCgroupLimits(limits, mode);
        QVERIFY(!plan);
        QCOMPARE(plan.error().code, koker::ErrorCode::InvalidArgument);
        QVERIFY2(QString::fromStdString(plan.error().message).contains(message),
                 plan.error().message.c_str());
    }
    QVERIFY(!koker::validateCgroupLimits(limits));
}

void TestCgroupMapping::cpusAboveHostWarns()
{
    // Docker refuses --cpus above the host's count; Koker allows it (a student may
    // plan for another machine) but says the limit can never be reached.
    CgroupLimits limits;
    limits.nanoCpus = 4'000'000'000;
    koker::CgroupLimitOptions options;
    options.hostCpus = 2;
    auto plan = koker::mapCgroupLimits(limits, CgroupMode::Unified, options);
    QVERIFY(plan);
    QCOMPARE(toList(plan->writes), QStringList{u"cpu:cpu.max=400000 100000"_s});
    QCOMPARE(plan->warnings.size(), size_t(1));
    QVERIFY(plan->warnings.front().find("more than the 2 CPUs") != std::string::npos);

    options.hostCpus = 4;
    plan = koker::mapCgroupLimits(limits, CgroupMode::Unified, options);
    QVERIFY(plan && plan->warnings.empty());
}

void TestCgroupMapping::titles_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<qint64>("memorySwap");
    QTest::addColumn<qint64>("nanoCpus");
    QTest::addColumn<qint64>("pids");
    QTest::addColumn<QStringList>("titles");
    QTest::newRow("v1 memory") << u"legacy"_s << 10 * MiB << 0LL << 0LL << 0LL
                               << QStringList{u"Limit memory to 10 MiB"_s,
                                              u"Limit memory + swap to 20 MiB"_s};
    QTest::newRow("v2 memory, no swap")
        << u"unified"_s << 10 * MiB << 10 * MiB << 0LL << 0LL
        << QStringList{u"Limit memory to 10 MiB"_s, u"Forbid swapping"_s};
    QTest::newRow("v2 unlimited swap")
        << u"unified"_s << 1024 * MiB << -1LL << 0LL << 0LL
        << QStringList{u"Limit memory to 1 GiB"_s, u"Let the container swap without limit"_s};
    QTest::newRow("v1 cpu") << u"legacy"_s << 0LL << 0LL << 200'000'000LL << 0LL
                            << QStringList{u"Count CPU time in periods of 100 ms"_s,
                                           u"Limit CPU to 0.2 CPU (20 ms in every 100 ms)"_s};
    QTest::newRow("v2 cpu") << u"unified"_s << 0LL << 0LL << 1'500'000'000LL << 0LL
                            << QStringList{u"Limit CPU to 1.5 CPUs (150 ms in every 100 ms)"_s};
    QTest::newRow("pids") << u"unified"_s << 0LL << 0LL << 0LL << 10LL
                          << QStringList{u"Allow at most 10 processes"_s};
    QTest::newRow("pids max") << u"legacy"_s << 0LL << 0LL << 0LL << -1LL
                              << QStringList{u"Allow any number of processes"_s};
}

void TestCgroupMapping::titles()
{
    QFETCH(QString, mode);
    QFETCH(qint64, memory);
    QFETCH(qint64, memorySwap);
    QFETCH(qint64, nanoCpus);
    QFETCH(qint64, pids);
    QFETCH(QStringList, titles);
    auto plan =
        koker::mapCgroupLimits(CgroupLimits{memory, memorySwap, nanoCpus, pids}, modeFrom(mode));
    QVERIFY(plan);
    QStringList got;
    for (const auto &w : plan->writes)
        got << QString::fromStdString(w.title);
    QCOMPARE(got, titles);
}

void TestCgroupMapping::formatBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("10 MiB") << 10 * MiB << u"10 MiB"_s;
    QTest::newRow("1.5 GiB") << 1536 * MiB << u"1.5 GiB"_s;
    QTest::newRow("512 KiB") << 512 * 1024LL << u"512 KiB"_s;
    QTest::newRow("1000 bytes") << 1000LL << u"1000 bytes"_s;
    QTest::newRow("1e9 bytes") << 1'000'000'000LL << u"953.7 MiB"_s;
}

void TestCgroupMapping::formatBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(koker::formatBytes(bytes)), text);
}

void TestCgroupMapping::detectLayout_data()
{
    QTest::addColumn<QString>("mountinfo");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("unifiedMount");
    QTest::addColumn<int>("hierarchies");
    QTest::addColumn<QStringList>("mounts"); // controller=mount point ("" = not mounted)
    QTest::addColumn<QString>("note");       // a fragment of a note, or ""

    QTest::newRow("this machine (hybrid, one hierarchy per controller)")
        << QString::fromLatin1(kThisMachine) << u"hybrid"_s << u"/sys/fs/cgroup/unified"_s << 9
        << QStringList{u"memory=/sys/fs/cgroup/memory"_s,
                       u"cpu=/sys/fs/cgroup/cpu"_s,
                       u"cpuacct=/sys/fs/cgroup/cpuacct"_s,
                       u"cpuset=/sys/fs/cgroup/cpuset"_s,
                       u"pids=/sys/fs/cgroup/pids"_s,
                       u"freezer=/sys/fs/cgroup/freezer"_s,
                       u"devices=/sys/fs/cgroup/devices"_s,
                       u"blkio=/sys/fs/cgroup/blkio"_s,
                       u"name=systemd=/sys/fs/cgroup/systemd"_s,
                       u"hugetlb="_s}
        << QString();
    QTest::newRow("Ubuntu 20.04 (hybrid, co-mounted cpu,cpuacct)")
        << ubuntu2004Hybrid() << u"hybrid"_s << u"/sys/fs/cgroup/unified"_s << 12
        << QStringList{u"cpu=/sys/fs/cgroup/cpu,cpuacct"_s,
                       u"cpuacct=/sys/fs/cgroup/cpu,cpuacct"_s,
                       u"net_cls=/sys/fs/cgroup/net_cls,net_prio"_s,
                       u"memory=/sys/fs/cgroup/memory"_s,
                       u"cpuset=/sys/fs/cgroup/cpuset"_s,
                       u"hugetlb=/sys/fs/cgroup/hugetlb"_s,
                       u"name=systemd=/sys/fs/cgroup/systemd"_s}
        << QString();
    QTest::newRow("Debian 10 legacy (no cgroup2)")
        << debian10Legacy() << u"legacy"_s << QString() << 12
        << QStringList{u"cpu=/sys/fs/cgroup/cpu,cpuacct"_s, u"memory=/sys/fs/cgroup/memory"_s,
                       u"pids=/sys/fs/cgroup/pids"_s}
        << QString();
    QTest::newRow("Debian 12 unified") << debian12Unified() << u"unified"_s << u"/sys/fs/cgroup"_s
                                       << 0 << QStringList{u"memory="_s, u"cpu="_s} << QString();
    QTest::newRow("legacy plus a student's stray cgroup2: still legacy")
        << debian10Legacy() + u"60 30 0:50 / /mnt/cg2 rw,relatime shared:30 - cgroup2 none rw\n"_s
        << u"legacy"_s << QString() << 12 << QStringList{u"memory=/sys/fs/cgroup/memory"_s}
        << u"ignored the cgroup2 mount at /mnt/cg2"_s;
    QTest::newRow("unified with a name=systemd compat mount: still unified")
        << debian12Unified() + u"61 26 0:51 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup "
                               "rw,none,name=systemd\n"_s
        << u"unified"_s << u"/sys/fs/cgroup"_s << 0 << QStringList{u"name=systemd="_s}
        << u"carries no resource controller"_s;
    QTest::newRow("a v1 hierarchy mounted twice counts once")
        << debian10Legacy() +
               u"62 30 0:36 / /srv/jail/sys/fs/cgroup/memory rw,relatime - cgroup cgroup "
               "rw,memory\n"_s
        << u"legacy"_s << QString() << 12 << QStringList{u"memory=/sys/fs/cgroup/memory"_s}
        << u"second mount"_s;
    QTest::newRow("escaped space in a mount point")
        << QString::fromLatin1(kBase) +
               u"70 30 0:60 / /mnt/my\\040cgroups rw,relatime - cgroup2 cgroup2 rw\n"_s
        << u"unified"_s << u"/mnt/my cgroups"_s << 0 << QStringList{} << QString();
}

void TestCgroupMapping::detectLayout()
{
    QFETCH(QString, mountinfo);
    QFETCH(QString, mode);
    QFETCH(QString, unifiedMount);
    QFETCH(int, hierarchies);
    QFETCH(QStringList, mounts);
    QFETCH(QString, note);

    auto layout = koker::parseCgroupLayout(mountinfo.toStdString());
    QVERIFY2(layout.has_value(), layout ? "" : layout.error().message.c_str());
    QCOMPARE(QString::fromLatin1(koker::cgroupModeName(layout->mode)), mode);
    QCOMPARE(QString::fromStdString(layout->unifiedMount), unifiedMount);
    QCOMPARE(int(layout->v1.size()), hierarchies);
    for (const QString &pair : mounts) {
        qsizetype eq = pair.lastIndexOf(u'=');
        QString controller = pair.left(eq), where = pair.mid(eq + 1);
        QCOMPARE(QString::fromStdString(layout->v1Mount(controller.toStdString())), where);
    }
    if (!note.isEmpty()) {
        bool found = false;
        for (const auto &n : layout->notes)
            found = found || QString::fromStdString(n).contains(note);
        QVERIFY2(found, qPrintable(u"no note containing: "_s + note));
    }
}

void TestCgroupMapping::detectFailsWithoutCgroups()
{
    auto layout = koker::parseCgroupLayout(kBase);
    QVERIFY(!layout);
    QCOMPARE(layout.error().code, koker::ErrorCode::Unsupported);
    QVERIFY(layout.error().message.find("mount -t cgroup2") != std::string::npos);
}

void TestCgroupMapping::driverDirs_data()
{
    QTest::addColumn<QString>("mountinfo");
    QTest::addColumn<QStringList>("dirs"); // hierarchy=path, in creation order

    const QString id = u"/koker/abc"_s;
    QTest::newRow("this machine: 9 v1 hierarchies + unified")
        << QString::fromLatin1(kThisMachine)
        << QStringList{u"cpu=/sys/fs/cgroup/cpu"_s + id,
                       u"cpuacct=/sys/fs/cgroup/cpuacct"_s + id,
                       u"cpuset=/sys/fs/cgroup/cpuset"_s + id,
                       u"memory=/sys/fs/cgroup/memory"_s + id,
                       u"devices=/sys/fs/cgroup/devices"_s + id,
                       u"freezer=/sys/fs/cgroup/freezer"_s + id,
                       u"blkio=/sys/fs/cgroup/blkio"_s + id,
                       u"pids=/sys/fs/cgroup/pids"_s + id,
                       u"name=systemd=/sys/fs/cgroup/systemd"_s + id,
                       u"unified=/sys/fs/cgroup/unified"_s + id};
    // net_cls,net_prio, hugetlb, perf_event and rdma are not joined: nothing to set.
    QTest::newRow("Debian 10 legacy: co-mounted cpu,cpuacct once, no unified")
        << debian10Legacy() << QStringList{u"name=systemd=/sys/fs/cgroup/systemd"_s + id,
                                           u"cpu,cpuacct=/sys/fs/cgroup/cpu,cpuacct"_s + id,
                                           u"memory=/sys/fs/cgroup/memory"_s + id,
                                           u"pids=/sys/fs/cgroup/pids"_s + id,
                                           u"blkio=/sys/fs/cgroup/blkio"_s + id,
                                           u"devices=/sys/fs/cgroup/devices"_s + id,
                                           u"freezer=/sys/fs/cgroup/freezer"_s + id,
                                           u"cpuset=/sys/fs/cgroup/cpuset"_s + id};
    QTest::newRow("Debian 12 unified: one directory")
        << debian12Unified() << QStringList{u"unified=/sys/fs/cgroup"_s + id};
}

void TestCgroupMapping::driverDirs()
{
    QFETCH(QString, mountinfo);
    QFETCH(QStringList, dirs);
    auto layout = koker::parseCgroupLayout(mountinfo.toStdString());
    QVERIFY(layout);
    // Building a driver and reading its paths touches no file.
    auto driver = koker::CgroupDriver::forLayout(*layout, "abc", koker::hostCgroupFs());
    QVERIFY(driver);
    QStringList got;
    for (const auto &d : driver->dirs())
        got << QString::fromStdString(d.hierarchy + "=" + d.path);
    QCOMPARE(got, dirs);
    // The join: each v1 directory's tasks file, and the cgroup2 one to clone into.
    const koker::CgroupJoin join = driver->joinTargets();
    QStringList threadFiles;
    QString cloneInto;
    for (const QString &d : dirs) {
        const QString path = d.mid(d.indexOf(u'/'));
        if (d.startsWith(u"unified="_s))
            cloneInto = path;
        else
            threadFiles << path + u"/tasks"_s;
    }
    QStringList gotFiles;
    for (const auto &f : join.threadFiles)
        gotFiles << QString::fromStdString(f);
    QCOMPARE(gotFiles, threadFiles);
    QCOMPARE(QString::fromStdString(join.cloneInto), cloneInto);
}

void TestCgroupMapping::validateId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("hex") << u"4f2a9c01d3"_s << true;
    QTest::newRow("name-like") << u"web_1.test-2"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot") << u"."_s << false;
    QTest::newRow("dotdot") << u".."_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("traversal") << u"../../etc"_s << false;
    QTest::newRow("leading dash") << u"-x"_s << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("newline") << u"a\nb"_s << false;
    QTest::newRow("129 chars") << QString(129, u'a') << false;
    QTest::newRow("128 chars") << QString(128, u'a') << true;
}

void TestCgroupMapping::validateId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(bool(koker::CgroupDriver::validateId(id.toStdString())), valid);
    auto layout = koker::parseCgroupLayout(debian12Unified().toStdString());
    QCOMPARE(bool(koker::CgroupDriver::forLayout(*layout, id.toStdString(), koker::hostCgroupFs())),
             valid);
}

void TestCgroupMapping::statParsers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key"); // "" = a one-value limit file
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("present");

    QTest::newRow("v1 oom_control")
        << u"oom_kill_disable 0\nunder_oom 0\noom_kill 3\n"_s << u"oom_kill"_s << 3LL << true;
    QTest::newRow("oom_kill is not oom_kill_disable")
        << u"oom_kill_disable 1\nunder_oom 0\n"_s << u"oom_kill"_s << 0LL << false;
    QTest::newRow("v2 memory.events")
        << u"low 0\nhigh 0\nmax 12\noom 2\noom_kill 2\noom_group_kill 0\n"_s << u"oom_kill"_s << 2LL
        << true;
    QTest::newRow("v1 cpu.stat throttled")
        << u"nr_periods 40\nnr_throttled 31\nthrottled_time 2480000000\n"_s << u"nr_throttled"_s
        << 31LL << true;
    QTest::newRow("v2 cpu.stat usage")
        << u"usage_usec 201734\nuser_usec 200000\nsystem_usec 1734\n"_s << u"usage_usec"_s
        << 201734LL << true;
    QTest::newRow("missing key") << u"a 1\n"_s << u"b"_s << 0LL << false;
    QTest::newRow("limit bytes") << u"10485760\n"_s << QString() << 10485760LL << true;
    QTest::newRow("v2 max") << u"max\n"_s << QString() << -1LL << true;
    QTest::newRow("v1 unlimited") << u"9223372036854771712\n"_s << QString() << -1LL << true;
    QTest::newRow("v1 quota -1") << u"-1\n"_s << QString() << -1LL << true;
    QTest::newRow("garbage") << u"12abc\n"_s << QString() << 0LL << false;
}

void TestCgroupMapping::statParsers()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(qint64, value);
    QFETCH(bool, present);
    std::string t = text.toStdString();
    auto got =
        key.isEmpty() ? koker::cgroupLimitValue(t) : koker::cgroupKeyedValue(t, key.toStdString());
    QCOMPARE(got.has_value(), present);
    if (present)
        QCOMPARE(qint64(*got), value);
}

// "0" is the calling thread: what a child writes to each tasks file to move itself.
void TestCgroupMapping::joinSelfWritesZero()
{
    int a[2], b[2];
    QCOMPARE(::pipe2(a, O_CLOEXEC), 0);
    QCOMPARE(::pipe2(b, O_CLOEXEC), 0);
    const int fds[] = {a[1], b[1]};
    QCOMPARE(koker::CgroupDriver::joinSelf(fds, 2), 0);
    for (int r : {a[0], b[0]}) {
        char buf[32] = {};
        ssize_t n = ::read(r, buf, sizeof buf);
        QCOMPARE(QByteArray(buf, int(n)), QByteArray("0"));
    }
    for (int fd : {a[0], a[1], b[0], b[1]})
        ::close(fd);
    const int closed[] = {a[1]};
    QCOMPARE(koker::CgroupDriver::joinSelf(closed, 1), EBADF);
}

// The engine hands the monitor what the child needs to join its cgroups and the
// compiled seccomp filter, through the encoded launch spec.
void TestCgroupMapping::launchSpecCarriesJoinAndFilter()
{
    koker::LaunchSpec spec;
    spec.id = "abc";
    spec.cgroupThreadFiles = {"/sys/fs/cgroup/memory/koker/abc/tasks",
                              "/sys/fs/cgroup/pids/koker/abc/tasks"};
    spec.cgroupCloneInto = "/sys/fs/cgroup/unified/koker/abc";
    auto program = koker::buildSeccompProgram(0);
    QVERIFY(program);
    QVERIFY(!program->empty());
    spec.confinement.seccompProgram = *program;
    auto back = koker::LaunchSpec::decode(spec.encode());
    QVERIFY(back);
    QCOMPARE(back->cgroupThreadFiles, spec.cgroupThreadFiles);
    QCOMPARE(back->cgroupCloneInto, spec.cgroupCloneInto);
    QVERIFY(back->confinement.seccompProgram == *program);
}

QTEST_GUILESS_MAIN(TestCgroupMapping)
#include "tst_cgroupmapping.moc"
