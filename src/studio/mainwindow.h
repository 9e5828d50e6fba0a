#pragma once

// Koker Studio's window: a sidebar with Images, Containers and Terminals, the
// selected container's steps, details, logs and graphs below, a message bar for
// errors and a status bar saying how the helper is. It polls ListImages and
// ListContainers every two seconds while it is visible (one request of each at a
// time), and routes every operation through HelperConnection so the timeline
// sees each step. Everything goes through kokerd; the window never needs root.

#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtDBus/QDBusConnection>
#include <QtWidgets/QMainWindow>

class QLabel;
namespace Ui {
class MainWindow;
}

namespace koker {
class ConsoleTabs;
namespace client {
class OperationClient;
}
} // namespace koker

namespace koker::studio {

/// Register the compiled-in icons (once; the window does it too).
void initResources();

class HelperConnection;
class ImagesView;
class ContainersView;
class ContainerDetails;
class PullDialog;
class RunDialog;
struct RunSpec;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// The pages of the sidebar, in order (issue 8's guided experiments become a
    /// fourth page; its live operations go through HelperConnection like the rest).
    enum class Page
    {
        Images,
        Containers,
        Terminals,
    };
    Q_ENUM(Page)

    /// A window talking to kokerd on `bus` (the system bus unless a test says otherwise).
    explicit MainWindow(QDBusConnection bus = QDBusConnection::systemBus(),
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Look for the helper and start polling once it answers.
    void connectToHelper();

    /// Show a page of the sidebar.
    void showPage(Page page);
    /// The page shown.
    Page currentPage() const;

    /// Show an error in the message bar (stays until closed or replaced).
    void showError(const QString &message);
    /// Show a note in the message bar (goes away by itself).
    void showInfo(const QString &message);
    /// The message bar's text; empty when hidden.
    QString messageText() const;

    // For tests and screenshots: the parts of the window.
    HelperConnection *connection() const { return m_connection; }
    ImagesView *imagesView() const { return m_images; }
    ContainersView *containersView() const { return m_containers; }
    ContainerDetails *details() const { return m_details; }
    ConsoleTabs *consoles() const { return m_consoles; }
    /// The pull dialog once opened, or null.
    PullDialog *pullDialog() const;
    /// The run dialog while it is open, or null.
    RunDialog *runDialog() const;
    /// Learn → Guided experiments, once opened (an ExperimentsDialog), or null.
    QDialog *experimentsDialog() const;
    /// The proof of cleanup of the last removal, once shown (a CleanupProofDialog), or null.
    QDialog *proofDialog() const;
    /// How often images and containers are polled while visible, in ms.
    int refreshInterval() const { return m_refreshTimer.interval(); }

public Q_SLOTS:
    /// Open the run dialog, with `image` preselected when given (Ctrl+R).
    void runImage(const QString &image = {});
    /// Open the pull dialog (Ctrl+P).
    void openPullDialog();
    /// Poll images and containers now (F5).
    void refresh();
    /// Open a shell in the selected running container (Ctrl+T).
    void openTerminal();
    /// Attach a terminal to the selected container's main process.
    void attachTerminal();
    /// Open the settings dialog.
    void openSettings();
    /// Open the about box.
    void openAbout();
    /// Open Learn → Guided experiments.
    void openExperiments();
    /// Show the proof of cleanup of the last container removed from the studio.
    void showLastProof();

Q_SIGNALS:
    /// A container made by the run dialog was created (and its start begun).
    void containerCreated(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setupActions();
    void setupParts();
    void restoreSettings();
    void saveSettings();
    void connectionChanged();
    void operationStarting(client::OperationClient *op, const QString &action, const QString &title,
                           const QString &containerId);
    void createAndStart(const RunSpec &spec);
    void startCreated(const QString &id, const QString &name, bool attach, bool stepThrough);
    void openConsoleFor(const QString &id, const QString &name, bool shell);
    void updateActions();
    void updateTerminalsPage();
    void loadNetworks();
    void hideMessage();

    Ui::MainWindow *m_ui = nullptr;
    HelperConnection *m_connection = nullptr;
    ImagesView *m_images = nullptr;
    ContainersView *m_containers = nullptr;
    ContainerDetails *m_details = nullptr;
    ConsoleTabs *m_consoles = nullptr;
    // QDialog: the headers of the parts stay out of this one.
    QPointer<QDialog> m_pullDialog;
    QPointer<QDialog> m_runDialog;
    QPointer<QDialog> m_experimentsDialog;
    QPointer<QDialog> m_proofDialog;
    QString m_lastProof;     // kokerd's checklist of the last removal (JSON)
    QString m_lastProofName; // the container it was about
    QLabel *m_helperStatus = nullptr;
    QLabel *m_activity = nullptr;
    QTimer m_refreshTimer;
    QTimer m_infoTimer;
    QStringList m_networks;
    QString m_selectAfterRefresh; // a new container to select once it is listed
    int m_runningOperations = 0;
    bool m_connectionMessage = false; // the message bar shows the helper's state
    QString m_lastConnectionError;    // the last connection failure shown
};

} // namespace koker::studio
