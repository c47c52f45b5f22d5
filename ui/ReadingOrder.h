// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace indexlens {

// Tab walks the main window as it reads (issue #24, 5c): the range bar, the pickers, the figures
// panel, the views' tabs, the tables (found by their object names).
void setReadingOrder(QWidget *rangeBar, QWidget *pickers, QWidget *figures, QWidget *views,
                     QWidget *tables);

} // namespace indexlens
