// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/Seasonality.h"
#include "chart/PairData.h"

namespace indexlens {

// The seasonality view's bars (issue #25, 2): for each calendar month, the share of years in
// which A beat B, each bar labelled with the count ("7 of 12"); the title names the pair, the
// months counted and what was left out.
ChartContent seasonalityChart(const Seasonality &seasonality, const QString &a, const QString &b);

} // namespace indexlens
