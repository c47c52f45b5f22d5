// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppTheme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

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

// Fusion outlines a check box, a radio button and a list's check mark in the window colour made
// darker: on a dark window an unchecked box was invisible (issue #24, 14). This draws Fusion's,
// then an outline in the muted text colour (contrast above 3:1 on the window and on a list).
class VisibleIndicators : public QProxyStyle {
public:
    VisibleIndicators() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool box =
            element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
        if (!box && element != PE_IndicatorRadioButton) return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, !box);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(chartPalette(Theme::Dark).mutedText, 1));
        const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (box)
            painter->drawRect(r);
        else
            painter->drawEllipse(r);
        painter->restore();
    }
};

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
    QStyle *style = choice == ThemeChoice::Dark ? static_cast<QStyle *>(new VisibleIndicators)
                                                : QStyleFactory::create(QStringLiteral("Fusion"));
    QApplication::setStyle(style);
    QApplication::setPalette(choice == ThemeChoice::Dark ? darkPalette()
                                                         : style->standardPalette());
}

} // namespace indexlens
