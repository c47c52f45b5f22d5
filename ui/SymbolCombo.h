// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/SymbolMatch.h"

class QComboBox;

namespace indexlens {

// The entries of a symbol picker, index for index (an item without a symbol, a heading, never
// matches): what matchSymbol() reads.
std::vector<PickerEntry> entriesOf(const QComboBox *combo);
// The picker's drop-down list and its completer's list as wide as their longest entry (at most
// 560 px), so "IWB — iShares Russell 1000 ETF" and "IWD — iShares Russell 1000 Value ETF" read
// whole (issue #24, 15). Called after the entries change.
void fitListsToEntries(QComboBox *combo);
// The matches of what is typed open beside the picker, to its right, instead of below it: a list
// below Series B covered the rate list the user reads next (issue #24, 15).
void openMatchesBeside(QComboBox *combo);
// Opens the picker's list on the entries that hold the typed text (a name several entries hold).
void openMatches(QComboBox *combo);

} // namespace indexlens
