// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <QDate>
#include <QString>

#include <vector>

namespace indexlens {

// The rules that tell impossible data (refused) and suspicious data (imported, but said) from
// plausible data. Every importer, provider and the cache's `list` use these, so they are written
// once (issue #21).

// The earliest year a row may carry: no daily index data is older (the Dow starts in 1885), and a
// year like 0201 or 1492 is a typo or a garbled column.
inline constexpr int kEarliestDataYear = 1800;

// Today somewhere on Earth: the date in the earliest time zone (UTC+14). A market that has closed
// its day can be a day ahead of the user's own date, and its row is not from the future.
QDate latestPossibleDate();

// Why a row dated `date` cannot be real data, or an empty string: a date after `today` (today
// itself is allowed, a provisional intraday row) or before kEarliestDataYear.
QString impossibleDateReason(const QDate &date, const QDate &today);

// A close-to-close move beyond what an index or an ordinary ETF has made: above +100 % or below
// -60 % in a day (the worst day of the S&P 500, 1987-10-19, was -20.5 %). Such a move is more
// likely an unadjusted split, a glitch or another series' rows; but an exotic product may really
// do it, so it is imported (the user may know better) and said, and `list` marks the symbol.
inline constexpr double kImplausibleDailyRise = 1.0;  // +100 %
inline constexpr double kImplausibleDailyFall = -0.6; // -60 %

// The rule as the user reads it: "+100 %/−60 %".
QString implausibleMoveRule();

// The change from `before` to `after` (0.25 is +25 %): on the adjusted closes when both days have
// one, else on the closes (a seam between a file with adjusted closes and one without would
// otherwise compare different bases).
double dailyChange(const Bar &before, const Bar &after);

bool isImplausibleChange(double change);

struct DailyMove {
    QDate date; // the day the move ends on
    double change = 0.0;
};

// "IWM: 2 daily moves beyond +100 %/−60 % (2024-03-01 +250.0 %, 2024-03-04 −71.4 %): check the
// data", naming the first few days; empty when `moves` is.
QString implausibleMovesNote(const QString &symbol, const std::vector<DailyMove> &moves);

} // namespace indexlens
