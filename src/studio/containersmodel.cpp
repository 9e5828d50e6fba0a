#include "containersmodel.h"

#include <QtCore/QHash>
#include <QtCore/QLocale>
#include <QtGui/QIcon>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

QDateTime parseTime(const QVariant &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    // The store writes the zero time for "never" (0001-01-01...): treat it as unknown.
    return t.isValid() && t.date().year() > 1970 ? t : QDateTime();
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace

ContainersModel::ContainersModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ContainersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ContainersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime ContainersModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QString ContainersModel::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%n second(s)", nullptr, static_cast<int>(std::max<qint64>(seconds, 0)));
    if (seconds < 3600)
        return tr("%n minute(s)", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 48 * 3600)
        return tr("%n hour(s)", nullptr, static_cast<int>(seconds / 3600));
    return tr("%n day(s)", nullptr, static_cast<int>(seconds / 86400));
}

QString ContainersModel::stateText(const Row &r) const
{
    if (r.status == u"running"_s)
        return tr("Running");
    if (r.status == u"created"_s)
        return tr("Created");
    if (r.status == u"exited"_s) {
        if (r.record.value(u"oomKilled"_s).toBool())
            return tr("Killed (out of memory)");
        return tr("Exited (%1)").arg(r.record.value(u"exitCode"_s).toInt());
    }
    return r.status;
}

QString ContainersModel::uptimeText(const Row &r) const
{
    if (r.status == u"running"_s && r.startedAt.isValid())
        return tr("Up %1").arg(durationText(r.startedAt.secsTo(now())));
    if (r.status == u"exited"_s && r.finishedAt.isValid())
        return tr("Stopped %1 ago").arg(durationText(r.finishedAt.secsTo(now())));
    return tr("Not started");
}

QVariant ContainersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const bool running = r.status == u"running"_s;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return r.record.value(u"name"_s);
        case ImageColumn:
            return r.record.value(u"image"_s);
        case StateColumn:
            return stateText(r);
        case UptimeColumn:
            return uptimeText(r);
        case CpuColumn:
            if (!running || r.cpuPercent < 0)
                return u"–"_s;
            return tr("%1 %").arg(QLocale().toString(r.cpuPercent, 'f', 1));
        case MemoryColumn:
            if (!running || r.memoryUsage < 0)
                return u"–"_s;
            if (r.memoryLimit > 0)
                return tr("%1 of %2").arg(sizeText(r.memoryUsage), sizeText(r.memoryLimit));
            return sizeText(r.memoryUsage);
        case PortsColumn:
            return r.record.value(u"ports"_s).toStringList().join(u", "_s);
        case IdColumn:
            return r.id.left(12);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn) {
            if (running)
                return QIcon(u":/icons/state-running.svg"_s);
            if (r.status == u"exited"_s)
                return QIcon(u":/icons/state-exited.svg"_s);
            return QIcon(u":/icons/state-created.svg"_s);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return r.record.value(u"command"_s);
        case IdColumn:
            return r.id;
        case UptimeColumn:
            if (r.startedAt.isValid())
                return tr("Started %1")
                    .arg(QLocale().toString(r.startedAt.toLocalTime(), QLocale::LongFormat));
            break;
        case CpuColumn: {
            const qint64 nano = r.record.value(u"nanoCpus"_s).toLongLong();
            return nano > 0 ? tr("Limited to %1 CPUs; 100 % is one full CPU")
                                  .arg(QLocale().toString(double(nano) / 1e9, 'g', 3))
                            : tr("No CPU limit; 100 % is one full CPU");
        }
        case MemoryColumn:
            return r.memoryLimit > 0 ? tr("Memory in use, of the container's limit")
                                     : tr("Memory in use (no limit set)");
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == CpuColumn || index.column() == MemoryColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ContainerIdRole:
        return r.id;
    case NameRole:
        return r.record.value(u"name"_s);
    case StatusRole:
        return r.status;
    case TtyRole:
        return r.record.value(u"tty"_s).toBool();
    case SortRole:
        switch (index.column()) {
        case UptimeColumn:
            return running ? r.startedAt : QDateTime();
        case CpuColumn:
            return running ? r.cpuPercent : -1.0;
        case MemoryColumn:
            return running ? r.memoryUsage : -1;
        case StateColumn:
            return r.status;
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        break;
    }
    return {};
}

QVariant ContainersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ImageColumn:
        return tr("Image");
    case StateColumn:
        return tr("State");
    case UptimeColumn:
        return tr("Uptime");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case PortsColumn:
        return tr("Ports");
    case IdColumn:
        return tr("Container ID");
    }
    return {};
}

void ContainersModel::setContainers(const QVariantMapList &containers)
{
    QList<Row> fresh;
    QHash<QString, qsizetype> freshIndex;
    for (const QVariantMap &m : containers) {
        Row r;
        r.id = m.value(u"id"_s).toString();
        if (r.id.isEmpty() || freshIndex.contains(r.id))
            continue;
        r.record = m;
        r.status = m.value(u"status"_s).toString();
        r.startedAt = parseTime(m.value(u"startedAt"_s));
        r.finishedAt = parseTime(m.value(u"finishedAt"_s));
        freshIndex.insert(r.id, fresh.size());
        fresh << r;
    }

    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (freshIndex.contains(m_rows.at(i).id))
            continue;
        beginRemoveRows({}, static_cast<int>(i), static_cast<int>(i));
        m_rows.removeAt(i);
        endRemoveRows();
    }
    QSet<QString> kept;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &old = m_rows[i];
        const Row &f = fresh.at(freshIndex.value(old.id));
        kept.insert(f.id);
        // A container that stopped, or restarted, starts its CPU rate afresh.
        const bool restarted = old.status != f.status || old.startedAt != f.startedAt;
        old.record = f.record;
        old.status = f.status;
        old.startedAt = f.startedAt;
        old.finishedAt = f.finishedAt;
        if (restarted) {
            old.cpuPercent = -1;
            old.lastCpuNs = old.lastTimestampNs = -1;
            old.memoryUsage = old.pids = -1;
        }
        // Uptimes move with the clock: every row changes on every refresh.
        Q_EMIT dataChanged(index(static_cast<int>(i), 0),
                           index(static_cast<int>(i), ColumnCount - 1));
    }
    QList<Row> added;
    for (const Row &f : std::as_const(fresh)) {
        if (!kept.contains(f.id))
            added << f;
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows << added;
        endInsertRows();
    }
    m_loaded = true;
}

void ContainersModel::setStats(const QString &id, const QVariantMap &stats)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    r.memoryUsage = stats.value(u"memoryUsage"_s, -1).toLongLong();
    r.memoryLimit = stats.value(u"memoryLimit"_s).toLongLong();
    r.pids = stats.value(u"pids"_s, -1).toLongLong();
    const qint64 cpu = stats.value(u"cpuUsageNs"_s, -1).toLongLong();
    const qint64 ts = stats.value(u"timestamp"_s, -1).toLongLong();
    // Docker's rule: CPU time used between two samples over the wall time between
    // them, so 100 % is one CPU busy all the time and 250 % is two and a half.
    if (r.lastCpuNs >= 0 && r.lastTimestampNs > 0 && cpu >= r.lastCpuNs && ts > r.lastTimestampNs)
        r.cpuPercent = 100.0 * double(cpu - r.lastCpuNs) / double(ts - r.lastTimestampNs);
    r.lastCpuNs = cpu;
    r.lastTimestampNs = ts;
    Q_EMIT dataChanged(index(row, CpuColumn), index(row, MemoryColumn));
}

void ContainersModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_loaded = false;
    endResetModel();
}

QStringList ContainersModel::runningIds() const
{
    QStringList ids;
    for (const Row &r : m_rows) {
        if (r.status == u"running"_s)
            ids << r.id;
    }
    return ids;
}

int ContainersModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QVariantMap ContainersModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).record : QVariantMap();
}

} // namespace koker::studio
