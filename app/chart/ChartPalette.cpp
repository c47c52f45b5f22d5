// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartPalette.h"

#include <algorithm>
#include <cmath>

namespace indexlens {

QString themeChoiceName(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<ThemeChoice> themeChoiceNamed(const QString &name)
{
    for (const ThemeChoice choice : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark})
        if (name.trimmed().compare(themeChoiceName(choice), Qt::CaseInsensitive) == 0)
            return choice;
    return std::nullopt;
}

const ChartPalette &chartPalette(Theme theme)
{
    // Light: the tab10 colours for the series, tab20's pale companions for the rates. Dark: the
    // same hues lighter for the series, and rates a step above the background, not near-white.
    // Contrast against the background (WCAG, tst_palette): light series 3.4-5.0, rates 1.8-2.2;
    // dark series 6.4-8.3, rates 3.1-3.7. The compare colours: Okabe and Ito's, with a purple for
    // their olive (13.5 from the orange in CIEDE2000) and, in the dark theme, a blue and a red
    // each at least 20 from the others (issue #24, 7).
    static const ChartPalette light = {Qt::white,
                                       QColor(0x20, 0x20, 0x20),
                                       QColor(0x60, 0x60, 0x60),
                                       {QColor(0x1f, 0x77, 0xb4), QColor(0xd9, 0x5f, 0x02),
                                        QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28)},
                                       {QColor(0xb4, 0xb4, 0xb4), QColor(0xcf, 0xa8, 0xa0),
                                        QColor(0xbb, 0xa8, 0xd3), QColor(0xc4, 0xc4, 0x7c)},
                                       {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                        QColor(0x00, 0x9e, 0x73), QColor(0xd5, 0x5e, 0x00),
                                        QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9),
                                        QColor(0x00, 0x00, 0x00), QColor(0x66, 0x11, 0x99)}};
    static const ChartPalette dark = {QColor(0x20, 0x22, 0x26),
                                      QColor(0xe8, 0xe8, 0xe8),
                                      QColor(0xb0, 0xb0, 0xb0),
                                      {QColor(0x5d, 0xad, 0xec), QColor(0xff, 0x9f, 0x43),
                                       QColor(0x6c, 0xd0, 0x6c), QColor(0xff, 0x7b, 0x7b)},
                                      {QColor(0x6e, 0x6e, 0x6e), QColor(0x86, 0x6a, 0x64),
                                       QColor(0x7a, 0x6a, 0x94), QColor(0x7c, 0x7c, 0x4a)},
                                      {QColor(0x55, 0x55, 0xff), QColor(0xe6, 0x9f, 0x00),
                                       QColor(0x00, 0xb8, 0x86), QColor(0xcc, 0x33, 0x00),
                                       QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9),
                                       QColor(0xe0, 0xe0, 0xe0), QColor(0xf0, 0xe4, 0x42)}};
    return theme == Theme::Dark ? dark : light;
}

namespace {
double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace indexlens
