// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompareTables.h"

#include "ExtremesTable.h"

#include <algorithm>

namespace indexlens {

ResultTable compareReturnsTable(const CompareData &data, const QDate &from, const QDate &to,
                                const std::optional<QDate> &rebase, const ReturnMeasures &measures)
{
    using K = ResultTable::Kind;
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("Series"), K::Text);
    table.addColumn(
        QStringLiteral("range_pct"),
        rebase
            ? QStringLiteral("Range from %1").arg(data.baseDay(from, rebase).toString(Qt::ISODate))
            : QStringLiteral("Range"),
        K::Percent);
    table.addColumn(QStringLiteral("ytd_pct"), QStringLiteral("YTD"), K::Percent);
    table.addColumn(QStringLiteral("one_year_pct"), QStringLiteral("1 year"), K::Percent);
    // A day's or period's column is named by its dates: "2024-07-11_pct",
    // "2024-06-28_2024-07-23_pct" in CSV and JSON.
    for (const QDate &day : measures.days)
        table.addColumn(day.toString(Qt::ISODate) + QStringLiteral("_pct"),
                        day.toString(Qt::ISODate), K::Percent);
    for (const Period &p : measures.periods)
        table.addColumn(QStringLiteral("%1_%2_pct")
                            .arg(p.start.toString(Qt::ISODate), p.end.toString(Qt::ISODate)),
                        QStringLiteral("%1 to %2")
                            .arg(p.start.toString(Qt::ISODate), p.end.toString(Qt::ISODate)),
                        K::Percent);
    addExtremesColumns(table); // each series' high and low over the range (issue #25, 3)
    const auto grid = data.returnGrid(from, to, rebase, measures);
    const QDate base = data.baseDay(from); // the range's closes, whatever the rebase day
    for (std::size_t k = 0; k < data.series().size(); ++k) {
        std::vector<ResultTable::Cell> cells{ResultTable::text(data.series()[k].symbol)};
        for (const MeasuredReturn &value : grid[k])
            cells.push_back(ResultTable::number(value.percent));
        // No high and low where the range has no return (the series' data end before `to`):
        // the rule of `extremes` (issue #25, trial: ^RUT had a high to 2024-08-02 beside an
        // empty range).
        const auto extremes = grid[k].front().has()
                                  ? extremesCells(data.series()[k].series, base, to)
                                  : std::vector<ResultTable::Cell>(kExtremesColumns);
        cells.insert(cells.end(), extremes.begin(), extremes.end());
        table.addRow(std::move(cells));
    }
    return table;
}

ResultTable compareValuesTable(const CompareData &data, const QDate &from, const QDate &to,
                               const std::optional<QDate> &rebase)
{
    ResultTable table;
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), ResultTable::Kind::Date);
    const std::vector<CompareData::Rebased> lines = data.rebased(from, to, rebase);
    for (const CompareData::Rebased &r : lines)
        table.addColumn(r.symbol, r.symbol, ResultTable::Kind::Number);
    for (const QDate &day : data.dates()) {
        if (day < std::min(data.baseDay(from), from) || day > to) continue; // the range's rows
        std::vector<ResultTable::Cell> cells{ResultTable::date(day)};
        for (const CompareData::Rebased &r : lines) {
            const auto it = std::lower_bound(r.dates.begin(), r.dates.end(), day);
            cells.push_back(it != r.dates.end() && *it == day
                                ? ResultTable::number(r.values[std::size_t(it - r.dates.begin())])
                                : ResultTable::null());
        }
        table.addRow(std::move(cells));
    }
    return table;
}

} // namespace indexlens
