#include "operation.h"

#include "dbus/dbustypes.h"
#include "operationadaptor.h"

#include <QtCore/QPointer>
#include <QtCore/QThreadPool>
#include <QtDBus/QDBusMessage>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace koker::helper {

namespace {
std::atomic<quint64> g_nextId{1};
const QString kInterface = u"org.koker.Helper1.Operation"_s;
} // namespace

Operation::Operation(QDBusConnection bus, QString owner, QList<StepRecord> planned, Job job,
                     bool stepThrough, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_owner(std::move(owner))
    , m_path(QLatin1StringView(dbus::kOperationPathPrefix) + QString::number(g_nextId++))
    , m_planned(std::move(planned))
    , m_job(std::move(job))
    , m_stepThrough(stepThrough)
{
    new OperationAdaptor(this);
}

Operation::~Operation()
{
    m_bus.unregisterObject(m_path);
}

bool Operation::publish()
{
    return m_bus.registerObject(m_path, this);
}

bool Operation::callerIsOwner()
{
    if (!calledFromDBus())
        return true;
    if (message().service() == m_owner)
        return true;
    // Another client's operation: same answer as polkit's no.
    sendErrorReply(dbus::NotAuthorized, u"this operation belongs to another client"_s);
    return false;
}

void Operation::emitToOwner(const QString &name, const QVariantList &args)
{
    QDBusMessage signal = QDBusMessage::createTargetedSignal(m_owner, m_path, kInterface, name);
    signal.setArguments(args);
    m_bus.send(signal);
}

QVariantMapList Operation::GetPlannedSteps(const QVariantMap &)
{
    if (!callerIsOwner())
        return {};
    QVariantMapList out;
    for (const StepRecord &r : std::as_const(m_planned))
        out << dbus::stepToVariant(r);
    return out;
}

void Operation::Begin(const QVariantMap &)
{
    if (!callerIsOwner())
        return;
    if (m_state != u"planned"_s) {
        sendErrorReply(dbus::errorName(ErrorCode::Busy), u"the operation has begun already"_s);
        return;
    }
    m_state = u"running"_s;
    QPointer<Operation> self(this);
    std::shared_ptr<Shared> shared = m_shared;
    OperationContext ctx;
    ctx.observer = [self](const StepRecord &r) {
        QMetaObject::invokeMethod(
            self,
            [self, r] {
                if (self)
                    self->onStep(r);
            },
            Qt::QueuedConnection);
    };
    ctx.progress = [self](const QVariantMap &p) {
        QMetaObject::invokeMethod(
            self,
            [self, p] {
                if (self)
                    self->onProgress(p);
            },
            Qt::QueuedConnection);
    };
    ctx.cancelled = [shared] { return shared->cancelled.load(); };
    ctx.setConsole = [shared](UniqueFd fd) {
        std::lock_guard lock(shared->mutex);
        shared->console = std::move(fd);
    };
    ctx.keepInResult = [shared](const QVariantMap &values) {
        std::lock_guard lock(shared->mutex);
        shared->kept.insert(values);
    };
    if (m_stepThrough) {
        ctx.gate = [self, shared](const StepRecord &r) {
            {
                std::lock_guard lock(shared->mutex);
                if (shared->cancelled)
                    return false;
                shared->answer = -1;
            }
            StepRecord waiting = r;
            waiting.state = StepState::Planned;
            QMetaObject::invokeMethod(
                self,
                [self, waiting] {
                    if (self) {
                        self->m_state = u"waiting"_s;
                        self->onStep(waiting);
                    }
                },
                Qt::QueuedConnection);
            std::unique_lock lock(shared->mutex);
            shared->cv.wait(lock, [&] { return shared->answer >= 0 || shared->cancelled; });
            return shared->answer == 1 && !shared->cancelled;
        };
    } else {
        ctx.gate = {};
    }
    Job job = m_job;
    QThreadPool::globalInstance()->start([self, job, ctx] {
        Result<QVariantMap> result = job(ctx);
        QMetaObject::invokeMethod(
            self,
            [self, result] {
                if (self)
                    self->onFinished(result);
            },
            Qt::QueuedConnection);
    });
}

void Operation::Continue(bool go, const QVariantMap &)
{
    if (!callerIsOwner())
        return;
    if (!m_stepThrough || m_state != u"waiting"_s) {
        sendErrorReply(dbus::errorName(ErrorCode::Busy), u"no step is waiting"_s);
        return;
    }
    m_state = u"running"_s;
    std::lock_guard lock(m_shared->mutex);
    m_shared->answer = go ? 1 : 0;
    m_shared->cv.notify_all();
}

QDBusUnixFileDescriptor Operation::TakeConsole(const QVariantMap &)
{
    if (!callerIsOwner())
        return {};
    UniqueFd fd;
    {
        std::lock_guard lock(m_shared->mutex);
        fd = std::move(m_shared->console);
    }
    if (!finished() || !fd) {
        sendErrorReply(dbus::errorName(ErrorCode::NotFound),
                       u"no console: the operation has not completed, did not ask for one, or "
                       u"it was taken already"_s);
        return {};
    }
    return QDBusUnixFileDescriptor(fd.get()); // dup'ed; ours closes here
}

void Operation::Cancel(const QVariantMap &)
{
    if (!callerIsOwner())
        return;
    m_shared->cancelled = true;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->cv.notify_all();
    }
    if (m_state == u"planned"_s)
        onFinished(fail(ErrorCode::Cancelled, "cancelled before it began"));
}

QString Operation::Snapshot(const QVariantMap &, QVariantMapList &steps, QVariantMap &result)
{
    if (!callerIsOwner())
        return {};
    for (const StepRecord &r : std::as_const(m_steps))
        steps << dbus::stepToVariant(r);
    result = m_result;
    return m_state;
}

void Operation::onStep(const StepRecord &record)
{
    if (record.state != StepState::Planned)
        m_steps << record;
    emitToOwner(u"StepChanged"_s, {dbus::stepToVariant(record)});
}

void Operation::onProgress(const QVariantMap &progress)
{
    emitToOwner(u"Progress"_s, {progress});
}

void Operation::onFinished(const Result<QVariantMap> &result)
{
    if (finished())
        return;
    QVariantMap kept;
    {
        std::lock_guard lock(m_shared->mutex);
        kept = m_shared->kept;
    }
    if (result) {
        m_state = u"succeeded"_s;
        m_result = kept;
        m_result.insert(*result);
        emitToOwner(u"Completed"_s, {true, QString(), QString(), m_result});
    } else {
        m_state = result.error().code == ErrorCode::Cancelled ? u"cancelled"_s : u"failed"_s;
        QString name = dbus::errorName(result.error().code);
        QString text = QString::fromStdString(result.error().describe());
        m_result = kept;
        m_result.insert({{u"error"_s, name}, {u"message"_s, text}});
        emitToOwner(u"Completed"_s, {false, name, text, kept});
    }
    Q_EMIT done();
}

} // namespace koker::helper
