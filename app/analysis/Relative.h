// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

namespace indexlens {

// How A minus B is named wherever it is shown: a chart's legend and axis, a crosshair, a table's
// column ("IWM \u2212 SPY pp"), with the true minus (issue #24: "A-B pp" beside "IWB - IWM").
inline QString differenceName(const QString &a, const QString &b)
{
    return a + QStringLiteral(" \u2212 ") + b;
}

// Cumulative return of A minus that of B since `base`, in percentage points, on aligned days.
std::vector<double> relativeReturnPoints(const std::vector<double> &a, const std::vector<double> &b,
                                         std::size_t base);

// Daily return of A minus daily return of B, in percentage points; element 0 is NaN.
std::vector<double> dailySpreadPoints(const std::vector<double> &a, const std::vector<double> &b);

// "Its widest spread since ...": the latest day before `index` whose spread was at least as wide
// in the same direction (>= for a positive spread, <= for a negative one). nullopt when no earlier
// day was (the widest on record), the spread at `index` is not a number, or it is exactly zero
// (no direction to be widest in).
std::optional<std::size_t> widestSince(const std::vector<double> &spreads, std::size_t index);

} // namespace indexlens
