// koker-studio: the GUI. Runs as the student; everything that needs root goes
// through kokerd on the system bus (see helperconnection.h).

#include "mainwindow.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtCore/QTranslator>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>

#include <cstdio>
#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace {

// Our strings (embedded .qm files under :/i18n, see translations/CMakeLists.txt)
// and Qt's own (standard buttons, file dialogs), for the chosen language or the
// system's. A missing translation falls back to English silently.
void installTranslators(QApplication &app)
{
    const QString chosen = QSettings().value(u"ui/language"_s).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    // English is a translation too: it holds the plural forms ("1 minute", "3 minutes").
    if (ours->load(locale, u"koker-studio"_s, u"_"_s, u":/i18n"_s) ||
        ours->load(u"koker-studio_en"_s, u":/i18n"_s))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

// `--startup-probe` (bench/studio-start): prints how long the studio took to paint its
// first window and its memory a moment later (connected to kokerd, lists loaded), then
// quits. The clock starts at KOKER_BENCH_T0 (CLOCK_REALTIME as seconds.microseconds, set
// by the script just before exec, so loading the libraries counts) or, without it, in main().
class StartupProbe : public QObject
{
public:
    explicit StartupProbe(QWidget *window)
        : QObject(window)
    {
        m_sinceMain.start();
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_painted)
            return QObject::eventFilter(watched, event);
        m_painted = true;
        // After this paint is done (posted, so it runs once the frame is out).
        QTimer::singleShot(0, this, [this] {
            std::printf("first window: %.1f ms\n", elapsedMs());
            std::fflush(stdout);
            QTimer::singleShot(1500, this, [] {
                std::printf("memory: %.1f MiB (VmRSS 1.5 s after the first window)\n", rssMiB());
                QApplication::quit();
            });
        });
        return QObject::eventFilter(watched, event);
    }

private:
    double elapsedMs() const
    {
        const QByteArray t0 = qgetenv("KOKER_BENCH_T0");
        if (t0.isEmpty())
            return m_sinceMain.nsecsElapsed() / 1e6;
        timespec now{};
        ::clock_gettime(CLOCK_REALTIME, &now);
        const double nowUs = now.tv_sec * 1e6 + now.tv_nsec / 1e3;
        return (nowUs - t0.toDouble() * 1e6) / 1e3; // bash's $EPOCHREALTIME: s.µs
    }

    static double rssMiB()
    {
        QFile status(u"/proc/self/status"_s);
        if (!status.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024;
        }
        return 0;
    }

    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    koker::studio::initResources();
    QApplication::setOrganizationName(u"Koker"_s);
    QApplication::setApplicationName(u"koker-studio"_s);
    QApplication::setApplicationVersion(QStringLiteral(KOKER_VERSION));
    QApplication::setDesktopFileName(u"org.koker.Studio"_s);
    installTranslators(app);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Koker Studio"));
    QApplication::setWindowIcon(QIcon(u":/icons/koker-studio.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A container studio that shows every kernel-level step."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption probe(u"startup-probe"_s);
    probe.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(probe);
    parser.process(app);

    koker::studio::MainWindow window;
    if (parser.isSet(probe))
        new StartupProbe(&window);
    window.show();
    window.connectToHelper();
    return QApplication::exec();
}
