// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <QString>

#include <vector>

namespace indexlens {

// What the shown series are, said per series where they differ (issue #22: ^GSPC's price return
// stood beside SPY's total return under "total return"). Each label comes from the data: a
// series' basis is set where it is loaded (loadPriceSeries).
//
// "total return", "price", or "total return (IWB, SPY); price (^GSPC)" for a chart's title.
QString basisPhrase(const std::vector<const SymbolSeries *> &series);
// The same for a source line: "total return", "price return", or
// "total return (IWB, SPY), price return (^GSPC)".
QString basisSourcePhrase(const std::vector<const SymbolSeries *> &series);
// Whether the series are of more than one basis.
bool mixedBasis(const std::vector<const SymbolSeries *> &series);
// A legend entry: the symbol, with " (price)" for a price series among total return ones.
QString legendName(const SymbolSeries &series, bool mixed);

} // namespace indexlens
