#include "timelineview.h"

#include "steptimelinemodel.h"

#include <QtCore/QDateTime>
#include <QtCore/QItemSelectionModel>
#include <QtCore/QLocale>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtGui/QWheelEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

constexpr int kGutter = 96;     // lane names
constexpr int kActionRowH = 18; // action names ("Start · 10.0 s later")
constexpr int kTickRowH = 20;   // tick labels
constexpr int kHeader = kActionRowH + kTickRowH;
constexpr int kLaneH = 28;
constexpr int kBarInset = 5;
constexpr int kLegendH = 24;
constexpr int kRightMargin = 32; // room after the last step
constexpr int kTickSpacingPx = 110;
constexpr double kZoomStep = 1.5;
constexpr double kMinNsPerPx = 20.0; // 1 µs = 50 px: finer shows nothing new
// Scroll positions are ints; keep the content well inside their range.
constexpr double kMaxContentPx = 1e9;
// Layouts per second at most while steps stream in (a frame every 33 ms).
constexpr qint64 kLayoutIntervalMs = 33;

// How a bar looks for a state and side. One table for the bars and the legend.
struct BarStyle
{
    QColor fill;
    QColor border;
    QColor text;
    Qt::BrushStyle overlay = Qt::NoBrush; // stripes over the fill
    QColor overlayColor;
    Qt::PenStyle borderStyle = Qt::SolidLine;
    qreal borderWidth = 1.0;
};

BarStyle barStyle(StepState state, Side side)
{
    BarStyle s;
    const bool inside = side == Side::Container;
    switch (state) {
    case StepState::Done:
        s.fill = inside ? QColor(0x1f, 0x5f, 0xa8) : QColor(0x5b, 0x9b, 0xe0);
        s.border = inside ? QColor(0x12, 0x3c, 0x6e) : QColor(0x2f, 0x6d, 0xb0);
        s.text = Qt::white;
        break;
    case StepState::Running:
        s.fill = QColor(0x2e, 0x9d, 0x4a);
        s.border = QColor(0x1a, 0x66, 0x2e);
        s.text = Qt::white;
        s.overlay = Qt::BDiagPattern;
        s.overlayColor = QColor(0xff, 0xff, 0xff, 0x70);
        s.borderWidth = 1.5;
        break;
    case StepState::Failed:
        s.fill = QColor(0xd3, 0x2f, 0x2f);
        s.border = QColor(0x7f, 0x00, 0x00);
        s.text = Qt::white;
        s.borderWidth = 2.0;
        break;
    case StepState::RolledBack:
        s.fill = QColor(0xf5, 0xb0, 0x41);
        s.border = QColor(0xa0, 0x60, 0x00);
        s.text = QColor(0x3a, 0x25, 0x00);
        s.overlay = Qt::BDiagPattern;
        s.overlayColor = QColor(0xa0, 0x60, 0x00, 0xa0);
        break;
    case StepState::Planned:
        s.fill = QColor(0x8a, 0x9b, 0xb0, 0x28);
        s.border = QColor(0x6a, 0x7b, 0x90);
        s.text = QColor(0x4a, 0x5b, 0x70);
        s.borderStyle = Qt::DashLine;
        break;
    case StepState::Skipped:
        s.fill = QColor(0xc8, 0xc8, 0xc8);
        s.border = QColor(0x90, 0x90, 0x90);
        s.text = QColor(0x40, 0x40, 0x40);
        s.borderStyle = Qt::DotLine;
        break;
    }
    return s;
}

// 1, 2 or 5 times a power of ten, at least `raw`.
qint64 niceStep(double raw)
{
    qint64 base = 1;
    for (;;) {
        for (qint64 m : {1, 2, 5}) {
            if (double(base * m) >= raw)
                return base * m;
        }
        if (base > std::numeric_limits<qint64>::max() / 100)
            return base * 10;
        base *= 10;
    }
}

double clampX(double x)
{
    return std::clamp(x, -1e6, 1e6);
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setSingleStep(24);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        // Scrolling by hand means the user wants to look somewhere else.
        if (!m_settingScroll && m_follow)
            setFollow(false);
    });
    m_relayoutTimer.setSingleShot(true);
    connect(&m_relayoutTimer, &QTimer::timeout, this, &TimelineView::relayout);
    // While a step runs its bar grows with the clock and its stripes move.
    m_animation.setInterval(80);
    connect(&m_animation, &QTimer::timeout, this, [this] {
        m_stripePhase = (m_stripePhase + 1) % 8;
        m_dirty = true;
        relayout();
    });
    setAccessibleName(tr("Step timeline"));
}

TimelineView::~TimelineView() = default;

QSize TimelineView::sizeHint() const
{
    const int h = kHeader + TimelineLayout::kLaneCount * kLaneH + kLegendH;
    return {900, h + horizontalScrollBar()->sizeHint().height() + 2 * frameWidth()};
}

QSize TimelineView::minimumSizeHint() const
{
    const int h = kHeader + TimelineLayout::kLaneCount * kLaneH + kLegendH;
    return {kGutter + 120, h + horizontalScrollBar()->sizeHint().height() + 2 * frameWidth()};
}

void TimelineView::setModel(StepTimelineModel *model)
{
    for (const auto &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    m_hoverRow = -1;
    m_autoFit = true;
    m_structureChanged = true;
    if (model) {
        // Inserted rows and changed data leave the current layout usable until the
        // next one (it just lacks the news); removed rows do not.
        auto schedule = [this] { scheduleRelayout(); };
        auto restructure = [this] {
            m_structureChanged = true;
            m_hoverRow = -1;
            scheduleRelayout();
        };
        m_modelConnections << connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_autoFit = true;
            m_structureChanged = true;
            m_hoverRow = -1;
            scheduleRelayout();
        });
        m_modelConnections << connect(model, &QAbstractItemModel::rowsInserted, this, schedule);
        m_modelConnections << connect(model, &QAbstractItemModel::dataChanged, this, schedule);
        m_modelConnections << connect(model, &QAbstractItemModel::rowsRemoved, this, restructure);
        m_modelConnections << connect(model, &QAbstractItemModel::layoutChanged, this, restructure);
        m_modelConnections << connect(model, &QObject::destroyed, this, restructure);
    }
    scheduleRelayout();
}

void TimelineView::setSelectionModel(QItemSelectionModel *selection)
{
    disconnect(m_selectionConnection);
    m_selection = selection;
    if (selection)
        m_selectionConnection =
            connect(selection, &QItemSelectionModel::currentChanged, this,
                    [this](const QModelIndex &current) { onCurrentChanged(current); });
    viewport()->update();
}

// ---- layout -----------------------------------------------------------------------

void TimelineView::scheduleRelayout()
{
    m_dirty = true;
    if (m_relayoutTimer.isActive())
        return;
    // Live updates come in bursts (a plan's steps within milliseconds, a replay
    // of thousands): lay out at most once a frame, not once per record.
    const qint64 since = m_sinceLayout.isValid() ? m_sinceLayout.elapsed() : kLayoutIntervalMs;
    m_relayoutTimer.start(int(std::max<qint64>(0, kLayoutIntervalMs - since)));
}

void TimelineView::relayout()
{
    m_relayoutTimer.stop();
    if (!m_dirty)
        return;
    m_dirty = false;
    m_structureChanged = false;
    m_sinceLayout.start();
    if (m_model)
        m_layout.rebuild(*m_model, QDateTime::currentMSecsSinceEpoch() * 1'000'000);
    else
        m_layout.clear();
    if (m_hoverRow >= m_layout.rowCount())
        m_hoverRow = -1;
    const double before = m_nsPerPx;
    if (m_autoFit)
        m_nsPerPx = clampZoom(fitNsPerPixel());
    updateScrollRange();
    applyFollow();
    updateAnimation();
    viewport()->update();
    if (m_nsPerPx != before)
        Q_EMIT zoomChanged(m_nsPerPx);
}

void TimelineView::ensureLayout() const
{
    // Queries (hit tests, geometry) must see the model as it is now, not as of
    // the last paint; laying out is the only state they touch.
    if (m_dirty)
        const_cast<TimelineView *>(this)->relayout();
}

const TimelineLayout &TimelineView::timelineLayout() const
{
    ensureLayout();
    return m_layout;
}

void TimelineView::updateAnimation()
{
    const bool running = m_layout.hasRunning() && isVisible();
    if (running && !m_animation.isActive())
        m_animation.start();
    else if (!running && m_animation.isActive())
        m_animation.stop();
}

int TimelineView::lanesWidth() const
{
    return std::max(1, viewport()->width() - kGutter);
}

double TimelineView::fitNsPerPixel() const
{
    const double usable = std::max(40, lanesWidth() - kRightMargin);
    return std::max(double(m_layout.totalNs()) / usable, kMinNsPerPx);
}

double TimelineView::clampZoom(double nsPerPx) const
{
    const double finest = std::max(kMinNsPerPx, double(m_layout.totalNs()) / kMaxContentPx);
    const double coarsest = std::max(fitNsPerPixel(), finest);
    return std::clamp(nsPerPx, finest, coarsest);
}

void TimelineView::updateScrollRange()
{
    const double content = double(m_layout.totalNs()) / m_nsPerPx + kRightMargin;
    const int max = std::max(0, int(std::ceil(content)) - lanesWidth());
    m_settingScroll = true;
    horizontalScrollBar()->setRange(0, max);
    horizontalScrollBar()->setPageStep(lanesWidth());
    m_settingScroll = false;
}

void TimelineView::setScrollValue(int value)
{
    m_settingScroll = true;
    horizontalScrollBar()->setValue(value);
    m_settingScroll = false;
}

// ---- zoom, scroll, follow -------------------------------------------------------

double TimelineView::xAt(qint64 axis) const
{
    return kGutter + double(axis) / m_nsPerPx - horizontalScrollBar()->value();
}

qint64 TimelineView::axisAt(int x) const
{
    return qint64((double(x - kGutter) + horizontalScrollBar()->value()) * m_nsPerPx);
}

void TimelineView::setNsPerPixel(double nsPerPx, int anchorX)
{
    ensureLayout();
    if (anchorX < 0)
        anchorX = kGutter + lanesWidth() / 2;
    const double anchorAxis =
        (double(anchorX - kGutter) + horizontalScrollBar()->value()) * m_nsPerPx;
    const double next = clampZoom(nsPerPx);
    m_autoFit = false;
    if (next == m_nsPerPx)
        return;
    m_nsPerPx = next;
    updateScrollRange();
    setScrollValue(int(std::lround(anchorAxis / m_nsPerPx - double(anchorX - kGutter))));
    applyFollow();
    viewport()->update();
    Q_EMIT zoomChanged(m_nsPerPx);
}

void TimelineView::zoomIn()
{
    setNsPerPixel(m_nsPerPx / kZoomStep);
}

void TimelineView::zoomOut()
{
    setNsPerPixel(m_nsPerPx * kZoomStep);
}

void TimelineView::zoomToFit()
{
    ensureLayout();
    m_autoFit = true;
    const double next = clampZoom(fitNsPerPixel());
    const bool changed = next != m_nsPerPx;
    m_nsPerPx = next;
    updateScrollRange();
    setScrollValue(0);
    viewport()->update();
    if (changed)
        Q_EMIT zoomChanged(m_nsPerPx);
}

void TimelineView::ensureRowVisible(int row)
{
    ensureLayout();
    if (row < 0 || row >= m_layout.rowCount())
        return;
    const double x0 = xAt(m_layout.axisStart(row));
    const double x1 = std::max(xAt(m_layout.axisEnd(row)), x0 + kMinBarWidth);
    if (x0 >= kGutter && x1 <= viewport()->width())
        return;
    const double centre = (double(m_layout.axisStart(row)) + double(m_layout.axisEnd(row))) / 2;
    setScrollValue(int(std::lround(centre / m_nsPerPx - lanesWidth() / 2.0)));
    viewport()->update();
}

void TimelineView::setFollow(bool on)
{
    if (m_follow == on)
        return;
    m_follow = on;
    applyFollow();
    Q_EMIT followChanged(on);
}

void TimelineView::applyFollow()
{
    if (!m_follow)
        return;
    const int row = m_layout.newestRow();
    if (row < 0)
        return;
    // The newest step sits at three quarters of the width: what just happened on
    // the left, the queue of planned steps on the right.
    const double target = double(m_layout.axisEnd(row)) / m_nsPerPx;
    const int value = int(std::lround(target - lanesWidth() * 0.75));
    setScrollValue(std::clamp(value, 0, horizontalScrollBar()->maximum()));
    viewport()->update();
}

// ---- selection -------------------------------------------------------------------

void TimelineView::onCurrentChanged(const QModelIndex &current)
{
    if (current.isValid() && !m_follow)
        ensureRowVisible(current.row());
    viewport()->update();
}

void TimelineView::selectRow(int row)
{
    if (!m_model || !m_selection || row < 0 || row >= m_model->rowCount())
        return;
    m_selection->setCurrentIndex(m_model->index(row, 0),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

// ---- geometry and hit testing ----------------------------------------------------

QRect TimelineView::laneRect(int lane) const
{
    if (lane < 0 || lane >= TimelineLayout::kLaneCount)
        return {};
    return {kGutter, kHeader + lane * kLaneH, lanesWidth(), kLaneH};
}

int TimelineView::laneAt(int y) const
{
    if (y < kHeader)
        return -1;
    const int lane = (y - kHeader) / kLaneH;
    return lane < TimelineLayout::kLaneCount ? lane : -1;
}

namespace {

QRectF barRectF(const TimelineLayout &layout, int row, double x0, double x1)
{
    const double top = kHeader + layout.lane(row) * kLaneH + kBarInset;
    double w = x1 - x0;
    if (!layout.placed(row))
        w -= 1; // a hairline between queued slots
    return {clampX(x0), top, std::clamp(w, double(TimelineView::kMinBarWidth), 2e6),
            double(kLaneH - 2 * kBarInset)};
}

} // namespace

QRect TimelineView::barRect(int row) const
{
    ensureLayout();
    if (row < 0 || row >= m_layout.rowCount())
        return {};
    const QRectF r =
        barRectF(m_layout, row, xAt(m_layout.axisStart(row)), xAt(m_layout.axisEnd(row)));
    const int left = int(std::floor(r.left()));
    const int right = std::max(left + kMinBarWidth, int(std::ceil(r.right())));
    return {left, int(r.top()), right - left, int(r.height())};
}

int TimelineView::rowAt(const QPoint &pos) const
{
    ensureLayout();
    const int lane = laneAt(pos.y());
    if (lane < 0 || pos.x() < kGutter)
        return -1;
    const qint64 axis = axisAt(pos.x());
    const qint64 tolerance = qint64((kMinBarWidth + 2) * m_nsPerPx);
    int best = -1;
    double bestDistance = 0;
    // Instant steps share pixels at low zoom: the bar whose centre is nearest
    // wins, and of equals the one painted last (on top).
    m_layout.forEachInRange(lane, axis - tolerance, axis + tolerance, [&](int row) {
        const QRectF r =
            barRectF(m_layout, row, xAt(m_layout.axisStart(row)), xAt(m_layout.axisEnd(row)));
        if (pos.x() < r.left() - 1 || pos.x() > r.right() + 1)
            return;
        const double d = std::abs(r.center().x() - pos.x());
        if (best < 0 || d <= bestDistance) {
            best = row;
            bestDistance = d;
        }
    });
    return best;
}

// ---- ticks ----------------------------------------------------------------------

qint64 TimelineView::tickStepNs() const
{
    return niceStep(kTickSpacingPx * m_nsPerPx);
}

QString TimelineView::tickLabel(qint64 offsetNs) const
{
    const qint64 step = tickStepNs();
    const QLocale locale;
    // As many decimals as the step needs: 0.05 ms steps show "0.15 ms".
    auto decimals = [](double unitsPerStep) {
        int d = 0;
        while (unitsPerStep < 0.999 && d < 6) {
            unitsPerStep *= 10;
            ++d;
        }
        return d;
    };
    if (step >= 1'000'000'000)
        return tr("%1 s").arg(
            locale.toString(double(offsetNs) / 1e9, 'f', decimals(double(step) / 1e9)));
    return tr("%1 ms").arg(
        locale.toString(double(offsetNs) / 1e6, 'f', decimals(double(step) / 1e6)));
}

QList<TimelineView::Tick> TimelineView::ticks(qint64 from, qint64 to) const
{
    QList<Tick> out;
    const qint64 step = tickStepNs();
    const auto &segments = m_layout.segments();
    // Each action keeps its own clock: ticks count from its first step, so a
    // break in the axis never makes the labels lie.
    for (int i = std::max(0, m_layout.segmentAt(from)); i < segments.size(); ++i) {
        const TimelineLayout::Segment &s = segments[i];
        if (s.axisStart > to)
            break;
        if (s.axisEnd < from)
            continue;
        const qint64 base = s.realStart - s.actionStart; // the segment's offset in its action
        const qint64 first = std::max(from, s.axisStart) - s.axisStart + base;
        qint64 t = (first + step - 1) / step * step;
        for (int n = 0; n < 4096; ++n, t += step) {
            const qint64 axis = s.axisStart + (t - base);
            if (axis > std::min(to, s.axisEnd))
                break;
            out.append({xAt(axis), tickLabel(t)});
        }
    }
    return out;
}

QStringList TimelineView::visibleTickLabels() const
{
    ensureLayout();
    QStringList labels;
    const auto list = ticks(axisAt(kGutter), axisAt(viewport()->width()));
    for (const Tick &t : list)
        labels << t.label;
    return labels;
}

// ---- painting ----------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent *)
{
    // While records stream in, frames paint the last layout and the throttled
    // relayout catches up; only a layout that lost rows must be redone first.
    if (m_structureChanged)
        ensureLayout();
    QPainter p(viewport());
    const QRect all = viewport()->rect();
    p.fillRect(all, palette().base());
    const qint64 from = axisAt(kGutter);
    const qint64 to = axisAt(all.width());

    paintLanes(p, all);
    paintAxis(p, from, to);
    paintBars(p, from, to);
    paintLegend(p);

    if (!m_model || m_model->rowCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(kGutter, kHeader, lanesWidth(), TimelineLayout::kLaneCount * kLaneH),
                   Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No steps yet. Run a container or select one to see how it was made."));
    }
}

void TimelineView::paintLanes(QPainter &p, const QRect &area) const
{
    const QColor alt = palette().color(QPalette::AlternateBase);
    const QColor base = palette().color(QPalette::Base);
    QFont bold = font();
    bold.setBold(true);
    for (int lane = 0; lane < TimelineLayout::kLaneCount; ++lane) {
        const QRect r(0, kHeader + lane * kLaneH, area.width(), kLaneH);
        p.fillRect(r, lane % 2 ? alt : base);
        const QRect label(6, r.top(), kGutter - 10, kLaneH);
        p.setPen(palette().color(QPalette::Text));
        p.setFont(bold);
        p.drawText(label, Qt::AlignVCenter | Qt::AlignLeft,
                   StepTimelineModel::phaseText(static_cast<Phase>(lane)));
    }
    p.setFont(font());
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(kGutter - 1, kHeader, kGutter - 1, kHeader + TimelineLayout::kLaneCount * kLaneH);
    p.drawLine(0, kHeader - 1, area.width(), kHeader - 1);
}

void TimelineView::paintAxis(QPainter &p, qint64 from, qint64 to) const
{
    const int lanesBottom = kHeader + TimelineLayout::kLaneCount * kLaneH;
    const int right = viewport()->width();
    p.save();
    p.setClipRect(QRect(kGutter, 0, lanesWidth(), lanesBottom));

    // Breaks: the idle time cut out of the axis, hatched, with how long it was.
    const QColor grid = palette().color(QPalette::Midlight);
    const QColor textColor = palette().color(QPalette::Text);
    const QColor dim = palette().color(QPalette::PlaceholderText);
    const auto &segments = m_layout.segments();
    for (int i = std::max(0, m_layout.segmentAt(from)); i < segments.size(); ++i) {
        const TimelineLayout::Segment &s = segments[i];
        if (s.axisStart - TimelineLayout::kBreakNs > to)
            break;
        if (s.hiddenNs <= 0)
            continue;
        const double x0 = xAt(s.axisStart - TimelineLayout::kBreakNs);
        const double x1 = xAt(s.axisStart);
        const QRectF band(clampX(x0), kActionRowH, std::max(2.0, x1 - x0),
                          lanesBottom - kActionRowH);
        p.fillRect(band, QBrush(dim, Qt::FDiagPattern));
        if (!s.firstOfAction && band.width() > 40) {
            p.setPen(dim);
            p.drawText(QRectF(band.left(), kActionRowH, band.width(), kTickRowH), Qt::AlignCenter,
                       tr("+%1").arg(StepTimelineModel::formatDuration(s.hiddenNs)));
        }
    }

    // Ticks and their labels, per action clock.
    const auto list = ticks(from, to);
    double lastLabelRight = -1e9;
    for (const Tick &t : list) {
        p.setPen(grid);
        p.drawLine(QPointF(t.x, kHeader), QPointF(t.x, lanesBottom));
        p.setPen(textColor);
        p.drawLine(QPointF(t.x, kHeader - 5), QPointF(t.x, kHeader - 1));
        const int w = p.fontMetrics().horizontalAdvance(t.label);
        if (t.x + 3 > lastLabelRight + 6 && t.x + 3 + w < right) {
            p.drawText(QPointF(t.x + 3, kActionRowH + kTickRowH - 6), t.label);
            lastLabelRight = t.x + 3 + w;
        }
    }

    // Actions: a line where each begins, its name sticky at the left edge.
    const QList<qint64> &starts = m_layout.actionAxisStarts();
    const QList<qint64> &hidden = m_layout.actionHiddenNs();
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    for (int g = 0; g < starts.size(); ++g) {
        if (starts[g] < 0)
            continue;
        qint64 next = -1;
        for (int k = g + 1; k < starts.size() && next < 0; ++k)
            next = starts[k];
        const double x = xAt(starts[g]);
        const double xEnd = next < 0 ? double(right) : xAt(next);
        if (xEnd < kGutter || x > right)
            continue;
        p.setPen(QPen(palette().color(QPalette::Dark), 1, Qt::DashLine));
        if (x >= kGutter)
            p.drawLine(QPointF(x, 0), QPointF(x, lanesBottom));
        QString name = m_model ? StepTimelineModel::actionText(m_model->actionName(g)) : QString();
        if (name.isEmpty())
            name = tr("Steps");
        if (hidden[g] > 0)
            name = tr("%1 · %2 later").arg(name, StepTimelineModel::formatDuration(hidden[g]));
        const double left = std::max(x, double(kGutter)) + 4;
        const double width = xEnd - left - 4;
        if (width > 12) {
            p.setPen(textColor);
            p.drawText(QRectF(left, 0, width, kActionRowH), Qt::AlignVCenter | Qt::AlignLeft,
                       p.fontMetrics().elidedText(name, Qt::ElideRight, int(width)));
        }
    }
    p.restore();
}

void TimelineView::paintBar(QPainter &p, int row, const QRectF &r, bool merged) const
{
    const StepState state = m_layout.state(row);
    const Side side = m_layout.side(row);
    const BarStyle style = barStyle(state, side);
    p.setPen(QPen(style.border, style.borderWidth, style.borderStyle));
    p.setBrush(style.fill);
    p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
    if (style.overlay != Qt::NoBrush) {
        QBrush stripes(style.overlayColor, style.overlay);
        if (state == StepState::Running)
            stripes.setTransform(QTransform::fromTranslate(m_stripePhase, 0));
        p.fillRect(r.adjusted(1, 1, -1, -1), stripes);
    }
    // A step done inside the container carries a notch in its corner.
    if (side == Side::Container && r.width() >= 8) {
        QPainterPath notch;
        notch.moveTo(r.topLeft() + QPointF(1, 1));
        notch.lineTo(r.topLeft() + QPointF(7, 1));
        notch.lineTo(r.topLeft() + QPointF(1, 7));
        notch.closeSubpath();
        p.fillPath(notch, QColor(0xff, 0xff, 0xff, 0xd0));
    }
    if (!merged && r.width() >= 48) {
        // Only wide bars look at the model: the title is the one thing not in the layout.
        p.setPen(style.text);
        const QRectF textRect = r.adjusted(side == Side::Container ? 9 : 4, 0, -3, 0);
        p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                   p.fontMetrics().elidedText(m_model->step(row).title, Qt::ElideRight,
                                              int(textRect.width())));
    }
}

void TimelineView::paintBars(QPainter &p, qint64 from, qint64 to) const
{
    if (!m_model)
        return;
    p.save();
    const int lanesBottom = kHeader + TimelineLayout::kLaneCount * kLaneH;
    p.setClipRect(QRect(kGutter, kHeader, lanesWidth(), lanesBottom - kHeader));
    const qint64 slack = qint64(kMinBarWidth * m_nsPerPx) + 1;
    const int current = m_selection ? m_selection->currentIndex().row() : -1;
    const double scroll = horizontalScrollBar()->value();
    const double perNs = 1.0 / m_nsPerPx;
    auto xOf = [&](qint64 axis) { return kGutter + double(axis) * perNs - scroll; };
    QList<double> failures;
    for (int lane = 0; lane < TimelineLayout::kLaneCount; ++lane) {
        // At low zoom thousands of instant steps share a few pixels. Narrow bars of
        // the same look that touch are drawn as one (what a frame of 10 000 steps
        // costs is the drawing, not the looking up); failures, rollbacks and the
        // running step are always drawn on their own, they must never disappear.
        QRectF pending;
        int pendingRow = -1;
        int pendingLook = -1;
        bool pendingMerged = false;
        auto flush = [&] {
            if (pendingRow >= 0)
                paintBar(p, pendingRow, pending, pendingMerged);
            pendingRow = -1;
        };
        m_layout.forEachInRange(lane, from - slack, to, [&](int row) {
            const StepState state = m_layout.state(row);
            const QRectF r =
                barRectF(m_layout, row, xOf(m_layout.axisStart(row)), xOf(m_layout.axisEnd(row)));
            const int look = int(state) * 2 + int(m_layout.side(row));
            const bool alone = state == StepState::Failed || state == StepState::RolledBack ||
                               state == StepState::Running || row == m_hoverRow;
            const bool narrow = r.width() <= kMinBarWidth + 1;
            if (!alone && narrow && pendingRow >= 0 && look == pendingLook &&
                pending.width() <= 3 * kMinBarWidth && r.left() <= pending.right() + 1) {
                pending.setRight(std::max(pending.right(), r.right()));
                pendingMerged = true;
                return;
            }
            flush();
            if (alone) {
                paintBar(p, row, r, false);
                if (state == StepState::Failed)
                    failures.append(r.center().x());
                return;
            }
            pending = r;
            pendingRow = row;
            pendingLook = look;
            pendingMerged = false;
        });
        flush();
    }
    // Hover and selection on top of everything.
    auto outline = [&](int row, const QColor &color, qreal width) {
        if (row < 0 || row >= m_layout.rowCount())
            return;
        const QRectF r =
            barRectF(m_layout, row, xAt(m_layout.axisStart(row)), xAt(m_layout.axisEnd(row)));
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(color, width));
        p.drawRect(r.adjusted(-2, -2, 2, 2));
    };
    outline(m_hoverRow, palette().color(QPalette::Dark), 1);
    outline(current, palette().color(QPalette::Highlight), 2.5);
    p.restore();

    // A failure shows above the lanes too, so it is found even among 10 000 steps.
    p.save();
    p.setClipRect(QRect(kGutter, 0, lanesWidth(), kHeader));
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xd3, 0x2f, 0x2f));
    for (double x : std::as_const(failures)) {
        const QPointF tip(x, kHeader - 1);
        const QPointF pts[3] = {tip, tip + QPointF(-5, -8), tip + QPointF(5, -8)};
        p.drawPolygon(pts, 3);
    }
    p.restore();
}

void TimelineView::paintLegend(QPainter &p) const
{
    const int top = kHeader + TimelineLayout::kLaneCount * kLaneH;
    const QRect strip(0, top, viewport()->width(), kLegendH);
    p.fillRect(strip, palette().window());
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(strip.topLeft(), strip.topRight());
    struct Item
    {
        StepState state;
        Side side;
        QString text;
    };
    const Item items[] = {
        {StepState::Done, Side::Host, tr("done on the host")},
        {StepState::Done, Side::Container, tr("done in the container")},
        {StepState::Running, Side::Host, tr("running")},
        {StepState::Failed, Side::Host, tr("failed")},
        {StepState::RolledBack, Side::Host, tr("rolled back")},
        {StepState::Planned, Side::Host, tr("planned")},
        {StepState::Skipped, Side::Host, tr("skipped")},
    };
    int x = 8;
    const int y = top + (kLegendH - 12) / 2;
    p.setFont(font());
    for (const Item &item : items) {
        const BarStyle style = barStyle(item.state, item.side);
        const QRectF swatch(x, y, 22, 12);
        p.setPen(QPen(style.border, 1, style.borderStyle));
        p.setBrush(style.fill);
        p.drawRect(swatch);
        if (style.overlay != Qt::NoBrush)
            p.fillRect(swatch.adjusted(1, 1, -1, -1), QBrush(style.overlayColor, style.overlay));
        if (item.side == Side::Container) {
            QPainterPath notch;
            notch.moveTo(swatch.topLeft() + QPointF(1, 1));
            notch.lineTo(swatch.topLeft() + QPointF(7, 1));
            notch.lineTo(swatch.topLeft() + QPointF(1, 7));
            notch.closeSubpath();
            p.fillPath(notch, QColor(0xff, 0xff, 0xff, 0xd0));
        }
        p.setPen(palette().color(QPalette::WindowText));
        const int w = p.fontMetrics().horizontalAdvance(item.text);
        p.drawText(QPointF(x + 27, top + kLegendH / 2 + p.fontMetrics().ascent() / 2 - 1),
                   item.text);
        x += 27 + w + 16;
    }
}

// ---- input ------------------------------------------------------------------------

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    ensureLayout();
    if (m_autoFit)
        m_nsPerPx = clampZoom(fitNsPerPixel());
    updateScrollRange();
    applyFollow();
}

void TimelineView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        // 120 units = one notch = 1.25x.
        const double factor = std::pow(1.25, -delta.y() / 120.0);
        setNsPerPixel(m_nsPerPx * factor, int(event->position().x()));
        event->accept();
        return;
    }
    // The lanes all fit vertically: the plain wheel pans along time.
    const int d = delta.x() != 0 ? delta.x() : delta.y();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d);
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressScroll = horizontalScrollBar()->value();
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed) {
        if (!m_dragging &&
            (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
            m_dragging = true;
        if (m_dragging) {
            viewport()->setCursor(Qt::ClosedHandCursor);
            horizontalScrollBar()->setValue(m_pressScroll - (pos.x() - m_pressPos.x()));
        }
        return;
    }
    const int row = rowAt(pos);
    if (row != m_hoverRow) {
        m_hoverRow = row;
        viewport()->update();
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    viewport()->unsetCursor();
    if (!m_dragging) {
        const int row = rowAt(event->position().toPoint());
        if (row >= 0) {
            selectRow(row);
            Q_EMIT rowClicked(row);
        }
    }
    m_dragging = false;
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const int rows = m_model ? m_model->rowCount() : 0;
    const int current = m_selection ? m_selection->currentIndex().row() : -1;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up:
        if (rows > 0)
            selectRow(current <= 0 ? 0 : current - 1);
        break;
    case Qt::Key_Right:
    case Qt::Key_Down:
        if (rows > 0)
            selectRow(current < 0 ? 0 : std::min(rows - 1, current + 1));
        break;
    case Qt::Key_Home:
        horizontalScrollBar()->setValue(0);
        break;
    case Qt::Key_End:
        horizontalScrollBar()->setValue(horizontalScrollBar()->maximum());
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        zoomToFit();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

QString TimelineView::toolTipFor(int row) const
{
    const StepTimelineModel::Step &s = m_model->step(row);
    QString op = s.op;
    if (op.size() > 400)
        op = op.left(400) + u"…"_s;
    QString when;
    if (s.state == StepState::Planned)
        when = StepTimelineModel::stateText(s.state);
    else if (s.state == StepState::Running)
        when = tr("running");
    else
        when = tr("%1, %2").arg(StepTimelineModel::formatDuration(s.durationNs),
                                StepTimelineModel::stateText(s.state));
    QString tip = u"<b>"_s + s.title.toHtmlEscaped() + u"</b><br/><code>"_s + op.toHtmlEscaped() +
                  u"</code><br/>"_s + when.toHtmlEscaped() + u" · "_s +
                  (s.side == Side::Container ? tr("in the container") : tr("on the host"));
    if (s.state == StepState::Failed) {
        const QString err = StepTimelineModel::errnoText(s.err);
        tip += u"<br/><span style='color:#c62828'>"_s +
               (err.isEmpty() ? s.message : err + u": "_s + s.message).toHtmlEscaped() +
               u"</span>"_s;
    }
    return tip;
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(row), viewport(), barRect(row));
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::Leave && m_hoverRow >= 0) {
        m_hoverRow = -1;
        viewport()->update();
    }
    if (event->type() == QEvent::Show || event->type() == QEvent::Hide)
        updateAnimation();
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace koker::studio
