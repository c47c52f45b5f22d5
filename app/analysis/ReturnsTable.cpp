// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReturnsTable.h"

#include "core/UserError.h"
#include "DataRange.h"
#include "Returns.h"

#include <algorithm>

namespace indexlens {

std::vector<ReturnRow> computeReturns(const std::vector<SymbolSeries> &symbols, const QDate &from,
                                      const QDate &to)
{
    if (to < from)
        throw UserError(QStringLiteral("--to %1 is before --from %2")
                            .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    std::vector<ReturnRow> rows;
    rows.reserve(symbols.size());
    for (const SymbolSeries &s : symbols) {
        requireCovers(s.series, s.symbol, from);
        requireCovers(s.series, s.symbol, to);
        const PeriodReturn r = *returnBetween(s.series, from, to);
        rows.push_back({s.symbol, r.startDay, r.endDay, r.percent});
    }
    return rows;
}

std::vector<ReturnRow> computeDayReturns(const std::vector<SymbolSeries> &symbols, const QDate &day)
{
    std::vector<ReturnRow> rows;
    for (const SymbolSeries &s : symbols) {
        const auto it =
            std::lower_bound(s.series.begin(), s.series.end(), day,
                             [](const DatedValue &p, const QDate &d) { return p.date < d; });
        if (it == s.series.end() || it->date != day)
            throw UserError(QStringLiteral("%1 has no close on %2 (%3)")
                                .arg(s.symbol, day.toString(Qt::ISODate),
                                     day.dayOfWeek() >= 6 ? QStringLiteral("a weekend")
                                                          : QStringLiteral("no trading that day")));
        if (it == s.series.begin())
            throw UserError(QStringLiteral("%1 has no close before %2")
                                .arg(s.symbol, day.toString(Qt::ISODate)));
        const auto previous = std::prev(it);
        rows.push_back({s.symbol, previous->date, day, (it->value / previous->value - 1.0) * 100.0,
                        QStringLiteral("day")});
    }
    return rows;
}

std::vector<ReturnRow> computePeriodReturns(const std::vector<SymbolSeries> &symbols,
                                            const Period &period)
{
    std::vector<ReturnRow> rows = computeReturns(symbols, period.start, period.end);
    for (ReturnRow &row : rows)
        row.label = QStringLiteral("period");
    return rows;
}

std::vector<ReturnRow> computeYearToDate(const std::vector<SymbolSeries> &symbols,
                                         const QDate &asOf)
{
    std::vector<ReturnRow> rows = computeReturns(symbols, QDate(asOf.year() - 1, 12, 31), asOf);
    for (ReturnRow &row : rows)
        row.label = QStringLiteral("ytd");
    return rows;
}

} // namespace indexlens
