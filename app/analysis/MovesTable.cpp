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

QString rankingName(MoveRanking ranking)
{
    switch (ranking) {
    case MoveRanking::ByB:
        return QStringLiteral("b");
    case MoveRanking::BySpread:
        return QStringLiteral("spread");
    case MoveRanking::ByA:
        break;
    }
    return QStringLiteral("a");
}

std::optional<MoveRanking> rankingNamed(const QString &name)
{
    for (const MoveRanking r : {MoveRanking::ByA, MoveRanking::ByB, MoveRanking::BySpread})
        if (name.compare(rankingName(r), Qt::CaseInsensitive) == 0) return r;
    return std::nullopt;
}

QString directionName(MoveDirection direction)
{
    switch (direction) {
    case MoveDirection::Up:
        return QStringLiteral("up");
    case MoveDirection::Down:
        return QStringLiteral("down");
    case MoveDirection::Both:
        break;
    }
    return QStringLiteral("both");
}

std::optional<MoveDirection> directionNamed(const QString &name)
{
    for (const MoveDirection d : {MoveDirection::Both, MoveDirection::Up, MoveDirection::Down})
        if (name.compare(directionName(d), Qt::CaseInsensitive) == 0) return d;
    return std::nullopt;
}

namespace {

// The days of the range FROM..TO that have a move: after the base day, up to TO, whose move
// goes the way asked.
std::vector<std::size_t> rangeDays(const AlignedSeries &aligned, const std::vector<double> &key,
                                   const QDate &from, const QDate &to, MoveDirection direction)
{
    std::vector<std::size_t> days;
    for (std::size_t i = 1; i < aligned.size(); ++i) {
        // After the base (the last day on or before FROM) is after FROM: no day lies between.
        if (aligned.dates[i] <= from) continue;
        if (aligned.dates[i] > to) break;
        if (direction == MoveDirection::Up && !(key[i] > 0)) continue;
        if (direction == MoveDirection::Down && !(key[i] < 0)) continue;
        days.push_back(i);
    }
    return days;
}

} // namespace

std::vector<MoveRow> largestMoves(const SymbolSeries &a, const SymbolSeries &b,
                                  const SymbolSeries *rate, const QDate &from, const QDate &to,
                                  int top, MoveRanking ranking, MoveDirection direction)
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

    const std::vector<double> &key = ranking == MoveRanking::ByA   ? ra
                                     : ranking == MoveRanking::ByB ? rb
                                                                   : spread;
    std::vector<std::size_t> days = rangeDays(aligned, key, from, to, direction);
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
