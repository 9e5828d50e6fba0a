// The cgroup driver's full lifecycle on FakeCgroupFs, in every mode: unified (which
// this project's hybrid CI host cannot boot), hybrid and legacy. Also checks that the
// fake refuses what the kernel refuses, so a green run here means something.

#include "fakecgroupfs.h"
#include "runtime/cgroupdriver.h"
#include "runtime/devicepolicy.h"
#include "runtime/plan.h"

#include <QtCore/QObject>
#include <QtTest/QTest>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using koker::CgroupDriver;
using koker::CgroupLimits;
using koker::CgroupMode;
using koker::test::FakeCgroupFs;

namespace {

constexpr int64_t MiB = 1024 * 1024;

struct Setup
{
    std::shared_ptr<FakeCgroupFs> fake;
    std::optional<CgroupDriver> driver;
};

FakeCgroupFs::Options optionsFor(const QString &layout)
{
    FakeCgroupFs::Options o;
    if (layout.startsWith(u"unified"_s))
        o.layout = FakeCgroupFs::Layout::Unified;
    else if (layout.startsWith(u"hybrid"_s))
        o.layout = FakeCgroupFs::Layout::Hybrid;
    else
        o.layout = FakeCgroupFs::Layout::Legacy;
    o.coMountCpu = layout.contains(u"comount"_s);
    o.swapAccounting = !layout.contains(u"noswap"_s);
    o.cgroupKill = !layout.contains(u"nokill"_s);
    if (layout.contains(u"nopids"_s))
        std::erase(o.v2Controllers, std::string("pids"));
    return o;
}

Setup makeSetup(const QString &layout, const std::string &id = "c1")
{
    Setup s;
    s.fake = std::make_shared<FakeCgroupFs>(optionsFor(layout));
    auto parsed = koker::parseCgroupLayout(s.fake->mountinfo());
    if (!parsed)
        qFatal("fake mountinfo does not parse: %s", parsed.error().message.c_str());
    auto driver = CgroupDriver::forLayout(*parsed, id, s.fake);
    if (!driver)
        qFatal("driver: %s", driver.error().message.c_str());
    s.driver.emplace(std::move(*driver));
    s.driver->setSettleTimeoutMs(50);
    return s;
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

QString read(FakeCgroupFs &fake, const std::string &path)
{
    auto text = fake.readFile(path);
    return text ? QString::fromStdString(trimmed(*text))
                : u"<error: "_s + QString::fromStdString(text.error().message) + u">"_s;
}

QString errorText(const koker::Error &e)
{
    return QString::fromStdString(e.describe());
}

// Writes to the container's own directories, "file <- value", in order.
QStringList limitWrites(const FakeCgroupFs &fake, const CgroupDriver &driver)
{
    QStringList out;
    for (const auto &entry : fake.writeLog()) {
        QString e = QString::fromStdString(entry);
        for (const auto &d : driver.dirs()) {
            QString prefix = QString::fromStdString(fake.relative(d.path)) + u"/"_s;
            if (e.startsWith(prefix) && !e.contains(u"cgroup.procs"_s) &&
                !e.contains(u"cpuset."_s) && !e.contains(u"freezer.state"_s) &&
                !e.contains(u"cgroup.kill"_s))
                out << e.mid(prefix.size());
        }
    }
    return out;
}

} // namespace

class TestCgroupFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fakeLayoutIsDetected_data();
    void fakeLayoutIsDetected();
    void lifecycle_data();
    void lifecycle();
    void kernelRefusals_data();
    void kernelRefusals();
    void memswOrderMatters();
    void v2ControllersComeFromTheParent();
    void v2NoInternalProcesses();
    void v1EmptyCpusetRefusesTasks();
    void rmdirRefusedWhileBusy();
    void frozenProcessDiesOnlyWhenThawed();
    void killWithoutCgroupKill();
    void emptyGroupNeedsNoKill_data();
    void emptyGroupNeedsNoKill();
    void createTwiceFails();
    void failedCreateRollsBack();
    void planSteps_data();
    void planSteps();
    void skippedSwapStep_data();
    void skippedSwapStep();
    void missingControllerIsUnsupported();
    void devicesPoliced_data();
    void devicesPoliced();
    void v2AttachesTheDeviceProgram();
    void refusedDeviceProgramRollsBack();
    void deviceProgramMatchesTheRules();
    void deviceProgramInterpreterRefusesStrayCode();
    void removeIsIdempotent_data();
    void removeIsIdempotent();
};

void TestCgroupFake::fakeLayoutIsDetected_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("dirs");
    QTest::newRow("unified") << u"unified"_s << u"unified"_s << 1;
    QTest::newRow("hybrid") << u"hybrid"_s << u"hybrid"_s << 10;
    QTest::newRow("legacy") << u"legacy"_s << u"legacy"_s << 9;
    QTest::newRow("legacy co-mounted") << u"legacy-comount"_s << u"legacy"_s << 8;
}

void TestCgroupFake::fakeLayoutIsDetected()
{
    QFETCH(QString, layout);
    QFETCH(QString, mode);
    QFETCH(int, dirs);
    Setup s = makeSetup(layout);
    QCOMPARE(QString::fromLatin1(koker::cgroupModeName(s.driver->mode())), mode);
    QCOMPARE(int(s.driver->dirs().size()), dirs);
    for (const auto &d : s.driver->dirs())
        QVERIFY(d.path.starts_with(s.fake->cgroupRoot() + "/"));
}

void TestCgroupFake::lifecycle_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QStringList>("limitWrites"); // expected, in order
    QTest::addColumn<QString>("killWrite");       // the write that kills, "" for SIGKILLs

    const QStringList v1{
        u"memory.limit_in_bytes <- 10485760"_s, u"memory.memsw.limit_in_bytes <- 20971520"_s,
        u"cpu.cfs_period_us <- 100000"_s, u"cpu.cfs_quota_us <- 20000"_s, u"pids.max <- 10"_s};
    QTest::newRow("unified") << u"unified"_s
                             << QStringList{u"memory.max <- 10485760"_s,
                                            u"memory.swap.max <- 10485760"_s,
                                            u"cpu.max <- 20000 100000"_s, u"pids.max <- 10"_s}
                             << u"cgroup.kill <- 1"_s;
    QTest::newRow("unified without swap accounting")
        << u"unified-noswap"_s
        << QStringList{u"memory.max <- 10485760"_s, u"cpu.max <- 20000 100000"_s,
                       u"pids.max <- 10"_s}
        << u"cgroup.kill <- 1"_s;
    QTest::newRow("unified before 5.14 (no cgroup.kill)")
        << u"unified-nokill"_s
        << QStringList{u"memory.max <- 10485760"_s, u"memory.swap.max <- 10485760"_s,
                       u"cpu.max <- 20000 100000"_s, u"pids.max <- 10"_s}
        << QString();
    // Hybrid kills through the unified tree's cgroup.kill: same processes.
    QTest::newRow("hybrid") << u"hybrid"_s << v1 << u"cgroup.kill <- 1"_s;
    QTest::newRow("legacy") << u"legacy"_s << v1 << u"freezer.state <- FROZEN"_s;
    QTest::newRow("legacy co-mounted cpu,cpuacct")
        << u"legacy-comount"_s << v1 << u"freezer.state <- FROZEN"_s;
    QTest::newRow("legacy without memsw")
        << u"legacy-noswap"_s
        << QStringList{u"memory.limit_in_bytes <- 10485760"_s, u"cpu.cfs_period_us <- 100000"_s,
                       u"cpu.cfs_quota_us <- 20000"_s, u"pids.max <- 10"_s}
        << u"freezer.state <- FROZEN"_s;
}

void TestCgroupFake::lifecycle()
{
    QFETCH(QString, layout);
    QFETCH(QStringList, limitWrites);
    QFETCH(QString, killWrite);
    Setup s = makeSetup(layout);
    FakeCgroupFs &fake = *s.fake;
    const CgroupDriver &driver = *s.driver;
    const bool v2 = driver.mode() == CgroupMode::Unified;

    // create
    QVERIFY(!driver.exists());
    auto created = driver.create();
    QVERIFY2(created, created ? "" : created.error().describe().c_str());
    for (const auto &d : driver.dirs())
        QVERIFY2(fake.exists(d.path), d.path.c_str());
    if (v2) {
        QCOMPARE(read(fake, fake.cgroupRoot() + "/cgroup.subtree_control"), u"cpu memory pids"_s);
        QCOMPARE(read(fake, fake.cgroupRoot() + "/koker/cgroup.subtree_control"),
                 u"cpu memory pids"_s);
        QVERIFY(fake.exists(driver.dirs().front().path + "/memory.max"));
    } else {
        auto cpuset = driver.pathFor("cpuset");
        QVERIFY(cpuset);
        QCOMPARE(read(fake, *cpuset + "/cpuset.cpus"), u"0-3"_s);
        QCOMPARE(read(fake, *cpuset + "/cpuset.mems"), u"0"_s);
    }

    // limits: the exact files, values and order
    CgroupLimits limits{10 * MiB, 0, 200'000'000, 10};
    auto applied = driver.applyLimits(limits);
    QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
    QCOMPARE(::limitWrites(fake, driver), limitWrites);

    // join
    pid_t init = fake.spawn();
    auto joined = driver.joinPid(init);
    QVERIFY2(joined, joined ? "" : joined.error().describe().c_str());
    for (const auto &d : driver.dirs())
        QCOMPARE(read(fake, d.path + "/cgroup.procs"), QString::number(init));
    QCOMPARE(driver.pids().value(), std::vector<pid_t>{init});
    QCOMPARE(driver.isEmpty().value(), false);

    // pids.max 10: nine forks succeed, the tenth fails with EAGAIN
    std::vector<pid_t> children;
    for (int i = 0; i < 9; ++i) {
        auto child = fake.fork(init);
        QVERIFY(child);
        children.push_back(*child);
    }
    auto refused = fake.fork(init);
    QVERIFY(!refused);
    QCOMPARE(refused.error().sysErrno, EAGAIN);

    // stats, with the kernel's counters set the way the kernel would
    const std::string mem = *driver.pathFor("memory");
    const std::string cpu = *driver.pathFor("cpu");
    if (v2) {
        QVERIFY(fake.setKernelFile(mem + "/memory.current", "5242880\n"));
        QVERIFY(fake.setKernelFile(cpu + "/cpu.stat",
                                   "usage_usec 201000\nuser_usec 200000\nsystem_usec 1000\n"
                                   "nr_periods 50\nnr_throttled 40\nthrottled_usec 3000000\n"));
    } else {
        QVERIFY(fake.setKernelFile(mem + "/memory.usage_in_bytes", "5242880\n"));
        QVERIFY(fake.setKernelFile(*driver.pathFor("cpuacct") + "/cpuacct.usage", "201000000\n"));
        QVERIFY(fake.setKernelFile(cpu + "/cpu.stat",
                                   "nr_periods 50\nnr_throttled 40\nthrottled_time 3000000000\n"));
    }
    auto stats = driver.stats();
    QVERIFY(stats);
    QCOMPARE(stats->memoryUsageBytes, std::optional<int64_t>(5 * MiB));
    QCOMPARE(stats->memoryLimitBytes, std::optional<int64_t>(10 * MiB));
    QCOMPARE(stats->cpuUsageNs, std::optional<int64_t>(201'000'000));
    QCOMPARE(stats->cpuPeriods, std::optional<int64_t>(50));
    QCOMPARE(stats->cpuThrottledPeriods, std::optional<int64_t>(40));
    QCOMPARE(stats->cpuThrottledNs, std::optional<int64_t>(3'000'000'000));
    QCOMPARE(stats->pidsCurrent, std::optional<int64_t>(10));
    QCOMPARE(stats->pidsMax, std::optional<int64_t>(10));
    QCOMPARE(stats->oomKills, std::optional<int64_t>(0));

    // the OOM killer strikes: one process less, the count goes up
    QVERIFY(fake.oomKill(mem));
    QCOMPARE(fake.killed().back(), children.back());
    stats = driver.stats();
    QCOMPARE(stats->oomKills, std::optional<int64_t>(1));
    QCOMPARE(stats->pidsCurrent, std::optional<int64_t>(9));

    // removal is refused while processes are inside, and changes nothing
    auto busy = driver.remove();
    QVERIFY(!busy);
    QCOMPARE(busy.error().code, koker::ErrorCode::Busy);
    QVERIFY(driver.exists());

    // kill: everything dies; how depends on the mode
    auto killed = driver.killAll();
    QVERIFY2(killed, killed ? "" : killed.error().describe().c_str());
    QCOMPARE(driver.isEmpty().value(), true);
    QVERIFY(!fake.alive(init));
    for (pid_t c : children)
        QVERIFY(!fake.alive(c));
    QStringList log;
    for (const auto &e : fake.writeLog())
        log << QString::fromStdString(e);
    if (killWrite.isEmpty()) {
        QVERIFY(!log.join(u'\n').contains(u"cgroup.kill"_s));
    } else {
        QVERIFY2(log.join(u'\n').contains(killWrite), qPrintable(log.join(u'\n')));
    }
    if (killWrite.contains(u"FROZEN"_s)) // frozen, killed, then thawed so they could die
        QCOMPARE(read(fake, *driver.pathFor("freezer") + "/freezer.state"), u"THAWED"_s);

    // remove: nothing left but the shared koker/ parents
    auto removed = driver.remove();
    QVERIFY2(removed, removed ? "" : removed.error().describe().c_str());
    QVERIFY(!driver.exists());
    for (const auto &d : driver.dirs())
        QVERIFY(fake.exists(d.parent));
    QCOMPARE(driver.stats().error().code, koker::ErrorCode::NotFound);
    QVERIFY(driver.remove()); // idempotent
}

void TestCgroupFake::kernelRefusals_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("file"); // relative to the container's cgroup
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("err"); // 0 = accepted

    QTest::newRow("v2 cpu.max quota period")
        << u"unified"_s << u"cpu.max"_s << u"20000 100000"_s << 0;
    QTest::newRow("v2 cpu.max quota alone") << u"unified"_s << u"cpu.max"_s << u"50000"_s << 0;
    QTest::newRow("v2 cpu.max max") << u"unified"_s << u"cpu.max"_s << u"max"_s << 0;
    QTest::newRow("v2 cpu.max word") << u"unified"_s << u"cpu.max"_s << u"fast"_s << EINVAL;
    QTest::newRow("v2 cpu.max 3 fields")
        << u"unified"_s << u"cpu.max"_s << u"1000 100000 1"_s << EINVAL;
    QTest::newRow("v2 cpu.max quota < 1ms") << u"unified"_s << u"cpu.max"_s << u"500"_s << EINVAL;
    QTest::newRow("v2 cpu.max period > 1s")
        << u"unified"_s << u"cpu.max"_s << u"max 2000000"_s << EINVAL;
    QTest::newRow("v2 memory.max bytes") << u"unified"_s << u"memory.max"_s << u"10485760"_s << 0;
    QTest::newRow("v2 memory.max suffix") << u"unified"_s << u"memory.max"_s << u"10M"_s << 0;
    QTest::newRow("v2 memory.max -1") << u"unified"_s << u"memory.max"_s << u"-1"_s << EINVAL;
    QTest::newRow("v2 memory.max word") << u"unified"_s << u"memory.max"_s << u"lots"_s << EINVAL;
    QTest::newRow("v2 swap.max max") << u"unified"_s << u"memory.swap.max"_s << u"max"_s << 0;
    QTest::newRow("v2 pids.max 10") << u"unified"_s << u"pids.max"_s << u"10"_s << 0;
    QTest::newRow("v2 pids.max -1") << u"unified"_s << u"pids.max"_s << u"-1"_s << EINVAL;
    QTest::newRow("v2 pids.max too big") << u"unified"_s << u"pids.max"_s << u"5000000"_s << EINVAL;
    QTest::newRow("v2 memory.current read-only")
        << u"unified"_s << u"memory.current"_s << u"0"_s << EACCES;
    QTest::newRow("v2 cgroup.controllers read-only")
        << u"unified"_s << u"cgroup.controllers"_s << u"memory"_s << EACCES;
    QTest::newRow("v2 subtree without +")
        << u"unified"_s << u"cgroup.subtree_control"_s << u"memory"_s << EINVAL;
    QTest::newRow("v2 subtree unknown")
        << u"unified"_s << u"cgroup.subtree_control"_s << u"+gpu"_s << EINVAL;
    QTest::newRow("v2 subtree +memory")
        << u"unified"_s << u"cgroup.subtree_control"_s << u"+memory"_s << 0;
    QTest::newRow("v2 subtree +io (not enabled above)")
        << u"unified"_s << u"cgroup.subtree_control"_s << u"+io"_s << ENOENT;
    QTest::newRow("v2 cgroup.kill 2") << u"unified"_s << u"cgroup.kill"_s << u"2"_s << EINVAL;
    QTest::newRow("v2 no such file")
        << u"unified"_s << u"memory.limit_in_bytes"_s << u"1"_s << ENOENT;
    QTest::newRow("v2 procs not a pid") << u"unified"_s << u"cgroup.procs"_s << u"abc"_s << EINVAL;
    QTest::newRow("v2 procs no such pid")
        << u"unified"_s << u"cgroup.procs"_s << u"999999"_s << ESRCH;
    QTest::newRow("v1 quota 20000") << u"legacy"_s << u"cpu.cfs_quota_us"_s << u"20000"_s << 0;
    QTest::newRow("v1 quota -1") << u"legacy"_s << u"cpu.cfs_quota_us"_s << u"-1"_s << 0;
    QTest::newRow("v1 quota < 1ms") << u"legacy"_s << u"cpu.cfs_quota_us"_s << u"999"_s << EINVAL;
    QTest::newRow("v1 period 100") << u"legacy"_s << u"cpu.cfs_period_us"_s << u"100"_s << EINVAL;
    QTest::newRow("v1 limit -1") << u"legacy"_s << u"memory.limit_in_bytes"_s << u"-1"_s << 0;
    QTest::newRow("v1 limit -2") << u"legacy"_s << u"memory.limit_in_bytes"_s << u"-2"_s << EINVAL;
    QTest::newRow("v1 usage read-only")
        << u"legacy"_s << u"memory.usage_in_bytes"_s << u"0"_s << EACCES;
    QTest::newRow("v1 pids.max max") << u"legacy"_s << u"pids.max"_s << u"max"_s << 0;
    QTest::newRow("v1 pids.max -1") << u"legacy"_s << u"pids.max"_s << u"-1"_s << EINVAL;
    QTest::newRow("v1 freezer bogus") << u"legacy"_s << u"freezer.state"_s << u"ASLEEP"_s << EINVAL;
    QTest::newRow("v1 cpuset outside parent")
        << u"legacy"_s << u"cpuset.cpus"_s << u"0-9"_s << EINVAL;
    QTest::newRow("v1 memsw missing without accounting")
        << u"legacy-noswap"_s << u"memory.memsw.limit_in_bytes"_s << u"1"_s << ENOENT;
}

void TestCgroupFake::kernelRefusals()
{
    QFETCH(QString, layout);
    QFETCH(QString, file);
    QFETCH(QString, value);
    QFETCH(int, err);
    Setup s = makeSetup(layout);
    QVERIFY(s.driver->create());
    const std::string controller = file.section(u'.', 0, 0).toStdString();
    auto dir = s.driver->pathFor(controller == "cgroup" ? "memory" : controller);
    QVERIFY(dir);
    auto st = s.fake->writeFile(*dir + "/" + file.toStdString(), value.toStdString());
    if (err == 0) {
        QVERIFY2(st, st ? "" : st.error().describe().c_str());
    } else {
        QVERIFY(!st);
        QCOMPARE(st.error().sysErrno, err);
    }
}

void TestCgroupFake::memswOrderMatters()
{
    // The kernel keeps limit_in_bytes <= memsw.limit_in_bytes after every write. In
    // a fresh cgroup both are unlimited, so the total cannot go first: it would be
    // below the (unlimited) memory limit. This is why the mapping writes memory first.
    Setup s = makeSetup(u"legacy"_s);
    QVERIFY(s.driver->create());
    const std::string mem = *s.driver->pathFor("memory");
    auto st = s.fake->writeFile(mem + "/memory.memsw.limit_in_bytes", "20971520");
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EINVAL);
    QVERIFY(s.fake->writeFile(mem + "/memory.limit_in_bytes", "10485760"));
    QVERIFY(s.fake->writeFile(mem + "/memory.memsw.limit_in_bytes", "20971520"));
    // raising memory above the total is refused too
    st = s.fake->writeFile(mem + "/memory.limit_in_bytes", "31457280");
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EINVAL);
    // and memsw below the memory limit is refused as well
    QVERIFY(s.fake->writeFile(mem + "/memory.limit_in_bytes", "8388608"));
    st = s.fake->writeFile(mem + "/memory.memsw.limit_in_bytes", "4194304");
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EINVAL);
    // lowering the memory limit below the current usage: EBUSY
    QVERIFY(s.fake->setKernelFile(mem + "/memory.usage_in_bytes", "8000000\n"));
    st = s.fake->writeFile(mem + "/memory.limit_in_bytes", "6291456");
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EBUSY);
    QVERIFY(QString::fromStdString(s.driver->applyLimits({6 * MiB, 0, 0, 0}).error().message)
                .contains(u"could not reclaim"_s));
}

void TestCgroupFake::v2ControllersComeFromTheParent()
{
    Setup s = makeSetup(u"unified"_s);
    FakeCgroupFs &fake = *s.fake;
    const std::string root = fake.cgroupRoot();
    // Without +memory at the root, koker/ cannot offer memory to its children.
    QVERIFY(fake.makeDirectory(root + "/koker", 0755));
    QCOMPARE(read(fake, root + "/koker/cgroup.controllers"), QString());
    auto st = fake.writeFile(root + "/koker/cgroup.subtree_control", "+memory");
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, ENOENT);
    QVERIFY(!fake.exists(root + "/koker/memory.max"));
    // The driver enables it level by level; existing children get the files.
    QVERIFY(s.driver->create());
    QCOMPARE(read(fake, root + "/koker/cgroup.controllers"), u"cpu memory pids"_s);
    QVERIFY(fake.exists(root + "/koker/memory.max"));
    QVERIFY(fake.exists(root + "/koker/c1/cpu.max"));
    QVERIFY(fake.exists(root + "/koker/c1/pids.max"));
    QVERIFY(!fake.exists(root + "/koker/c1/io.max")); // not asked for
    // Hybrid: the unified tree offers only hugetlb, so +memory is refused there.
    Setup h = makeSetup(u"hybrid"_s);
    st = h.fake->writeFile(h.fake->cgroupRoot() + "/unified/cgroup.subtree_control", "+memory");
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, ENOENT);
}

void TestCgroupFake::v2NoInternalProcesses()
{
    Setup s = makeSetup(u"unified"_s);
    FakeCgroupFs &fake = *s.fake;
    QVERIFY(s.driver->create());
    pid_t pid = fake.spawn();
    const std::string parent = fake.cgroupRoot() + "/koker";
    // koker/ hands controllers down, so it may not hold processes itself.
    auto st = fake.writeFile(parent + "/cgroup.procs", std::to_string(pid));
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EBUSY);
    QVERIFY(QString::fromStdString(s.driver->planJoin(pid).front().record.op)
                .endsWith(u"/koker/c1/cgroup.procs\", \""_s + QString::number(pid) + u"\")"_s));
    QVERIFY(s.driver->joinPid(pid));
    // ...and a cgroup with processes may not start handing controllers down.
    st = fake.writeFile(parent + "/c1/cgroup.subtree_control", "+memory");
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EBUSY);
    // The root is exempt.
    QVERIFY(fake.writeFile(fake.cgroupRoot() + "/cgroup.subtree_control", "+io"));
}

void TestCgroupFake::v1EmptyCpusetRefusesTasks()
{
    Setup s = makeSetup(u"hybrid"_s);
    FakeCgroupFs &fake = *s.fake;
    const std::string cpuset = fake.cgroupRoot() + "/cpuset";
    QVERIFY(fake.makeDirectory(cpuset + "/bare", 0755));
    QCOMPARE(read(fake, cpuset + "/bare/cpuset.cpus"), QString());
    pid_t pid = fake.spawn();
    auto st = fake.writeFile(cpuset + "/bare/cgroup.procs", std::to_string(pid));
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, ENOSPC);
    // The driver's create copies the parent's cpus and mems, so joining works.
    QVERIFY(s.driver->create());
    QCOMPARE(read(fake, cpuset + "/koker/cpuset.cpus"), u"0-3"_s);
    QVERIFY(s.driver->joinPid(pid));
    // The kernel's hint reaches the message when someone joins a bare cpuset.
    auto bare =
        koker::CgroupDriver::forLayout(*koker::parseCgroupLayout(fake.mountinfo()), "c2", s.fake);
    QVERIFY(fake.makeDirectory(cpuset + "/koker/c2", 0755));
    for (const auto &d : bare->dirs()) {
        if (!d.has("cpuset"))
            QVERIFY(fake.makeDirectory(d.path, 0755));
    }
    auto joined = bare->joinPid(pid);
    QVERIFY(!joined);
    QVERIFY(errorText(joined.error()).contains(u"copy cpuset.cpus"_s));
}

void TestCgroupFake::rmdirRefusedWhileBusy()
{
    Setup s = makeSetup(u"unified"_s);
    FakeCgroupFs &fake = *s.fake;
    QVERIFY(s.driver->create());
    const std::string dir = s.driver->dirs().front().path;
    QVERIFY(fake.makeDirectory(dir + "/inner", 0755));
    auto st = fake.removeDirectory(dir);
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EBUSY); // a child cgroup
    pid_t pid = fake.spawn();
    QVERIFY(fake.writeFile(dir + "/inner/cgroup.procs", std::to_string(pid)));
    st = fake.removeDirectory(dir + "/inner");
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EBUSY); // a process
    // pids() and the kill reach processes in nested cgroups too
    QCOMPARE(s.driver->pids().value(), std::vector<pid_t>{pid});
    QVERIFY(s.driver->killAll());
    QVERIFY(s.driver->remove()); // children first
    QVERIFY(!fake.exists(dir));
    st = fake.removeDirectory(dir);
    QCOMPARE(st.error().sysErrno, ENOENT);
}

void TestCgroupFake::frozenProcessDiesOnlyWhenThawed()
{
    Setup s = makeSetup(u"legacy"_s);
    FakeCgroupFs &fake = *s.fake;
    QVERIFY(s.driver->create());
    pid_t pid = fake.spawn();
    QVERIFY(s.driver->joinPid(pid));
    const std::string state = *s.driver->pathFor("freezer") + "/freezer.state";
    QVERIFY(fake.writeFile(state, "FROZEN"));
    QVERIFY(fake.signalProcess(pid, SIGKILL));
    QVERIFY(fake.alive(pid)); // frozen: the SIGKILL waits
    QVERIFY(fake.writeFile(state, "THAWED"));
    QVERIFY(!fake.alive(pid));
    QCOMPARE(fake.signalProcess(pid, SIGKILL).error().sysErrno, ESRCH);
}

void TestCgroupFake::killWithoutCgroupKill()
{
    Setup s = makeSetup(u"unified-nokill"_s);
    // Planned before the cgroup exists, the kill assumes cgroup.kill...
    auto early = s.driver->planKill();
    QCOMPARE(QString::fromLatin1(early.front().record.op).endsWith(u"cgroup.kill\", \"1\")"_s),
             true);
    QVERIFY(s.driver->create());
    pid_t first = s.fake->spawn();
    QVERIFY(s.driver->joinPid(first));
    // ...and falls back to SIGKILLs on a kernel without it (before Linux 5.14).
    koker::Plan plan;
    for (auto &step : early)
        plan.add(std::move(step));
    QVERIFY(plan.run({}));
    QVERIFY(!s.fake->alive(first));

    // Planned now, the kernel is asked and the plan says what will really happen.
    pid_t pid = s.fake->spawn();
    QVERIFY(s.driver->joinPid(pid));
    auto steps = s.driver->planKill();
    QCOMPARE(QString::fromLatin1(steps.front().record.key), u"cgroup.kill"_s);
    QVERIFY(QString::fromLatin1(steps.front().record.op).startsWith(u"kill(pid, SIGKILL)"_s));
    QVERIFY(s.driver->killAll());
    QVERIFY(!s.fake->alive(pid));
    QCOMPARE(s.fake->killed(), (std::vector<pid_t>{first, pid}));
}

void TestCgroupFake::emptyGroupNeedsNoKill_data()
{
    QTest::addColumn<QString>("layout");
    QTest::newRow("unified") << u"unified"_s;
    QTest::newRow("hybrid") << u"hybrid"_s;
}

// The usual cleanup: the container's init has exited, and its PID namespace took
// every other process with it. cgroup.events says so; nothing is written to kill.
void TestCgroupFake::emptyGroupNeedsNoKill()
{
    QFETCH(QString, layout);
    Setup s = makeSetup(layout);
    QVERIFY(s.driver->create());
    pid_t init = s.fake->spawn();
    QVERIFY(s.driver->joinPid(init));
    QVERIFY(s.fake->signalProcess(init, SIGKILL)); // the init's exit
    QVERIFY(!s.fake->alive(init));
    const size_t writesBefore = s.fake->writeLog().size();
    auto steps = s.driver->planKill();
    QVERIFY(QString::fromLatin1(steps.back().record.op).contains(u"cgroup.events"_s));
    QVERIFY(s.driver->killAll());
    QCOMPARE(s.fake->writeLog().size(), writesBefore);
    QVERIFY(s.driver->remove());
    QVERIFY(!s.driver->exists());

    // One left behind: cgroup.events says populated 1, so the kill happens as before.
    Setup t = makeSetup(layout);
    QVERIFY(t.driver->create());
    pid_t stray = t.fake->spawn();
    QVERIFY(t.driver->joinPid(stray));
    QVERIFY(t.driver->killAll());
    QVERIFY(!t.fake->alive(stray));
    QVERIFY(t.driver->remove());
}

void TestCgroupFake::createTwiceFails()
{
    Setup s = makeSetup(u"hybrid"_s);
    QVERIFY(s.driver->create());
    pid_t pid = s.fake->spawn();
    QVERIFY(s.driver->joinPid(pid));
    auto again = s.driver->create();
    QVERIFY(!again);
    QCOMPARE(again.error().code, koker::ErrorCode::AlreadyExists);
    // the first creation is intact (the failed step has nothing to roll back)
    for (const auto &d : s.driver->dirs())
        QVERIFY(s.fake->exists(d.path));
    QCOMPARE(s.driver->pids().value(), std::vector<pid_t>{pid});
}

void TestCgroupFake::failedCreateRollsBack()
{
    // A leftover directory in the pids hierarchy only: every mkdir before it is
    // undone, the leftover (not ours) stays.
    Setup s = makeSetup(u"hybrid"_s);
    FakeCgroupFs &fake = *s.fake;
    const std::string pids = fake.cgroupRoot() + "/pids";
    QVERIFY(fake.makeDirectory(pids + "/koker", 0755));
    QVERIFY(fake.makeDirectory(pids + "/koker/c1", 0755));

    koker::Plan plan;
    for (auto &step : s.driver->planCreate())
        plan.add(std::move(step));
    std::vector<koker::StepRecord> records;
    auto st = plan.run([&](const koker::StepRecord &r) { records.push_back(r); });
    QVERIFY(!st);
    QCOMPARE(st.error().code, koker::ErrorCode::AlreadyExists);
    int rolledBack = 0;
    for (const auto &r : records)
        rolledBack += r.state == koker::StepState::RolledBack;
    QVERIFY(rolledBack >= 7); // cpu, cpuacct, cpuset, memory, devices, freezer, blkio
    for (const auto &d : s.driver->dirs()) {
        if (d.has("pids"))
            QVERIFY(fake.exists(d.path));
        else
            QVERIFY2(!fake.exists(d.path), d.path.c_str());
    }
}

void TestCgroupFake::planSteps_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QStringList>("createKeys");
    QTest::addColumn<QStringList>("limits"); // key | title | op | shell, "<c>" = cgroup root

    QTest::newRow("unified")
        << u"unified"_s
        << QStringList{u"cgroup.subtree_control"_s, u"cgroup.mkdir"_s, u"cgroup.subtree_control"_s,
                       u"cgroup.mkdir"_s}
        << QStringList{
               u"cgroup.limit.memory|Limit memory to 10 MiB|write(\"<c>/koker/c1/memory.max\", "
               "\"10485760\")|echo 10485760 > <c>/koker/c1/memory.max"_s,
               u"cgroup.limit.swap|Limit swap to 10 MiB|write(\"<c>/koker/c1/memory.swap.max\", "
               "\"10485760\")|echo 10485760 > <c>/koker/c1/memory.swap.max"_s,
               u"cgroup.limit.cpu|Limit CPU to 0.2 CPU (20 ms in every 100 ms)|write(\"<c>/koker/"
               "c1/cpu.max\", \"20000 100000\")|echo '20000 100000' > <c>/koker/c1/cpu.max"_s,
               u"cgroup.limit.pids|Allow at most 10 processes|write(\"<c>/koker/c1/pids.max\", "
               "\"10\")|echo 10 > <c>/koker/c1/pids.max"_s};
    QStringList v1Create;
    for (int i = 0; i < 9; ++i) {
        v1Create << u"cgroup.mkdir"_s << u"cgroup.mkdir"_s;
        if (i == 2)
            v1Create << u"cgroup.cpuset"_s;
    }
    const QStringList v1Limits{
        u"cgroup.limit.memory|Limit memory to 10 MiB|write(\"<c>/memory/koker/c1/"
        "memory.limit_in_bytes\", \"10485760\")|echo 10485760 > "
        "<c>/memory/koker/c1/memory.limit_in_bytes"_s,
        u"cgroup.limit.memsw|Limit memory + swap to 20 MiB|write(\"<c>/memory/koker/c1/"
        "memory.memsw.limit_in_bytes\", \"20971520\")|echo 20971520 > "
        "<c>/memory/koker/c1/memory.memsw.limit_in_bytes"_s,
        u"cgroup.limit.cpu|Count CPU time in periods of 100 ms|write(\"<c>/cpu/koker/c1/"
        "cpu.cfs_period_us\", \"100000\")|echo 100000 > <c>/cpu/koker/c1/cpu.cfs_period_us"_s,
        u"cgroup.limit.cpu|Limit CPU to 0.2 CPU (20 ms in every 100 ms)|write(\"<c>/cpu/koker/c1/"
        "cpu.cfs_quota_us\", \"20000\")|echo 20000 > <c>/cpu/koker/c1/cpu.cfs_quota_us"_s,
        u"cgroup.limit.pids|Allow at most 10 processes|write(\"<c>/pids/koker/c1/pids.max\", "
        "\"10\")|echo 10 > <c>/pids/koker/c1/pids.max"_s};
    QTest::newRow("legacy") << u"legacy"_s << v1Create << v1Limits;
    QTest::newRow("hybrid") << u"hybrid"_s
                            << (QStringList(v1Create) << u"cgroup.mkdir"_s << u"cgroup.mkdir"_s)
                            << v1Limits;
}

void TestCgroupFake::planSteps()
{
    QFETCH(QString, layout);
    QFETCH(QStringList, createKeys);
    QFETCH(QStringList, limits);
    Setup s = makeSetup(layout);
    const QString root = QString::fromStdString(s.fake->cgroupRoot());

    QStringList keys;
    for (const auto &step : s.driver->planCreate()) {
        keys << QString::fromLatin1(step.record.key);
        QCOMPARE(step.record.phase, koker::Phase::Cgroup);
        QCOMPARE(step.record.side, koker::Side::Host);
        QVERIFY(step.apply);
        QVERIFY(strlen(step.record.title) > 0 && strlen(step.record.op) > 0 &&
                strlen(step.record.shell) > 0);
        QString op = QString::fromLatin1(step.record.op);
        if (keys.back() == u"cgroup.mkdir"_s) {
            QVERIFY2(op.startsWith(u"mkdir(\""_s + root) && op.endsWith(u"\", 0755)"_s),
                     qPrintable(op));
            if (op.endsWith(u"/c1\", 0755)"_s)) { // the container's own: undone by rmdir
                QVERIFY(step.rollback);
                QVERIFY(QString::fromStdString(step.rollbackShell).startsWith(u"rmdir "_s));
            }
        }
    }
    QCOMPARE(keys, createKeys);
    QVERIFY(s.driver->create());

    // planning the remaining koker/ parents is skipped once they exist
    auto again = s.driver->planCreate();
    for (const auto &step : again)
        QVERIFY(!QString::fromLatin1(step.record.op).contains(u"/koker\", 0755)"_s));

    auto steps = s.driver->planLimits({10 * MiB, 0, 200'000'000, 10});
    QVERIFY(steps);
    QStringList got;
    for (const auto &step : *steps) {
        got << QString(QString::fromLatin1(step.record.key) + u'|' +
                       QString::fromLatin1(step.record.title) + u'|' +
                       QString::fromLatin1(step.record.op) + u'|' +
                       QString::fromLatin1(step.record.shell))
                   .replace(root, u"<c>"_s);
    }
    QCOMPARE(got, limits);

    auto join = s.driver->planJoin(4242);
    QCOMPARE(join.size(), s.driver->dirs().size());
    for (const auto &step : join) {
        QCOMPARE(QString::fromLatin1(step.record.key), u"cgroup.join"_s);
        QVERIFY(QString::fromLatin1(step.record.shell).startsWith(u"echo 4242 > "_s));
    }
    auto remove = s.driver->planRemove();
    QCOMPARE(remove.size(), s.driver->dirs().size());
    QCOMPARE(QString::fromLatin1(remove.front().record.op),
             u"rmdir(\""_s + QString::fromStdString(s.driver->dirs().back().path) + u"\")"_s);
}

void TestCgroupFake::skippedSwapStep_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("swapFile");
    QTest::newRow("legacy without memsw") << u"legacy-noswap"_s << u"memory.memsw"_s;
    QTest::newRow("unified without swap") << u"unified-noswap"_s << u"memory.swap.max"_s;
}

void TestCgroupFake::skippedSwapStep()
{
    QFETCH(QString, layout);
    QFETCH(QString, swapFile);
    Setup s = makeSetup(layout);
    QVERIFY(s.driver->create());
    QCOMPARE(s.driver->limitOptions().swapAccounting, false);
    auto steps = s.driver->planLimits({10 * MiB, 0, 0, 0});
    QVERIFY(steps);
    QCOMPARE(steps->size(), size_t(2));
    const auto &skip = steps->back().record;
    QVERIFY(QString::fromLatin1(skip.title).startsWith(u"Skip: "_s));
    QVERIFY(QString::fromLatin1(skip.message).contains(u"swapaccount=1"_s));
    QVERIFY(s.driver->applyLimits({10 * MiB, 0, 0, 0}));
    for (const auto &e : s.fake->writeLog())
        QVERIFY(!QString::fromStdString(e).contains(swapFile));
}

void TestCgroupFake::missingControllerIsUnsupported()
{
    Setup s = makeSetup(u"unified-nopids"_s);
    QVERIFY(s.driver->create());
    QCOMPARE(read(*s.fake, s.fake->cgroupRoot() + "/koker/cgroup.subtree_control"),
             u"cpu memory"_s);
    auto steps = s.driver->planLimits({0, 0, 0, 10});
    QVERIFY(!steps);
    QCOMPARE(steps.error().code, koker::ErrorCode::Unsupported);
    QVERIFY(QString::fromStdString(steps.error().message).contains(u"pids controller"_s));
    QVERIFY(s.driver->applyLimits({10 * MiB, 0, 0, 0}));
    auto invalid = s.driver->applyLimits({10 * MiB, 5 * MiB, 0, 0});
    QCOMPARE(invalid.error().code, koker::ErrorCode::InvalidArgument);
}

void TestCgroupFake::devicesPoliced_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("firstKey");
    QTest::newRow("unified") << u"unified"_s << u"cgroup.devices.bpf"_s;
    QTest::newRow("hybrid") << u"hybrid"_s << u"cgroup.devices.deny"_s;
    QTest::newRow("legacy") << u"legacy"_s << u"cgroup.devices.deny"_s;
}

void TestCgroupFake::devicesPoliced()
{
    // The engine keeps CAP_MKNOD only where this is true. v1 polices with its devices
    // controller, v2 with an eBPF program on the cgroup2 directory; where a v1
    // devices controller exists (hybrid) it is the one used.
    QFETCH(QString, layout);
    QFETCH(QString, firstKey);
    Setup s = makeSetup(layout);
    QVERIFY(s.driver->policesDevices());
    auto steps = s.driver->planDevices(false);
    QVERIFY(!steps.empty());
    QCOMPARE(QString::fromLatin1(steps.front().record.key), firstKey);
    QVERIFY(s.driver->planDevices(true).empty());
}

void TestCgroupFake::v2AttachesTheDeviceProgram()
{
    Setup s = makeSetup(u"unified"_s);
    QVERIFY(s.driver->create());
    auto steps = s.driver->planDevices(false);
    QCOMPARE(steps.size(), size_t(1));
    const std::string op = steps[0].record.op;
    QVERIFY2(op.find("BPF_PROG_TYPE_CGROUP_DEVICE") != std::string::npos, op.c_str());
    QVERIFY2(op.find("c 1:3 rwm") != std::string::npos, op.c_str());
    QVERIFY(steps[0].apply());

    const std::string dir = s.fake->relative(s.driver->dirs().front().path);
    QCOMPARE(s.fake->devicePrograms().size(), size_t(1));
    QVERIFY(s.fake->devicePrograms().count(dir));
    const auto &program = s.fake->devicePrograms().at(dir);
    auto verdict = [&](char type, uint32_t major, uint32_t minor, uint32_t access) {
        auto r = FakeCgroupFs::runDeviceProgram(program, type, major, minor, access);
        if (!r)
            qFatal("device program: %s", r.error().message.c_str());
        return *r;
    };
    const uint32_t rw = BPF_DEVCG_ACC_READ | BPF_DEVCG_ACC_WRITE;
    QCOMPARE(verdict('c', 1, 3, rw), 1);                     // /dev/null
    QCOMPARE(verdict('c', 136, 4, rw), 1);                   // /dev/pts/4
    QCOMPARE(verdict('b', 8, 0, BPF_DEVCG_ACC_MKNOD), 1);    // mknod of a disk node...
    QCOMPARE(verdict('b', 8, 0, BPF_DEVCG_ACC_READ), 0);     // ...but not reading it
    QCOMPARE(verdict('c', 1, 11, BPF_DEVCG_ACC_READ), 0);    // /dev/kmsg
    QCOMPARE(verdict('c', 10, 229, BPF_DEVCG_ACC_WRITE), 0); // /dev/fuse

    // The program goes with its cgroup.
    QVERIFY(s.driver->remove());
    QVERIFY(s.fake->devicePrograms().empty());
}

void TestCgroupFake::refusedDeviceProgramRollsBack()
{
    // A kernel that refuses the program stops the start: the step fails with the
    // kernel's errno and every cgroup made before it goes (a container never runs
    // without its device policy).
    FakeCgroupFs::Options o = optionsFor(u"unified"_s);
    o.devicePrograms = false;
    auto fake = std::make_shared<FakeCgroupFs>(o);
    auto layout = koker::parseCgroupLayout(fake->mountinfo());
    QVERIFY(layout);
    auto driver = CgroupDriver::forLayout(*layout, "c1", fake);
    QVERIFY(driver);
    koker::Plan plan;
    for (auto &step : driver->planCreate())
        plan.add(std::move(step));
    for (auto &step : driver->planDevices(false))
        plan.add(std::move(step));
    std::vector<koker::StepRecord> records;
    auto st = plan.run([&](const koker::StepRecord &r) { records.push_back(r); });
    QVERIFY(!st);
    QCOMPARE(st.error().sysErrno, EINVAL);
    QVERIFY(!records.empty());
    const auto failed = std::find_if(records.begin(), records.end(), [](const auto &r) {
        return r.state == koker::StepState::Failed;
    });
    QVERIFY(failed != records.end());
    QCOMPARE(QString::fromLatin1(failed->key), u"cgroup.devices.bpf"_s);
    for (const auto &d : driver->dirs())
        QVERIFY2(!fake->exists(d.path), d.path.c_str());
    QVERIFY(fake->devicePrograms().empty());
}

void TestCgroupFake::deviceProgramMatchesTheRules()
{
    // Every request over a grid of types, numbers and access sets: the program the
    // kernel would run decides exactly as the rules read (deviceAllowed), for
    // Docker's list and for lists that exercise each kind of check alone.
    using koker::DeviceRule;
    const DeviceRule typeOnly[] = {{'b', DeviceRule::kAny, DeviceRule::kAny, "rwm"}};
    const DeviceRule both[] = {{'a', 4, DeviceRule::kAny, "r"}, {'a', DeviceRule::kAny, 7, "w"}};
    const DeviceRule none[] = {{'c', 1, 3, ""}};
    // A rule that allows everything ends the program (the kernel refuses
    // unreachable instructions after it).
    const DeviceRule everything[] = {
        {'c', 1, 3, "r"}, {'a', DeviceRule::kAny, DeviceRule::kAny, "rwm"}, {'b', 8, 0, "r"}};
    const std::span<const DeviceRule> lists[] = {
        koker::defaultDeviceRules(), typeOnly, both, none, everything, {}};
    const uint32_t majors[] = {0, 1, 4, 5, 7, 8, 10, 136, 250, 4095};
    const uint32_t minors[] = {0, 1, 2, 3, 5, 7, 8, 9, 11, 200, 229, 1048575};
    int allowed = 0, checked = 0;
    for (const auto &rules : lists) {
        const auto program = koker::deviceProgram(rules);
        for (char type : {'b', 'c'}) {
            for (uint32_t major : majors) {
                for (uint32_t minor : minors) {
                    for (uint32_t access = 1; access <= 7; ++access) {
                        auto r =
                            FakeCgroupFs::runDeviceProgram(program, type, major, minor, access);
                        QVERIFY2(r, r ? "" : r.error().message.c_str());
                        const bool expected =
                            koker::deviceAllowed(rules, type, major, minor, access);
                        if (*r != int(expected))
                            QFAIL(qPrintable(u"%1 %2:%3 access %4: program %5, rules %6"_s
                                                 .arg(QChar::fromLatin1(type))
                                                 .arg(major)
                                                 .arg(minor)
                                                 .arg(access)
                                                 .arg(*r)
                                                 .arg(expected)));
                        allowed += expected;
                        ++checked;
                    }
                }
            }
        }
    }
    // Both verdicts occur: a grid that only ever allowed (or denied) would prove little.
    QVERIFY(allowed > 0);
    QVERIFY(allowed < checked);
}

void TestCgroupFake::deviceProgramInterpreterRefusesStrayCode()
{
    // The interpreter stands in for the kernel: it must not accept what the verifier
    // would refuse, or the test above could pass on a broken program.
    auto program = koker::deviceProgram(koker::defaultDeviceRules());
    auto truncated = std::span(program).first(program.size() - 1); // no final exit
    QVERIFY(!FakeCgroupFs::runDeviceProgram(truncated, 'c', 99, 99, BPF_DEVCG_ACC_READ));
    auto farJump = program;
    for (auto &i : farJump) {
        if (i.code == (BPF_JMP | BPF_JNE | BPF_K)) {
            i.off = 30000;
            break;
        }
    }
    QVERIFY(!FakeCgroupFs::runDeviceProgram(farJump, 'b', 1, 1, BPF_DEVCG_ACC_READ));
    auto deadCode = program;
    deadCode.push_back(deadCode.back()); // a second exit after the last one
    QVERIFY(!FakeCgroupFs::runDeviceProgram(deadCode, 'c', 1, 3, BPF_DEVCG_ACC_READ));
}

void TestCgroupFake::removeIsIdempotent_data()
{
    QTest::addColumn<QString>("layout");
    QTest::newRow("unified") << u"unified"_s;
    QTest::newRow("hybrid") << u"hybrid"_s;
    QTest::newRow("legacy") << u"legacy"_s;
}

void TestCgroupFake::removeIsIdempotent()
{
    QFETCH(QString, layout);
    Setup s = makeSetup(layout);
    QVERIFY(s.driver->remove()); // never created
    QVERIFY(s.driver->killAll());
    QCOMPARE(s.driver->isEmpty().value(), true);
    QVERIFY(s.driver->create());
    // half removed (a crash during rm): the rest still goes
    QVERIFY(s.fake->removeDirectory(s.driver->dirs().front().path));
    QVERIFY(s.driver->remove());
    QVERIFY(!s.driver->exists());
    QVERIFY(s.driver->remove());
}

QTEST_GUILESS_MAIN(TestCgroupFake)
#include "tst_cgroupfake.moc"
