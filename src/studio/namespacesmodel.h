#pragma once

// The container's namespaces as a table, from UnderTheHood's "namespaces": for
// each type the container's inode (readlink /proc/PID/ns/TYPE), the host's, and
// whether they are the same namespace. The same inode means the container shares
// that view of the system with the host (a user namespace is shared unless Koker
// made one; --network host shares net). One line per type says what it isolates.

#include <QtCore/QAbstractTableModel>
#include <QtCore/QJsonArray>
#include <QtCore/QList>

namespace koker::studio {

class NamespacesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NamespacesModel)

public:
    enum Column
    {
        TypeColumn,
        ContainerColumn,
        HostColumn,
        SharedColumn,
        ExplanationColumn,
        ColumnCount
    };
    /// Raw values for tests and sorting.
    enum Role
    {
        TypeRole = Qt::UserRole + 1, // "mnt", "net", ...
        SharedRole,                  // bool
        InodeRole,                   // qulonglong of the column's namespace
    };

    /// One namespace of the container.
    struct Row
    {
        QString type;
        qulonglong containerInode = 0;
        qulonglong hostInode = 0;
        QString hostReference; // /proc/1/ns/net
        bool shared = false;
        QString engineExplanation; // English, from kokerd (used when we have no lesson)
    };

    explicit NamespacesModel(QObject *parent = nullptr);
    ~NamespacesModel() override;

    /// Show UnderTheHood's "namespaces" array; rows without a type are skipped.
    void setNamespaces(const QJsonArray &namespaces);
    void clear();
    const Row &row(int index) const { return m_rows.at(index); }
    /// The row of a type, or -1.
    int rowOf(const QString &type) const;

    /// What a namespace type isolates, in one translated line for students; "" for a
    /// type this studio does not know.
    static QString lesson(const QString &type, bool shared);
    /// The lesson, else kokerd's own (English) line, else the bare type.
    static QString explanation(const Row &r);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};

} // namespace koker::studio
