// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace indexlens {

// The name a reader knows a data source by, from the id the cache keeps with each instrument:
// a provider's ("yahoo" -> "Yahoo Finance", "fred" -> "FRED") or an import format's
// ("yfinance", "yfinance-multi" -> "Yahoo Finance"); empty for an id it does not know (a generic
// CSV). The one table: providers name themselves with it, and the source line of every export.
QString sourceName(const QString &id);

} // namespace indexlens
