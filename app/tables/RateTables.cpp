// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateTables.h"

#include "analysis/Relative.h"

#include <cmath>

namespace indexlens {

using K = ResultTable::Kind;

namespace {
ResultTable::Cell finite(double v)
{
    return std::isfinite(v) ? ResultTable::number(v) : ResultTable::null();
}
} // namespace

ResultTable sensitivityTable(const LinearFit &fit)
{
    ResultTable table;
    table.addColumn(QStringLiteral("slope_pp_per_10bp"), QStringLiteral("pp per 10 bp"),
                    K::Statistic);
    table.addColumn(QStringLiteral("intercept_pp"), QStringLiteral("intercept pp"), K::Points);
    table.addColumn(QStringLiteral("r2"), QStringLiteral("R2"), K::Statistic);
    table.addColumn(QStringLiteral("corr"), QStringLiteral("corr"), K::Statistic);
    table.addColumn(QStringLiteral("n"), QStringLiteral("n"), K::Integer);
    table.addRow({finite(fit.slope * 10.0), finite(fit.intercept), finite(fit.r2), finite(fit.corr),
                  ResultTable::number(double(fit.n))});
    return table;
}

ResultTable rollingSensitivityTable(const std::vector<RollingSensitivity> &rows)
{
    ResultTable table;
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), K::Date);
    table.addColumn(QStringLiteral("corr"), QStringLiteral("corr"), K::Statistic);
    table.addColumn(QStringLiteral("beta"), QStringLiteral("beta % per bp"), K::Statistic);
    for (const RollingSensitivity &row : rows)
        table.addRow({ResultTable::date(row.date), finite(row.corr), finite(row.beta)});
    return table;
}

ResultTable regimesTable(const std::vector<Regime> &regimes, const SymbolSeries *a,
                         const SymbolSeries *b)
{
    ResultTable table;
    table.addColumn(QStringLiteral("start"), QStringLiteral("start"), K::Date);
    table.addColumn(QStringLiteral("end"), QStringLiteral("end"), K::Date);
    table.addColumn(QStringLiteral("direction"), QStringLiteral("direction"), K::Text);
    table.addColumn(QStringLiteral("rate_change_bps"), QStringLiteral("rate bp"), K::Bps);
    const bool pair = a && b;
    if (pair) {
        table.addColumn(QStringLiteral("a_return_pct"), a->symbol + QStringLiteral(" %"),
                        K::Percent);
        table.addColumn(QStringLiteral("b_return_pct"), b->symbol + QStringLiteral(" %"),
                        K::Percent);
        table.addColumn(QStringLiteral("diff_pct"),
                        differenceName(a->symbol, b->symbol) + QStringLiteral(" pp"), K::Points);
    }
    for (const Regime &regime : regimes) {
        std::vector<ResultTable::Cell> cells{
            ResultTable::date(regime.period.start), ResultTable::date(regime.period.end),
            ResultTable::text(regime.direction > 0   ? QStringLiteral("up")
                              : regime.direction < 0 ? QStringLiteral("down")
                                                     : QStringLiteral("flat")),
            ResultTable::number(regime.changeBps)};
        if (pair) {
            const PeriodRow row = computePeriods(*a, *b, nullptr, {regime.period}).front();
            cells.push_back(ResultTable::number(row.aPercent));
            cells.push_back(ResultTable::number(row.bPercent));
            cells.push_back(ResultTable::number(row.diffPoints));
        }
        table.addRow(std::move(cells));
    }
    return table;
}

} // namespace indexlens
