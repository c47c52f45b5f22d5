// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarkLabels.h"

#include <algorithm>

namespace indexlens {

namespace {

constexpr double kGap = 6; // between labels, and a label's inset from its band's edge

bool overlaps(const std::vector<PlacedLabel> &placed, const PlacedLabel &label)
{
    return std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel &p) {
        return p.row == label.row && p.x < label.x + label.width + kGap &&
               label.x < p.x + p.width + kGap;
    });
}

bool hasRegimes(const ChartMarks &marks)
{
    return std::any_of(marks.bands.begin(), marks.bands.end(),
                       [](const ChartBand &b) { return b.regime; });
}

bool hasPeriods(const ChartMarks &marks)
{
    return std::any_of(marks.bands.begin(), marks.bands.end(),
                       [](const ChartBand &b) { return !b.regime; });
}

} // namespace

QString bandKey(const ChartMarks &marks, std::size_t band)
{
    int periods = 0, regimes = 0;
    for (std::size_t i = 0; i <= band && i < marks.bands.size(); ++i)
        ++(marks.bands[i].regime ? regimes : periods);
    return marks.bands[band].regime ? QStringLiteral("R%1").arg(regimes) : QString::number(periods);
}

QString markerKey(std::size_t marker)
{
    return QStringLiteral("M%1").arg(marker + 1);
}

MarkLabels placeMarkLabels(const ChartMarks &marks, const MarkGeometry &g,
                           const std::function<double(const QString &)> &width)
{
    MarkLabels out;
    std::vector<PlacedLabel> placed;
    const bool twoBandRows = hasRegimes(marks) && hasPeriods(marks);
    for (std::size_t i = 0; i < marks.bands.size() && i < g.bands.size(); ++i) {
        const ChartBand &band = marks.bands[i];
        const auto [left, right] = g.bands[i];
        PlacedLabel label{band.label, left + 3, width(band.label),
                          twoBandRows && band.regime ? 1 : 0};
        if (label.width > right - left - kGap) { // no room: the key alone
            label.text = bandKey(marks, i);
            label.width = width(label.text);
        }
        out.bands.push_back(label);
        if (right > left) placed.push_back(label);
    }
    const int first = marks.bands.empty() ? 0 : (twoBandRows ? 2 : 1);
    for (std::size_t i = 0; i < marks.markers.size() && i < g.markers.size(); ++i) {
        const double x = g.markers[i];
        const QString text = marks.markers[i].label;
        const double w = width(text);
        PlacedLabel label{text, x + 4, w, -1};
        if (label.x + w > g.right) label.x = x - 4 - w; // near the right edge: left of its line
        for (int row = first; row < std::max(first + 1, g.rows) && label.row < 0; ++row) {
            PlacedLabel at = label;
            at.row = row;
            if (!overlaps(placed, at)) label.row = row;
        }
        if (label.row < 0) { // no room in the rows: the key, listed in full below, where free
            label.text = markerKey(i);
            label.width = width(label.text);
            label.x = x + 4 + label.width > g.right ? x - 4 - label.width : x + 4;
            for (int row = first; label.row < 0; ++row) {
                PlacedLabel at = label;
                at.row = row;
                if (!overlaps(placed, at)) label.row = row;
            }
        }
        out.markers.push_back(label);
        placed.push_back(label);
    }
    return out;
}

QStringList marksKey(const ChartMarks &marks)
{
    QStringList key;
    for (std::size_t i = 0; i < marks.bands.size(); ++i) {
        const QString k = bandKey(marks, i);
        const QString label = marks.bands[i].label;
        // A period's label starts with its number already ("1: IWB − IWM ...").
        key << (label.startsWith(k + QLatin1Char(':')) || label == k
                    ? label
                    : QStringLiteral("%1: %2").arg(k, label));
    }
    for (std::size_t i = 0; i < marks.markers.size(); ++i)
        key << QStringLiteral("%1: %2").arg(markerKey(i), marks.markers[i].label);
    return key;
}

} // namespace indexlens
