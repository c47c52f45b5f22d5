#pragma once

#include <cstddef>
#include <vector>

namespace indexlens {

// How the ratio A/B moves with a rate, over a rolling window of days ending at each day:
// y = daily log change of the ratio in percent (100 ln(r_t / r_t-1)),
// x = daily change of the rate in basis points.
struct RateSensitivity {
    std::vector<double> correlation; // Pearson correlation of x and y
    std::vector<double> beta;        // cov(x, y) / var(x): percent of ratio move per basis point
};

// `ratio` and `rate` aligned on the same days (rate read as of each day). Elements are NaN until
// `window` daily changes exist, where a change in the window is not a number, or where the rate
// did not move at all in the window. Default window: 60 days.
RateSensitivity rollingRateSensitivity(const std::vector<double> &ratio,
                                       const std::vector<double> &rate, std::size_t window = 60);

} // namespace indexlens
