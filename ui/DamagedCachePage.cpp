// SPDX-License-Identifier: GPL-3.0-or-later
#include "DamagedCachePage.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace indexlens {

DamagedCachePage::DamagedCachePage(QWidget *parent) : QWidget(parent), m_text(new QLabel)
{
    m_text->setObjectName(QStringLiteral("damagedText"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *moveAside = new QPushButton(QStringLiteral("Move it aside and start a new cache"));
    moveAside->setObjectName(QStringLiteral("moveDamagedAside"));
    moveAside->setToolTip(QStringLiteral("Rename the damaged file (nothing is deleted) and create "
                                         "a new, empty cache in its place"));
    connect(moveAside, &QPushButton::clicked, this, &DamagedCachePage::moveAsideRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(moveAside);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    layout->addStretch();
}

void DamagedCachePage::show(const QString &path, const QString &message)
{
    m_text->setText(
        QStringLiteral("<h2>The cache file is damaged</h2><p><b>%1</b></p><p>%2</p><p>IndexLens "
                       "writes nothing more into it. Move it aside: it is renamed to "
                       "%1.damaged-DATE (what it still holds can be rescued with the sqlite3 "
                       "tool) and a new, empty cache is created; then run Update or import "
                       "again.</p>")
            .arg(path.toHtmlEscaped(),
                 // The path is said above: "PATH: the cache file is damaged: ..." reads twice.
                 QString(message).remove(path + QStringLiteral(": ")).toHtmlEscaped()));
}

bool DamagedCachePage::askToMoveAside(const QString &path, const QString &message)
{
    if (!window()->isVisible() || qEnvironmentVariableIsSet("INDEXLENS_NO_DIALOGS")) return false;
    QMessageBox box(QMessageBox::Warning, QStringLiteral("IndexLens"),
                    QStringLiteral("The cache file %1 is damaged. IndexLens writes nothing more "
                                   "into it. Move it aside and start a new, empty cache?")
                        .arg(path),
                    QMessageBox::NoButton, window());
    box.setDetailedText(message);
    const QPushButton *move =
        box.addButton(QStringLiteral("Move it aside"), QMessageBox::DestructiveRole);
    box.addButton(QStringLiteral("Keep it for now"), QMessageBox::RejectRole);
    box.exec();
    return box.clickedButton() == move;
}

} // namespace indexlens
