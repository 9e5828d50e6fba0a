// The "Under the hood" models, the network topology's layout and the panel, fed
// UnderTheHood documents that `koker inspect --hood` printed as root for real
// containers of the starter image on a hybrid-cgroup host (data/):
//   underthehood-bridge.json  -m 64m --cpus 0.5 --pids-limit 50 -p 127.0.0.1:18080:80
//   underthehood-host.json    --network host
// Every expectation is computed from the document itself, so a new capture (say
// on a cgroup v2 host) passes as long as the models read it right.

#include "studio/cgrouplimitsmodel.h"
#include "studio/mounttreemodel.h"
#include "studio/namespacesmodel.h"
#include "studio/networktopology.h"
#include "studio/networktopologyview.h"
#include "studio/underthehoodpanel.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

using namespace koker;
using namespace koker::studio;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile f(QFINDTESTDATA(u"data/"_s + name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Mounts in a mountinfo tree node, the node included.
int countMounts(const QJsonObject &node)
{
    int n = 1;
    for (const QJsonValue &c : node.value(u"children"_s).toArray())
        n += countMounts(c.toObject());
    return n;
}

int countKind(const QAbstractItemModel *model, MountTreeModel::Kind kind,
              const QModelIndex &parent = {})
{
    int n = 0;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex i = model->index(row, 0, parent);
        n += i.data(MountTreeModel::KindRole).toInt() == int(kind);
        n += countKind(model, kind, i);
    }
    return n;
}

} // namespace

class TestUnderTheHood final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void namespaces_data();
    void namespaces();
    void unknownNamespaceUsesTheEnginesLine();
    void cgroupLimits();
    void cgroupValueFormat_data();
    void cgroupValueFormat();
    void mountTree();
    void topologyBridge();
    void topologyHost();
    void topologyFitsAnySize_data();
    void topologyFitsAnySize();
    void panelShowsDocumentAndMessages();

private:
    QJsonObject m_bridge;
    QJsonObject m_host;
};

void TestUnderTheHood::initTestCase()
{
    m_bridge = fixture(u"underthehood-bridge.json"_s);
    m_host = fixture(u"underthehood-host.json"_s);
    QCOMPARE(m_bridge.value(u"schema"_s).toInt(), 1);
    QCOMPARE(m_host.value(u"schema"_s).toInt(), 1);
}

void TestUnderTheHood::namespaces_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("bridge") << u"underthehood-bridge.json"_s;
    QTest::newRow("host network") << u"underthehood-host.json"_s;
}

void TestUnderTheHood::namespaces()
{
    QFETCH(QString, file);
    const QJsonArray ns = fixture(file).value(u"namespaces"_s).toArray();
    QVERIFY(!ns.isEmpty());
    NamespacesModel model;
    QAbstractItemModelTester tester(&model);
    model.setNamespaces(ns);
    QCOMPARE(model.rowCount(), ns.size());
    for (int row = 0; row < ns.size(); ++row) {
        const QJsonObject o = ns.at(row).toObject();
        const QString type = o.value(u"type"_s).toString();
        QCOMPARE(model.index(row, NamespacesModel::TypeColumn).data().toString(), type);
        QCOMPARE(model.index(row, NamespacesModel::ContainerColumn).data().toString(),
                 QString::number(qulonglong(o.value(u"containerInode"_s).toDouble())));
        QCOMPARE(model.index(row, NamespacesModel::HostColumn).data().toString(),
                 QString::number(qulonglong(o.value(u"hostInode"_s).toDouble())));
        const bool shared = o.value(u"shared"_s).toBool();
        // The document's own claim agrees with its inodes.
        QCOMPARE(shared,
                 o.value(u"containerInode"_s).toDouble() == o.value(u"hostInode"_s).toDouble());
        QCOMPARE(model.index(row, 0).data(NamespacesModel::SharedRole).toBool(), shared);
        QCOMPARE(model.index(row, NamespacesModel::SharedColumn).data().toString(),
                 shared ? NamespacesModel::tr("shared") : NamespacesModel::tr("own"));
        QCOMPARE(model.index(row, NamespacesModel::ExplanationColumn).data().toString(),
                 NamespacesModel::lesson(type, shared));
    }
    // A container always has its own mount and pid namespaces.
    QVERIFY(model.rowOf(u"mnt"_s) >= 0);
    QVERIFY(!model.row(model.rowOf(u"mnt"_s)).shared);
    QVERIFY(!model.row(model.rowOf(u"pid"_s)).shared);
    // --network host shares net; the bridge run does not.
    const bool hostMode = file.contains(u"host"_s);
    QCOMPARE(model.row(model.rowOf(u"net"_s)).shared, hostMode);
}

// A namespace type newer than the studio: kokerd's line is shown, not a blank one.
void TestUnderTheHood::unknownNamespaceUsesTheEnginesLine()
{
    NamespacesModel model;
    model.setNamespaces(QJsonArray{QJsonObject{{u"type"_s, u"future"_s},
                                               {u"containerInode"_s, 4026532001.0},
                                               {u"hostInode"_s, 4026531835.0},
                                               {u"shared"_s, false},
                                               {u"explanation"_s, u"A namespace of its own."_s}},
                                   QJsonObject{{u"type"_s, u"mnt"_s},
                                               {u"containerInode"_s, 4026532002.0},
                                               {u"hostInode"_s, 4026531841.0},
                                               {u"shared"_s, false},
                                               {u"explanation"_s, u"engine text"_s}}});
    QVERIFY(NamespacesModel::lesson(u"future"_s, false).isEmpty());
    QCOMPARE(model.index(0, NamespacesModel::ExplanationColumn).data().toString(),
             u"A namespace of its own."_s);
    // A known type keeps the studio's translated lesson.
    QCOMPARE(model.index(1, NamespacesModel::ExplanationColumn).data().toString(),
             NamespacesModel::lesson(u"mnt"_s, false));
}

void TestUnderTheHood::cgroupLimits()
{
    const QJsonObject cgroup = m_bridge.value(u"cgroup"_s).toObject();
    const QJsonArray limits = cgroup.value(u"limits"_s).toArray();
    CgroupLimitsModel model;
    QAbstractItemModelTester tester(&model);
    model.setCgroup(cgroup);
    QCOMPARE(model.rowCount(), limits.size());
    QCOMPARE(model.mode(), cgroup.value(u"mode"_s).toString());
    QCOMPARE(model.paths().size(), cgroup.value(u"paths"_s).toArray().size());
    for (int row = 0; row < limits.size(); ++row) {
        const QJsonObject l = limits.at(row).toObject();
        QCOMPARE(model.index(row, CgroupLimitsModel::FileColumn).data().toString(),
                 l.value(u"file"_s).toString());
        QCOMPARE(model.index(row, 0).data(CgroupLimitsModel::PathRole).toString(),
                 l.value(u"path"_s).toString());
        if (l.value(u"configured"_s).isNull())
            QCOMPARE(model.index(row, CgroupLimitsModel::ConfiguredColumn).data().toString(),
                     CgroupLimitsModel::tr("kernel default"));
        else
            QVERIFY(model.index(row, CgroupLimitsModel::ConfiguredColumn)
                        .data()
                        .toString()
                        .contains(l.value(u"configured"_s).toString()));
        if (!l.value(u"usage"_s).isNull())
            QVERIFY(model.index(row, CgroupLimitsModel::UsageColumn)
                        .data()
                        .toString()
                        .startsWith(l.value(u"usageFile"_s).toString()));
    }
    // The limits the capture set (64m, 0.5 CPU, 50 pids) are among them, as written.
    const CgroupCounters c = model.counters();
    const QJsonObject stats = cgroup.value(u"stats"_s).toObject();
    QCOMPARE(c.memoryLimitBytes.value_or(0), stats.value(u"memoryLimitBytes"_s).toInteger());
    QCOMPARE(c.pidsMax.value_or(0), stats.value(u"pidsMax"_s).toInteger());
    QCOMPARE(c.oomKills.has_value(),
             cgroup.value(u"counters"_s).toObject().value(u"oomKills"_s).isDouble());
    bool memoryConfigured = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto &l = model.limit(row);
        if (l.controller == u"memory"_s && l.configured &&
            l.configured->toLongLong() == c.memoryLimitBytes.value_or(-1))
            memoryConfigured = true;
    }
    QVERIFY(memoryConfigured);
}

void TestUnderTheHood::cgroupValueFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("v1 bytes") << u"memory.limit_in_bytes"_s << u"67108864"_s
                              << u"64.0 MiB (67108864)"_s;
    QTest::newRow("v2 max") << u"memory.max"_s << u"max"_s << u"max"_s;
    QTest::newRow("v1 no limit")
        << u"memory.limit_in_bytes"_s << u"9223372036854771712"_s
        << CgroupLimitsModel::tr("no limit (%1)").arg(u"9223372036854771712"_s);
    QTest::newRow("not bytes") << u"pids.max"_s << u"50"_s << u"50"_s;
    QTest::newRow("cpu") << u"cpu.cfs_quota_us"_s << u"50000"_s << u"50000"_s;
}

void TestUnderTheHood::cgroupValueFormat()
{
    QFETCH(QString, file);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(formatCgroupValue(file, value), expected);
}

void TestUnderTheHood::mountTree()
{
    const QJsonObject mounts = m_bridge.value(u"mounts"_s).toObject();
    MountTreeModel model;
    QAbstractItemModelTester tester(&model);
    model.setMounts(mounts);
    const int inTree = countMounts(mounts.value(u"tree"_s).toObject());
    QCOMPARE(model.mountCount(), inTree);
    QCOMPARE(countKind(&model, MountTreeModel::Kind::Mount), inTree);
    QCOMPARE(model.reportedCount(), mounts.value(u"count"_s).toInt());
    QCOMPARE(model.rowCount(), 1); // one root
    QCOMPARE(model.rootMount().data().toString(), u"/"_s);
    QCOMPARE(model.index(0, MountTreeModel::TypeColumn).data().toString(), u"overlay"_s);
    // The overlay's directories: one row per lower layer with its diff id, then
    // upper and work.
    const QModelIndex layers = model.overlayLayers();
    QVERIFY(layers.isValid());
    const QJsonObject overlay = mounts.value(u"overlay"_s).toObject();
    const QJsonArray lower = overlay.value(u"lowerdir"_s).toArray();
    QCOMPARE(model.rowCount(layers), lower.size() + 2);
    for (int i = 0; i < lower.size(); ++i) {
        const QModelIndex row = model.index(i, 0, layers);
        QCOMPARE(row.data(MountTreeModel::KindRole).toInt(), int(MountTreeModel::Kind::LowerLayer));
        QCOMPARE(row.data(MountTreeModel::DiffIdRole).toString(),
                 lower.at(i).toObject().value(u"diffId"_s).toString());
        QCOMPARE(model.index(i, MountTreeModel::SourceColumn, layers).data().toString(),
                 lower.at(i).toObject().value(u"path"_s).toString());
    }
    QCOMPARE(model.index(lower.size(), MountTreeModel::SourceColumn, layers).data().toString(),
             overlay.value(u"upperdir"_s).toString());
    QCOMPARE(model.index(lower.size() + 1, MountTreeModel::SourceColumn, layers).data().toString(),
             overlay.value(u"workdir"_s).toString());
    // /proc is a mount under /, with its masked paths under it.
    bool proc = false;
    for (int row = 0; row < model.rowCount(model.rootMount()); ++row) {
        const QModelIndex child = model.index(row, 0, model.rootMount());
        if (child.data().toString() == u"/proc"_s) {
            proc = true;
            QVERIFY(model.rowCount(child) > 0);
        }
    }
    QVERIFY(proc);
    model.setMounts({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.overlayLayers().isValid());
}

void TestUnderTheHood::topologyBridge()
{
    const QJsonObject network = m_bridge.value(u"network"_s).toObject();
    const QFontMetricsF fm(QApplication::font());
    const TopologyLayout l = NetworkTopology::layout(network, QSizeF(900, 400), fm);
    QVERIFY(!l.sharedWithHost);
    QCOMPARE(l.count(TopologyNode::Kind::HostNamespace), 1);
    QCOMPARE(l.count(TopologyNode::Kind::ContainerNamespace), 1);
    QCOMPARE(l.count(TopologyNode::Kind::Bridge), 1);
    QCOMPARE(l.count(TopologyNode::Kind::HostVeth), 1);
    const QJsonArray ifaces =
        network.value(u"container"_s).toObject().value(u"interfaces"_s).toArray();
    QCOMPARE(l.count(TopologyNode::Kind::ContainerInterface), ifaces.size());
    const QJsonObject host = network.value(u"host"_s).toObject();
    QVERIFY(l.node(u"bridge"_s)->title.contains(host.value(u"bridge"_s).toString()));
    QVERIFY(l.node(u"veth"_s)->title.contains(host.value(u"veth"_s).toString()));
    QCOMPARE(l.node(u"bridge"_s)->lines.first(),
             host.value(u"bridgeAddresses"_s).toArray().first().toString());
    const TopologyNode *eth0 = l.node(u"if:eth0"_s);
    QVERIFY(eth0);
    const QString address =
        ifaces.at(1).toObject().value(u"addresses"_s).toArray().first().toString();
    QVERIFY(eth0->lines.contains(address));
    // Bridge port and veth pair, pointing at real nodes; the pair crosses the border.
    QCOMPARE(l.edges.size(), 2);
    for (const TopologyEdge &e : l.edges) {
        QVERIFY(l.node(e.from));
        QVERIFY(l.node(e.to));
    }
    QCOMPARE(l.edges.at(1).kind, TopologyEdge::Kind::VethPair);
    QCOMPARE(l.edges.at(1).to, u"if:eth0"_s);
    QVERIFY(l.node(u"veth"_s)->rect.right() < l.node(u"container"_s)->rect.left());
    QVERIFY(l.node(u"container"_s)->rect.contains(eth0->rect));
    QVERIFY(l.node(u"host"_s)->rect.contains(l.node(u"bridge"_s)->rect));
    // The pair is level: eth0 faces the veth.
    QCOMPARE(eth0->rect.top(), l.node(u"veth"_s)->rect.top());
    // The port and both rules.
    QCOMPARE(l.rules.size(), network.value(u"ports"_s).toArray().size() +
                                 network.value(u"iptables"_s).toArray().size() +
                                 network.value(u"networkRules"_s).toArray().size());
    QVERIFY(l.rules.first().contains(network.value(u"ports"_s).toArray().first().toString()));
    QVERIFY(!l.rulesRect.isEmpty());
}

void TestUnderTheHood::topologyHost()
{
    const QJsonObject network = m_host.value(u"network"_s).toObject();
    const TopologyLayout l =
        NetworkTopology::layout(network, QSizeF(900, 400), QFontMetricsF(QApplication::font()));
    QVERIFY(l.sharedWithHost);
    QCOMPARE(l.mode, u"host"_s);
    // One region: the host's, with the container's (= the host's) interfaces in it.
    QCOMPARE(l.count(TopologyNode::Kind::HostNamespace), 1);
    QCOMPARE(l.count(TopologyNode::Kind::ContainerNamespace), 0);
    QCOMPARE(l.count(TopologyNode::Kind::Bridge), 0);
    QCOMPARE(l.count(TopologyNode::Kind::HostVeth), 0);
    QCOMPARE(l.count(TopologyNode::Kind::ContainerInterface),
             network.value(u"container"_s).toObject().value(u"interfaces"_s).toArray().size());
    QVERIFY(l.edges.isEmpty());
}

void TestUnderTheHood::topologyFitsAnySize_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSizeF>("size");
    QTest::newRow("bridge, roomy") << u"underthehood-bridge.json"_s << QSizeF(1400, 600);
    QTest::newRow("bridge, tiny") << u"underthehood-bridge.json"_s << QSizeF(50, 50);
    QTest::newRow("host, roomy") << u"underthehood-host.json"_s << QSizeF(1400, 600);
    QTest::newRow("host, tiny") << u"underthehood-host.json"_s << QSizeF(10, 10);
}

void TestUnderTheHood::topologyFitsAnySize()
{
    QFETCH(QString, file);
    QFETCH(QSizeF, size);
    const TopologyLayout l = NetworkTopology::layout(fixture(file).value(u"network"_s).toObject(),
                                                     size, QFontMetricsF(QApplication::font()));
    const QRectF area(QPointF(0, 0), size.expandedTo(l.minimumSize));
    for (const TopologyNode &n : l.nodes)
        QVERIFY2(area.contains(n.rect), qPrintable(n.id));
    // No two boxes overlap; regions do not overlap each other either.
    for (qsizetype i = 0; i < l.nodes.size(); ++i) {
        for (qsizetype j = i + 1; j < l.nodes.size(); ++j) {
            const TopologyNode &a = l.nodes.at(i);
            const TopologyNode &b = l.nodes.at(j);
            const bool aRegion = a.kind == TopologyNode::Kind::HostNamespace ||
                                 a.kind == TopologyNode::Kind::ContainerNamespace;
            const bool bRegion = b.kind == TopologyNode::Kind::HostNamespace ||
                                 b.kind == TopologyNode::Kind::ContainerNamespace;
            if (aRegion != bRegion)
                continue; // a box sits inside its region
            QVERIFY2(!a.rect.intersects(b.rect), qPrintable(a.id + u" / "_s + b.id));
        }
    }
    if (!l.rulesRect.isEmpty()) {
        for (const TopologyNode &n : l.nodes)
            QVERIFY(!n.rect.intersects(l.rulesRect));
    }
}

void TestUnderTheHood::panelShowsDocumentAndMessages()
{
    UnderTheHoodPanel panel;
    panel.resize(1000, 500);
    // A fake kokerd: the bridge document for one id, Busy (not running) for another.
    int calls = 0;
    panel.setFetcher([&](const QString &id, std::function<void(Result<QString>)> done) {
        ++calls;
        if (id == u"running"_s)
            done(QString::fromUtf8(QJsonDocument(m_bridge).toJson()));
        else
            done(fail(ErrorCode::Busy, "container is not running"));
    });
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setContainer(u"stopped"_s, u"web"_s);
    panel.refresh();
    QCOMPARE(calls, 1);
    QVERIFY(!panel.hasDocument());
    QVERIFY2(panel.messageText().contains(u"not running"_s), qPrintable(panel.messageText()));
    panel.setContainer(u"running"_s, u"web"_s);
    QSignalSpy refreshed(&panel, &UnderTheHoodPanel::refreshed);
    panel.refresh();
    QCOMPARE(refreshed.size(), 1);
    QVERIFY(refreshed.first().first().toBool());
    QVERIFY(panel.hasDocument());
    QCOMPARE(panel.namespacesModel()->rowCount(), m_bridge.value(u"namespaces"_s).toArray().size());
    QVERIFY(panel.mountsModel()->overlayLayers().isValid());
    panel.showSection(UnderTheHoodPanel::Section::Network);
    QTest::qWait(50);
    // The view lays out for its own size: still every part of the document.
    const TopologyLayout &l = panel.topologyView()->currentLayout();
    QCOMPARE(l.count(TopologyNode::Kind::Bridge), 1);
    QVERIFY(l.node(u"if:eth0"_s));
    // Painting does not crash and paints something other than the background.
    const QImage image = panel.topologyView()->grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE_NE(image.pixelColor(image.width() / 4, 40),
                panel.topologyView()->palette().color(QPalette::Base));
    // A new container clears the panels.
    panel.setContainer({}, {});
    QVERIFY(!panel.hasDocument());
    QCOMPARE(panel.namespacesModel()->rowCount(), 0);
}

QTEST_MAIN(TestUnderTheHood)
#include "tst_underthehood.moc"
