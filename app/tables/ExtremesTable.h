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
// series without a close in the range has empty cells; `notes` gets why.
ResultTable extremesTable(const std::vector<SymbolSeries> &series, const QDate &from,
                          const QDate &to, QStringList *notes = nullptr);

} // namespace indexlens
