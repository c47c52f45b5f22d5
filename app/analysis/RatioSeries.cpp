// SPDX-License-Identifier: GPL-3.0-or-later
#include "RatioSeries.h"

#include <algorithm>
#include <limits>

namespace indexlens {

std::vector<double> ratio(const std::vector<double> &a, const std::vector<double> &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    std::vector<double> result(n);
    for (std::size_t i = 0; i < n; ++i)
        result[i] = a[i] / b[i];
    return result;
}

std::vector<double> rebasedAt(const std::vector<double> &values, std::size_t base, double level)
{
    std::vector<double> result(values.size());
    const double scale =
        base < values.size() ? level / values[base] : std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < values.size(); ++i)
        result[i] = values[i] * scale;
    return result;
}

std::vector<double> movingAverage(const std::vector<double> &values, std::size_t window)
{
    std::vector<double> result(values.size(), std::numeric_limits<double>::quiet_NaN());
    if (window == 0) return result;
    // Running sum, recomputed exactly every `window` steps so rounding cannot drift over decades.
    double sum = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        sum += values[i];
        if (i >= window) sum -= values[i - window];
        if ((i + 1) % 4096 == 0 && i + 1 >= window) {
            sum = 0.0;
            for (std::size_t j = i + 1 - window; j <= i; ++j)
                sum += values[j];
        }
        if (i + 1 >= window) result[i] = sum / double(window);
    }
    return result;
}

} // namespace indexlens
