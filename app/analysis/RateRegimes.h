// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PeriodTable.h"

namespace indexlens {

// Periods in which a rate rose or fell, found from the rate alone (issue #13), as FTSE Russell's
// exhibit 4 marks them by hand: "(approximately) ... the shifts in the trajectory of long-term
// interest rates".
struct RegimeRules {
    double thresholdBps = 40; // a turning point is where the rate reverses by at least this much
    int minDays = 15;         // a shorter period is merged into its neighbours (observations)
    bool monthEnds = false;   // move each turning point to the nearest month's last observation
};

struct Regime {
    Period period;
    int direction = 0; // +1 up, -1 down (the sign of the change; 0 when unchanged)
    double changeBps = 0;
};

// The rule, on the rate's observations in [from, to]:
// 1. Zigzag: from the first observation, the trend is set by the first move of at least the
//    threshold; while rising, the highest observation is the candidate turning point, and a fall
//    of at least the threshold below it confirms it (the same mirrored while falling).
// 2. A period with fewer than `minDays` observations is merged: an inner one with both its
//    neighbours (its two turning points go), one at either end with its neighbour.
// 3. Optionally each turning point moves to the last observation of its month or of the month
//    before, whichever is nearer in calendar days.
// The periods run from the first observation to the last, each ending where the next starts.
// Throws UserError when [from, to] holds fewer than two observations.
std::vector<Regime> findRegimes(const Series &rate, const QDate &from, const QDate &to,
                                const RegimeRules &rules = {});

} // namespace indexlens
