// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/DateTicks.h"
#include "chart/MarkLabels.h"
#include "chart/PairData.h"
#include "chart/ValueTicks.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace indexlens;

// Ticks of the charts' axes: calendar ticks of the date axis (labels at month and year starts,
// not at every seventh of the range), and the values of a log axis.
class TestAxisTicks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void issue24EveryMarkKeepsALabelAndNoneIsCut();
    void monthsOverSevenMonths();
    void quartersWhenMonthsDoNotFit();
    void fiveYearsOverHalfACentury();
    void daysThenMondays();
    void aRangeStartingOnJanuaryFirstHasItsTick();
    void emptyForAnEmptyRange();
    void logTicksWithinADecadeAreLinearSteps();
    void logTicksOverDecades();
    void logTicksNeedPositiveBounds();
    void issue12LinearTicksAreRoundAndPadded();
    void issue12PositiveDataGetNoNegativeTick();
    void issue12LabelsArePlainWithOneNumberOfDecimals();
    void chartXIsWholeUtcDays();
};

namespace {
// "a|b|c" -> {"a", "b", "c"} (the model library builds without implicit ASCII casts)
QStringList list(const char *joined)
{
    return QString::fromLatin1(joined).split(QLatin1Char('|'));
}

QStringList labels(const std::vector<DateTick> &ticks)
{
    QStringList out;
    for (const DateTick &t : ticks)
        out << t.label;
    return out;
}
} // namespace

void TestAxisTicks::monthsOverSevenMonths()
{
    // 2024-01-02 .. 2024-08-02: 31 Mondays are too many for 10 ticks; month starts Feb .. Aug fit.
    const auto ticks = calendarTicks(QDate(2024, 1, 2), QDate(2024, 8, 2), 10);
    QCOMPARE(labels(ticks), list("Feb 2024|Mar 2024|Apr 2024|May 2024|Jun 2024|Jul 2024|Aug 2024"));
    QCOMPARE(ticks.front().date, QDate(2024, 2, 1));
    QCOMPARE(ticks.back().date, QDate(2024, 8, 1));
}

void TestAxisTicks::quartersWhenMonthsDoNotFit()
{
    const auto ticks = calendarTicks(QDate(2024, 1, 2), QDate(2024, 8, 2), 3);
    QCOMPARE(labels(ticks), list("Apr 2024|Jul 2024"));
}

void TestAxisTicks::fiveYearsOverHalfACentury()
{
    // 1971-02-05 .. 2025-06-26 (the Nasdaq Composite's history): 54 years, 27 even years, and
    // 11 multiples of five (1975 .. 2025).
    const auto ticks = calendarTicks(QDate(1971, 2, 5), QDate(2025, 6, 26), 12);
    QCOMPARE(int(ticks.size()), 11);
    QCOMPARE(ticks.front().label, QStringLiteral("1975"));
    QCOMPARE(ticks.front().date, QDate(1975, 1, 1));
    QCOMPARE(ticks.back().label, QStringLiteral("2025"));
}

void TestAxisTicks::daysThenMondays()
{
    // Friday 2024-03-01 .. Friday 2024-03-08: eight days fit ten ticks; two ticks take Mondays.
    const auto days = calendarTicks(QDate(2024, 3, 1), QDate(2024, 3, 8), 10);
    QCOMPARE(int(days.size()), 8);
    QCOMPARE(days.front().label, QStringLiteral("2024-03-01"));
    const auto weeks = calendarTicks(QDate(2024, 3, 1), QDate(2024, 3, 8), 2);
    QCOMPARE(labels(weeks), list("2024-03-04"));
}

void TestAxisTicks::aRangeStartingOnJanuaryFirstHasItsTick()
{
    const auto ticks = calendarTicks(QDate(2020, 1, 1), QDate(2024, 12, 31), 6);
    QCOMPARE(labels(ticks), list("2020|2021|2022|2023|2024"));
}

void TestAxisTicks::emptyForAnEmptyRange()
{
    QVERIFY(calendarTicks(QDate(2024, 3, 8), QDate(2024, 3, 1), 10).empty());
    QVERIFY(calendarTicks(QDate(2024, 3, 1), QDate(2024, 3, 8), 0).empty());
}

namespace {
void compareTicks(const std::vector<double> &actual, const std::vector<double> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        QVERIFY2(std::abs(actual[i] - expected[i]) <= 1e-9 * std::max(1.0, std::abs(expected[i])),
                 qPrintable(QString::number(actual[i], 'g', 17)));
}
} // namespace

void TestAxisTicks::logTicksWithinADecadeAreLinearSteps()
{
    // IWM/SPY between 0.33 and 0.48 (2020-2024): a base-10 log axis has no power of ten there.
    // The finest round step that fits: 0.02 gives 8 ticks (0.34 .. 0.48), 0.025 six, 0.05 three.
    compareTicks(logAxisTicks(0.33, 0.48, 5), {0.35, 0.40, 0.45});
    // issue #24, 13: with room for 8, the finer steps a user reads a narrow ratio by.
    compareTicks(logAxisTicks(0.33, 0.48, 8), {0.34, 0.36, 0.38, 0.40, 0.42, 0.44, 0.46, 0.48});
    // Rebased 80 .. 200: 20 gives 7 ticks, one more than asked; 25 gives 100 .. 200.
    compareTicks(logAxisTicks(80, 200, 6), {100, 125, 150, 175, 200});
}

void TestAxisTicks::logTicksOverDecades()
{
    // 0.5 .. 3000: 1-2-5 gives 12 ticks (0.5 .. 2000), more than 10; 1-3 gives 8.
    compareTicks(logAxisTicks(0.5, 3000, 10), {1, 3, 10, 30, 100, 300, 1000, 3000});
    compareTicks(logAxisTicks(0.5, 3000, 7), {1, 10, 100, 1000});
    compareTicks(logAxisTicks(0.5, 3000, 12),
                 {0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000});
    // 13 powers of ten for 5 ticks: every third decade.
    compareTicks(logAxisTicks(1, 1e12, 5), {1, 1e3, 1e6, 1e9, 1e12});
}

void TestAxisTicks::logTicksNeedPositiveBounds()
{
    QVERIFY(logAxisTicks(0, 10, 5).empty());
    QVERIFY(logAxisTicks(-1, 10, 5).empty());
    QVERIFY(logAxisTicks(5, 5, 5).empty());
}

void TestAxisTicks::issue12LinearTicksAreRoundAndPadded()
{
    // issue #24, 13: the axis hugs the data. IWM/SPY 0.33 .. 0.48 is padded by 3 % of 0.15
    // (0.3255 .. 0.4845) and keeps those bounds; the finest round step with at most 5 ticks
    // inside is 0.05 (0.025 gives 6).
    LinearTicks t = linearAxisTicks(0.33, 0.48, 5);
    compareTicks(t.values, {0.35, 0.40, 0.45});
    QCOMPARE(t.lo, 0.3255);
    QCOMPARE(t.hi, 0.4845);
    // The issue's IWM/SPY between 0.38 and 0.48 gets 0.377 .. 0.483, labelled 0.38 .. 0.48.
    t = linearAxisTicks(0.38, 0.48, 6);
    compareTicks(t.values, {0.38, 0.40, 0.42, 0.44, 0.46, 0.48});
    QVERIFY(std::abs(t.lo - 0.377) < 1e-12 && std::abs(t.hi - 0.483) < 1e-12);
    // A spread across zero: -2.3 .. 4.1 padded to -2.492 .. 4.292; step 1 gives 7, 2 gives 4.
    t = linearAxisTicks(-2.3, 4.1, 5);
    compareTicks(t.values, {-2, 0, 2, 4});
    // The 10-year 3.5 .. 5.0 %: padded 3.455 .. 5.045; 0.25 gives 7, 0.5 gives 4.
    t = linearAxisTicks(3.5, 5.0, 5);
    compareTicks(t.values, {3.5, 4.0, 4.5, 5.0});
    compareTicks(linearAxisTicks(3.5, 5.0, 3).values, {4, 5});
    // A flat line gets a band around it instead of a zero-height axis.
    t = linearAxisTicks(100, 100, 5);
    QVERIFY(t.lo < 100 && t.hi > 100);
    // Issue #25, trial: a spread of -2.6 .. 2.6 (padded -2.756 .. 2.756) on a plot with room for
    // two labels got three (-2 0 2: step 5 leaves only 0), and all were cut to "...". Now the
    // ends of the three, and on room for one, the zero.
    compareTicks(linearAxisTicks(-2.6, 2.6, 2).values, {-2, 2});
    compareTicks(linearAxisTicks(-2.6, 2.6, 1).values, {0});
    compareTicks(linearAxisTicks(-2.6, 2.6, 3).values, {-2, 0, 2});
}

void TestAxisTicks::issue12PositiveDataGetNoNegativeTick()
{
    // ^GSPC/^IXIC Max rebased: 95 .. 40123. QValueAxis' nice numbers gave -20,000 .. 40,000.
    const LinearTicks t = linearAxisTicks(95, 40123, 6);
    // The padding reaches below zero (a line at 95 would lie on the frame), the labels do not.
    QCOMPARE(t.lo, 95 - 0.03 * (40123 - 95));
    QCOMPARE(t.hi, 40123 + 0.03 * (40123 - 95));
    QCOMPARE(t.values.front(), 0.0);
    for (const double v : t.values)
        QVERIFY2(v >= 0, qPrintable(QString::number(v)));
    QVERIFY(int(t.values.size()) <= 7);
    // 0.2 .. 20 % yields: no label below zero.
    QCOMPARE(linearAxisTicks(0.2, 20, 5).values.front(), 0.0);
}

void TestAxisTicks::issue12LabelsArePlainWithOneNumberOfDecimals()
{
    QCOMPARE(tickLabels({0.35, 0.4, 0.45}), list("0.35|0.40|0.45"));
    QCOMPARE(tickLabels({0, 10000, 20000, 40000}), list("0|10,000|20,000|40,000"));
    QCOMPARE(tickLabels({-2.5, 0, 2.5, 5}),
             QStringLiteral("\u22122.5|0.0|2.5|5.0").split(QLatin1Char('|')));
    QCOMPARE(tickLabels({-0.0, 1}), list("0|1"));
    for (const QString &l : tickLabels(linearAxisTicks(95, 40123, 6).values))
        QVERIFY2(!l.contains(QLatin1Char('e')), qPrintable(l));
}

// A chart's x is the date's UTC midnight in ms: whole days by arithmetic, the same length across a
// change of summer time (2024-03-10 in New York), and back to the same date from anywhere in it.
void TestAxisTicks::chartXIsWholeUtcDays()
{
    QCOMPARE(PairData::toX(QDate(1970, 1, 1)), 0.0);
    QCOMPARE(PairData::toX(QDate(2024, 3, 11)) - PairData::toX(QDate(2024, 3, 10)), 86400000.0);
    // Before the epoch: 15,343 days, 86,400,000 ms each.
    QCOMPARE(PairData::toX(QDate(1927, 12, 30)), -1325635200000.0);
    for (const QDate &d : {QDate(1927, 12, 30), QDate(1970, 1, 1), QDate(2024, 3, 10),
                           QDate(2024, 11, 3), QDate(2025, 9, 26)}) {
        QCOMPARE(PairData::fromX(PairData::toX(d)), d);
        QCOMPARE(PairData::fromX(PairData::toX(d) + 86399999.0), d);
    }
}

// Issue #24, 10 and 11: a band's label is whole where it fits its band, else its key alone;
// moves whose labels would collide take rows below the bands', right of their line or left of it
// at the plot's right edge; none is cut or dropped, and the key lists every label in full.
void TestAxisTicks::issue24EveryMarkKeepsALabelAndNoneIsCut()
{
    ChartMarks marks;
    marks.bands = {
        {QDate(2023, 1, 1), QDate(2023, 4, 5), QStringLiteral("1: IWB \u2212 IWM +6.8 pp")},
        {QDate(2023, 4, 5), QDate(2023, 5, 1), QStringLiteral("2: IWB \u2212 IWM \u22129.1 pp")},
        {QDate(2023, 5, 1), QDate(2023, 9, 1), QStringLiteral("10y +82 bp"), true}};
    marks.markers = {{QDate(2023, 2, 1), QStringLiteral("2023-02-01 IWB +2.2%")},
                     {QDate(2023, 2, 2), QStringLiteral("2023-02-02 IWB +2.1%")},
                     {QDate(2023, 8, 30), QStringLiteral("2023-08-30 IWB \u22122.3%")}};
    MarkGeometry g;
    g.bands = {{0, 300}, {300, 340}, {340, 600}};
    g.markers = {100, 104, 596};
    g.left = 0;
    g.right = 600;
    g.rows = 5;
    const auto width = [](const QString &t) { return 7.0 * t.size(); }; // 7 px a character
    const MarkLabels labels = placeMarkLabels(marks, g, width);
    QCOMPARE(labels.bands[0].text, marks.bands[0].label); // fits its 300 px
    QCOMPARE(labels.bands[1].text, QStringLiteral("2"));  // 40 px: its number
    QCOMPARE(labels.bands[2].text, QStringLiteral("10y +82 bp"));
    QCOMPARE(labels.bands[0].row, 0);
    QCOMPARE(labels.bands[2].row, 1); // regimes under the periods' row
    QCOMPARE(labels.markers[0].row, 2);
    QCOMPARE(labels.markers[1].row, 3); // 4 px to the right: the next row
    QCOMPARE(labels.markers[0].text, marks.markers[0].label);
    QCOMPARE(labels.markers[1].text, marks.markers[1].label);
    QVERIFY(labels.markers[2].x + labels.markers[2].width <= g.right); // left of its line
    QCOMPARE(labels.markers[2].text, marks.markers[2].label);
    for (const auto *set : {&labels.bands, &labels.markers})
        for (const PlacedLabel &l : *set)
            QVERIFY(!l.text.contains(QChar(0x2026)));
    // No room for the third label of three at one x in two rows: its key, listed below.
    g.rows = 4;
    g.markers = {100, 100, 100};
    const MarkLabels crowded = placeMarkLabels(marks, g, width);
    QCOMPARE(crowded.markers[2].text, QStringLiteral("M3"));
    // ... in a row no other label takes there (it was drawn over M2's, "IWB +2.M3").
    for (std::size_t i = 0; i < 2; ++i)
        QVERIFY(crowded.markers[i].row != crowded.markers[2].row ||
                crowded.markers[i].x + crowded.markers[i].width < crowded.markers[2].x);
    QCOMPARE(marksKey(marks), (QStringList{marks.bands[0].label, marks.bands[1].label,
                                           QStringLiteral("R1: 10y +82 bp"),
                                           QStringLiteral("M1: 2023-02-01 IWB +2.2%"),
                                           QStringLiteral("M2: 2023-02-02 IWB +2.1%"),
                                           QStringLiteral("M3: 2023-08-30 IWB \u22122.3%")}));
}

QTEST_GUILESS_MAIN(TestAxisTicks)
#include "tst_axisticks.moc"
