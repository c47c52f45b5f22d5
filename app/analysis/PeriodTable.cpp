// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeriodTable.h"

#include "core/UserError.h"
#include "DataRange.h"
#include "Returns.h"

namespace indexlens {

std::vector<PeriodRow> computePeriods(const SymbolSeries &a, const SymbolSeries &b,
                                      const SymbolSeries *rate, const std::vector<Period> &periods)
{
    std::vector<PeriodRow> rows;
    rows.reserve(periods.size());
    for (const Period &period : periods) {
        if (period.end < period.start)
            throw UserError(
                QStringLiteral("period %1:%2 ends before it starts")
                    .arg(period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate)));
        for (const SymbolSeries *s : {&a, &b, rate}) {
            if (!s) continue;
            requireCovers(s->series, s->symbol, period.start);
            requireCovers(s->series, s->symbol, period.end);
        }
        const PeriodReturn ra = *returnBetween(a.series, period.start, period.end);
        PeriodRow row;
        // 2023-04-07:2023-04-11 measured the returns from the close of 2023-04-06 (Good Friday
        // was a market holiday) but the rate from 04-07: both now use the days of the closes.
        row.start = ra.startDay;
        row.end = ra.endDay;
        row.aPercent = ra.percent;
        row.bPercent = returnBetween(b.series, period.start, period.end)->percent;
        row.diffPoints = row.aPercent - row.bPercent;
        if (rate) row.rateBps = rateChangeBps(rate->series, row.start, row.end);
        rows.push_back(row);
    }
    return rows;
}

} // namespace indexlens
