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
        PeriodRow row;
        row.start = period.start;
        row.end = period.end;
        row.aPercent = returnBetween(a.series, period.start, period.end)->percent;
        row.bPercent = returnBetween(b.series, period.start, period.end)->percent;
        row.diffPoints = row.aPercent - row.bPercent;
        if (rate) row.rateBps = rateChangeBps(rate->series, period.start, period.end);
        rows.push_back(row);
    }
    return rows;
}

} // namespace indexlens
