// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <QString>

namespace indexlens {

class PriceStore;

// What a symbol is asked for: a price series (A, B, returns) or a rate overlay.
enum class SymbolRole { Any, Price, Rate };

// The one place a symbol typed by a user becomes a cached instrument: every command, `export` and
// the window's pickers go through it, so "iwm" is IWM everywhere and an unknown symbol gets one
// message. Accepts the pickers' display form "IWM — iShares Russell 2000 ETF" too.
// Throws UserError (unknown symbol, a rate where a price is asked, or the other way round).
Instrument resolveSymbol(const PriceStore &store, const QString &text,
                         SymbolRole role = SymbolRole::Any);

// The symbol part of a picker entry: "IWM — iShares Russell 2000 ETF" -> "IWM", trimmed.
QString symbolPart(const QString &text);

// A price series (total or price return) or a rate, resolved and read. Throws UserError.
SymbolSeries loadPriceSeries(const PriceStore &store, const QString &text, ReturnBasis basis);
SymbolSeries loadRateSeries(const PriceStore &store, const QString &text);

} // namespace indexlens
