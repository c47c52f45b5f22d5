// SPDX-License-Identifier: GPL-3.0-or-later
#include "MovesTable.h"

#include "Alignment.h"
#include "core/UserError.h"
#include "DataRange.h"
#include "Relative.h"
#include "Returns.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace indexlens {

std::vector<MoveRow> largestMoves(const SymbolSeries &a, const SymbolSeries &b,
                                  const SymbolSeries *rate, const QDate &from, const QDate &to,
                                  int top, MoveRanking ranking)
{
    if (to < from)
        throw UserError(QStringLiteral("--to %1 is before --from %2")
                            .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    if (top < 1) throw UserError(QStringLiteral("--top must be at least 1"));
    for (const SymbolSeries *s : {&a, &b}) {
        requireCovers(s->series, s->symbol, from);
        requireCovers(s->series, s->symbol, to);
    }

    const AlignedSeries aligned = alignOnCommonDays({a.series, b.series});
    const std::vector<double> ra = dailyReturnsPercent(aligned.values[0]);
    const std::vector<double> rb = dailyReturnsPercent(aligned.values[1]);
    const std::vector<double> spread = dailySpreadPoints(aligned.values[0], aligned.values[1]);
    const std::vector<double> rateLevel =
        rate ? valuesAsOf(rate->series, aligned.dates) : std::vector<double>();

    // Days in range that have a previous common day (a return).
    std::vector<std::size_t> days;
    for (std::size_t i = 1; i < aligned.size(); ++i) {
        if (aligned.dates[i] >= from && aligned.dates[i] <= to) days.push_back(i);
    }
    const std::vector<double> &key = ranking == MoveRanking::ByA ? ra : spread;
    const std::size_t n = std::min(days.size(), std::size_t(top));
    // Ties go to the earlier day, so the table is the same on every run.
    std::partial_sort(days.begin(), days.begin() + std::ptrdiff_t(n), days.end(),
                      [&](std::size_t x, std::size_t y) {
                          const double kx = std::abs(key[x]), ky = std::abs(key[y]);
                          return kx != ky ? kx > ky : x < y;
                      });
    days.resize(n);

    std::vector<MoveRow> rows;
    rows.reserve(n);
    for (std::size_t i : days) {
        MoveRow row;
        row.date = aligned.dates[i];
        row.aPercent = ra[i];
        row.bPercent = rb[i];
        row.spreadPoints = spread[i];
        if (rate && !std::isnan(rateLevel[i]) && !std::isnan(rateLevel[i - 1]))
            row.rateBps = (rateLevel[i] - rateLevel[i - 1]) * 100.0;
        if (const auto j = widestSince(spread, i)) row.widestSpreadSince = aligned.dates[*j];
        rows.push_back(row);
    }
    return rows;
}

} // namespace indexlens
