// koker logs [-f] [-t] [--tail N] CONTAINER

#include "argparser.h"
#include "clicontext.h"
#include "commands.h"
#include "runtime/consolelog.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QThread>

#include <unistd.h>

#include <deque>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

int containerLogs(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.addFlag(u'f', u"follow"_s, u"Keep printing new output until the container stops"_s);
    p.addFlag(u't', u"timestamps"_s, u"Prefix each chunk with its time"_s);
    p.addOption({}, u"tail"_s, u"N"_s, u"Only the last N chunks of output"_s);
    if (!p.parse(args))
        return ctx.usageError(u"logs"_s, p.errorText());
    if (p.helpRequested() || p.positional().size() != 1) {
        ctx.out() << "Usage: koker logs [OPTIONS] CONTAINER\n\nPrint a container's output.\n\n"
                  << p.helpText();
        return p.helpRequested() ? 0 : kExitUsage;
    }
    auto backend = ctx.backend();
    if (!backend)
        return ctx.failWith(backend.error());
    const QString name = p.positional().first();
    // An open descriptor of the log (kokerd hands us one; as root we open it).
    auto log = (*backend)->openLogs(name);
    if (!log)
        return ctx.failWith(log.error());
    const int logFd = log->get();
    const bool timestamps = p.isSet(u"timestamps"_s);
    ctx.out().flush();
    auto emit = [&](const ConsoleRecord &r) {
        int fd = r.stream == 2 ? STDERR_FILENO : STDOUT_FILENO;
        if (timestamps) {
            QByteArray ts = QDateTime::fromMSecsSinceEpoch(r.timeNs / 1000000, Qt::UTC)
                                .toString(Qt::ISODateWithMs)
                                .toUtf8() +
                            ' ';
            (void)!::write(fd, ts.constData(), static_cast<size_t>(ts.size()));
        }
        (void)!::write(fd, r.data.data(), r.data.size());
        return true;
    };
    Result<uint64_t> offset;
    if (p.isSet(u"tail"_s)) {
        bool ok = false;
        int tail = p.value(u"tail"_s).toInt(&ok);
        if (!ok || tail < 0)
            return ctx.usageError(u"logs"_s, u"--tail needs a number"_s);
        std::deque<std::pair<ConsoleRecord, std::string>> last;
        offset = readConsoleLogFd(logFd, [&](const ConsoleRecord &r) {
            last.emplace_back(r, std::string(r.data));
            if (static_cast<int>(last.size()) > tail)
                last.pop_front();
            return true;
        });
        for (auto &[r, data] : last) {
            ConsoleRecord copy = r;
            copy.data = data;
            emit(copy);
        }
    } else {
        offset = readConsoleLogFd(logFd, emit);
    }
    if (!offset)
        return ctx.failWith(offset.error());
    if (!p.isSet(u"follow"_s))
        return 0;
    // Follow: poll the file until the container has ended, then read what is left.
    uint64_t at = *offset;
    for (;;) {
        auto running = (*backend)->isRunning(name);
        bool ended = !running || !*running;
        auto next = readConsoleLogFd(logFd, emit, at);
        if (next)
            at = *next;
        if (ended)
            break;
        QThread::msleep(200);
    }
    return 0;
}

} // namespace koker::cli
