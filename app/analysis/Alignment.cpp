// SPDX-License-Identifier: GPL-3.0-or-later
#include "Alignment.h"

#include <limits>

namespace indexlens {

AlignedSeries alignOnCommonDays(const std::vector<Series> &series)
{
    AlignedSeries result;
    result.values.resize(series.size());
    if (series.empty()) return result;
    // k-way intersection: advance every cursor to the largest current date until all agree.
    std::vector<std::size_t> cursor(series.size(), 0);
    while (true) {
        QDate target;
        for (std::size_t k = 0; k < series.size(); ++k) {
            if (cursor[k] >= series[k].size()) return result;
            const QDate &d = series[k][cursor[k]].date;
            if (!target.isValid() || d > target) target = d;
        }
        bool allEqual = true;
        for (std::size_t k = 0; k < series.size(); ++k) {
            while (cursor[k] < series[k].size() && series[k][cursor[k]].date < target)
                ++cursor[k];
            if (cursor[k] >= series[k].size()) return result;
            if (series[k][cursor[k]].date != target) allEqual = false;
        }
        if (!allEqual) continue;
        result.dates.push_back(target);
        for (std::size_t k = 0; k < series.size(); ++k)
            result.values[k].push_back(series[k][cursor[k]++].value);
    }
}

std::vector<double> valuesAsOf(const Series &series, const std::vector<QDate> &days,
                               int maxStaleDays)
{
    constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> result;
    result.reserve(days.size());
    std::size_t next = 0; // first observation after the current day
    for (const QDate &day : days) {
        while (next < series.size() && series[next].date <= day)
            ++next;
        // moves gave "0 bp" on the 73 days after DGS10's last observation (2026-04-17).
        const bool known =
            next > 0 &&
            (series[next - 1].date == day ||
             (next < series.size() && series[next - 1].date.daysTo(day) <= maxStaleDays));
        result.push_back(known ? series[next - 1].value : unknown);
    }
    return result;
}

} // namespace indexlens
