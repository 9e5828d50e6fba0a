#pragma once

// Pull an image with a progress bar per layer. The bars are fed by the
// operation's Progress signal (digest, current, total, state); its steps go to the
// timeline like every other operation's (HelperConnection::beginOperation). Close
// only hides the dialog: the pull goes on, and Ctrl+P shows it again; Cancel
// stops it (kokerd keeps the partial layers for a later pull to resume).

#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QVariantMap>
#include <QtWidgets/QDialog>

class QLabel;
class QProgressBar;
namespace Ui {
class PullDialog;
}

namespace koker::client {
class OperationClient;
}

namespace koker::studio {

class HelperConnection;

class PullDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullDialog)

public:
    /// A dialog that pulls through `connection`.
    explicit PullDialog(HelperConnection *connection, QWidget *parent = nullptr);
    ~PullDialog() override;

    /// Put `reference` in the field (e.g. from the command line or a test).
    void setReference(const QString &reference);
    /// Whether a pull is running.
    bool isPulling() const { return !m_operation.isNull(); }
    /// Progress rows shown (one per layer that reported).
    int layerCount() const { return static_cast<int>(m_layers.size()); }
    /// The state shown for layer `row` ("Downloading", "Done", ...).
    QString layerStateText(int row) const;

public Q_SLOTS:
    /// Start pulling what the field names.
    void startPull();
    /// Cancel the running pull.
    void cancelPull();
    /// Apply one Progress record (public for tests).
    void applyProgress(const QVariantMap &progress);

Q_SIGNALS:
    /// A pull finished successfully: `reference` is now in the store.
    void pulled(const QString &reference, const QString &imageId);
    /// A pull failed (translated sentence).
    void failed(const QString &message);

private:
    struct Layer
    {
        QLabel *name = nullptr;
        QProgressBar *bar = nullptr;
        QLabel *state = nullptr;
        qint64 current = 0;
        qint64 total = 0;
    };

    void updateButtons();
    void updateTotal();
    void resetLayers();
    static QString stateText(const QVariantMap &progress);

    Ui::PullDialog *m_ui = nullptr;
    HelperConnection *m_connection = nullptr;
    QPointer<client::OperationClient> m_operation;
    QString m_pullingReference;
    QList<QString> m_order;
    QHash<QString, Layer> m_layers;
    bool m_requesting = false;
};

} // namespace koker::studio
