#include "mounttreemodel.h"

#include <QtCore/QJsonArray>
#include <QtGui/QIcon>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// How deep a tree we follow: a real mount table is a handful of levels; the cap
// only protects the view from a malformed document.
constexpr int kMaxDepth = 64;

QList<QStandardItem *> rowOf(const QString &point, const QString &type, const QString &source,
                             const QString &options)
{
    QList<QStandardItem *> row;
    for (const QString &text : {point, type, source, options}) {
        auto *item = new QStandardItem(text);
        item->setEditable(false);
        item->setToolTip(text);
        row << item;
    }
    return row;
}

} // namespace

MountTreeModel::MountTreeModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setHeaders();
}

MountTreeModel::~MountTreeModel() = default;

void MountTreeModel::setHeaders()
{
    setHorizontalHeaderLabels({tr("Mount point"), tr("Type"), tr("Source"), tr("Options")});
}

QStandardItem *MountTreeModel::addMount(QStandardItem *parent, const QJsonObject &node)
{
    // Depth by walking up: parents are few.
    int depth = 0;
    for (QStandardItem *p = parent; p; p = p->parent())
        ++depth;
    QString source = node.value(u"source"_s).toString();
    const QString root = node.value(u"root"_s).toString();
    // A bind mount shows which part of its file system it is (mountinfo's root).
    if (!root.isEmpty() && root != u"/"_s)
        source = tr("%1 (path %2)").arg(source, root);
    QList<QStandardItem *> row =
        rowOf(node.value(u"mountPoint"_s).toString(), node.value(u"fsType"_s).toString(), source,
              node.value(u"options"_s).toString());
    row.first()->setData(int(Kind::Mount), KindRole);
    row.first()->setData(node.value(u"id"_s).toInt(), MountIdRole);
    row.at(OptionsColumn)
        ->setToolTip(tr("Mount options: %1\nFile system options: %2")
                         .arg(node.value(u"options"_s).toString(),
                              node.value(u"superOptions"_s).toString()));
    (parent ? parent : invisibleRootItem())->appendRow(row);
    ++m_mounts;
    if (depth < kMaxDepth) {
        for (const QJsonValue &child : node.value(u"children"_s).toArray())
            addMount(row.first(), child.toObject());
    }
    return row.first();
}

void MountTreeModel::addOverlay(QStandardItem *root, const QJsonObject &overlay)
{
    QList<QStandardItem *> group = rowOf(tr("overlay layers of /"), u"overlay"_s, {},
                                         tr("the image's layers, read-only, under a "
                                            "writable layer of the container's own"));
    group.first()->setData(int(Kind::OverlayLayers), KindRole);
    for (QStandardItem *item : group)
        item->setBackground(QColor(0xee, 0xf4, 0xfb));
    root->insertRow(0, group);
    QStandardItem *parent = group.first();

    const QJsonArray lower = overlay.value(u"lowerdir"_s).toArray();
    for (const QJsonValue &v : lower) {
        const QJsonObject l = v.toObject();
        const int index = l.value(u"index"_s).toInt();
        const QString diffId = l.value(u"diffId"_s).toString();
        const bool inImage = l.value(u"inImage"_s).toBool();
        // Overlay lists the top layer first; the image lists the base layer first.
        const QString what =
            inImage ? tr("image layer %1 of %2").arg(lower.size() - index).arg(lower.size())
                    : tr("a layer the image does not list");
        QList<QStandardItem *> row = rowOf(tr("lowerdir %1 (read-only)").arg(index), what,
                                           l.value(u"path"_s).toString(), diffId);
        row.first()->setData(int(Kind::LowerLayer), KindRole);
        row.first()->setData(diffId, DiffIdRole);
        parent->appendRow(row);
    }
    QList<QStandardItem *> upper =
        rowOf(tr("upperdir (writable)"),
              overlay.value(u"upperIsContainers"_s).toBool() ? tr("the container's own layer")
                                                             : tr("a writable layer"),
              overlay.value(u"upperdir"_s).toString(),
              tr("every file the container writes or deletes lands here"));
    upper.first()->setData(int(Kind::UpperLayer), KindRole);
    parent->appendRow(upper);
    QList<QStandardItem *> work =
        rowOf(tr("workdir"), tr("overlayfs scratch space"), overlay.value(u"workdir"_s).toString(),
              tr("used by the kernel to copy files up atomically"));
    work.first()->setData(int(Kind::WorkDir), KindRole);
    parent->appendRow(work);
}

void MountTreeModel::setMounts(const QJsonObject &mounts)
{
    clear();
    setHeaders();
    m_mounts = 0;
    m_reported = mounts.value(u"count"_s).toInt();
    const QJsonObject tree = mounts.value(u"tree"_s).toObject();
    if (tree.isEmpty())
        return;
    QStandardItem *root = addMount(nullptr, tree);
    const QJsonObject overlay = mounts.value(u"overlay"_s).toObject();
    if (!overlay.isEmpty())
        addOverlay(root, overlay);
}

QModelIndex MountTreeModel::rootMount() const
{
    return rowCount() > 0 ? index(0, 0) : QModelIndex();
}

QModelIndex MountTreeModel::overlayLayers() const
{
    const QModelIndex root = rootMount();
    if (!root.isValid() || rowCount(root) == 0)
        return {};
    const QModelIndex first = index(0, 0, root);
    return first.data(KindRole).toInt() == int(Kind::OverlayLayers) ? first : QModelIndex();
}

} // namespace koker::studio
