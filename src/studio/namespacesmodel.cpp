#include "namespacesmodel.h"

#include <QtCore/QJsonObject>
#include <QtGui/QColor>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

NamespacesModel::NamespacesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

NamespacesModel::~NamespacesModel() = default;

void NamespacesModel::setNamespaces(const QJsonArray &namespaces)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &v : namespaces) {
        const QJsonObject o = v.toObject();
        Row r;
        r.type = o.value(u"type"_s).toString();
        if (r.type.isEmpty())
            continue;
        // Inodes are above 2^32 only on exotic file systems, but a double holds 2^53 exactly.
        r.containerInode = qulonglong(o.value(u"containerInode"_s).toDouble());
        r.hostInode = qulonglong(o.value(u"hostInode"_s).toDouble());
        r.hostReference = o.value(u"hostReference"_s).toString();
        r.shared = o.value(u"shared"_s).toBool();
        r.engineExplanation = o.value(u"explanation"_s).toString();
        m_rows << r;
    }
    endResetModel();
}

void NamespacesModel::clear()
{
    setNamespaces({});
}

int NamespacesModel::rowOf(const QString &type) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).type == type)
            return i;
    return -1;
}

QString NamespacesModel::lesson(const QString &type, bool shared)
{
    if (shared) {
        if (type == u"net")
            return tr("Shared with the host (--network host): the same interfaces, addresses "
                      "and ports as the host.");
        if (type == u"user")
            return tr("Shared with the host: root in the container is root on the host, "
                      "held back by capabilities, seccomp and the other namespaces.");
        if (type == u"time")
            return tr("Shared with the host: the container sees the host's boot and "
                      "monotonic clocks.");
        return tr("Shared with the host: this part of the system is not isolated.");
    }
    if (type == u"mnt")
        return tr("Its own mount table: the overlay is its /, and mounts made inside never "
                  "reach the host.");
    if (type == u"uts")
        return tr("Its own hostname: sethostname() inside changes only the container's.");
    if (type == u"ipc")
        return tr("Its own System V IPC and POSIX message queues: no shared memory with "
                  "host processes.");
    if (type == u"pid")
        return tr("Its own process numbers: its first process is PID 1 and it cannot see "
                  "host processes.");
    if (type == u"net")
        return tr("Its own network stack: interfaces, addresses, routes, ports and "
                  "firewall rules.");
    if (type == u"cgroup")
        return tr("Its own view of /proc/self/cgroup: its cgroup looks like the root.");
    if (type == u"user")
        return tr("Its own user and group ids, mapped to other ids on the host.");
    if (type == u"time")
        return tr("Its own boot and monotonic clock offsets.");
    return {}; // a type this studio does not know yet: see explanation()
}

QString NamespacesModel::explanation(const Row &r)
{
    if (QString text = lesson(r.type, r.shared); !text.isEmpty())
        return text;
    if (!r.engineExplanation.isEmpty())
        return r.engineExplanation;
    return tr("A namespace of type %1.").arg(r.type);
}

int NamespacesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NamespacesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NamespacesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case TypeRole:
        return r.type;
    case SharedRole:
        return r.shared;
    case InodeRole:
        return index.column() == HostColumn ? r.hostInode : r.containerInode;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn:
            return r.type;
        case ContainerColumn:
            return QString::number(r.containerInode);
        case HostColumn:
            return QString::number(r.hostInode);
        case SharedColumn:
            return r.shared ? tr("shared") : tr("own");
        case ExplanationColumn:
            return explanation(r);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ContainerColumn:
            return tr("readlink /proc/PID/ns/%1 → %1:[%2]").arg(r.type).arg(r.containerInode);
        case HostColumn:
            return tr("readlink %1 → %2:[%3]").arg(r.hostReference, r.type).arg(r.hostInode);
        case SharedColumn:
            return r.shared ? tr("The same inode: the container is in the host's namespace.")
                            : tr("Different inodes: the container has a namespace of its own.");
        case ExplanationColumn:
            return explanation(r);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == SharedColumn)
            return r.shared ? QColor(0xb0, 0x5a, 0x00) : QColor(0x1b, 0x7a, 0x3d);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ContainerColumn || index.column() == HostColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant NamespacesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn:
        return tr("Namespace");
    case ContainerColumn:
        return tr("Container inode");
    case HostColumn:
        return tr("Host inode");
    case SharedColumn:
        return tr("Shared?");
    case ExplanationColumn:
        return tr("What it isolates");
    default:
        return {};
    }
}

} // namespace koker::studio
