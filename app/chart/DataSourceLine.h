// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QStringList>

namespace indexlens {

class PriceStore;

// "Data: Yahoo Finance (IWM, SPY), FRED (DGS10); total return; as of 2024-07-12" for a chart's
// footer, from where the cache says each symbol came from: the provider, or for a file in a
// generic format the file's name from the import log (never "CSV file").
// `basis` says what the series are (basisSourcePhrase).
QString dataSourceLine(const PriceStore &store, const QStringList &symbols, const QString &basis,
                       const QDate &asOf);

} // namespace indexlens
