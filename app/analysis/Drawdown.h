// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace indexlens {

// The drawdown (issue #25, 3): how far each close stands below the running high since `first`,
// 100 * (v[i] / max(v[first..i]) - 1), in % (0 on a new high, negative below it). NaN before
// `first`, where the range has not started. On the range's last day it is the returns table's
// "% from high" (extremesOf over the same closes from the same first day).
std::vector<double> drawdownFromHigh(const std::vector<double> &closes, std::size_t first);
// The same on one day `i` (first <= i), without the whole series: the crosshair's read-out.
double drawdownAt(const std::vector<double> &closes, std::size_t first, std::size_t i);

} // namespace indexlens
