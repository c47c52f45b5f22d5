#pragma once

#include "PeriodTable.h"

namespace indexlens {

struct ReturnRow {
    QString symbol;
    QDate start; // the trading day whose close is the base
    QDate end;   // the trading day of the last close
    double percent = 0.0;
};

// Return of each symbol from the close on or before `from` to the close on or before `to`.
// Throws UserError when a date lies outside a symbol's data.
std::vector<ReturnRow> computeReturns(const std::vector<SymbolSeries> &symbols, const QDate &from,
                                      const QDate &to);

// Year to date as of `asOf`: from the last close of the previous year.
std::vector<ReturnRow> computeYearToDate(const std::vector<SymbolSeries> &symbols,
                                         const QDate &asOf);

} // namespace indexlens
