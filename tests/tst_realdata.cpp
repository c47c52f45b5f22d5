// SPDX-License-Identifier: GPL-3.0-or-later
// Real daily data from ../shared/market-data (see its README): every file imports, and the cache
// reproduces figures published in market notes. Skipped when the folder is absent.
#include "analysis/Alignment.h"
#include "analysis/Extremes.h"
#include "analysis/Measure.h"
#include "analysis/MovesTable.h"
#include "analysis/PeriodTable.h"
#include "analysis/Returns.h"
#include "analysis/ReturnsTable.h"
#include "core/UserError.h"
#include "import/ImportBatch.h"
#include "TestCommon.h"

#include <QDirIterator>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

namespace {

// The published figures as the suite quotes them: every number comes from measureReturn (the one
// definition, Measure.h); these only unwrap it.
struct Row {
    QDate start, end;
    double percent = 0;
};

Row rowOf(const MeasuredReturn &r)
{
    if (!r.has()) throw UserError(r.reason);
    return {r.baseDay, r.endDay, *r.percent};
}

std::vector<Row> computeReturns(const std::vector<SymbolSeries> &symbols, const QDate &from,
                                const QDate &to)
{
    std::vector<Row> rows;
    for (const MeasuredReturn &r : measureReturns(symbols, Measure::range(from, to)))
        rows.push_back(rowOf(r));
    return rows;
}

std::vector<Row> computeYearToDate(const std::vector<SymbolSeries> &symbols, const QDate &asOf)
{
    std::vector<Row> rows;
    for (const MeasuredReturn &r : measureReturns(symbols, Measure::yearToDate(asOf)))
        rows.push_back(rowOf(r));
    return rows;
}

std::optional<Row> returnBetween(const Series &series, const QDate &from, const QDate &to)
{
    const MeasuredReturn r = measureReturn({QStringLiteral("X"), series}, Measure::range(from, to));
    return r.has() ? std::optional<Row>(rowOf(r)) : std::nullopt;
}

} // namespace

class TestRealData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyFileImportsCleanly();
    void publishedJune2023Returns();
    void russellBeatsSp500WidestSinceNovember2021();
    void issue25SP500BearThenBullByTheTwentyPercentRule();
    void spotChecks();
    void sourcesAgreeOnReturns();
    void basisChangeKeepsTheSeriesSeamless();
    void reimportingAFileChangesNothing();
    void ratesSkipHolidaysNeverZero();
    void issue14RateChangeOnTheDaysOfTheCloses();
    void issue14ZeroSpreadHasNoWidestSince();
    void issue14RateUnknownAfterItsLastObservation();
    void issue14ProvisionalLastRowAndTheSeam();

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<PriceStore> m_store;
    QStringList m_files;
    std::vector<FileImportResult> m_results;
    QString m_dir;

    SymbolSeries total(const QString &symbol) const
    {
        return {symbol, m_store->closes(symbol, ReturnBasis::Total)};
    }
};

void TestRealData::initTestCase()
{
    REQUIRE_MARKET_DATA(dir);
    m_dir = dir;
    QDirIterator it(dir, {QStringLiteral("*.csv")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        m_files << it.next();
    m_files.sort();
    QVERIFY(m_files.size() >= 20);
    m_temp = std::make_unique<TempDatabase>();
    m_store = std::make_unique<PriceStore>(m_temp->db());
    m_results = importFiles(*m_store, m_files, {});
}

void TestRealData::everyFileImportsCleanly()
{
    int rows = 0;
    for (const FileImportResult &r : m_results) {
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
        QVERIFY2(!r.summaries.empty(), qPrintable(r.path));
        for (const WriteSummary &s : r.summaries)
            rows += s.rows;
    }
    QVERIFY(rows > 250000);
    // Rows per symbol as the README lists them (largest file of each symbol wins on length).
    const auto list = m_store->list();
    auto rowsOf = [&](const QString &symbol) {
        for (const auto &s : list)
            if (s.instrument.symbol == symbol) return s.rows;
        return -1;
    };
    QCOMPARE(rowsOf(QStringLiteral("^GSPC")), 24551);
    QCOMPARE(rowsOf(QStringLiteral("^IXIC")), 13713);
    QCOMPARE(rowsOf(QStringLiteral("IWM")), 6584); // close-only reaches 2026-08-03
    QCOMPARE(rowsOf(QStringLiteral("^RUT")), 9686);
    QCOMPARE(rowsOf(QStringLiteral("DGS10")), 16774 - 716); // holidays skipped
    QCOMPARE(m_store->instrument(QStringLiteral("^TNX"))->kind, InstrumentKind::Rate);
    QCOMPARE(m_store->instrument(QStringLiteral("QQQ"))->kind, InstrumentKind::Etf);
    QCOMPARE(m_store->instrument(QStringLiteral("^NDX"))->kind, InstrumentKind::Index);
}

void TestRealData::publishedJune2023Returns()
{
    // June 2023 market note: from the close of 2022-12-30 to the close of 2023-06-07, IWM
    // (total return) +8.08 %, the S&P 500 +11.15 %, the Nasdaq Composite +25.21 %.
    const auto rows = computeReturns({total(QStringLiteral("IWM")), total(QStringLiteral("^GSPC")),
                                      total(QStringLiteral("^IXIC"))},
                                     QDate(2022, 12, 30), QDate(2023, 6, 7));
    COMPARE_NEAR(rows[0].percent, 8.08, 0.005);
    COMPARE_NEAR(rows[1].percent, 11.15, 0.005);
    COMPARE_NEAR(rows[2].percent, 25.21, 0.005);
    QCOMPARE(rows[0].start, QDate(2022, 12, 30));
    QCOMPARE(rows[0].end, QDate(2023, 6, 7));
    // The same as year to date.
    COMPARE_NEAR(computeYearToDate({total(QStringLiteral("IWM"))}, QDate(2023, 6, 7))[0].percent,
                 rows[0].percent, 1e-12);
}

void TestRealData::russellBeatsSp500WidestSinceNovember2021()
{
    // On 2023-06-06 the Russell 2000 beat the S&P 500 by about 2.46 pp, its widest daily spread
    // since 2021-11-01.
    const SymbolSeries rut = total(QStringLiteral("^RUT"));
    const SymbolSeries spx = total(QStringLiteral("^GSPC"));
    const auto rows = largestMoves(rut, spx, nullptr, QDate(2023, 6, 5), QDate(2023, 6, 6), 1,
                                   MoveRanking::BySpread);
    QCOMPARE(rows.size(), std::size_t(1));
    COMPARE_NEAR(rows[0].spreadPoints, 2.46, 0.005);
    QCOMPARE(rows[0].widestSpreadSince.value(), QDate(2021, 11, 1));
    // And it is the largest spread of June 2023.
    const auto june = largestMoves(rut, spx, nullptr, QDate(2023, 6, 1), QDate(2023, 6, 30), 1,
                                   MoveRanking::BySpread);
    QCOMPARE(june[0].date, QDate(2023, 6, 6));
}

// Issue #25, 3: ^GSPC from 2022-01-01 is "bear since 2022-06-13" on 2023-06-07 and "bull since
// the 2022-10-12 low" on 2023-06-08 (its close 4293.93 is 20 % above 3577.03).
void TestRealData::issue25SP500BearThenBullByTheTwentyPercentRule()
{
    const Series spx = m_store->closes(QStringLiteral("^GSPC"), ReturnBasis::Price);
    auto e = extremesOf(spx, QDate(2022, 1, 1), QDate(2023, 6, 7));
    QVERIFY(e);
    QCOMPARE(e->state, MarketState::Bear);
    QCOMPARE(e->stateSince, QDate(2022, 6, 13));
    QCOMPARE(e->high.date, QDate(2022, 1, 3));
    QCOMPARE(e->low.date, QDate(2022, 10, 12));
    e = extremesOf(spx, QDate(2022, 1, 1), QDate(2023, 6, 8));
    QCOMPARE(e->state, MarketState::Bull);
    QCOMPARE(e->stateSince, QDate(2022, 10, 12));
    COMPARE_NEAR(e->fromLowPct, (4293.93 / 3577.03 - 1) * 100, 0.01);
}

void TestRealData::spotChecks()
{
    // From the market-data README's spot checks.
    COMPARE_NEAR(
        valueAsOf(m_store->closes(QStringLiteral("^GSPC"), ReturnBasis::Price), QDate(2023, 6, 30))
            .value(),
        4450.379883, 1e-6);
    const Series dgs10 = m_store->rates(QStringLiteral("DGS10"));
    COMPARE_NEAR(valueAsOf(dgs10, QDate(2023, 6, 30)).value(), 3.81, 1e-12);
    COMPARE_NEAR(valueAsOf(dgs10, QDate(2023, 10, 31)).value(), 4.88, 1e-12);
    COMPARE_NEAR(rateChangeOn(dgs10, QDate(2023, 6, 30), QDate(2023, 10, 31)).value(), 107.0, 1e-9);
    const SymbolSeries rut = total(QStringLiteral("^RUT"));
    COMPARE_NEAR(returnBetween(rut.series, QDate(2023, 11, 13), QDate(2023, 11, 14))->percent, 5.44,
                 0.005);
    // The July 2024 rotation day: ^RUT +3.57 %, ^GSPC -0.88 %.
    const auto day = largestMoves(rut, total(QStringLiteral("^GSPC")), nullptr, QDate(2024, 7, 10),
                                  QDate(2024, 7, 11), 1, MoveRanking::ByA);
    COMPARE_NEAR(day[0].aPercent, 3.57, 0.005);
    COMPARE_NEAR(day[0].bPercent, -0.88, 0.005);
}

void TestRealData::sourcesAgreeOnReturns()
{
    // ^GSPC (yahoo) and ^SPX (yfinance multi-index) are one index from two files.
    const auto rows =
        computeReturns({total(QStringLiteral("^GSPC")), total(QStringLiteral("^SPX"))},
                       QDate(2019, 12, 31), QDate(2024, 7, 31));
    COMPARE_NEAR(rows[0].percent, rows[1].percent, 1e-4);
    // ^TNX (CBOE, yfinance) tracks DGS10 within a few basis points.
    const Series tnx = m_store->rates(QStringLiteral("^TNX"));
    const Series dgs10 = m_store->rates(QStringLiteral("DGS10"));
    COMPARE_NEAR(valueAsOf(tnx, QDate(2023, 6, 30)).value(), 3.819, 1e-3);
    QVERIFY(std::abs(*valueAsOf(tnx, QDate(2023, 6, 30)) - *valueAsOf(dgs10, QDate(2023, 6, 30))) <
            0.05);
}

void TestRealData::basisChangeKeepsTheSeriesSeamless()
{
    // IWM comes from three files adjusted as of different dates. After the batch the Yahoo file
    // (raw + adjusted close) wins on its range and the close-only rows after 2025-09-26 are
    // rescaled onto its basis: returns across the seam equal the close-only file's own returns.
    const Series iwm = m_store->closes(QStringLiteral("IWM"), ReturnBasis::Total);
    ImportError error;
    const auto closeOnly =
        CsvImporter().parseFile(m_dir + QStringLiteral("/close-only/IWM.csv"), {}, &error);
    QVERIFY(closeOnly);
    Series reference;
    for (const Bar &bar : closeOnly->symbols[0].bars)
        reference.push_back({bar.date, *bar.adjClose});
    // 2025-09-29 .. 2026-08-03: only close-only has these days.
    const auto cached = returnBetween(iwm, QDate(2025, 9, 29), QDate(2026, 8, 3));
    const auto own = returnBetween(reference, QDate(2025, 9, 29), QDate(2026, 8, 3));
    COMPARE_NEAR(cached->percent, own->percent, 1e-9);
    // Across the seam (the Yahoo file's last row is an intraday snapshot, so start before it).
    const auto seam = returnBetween(iwm, QDate(2025, 9, 25), QDate(2025, 10, 31));
    const auto seamOwn = returnBetween(reference, QDate(2025, 9, 25), QDate(2025, 10, 31));
    COMPARE_NEAR(seam->percent, seamOwn->percent, 1e-4);
    bool rebasedLogged = false;
    for (const ImportLogEntry &e : m_store->log(QStringLiteral("IWM")))
        rebasedLogged |= e.source.endsWith(QStringLiteral("yahoo/IWM.csv")) &&
                         e.note.contains(QStringLiteral("adjusted-close basis changed"));
    QVERIFY(rebasedLogged);
}

void TestRealData::reimportingAFileChangesNothing()
{
    const QString file = m_dir + QStringLiteral("/yahoo/^GSPC.csv");
    const auto results = importFiles(*m_store, {file}, {});
    QVERIFY(!results[0].error);
    QCOMPARE(results[0].summaries[0].added, 0);
    QCOMPARE(results[0].summaries[0].changed, 0);
    QCOMPARE(results[0].summaries[0].unchanged, 24551);
}

void TestRealData::ratesSkipHolidaysNeverZero()
{
    const Series dgs10 = m_store->rates(QStringLiteral("DGS10"));
    // 2023-10-09 (Columbus Day) and 2024-11-11 (Veterans Day) are empty in the FRED file.
    QVERIFY(!std::any_of(dgs10.begin(), dgs10.end(), [](const DatedValue &p) {
        return p.date == QDate(2023, 10, 9) || p.date == QDate(2024, 11, 11) || p.value == 0.0;
    }));
}

QTEST_GUILESS_MAIN(TestRealData)
// Issue #14, 4: Good Friday 2023 (04-07) was a stock-market holiday, not a bond-market one. The
// period 2023-04-07:2023-04-11 measures SPY and IWM from the close of 04-06; DGS10 was measured
// from 04-07 (3.39 -> 3.43: +4 bp). Now from 04-06 too (3.30 -> 3.43: +13 bp), and the row says
// 2023-04-06.
void TestRealData::issue14RateChangeOnTheDaysOfTheCloses()
{
    const SymbolSeries rate{QStringLiteral("DGS10"), m_store->rates(QStringLiteral("DGS10"))};
    const auto rows = computePeriods(total(QStringLiteral("SPY")), total(QStringLiteral("IWM")),
                                     &rate, {{QDate(2023, 4, 7), QDate(2023, 4, 11)}});
    QCOMPARE(rows[0].start, QDate(2023, 4, 6));
    QCOMPARE(rows[0].end, QDate(2023, 4, 11));
    COMPARE_NEAR(*rows[0].rateBps, 13.0, 1e-9);
}

// Issue #14, 5: on 2013-03-27 IWB and SPY both repeat the close of 03-26: the spread is exactly 0,
// and "widest since 2013-03-25" treated zero as positive. Now no date.
void TestRealData::issue14ZeroSpreadHasNoWidestSince()
{
    const auto rows =
        largestMoves(total(QStringLiteral("IWB")), total(QStringLiteral("SPY")), nullptr,
                     QDate(2013, 3, 26), QDate(2013, 3, 27), 1, MoveRanking::BySpread);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].spreadPoints, 0.0);
    QVERIFY(!rows[0].widestSpreadSince);
}

// Issue #14, 3: DGS10's last observation is 2026-04-17; IWM and SPY go on to 2026-08-03. The 73
// trading days after it had "rate_change_bps: 0"; they have no rate change now (null, "n/a").
void TestRealData::issue14RateUnknownAfterItsLastObservation()
{
    const SymbolSeries rate{QStringLiteral("DGS10"), m_store->rates(QStringLiteral("DGS10"))};
    QCOMPARE(rate.series.back().date, QDate(2026, 4, 17));
    const auto after =
        largestMoves(total(QStringLiteral("IWM")), total(QStringLiteral("SPY")), &rate,
                     QDate(2026, 4, 18), QDate(2026, 8, 3), 500, MoveRanking::ByA);
    QCOMPARE(int(after.size()), 73);
    QVERIFY(std::none_of(after.begin(), after.end(),
                         [](const MoveRow &row) { return row.rateBps.has_value(); }));
    const auto last =
        largestMoves(total(QStringLiteral("IWM")), total(QStringLiteral("SPY")), &rate,
                     QDate(2026, 4, 16), QDate(2026, 4, 17), 1, MoveRanking::ByA);
    COMPARE_NEAR(*last[0].rateBps, -6.0, 1e-9);
}

// Issue #14, 1 and 2: yahoo/IWM.csv's last row (2025-09-26) is an intraday snapshot (240.23, a
// third of the volume); yfinance/IWM.csv holds the final close (241.34) as a row that is not its
// last. IWM's return that day was 0.39 %, it is 241.34 / 239.29 - 1 = 0.857 %. From 2025-09-29 on
// the rows come from files without raw closes: SPY's price return from 09-25 to 09-29 was 0.03 %
// (a step at the seam); the price moved 663.68 / 658.05 - 1 = 0.856 % (yfinance/SPY.csv), no
// dividend in between.
void TestRealData::issue14ProvisionalLastRowAndTheSeam()
{
    const auto total = computeReturns({this->total(QStringLiteral("IWM"))}, QDate(2025, 9, 25),
                                      QDate(2025, 9, 26));
    COMPARE_NEAR(total[0].percent, (241.33999633789065 / 239.2899932861328 - 1) * 100, 1e-4);
    const auto price = [&](const QString &symbol, const QDate &to) {
        return computeReturns({{symbol, m_store->closes(symbol, ReturnBasis::Price)}},
                              QDate(2025, 9, 25), to)[0]
            .percent;
    };
    COMPARE_NEAR(price(QStringLiteral("SPY"), QDate(2025, 9, 29)),
                 (663.6799926757812 / 658.0499877929688 - 1) * 100, 0.002);
    COMPARE_NEAR(price(QStringLiteral("IWM"), QDate(2025, 9, 26)), total[0].percent, 0.002);
    // The import said so, in the symbol's log.
    bool said = false;
    for (const ImportLogEntry &entry : m_store->log(QStringLiteral("IWM")))
        said = said || entry.note.contains(QStringLiteral("2025-09-26: the file's last row"));
    QVERIFY(said);
}

#include "tst_realdata.moc"
