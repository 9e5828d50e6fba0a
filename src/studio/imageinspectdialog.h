#pragma once

// What an image is made of: its configuration (entrypoint, command, environment,
// working directory, user, ports, labels), its layers with their sizes, and how it
// was built (ImageHistory), plus the raw JSON of InspectImage. Non-modal; it loads
// itself asynchronously and shows what it could not read in place.

#include "dbus/dbustypes.h"

#include <QtCore/QJsonObject>
#include <QtWidgets/QDialog>

namespace Ui {
class ImageInspectDialog;
}

namespace koker::studio {

class HelperConnection;

class ImageInspectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageInspectDialog)

public:
    /// Inspect `reference` (a name or an id); the calls start at once.
    ImageInspectDialog(HelperConnection *connection, const QString &reference,
                       QWidget *parent = nullptr);
    ~ImageInspectDialog() override;

    /// Fill the dialog from InspectImage's JSON (public for tests and screenshots).
    void showInspect(const QJsonObject &image);
    /// Fill the history tab from ImageHistory's records.
    void showHistory(const QVariantMapList &history);

private:
    Ui::ImageInspectDialog *m_ui = nullptr;
    HelperConnection *m_connection = nullptr;
    QString m_reference;
};

} // namespace koker::studio
