#include "SeriesLayer.h"

#include <QChart>
#include <QPainter>

#include <cmath>

namespace indexlens {

SeriesLayer::SeriesLayer(QChart *chart) : QGraphicsItem(chart), m_chart(chart)
{
    setZValue(5); // above the plot background and grid, below the crosshair
    setFlag(ItemClipsToShape, false);
    m_plot = chart->plotArea();
}

void SeriesLayer::setLines(std::vector<Line> lines, const Ranges &ranges)
{
    m_lines = std::move(lines);
    m_ranges = ranges;
    plotAreaChanged();
}

void SeriesLayer::setRanges(const Ranges &ranges)
{
    m_ranges = ranges;
    plotAreaChanged();
}

void SeriesLayer::plotAreaChanged()
{
    prepareGeometryChange();
    m_plot = m_chart->plotArea();
    update();
}

QRectF SeriesLayer::boundingRect() const
{
    return m_plot;
}

void SeriesLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_plot.isEmpty() || m_ranges.x1 <= m_ranges.x0) return;
    painter->save();
    painter->setClipRect(m_plot);
    const double sx = m_plot.width() / (m_ranges.x1 - m_ranges.x0);
    for (const Line &line : m_lines) {
        const bool log = !line.rightAxis && m_ranges.leftLog;
        double y0 = line.rightAxis ? m_ranges.right0 : m_ranges.left0;
        double y1 = line.rightAxis ? m_ranges.right1 : m_ranges.left1;
        if (log) {
            if (y0 <= 0 || y1 <= 0) continue;
            y0 = std::log10(y0);
            y1 = std::log10(y1);
        }
        if (y1 <= y0) continue;
        const double sy = m_plot.height() / (y1 - y0);
        auto mapY = [&](double v) {
            return m_plot.bottom() - ((log ? std::log10(v) : v) - y0) * sy;
        };
        painter->setPen(line.pen);
        m_buffer.resize(0);
        if (line.bars) {
            drawBars(painter, line, sx, mapY);
            continue;
        }
        m_buffer.reserve(line.points.size());
        for (const QPointF &p : line.points)
            m_buffer.append(QPointF(m_plot.left() + (p.x() - m_ranges.x0) * sx, mapY(p.y())));
        painter->drawPolyline(m_buffer);
    }
    painter->restore();
}

void SeriesLayer::drawBars(QPainter *painter, const Line &line, double sx,
                           const std::function<double(double)> &mapY) const
{
    const double zero = mapY(0.0);
    // A bar takes its day's width minus a gap (a quarter, at least 1 px), and at least 1 px
    // (issue #12, 5). x is in milliseconds of calendar time, so a day is 86 400 000 of them; over
    // a long range that is under a pixel and the bars are sticks, as before.
    const double day = 86400000.0 * sx;
    const double width = std::max(1.0, day - std::max(1.0, day / 4));
    if (width < 1.5) {
        QVector<QLineF> sticks;
        sticks.reserve(line.points.size());
        for (const QPointF &p : line.points) {
            const double x = m_plot.left() + (p.x() - m_ranges.x0) * sx;
            sticks.append(QLineF(x, zero, x, mapY(p.y())));
        }
        painter->drawLines(sticks);
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(line.pen.color());
    for (const QPointF &p : line.points) {
        const double x = m_plot.left() + (p.x() - m_ranges.x0) * sx;
        const double y = mapY(p.y());
        painter->drawRect(
            QRectF(x - width / 2, std::min(y, zero), width, std::max(1.0, std::abs(y - zero))));
    }
}

} // namespace indexlens
