// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExtremesTable.h"

#include "analysis/Extremes.h"
#include "analysis/Measure.h"

namespace indexlens {

void addExtremesColumns(ResultTable &table)
{
    using K = ResultTable::Kind;
    table.addColumn(QStringLiteral("high_date"), QStringLiteral("high date"), K::Date);
    table.addColumn(QStringLiteral("high"), QStringLiteral("high"), K::Price);
    table.addColumn(QStringLiteral("low_date"), QStringLiteral("low date"), K::Date);
    table.addColumn(QStringLiteral("low"), QStringLiteral("low"), K::Price);
    table.addColumn(QStringLiteral("from_high_pct"), QStringLiteral("from high %"), K::Percent);
    table.addColumn(QStringLiteral("from_low_pct"), QStringLiteral("from low %"), K::Percent);
    table.addColumn(QStringLiteral("state"), QStringLiteral("state"), K::Text);
    table.addColumn(QStringLiteral("state_since"), QStringLiteral("since"), K::Date);
}

std::vector<ResultTable::Cell> extremesCells(const Series &closes, const QDate &from,
                                             const QDate &to)
{
    const auto e = extremesOf(closes, from, to);
    if (!e) return std::vector<ResultTable::Cell>(kExtremesColumns);
    return {ResultTable::date(e->high.date),
            ResultTable::number(e->high.value),
            ResultTable::date(e->low.date),
            ResultTable::number(e->low.value),
            ResultTable::number(e->fromHighPct),
            ResultTable::number(e->fromLowPct),
            ResultTable::text(marketStateName(e->state)),
            e->state == MarketState::None ? ResultTable::null() : ResultTable::date(e->stateSince)};
}

ResultTable extremesTable(const std::vector<SymbolSeries> &series, const QDate &from,
                          const QDate &to, QStringList *notes)
{
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), ResultTable::Kind::Text);
    addExtremesColumns(table);
    for (const SymbolSeries &s : series) {
        std::vector<ResultTable::Cell> cells{ResultTable::text(s.symbol)};
        // From the range's base day, the close on or before `from` (the range rule), as the
        // window's returns tables and the drawdown chart start; from the first close after it
        // for a series that starts later.
        const QDate base = measureReturn(s, Measure::range(from, to)).baseDay;
        const auto more = extremesCells(s.series, base.isValid() ? base : from, to);
        if (more.front().isNull() && notes)
            *notes << QStringLiteral("%1: no close from %2 to %3")
                          .arg(s.symbol, from.toString(Qt::ISODate), to.toString(Qt::ISODate));
        cells.insert(cells.end(), more.begin(), more.end());
        table.addRow(std::move(cells));
    }
    return table;
}

} // namespace indexlens
