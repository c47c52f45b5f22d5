// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeriesBasis.h"

#include <QStringList>

namespace indexlens {

namespace {

QStringList symbolsOf(const std::vector<const SymbolSeries *> &series, ReturnBasis basis)
{
    QStringList out;
    for (const SymbolSeries *s : series)
        if (s->basis == basis) out << s->symbol;
    return out;
}

QString phrase(const std::vector<const SymbolSeries *> &series, const QString &total,
               const QString &price, const QString &separator)
{
    const QStringList totals = symbolsOf(series, ReturnBasis::Total);
    const QStringList prices = symbolsOf(series, ReturnBasis::Price);
    if (prices.isEmpty()) return total;
    if (totals.isEmpty()) return price;
    return QStringLiteral("%1 (%2)%3%4 (%5)")
        .arg(total, totals.join(QStringLiteral(", ")), separator, price,
             prices.join(QStringLiteral(", ")));
}

} // namespace

QString basisPhrase(const std::vector<const SymbolSeries *> &series)
{
    return phrase(series, QStringLiteral("total return"), QStringLiteral("price"),
                  QStringLiteral("; "));
}

QString basisSourcePhrase(const std::vector<const SymbolSeries *> &series)
{
    return phrase(series, QStringLiteral("total return"), QStringLiteral("price return"),
                  QStringLiteral(", "));
}

bool mixedBasis(const std::vector<const SymbolSeries *> &series)
{
    return !symbolsOf(series, ReturnBasis::Total).isEmpty() &&
           !symbolsOf(series, ReturnBasis::Price).isEmpty();
}

QString legendName(const SymbolSeries &series, bool mixed)
{
    return mixed && series.basis == ReturnBasis::Price ? series.symbol + QStringLiteral(" (price)")
                                                       : series.symbol;
}

} // namespace indexlens
