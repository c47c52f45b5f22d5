// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/ChartMarks.h"
#include "chart/ChartPalette.h"

#include <QGraphicsItem>

class QChart;

namespace indexlens {

// Draws a chart's marks in its plot area, under the series (issue #12): the periods as shaded
// bands, numbered and labelled at the top, and the largest moves as a triangle on the top edge
// with a dotted line down to the data and the date beside it. Labels that would overlap one
// already drawn are left out; the band or the marker stays.
class MarksLayer : public QGraphicsItem {
public:
    explicit MarksLayer(QChart *chart);

    void setMarks(ChartMarks marks, Theme theme);
    void setTheme(Theme theme);
    // The x range of the plot, in PairData x (milliseconds).
    void setRange(double x0, double x1);
    void plotAreaChanged();
    // The labels the last paint drew, left to right (tests).
    const QStringList &drawnLabels() const { return m_drawn; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    double xOf(const QDate &date) const;
    void paintBands(QPainter &painter);
    void paintMarkers(QPainter &painter);
    // Draws `text` at `at` (top left) unless it overlaps a label drawn before.
    void drawLabel(QPainter &painter, const QPointF &at, const QString &text, double maxWidth);

    QChart *m_chart;
    ChartMarks m_marks;
    Theme m_theme = Theme::Light;
    double m_x0 = 0, m_x1 = 1;
    QRectF m_plot;
    std::vector<QRectF> m_taken; // label boxes of the current paint
    QStringList m_drawn;
};

} // namespace indexlens
