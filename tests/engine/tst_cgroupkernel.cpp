// The cgroup driver on the real kernel (root): limits land in the kernel's files,
// and the kernel enforces them. The memory limit brings the OOM killer, pids.max
// stops a fork loop with EAGAIN, and a CPU quota throttles a busy loop, measured by
// the kernel's own counters (cpu.stat, cpuacct.usage), never by our clock.
// Works in every mode; this project's CI host is hybrid.

#include "runtime/cgroupdriver.h"
#include "runtime/cgroupfs.h"
#include "runtime/devicepolicy.h"
#include "runtime/fsutil.h"
#include "runtime/plan.h"
#include "runtime/uniquefd.h"
#include "testsupport.h"

#include <QtCore/QObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <fcntl.h>
#include <linux/magic.h>
#include <linux/sched.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using koker::CgroupDriver;
using koker::CgroupJoin;
using koker::CgroupLimits;
using koker::CgroupMode;

namespace {

constexpr qint64 MiB = 1024 * 1024;

// A forked child that waits until released, so the parent can move it into the
// cgroup first. Only async-signal-safe calls happen in the child.
struct Child
{
    pid_t pid = -1;
    int go = -1; // write end: one byte releases the child

    void release()
    {
        if (go >= 0) {
            [[maybe_unused]] ssize_t n = ::write(go, "x", 1);
            ::close(go);
            go = -1;
        }
    }
};

template <class Body>
Child forkWaiting(Body body)
{
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0)
        return {};
    pid_t pid = ::fork();
    if (pid == 0) {
        ::close(p[1]);
        char c;
        while (::read(p[0], &c, 1) < 0 && errno == EINTR) {
        }
        body();
        ::_exit(0);
    }
    ::close(p[0]);
    return Child{pid, p[1]};
}

// waitpid with a deadline; the child is killed if it overstays (a failed test, not
// a timing assertion).
std::optional<int> waitFor(pid_t pid, int timeoutMs)
{
    for (int waited = 0;; waited += 10) {
        int status = 0;
        pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return status;
        if (r < 0)
            return std::nullopt;
        if (waited >= timeoutMs) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return std::nullopt;
        }
        ::usleep(10'000);
    }
}

// Orphaned grandchildren come to us (we are a subreaper): collect them.
void reapAll()
{
    for (int i = 0; i < 200; ++i) {
        int status;
        pid_t r = ::waitpid(-1, &status, WNOHANG);
        if (r < 0 && errno == ECHILD)
            return;
        if (r == 0)
            ::usleep(10'000);
    }
}

QString readTrimmed(const std::string &path)
{
    auto text = koker::fs::readFile(path);
    if (!text)
        return u"<"_s + QString::fromStdString(text.error().describe()) + u">"_s;
    return QString::fromStdString(*text).trimmed();
}

// Whether /proc/<pid>/cgroup puts `pid` in koker/<id> in every hierarchy the driver
// uses (the others, net_cls or perf_event, are not joined on purpose).
bool inContainerCgroups(const CgroupDriver &d, pid_t pid)
{
    const QString own = readTrimmed("/proc/" + std::to_string(pid) + "/cgroup");
    for (const QString &line : own.split(u'\n')) {
        const QString controllers = line.section(u':', 1, 1);
        if (controllers.isEmpty() && d.mode() == CgroupMode::Legacy)
            continue; // the unused v2 hierarchy
        bool joined = controllers.isEmpty();
        for (const auto &dir : d.dirs())
            joined = joined || (!dir.v2 && QString::fromStdString(dir.hierarchy) == controllers);
        if (joined && !line.endsWith(u"/koker/"_s + QString::fromStdString(d.id()))) {
            qWarning("not in the container's cgroup: %s", qPrintable(line));
            return false;
        }
    }
    return true;
}

// Start a child the way the engine starts a container's process (CgroupJoin): born
// in the cgroup2 directory, it writes itself into each v1 tasks file, then runs
// body(). A child whose join fails exits with 100 + errno.
template <class Body>
pid_t cloneJoined(const CgroupDriver &d, Body body)
{
    const CgroupJoin join = d.joinTargets();
    std::vector<koker::UniqueFd> owned;
    std::vector<int> fds;
    for (const auto &file : join.threadFiles) {
        owned.emplace_back(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
        if (!owned.back())
            return -1;
        fds.push_back(owned.back().get());
    }
    koker::UniqueFd dir;
    clone_args args{};
    args.exit_signal = SIGCHLD;
    if (!join.cloneInto.empty()) {
        dir.reset(::open(join.cloneInto.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!dir)
            return -1;
        args.flags = CLONE_INTO_CGROUP;
        args.cgroup = static_cast<uint64_t>(dir.get());
    }
    long pid = ::syscall(SYS_clone3, &args, sizeof args);
    if (pid == 0) {
        if (int err = CgroupDriver::joinSelf(fds.data(), fds.size()); err != 0)
            ::_exit(100 + err);
        body();
        ::_exit(0);
    }
    return static_cast<pid_t>(pid);
}

bool pathExists(const std::string &path)
{
    return ::access(path.c_str(), F_OK) == 0;
}

// The mode the way systemd and runc tell it, from the file system type: an
// independent cross-check of the mountinfo parser.
CgroupMode modeByStatfs()
{
    struct statfs s
    {};
    if (::statfs("/sys/fs/cgroup", &s) == 0 && s.f_type == CGROUP2_SUPER_MAGIC)
        return CgroupMode::Unified;
    if (::statfs("/sys/fs/cgroup/unified", &s) == 0 && s.f_type == CGROUP2_SUPER_MAGIC)
        return CgroupMode::Hybrid;
    return CgroupMode::Legacy;
}

} // namespace

class TestCgroupKernel : public QObject
{
    Q_OBJECT

private:
    std::vector<CgroupDriver> m_drivers; // every cgroup a test made, removed in cleanup()

    CgroupDriver *makeDriver()
    {
        char id[32];
        std::snprintf(id, sizeof id, "kt-%012llx",
                      static_cast<unsigned long long>(QRandomGenerator::global()->generate64() &
                                                      0xffffffffffffULL));
        auto d = CgroupDriver::forHost(id);
        if (!d) {
            qWarning("driver: %s", d.error().describe().c_str());
            return nullptr;
        }
        m_drivers.push_back(std::move(*d));
        return &m_drivers.back();
    }

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void detectsHostLayout();
    void limitsReadBack_data();
    void limitsReadBack();
    void planRunsAndRollsBack();
    void statsReadable();
    void childJoinsAndIsKilled();
    void childJoinsItself();
    void oomKillsOverLimit();
    void pidsMaxStopsForkLoop();
    void cpuQuotaThrottles();
    void removeLeavesNothing();
    void deviceProgramPolicesTheKernel();
};

void TestCgroupKernel::initTestCase()
{
    KOKER_REQUIRE_ROOT();
    // Grandchildren of the fork-loop test are reparented to us when their parent
    // dies, so we can reap them.
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    m_drivers.reserve(64);
}

void TestCgroupKernel::cleanup()
{
    for (auto &d : m_drivers) {
        if (!d.exists())
            continue;
        auto killed = d.killAll();
        auto removed = d.remove();
        if (!killed || !removed)
            qWarning("cleanup of %s: %s", d.id().c_str(),
                     (!killed ? killed.error() : removed.error()).describe().c_str());
    }
    reapAll();
    m_drivers.clear();
}

void TestCgroupKernel::detectsHostLayout()
{
    auto layout = koker::detectCgroupLayout();
    QVERIFY2(layout, layout ? "" : layout.error().describe().c_str());
    qInfo("cgroup mode: %s", koker::cgroupModeName(layout->mode));
    QCOMPARE(layout->mode, modeByStatfs());
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    for (const auto &dir : d->dirs()) {
        struct statfs s
        {};
        QVERIFY2(::statfs(dir.mountPoint.c_str(), &s) == 0, dir.mountPoint.c_str());
        QCOMPARE(s.f_type, dir.v2 ? CGROUP2_SUPER_MAGIC : CGROUP_SUPER_MAGIC);
    }
}

void TestCgroupKernel::limitsReadBack_data()
{
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<qint64>("memorySwap");
    QTest::addColumn<qint64>("nanoCpus");
    QTest::addColumn<qint64>("pids");
    QTest::addColumn<QStringList>("v1"); // file=value as the kernel shows it
    QTest::addColumn<QStringList>("v2");

    QTest::newRow("10 MiB, swap unset")
        << 10 * MiB << 0LL << 0LL << 0LL
        << QStringList{u"memory.limit_in_bytes=10485760"_s,
                       u"memory.memsw.limit_in_bytes=20971520"_s}
        << QStringList{u"memory.max=10485760"_s, u"memory.swap.max=10485760"_s};
    QTest::newRow("16 MiB, no swap")
        << 16 * MiB << 16 * MiB << 0LL << 0LL
        << QStringList{u"memory.limit_in_bytes=16777216"_s,
                       u"memory.memsw.limit_in_bytes=16777216"_s}
        << QStringList{u"memory.max=16777216"_s, u"memory.swap.max=0"_s};
    QTest::newRow("16 MiB, unlimited swap")
        << 16 * MiB << -1LL << 0LL << 0LL
        << QStringList{u"memory.limit_in_bytes=16777216"_s,
                       u"memory.memsw.limit_in_bytes=9223372036854771712"_s}
        << QStringList{u"memory.max=16777216"_s, u"memory.swap.max=max"_s};
    QTest::newRow("0.2 CPU") << 0LL << 0LL << 200'000'000LL << 0LL
                             << QStringList{u"cpu.cfs_period_us=100000"_s,
                                            u"cpu.cfs_quota_us=20000"_s}
                             << QStringList{u"cpu.max=20000 100000"_s};
    QTest::newRow("1.5 CPU") << 0LL << 0LL << 1'500'000'000LL << 0LL
                             << QStringList{u"cpu.cfs_quota_us=150000"_s}
                             << QStringList{u"cpu.max=150000 100000"_s};
    QTest::newRow("10 pids") << 0LL << 0LL << 0LL << 10LL << QStringList{u"pids.max=10"_s}
                             << QStringList{u"pids.max=10"_s};
    QTest::newRow("unlimited pids") << 0LL << 0LL << 0LL << -1LL << QStringList{u"pids.max=max"_s}
                                    << QStringList{u"pids.max=max"_s};
}

void TestCgroupKernel::limitsReadBack()
{
    QFETCH(qint64, memory);
    QFETCH(qint64, memorySwap);
    QFETCH(qint64, nanoCpus);
    QFETCH(qint64, pids);
    QFETCH(QStringList, v1);
    QFETCH(QStringList, v2);
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    auto st = d->create();
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    st = d->applyLimits(CgroupLimits{memory, memorySwap, nanoCpus, pids});
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    for (const QString &pair : d->mode() == CgroupMode::Unified ? v2 : v1) {
        const QString file = pair.section(u'=', 0, 0), value = pair.section(u'=', 1);
        auto dir = d->pathFor(file.section(u'.', 0, 0).toStdString());
        QVERIFY(dir);
        const std::string path = *dir + "/" + file.toStdString();
        if (file.contains(u"swap"_s) && !pathExists(path)) {
            qInfo("%s: no swap accounting on this kernel, skipped", path.c_str());
            continue;
        }
        QCOMPARE(readTrimmed(path), value);
    }
}

void TestCgroupKernel::planRunsAndRollsBack()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    // A plan that fails after creating and limiting: everything is rolled back.
    koker::Plan failing;
    for (auto &s : d->planCreate())
        failing.add(std::move(s));
    auto limits = d->planLimits({10 * MiB, 0, 500'000'000, 20});
    QVERIFY(limits);
    for (auto &s : *limits)
        failing.add(std::move(s));
    failing.add(koker::Phase::Process, "test.fail", "Fail on purpose", "-", "-", [] {
        return koker::Status(koker::fail(koker::ErrorCode::Cancelled, "on purpose"));
    });
    std::vector<koker::StepRecord> records;
    auto st = failing.run([&](const koker::StepRecord &r) { records.push_back(r); });
    QVERIFY(!st);
    QCOMPARE(st.error().code, koker::ErrorCode::Cancelled);
    QVERIFY(!d->exists());
    int done = 0, rolledBack = 0;
    for (const auto &r : records) {
        done += r.state == koker::StepState::Done;
        rolledBack += r.state == koker::StepState::RolledBack;
    }
    QCOMPARE(rolledBack, int(d->dirs().size())); // one rmdir per created directory
    QVERIFY(done > rolledBack);

    // The same plan without the failure works, and planRemove undoes it.
    koker::Plan ok;
    for (auto &s : d->planCreate())
        ok.add(std::move(s));
    auto okLimits = d->planLimits({10 * MiB, 0, 500'000'000, 20});
    QVERIFY(okLimits);
    for (auto &s : *okLimits)
        ok.add(std::move(s));
    records.clear();
    st = ok.run([&](const koker::StepRecord &r) { records.push_back(r); });
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    for (const auto &r : records) {
        if (r.state != koker::StepState::Running)
            QVERIFY2(r.state == koker::StepState::Done, r.title);
    }
    koker::Plan removal;
    for (auto &s : d->planRemove())
        removal.add(std::move(s));
    QVERIFY(removal.run({}));
    QVERIFY(!d->exists());
}

void TestCgroupKernel::statsReadable()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    QVERIFY(d->create());
    QVERIFY(d->applyLimits({10 * MiB, 0, 500'000'000, 20}));
    auto s = d->stats();
    QVERIFY2(s, s ? "" : s.error().describe().c_str());
    QVERIFY(s->memoryUsageBytes.has_value());
    QCOMPARE(s->memoryLimitBytes, std::optional<int64_t>(10 * MiB));
    QVERIFY(s->cpuUsageNs.has_value());
    QVERIFY(s->cpuThrottledPeriods.has_value());
    QCOMPARE(s->pidsCurrent, std::optional<int64_t>(0));
    QCOMPARE(s->pidsMax, std::optional<int64_t>(20));
    QCOMPARE(s->oomKills, std::optional<int64_t>(0));
}

void TestCgroupKernel::childJoinsAndIsKilled()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    QVERIFY(d->create());
    Child c = forkWaiting([] {
        for (;;)
            ::pause();
    });
    QVERIFY(c.pid > 0);
    auto st = d->joinPid(c.pid);
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    c.release();
    for (const auto &dir : d->dirs())
        QCOMPARE(readTrimmed(dir.path + "/cgroup.procs"), QString::number(c.pid));
    QCOMPARE(d->pids().value(), std::vector<pid_t>{c.pid});
    QCOMPARE(d->isEmpty().value(), false);
    // Our own /proc/<pid>/cgroup agrees: the child is in koker/<id> everywhere.
    QVERIFY(inContainerCgroups(*d, c.pid));

    st = d->killAll();
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    auto status = waitFor(c.pid, 10000);
    QVERIFY(status);
    QVERIFY(WIFSIGNALED(*status));
    QCOMPARE(WTERMSIG(*status), SIGKILL);
    QCOMPARE(d->isEmpty().value(), true);
}

// How the engine's containers join (CgroupJoin): born in the cgroup2 directory by
// clone3(CLONE_INTO_CGROUP), then the child writes "0" to each v1 `tasks` file.
void TestCgroupKernel::childJoinsItself()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    QVERIFY(d->create());
    // The body runs once the child has joined: it says so through a pipe.
    int joined[2];
    QCOMPARE(::pipe2(joined, O_CLOEXEC), 0);
    pid_t pid = cloneJoined(*d, [&joined] {
        [[maybe_unused]] ssize_t n = ::write(joined[1], "j", 1);
        for (;;)
            ::pause();
    });
    QVERIFY(pid > 0);
    ::close(joined[1]);
    char byte = 0;
    QCOMPARE(::read(joined[0], &byte, 1), ssize_t(1)); // EOF: the join failed
    ::close(joined[0]);
    QCOMPARE(d->pids().value(), std::vector<pid_t>{pid});
    QVERIFY(inContainerCgroups(*d, pid));

    auto st = d->killAll();
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    auto status = waitFor(pid, 10000);
    QVERIFY(status && WIFSIGNALED(*status) && WTERMSIG(*status) == SIGKILL);
    QCOMPARE(d->isEmpty().value(), true);
}

void TestCgroupKernel::oomKillsOverLimit()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    QVERIFY(d->create());
    QVERIFY(d->applyLimits({10 * MiB, 0, 0, 0}));
    QCOMPARE(d->stats()->oomKills, std::optional<int64_t>(0));

    Child c = forkWaiting([] {
        // 50 MiB, every page touched so it is really charged to the cgroup.
        const size_t size = 50u << 20;
        void *p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            ::_exit(2);
        volatile char *bytes = static_cast<volatile char *>(p);
        for (size_t off = 0; off < size; off += 4096)
            bytes[off] = 1;
        ::_exit(0); // survived: the limit did not hold
    });
    QVERIFY(c.pid > 0);
    QVERIFY(d->joinPid(c.pid));
    c.release();
    auto status = waitFor(c.pid, 30000);
    QVERIFY(status);
    QVERIFY2(WIFSIGNALED(*status), "the child allocated 50 MiB under a 10 MiB limit");
    QCOMPARE(WTERMSIG(*status), SIGKILL);
    auto s = d->stats();
    QVERIFY(s && s->oomKills);
    QVERIFY2(*s->oomKills >= 1, "the kernel's oom_kill counter did not move");
}

void TestCgroupKernel::pidsMaxStopsForkLoop()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    QVERIFY(d->create());
    QVERIFY(d->applyLimits({0, 0, 0, 10}));

    // The child joins by itself, the way the container's init does it between
    // clone() and execve().
    int result[2];
    QCOMPARE(::pipe2(result, O_CLOEXEC), 0);
    pid_t child = cloneJoined(*d, [&result] {
        int report[2] = {0, 0};
        for (int i = 0; i < 50; ++i) {
            pid_t g = ::fork();
            if (g == 0) {
                for (;;)
                    ::pause();
            }
            if (g < 0) {
                report[1] = errno;
                break;
            }
            ++report[0];
        }
        [[maybe_unused]] ssize_t n = ::write(result[1], report, sizeof report);
        for (;;)
            ::pause();
    });
    QVERIFY(child > 0);
    ::close(result[1]);

    pollfd pfd{result[0], POLLIN, 0};
    QCOMPARE(::poll(&pfd, 1, 30000), 1);
    int report[2] = {};
    QCOMPARE(::read(result[0], report, sizeof report), ssize_t(sizeof report));
    ::close(result[0]);
    QVERIFY2(report[0] >= 0, strerror(report[1]));
    QCOMPARE(report[1], EAGAIN); // fork() failed the way pids.max makes it fail
    QCOMPARE(report[0], 9);      // the child itself is the tenth

    auto s = d->stats();
    QVERIFY(s);
    QCOMPARE(s->pidsCurrent, std::optional<int64_t>(10));
    QCOMPARE(s->pidsMax, std::optional<int64_t>(10));
    QCOMPARE(d->pids()->size(), size_t(10));

    auto st = d->killAll();
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    auto status = waitFor(child, 10000);
    QVERIFY(status && WIFSIGNALED(*status) && WTERMSIG(*status) == SIGKILL);
    reapAll();
    QCOMPARE(d->isEmpty().value(), true);
    QVERIFY(d->remove());
    QVERIFY(!d->exists());
}

void TestCgroupKernel::cpuQuotaThrottles()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    QVERIFY(d->create());
    QVERIFY(d->applyLimits({0, 0, 200'000'000, 0})); // 0.2 CPU

    Child c = forkWaiting([] {
        // Busy for one second of wall time; the quota lets it run ~0.2 s of it.
        timespec start{}, now{};
        ::clock_gettime(CLOCK_MONOTONIC, &start);
        volatile unsigned long spin = 0;
        do {
            for (int i = 0; i < 10000; ++i)
                spin = spin + 1;
            ::clock_gettime(CLOCK_MONOTONIC, &now);
        } while ((now.tv_sec - start.tv_sec) * 1'000'000'000L + (now.tv_nsec - start.tv_nsec) <
                 1'000'000'000L);
    });
    QVERIFY(c.pid > 0);
    QVERIFY(d->joinPid(c.pid));
    c.release();
    auto status = waitFor(c.pid, 30000);
    QVERIFY(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0);

    auto s = d->stats();
    QVERIFY(s && s->cpuUsageNs && s->cpuThrottledPeriods);
    qInfo("cpu usage %.3f s, throttled in %lld of %lld periods", double(*s->cpuUsageNs) / 1e9,
          static_cast<long long>(*s->cpuThrottledPeriods),
          static_cast<long long>(s->cpuPeriods.value_or(-1)));
    QVERIFY2(*s->cpuThrottledPeriods > 0, "the kernel never throttled the busy loop");
    QVERIFY(*s->cpuUsageNs > 0);
    QVERIFY2(*s->cpuUsageNs <= 350'000'000, "a 0.2 CPU quota let the loop use more than 0.35 s");
}

void TestCgroupKernel::removeLeavesNothing()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    QVERIFY(d->remove()); // never created: nothing to do
    QVERIFY(d->create());
    QVERIFY(d->applyLimits({16 * MiB, 0, 500'000'000, 50}));
    Child c = forkWaiting([] {
        for (;;)
            ::pause();
    });
    QVERIFY(d->joinPid(c.pid));
    c.release();
    // The driver kills before removing; rmdir waits out the dying task (EBUSY).
    QVERIFY(d->killAll());
    auto st = d->remove();
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    QVERIFY(waitFor(c.pid, 10000));
    for (const auto &dir : d->dirs()) {
        QVERIFY2(!pathExists(dir.path), dir.path.c_str());
        QVERIFY(pathExists(dir.parent)); // koker/ stays, like Docker's docker/
    }
    QVERIFY(d->remove());
}

// The v2 device policy on the real kernel. This host is hybrid, so its engine polices
// devices with the v1 controller; but its cgroup2 hierarchy takes device programs
// like a unified host's, and the kernel runs them for every process in the cgroup.
void TestCgroupKernel::deviceProgramPolicesTheKernel()
{
    CgroupDriver *d = makeDriver();
    QVERIFY(d);
    QVERIFY(d->create());
    std::string v2;
    for (const auto &dir : d->dirs()) {
        if (dir.v2)
            v2 = dir.path;
    }
    if (v2.empty())
        QSKIP("no cgroup2 hierarchy on this host (legacy mode)");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string disk = tmp.filePath(u"loop0"_s).toStdString();
    const std::string kmsg = tmp.filePath(u"kmsg"_s).toStdString();
    // Without the program, the host may open both kinds of node: what the child is
    // refused below is the program's doing, not the nodes'.
    QCOMPARE(::mknod(kmsg.c_str(), S_IFCHR | 0600, makedev(1, 11)), 0);
    QVERIFY(koker::UniqueFd(::open(kmsg.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)));

    // The kernel's verifier takes every shape of list (an allow-everything rule ends
    // the program early: the verifier refuses unreachable code after it).
    using koker::DeviceRule;
    const DeviceRule everything[] = {
        {'c', 1, 3, "r"}, {'a', DeviceRule::kAny, DeviceRule::kAny, "rwm"}, {'b', 8, 0, "r"}};
    for (std::span<const DeviceRule> rules :
         {koker::defaultDeviceRules(), std::span<const DeviceRule>(everything),
          std::span<const DeviceRule>()}) {
        auto loaded = koker::loadDeviceProgram(koker::deviceProgram(rules));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
    }
    // A program the verifier refuses: the error carries the verifier's own words.
    auto broken = koker::deviceProgram(koker::defaultDeviceRules());
    broken.push_back(broken.back()); // an exit no path reaches
    auto refused = koker::loadDeviceProgram(broken);
    QVERIFY(!refused);
    QCOMPARE(refused.error().sysErrno, EINVAL);
    QVERIFY2(refused.error().message.find("unreachable") != std::string::npos,
             refused.error().message.c_str());

    auto st = koker::hostCgroupFs()->attachDeviceProgram(
        v2, koker::deviceProgram(koker::defaultDeviceRules()));
    QVERIFY2(st, st ? "" : st.error().describe().c_str());

    // Each check that goes wrong sets one bit of the child's exit code.
    Child c = forkWaiting([&] {
        int wrong = 0;
        auto opens = [](const char *path, int flags) {
            int fd = ::open(path, flags | O_CLOEXEC | O_NONBLOCK);
            if (fd >= 0)
                ::close(fd);
            return fd >= 0 ? 0 : errno;
        };
        if (opens("/dev/null", O_RDWR) != 0)
            wrong |= 1;
        if (opens("/dev/zero", O_RDONLY) != 0)
            wrong |= 2;
        if (opens(kmsg.c_str(), O_RDONLY) != EPERM) // c 1:11 is not on the list
            wrong |= 4;
        if (::mknod(disk.c_str(), S_IFBLK | 0600, makedev(7, 0)) != 0) // "b *:* m"
            wrong |= 8;
        else if (opens(disk.c_str(), O_RDONLY) != EPERM) // but no "b 7:0 r"
            wrong |= 16;
        if (::mknod((disk + "-c").c_str(), S_IFCHR | 0600, makedev(1, 3)) != 0)
            wrong |= 32;
        ::_exit(wrong);
    });
    QVERIFY(c.pid > 0);
    st = d->joinPid(c.pid);
    QVERIFY2(st, st ? "" : st.error().describe().c_str());
    c.release();
    auto status = waitFor(c.pid, 10000);
    QVERIFY(status);
    QVERIFY(WIFEXITED(*status));
    QCOMPARE(WEXITSTATUS(*status), 0);
    // The block node the child made is usable outside the cgroup.
    QVERIFY(koker::UniqueFd(::open(disk.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)));
}

QTEST_GUILESS_MAIN(TestCgroupKernel)
#include "tst_cgroupkernel.moc"
