#pragma once

// The dialog that runs a container: every `koker run` option as a form, the
// limits as sliders that show the cgroup file and value each will write on this
// host, the equivalent command line kept up to date as the student types, and
// inline validation, so nothing invalid is ever sent to the helper.
//
// It only collects: the caller (the main window) gives the images, networks and
// host facts, reads runSpec() after accept(), opens the volume folders itself and
// calls HelperClient::createContainer / startContainer.

#include "studio/hostinfo.h"
#include "studio/runspec.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

#include <functional>

class QTableWidget;
class QWidget;

namespace Ui {
class RunDialog;
}

namespace koker::studio {

class LimitSlider;

class RunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunDialog)

public:
    /// Asks for a host folder: (parent, start folder) -> chosen folder, or empty if cancelled.
    using DirectoryChooser = std::function<QString(QWidget *parent, const QString &start)>;

    explicit RunDialog(QWidget *parent = nullptr);
    ~RunDialog() override;

    /// The images offered in the image box (the text stays editable).
    void setImages(const QStringList &images);
    /// The user networks offered after bridge, none and host.
    void setNetworks(const QStringList &networks);
    /// The host's cgroup mode, CPUs, memory and swap accounting: bounds and previews.
    void setHostInfo(const HostInfo &host);
    /// The host facts in use.
    HostInfo hostInfo() const { return m_host; }
    /// Replace how host folders are picked (default: QFileDialog::getExistingDirectory).
    void setDirectoryChooser(DirectoryChooser chooser);

    /// Fill every field from a form (e.g. to run a container again).
    void setForm(const RunForm &form);
    /// What the fields hold now.
    RunForm form() const;
    /// The validated run (meaningful when isValid()): CreateContainer's spec and volumes.
    RunSpec runSpec() const { return m_check.spec; }
    /// The host folders to open and send as fds, in the order of runSpec().volumes.
    QStringList volumeHostPaths() const { return m_check.spec.volumeHostPaths(); }
    /// Whether the main window should open a terminal tab for the new container.
    bool attachTerminal() const { return m_check.spec.attachTerminal(); }
    /// No errors: the Run button is enabled.
    bool isValid() const { return m_check.isValid(); }
    /// Every error and warning found in the current fields.
    QList<RunIssue> issues() const { return m_check.issues; }
    /// The equivalent `koker run ...` command shown under the form.
    QString commandLine() const;

public Q_SLOTS:
    /// Put the equivalent command on the clipboard.
    void copyCommandLine();

private:
    void setupTables();
    void setupLimits();
    void connectFields();
    void refresh();
    void clearMarks();
    void markIssue(const RunIssue &issue);
    void markWidget(QWidget *widget, const QString &message);
    void markCell(QTableWidget *table, int row, int column, const QString &message);
    void updateHints();
    void updateLimits();
    void updateMessages();
    void updateHostLabel();
    void updateNetworkHint();
    QWidget *widgetFor(RunField field) const;
    QWidget *tabFor(RunField field) const;

    int addEnvRow(const EnvRow &row);
    int addPortRow(const PortRow &row);
    int addVolumeRow(const VolumeRow &row);
    void addVolume();
    void browseVolume();
    void removeSelectedRows(QTableWidget *table);

    Ui::RunDialog *m_ui = nullptr;
    HostInfo m_host;
    RunCheck m_check;
    DirectoryChooser m_chooseDirectory;
    QList<QPointer<QWidget>> m_marked; // widgets with a red frame now
    QString m_lastFolder;
    bool m_updating = false; // filling fields or marking cells: no refresh per change
};

} // namespace koker::studio
