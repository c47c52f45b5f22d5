// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdjustmentBasis.h"

#include <algorithm>
#include <cmath>

namespace indexlens {

AdjustmentBasis compareAdjustmentBasis(const std::vector<Bar> &cached,
                                       const std::vector<Bar> &incoming)
{
    std::vector<double> ratios;
    auto c = cached.begin();
    for (const Bar &bar : incoming) {
        while (c != cached.end() && c->date < bar.date)
            ++c;
        if (c == cached.end()) break;
        if (c->date == bar.date && c->adjClose && bar.adjClose)
            ratios.push_back(*bar.adjClose / *c->adjClose);
    }

    AdjustmentBasis result;
    result.overlap = int(ratios.size());
    if (ratios.empty()) return result;

    std::vector<double> sorted = ratios;
    const auto middle = sorted.begin() + std::ptrdiff_t(sorted.size() / 2);
    std::nth_element(sorted.begin(), middle, sorted.end());
    result.factor = *middle;
    result.agreeing = int(std::count_if(ratios.begin(), ratios.end(), [&](double r) {
        return std::abs(r / result.factor - 1.0) <= kBasisTolerance;
    }));

    // A factor needs two witnesses, and may be contradicted by at most 5 % of the overlap (at
    // least one day: the intraday last row of a download).
    const int disagreeing = result.overlap - result.agreeing;
    const int allowed = std::max(1, result.overlap / 20);
    if (result.agreeing < std::min(2, result.overlap) || disagreeing > allowed) {
        result.state = AdjustmentBasis::State::Inconsistent;
        return result;
    }
    if (std::abs(result.factor - 1.0) <= kBasisTolerance) {
        result.state = AdjustmentBasis::State::Same;
        result.factor = 1.0;
    } else {
        result.state = result.overlap >= 2 ? AdjustmentBasis::State::Rebased
                                           : AdjustmentBasis::State::Inconsistent;
    }
    return result;
}

} // namespace indexlens
