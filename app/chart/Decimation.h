// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>

#include <vector>

namespace indexlens {

// Min/max decimation of a line for drawing: the points with x in [x0, x1] (plus the nearest point
// outside on each side, so the line reaches the plot's edges) reduced to at most two per bucket,
// the lowest and highest of the bucket in the order they occur. With `buckets` = the plot's width
// in pixels, the drawn line is the same as with every point. NaN values are skipped.
// `x` must be ascending.
std::vector<QPointF> decimateMinMax(const std::vector<double> &x, const std::vector<double> &y,
                                    double x0, double x1, int buckets);

} // namespace indexlens
