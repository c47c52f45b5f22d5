// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/ChartMarks.h"
#include "chart/ChartPalette.h"
#include "chart/PairData.h"
#include "chart/ValueTicks.h"
#include "SeriesLayer.h"

#include <QChartView>

class QChart;
class QCategoryAxis;
class QAbstractAxis;
class QLineSeries;

namespace indexlens {

// One chart of the window: a date axis, the chart's values on the left, the rate on the right.
// All Qt Charts use stays inside ui/charts behind this class, so that moving to Qt Graphs later
// touches one folder.
class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(QWidget *parent = nullptr);

    // Replaces what is drawn; the x range is [from, to].
    void setContent(const ChartContent &content, const QDate &from, const QDate &to);
    const ChartContent &content() const { return m_content; }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    void setHeadline(const QString &headline);
    const QString &headline() const { return m_headline; }
    // Period bands and move markers over the series (none by default).
    void setMarks(const ChartMarks &marks);
    // Whether the marks' labels are written on this chart (a stack labels its top chart only).
    void setMarkLabels(bool labelled);
    // The marks' labels the last paint showed, left to right.
    QStringList markLabels() const;
    void setLogScale(bool log);
    // Dark or light (the window's View > Theme, an export's --theme): Qt Charts' theme for the
    // axes and text, our palette for the lines and the background.
    void setDarkTheme(bool dark);
    Theme theme() const { return m_theme; }
    bool logScale() const { return m_log; }

    // Pixel <-> date mapping of the plot area (viewport coordinates).
    QDate dateAt(const QPoint &viewportPos) const;
    int xOf(const QDate &date) const;
    // Where a value point (x, left-axis y) of a value-x chart (scatter, rotation) is drawn, in
    // viewport coordinates.
    QPointF pixelOf(const QPointF &value) const;
    // The rotation tails' head labels the last paint wrote ("IWM"), and their boxes in the scene.
    std::vector<std::pair<QString, QRectF>> headLabels() const;
    QRectF plotArea() const;
    // The plot area as the chart lays it out without the insets below (laid out now).
    QRectF naturalPlotArea();
    // Extra margins left and right of the plot, so that stacked charts line up (PlotAlignment).
    void setPlotInsets(double left, double right);
    // The value ticks a chart of `height` px has room for (3 to 7).
    // The value ticks a plot of `plotHeight` px has room for, on a linear and on a log axis.
    static int valueTicksFor(int plotHeight);
    static int logTicksFor(int plotHeight);
    // Those of this chart's plot (PlotAlignment gives a stack's rate axes the fewest).
    int valueTicksRoom() const;
    // The steps of the rate axis (5 alone; in a stack, what its shortest chart has room for).
    void setRateTicks(int ticks);
    // Sizes a view that is never shown (an export renders its scene): the widget and its chart at
    // once, since a hidden widget gets its resize event only when shown.
    void resizeUnshown(const QSize &size);

    // The colour of the index-th line on the left axis, or of the index-th rate on the right.
    static QColor colorFor(int index, bool rightAxis, Theme theme = Theme::Light);
    // Whether the legend sits in the title line (true when title, legend and headline fit the
    // chart's width; else the legend takes its own row below the title).
    bool legendInTitle() const { return m_legendInTitle; }
    // What the line above the plot says (rich text), and whether the legend has a row of its own.
    QString titleText() const;
    bool legendRowVisible() const;
    // The bars' value labels the last paint wrote, and whether each lay inside the plot area.
    QStringList valueLabels(bool *allInside = nullptr) const;
    // The end tags the last paint drew, and whether any two overlap.
    QStringList endTags(bool *overlap = nullptr) const;
    // The labels of the value axis on the left, bottom to top.
    QStringList leftAxisLabels() const;
    // The labels of the value axis on the right (the rates), bottom to top.
    QStringList rightAxisLabels() const;
    // The labels of the date axis, left to right.
    QStringList dateAxisLabels() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild(const ChartContent &content);
    LinearTicks valueXTicks(const ChartContent &content) const;
    void updateDateTicks();
    void updateTitle();
    QString titleWithoutLegend() const;
    QString wrappedLegend() const;
    static QString legendEntry(const QLineSeries &series, const QString &name);
    SeriesLayer::Ranges valueRanges();
    double valueLabelRoom(const ChartContent &content, double span) const;
    int leftTicks() const;
    double plotHeightForTicks() const;
    double valuePadding() const;
    // The value axes' titles, whole where the plot's height has room, else their units.
    void fitAxisTitles();
    // A title on more lines, or a legend row, makes the chart taller, never its plot too short.
    void keepPlotHeight();

    ChartContent m_content;
    QCategoryAxis *m_dateAxis = nullptr;  // x in ms, labelled at calendar boundaries
    QCategoryAxis *m_leftAxis = nullptr;  // values (log10 of them on a log scale)
    QCategoryAxis *m_rightAxis = nullptr; // the rates
    bool m_log = false;
    bool m_builtLog = false;
    Theme m_theme = Theme::Light;
    QList<QLineSeries *> m_series; // empty: legend entries and axis bindings only
    class SeriesLayer *m_layer = nullptr;
    class MarksLayer *m_marks = nullptr;
    QDate m_from, m_to;
    struct Bounds {
        double lo, hi, rlo, rhi; // of the visible values, left and right axis
    } m_bounds{0, 1, 0, 1};
    int m_valueTicks = 0;
    double m_padding = 0.03; // of the value axes' spans, beyond the data
    // The x range leaves room for end tags right of the data; true when that moved m_x1.
    bool applyEndLabelRoom();
    double m_x0 = 0, m_x1 = 1; // the x range drawn: dates in ms, or a scatter plot's values
    double m_xEnd = 1;         // the data's end (m_x1 without the end tags' gutter)
    LinearTicks m_xTicks;      // a scatter plot's x ticks
    int m_rateTicks = 5;
    QString m_headline;
    bool m_legendInTitle = false;
    double m_insetLeft = 0, m_insetRight = 0;
    QMarginsF m_layoutMargins; // the chart layout's own, before any inset
};

} // namespace indexlens
