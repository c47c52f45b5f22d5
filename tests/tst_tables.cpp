// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/Measure.h"
#include "analysis/MovesTable.h"
#include "analysis/PeriodTable.h"
#include "analysis/ReturnsTable.h"
#include "chart/PairData.h"
#include "core/SignedNumber.h"
#include "core/UserError.h"
#include "tables/PairTables.h"
#include "TestCommon.h"

#include <QTest>

using namespace indexlens;

namespace {

// Consecutive days from 2024-01-02 (Tuesday) with these values.
Series series(const std::vector<double> &values)
{
    Series s;
    for (std::size_t i = 0; i < values.size(); ++i)
        s.push_back({QDate(2024, 1, 2).addDays(qint64(i)), values[i]});
    return s;
}

QDate day(int m, int d)
{
    return QDate(2024, m, d);
}

// Small caps and large caps over eight trading days of January 2024 (1-15 is a holiday for
// stocks; B has no 1-10 row, e.g. a missing day in its file). Hand-checked returns below.
const SymbolSeries kA{QStringLiteral("IWM"),
                      {{QDate(2023, 12, 29), 200},
                       {day(1, 2), 196},
                       {day(1, 3), 194.04},
                       {day(1, 4), 200},
                       {day(1, 5), 201},
                       {day(1, 8), 203},
                       {day(1, 9), 199},
                       {day(1, 10), 201},
                       {day(1, 16), 205}}};
const SymbolSeries kB{QStringLiteral("SPY"),
                      {{QDate(2023, 12, 29), 400},
                       {day(1, 2), 400},
                       {day(1, 3), 404},
                       {day(1, 4), 402},
                       {day(1, 5), 406.02},
                       {day(1, 8), 410},
                       {day(1, 9), 410},
                       {day(1, 16), 412}}};
// The 10-year: no observation on 1-15 (holiday) and none for 1-3.
const SymbolSeries kRate{QStringLiteral("DGS10"),
                         {{QDate(2023, 12, 29), 3.88},
                          {day(1, 2), 3.95},
                          {day(1, 4), 3.99},
                          {day(1, 5), 4.05},
                          {day(1, 8), 4.01},
                          {day(1, 9), 4.02},
                          {day(1, 10), 4.03},
                          {day(1, 12), 3.94},
                          {day(1, 16), 4.07}}};

QString userErrorOf(const std::function<void()> &call)
{
    try {
        call();
    } catch (const UserError &e) {
        return e.message();
    }
    return QString();
}

} // namespace

class TestTables : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void periods();
    void periodsRejectDatesOutsideTheData();
    void largestMovesByA();
    void largestMovesBySpreadWithWidestSince();
    void movesRejectBadRanges();
    void issue22MovesOfEitherSeriesUpOrDown();
    void returnsAndYearToDate();
    void weekendAfterLastDayIsInside();
    void headlineSaysWhenTheRateEndsEarly();
    void drawdownFigureIsHeadedByItsLastValues();
    void issue24ReturnsTableHasTheSpreadRowAndTheCsvEveryLine();
};

void TestTables::periods()
{
    const auto rows =
        computePeriods(kA, kB, &kRate, {{QDate(2023, 12, 29), day(1, 5)}, {day(1, 6), day(1, 15)}});
    QCOMPARE(rows.size(), std::size_t(2));
    // 12-29 -> 1-5: A 201/200 = +0.5 %, B 406.02/400 = +1.505 %, DGS10 3.88 -> 4.05 = +17 bp.
    COMPARE_NEAR(rows[0].aPercent, 0.5, 1e-9);
    COMPARE_NEAR(rows[0].bPercent, 1.505, 1e-9);
    COMPARE_NEAR(rows[0].diffPoints, -1.005, 1e-9);
    COMPARE_NEAR(rows[0].rateBps.value(), 17.0, 1e-9);
    QCOMPARE(rows[0].start, QDate(2023, 12, 29));
    // 1-6 (Sat) -> 1-15 (holiday), on the common days of A and B (issue #22: B was measured to
    // its own 1-9 while A went to 1-10): both from 1-5 to 1-9 (B has no 1-10), A 201 -> 199 =
    // -0.995 %, B 406.02 -> 410 = +0.980247 %; the rate on the same days (issue #14, 4): 4.05 ->
    // 4.02 = -3 bp, and the row names those days.
    COMPARE_NEAR(rows[1].aPercent, (199.0 / 201 - 1) * 100, 1e-9);
    COMPARE_NEAR(rows[1].bPercent, (410.0 / 406.02 - 1) * 100, 1e-9);
    COMPARE_NEAR(rows[1].rateBps.value(), -3.0, 1e-9);
    QCOMPARE(rows[1].start, day(1, 5));
    QCOMPARE(rows[1].end, day(1, 9));
    // Without a rate, no rate column value.
    QVERIFY(!computePeriods(kA, kB, nullptr, {{day(1, 2), day(1, 3)}})[0].rateBps);
}

void TestTables::periodsRejectDatesOutsideTheData()
{
    QString msg = userErrorOf([] {
        computePeriods(kA, kB, &kRate, {{QDate(2023, 12, 1), day(1, 5)}});
    });
    QCOMPARE(msg, QStringLiteral("2023-12-01 is before the first data of IWM (2023-12-29)"));
    msg = userErrorOf([] { computePeriods(kA, kB, &kRate, {{day(1, 2), day(1, 17)}}); });
    QCOMPARE(msg, QStringLiteral("2024-01-17 is after the last data of IWM (2024-01-16)"));
    msg = userErrorOf([] { computePeriods(kA, kB, &kRate, {{day(1, 5), day(1, 2)}}); });
    QCOMPARE(msg, QStringLiteral("period 2024-01-05:2024-01-02 ends before it starts"));
}

void TestTables::largestMovesByA()
{
    // Common days: 12-29, 1-2, 1-3, 1-4, 1-5, 1-8, 1-9, 1-16 (1-10: B missing).
    // A daily: 1-2 -2 %, 1-3 -1 %, 1-4 +3.0715 %, 1-5 +0.5 %, 1-8 +0.995 %, 1-9 -1.970 %,
    // 1-16 +3.0151 % (from 1-9: 205 / 199).
    const auto rows = largestMoves(kA, kB, &kRate, day(1, 1), day(1, 16), 3, MoveRanking::ByA);
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[0].date, day(1, 4));
    COMPARE_NEAR(rows[0].aPercent, (200 / 194.04 - 1) * 100, 1e-9);
    COMPARE_NEAR(rows[0].bPercent, (402.0 / 404 - 1) * 100, 1e-9);
    COMPARE_NEAR(rows[0].spreadPoints, rows[0].aPercent - rows[0].bPercent, 1e-12);
    // Rate on 1-4: 3.99; on 1-3 (no observation) as of 1-2: 3.95 -> +4 bp.
    COMPARE_NEAR(rows[0].rateBps.value(), 4.0, 1e-9);
    QCOMPARE(rows[1].date, day(1, 16));
    COMPARE_NEAR(rows[1].aPercent, (205.0 / 199 - 1) * 100, 1e-9);
    // 1-16 vs the previous common day 1-9: 4.07 - 4.02 = +5 bp.
    COMPARE_NEAR(rows[1].rateBps.value(), 5.0, 1e-9);
    QCOMPARE(rows[2].date, day(1, 2));
    COMPARE_NEAR(rows[2].aPercent, -2.0, 1e-9);
}

void TestTables::largestMovesBySpreadWithWidestSince()
{
    // Spreads: 1-2 -2, 1-3 -2, 1-4 +3.5666, 1-5 -0.5, 1-8 +0.0152, 1-9 -1.970, 1-16 +2.5273.
    const auto rows =
        largestMoves(kA, kB, nullptr, day(1, 5), day(1, 16), 2, MoveRanking::BySpread);
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].date, day(1, 16));
    COMPARE_NEAR(rows[0].spreadPoints, (205.0 / 199 - 412.0 / 410) * 100, 1e-9);
    // Widest since looks back before --from: 1-4 (+3.57) was wider.
    QCOMPARE(rows[0].widestSpreadSince.value(), day(1, 4));
    QVERIFY(!rows[0].rateBps);
    QCOMPARE(rows[1].date, day(1, 9));
    // -1.97: the last day at least as negative was 1-3 (-2.0).
    QCOMPARE(rows[1].widestSpreadSince.value(), day(1, 3));
    // The widest positive spread on record has none.
    const auto first =
        largestMoves(kA, kB, nullptr, day(1, 3), day(1, 4), 1, MoveRanking::BySpread);
    QCOMPARE(first[0].date, day(1, 4));
    QVERIFY(!first[0].widestSpreadSince);
    // Issue #22: the range 1-4..1-4 has no move (its base is 1-4's close); before, the day of
    // FROM itself was ranked though its move lies before the range.
    QVERIFY(largestMoves(kA, kB, nullptr, day(1, 4), day(1, 4), 1, MoveRanking::BySpread).empty());
}

// Issue #22, 4: the largest moves of either series, up or down. A's rises: 1-4 +3.07 %, 1-16
// +3.02 % (1-8 +0.995 % next); B's only fall: 1-4 402/404 = -0.495 % (1-2 and 1-9 are 0, neither).
void TestTables::issue22MovesOfEitherSeriesUpOrDown()
{
    const auto up = largestMoves(kA, kB, nullptr, day(1, 1), day(1, 16), 2, MoveRanking::ByA,
                                 MoveDirection::Up);
    QCOMPARE(up.size(), std::size_t(2));
    QCOMPARE(up[0].date, day(1, 4));
    QCOMPARE(up[1].date, day(1, 16));
    const auto down = largestMoves(kA, kB, nullptr, day(1, 1), day(1, 16), 2, MoveRanking::ByB,
                                   MoveDirection::Down);
    QCOMPARE(down.size(), std::size_t(1));
    QCOMPARE(down[0].date, day(1, 4));
    COMPARE_NEAR(down[0].bPercent, (402.0 / 404 - 1) * 100, 1e-9);
    const auto byB = largestMoves(kA, kB, nullptr, day(1, 1), day(1, 16), 1, MoveRanking::ByB);
    QVERIFY(byB[0].date == day(1, 3) || byB[0].date == day(1, 5)); // +1.0 % both (float ties)
    QCOMPARE(rankingNamed(QStringLiteral("B")), std::optional(MoveRanking::ByB));
    QCOMPARE(directionNamed(QStringLiteral("up")), std::optional(MoveDirection::Up));
    QVERIFY(!directionNamed(QStringLiteral("sideways")));
}

void TestTables::movesRejectBadRanges()
{
    QCOMPARE(userErrorOf(
                 [] { largestMoves(kA, kB, nullptr, day(1, 9), day(1, 2), 5, MoveRanking::ByA); }),
             QStringLiteral("--to 2024-01-02 is before --from 2024-01-09"));
    QVERIFY(userErrorOf([] {
                largestMoves(kA, kB, nullptr, QDate(2023, 1, 1), day(1, 2), 5, MoveRanking::ByA);
            }).contains(QStringLiteral("before the first data of IWM")));
}

void TestTables::returnsAndYearToDate()
{
    const auto rows = measureReturns({kA, kB}, Measure::yearToDate(day(1, 10)));
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].symbol, QStringLiteral("IWM"));
    QCOMPARE(rows[0].baseDay, QDate(2023, 12, 29)); // the last close of the previous year
    QCOMPARE(rows[0].endDay, day(1, 10));
    COMPARE_NEAR(*rows[0].percent, 0.5, 1e-9);
    QCOMPARE(rows[1].endDay, day(1, 9)); // B's last close on or before 1-10
    COMPARE_NEAR(*rows[1].percent, 2.5, 1e-9);
    // From the close of FROM (issue #22): 1-3 194.04 -> 1-8 203.
    const auto range = measureReturns({kA}, Measure::range(day(1, 3), day(1, 8)));
    COMPARE_NEAR(*range[0].percent, (203 / 194.04 - 1) * 100, 1e-9);
    QVERIFY(userErrorOf([] {
                measureReturns({kA}, Measure::yearToDate(QDate(2023, 12, 29)));
            }).contains(QStringLiteral("2022-12-31 is before the first data of IWM")));
    // Issue #22: one symbol without a value does not refuse the others; it has none, and why.
    SymbolSeries shortA = kA;
    shortA.series.pop_back(); // ends on Wednesday 1-10
    const auto mixed = measureReturns({shortA, kB}, Measure::range(day(1, 2), day(1, 16)));
    QVERIFY(!mixed[0].has());
    QCOMPARE(mixed[0].reason,
             QStringLiteral("2024-01-16 is after the last data of IWM (2024-01-10)"));
    COMPARE_NEAR(*mixed[1].percent, (412.0 / 400 - 1) * 100, 1e-9);
}

void TestTables::weekendAfterLastDayIsInside()
{
    // B ends on Tuesday 1-16; asking for Saturday 1-20 is after a weekday without data.
    QVERIFY(!userErrorOf([] {
                 measureReturns({kB}, Measure::range(day(1, 2), day(1, 20)));
             }).isEmpty());
    // A series ending on Friday 1-5 answers for Sunday 1-7.
    const SymbolSeries friday{QStringLiteral("X"), {{day(1, 4), 1.0}, {day(1, 5), 2.0}}};
    QCOMPARE(measureReturns({friday}, Measure::range(day(1, 4), day(1, 7)))[0].endDay, day(1, 5));
    QVERIFY(!userErrorOf([] {
                 measureReturns(
                     {SymbolSeries{QStringLiteral("X"), {{day(1, 4), 1.0}, {day(1, 5), 2.0}}}},
                     Measure::range(day(1, 4), day(1, 8)));
             }).isEmpty());
}

// The chart legend's headline: A and B over the range, and the rate's change in bp; where the rate
// series stops before the range ends, it says so instead of leaving the change out.
void TestTables::headlineSaysWhenTheRateEndsEarly()
{
    // 2024-01-02 .. 01-05 (Tue..Fri).
    const SymbolSeries a{QStringLiteral("A"), series({100, 101, 102, 103})};
    const SymbolSeries b{QStringLiteral("B"), series({50, 50, 49, 49.5})};
    const SymbolSeries rate{QStringLiteral("DGS10"), series({3.90, 4.00, 4.05, 4.12})};
    // From the 01-02 close: A 103/100 = +3.0 %, B 49.5/50 = -1.0 %, 10y 3.90 -> 4.12 = +22 bp.
    PairData pair = PairData::fromSeries(a, b, {rate});
    QCOMPARE(pair.headline(QDate(2024, 1, 2), QDate(2024, 1, 5)),
             QStringLiteral("A +3.0%  B \u22121.0%  10y +22 bp"));
    // Issue #22: from 01-03 means from the close of 01-03 (it was the 01-02 close before):
    // A 103/101 = +2.0 %, B -1.0 %, 4.00 -> 4.12 = +12 bp.
    QCOMPARE(pair.headline(QDate(2024, 1, 3), QDate(2024, 1, 5)),
             QStringLiteral("A +2.0%  B \u22121.0%  10y +12 bp"));
    // A rate whose last observation is 01-03 reads as unknown after it (issue #14, 3: the four
    // days of grace carried it to 01-05 as "+10 bp").
    const SymbolSeries longA{QStringLiteral("A"),
                             series({100, 101, 102, 103, 103, 103, 103, 104, 104, 104, 110})};
    const SymbolSeries longB{QStringLiteral("B"),
                             series({50, 50, 49, 49.5, 49.5, 49.5, 49.5, 50, 50, 50, 55})};
    const SymbolSeries shortRate{QStringLiteral("DGS10"), series({3.90, 4.00})};
    pair = PairData::fromSeries(longA, longB, {shortRate});
    QCOMPARE(pair.headline(QDate(2024, 1, 2), QDate(2024, 1, 12)),
             QStringLiteral("A +10.0%  B +10.0%  10y n/a (data ends 2024-01-03)"));
    QCOMPARE(pair.headline(QDate(2024, 1, 2), QDate(2024, 1, 5)),
             QStringLiteral("A +3.0%  B \u22121.0%  10y n/a (data ends 2024-01-03)"));
    QCOMPARE(pair.headline(QDate(2024, 1, 2), QDate(2024, 1, 3)),
             QStringLiteral("A +1.0%  B +0.0%  10y +10 bp")); // 101/100, 50/50, 3.90 -> 4.00
    // Issue #24, 16a: a range that starts after the rate's data end says so too (it was dropped
    // from the headline at short ranges, and said at longer ones).
    QCOMPARE(
        pair.headline(QDate(2024, 1, 8), QDate(2024, 1, 12)),
        QStringLiteral("A +6.8%  B +11.1%  10y n/a (data ends 2024-01-03)")); // 110/103, 55/49.5
}

// Issue #25 (trial): the drawdown chart alone is headed by its own last values, from the range's
// base day whatever the rebase, not by the range's returns.
void TestTables::drawdownFigureIsHeadedByItsLastValues()
{
    // 01-02 .. 01-06. A: high 120 on 01-04, last 90 = -25.0 %; B: high 50 on 01-02, last 49.5 =
    // -1.0 %. The range's returns are A -10.0 %, B -1.0 %; the 10y 3.90 -> 4.10 = +20 bp.
    const SymbolSeries a{QStringLiteral("A"), series({100, 110, 120, 100, 90})};
    const SymbolSeries b{QStringLiteral("B"), series({50, 50, 49, 49, 49.5})};
    const SymbolSeries rate{QStringLiteral("DGS10"), series({3.90, 4.00, 4.05, 4.12, 4.10})};
    const PairData pair = PairData::fromSeries(a, b, {rate});
    const QDate from(2024, 1, 2), to(2024, 1, 6);
    const QString drawdown =
        QStringLiteral("A \u221225.0% from high  B \u22121.0% from high  10y +20 bp");
    QCOMPARE(pair.headlineFor({ChartKind::Drawdown}, from, to), drawdown);
    // A rebase to 01-04 moves the returns (A -25.0 %), not the drawdowns.
    QCOMPARE(pair.headlineFor({ChartKind::Drawdown}, from, to, QDate(2024, 1, 4)), drawdown);
    // Any other figure, and a stack holding the drawdown chart, keep the range's returns.
    QCOMPARE(pair.headlineFor({ChartKind::Ratio, ChartKind::Drawdown}, from, to),
             QStringLiteral("A \u221210.0%  B \u22121.0%  10y +20 bp"));
    // The returns table after a rebase to 01-05: the Range column from the rebase (A 90/100 =
    // -10 %), the high and % from high from the range's base day (120 on 01-04, -25 %), as the
    // drawdown chart (they followed the rebase: high 100, -10 %).
    const ResultTable returns = pairReturnsTable(pair, from, to, QDate(2024, 1, 5));
    // Its header says where it starts (it read "Range" under the range's dates).
    QCOMPARE(returns.columns()[1].label, QStringLiteral("Range from 2024-01-05"));
    QCOMPARE(pairReturnsTable(pair, from, to).columns()[1].label, QStringLiteral("Range"));
    COMPARE_NEAR(*returns.rows()[0][1].number, -10.0, 1e-9);
    QCOMPARE(*returns.rows()[0][4].text, QStringLiteral("2024-01-04"));
    COMPARE_NEAR(*returns.rows()[0][5].number, 120.0, 1e-9);
    COMPARE_NEAR(*returns.rows()[0][8].number, -25.0, 1e-9);
    // A change that rounds to zero has no minus sign ("-0" read as a fall).
    QCOMPARE(signedNumber(-0.04, 1), QStringLiteral("+0.0"));
    QCOMPARE(signedNumber(-0.05, 1), QStringLiteral("\u22120.1"));
}

// Issue #24, 17: the Returns tab has the A − B row the user guide promises, on the same days as
// A and B; the visible series' CSV has the ratio's 50- and 200-day averages, each rate in its own
// column, and the day's spread (it held A's day return before).
void TestTables::issue24ReturnsTableHasTheSpreadRowAndTheCsvEveryLine()
{
    Series s10, s2, sa, sb;
    const double a[] = {100, 101, 102, 103}, b[] = {50, 50, 49, 49.5};
    const double r10[] = {3.90, 4.00, 4.05, 4.12}, r2[] = {4.20, 4.25, 4.30, 4.31};
    for (int i = 0; i < 4; ++i) {
        const QDate d = QDate(2024, 1, 2).addDays(i);
        sa.push_back({d, a[i]});
        sb.push_back({d, b[i]});
        s10.push_back({d, r10[i]});
        s2.push_back({d, r2[i]});
    }
    const PairData pair =
        PairData::fromSeries({QStringLiteral("A"), sa}, {QStringLiteral("B"), sb},
                             {{QStringLiteral("DGS10"), s10}, {QStringLiteral("DGS2"), s2}});
    const ResultTable returns = pairReturnsTable(pair, QDate(2024, 1, 2), QDate(2024, 1, 5));
    QCOMPARE(int(returns.rows().size()), 5); // A, B, A − B, DGS10, DGS2
    QCOMPARE(*returns.rows()[2][0].text, QStringLiteral("A \u2212 B pp"));
    COMPARE_NEAR(*returns.rows()[2][1].number, 4.0, 1e-9);  // +3.0 % - (-1.0 %)
    COMPARE_NEAR(*returns.rows()[3][1].number, 22.0, 1e-9); // 3.90 -> 4.12
    const ResultTable csv = pairSeriesTable(pair, QDate(2024, 1, 2), QDate(2024, 1, 5), {});
    QStringList fields;
    for (const auto &column : csv.columns())
        fields << column.field;
    QCOMPARE(fields, (QStringList{QStringLiteral("date"), QStringLiteral("ratio"),
                                  QStringLiteral("ratio_ma50"), QStringLiteral("ratio_ma200"),
                                  QStringLiteral("A_rebased"), QStringLiteral("B_rebased"),
                                  QStringLiteral("relative_pp"), QStringLiteral("spread_pp"),
                                  QStringLiteral("DGS10"), QStringLiteral("DGS2")}));
    const auto &row = csv.rows()[2]; // 2024-01-04
    QCOMPARE(*row[1].number, 102.0 / 49.0);
    QVERIFY(row[2].isNull() && row[3].isNull()); // four days: no 50-day average yet
    COMPARE_NEAR(*row[7].number, (102.0 / 101.0 - 1) * 100 - (49.0 / 50.0 - 1) * 100, 1e-9);
    QCOMPARE(*row[8].number, 4.05);
    QCOMPARE(*row[9].number, 4.30);
}

QTEST_GUILESS_MAIN(TestTables)
#include "tst_tables.moc"
