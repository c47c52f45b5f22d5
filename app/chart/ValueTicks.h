// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <vector>

namespace indexlens {

// Tick values for a logarithmic value axis over [lo, hi] (both > 0), at most `maxTicks` (issue
// #24, 13). Within a factor of ten they are the finest round linear steps that fit (0.40, 0.42 ...
// 0.50 for a ratio between 0.39 and 0.51: a log axis over one decade would otherwise show no label
// at all); over more, 1, 2 and 5 times the powers of ten, then 1 and 3, then the powers alone,
// then every second, third ... power.
std::vector<double> logAxisTicks(double lo, double hi, int maxTicks);

// The bounds of a log axis for data in [lo, hi]: `pad` (3 %) of the span (in log terms) beyond each
// end, so no line touches the frame however many decades it covers.
struct LogBounds {
    double lo = 0.1;
    double hi = 1;
};
LogBounds logAxisBounds(double lo, double hi, double pad = 0.03);

// A linear value axis for data in [lo, hi] (issues #12, #24): the axis hugs the data, padded by
// 3 % on each side (IWM/SPY between 0.38 and 0.48 gets 0.377-0.483, not 0.3-0.6), with the finest
// round steps (1, 2 or 5 times a power of ten, and 25 from 25 up) inside it, at most `maxTicks`.
// Data that are all positive never get a negative label (the padding may reach below zero).
struct LinearTicks {
    double lo = 0;
    double hi = 1;
    std::vector<double> values;
};
LinearTicks linearAxisTicks(double lo, double hi, int maxTicks, double pad = 0.03);

// The labels of one axis: plain numbers with thousands separators ("20,000", never "2e+04"), all
// with the same number of decimals ("0.35 0.40 0.45"), at most 4, negatives with the true minus
// ("\u22122.5") as every other figure.
QStringList tickLabels(const std::vector<double> &values);

} // namespace indexlens
