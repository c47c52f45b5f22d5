// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <vector>

namespace indexlens {

struct Period {
    QDate start;
    QDate end;
    bool operator==(const Period &o) const { return start == o.start && end == o.end; }
};

// One row of the periods table: returns of A and B between two dates and the rate change.
struct PeriodRow {
    // The trading days whose closes the returns use (A's: the close on or before each date asked),
    // and on which the rate's change is measured too (issue #14, 4).
    QDate start;
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
