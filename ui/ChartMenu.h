// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace indexlens {

// The entries every chart's context menu ends with: Copy chart and Export chart... (objectNames
// copyChart and exportChart), in every view alike.
template <typename Copy, typename Export>
void addCopyExportEntries(QMenu &menu, const QObject *context, Copy copy, Export save)
{
    menu.addAction(QStringLiteral("Copy chart"), context, copy)
        ->setObjectName(QStringLiteral("copyChart"));
    menu.addAction(QStringLiteral("Export chart\u2026"), context, save)
        ->setObjectName(QStringLiteral("exportChart"));
}

} // namespace indexlens
