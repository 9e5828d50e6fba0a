// koker::randomBytes / randomHex / randomBelow: the kernel's generator, in the
// shapes ids and temporary names need.

#include "runtime/random.h"

#include <QtCore/QSet>
#include <QtTest/QTest>

#include <algorithm>
#include <array>

class TestRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hexHasTheAskedLength()
    {
        for (size_t bytes : {size_t(0), size_t(1), size_t(4), size_t(32)}) {
            const std::string hex = koker::randomHex(bytes);
            QCOMPARE(hex.size(), 2 * bytes);
            QVERIFY(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
        }
    }

    void idsDoNotRepeat()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(QString::fromStdString(koker::randomHex(32)));
        QCOMPARE(seen.size(), 1000);
    }

    void belowStaysInRangeAndReachesEveryValue()
    {
        QCOMPARE(koker::randomBelow(0), 0u);
        QCOMPARE(koker::randomBelow(1), 0u);
        // 7 does not divide 2^32: the rejection keeps every value about as likely.
        std::array<int, 7> counts{};
        const int draws = 70000;
        for (int i = 0; i < draws; ++i) {
            uint32_t v = koker::randomBelow(7);
            QVERIFY(v < 7);
            ++counts[v];
        }
        for (int c : counts)
            QVERIFY2(c > draws / 7 * 0.9 && c < draws / 7 * 1.1, qPrintable(QString::number(c)));
    }

    void bytesAreNotAllZero()
    {
        std::array<unsigned char, 64> buf{};
        koker::randomBytes(buf.data(), buf.size());
        QVERIFY(std::any_of(buf.begin(), buf.end(), [](unsigned char c) { return c != 0; }));
    }
};

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
