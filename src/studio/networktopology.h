#pragma once

// The network of one container as boxes and lines, from UnderTheHood's "network":
//
//   +-- host (network namespace of the host) ----+   +-- container ----------+
//   |  [bridge kk-...  172.17.0.1/16] ---- [veth kk<id>] ==== [eth0 172.17.0.2/16] |
//   +--------------------------------------------+   +-----------------------+
//   NAT and port rules, one per line
//
// layout() is a pure function of the document, the size and a font's metrics, so
// the GUI tests check the drawing's parts (nodes, edges, no overlaps) without
// looking at pixels; NetworkTopologyView only paints what it returns.

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QRectF>
#include <QtCore/QStringList>
#include <QtGui/QFontMetricsF>

namespace koker::studio {

struct TopologyNode
{
    enum class Kind
    {
        HostNamespace,      // a region: the host's network namespace
        ContainerNamespace, // a region: the container's own (absent with --network host)
        Bridge,             // the network's bridge on the host
        HostVeth,           // the host end of the veth pair
        ContainerInterface, // an interface inside the container (eth0, lo)
    };
    Kind kind = Kind::Bridge;
    QString id;    // "host", "container", "bridge", "veth", "if:eth0"
    QString title; // the interface name, or the region's name
    QStringList lines;
    QRectF rect;
    bool up = true;
};

struct TopologyEdge
{
    enum class Kind
    {
        BridgePort, // the veth is plugged into the bridge (its master)
        VethPair,   // the two ends of one veth pair, across the namespace border
    };
    Kind kind = Kind::VethPair;
    QString from; // node ids
    QString to;
    QString label;
};

struct TopologyLayout
{
    QString mode; // bridge, host, none, or a network's name
    bool sharedWithHost = false;
    QList<TopologyNode> nodes; // regions first, then boxes (paint order)
    QList<TopologyEdge> edges;
    QStringList rules; // ports and NAT/filter rules, in words and as iptables shows them
    QRectF rulesRect;  // where the rules are written
    QSizeF minimumSize;

    /// The node with `id`, or null.
    const TopologyNode *node(const QString &id) const;
    /// How many nodes of a kind there are.
    int count(TopologyNode::Kind kind) const;
};

class NetworkTopology
{
public:
    /// Boxes for `network` (UnderTheHood's "network") inside `size`, text measured
    /// with `metrics` and the boxes' titles with `titleMetrics` (the view draws them
    /// bold). When `size` is too small the layout uses minimumSize.
    static TopologyLayout layout(const QJsonObject &network, const QSizeF &size,
                                 const QFontMetricsF &metrics, const QFontMetricsF &titleMetrics);
    /// The same with one font for everything.
    static TopologyLayout layout(const QJsonObject &network, const QSizeF &size,
                                 const QFontMetricsF &metrics)
    {
        return layout(network, size, metrics, metrics);
    }
};

} // namespace koker::studio
