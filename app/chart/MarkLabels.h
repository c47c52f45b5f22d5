// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartMarks.h"

#include <QStringList>

#include <functional>
#include <vector>

namespace indexlens {

// Where a chart's mark labels go (issue #24, 10 and 11), worked out in pixels without a widget so
// that the window, the exports and the tests share one rule:
// - a band's full label in its row when it fits the band, else its key alone ("3", "R2"); never a
//   label cut with "…". Period bands take row 0; regime bands row 1 when periods are shown too;
// - each marked move's label ("2023-11-14 IWB +2.1%") right of its line, or left of it near the
//   plot's right edge, in the first row below the bands' where it overlaps no other label; a move
//   with no room in `rows` rows gets its key ("M3") in the row below the bands.
// Every label, full, is in marksKey() for the key below a stack.
struct PlacedLabel {
    QString text;
    double x = 0;     // left edge, in the plot's pixels
    double width = 0; // of the text
    int row = 0;      // 0: the top row of the plot
};
struct MarkLabels {
    std::vector<PlacedLabel> bands;   // one per band, in the marks' order
    std::vector<PlacedLabel> markers; // one per marker, in the marks' order
};
struct MarkGeometry {
    std::vector<std::pair<double, double>> bands; // each band's left and right, clipped
    std::vector<double> markers;                  // each marker's x
    double left = 0, right = 0;                   // the plot
    int rows = 4;                                 // rows of text the labels may take
};
MarkLabels placeMarkLabels(const ChartMarks &marks, const MarkGeometry &geometry,
                           const std::function<double(const QString &)> &width);

// "1: IWB − IWM +6.8 pp, 10y −58 bp", "R1: 10y +107 bp", "M1: 2023-01-06 IWB +2.2%": every mark's
// full label with its key, in the order drawn (the key below an exported stack).
QStringList marksKey(const ChartMarks &marks);
// A band's or marker's key: its number ("3"), "R" and its number for a regime, "M" for a move.
QString bandKey(const ChartMarks &marks, std::size_t band);
QString markerKey(std::size_t marker);

} // namespace indexlens
