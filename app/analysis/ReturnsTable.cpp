#include "ReturnsTable.h"

#include "core/UserError.h"
#include "DataRange.h"
#include "Returns.h"

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

std::vector<ReturnRow> computeYearToDate(const std::vector<SymbolSeries> &symbols,
                                         const QDate &asOf)
{
    return computeReturns(symbols, QDate(asOf.year() - 1, 12, 31), asOf);
}

} // namespace indexlens
