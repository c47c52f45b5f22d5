// SPDX-License-Identifier: GPL-3.0-or-later
#include "SymbolCombo.h"

#include <QComboBox>
#include <QCompleter>

namespace indexlens {

std::vector<PickerEntry> entriesOf(const QComboBox *combo)
{
    std::vector<PickerEntry> entries;
    for (int i = 0; i < combo->count(); ++i) {
        const QString symbol = combo->itemData(i).toString();
        entries.push_back({symbol, symbol.isEmpty() ? QString() : combo->itemText(i)});
    }
    return entries;
}

void openMatches(QComboBox *combo)
{
    combo->completer()->setCompletionPrefix(combo->currentText().trimmed());
    combo->completer()->complete();
}

} // namespace indexlens
