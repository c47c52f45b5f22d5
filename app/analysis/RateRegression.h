// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <vector>

namespace indexlens {

// One day of A vs B against a rate (issue #13): the day's rate change in basis points, A's and B's
// daily returns' difference in percentage points, and the ratio A/B's daily log change in percent.
struct RateDay {
    QDate date;
    double rateChangeBps = 0;
    double spreadPoints = 0;
    double ratioLogChangePct = 0;
};

// The common trading days of A and B in [from, to] on which the rate was observed, and observed on
// the previous common trading day too: a day without an observation is left out, never counted as
// a 0 bp move.
std::vector<RateDay> rateDays(const SymbolSeries &a, const SymbolSeries &b,
                              const SymbolSeries &rate, const QDate &from, const QDate &to);

// Least squares y = intercept + slope x, with R squared, Pearson's correlation and n. NaN where
// fewer than three points or x does not vary.
struct LinearFit {
    double slope = 0, intercept = 0, r2 = 0, corr = 0;
    int n = 0;
};
LinearFit fitLine(const std::vector<double> &x, const std::vector<double> &y);

// The spread (pp) against the rate change (bp) over `days`.
LinearFit spreadOnRate(const std::vector<RateDay> &days);

// Rolling over `window` consecutive entries of `days`: the correlation of the ratio's log change
// with the rate change, and its beta (percent per basis point), dated by the window's last day.
struct RollingSensitivity {
    QDate date;
    double corr = 0, beta = 0;
};
std::vector<RollingSensitivity> rollingSensitivity(const std::vector<RateDay> &days,
                                                   std::size_t window);

} // namespace indexlens
