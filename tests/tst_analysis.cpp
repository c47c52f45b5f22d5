#include "analysis/Alignment.h"
#include "analysis/RateSensitivity.h"
#include "analysis/RatioSeries.h"
#include "analysis/Relative.h"
#include "analysis/Returns.h"
#include "TestCommon.h"

#include <QTest>

#include <cmath>

using namespace indexlens;

namespace {
QDate day(int m, int d)
{
    return QDate(2024, m, d);
}
} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void asOfLookupNeverLooksAhead();
    void alignsOnCommonDaysAcrossHolidays();
    void alignsThreeSeries();
    void rateAsOfTradingDays();
    void returnBetweenUsesLastCloseOnOrBefore();
    void returnBetweenBeforeFirstObservation();
    void rebasedTo100();
    void ratioRebasedAndMovingAverages();
    void movingAverageStaysExactOverLongSeries();
    void relativeReturnAndDailySpread();
    void rateChangeInBasisPoints();
    void widestSinceLooksBackInTheSameDirection();
    void rollingCorrelationAndBeta();
};

void TestAnalysis::asOfLookupNeverLooksAhead()
{
    const Series s = {{day(1, 2), 1.0}, {day(1, 4), 2.0}};
    QVERIFY(!indexOnOrBefore(s, day(1, 1)));
    QCOMPARE(indexOnOrBefore(s, day(1, 2)).value(), std::size_t(0));
    QCOMPARE(indexOnOrBefore(s, day(1, 3)).value(), std::size_t(0)); // 1-4 is in the future
    QCOMPARE(valueAsOf(s, day(1, 4)).value(), 2.0);
    QCOMPARE(valueAsOf(s, day(12, 31)).value(), 2.0);
    QVERIFY(!valueAsOf(Series{}, day(1, 2)));
}

void TestAnalysis::alignsOnCommonDaysAcrossHolidays()
{
    // A trades 1-2..1-5; B is closed on 1-3 and also has 1-8.
    const Series a = {{day(1, 2), 10}, {day(1, 3), 11}, {day(1, 4), 12}, {day(1, 5), 13}};
    const Series b = {{day(1, 2), 20}, {day(1, 4), 22}, {day(1, 5), 21}, {day(1, 8), 25}};
    const AlignedSeries al = alignOnCommonDays({a, b});
    QCOMPARE(al.dates, (std::vector<QDate>{day(1, 2), day(1, 4), day(1, 5)}));
    QCOMPARE(al.values[0], (std::vector<double>{10, 12, 13}));
    QCOMPARE(al.values[1], (std::vector<double>{20, 22, 21}));
    QCOMPARE(alignOnCommonDays({a, Series{}}).size(), std::size_t(0));
}

void TestAnalysis::alignsThreeSeries()
{
    const Series a = {{day(1, 2), 1}, {day(1, 3), 2}, {day(1, 4), 3}};
    const Series b = {{day(1, 3), 5}, {day(1, 4), 6}};
    const Series c = {{day(1, 2), 7}, {day(1, 4), 8}};
    const AlignedSeries al = alignOnCommonDays({a, b, c});
    QCOMPARE(al.dates, std::vector<QDate>{day(1, 4)});
    QCOMPARE(al.values[2], std::vector<double>{8});
}

void TestAnalysis::rateAsOfTradingDays()
{
    // The rate has a holiday on 1-15 (stocks trade on 1-16 only) and starts on 1-3.
    const Series rate = {{day(1, 3), 4.0}, {day(1, 12), 4.1}, {day(1, 16), 3.9}};
    const std::vector<QDate> days = {day(1, 2), day(1, 3), day(1, 15), day(1, 16), day(1, 17)};
    const std::vector<double> v = valuesAsOf(rate, days);
    QVERIFY(std::isnan(v[0])); // before the first observation
    QCOMPARE(v[1], 4.0);
    QCOMPARE(v[2], 4.1); // the holiday: the last observation before it
    QCOMPARE(v[3], 3.9);
    QCOMPARE(v[4], 3.9);
}

void TestAnalysis::returnBetweenUsesLastCloseOnOrBefore()
{
    // 2023-12-29 (Fri) close 100; the year starts on a holiday (1-1) and a weekend gap.
    const Series s = {{QDate(2023, 12, 28), 98},
                      {QDate(2023, 12, 29), 100},
                      {QDate(2024, 1, 2), 101},
                      {QDate(2024, 1, 5), 104.5},
                      {QDate(2024, 1, 8), 103}};
    // Start on 12-31 (Sunday): base is the 12-29 close. End on 1-7 (Sunday): the 1-5 close.
    const auto r = returnBetween(s, QDate(2023, 12, 31), QDate(2024, 1, 7));
    QVERIFY(r);
    QCOMPARE(r->startDay, QDate(2023, 12, 29));
    QCOMPARE(r->endDay, QDate(2024, 1, 5));
    COMPARE_NEAR(r->percent, 4.5, 1e-12);
    // Same day: zero.
    COMPARE_NEAR(returnBetween(s, QDate(2024, 1, 2), QDate(2024, 1, 2))->percent, 0.0, 0);
    // End before start: no answer.
    QVERIFY(!returnBetween(s, QDate(2024, 1, 8), QDate(2024, 1, 2)));
}

void TestAnalysis::returnBetweenBeforeFirstObservation()
{
    const Series s = {{day(1, 2), 100}, {day(1, 3), 110}};
    QVERIFY(!returnBetween(s, day(1, 1), day(1, 3)));
    QVERIFY(!returnBetween(Series{}, day(1, 1), day(1, 3)));
}

void TestAnalysis::rebasedTo100()
{
    const Series s = {{day(1, 2), 50}, {day(1, 3), 40}, {day(1, 4), 60}};
    const Series r = rebased(s, day(1, 3));
    QCOMPARE(r.size(), std::size_t(3));
    COMPARE_NEAR(r[0].value, 125.0, 1e-12);
    COMPARE_NEAR(r[1].value, 100.0, 1e-12);
    COMPARE_NEAR(r[2].value, 150.0, 1e-12);
    QVERIFY(rebased(s, day(1, 1)).empty());
}

void TestAnalysis::ratioRebasedAndMovingAverages()
{
    const std::vector<double> a = {10, 12, 9, 15};
    const std::vector<double> b = {5, 4, 3, 5};
    const std::vector<double> r = ratio(a, b);
    QCOMPARE(r, (std::vector<double>{2, 3, 3, 3}));
    const std::vector<double> rb = rebasedAt(r, 0);
    QCOMPARE(rb, (std::vector<double>{1, 1.5, 1.5, 1.5}));
    const std::vector<double> ma = movingAverage(std::vector<double>{1, 2, 3, 4, 5}, 3);
    QVERIFY(std::isnan(ma[0]) && std::isnan(ma[1]));
    QCOMPARE(ma[2], 2.0);
    QCOMPARE(ma[3], 3.0);
    QCOMPARE(ma[4], 4.0);
    QVERIFY(std::isnan(movingAverage({1.0, 2.0}, 3)[1]));
}

void TestAnalysis::movingAverageStaysExactOverLongSeries()
{
    // 30 years of days with values in the thousands: the running sum must not drift.
    std::vector<double> v(7600);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = 1000.0 + std::sin(double(i)) * 500.0 + double(i) * 0.37;
    const std::vector<double> ma = movingAverage(v, 200);
    for (std::size_t i : {std::size_t(199), std::size_t(5000), v.size() - 1}) {
        double sum = 0;
        for (std::size_t j = i + 1 - 200; j <= i; ++j)
            sum += v[j];
        COMPARE_NEAR(ma[i], sum / 200.0, 1e-9);
    }
}

void TestAnalysis::relativeReturnAndDailySpread()
{
    const std::vector<double> a = {100, 103, 101.97};
    const std::vector<double> b = {50, 50.5, 51.005};
    // Cumulative: A +3 %, +1.97 %; B +1 %, +2.01 %.
    const std::vector<double> rel = relativeReturnPoints(a, b, 0);
    COMPARE_NEAR(rel[0], 0.0, 1e-12);
    COMPARE_NEAR(rel[1], 2.0, 1e-9);
    COMPARE_NEAR(rel[2], -0.04, 1e-9);
    // Daily: A +3 %, -1 %; B +1 %, +1 %.
    const std::vector<double> spread = dailySpreadPoints(a, b);
    QVERIFY(std::isnan(spread[0]));
    COMPARE_NEAR(spread[1], 2.0, 1e-9);
    COMPARE_NEAR(spread[2], -2.0, 1e-9);
    // Rebased to day 1 instead.
    COMPARE_NEAR(relativeReturnPoints(a, b, 1)[2], -1.0 - 1.0, 1e-9);
}

void TestAnalysis::rateChangeInBasisPoints()
{
    const Series dgs10 = {{QDate(2023, 12, 29), 3.88}, {QDate(2024, 4, 30), 4.69}};
    COMPARE_NEAR(rateChangeBps(dgs10, QDate(2023, 12, 29), QDate(2024, 4, 30)).value(), 81.0, 1e-9);
    // A missing rate day (holiday) reads the previous observation.
    COMPARE_NEAR(rateChangeBps(dgs10, QDate(2024, 1, 1), QDate(2024, 5, 1)).value(), 81.0, 1e-9);
    QVERIFY(!rateChangeBps(dgs10, QDate(2023, 12, 28), QDate(2024, 4, 30)));
}

void TestAnalysis::widestSinceLooksBackInTheSameDirection()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    //                             0    1    2     3    4    5     6
    const std::vector<double> s = {nan, 2.5, -3.0, 1.0, 2.0, 2.46, -1.5};
    QCOMPARE(widestSince(s, 5).value(), std::size_t(1)); // 2.46: widest since day 1 (2.5)
    QCOMPARE(widestSince(s, 4).value(), std::size_t(1));
    QCOMPARE(widestSince(s, 6).value(), std::size_t(2)); // negative: since -3.0
    QVERIFY(!widestSince(s, 1));                         // widest on record
    QVERIFY(!widestSince(s, 0));                         // NaN
    const std::vector<double> equal = {nan, 2.0, 2.0};
    QCOMPARE(widestSince(equal, 2).value(), std::size_t(1)); // "at least as large"
}

void TestAnalysis::rollingCorrelationAndBeta()
{
    // Ratio log change = 0.01 x rate change (bp) exactly, with varying rate moves: beta 0.01 %
    // per bp, correlation 1. Then a window where the ratio moves against the rate.
    const std::size_t n = 12;
    std::vector<double> rate(n), ratioValues(n);
    rate[0] = 4.0;
    ratioValues[0] = 0.5;
    const double moves[] = {3, -2, 5, 1, -4, 2, 6, -1, 3, -5, 2};
    for (std::size_t i = 1; i < n; ++i) {
        rate[i] = rate[i - 1] + moves[i - 1] / 100.0;
        ratioValues[i] = ratioValues[i - 1] * std::exp(0.01 * moves[i - 1] / 100.0);
    }
    const RateSensitivity s = rollingRateSensitivity(ratioValues, rate, 5);
    for (std::size_t i = 0; i < 5; ++i) {
        QVERIFY(std::isnan(s.beta[i]));
        QVERIFY(std::isnan(s.correlation[i]));
    }
    for (std::size_t i = 5; i < n; ++i) {
        COMPARE_NEAR(s.beta[i], 0.01, 1e-9);
        COMPARE_NEAR(s.correlation[i], 1.0, 1e-9);
    }
    // Hand-computed window of 3 changes: x = (1, 2, 3) bp, y = (3, 1, 2) %.
    // mean x 2, mean y 2; sxy = (-1)(1) + 0 + (1)(0) = -1; sxx = 2; syy = 2.
    // beta = -0.5, correlation = -1 / sqrt(4) = -0.5.
    const std::vector<double> r2 = {1.0, std::exp(0.03), std::exp(0.04), std::exp(0.06)};
    const std::vector<double> y2 = {4.00, 4.01, 4.03, 4.06};
    const RateSensitivity h = rollingRateSensitivity(r2, y2, 3);
    COMPARE_NEAR(h.beta[3], -0.5, 1e-9);
    COMPARE_NEAR(h.correlation[3], -0.5, 1e-9);
    // A rate that never moves has no beta.
    const RateSensitivity flat = rollingRateSensitivity(r2, {4, 4, 4, 4}, 3);
    QVERIFY(std::isnan(flat.beta[3]));
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
