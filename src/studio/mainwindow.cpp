#include "mainwindow.h"

#include "aboutdialog.h"
#include "client/helperclient.h"
#include "containerdetails.h"
#include "containersmodel.h"
#include "containersview.h"
#include "helperconnection.h"
#include "imagesmodel.h"
#include "imagesview.h"
#include "pulldialog.h"
#include "runtime/uniquefd.h"
#include "settingsdialog.h"
#include "ui_mainwindow.h"

#ifdef KOKER_STUDIO_HAVE_RUN
#include "studio/rundialog.h"
#include "studio/runspec.h"
#endif
#ifdef KOKER_STUDIO_HAVE_CONSOLE
#include "studio/consoletab.h"
#include "studio/consoletabs.h"
#endif
#ifdef KOKER_STUDIO_HAVE_LEARN
#include "studio/cleanupproofdialog.h"
#include "studio/experimentsdialog.h"
#endif

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QStyle>

#include <fcntl.h>

using namespace Qt::Literals::StringLiterals;

// The icons are compiled into this static library (AUTORCC): only a reference to
// their initializer makes the linker keep them. Q_INIT_RESOURCE must be called
// outside any namespace.
static void initStudioResources()
{
    Q_INIT_RESOURCE(koker_studio);
}

namespace koker::studio {

void initResources()
{
    static const bool done = [] {
        initStudioResources();
        return true;
    }();
    Q_UNUSED(done)
}

namespace {

// Poll period for images and containers while the window is visible.
constexpr int kRefreshMs = 2000;
// How long a note (not an error) stays in the message bar.
constexpr int kInfoMs = 8000;

QIcon icon(const char16_t *name)
{
    return QIcon(u":/icons/"_s + QString::fromUtf16(name) + u".svg"_s);
}

} // namespace

MainWindow::MainWindow(QDBusConnection bus, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
    , m_connection(new HelperConnection(bus, this))
{
    initResources();
    m_ui->setupUi(this);
    setWindowIcon(icon(u"koker-studio"));
    m_connection->setInteractive(QSettings().value(u"helper/interactive"_s, true).toBool());
    setupParts();
    setupActions();

    m_helperStatus = new QLabel(this);
    m_activity = new QLabel(this);
    statusBar()->addWidget(m_activity, 1);
    statusBar()->addPermanentWidget(m_helperStatus);

    m_refreshTimer.setInterval(kRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    m_infoTimer.setSingleShot(true);
    m_infoTimer.setInterval(kInfoMs);
    connect(&m_infoTimer, &QTimer::timeout, this, &MainWindow::hideMessage);
    connect(m_ui->messageClose, &QToolButton::clicked, this, &MainWindow::hideMessage);
    connect(m_ui->messageAction, &QPushButton::clicked, this, [this] {
        m_lastConnectionError.clear(); // asked explicitly: answer even if it is the same
        m_connection->connectToHelper();
    });
    m_ui->messageBar->hide();

    connect(m_connection, &HelperConnection::stateChanged, this, &MainWindow::connectionChanged);
    // Direct: the timeline must be connected before the operation begins.
    connect(m_connection, &HelperConnection::operationStarting, this,
            &MainWindow::operationStarting, Qt::DirectConnection);

    restoreSettings();
    connectionChanged();
}

MainWindow::~MainWindow()
{
    delete m_ui;
}

void MainWindow::setupParts()
{
    m_images = new ImagesView(m_connection, m_ui->imagesPage);
    m_ui->imagesLayout->addWidget(m_images);
    m_containers = new ContainersView(m_connection, m_ui->containersPage);
    m_ui->containersLayout->addWidget(m_containers);
    m_details = new ContainerDetails(m_connection, m_ui->detailsArea);
    m_ui->detailsLayout->addWidget(m_details);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);

#ifdef KOKER_STUDIO_HAVE_CONSOLE
    m_consoles = new ConsoleTabs(m_connection->client(), m_ui->tabsPage);
    m_ui->tabsLayout->addWidget(m_consoles);
    connect(m_consoles, &ConsoleTabs::countChanged, this, &MainWindow::updateTerminalsPage);
    connect(m_consoles, &ConsoleTabs::execStarted, this, [this](const QString &id) {
        if (id == m_details->containerId())
            m_details->reloadSteps();
    });
#else
    // INTEGRATION POINT (console part): koker_studio_console is not built in.
    m_ui->noTerminalsLabel->setText(tr("The embedded terminal is not part of this build."));
#endif
    updateTerminalsPage();

    for (int row = 0; row < m_ui->sidebar->count(); ++row)
        m_ui->sidebar->item(row)->setSizeHint(QSize(0, 44));
    connect(m_ui->sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_ui->pages->setCurrentIndex(row);
        updateActions();
    });

    connect(m_images, &ImagesView::pullRequested, this, &MainWindow::openPullDialog);
    connect(m_images, &ImagesView::runRequested, this, &MainWindow::runImage);
    connect(m_images, &ImagesView::errorOccurred, this, &MainWindow::showError);
    connect(m_images, &ImagesView::finished, this, &MainWindow::showInfo);
    connect(m_containers, &ContainersView::runRequested, this, [this] { runImage(); });
    connect(m_containers, &ContainersView::errorOccurred, this, &MainWindow::showError);
    connect(m_containers, &ContainersView::finished, this, &MainWindow::showInfo);
    connect(m_containers, &ContainersView::removed, this,
            [this](const QString &, const QString &name, const QString &proof) {
                if (proof.isEmpty())
                    return;
                m_lastProof = proof;
                m_lastProofName = name;
                updateActions();
                showLastProof();
            });
    connect(m_details, &ContainerDetails::stepsExported, this,
            [this](const QString &, bool ok, const QString &message) {
                if (ok)
                    showInfo(message);
                else
                    showError(message);
            });
    connect(m_containers, &ContainersView::attachRequested, this,
            [this](const QString &id, const QString &name) { openConsoleFor(id, name, false); });
    connect(m_containers, &ContainersView::shellRequested, this,
            [this](const QString &id, const QString &name) { openConsoleFor(id, name, true); });
    connect(m_containers, &ContainersView::currentContainerChanged, this,
            [this](const QString &id, const QString &name) {
                if (!id.isEmpty() || m_selectAfterRefresh.isEmpty())
                    m_details->setContainer(id, name);
                updateActions();
            });
    // Rows come and go with every poll: a new container is selected once listed.
    connect(m_containers->model(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_selectAfterRefresh.isEmpty() && m_containers->selectContainer(m_selectAfterRefresh))
            m_selectAfterRefresh.clear();
    });
    connect(m_containers->model(), &QAbstractItemModel::dataChanged, this,
            &MainWindow::updateActions);
}

void MainWindow::setupActions()
{
    const struct
    {
        QAction *action;
        const char16_t *icon;
    } icons[] = {
        {m_ui->pullAction, u"pull"},
        {m_ui->runAction, u"run"},
        {m_ui->terminalAction, u"terminal"},
        {m_ui->refreshAction, u"refresh"},
        {m_ui->settingsAction, u"settings"},
        {m_ui->loadAction, u"load"},
        {m_ui->saveAction, u"save"},
        {m_ui->starterAction, u"starter"},
        {m_ui->inspectImageAction, u"inspect"},
        {m_ui->removeImageAction, u"remove"},
        {m_ui->startAction, u"start"},
        {m_ui->stopAction, u"stop"},
        {m_ui->killAction, u"kill"},
        {m_ui->removeContainerAction, u"remove"},
        {m_ui->attachAction, u"attach"},
        {m_ui->showImagesAction, u"image"},
        {m_ui->showContainersAction, u"container"},
        {m_ui->showTerminalsAction, u"terminal"},
        {m_ui->aboutAction, u"koker-studio"},
    };
    for (const auto &i : icons)
        i.action->setIcon(icon(i.icon));

    connect(m_ui->pullAction, &QAction::triggered, this, &MainWindow::openPullDialog);
    connect(m_ui->runAction, &QAction::triggered, this, [this] {
        runImage(currentPage() == Page::Images ? m_images->selectedReference() : QString());
    });
    connect(m_ui->terminalAction, &QAction::triggered, this, &MainWindow::openTerminal);
    connect(m_ui->attachAction, &QAction::triggered, this, &MainWindow::attachTerminal);
    connect(m_ui->refreshAction, &QAction::triggered, this, [this] {
        if (!m_connection->isConnected())
            m_connection->connectToHelper();
        refresh();
    });
    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::openAbout);
    connect(m_ui->experimentsAction, &QAction::triggered, this, &MainWindow::openExperiments);
    connect(m_ui->lastProofAction, &QAction::triggered, this, &MainWindow::showLastProof);
    connect(m_ui->aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_ui->loadAction, &QAction::triggered, m_images, &ImagesView::loadFromFile);
    connect(m_ui->saveAction, &QAction::triggered, m_images, &ImagesView::saveSelectedToFile);
    connect(m_ui->starterAction, &QAction::triggered, m_images, &ImagesView::createStarterImage);
    connect(m_ui->inspectImageAction, &QAction::triggered, m_images, &ImagesView::inspectSelected);
    connect(m_ui->removeImageAction, &QAction::triggered, m_images, &ImagesView::removeSelected);
    connect(m_ui->startAction, &QAction::triggered, m_containers, &ContainersView::startSelected);
    connect(m_ui->stopAction, &QAction::triggered, m_containers, &ContainersView::stopSelected);
    connect(m_ui->killAction, &QAction::triggered, m_containers, &ContainersView::killSelected);
    connect(m_ui->removeContainerAction, &QAction::triggered, m_containers,
            &ContainersView::removeSelected);
    connect(m_ui->showImagesAction, &QAction::triggered, this, [this] { showPage(Page::Images); });
    connect(m_ui->showContainersAction, &QAction::triggered, this,
            [this] { showPage(Page::Containers); });
    connect(m_ui->showTerminalsAction, &QAction::triggered, this,
            [this] { showPage(Page::Terminals); });
    connect(m_images->model(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    updateActions();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1180, 780);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_ui->splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    const int page = settings.value(u"window/page"_s, 0).toInt();
    showPage(static_cast<Page>(std::clamp(page, 0, 2)));
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/splitter"_s, m_ui->splitter->saveState());
    settings.setValue(u"window/page"_s, static_cast<int>(currentPage()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
#ifdef KOKER_STUDIO_HAVE_CONSOLE
    // Detach, do not kill: containers outlive the window.
    m_consoles->closeAll();
#endif
    event->accept();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    refresh();
}

void MainWindow::connectToHelper()
{
    m_connection->connectToHelper();
}

void MainWindow::showPage(Page page)
{
    m_ui->sidebar->setCurrentRow(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(std::max(0, m_ui->pages->currentIndex()));
}

void MainWindow::showError(const QString &message)
{
    m_infoTimer.stop();
    m_connectionMessage = false;
    m_ui->messageIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(22, 22));
    m_ui->messageText->setText(message);
    m_ui->messageAction->hide();
    m_ui->messageBar->setStyleSheet(
        u"#messageBar { background: #fdecea; border: 1px solid #e0a3a0; border-radius: 4px; }"_s
        u" #messageBar QLabel { color: #5f1d1a; }"_s);
    m_ui->messageBar->show();
}

void MainWindow::showInfo(const QString &message)
{
    m_connectionMessage = false;
    m_ui->messageIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(22, 22));
    m_ui->messageText->setText(message);
    m_ui->messageAction->hide();
    m_ui->messageBar->setStyleSheet(
        u"#messageBar { background: #e8f3fc; border: 1px solid #9cc4e4; border-radius: 4px; }"_s
        u" #messageBar QLabel { color: #123a5a; }"_s);
    m_ui->messageBar->show();
    m_infoTimer.start();
}

QString MainWindow::messageText() const
{
    return m_ui->messageBar->isVisible() || !m_ui->messageBar->isHidden()
               ? m_ui->messageText->text()
               : QString();
}

void MainWindow::hideMessage()
{
    m_infoTimer.stop();
    m_connectionMessage = false;
    m_ui->messageBar->hide();
}

void MainWindow::connectionChanged()
{
    const HelperConnection::State state = m_connection->state();
    m_helperStatus->setText(m_connection->stateMessage());
    switch (state) {
    case HelperConnection::State::Connected: {
        const HostInfo host = m_connection->hostInfo();
        m_helperStatus->setText(tr("%1 · %2").arg(
            m_connection->stateMessage(), HelperConnection::cgroupModeText(host.cgroupMode)));
        m_lastConnectionError.clear();
        if (m_connectionMessage)
            hideMessage();
        m_refreshTimer.start();
        loadNetworks();
        refresh();
        break;
    }
    case HelperConnection::State::Connecting:
        break;
    case HelperConnection::State::Unavailable:
    case HelperConnection::State::Refused:
        m_refreshTimer.stop();
        // Said once: a retry with the same answer does not bring back a message
        // the student closed.
        if (m_connection->stateMessage() != m_lastConnectionError) {
            m_lastConnectionError = m_connection->stateMessage();
            showError(m_lastConnectionError);
            m_connectionMessage = true;
            m_ui->messageAction->show();
        }
        break;
    }
    updateActions();
}

void MainWindow::loadNetworks()
{
    m_connection->client()->listNetworks([this](Result<QVariantMapList> networks) {
        if (!networks)
            return; // the run dialog still offers bridge, none and host
        m_networks.clear();
        for (const QVariantMap &n : *networks) {
            const QString name = n.value(u"name"_s).toString();
            if (!name.isEmpty() && name != u"bridge"_s && name != u"none"_s && name != u"host"_s)
                m_networks << name;
        }
    });
}

void MainWindow::refresh()
{
    // Polling only while someone can see it; each view skips when its last
    // request has not come back yet, so slow answers never pile up.
    if (!m_connection->isConnected() || !isVisible() || isMinimized())
        return;
    m_images->refresh();
    m_containers->refresh();
}

void MainWindow::updateActions()
{
    const bool connected = m_connection->isConnected();
    const QString status =
        m_containers->currentId().isEmpty()
            ? QString()
            : m_containers->model()
                  ->data(m_containers->model()->index(
                             m_containers->model()->rowOf(m_containers->currentId()), 0),
                         ContainersModel::StatusRole)
                  .toString();
    const bool running = status == u"running"_s;
    const bool image = !m_images->selectedReference().isEmpty();
    m_ui->pullAction->setEnabled(connected);
    m_ui->runAction->setEnabled(connected);
    m_ui->loadAction->setEnabled(connected);
    m_ui->saveAction->setEnabled(connected && image);
    m_ui->starterAction->setEnabled(connected);
    m_ui->inspectImageAction->setEnabled(connected && image);
    m_ui->removeImageAction->setEnabled(connected && image);
    m_ui->startAction->setEnabled(connected && !status.isEmpty() && !running);
    m_ui->stopAction->setEnabled(connected && running);
    m_ui->killAction->setEnabled(connected && running);
    m_ui->removeContainerAction->setEnabled(connected && !status.isEmpty());
    m_ui->attachAction->setEnabled(connected && running);
    // Ctrl+T stays enabled: without a running container it says what to do.
    m_ui->terminalAction->setEnabled(connected);
    m_ui->experimentsAction->setEnabled(connected);
    m_ui->lastProofAction->setEnabled(!m_lastProof.isEmpty());
}

void MainWindow::updateTerminalsPage()
{
    const bool any = m_consoles && m_consoles->count() > 0;
    m_ui->terminalsStack->setCurrentWidget(any ? m_ui->tabsPage : m_ui->noTerminalsPage);
    m_ui->sidebar->item(static_cast<int>(Page::Terminals))
        ->setText(any ? tr("Terminals (%1)").arg(m_consoles->count()) : tr("Terminals"));
}

void MainWindow::operationStarting(client::OperationClient *op, const QString &action,
                                   const QString &title, const QString &containerId)
{
    m_details->watchOperation(op, action, title, containerId);
    ++m_runningOperations;
    m_activity->setText(tr("%n action(s) running", nullptr, m_runningOperations));
    connect(op, &client::OperationClient::completed, this, [this] {
        --m_runningOperations;
        m_activity->setText(m_runningOperations > 0
                                ? tr("%n action(s) running", nullptr, m_runningOperations)
                                : QString());
        refresh();
    });
}

PullDialog *MainWindow::pullDialog() const
{
    return static_cast<PullDialog *>(m_pullDialog.data());
}

RunDialog *MainWindow::runDialog() const
{
#ifdef KOKER_STUDIO_HAVE_RUN
    return static_cast<RunDialog *>(m_runDialog.data());
#else
    return nullptr;
#endif
}

void MainWindow::openPullDialog()
{
    if (!m_pullDialog) {
        auto *dialog = new PullDialog(m_connection, this);
        connect(dialog, &PullDialog::pulled, this, [this](const QString &reference) {
            showInfo(tr("%1 is ready to run.").arg(reference));
            m_images->selectWhenListed(reference);
            refresh();
        });
        connect(dialog, &PullDialog::failed, this, &MainWindow::showError);
        m_pullDialog = dialog;
    }
    m_pullDialog->show();
    m_pullDialog->raise();
    m_pullDialog->activateWindow();
}

void MainWindow::runImage(const QString &image)
{
    if (!m_connection->isConnected()) {
        showError(m_connection->stateMessage());
        return;
    }
#ifdef KOKER_STUDIO_HAVE_RUN
    if (m_runDialog) {
        m_runDialog->raise();
        return;
    }
    auto *dialog = new RunDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHostInfo(m_connection->hostInfo());
    dialog->setImages(m_images->model()->imageNames());
    dialog->setNetworks(m_networks);
    if (!image.isEmpty()) {
        RunForm form = dialog->form();
        form.image = image;
        dialog->setForm(form);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->isValid())
            createAndStart(dialog->runSpec());
    });
    m_runDialog = dialog;
    dialog->open();
#else
    // INTEGRATION POINT (run dialog part): koker_studio_run is not built in.
    Q_UNUSED(image)
    showError(tr("The run dialog is not part of this build of Koker Studio."));
#endif
}

#ifdef KOKER_STUDIO_HAVE_RUN
void MainWindow::createAndStart(const RunSpec &spec)
{
    // The student opens the host folders, so kokerd can only bind what the student
    // can reach; O_PATH is enough to name a folder and grants no reading by itself.
    QList<QDBusUnixFileDescriptor> sources;
    const QStringList paths = spec.volumeHostPaths();
    for (const QString &path : paths) {
        UniqueFd fd(::open(QFile::encodeName(path).constData(), O_PATH | O_CLOEXEC));
        if (!fd) {
            showError(tr("Cannot open the folder %1 to share it: %2")
                          .arg(path, QString::fromLocal8Bit(strerror(errno))));
            return;
        }
        sources << QDBusUnixFileDescriptor(fd.get()); // dups; ours closes here
    }
    const bool attach = spec.attachTerminal();
    const bool stepThrough = spec.stepThrough;
    const QString wanted = spec.name;
    m_connection->client()->createContainer(
        spec.toDBusSpec(), spec.toDBusVolumes(sources),
        [this, attach, stepThrough, wanted](Result<QString> id) {
            if (!id) {
                showError(m_connection->handleError(id.error(), tr("create the container")));
                return;
            }
            const QString name = wanted.isEmpty() ? id->left(12) : wanted;
            Q_EMIT containerCreated(*id);
            // Show the new container below at once: its create steps load, and the
            // start's steps follow live.
            m_selectAfterRefresh = *id;
            m_details->setContainer(*id, name);
            m_details->showTab(ContainerDetails::Tab::Steps);
            showPage(attach ? Page::Terminals : Page::Containers);
            startCreated(*id, name, attach, stepThrough);
            refresh();
        });
}
#else
void MainWindow::createAndStart(const RunSpec &) {}
#endif

void MainWindow::startCreated(const QString &id, const QString &name, bool attach, bool stepThrough)
{
    QVariantMap options;
    if (stepThrough)
        options.insert(u"stepThrough"_s, true);
    if (attach) {
        // Keep the console from the very start: nothing the program prints before
        // the terminal tab exists is lost.
        options.insert(u"attach"_s, true);
        options.insert(u"rows"_s, QVariant::fromValue(ushort(24)));
        options.insert(u"cols"_s, QVariant::fromValue(ushort(80)));
    }
    m_connection->client()->startContainer(
        id, options, [this, id, name, attach, stepThrough](Result<client::OperationClient *> op) {
            if (!op) {
                showError(m_connection->handleError(op.error(), tr("start the container")));
                return;
            }
            client::OperationClient *operation = *op;
            connect(
                operation, &client::OperationClient::completed, this,
                [this, operation, id, name, attach](bool ok, const QString &error,
                                                    const QString &message, const QVariantMap &) {
                    if (!ok) {
                        operation->deleteLater();
                        showError(HelperConnection::describeOperationError(
                            error, message, tr("start the container")));
                        return;
                    }
                    if (!attach) {
                        operation->deleteLater();
                        return;
                    }
#ifdef KOKER_STUDIO_HAVE_CONSOLE
                    operation->takeConsole([this, operation, id, name](Result<UniqueFd> fd) {
                        operation->deleteLater();
                        if (!fd) {
                            showError(HelperConnection::describeError(fd.error(),
                                                                      tr("connect the terminal")));
                            return;
                        }
                        // The tab gets the console taken from the start (connected
                        // before the process ran, so nothing is missed); a later
                        // reconnect, after a restart, attaches like any other tab.
                        auto *tab = new ConsoleTab(id, name, ConsoleTab::Kind::Attach);
                        QPointer<client::HelperClient> helper = m_connection->client();
                        tab->setConnector(
                            [helper](ConsoleTab *t, const ConsoleTab::ConnectDone &done) {
                                if (!helper) {
                                    done(fail(ErrorCode::Unavailable, "no connection to kokerd"));
                                    return;
                                }
                                helper->attach(
                                    t->containerId(), true, true,
                                    [done](Result<QDBusUnixFileDescriptor> reply) {
                                        if (!reply) {
                                            done(std::unexpected(reply.error()));
                                            return;
                                        }
                                        UniqueFd own(
                                            ::fcntl(reply->fileDescriptor(), F_DUPFD_CLOEXEC, 3));
                                        if (!own)
                                            done(failErrno("duplicate the console descriptor"));
                                        else
                                            done(std::move(own));
                                    });
                            });
                        tab->setConsole(std::move(*fd));
                        m_consoles->addConsole(tab);
                        showPage(Page::Terminals);
                    });
#else
                        operation->deleteLater();
#endif
                });
            // The bar connects before Begin, so the first pause is not missed.
            if (stepThrough)
                m_details->controlStepThrough(operation);
            m_connection->beginOperation(operation, u"start"_s, tr("Start %1").arg(name), id);
        });
}

void MainWindow::openConsoleFor(const QString &id, const QString &name, bool shell)
{
#ifdef KOKER_STUDIO_HAVE_CONSOLE
    if (shell)
        m_consoles->openShell(id, name);
    else
        m_consoles->openAttach(id, name);
    showPage(Page::Terminals);
#else
    // INTEGRATION POINT (console part).
    Q_UNUSED(id)
    Q_UNUSED(name)
    Q_UNUSED(shell)
    showError(tr("The embedded terminal is not part of this build of Koker Studio."));
#endif
}

void MainWindow::openTerminal()
{
    const QString id = m_containers->currentId();
    const QString status =
        m_containers->model()
            ->data(m_containers->model()->index(m_containers->model()->rowOf(id), 0),
                   ContainersModel::StatusRole)
            .toString();
    if (id.isEmpty() || status != u"running"_s) {
        showInfo(tr("Select a running container on the Containers page first, then press "
                    "Ctrl+T for a shell in it."));
        showPage(Page::Containers);
        return;
    }
    openConsoleFor(id, m_containers->currentName(), true);
}

void MainWindow::attachTerminal()
{
    const QString id = m_containers->currentId();
    if (!id.isEmpty())
        openConsoleFor(id, m_containers->currentName(), false);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QDialog *MainWindow::experimentsDialog() const
{
    return m_experimentsDialog;
}

QDialog *MainWindow::proofDialog() const
{
    return m_proofDialog;
}

void MainWindow::openExperiments()
{
#ifdef KOKER_STUDIO_HAVE_LEARN
    if (!m_experimentsDialog) {
        auto *dialog = new ExperimentsDialog(m_connection->client(), this);
        // Each experiment's containers appear in the list while they run.
        connect(dialog, &ExperimentsDialog::experimentFinished, this, &MainWindow::refresh);
        m_experimentsDialog = dialog;
    }
    m_experimentsDialog->show();
    m_experimentsDialog->raise();
    m_experimentsDialog->activateWindow();
#else
    // INTEGRATION POINT (learn part): koker_studio_learn is not built in.
    showError(tr("The guided experiments are not part of this build of Koker Studio."));
#endif
}

void MainWindow::showLastProof()
{
#ifdef KOKER_STUDIO_HAVE_LEARN
    if (m_lastProof.isEmpty()) {
        showInfo(tr("No container has been removed from the studio yet."));
        return;
    }
    if (!m_proofDialog)
        m_proofDialog = new CleanupProofDialog(this);
    static_cast<CleanupProofDialog *>(m_proofDialog.data())->setProof(m_lastProofName, m_lastProof);
    m_proofDialog->show();
    m_proofDialog->raise();
#else
    showError(tr("Proof of cleanup is not part of this build of Koker Studio."));
#endif
}

void MainWindow::openAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace koker::studio
