// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace indexlens {

// The entries every chart's context menu ends with: Copy chart and Export chart... (objectNames
// copyChart and exportChart), in every view alike.
template <typename Copy, typename Export>
void addCopyExportEntries(QMenu &menu, const QObject *context, Copy copy, Export save)
{
    QAction *copyEntry = menu.addAction(QStringLiteral("Copy chart"), context, copy);
    copyEntry->setObjectName(QStringLiteral("copyChart"));
    copyEntry->setStatusTip(QStringLiteral("Copy this chart as a picture, as it shows, with its "
                                           "title and sources"));
    QAction *exportEntry = menu.addAction(QStringLiteral("Export chart\u2026"), context, save);
    exportEntry->setObjectName(QStringLiteral("exportChart"));
    exportEntry->setStatusTip(QStringLiteral("Write this chart as PNG, SVG or PDF"));
}

} // namespace indexlens
