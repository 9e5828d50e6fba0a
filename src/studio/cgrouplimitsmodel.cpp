#include "cgrouplimitsmodel.h"

#include <QtCore/QJsonArray>
#include <QtCore/QLocale>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

std::optional<qint64> number(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    return v.toInteger(qint64(v.toDouble()));
}

std::optional<QString> text(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    return v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 17);
}

} // namespace

CgroupCounters CgroupCounters::fromJson(const QJsonObject &cgroup)
{
    const QJsonObject s = cgroup.value(u"stats"_s).toObject();
    const QJsonObject c = cgroup.value(u"counters"_s).toObject();
    CgroupCounters out;
    out.memoryUsageBytes = number(s, u"memoryUsageBytes"_s);
    out.memoryLimitBytes = number(s, u"memoryLimitBytes"_s);
    out.cpuUsageNs = number(s, u"cpuUsageNs"_s);
    out.pidsCurrent = number(s, u"pidsCurrent"_s);
    out.pidsMax = number(s, u"pidsMax"_s);
    out.oomKills = number(c, u"oomKills"_s);
    out.cpuPeriods = number(c, u"cpuPeriods"_s);
    out.cpuThrottledPeriods = number(c, u"cpuThrottledPeriods"_s);
    out.cpuThrottledNs = number(c, u"cpuThrottledNs"_s);
    out.memoryFailcnt = number(c, u"memoryFailcnt"_s);
    return out;
}

QString formatCgroupValue(const QString &file, const QString &value)
{
    // Byte counts: the memory controller's files (v1 *_in_bytes, v2 memory.max and
    // friends). "max" and -1 are "no limit" and stay as they are.
    const bool bytes =
        file.startsWith(u"memory."_s) &&
        (file.contains(u"bytes"_s) || file == u"memory.max"_s || file == u"memory.high"_s ||
         file == u"memory.low"_s || file == u"memory.min"_s || file == u"memory.current"_s ||
         file == u"memory.swap.max"_s || file == u"memory.swap.current"_s);
    bool ok = false;
    const qint64 n = value.trimmed().toLongLong(&ok);
    if (!bytes || !ok || n < 0)
        return value;
    // v1 writes "no limit" as the largest page-aligned long.
    if (n >= (Q_INT64_C(1) << 62))
        return CgroupLimitsModel::tr("no limit (%1)").arg(value);
    return u"%1 (%2)"_s.arg(QLocale().formattedDataSize(n, 1, QLocale::DataSizeIecFormat), value);
}

CgroupLimitsModel::CgroupLimitsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CgroupLimitsModel::~CgroupLimitsModel() = default;

void CgroupLimitsModel::setCgroup(const QJsonObject &cgroup)
{
    beginResetModel();
    m_mode = cgroup.value(u"mode"_s).toString();
    m_paths.clear();
    for (const QJsonValue &v : cgroup.value(u"paths"_s).toArray()) {
        const QJsonObject o = v.toObject();
        m_paths << Path{o.value(u"hierarchy"_s).toString(), o.value(u"path"_s).toString(),
                        o.value(u"exists"_s).toBool()};
    }
    m_limits.clear();
    for (const QJsonValue &v : cgroup.value(u"limits"_s).toArray()) {
        const QJsonObject o = v.toObject();
        Limit l;
        l.controller = o.value(u"controller"_s).toString();
        l.file = o.value(u"file"_s).toString();
        if (l.file.isEmpty())
            continue;
        l.path = o.value(u"path"_s).toString();
        l.value = text(o, u"value"_s);
        l.configured = text(o, u"configured"_s);
        l.usageFile = o.value(u"usageFile"_s).toString();
        l.usage = text(o, u"usage"_s);
        l.explanation = o.value(u"explanation"_s).toString();
        m_limits << l;
    }
    m_counters = CgroupCounters::fromJson(cgroup);
    m_files = cgroup.value(u"files"_s).toObject();
    endResetModel();
}

void CgroupLimitsModel::clear()
{
    setCgroup({});
}

QString CgroupLimitsModel::modeText(const QString &mode)
{
    if (mode == u"legacy")
        return tr("cgroup v1: one hierarchy per controller");
    if (mode == u"hybrid")
        return tr("hybrid: the controllers are in v1 hierarchies, a v2 hierarchy is mounted "
                  "beside them without controllers");
    if (mode == u"unified")
        return tr("cgroup v2: one unified hierarchy");
    return mode.isEmpty() ? tr("unknown") : mode;
}

int CgroupLimitsModel::rowOf(const QString &file) const
{
    for (int i = 0; i < m_limits.size(); ++i)
        if (m_limits.at(i).file == file)
            return i;
    return -1;
}

int CgroupLimitsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_limits.size());
}

int CgroupLimitsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CgroupLimitsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_limits.size())
        return {};
    const Limit &l = m_limits.at(index.row());
    switch (role) {
    case PathRole:
        return l.path;
    case ControllerRole:
        return l.controller;
    case Qt::DisplayRole:
        switch (index.column()) {
        case FileColumn:
            return l.file;
        case ValueColumn:
            return l.value ? formatCgroupValue(l.file, *l.value) : tr("(no such file)");
        case ConfiguredColumn:
            return l.configured ? formatCgroupValue(l.file, *l.configured) : tr("kernel default");
        case UsageColumn:
            if (!l.usage)
                return QString();
            return tr("%1: %2").arg(l.usageFile, formatCgroupValue(l.usageFile, *l.usage));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tr("%1\n%2").arg(l.path, l.explanation);
    default:
        return {};
    }
}

QVariant CgroupLimitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return tr("Limit file");
    case ValueColumn:
        return tr("Value now");
    case ConfiguredColumn:
        return tr("Written by Koker");
    case UsageColumn:
        return tr("Usage");
    default:
        return {};
    }
}

} // namespace koker::studio
