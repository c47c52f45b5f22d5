// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/PeriodTable.h"
#include "analysis/RateRegimes.h"
#include "analysis/RateRegression.h"
#include "ResultTable.h"

namespace indexlens {

// slope_pp_per_10bp, intercept_pp, r2, corr, n: the daily spread A - B (pp) on the rate's daily
// change (bp), one row.
ResultTable sensitivityTable(const LinearFit &fit);

// date, corr, beta (percent of ratio move per basis point), one row per window's last day.
ResultTable rollingSensitivityTable(const std::vector<RollingSensitivity> &rows);

// start, end, direction (up, down, flat), rate_change_bps; with A and B also a_return_pct,
// b_return_pct and diff_pct over each regime, as the periods table gives them.
ResultTable regimesTable(const std::vector<Regime> &regimes, const SymbolSeries *a = nullptr,
                         const SymbolSeries *b = nullptr);

} // namespace indexlens
