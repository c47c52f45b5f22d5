// SPDX-License-Identifier: GPL-3.0-or-later
// The charts' colours in both themes (issue #12, 6): A and B stand out, the rates stay muted.
#include "chart/ChartPalette.h"

#include <QTest>

using namespace indexlens;

class TestPalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void contrastRatioIsWcags();
    void issue12SeriesHaveMoreContrastThanRates_data();
    void issue12SeriesHaveMoreContrastThanRates();
    void themeChoicesByName();
};

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

QTEST_GUILESS_MAIN(TestPalette)
#include "tst_palette.moc"
