#pragma once

// Settings and facts: how the helper is (reachable, version, store, who we are to
// it, whether polkit may ask for a password), this computer's cgroup mode and what
// it means for limits, where images come from (registries), and the language.

#include <QtWidgets/QDialog>

namespace Ui {
class SettingsDialog;
}

namespace koker::studio {

class HelperConnection;

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    /// Settings of the studio and facts from `connection`.
    explicit SettingsDialog(HelperConnection *connection, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// Where the registries configuration is read from (tests point it elsewhere).
    void setRegistriesFile(const QString &path);
    /// The languages offered: code ("" = the system's) and name.
    static QList<std::pair<QString, QString>> languages();

private:
    void updateHelper();

    Ui::SettingsDialog *m_ui = nullptr;
    HelperConnection *m_connection = nullptr;
};

} // namespace koker::studio
