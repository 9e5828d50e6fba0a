#pragma once

// Proof of cleanup as a checklist (docs/learn/step-through.md): every host change
// a removed container made, from RemoveContainer's `proof` (CleanupProof::toJson),
// with ✓ when kokerd's live check found it gone and ✗ when it is still there.
// Changes shared with other containers (the network's bridge) are listed as kept.

#include "engine/cleanupproof.h"

#include <QtCore/QAbstractTableModel>

namespace koker::studio {

class CleanupProofModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CleanupProofModel)

public:
    enum Column
    {
        GoneColumn,
        KindColumn,
        StepColumn,
        SubjectColumn,
        ColumnCount
    };
    enum Role
    {
        PresentRole = Qt::UserRole + 1, // bool: still on the host
        KeptRole,                       // bool: shared, not checked
    };

    explicit CleanupProofModel(QObject *parent = nullptr);
    ~CleanupProofModel() override;

    /// Show kokerd's JSON array (false when it is not one).
    bool setProofJson(const QString &json);
    void setChecks(const QList<CleanupCheck> &checks);
    const QList<CleanupCheck> &checks() const { return m_checks; }

    /// Changes checked (kept ones not counted).
    int checkedCount() const;
    /// Checked changes still on the host.
    int leftCount() const;
    /// Every checked change is gone (and there was at least one).
    bool allGone() const { return checkedCount() > 0 && leftCount() == 0; }
    /// "All 13 host changes are gone." or "2 of 13 host changes are still there."
    QString summary() const;
    /// A kind of change in words ("cgroup directory"), translated.
    static QString kindText(HostChange::Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<CleanupCheck> m_checks;
};

} // namespace koker::studio
