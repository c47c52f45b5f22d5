// SPDX-License-Identifier: GPL-3.0-or-later
// The charts' colours in both themes (issue #12, 6): A and B stand out, the rates stay muted.
#include "chart/ChartPalette.h"
#include "TestCommon.h"

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
    void issue24DeltaE2000MatchesPublishedPairs();
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

// CIEDE2000 (Sharma, Wu and Dalal's formulation): CIE76 rates some blue and orange pairs as far
// apart that readers confuse (issue #24, 7: SPY and ^GSPC).
double deltaE2000(const std::array<double, 3> &x, const std::array<double, 3> &y)
{
    constexpr double kPi = 3.14159265358979323846;
    const auto rad = [](double deg) { return deg * kPi / 180.0; };
    const double c1 = std::hypot(x[1], x[2]), c2 = std::hypot(y[1], y[2]);
    const double cMean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * x[1], a2 = (1 + g) * y[1];
    const double cp1 = std::hypot(a1, x[2]), cp2 = std::hypot(a2, y[2]);
    const auto hue = [](double b, double a) {
        const double h = std::atan2(b, a) * 180.0 / 3.14159265358979323846;
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(x[2], a1), h2 = hue(y[2], a2);
    double dh = h2 - h1;
    if (cp1 * cp2 == 0)
        dh = 0;
    else if (dh > 180)
        dh -= 360;
    else if (dh < -180)
        dh += 360;
    const double dL = y[0] - x[0], dC = cp2 - cp1;
    const double dH = 2 * std::sqrt(cp1 * cp2) * std::sin(rad(dh / 2));
    const double lMean = (x[0] + y[0]) / 2, cpMean = (cp1 + cp2) / 2;
    double hMean = h1 + h2;
    if (cp1 * cp2 != 0)
        hMean = std::abs(h1 - h2) <= 180 ? (h1 + h2) / 2
                : h1 + h2 < 360          ? (h1 + h2 + 360) / 2
                                         : (h1 + h2 - 360) / 2;
    const double t = 1 - 0.17 * std::cos(rad(hMean - 30)) + 0.24 * std::cos(rad(2 * hMean)) +
                     0.32 * std::cos(rad(3 * hMean + 6)) - 0.20 * std::cos(rad(4 * hMean - 63));
    const double dTheta = 30 * std::exp(-std::pow((hMean - 275) / 25, 2));
    const double cp7 = std::pow(cpMean, 7);
    const double rc = 2 * std::sqrt(cp7 / (cp7 + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(lMean - 50, 2) / std::sqrt(20 + std::pow(lMean - 50, 2));
    const double sc = 1 + 0.045 * cpMean, sh = 1 + 0.015 * cpMean * t;
    const double rt = -std::sin(rad(2 * dTheta)) * rc;
    return std::sqrt(std::pow(dL / sl, 2) + std::pow(dC / sc, 2) + std::pow(dH / sh, 2) +
                     rt * (dC / sc) * (dH / sh));
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

void TestPalette::issue24DeltaE2000MatchesPublishedPairs()
{
    // Sharma, Wu and Dalal (2005), table 1, pairs 1, 7 and 17.
    COMPARE_NEAR(deltaE2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}), 2.0425, 1e-4);
    COMPARE_NEAR(deltaE2000({50, 0, 0}, {50, -1, 2}), 2.3669, 1e-4);
    COMPARE_NEAR(deltaE2000({50, 2.5, 0}, {73, 25, -18}), 27.1492, 1e-4);
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
    double closest = 1000, closest2000 = 1000;
    for (int i = 0; i < 8; ++i) {
        QVERIFY2(contrastRatio(p.compare[i], p.background) >= 2.2, qPrintable(QString::number(i)));
        for (int j = i + 1; j < 8; ++j) {
            const auto a = lab(p.compare[i]), b = lab(p.compare[j]);
            closest = std::min(closest, std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
            closest2000 = std::min(closest2000, deltaE2000(a, b));
        }
    }
    QVERIFY2(closest >= 20, qPrintable(QString::number(closest)));
    // Issue #24, 7: at least 20 in CIEDE2000 too (the light theme's orange and olive were 13.5
    // apart, the dark theme's blue and sky blue 15.3).
    QVERIFY2(closest2000 >= 20, qPrintable(QString::number(closest2000)));
}

QTEST_GUILESS_MAIN(TestPalette)
#include "tst_palette.moc"
