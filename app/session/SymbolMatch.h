// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace indexlens {

// One entry of a picker's list: the symbol and the text the list shows for it
// ("IWM — iShares Russell 2000 ETF").
struct PickerEntry {
    QString symbol;
    QString text;
};

// What a typed text picks among the entries (issue #24, 3 and 5d): one entry, or none with the
// reason and, for a name that several entries hold, their indexes.
struct SymbolMatch {
    int index = -1;           // the entry picked, or -1
    std::vector<int> matches; // several entries hold the typed text: the list to open
    QString refusal;          // why none is picked; empty when one is
};

// The typed text is a symbol ("spy"), an entry's text ("SPY — SPDR S&P 500 ETF"), or part of
// the text of exactly one entry ("Russell 2000"). Anything else is refused, naming the text.
SymbolMatch matchSymbol(const std::vector<PickerEntry> &entries, const QString &typed);

// A typed or pasted list: "QQQ, RSP, ^RUT", one per line, or separated by semicolons or tabs.
// Without such a separator the whole text is one entry: a name holds spaces ("Russell 2000").
QStringList splitPastedSymbols(const QString &text);

} // namespace indexlens
