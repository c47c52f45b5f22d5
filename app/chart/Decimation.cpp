// SPDX-License-Identifier: GPL-3.0-or-later
#include "Decimation.h"

#include <algorithm>
#include <cmath>

namespace indexlens {

std::vector<QPointF> decimateMinMax(const std::vector<double> &x, const std::vector<double> &y,
                                    double x0, double x1, int buckets)
{
    std::vector<QPointF> out;
    const std::size_t n = std::min(x.size(), y.size());
    if (n == 0 || x1 < x0) return out;
    auto begin =
        std::size_t(std::lower_bound(x.begin(), x.begin() + std::ptrdiff_t(n), x0) - x.begin());
    auto end =
        std::size_t(std::upper_bound(x.begin(), x.begin() + std::ptrdiff_t(n), x1) - x.begin());
    if (begin > 0) --begin; // one point before the range
    if (end < n) ++end;     // and one after
    const std::size_t count = end - begin;
    buckets = std::max(buckets, 1);
    out.reserve(std::min<std::size_t>(count, std::size_t(buckets) * 2 + 4));
    if (count <= std::size_t(buckets) * 2) {
        for (std::size_t i = begin; i < end; ++i)
            if (!std::isnan(y[i])) out.emplace_back(x[i], y[i]);
        return out;
    }
    const double width = (x1 - x0) / buckets;
    std::size_t i = begin;
    while (i < end) {
        // Bucket of point i; points left of x0 or right of x1 get their own buckets.
        const double bucket = std::floor((x[i] - x0) / width);
        std::size_t lo = end, hi = end;
        std::size_t j = i;
        for (; j < end && std::floor((x[j] - x0) / width) == bucket; ++j) {
            if (std::isnan(y[j])) continue;
            if (lo == end || y[j] < y[lo]) lo = j;
            if (hi == end || y[j] > y[hi]) hi = j;
        }
        if (lo != end) {
            const std::size_t first = std::min(lo, hi), second = std::max(lo, hi);
            out.emplace_back(x[first], y[first]);
            if (second != first) out.emplace_back(x[second], y[second]);
        }
        i = j;
    }
    return out;
}

} // namespace indexlens
