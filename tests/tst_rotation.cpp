// SPDX-License-Identifier: GPL-3.0-or-later
// The rotation views' calculations (issue #25): the relative rotation graph and the seasonality
// of a pair, on built series with hand-checked values.
#include "analysis/Rotation.h"
#include "analysis/Seasonality.h"
#include "chart/RotationData.h"
#include "import/ImportBatch.h"
#include "storage/PriceStore.h"
#include "tables/RotationTable.h"
#include "tables/SeasonalityTable.h"
#include "TestCommon.h"

#include <QTest>

#include <cmath>

using namespace indexlens;
using indexlens::test::TempDatabase;

namespace {

// Every weekday from `first` to `last`, at `value(date)`.
template <typename F> Series weekdays(const QDate &first, const QDate &last, F value)
{
    Series s;
    for (QDate d = first; d <= last; d = d.addDays(1))
        if (d.dayOfWeek() <= 5) s.push_back({d, value(d)});
    return s;
}

// A cache with IWM and SPY (two weekdays each): enough to load, not to rotate.
const PriceStore &store()
{
    static TempDatabase temp;
    static PriceStore priceStore(temp.db());
    static const bool filled = [] {
        const QString iwm =
            temp.writeFile(QStringLiteral("IWM.csv"), "Date,Close\n2024-01-03,10\n2024-01-04,11\n");
        const QString spy =
            temp.writeFile(QStringLiteral("SPY.csv"), "Date,Close\n2024-01-03,20\n2024-01-04,21\n");
        importFiles(priceStore, {iwm, spy}, {});
        return true;
    }();
    Q_UNUSED(filled);
    return priceStore;
}

Series constant(const QDate &first, const QDate &last)
{
    return weekdays(first, last, [](const QDate &) { return 100.0; });
}

} // namespace

class TestRotation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rsRatioAndMomentumByHand();
    void weeksEndOnTheirLastCommonDay();
    void risingThenFallingRsRotatesClockwise();
    void tailAndSummaryTable();
    void tooShortAHistoryIsSaid();
    void aJanuaryGainInEveryYearIsTwelveOfTwelve();
    void onlyCompleteMonthsCount();
    void yearByMonthMatrix();
};

// Issue #25, 1: short 1, long 3 (α = 0.5), mom 2 (α = 2/3) on RS = 100, 110, 120, 110, 100, 90.
// EMA_3(RS) = 100, 105, 112.5, 111.25, 105.625, 97.8125; RS-Ratio = 100 RS / EMA_3 = 100,
// 104.7619, 106.6667, 98.8764, 94.6746, 92.0128; EMA_2(RS-Ratio) = 100, 103.1746, 105.5026,
// 101.0852, 96.8114, 93.6123; the first point is period 3 + 2 = 5: RS-Momentum = 100 · 94.6746 /
// 96.8114 = 97.7928, then 100 · 92.0128 / 93.6123 = 98.2913.
void TestRotation::rsRatioAndMomentumByHand()
{
    const QDate d0(2024, 1, 1);
    const double a[] = {1.00, 1.10, 1.20, 1.10, 1.00, 0.90};
    Series sa, sb;
    for (int i = 0; i < 6; ++i) {
        sa.push_back({d0.addDays(i), a[i]});
        sb.push_back({d0.addDays(i), 1.0});
    }
    RotationSettings settings;
    settings.shortPeriods = 1;
    settings.longPeriods = 3;
    settings.momentumPeriods = 2;
    settings.step = RotationStep::Day;
    const auto path = rotationPath(sa, sb, d0.addDays(10), settings);
    QCOMPARE(path.size(), std::size_t(2));
    QCOMPARE(path[0].date, d0.addDays(4));
    COMPARE_NEAR(path[0].rsRatio, 94.674556, 1e-5);
    COMPARE_NEAR(path[0].rsMomentum, 97.792755, 1e-5);
    COMPARE_NEAR(path[1].rsRatio, 92.012780, 1e-5);
    COMPARE_NEAR(path[1].rsMomentum, 98.291307, 1e-5);
    QCOMPARE(path[1].quadrant(), Quadrant::Lagging);
    // Rolling: a point never moves when later data arrive, and `to` ends the path.
    QCOMPARE(rotationPath(sa, sb, d0.addDays(4), settings).size(), std::size_t(1));
    QCOMPARE(rotationPath(sa, sb, d0.addDays(4), settings)[0].rsMomentum, path[0].rsMomentum);
    // The quadrants' edges: 100 belongs to the upper and right side.
    QCOMPARE(quadrantOf(100, 100), Quadrant::Leading);
    QCOMPARE(quadrantOf(100, 99.99), Quadrant::Weakening);
    QCOMPARE(quadrantOf(99.99, 99.99), Quadrant::Lagging);
    QCOMPARE(quadrantOf(99.99, 100), Quadrant::Improving);
}

// A week's period is its last common trading day: Thursday before Good Friday (2024-03-29), the
// Thursday where the benchmark misses Friday 2024-04-05, and Tuesday where `to` cuts the week.
void TestRotation::weeksEndOnTheirLastCommonDay()
{
    Series a = constant(QDate(2024, 3, 18), QDate(2024, 4, 12));
    a.erase(std::remove_if(a.begin(), a.end(),
                           [](const DatedValue &v) { return v.date == QDate(2024, 3, 29); }),
            a.end());
    Series b = constant(QDate(2024, 3, 18), QDate(2024, 4, 12));
    b.erase(std::remove_if(b.begin(), b.end(),
                           [](const DatedValue &v) { return v.date == QDate(2024, 4, 5); }),
            b.end());
    const RotationPeriods weeks = rotationPeriods(a, b, QDate(2024, 4, 9), RotationStep::Week);
    const std::vector<QDate> expected = {QDate(2024, 3, 22), QDate(2024, 3, 28), QDate(2024, 4, 4),
                                         QDate(2024, 4, 9)};
    QCOMPARE(weeks.dates, expected);
    QCOMPARE(rotationPeriods(a, b, QDate(2024, 4, 9), RotationStep::Day).dates.size(),
             std::size_t(15)); // 17 weekdays less the two days one series misses
}

// RS that rises then falls (a sine) leads RS-Ratio, which leads RS-Momentum: the path turns
// clockwise, Improving -> Leading -> Weakening -> Lagging -> Improving, and never the other way.
void TestRotation::risingThenFallingRsRotatesClockwise()
{
    const QDate d0(2020, 1, 1);
    Series a, b;
    for (int t = 0; t < 600; ++t) {
        a.push_back({d0.addDays(t), 100 * (1 + 0.1 * std::sin(2 * M_PI * t / 100))});
        b.push_back({d0.addDays(t), 50});
    }
    RotationSettings settings;
    settings.step = RotationStep::Day;
    const auto path = rotationPath(a, b, d0.addDays(600), settings);
    QCOMPARE(path.size(), std::size_t(600 - 39));
    std::vector<Quadrant> visited;
    int clockwiseTurns = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (visited.empty() || visited.back() != path[i].quadrant())
            visited.push_back(path[i].quadrant());
        if (i == 0) continue;
        // The cross product about (100, 100): negative when the turn is clockwise.
        const double x0 = path[i - 1].rsRatio - 100, y0 = path[i - 1].rsMomentum - 100;
        const double x1 = path[i].rsRatio - 100, y1 = path[i].rsMomentum - 100;
        if (x0 * y1 - y0 * x1 < 0) ++clockwiseTurns;
    }
    QVERIFY(visited.size() >= 9); // two whole turns and more
    for (std::size_t i = 1; i < visited.size(); ++i)
        QCOMPARE(int(visited[i]), (int(visited[i - 1]) + 1) % 4); // the next one clockwise
    QCOMPARE(clockwiseTurns, int(path.size()) - 1);
}

void TestRotation::tailAndSummaryTable()
{
    const QDate d0(2024, 1, 1);
    RotationSettings settings;
    settings.step = RotationStep::Day;
    Series up, down, bench;
    for (int t = 0; t < 80; ++t) {
        up.push_back({d0.addDays(t), 100 * std::pow(1.01, t)});   // RS rising faster and faster
        down.push_back({d0.addDays(t), 100 * std::pow(0.99, t)}); // falling
        bench.push_back({d0.addDays(t), 100});
    }
    const auto tailUp =
        rotationTail({QStringLiteral("UP"), up}, bench, d0.addDays(79), settings, 8);
    const auto tailDown =
        rotationTail({QStringLiteral("DOWN"), down}, bench, d0.addDays(79), settings, 8);
    QCOMPARE(tailUp.points.size(), std::size_t(8));
    QCOMPARE(tailUp.points.back().date, d0.addDays(79));
    QCOMPARE(tailUp.points.back().quadrant(), Quadrant::Leading);
    QCOMPARE(tailUp.periodsInQuadrant, 80 - 39); // every point of its path
    QCOMPARE(tailDown.points.back().quadrant(), Quadrant::Lagging);
    // Sorted clockwise by quadrant whatever the order asked.
    const ResultTable summary = rotationSummaryTable({tailDown, tailUp});
    QCOMPARE(*summary.rows()[0][0].text, QStringLiteral("UP"));
    QCOMPARE(*summary.rows()[0][1].text, QStringLiteral("Leading"));
    QCOMPARE(summary.displayText(4, summary.rows()[0][4]), QStringLiteral("41"));
    QCOMPARE(*summary.rows()[1][1].text, QStringLiteral("Lagging"));
    const ResultTable points = rotationPointsTable({tailUp, tailDown});
    QCOMPARE(points.rowCount(), 16);
    QVERIFY(points.toCsv().startsWith(
        QStringLiteral("symbol,date,rs_ratio,rs_momentum,quadrant\nUP,2024-03-13,")));
}

void TestRotation::tooShortAHistoryIsSaid()
{
    const Series a = constant(QDate(2024, 1, 1), QDate(2024, 3, 29));
    RotationSettings settings;
    const RotationTail tail =
        rotationTail({QStringLiteral("NEW"), a}, a, QDate(2024, 3, 29), settings, 8);
    QVERIFY(!tail.has());
    QCOMPARE(tail.commonPeriods, 13);
    QCOMPARE(rotationShortfall(tail, QStringLiteral("SPY"), QDate(2024, 3, 29), settings),
             QStringLiteral("NEW: 13 weekly periods in common with SPY up to 2024-03-29; the "
                            "first point needs 40 (long 30 + momentum 10)"));
    const ResultTable summary = rotationSummaryTable({tail});
    QCOMPARE(summary.rowCount(), 1);
    QVERIFY(summary.rows()[0][1].isNull());
    // The benchmark in its own list has no rotation (float noise put it in any quadrant): said,
    // and a symbol listed twice is one tail.
    const RotationData data = RotationData::load(
        store(), {QStringLiteral("spy"), QStringLiteral("IWM"), QStringLiteral("iwm")},
        QStringLiteral("SPY"), ReturnBasis::Total);
    QCOMPARE(data.symbols(), (QStringList{QStringLiteral("SPY"), QStringLiteral("IWM")}));
    const auto tails = data.tails(QDate(2024, 1, 4), {});
    QVERIFY(tails[0].isBenchmark && !tails[0].has());
    QCOMPARE(data.shortfalls(tails, QDate(2024, 1, 4), {}).front(),
             QStringLiteral("SPY is the benchmark: against itself it stays at 100, 100"));
}

namespace {

// A gains (year - 2011) % over each January (a step on 10 January) and loses 1 % over February
// in odd years; B is flat. So January's spreads are 1 ... 12 pp and February's 0 or -1.
double seasonalA(const QDate &d)
{
    double v = 100;
    for (int y = 2012; y <= d.year(); ++y) {
        if (d >= QDate(y, 1, 10)) v *= 1 + (y - 2011) / 100.0;
        if (y % 2 && d >= QDate(y, 2, 10)) v *= 0.99;
    }
    return v;
}

} // namespace

// Issue #25, 2: a January gain in every year gives 12 of 12.
void TestRotation::aJanuaryGainInEveryYearIsTwelveOfTwelve()
{
    const Series a = weekdays(QDate(2011, 12, 1), QDate(2023, 12, 29), seasonalA);
    const Series b = constant(QDate(2011, 12, 1), QDate(2023, 12, 29));
    const Seasonality s = seasonalityOf(a, b, QDate(1, 1, 1), QDate(9999, 12, 31));
    QVERIFY2(s.leftOut.isEmpty(), qPrintable(s.leftOut.join(QLatin1Char(';'))));
    QCOMPARE(s.months.size(), std::size_t(12 * 12)); // Dec 2011 has no previous close
    const auto seasons = monthSeasons(s);
    QCOMPARE(seasons[0].years, 12);
    QCOMPARE(seasons[0].aBeatB, 12);
    COMPARE_NEAR(seasons[0].sharePct, 100, 1e-12);
    COMPARE_NEAR(seasons[0].meanPp, 6.5, 1e-9);   // (1 + ... + 12) / 12
    COMPARE_NEAR(seasons[0].medianPp, 6.5, 1e-9); // (6 + 7) / 2
    QCOMPARE(seasons[1].aBeatB, 0);
    COMPARE_NEAR(seasons[1].meanPp, -0.5, 1e-9);   // six years of -1, six of 0
    COMPARE_NEAR(seasons[1].medianPp, -0.5, 1e-9); // (-1 + 0) / 2
    QCOMPARE(seasons[2].aBeatB, 0);                // a flat month is not a win
    const ResultTable table = seasonalityTable(s, QStringLiteral("A"), QStringLiteral("B"));
    QVERIFY(table.toCsv().startsWith(
        QStringLiteral("month,years,a_beat_b,share,mean_spread_pp,median_spread_pp\n"
                       "Jan,12,12,100,6.5,6.5\nFeb,12,0,0,-0.5,-0.5\n")));
}

// A month counts only when the range holds all of it and it is over.
void TestRotation::onlyCompleteMonthsCount()
{
    const Series a = weekdays(QDate(2011, 12, 1), QDate(2024, 2, 14), seasonalA);
    const Series b = constant(QDate(2011, 12, 1), QDate(2024, 2, 14));
    Seasonality s = seasonalityOf(a, b, QDate(1, 1, 1), QDate(9999, 12, 31));
    QCOMPARE(s.leftOut,
             QStringList{QStringLiteral("2024-02: unfinished (the data end 2024-02-14)")});
    QCOMPARE(monthSeasons(s)[0].years, 13); // January 2024 is over
    QCOMPARE(monthSeasons(s)[1].years, 12);
    // Cut by the range at both ends: January 2012 from the 15th, and March 2023 at the 15th.
    s = seasonalityOf(a, b, QDate(2012, 1, 15), QDate(2023, 3, 15));
    QCOMPARE(s.leftOut,
             (QStringList{QStringLiteral("2012-01: only part of the month is in the range"),
                          QStringLiteral("2023-03: only part of the month is in the range")}));
    QCOMPARE(s.months.front().year * 100 + s.months.front().month, 201202);
    QCOMPARE(s.months.back().year * 100 + s.months.back().month, 202302);
    // From the first trading day of a month: that month counts, from the previous month's close.
    s = seasonalityOf(a, b, QDate(2012, 1, 2), QDate(2012, 1, 31));
    QCOMPARE(s.months.size(), std::size_t(1));
    COMPARE_NEAR(s.months[0].spreadPp, 1.0, 1e-9);
    // Issue #25, trial: from the range's base day, December's last close, December is the base
    // and nothing is left out (it was "2011-12: only part of the month is in the range").
    s = seasonalityOf(a, b, QDate(2011, 12, 30), QDate(2012, 1, 31));
    QCOMPARE(s.leftOut, QStringList());
    QCOMPARE(s.months.size(), std::size_t(1));
    // The data's last day is the month's last weekday: that month is over.
    const Series a2 = weekdays(QDate(2023, 12, 1), QDate(2024, 5, 31), seasonalA);
    const Series b2 = constant(QDate(2023, 12, 1), QDate(2024, 5, 31));
    s = seasonalityOf(a2, b2, QDate(1, 1, 1), QDate(9999, 12, 31));
    QVERIFY(s.leftOut.isEmpty());
    QCOMPARE(s.months.back().month, 5);
}

void TestRotation::yearByMonthMatrix()
{
    const Series a = weekdays(QDate(2011, 12, 1), QDate(2013, 12, 31), seasonalA);
    const Series b = constant(QDate(2011, 12, 1), QDate(2013, 12, 31));
    const ResultTable m =
        seasonalityMatrixTable(seasonalityOf(a, b, QDate(1, 1, 1), QDate(9999, 12, 31)));
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.columns().size(), std::size_t(13));
    QCOMPARE(m.columns()[1].field, QStringLiteral("jan"));
    const QStringList csv = m.toCsv().split(QLatin1Char('\n'));
    QCOMPARE(csv[1], QStringLiteral("2012,1,0,0,0,0,0,0,0,0,0,0,0"));
    QCOMPARE(csv[2], QStringLiteral("2013,2,-1,0,0,0,0,0,0,0,0,0,0"));
}

QTEST_GUILESS_MAIN(TestRotation)
#include "tst_rotation.moc"
