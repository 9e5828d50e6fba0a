#include "cleanupproofmodel.h"

#include <QtCore/QJsonDocument>
#include <QtGui/QColor>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

QString CleanupProofModel::kindText(HostChange::Kind kind)
{
    switch (kind) {
    case HostChange::Kind::CgroupDir:
        return tr("cgroup directory");
    case HostChange::Kind::NetnsFile:
        return tr("network namespace file");
    case HostChange::Kind::Mount:
        return tr("mount");
    case HostChange::Kind::Veth:
        return tr("veth interface");
    case HostChange::Kind::BridgePort:
        return tr("bridge port");
    case HostChange::Kind::IptablesRules:
        return tr("iptables rules");
    case HostChange::Kind::IpLease:
        return tr("IP address lease");
    case HostChange::Kind::StateDir:
        return tr("state directory");
    case HostChange::Kind::RunDir:
        return tr("run directory");
    case HostChange::Kind::Bridge:
        return tr("bridge");
    }
    return {};
}

CleanupProofModel::CleanupProofModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CleanupProofModel::~CleanupProofModel() = default;

bool CleanupProofModel::setProofJson(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    setChecks(doc.isArray() ? CleanupProof::fromJson(doc.array()) : QList<CleanupCheck>{});
    return doc.isArray();
}

void CleanupProofModel::setChecks(const QList<CleanupCheck> &checks)
{
    beginResetModel();
    m_checks = checks;
    endResetModel();
}

int CleanupProofModel::checkedCount() const
{
    return int(std::count_if(m_checks.begin(), m_checks.end(),
                             [](const CleanupCheck &c) { return !c.change.kept; }));
}

int CleanupProofModel::leftCount() const
{
    return int(std::count_if(m_checks.begin(), m_checks.end(),
                             [](const CleanupCheck &c) { return !c.change.kept && c.present; }));
}

QString CleanupProofModel::summary() const
{
    if (checkedCount() == 0)
        return tr("kokerd reported no host changes to check.");
    if (leftCount() == 0)
        return tr("All %n host change(s) are gone.", nullptr, checkedCount());
    return tr("%1 of %n host change(s) are still there.", nullptr, checkedCount()).arg(leftCount());
}

int CleanupProofModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checks.size());
}

int CleanupProofModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CleanupProofModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_checks.size())
        return {};
    const CleanupCheck &c = m_checks.at(index.row());
    switch (role) {
    case PresentRole:
        return c.present;
    case KeptRole:
        return c.change.kept;
    case Qt::DisplayRole:
        switch (index.column()) {
        case GoneColumn:
            if (c.change.kept)
                return tr("• kept (shared)");
            return c.present ? tr("✗ still there") : tr("✓ gone");
        case KindColumn:
            return kindText(c.change.kind);
        case SubjectColumn:
            return c.change.detail.isEmpty() ? c.change.subject
                                             : tr("%1 (%2)").arg(c.change.subject, c.change.detail);
        case StepColumn:
            return c.change.seq < 0 ? tr("from the container's records")
                                    : tr("step %1: %2").arg(c.change.seq).arg(c.change.title);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == GoneColumn && !c.change.kept)
            return c.present ? QColor(0xb3, 0x26, 0x1e) : QColor(0x1b, 0x7a, 0x3d);
        return {};
    case Qt::ToolTipRole:
        if (c.present && !c.evidence.isEmpty())
            return tr("Still there: %1").arg(c.evidence);
        return c.change.describe();
    default:
        return {};
    }
}

QVariant CleanupProofModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GoneColumn:
        return tr("Now");
    case KindColumn:
        return tr("What");
    case SubjectColumn:
        return tr("Where on the host");
    case StepColumn:
        return tr("Made by");
    default:
        return {};
    }
}

} // namespace koker::studio
