// SPDX-License-Identifier: GPL-3.0-or-later
#include "SymbolCombo.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QScreen>
#include <QStyle>

#include <algorithm>

namespace indexlens {

namespace {

// Moves the completer's list, each time it shows, beside its picker (where the screen has room).
class BesidePicker : public QObject {
public:
    BesidePicker(QComboBox *combo, QWidget *popup) : QObject(popup), m_combo(combo)
    {
        popup->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // At each show, and after each typed letter places it below the picker again.
        if (event->type() == QEvent::Show || event->type() == QEvent::Move) {
            auto *popup = static_cast<QWidget *>(watched);
            const QPoint at = m_combo->mapToGlobal(QPoint(m_combo->width() + 4, 0));
            const QScreen *screen = m_combo->screen();
            const bool room =
                !screen || at.x() + popup->width() <= screen->availableGeometry().right();
            if (room && popup->pos() != at) popup->move(at);
        }
        return false;
    }

private:
    QComboBox *m_combo;
};

} // namespace

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

void openMatchesBeside(QComboBox *combo)
{
    new BesidePicker(combo, combo->completer()->popup());
}

void openMatches(QComboBox *combo)
{
    combo->completer()->setCompletionPrefix(combo->currentText().trimmed());
    combo->completer()->complete();
}

} // namespace indexlens
