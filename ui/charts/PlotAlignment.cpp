// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlotAlignment.h"

#include "ChartView.h"

#include <QChart>
#include <QTimer>

#include <algorithm>

namespace indexlens {

void alignPlotAreas(const QList<ChartView *> &charts)
{
    if (charts.empty()) return; // one chart too: laying it out places its axes
    // One rate, one scale: the steps the shortest chart has room for, on all (5 at most).
    int rateTicks = 5;
    for (const ChartView *chart : charts)
        rateTicks = std::min(rateTicks, chart->valueTicksRoom());
    for (ChartView *chart : charts)
        chart->setRateTicks(rateTicks);
    // Where each plot area would be without the extra margins (the axes keep their widths).
    QList<double> lefts, rights;
    for (ChartView *chart : charts) {
        const QRectF natural = chart->naturalPlotArea();
        lefts << natural.left();
        rights << chart->width() - natural.right();
    }
    const double left = *std::max_element(lefts.begin(), lefts.end());
    const double right = *std::max_element(rights.begin(), rights.end());
    for (qsizetype i = 0; i < charts.size(); ++i)
        charts[i]->setPlotInsets(left - lefts[i], right - rights[i]);
}

PlotAlignment::PlotAlignment(const QList<ChartView *> &charts, QObject *parent) : QObject(parent)
{
    for (ChartView *chart : charts) {
        m_charts << chart;
        connect(chart->chart(), &QChart::plotAreaChanged, this, &PlotAlignment::schedule);
    }
}

void PlotAlignment::schedule()
{
    if (m_pending) return;
    m_pending = true;
    // After the event that moved one plot area: the others may move in the same pass (a resize of
    // the window resizes all four).
    QTimer::singleShot(0, this, [this] {
        m_pending = false;
        QList<ChartView *> charts;
        for (const auto &chart : m_charts)
            if (chart && chart->isVisible()) charts << chart;
        alignPlotAreas(charts);
    });
}

} // namespace indexlens
