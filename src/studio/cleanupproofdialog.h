#pragma once

// Shows a removal's proof of cleanup (CleanupProofModel) with a one-line verdict.
// The main window opens it after a removal from the studio and again from
// Learn → Proof of cleanup of the last removal.

#include <QtWidgets/QDialog>

namespace Ui {
class CleanupProofDialog;
}

namespace koker::studio {

class CleanupProofModel;

class CleanupProofDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CleanupProofDialog)

public:
    explicit CleanupProofDialog(QWidget *parent = nullptr);
    ~CleanupProofDialog() override;

    /// Show the proof of removing `container` (kokerd's JSON array).
    void setProof(const QString &container, const QString &json);
    CleanupProofModel *model() const { return m_model; }
    QString headline() const;

private:
    Ui::CleanupProofDialog *m_ui = nullptr;
    CleanupProofModel *m_model = nullptr;
};

} // namespace koker::studio
