// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateRegression.h"

#include "Alignment.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace indexlens {

namespace {

// The rate observed exactly on `date`, or nothing (a later or earlier value is not an observation).
std::optional<double> observedOn(const Series &rate, const QDate &date)
{
    const auto it =
        std::lower_bound(rate.begin(), rate.end(), date,
                         [](const DatedValue &p, const QDate &d) { return p.date < d; });
    if (it == rate.end() || it->date != date || !std::isfinite(it->value)) return std::nullopt;
    return it->value;
}

} // namespace

std::vector<RateDay> rateDays(const SymbolSeries &a, const SymbolSeries &b,
                              const SymbolSeries &rate, const QDate &from, const QDate &to)
{
    const AlignedSeries aligned = alignOnCommonDays({a.series, b.series});
    std::vector<RateDay> days;
    for (std::size_t i = 1; i < aligned.size(); ++i) {
        const QDate &day = aligned.dates[i];
        if (day < from || day > to) continue;
        const auto now = observedOn(rate.series, day);
        const auto before = observedOn(rate.series, aligned.dates[i - 1]);
        if (!now || !before) continue;
        const double a0 = aligned.values[0][i - 1], a1 = aligned.values[0][i];
        const double b0 = aligned.values[1][i - 1], b1 = aligned.values[1][i];
        days.push_back({day, (*now - *before) * 100.0, ((a1 / a0) - (b1 / b0)) * 100.0,
                        100.0 * std::log((a1 / b1) / (a0 / b0))});
    }
    return days;
}

LinearFit fitLine(const std::vector<double> &x, const std::vector<double> &y)
{
    LinearFit fit;
    fit.n = int(std::min(x.size(), y.size()));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (fit.n < 3) return {nan, nan, nan, nan, fit.n};
    double mx = 0, my = 0;
    for (int i = 0; i < fit.n; ++i) {
        mx += x[std::size_t(i)];
        my += y[std::size_t(i)];
    }
    mx /= fit.n;
    my /= fit.n;
    double sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < fit.n; ++i) {
        const double dx = x[std::size_t(i)] - mx, dy = y[std::size_t(i)] - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if (sxx <= 0) return {nan, nan, nan, nan, fit.n};
    fit.slope = sxy / sxx;
    fit.intercept = my - fit.slope * mx;
    fit.corr = syy > 0 ? sxy / std::sqrt(sxx * syy) : nan;
    fit.r2 = fit.corr * fit.corr;
    return fit;
}

LinearFit spreadOnRate(const std::vector<RateDay> &days)
{
    std::vector<double> x, y;
    for (const RateDay &d : days) {
        x.push_back(d.rateChangeBps);
        y.push_back(d.spreadPoints);
    }
    return fitLine(x, y);
}

std::vector<RollingSensitivity> rollingSensitivity(const std::vector<RateDay> &days,
                                                   std::size_t window)
{
    std::vector<RollingSensitivity> out;
    if (window < 3 || days.size() < window) return out;
    std::vector<double> x(window), y(window);
    for (std::size_t end = window; end <= days.size(); ++end) {
        for (std::size_t k = 0; k < window; ++k) {
            x[k] = days[end - window + k].rateChangeBps;
            y[k] = days[end - window + k].ratioLogChangePct;
        }
        const LinearFit fit = fitLine(x, y);
        out.push_back({days[end - 1].date, fit.corr, fit.slope});
    }
    return out;
}

} // namespace indexlens
