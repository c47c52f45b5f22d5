// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace indexlens {

// "+9.7", "\u221211" with the true minus sign (U+2212), as every printed change in the window,
// exports and headlines is written: one function so that no two places disagree on the sign.
QString signedNumber(double value, int decimals);

} // namespace indexlens
