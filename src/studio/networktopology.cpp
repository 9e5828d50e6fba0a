#include "networktopology.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// Spacing in pixels; a box's padding and the gap between boxes and regions.
constexpr qreal kMargin = 10;
constexpr qreal kPadding = 6;
constexpr qreal kGap = 36;
constexpr int kMaxRuleLines = 8;

QString trTopology(const char *text)
{
    return QCoreApplication::translate("koker::studio::NetworkTopology", text);
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}

QSizeF boxSize(const TopologyNode &n, const QFontMetricsF &fm, const QFontMetricsF &title)
{
    qreal w = title.horizontalAdvance(n.title);
    for (const QString &l : n.lines)
        w = std::max(w, fm.horizontalAdvance(l));
    return {w + 2 * kPadding, fm.height() * (1 + n.lines.size()) + 2 * kPadding};
}

} // namespace

const TopologyNode *TopologyLayout::node(const QString &id) const
{
    for (const TopologyNode &n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

int TopologyLayout::count(TopologyNode::Kind kind) const
{
    return int(std::count_if(nodes.begin(), nodes.end(),
                             [kind](const TopologyNode &n) { return n.kind == kind; }));
}

TopologyLayout NetworkTopology::layout(const QJsonObject &network, const QSizeF &size,
                                       const QFontMetricsF &fm, const QFontMetricsF &titleFm)
{
    TopologyLayout out;
    out.mode = network.value(u"mode"_s).toString();
    out.sharedWithHost = network.value(u"sharedWithHost"_s).toBool();
    const QJsonObject host = network.value(u"host"_s).toObject();
    const QJsonObject inside = network.value(u"container"_s).toObject();

    // 1. The boxes and what they say (sizes only; places below).
    QList<TopologyNode> hostBoxes;
    QList<TopologyNode> containerBoxes;
    const QString bridgeName = host.value(u"bridge"_s).toString();
    const QString vethName = host.value(u"veth"_s).toString();
    if (!out.sharedWithHost && !bridgeName.isEmpty()) {
        TopologyNode b;
        b.kind = TopologyNode::Kind::Bridge;
        b.id = u"bridge"_s;
        b.title = trTopology("bridge %1").arg(bridgeName);
        b.lines = strings(host.value(u"bridgeAddresses"_s));
        b.up = host.value(u"bridgeUp"_s).toBool(true);
        hostBoxes << b;
    }
    if (!out.sharedWithHost && !vethName.isEmpty()) {
        TopologyNode v;
        v.kind = TopologyNode::Kind::HostVeth;
        v.id = u"veth"_s;
        v.title = trTopology("veth %1").arg(vethName);
        if (const QString mac = host.value(u"vethMac"_s).toString(); !mac.isEmpty())
            v.lines << mac;
        v.up = host.value(u"vethUp"_s).toBool(true);
        hostBoxes << v;
    }
    QString pairedInterface; // the container end of the veth pair
    for (const QJsonValue &value : inside.value(u"interfaces"_s).toArray()) {
        const QJsonObject i = value.toObject();
        TopologyNode n;
        n.kind = TopologyNode::Kind::ContainerInterface;
        const QString name = i.value(u"name"_s).toString();
        n.id = u"if:"_s + name;
        n.title = name;
        n.lines = strings(i.value(u"addresses"_s));
        if (const QString kind = i.value(u"kind"_s).toString(); !kind.isEmpty())
            n.lines << kind;
        n.up = i.value(u"up"_s).toBool(true);
        if (pairedInterface.isEmpty() && i.value(u"kind"_s).toString() == u"veth"_s)
            pairedInterface = n.id;
        containerBoxes << n;
    }
    if (const QString gw = inside.value(u"gateway"_s).toString(); !gw.isEmpty()) {
        for (TopologyNode &n : containerBoxes)
            if (n.id == pairedInterface)
                n.lines << trTopology("default via %1").arg(gw);
    }

    // 2. The rules, in words first: what a student looks for.
    for (const QString &p : strings(network.value(u"ports"_s)))
        out.rules << trTopology("port %1 published").arg(p);
    for (const QString &r : strings(network.value(u"iptables"_s)))
        out.rules << r;
    for (const QString &r : strings(network.value(u"networkRules"_s)))
        out.rules << r;
    const int ruleLines = int(std::min<qsizetype>(out.rules.size(), kMaxRuleLines));
    const qreal rulesHeight = ruleLines > 0 ? fm.height() * (ruleLines + 1) + kPadding : 0;

    // 3. Places. With --network host the container's interfaces are the host's:
    //    one region. Otherwise the host region on the left, the container's on the
    //    right, the veth pair crossing the border between them.
    const qreal line = fm.height();
    auto columnHeight = [&](const QList<TopologyNode> &boxes) {
        qreal h = 0;
        for (const TopologyNode &n : boxes)
            h += boxSize(n, fm, titleFm).height() + kMargin;
        return h;
    };
    auto columnWidth = [&](const QList<TopologyNode> &boxes) {
        qreal w = 0;
        for (const TopologyNode &n : boxes)
            w = std::max(w, boxSize(n, fm, titleFm).width());
        return w;
    };

    TopologyNode hostRegion;
    hostRegion.kind = TopologyNode::Kind::HostNamespace;
    hostRegion.id = u"host"_s;
    hostRegion.title = out.sharedWithHost
                           ? trTopology("host network namespace, shared with the container")
                           : trTopology("host network namespace");
    TopologyNode containerRegion;
    containerRegion.kind = TopologyNode::Kind::ContainerNamespace;
    containerRegion.id = u"container"_s;
    containerRegion.title = trTopology("container network namespace");

    const qreal titleHeight = line + kPadding;
    // The gap between the regions carries the veth pair's line and its label.
    const QString pairLabel = trTopology("veth pair");
    const qreal regionGap = std::max(kGap, fm.horizontalAdvance(pairLabel) + 2 * kPadding);
    if (out.sharedWithHost) {
        // The container's interfaces are drawn inside the host region, in columns.
        hostBoxes = containerBoxes;
        containerBoxes.clear();
    }
    // Host boxes side by side (bridge, then veth); container boxes stacked.
    qreal hostInnerWidth = 0;
    qreal hostInnerHeight = 0;
    for (const TopologyNode &n : hostBoxes) {
        const QSizeF s = boxSize(n, fm, titleFm);
        hostInnerWidth += s.width() + kGap;
        hostInnerHeight = std::max(hostInnerHeight, s.height());
    }
    hostInnerWidth = std::max(hostInnerWidth - kGap, titleFm.horizontalAdvance(hostRegion.title));
    const qreal containerInnerWidth =
        std::max(columnWidth(containerBoxes),
                 containerBoxes.isEmpty() ? 0.0 : titleFm.horizontalAdvance(containerRegion.title));
    const qreal containerInnerHeight = columnHeight(containerBoxes);
    const qreal regionsHeight =
        titleHeight + std::max(hostInnerHeight, containerInnerHeight) + 2 * kPadding;
    const qreal hostWidth = hostInnerWidth + 2 * kPadding;
    const qreal containerWidth = containerBoxes.isEmpty() ? 0 : containerInnerWidth + 2 * kPadding;
    const qreal rulesWidth = [&] {
        qreal w = 0;
        for (int i = 0; i < ruleLines; ++i)
            w = std::max(w, fm.horizontalAdvance(out.rules.at(i)));
        return std::min(w, 900.0);
    }();
    out.minimumSize = QSizeF(
        std::max(2 * kMargin + hostWidth + (containerWidth > 0 ? regionGap + containerWidth : 0),
                 2 * kMargin + std::min(rulesWidth, hostWidth + regionGap + containerWidth)),
        2 * kMargin + regionsHeight + (rulesHeight > 0 ? kMargin + rulesHeight : 0));
    const QSizeF area(std::max(size.width(), out.minimumSize.width()),
                      std::max(size.height(), out.minimumSize.height()));

    // Spare width goes to the gap between the regions: the pair's line gets longer.
    const qreal spare = area.width() - out.minimumSize.width();
    hostRegion.rect = QRectF(kMargin, kMargin, hostWidth + (containerWidth > 0 ? spare / 2 : spare),
                             regionsHeight);
    const qreal boxTop = kMargin + titleHeight + kPadding;
    qreal x = kMargin + kPadding;
    for (TopologyNode &n : hostBoxes) {
        const QSizeF s = boxSize(n, fm, titleFm);
        n.rect = QRectF(QPointF(x, boxTop), s);
        x += s.width() + kGap;
    }
    // The veth sits at the right edge of the host region, facing the container.
    if (!hostBoxes.isEmpty() && hostBoxes.last().kind == TopologyNode::Kind::HostVeth) {
        TopologyNode &v = hostBoxes.last();
        v.rect.moveRight(hostRegion.rect.right() - kPadding);
    }
    out.nodes << hostRegion;
    if (containerWidth > 0) {
        containerRegion.rect =
            QRectF(hostRegion.rect.right() + regionGap, kMargin,
                   area.width() - kMargin - (hostRegion.rect.right() + regionGap), regionsHeight);
        qreal y = boxTop;
        for (TopologyNode &n : containerBoxes) {
            const QSizeF s = boxSize(n, fm, titleFm);
            n.rect = QRectF(QPointF(containerRegion.rect.left() + kPadding, y), s);
            y += s.height() + kMargin;
        }
        // The paired end first in line with the host's veth, so the pair is level.
        if (const auto it =
                std::find_if(containerBoxes.begin(), containerBoxes.end(),
                             [&](const TopologyNode &n) { return n.id == pairedInterface; });
            it != containerBoxes.end() && it != containerBoxes.begin()) {
            std::rotate(containerBoxes.begin(), it, it + 1);
            qreal y2 = boxTop;
            for (TopologyNode &n : containerBoxes) {
                n.rect.moveTop(y2);
                y2 += n.rect.height() + kMargin;
            }
        }
        out.nodes << containerRegion;
    }
    out.nodes << hostBoxes << containerBoxes;

    // 4. The lines between them.
    if (out.node(u"bridge"_s) && out.node(u"veth"_s))
        out.edges << TopologyEdge{TopologyEdge::Kind::BridgePort, u"bridge"_s, u"veth"_s,
                                  trTopology("port of the bridge")};
    if (out.node(u"veth"_s) && !pairedInterface.isEmpty() && out.node(pairedInterface))
        out.edges << TopologyEdge{TopologyEdge::Kind::VethPair, u"veth"_s, pairedInterface,
                                  pairLabel};

    if (ruleLines > 0)
        out.rulesRect = QRectF(kMargin, kMargin + regionsHeight + kMargin,
                               area.width() - 2 * kMargin, rulesHeight);
    return out;
}

} // namespace koker::studio
