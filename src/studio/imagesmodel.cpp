#include "imagesmodel.h"

#include <QtCore/QHash>
#include <QtCore/QLocale>
#include <QtCore/QSet>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

ImagesModel::ImagesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ImagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime ImagesModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QString ImagesModel::ageText(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("unknown");
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%n minute(s) ago", nullptr, static_cast<int>(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%n hour(s) ago", nullptr, static_cast<int>(hours));
    const qint64 days = hours / 24;
    if (days < 60)
        return tr("%n day(s) ago", nullptr, static_cast<int>(days));
    const qint64 months = days / 30;
    if (months < 24)
        return tr("%n month(s) ago", nullptr, static_cast<int>(months));
    return tr("%n year(s) ago", nullptr, static_cast<int>(days / 365));
}

std::pair<QString, QString> ImagesModel::splitName(const QString &name)
{
    // A digest reference has no tag: "repo@sha256:..." shows the digest in its place.
    if (const qsizetype at = name.indexOf(u'@'); at >= 0)
        return {name.left(at), name.mid(at + 1)};
    // The tag is after the last ':' that comes after the last '/': a registry's
    // port ("localhost:5000/app") is not a tag.
    const qsizetype slash = name.lastIndexOf(u'/');
    const qsizetype colon = name.lastIndexOf(u':');
    if (colon > slash)
        return {name.left(colon), name.mid(colon + 1)};
    return {name, u"latest"_s};
}

QVariant ImagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RepositoryColumn:
            return r.name.isEmpty() ? tr("<none>") : r.repository;
        case TagColumn:
            return r.name.isEmpty() ? tr("<none>") : r.tag;
        case IdColumn:
            return r.id.section(u':', 1).left(12);
        case CreatedColumn:
            return ageText(r.created, now());
        case SizeColumn:
            return QLocale().formattedDataSize(r.size, 1, QLocale::DataSizeIecFormat);
        case LayersColumn:
            return r.layers;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case IdColumn:
            return r.id;
        case CreatedColumn:
            return QLocale().toString(r.created.toLocalTime(), QLocale::LongFormat);
        case SizeColumn:
            return tr("%1 bytes, unpacked").arg(QLocale().toString(r.size));
        case RepositoryColumn:
        case TagColumn:
            return r.repoDigests.isEmpty() ? QVariant() : QVariant(r.repoDigests.join(u'\n'));
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == LayersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ImageIdRole:
        return r.id;
    case ReferenceRole:
        return r.name.isEmpty() ? r.id : r.name;
    case SortRole:
        switch (index.column()) {
        case CreatedColumn:
            return r.created;
        case SizeColumn:
            return r.size;
        case LayersColumn:
            return r.layers;
        case RepositoryColumn:
            return r.name.isEmpty() ? QString() : r.repository;
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        break;
    }
    return {};
}

QVariant ImagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RepositoryColumn:
        return tr("Repository");
    case TagColumn:
        return tr("Tag");
    case IdColumn:
        return tr("Image ID");
    case CreatedColumn:
        return tr("Created");
    case SizeColumn:
        return tr("Size");
    case LayersColumn:
        return tr("Layers");
    }
    return {};
}

void ImagesModel::setImages(const QVariantMapList &images)
{
    QList<Row> fresh;
    QSet<QString> ids;
    for (const QVariantMap &m : images) {
        Row base;
        base.id = m.value(u"id"_s).toString();
        if (base.id.isEmpty())
            continue; // readers ignore what they cannot use
        ids.insert(base.id);
        base.created = QDateTime::fromString(m.value(u"created"_s).toString(), Qt::ISODateWithMs);
        base.size = m.value(u"size"_s).toLongLong();
        base.layers = m.value(u"layers"_s).toInt();
        base.architecture = m.value(u"architecture"_s).toString();
        base.repoDigests = m.value(u"repoDigests"_s).toStringList();
        QStringList names = m.value(u"names"_s).toStringList();
        if (names.isEmpty())
            names << QString();
        for (const QString &name : std::as_const(names)) {
            Row r = base;
            r.name = name;
            r.key = r.id + u'\n' + name;
            if (!name.isEmpty())
                std::tie(r.repository, r.tag) = splitName(name);
            fresh << r;
        }
    }

    QHash<QString, qsizetype> freshIndex;
    for (qsizetype i = 0; i < fresh.size(); ++i)
        freshIndex.insert(fresh.at(i).key, i);

    // Rows that went away, from the bottom so the indexes stay valid.
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (freshIndex.contains(m_rows.at(i).key))
            continue;
        beginRemoveRows({}, static_cast<int>(i), static_cast<int>(i));
        m_rows.removeAt(i);
        endRemoveRows();
    }
    // Rows that stayed: update in place.
    QSet<QString> kept;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &f = fresh.at(freshIndex.value(m_rows.at(i).key));
        kept.insert(f.key);
        if (m_rows.at(i) == f)
            continue;
        m_rows[i] = f;
        Q_EMIT dataChanged(index(static_cast<int>(i), 0),
                           index(static_cast<int>(i), ColumnCount - 1));
    }
    // New rows at the end (views sort through a proxy).
    QList<Row> added;
    for (const Row &f : std::as_const(fresh)) {
        if (!kept.contains(f.key))
            added << f;
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows << added;
        endInsertRows();
    }
    m_imageCount = static_cast<int>(ids.size());
    m_loaded = true;
    // "Created ... ago" moves with the clock even when nothing else changed.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(rowCount() - 1, CreatedColumn),
                           {Qt::DisplayRole});
}

void ImagesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_loaded = false;
    m_imageCount = 0;
    endResetModel();
}

QStringList ImagesModel::imageNames() const
{
    QStringList names;
    for (const Row &r : m_rows) {
        if (!r.name.isEmpty())
            names << r.name;
    }
    names.removeDuplicates();
    names.sort();
    return names;
}

} // namespace koker::studio
