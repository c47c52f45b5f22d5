// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <vector>

namespace indexlens {

// How a newer file's adjusted closes relate to the cached ones on the days both hold.
//
// Every dividend multiplies all earlier adjusted closes by one constant, so a file downloaded
// after a dividend disagrees with the cache on every old day, by the same factor. A few days may
// differ beyond that (a revised bar, an intraday snapshot as the last row): they do not hide the
// factor, the median does not see them.
struct AdjustmentBasis {
    enum class State {
        NoOverlap,   // no day with an adjusted close in both
        Same,        // same basis (factor 1)
        Rebased,     // one constant factor != 1 on (nearly) all overlapping days
        Inconsistent // no single factor: leave the rows outside the file as they are
    };
    State state = State::NoOverlap;
    double factor = 1.0; // incoming / cached, the median over the overlap
    int overlap = 0;     // days with an adjusted close in both
    int agreeing = 0;    // days within tolerance of the factor
};

// Relative tolerance of "the same factor": adjusted closes come with 6 decimals or as float32,
// so two sources of one basis agree to ~1e-7; dividends move the basis by 1e-4 and more.
constexpr double kBasisTolerance = 2e-6;

// `cached` and `incoming` ascending by date.
AdjustmentBasis compareAdjustmentBasis(const std::vector<Bar> &cached,
                                       const std::vector<Bar> &incoming);

} // namespace indexlens
