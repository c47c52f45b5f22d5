// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace indexlens {

class ChartView;
class OverviewStrip;
class PairSession;

// The one wiring of a chart that navigates the session's range, for every chart of every tab: a
// drag sets the range, a double-click shows the whole history, the wheel zooms.
void navigateSession(ChartView *view, PairSession *session);

// A drag on the overview moves the range at most once per frame, and its end is drawn at once.
// The drag is one gesture: its first move goes on the Back history, the others continue it.
void navigateByOverview(OverviewStrip *overview, PairSession *session);

} // namespace indexlens
