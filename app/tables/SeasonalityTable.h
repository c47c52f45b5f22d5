// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/Seasonality.h"
#include "tables/ResultTable.h"

namespace indexlens {

// `seasonality` (issue #25, 2): one row per calendar month: month, years, a_beat_b, share (%),
// mean_spread_pp, median_spread_pp (empty for a month without a year); the labels name A and B.
ResultTable seasonalityTable(const Seasonality &seasonality, const QString &a, const QString &b);

// `seasonality --by year-month`: one row per year, its spread A - B (pp) in each month, empty
// where the month does not count.
ResultTable seasonalityMatrixTable(const Seasonality &seasonality);

} // namespace indexlens
