// SPDX-License-Identifier: GPL-3.0-or-later
#include "SymbolResolver.h"

#include "core/UserError.h"
#include "PriceStore.h"

namespace indexlens {

QString symbolPart(const QString &text)
{
    // U+2014 is the pickers' separator; a plain " - " is accepted for typed text.
    QString symbol = text.section(QChar(0x2014), 0, 0);
    symbol = symbol.section(QStringLiteral(" - "), 0, 0);
    return symbol.trimmed();
}

Instrument resolveSymbol(const PriceStore &store, const QString &text, SymbolRole role)
{
    const QString symbol = symbolPart(text);
    if (symbol.isEmpty()) throw UserError(QStringLiteral("no symbol given"));
    auto inst = store.instrument(symbol);
    if (!inst) inst = store.instrument(symbol.toUpper());
    if (!inst) {
        // Symbols are stored as their source spells them; a file named "brk-b.csv" stays lower.
        for (const InstrumentSummary &s : store.list())
            if (s.instrument.symbol.compare(symbol, Qt::CaseInsensitive) == 0) inst = s.instrument;
    }
    if (!inst)
        throw UserError(QStringLiteral("unknown symbol %1: it is not in the cache (import or "
                                       "update it first)")
                            .arg(symbol));
    if (role == SymbolRole::Price && inst->kind == InstrumentKind::Rate)
        throw UserError(QStringLiteral("%1 is a rate, not a price").arg(inst->symbol));
    if (role == SymbolRole::Rate && inst->kind != InstrumentKind::Rate)
        throw UserError(QStringLiteral("%1 is a price (%2), not a rate")
                            .arg(inst->symbol, kindName(inst->kind)));
    return *inst;
}

SymbolSeries loadPriceSeries(const PriceStore &store, const QString &text, ReturnBasis basis)
{
    const Instrument inst = resolveSymbol(store, text, SymbolRole::Price);
    const bool total = basis == ReturnBasis::Total && store.holdsDistributions(inst.symbol);
    return {inst.symbol, store.closes(inst.symbol, basis), inst.currency,
            total ? ReturnBasis::Total : ReturnBasis::Price};
}

SymbolSeries loadRateSeries(const PriceStore &store, const QString &text)
{
    const Instrument inst = resolveSymbol(store, text, SymbolRole::Rate);
    return {inst.symbol, store.rates(inst.symbol)};
}

} // namespace indexlens
