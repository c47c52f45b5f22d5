// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"
#include "tables/ResultTable.h"

#include <QDate>

#include <vector>

namespace indexlens {

// `extremes` (issue #25, 3): per series, the range's highest and lowest close with their dates,
// the % from each to the last close, and the market state by the 20 % rule with its first day:
// symbol, high_date, high, low_date, low, from_high_pct, from_low_pct, state, state_since. A
// series whose data do not cover the range (the rule of `returns`) has empty cells and `notes`
// gets why; none covering it throws UserError.
// The same columns (high_date ... state_since) beside a returns table's (issue #25, 3: the pair
// and compare views' returns tables), and one series' cells for them over [from, to], empty
// without a close there.
constexpr std::size_t kExtremesColumns = 8;
void addExtremesColumns(ResultTable &table);
std::vector<ResultTable::Cell> extremesCells(const Series &closes, const QDate &from,
                                             const QDate &to);

ResultTable extremesTable(const std::vector<SymbolSeries> &series, const QDate &from,
                          const QDate &to, QStringList *notes = nullptr);

} // namespace indexlens
