// koker-studio: the GUI. Runs as the student; everything that needs root goes
// through kokerd on the system bus (see helperconnection.h).

#include "mainwindow.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QSettings>
#include <QtCore/QTranslator>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>

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
    parser.process(app);

    koker::studio::MainWindow window;
    window.show();
    window.connectToHelper();
    return QApplication::exec();
}
