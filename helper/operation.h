#pragma once

// One piece of long work (a pull, a start, a stop, a removal) exported on the bus
// at /org/koker/Helper1/operation/<n>, as udisks exports its Jobs. The caller
// reads the planned steps, connects to the signals, then calls Begin: no event is
// lost. Signals are sent only to the caller (targeted signals), and only the
// caller may use the object. The work itself runs on a worker thread; its step
// records are marshalled back to this object's thread.

#include "runtime/error.h"
#include "runtime/plan.h"
#include "runtime/uniquefd.h"

#include <QtCore/QObject>
#include <QtCore/QVariantMap>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusContext>
#include <QtDBus/QDBusObjectPath>
#include <QtDBus/QDBusUnixFileDescriptor>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

using QVariantMapList = QList<QVariantMap>;

namespace koker::helper {

/// What a job gets: where to report, whether to pause, whether to stop.
struct OperationContext
{
    StepObserver observer;                             // thread-safe
    StepGate gate;                                     // set in step-through mode only
    std::function<void(const QVariantMap &)> progress; // thread-safe
    std::function<bool()> cancelled;                   // true once Cancel was called
    std::function<void(UniqueFd)> setConsole;          // a console for TakeConsole
    /// What the result says even if the job then fails (a removal's checklist).
    std::function<void(const QVariantMap &)> keepInResult; // thread-safe
};

class Operation final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Operation)

public:
    /// The work; runs on a worker thread; its QVariantMap becomes the result.
    using Job = std::function<Result<QVariantMap>(const OperationContext &)>;

    Operation(QDBusConnection bus, QString owner, QList<StepRecord> planned, Job job,
              bool stepThrough, QObject *parent = nullptr);
    ~Operation() override;

    /// Export on the bus; false if the path could not be registered.
    bool publish();
    QDBusObjectPath path() const { return QDBusObjectPath(m_path); }
    QString owner() const { return m_owner; }
    bool finished() const
    {
        return m_state == u"succeeded" || m_state == u"failed" || m_state == u"cancelled";
    }

public Q_SLOTS: // org.koker.Helper1.Operation (through OperationAdaptor)
    QVariantMapList GetPlannedSteps(const QVariantMap &options);
    void Begin(const QVariantMap &options);
    void Continue(bool go, const QVariantMap &options);
    void Cancel(const QVariantMap &options);
    QDBusUnixFileDescriptor TakeConsole(const QVariantMap &options);
    QString Snapshot(const QVariantMap &options, QVariantMapList &steps, QVariantMap &result);

Q_SIGNALS:
    /// For the helper (not relayed to the bus): the work ended.
    void done();

private:
    bool callerIsOwner();
    void emitToOwner(const QString &name, const QVariantList &args);
    void onStep(const StepRecord &record);
    void onProgress(const QVariantMap &progress);
    void onFinished(const Result<QVariantMap> &result);
    bool waitAtGate(const StepRecord &record); // worker thread

    QDBusConnection m_bus;
    QString m_owner;
    QString m_path;
    QList<StepRecord> m_planned;
    QList<StepRecord> m_steps;
    Job m_job;
    bool m_stepThrough = false;
    QString m_state = QStringLiteral("planned");
    QVariantMap m_result;

    // Shared with the worker thread.
    struct Shared
    {
        std::mutex mutex;
        std::condition_variable cv;
        int answer = -1; // -1 waiting, 0 abort, 1 go
        std::atomic<bool> cancelled{false};
        UniqueFd console;
        QVariantMap kept; // keepInResult
    };
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
};

} // namespace koker::helper
