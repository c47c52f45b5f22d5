// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/ChartPalette.h"

namespace indexlens {

// View > Theme for the whole application. System keeps the desktop's palette (as it was when
// the application started); Light and Dark switch to Fusion's palette in that brightness, so the
// menus, tables and pickers match the charts.
void applyAppTheme(ThemeChoice choice);
// Whether `choice` draws dark: System follows the desktop's window colour.
bool themeIsDark(ThemeChoice choice);

} // namespace indexlens
