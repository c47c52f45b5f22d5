// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarksLayer.h"

#include "chart/PairData.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

namespace indexlens {

MarksLayer::MarksLayer(QChart *chart) : QGraphicsItem(chart), m_chart(chart)
{
    // Qt Charts stacks the plot background at 0, shades 1, grid 2, axes 3 and series 4: the bands
    // go over the background and under the grid and the series (SeriesLayer is at 5).
    setZValue(1.5);
}

void MarksLayer::setMarks(ChartMarks marks, Theme theme)
{
    m_marks = std::move(marks);
    m_theme = theme;
    update();
}

void MarksLayer::setTheme(Theme theme)
{
    m_theme = theme;
    update();
}

void MarksLayer::setRange(double x0, double x1)
{
    m_x0 = x0;
    m_x1 = x1;
    update();
}

void MarksLayer::plotAreaChanged()
{
    prepareGeometryChange();
    m_plot = m_chart->plotArea();
    update();
}

QRectF MarksLayer::boundingRect() const
{
    return m_plot;
}

double MarksLayer::xOf(const QDate &date) const
{
    return m_plot.left() + (PairData::toX(date) - m_x0) * m_plot.width() / (m_x1 - m_x0);
}

void MarksLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    m_taken.clear();
    m_drawn.clear();
    if (m_marks.empty() || m_plot.isEmpty() || m_x1 <= m_x0) return;
    painter->save();
    painter->setClipRect(m_plot);
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    paintBands(*painter);
    paintMarkers(*painter);
    painter->restore();
}

void MarksLayer::paintBands(QPainter &painter)
{
    const ChartPalette &colours = chartPalette(m_theme);
    int index = 0;
    for (const ChartBand &band : m_marks.bands) {
        // From the close it is measured from to its last close: consecutive periods share a
        // boundary and their bands meet there.
        const double left = std::max(m_plot.left(), xOf(band.from));
        const double right = std::min(m_plot.right(), xOf(band.to));
        QColor fill = index++ % 2 ? colours.series[1] : colours.series[0];
        fill.setAlpha(m_theme == Theme::Dark ? 30 : 26);
        if (right > left) {
            painter.fillRect(QRectF(left, m_plot.top(), right - left, m_plot.height()), fill);
            painter.setPen(colours.mutedText);
            drawLabel(painter, QPointF(left + 3, m_plot.top() + 2), band.label, right - left - 6);
        }
    }
}

void MarksLayer::paintMarkers(QPainter &painter)
{
    const ChartPalette &colours = chartPalette(m_theme);
    const QColor colour = colours.series[3];
    for (const ChartMarker &marker : m_marks.markers) {
        const double x = xOf(marker.date);
        if (x < m_plot.left() || x > m_plot.right()) continue;
        painter.setPen(QPen(colour, 0, Qt::DotLine));
        painter.drawLine(QPointF(x, m_plot.top() + 6), QPointF(x, m_plot.bottom()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        const QPointF triangle[] = {
            {x - 5, m_plot.top()}, {x + 5, m_plot.top()}, {x, m_plot.top() + 7}};
        painter.drawPolygon(triangle, 3);
        painter.setPen(colour);
        // Below the band labels' row, beside the triangle.
        const double y = m_plot.top() + 4 + QFontMetricsF(painter.font()).height();
        drawLabel(painter, QPointF(x + 4, y), marker.label, m_plot.right() - x - 6);
    }
}

void MarksLayer::drawLabel(QPainter &painter, const QPointF &at, const QString &text,
                           double maxWidth)
{
    const QFontMetricsF metrics(painter.font());
    const QString shown = metrics.elidedText(text, Qt::ElideRight, maxWidth);
    if (shown.isEmpty() || shown == QStringLiteral("\u2026")) return;
    const QRectF box(at, QSizeF(metrics.horizontalAdvance(shown), metrics.height()));
    for (const QRectF &taken : m_taken)
        if (taken.intersects(box.adjusted(-4, 0, 4, 0))) return;
    m_taken.push_back(box);
    m_drawn << shown;
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, shown);
}

} // namespace indexlens
