#pragma once

// The Containers page: the student's containers with state, image, uptime and live
// CPU and memory use, and the verbs on them: start, stop, kill, remove, attach a
// terminal, open a shell. Start, stop and remove are operations whose steps the
// timeline shows; attach and shell are handed to the main window, which owns the
// terminal tabs.

#include <QtWidgets/QWidget>

class QSortFilterProxyModel;
namespace Ui {
class ContainersView;
}

namespace koker::studio {

class HelperConnection;
class ContainersModel;

class ContainersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainersView)

public:
    /// The page, talking to kokerd through `connection`.
    explicit ContainersView(HelperConnection *connection, QWidget *parent = nullptr);
    ~ContainersView() override;

    /// The model behind the table.
    ContainersModel *model() const { return m_model; }
    /// Id of the selected container; empty if none.
    QString currentId() const;
    /// Name of the selected container; empty if none.
    QString currentName() const;
    /// Select container `id` (once listed); false when it is not in the table yet.
    bool selectContainer(const QString &id);
    /// Whether a refresh (list and stats) is on its way.
    bool isRefreshing() const { return m_pending > 0; }

public Q_SLOTS:
    /// List the containers and ask Stats for the running ones, unless a refresh is pending.
    void refresh();
    /// Start the selected container.
    void startSelected();
    /// Stop the selected container (SIGTERM, SIGKILL after 10 s).
    void stopSelected();
    /// Kill the selected container (SIGKILL).
    void killSelected();
    /// Remove the selected container, after a confirmation.
    void removeSelected();
    /// Attach a terminal to the selected container (attachRequested()).
    void attachSelected();
    /// Open a shell in the selected container (shellRequested()).
    void shellSelected();

Q_SIGNALS:
    /// The selection moved to another container (empty id: none).
    void currentContainerChanged(const QString &id, const QString &name);
    /// The user wants a new container.
    void runRequested();
    /// The user wants a terminal on the container's main process.
    void attachRequested(const QString &id, const QString &name);
    /// The user wants a shell in the container.
    void shellRequested(const QString &id, const QString &name);
    /// Something failed: a translated sentence for the message bar.
    void errorOccurred(const QString &message);
    /// Something finished: a translated sentence for the message bar.
    void finished(const QString &message);
    /// A container was removed; `proof` is kokerd's cleanup checklist (JSON array,
    /// CleanupProof::toJson), empty when it sent none.
    void removed(const QString &id, const QString &name, const QString &proof);

private:
    void updateActions();
    void updatePage();
    void emitCurrent();
    void runOperation(const QString &id, const QString &name, int verb);
    QString selectedStatus() const;

    Ui::ContainersView *m_ui = nullptr;
    HelperConnection *m_connection = nullptr;
    ContainersModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    int m_pending = 0; // outstanding calls of the current refresh
    QString m_lastCurrent;
};

} // namespace koker::studio
