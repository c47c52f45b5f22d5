// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the model layer on the real data (not a test; run by hand):
//   ./build/tests/bench_model            (QBENCHMARK wall time per iteration)
// Times importing all of ../shared/market-data into a fresh cache, loading series, and every
// table and chart series over the full history.
#include "analysis/Alignment.h"
#include "analysis/Measure.h"
#include "analysis/MovesTable.h"
#include "analysis/PeriodTable.h"
#include "analysis/RateRegression.h"
#include "analysis/RatioSeries.h"
#include "analysis/Relative.h"
#include "analysis/ReturnsTable.h"
#include "import/ImportBatch.h"
#include "TestCommon.h"

#include <QDirIterator>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

class BenchModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importAllMarketData();
    void parseAllMarketData();
    void loadSeries();
    void periodsEveryYear();
    void largestMovesFullHistory();
    void returnsAllSymbols();
    void chartSeriesFullHistory();

private:
    QStringList m_files;
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<PriceStore> m_store;
    SymbolSeries load(const QString &symbol)
    {
        return {symbol, m_store->closes(symbol, ReturnBasis::Total)};
    }
};

void BenchModel::initTestCase()
{
    REQUIRE_MARKET_DATA(dir);
    QDirIterator it(dir, {QStringLiteral("*.csv")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        m_files << it.next();
    m_files.sort();
    m_temp = std::make_unique<TempDatabase>();
    m_store = std::make_unique<PriceStore>(m_temp->db());
    importFiles(*m_store, m_files, {});
}

void BenchModel::importAllMarketData()
{
    QBENCHMARK
    {
        TempDatabase fresh;
        PriceStore store(fresh.db());
        const auto results = importFiles(store, m_files, {});
        QCOMPARE(results.size(), std::size_t(m_files.size()));
    }
}

void BenchModel::parseAllMarketData()
{
    const CsvImporter importer;
    QBENCHMARK
    {
        for (const QString &file : m_files) {
            ImportError error;
            QVERIFY(importer.parseFile(file, {}, &error));
        }
    }
}

void BenchModel::loadSeries()
{
    QBENCHMARK
    {
        const SymbolSeries a = load(QStringLiteral("IWM"));
        const SymbolSeries b = load(QStringLiteral("SPY"));
        const Series rate = m_store->rates(QStringLiteral("DGS10"));
        QVERIFY(!a.series.empty() && !b.series.empty() && !rate.empty());
    }
}

void BenchModel::periodsEveryYear()
{
    std::vector<Period> periods;
    for (int y = 2001; y <= 2025; ++y)
        periods.push_back({QDate(y - 1, 12, 31), QDate(y, 12, 31).addDays(y == 2025 ? -96 : 0)});
    periods.push_back({QDate(2000, 6, 1), QDate(2025, 9, 26)});
    QBENCHMARK
    {
        const SymbolSeries a = load(QStringLiteral("IWM"));
        const SymbolSeries b = load(QStringLiteral("SPY"));
        const SymbolSeries rate{QStringLiteral("DGS10"), m_store->rates(QStringLiteral("DGS10"))};
        QCOMPARE(computePeriods(a, b, &rate, periods).size(), periods.size());
    }
}

void BenchModel::largestMovesFullHistory()
{
    QBENCHMARK
    {
        const SymbolSeries a = load(QStringLiteral("^RUT"));
        const SymbolSeries b = load(QStringLiteral("^GSPC"));
        const SymbolSeries rate{QStringLiteral("DGS10"), m_store->rates(QStringLiteral("DGS10"))};
        const auto rows = largestMoves(a, b, &rate, QDate(1987, 9, 11), QDate(2024, 8, 2), 20,
                                       MoveRanking::BySpread);
        QCOMPARE(rows.size(), std::size_t(20));
    }
}

void BenchModel::returnsAllSymbols()
{
    const QStringList symbols = {QStringLiteral("IWM"),   QStringLiteral("SPY"),
                                 QStringLiteral("IWB"),   QStringLiteral("QQQ"),
                                 QStringLiteral("^RUT"),  QStringLiteral("^GSPC"),
                                 QStringLiteral("^IXIC"), QStringLiteral("^NDX")};
    QBENCHMARK
    {
        std::vector<SymbolSeries> series;
        for (const QString &s : symbols)
            series.push_back(load(s));
        QCOMPARE(
            measureReturns(series, Measure::range(QDate(2001, 1, 2), QDate(2025, 6, 26))).size(),
            std::size_t(symbols.size()));
        QCOMPARE(measureReturns(series, Measure::yearToDate(QDate(2025, 6, 26))).size(),
                 std::size_t(symbols.size()));
    }
}

void BenchModel::chartSeriesFullHistory()
{
    // Everything the four charts need for ^RUT vs ^GSPC over 37 years, from already loaded data.
    const SymbolSeries a = load(QStringLiteral("^RUT"));
    const SymbolSeries b = load(QStringLiteral("^GSPC"));
    const Series rate = m_store->rates(QStringLiteral("DGS10"));
    QBENCHMARK
    {
        const AlignedSeries al = alignOnCommonDays({a.series, b.series});
        const std::vector<double> r = ratio(al.values[0], al.values[1]);
        const auto ma50 = movingAverage(r, 50);
        const auto ma200 = movingAverage(r, 200);
        const auto rel = relativeReturnPoints(al.values[0], al.values[1], 0);
        const auto spread = dailySpreadPoints(al.values[0], al.values[1]);
        const auto days = rateDays(a, b, SymbolSeries{QStringLiteral("DGS10"), rate},
                                   al.dates.front(), al.dates.back());
        const auto sens = rollingSensitivity(days, 60);
        QVERIFY(ma200.size() == r.size() && sens.size() + 59 == days.size() &&
                rel.size() == spread.size());
    }
}

QTEST_GUILESS_MAIN(BenchModel)
#include "bench_model.moc"
