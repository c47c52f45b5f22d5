// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace indexlens {

// A rate's short label ("10y", "CBOE 10y", "2y"): headlines and the right axis. Distinct for
// distinct rates: DGS10 and ^TNX are both the 10-year, from two sources.
QString rateLabel(const QString &rateSymbol);
// Its legend entry: "10y Treasury (DGS10)", "CBOE 10y (^TNX)"; other symbols as they are.
QString rateLegend(const QString &rateSymbol);

} // namespace indexlens
