// Step records as JSON: the steps file's lines (stepToJsonLine, written by hand for
// speed) must be exactly the objects stepToJson builds, whatever the text holds.

#include "engine/stepjson.h"

#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace {

koker::StepRecord sample()
{
    koker::StepRecord r;
    r.seq = 42;
    r.phase = koker::Phase::Cgroup;
    r.side = koker::Side::Container;
    r.state = koker::StepState::Done;
    r.pid = 1234;
    r.startNs = 1764400000123456789;
    r.durationNs = 56789;
    r.setKey("cgroup.write");
    r.setTitle("Limit memory");
    r.setOp("write(\"/sys/fs/cgroup/memory/koker/x/memory.limit_in_bytes\", \"10485760\")");
    r.setShell("echo 10485760 > /sys/fs/cgroup/memory/koker/x/memory.limit_in_bytes");
    return r;
}

QJsonObject parsed(const QByteArray &line)
{
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(line, &err);
    return err.error == QJsonParseError::NoError ? doc.object() : QJsonObject{};
}

} // namespace

class TestStepJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineIsTheObject_data()
    {
        QTest::addColumn<QByteArray>("title");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("action");
        QTest::newRow("plain") << "Limit memory"_ba << QByteArray() << 0 << QString();
        QTest::newRow("failed, with action") << "Mount /proc"_ba
                                             << "no such file"_ba << 2 << u"start"_s;
        QTest::newRow("quotes and backslashes") << "say \"hi\" \\ bye"_ba
                                                << "C:\\path"_ba << 0 << u"cleanup"_s;
        QTest::newRow("control characters")
            << "tab\there\nnew line\r\x01\x1f\b\f"_ba << QByteArray() << 0 << QString();
        QTest::newRow("UTF-8") << "Grenze für Speicher – 10 MiB ✓ 🐳"_ba
                               << "é"_ba << 0 << u"döcker"_s;
    }

    void lineIsTheObject()
    {
        QFETCH(QByteArray, title);
        QFETCH(QByteArray, message);
        QFETCH(int, err);
        QFETCH(QString, action);
        koker::StepRecord r = sample();
        r.setTitle(title.toStdString());
        r.setMessage(message.toStdString());
        r.err = err;
        const QByteArray line = koker::stepToJsonLine(r, action);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        QCOMPARE(parsed(line), koker::stepToJson(r, action));
        // Byte for byte what QJsonDocument prints.
        QCOMPARE(line,
                 QJsonDocument(koker::stepToJson(r, action)).toJson(QJsonDocument::Compact) + '\n');
    }

    // Text cut inside a character, or no text at all: still one valid JSON line.
    void brokenTextStaysValidJson()
    {
        koker::StepRecord r = sample();
        std::memset(r.title, 0, sizeof r.title);
        std::memcpy(r.title, "cut \xe2\x82", 6); // the euro sign without its last byte
        QJsonObject o = parsed(koker::stepToJsonLine(r));
        QVERIFY(!o.isEmpty());
        QVERIFY(o.value(u"title"_s).toString().startsWith(u"cut \uFFFD"_s));
        // A field filled to its last byte (no NUL, as a damaged record could be)
        // ends at its size.
        std::memset(r.key, 'k', sizeof r.key);
        o = parsed(koker::stepToJsonLine(r));
        QCOMPARE(o.value(u"key"_s).toString(), QString(int(sizeof r.key), u'k'));
        // terminate() (what the engine does to a record it receives) ends it there too.
        koker::StepRecord received = r;
        std::memset(received.shell, 's', sizeof received.shell);
        received.terminate();
        QCOMPARE(std::strlen(received.key), sizeof received.key - 1);
        QCOMPARE(std::strlen(received.shell), sizeof received.shell - 1);
        QCOMPARE(koker::stepToJson(received).value(u"key"_s).toString(),
                 QString(int(sizeof r.key) - 1, u'k'));
        // Overlong and surrogate encodings are not UTF-8 either.
        std::memset(r.title, 0, sizeof r.title);
        std::memcpy(r.title, "\xc0\xaf \xed\xa0\x80", 6);
        o = parsed(koker::stepToJsonLine(r));
        QVERIFY(!o.isEmpty());
        QVERIFY(!o.value(u"title"_s).toString().contains(u'/'));
    }
};

QTEST_GUILESS_MAIN(TestStepJson)
#include "tst_stepjson.moc"
