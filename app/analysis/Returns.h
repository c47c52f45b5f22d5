// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <vector>

namespace indexlens {

// The return between two dates, as a note quotes it: from the close of the last trading day on or
// before `start` to the close of the last trading day on or before `end`.
struct PeriodReturn {
    QDate startDay; // trading day whose close is the base
    QDate endDay;
    double startValue = 0.0;
    double endValue = 0.0;
    double percent = 0.0; // (end / start - 1) * 100
};

// nullopt when `start` precedes the series (no close to start from) or `end` < `start`.
std::optional<PeriodReturn> returnBetween(const Series &series, const QDate &start,
                                          const QDate &end);

// The series scaled so that the close of the last trading day on or before `base` is `level`.
// Empty when `base` precedes the series.
Series rebased(const Series &series, const QDate &base, double level = 100.0);

// Day-over-day change in percent; element 0 is NaN (no previous day).
std::vector<double> dailyReturnsPercent(const std::vector<double> &values);

// Change of a rate (in percent) between the last observations on or before each date, in basis
// points. nullopt when either date precedes the rate's first observation.
std::optional<double> rateChangeBps(const Series &rate, const QDate &start, const QDate &end);

} // namespace indexlens
