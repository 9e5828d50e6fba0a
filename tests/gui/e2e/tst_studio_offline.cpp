// The studio without a helper: the window must say what is wrong and what to do,
// in its message bar, without hanging or crashing, and recover when asked. Runs
// offscreen, without root: once with no bus at all, once on a private
// dbus-daemon of our own where nobody owns org.koker.Helper1.

#include "studio/containersview.h"
#include "studio/helperconnection.h"
#include "studio/imagesview.h"
#include "studio/mainwindow.h"

#include <QtCore/QProcess>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTranslator>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QToolButton>

using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

class TestStudioOffline final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noBus();
    void noHelper();
    void shortcuts();
    void translations_data();
    void translations();
    void cleanupTestCase();

private:
    QProcess m_daemon;
    QString m_address;
};

void TestStudioOffline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestStudioOffline::noBus()
{
    MainWindow window(QDBusConnection(u"not-connected"_s));
    window.show();
    window.connectToHelper();
    QCOMPARE(window.connection()->state(), HelperConnection::State::Unavailable);
    QVERIFY2(window.messageText().contains(u"D-Bus"_s), qPrintable(window.messageText()));
    // Nothing can be run; the run action says why instead of failing silently.
    window.runImage(u"starter"_s);
    QVERIFY(!window.messageText().isEmpty());
    QVERIFY(!window.imagesView()->isRefreshing());
}

void TestStudioOffline::noHelper()
{
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed");
    m_daemon.setProgram(daemon);
    m_daemon.setArguments({u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    m_daemon.start();
    QVERIFY(m_daemon.waitForStarted());
    QTRY_VERIFY(m_daemon.canReadLine());
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QDBusConnection bus = QDBusConnection::connectToBus(m_address, u"offline"_s);
    QVERIFY(bus.isConnected());

    MainWindow window(bus);
    window.show();
    window.connectToHelper();
    QTRY_COMPARE(window.connection()->state(), HelperConnection::State::Unavailable);
    QVERIFY2(window.messageText().contains(u"kokerd"_s) &&
                 window.messageText().contains(u"systemctl start kokerd"_s),
             qPrintable(window.messageText()));
    // The views stay empty and quiet: no poll goes out while the helper is missing.
    window.refresh();
    QVERIFY(!window.imagesView()->isRefreshing());
    QVERIFY(!window.containersView()->isRefreshing());
    // The periodic retry with the same answer does not bring back a message the
    // student closed; the bar's own button answers again.
    auto *close = window.findChild<QToolButton *>(u"messageClose"_s);
    QVERIFY(close);
    close->click();
    QVERIFY(window.messageText().isEmpty());
    window.connection()->connectToHelper();
    QVERIFY(window.connection()->isChecking());
    QTRY_VERIFY(!window.connection()->isChecking());
    QCOMPARE(window.connection()->state(), HelperConnection::State::Unavailable);
    QVERIFY(window.messageText().isEmpty());
    QDBusConnection::disconnectFromBus(u"offline"_s);
}

void TestStudioOffline::shortcuts()
{
    MainWindow window(QDBusConnection(u"not-connected"_s));
    QStringList keys;
    for (QAction *a : window.findChildren<QAction *>()) {
        if (!a->shortcut().isEmpty())
            keys << a->shortcut().toString(QKeySequence::PortableText);
    }
    for (const char16_t *k : {u"Ctrl+R", u"Ctrl+P", u"F5", u"Ctrl+T", u"Ctrl+Q"})
        QVERIFY2(keys.contains(QString::fromUtf16(k)), qPrintable(keys.join(u' ')));
}

void TestStudioOffline::translations_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de: a form") << u"de"_s << u"MainWindow"_s << u"&Refresh"_s
                                << u"&Aktualisieren"_s;
    QTest::newRow("de: a view") << u"de"_s << u"koker::studio::ContainersModel"_s << u"Running"_s
                                << u"Läuft"_s;
    QTest::newRow("vi: a form") << u"vi"_s << u"MainWindow"_s << u"&Refresh"_s << u"&Làm mới"_s;
    QTest::newRow("vi: the timeline part")
        << u"vi"_s << u"koker::studio::StepTimelineModel"_s << u"namespace"_s << u"namespace"_s;
}

void TestStudioOffline::translations()
{
    // The .qm files are compiled in (:/i18n) and main() loads them by locale.
    QFETCH(QString, language);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), u"koker-studio"_s, u"_"_s, u":/i18n"_s));
    QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()),
             expected);
    // English carries the plural forms.
    QTranslator english;
    QVERIFY(english.load(u"koker-studio_en"_s, u":/i18n"_s));
    QCOMPARE(english.translate("koker::studio::ContainersModel", "%n minute(s)", nullptr, 3),
             u"%n minutes"_s);
}

void TestStudioOffline::cleanupTestCase()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }
}

QTEST_MAIN(TestStudioOffline)
#include "tst_studio_offline.moc"
