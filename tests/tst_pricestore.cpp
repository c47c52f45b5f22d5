// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/CsvImporter.h"
#include "storage/AdjustmentBasis.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace indexlens;
using namespace indexlens::test;

namespace {

Bar bar(const QDate &date, double close, std::optional<double> adj)
{
    Bar b;
    b.date = date;
    b.close = close;
    b.adjClose = adj;
    return b;
}

ParsedFile fileOf(const QString &symbol, InstrumentKind kind, std::vector<Bar> bars)
{
    ParsedFile file;
    file.path = symbol + QStringLiteral(".csv");
    file.format = CsvFormat::Yahoo;
    SymbolData data;
    data.symbol = symbol;
    data.kind = kind;
    data.hasRawClose = true;
    data.bars = std::move(bars);
    file.symbols.push_back(data);
    return file;
}

ParsedFile rateFile(const QString &symbol, Series rates)
{
    ParsedFile file;
    file.path = symbol + QStringLiteral(".csv");
    file.format = CsvFormat::Fred;
    SymbolData data;
    data.symbol = symbol;
    data.kind = InstrumentKind::Rate;
    data.rates = std::move(rates);
    file.symbols.push_back(data);
    return file;
}

QString pragma(Database &db, const char *name)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name)));
    q.next();
    return q.value(0).toString();
}

WriteSummary writeOne(PriceStore &store, const ParsedFile &file)
{
    QString error;
    const auto result = store.write(file, QStringLiteral("import"), file.path, &error);
    if (!result) qFatal("write failed: %s", qPrintable(error));
    return result->front();
}

const QDate d1(2024, 1, 2), d2(2024, 1, 3), d3(2024, 1, 4), d4(2024, 1, 5), d5(2024, 1, 8);

} // namespace

class TestPriceStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void issue14PriceReturnHasNoStepAtASeam();
    void issue14OldCachesGainTheRawCloseFlag();
    void issue14CurrencyAndNameFromTheProvider();
    void schemaIsVersionedWithWalAndForeignKeys();
    void refusesNewerSchema();
    void upsertCountsAddedChangedUnchanged();
    void writeOutwaitsALongLockOfAnotherWriter();
    void reimportChangesNothing();
    void revisionUpdatesAndLogs();
    void ratesUpsert();
    void totalAndPriceCloses();
    void listSummarisesSymbols();
    void basisComparison();
    void rebasesCachedRowsOutsideTheNewFile();
    void inconsistentBasisKeepsOutsideRows();
    void kindConflictRollsBackTheWholeFile();
    void defaultPathFollowsEnvironment();
    void issue21ImplausibleMovesAreImportedAndSaid();
    void issue21MovesAreJudgedOnTheAdjustedCloseWherePresent();
};

void TestPriceStore::schemaIsVersionedWithWalAndForeignKeys()
{
    TempDatabase temp;
    QCOMPARE(temp.db().schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(pragma(temp.db(), "journal_mode"), QStringLiteral("wal"));
    QCOMPARE(pragma(temp.db(), "foreign_keys"), QStringLiteral("1"));
    // A bar of an unknown instrument violates the foreign key.
    QSqlQuery q(temp.db().connection());
    QVERIFY(!q.exec(
        QStringLiteral("INSERT INTO bars(symbol, date, close) VALUES('X', '2024-01-02', 1)")));
    // Opening again does not migrate twice.
    QString error;
    auto again = Database::open(temp.path(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->schemaVersion(), Database::kSchemaVersion);
}

void TestPriceStore::refusesNewerSchema()
{
    TempDatabase temp;
    QSqlQuery q(temp.db().connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    QString error;
    QVERIFY(!Database::open(temp.path(), &error));
    QVERIFY2(error.contains(QStringLiteral("schema version 99, newer than this IndexLens knows")),
             qPrintable(error));
    QVERIFY(error.contains(temp.path()));
}

void TestPriceStore::upsertCountsAddedChangedUnchanged()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    WriteSummary s = writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                                            {bar(d1, 10, 9), bar(d2, 11, 10)}));
    QCOMPARE(s.added, 2);
    QCOMPARE(s.changed, 0);
    // One new day, one revised raw close (same adjusted close), one identical.
    s = writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                               {bar(d1, 10, 9), bar(d2, 11.5, 10), bar(d3, 12, 11)}));
    QCOMPARE(s.added, 1);
    QCOMPARE(s.changed, 1);
    QCOMPARE(s.unchanged, 1);
    QCOMPARE(s.basis.state, AdjustmentBasis::State::Same);
    const auto bars = store.bars(QStringLiteral("IWM"));
    QCOMPARE(bars.size(), std::size_t(3));
    QCOMPARE(bars[1].close, 11.5);
}

// Issue #6: another process holds the write lock for 6 s, longer than one busy timeout (5 s); the
// write waits for it instead of failing with "database is locked".
void TestPriceStore::writeOutwaitsALongLockOfAnotherWriter()
{
    TempDatabase temp;
    std::atomic<bool> locked{false};
    std::thread other([&] {
        QString error;
        auto db = Database::open(temp.path(), &error);
        QSqlQuery q(db->connection());
        locked = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        std::this_thread::sleep_for(std::chrono::seconds(6));
        q.exec(QStringLiteral("ROLLBACK"));
    });
    while (!locked)
        std::this_thread::yield();
    QElapsedTimer clock;
    clock.start();
    PriceStore store(temp.db());
    QString error;
    const auto written =
        store.write(fileOf(QStringLiteral("IWM"), InstrumentKind::Etf, {bar(d1, 10, 9)}),
                    QStringLiteral("import"), QStringLiteral("test"), &error);
    const qint64 waited = clock.elapsed();
    other.join();
    QVERIFY2(written, qPrintable(error));
    QVERIFY2(waited > 5000, qPrintable(QString::number(waited)));
    QCOMPARE(store.bars(QStringLiteral("IWM")).size(), std::size_t(1));
}

void TestPriceStore::reimportChangesNothing()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    const QString path =
        temp.writeFile(QStringLiteral("IWM.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n"
                                                  "2024-01-02,1,2,0.5,1.5,1.4,100\n"
                                                  "2024-01-03,1.5,2,1,1.6,1.5,\n");
    ImportError error;
    const auto parsed = CsvImporter().parseFile(path, {}, &error);
    QVERIFY(parsed);
    writeOne(store, *parsed);
    const QByteArray before = contentChecksum(temp.db());
    const auto barsBefore = store.bars(QStringLiteral("IWM"));
    const WriteSummary s = writeOne(store, *parsed);
    QCOMPARE(s.added, 0);
    QCOMPARE(s.changed, 0);
    QCOMPARE(s.unchanged, 2);
    QVERIFY(store.bars(QStringLiteral("IWM")) == barsBefore);
    QVERIFY(!barsBefore[1].volume); // an empty volume stays absent, not zero
    // Only the log grew, by one entry that says nothing changed.
    QVERIFY(contentChecksum(temp.db()) != before);
    const auto log = store.log(QStringLiteral("IWM"));
    QCOMPARE(log.size(), std::size_t(2));
    QCOMPARE(log.back().rowsAdded, 0);
    QCOMPARE(log.back().rowsChanged, 0);
    QCOMPARE(log.back().source, path);
}

void TestPriceStore::revisionUpdatesAndLogs()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    writeOne(store, rateFile(QStringLiteral("DGS10"), {{d1, 3.95}, {d2, 3.91}}));
    const WriteSummary s =
        writeOne(store, rateFile(QStringLiteral("DGS10"), {{d1, 3.95}, {d2, 3.92}, {d3, 3.99}}));
    QCOMPARE(s.added, 1);
    QCOMPARE(s.changed, 1);
    const auto log = store.log(QStringLiteral("DGS10"));
    QCOMPARE(log.size(), std::size_t(2));
    QCOMPARE(log[1].rowsAdded, 1);
    QCOMPARE(log[1].rowsChanged, 1);
    QCOMPARE(log[1].action, QStringLiteral("import"));
    QVERIFY(log[1].at.isValid());
}

void TestPriceStore::ratesUpsert()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    writeOne(store, rateFile(QStringLiteral("T10Y2Y"), {{d2, -0.35}, {d1, -0.40}}));
    const Series rates = store.rates(QStringLiteral("T10Y2Y"));
    QCOMPARE(rates.size(), std::size_t(2));
    QCOMPARE(rates[0], (DatedValue{d1, -0.40})); // ascending, negative values kept
    QVERIFY(store.bars(QStringLiteral("T10Y2Y")).empty());
}

void TestPriceStore::totalAndPriceCloses()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    // d2 has no adjusted close (e.g. a Stooq row): total return falls back to the close.
    writeOne(store, fileOf(QStringLiteral("SPY"), InstrumentKind::Etf,
                           {bar(d1, 400, 390), bar(d2, 404, std::nullopt)}));
    const Series total = store.closes(QStringLiteral("SPY"), ReturnBasis::Total);
    const Series price = store.closes(QStringLiteral("SPY"), ReturnBasis::Price);
    QCOMPARE(total, (Series{{d1, 390}, {d2, 404}}));
    QCOMPARE(price, (Series{{d1, 400}, {d2, 404}}));
}

void TestPriceStore::listSummarisesSymbols()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                           {bar(d1, 1, 1), bar(d2, 1, 1), bar(d3, 1, 1)}));
    writeOne(store, rateFile(QStringLiteral("DGS10"), {{d2, 4.0}}));
    const auto list = store.list();
    QCOMPARE(list.size(), std::size_t(2));
    QCOMPARE(list[0].instrument.symbol, QStringLiteral("IWM")); // prices first, rates last
    QCOMPARE(list[0].instrument.name, QStringLiteral("iShares Russell 2000 ETF"));
    QCOMPARE(list[0].instrument.currency, QStringLiteral("USD"));
    QCOMPARE(list[0].first, d1);
    QCOMPARE(list[0].last, d3);
    QCOMPARE(list[0].rows, 3);
    QCOMPARE(list[1].instrument.kind, InstrumentKind::Rate);
    QCOMPARE(list[1].rows, 1);
}

void TestPriceStore::basisComparison()
{
    const std::vector<Bar> cached = {bar(d1, 10, 8), bar(d2, 11, 9), bar(d3, 12, 10)};
    // Same values: same basis.
    AdjustmentBasis b = compareAdjustmentBasis(cached, cached);
    QCOMPARE(b.state, AdjustmentBasis::State::Same);
    QCOMPARE(b.overlap, 3);
    // Everything x1.01 and a revised last day: still one factor (median).
    b = compareAdjustmentBasis(cached, {bar(d1, 10, 8.08), bar(d2, 11, 9.09), bar(d3, 12, 10.5)});
    QCOMPARE(b.state, AdjustmentBasis::State::Rebased);
    COMPARE_NEAR(b.factor, 1.01, 1e-12);
    QCOMPARE(b.agreeing, 2);
    // Three different factors: no single basis.
    b = compareAdjustmentBasis(cached, {bar(d1, 10, 8.08), bar(d2, 11, 9.18), bar(d3, 12, 10.5)});
    QCOMPARE(b.state, AdjustmentBasis::State::Inconsistent);
    // No common day.
    b = compareAdjustmentBasis(cached, {bar(d5, 10, 8)});
    QCOMPARE(b.state, AdjustmentBasis::State::NoOverlap);
    // One common day cannot prove a basis change.
    b = compareAdjustmentBasis(cached, {bar(d3, 12, 10.1), bar(d4, 12, 10.2)});
    QCOMPARE(b.state, AdjustmentBasis::State::Inconsistent);
}

void TestPriceStore::rebasesCachedRowsOutsideTheNewFile()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    // Cached: adjusted closes 8, 9, 10, 11 for d1..d4.
    writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                           {bar(d1, 10, 8), bar(d2, 11, 9), bar(d3, 12, 10), bar(d4, 13, 11)}));
    // A newer download after a dividend: every adjusted close x0.99 on d2..d4, plus d5.
    const WriteSummary s = writeOne(
        store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                      {bar(d2, 11, 8.91), bar(d3, 12, 9.9), bar(d4, 13, 10.89), bar(d5, 14, 12)}));
    QCOMPARE(s.basis.state, AdjustmentBasis::State::Rebased);
    COMPARE_NEAR(s.basis.factor, 0.99, 1e-12);
    QCOMPARE(s.rescaled, 1); // d1, outside the new file
    QCOMPARE(s.added, 1);
    QCOMPARE(s.changed, 3 + 1);
    const auto bars = store.bars(QStringLiteral("IWM"));
    QCOMPARE(bars.size(), std::size_t(5));
    COMPARE_NEAR(bars[0].adjClose.value(), 7.92, 1e-12); // 8 x 0.99: seamless
    QCOMPARE(bars[0].close, 10.0);                       // raw close untouched
    QCOMPARE(bars[1].adjClose.value(), 8.91);
    // The return across the seam is what the cache said before: 9 / 8 - 1 = 12.5 %.
    COMPARE_NEAR(*bars[1].adjClose / *bars[0].adjClose - 1.0, 0.125, 1e-12);
    const auto log = store.log(QStringLiteral("IWM"));
    QVERIFY2(log.back().note.contains(QStringLiteral("adjusted-close basis changed")) &&
                 log.back().note.contains(QStringLiteral("x0.990000")) &&
                 log.back().note.contains(QStringLiteral("1 cached days outside it rescaled")),
             qPrintable(log.back().note));
    QCOMPARE(log.back().rowsChanged, 4);
}

void TestPriceStore::inconsistentBasisKeepsOutsideRows()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                           {bar(d1, 10, 8), bar(d2, 11, 9), bar(d3, 12, 10), bar(d4, 13, 11)}));
    const WriteSummary s =
        writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                               {bar(d2, 11, 9.5), bar(d3, 12, 10.9), bar(d4, 13, 11.1)}));
    QCOMPARE(s.basis.state, AdjustmentBasis::State::Inconsistent);
    QCOMPARE(s.rescaled, 0);
    const auto bars = store.bars(QStringLiteral("IWM"));
    QCOMPARE(bars[0].adjClose.value(), 8.0);
    QCOMPARE(bars[1].adjClose.value(), 9.5);
    QVERIFY(s.notes.join(QString()).contains(QStringLiteral("no single factor")));
}

void TestPriceStore::kindConflictRollsBackTheWholeFile()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    writeOne(store, rateFile(QStringLiteral("DGS10"), {{d1, 4.0}}));
    const QByteArray before = contentChecksum(temp.db());
    ParsedFile file = fileOf(QStringLiteral("IWM"), InstrumentKind::Etf, {bar(d1, 1, 1)});
    SymbolData wrong;
    wrong.symbol = QStringLiteral("DGS10");
    wrong.kind = InstrumentKind::Etf;
    wrong.bars = {bar(d1, 4, 4)};
    file.symbols.push_back(wrong);
    QString error;
    QVERIFY(!store.write(file, QStringLiteral("import"), file.path, &error));
    QVERIFY2(error.contains(QStringLiteral("DGS10 is in the cache as rate")), qPrintable(error));
    QCOMPARE(contentChecksum(temp.db()), before); // IWM, written first, is rolled back too
    QVERIFY(!store.instrument(QStringLiteral("IWM")));
}

void TestPriceStore::defaultPathFollowsEnvironment()
{
    qputenv("INDEXLENS_DB", "/tmp/somewhere/cache.sqlite");
    QCOMPARE(Database::defaultPath(), QStringLiteral("/tmp/somewhere/cache.sqlite"));
    qunsetenv("INDEXLENS_DB");
    QVERIFY(Database::defaultPath().endsWith(QStringLiteral("/indexlens.sqlite")));
}

// Issue #14, 2: rows from a file with only adjusted closes, beside a file with raw closes, kept
// their unscaled adjusted close as the close: a step in the price return at the seam (SPY +0.03 %
// from 2025-09-25 to 09-29 where the price moved +0.86 %). Their close now follows the total
// return from the nearest raw close: raw 20 with adjusted 16 on d2 (ratio 1.25).
void TestPriceStore::issue14PriceReturnHasNoStepAtASeam()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    // Written first, as a batch writes the weaker source: adjusted closes only, on another basis
    // (x0.5 of the raw file's adjusted closes), to d5.
    ParsedFile closeOnly = fileOf(
        QStringLiteral("SPY"), InstrumentKind::Etf,
        {bar(d1, 7.5, 7.5), bar(d2, 8, 8), bar(d3, 8.4, 8.4), bar(d4, 8.8, 8.8), bar(d5, 9, 9)});
    closeOnly.symbols[0].hasRawClose = false;
    writeOne(store, closeOnly);
    // The raw file to d2 (adjusted 15 and 16, raw 19 and 20): basis x2 on d1..d2.
    const WriteSummary s = writeOne(store, fileOf(QStringLiteral("SPY"), InstrumentKind::Etf,
                                                  {bar(d1, 19, 15), bar(d2, 20, 16)}));
    QCOMPARE(s.basis.state, AdjustmentBasis::State::Rebased);
    const auto bars = store.bars(QStringLiteral("SPY"));
    QCOMPARE(bars.size(), std::size_t(5));
    // d3: adjusted 8.4 x 2 = 16.8; its close 16.8 x (20 / 16) = 21: the price moved as the total
    // return did (+5 %), not from 20 to 8.4.
    COMPARE_NEAR(*bars[2].adjClose, 16.8, 1e-12);
    COMPARE_NEAR(bars[2].close, 21.0, 1e-12);
    QVERIFY(!bars[2].rawClose);
    QVERIFY(bars[1].rawClose);
    const Series price = store.closes(QStringLiteral("SPY"), ReturnBasis::Price);
    COMPARE_NEAR(price[2].value / price[1].value - 1, 0.05, 1e-12);
    COMPARE_NEAR(price[4].value, 9 * 2 * 1.25, 1e-12);
    QVERIFY2(store.log(QStringLiteral("SPY"))
                 .back()
                 .note.contains(QStringLiteral("3 closes without a raw close priced")),
             qPrintable(store.log(QStringLiteral("SPY")).back().note));
    // The other way round (the adjusted-only file written after the raw one): the same prices.
    TempDatabase other;
    PriceStore second(other.db());
    writeOne(second, fileOf(QStringLiteral("SPY"), InstrumentKind::Etf,
                            {bar(d1, 19, 15), bar(d2, 20, 16)}));
    ParsedFile later =
        fileOf(QStringLiteral("SPY"), InstrumentKind::Etf, {bar(d2, 16, 16), bar(d3, 16.8, 16.8)});
    later.symbols[0].hasRawClose = false;
    writeOne(second, later);
    const Series again = second.closes(QStringLiteral("SPY"), ReturnBasis::Price);
    COMPARE_NEAR(again.back().value, 21.0, 1e-12); // d2 is now the adjusted-only file's too
}

// Schema 2 adds bars.raw_close; a cache of schema 1 gets it with its rows counted as raw.
void TestPriceStore::issue14OldCachesGainTheRawCloseFlag()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    {
        QSqlDatabase v1 =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        v1.setDatabaseName(path);
        QVERIFY(v1.open());
        QSqlQuery q(v1);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE instruments (symbol TEXT PRIMARY KEY NOT NULL, "
                                      "name TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT "
                                      "NULL, currency TEXT NOT NULL DEFAULT '')")));
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE bars (symbol TEXT NOT NULL, date TEXT NOT NULL, open REAL, high REAL, "
            "low REAL, close REAL NOT NULL, adj_close REAL, volume INTEGER, PRIMARY KEY (symbol, "
            "date)) WITHOUT ROWID")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE rates (symbol TEXT NOT NULL, date TEXT NOT "
                                      "NULL, value REAL NOT NULL, PRIMARY KEY (symbol, date)) "
                                      "WITHOUT ROWID")));
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE import_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, symbol TEXT NOT "
            "NULL, action TEXT NOT NULL, source TEXT NOT NULL, rows_added INTEGER NOT NULL, "
            "rows_changed INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO instruments VALUES('IWM', 'IWM', 'etf', "
                                      "'import', 'USD')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO bars VALUES('IWM', '2024-01-02', NULL, NULL, "
                                      "NULL, 10, 8, NULL)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        v1.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), 2);
    const auto bars = PriceStore(*db).bars(QStringLiteral("IWM"));
    QCOMPARE(bars.size(), std::size_t(1));
    QVERIFY(bars[0].rawClose);
    QCOMPARE(bars[0].close, 10.0);
}

// Issue #14, 11: a provider's currency and name are recorded (the catalog's name first); a file
// says neither, and an unknown symbol from a file stays USD, named by its symbol.
void TestPriceStore::issue14CurrencyAndNameFromTheProvider()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    ParsedFile fromYahoo = fileOf(QStringLiteral("WSU.DE"), InstrumentKind::Etf, {bar(d1, 41, 39)});
    fromYahoo.symbols[0].currency = QStringLiteral("EUR");
    fromYahoo.symbols[0].name = QStringLiteral("WashTec AG");
    writeOne(store, fromYahoo);
    QCOMPARE(store.instrument(QStringLiteral("WSU.DE"))->currency, QStringLiteral("EUR"));
    QCOMPARE(store.instrument(QStringLiteral("WSU.DE"))->name, QStringLiteral("WashTec AG"));
    // A later file of it keeps both.
    writeOne(store, fileOf(QStringLiteral("WSU.DE"), InstrumentKind::Etf, {bar(d2, 42, 40)}));
    QCOMPARE(store.instrument(QStringLiteral("WSU.DE"))->currency, QStringLiteral("EUR"));
    QCOMPARE(store.instrument(QStringLiteral("WSU.DE"))->name, QStringLiteral("WashTec AG"));
    writeOne(store, fileOf(QStringLiteral("ABC"), InstrumentKind::Etf, {bar(d1, 10, 9)}));
    QCOMPARE(store.instrument(QStringLiteral("ABC"))->currency, QStringLiteral("USD"));
    QCOMPARE(store.instrument(QStringLiteral("ABC"))->name, QStringLiteral("ABC"));
    // The catalog's name wins over the provider's.
    ParsedFile iwm = fileOf(QStringLiteral("IWM"), InstrumentKind::Etf, {bar(d1, 10, 9)});
    iwm.symbols[0].name = QStringLiteral("ISHARES RUSSELL 2000");
    iwm.symbols[0].currency = QStringLiteral("USD");
    writeOne(store, iwm);
    QCOMPARE(store.instrument(QStringLiteral("IWM"))->name,
             QStringLiteral("iShares Russell 2000 ETF"));
}

// Issue #21: a daily move beyond +100 % or -60 % is imported, but the write's note (and the
// import log) names the days, and the cache counts them for `list`, after a restart too.
void TestPriceStore::issue21ImplausibleMovesAreImportedAndSaid()
{
    TempDatabase temp;
    int count = 0;
    {
        PriceStore store(temp.db());
        // +250 %, -71.4 %, then exactly +100 % and exactly -60 %: the limits themselves are
        // allowed.
        const WriteSummary s =
            writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                                   {bar(d1, 10, 10), bar(d2, 35, 35), bar(d3, 10, 10),
                                    bar(d4, 20, 20), bar(d5, 8, 8)}));
        QCOMPARE(s.added, 5);
        const QString note = QStringLiteral("IWM: 2 daily moves beyond +100 %/\u221260 % "
                                            "(2024-01-03 +250.0 %, 2024-01-04 \u221271.4 %): "
                                            "check the data");
        QVERIFY2(s.notes.contains(note), qPrintable(s.notes.join(QLatin1Char('|'))));
        QVERIFY2(store.log(QStringLiteral("IWM")).back().note.contains(note),
                 qPrintable(store.log(QStringLiteral("IWM")).back().note));
        QCOMPARE(store.closes(QStringLiteral("IWM"), ReturnBasis::Total).size(), std::size_t(5));
        count = store.implausibleMoveCount(QStringLiteral("IWM"));

        // A later write that brings no such move does not say the old ones again.
        const WriteSummary next = writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                                                         {bar(QDate(2024, 1, 9), 8.8, 8.8)}));
        QVERIFY2(!next.notes.join(QString()).contains(QStringLiteral("daily move")),
                 qPrintable(next.notes.join(QLatin1Char('|'))));
        // One that makes a move at the seam with the cache says it.
        const WriteSummary seam = writeOne(store, fileOf(QStringLiteral("IWM"), InstrumentKind::Etf,
                                                         {bar(QDate(2024, 1, 10), 1, 1)}));
        QVERIFY2(seam.notes.contains(QStringLiteral("IWM: 1 daily move beyond +100 %/\u221260 % "
                                                    "(2024-01-10 \u221288.6 %): check the data")),
                 qPrintable(seam.notes.join(QLatin1Char('|'))));
    }
    QCOMPARE(count, 2);
    // From the cache itself: a new connection (a restart) counts the same days.
    QString error;
    auto reopened = Database::open(temp.path(), &error);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(PriceStore(*reopened).implausibleMoveCount(QStringLiteral("IWM")), 3);
    QCOMPARE(PriceStore(*reopened).implausibleMoveCount(QStringLiteral("NONE")), 0);
}

// A raw close that triples while the adjusted close moves 2 % (a reverse split the adjustment
// accounts for) is no implausible move; a file without adjusted closes is judged on its closes.
void TestPriceStore::issue21MovesAreJudgedOnTheAdjustedCloseWherePresent()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    const WriteSummary adjusted =
        writeOne(store, fileOf(QStringLiteral("SPY"), InstrumentKind::Etf,
                               {bar(d1, 100, 50), bar(d2, 300, 51), bar(d3, 303, 51.5)}));
    QVERIFY2(!adjusted.notes.join(QString()).contains(QStringLiteral("daily move")),
             qPrintable(adjusted.notes.join(QLatin1Char('|'))));
    QCOMPARE(store.implausibleMoveCount(QStringLiteral("SPY")), 0);

    const WriteSummary raw =
        writeOne(store, fileOf(QStringLiteral("^RUT"), InstrumentKind::Index,
                               {bar(d1, 2000, std::nullopt), bar(d2, 5000, std::nullopt),
                                bar(d3, 5010, std::nullopt)}));
    QVERIFY2(raw.notes.contains(QStringLiteral("^RUT: 1 daily move beyond +100 %/\u221260 % "
                                               "(2024-01-03 +150.0 %): check the data")),
             qPrintable(raw.notes.join(QLatin1Char('|'))));
    QCOMPARE(store.implausibleMoveCount(QStringLiteral("^RUT")), 1);
}

QTEST_GUILESS_MAIN(TestPriceStore)
#include "tst_pricestore.moc"
