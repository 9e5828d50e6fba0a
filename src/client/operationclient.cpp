#include "operationclient.h"

#include "dbus/dbustypes.h"
#include "helper1_interface.h"

#include <QtDBus/QDBusPendingCallWatcher>

#include <fcntl.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::client {

OperationClient::OperationClient(QDBusConnection bus, const QString &path, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_path(path)
    , m_iface(std::make_unique<OrgKokerHelper1OperationInterface>(dbus::serviceName(), path, bus))
{
    // The helper sends these only to us (targeted signals); QtDBus routes them by
    // sender, path and interface.
    const QString iface = u"org.koker.Helper1.Operation"_s;
    m_bus.connect(dbus::serviceName(), path, iface, u"StepChanged"_s, this,
                  SLOT(onStepChanged(QVariantMap)));
    m_bus.connect(dbus::serviceName(), path, iface, u"Progress"_s, this,
                  SLOT(onProgress(QVariantMap)));
    m_bus.connect(dbus::serviceName(), path, iface, u"Completed"_s, this,
                  SLOT(onCompleted(bool, QString, QString, QVariantMap)));
}

OperationClient::~OperationClient() = default;

void OperationClient::plannedSteps(std::function<void(QList<StepRecord>)> done)
{
    auto *watcher = new QDBusPendingCallWatcher(m_iface->GetPlannedSteps({}), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        QDBusPendingReply<QVariantMapList> reply = *watcher;
        watcher->deleteLater();
        QList<StepRecord> steps;
        if (!reply.isError()) {
            for (const QVariantMap &m : reply.value())
                steps << dbus::stepFromVariant(m);
        }
        done(steps);
    });
}

void OperationClient::begin()
{
    auto *watcher = new QDBusPendingCallWatcher(m_iface->Begin({}), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        QDBusPendingReply<> reply = *watcher;
        watcher->deleteLater();
        if (reply.isError())
            onCompleted(false, reply.error().name(), reply.error().message(), {});
    });
}

void OperationClient::proceed(bool go)
{
    m_iface->Continue(go, {});
}

void OperationClient::takeConsole(std::function<void(Result<UniqueFd>)> done)
{
    auto *watcher = new QDBusPendingCallWatcher(m_iface->TakeConsole({}), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        QDBusPendingReply<QDBusUnixFileDescriptor> reply = *watcher;
        watcher->deleteLater();
        if (reply.isError()) {
            done(fail(dbus::errorCodeFromName(reply.error().name()),
                      reply.error().message().toStdString()));
            return;
        }
        UniqueFd fd(::fcntl(reply.value().fileDescriptor(), F_DUPFD_CLOEXEC, 3));
        done(std::move(fd));
    });
}

void OperationClient::cancel()
{
    m_iface->Cancel({});
}

void OperationClient::onStepChanged(const QVariantMap &step)
{
    Q_EMIT stepChanged(dbus::stepFromVariant(step));
}

void OperationClient::onProgress(const QVariantMap &p)
{
    Q_EMIT progress(p);
}

void OperationClient::onCompleted(bool success, const QString &error, const QString &message,
                                  const QVariantMap &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_success = success;
    m_error = error;
    m_message = message;
    m_result = result;
    Q_EMIT completed(success, error, message, result);
}

} // namespace koker::client
