// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeriodTable.h"

#include "core/UserError.h"
#include "Measure.h"

namespace indexlens {

std::vector<PeriodRow> computePeriods(const SymbolSeries &a, const SymbolSeries &b,
                                      const SymbolSeries *rate, const std::vector<Period> &periods)
{
    // A pair's period uses the same two days for A, B and the rate: the last common trading days
    // on or before its dates (issue #22: B was measured from its own day, the rate from A's).
    const auto [commonA, commonB] = onCommonDays(a, b);
    std::vector<PeriodRow> rows;
    rows.reserve(periods.size());
    for (const Period &period : periods) {
        if (period.end < period.start)
            throw UserError(
                QStringLiteral("period %1:%2 ends before it starts")
                    .arg(period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate)));
        const Measure measure = Measure::period(period);
        // Each series' own data first, so that the message names the one that falls short.
        requireReturn(a, measure);
        requireReturn(b, measure);
        const MeasuredReturn ra = requireReturn(commonA, measure);
        const MeasuredReturn rb = requireReturn(commonB, measure);
        PeriodRow row;
        row.start = ra.baseDay;
        row.end = ra.endDay;
        row.aPercent = *ra.percent;
        row.bPercent = *rb.percent;
        row.diffPoints = row.aPercent - row.bPercent;
        if (rate) row.rateBps = rateChangeOn(rate->series, row.start, row.end);
        rows.push_back(row);
    }
    return rows;
}

} // namespace indexlens
