#pragma once

// The asynchronous façade over kokerd for koker-studio and for `koker` run as a
// normal user: every method returns at once and calls back on this thread with a
// Result (errors carry the helper's code and message). Long work comes back as an
// OperationClient, not yet begun.

#include "client/operationclient.h"
#include "dbus/dbustypes.h"
#include "runtime/error.h"

#include <QtCore/QObject>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusPendingReply>
#include <QtDBus/QDBusUnixFileDescriptor>

#include <functional>
#include <memory>

class OrgKokerHelper1ManagerInterface;
class OrgKokerHelper1ImagesInterface;
class OrgKokerHelper1ContainersInterface;
class OrgKokerHelper1NetworksInterface;

namespace koker::client {

template <class T>
using Callback = std::function<void(Result<T>)>;
using Done = std::function<void(Status)>;
using OperationCallback = Callback<OperationClient *>;

/// An error from the helper: its named D-Bus error mapped back to a code.
Error errorFromDBus(const QDBusError &error);
/// Whether polkit would allow it after the user authenticates.
bool canObtainAuthorization(const Error &error);

class HelperClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperClient)

public:
    explicit HelperClient(QDBusConnection bus = QDBusConnection::systemBus(),
                          QObject *parent = nullptr);
    ~HelperClient() override;

    QDBusConnection bus() const { return m_bus; }
    /// Let polkit ask the user for a password (GUI: its agent; CLI: pkttyagent).
    void setInteractive(bool interactive) { m_interactive = interactive; }
    /// Whether the helper is on the bus or can be activated.
    bool isReachable() const;

    void getInfo(Callback<QVariantMap> done);
    // images
    void listImages(Callback<QVariantMapList> done);
    void inspectImage(const QString &name, Callback<QString> done);
    void pullImage(const QString &reference, const QString &platform, OperationCallback done);
    void loadImage(int fd, OperationCallback done);
    void saveImage(const QStringList &names, int fd, OperationCallback done);
    void importImage(int fd, const QString &name, const QStringList &cmd, OperationCallback done);
    void importStarterImage(OperationCallback done);
    void removeImage(const QString &name, bool force,
                     Callback<std::pair<QStringList, QStringList>> done);
    void tagImage(const QString &source, const QString &target, Done done);
    void pruneImages(Callback<std::pair<QStringList, qlonglong>> done);
    void imageHistory(const QString &name, Callback<QVariantMapList> done);
    // containers
    void createContainer(const QVariantMap &spec, const KokerVolumeList &volumes,
                         Callback<QString> done);
    void startContainer(const QString &id, const QVariantMap &options, OperationCallback done);
    void stopContainer(const QString &id, uint timeoutSeconds, OperationCallback done);
    void killContainer(const QString &id, const QString &signal, Done done);
    /// With `proof`, the operation's result carries `proof`: the cleanup checklist
    /// (JSON, CleanupProof::toJson).
    void removeContainer(const QString &id, bool force, OperationCallback done, bool proof = false);
    void listContainers(bool all, Callback<QVariantMapList> done);
    void inspectContainer(const QString &id, Callback<QString> done);
    void containerLogs(const QString &id, Callback<QDBusUnixFileDescriptor> done);
    void attach(const QString &id, bool input, bool replay, Callback<QDBusUnixFileDescriptor> done);
    void exec(const QString &id, const QVariantMap &spec,
              Callback<std::pair<QDBusUnixFileDescriptor, QVariantMapList>> done);
    void stats(const QString &id, Callback<QVariantMap> done);
    void containerSteps(const QString &id, Callback<QVariantMapList> done);
    /// JSON documents: UnderTheHood::collect and CleanupProof::toJson.
    void underTheHood(const QString &id, Callback<QString> done);
    void cleanupPreview(const QString &id, Callback<QString> done);
    // networks
    void listNetworks(Callback<QVariantMapList> done);
    void inspectNetwork(const QString &name, Callback<QString> done);
    void createNetwork(const QString &name, const QString &subnet, Callback<QVariantMap> done);
    void removeNetwork(const QString &name, Done done);

private:
    QVariantMap options(QVariantMap extra = {}) const;
    void operation(QDBusPendingReply<QDBusObjectPath> reply, OperationCallback done);
    template <class T>
    void watch(QDBusPendingReply<T> reply, Callback<T> done);
    void watchVoid(QDBusPendingReply<> reply, Done done);

    QDBusConnection m_bus;
    bool m_interactive = false;
    std::unique_ptr<OrgKokerHelper1ManagerInterface> m_manager;
    std::unique_ptr<OrgKokerHelper1ImagesInterface> m_images;
    std::unique_ptr<OrgKokerHelper1ContainersInterface> m_containers;
    std::unique_ptr<OrgKokerHelper1NetworksInterface> m_networks;
};

} // namespace koker::client
