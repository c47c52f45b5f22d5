// SPDX-License-Identifier: GPL-3.0-or-later
#include "Drawdown.h"

#include <algorithm>
#include <cmath>

namespace indexlens {

namespace {
double percentBelow(double close, double high)
{
    return (close / high - 1.0) * 100.0;
}
} // namespace

std::vector<double> drawdownFromHigh(const std::vector<double> &closes, std::size_t first)
{
    std::vector<double> out(closes.size(), std::nan(""));
    double high = 0;
    for (std::size_t i = first; i < closes.size(); ++i) {
        if (i == first || closes[i] > high) high = closes[i];
        out[i] = percentBelow(closes[i], high);
    }
    return out;
}

double drawdownAt(const std::vector<double> &closes, std::size_t first, std::size_t i)
{
    if (i < first || i >= closes.size()) return std::nan("");
    const auto begin = closes.begin() + std::ptrdiff_t(first);
    return percentBelow(closes[i],
                        *std::max_element(begin, closes.begin() + std::ptrdiff_t(i) + 1));
}

} // namespace indexlens
