#pragma once

// Learn → Guided experiments: the four experiments of Experiments, each with its
// text, the equivalent command, one button and the explained result. The runs go
// through ExperimentRunner (one at a time: they share the machine they measure).

#include "experiment.h"

#include <QtWidgets/QDialog>

class QLabel;
class QPushButton;
namespace Ui {
class ExperimentsDialog;
}

namespace koker::client {
class HelperClient;
}

namespace koker::studio {

class ExperimentRunner;

class ExperimentsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExperimentsDialog)

public:
    explicit ExperimentsDialog(client::HelperClient *client, QWidget *parent = nullptr);
    ~ExperimentsDialog() override;

    /// Run one experiment (what its button does); false while another runs.
    bool runExperiment(ExperimentKind kind);
    ExperimentRunner *runner() const { return m_runner; }
    /// The last outcome of `kind` (empty headline: not run yet).
    ExperimentOutcome outcome(ExperimentKind kind) const;
    /// The text of `kind`'s result label.
    QString resultText(ExperimentKind kind) const;

Q_SIGNALS:
    void experimentFinished(koker::studio::ExperimentKind kind);

private:
    struct Widgets
    {
        QLabel *intro;
        QLabel *command;
        QPushButton *button;
        QLabel *result;
    };
    Widgets widgets(ExperimentKind kind) const;
    void updateButtons();

    Ui::ExperimentsDialog *m_ui = nullptr;
    ExperimentRunner *m_runner = nullptr;
    QHash<int, ExperimentOutcome> m_outcomes;
};

} // namespace koker::studio
