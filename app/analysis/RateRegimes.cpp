// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateRegimes.h"

#include "core/UserError.h"

#include <algorithm>
#include <cmath>

namespace indexlens {

namespace {

using Points = std::vector<DatedValue>;

// Indexes into `points` of the zigzag's turning points, first and last included.
std::vector<std::size_t> zigzag(const Points &points, double threshold)
{
    std::vector<std::size_t> pivots{0};
    int trend = 0;
    std::size_t extreme = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const double v = points[i].value, e = points[extreme].value;
        if (trend == 0) {
            if (std::abs(v - points[0].value) >= threshold) {
                trend = v > points[0].value ? 1 : -1;
                extreme = i;
            }
        } else if ((trend > 0 && v >= e) || (trend < 0 && v <= e)) {
            extreme = i;
        } else if (std::abs(v - e) >= threshold) {
            pivots.push_back(extreme);
            trend = -trend;
            extreme = i;
        }
    }
    if (pivots.back() != points.size() - 1) pivots.push_back(points.size() - 1);
    return pivots;
}

// Merges periods shorter than `minDays` observations, shortest first.
void mergeShort(std::vector<std::size_t> &pivots, int minDays)
{
    while (pivots.size() > 2) {
        std::size_t shortest = 0;
        for (std::size_t k = 1; k + 1 < pivots.size(); ++k)
            if (pivots[k + 1] - pivots[k] < pivots[shortest + 1] - pivots[shortest]) shortest = k;
        if (int(pivots[shortest + 1] - pivots[shortest]) >= minDays) return;
        const bool first = shortest == 0, last = shortest + 2 == pivots.size();
        if (first)
            pivots.erase(pivots.begin() + 1);
        else if (last)
            pivots.erase(pivots.end() - 2);
        else
            pivots.erase(pivots.begin() + qsizetype(shortest),
                         pivots.begin() + qsizetype(shortest) + 2);
    }
}

// The index of the last observation of `date`'s month or of the month before, whichever is nearer.
std::size_t nearestMonthEnd(const Points &points, std::size_t i)
{
    const QDate date = points[i].date;
    const QDate thisEnd(date.year(), date.month(), date.daysInMonth());
    const QDate monthBefore = date.addMonths(-1);
    const QDate previousEnd(monthBefore.year(), monthBefore.month(), monthBefore.daysInMonth());
    const auto lastOnOrBefore = [&](const QDate &d) {
        const auto it =
            std::upper_bound(points.begin(), points.end(), d,
                             [](const QDate &x, const DatedValue &p) { return x < p.date; });
        return std::size_t(std::max<std::ptrdiff_t>(0, it - points.begin() - 1));
    };
    const std::size_t after = lastOnOrBefore(thisEnd), before = lastOnOrBefore(previousEnd);
    return date.daysTo(thisEnd) <= previousEnd.daysTo(date) ? after : before;
}

} // namespace

std::vector<Regime> findRegimes(const Series &rate, const QDate &from, const QDate &to,
                                const RegimeRules &rules)
{
    Points points;
    for (const DatedValue &p : rate)
        if (p.date >= from && p.date <= to && std::isfinite(p.value)) points.push_back(p);
    if (points.size() < 2)
        throw UserError(QStringLiteral("fewer than two observations of the rate from %1 to %2")
                            .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    // Rates are in percent: the threshold in basis points is a hundredth of a point.
    std::vector<std::size_t> pivots = zigzag(points, rules.thresholdBps / 100.0);
    mergeShort(pivots, rules.minDays);
    if (rules.monthEnds) {
        for (std::size_t k = 1; k + 1 < pivots.size(); ++k)
            pivots[k] = nearestMonthEnd(points, pivots[k]);
        pivots.erase(std::unique(pivots.begin(), pivots.end()), pivots.end());
    }
    std::vector<Regime> regimes;
    for (std::size_t k = 0; k + 1 < pivots.size(); ++k) {
        const DatedValue &start = points[pivots[k]], &end = points[pivots[k + 1]];
        const double bps = std::round((end.value - start.value) * 100.0 * 1e6) / 1e6;
        regimes.push_back({{start.date, end.date}, bps > 0 ? 1 : (bps < 0 ? -1 : 0), bps});
    }
    return regimes;
}

} // namespace indexlens
