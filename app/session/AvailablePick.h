// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PairSession.h"

#include <QStringList>

namespace indexlens {

// The pick the window can show from what the cache holds, and what of the wanted pick it had to
// leave out.
struct AvailablePick {
    PairPick pick;
    QStringList missing; // wanted symbols the cache does not hold, in the order wanted
    // One line for the status bar ("DGS10 is not in the cache: the charts show no rate; Update or
    // import it"), or empty when nothing is missing.
    QString message() const;
};

// The first run (issue #21): the default pair is IWM vs SPY with DGS10, but a user who starts with
// Import CSV may hold other series, or no rate yet. A wanted series the cache lacks is replaced by
// the first cached price series not already picked (in `prices`' order); a wanted rate it lacks
// is dropped. Never a dialog: a missing default is no error, and it would come at every import.
// Returns nullopt when the cache holds fewer than two price series.
std::optional<AvailablePick> availablePick(const PairPick &wanted, const QStringList &prices,
                                           const QStringList &rates);

// The first-run rule across reloads: what a fallback left out (DGS10 before it was imported)
// comes back once the cache holds it, until the user picks something else, and the line that
// says what is missing is said once, not at every reload.
class PickFallback {
public:
    struct Next {
        PairPick pick;
        QString sayOnce; // empty when there is nothing new to say
    };
    // The pick to show for `current` from what the cache holds; nullopt with fewer than two
    // price series.
    std::optional<Next> next(const PairPick &current, const QStringList &prices,
                             const QStringList &rates);
    // The user's own pick: nothing of an earlier fallback is wanted any more.
    void userPicked() { m_wanted.reset(); }

private:
    std::optional<PairPick> m_wanted;
    QString m_said;
};

} // namespace indexlens
