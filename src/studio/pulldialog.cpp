#include "pulldialog.h"

#include "client/helperclient.h"
#include "engine/imagepuller.h"
#include "helperconnection.h"
#include "ui_pulldialog.h"

#include <QtCore/QLocale>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace

PullDialog::PullDialog(HelperConnection *connection, QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::PullDialog)
    , m_connection(connection)
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/pull.svg"_s));
    m_ui->platformCombo->addItems(
        {QString(), u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/arm/v7"_s, u"linux/386"_s});
    m_ui->platformCombo->lineEdit()->setPlaceholderText(tr("this computer's"));
    m_ui->layersLayout->setColumnStretch(1, 1);
    connect(m_ui->pullButton, &QPushButton::clicked, this, &PullDialog::startPull);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &PullDialog::cancelPull);
    connect(m_ui->referenceEdit, &QLineEdit::textChanged, this, &PullDialog::updateButtons);
    connect(m_ui->referenceEdit, &QLineEdit::returnPressed, this, &PullDialog::startPull);
    m_ui->totalProgress->hide();
    updateButtons();
}

PullDialog::~PullDialog()
{
    delete m_ui;
}

void PullDialog::setReference(const QString &reference)
{
    m_ui->referenceEdit->setText(reference);
}

void PullDialog::updateButtons()
{
    const bool busy = isPulling() || m_requesting;
    m_ui->pullButton->setEnabled(!busy && !m_ui->referenceEdit->text().trimmed().isEmpty() &&
                                 m_connection->isConnected());
    m_ui->cancelButton->setEnabled(isPulling());
    m_ui->referenceEdit->setReadOnly(busy);
    m_ui->platformCombo->setEnabled(!busy);
}

void PullDialog::resetLayers()
{
    for (const Layer &l : std::as_const(m_layers)) {
        delete l.name;
        delete l.bar;
        delete l.state;
    }
    m_layers.clear();
    m_order.clear();
    m_ui->totalProgress->setValue(0);
}

void PullDialog::startPull()
{
    const QString reference = m_ui->referenceEdit->text().trimmed();
    if (reference.isEmpty() || isPulling() || m_requesting)
        return;
    resetLayers();
    m_requesting = true;
    m_pullingReference = reference;
    m_ui->statusLabel->setText(tr("Asking the registry for %1…").arg(reference));
    m_ui->totalProgress->show();
    m_ui->totalProgress->setRange(0, 0);
    updateButtons();
    const QString platform = m_ui->platformCombo->currentText().trimmed();
    m_connection->client()->pullImage(
        reference, platform, [this, reference](Result<client::OperationClient *> op) {
            m_requesting = false;
            if (!op) {
                const QString message =
                    m_connection->handleError(op.error(), tr("pull %1").arg(reference));
                m_ui->statusLabel->setText(message);
                m_ui->totalProgress->hide();
                updateButtons();
                Q_EMIT failed(message);
                return;
            }
            m_operation = *op;
            client::OperationClient *operation = *op;
            connect(operation, &client::OperationClient::progress, this,
                    &PullDialog::applyProgress);
            connect(operation, &client::OperationClient::completed, this,
                    [this, operation, reference](bool ok, const QString &error,
                                                 const QString &message,
                                                 const QVariantMap &result) {
                        operation->deleteLater();
                        m_operation.clear();
                        m_ui->totalProgress->setRange(0, 100);
                        if (ok) {
                            m_ui->totalProgress->setValue(100);
                            m_ui->statusLabel->setText(result.value(u"upToDate"_s).toBool()
                                                           ? tr("%1 is up to date.").arg(reference)
                                                           : tr("Pulled %1.").arg(reference));
                            Q_EMIT pulled(reference, result.value(u"id"_s).toString());
                        } else {
                            const QString sentence = HelperConnection::describeOperationError(
                                error, message, tr("pull %1").arg(reference));
                            m_ui->statusLabel->setText(sentence);
                            Q_EMIT failed(sentence);
                        }
                        updateButtons();
                    });
            m_ui->statusLabel->setText(tr("Pulling %1…").arg(reference));
            updateButtons();
            m_connection->beginOperation(operation, u"pull"_s, tr("Pull %1").arg(reference));
        });
}

void PullDialog::cancelPull()
{
    if (!m_operation)
        return;
    m_operation->cancel();
    m_ui->statusLabel->setText(tr("Cancelling…"));
    m_ui->cancelButton->setEnabled(false);
}

QString PullDialog::stateText(const QVariantMap &progress)
{
    using State = PullLayerProgress::State;
    switch (pullStateFromName(progress.value(u"status"_s).toString()).value_or(State::Failed)) {
    case State::Waiting:
        return tr("Waiting");
    case State::AlreadyExists:
        return tr("Already here");
    case State::Downloading:
        return tr("Downloading");
    case State::DownloadComplete:
        return tr("Downloaded");
    case State::Extracting:
        return tr("Extracting");
    case State::PullComplete:
        return tr("Done");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

QString PullDialog::layerStateText(int row) const
{
    if (row < 0 || row >= m_order.size())
        return {};
    return m_layers.value(m_order.at(row)).state->text();
}

void PullDialog::applyProgress(const QVariantMap &progress)
{
    const QString digest = progress.value(u"digest"_s).toString();
    if (digest.isEmpty())
        return;
    auto it = m_layers.find(digest);
    if (it == m_layers.end()) {
        Layer l;
        const int row = static_cast<int>(m_order.size());
        l.name = new QLabel(digest.section(u':', 1).left(12), m_ui->layersWidget);
        l.name->setToolTip(digest);
        l.bar = new QProgressBar(m_ui->layersWidget);
        l.state = new QLabel(m_ui->layersWidget);
        l.state->setMinimumWidth(fontMetrics().horizontalAdvance(u"Downloading 999.9 MiB"_s));
        m_ui->layersLayout->addWidget(l.name, row, 0);
        m_ui->layersLayout->addWidget(l.bar, row, 1);
        m_ui->layersLayout->addWidget(l.state, row, 2);
        m_order << digest;
        it = m_layers.insert(digest, l);
    }
    Layer &l = *it;
    l.current = progress.value(u"current"_s).toLongLong();
    l.total = progress.value(u"total"_s).toLongLong();
    const auto state = pullStateFromName(progress.value(u"status"_s).toString());
    const bool complete = state == PullLayerProgress::State::PullComplete ||
                          state == PullLayerProgress::State::AlreadyExists;
    if (l.total > 0) {
        // Percent, so sizes above 2 GiB fit a QProgressBar's int range.
        l.bar->setRange(0, 1000);
        l.bar->setValue(
            complete ? 1000 : static_cast<int>(std::min<qint64>(1000, l.current * 1000 / l.total)));
        l.bar->setFormat(tr("%1 of %2").arg(sizeText(l.current), sizeText(l.total)));
    } else {
        l.bar->setRange(0, complete ? 1 : 0);
        l.bar->setValue(complete ? 1 : 0);
    }
    l.state->setText(stateText(progress));
    updateTotal();
}

void PullDialog::updateTotal()
{
    qint64 current = 0;
    qint64 total = 0;
    for (const Layer &l : std::as_const(m_layers)) {
        if (l.total <= 0)
            continue;
        current += std::min(l.current, l.total);
        total += l.total;
    }
    if (total <= 0)
        return;
    m_ui->totalProgress->setRange(0, 100);
    m_ui->totalProgress->setValue(static_cast<int>(current * 100 / total));
}

} // namespace koker::studio
