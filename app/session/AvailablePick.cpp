// SPDX-License-Identifier: GPL-3.0-or-later
#include "AvailablePick.h"

namespace indexlens {

namespace {

// The cache's spelling of `symbol` (the pickers accept "iwm"), or empty.
QString cached(const QStringList &symbols, const QString &symbol)
{
    for (const QString &s : symbols)
        if (s.compare(symbol, Qt::CaseInsensitive) == 0) return s;
    return {};
}

} // namespace

QString AvailablePick::message() const
{
    if (missing.isEmpty()) return {};
    return QStringLiteral("%1 %2 not in the cache, so the charts show %3 vs %4%5; Update or import "
                          "%6")
        .arg(missing.join(QStringLiteral(", ")),
             missing.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"), pick.a, pick.b,
             pick.rates.isEmpty()
                 ? QStringLiteral(" without a rate")
                 : QStringLiteral(" with ") + pick.rates.join(QStringLiteral(", ")),
             missing.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"));
}

std::optional<AvailablePick> availablePick(const PairPick &wanted, const QStringList &prices,
                                           const QStringList &rates)
{
    if (prices.size() < 2) return std::nullopt;
    AvailablePick result;
    result.pick = wanted;
    result.pick.rates.clear();
    QString *sides[] = {&result.pick.a, &result.pick.b};
    for (QString *side : sides) {
        const QString found = cached(prices, *side);
        if (found.isEmpty() && !side->isEmpty()) result.missing << *side;
        *side = found;
    }
    for (QString *side : sides) {
        if (!side->isEmpty()) continue;
        for (const QString &p : prices)
            if (p != result.pick.a && p != result.pick.b) {
                *side = p;
                break;
            }
    }
    for (const QString &rate : wanted.rates) {
        const QString found = cached(rates, rate);
        if (found.isEmpty())
            result.missing << rate;
        else
            result.pick.rates << found;
    }
    return result;
}

std::optional<PickFallback::Next>
PickFallback::next(const PairPick &current, const QStringList &prices, const QStringList &rates)
{
    const PairPick wanted = m_wanted.value_or(current);
    const auto available = availablePick(wanted, prices, rates);
    if (!available) return std::nullopt;
    m_wanted = available->missing.isEmpty() ? std::nullopt : std::optional(wanted);
    const QString missing = available->message();
    Next next{available->pick, missing == m_said ? QString() : missing};
    m_said = missing;
    return next;
}

} // namespace indexlens
