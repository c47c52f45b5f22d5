// SPDX-License-Identifier: GPL-3.0-or-later
#include "Returns.h"

#include <limits>

namespace indexlens {

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

} // namespace indexlens
