#include "containersview.h"

#include "client/helperclient.h"
#include "containersmodel.h"
#include "helperconnection.h"
#include "ui_containersview.h"

#include <QtCore/QSortFilterProxyModel>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMessageBox>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

enum Verb
{
    StartVerb,
    StopVerb,
    RemoveVerb,
};

} // namespace

ContainersView::ContainersView(HelperConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_ui(new Ui::ContainersView)
    , m_connection(connection)
    , m_model(new ContainersModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ContainersModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_ui->table->setModel(m_proxy);
    m_ui->table->sortByColumn(ContainersModel::NameColumn, Qt::AscendingOrder);
    m_ui->table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->emptyIcon->setPixmap(QIcon(u":/icons/container.svg"_s).pixmap(96, 96));

    const struct
    {
        QToolButton *button;
        const char16_t *icon;
        void (ContainersView::*slot)();
    } buttons[] = {
        {m_ui->startButton, u":/icons/start.svg", &ContainersView::startSelected},
        {m_ui->stopButton, u":/icons/stop.svg", &ContainersView::stopSelected},
        {m_ui->killButton, u":/icons/kill.svg", &ContainersView::killSelected},
        {m_ui->removeButton, u":/icons/remove.svg", &ContainersView::removeSelected},
        {m_ui->attachButton, u":/icons/attach.svg", &ContainersView::attachSelected},
        {m_ui->shellButton, u":/icons/terminal.svg", &ContainersView::shellSelected},
    };
    for (const auto &b : buttons) {
        b.button->setIcon(QIcon(QString::fromUtf16(b.icon)));
        connect(b.button, &QToolButton::clicked, this, b.slot);
        // The same verbs in the table's context menu.
        auto *a = new QAction(b.button->icon(), b.button->text(), m_ui->table);
        a->setToolTip(b.button->toolTip());
        connect(a, &QAction::triggered, this, b.slot);
        m_ui->table->addAction(a);
    }
    m_ui->runButton->setIcon(QIcon(u":/icons/run.svg"_s));
    connect(m_ui->runButton, &QToolButton::clicked, this, &ContainersView::runRequested);
    connect(m_ui->emptyRunButton, &QPushButton::clicked, this, &ContainersView::runRequested);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->showAllCheck, &QCheckBox::toggled, this, [this] {
        m_model->clear();
        refresh();
    });
    connect(m_ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        emitCurrent();
    });
    // A refresh changes states: the buttons follow.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ContainersView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateActions();
        emitCurrent();
    });
    connect(m_ui->table, &QTableView::doubleClicked, this, [this] {
        if (selectedStatus() == u"running"_s)
            shellSelected();
    });
    connect(m_connection, &HelperConnection::stateChanged, this, [this] {
        if (!m_connection->isConnected())
            m_model->clear();
        updatePage();
        updateActions();
    });
    updatePage();
    updateActions();
}

ContainersView::~ContainersView()
{
    delete m_ui;
}

QString ContainersView::currentId() const
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : rows.first().data(ContainersModel::ContainerIdRole).toString();
}

QString ContainersView::currentName() const
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ContainersModel::NameRole).toString();
}

QString ContainersView::selectedStatus() const
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ContainersModel::StatusRole).toString();
}

bool ContainersView::selectContainer(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_ui->table->selectRow(index.row());
    m_ui->table->scrollTo(index);
    return true;
}

void ContainersView::emitCurrent()
{
    const QString id = currentId();
    if (id == m_lastCurrent)
        return;
    m_lastCurrent = id;
    Q_EMIT currentContainerChanged(id, currentName());
}

void ContainersView::refresh()
{
    if (m_pending > 0 || !m_connection->isConnected())
        return;
    m_pending = 1;
    m_connection->client()->listContainers(
        m_ui->showAllCheck->isChecked(), [this](Result<QVariantMapList> containers) {
            if (!containers) {
                m_pending = 0;
                Q_EMIT errorOccurred(
                    m_connection->handleError(containers.error(), tr("list the containers")));
                return;
            }
            m_model->setContainers(*containers);
            updatePage();
            const QStringList running = m_model->runningIds();
            m_ui->summaryLabel->setText(
                tr("%n container(s)", nullptr, m_model->rowCount()) + u" · "_s +
                tr("%n running", nullptr, static_cast<int>(running.size())));
            // Stats for each running container; the refresh ends with the last answer,
            // so the 2-second poll never stacks calls on a slow helper.
            m_pending = 1 + static_cast<int>(running.size());
            for (const QString &id : running) {
                m_connection->client()->stats(id, [this, id](Result<QVariantMap> stats) {
                    --m_pending;
                    if (stats)
                        m_model->setStats(id, *stats);
                    // A container that stopped in between has no stats: not an error.
                });
            }
            --m_pending;
        });
}

void ContainersView::updatePage()
{
    const bool empty =
        m_model->isLoaded() && m_model->rowCount() == 0 && m_ui->filterEdit->text().isEmpty();
    m_ui->pages->setCurrentWidget(empty ? m_ui->emptyPage : m_ui->listPage);
    m_ui->emptyRunButton->setEnabled(m_connection->isConnected());
}

void ContainersView::updateActions()
{
    const bool connected = m_connection->isConnected();
    const QString status = connected ? selectedStatus() : QString();
    const bool running = status == u"running"_s;
    const bool any = !status.isEmpty();
    m_ui->runButton->setEnabled(connected);
    m_ui->startButton->setEnabled(any && !running);
    m_ui->stopButton->setEnabled(running);
    m_ui->killButton->setEnabled(running);
    m_ui->removeButton->setEnabled(any);
    m_ui->attachButton->setEnabled(running);
    m_ui->shellButton->setEnabled(running);
    const QList<QAction *> actions = m_ui->table->actions();
    const bool enabled[] = {any && !running, running, running, any, running, running};
    for (qsizetype i = 0; i < actions.size() && i < 6; ++i)
        actions.at(i)->setEnabled(enabled[i]);
}

void ContainersView::runOperation(const QString &id, const QString &name, int verb)
{
    QString action;
    QString title;
    const QString actionKey = verb == StartVerb  ? u"start"_s
                              : verb == StopVerb ? u"stop"_s
                                                 : u"remove"_s;
    switch (verb) {
    case StartVerb:
        action = tr("start the container");
        title = tr("Start %1").arg(name);
        break;
    case StopVerb:
        action = tr("stop the container");
        title = tr("Stop %1").arg(name);
        break;
    default:
        action = tr("remove the container");
        title = tr("Remove %1").arg(name);
        break;
    }
    auto done = [this, id, name, action, actionKey, title,
                 verb](Result<client::OperationClient *> op) {
        if (!op) {
            Q_EMIT errorOccurred(m_connection->handleError(op.error(), action));
            return;
        }
        client::OperationClient *operation = *op;
        connect(operation, &client::OperationClient::completed, this,
                [this, operation, id, name, action, verb](bool ok, const QString &error,
                                                          const QString &message,
                                                          const QVariantMap &result) {
                    operation->deleteLater();
                    if (!ok) {
                        Q_EMIT errorOccurred(
                            HelperConnection::describeOperationError(error, message, action));
                    } else if (verb == RemoveVerb) {
                        Q_EMIT finished(
                            tr("Removed %1 and everything it made on this computer.").arg(name));
                        Q_EMIT removed(id, name, result.value(u"proof"_s).toString());
                    }
                    refresh();
                });
        m_connection->beginOperation(operation, actionKey, title, id);
    };
    switch (verb) {
    case StartVerb:
        m_connection->client()->startContainer(id, {}, std::move(done));
        break;
    case StopVerb:
        m_connection->client()->stopContainer(id, 10, std::move(done));
        break;
    default:
        // With proof: kokerd looks again afterwards at every host change the
        // container made (mounts, cgroups, links, rules, leases) and says what is gone.
        m_connection->client()->removeContainer(id, true, std::move(done), true);
        break;
    }
}

void ContainersView::startSelected()
{
    if (const QString id = currentId(); !id.isEmpty())
        runOperation(id, currentName(), StartVerb);
}

void ContainersView::stopSelected()
{
    if (const QString id = currentId(); !id.isEmpty())
        runOperation(id, currentName(), StopVerb);
}

void ContainersView::killSelected()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    m_connection->client()->killContainer(id, u"KILL"_s, [this](Status st) {
        if (!st)
            Q_EMIT errorOccurred(m_connection->handleError(st.error(), tr("kill the container")));
        refresh();
    });
}

void ContainersView::removeSelected()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    const QString name = currentName();
    const bool running = selectedStatus() == u"running"_s;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove container"),
                                tr("Remove the container %1?").arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setInformativeText(
        running ? tr("It is running: it will be killed first. Its files, its cgroup, its "
                     "network devices and its logs are deleted.")
                : tr("Its files, its cgroup, its network devices and its logs are deleted."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id, name](int result) {
        if (result == QMessageBox::Yes)
            runOperation(id, name, RemoveVerb);
    });
    box->open();
}

void ContainersView::attachSelected()
{
    if (const QString id = currentId(); !id.isEmpty())
        Q_EMIT attachRequested(id, currentName());
}

void ContainersView::shellSelected()
{
    if (const QString id = currentId(); !id.isEmpty())
        Q_EMIT shellRequested(id, currentName());
}

} // namespace koker::studio
