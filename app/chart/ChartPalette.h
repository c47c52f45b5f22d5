// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

#include <optional>

namespace indexlens {

enum class Theme { Light, Dark };

// What the user chose in View > Theme (remembered), or `--theme` of an export.
enum class ThemeChoice { System, Light, Dark };
QString themeChoiceName(ThemeChoice choice); // "system", "light", "dark"
std::optional<ThemeChoice> themeChoiceNamed(const QString &name);

// The colours of a chart in one theme. A and B carry the figure and get the most contrast against
// the background; the rates are context and stay muted in both themes (issue #12: in the dark
// theme the rates came out near-white and dominated every chart).
struct ChartPalette {
    QColor background; // the chart's plot and an export's page
    QColor text;
    QColor mutedText; // headline and source line of an export
    QColor series[4]; // A (or A/B), B (or the 50-day average), the 200-day average, a fourth
    QColor rates[4];  // the rate overlays, in order
    // The compare view's series: Okabe and Ito's eight colours, which colour-blind readers tell
    // apart (black turns light grey in the dark theme).
    QColor compare[8];
};
const ChartPalette &chartPalette(Theme theme);

// WCAG 2 contrast ratio of two colours, 1 (the same) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

} // namespace indexlens
