#include "studio/statsgraph.h"

#include "studio/statspoller.h"

#include <QtCore/QLocale>
#include <QtCore/QThread>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

constexpr int Margin = 8;
constexpr int ChartGap = 14;
constexpr std::array Metrics = {StatsGraph::Metric::Memory, StatsGraph::Metric::Cpu,
                                StatsGraph::Metric::Pids};
// Room above the highest value or limit, so a line at the limit is not lost in
// the frame and a value over it still shows.
constexpr double Headroom = 1.15;
constexpr double MiB = 1024.0 * 1024.0;

int hostCores()
{
    return std::max(1, QThread::idealThreadCount());
}

} // namespace

StatsGraph::StatsGraph(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

StatsGraph::~StatsGraph() = default;

void StatsGraph::setPoller(StatsPoller *poller)
{
    if (m_poller == poller)
        return;
    if (m_poller) {
        disconnect(m_poller, nullptr, this, nullptr);
        m_poller->stop();
    }
    m_poller = poller;
    if (m_poller) {
        connect(m_poller, &StatsPoller::updated, this, qOverload<>(&StatsGraph::update));
        if (isVisible())
            m_poller->start();
    }
    update();
}

void StatsGraph::setCpuLimit(double cores)
{
    m_cpuLimit = std::isfinite(cores) && cores > 0 ? cores : 0;
    update();
}

void StatsGraph::setTimeSpan(int seconds)
{
    m_timeSpan = std::max(0, seconds);
    update();
}

int StatsGraph::timeSpan() const
{
    if (m_timeSpan > 0)
        return m_timeSpan;
    return m_poller ? m_poller->historySpan() : StatsPoller::DefaultHistorySeconds;
}

QColor StatsGraph::limitColor()
{
    return QColor(0xe0, 0x1b, 0x24);
}

QSize StatsGraph::sizeHint() const
{
    return {560, 440};
}

QSize StatsGraph::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {260, 2 * Margin + 3 * (line + 6 + 40) + 2 * ChartGap + line + 4};
}

void StatsGraph::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_poller)
        m_poller->start();
}

void StatsGraph::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Nobody looks: no reason to wake kokerd every second.
    if (m_poller)
        m_poller->stop();
}

QRectF StatsGraph::plotArea(Metric metric) const
{
    const int line = fontMetrics().height();
    const int header = line + 6;
    const int axis = line + 4; // time labels under the last chart
    const double block = std::max(0.0, (height() - 2.0 * Margin - axis - 2.0 * ChartGap) / 3.0);
    const int index = int(metric);
    const double top = Margin + index * (block + ChartGap) + header;
    return QRectF(Margin, top, std::max(0, width() - 2 * Margin), std::max(1.0, block - header));
}

double StatsGraph::sampleValue(Metric metric, const StatsSample &sample) const
{
    switch (metric) {
    case Metric::Memory:
        return double(sample.memoryUsage);
    case Metric::Cpu:
        return sample.cpuPercent;
    case Metric::Pids:
        return double(sample.pids);
    }
    return -1;
}

double StatsGraph::sampleLimit(Metric metric, const StatsSample &sample) const
{
    switch (metric) {
    case Metric::Memory:
        return double(sample.memoryLimit);
    case Metric::Cpu:
        return m_cpuLimit * 100.0;
    case Metric::Pids:
        return double(sample.pidsLimit);
    }
    return -1;
}

double StatsGraph::axisMaximum(Metric metric) const
{
    double top = 0;
    if (m_poller) {
        const QList<StatsSample> &history = m_poller->history();
        const qint64 now = history.isEmpty() ? 0 : history.last().timestampNs;
        const qint64 from = now - qint64(timeSpan()) * 1'000'000'000;
        for (const StatsSample &s : history) {
            if (s.timestampNs < from)
                continue;
            top = std::max({top, sampleValue(metric, s), sampleLimit(metric, s)});
        }
    }
    if (metric == Metric::Cpu) {
        // Without a quota the host is the limit: all its cores.
        top = std::max(top, m_cpuLimit > 0 ? m_cpuLimit * 100.0 : hostCores() * 100.0);
    }
    const double floor = metric == Metric::Memory ? MiB : 10.0;
    if (!std::isfinite(top))
        top = 0;
    return std::max(top * Headroom, floor);
}

double StatsGraph::yForValue(Metric metric, double value) const
{
    const QRectF plot = plotArea(metric);
    const double ratio = std::clamp(value / axisMaximum(metric), 0.0, 1.0);
    return plot.bottom() - ratio * plot.height();
}

double StatsGraph::xForTime(const QRectF &plot, qint64 timestampNs, qint64 nowNs) const
{
    const double span = double(timeSpan()) * 1e9;
    return plot.right() - double(nowNs - timestampNs) / span * plot.width();
}

QString StatsGraph::formatValue(Metric metric, double value) const
{
    const QLocale locale;
    switch (metric) {
    case Metric::Memory:
        return locale.formattedDataSize(qint64(std::min(value, 9.2e18)), 1,
                                        QLocale::DataSizeIecFormat);
    case Metric::Cpu:
        return tr("%1 %").arg(locale.toString(value, 'f', value < 10 ? 1 : 0));
    case Metric::Pids:
        return locale.toString(qint64(std::min(value, 9.2e18)));
    }
    return {};
}

QString StatsGraph::cpuCount(double cores) const
{
    // Plain forms rather than "%n CPU(s)": they read right even with no translation
    // loaded, and quotas are often fractional anyway.
    if (cores == 1)
        return tr("1 CPU");
    return tr("%1 CPUs").arg(QLocale().toString(cores, 'g', 3));
}

QString StatsGraph::title(Metric metric) const
{
    switch (metric) {
    case Metric::Memory:
        return tr("Memory");
    case Metric::Cpu:
        return tr("CPU");
    case Metric::Pids:
        return tr("Processes (PIDs)");
    }
    return {};
}

QColor StatsGraph::color(Metric metric) const
{
    switch (metric) {
    case Metric::Memory:
        return QColor(0x35, 0x84, 0xe4);
    case Metric::Cpu:
        return QColor(0x26, 0xa2, 0x69);
    case Metric::Pids:
        return QColor(0x91, 0x41, 0xac);
    }
    return palette().color(QPalette::Highlight);
}

QString StatsGraph::summary(Metric metric) const
{
    if (!m_poller || m_poller->history().isEmpty())
        return QString();
    const QList<StatsSample> &history = m_poller->history();
    const StatsSample &last = history.last();
    const double value = sampleValue(metric, last);
    const double limit = sampleLimit(metric, last);
    const QLocale locale;
    QString text;
    if (value < 0)
        text = metric == Metric::Cpu && history.size() < 2 ? tr("measuring…") : tr("unknown");
    else if (metric == Metric::Cpu && m_cpuLimit > 0)
        text = tr("%1 of %2 (%3 % of the quota)")
                   .arg(formatValue(metric, value), cpuCount(m_cpuLimit),
                        locale.toString(100.0 * value / limit, 'f', 1));
    else if (metric == Metric::Cpu)
        text = tr("%1, no quota").arg(formatValue(metric, value));
    else if (limit > 0)
        text = tr("%1 of %2 (%3 %)")
                   .arg(formatValue(metric, value), formatValue(metric, limit),
                        locale.toString(100.0 * value / limit, 'f', 1));
    else
        text = tr("%1, no limit").arg(formatValue(metric, value));
    if (metric == Metric::Cpu && last.throttledPeriods > 0) {
        // Since the container started: the kernel's own counters (cpu.stat).
        text +=
            u"  ·  "_s + tr("throttled periods: %1").arg(locale.toString(last.throttledPeriods));
        if (last.throttledNs > 0) {
            const double ms = double(last.throttledNs) / 1e6;
            text += u" ("_s +
                    (ms < 1000 ? tr("%1 ms").arg(locale.toString(ms, 'f', ms < 10 ? 1 : 0))
                               : tr("%1 s").arg(locale.toString(ms / 1000, 'f', 1))) +
                    u')';
        }
    }
    if (metric == Metric::Memory && last.oomKills > 0)
        text += u"  ·  "_s + tr("OOM kills: %1").arg(locale.toString(last.oomKills));
    return text;
}

void StatsGraph::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    for (Metric metric : Metrics)
        paintChart(painter, metric);
    paintTimeAxis(painter);

    // Nothing to draw yet, or kokerd said why not: one line over the middle chart.
    QString note;
    if (!m_poller)
        note = tr("No container selected");
    else if (!m_poller->errorText().isEmpty())
        note = m_poller->errorText();
    else if (m_poller->history().isEmpty())
        note = tr("Waiting for the first reading…");
    if (!note.isEmpty()) {
        const QRectF plot = plotArea(Metric::Cpu);
        const QFontMetrics fm = fontMetrics();
        QRectF box(0, 0, std::min(plot.width() - 16, fm.horizontalAdvance(note) + 24.0),
                   fm.height() + 12.0);
        box.moveCenter(plot.center());
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(palette().color(QPalette::Mid));
        painter.setBrush(palette().color(QPalette::ToolTipBase));
        painter.drawRoundedRect(box, 5, 5);
        painter.setPen(palette().color(QPalette::ToolTipText));
        painter.drawText(box, Qt::AlignCenter,
                         fm.elidedText(note, Qt::ElideRight, int(box.width()) - 12));
    }
}

void StatsGraph::paintChart(QPainter &painter, Metric metric) const
{
    const QRectF plot = plotArea(metric);
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor faint = palette().color(QPalette::PlaceholderText);
    const QColor series = color(metric);

    // Header: title on the left, the current reading on the right.
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF header(plot.left(), plot.top() - fm.height() - 6, plot.width(), fm.height() + 2);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(text);
    const QString heading = title(metric);
    painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, heading);
    painter.setFont(font());
    const double headingWidth = QFontMetrics(bold).horizontalAdvance(heading) + 16;
    const StatsSample *last =
        m_poller && !m_poller->history().isEmpty() ? &m_poller->history().last() : nullptr;
    const bool alarm = last && metric == Metric::Memory && last->oomKills > 0;
    painter.setPen(alarm ? limitColor() : text);
    painter.drawText(
        header.adjusted(headingWidth, 0, 0, 0), Qt::AlignRight | Qt::AlignVCenter,
        fm.elidedText(summary(metric), Qt::ElideLeft, int(header.width() - headingWidth)));

    // Frame and a faint grid at quarters.
    painter.fillRect(plot, palette().color(QPalette::Base));
    painter.setPen(QPen(faint, 1, Qt::DotLine));
    for (int q = 1; q < 4; ++q) {
        const double y = std::round(plot.bottom() - plot.height() * q / 4.0);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    const int span = timeSpan();
    const int step = span >= 180 ? 60 : 10;
    for (int t = step; t < span; t += step) {
        const double x = std::round(plot.right() - plot.width() * t / span);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(plot.adjusted(0, 0, -1, -1));

    const double maximum = axisMaximum(metric);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    painter.setFont(small);
    const QFontMetrics smallFm(small);
    painter.setPen(faint);
    painter.drawText(plot.adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop,
                     formatValue(metric, maximum));

    if (!m_poller || m_poller->history().isEmpty()) {
        painter.setFont(font());
        return;
    }
    const QList<StatsSample> &history = m_poller->history();
    const qint64 now = history.last().timestampNs;
    painter.save();
    painter.setClipRect(plot.adjusted(1, 1, -1, -1));

    // The value: a filled area under a line, broken where polling paused or the
    // value is unknown.
    painter.setRenderHint(QPainter::Antialiasing, true);
    QColor fill = series;
    fill.setAlpha(50);
    QPolygonF segment;
    const auto flush = [&] {
        if (segment.size() >= 2) {
            QPainterPath area;
            area.moveTo(segment.first().x(), plot.bottom());
            for (const QPointF &p : std::as_const(segment))
                area.lineTo(p);
            area.lineTo(segment.last().x(), plot.bottom());
            area.closeSubpath();
            painter.fillPath(area, fill);
            painter.setPen(QPen(series, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPolyline(segment);
        }
        segment.clear();
    };
    for (const StatsSample &s : history) {
        const double v = sampleValue(metric, s);
        if (s.gapBefore || v < 0 || !std::isfinite(v))
            flush();
        if (v >= 0 && std::isfinite(v))
            segment << QPointF(xForTime(plot, s.timestampNs, now), yForValue(metric, v));
    }
    flush();

    // Events: OOM kills as red triangles along the top of the memory chart,
    // throttled periods as orange ticks along the bottom of the CPU chart.
    for (const StatsSample &s : history) {
        const double x = xForTime(plot, s.timestampNs, now);
        if (metric == Metric::Memory && s.newOomKills > 0) {
            const QPolygonF triangle{QPointF(x - 5, plot.top() + 1), QPointF(x + 5, plot.top() + 1),
                                     QPointF(x, plot.top() + 9)};
            painter.setPen(Qt::NoPen);
            painter.setBrush(limitColor().darker(120));
            painter.drawPolygon(triangle);
        }
        if (metric == Metric::Cpu && s.newThrottledPeriods > 0) {
            painter.setPen(QPen(QColor(0xff, 0x78, 0x00), 2));
            painter.drawLine(QPointF(x, plot.bottom() - 1), QPointF(x, plot.bottom() - 7));
        }
    }

    // The current value as a dot, so a single sample shows too.
    const double current = sampleValue(metric, history.last());
    if (current >= 0 && std::isfinite(current)) {
        painter.setPen(QPen(palette().color(QPalette::Base), 1.5));
        painter.setBrush(series);
        painter.drawEllipse(QPointF(xForTime(plot, now, now) - 4, yForValue(metric, current)), 3.5,
                            3.5);
    }

    // The limit: dashed, aliased and on whole pixel rows so it stays crisp. Each
    // sample's limit holds until the next; the first is drawn back to the left
    // edge (the limit was there before we started to watch) and the last on to now.
    painter.setRenderHint(QPainter::Antialiasing, false);
    const bool hostLine = metric == Metric::Cpu && m_cpuLimit <= 0;
    const QColor lineColor = hostLine ? faint : limitColor();
    painter.setPen(QPen(lineColor, 1, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    double lastLimit = -1;
    double lastY = 0;
    double labelY = -1;
    for (qsizetype i = 0; i < history.size(); ++i) {
        const StatsSample &s = history.at(i);
        const double limit = hostLine ? hostCores() * 100.0 : sampleLimit(metric, s);
        if (limit <= 0) {
            lastLimit = -1;
            continue;
        }
        const double x0 =
            lastLimit < 0 && i == 0 ? plot.left() : xForTime(plot, s.timestampNs, now);
        const double x1 = i + 1 < history.size()
                              ? xForTime(plot, history.at(i + 1).timestampNs, now)
                              : plot.right();
        const double y = std::round(yForValue(metric, limit));
        if (lastLimit > 0 && y != lastY)
            painter.drawLine(QPointF(x0, lastY), QPointF(x0, y));
        painter.drawLine(QPointF(x0, y), QPointF(x1, y));
        lastLimit = limit;
        lastY = y;
        labelY = y;
    }
    if (labelY >= 0) {
        const double limit = hostLine ? hostCores() * 100.0 : sampleLimit(metric, history.last());
        const QString label = hostLine
                                  ? tr("host: %1").arg(cpuCount(hostCores()))
                                  : tr("limit %1")
                                        .arg(metric == Metric::Cpu ? cpuCount(m_cpuLimit)
                                                                   : formatValue(metric, limit));
        // Above the line when there is room under the top edge, else below it.
        const double h = smallFm.height();
        const double y = labelY - h - 1 >= plot.top() + h ? labelY - h - 1 : labelY + 2;
        painter.setPen(lineColor);
        painter.drawText(QRectF(plot.left() + 6, y, plot.width() / 3, h),
                         Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    painter.restore();
    painter.setFont(font());
}

void StatsGraph::paintTimeAxis(QPainter &painter) const
{
    const QRectF plot = plotArea(Metric::Pids);
    const QFontMetrics fm = fontMetrics();
    const QRectF axis(plot.left(), plot.bottom() + 2, plot.width(), fm.height());
    const int span = timeSpan();
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter,
                     span >= 120 ? tr("%1 min ago").arg(span / 60) : tr("%1 s ago").arg(span));
    painter.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, tr("now"));
}

} // namespace koker
