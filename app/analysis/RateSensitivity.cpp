#include "RateSensitivity.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace indexlens {

RateSensitivity rollingRateSensitivity(const std::vector<double> &ratio,
                                       const std::vector<double> &rate, std::size_t window)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::size_t n = std::min(ratio.size(), rate.size());
    RateSensitivity result{std::vector<double>(n, nan), std::vector<double>(n, nan)};
    if (window < 2 || n < window + 1) return result;

    std::vector<double> x(n, nan), y(n, nan);
    for (std::size_t i = 1; i < n; ++i) {
        x[i] = (rate[i] - rate[i - 1]) * 100.0;
        y[i] = 100.0 * std::log(ratio[i] / ratio[i - 1]);
    }
    // Two passes per window (mean, then centred sums): O(n * window), exact enough for
    // correlations near +-1 where the one-pass formula cancels badly; 60 x 25 years is ~0.4 M ops.
    for (std::size_t end = window; end < n; ++end) {
        const std::size_t begin = end + 1 - window;
        double mx = 0.0, my = 0.0;
        bool valid = true;
        for (std::size_t i = begin; i <= end && valid; ++i) {
            valid = !std::isnan(x[i]) && !std::isnan(y[i]);
            mx += x[i];
            my += y[i];
        }
        if (!valid) continue;
        mx /= double(window);
        my /= double(window);
        double sxx = 0.0, syy = 0.0, sxy = 0.0;
        for (std::size_t i = begin; i <= end; ++i) {
            const double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx <= 0.0) continue;
        result.beta[end] = sxy / sxx;
        if (syy > 0.0) result.correlation[end] = sxy / std::sqrt(sxx * syy);
    }
    return result;
}

} // namespace indexlens
