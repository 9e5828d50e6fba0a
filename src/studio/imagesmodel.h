#pragma once

// The local images as a table, one row per name (an image with two tags has two
// rows, a nameless one a single "<none>" row), as `koker images` prints them. The
// rows come from ListImages (Images.ListImages, a list of a{sv}); refreshes merge
// into the existing rows so the selection and scroll position survive polling.

#include "dbus/dbustypes.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>

namespace koker::studio {

class ImagesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagesModel)

public:
    enum Column
    {
        RepositoryColumn,
        TagColumn,
        IdColumn,
        CreatedColumn,
        SizeColumn,
        LayersColumn,
        ColumnCount
    };
    enum Role
    {
        ImageIdRole = Qt::UserRole + 1, // full id (sha256:...)
        ReferenceRole,                  // "repo:tag", or the id for a nameless image
        SortRole,                       // raw value for sorting (dates, byte counts)
    };

    explicit ImagesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Replace the content with ListImages' answer, keeping rows that did not change.
    void setImages(const QVariantMapList &images);
    /// Forget everything (the helper went away); isLoaded() turns false.
    void clear();
    /// Whether at least one ListImages answer arrived.
    bool isLoaded() const { return m_loaded; }
    /// Number of distinct images (not rows).
    int imageCount() const { return m_imageCount; }
    /// Every name of every image ("alpine:latest"), for the run dialog.
    QStringList imageNames() const;
    /// The time "created ... ago" is measured from (tests pin it; default: now).
    void setReferenceTime(const QDateTime &now) { m_now = now; }

    /// "3 days ago" style text for `when` seen from `now`.
    static QString ageText(const QDateTime &when, const QDateTime &now);
    /// "alpine:3.19" -> {"alpine", "3.19"}; "reg:5000/a/b" -> {"reg:5000/a/b", "latest"}.
    static std::pair<QString, QString> splitName(const QString &name);

private:
    struct Row
    {
        QString key; // id + name: stable across refreshes
        QString id;
        QString name; // empty for a nameless image
        QString repository;
        QString tag;
        QDateTime created;
        qint64 size = 0;
        int layers = 0;
        QString architecture;
        QStringList repoDigests;
        bool operator==(const Row &) const = default;
    };

    QDateTime now() const;

    QList<Row> m_rows;
    bool m_loaded = false;
    int m_imageCount = 0;
    QDateTime m_now;
};

} // namespace koker::studio
