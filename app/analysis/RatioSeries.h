// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace indexlens {

// Relative strength A/B on aligned days (see alignOnCommonDays).
std::vector<double> ratio(const std::vector<double> &a, const std::vector<double> &b);

// `values` divided by values[base] (a ratio rebased to 1 at the range start, or times `level`).
std::vector<double> rebasedAt(const std::vector<double> &values, std::size_t base,
                              double level = 1.0);

// The moving averages the ratio chart draws by default.
constexpr std::size_t kShortAverageDays = 50;
constexpr std::size_t kLongAverageDays = 200;

// Simple moving average over `window` days ending at each day; NaN until the window is full.
std::vector<double> movingAverage(const std::vector<double> &values, std::size_t window);

} // namespace indexlens
