#pragma once

// The "Under the hood" tab of a container: what the kernel says about it now, from
// kokerd's UnderTheHood (which reads /proc/PID/ns, the cgroup files, the mountinfo
// and the network namespace as root and changes nothing):
//   Namespaces  each type, the container's and the host's inode, shared or not
//   Cgroup      the host's mode, the container's directories, every limit file
//               with its value and usage, OOM and throttling counters
//   Mounts      the container's mount table as a tree, the overlay's layers
//   Network     the drawn topology (NetworkTopologyView) and the NAT/port rules
// It asks once per refresh (the button, or refresh() when the tab is shown); a
// container that is not running gets a message saying so instead of the panels.

#include "runtime/error.h"

#include <QtCore/QJsonObject>
#include <QtWidgets/QWidget>

#include <functional>

namespace Ui {
class UnderTheHoodPanel;
}

namespace koker::studio {

class CgroupLimitsModel;
class MountTreeModel;
class NamespacesModel;
class NetworkTopologyView;

class UnderTheHoodPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnderTheHoodPanel)

public:
    /// Asks kokerd for a container's document: (id, callback with the JSON text).
    using Fetcher = std::function<void(const QString &id, std::function<void(Result<QString>)>)>;
    /// Turns a failed call into a sentence (the studio's HelperConnection::handleError).
    using ErrorText = std::function<QString(const Error &)>;

    enum class Section
    {
        Namespaces,
        Cgroup,
        Mounts,
        Network,
    };

    explicit UnderTheHoodPanel(QWidget *parent = nullptr);
    ~UnderTheHoodPanel() override;

    /// How documents are fetched (HelperClient::underTheHood) and errors worded.
    void setFetcher(Fetcher fetch, ErrorText errorText = {});
    /// The container shown (empty: none); clears what was shown.
    void setContainer(const QString &id, const QString &name);
    /// Ask again now.
    void refresh();
    /// Show a document (what refresh() does with kokerd's answer; public for tests).
    void showDocument(const QJsonObject &document);
    /// Show a message instead of the panels ("not running", an error).
    void showMessage(const QString &text);
    /// Show one of the sections.
    void showSection(Section section);

    /// Whether the panels (not a message) are shown.
    bool hasDocument() const;
    /// The text shown instead of the panels.
    QString messageText() const;
    /// The document shown.
    QJsonObject document() const { return m_document; }
    NamespacesModel *namespacesModel() const { return m_namespaces; }
    CgroupLimitsModel *cgroupModel() const { return m_cgroup; }
    MountTreeModel *mountsModel() const { return m_mounts; }
    NetworkTopologyView *topologyView() const { return m_topology; }

Q_SIGNALS:
    /// A refresh finished (with a document or a message).
    void refreshed(bool ok);

private:
    void updateCgroupLabels();

    Ui::UnderTheHoodPanel *m_ui = nullptr;
    NamespacesModel *m_namespaces = nullptr;
    CgroupLimitsModel *m_cgroup = nullptr;
    MountTreeModel *m_mounts = nullptr;
    NetworkTopologyView *m_topology = nullptr;
    Fetcher m_fetch;
    ErrorText m_errorText;
    QString m_id;
    QString m_name;
    QJsonObject m_document;
    quint64 m_generation = 0; // answers for an earlier container are dropped
};

} // namespace koker::studio
