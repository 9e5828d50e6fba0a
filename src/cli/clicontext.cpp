#include "clicontext.h"

#include "commands.h"
#include "handover.h"
#include "localbackend.h"
#ifndef KOKER_CLI_LIGHT
#include "helperbackend.h"
#endif

#include <QtCore/QDateTime>

#include <unistd.h>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

CliContext::CliContext()
    : m_out(stdout)
    , m_err(stderr)
{}

Result<Engine *> CliContext::engine()
{
    if (m_engine)
        return m_engine.get();
    if (::geteuid() != 0)
        return fail(ErrorCode::PermissionDenied,
                    "koker needs root to use the store directly; run it with sudo "
                    "(or as a member of the koker group once kokerd is installed)");
    EngineConfig config;
    if (!root.isEmpty())
        config.root = root;
    config.runRoot = runRoot;
    config.monitorPath = Engine::findProgram(u"koker-monitor"_s, programDir());
    config.cliPath = programPath();
    auto engine = std::make_unique<Engine>(config);
    if (auto st = engine->open(); !st)
        return std::unexpected(st.error());
    m_engine = std::move(engine);
    return m_engine.get();
}

Result<Backend *> CliContext::backend()
{
    if (m_backend)
        return m_backend.get();
    if (::geteuid() == 0) {
        auto e = engine();
        if (!e)
            return std::unexpected(e.error());
        m_backend = std::make_unique<LocalBackend>(**e);
        return m_backend.get();
    }
    if (!root.isEmpty() || !runRoot.isEmpty())
        return fail(ErrorCode::PermissionDenied,
                    "--root and --runroot need root; as a normal user koker works through "
                    "kokerd and its store");
#ifdef KOKER_CLI_LIGHT
    return std::unexpected(handOverToFullCli()); // kokerd's client is in koker-full
#else
    auto helper = std::make_unique<HelperBackend>();
    if (!helper->reachable())
        return fail(ErrorCode::PermissionDenied,
                    "koker needs root, or the Koker helper (kokerd) on the system bus; install "
                    "the koker package, or run koker with sudo");
    m_backend = std::move(helper);
    return m_backend.get();
#endif
}

int CliContext::pullMissing(const QString &image)
{
#ifdef KOKER_CLI_LIGHT
    (void)image; // koker-full runs the whole command: the pull, then the run
    return failWith(handOverToFullCli());
#else
    return pullForRun(*this, image);
#endif
}

static QString hintFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Unsafe:
        return u"the archive tried to write outside its own directory; it was refused and "
               u"nothing was kept"_s;
    case ErrorCode::Corrupt:
        return u"the content does not match what it claims to be; nothing was kept"_s;
    default:
        return {};
    }
}

void CliContext::flush()
{
    m_out.flush();
    m_err.flush();
    std::fflush(nullptr);
}

int CliContext::failWith(const Error &error, int exitCode)
{
    m_out.flush();
    m_err << "koker: " << QString::fromStdString(error.describe()) << '\n';
    if (QString hint = hintFor(error); !hint.isEmpty() && !quiet)
        m_err << "       (" << hint << ")\n";
    m_err.flush();
    return exitCode;
}

int CliContext::usageError(const QString &command, const QString &message)
{
    m_out.flush();
    m_err << "koker " << command << ": " << message << "\nSee 'koker " << command << " --help'.\n";
    m_err.flush();
    return kExitUsage;
}

void CliContext::printStep(const StepRecord &r)
{
    if (!debug || r.state == StepState::Running || r.state == StepState::Planned)
        return;
    const char *level = r.state == StepState::Failed ? "ERR" : "DBG";
    QString time =
        QDateTime::fromMSecsSinceEpoch(r.startNs / 1'000'000).toString(u"HH:mm:ss.zzz"_s);
    QString line = time + u' ' + QLatin1StringView(level) + u' ' +
                   QStringLiteral("%1").arg(QLatin1StringView(phaseName(r.phase)), -9) + u' ' +
                   QString::fromUtf8(r.title);
    if (r.op[0])
        line += u"  "_s + QString::fromUtf8(r.op);
    line += u"  ("_s + QString::number(static_cast<double>(r.durationNs) / 1e6, 'f', 2) + u" ms"_s;
    if (r.side == Side::Container)
        line += u", in the container, pid "_s + QString::number(r.pid);
    line += u')';
    if (r.state == StepState::Failed) {
        line += u" failed: "_s + QString::fromUtf8(r.message);
        if (r.err)
            line += u": "_s + QString::fromUtf8(strerrordesc_np(r.err));
    } else if (r.state == StepState::RolledBack) {
        line += u" [rolled back]"_s;
    } else if (r.state == StepState::Skipped) {
        line += u" [skipped: "_s + QString::fromUtf8(r.message) + u']';
    }
    m_err << line << '\n';
    m_err.flush();
}

StepObserver CliContext::stepPrinter()
{
    return [this](const StepRecord &r) { printStep(r); };
}

void CliContext::printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths << h.size();
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i + 1 < row.size())
                line += row[i].leftJustified(widths[i] + 3);
            else
                line += row[i];
        }
        m_out << line << '\n';
    };
    printRow(header);
    for (const QStringList &row : rows)
        printRow(row);
    m_out.flush();
}

QString humanDuration(qint64 seconds)
{
    if (seconds < 1)
        return u"Less than a second"_s;
    if (seconds == 1)
        return u"1 second"_s;
    if (seconds < 60)
        return QString::number(seconds) + u" seconds"_s;
    qint64 minutes = seconds / 60;
    if (minutes == 1)
        return u"About a minute"_s;
    if (minutes < 60)
        return QString::number(minutes) + u" minutes"_s;
    qint64 hours = (minutes + 30) / 60;
    if (hours == 1)
        return u"About an hour"_s;
    if (hours < 48)
        return QString::number(hours) + u" hours"_s;
    qint64 days = hours / 24;
    if (days < 14)
        return QString::number(days) + u" days"_s;
    if (days < 60)
        return QString::number(days / 7) + u" weeks"_s;
    if (days < 730)
        return QString::number(days / 30) + u" months"_s;
    return QString::number(days / 365) + u" years"_s;
}

QString humanAgo(const QDateTime &when)
{
    if (!when.isValid())
        return u"N/A"_s;
    return humanDuration(when.secsTo(QDateTime::currentDateTimeUtc())) + u" ago"_s;
}

} // namespace koker::cli
