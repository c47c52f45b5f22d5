// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExtremesTable.h"

#include "analysis/Extremes.h"
#include "analysis/Measure.h"
#include "analysis/ReturnsTable.h"

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
    // The range rule of `returns`: a series answers from its base day, the close on or before
    // `from`, as the window's returns tables and the drawdown chart start; one whose data do not
    // cover the range is n/a with the same reason (issue #25, trial: ^RUT, whose data end
    // 2024-08-02, was given a high and low to 2025 without a word). None answering is refused.
    const std::vector<MeasuredReturn> ranges = measureReturns(series, Measure::range(from, to));
    for (std::size_t k = 0; k < series.size(); ++k) {
        std::vector<ResultTable::Cell> cells{ResultTable::text(series[k].symbol)};
        const MeasuredReturn &range = ranges[k];
        if (!range.has() && notes) *notes << range.reason;
        const auto more = range.has() ? extremesCells(series[k].series, range.baseDay, to)
                                      : std::vector<ResultTable::Cell>(kExtremesColumns);
        cells.insert(cells.end(), more.begin(), more.end());
        table.addRow(std::move(cells));
    }
    return table;
}

} // namespace indexlens
