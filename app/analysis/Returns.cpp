// SPDX-License-Identifier: GPL-3.0-or-later
#include "Returns.h"

#include <limits>

namespace indexlens {

std::optional<PeriodReturn> returnBetween(const Series &series, const QDate &start,
                                          const QDate &end)
{
    if (end < start) return std::nullopt;
    const auto from = indexOnOrBefore(series, start);
    const auto to = indexOnOrBefore(series, end);
    if (!from || !to) return std::nullopt;
    PeriodReturn r;
    r.startDay = series[*from].date;
    r.endDay = series[*to].date;
    r.startValue = series[*from].value;
    r.endValue = series[*to].value;
    r.percent = (r.endValue / r.startValue - 1.0) * 100.0;
    return r;
}

Series rebased(const Series &series, const QDate &base, double level)
{
    const auto index = indexOnOrBefore(series, base);
    if (!index) return {};
    const double scale = level / series[*index].value;
    Series result;
    result.reserve(series.size());
    for (const DatedValue &point : series)
        result.push_back({point.date, point.value * scale});
    return result;
}

std::vector<double> dailyReturnsPercent(const std::vector<double> &values)
{
    std::vector<double> result(values.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 1; i < values.size(); ++i)
        result[i] = (values[i] / values[i - 1] - 1.0) * 100.0;
    return result;
}

std::optional<double> rateChangeBps(const Series &rate, const QDate &start, const QDate &end)
{
    const auto from = valueAsOf(rate, start);
    const auto to = valueAsOf(rate, end);
    if (!from || !to) return std::nullopt;
    return (*to - *from) * 100.0;
}

} // namespace indexlens
