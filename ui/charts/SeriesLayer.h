// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QGraphicsItem>
#include <QPen>
#include <QPolygonF>
#include <QString>

#include <vector>

class QChart;

class QFontMetricsF;

namespace indexlens {

// Draws a chart's series as plain polylines in its plot area. Qt Charts' QLineSeries computes a
// hover shape with two atan2() per point on every change, which made a redraw of four charts take
// ~190 ms; this item maps and draws the same (decimated) points in a few milliseconds. The
// chart's own series stay, empty, for the legend and the axes.
class SeriesLayer : public QGraphicsItem {
public:
    // The smallest type of the bars' value labels, a share of the axes' labels' size: the one
    // they are written upright in when no size fits across the bar (ChartView leaves room for it).
    static constexpr double kSmallestLabelScale = 0.72;
    struct Line {
        QPolygonF points; // data coordinates
        QPen pen;
        bool rightAxis = false;
        bool bars = false;        // vertical sticks from zero
        QString endLabel;         // a tag in the line's colour at its right end ("IWM 109.7")
        bool dots = false;        // a scatter plot's points
        double barWidth = 0;      // in x units; 0: a day less a gap
        bool valueLabels = false; // "+3.6" beyond each bar's end
        bool endsEarly = false;   // its tag sits at its own last point, not at the right edge
        bool tail = false;        // a rotation tail: dots joined, the head larger and labelled
        QStringList valueTexts = {}; // each bar's label instead of its value ("7 of 12")
    };
    struct Ranges {
        double x0 = 0, x1 = 1;
        double left0 = 0, left1 = 1;
        bool leftLog = false;
        double right0 = 0, right1 = 1;
    };

    explicit SeriesLayer(QChart *chart);

    void setLines(std::vector<Line> lines, const Ranges &ranges);
    void setRanges(const Ranges &ranges);
    const Ranges &ranges() const { return m_ranges; }
    // A rotation graph's four quadrants around (100, 100), shaded and named under the lines.
    void setQuadrants(bool quadrants);
    // The rotation tails' head labels the last paint wrote, with their boxes.
    const std::vector<std::pair<QString, QRectF>> &headLabels() const { return m_heads; }
    void plotAreaChanged();

    // The bars' value labels the last paint wrote, with their boxes in the plot's coordinates.
    struct ValueLabel {
        QString text;
        QRectF box;
    };
    const std::vector<ValueLabel> &valueLabels() const { return m_valueLabels; }
    // The end tags the last paint drew ("IWM 109.7"), with their boxes.
    struct Tag {
        QString text;
        QRectF box;
    };
    const std::vector<Tag> &tags() const { return m_tags; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void drawBars(QPainter *painter, const Line &line, double sx,
                  const std::function<double(double)> &mapY) const;
    void drawValueLabels(QPainter *painter, const Line &line, double sx, double width,
                         const std::function<double(double)> &mapY) const;
    void drawTag(QPainter *painter, const QRectF &box, const Line &line) const;
    void drawQuadrants(QPainter *painter, double sx, double sy, double y0) const;
    void drawTail(QPainter *painter, const Line &line) const;
    void drawEarlyTag(QPainter *painter, const Line &line, double y,
                      const QFontMetricsF &metrics) const;
    // The end labels, each at its line's last point, pushed apart so that none overlaps.
    void drawEndLabels(QPainter *painter,
                       const std::vector<std::pair<double, const Line *>> &ends) const;

    QChart *m_chart;
    std::vector<Line> m_lines;
    Ranges m_ranges;
    QRectF m_plot;
    mutable QPolygonF m_buffer;
    mutable std::vector<ValueLabel> m_valueLabels;
    mutable std::vector<Tag> m_tags;
    bool m_quadrants = false;
    mutable std::vector<std::pair<QString, QRectF>> m_heads;
};

} // namespace indexlens
