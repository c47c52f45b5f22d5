// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PeriodTable.h"

namespace indexlens {

// One day of the largest-moves table.
struct MoveRow {
    QDate date;
    double aPercent = 0.0;
    double bPercent = 0.0;
    double spreadPoints = 0.0;     // a - b
    std::optional<double> rateBps; // change since the previous common trading day
    std::optional<QDate> widestSpreadSince;
};

// Whose daily move ranks the days (issue #22: FTSE Russell's exhibit 3 ranks the Russell 2000,
// B of the note's pair), and which way.
enum class MoveRanking { ByA, ByB, BySpread };
enum class MoveDirection { Both, Up, Down };

// "a", "b", "spread"; "both", "up", "down": the names `moves --by` and `--direction` take and a
// view saves. The parsers give nullopt for another name.
QString rankingName(MoveRanking ranking);
std::optional<MoveRanking> rankingNamed(const QString &name);
QString directionName(MoveDirection direction);
std::optional<MoveDirection> directionNamed(const QString &name);

// The `top` days of the range FROM..TO (after its base day, the last common day on or before
// FROM, up to TO: the days whose moves make up the range's return) with the largest daily move of
// A, B or the spread A - B (up, down or either way by size), largest first, on the days A and B
// both trade. "Widest since" looks back over the whole history, not only the range. Throws
// UserError when from/to lie outside the data or to < from.
std::vector<MoveRow> largestMoves(const SymbolSeries &a, const SymbolSeries &b,
                                  const SymbolSeries *rate, const QDate &from, const QDate &to,
                                  int top, MoveRanking ranking,
                                  MoveDirection direction = MoveDirection::Both);

} // namespace indexlens
