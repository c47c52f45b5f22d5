// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/Rotation.h"
#include "tables/ResultTable.h"

#include <vector>

namespace indexlens {

// `rotation` (issue #25, 1): one row per symbol and tail point, oldest first: symbol, date,
// rs_ratio, rs_momentum, quadrant. A symbol without a point has no row (the caller says why).
ResultTable rotationPointsTable(const std::vector<RotationTail> &tails);

// The rotation view's table: each symbol's head (symbol, quadrant, rs_ratio, rs_momentum,
// periods in the quadrant, as of), sorted clockwise by quadrant (Leading, Weakening, Lagging,
// Improving) and within one by RS-Ratio, highest first; symbols without a point last, empty.
ResultTable rotationSummaryTable(const std::vector<RotationTail> &tails);

} // namespace indexlens
