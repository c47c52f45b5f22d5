// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/MovesTable.h"

#include <QDate>
#include <QString>

#include <vector>

namespace indexlens {

class PairData;

// What a chart marks on top of its series, as FTSE Russell's exhibits do (issue #12): the rows of
// the periods table as shaded bands with their labels (exhibit 4's rate periods), and the largest
// daily moves as markers with their dates (exhibit 3's days "indicated on the chart").
struct ChartBand {
    QDate from, to;
    QString label;       // "1: IWM - SPY -7.8 pp, 10y +82 bp"
    bool regime = false; // a rate regime (hatched), not a period of the table (shaded)
};
struct ChartMarker {
    QDate date;
    QString label; // "2024-07-11 IWM +5.4%"
};
struct ChartMarks {
    std::vector<ChartBand> bands;
    std::vector<ChartMarker> markers;
    bool empty() const { return bands.empty() && markers.empty(); }
};

// The bands of `periods` (numbered as the periods table lists them; a period outside the data
// keeps its band with its number only) and the `topMoves` largest moves in [from, to] ranked as
// the moves table ranks them (none when topMoves is 0).
ChartMarks chartMarks(const PairData &pair, const std::vector<Period> &periods, int topMoves,
                      MoveRanking ranking, const QDate &from, const QDate &to,
                      MoveDirection direction = MoveDirection::Both);

} // namespace indexlens
