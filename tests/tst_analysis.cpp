// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/Alignment.h"
#include "analysis/Drawdown.h"
#include "analysis/Extremes.h"
#include "analysis/Measure.h"
#include "analysis/PeriodTable.h"
#include "analysis/RateRegimes.h"
#include "analysis/RateRegression.h"
#include "analysis/RatioSeries.h"
#include "analysis/Relative.h"
#include "analysis/Returns.h"
#include "core/UserError.h"
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
    void issue25DrawdownIsTheDistanceBelowTheRunningHigh();
    void issue25ExtremesAndTheTwentyPercentRule();
    void asOfLookupNeverLooksAhead();
    void alignsOnCommonDaysAcrossHolidays();
    void alignsThreeSeries();
    void rateAsOfTradingDays();
    void returnBetweenUsesLastCloseOnOrBefore();
    void returnBetweenBeforeFirstObservation();
    void issue22SeriesThatEndsEarlyHasNoNumber();
    void rebasedTo100();
    void ratioRebasedAndMovingAverages();
    void movingAverageStaysExactOverLongSeries();
    void relativeReturnAndDailySpread();
    void rateChangeInBasisPoints();
    void widestSinceLooksBackInTheSameDirection();
    void issue14ZeroSpreadIsWidestSinceNothing();
    void issue14RateGapsLongerThanTenDaysAreUnknown();
    void issue14PeriodRateChangeOnTheClosesDays();
    void issue13SpreadOnRateChange();
    void issue13RollingSensitivity();
    void issue13RegimesAtKnownTurningPoints();
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
    // Issue #14, 3: after the last observation the rate is unknown, not unchanged (it was 3.9).
    QVERIFY(std::isnan(v[4]));
}

// Issue #14, 3: inside the data, a value is carried over a holiday or a weekend, up to 10
// calendar days; a longer gap is unknown, not flat.
void TestAnalysis::issue14RateGapsLongerThanTenDaysAreUnknown()
{
    const Series rate = {{day(1, 3), 4.0}, {day(1, 20), 4.2}};
    const std::vector<double> v = valuesAsOf(rate, {day(1, 13), day(1, 14), day(1, 20)});
    QCOMPARE(v[0], 4.0);       // 10 days after 1-3
    QVERIFY(std::isnan(v[1])); // 11 days
    QCOMPARE(v[2], 4.2);
}

void TestAnalysis::returnBetweenUsesLastCloseOnOrBefore()
{
    // 2023-12-29 (Fri) close 100; the year starts on a holiday (1-1) and a weekend gap.
    const SymbolSeries s{QStringLiteral("X"),
                         {{QDate(2023, 12, 28), 98},
                          {QDate(2023, 12, 29), 100},
                          {QDate(2024, 1, 2), 101},
                          {QDate(2024, 1, 5), 104.5},
                          {QDate(2024, 1, 8), 103}}};
    // Start on 12-31 (Sunday): base is the 12-29 close. End on 1-7 (Sunday): the 1-5 close.
    const MeasuredReturn r =
        measureReturn(s, Measure::range(QDate(2023, 12, 31), QDate(2024, 1, 7)));
    QVERIFY(r.has());
    QCOMPARE(r.baseDay, QDate(2023, 12, 29));
    QCOMPARE(r.endDay, QDate(2024, 1, 5));
    COMPARE_NEAR(*r.percent, 4.5, 1e-12);
    // Issue #22: a range starts at the close of FROM itself when FROM is a trading day.
    COMPARE_NEAR(*measureReturn(s, Measure::range(QDate(2024, 1, 2), QDate(2024, 1, 5))).percent,
                 (104.5 / 101 - 1) * 100, 1e-12);
    // Same day: zero.
    COMPARE_NEAR(*measureReturn(s, Measure::range(QDate(2024, 1, 2), QDate(2024, 1, 2))).percent,
                 0.0, 0);
    // End before start: no answer, and why.
    const MeasuredReturn backwards =
        measureReturn(s, Measure::range(QDate(2024, 1, 8), QDate(2024, 1, 2)));
    QVERIFY(!backwards.has());
    QCOMPARE(backwards.reason, QStringLiteral("2024-01-02 is before 2024-01-08"));
}

void TestAnalysis::returnBetweenBeforeFirstObservation()
{
    const SymbolSeries s{QStringLiteral("X"), {{day(1, 2), 100}, {day(1, 3), 110}}};
    QCOMPARE(measureReturn(s, Measure::range(day(1, 1), day(1, 3))).reason,
             QStringLiteral("2024-01-01 is before the first data of X (2024-01-02)"));
    QVERIFY(
        !measureReturn(SymbolSeries{QStringLiteral("E"), {}}, Measure::range(day(1, 1), day(1, 3)))
             .has());
}

// Issue #22, 2: a series never gets a number for days it does not cover. IWF ends on Friday
// 2025-09-26; a range, YTD and one year to 2026-08-03 and a day after its end have none (they
// were 7.11, 0.00 and 7.11 from its last point), and say why.
void TestAnalysis::issue22SeriesThatEndsEarlyHasNoNumber()
{
    const SymbolSeries iwf{
        QStringLiteral("IWF"),
        {{QDate(2025, 1, 2), 100}, {QDate(2025, 8, 1), 110}, {QDate(2025, 9, 26), 117.8}}};
    const QString after = QStringLiteral("2026-08-03 is after the last data of IWF (2025-09-26)");
    QCOMPARE(measureReturn(iwf, Measure::range(QDate(2025, 8, 4), QDate(2026, 8, 3))).reason,
             after);
    QCOMPARE(measureReturn(iwf, Measure::oneYear(QDate(2026, 8, 3))).reason, after);
    // Year to date starts after its data: that is the first reason.
    QCOMPARE(measureReturn(iwf, Measure::yearToDate(QDate(2026, 8, 3))).reason,
             QStringLiteral("2025-12-31 is after the last data of IWF (2025-09-26)"));
    QCOMPARE(measureReturn(iwf, Measure::day(QDate(2026, 7, 15))).reason,
             QStringLiteral("2026-07-15 is after the last data of IWF (2025-09-26)"));
    // Its last weekend is still covered: data ending on a Friday answer for Sunday.
    COMPARE_NEAR(*measureReturn(iwf, Measure::range(QDate(2025, 8, 1), QDate(2025, 9, 28))).percent,
                 (117.8 / 110 - 1) * 100, 1e-12);
    // Year to date starts on the previous year's last trading day: none for a series that
    // starts in the year.
    QCOMPARE(measureReturn(iwf, Measure::yearToDate(QDate(2025, 9, 26))).reason,
             QStringLiteral("2024-12-31 is before the first data of IWF (2025-01-02)"));
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
    COMPARE_NEAR(rateChangeOn(dgs10, QDate(2023, 12, 29), QDate(2024, 4, 30)).value(), 81.0, 1e-9);
    // A missing rate day (holiday) reads the previous observation.
    COMPARE_NEAR(rateChangeOn(dgs10, QDate(2024, 1, 1), QDate(2024, 4, 30)).value(), 81.0, 1e-9);
    QVERIFY(!rateChangeOn(dgs10, QDate(2023, 12, 28), QDate(2024, 4, 30)));
    // Issue #22: after the last observation the rate is unknown, in every table as on the chart
    // (the Returns tab carried it over a weekend, the headline over ten days).
    QVERIFY(!rateChangeOn(dgs10, QDate(2024, 1, 1), QDate(2024, 5, 1)));
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

namespace {
// A and B on weekdays from 2024-01-02; B flat at 100; A moves so that its daily return is
// `spreads[i]` percent; the rate moves `moves[i]` bp, with `gaps` days left without an observation.
struct RateCase {
    SymbolSeries a{QStringLiteral("A"), {}}, b{QStringLiteral("B"), {}},
        rate{QStringLiteral("R"), {}};
    RateCase(const std::vector<double> &spreads, const std::vector<double> &moves,
             const std::vector<int> &gaps = {})
    {
        QDate d(2024, 1, 2);
        double va = 100, vr = 4.0;
        for (std::size_t i = 0; i <= spreads.size();
             ++i, d = d.addDays(d.dayOfWeek() == 5 ? 3 : 1)) {
            if (i > 0) {
                va *= 1 + spreads[i - 1] / 100.0;
                vr += moves[i - 1] / 100.0;
            }
            a.series.push_back({d, va});
            b.series.push_back({d, 100.0});
            if (std::find(gaps.begin(), gaps.end(), int(i)) == gaps.end())
                rate.series.push_back({d, vr});
        }
    }
};
} // namespace

// Issue #13: the spread against the rate change. y = 1 + 0.5 x exactly: slope 0.5 pp per bp (5 pp
// per 10 bp), intercept 1, R² 1, correlation 1. A day without a rate observation drops that day
// and the next (its change has no start), never a 0 bp move.
void TestAnalysis::issue13SpreadOnRateChange()
{
    const std::vector<double> x = {2, -4, 6, 1, -3, 5};
    std::vector<double> y;
    y.reserve(x.size());
    for (const double v : x)
        y.push_back(1 + 0.5 * v);
    const RateCase c(y, x);
    const auto days = rateDays(c.a, c.b, c.rate, QDate(2024, 1, 1), QDate(2024, 12, 31));
    QCOMPARE(int(days.size()), 6);
    COMPARE_NEAR(days[2].rateChangeBps, 6.0, 1e-9);
    COMPARE_NEAR(days[2].spreadPoints, 4.0, 1e-9);
    const LinearFit fit = spreadOnRate(days);
    COMPARE_NEAR(fit.slope, 0.5, 1e-9);
    COMPARE_NEAR(fit.intercept, 1.0, 1e-9);
    COMPARE_NEAR(fit.r2, 1.0, 1e-9);
    COMPARE_NEAR(fit.corr, 1.0, 1e-9);
    QCOMPARE(fit.n, 6);
    // Day 3 (2024-01-05) has no observation: its change and day 4's are left out.
    const RateCase gap(y, x, {3});
    const auto kept = rateDays(gap.a, gap.b, gap.rate, QDate(2024, 1, 1), QDate(2024, 12, 31));
    QCOMPARE(int(kept.size()), 4);
    for (const RateDay &d : kept)
        QVERIFY(d.date != QDate(2024, 1, 5) && d.date != QDate(2024, 1, 8));
    // Hand-computed fit of three points: x = (1, 2, 3), y = (3, 1, 2): mean x 2, mean y 2;
    // sxy = -1, sxx = 2, syy = 2: slope -0.5, intercept 3, correlation -0.5, R² 0.25.
    const LinearFit h = fitLine({1, 2, 3}, {3, 1, 2});
    COMPARE_NEAR(h.slope, -0.5, 1e-12);
    COMPARE_NEAR(h.intercept, 3.0, 1e-12);
    COMPARE_NEAR(h.corr, -0.5, 1e-12);
    COMPARE_NEAR(h.r2, 0.25, 1e-12);
    QVERIFY(std::isnan(fitLine({4, 4, 4}, {1, 2, 3}).slope)); // a rate that never moves
}

// Rolling: the ratio's log change is 0.01 x the rate change exactly (B flat: the ratio moves as
// A): beta 0.01 % per bp, correlation 1, dated by each window's last day.
void TestAnalysis::issue13RollingSensitivity()
{
    const std::vector<double> moves = {3, -2, 5, 1, -4, 2, 6, -1, 3, -5, 2};
    std::vector<double> spreads;
    spreads.reserve(moves.size());
    for (const double m : moves)
        spreads.push_back((std::exp(0.0001 * m) - 1) * 100.0);
    const RateCase c(spreads, moves);
    const auto days = rateDays(c.a, c.b, c.rate, QDate(2024, 1, 1), QDate(2024, 12, 31));
    const auto rolling = rollingSensitivity(days, 5);
    QCOMPARE(rolling.size(), days.size() - 4);
    QCOMPARE(rolling.front().date, days[4].date);
    for (const RollingSensitivity &r : rolling) {
        COMPARE_NEAR(r.beta, 0.01, 1e-9);
        COMPARE_NEAR(r.corr, 1.0, 1e-9);
    }
    QVERIFY(rollingSensitivity(days, 50).empty());
}

// Issue #13: a built rate with known turns, weekdays from 2024-01-02 (index 30 is 2024-02-13,
// 55 is 2024-03-19, 90 is 2024-05-07): +2 bp a day to 4.60 at 30, -3 bp a day to 3.85 at 55, a
// +25 bp bounce to 60 and -8 bp to 64 (below any threshold from 20 up), +2 bp a day to 4.54 at 90.
void TestAnalysis::issue13RegimesAtKnownTurningPoints()
{
    Series rate;
    QDate d(2024, 1, 2);
    double v = 4.00;
    for (int i = 0; i <= 90; ++i, d = d.addDays(d.dayOfWeek() == 5 ? 3 : 1)) {
        if (i > 0) v += (i <= 30 ? 2 : i <= 55 ? -3 : i <= 60 ? 5 : i <= 64 ? -2 : 2) / 100.0;
        rate.push_back({d, v});
    }
    const QDate t30(2024, 2, 13), t55(2024, 3, 19), t90(2024, 5, 7);
    auto regimes = findRegimes(rate, QDate(2024, 1, 1), QDate(2024, 12, 31));
    QCOMPARE(int(regimes.size()), 3);
    QCOMPARE(regimes[0].period.start, QDate(2024, 1, 2));
    QCOMPARE(regimes[0].period.end, t30);
    COMPARE_NEAR(regimes[0].changeBps, 60.0, 1e-6);
    QCOMPARE(regimes[0].direction, 1);
    QCOMPARE(regimes[1].period.start, t30);
    QCOMPARE(regimes[1].period.end, t55);
    COMPARE_NEAR(regimes[1].changeBps, -75.0, 1e-6);
    QCOMPARE(regimes[1].direction, -1);
    QCOMPARE(regimes[2].period.end, t90);
    COMPARE_NEAR(regimes[2].changeBps, 69.0, 1e-6);
    // The 25 bp bounce is a turn at 20 bp only if confirmed by a 20 bp fall: it is not (8 bp).
    QCOMPARE(int(findRegimes(rate, QDate(2024, 1, 1), QDate(2024, 12, 31), {20, 15, false}).size()),
             3);
    // Nothing reverses by 100 bp: one period, +54 bp.
    regimes = findRegimes(rate, QDate(2024, 1, 1), QDate(2024, 12, 31), {100, 15, false});
    QCOMPARE(int(regimes.size()), 1);
    COMPARE_NEAR(regimes[0].changeBps, 54.0, 1e-6);
    // The fall (25 observations) is shorter than 30: merged with both neighbours.
    QCOMPARE(int(findRegimes(rate, QDate(2024, 1, 1), QDate(2024, 12, 31), {40, 30, false}).size()),
             1);
    // To month ends: 2024-02-13 is nearer 01-31 (13 days) than 02-29 (16); 2024-03-19 is nearer
    // 03-31 (12 days, its last observation 03-29) than 02-29 (19).
    regimes = findRegimes(rate, QDate(2024, 1, 1), QDate(2024, 12, 31), {40, 15, true});
    QCOMPARE(regimes[0].period.end, QDate(2024, 1, 31));
    QCOMPARE(regimes[1].period.end, QDate(2024, 3, 29));
    QCOMPARE(regimes[2].period.start, QDate(2024, 3, 29));
    bool refused = false;
    try {
        findRegimes(rate, QDate(2025, 1, 1), QDate(2025, 2, 1));
    } catch (const UserError &) {
        refused = true;
    }
    QVERIFY(refused); // no observation in the range
}

// Issue #14, 5: on 2013-03-27 IWB and SPY both repeat their previous close; the spread is exactly
// 0 and was "widest since 2013-03-25" (zero taken as positive). A zero spread has no direction.
void TestAnalysis::issue14ZeroSpreadIsWidestSinceNothing()
{
    const std::vector<double> s{std::nan(""), 0.4, -0.2, 0.0};
    QVERIFY(!widestSince(s, 3));
    // The adjusted closes of yahoo/IWB.csv and yahoo/SPY.csv on 2013-03-26 and 03-27: unchanged.
    const std::vector<double> iwb{70.928307, 70.928307}, spy{125.621475, 125.621475};
    const std::vector<double> spread = dailySpreadPoints(iwb, spy);
    QCOMPARE(spread[1], 0.0);
    QVERIFY(!widestSince(std::vector<double>{std::nan(""), 0.3, spread[1]}, 2));
}

// Issue #14, 4: a period that starts on a stock-market holiday measures A and B from the close
// before it; the rate's change is measured between the same two days, and the row names them.
void TestAnalysis::issue14PeriodRateChangeOnTheClosesDays()
{
    const QDate thu(2023, 4, 6), fri(2023, 4, 7), mon(2023, 4, 10), tue(2023, 4, 11);
    const SymbolSeries a{QStringLiteral("A"), {{thu, 100}, {mon, 101}, {tue, 102}}};
    const SymbolSeries b{QStringLiteral("B"), {{thu, 50}, {mon, 50}, {tue, 51}}};
    const SymbolSeries rate{QStringLiteral("R"),
                            {{thu, 3.30}, {fri, 3.39}, {mon, 3.41}, {tue, 3.43}}};
    const PeriodRow row = computePeriods(a, b, &rate, {{fri, tue}}).front();
    QCOMPARE(row.start, thu);
    QCOMPARE(row.end, tue);
    COMPARE_NEAR(row.aPercent, 2.0, 1e-12);
    COMPARE_NEAR(row.bPercent, 2.0, 1e-12);
    COMPARE_NEAR(*row.rateBps, 13.0, 1e-9); // 3.43 - 3.30, not 3.43 - 3.39
}

QTEST_GUILESS_MAIN(TestAnalysis)
// Issue #25, 3: the drawdown chart's values, by hand: 100 (before the range), 110 (its first
// day, a high), 99 (10 % below), 121 (a new high), 60.5 (half of it), 90.75 (a quarter below).
void TestAnalysis::issue25DrawdownIsTheDistanceBelowTheRunningHigh()
{
    const std::vector<double> dd = drawdownFromHigh({100, 110, 99, 121, 60.5, 90.75}, 1);
    QCOMPARE(dd.size(), std::size_t(6));
    QVERIFY(std::isnan(dd[0])); // before the range's first day: no value
    const double expected[] = {0.0, -10.0, 0.0, -50.0, -25.0};
    for (std::size_t i = 1; i < dd.size(); ++i) {
        COMPARE_NEAR(dd[i], expected[i - 1], 1e-12);
        // The crosshair's one-day value is the chart's.
        COMPARE_NEAR(drawdownAt({100, 110, 99, 121, 60.5, 90.75}, 1, i), dd[i], 1e-12);
    }
    // Its last value is the returns table's "% from high" over the same closes.
    const auto on = [](int d) { return QDate(2024, 1, 1).addDays(d); };
    const Series s = {{on(0), 100}, {on(1), 110},  {on(2), 99},
                      {on(3), 121}, {on(4), 60.5}, {on(5), 90.75}};
    COMPARE_NEAR(extremesOf(s, on(1), on(5))->fromHighPct, dd.back(), 1e-12);
}

// Issue #25, 3: the range's high and low, and the 20 % rule walked close by close.
void TestAnalysis::issue25ExtremesAndTheTwentyPercentRule()
{
    const auto on = [](int d) { return QDate(2024, 1, 1).addDays(d); };
    // 100 -> 110 (high) -> 88 (exactly 20 % below: a bear from day 2) -> 80 (its low) -> 95
    // (not 20 % above 80: 96 is) -> 96 (a bull, dated from day 3's low) -> 120 -> 97 (19.2 %
    // below 120: still bull) -> 96 (20 % below: a bear from day 8).
    const Series s = {{on(0), 100}, {on(1), 110}, {on(2), 88}, {on(3), 80}, {on(4), 95},
                      {on(5), 96},  {on(6), 120}, {on(7), 97}, {on(8), 96}};
    auto e = extremesOf(s, on(0), on(8));
    QVERIFY(e);
    QCOMPARE(e->high.date, on(6));
    QCOMPARE(e->high.value, 120.0);
    QCOMPARE(e->low.date, on(3));
    COMPARE_NEAR(e->fromHighPct, -20.0, 1e-12);
    COMPARE_NEAR(e->fromLowPct, 20.0, 1e-12);
    QCOMPARE(e->state, MarketState::Bear);
    QCOMPARE(e->stateSince, on(8));
    // Day by day: no state, then bear from day 2, bull from day 3's low on day 5.
    QCOMPARE(extremesOf(s, on(0), on(1))->state, MarketState::None);
    QCOMPARE(extremesOf(s, on(0), on(2))->stateSince, on(2));
    QCOMPARE(extremesOf(s, on(0), on(4))->state, MarketState::Bear);
    e = extremesOf(s, on(0), on(5));
    QCOMPARE(e->state, MarketState::Bull);
    QCOMPARE(e->stateSince, on(3));
    QCOMPARE(extremesOf(s, on(0), on(7))->state, MarketState::Bull);
    // From no state, a rise of 20 % from the running low is a bull dated from that low.
    e = extremesOf(s, on(3), on(6));
    QCOMPARE(e->state, MarketState::Bull);
    QCOMPARE(e->stateSince, on(3));
    QCOMPARE(marketStateName(MarketState::Bull), QStringLiteral("bull"));
    // A range without a close.
    QVERIFY(!extremesOf(s, on(20), on(30)));
}

#include "tst_analysis.moc"
