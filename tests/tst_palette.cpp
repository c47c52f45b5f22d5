// SPDX-License-Identifier: GPL-3.0-or-later
// The charts' colours in both themes (issue #12, 6): A and B stand out, the rates stay muted.
#include "chart/ChartPalette.h"

#include <QTest>

#include <array>
#include <cmath>

using namespace indexlens;

class TestPalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void contrastRatioIsWcags();
    void issue12SeriesHaveMoreContrastThanRates_data();
    void issue12SeriesHaveMoreContrastThanRates();
    void themeChoicesByName();
    void issue13CompareColoursAreTellApart_data();
    void issue13CompareColoursAreTellApart();
};

namespace {
// CIE L*a*b* of an sRGB colour (D65), for the distance readers see between two colours.
std::array<double, 3> lab(const QColor &c)
{
    const auto lin = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const double r = lin(c.redF()), g = lin(c.greenF()), b = lin(c.blueF());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}
} // namespace

void TestPalette::contrastRatioIsWcags()
{
    QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
    // #777777 on white: luminance 0.1845 -> 1.05 / 0.2345 = 4.48 (the WCAG AA example).
    QVERIFY(std::abs(contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
}

void TestPalette::issue12SeriesHaveMoreContrastThanRates_data()
{
    QTest::addColumn<int>("theme");
    QTest::newRow("light") << int(Theme::Light);
    QTest::newRow("dark") << int(Theme::Dark);
}

void TestPalette::issue12SeriesHaveMoreContrastThanRates()
{
    QFETCH(int, theme);
    const ChartPalette &p = chartPalette(Theme(theme));
    double weakestSeries = 21, strongestRate = 1;
    for (const QColor &c : p.series)
        weakestSeries = std::min(weakestSeries, contrastRatio(c, p.background));
    for (const QColor &c : p.rates)
        strongestRate = std::max(strongestRate, contrastRatio(c, p.background));
    // A and B readable (3:1, WCAG's floor for graphics), rates visible but clearly behind them.
    QVERIFY2(weakestSeries >= 3.0, qPrintable(QString::number(weakestSeries)));
    QVERIFY2(strongestRate >= 1.6, qPrintable(QString::number(strongestRate)));
    QVERIFY2(
        weakestSeries >= strongestRate * 1.4,
        qPrintable(QStringLiteral("series %1, rates %2").arg(weakestSeries).arg(strongestRate)));
    // The old dark rates: grey #9a9a9a on #202226 had 6.0, more than the blue series' 3.9.
    QVERIFY(contrastRatio(p.rates[0], p.background) < 4.0);
}

void TestPalette::themeChoicesByName()
{
    QCOMPARE(themeChoiceNamed(QStringLiteral("Dark")), std::optional(ThemeChoice::Dark));
    QCOMPARE(themeChoiceNamed(QStringLiteral("light")), std::optional(ThemeChoice::Light));
    QCOMPARE(themeChoiceNamed(QStringLiteral("system")), std::optional(ThemeChoice::System));
    QVERIFY(!themeChoiceNamed(QStringLiteral("blue")));
    QCOMPARE(themeChoiceName(ThemeChoice::Dark), QStringLiteral("dark"));
}

void TestPalette::issue13CompareColoursAreTellApart_data()
{
    issue12SeriesHaveMoreContrastThanRates_data();
}

void TestPalette::issue13CompareColoursAreTellApart()
{
    // The compare view's eight colours (Okabe and Ito), each pair at least 20 apart in CIE76
    // Delta E, and each visible on the background (Okabe and Ito's orange and sky blue have 2.25
    // and 2.31 on white: under WCAG's 3 for graphics, kept as published since each line also
    // carries its name at its end). The dark theme's blue #3d9be0 was 13.6 from the sky blue: IWB
    // and IWM looked the same on the returns bars.
    QFETCH(int, theme);
    const ChartPalette &p = chartPalette(Theme(theme));
    double closest = 1000;
    for (int i = 0; i < 8; ++i) {
        QVERIFY2(contrastRatio(p.compare[i], p.background) >= 2.2, qPrintable(QString::number(i)));
        for (int j = i + 1; j < 8; ++j) {
            const auto a = lab(p.compare[i]), b = lab(p.compare[j]);
            closest = std::min(closest, std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
        }
    }
    QVERIFY2(closest >= 20, qPrintable(QString::number(closest)));
}

QTEST_GUILESS_MAIN(TestPalette)
#include "tst_palette.moc"
