#include "experimentsdialog.h"

#include "experimentrunner.h"
#include "ui_experimentsdialog.h"

#include <QtGui/QFontDatabase>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

ExperimentsDialog::ExperimentsDialog(client::HelperClient *client, QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::ExperimentsDialog)
    , m_runner(new ExperimentRunner(client, this))
{
    m_ui->setupUi(this);
    setObjectName(u"ExperimentsDialog"_s);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (ExperimentKind kind : Experiments::all()) {
        const Widgets w = widgets(kind);
        w.intro->setText(Experiments::introduction(kind));
        w.command->setFont(fixed);
        w.command->setText(Experiments::commands(kind, m_ui->imageEdit->text()).join(u'\n'));
        connect(w.button, &QPushButton::clicked, this, [this, kind] { runExperiment(kind); });
    }
    connect(m_ui->imageEdit, &QLineEdit::textChanged, this, [this](const QString &image) {
        for (ExperimentKind kind : Experiments::all())
            widgets(kind).command->setText(Experiments::commands(kind, image).join(u'\n'));
    });
    connect(m_runner, &ExperimentRunner::progress, this,
            [this](ExperimentKind kind, const QString &text) {
                widgets(kind).result->setText(text.toHtmlEscaped());
            });
    connect(m_runner, &ExperimentRunner::finished, this,
            [this](ExperimentKind kind, const ExperimentOutcome &outcome) {
                m_outcomes.insert(int(kind), outcome);
                widgets(kind).result->setText(outcome.toHtml());
                updateButtons();
                Q_EMIT experimentFinished(kind);
            });
    updateButtons();
}

ExperimentsDialog::~ExperimentsDialog()
{
    delete m_ui;
}

ExperimentsDialog::Widgets ExperimentsDialog::widgets(ExperimentKind kind) const
{
    switch (kind) {
    case ExperimentKind::MemoryOom:
        return {m_ui->oomIntro, m_ui->oomCommand, m_ui->oomButton, m_ui->oomResult};
    case ExperimentKind::ForkBomb:
        return {m_ui->pidsIntro, m_ui->pidsCommand, m_ui->pidsButton, m_ui->pidsResult};
    case ExperimentKind::CpuQuota:
        return {m_ui->cpuIntro, m_ui->cpuCommand, m_ui->cpuButton, m_ui->cpuResult};
    case ExperimentKind::HostNetwork:
        break;
    }
    return {m_ui->netIntro, m_ui->netCommand, m_ui->netButton, m_ui->netResult};
}

bool ExperimentsDialog::runExperiment(ExperimentKind kind)
{
    m_runner->setImage(m_ui->imageEdit->text().trimmed());
    if (!m_runner->run(kind))
        return false;
    m_outcomes.remove(int(kind));
    updateButtons();
    return true;
}

ExperimentOutcome ExperimentsDialog::outcome(ExperimentKind kind) const
{
    return m_outcomes.value(int(kind));
}

QString ExperimentsDialog::resultText(ExperimentKind kind) const
{
    return widgets(kind).result->text();
}

void ExperimentsDialog::updateButtons()
{
    const bool busy = m_runner->isRunning();
    for (ExperimentKind kind : Experiments::all()) {
        QPushButton *b = widgets(kind).button;
        b->setEnabled(!busy);
        b->setText(busy && m_runner->current() == kind ? tr("Running…") : tr("Run the experiment"));
    }
    m_ui->imageEdit->setEnabled(!busy);
}

} // namespace koker::studio
