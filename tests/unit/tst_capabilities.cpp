// The capability sets containers get: Docker's default, --cap-add/--cap-drop, and
// CAP_MKNOD left out where nothing polices device nodes (no v1 devices cgroup and no
// cgroup2 directory for the eBPF device program).

#include "engine/containerservice.h"

#include <QtTest/QTest>

#include <linux/capability.h>

#include <bit>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr uint64_t bit(int cap)
{
    return 1ull << cap;
}
} // namespace

class TestCapabilities : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dockerDefault()
    {
        const uint64_t caps = koker::defaultCapabilities();
        QCOMPARE(std::popcount(caps), 14);
        QVERIFY(caps & bit(CAP_MKNOD));
        QVERIFY(caps & bit(CAP_NET_BIND_SERVICE));
        QVERIFY(!(caps & bit(CAP_SYS_ADMIN)));
        QVERIFY(!(caps & bit(CAP_NET_ADMIN)));
        QVERIFY(!(caps & bit(CAP_SYS_PTRACE)));
    }

    void mknodOnlyWherePoliced()
    {
        auto policed = koker::containerCapabilities({}, {}, true);
        QVERIFY(policed);
        QCOMPARE(*policed, koker::defaultCapabilities());
        auto unpoliced = koker::containerCapabilities({}, {}, false);
        QVERIFY(unpoliced);
        QCOMPARE(*unpoliced, koker::defaultCapabilities() & ~bit(CAP_MKNOD));
    }

    void askedForByName()
    {
        // The user's explicit --cap-add wins, as --privileged does.
        auto added = koker::containerCapabilities({u"MKNOD"_s}, {}, false);
        QVERIFY(added);
        QVERIFY(*added & bit(CAP_MKNOD));
        auto dropped = koker::containerCapabilities({u"NET_ADMIN"_s}, {u"CHOWN"_s}, false);
        QVERIFY(dropped);
        QVERIFY(*dropped & bit(CAP_NET_ADMIN));
        QVERIFY(!(*dropped & bit(CAP_CHOWN)));
        QVERIFY(!(*dropped & bit(CAP_MKNOD)));
    }

    void unknownNameRefused()
    {
        auto bad = koker::containerCapabilities({u"NOT_A_CAP"_s}, {}, true);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, koker::ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestCapabilities)
#include "tst_capabilities.moc"
