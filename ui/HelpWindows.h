// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace indexlens {

// Help > Keyboard shortcuts: read from the window itself (every action with keys, in the menus
// and in the tables and lists, and every button with one, the presets), so the list cannot miss
// one or name a key that is gone; then what the mouse does. Markdown tables.
QString shortcutsText(const QWidget *window);

// Help > User guide: resources/help/user-guide.md, with the shortcuts in place of {{shortcuts}}.
QString userGuideText(const QWidget *window);

// Shows Markdown in a window of its own beside the main one (not modal: the guide stays open
// while the user tries what it says). Asked again, the open one comes to the front.
void showHelpWindow(QWidget *window, const QString &objectName, const QString &title,
                    const QString &markdown);

} // namespace indexlens
