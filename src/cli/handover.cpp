#include "handover.h"

#include "engine/engine.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

namespace {
char **g_argv = nullptr;
} // namespace

void rememberArguments(char **argv)
{
    g_argv = argv;
}

QString programPath()
{
    static const QString path = QFile::symLinkTarget(u"/proc/self/exe"_s);
    return path;
}

QString programDir()
{
    return QFileInfo(programPath()).absolutePath();
}

Error handOverToFullCli()
{
    const QString full = Engine::findProgram(u"koker-full"_s, programDir());
    const QByteArray path = QFile::encodeName(full);
    if (g_argv)
        ::execv(path.constData(), g_argv);
    return Error{ErrorCode::System,
                 errno,
                 {},
                 "this command needs koker-full, which could not be started (" +
                     path.toStdString() + "); reinstall the koker package"};
}

} // namespace koker::cli
