// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PeriodTable.h"

namespace indexlens {

// One day of the largest-moves table.
struct MoveRow {
    QDate date;
    double aPercent = 0.0;
    double bPercent = 0.0;
    double spreadPoints = 0.0;     // a - b
    std::optional<double> rateBps; // change since the previous common trading day
    std::optional<QDate> widestSpreadSince;
};

enum class MoveRanking { ByA, BySpread };

// The `top` days in [from, to] with the largest absolute daily return of A (or spread), largest
// first, on the days A and B both trade. "Widest since" looks back over the whole history, not
// only the range. Throws UserError when from/to lie outside the data or to < from.
std::vector<MoveRow> largestMoves(const SymbolSeries &a, const SymbolSeries &b,
                                  const SymbolSeries *rate, const QDate &from, const QDate &to,
                                  int top, MoveRanking ranking);

} // namespace indexlens
