#include "imagesview.h"

#include "client/helperclient.h"
#include "helperconnection.h"
#include "imageinspectdialog.h"
#include "imagesmodel.h"
#include "runtime/uniquefd.h"
#include "ui_imagesview.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSortFilterProxyModel>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>

#include <fcntl.h>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

ImagesView::ImagesView(HelperConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_ui(new Ui::ImagesView)
    , m_connection(connection)
    , m_model(new ImagesModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ImagesModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_ui->table->setModel(m_proxy);
    m_ui->table->sortByColumn(ImagesModel::CreatedColumn, Qt::DescendingOrder);
    m_ui->table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->table->horizontalHeader()->setStretchLastSection(true);

    m_ui->pullButton->setIcon(QIcon(u":/icons/pull.svg"_s));
    m_ui->runButton->setIcon(QIcon(u":/icons/run.svg"_s));
    m_ui->inspectButton->setIcon(QIcon(u":/icons/inspect.svg"_s));
    m_ui->removeButton->setIcon(QIcon(u":/icons/remove.svg"_s));
    m_ui->moreButton->setIcon(QIcon(u":/icons/file.svg"_s));
    m_ui->emptyIcon->setPixmap(QIcon(u":/icons/image.svg"_s).pixmap(96, 96));

    auto *fileMenu = new QMenu(this);
    QAction *load = fileMenu->addAction(QIcon(u":/icons/load.svg"_s), tr("Load from a file…"));
    QAction *save =
        fileMenu->addAction(QIcon(u":/icons/save.svg"_s), tr("Save the selected image to a file…"));
    m_ui->moreButton->setMenu(fileMenu);
    connect(load, &QAction::triggered, this, &ImagesView::loadFromFile);
    connect(save, &QAction::triggered, this, &ImagesView::saveSelectedToFile);

    // The table's context menu repeats the buttons.
    const auto addContext = [this](const QString &text, const QString &icon, auto slot) {
        auto *a = new QAction(QIcon(icon), text, m_ui->table);
        connect(a, &QAction::triggered, this, slot);
        m_ui->table->addAction(a);
    };
    addContext(tr("Run…"), u":/icons/run.svg"_s, &ImagesView::runSelected);
    addContext(tr("Inspect"), u":/icons/inspect.svg"_s, &ImagesView::inspectSelected);
    addContext(tr("Save to a file…"), u":/icons/save.svg"_s, &ImagesView::saveSelectedToFile);
    addContext(tr("Remove"), u":/icons/remove.svg"_s, &ImagesView::removeSelected);

    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->pullButton, &QToolButton::clicked, this, &ImagesView::pullRequested);
    connect(m_ui->emptyPullButton, &QPushButton::clicked, this, &ImagesView::pullRequested);
    connect(m_ui->runButton, &QToolButton::clicked, this, &ImagesView::runSelected);
    connect(m_ui->inspectButton, &QToolButton::clicked, this, &ImagesView::inspectSelected);
    connect(m_ui->removeButton, &QToolButton::clicked, this, &ImagesView::removeSelected);
    connect(m_ui->starterButton, &QPushButton::clicked, this, &ImagesView::createStarterImage);
    connect(m_ui->emptyLoadButton, &QPushButton::clicked, this, &ImagesView::loadFromFile);
    connect(m_ui->table, &QTableView::doubleClicked, this, &ImagesView::inspectSelected);
    connect(m_ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ImagesView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ImagesView::imagesChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ImagesView::imagesChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ImagesView::imagesChanged);
    connect(m_connection, &HelperConnection::stateChanged, this, [this] {
        if (!m_connection->isConnected())
            m_model->clear();
        updatePage();
        updateActions();
    });
    updatePage();
    updateActions();
}

ImagesView::~ImagesView()
{
    delete m_ui;
}

QString ImagesView::selectedReference() const
{
    const QModelIndex current = m_ui->table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_ui->table->selectionModel()->isRowSelected(current.row()))
        return {};
    return current.data(ImagesModel::ReferenceRole).toString();
}

bool ImagesView::selectReference(const QString &reference)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex i = m_proxy->index(row, 0);
        if (i.data(ImagesModel::ReferenceRole).toString() == reference ||
            i.data(ImagesModel::ImageIdRole).toString() == reference) {
            m_ui->table->selectRow(row);
            m_ui->table->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void ImagesView::selectWhenListed(const QString &reference)
{
    // kokerd lists familiar names: "docker.io/library/alpine" is "alpine:latest".
    QString familiar = reference;
    for (const QString &prefix : {u"docker.io/library/"_s, u"docker.io/"_s}) {
        if (familiar.startsWith(prefix)) {
            familiar = familiar.mid(prefix.size());
            break;
        }
    }
    if (!familiar.contains(u'@') && familiar.lastIndexOf(u':') <= familiar.lastIndexOf(u'/'))
        familiar += u":latest"_s;
    m_selectTries = 0;
    if (!selectReference(familiar))
        m_selectWhenListed = familiar;
}

void ImagesView::refresh()
{
    if (m_refreshing || !m_connection->isConnected())
        return;
    m_refreshing = true;
    m_connection->client()->listImages([this](Result<QVariantMapList> images) {
        m_refreshing = false;
        if (!images) {
            Q_EMIT errorOccurred(m_connection->handleError(images.error(), tr("list the images")));
            return;
        }
        m_model->setImages(*images);
        // A few polls at most: a name that never shows up is not waited for forever.
        if (!m_selectWhenListed.isEmpty() &&
            (selectReference(m_selectWhenListed) || ++m_selectTries > 5))
            m_selectWhenListed.clear();
        m_ui->summaryLabel->setText(tr("%n image(s)", nullptr, m_model->imageCount()));
        updatePage();
        updateActions();
    });
}

void ImagesView::updatePage()
{
    const bool empty = m_model->isLoaded() && m_model->rowCount() == 0;
    m_ui->pages->setCurrentWidget(empty ? m_ui->emptyPage : m_ui->listPage);
    m_ui->starterButton->setEnabled(m_connection->isConnected() && !m_starterRunning);
    m_ui->emptyPullButton->setEnabled(m_connection->isConnected());
    m_ui->emptyLoadButton->setEnabled(m_connection->isConnected());
}

void ImagesView::updateActions()
{
    const bool connected = m_connection->isConnected();
    const bool selected = connected && !selectedReference().isEmpty();
    m_ui->pullButton->setEnabled(connected);
    m_ui->runButton->setEnabled(selected);
    m_ui->inspectButton->setEnabled(selected);
    m_ui->removeButton->setEnabled(selected);
    m_ui->moreButton->setEnabled(connected);
    const QList<QAction *> menu = m_ui->moreButton->menu()->actions();
    if (menu.size() > 1)
        menu.at(1)->setEnabled(selected);
    for (QAction *a : m_ui->table->actions())
        a->setEnabled(selected);
}

void ImagesView::runSelected()
{
    const QString ref = selectedReference();
    if (!ref.isEmpty())
        Q_EMIT runRequested(ref);
}

void ImagesView::inspectSelected()
{
    const QString ref = selectedReference();
    if (ref.isEmpty())
        return;
    auto *dialog = new ImageInspectDialog(m_connection, ref, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void ImagesView::removeSelected()
{
    const QString ref = selectedReference();
    if (ref.isEmpty())
        return;
    // Destructive: the one place a message box is right.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove image"),
                                tr("Remove the image %1?").arg(ref),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setInformativeText(tr("The name goes away; the layers are deleted when no other "
                               "name or container uses them. Containers made from it stop "
                               "the removal."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, ref](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_connection->client()->removeImage(
            ref, false, [this, ref](Result<std::pair<QStringList, QStringList>> removed) {
                if (!removed) {
                    Q_EMIT errorOccurred(
                        m_connection->handleError(removed.error(), tr("remove the image")));
                    return;
                }
                Q_EMIT finished(tr("Removed %1 (%n layer(s) or image(s) deleted).", nullptr,
                                   static_cast<int>(removed->second.size()))
                                    .arg(ref));
                refresh();
            });
    });
    box->open();
}

void ImagesView::loadFromFile()
{
    // Non-blocking dialogs everywhere: open() and a signal, never a nested exec().
    auto *dialog = new QFileDialog(this, tr("Load an image from a file"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters(
        {tr("Image archives (*.tar *.tar.gz *.tgz *.oci)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &ImagesView::loadFile);
    dialog->open();
}

void ImagesView::loadFile(const QString &path)
{
    // Opened here, as the student: kokerd reads only what the student can read.
    UniqueFd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd) {
        Q_EMIT errorOccurred(
            tr("Cannot open %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
        return;
    }
    const QString title = tr("Load %1").arg(QFileInfo(path).fileName());
    m_connection->client()->loadImage(fd.get(), [this,
                                                 title](Result<client::OperationClient *> op) {
        if (!op) {
            Q_EMIT errorOccurred(m_connection->handleError(op.error(), tr("load the image")));
            return;
        }
        client::OperationClient *operation = *op;
        connect(
            operation, &client::OperationClient::completed, this,
            [this, operation](bool ok, const QString &error, const QString &message,
                              const QVariantMap &result) {
                operation->deleteLater();
                if (!ok) {
                    Q_EMIT errorOccurred(HelperConnection::describeOperationError(
                        error, message, tr("load the image")));
                    return;
                }
                Q_EMIT finished(
                    tr("Loaded %1.").arg(result.value(u"loaded"_s).toStringList().join(u", "_s)));
                refresh();
            });
        m_connection->beginOperation(operation, u"load"_s, title);
    });
    // The message holds its own copy of the descriptor (QDBusUnixFileDescriptor dups it).
}

void ImagesView::saveSelectedToFile()
{
    const QString ref = selectedReference();
    if (ref.isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Save %1 to a file").arg(ref));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("Docker archives (*.tar)")});
    dialog->setDefaultSuffix(u"tar"_s);
    QString base = ref.section(u'/', -1);
    base.replace(u':', u'_');
    dialog->selectFile(base + u".tar"_s);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, ref](const QString &path) { saveFile(path, ref); });
    dialog->open();
}

void ImagesView::saveFile(const QString &path, const QString &reference)
{
    UniqueFd fd(::open(QFile::encodeName(path).constData(),
                       O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0644));
    if (!fd) {
        Q_EMIT errorOccurred(
            tr("Cannot create %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
        return;
    }
    m_connection->client()->saveImage(
        {reference}, fd.get(), [this, reference, path](Result<client::OperationClient *> op) {
            if (!op) {
                Q_EMIT errorOccurred(m_connection->handleError(op.error(), tr("save the image")));
                return;
            }
            client::OperationClient *operation = *op;
            connect(operation, &client::OperationClient::completed, this,
                    [this, operation, path](bool ok, const QString &error, const QString &message,
                                            const QVariantMap &) {
                        operation->deleteLater();
                        if (!ok) {
                            Q_EMIT errorOccurred(HelperConnection::describeOperationError(
                                error, message, tr("save the image")));
                            return;
                        }
                        Q_EMIT finished(tr("Saved to %1.").arg(path));
                    });
            m_connection->beginOperation(operation, u"save"_s, tr("Save %1").arg(reference));
        });
}

void ImagesView::createStarterImage()
{
    if (m_starterRunning)
        return;
    m_starterRunning = true;
    updatePage();
    m_connection->client()->importStarterImage([this](Result<client::OperationClient *> op) {
        if (!op) {
            m_starterRunning = false;
            updatePage();
            Q_EMIT errorOccurred(
                m_connection->handleError(op.error(), tr("create the starter image")));
            return;
        }
        client::OperationClient *operation = *op;
        connect(operation, &client::OperationClient::completed, this,
                [this, operation](bool ok, const QString &error, const QString &message,
                                  const QVariantMap &) {
                    operation->deleteLater();
                    m_starterRunning = false;
                    updatePage();
                    if (!ok) {
                        Q_EMIT errorOccurred(HelperConnection::describeOperationError(
                            error, message, tr("create the starter image")));
                        return;
                    }
                    Q_EMIT finished(tr("The starter image is ready: select it and press Run."));
                    selectWhenListed(u"starter:latest"_s);
                    refresh();
                });
        m_connection->beginOperation(operation, u"import"_s, tr("Create the starter image"));
    });
}

} // namespace koker::studio
