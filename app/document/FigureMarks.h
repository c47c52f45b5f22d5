// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/RateRegimes.h"
#include "chart/ChartMarks.h"
#include "Figure.h"

namespace indexlens {

// The first rate's regimes over [from, to] (issue #13): turning points of 40 bp, periods of at
// least 15 observations, moved to month ends as the notes draw them. Empty without a rate or
// with too few observations.
std::vector<Regime> rateRegimes(const PairData &pair, const QDate &from, const QDate &to);

// What a pair figure marks on its charts over [from, to]: its periods as bands when it shows
// them, its largest moves, and the rate's regimes labelled "10y +107 bp". The window, export
// and render all mark through here.
ChartMarks figureMarks(const PairData &pair, const Figure &figure, const QDate &from,
                       const QDate &to);

} // namespace indexlens
