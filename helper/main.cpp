// kokerd: Koker's root helper on the D-Bus system bus (see helperobject.h and
// helper/dbus/org.koker.Helper1.xml). Started by D-Bus activation (through
// systemd when there is one), it exits after a while without work; containers keep
// running, their monitors own them.
//
//   kokerd [--root DIR] [--runroot DIR] [--idle-timeout SECONDS]

#include "dbus/dbustypes.h"
#include "engine/engine.h"
#include "helperobject.h"
#include "runtime/fsutil.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusConnectionInterface>

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    // Nothing we create is for anyone else (the store is 0700 anyway).
    ::umask(077);
    ::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"kokerd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(KOKER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Koker's root helper on the D-Bus system bus"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption root(u"root"_s, u"Store directory (default /var/lib/koker)"_s, u"DIR"_s);
    QCommandLineOption runRoot(u"runroot"_s, u"Runtime directory (default /run/koker)"_s, u"DIR"_s);
    QCommandLineOption idle(u"idle-timeout"_s,
                            u"Exit after this many idle seconds (0: never; default 60)"_s,
                            u"SECONDS"_s, u"60"_s);
    parser.addOptions({root, runRoot, idle});
    parser.process(app);

    if (::geteuid() != 0) {
        qCritical("kokerd must run as root (it is started by D-Bus activation)");
        return 1;
    }
    koker::fs::raiseFileLimit();
    koker::dbus::registerDBusTypes();

    koker::EngineConfig config;
    if (parser.isSet(root))
        config.root = parser.value(root);
    config.runRoot = parser.value(runRoot);
    const QString self = QCoreApplication::applicationDirPath();
    config.monitorPath = koker::Engine::findProgram(u"koker-monitor"_s, self);
    config.cliPath = koker::Engine::findProgram(u"koker"_s, self);

    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        qCritical("cannot connect to the system bus: %s", qPrintable(bus.lastError().message()));
        return 1;
    }
    koker::helper::HelperObject helper(bus, config);
    if (auto st = helper.open(); !st) {
        qCritical("cannot open the store: %s", st.error().describe().c_str());
        return 1;
    }
    if (!bus.registerService(koker::dbus::serviceName())) {
        qCritical("cannot own %s: %s", koker::dbus::kServiceName,
                  qPrintable(bus.lastError().message()));
        return 1;
    }

    // Idle exit: checked every few seconds, so a burst of calls keeps us alive.
    const int idleSeconds = parser.value(idle).toInt();
    QElapsedTimer sinceActivity;
    sinceActivity.start();
    QObject::connect(&helper, &koker::helper::HelperObject::activity, &app,
                     [&sinceActivity] { sinceActivity.restart(); });
    QTimer idleCheck;
    if (idleSeconds > 0) {
        QObject::connect(&idleCheck, &QTimer::timeout, &app, [&] {
            if (!helper.busy() && sinceActivity.elapsed() > idleSeconds * 1000LL) {
                bus.unregisterService(koker::dbus::serviceName());
                app.quit();
            }
        });
        idleCheck.start(std::min(5000, idleSeconds * 1000));
    }
    qInfo("kokerd %s ready on the system bus (store %s)", KOKER_VERSION, qPrintable(config.root));
    return app.exec();
}
