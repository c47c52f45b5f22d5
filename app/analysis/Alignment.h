// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <vector>

namespace indexlens {

// Several series on the days they all trade. values[k][i] is series k on dates[i].
struct AlignedSeries {
    std::vector<QDate> dates;
    std::vector<std::vector<double>> values;
    std::size_t size() const { return dates.size(); }
};

// Keeps the days present in every series (a holiday of one market drops the day for all).
AlignedSeries alignOnCommonDays(const std::vector<Series> &series);

// A rate (or any sparse series) read on each of `days`: the last observation on or before the
// day, never a later one, carried over a holiday or a weekend but not further (issue #14, 3). NaN
// (unknown, not unchanged) before the first observation, after the last one, and where the last
// observation is more than `maxStaleDays` calendar days old (a gap in the data).
constexpr int kMaxStaleDays = 10;
std::vector<double> valuesAsOf(const Series &series, const std::vector<QDate> &days,
                               int maxStaleDays = kMaxStaleDays);

} // namespace indexlens
