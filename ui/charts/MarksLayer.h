// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/ChartMarks.h"
#include "chart/ChartPalette.h"

#include <QGraphicsItem>

class QChart;

namespace indexlens {

// Draws a chart's marks in its plot area, under the series (issue #12): the periods as shaded
// bands and the rate regimes hatched, labelled at the top, and the largest moves as a triangle
// on the top edge with a dotted line down to the data and the date and value beside it. Every
// label is drawn, whole or as its key (placeMarkLabels); none is cut.
class MarksLayer : public QGraphicsItem {
public:
    explicit MarksLayer(QChart *chart);

    void setMarks(ChartMarks marks, Theme theme);
    void setTheme(Theme theme);
    // The x range of the plot, in PairData x (milliseconds).
    void setRange(double x0, double x1);
    void plotAreaChanged();
    // Whether this chart writes the labels (in a stack, the top chart alone: issue #24, 10).
    void setLabelled(bool labelled);
    // The labels the last paint drew, left to right (tests).
    const QStringList &drawnLabels() const { return m_drawn; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    class Labels;
    void refresh();
    void paintLabelsOn(QPainter &painter);
    double xOf(const QDate &date) const;
    void paintBands(QPainter &painter);
    void paintMarkers(QPainter &painter);
    void paintLabels(QPainter &painter);

    QChart *m_chart;
    ChartMarks m_marks;
    Theme m_theme = Theme::Light;
    double m_x0 = 0, m_x1 = 1;
    QRectF m_plot;
    QStringList m_drawn;
    bool m_labelled = true;
    Labels *m_labels;
};

} // namespace indexlens
