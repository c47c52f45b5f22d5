// SPDX-License-Identifier: GPL-3.0-or-later
#include "Drawdown.h"

#include <cmath>

namespace indexlens {

std::vector<double> drawdownFromHigh(const std::vector<double> &closes, std::size_t first)
{
    std::vector<double> out(closes.size(), std::nan(""));
    double high = 0;
    for (std::size_t i = first; i < closes.size(); ++i) {
        if (i == first || closes[i] > high) high = closes[i];
        out[i] = (closes[i] / high - 1.0) * 100.0;
    }
    return out;
}

} // namespace indexlens
