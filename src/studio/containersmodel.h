#pragma once

// The caller's containers as a table: name, image, state, uptime, CPU and memory
// use, ports and id. Rows come from ListContainers (Containers.ListContainers);
// CPU and memory from Stats, one answer per running container. CPU use is a rate,
// so it needs two Stats answers: the model keeps the previous sample per row.
// Refreshes merge into the existing rows, so a selection survives polling.

#include "dbus/dbustypes.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>

namespace koker::studio {

class ContainersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainersModel)

public:
    enum Column
    {
        NameColumn,
        ImageColumn,
        StateColumn,
        UptimeColumn,
        CpuColumn,
        MemoryColumn,
        PortsColumn,
        IdColumn,
        ColumnCount
    };
    enum Role
    {
        ContainerIdRole = Qt::UserRole + 1, // full id
        NameRole,                           // the container's name
        StatusRole,                         // "created", "running" or "exited"
        TtyRole,                            // whether it has a terminal (attach makes sense)
        SortRole,                           // raw value for sorting
    };

    explicit ContainersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Replace the content with ListContainers' answer, keeping rows and their stats.
    void setContainers(const QVariantMapList &containers);
    /// One Stats answer for container `id` (ignored when the row is gone).
    void setStats(const QString &id, const QVariantMap &stats);
    /// Forget everything (the helper went away).
    void clear();
    /// Whether at least one ListContainers answer arrived.
    bool isLoaded() const { return m_loaded; }
    /// Ids of the running containers (the ones worth asking Stats about).
    QStringList runningIds() const;
    /// Row of container `id`, or -1.
    int rowOf(const QString &id) const;
    /// The ListContainers record of a row, as the helper sent it.
    QVariantMap record(int row) const;
    /// The time uptimes are measured to (tests pin it; default: now).
    void setReferenceTime(const QDateTime &now) { m_now = now; }

    /// "5 minutes" style duration text.
    static QString durationText(qint64 seconds);

private:
    struct Row
    {
        QString id;
        QVariantMap record;
        QString status;
        QDateTime startedAt;
        QDateTime finishedAt;
        // From Stats; cpuPercent < 0 until two samples arrived.
        qint64 memoryUsage = -1;
        qint64 memoryLimit = 0;
        qint64 pids = -1;
        qint64 lastCpuNs = -1;
        qint64 lastTimestampNs = -1;
        double cpuPercent = -1;
    };

    QDateTime now() const;
    QString stateText(const Row &r) const;
    QString uptimeText(const Row &r) const;

    QList<Row> m_rows;
    bool m_loaded = false;
    QDateTime m_now;
};

} // namespace koker::studio
