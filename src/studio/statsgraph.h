#pragma once

// Live graphs of one container's memory, CPU and PIDs against their limits, drawn
// from a StatsPoller's history with QPainter (QtCharts is not a dependency we want
// for three small charts). Each chart shows the value over time, the limit as a
// dashed line with its value, the current value in words, and the events a
// student should notice: CPU periods throttled by the quota, and OOM kills.
// The graph polls only while it is visible.

#include <QtCore/QPointer>
#include <QtGui/QColor>
#include <QtWidgets/QWidget>

namespace koker {

class StatsPoller;
struct StatsSample;

class StatsGraph final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsGraph)

public:
    /// The three charts, top to bottom.
    enum class Metric
    {
        Memory,
        Cpu,
        Pids,
    };
    Q_ENUM(Metric)

    explicit StatsGraph(QWidget *parent = nullptr);
    ~StatsGraph() override;

    /// Show this poller's history (not owned); it is started while the graph is shown.
    void setPoller(StatsPoller *poller);
    /// The poller shown, or null.
    StatsPoller *poller() const { return m_poller; }
    /// The container's CPU quota in cores (0: none); kokerd's Stats does not carry it.
    void setCpuLimit(double cores);
    /// The CPU quota in cores, 0 if none.
    double cpuLimit() const { return m_cpuLimit; }
    /// Width of the time axis in seconds (default 0: the poller's history span).
    void setTimeSpan(int seconds);
    /// Width of the time axis in seconds.
    int timeSpan() const;

    /// Where a chart's plot is drawn, in widget pixels.
    QRectF plotArea(Metric metric) const;
    /// The value at the top of a chart's plot (bytes, percent of one core, or PIDs).
    double axisMaximum(Metric metric) const;
    /// The pixel row of a value in a chart's plot.
    double yForValue(Metric metric, double value) const;
    /// The colour of the limit lines.
    static QColor limitColor();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // What a chart shows at a sample, and its limit there (<= 0: none).
    double sampleValue(Metric metric, const StatsSample &sample) const;
    double sampleLimit(Metric metric, const StatsSample &sample) const;
    QString formatValue(Metric metric, double value) const;
    QString cpuCount(double cores) const;
    QString title(Metric metric) const;
    QString summary(Metric metric) const;
    QColor color(Metric metric) const;
    double xForTime(const QRectF &plot, qint64 timestampNs, qint64 nowNs) const;
    void paintChart(QPainter &painter, Metric metric) const;
    void paintTimeAxis(QPainter &painter) const;

    QPointer<StatsPoller> m_poller;
    double m_cpuLimit = 0;
    int m_timeSpan = 0;
};

} // namespace koker
