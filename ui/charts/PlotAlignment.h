// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

namespace indexlens {

class ChartView;

// Lines up the plot areas of charts stacked one above the other, so that one date sits at one x in
// all of them (issue #12, 3a). Each chart lays out its own axis labels: "30,000" takes more room
// than "1.5", and on ^GSPC/^IXIC Max the 1975 tick was at x = 161, 185, 197 and 161. The widest
// labels on each side set the edge; the other charts take the difference as extra margin.
void alignPlotAreas(const QList<ChartView *> &charts);

// The same, kept true in a window: it realigns (once, after the events that caused it) whenever a
// chart's plot area moves, on new content, a resize, a splitter drag or a theme change.
class PlotAlignment : public QObject {
    Q_OBJECT
public:
    PlotAlignment(const QList<ChartView *> &charts, QObject *parent);

private:
    void schedule();

    QList<QPointer<ChartView>> m_charts;
    bool m_pending = false;
};

} // namespace indexlens
