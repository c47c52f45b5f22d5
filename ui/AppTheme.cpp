// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppTheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace indexlens {

namespace {

struct SystemLook {
    QPalette palette;
    QString style;
};

// What the desktop gave, kept before the first switch.
const SystemLook &systemLook()
{
    static const SystemLook look{QApplication::palette(), QApplication::style()->name()};
    return look;
}

QPalette darkPalette()
{
    const ChartPalette &chart = chartPalette(Theme::Dark);
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, chart.text);
    p.setColor(QPalette::Base, chart.background);
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::Text, chart.text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, chart.text);
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ToolTipText, chart.text);
    p.setColor(QPalette::PlaceholderText, chart.mutedText);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x5d, 0xad, 0xec));
    p.setColor(QPalette::Mid, QColor(0x45, 0x47, 0x4c));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

bool themeIsDark(ThemeChoice choice)
{
    if (choice == ThemeChoice::System)
        return systemLook().palette.color(QPalette::Window).lightness() < 128;
    return choice == ThemeChoice::Dark;
}

void applyAppTheme(ThemeChoice choice)
{
    const SystemLook &system = systemLook();
    if (choice == ThemeChoice::System) {
        QApplication::setStyle(QStyleFactory::create(system.style));
        QApplication::setPalette(system.palette);
        return;
    }
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QApplication::setStyle(fusion);
    QApplication::setPalette(choice == ThemeChoice::Dark ? darkPalette()
                                                         : fusion->standardPalette());
}

} // namespace indexlens
