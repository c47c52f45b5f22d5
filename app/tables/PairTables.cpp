// SPDX-License-Identifier: GPL-3.0-or-later
#include "PairTables.h"

#include "analysis/DataRange.h"
#include "analysis/Returns.h"
#include "chart/PairData.h"
#include "core/UserError.h"

namespace indexlens {

namespace {

using K = ResultTable::Kind;

QString rateField(std::size_t index)
{
    return index == 0 ? QStringLiteral("rate_change_bps")
                      : QStringLiteral("rate%1_change_bps").arg(index + 1);
}

// The rate's change in basis points, or nothing when its data end before `end` (or start after
// `start`): a value carried past the last observation is unknown, not unchanged.
std::optional<double> coveredRateChange(const Series &rate, const QDate &start, const QDate &end)
{
    if (!covers(rate, start) || !covers(rate, end)) return std::nullopt;
    return rateChangeBps(rate, start, end);
}

} // namespace

namespace {

ResultTable periodsColumns(const SymbolSeries &a, const SymbolSeries &b,
                           const std::vector<SymbolSeries> &rates)
{
    ResultTable table;
    table.addColumn(QStringLiteral("start"), QStringLiteral("start"), K::Date);
    table.addColumn(QStringLiteral("end"), QStringLiteral("end"), K::Date);
    table.addColumn(QStringLiteral("a_return_pct"), a.symbol + QStringLiteral(" %"), K::Percent);
    table.addColumn(QStringLiteral("b_return_pct"), b.symbol + QStringLiteral(" %"), K::Percent);
    table.addColumn(QStringLiteral("diff_pct"), QStringLiteral("A-B pp"), K::Points);
    if (rates.empty()) table.addColumn(rateField(0), QStringLiteral(" bp"), K::Bps, false);
    for (std::size_t r = 0; r < rates.size(); ++r)
        table.addColumn(rateField(r), rates[r].symbol + QStringLiteral(" bp"), K::Bps);
    return table;
}

void addPeriodRow(ResultTable &table, const PeriodRow &row, const std::vector<SymbolSeries> &rates)
{
    std::vector<ResultTable::Cell> cells = {
        ResultTable::date(row.start), ResultTable::date(row.end), ResultTable::number(row.aPercent),
        ResultTable::number(row.bPercent), ResultTable::number(row.diffPoints)};
    for (const SymbolSeries &rate : rates)
        cells.push_back(ResultTable::number(coveredRateChange(rate.series, row.start, row.end)));
    table.addRow(std::move(cells));
}

} // namespace

ResultTable periodsTable(const SymbolSeries &a, const SymbolSeries &b,
                         const std::vector<SymbolSeries> &rates, const std::vector<Period> &periods)
{
    ResultTable table = periodsColumns(a, b, rates);
    for (const PeriodRow &row : computePeriods(a, b, nullptr, periods))
        addPeriodRow(table, row, rates);
    return table;
}

ResultTable movesTable(const SymbolSeries &a, const SymbolSeries &b, const SymbolSeries *rate,
                       const QDate &from, const QDate &to, int top, MoveRanking ranking)
{
    const auto rows = largestMoves(a, b, rate, from, to, top, ranking);
    ResultTable table;
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), K::Date);
    table.addColumn(QStringLiteral("a_return_pct"), a.symbol + QStringLiteral(" %"), K::Percent);
    table.addColumn(QStringLiteral("b_return_pct"), b.symbol + QStringLiteral(" %"), K::Percent);
    table.addColumn(QStringLiteral("spread_pct"), QStringLiteral("A-B pp"), K::Points);
    table.addColumn(QStringLiteral("rate_change_bps"),
                    (rate ? rate->symbol : QString()) + QStringLiteral(" bp"), K::Bps,
                    rate != nullptr);
    table.addColumn(QStringLiteral("widest_spread_since"), QStringLiteral("widest spread since"),
                    K::Date);
    for (const MoveRow &row : rows)
        table.addRow({ResultTable::date(row.date), ResultTable::number(row.aPercent),
                      ResultTable::number(row.bPercent), ResultTable::number(row.spreadPoints),
                      ResultTable::number(row.rateBps), ResultTable::date(row.widestSpreadSince)});
    return table;
}

ResultTable returnsTable(const std::vector<ReturnRow> &rows)
{
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), K::Text);
    table.addColumn(QStringLiteral("start"), QStringLiteral("start"), K::Date);
    table.addColumn(QStringLiteral("end"), QStringLiteral("end"), K::Date);
    table.addColumn(QStringLiteral("return_pct"), QStringLiteral("return %"), K::Percent);
    table.addColumn(QStringLiteral("label"), QStringLiteral("label"), K::Text);
    for (const ReturnRow &row : rows)
        table.addRow({ResultTable::text(row.symbol), ResultTable::date(row.start),
                      ResultTable::date(row.end), ResultTable::number(row.percent),
                      ResultTable::text(row.label)});
    return table;
}

ResultTable pairReturnsTable(const PairData &pair, const QDate &base, const QDate &to)
{
    ResultTable table;
    table.addColumn(QStringLiteral("series"), QStringLiteral("Series"), K::Text);
    table.addColumn(QStringLiteral("range"), QStringLiteral("Range"), K::Percent);
    table.addColumn(QStringLiteral("ytd"), QStringLiteral("YTD"), K::Percent);
    table.addColumn(QStringLiteral("one_year"), QStringLiteral("1 year"), K::Percent);
    const QDate ytdBase(to.year() - 1, 12, 31);
    const QDate yearBase = to.addYears(-1);
    for (const SymbolSeries *s : {&pair.seriesA(), &pair.seriesB()}) {
        auto pct = [&](const QDate &start) -> std::optional<double> {
            const auto r = returnBetween(s->series, start, to);
            return r ? std::optional<double>(r->percent) : std::nullopt;
        };
        table.addRow({ResultTable::text(s->symbol + QStringLiteral(" %")),
                      ResultTable::number(pct(base)), ResultTable::number(pct(ytdBase)),
                      ResultTable::number(pct(yearBase))});
    }
    for (const SymbolSeries &rate : pair.rates())
        table.addRow({ResultTable::text(rate.symbol + QStringLiteral(" bp")),
                      ResultTable::number(coveredRateChange(rate.series, base, to)),
                      ResultTable::number(coveredRateChange(rate.series, ytdBase, to)),
                      ResultTable::number(coveredRateChange(rate.series, yearBase, to))});
    return table;
}

ResultTable pairPeriodsTable(const PairData &pair, const std::vector<Period> &periods)
{
    const SymbolSeries &a = pair.seriesA(), &b = pair.seriesB();
    ResultTable table = periodsColumns(a, b, pair.rates());
    for (const Period &p : periods) {
        if (p.end >= p.start && covers(a.series, p.start) && covers(a.series, p.end) &&
            covers(b.series, p.start) && covers(b.series, p.end))
            addPeriodRow(table, computePeriods(a, b, nullptr, {p}).front(), pair.rates());
        else
            table.addRow({ResultTable::date(p.start), ResultTable::date(p.end)});
    }
    return table;
}

ResultTable pairMovesTable(const PairData &pair, const QDate &from, const QDate &to, int top,
                           MoveRanking ranking)
{
    // The first day has no previous close, so no move.
    const QDate start = std::max(from, pair.dates()[1]);
    const QDate end = std::min(to, pair.last());
    return movesTable(pair.seriesA(), pair.seriesB(), pair.rate(), start, std::max(start, end), top,
                      ranking);
}

ResultTable pairSeriesTable(const PairData &pair, const QDate &from, const QDate &to,
                            const std::optional<QDate> &rebase)
{
    ResultTable table;
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), K::Date);
    table.addColumn(QStringLiteral("ratio"), QStringLiteral("A/B"), K::Number);
    table.addColumn(pair.symbolA() + QStringLiteral("_rebased"), pair.symbolA(), K::Number);
    table.addColumn(pair.symbolB() + QStringLiteral("_rebased"), pair.symbolB(), K::Number);
    table.addColumn(QStringLiteral("relative_pp"), QStringLiteral("A-B pp"), K::Points);
    table.addColumn(QStringLiteral("spread_pp"), QStringLiteral("daily A-B pp"), K::Points);
    const QString rate = pair.rateSymbol();
    if (!rate.isEmpty()) table.addColumn(rate, rate, K::Number);
    const QDate base = pair.baseDay(from, rebase);
    auto value = [&](ChartKind kind, const QDate &day, std::size_t i) {
        const auto r = pair.readingAt(kind, day, from, rebase);
        return i < r.values.size() ? ResultTable::number(r.values[i].second) : ResultTable::null();
    };
    for (const QDate &day : pair.dates()) {
        if (day < base || day > to) continue;
        std::vector<ResultTable::Cell> row = {ResultTable::date(day),
                                              value(ChartKind::Ratio, day, 0),
                                              value(ChartKind::Rebased, day, 0),
                                              value(ChartKind::Rebased, day, 1),
                                              value(ChartKind::Relative, day, 0),
                                              value(ChartKind::Spread, day, 0)};
        if (!rate.isEmpty()) {
            const auto r = pair.readingAt(ChartKind::Ratio, day, from, rebase);
            row.push_back(ResultTable::number(r.values.back().second));
        }
        table.addRow(std::move(row));
    }
    return table;
}

} // namespace indexlens
