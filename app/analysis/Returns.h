// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <vector>

namespace indexlens {

// The series scaled so that the close of the last trading day on or before `base` is `level`.
// Empty when `base` precedes the series.
Series rebased(const Series &series, const QDate &base, double level = 100.0);

// Day-over-day change in percent; element 0 is NaN (no previous day).
std::vector<double> dailyReturnsPercent(const std::vector<double> &values);

} // namespace indexlens
