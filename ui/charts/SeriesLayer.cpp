// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeriesLayer.h"

#include "core/SignedNumber.h"

#include <QAbstractAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QPainter>

#include <algorithm>
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

void SeriesLayer::setQuadrants(bool quadrants)
{
    m_quadrants = quadrants;
    update();
}

QRectF SeriesLayer::boundingRect() const
{
    return m_plot;
}

void SeriesLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    m_valueLabels.clear();
    if (m_plot.isEmpty() || m_ranges.x1 <= m_ranges.x0) return;
    painter->save();
    painter->setClipRect(m_plot);
    const double sx = m_plot.width() / (m_ranges.x1 - m_ranges.x0);
    std::vector<std::pair<double, const Line *>> ends; // y of each labelled line's last point
    m_heads.clear();
    if (m_quadrants && m_ranges.left1 > m_ranges.left0)
        drawQuadrants(painter, sx, m_plot.height() / (m_ranges.left1 - m_ranges.left0),
                      m_ranges.left0);
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
        if (line.tail) {
            drawTail(painter, line);
            continue;
        }
        if (line.dots) {
            painter->setPen(Qt::NoPen);
            QColor fill = line.pen.color();
            fill.setAlpha(150); // overlapping days show darker
            painter->setBrush(fill);
            for (const QPointF &p : m_buffer)
                painter->drawEllipse(p, 2.5, 2.5);
            continue;
        }
        painter->drawPolyline(m_buffer);
        if (!line.endLabel.isEmpty() && !m_buffer.isEmpty())
            ends.emplace_back(m_buffer.back().y(), &line);
    }
    drawEndLabels(painter, ends);
    painter->restore();
}

void SeriesLayer::drawEndLabels(QPainter *painter,
                                const std::vector<std::pair<double, const Line *>> &ends) const
{
    m_tags.clear();
    if (ends.empty()) return;
    // The legend's font, which ChartView measures to leave the tags their gutter.
    painter->setFont(m_chart->legend()->font());
    const QFontMetricsF metrics(painter->font());
    const double h = metrics.height() + 2;
    std::vector<std::pair<double, const Line *>> sorted, early;
    for (const auto &end : ends)
        (end.second->endsEarly ? early : sorted).push_back(end);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &x, const auto &y) { return x.first < y.first; });
    // Top to bottom, each tag at least a tag's height below the one above, inside the plot.
    std::vector<double> tops;
    double next = m_plot.top();
    for (const auto &[y, line] : sorted) {
        const double top = std::max(next, std::min(y - h / 2, m_plot.bottom() - h));
        tops.push_back(top);
        next = top + h;
    }
    // Past the bottom: shift the stack up.
    const double overflow = tops.empty() ? 0 : tops.back() + h - m_plot.bottom();
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const Line &line = *sorted[i].second;
        const double w = metrics.horizontalAdvance(line.endLabel) + 8;
        m_tags.push_back(
            {line.endLabel, QRectF(m_plot.right() - w, tops[i] - std::max(0.0, overflow), w, h)});
        drawTag(painter, m_tags.back().box, line);
    }
    for (const auto &[y, line] : early)
        drawEarlyTag(painter, *line, y, metrics);
}

// A series whose data end early keeps its tag at its last point (issue #22), right of it where
// the tag fits, else left of it; above or below where another tag stands there (QQQ's was hidden
// under IWF's, a user trial).
void SeriesLayer::drawEarlyTag(QPainter *painter, const Line &line, double y,
                               const QFontMetricsF &metrics) const
{
    const double h = metrics.height() + 2;
    const double x = m_plot.left() + (line.points.back().x() - m_ranges.x0) * m_plot.width() /
                                         (m_ranges.x1 - m_ranges.x0);
    const double w = metrics.horizontalAdvance(line.endLabel) + 8;
    const double left = x + 4 + w <= m_plot.right() ? x + 4 : x - 4 - w;
    const double top = std::clamp(y - h / 2, m_plot.top(), m_plot.bottom() - h);
    QRectF box(left, top, w, h);
    const auto taken = [this](const QRectF &b) {
        return std::any_of(m_tags.begin(), m_tags.end(),
                           [&b](const Tag &t) { return t.box.intersects(b); });
    };
    for (int step = 1; taken(box) && step <= 40; ++step) { // h below, h above, 2h below, ...
        const int tags = (step + 1) / 2; // whole tags away, alternately below and above
        const double moved = top + double(step % 2 ? tags : -tags) * h;
        if (moved >= m_plot.top() && moved + h <= m_plot.bottom()) box.moveTop(moved);
    }
    m_tags.push_back({line.endLabel, box});
    drawTag(painter, box, line);
}

// Leading top right, Weakening bottom right, Lagging bottom left, Improving top left, as
// StockCharts shades them (green, yellow, red, blue), pale enough for the tails to stand out;
// each named in its outer corner.
void SeriesLayer::drawQuadrants(QPainter *painter, double sx, double sy, double y0) const
{
    const double cx =
        std::clamp(m_plot.left() + (100 - m_ranges.x0) * sx, m_plot.left(), m_plot.right());
    const double cy = std::clamp(m_plot.bottom() - (100 - y0) * sy, m_plot.top(), m_plot.bottom());
    const bool dark = m_chart->backgroundBrush().color().lightness() < 128;
    struct Quadrant {
        QRectF box;
        QColor colour;
        const char *name;
        Qt::Alignment corner;
    };
    const Quadrant quadrants[] = {
        {QRectF(QPointF(cx, m_plot.top()), QPointF(m_plot.right(), cy)), QColor(0, 158, 115),
         "Leading", Qt::AlignRight | Qt::AlignTop},
        {QRectF(QPointF(cx, cy), QPointF(m_plot.right(), m_plot.bottom())), QColor(230, 159, 0),
         "Weakening", Qt::AlignRight | Qt::AlignBottom},
        {QRectF(QPointF(m_plot.left(), cy), QPointF(cx, m_plot.bottom())), QColor(213, 94, 0),
         "Lagging", Qt::AlignLeft | Qt::AlignBottom},
        {QRectF(QPointF(m_plot.left(), m_plot.top()), QPointF(cx, cy)), QColor(0, 114, 178),
         "Improving", Qt::AlignLeft | Qt::AlignTop}};
    QFont font = m_chart->legend()->font();
    font.setBold(true);
    painter->setFont(font);
    for (const Quadrant &q : quadrants) {
        QColor fill = q.colour;
        fill.setAlpha(dark ? 40 : 28);
        painter->fillRect(q.box, fill);
        QColor text = q.colour;
        text.setAlpha(200);
        painter->setPen(text);
        painter->drawText(q.box.adjusted(6, 4, -6, -4), int(q.corner), QString::fromLatin1(q.name));
    }
    painter->setPen(QPen(m_chart->titleBrush().color(), 1, Qt::DashLine));
    painter->drawLine(QPointF(cx, m_plot.top()), QPointF(cx, m_plot.bottom()));
    painter->drawLine(QPointF(m_plot.left(), cy), QPointF(m_plot.right(), cy));
}

// A tail (m_buffer holds its points in pixels): joined dots, older ones paler, the head larger and
// its symbol beside it, right of it where the label fits, else left.
void SeriesLayer::drawTail(QPainter *painter, const Line &line) const
{
    if (m_buffer.isEmpty()) return;
    QPen pen = line.pen;
    pen.setWidthF(1.5);
    pen.setStyle(Qt::SolidLine);
    painter->setPen(pen);
    painter->drawPolyline(m_buffer);
    painter->setPen(Qt::NoPen);
    const qsizetype n = m_buffer.size();
    for (qsizetype i = 0; i < n; ++i) {
        QColor fill = line.pen.color();
        fill.setAlphaF(i + 1 == n ? 1.0 : 0.35 + 0.5 * double(i + 1) / double(n));
        painter->setBrush(fill);
        painter->drawEllipse(m_buffer[i], i + 1 == n ? 5.0 : 2.5, i + 1 == n ? 5.0 : 2.5);
    }
    if (line.endLabel.isEmpty()) return;
    QFont font = m_chart->legend()->font();
    font.setBold(true);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    const QPointF head = m_buffer.back();
    const double w = metrics.horizontalAdvance(line.endLabel), h = metrics.height();
    const double left = head.x() + 8 + w <= m_plot.right() ? head.x() + 8 : head.x() - 8 - w;
    QRectF box(left, std::clamp(head.y() - h / 2, m_plot.top(), m_plot.bottom() - h), w, h);
    // Clear of the heads labelled before: a label's height below, above, two below, ...
    const auto taken = [this](const QRectF &b) {
        return std::any_of(m_heads.begin(), m_heads.end(),
                           [&b](const auto &head) { return head.second.intersects(b); });
    };
    const double top = box.top();
    for (int step = 1; taken(box) && step <= 12; ++step) {
        const double moved = top + double(step % 2 ? (step + 1) / 2 : -(step / 2)) * h;
        if (moved >= m_plot.top() && moved + h <= m_plot.bottom()) box.moveTop(moved);
    }
    painter->setPen(line.pen.color());
    painter->drawText(box, Qt::AlignCenter, line.endLabel);
    m_heads.emplace_back(line.endLabel, box);
}

void SeriesLayer::drawTag(QPainter *painter, const QRectF &box, const Line &line) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(line.pen.color());
    painter->drawRect(box);
    painter->setPen(line.pen.color().lightness() > 150 ? Qt::black : Qt::white);
    painter->drawText(box, Qt::AlignCenter, line.endLabel);
}

void SeriesLayer::drawBars(QPainter *painter, const Line &line, double sx,
                           const std::function<double(double)> &mapY) const
{
    const double zero = mapY(0.0);
    // A bar takes its day's width minus a gap (a quarter, at least 1 px), and at least 1 px
    // (issue #12, 5). x is in milliseconds of calendar time, so a day is 86 400 000 of them; over
    // a long range that is under a pixel and the bars are sticks, as before.
    const double day = 86400000.0 * sx;
    const double width = line.barWidth > 0 ? std::max(1.0, line.barWidth * sx)
                                           : std::max(1.0, day - std::max(1.0, day / 4));
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
    if (line.valueLabels) drawValueLabels(painter, line, sx, width, mapY);
}

void SeriesLayer::drawValueLabels(QPainter *painter, const Line &line, double sx, double width,
                                  const std::function<double(double)> &mapY) const
{
    // One decimal with its sign (the true minus), as the notes quote returns; beyond the bar's
    // end, in the axes' text colour and font. Every bar keeps its figure (issue #24, 12): in the
    // axes' size where the widest fits the bar and the gap beside it, else smaller, else turned
    // upright along the bar. All of a chart's series decide alike, from a two-digit figure's
    // width at the least.
    const QList<QAbstractAxis *> axes = m_chart->axes(Qt::Horizontal);
    QFont font = axes.isEmpty() ? painter->font() : axes.front()->labelsFont();
    const auto textOf = [](double v) { return signedNumber(v, 1); };
    // A bar's own label where the chart gives one ("7 of 12"), else its value.
    const auto textAt = [&](qsizetype i) {
        return i < line.valueTexts.size() ? line.valueTexts[i] : textOf(line.points[i].y());
    };
    const auto widestAt = [&](const QFont &f) {
        const QFontMetricsF metrics(f);
        double widest = metrics.horizontalAdvance(QStringLiteral("+00.0"));
        for (qsizetype i = 0; i < line.points.size(); ++i)
            widest = std::max(widest, metrics.horizontalAdvance(textAt(i)));
        return widest;
    };
    const double base = font.pointSizeF();
    bool upright = true;
    for (const double scale : {1.0, 0.85, kSmallestLabelScale}) {
        font.setPointSizeF(base * scale);
        if (widestAt(font) <= width / 0.9 + 2) {
            upright = false;
            break;
        }
    }
    painter->setFont(font);
    painter->setPen(m_chart->titleBrush().color());
    const QFontMetricsF metrics(font);
    const double zero = mapY(0.0);
    for (qsizetype i = 0; i < line.points.size(); ++i) {
        const QPointF &p = line.points[i];
        const QString text = textAt(i);
        const double w = metrics.horizontalAdvance(text), h = metrics.height();
        const double x = m_plot.left() + (p.x() - m_ranges.x0) * sx;
        const double y = mapY(p.y());
        const bool up = y <= zero;
        m_valueLabels.push_back({text, upright ? QRectF(x - h / 2, up ? y - 2 - w : y + 2, h, w)
                                               : QRectF(x - w / 2, up ? y - h - 1 : y + 1, w, h)});
        if (!upright) {
            painter->drawText(QRectF(x - w / 2 - 2, up ? y - h - 1 : y + 1, w + 4, h),
                              Qt::AlignCenter, text);
            continue;
        }
        painter->save(); // along the bar, reading upwards, from its end outwards
        painter->translate(x, up ? y - 2 : y + 2);
        painter->rotate(-90);
        painter->drawText(QRectF(up ? 0 : -w, -h / 2, w, h), Qt::AlignCenter, text);
        painter->restore();
    }
}

} // namespace indexlens
