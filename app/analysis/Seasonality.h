// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <QDate>
#include <QStringList>

#include <vector>

namespace indexlens {

// Seasonality of a pair (issue #25, 2): A's and B's return in each complete calendar month, from
// the last common close of the previous month to the last common close of the month.
struct MonthlySpread {
    int year = 0;
    int month = 0;       // 1 to 12
    double returnA = 0;  // in %
    double returnB = 0;  // in %
    double spreadPp = 0; // returnA - returnB, in pp
};

// The months of a range that count, oldest first, and what was left out and why. A month
// counts when:
// - the range holds all its trading days: its first common day is on or after `from` and its
//   last one on or before `to` (its start is the previous month's last close, the month's base);
// - it is over: the data hold a day after it, or reach its last weekday (the data's month, the
//   current one, is otherwise unfinished: users of other tools are misled by partial years);
// - the data hold the previous calendar month's last close.
struct Seasonality {
    std::vector<MonthlySpread> months;
    QStringList leftOut; // "2024-07: unfinished (the data end 2024-07-23)"
};
Seasonality seasonalityOf(const Series &a, const Series &b, const QDate &from, const QDate &to);

// One calendar month over the years: how many years count, in how many A beat B (a spread above
// 0), that share in %, and the mean and median spread in pp (n/a without a year).
struct MonthSeason {
    int month = 0;
    int years = 0;
    int aBeatB = 0;
    double sharePct = 0;
    double meanPp = 0;
    double medianPp = 0;
};
// Twelve entries, January first.
std::vector<MonthSeason> monthSeasons(const Seasonality &seasonality);

// "Jan" ... "Dec" (English, whatever the locale: the CLI's and the chart's labels).
QString monthAbbreviation(int month);

} // namespace indexlens
