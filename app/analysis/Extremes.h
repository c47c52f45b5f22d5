// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <QDate>
#include <QString>

#include <optional>

namespace indexlens {

// The market state by the 20 % rule (issue #25, 3), walked through a range's closes:
// - a bear market starts on the first close 20 % or more below the running high (dated that
//   day);
// - it ends, and a bull market starts, on the first close 20 % or more above the lowest close
//   since the bear began (the bull dated from that low);
// - a bull ends the same way, on a close 20 % or more below its running high since its low.
// Before the first such day there is no state; from no state, a close 20 % above the range's
// running low starts a bull dated from that low, as a fall from its running high starts a bear.
enum class MarketState { None, Bull, Bear };

// "bull", "bear" or "" (no state yet).
QString marketStateName(MarketState state);

// The highest and lowest close of a range, where the last close stands from each, and the
// market state on the last day.
struct Extremes {
    DatedValue high;
    DatedValue low;
    DatedValue last;
    double fromHighPct = 0; // last / high - 1, in %
    double fromLowPct = 0;  // last / low - 1, in %
    MarketState state = MarketState::None;
    QDate stateSince; // a bear's first day, or a bull's low
};

// Over the closes dated `from` to `to` (both included); nullopt where the range holds none.
std::optional<Extremes> extremesOf(const Series &closes, const QDate &from, const QDate &to,
                                   double threshold = 0.20);

} // namespace indexlens
