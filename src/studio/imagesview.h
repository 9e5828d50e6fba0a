#pragma once

// The Images page: the local images (filterable, sortable), and what can be done
// with them: pull, run, inspect, remove, load from and save to a file. When the
// store is known to be empty it shows a welcome page whose first button makes the
// starter image from the host's busybox (ImportStarterImage): a classroom without
// internet still gets going.

#include <QtWidgets/QWidget>

class QSortFilterProxyModel;
namespace Ui {
class ImagesView;
}

namespace koker::studio {

class HelperConnection;
class ImagesModel;

class ImagesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagesView)

public:
    /// The page, talking to kokerd through `connection`.
    explicit ImagesView(HelperConnection *connection, QWidget *parent = nullptr);
    ~ImagesView() override;

    /// The model behind the table.
    ImagesModel *model() const { return m_model; }
    /// The reference ("alpine:latest", or the id) of the selected row; empty if none.
    QString selectedReference() const;
    /// Select the row of `reference` (e.g. after a pull); false when it is not listed.
    bool selectReference(const QString &reference);
    /// Select `reference` once a refresh lists it (after a pull or an import).
    void selectWhenListed(const QString &reference);
    /// Whether a ListImages call is on its way.
    bool isRefreshing() const { return m_refreshing; }

public Q_SLOTS:
    /// Ask kokerd for the images again, unless a request is already pending.
    void refresh();
    /// Start a container from the selected image (runRequested()).
    void runSelected();
    /// Open the inspector for the selected image.
    void inspectSelected();
    /// Remove the selected name, after a confirmation.
    void removeSelected();
    /// Pick a docker-archive or OCI archive and load it (LoadImage with the opened file).
    void loadFromFile();
    /// Pick a file and save the selected image into it as a docker-archive.
    void saveSelectedToFile();
    /// Build starter:latest from the host's busybox (ImportStarterImage).
    void createStarterImage();

Q_SIGNALS:
    /// The user wants to pull an image (the main window owns the pull dialog).
    void pullRequested();
    /// The user wants to run `image`.
    void runRequested(const QString &image);
    /// Something failed: a translated sentence for the message bar.
    void errorOccurred(const QString &message);
    /// Something finished: a translated sentence for the message bar.
    void finished(const QString &message);
    /// The list of images changed (names for the run dialog).
    void imagesChanged();

private:
    void updateActions();
    void updatePage();
    void loadFile(const QString &path);
    void saveFile(const QString &path, const QString &reference);

    Ui::ImagesView *m_ui = nullptr;
    HelperConnection *m_connection = nullptr;
    ImagesModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QString m_selectWhenListed;
    int m_selectTries = 0;
    bool m_refreshing = false;
    bool m_starterRunning = false;
};

} // namespace koker::studio
