// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Measure.h"

namespace indexlens {

// The `returns` command's rows for one measure: one per symbol, without a value (and with the
// reason) where a symbol's data do not cover it (issue #22: a series that ends early gets no
// number). Throws UserError with the first reason when no symbol has a value: a request that
// answers nothing is refused.
std::vector<MeasuredReturn> measureReturns(const std::vector<SymbolSeries> &symbols,
                                           const Measure &measure);

} // namespace indexlens
