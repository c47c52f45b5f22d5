#pragma once

#include "core/Series.h"

#include <vector>

namespace indexlens {

struct Period {
    QDate start;
    QDate end;
};

// One row of the periods table: returns of A and B between two dates and the rate change.
struct PeriodRow {
    QDate start; // as asked
    QDate end;
    double aPercent = 0.0;
    double bPercent = 0.0;
    double diffPoints = 0.0;       // a - b
    std::optional<double> rateBps; // empty without a rate
};

// Throws UserError for a period whose dates lie outside the data of A, B or the rate, or whose
// end precedes its start.
std::vector<PeriodRow> computePeriods(const SymbolSeries &a, const SymbolSeries &b,
                                      const SymbolSeries *rate, const std::vector<Period> &periods);

} // namespace indexlens
