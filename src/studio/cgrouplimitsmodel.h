#pragma once

// The cgroup part of UnderTheHood as a table: every limit file of this host's
// mode (set by Koker or left at the kernel's default), the value read now, what
// Koker wrote at start, and the usage file beside it. The counters (OOM kills,
// CPU throttling, memory failcnt) and the host's mode are kept here too, so the
// panel and the experiments read one parsed form of the document.

#include <QtCore/QAbstractTableModel>
#include <QtCore/QJsonObject>
#include <QtCore/QList>

#include <optional>

namespace koker::studio {

/// The numbers of UnderTheHood's cgroup "stats" and "counters" (absent: nullopt).
struct CgroupCounters
{
    std::optional<qint64> memoryUsageBytes;
    std::optional<qint64> memoryLimitBytes; // -1: no limit
    std::optional<qint64> cpuUsageNs;
    std::optional<qint64> pidsCurrent;
    std::optional<qint64> pidsMax; // -1: no limit
    std::optional<qint64> oomKills;
    std::optional<qint64> cpuPeriods;
    std::optional<qint64> cpuThrottledPeriods;
    std::optional<qint64> cpuThrottledNs;
    std::optional<qint64> memoryFailcnt;

    /// Read the "cgroup" object of an UnderTheHood document.
    static CgroupCounters fromJson(const QJsonObject &cgroup);
};

class CgroupLimitsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CgroupLimitsModel)

public:
    enum Column
    {
        FileColumn,
        ValueColumn,
        ConfiguredColumn,
        UsageColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1, // the file on the host
        ControllerRole,
    };

    struct Limit
    {
        QString controller;
        QString file;
        QString path;
        std::optional<QString> value;      // null: the file is missing
        std::optional<QString> configured; // null: Koker did not set it
        QString usageFile;
        std::optional<QString> usage;
        QString explanation; // English, from kokerd
    };
    /// One hierarchy the container is in ("memory" -> /sys/fs/cgroup/memory/koker/<id>).
    struct Path
    {
        QString hierarchy;
        QString path;
        bool exists = false;
    };

    explicit CgroupLimitsModel(QObject *parent = nullptr);
    ~CgroupLimitsModel() override;

    /// Show UnderTheHood's "cgroup" object.
    void setCgroup(const QJsonObject &cgroup);
    void clear();

    /// "legacy", "hybrid" or "unified", as kokerd said.
    QString mode() const { return m_mode; }
    /// The mode in words: "cgroup v1", "hybrid (v1 controllers, v2 mounted too)", "cgroup v2".
    static QString modeText(const QString &mode);
    QList<Path> paths() const { return m_paths; }
    CgroupCounters counters() const { return m_counters; }
    const Limit &limit(int row) const { return m_limits.at(row); }
    /// The row of a limit file ("memory.limit_in_bytes", "pids.max"), or -1.
    int rowOf(const QString &file) const;
    /// Raw texts kokerd read (memory.oom_control, cpu.stat...).
    QJsonObject files() const { return m_files; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_mode;
    QList<Path> m_paths;
    QList<Limit> m_limits;
    CgroupCounters m_counters;
    QJsonObject m_files;
};

/// "64.0 MiB (67108864)" for byte counts in memory files, the text itself otherwise.
QString formatCgroupValue(const QString &file, const QString &value);

} // namespace koker::studio

Q_DECLARE_METATYPE(koker::studio::CgroupCounters)
