#pragma once

// Runs one guided experiment (Experiments) for real through kokerd: creates its
// container(s) as the student, starts them, gathers the evidence (InspectContainer
// once they end, UnderTheHood while they run, the console log, pids.events) and
// removes them again, whatever happened. Nothing here needs root; every call is
// one of the helper's domain verbs, checked by polkit like the rest of the studio.

#include "experiment.h"
#include "runtime/error.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>
#include <memory>

namespace koker::client {
class HelperClient;
}

namespace koker::studio {

class ExperimentRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExperimentRunner)

public:
    explicit ExperimentRunner(client::HelperClient *client, QObject *parent = nullptr);
    ~ExperimentRunner() override;

    /// The image the containers run (default starter:latest).
    void setImage(const QString &image) { m_image = image; }
    QString image() const { return m_image; }
    /// Start `kind`; false when another experiment is still running.
    bool run(ExperimentKind kind);
    bool isRunning() const { return m_running; }
    ExperimentKind current() const { return m_kind; }

Q_SIGNALS:
    /// What it is doing now, for the student ("Starting the container…").
    void progress(koker::studio::ExperimentKind kind, const QString &text);
    /// Done (its containers are removed, or their removal was asked for).
    void finished(koker::studio::ExperimentKind kind,
                  const koker::studio::ExperimentOutcome &outcome);

private:
    using Then = std::function<void()>;
    // The steps, each calling the next; m_ids collects what must be removed.
    void createAndStart(const QVariantMap &spec, std::function<void(QString)> then);
    void waitUntilExited(const QString &id, std::function<void(QJsonObject)> then);
    void pollExit(const QString &id, std::shared_ptr<QElapsedTimer> clock,
                  std::function<void(QJsonObject)> then);
    void readLog(const QString &id, std::function<void(QString)> then);
    void readHood(const QString &id, std::function<void(QJsonObject)> then);
    void later(int ms, Then then);
    void fail(const QString &what, const Error &error);
    void done(const ExperimentOutcome &outcome);
    void removeAll(Then then);

    void runOom();
    void runForkBomb();
    void runCpu();
    void runNetwork();

    QPointer<client::HelperClient> m_client;
    QString m_image = QStringLiteral("starter:latest");
    ExperimentKind m_kind = ExperimentKind::MemoryOom;
    bool m_running = false;
    QStringList m_ids; // containers of the current run, removed at the end
    QString m_prefix;  // their names' common start
    quint64 m_generation = 0;
};

} // namespace koker::studio
