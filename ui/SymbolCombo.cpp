// SPDX-License-Identifier: GPL-3.0-or-later
#include "SymbolCombo.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QStyle>

#include <algorithm>

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

void fitListsToEntries(QComboBox *combo)
{
    const QFontMetrics metrics(combo->view()->font());
    int widest = 0;
    for (int i = 0; i < combo->count(); ++i)
        widest = std::max(widest, metrics.horizontalAdvance(combo->itemText(i)));
    // The text, the item's margins and a scroll bar.
    const int width =
        std::min(560, widest + 24 + combo->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    combo->view()->setMinimumWidth(width);
    combo->completer()->popup()->setMinimumWidth(width);
}

void openMatches(QComboBox *combo)
{
    combo->completer()->setCompletionPrefix(combo->currentText().trimmed());
    combo->completer()->complete();
}

} // namespace indexlens
