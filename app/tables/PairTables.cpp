// SPDX-License-Identifier: GPL-3.0-or-later
#include "PairTables.h"

#include "analysis/Measure.h"
#include "analysis/Relative.h"
#include "chart/PairData.h"
#include "core/UserError.h"
#include "tables/ExtremesTable.h"

#include <algorithm>

namespace indexlens {

namespace {

using K = ResultTable::Kind;

QString rateField(std::size_t index)
{
    return index == 0 ? QStringLiteral("rate_change_bps")
                      : QStringLiteral("rate%1_change_bps").arg(index + 1);
}

ResultTable periodsColumns(const SymbolSeries &a, const SymbolSeries &b,
                           const std::vector<SymbolSeries> &rates)
{
    ResultTable table;
    table.addColumn(QStringLiteral("start"), QStringLiteral("start"), K::Date);
    table.addColumn(QStringLiteral("end"), QStringLiteral("end"), K::Date);
    table.addColumn(QStringLiteral("a_return_pct"), a.symbol + QStringLiteral(" %"), K::Percent);
    table.addColumn(QStringLiteral("b_return_pct"), b.symbol + QStringLiteral(" %"), K::Percent);
    table.addColumn(QStringLiteral("diff_pct"),
                    differenceName(a.symbol, b.symbol) + QStringLiteral(" pp"), K::Points);
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
        cells.push_back(ResultTable::number(rateChangeOn(rate.series, row.start, row.end)));
    table.addRow(std::move(cells));
}

// The row of `period`, or its dates alone with `why` saying why not (A or B do not cover it).
void addPeriod(ResultTable &table, const SymbolSeries &a, const SymbolSeries &b,
               const std::vector<SymbolSeries> &rates, const Period &period, QString *why)
{
    try {
        addPeriodRow(table, computePeriods(a, b, nullptr, {period}).front(), rates);
    } catch (const UserError &e) {
        table.addRow({ResultTable::date(period.start), ResultTable::date(period.end)});
        if (why) *why = e.message();
    }
}

} // namespace

ResultTable periodsTable(const SymbolSeries &a, const SymbolSeries &b,
                         const std::vector<SymbolSeries> &rates, const std::vector<Period> &periods,
                         QStringList *notes)
{
    ResultTable table = periodsColumns(a, b, rates);
    QString first;
    int answered = 0;
    for (const Period &p : periods) {
        QString why;
        addPeriod(table, a, b, rates, p, &why);
        if (why.isEmpty()) {
            ++answered;
            continue;
        }
        const QString note =
            QStringLiteral("--period %1:%2: %3")
                .arg(p.start.toString(Qt::ISODate), p.end.toString(Qt::ISODate), why);
        if (first.isEmpty()) first = note; // the refusal names the period, as the notes do
        if (notes) *notes << note;
    }
    if (answered == 0 && !first.isEmpty()) throw UserError(first);
    return table;
}

ResultTable movesTable(const SymbolSeries &a, const SymbolSeries &b, const SymbolSeries *rate,
                       const QDate &from, const QDate &to, int top, MoveRanking ranking,
                       MoveDirection direction)
{
    const auto rows = largestMoves(a, b, rate, from, to, top, ranking, direction);
    ResultTable table;
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), K::Date);
    table.addColumn(QStringLiteral("a_return_pct"), a.symbol + QStringLiteral(" %"), K::Percent);
    table.addColumn(QStringLiteral("b_return_pct"), b.symbol + QStringLiteral(" %"), K::Percent);
    table.addColumn(QStringLiteral("spread_pct"),
                    differenceName(a.symbol, b.symbol) + QStringLiteral(" pp"), K::Points);
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

ResultTable returnsTable(const std::vector<std::pair<Measure, MeasuredReturn>> &rows)
{
    const bool notes =
        std::any_of(rows.begin(), rows.end(), [](const auto &row) { return !row.second.has(); });
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), K::Text);
    table.addColumn(QStringLiteral("start"), QStringLiteral("start"), K::Date);
    table.addColumn(QStringLiteral("end"), QStringLiteral("end"), K::Date);
    table.addColumn(QStringLiteral("return_pct"), QStringLiteral("return %"), K::Percent);
    table.addColumn(QStringLiteral("label"), QStringLiteral("label"), K::Text);
    table.addColumn(QStringLiteral("basis"), QStringLiteral("basis"), K::Text, false);
    table.addColumn(QStringLiteral("note"), QStringLiteral("note"), K::Text, notes);
    for (const auto &[measure, r] : rows)
        table.addRow({ResultTable::text(r.symbol), ResultTable::date(r.baseDay),
                      ResultTable::date(r.endDay), ResultTable::number(r.percent),
                      ResultTable::text(measure.label()), ResultTable::text(basisName(r.basis)),
                      r.has() ? ResultTable::null() : ResultTable::text(r.reason)});
    return table;
}

ResultTable pairReturnsTable(const PairData &pair, const QDate &from, const QDate &to,
                             const std::optional<QDate> &rebase)
{
    const QDate base = pair.baseDay(from, rebase);
    // The high and low are the range's, from its base day whatever the rebase, as the drawdown
    // chart and `extremes` (issue #25, trial: after a rebase they started on the rebase day).
    const QDate rangeBase = pair.baseDay(from);
    ResultTable table;
    table.addColumn(QStringLiteral("series"), QStringLiteral("Series"), K::Text);
    // A rebase moves the Range column's start, and its header says so (issue #25, trial: it read
    // "Range" under the range's dates), as the bars' "Range from 2022-09-30".
    table.addColumn(QStringLiteral("range"),
                    rebase ? QStringLiteral("Range from %1").arg(base.toString(Qt::ISODate))
                           : QStringLiteral("Range"),
                    K::Percent);
    table.addColumn(QStringLiteral("ytd"), QStringLiteral("YTD"), K::Percent);
    table.addColumn(QStringLiteral("one_year"), QStringLiteral("1 year"), K::Percent);
    addExtremesColumns(table); // the range's high and low of A and B, on their common days
    const std::vector<Measure> measures = {Measure::range(base, to), Measure::yearToDate(to),
                                           Measure::oneYear(to)};
    // A's days (the common days) measure the rates too.
    std::vector<MeasuredReturn> days, ofB;
    for (const SymbolSeries *s : {&pair.commonA(), &pair.commonB()}) {
        std::vector<ResultTable::Cell> cells = {
            ResultTable::text(s->symbol + QStringLiteral(" %"))};
        for (const Measure &m : measures) {
            const MeasuredReturn r = measureReturn(*s, m);
            cells.push_back(ResultTable::number(r.percent));
            (s == &pair.commonA() ? days : ofB).push_back(r);
        }
        const auto extremes = extremesCells(s->series, rangeBase, to);
        cells.insert(cells.end(), extremes.begin(), extremes.end());
        table.addRow(std::move(cells));
    }
    // A − B in points, on the same two days (issue #24, 17: the row the user guide promises).
    std::vector<ResultTable::Cell> spread = {
        ResultTable::text(differenceName(pair.symbolA(), pair.symbolB()) + QStringLiteral(" pp"))};
    for (std::size_t k = 0; k < days.size(); ++k)
        spread.push_back(days[k].has() && ofB[k].has()
                             ? ResultTable::number(*days[k].percent - *ofB[k].percent)
                             : ResultTable::null());
    spread.resize(table.columns().size());
    table.addRow(std::move(spread));
    for (const SymbolSeries &rate : pair.rates()) {
        std::vector<ResultTable::Cell> cells = {
            ResultTable::text(rate.symbol + QStringLiteral(" bp"))};
        for (const MeasuredReturn &r : days)
            cells.push_back(
                r.has() ? ResultTable::number(rateChangeOn(rate.series, r.baseDay, r.endDay))
                        : ResultTable::null());
        cells.resize(table.columns().size());
        table.addRow(std::move(cells));
    }
    return table;
}

ResultTable pairPeriodsTable(const PairData &pair, const std::vector<Period> &periods)
{
    ResultTable table = periodsColumns(pair.seriesA(), pair.seriesB(), pair.rates());
    for (const Period &p : periods)
        addPeriod(table, pair.seriesA(), pair.seriesB(), pair.rates(), p, nullptr);
    return table;
}

ResultTable pairMovesTable(const PairData &pair, const QDate &from, const QDate &to, int top,
                           MoveRanking ranking, MoveDirection direction)
{
    const QDate start = std::max(from, pair.first());
    const QDate end = std::min(to, pair.last());
    return movesTable(pair.seriesA(), pair.seriesB(), pair.rate(), start, std::max(start, end), top,
                      ranking, direction);
}

ResultTable pairSeriesTable(const PairData &pair, const QDate &from, const QDate &to,
                            const std::optional<QDate> &rebase)
{
    // Every line the charts draw, the ratio's 50- and 200-day averages and every rate included
    // (issue #24, 17).
    ResultTable table;
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), K::Date);
    table.addColumn(QStringLiteral("ratio"), QStringLiteral("A/B"), K::Number);
    table.addColumn(QStringLiteral("ratio_ma50"), QStringLiteral("A/B 50-day average"), K::Number);
    table.addColumn(QStringLiteral("ratio_ma200"), QStringLiteral("A/B 200-day average"),
                    K::Number);
    table.addColumn(pair.symbolA() + QStringLiteral("_rebased"), pair.symbolA(), K::Number);
    table.addColumn(pair.symbolB() + QStringLiteral("_rebased"), pair.symbolB(), K::Number);
    const QString difference = differenceName(pair.symbolA(), pair.symbolB());
    table.addColumn(QStringLiteral("relative_pp"), difference + QStringLiteral(" pp"), K::Points);
    table.addColumn(QStringLiteral("spread_pp"),
                    QStringLiteral("daily ") + difference + QStringLiteral(" pp"), K::Points);
    for (const SymbolSeries &rate : pair.rates())
        table.addColumn(rate.symbol, rate.symbol, K::Number);
    const QDate base = pair.baseDay(from, rebase);
    auto value = [&](ChartKind kind, const QDate &day, std::size_t i) {
        const auto r = pair.readingAt(kind, day, from, rebase);
        return i < r.values.size() ? ResultTable::number(r.values[i].second) : ResultTable::null();
    };
    for (const QDate &day : pair.dates()) {
        if (day < base || day > to) continue;
        const auto ratio = pair.readingAt(ChartKind::Ratio, day, from, rebase);
        std::vector<ResultTable::Cell> row = {ResultTable::date(day)};
        for (const auto &[name, v] : ratio.values) // the ratio, its averages, then the rates
            row.push_back(ResultTable::number(v));
        row.insert(row.begin() + 4,
                   {value(ChartKind::Rebased, day, 0), value(ChartKind::Rebased, day, 1),
                    value(ChartKind::Relative, day, 0), value(ChartKind::Spread, day, 2)});
        table.addRow(std::move(row));
    }
    return table;
}

} // namespace indexlens
