// SPDX-License-Identifier: GPL-3.0-or-later
#include "SymbolMatch.h"

#include <QRegularExpression>

namespace indexlens {

namespace {
// "IWM — iShares Russell 2000 ETF" or "iwm": the symbol is the first word.
QString firstWord(const QString &text)
{
    return text.trimmed().section(QLatin1Char(' '), 0, 0);
}
} // namespace

SymbolMatch matchSymbol(const std::vector<PickerEntry> &entries, const QString &typed)
{
    SymbolMatch match;
    const QString text = typed.trimmed();
    if (text.isEmpty()) {
        match.refusal = QStringLiteral("Type a symbol or part of a name");
        return match;
    }
    const QString symbol = firstWord(text);
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].symbol.compare(symbol, Qt::CaseInsensitive) == 0) {
            match.index = int(i);
            return match;
        }
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].text.contains(text, Qt::CaseInsensitive)) match.matches.push_back(int(i));
    if (match.matches.size() == 1) {
        match.index = match.matches.front();
        match.matches.clear();
        return match;
    }
    match.refusal =
        match.matches.empty()
            ? QStringLiteral("%1: not in the cache or the catalog (Update or Import it)").arg(text)
            : QStringLiteral("%1: %2 series match; pick one from the list")
                  .arg(text)
                  .arg(match.matches.size());
    return match;
}

QStringList splitPastedSymbols(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\t\\r\\n]+"));
    QStringList parts;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty()) parts << part.trimmed();
    return parts;
}

} // namespace indexlens
