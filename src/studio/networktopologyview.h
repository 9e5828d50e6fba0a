#pragma once

// Paints NetworkTopology's layout: the namespaces as shaded regions, interfaces as
// boxes (grey when down), the bridge port and the veth pair as lines, and the NAT
// and port rules below. All geometry comes from NetworkTopology::layout().

#include "networktopology.h"

#include <QtWidgets/QWidget>

namespace koker::studio {

class NetworkTopologyView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkTopologyView)

public:
    explicit NetworkTopologyView(QWidget *parent = nullptr);
    ~NetworkTopologyView() override;

    /// Draw UnderTheHood's "network" object (empty: a placeholder text).
    void setNetwork(const QJsonObject &network);
    /// The layout painted now (for tests).
    const TopologyLayout &currentLayout() const { return m_layout; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void relayout();

    QJsonObject m_network;
    TopologyLayout m_layout;
};

} // namespace koker::studio
