#include "experimentrunner.h"

#include "client/helperclient.h"
#include "runtime/consolelog.h"
#include "runtime/uniquefd.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>

#include <fcntl.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// How long a container may take to end by itself (the OOM kill comes in well
// under a second; a slow CI machine under polkit gets plenty more).
constexpr int kExitTimeoutMs = 60000;
constexpr int kPollMs = 300;
// The fork bomb and the busy loop run this long before they are read.
constexpr int kForkBombSettleMs = 2500;
constexpr int kCpuFirstMs = 1000;
constexpr int kCpuWindowMs = 3000;

QJsonObject parseObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

ExperimentRunner::ExperimentRunner(client::HelperClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

ExperimentRunner::~ExperimentRunner() = default;

bool ExperimentRunner::run(ExperimentKind kind)
{
    if (m_running || !m_client)
        return false;
    m_running = true;
    m_kind = kind;
    m_ids.clear();
    ++m_generation;
    // A name a student recognises in the containers list, unique enough for a lab.
    m_prefix = u"experiment-%1-"_s.arg(QRandomGenerator::global()->bounded(0x10000), 4, 16,
                                       QLatin1Char('0'));
    switch (kind) {
    case ExperimentKind::MemoryOom:
        runOom();
        break;
    case ExperimentKind::ForkBomb:
        runForkBomb();
        break;
    case ExperimentKind::CpuQuota:
        runCpu();
        break;
    case ExperimentKind::HostNetwork:
        runNetwork();
        break;
    }
    return true;
}

void ExperimentRunner::later(int ms, Then then)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(ms, this, [this, generation, then = std::move(then)] {
        if (generation == m_generation)
            then();
    });
}

void ExperimentRunner::createAndStart(const QVariantMap &spec, std::function<void(QString)> then)
{
    Q_EMIT progress(m_kind, tr("Creating the container %1…").arg(spec.value(u"name"_s).toString()));
    m_client->createContainer(spec, {}, [this, then = std::move(then)](Result<QString> id) {
        if (!id) {
            fail(tr("create the container"), id.error());
            return;
        }
        m_ids << *id;
        Q_EMIT progress(m_kind, tr("Starting it…"));
        const QString cid = *id;
        m_client->startContainer(cid, {}, [this, cid, then](Result<client::OperationClient *> op) {
            if (!op) {
                fail(tr("start the container"), op.error());
                return;
            }
            client::OperationClient *operation = *op;
            connect(operation, &client::OperationClient::completed, this,
                    [this, operation, cid, then](bool ok, const QString &error,
                                                 const QString &message, const QVariantMap &) {
                        operation->deleteLater();
                        if (!ok) {
                            // The operation's D-Bus error name and the helper's message.
                            fail(tr("start the container"),
                                 Error{ErrorCode::System,
                                       0,
                                       {},
                                       QString(message + u" ("_s + error + u')').toStdString()});
                            return;
                        }
                        then(cid);
                    });
            operation->begin();
        });
    });
}

void ExperimentRunner::waitUntilExited(const QString &id, std::function<void(QJsonObject)> then)
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    later(kPollMs, [this, id, clock, then] { pollExit(id, clock, then); });
}

void ExperimentRunner::pollExit(const QString &id, std::shared_ptr<QElapsedTimer> clock,
                                std::function<void(QJsonObject)> then)
{
    m_client->inspectContainer(id, [this, id, clock, then](Result<QString> json) {
        if (!json) {
            fail(tr("inspect the container"), json.error());
            return;
        }
        const QJsonObject state = parseObject(*json).value(u"State"_s).toObject();
        if (!state.value(u"Running"_s).toBool() || clock->elapsed() > kExitTimeoutMs) {
            then(state);
            return;
        }
        later(kPollMs, [this, id, clock, then] { pollExit(id, clock, then); });
    });
}

void ExperimentRunner::readLog(const QString &id, std::function<void(QString)> then)
{
    m_client->containerLogs(id, [then](Result<QDBusUnixFileDescriptor> log) {
        QByteArray text;
        if (log) {
            UniqueFd fd(::fcntl(log->fileDescriptor(), F_DUPFD_CLOEXEC, 3));
            if (fd) {
                // A few kilobytes at most: read on the GUI thread.
                (void)readConsoleLogFd(fd.get(), [&](const ConsoleRecord &r) {
                    text.append(r.data.data(), qsizetype(r.data.size()));
                    return text.size() < 1024 * 1024;
                });
            }
        }
        then(QString::fromUtf8(text));
    });
}

void ExperimentRunner::readHood(const QString &id, std::function<void(QJsonObject)> then)
{
    m_client->underTheHood(id, [this, then](Result<QString> json) {
        if (!json) {
            fail(tr("look under the hood"), json.error());
            return;
        }
        then(parseObject(*json));
    });
}

void ExperimentRunner::fail(const QString &what, const Error &error)
{
    ExperimentOutcome o;
    o.headline = tr("Could not %1: %2").arg(what, QString::fromStdString(error.describe()));
    done(o);
}

void ExperimentRunner::done(const ExperimentOutcome &outcome)
{
    ++m_generation; // pending polls and timers of this run stop here
    Q_EMIT progress(m_kind, tr("Removing the experiment's containers…"));
    removeAll([this, outcome] {
        m_running = false;
        Q_EMIT finished(m_kind, outcome);
    });
}

void ExperimentRunner::removeAll(Then then)
{
    if (m_ids.isEmpty() || !m_client) {
        then();
        return;
    }
    const QString id = m_ids.takeLast();
    m_client->removeContainer(id, true, [this, then](Result<client::OperationClient *> op) {
        if (!op) {
            removeAll(then); // reported by the containers list; go on with the others
            return;
        }
        client::OperationClient *operation = *op;
        connect(operation, &client::OperationClient::completed, this, [this, operation, then] {
            operation->deleteLater();
            removeAll(then);
        });
        operation->begin();
    });
}

void ExperimentRunner::runOom()
{
    const QVariantMap spec = Experiments::containerSpecs(m_kind, m_image, m_prefix).first();
    createAndStart(spec, [this](const QString &id) {
        Q_EMIT progress(m_kind, tr("The shell is allocating; waiting for it to end…"));
        waitUntilExited(id, [this, id](const QJsonObject &state) {
            readLog(id, [this, state](const QString &log) {
                done(Experiments::explainOom(state, log));
            });
        });
    });
}

void ExperimentRunner::runForkBomb()
{
    const QVariantMap spec = Experiments::containerSpecs(m_kind, m_image, m_prefix).first();
    createAndStart(spec, [this](const QString &id) {
        Q_EMIT progress(m_kind, tr("Processes are being started; counting them…"));
        later(kForkBombSettleMs, [this, id] {
            readHood(id, [this, id](const QJsonObject &hood) {
                ForkBombEvidence e;
                const QJsonObject cgroup = hood.value(u"cgroup"_s).toObject();
                e.counters = CgroupCounters::fromJson(cgroup);
                // pids.events sits beside pids.max; cgroup files are world-readable,
                // so the studio reads it itself (kokerd's document has no copy).
                for (const QJsonValue &v : cgroup.value(u"limits"_s).toArray()) {
                    const QJsonObject l = v.toObject();
                    if (l.value(u"file"_s).toString() != u"pids.max"_s)
                        continue;
                    QFile events(
                        QFileInfo(l.value(u"path"_s).toString()).dir().filePath(u"pids.events"_s));
                    if (events.open(QIODevice::ReadOnly))
                        e.pidsEvents = QString::fromUtf8(events.readAll());
                }
                readLog(id, [this, e](const QString &log) mutable {
                    e.log = log;
                    done(Experiments::explainForkBomb(e));
                });
            });
        });
    });
}

void ExperimentRunner::runCpu()
{
    const QVariantMap spec = Experiments::containerSpecs(m_kind, m_image, m_prefix).first();
    createAndStart(spec, [this](const QString &id) {
        Q_EMIT progress(m_kind, tr("The loop spins; reading the throttling counters twice…"));
        later(kCpuFirstMs, [this, id] {
            auto clock = std::make_shared<QElapsedTimer>();
            readHood(id, [this, id, clock](const QJsonObject &first) {
                clock->start();
                later(kCpuWindowMs, [this, id, clock, first] {
                    readHood(id, [this, clock, first](const QJsonObject &second) {
                        CpuEvidence e;
                        e.first = CgroupCounters::fromJson(first.value(u"cgroup"_s).toObject());
                        e.second = CgroupCounters::fromJson(second.value(u"cgroup"_s).toObject());
                        e.seconds = double(clock->elapsed()) / 1000.0;
                        e.cpus = double(Experiments::kCpuNanoCpus) / 1e9;
                        done(Experiments::explainCpu(e));
                    });
                });
            });
        });
    });
}

void ExperimentRunner::runNetwork()
{
    const QList<QVariantMap> specs = Experiments::containerSpecs(m_kind, m_image, m_prefix);
    // The studio runs in the host's network namespace: its /proc/net/dev is the host's list.
    QFile dev(u"/proc/net/dev"_s);
    QStringList host;
    if (dev.open(QIODevice::ReadOnly))
        host = Experiments::interfacesFromProcNetDev(QString::fromUtf8(dev.readAll()));
    createAndStart(specs.at(0), [this, specs, host](const QString &hostId) {
        waitUntilExited(hostId, [this, specs, host, hostId](const QJsonObject &) {
            readLog(hostId, [this, specs, host](const QString &hostMode) {
                createAndStart(specs.at(1), [this, host, hostMode](const QString &bridgeId) {
                    waitUntilExited(
                        bridgeId, [this, host, hostMode, bridgeId](const QJsonObject &) {
                            readLog(bridgeId, [this, host, hostMode](const QString &bridge) {
                                done(Experiments::explainNetwork(host, hostMode, bridge));
                            });
                        });
                });
            });
        });
    });
}

} // namespace koker::studio
