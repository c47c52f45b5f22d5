// SPDX-License-Identifier: GPL-3.0-or-later
#include "Relative.h"

#include "Returns.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace indexlens {

std::vector<double> relativeReturnPoints(const std::vector<double> &a, const std::vector<double> &b,
                                         std::size_t base)
{
    const std::size_t n = std::min(a.size(), b.size());
    std::vector<double> result(n, std::numeric_limits<double>::quiet_NaN());
    if (base >= n) return result;
    for (std::size_t i = 0; i < n; ++i)
        result[i] = (a[i] / a[base] - b[i] / b[base]) * 100.0;
    return result;
}

std::vector<double> dailySpreadPoints(const std::vector<double> &a, const std::vector<double> &b)
{
    const std::vector<double> ra = dailyReturnsPercent(a);
    const std::vector<double> rb = dailyReturnsPercent(b);
    const std::size_t n = std::min(ra.size(), rb.size());
    std::vector<double> result(n);
    for (std::size_t i = 0; i < n; ++i)
        result[i] = ra[i] - rb[i];
    return result;
}

std::optional<std::size_t> widestSince(const std::vector<double> &spreads, std::size_t index)
{
    // A zero spread (both repeat their close, as IWB and SPY on 2013-03-27) has no direction:
    // "widest since" it would be any earlier positive day (issue #14, 5).
    if (index >= spreads.size() || std::isnan(spreads[index]) || spreads[index] == 0.0)
        return std::nullopt;
    const double s = spreads[index];
    for (std::size_t j = index; j-- > 0;) {
        if (s >= 0 ? spreads[j] >= s : spreads[j] <= s) return j;
    }
    return std::nullopt;
}

} // namespace indexlens
