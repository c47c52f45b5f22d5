#pragma once

#include "chart/PairData.h"

#include <QChartView>

class QChart;
class QDateTimeAxis;
class QAbstractAxis;
class QValueAxis;
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
    void setLogScale(bool log);
    bool logScale() const { return m_log; }

    // Pixel <-> date mapping of the plot area (viewport coordinates).
    QDate dateAt(const QPoint &viewportPos) const;
    int xOf(const QDate &date) const;
    QRectF plotArea() const;

    // The colours the series are drawn in, in the order of content().lines.
    static QColor colorFor(int index, bool rightAxis);

private:
    void rebuild(const ChartContent &content);

    ChartContent m_content;
    QDateTimeAxis *m_dateAxis = nullptr;
    QAbstractAxis *m_leftAxis = nullptr;
    QValueAxis *m_rightAxis = nullptr;
    bool m_log = false;
    bool m_builtLog = false;
    QList<QLineSeries *> m_series; // empty: legend entries and axis bindings only
    class SeriesLayer *m_layer = nullptr;
    QDate m_from, m_to;
};

} // namespace indexlens
