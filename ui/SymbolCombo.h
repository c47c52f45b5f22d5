// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/SymbolMatch.h"

class QComboBox;

namespace indexlens {

// The entries of a symbol picker, index for index (an item without a symbol, a heading, never
// matches): what matchSymbol() reads.
std::vector<PickerEntry> entriesOf(const QComboBox *combo);
// Opens the picker's list on the entries that hold the typed text (a name several entries hold).
void openMatches(QComboBox *combo);

} // namespace indexlens
