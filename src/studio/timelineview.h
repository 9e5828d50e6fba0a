#pragma once

// The lanes of the step timeline: one lane per phase, each step a bar on a time
// axis (TimelineLayout), coloured by state, darker with a marker when the step
// ran inside the container. Ctrl+wheel or zoomIn()/zoomOut() zoom around the
// pointer, the wheel and dragging pan; "follow" keeps the newest step in view.
// Only the visible range is painted, found by binary search in the cached layout,
// so 10 000 steps scroll like ten.

#include "timelinelayout.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QItemSelectionModel>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtCore/QTimer>
#include <QtWidgets/QAbstractScrollArea>

namespace koker::studio {

class StepTimelineModel;

class TimelineView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    /// The steps to draw (not owned).
    void setModel(StepTimelineModel *model);
    /// The steps drawn.
    StepTimelineModel *model() const { return m_model; }
    /// Shares the selection with a list view; the current index is the selected step.
    void setSelectionModel(QItemSelectionModel *selection);
    /// The shared selection (null until set).
    QItemSelectionModel *selectionModel() const { return m_selection; }

    /// The row whose bar is under a viewport point, or -1 (the hit-test used by clicks).
    int rowAt(const QPoint &pos) const;
    /// A row's bar in viewport coordinates as painted (at least kMinBarWidth wide).
    QRect barRect(int row) const;
    /// A lane's rectangle in viewport coordinates (lane = koker::Phase).
    QRect laneRect(int lane) const;
    /// The lane at a viewport y, or -1.
    int laneAt(int y) const;
    /// The layout, brought up to date with the model.
    const TimelineLayout &timelineLayout() const;

    /// Zoom: nanoseconds of the axis per pixel.
    double nsPerPixel() const { return m_nsPerPx; }
    /// Sets the zoom, keeping the axis point under anchorX (viewport x; -1 = the centre) still.
    void setNsPerPixel(double nsPerPx, int anchorX = -1);
    /// Zooms in (factor 1.5) around the centre.
    void zoomIn();
    /// Zooms out (factor 1.5) around the centre.
    void zoomOut();
    /// Shows every step; stays fitted while steps arrive until the user zooms.
    void zoomToFit();
    /// The axis position (ns) at a viewport x.
    qint64 axisAt(int x) const;
    /// The viewport x of an axis position (ns).
    double xAt(qint64 axis) const;
    /// Scrolls so that a row's bar is visible (centred when it was not).
    void ensureRowVisible(int row);

    /// Follow mode: keep the newest (running, else last finished) step in view.
    bool follow() const { return m_follow; }
    /// Turns follow mode on or off (scrolling by hand turns it off).
    void setFollow(bool on);

    /// The distance between two ticks of the axis at this zoom (1, 2 or 5 x 10^n ns).
    qint64 tickStepNs() const;
    /// The tick labels painted in the visible range ("0 ms", "2.5 ms", ...).
    QStringList visibleTickLabels() const;
    /// A tick label for an offset from the action's first step at the current tick step.
    QString tickLabel(qint64 offsetNs) const;

    /// Smallest bar width in pixels, so that instant steps stay visible and clickable.
    static constexpr int kMinBarWidth = 4;

    /// Wide enough for a readable run, tall enough for every lane and the legend.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The user clicked a step's bar (the selection has been updated already).
    void rowClicked(int row);
    /// The zoom changed (by the user, a button or fitting).
    void zoomChanged(double nsPerPixel);
    /// Follow mode was turned on or off.
    void followChanged(bool on);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Tick
    {
        double x;
        QString label;
    };

    void scheduleRelayout();
    void relayout();
    void ensureLayout() const;
    void updateScrollRange();
    void setScrollValue(int value);
    void applyFollow();
    void updateAnimation();
    void onCurrentChanged(const QModelIndex &current);
    void selectRow(int row);
    double fitNsPerPixel() const;
    double clampZoom(double nsPerPx) const;
    int lanesWidth() const;
    QList<Tick> ticks(qint64 from, qint64 to) const;
    QString toolTipFor(int row) const;

    void paintLanes(QPainter &p, const QRect &area) const;
    void paintAxis(QPainter &p, qint64 from, qint64 to) const;
    void paintBars(QPainter &p, qint64 from, qint64 to) const;
    void paintBar(QPainter &p, int row, const QRectF &r, bool merged) const;
    void paintLegend(QPainter &p) const;

    QPointer<StepTimelineModel> m_model;
    QPointer<QItemSelectionModel> m_selection;
    QList<QMetaObject::Connection> m_modelConnections;
    QMetaObject::Connection m_selectionConnection;
    TimelineLayout m_layout;
    bool m_dirty = true;
    bool m_structureChanged = true; // rows removed or reset: the old layout is unusable
    QTimer m_relayoutTimer;
    QElapsedTimer m_sinceLayout;
    double m_nsPerPx = 10'000.0;
    bool m_autoFit = true;
    bool m_follow = false;
    bool m_settingScroll = false;
    QTimer m_animation;
    int m_stripePhase = 0;
    int m_hoverRow = -1;
    QPoint m_pressPos;
    int m_pressScroll = 0;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace koker::studio
