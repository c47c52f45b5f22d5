// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PeriodTable.h"

namespace indexlens {

struct ReturnRow {
    QString symbol;
    QDate start; // the trading day whose close is the base
    QDate end;   // the trading day of the last close
    double percent = 0.0;
    QString label = QStringLiteral("range"); // "range", "ytd", "day" or "period"
};

// Return of each symbol from the close on or before `from` to the close on or before `to`.
// Throws UserError when a date lies outside a symbol's data.
std::vector<ReturnRow> computeReturns(const std::vector<SymbolSeries> &symbols, const QDate &from,
                                      const QDate &to);

// The return of each symbol on `day`: from the previous trading day's close to that day's close.
// Throws UserError when a symbol has no close on `day` (a weekend or its holiday) or none before.
std::vector<ReturnRow> computeDayReturns(const std::vector<SymbolSeries> &symbols,
                                         const QDate &day);

// The return of each symbol over a period, as the periods table measures it (from the close of
// its start to the close of its end, each on or before the date).
std::vector<ReturnRow> computePeriodReturns(const std::vector<SymbolSeries> &symbols,
                                            const Period &period);

// Year to date as of `asOf`: from the last close of the previous year.
std::vector<ReturnRow> computeYearToDate(const std::vector<SymbolSeries> &symbols,
                                         const QDate &asOf);

} // namespace indexlens
