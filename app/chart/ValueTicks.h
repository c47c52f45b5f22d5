// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <vector>

namespace indexlens {

// Tick values for a logarithmic value axis over [lo, hi] (both > 0), at most about `maxTicks`.
// Within a factor of ten they are round linear steps (0.35, 0.40, 0.45 for a ratio that moves
// between 0.33 and 0.48: a log axis over one decade would otherwise show no label at all); over
// more, 1, 2 and 5 times the powers of ten, or the powers of ten alone when those are too many.
std::vector<double> logAxisTicks(double lo, double hi, int maxTicks);

// A linear value axis for data in [lo, hi] (issue #12): the range padded by 3 % on each side and
// widened to whole steps of 1, 2, 2.5 or 5 times a power of ten, at most `maxTicks` + 1 values.
// Data that are all positive never get a negative tick (the axis stops at 0 at the lowest).
struct LinearTicks {
    double lo = 0;
    double hi = 1;
    std::vector<double> values;
};
LinearTicks linearAxisTicks(double lo, double hi, int maxTicks);

// The labels of one axis: plain numbers with thousands separators ("20,000", never "2e+04"), all
// with the same number of decimals ("0.35 0.40 0.45"), at most 4.
QStringList tickLabels(const std::vector<double> &values);

} // namespace indexlens
