#pragma once

// The container's own mount table (its /proc/PID/mountinfo) as a tree, from
// UnderTheHood's "mounts": each mount under the one it was mounted on, the root
// first. When / is an overlay, the root gets three more children that are not
// mounts: the lower layers (each with the image layer, by diff id, it comes
// from), the upper layer (the container's own writable one) and the work dir.

#include <QtCore/QJsonObject>
#include <QtGui/QStandardItemModel>

namespace koker::studio {

class MountTreeModel final : public QStandardItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MountTreeModel)

public:
    enum Column
    {
        MountPointColumn,
        TypeColumn,
        SourceColumn,
        OptionsColumn,
        ColumnCount
    };
    /// What a row is (column 0's KindRole).
    enum class Kind
    {
        Mount,
        OverlayLayers, // the group of the overlay's directories
        LowerLayer,
        UpperLayer,
        WorkDir,
    };
    Q_ENUM(Kind)
    enum Role
    {
        KindRole = Qt::UserRole + 1, // Kind as int
        MountIdRole,                 // mountinfo's id (Mount rows)
        DiffIdRole,                  // "sha256:..." (LowerLayer rows)
    };

    explicit MountTreeModel(QObject *parent = nullptr);
    ~MountTreeModel() override;

    /// Show UnderTheHood's "mounts" object (empty: clear).
    void setMounts(const QJsonObject &mounts);

    /// How many mounts the tree holds (overlay rows not counted).
    int mountCount() const { return m_mounts; }
    /// The number of mounts kokerd counted in the mountinfo ("count").
    int reportedCount() const { return m_reported; }
    /// The root mount's row (column 0), invalid when empty.
    QModelIndex rootMount() const;
    /// The overlay group's row, invalid when / is not an overlay.
    QModelIndex overlayLayers() const;

private:
    QStandardItem *addMount(QStandardItem *parent, const QJsonObject &node);
    void addOverlay(QStandardItem *root, const QJsonObject &overlay);
    void setHeaders();

    int m_mounts = 0;
    int m_reported = 0;
};

} // namespace koker::studio
