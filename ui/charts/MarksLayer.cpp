// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarksLayer.h"

#include "chart/MarkLabels.h"
#include "chart/PairData.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

namespace indexlens {

// The labels, over the series (z 6; SeriesLayer is at 5), so that no line strikes a label through
// (issue #24, 11); the bands and markers stay under the grid and the series.
class MarksLayer::Labels : public QGraphicsItem {
public:
    Labels(QChart *chart, MarksLayer *owner) : QGraphicsItem(chart), m_owner(owner)
    {
        setZValue(6);
    }
    QRectF boundingRect() const override { return m_owner->boundingRect(); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        m_owner->paintLabelsOn(*painter);
    }
    using QGraphicsItem::prepareGeometryChange;

private:
    MarksLayer *m_owner;
};

MarksLayer::MarksLayer(QChart *chart)
    : QGraphicsItem(chart), m_chart(chart), m_labels(new Labels(chart, this))
{
    // Qt Charts stacks the plot background at 0, shades 1, grid 2, axes 3 and series 4: the bands
    // go over the background and under the grid and the series (SeriesLayer is at 5).
    setZValue(1.5);
}

void MarksLayer::refresh()
{
    update();
    m_labels->update();
}

void MarksLayer::setMarks(ChartMarks marks, Theme theme)
{
    m_marks = std::move(marks);
    m_theme = theme;
    refresh();
}

void MarksLayer::setTheme(Theme theme)
{
    m_theme = theme;
    refresh();
}

void MarksLayer::setRange(double x0, double x1)
{
    m_x0 = x0;
    m_x1 = x1;
    refresh();
}

void MarksLayer::plotAreaChanged()
{
    prepareGeometryChange();
    m_labels->prepareGeometryChange();
    m_plot = m_chart->plotArea();
    refresh();
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
    if (m_marks.empty() || m_plot.isEmpty() || m_x1 <= m_x0) return;
    painter->save();
    painter->setClipRect(m_plot);
    paintBands(*painter);
    paintMarkers(*painter);
    painter->restore();
}

void MarksLayer::paintLabelsOn(QPainter &painter)
{
    m_drawn.clear();
    if (!m_labelled || m_marks.empty() || m_plot.isEmpty() || m_x1 <= m_x0) return;
    painter.save();
    painter.setClipRect(m_plot);
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter.setFont(font);
    paintLabels(painter);
    painter.restore();
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
        if (right <= left) continue;
        const QRectF area(left, m_plot.top(), right - left, m_plot.height());
        if (band.regime) {
            // Hatched and outlined, so rate regimes stay told apart from the periods' shading
            // when both are shown (issue #24, 11).
            QColor ink = colours.mutedText;
            ink.setAlpha(m_theme == Theme::Dark ? 70 : 60);
            painter.fillRect(area, QBrush(ink, Qt::BDiagPattern));
            painter.setPen(QPen(ink, 0, Qt::DashLine));
            painter.drawLine(area.topLeft(), area.bottomLeft());
            painter.drawLine(area.topRight(), area.bottomRight());
            continue;
        }
        QColor fill = index++ % 2 ? colours.series[1] : colours.series[0];
        fill.setAlpha(m_theme == Theme::Dark ? 30 : 26);
        painter.fillRect(area, fill);
    }
}

void MarksLayer::paintMarkers(QPainter &painter)
{
    const QColor colour = chartPalette(m_theme).series[3];
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
    }
}

// Every band and marker keeps a label: whole where it fits, else its key (placeMarkLabels).
void MarksLayer::paintLabels(QPainter &painter)
{
    const ChartPalette &colours = chartPalette(m_theme);
    const QFontMetricsF metrics(painter.font());
    MarkGeometry g;
    for (const ChartBand &band : m_marks.bands)
        g.bands.emplace_back(std::max(m_plot.left(), xOf(band.from)),
                             std::min(m_plot.right(), xOf(band.to)));
    for (const ChartMarker &marker : m_marks.markers)
        g.markers.push_back(xOf(marker.date));
    g.left = m_plot.left();
    g.right = m_plot.right();
    g.rows = std::max(2, int(m_plot.height() / 2 / metrics.height())); // the top half at most
    const MarkLabels labels = placeMarkLabels(
        m_marks, g, [&metrics](const QString &t) { return metrics.horizontalAdvance(t); });
    const auto draw = [&](const PlacedLabel &label, bool shown) {
        if (!shown) return;
        const QRectF box(label.x, m_plot.top() + 2 + label.row * metrics.height(), label.width,
                         metrics.height());
        // On the plot's background, so a marker's line or the grid never crosses a label.
        QColor under = colours.background;
        under.setAlpha(210);
        painter.fillRect(box.adjusted(-2, 0, 2, 0), under);
        painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, label.text);
        m_drawn << label.text;
    };
    painter.setPen(colours.mutedText);
    for (std::size_t i = 0; i < labels.bands.size(); ++i)
        draw(labels.bands[i], g.bands[i].second > g.bands[i].first);
    painter.setPen(colours.series[3]);
    for (std::size_t i = 0; i < labels.markers.size(); ++i)
        draw(labels.markers[i], g.markers[i] >= m_plot.left() && g.markers[i] <= m_plot.right());
}

void MarksLayer::setLabelled(bool labelled)
{
    if (labelled == m_labelled) return;
    m_labelled = labelled;
    refresh();
}

} // namespace indexlens
