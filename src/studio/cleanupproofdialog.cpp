#include "cleanupproofdialog.h"

#include "cleanupproofmodel.h"
#include "ui_cleanupproofdialog.h"

#include <QtWidgets/QHeaderView>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

CleanupProofDialog::CleanupProofDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::CleanupProofDialog)
    , m_model(new CleanupProofModel(this))
{
    m_ui->setupUi(this);
    setObjectName(u"CleanupProofDialog"_s);
    m_ui->checksTable->setModel(m_model);
    m_ui->checksTable->verticalHeader()->hide();
    m_ui->checksTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->checksTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->checksTable->horizontalHeader()->setStretchLastSection(true);
}

CleanupProofDialog::~CleanupProofDialog()
{
    delete m_ui;
}

void CleanupProofDialog::setProof(const QString &container, const QString &json)
{
    if (!m_model->setProofJson(json)) {
        m_ui->headlineLabel->setText(
            tr("kokerd sent no proof of cleanup for %1 (an older kokerd?).").arg(container));
        m_ui->summaryLabel->clear();
        return;
    }
    m_ui->headlineLabel->setText(
        m_model->checkedCount() == 0 ? tr("Nothing to check for %1.").arg(container)
        : m_model->allGone()
            ? tr("✓ %1 is gone without a trace: every change it made was undone.").arg(container)
            : tr("✗ %1 left something behind.").arg(container));
    m_ui->summaryLabel->setText(m_model->summary());
}

QString CleanupProofDialog::headline() const
{
    return m_ui->headlineLabel->text();
}

} // namespace koker::studio
