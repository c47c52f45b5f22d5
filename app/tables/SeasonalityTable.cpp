// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeasonalityTable.h"

#include "analysis/Relative.h"

#include <map>

namespace indexlens {

ResultTable seasonalityTable(const Seasonality &seasonality, const QString &a, const QString &b)
{
    using K = ResultTable::Kind;
    ResultTable table;
    table.addColumn(QStringLiteral("month"), QStringLiteral("month"), K::Text);
    table.addColumn(QStringLiteral("years"), QStringLiteral("years"), K::Integer);
    table.addColumn(QStringLiteral("a_beat_b"), QStringLiteral("%1 beat %2").arg(a, b), K::Integer);
    table.addColumn(QStringLiteral("share"), QStringLiteral("share %"), K::Percent);
    table.addColumn(QStringLiteral("mean_spread_pp"),
                    QStringLiteral("mean ") + differenceName(a, b) + QStringLiteral(" pp"),
                    K::Points);
    table.addColumn(QStringLiteral("median_spread_pp"),
                    QStringLiteral("median ") + differenceName(a, b) + QStringLiteral(" pp"),
                    K::Points);
    for (const MonthSeason &s : monthSeasons(seasonality)) {
        const bool any = s.years > 0;
        table.addRow({ResultTable::text(monthAbbreviation(s.month)),
                      ResultTable::number(double(s.years)), ResultTable::number(double(s.aBeatB)),
                      any ? ResultTable::number(s.sharePct) : ResultTable::null(),
                      any ? ResultTable::number(s.meanPp) : ResultTable::null(),
                      any ? ResultTable::number(s.medianPp) : ResultTable::null()});
    }
    return table;
}

ResultTable seasonalityMatrixTable(const Seasonality &seasonality)
{
    using K = ResultTable::Kind;
    ResultTable table;
    table.addColumn(QStringLiteral("year"), QStringLiteral("year"), K::Text);
    for (int month = 1; month <= 12; ++month) {
        const QString name = monthAbbreviation(month);
        table.addColumn(name.toLower(), name, K::Points);
    }
    std::map<int, std::vector<ResultTable::Cell>> rows;
    for (const MonthlySpread &s : seasonality.months) {
        auto &row = rows[s.year];
        if (row.empty()) {
            row.resize(13);
            row[0] = ResultTable::text(QString::number(s.year));
        }
        row[std::size_t(s.month)] = ResultTable::number(s.spreadPp);
    }
    for (auto &[year, row] : rows)
        table.addRow(std::move(row));
    return table;
}

} // namespace indexlens
