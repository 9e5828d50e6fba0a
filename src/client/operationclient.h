#pragma once

// The client's view of one kokerd operation (/org/koker/Helper1/operation/<n>):
// its signals as Qt signals, its methods as asynchronous calls. Connect first,
// then begin(): the helper sends nothing before Begin, so nothing is missed.

#include "runtime/error.h"
#include "runtime/step.h"
#include "runtime/uniquefd.h"

#include <QtCore/QObject>
#include <QtCore/QVariantMap>
#include <QtDBus/QDBusConnection>

#include <functional>
#include <memory>

class OrgKokerHelper1OperationInterface;

namespace koker::client {

class OperationClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationClient)

public:
    OperationClient(QDBusConnection bus, const QString &path, QObject *parent = nullptr);
    ~OperationClient() override;

    QString path() const { return m_path; }

    /// The steps the helper plans to take (before begin()).
    void plannedSteps(std::function<void(QList<StepRecord>)> done);
    void begin();
    /// Step-through: run the waiting step (true) or abort (false).
    void proceed(bool go);
    void cancel();
    /// After completion of a start with attach=true: the console, connected early.
    void takeConsole(std::function<void(Result<UniqueFd>)> done);

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_success; }
    QString errorName() const { return m_error; }
    QString errorMessage() const { return m_message; }
    QVariantMap result() const { return m_result; }

Q_SIGNALS:
    void stepChanged(const koker::StepRecord &step);
    void progress(const QVariantMap &progress);
    void completed(bool success, const QString &errorName, const QString &message,
                   const QVariantMap &result);

private Q_SLOTS:
    void onStepChanged(const QVariantMap &step);
    void onProgress(const QVariantMap &progress);
    void onCompleted(bool success, const QString &error, const QString &message,
                     const QVariantMap &result);

private:
    QDBusConnection m_bus;
    QString m_path;
    std::unique_ptr<OrgKokerHelper1OperationInterface> m_iface;
    bool m_finished = false;
    bool m_success = false;
    QString m_error;
    QString m_message;
    QVariantMap m_result;
};

} // namespace koker::client
