#pragma once

// The About box: what Koker Studio is for, its version, and what it is built on.

#include <QtWidgets/QDialog>

namespace Ui {
class AboutDialog;
}

namespace koker::studio {

class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    /// The about box.
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

private:
    Ui::AboutDialog *m_ui = nullptr;
};

} // namespace koker::studio
