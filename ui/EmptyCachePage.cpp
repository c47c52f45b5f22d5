// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmptyCachePage.h"

#include "core/AppSettings.h"
#include "providers/ProviderSettings.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace indexlens {

EmptyCachePage::EmptyCachePage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(
        QStringLiteral("<h2>No prices in the cache yet</h2><p>Download the default set (%1) from "
                       "Yahoo Finance and the US Treasury, or import CSV files you already "
                       "have.</p>")
            .arg(ProviderSettings::load(*openAppSettings()).defaultSet.join(QStringLiteral(", "))));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *update = new QPushButton(QStringLiteral("Update (download)"));
    update->setObjectName(QStringLiteral("emptyUpdate"));
    auto *import = new QPushButton(QStringLiteral("Import CSV\u2026"));
    import->setObjectName(QStringLiteral("emptyImport"));
    connect(update, &QPushButton::clicked, this, &EmptyCachePage::updateRequested);
    connect(import, &QPushButton::clicked, this, &EmptyCachePage::importRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(update);
    buttons->addWidget(import);
    buttons->addStretch();
    layout->addStretch();
    layout->addWidget(text);
    layout->addLayout(buttons);
    layout->addStretch();
}

} // namespace indexlens
