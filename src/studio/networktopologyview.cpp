#include "networktopologyview.h"

#include <QtCore/QEvent>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

QColor regionColor(TopologyNode::Kind kind)
{
    return kind == TopologyNode::Kind::HostNamespace ? QColor(0xf1, 0xf4, 0xf8)
                                                     : QColor(0xea, 0xf6, 0xee);
}

QColor boxColor(const TopologyNode &n)
{
    if (!n.up)
        return QColor(0xe4, 0xe4, 0xe4);
    switch (n.kind) {
    case TopologyNode::Kind::Bridge:
        return QColor(0xd6, 0xe6, 0xfa);
    case TopologyNode::Kind::HostVeth:
        return QColor(0xfc, 0xe8, 0xc8);
    default:
        return QColor(0xd7, 0xf0, 0xdc);
    }
}

} // namespace

NetworkTopologyView::NetworkTopologyView(QWidget *parent)
    : QWidget(parent)
{
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

NetworkTopologyView::~NetworkTopologyView() = default;

void NetworkTopologyView::setNetwork(const QJsonObject &network)
{
    m_network = network;
    relayout();
    updateGeometry();
}

void NetworkTopologyView::relayout()
{
    QFont bold = font();
    bold.setBold(true);
    m_layout = m_network.isEmpty()
                   ? TopologyLayout{}
                   : NetworkTopology::layout(m_network, size(), QFontMetricsF(font()),
                                             QFontMetricsF(bold));
    update();
}

QSize NetworkTopologyView::sizeHint() const
{
    return m_layout.minimumSize.toSize().expandedTo(QSize(480, 220));
}

QSize NetworkTopologyView::minimumSizeHint() const
{
    return m_layout.minimumSize.toSize().expandedTo(QSize(200, 120));
}

void NetworkTopologyView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void NetworkTopologyView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        relayout();
}

void NetworkTopologyView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF fm(font());
    if (m_layout.nodes.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No network information"));
        return;
    }
    const QColor text = palette().color(QPalette::Text);
    QFont bold = font();
    bold.setBold(true);

    // Regions first (behind), then the lines, then the boxes on top of them.
    for (const TopologyNode &n : m_layout.nodes) {
        if (n.kind != TopologyNode::Kind::HostNamespace &&
            n.kind != TopologyNode::Kind::ContainerNamespace)
            continue;
        p.setPen(QPen(QColor(0x9a, 0xa6, 0xb4), 1, Qt::DashLine));
        p.setBrush(regionColor(n.kind));
        p.drawRoundedRect(n.rect, 8, 8);
        p.setPen(text);
        p.setFont(bold);
        p.drawText(n.rect.adjusted(6, 4, -6, 0), Qt::AlignLeft | Qt::AlignTop, n.title);
        p.setFont(font());
    }
    for (const TopologyEdge &e : m_layout.edges) {
        const TopologyNode *a = m_layout.node(e.from);
        const TopologyNode *b = m_layout.node(e.to);
        if (!a || !b)
            continue;
        const QPointF from(a->rect.right(), a->rect.center().y());
        const QPointF to(b->rect.left(), b->rect.center().y());
        const bool pair = e.kind == TopologyEdge::Kind::VethPair;
        p.setPen(QPen(pair ? QColor(0xc0, 0x6a, 0x00) : QColor(0x2d, 0x5f, 0x9a), pair ? 3 : 2));
        QPainterPath path(from);
        const qreal mid = (from.x() + to.x()) / 2;
        path.cubicTo(QPointF(mid, from.y()), QPointF(mid, to.y()), to);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(text);
        const QRectF label(
            QPointF(std::min(from.x(), to.x()), std::min(from.y(), to.y()) - fm.height() - 2),
            QSizeF(std::abs(to.x() - from.x()), fm.height()));
        p.drawText(label, Qt::AlignCenter, fm.elidedText(e.label, Qt::ElideRight, label.width()));
    }
    for (const TopologyNode &n : m_layout.nodes) {
        if (n.kind == TopologyNode::Kind::HostNamespace ||
            n.kind == TopologyNode::Kind::ContainerNamespace)
            continue;
        p.setPen(QPen(QColor(0x55, 0x60, 0x6e), 1));
        p.setBrush(boxColor(n));
        p.drawRoundedRect(n.rect, 4, 4);
        const QRectF inner = n.rect.adjusted(6, 6, -6, -6);
        p.setPen(text);
        p.setFont(bold);
        p.drawText(QRectF(inner.topLeft(), QSizeF(inner.width(), fm.height())),
                   Qt::AlignLeft | Qt::AlignVCenter, n.title);
        p.setFont(font());
        for (int i = 0; i < n.lines.size(); ++i)
            p.drawText(QRectF(inner.left(), inner.top() + fm.height() * (i + 1), inner.width(),
                              fm.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, n.lines.at(i));
    }
    if (!m_layout.rulesRect.isEmpty()) {
        const QRectF r = m_layout.rulesRect;
        p.setPen(text);
        p.setFont(bold);
        p.drawText(QRectF(r.left(), r.top(), r.width(), fm.height()), Qt::AlignLeft,
                   tr("NAT, filter and port rules (iptables)"));
        p.setFont(font());
        const int lines = int(
            std::min<qsizetype>(m_layout.rules.size(), qsizetype(r.height() / fm.height()) - 1));
        for (int i = 0; i < lines; ++i)
            p.drawText(QRectF(r.left(), r.top() + fm.height() * (i + 1), r.width(), fm.height()),
                       Qt::AlignLeft,
                       fm.elidedText(m_layout.rules.at(i), Qt::ElideMiddle, r.width()));
    }
}

} // namespace koker::studio
