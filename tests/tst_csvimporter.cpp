// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/CsvImporter.h"
#include "import/ImportBatch.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"

#include <QRandomGenerator>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

namespace {

ParsedFile parseOk(const QByteArray &csv, const QString &path = QStringLiteral("IWM.csv"),
                   const CsvImportOptions &options = {})
{
    ImportError error;
    const auto file = CsvImporter().parse(csv, path, options, &error);
    if (!file) qFatal("unexpected refusal: %s", qPrintable(error.toString()));
    return *file;
}

ImportError parseFails(const QByteArray &csv, const QString &path = QStringLiteral("IWM.csv"),
                       const CsvImportOptions &options = {})
{
    ImportError error;
    const auto file = CsvImporter().parse(csv, path, options, &error);
    if (file) qFatal("the importer accepted bad input: %s", csv.constData());
    return error;
}

const QByteArray kYahoo = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                          "2023-06-05,174.0,175.1,172.5,173.01,170.5,25000000\n"
                          "2023-06-06,173.5,178.2,173.4,177.89,175.3,41000000\n"
                          "2023-06-07,178.0,181.5,177.9,180.98,178.35,5432480000\n";

} // namespace

class TestCsvImporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsYahoo();
    void readsYFinanceFlatInAnyColumnOrder();
    void readsYFinanceMultiHeader();
    void readsMultiHeaderWithSeveralTickers();
    void readsCloseOnlyAndSymbolColumnName();
    void readsSymbolColumnFile();
    void readsStooq();
    void readsFredWithMissingDays();
    void readsYieldInPriceFormatAsRate();
    void lineEndsBomAndFinalNewline_data();
    void lineEndsBomAndFinalNewline();
    void symbolFromColumnsThenOptionThenFileName();
    void sortsRowsAndDropsIdenticalRepeats();
    void skipsAllMissingPriceRows();
    void formatOverride();
    void badInput_data();
    void badInput();
    void refusedFileLeavesCacheUnchanged_data();
    void refusedFileLeavesCacheUnchanged();
    void issue21ImpossibleDatesAreRefused_data();
    void issue21ImpossibleDatesAreRefused();
    void issue21TodayIsAllowed();
    void issue21LargeRandomFileReachingTheYear3804IsRefused();
    void issue21ProviderDataFromTheFutureIsRefused();
    void issue21ConflictingDuplicateNamesBothLines();
};

void TestCsvImporter::readsYahoo()
{
    const ParsedFile file = parseOk(kYahoo);
    QCOMPARE(file.format, CsvFormat::Yahoo);
    QCOMPARE(file.symbols.size(), std::size_t(1));
    const SymbolData &d = file.symbols[0];
    QCOMPARE(d.symbol, QStringLiteral("IWM"));
    QCOMPARE(d.kind, InstrumentKind::Etf);
    QVERIFY(d.hasRawClose);
    QCOMPARE(d.bars.size(), std::size_t(3));
    QCOMPARE(d.bars[1].date, QDate(2023, 6, 6));
    QCOMPARE(d.bars[1].open.value(), 173.5);
    QCOMPARE(d.bars[1].close, 177.89);
    QCOMPARE(d.bars[1].adjClose.value(), 175.3);
    QCOMPARE(d.bars[2].volume.value(), Q_INT64_C(5432480000)); // above 2^31
}

void TestCsvImporter::readsYFinanceFlatInAnyColumnOrder()
{
    const ParsedFile file = parseOk("Date,Close,High,Low,Open,Volume\r\n"
                                    "2000-05-26,32.929141998291016,32.93,32.63,32.79,74800\r\n",
                                    QStringLiteral("data/IWM.csv"));
    QCOMPARE(file.format, CsvFormat::YFinance);
    const Bar &bar = file.symbols[0].bars[0];
    QCOMPARE(bar.close, 32.929141998291016);
    QCOMPARE(bar.open.value(), 32.79);
    // auto_adjust=True: the close is the adjusted close.
    QCOMPARE(bar.adjClose.value(), 32.929141998291016);
    QVERIFY(!file.symbols[0].hasRawClose);
}

void TestCsvImporter::readsYFinanceMultiHeader()
{
    const ParsedFile file = parseOk("Price,Adj Close,Close,High,Low,Open,Volume\n"
                                    "Ticker,QQQ,QQQ,QQQ,QQQ,QQQ,QQQ\n"
                                    "Date,,,,,,\n"
                                    "1999-03-10,43.234283447265625,51.0625,51.15625,50.28125,"
                                    "51.125,5232000\n",
                                    QStringLiteral("qqq-download.csv"));
    QCOMPARE(file.format, CsvFormat::YFinanceMulti);
    const SymbolData &d = file.symbols[0];
    QCOMPARE(d.symbol, QStringLiteral("QQQ")); // from the Ticker line, not the file name
    QVERIFY(d.hasRawClose);
    QCOMPARE(d.bars[0].close, 51.0625); // Close comes after Adj Close
    QCOMPARE(d.bars[0].adjClose.value(), 43.234283447265625);
}

void TestCsvImporter::readsMultiHeaderWithSeveralTickers()
{
    const ParsedFile file = parseOk("Price,Close,Close,Volume,Volume\n"
                                    "Ticker,IWM,SPY,IWM,SPY\n"
                                    "Date,,,,\n"
                                    "2024-01-02,198.5,472.1,100,200\n"
                                    "2024-01-03,,470.0,,150\n");
    QCOMPARE(file.symbols.size(), std::size_t(2));
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("IWM"));
    QCOMPARE(file.symbols[0].bars.size(), std::size_t(1)); // 01-03 missing for IWM only
    QCOMPARE(file.symbols[0].missingDays, 1);
    QCOMPARE(file.symbols[1].symbol, QStringLiteral("SPY"));
    QCOMPARE(file.symbols[1].bars.size(), std::size_t(2));
    QCOMPARE(file.symbols[1].bars[1].close, 470.0);
}

void TestCsvImporter::readsCloseOnlyAndSymbolColumnName()
{
    ParsedFile file = parseOk("Date,Close\n2020-01-02,100.5\n", QStringLiteral("RSP.csv"));
    QCOMPARE(file.format, CsvFormat::CloseOnly);
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("RSP"));
    QCOMPARE(file.symbols[0].bars[0].adjClose.value(), 100.5);

    file = parseOk("Date,^IXIC\n1971-02-05,100.0\n1971-02-08,100.83999633789062\n",
                   QStringLiteral("nasdaq.csv"));
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("^IXIC"));
    QCOMPARE(file.symbols[0].kind, InstrumentKind::Index);
    QCOMPARE(file.symbols[0].bars[1].close, 100.83999633789062);
}

void TestCsvImporter::readsSymbolColumnFile()
{
    const ParsedFile file = parseOk("symbol,date,close,adj close\n"
                                    "SPY,2024-01-03,470,468\n"
                                    "IWM,2024-01-02,198.5,197\n"
                                    "SPY,2024-01-02,472.1,470.1\n"
                                    "^RUT,2024-01-02,2000,2000\n",
                                    QStringLiteral("mixed.csv"));
    QCOMPARE(file.format, CsvFormat::SymbolColumn);
    QCOMPARE(file.symbols.size(), std::size_t(3));
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("SPY"));
    QCOMPARE(file.symbols[0].bars.size(), std::size_t(2));
    QCOMPARE(file.symbols[0].bars[0].date, QDate(2024, 1, 2)); // sorted
    QCOMPARE(file.symbols[0].bars[0].adjClose.value(), 470.1);
    QCOMPARE(file.symbols[2].kind, InstrumentKind::Index);
}

void TestCsvImporter::readsStooq()
{
    const ParsedFile file =
        parseOk("Date,Open,High,Low,Close,Volume\n"
                "2024-01-02,199.1,199.9,196.4,198.6,31000000\n",
                QStringLiteral("iwm.us.csv"), {CsvFormat::Auto, QStringLiteral("IWM"), {}});
    QCOMPARE(file.format, CsvFormat::Stooq);
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("IWM"));
    QCOMPARE(file.symbols[0].bars[0].close, 198.6);
    QVERIFY(!file.symbols[0].bars[0].adjClose); // no adjusted close: total return uses close
}

void TestCsvImporter::readsFredWithMissingDays()
{
    ParsedFile file = parseOk("observation_date,DGS10\n2024-11-08,4.31\n2024-11-11,\n"
                              "2024-11-12,4.43\n",
                              QStringLiteral("fred.csv"));
    QCOMPARE(file.format, CsvFormat::Fred);
    const SymbolData &d = file.symbols[0];
    QCOMPARE(d.symbol, QStringLiteral("DGS10"));
    QCOMPARE(d.kind, InstrumentKind::Rate);
    QCOMPARE(d.rates.size(), std::size_t(2)); // the holiday is skipped, never zero
    QCOMPARE(d.rates[1], (DatedValue{QDate(2024, 11, 12), 4.43}));
    QCOMPARE(d.missingDays, 1);

    file = parseOk("DATE,T10Y2Y\n2023-07-03,-1.08\n2023-07-04,.\n", QStringLiteral("x.csv"));
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("T10Y2Y"));
    QCOMPARE(file.symbols[0].rates[0].value, -1.08); // negative spreads are fine for rates
    QCOMPARE(file.symbols[0].missingDays, 1);
}

void TestCsvImporter::readsYieldInPriceFormatAsRate()
{
    const ParsedFile file = parseOk("Date,Close,High,Low,Open,Volume\r\n"
                                    "2023-06-30,3.819000005722046,3.85,3.79,3.84,0\r\n",
                                    QStringLiteral("^TNX.csv"));
    QCOMPARE(file.symbols[0].kind, InstrumentKind::Rate);
    QCOMPARE(file.symbols[0].rates[0].value, 3.819000005722046);
    QVERIFY(file.symbols[0].bars.empty());
}

void TestCsvImporter::lineEndsBomAndFinalNewline_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::newRow("LF") << QByteArray("Date,Close\n2020-01-02,1.5\n2020-01-03,2.5\n");
    QTest::newRow("CRLF") << QByteArray("Date,Close\r\n2020-01-02,1.5\r\n2020-01-03,2.5\r\n");
    QTest::newRow("no final newline") << QByteArray("Date,Close\n2020-01-02,1.5\n2020-01-03,2.5");
    QTest::newRow("CRLF, no final newline")
        << QByteArray("Date,Close\r\n2020-01-02,1.5\r\n2020-01-03,2.5");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF"
                                       "Date,Close\n2020-01-02,1.5\n2020-01-03,2.5\n");
    QTest::newRow("blank lines") << QByteArray(
        "Date,Close\n\n2020-01-02,1.5\n2020-01-03,2.5\n\n\n");
}

void TestCsvImporter::lineEndsBomAndFinalNewline()
{
    QFETCH(QByteArray, csv);
    const ParsedFile file = parseOk(csv, QStringLiteral("X.csv"));
    QCOMPARE(file.symbols[0].bars.size(), std::size_t(2));
    QCOMPARE(file.symbols[0].bars[1].close, 2.5);
}

void TestCsvImporter::symbolFromColumnsThenOptionThenFileName()
{
    const CsvImportOptions withSymbol{CsvFormat::Auto, QStringLiteral("IWB"), {}};
    // File name: "^GSPC.csv" -> ^GSPC (an index).
    ParsedFile file = parseOk(kYahoo, QStringLiteral("/data/yahoo/^GSPC.csv"));
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("^GSPC"));
    QCOMPARE(file.symbols[0].kind, InstrumentKind::Index);
    // --symbol beats the file name.
    file = parseOk(kYahoo, QStringLiteral("/data/yahoo/^GSPC.csv"), withSymbol);
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("IWB"));
    // The file's own column beats --symbol.
    file = parseOk("Date,^IXIC\n2020-01-02,9092.19\n", QStringLiteral("a.csv"), withSymbol);
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("^IXIC"));
    // Lower-case file names give upper-case symbols.
    file = parseOk(kYahoo, QStringLiteral("qqq.csv"));
    QCOMPARE(file.symbols[0].symbol, QStringLiteral("QQQ"));
}

void TestCsvImporter::sortsRowsAndDropsIdenticalRepeats()
{
    const ParsedFile file = parseOk("Date,Close\n2020-01-03,2\n2020-01-01,1\n2020-01-02,1.5\n"
                                    "2020-01-01,1\n",
                                    QStringLiteral("X.csv"));
    const auto &bars = file.symbols[0].bars;
    QCOMPARE(bars.size(), std::size_t(3));
    QCOMPARE(bars[0].date, QDate(2020, 1, 1));
    QCOMPARE(bars[2].date, QDate(2020, 1, 3));
    QCOMPARE(file.symbols[0].duplicateRows, 1);
}

void TestCsvImporter::skipsAllMissingPriceRows()
{
    // Classic Yahoo downloads write "null" in every field of a day without data.
    const ParsedFile file = parseOk("Date,Open,High,Low,Close,Adj Close,Volume\n"
                                    "2020-01-02,1,1,1,1,1,10\n"
                                    "2020-01-03,null,null,null,null,null,null\n");
    QCOMPARE(file.symbols[0].bars.size(), std::size_t(1));
    QCOMPARE(file.symbols[0].missingDays, 1);
    // Issue #14, 12: counted here, said once by the store that writes the symbol.
    QVERIFY(!file.notes.join(QString()).contains(QStringLiteral("missing values")));
}

void TestCsvImporter::formatOverride()
{
    // The same header read as Stooq records no adjusted close; as fred, a rate.
    const QByteArray csv = "Date,Close,High,Low,Open,Volume\n2024-01-02,198.6,199,196,197,1\n";
    ParsedFile file = parseOk(csv, QStringLiteral("IWM.csv"), {CsvFormat::Stooq, {}, {}});
    QCOMPARE(file.format, CsvFormat::Stooq);
    QVERIFY(!file.symbols[0].bars[0].adjClose);
    file = parseOk("Date,Value\n2024-01-02,4.0\n", QStringLiteral("DGS5.csv"),
                   {CsvFormat::Fred, {}, {}});
    QCOMPARE(file.symbols[0].kind, InstrumentKind::Rate);
    const ImportError error =
        parseFails(kYahoo, QStringLiteral("IWM.csv"), {CsvFormat::Fred, {}, {}});
    QCOMPARE(error.line, 1);
    QVERIFY2(error.reason.contains(QStringLiteral("does not fit --format-in fred")),
             qPrintable(error.reason));
}

void TestCsvImporter::badInput_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");
    const QByteArray header = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    QTest::newRow("unparseable date") << header + "2020-01-02,1,1,1,1,1,1\n01/03/2020,1,1,1,1,1,1\n"
                                      << 3 << QStringLiteral("'01/03/2020' is not a date");
    QTest::newRow("impossible date") << header + "2021-02-29,1,1,1,1,1,1\n"
                                     << 2 << QStringLiteral("'2021-02-29' is not a date");
    QTest::newRow("unparseable number") << header + "2020-01-02,1,1,1,1.2.3,1,1\n"
                                        << 2 << QStringLiteral("Close '1.2.3' is not a number");
    QTest::newRow("zero price") << header + "2020-01-02,1,1,1,0,1,1\n"
                                << 2 << QStringLiteral("Close '0' is not a positive price");
    QTest::newRow("negative adjusted")
        << header + "2020-01-02,1,1,1,1,-1,1\n"
        << 2 << QStringLiteral("Adj Close '-1' is not a positive price");
    QTest::newRow("missing close") << header + "2020-01-02,1,1,1,,1,1\n"
                                   << 2 << QStringLiteral("2020-01-02 has no Close value");
    QTest::newRow("fractional volume") << header + "2020-01-02,1,1,1,1,1,1.5\n"
                                       << 2 << QStringLiteral("Volume '1.5' is not a whole number");
    QTest::newRow("conflicting duplicate date")
        << header + "2020-01-02,1,1,1,1,1,1\n2020-01-03,1,1,1,1,1,1\n2020-01-02,1,1,1,2,2,1\n"
        << 4 << QStringLiteral("2020-01-02 appears again with different values (first on line 2)");
    QTest::newRow("no data rows") << header << 1 << QStringLiteral("no data rows");
    QTest::newRow("only missing values") << QByteArray("DATE,DGS10\n2020-01-01,.\n") << 2
                                         << QStringLiteral("no data rows: all 1 rows have missing");
    QTest::newRow("unknown header")
        << QByteArray("Time,Price\n1,2\n") << 1 << QStringLiteral("unknown header");
    QTest::newRow("unknown column")
        << QByteArray("Date,Open,Shares,Close\n") << 1 << QStringLiteral("column 3 is 'Shares'");
    QTest::newRow("no close column")
        << QByteArray("Date,Open,High,Low\n") << 1 << QStringLiteral("there is no Close column");
    QTest::newRow("field count") << header + "2020-01-02,1,1,1,1\n"
                                 << 2
                                 << QStringLiteral("expected 7 fields as in the header, found 5");
    QTest::newRow("broken multi-header") << QByteArray("Price,Close\nDate,\n2020-01-02,1\n") << 1
                                         << QStringLiteral("must be followed by a 'Ticker' line");
    QTest::newRow("empty file") << QByteArray("") << 0 << QStringLiteral("the file is empty");
    QTest::newRow("binary") << QByteArray("SQLite format 3\0\0\0", 18) << 0
                            << QStringLiteral("not a text file");
}

void TestCsvImporter::badInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, line);
    QFETCH(QString, reason);
    const ImportError error = parseFails(csv, QStringLiteral("/tmp/in/IWM.csv"));
    QCOMPARE(error.file, QStringLiteral("/tmp/in/IWM.csv"));
    QCOMPARE(error.line, line);
    QVERIFY2(error.reason.contains(reason), qPrintable(error.reason));
    // The message a user reads names file, line and reason.
    const QString message = error.toString();
    QVERIFY2(
        message.startsWith(QStringLiteral("/tmp/in/IWM.csv") +
                           (line > 0 ? QStringLiteral(":%1: ").arg(line) : QStringLiteral(": "))),
        qPrintable(message));
}

void TestCsvImporter::refusedFileLeavesCacheUnchanged_data()
{
    badInput_data();
}

void TestCsvImporter::refusedFileLeavesCacheUnchanged()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, reason);
    TempDatabase temp;
    PriceStore store(temp.db());
    const QString good = temp.writeFile(QStringLiteral("IWM-good.csv"), kYahoo);
    QVERIFY(!importFiles(store, {good}, {CsvFormat::Auto, QStringLiteral("IWM"), {}})[0].error);
    const QByteArray before = contentChecksum(temp.db());

    const QString bad = temp.writeFile(QStringLiteral("IWM.csv"), csv);
    const auto results = importFiles(store, {bad}, {});
    QVERIFY(results[0].error);
    QVERIFY2(results[0].error->toString().contains(reason),
             qPrintable(results[0].error->toString()));
    QCOMPARE(contentChecksum(temp.db()), before);
}

namespace {

// The day the issue-21 tests take as today, so that they do not depend on the clock.
const QDate kToday(2024, 6, 3);

CsvImportOptions optionsOn(const QDate &today)
{
    CsvImportOptions options;
    options.today = today;
    return options;
}

// Imports `bad` into a cache that holds kYahoo's IWM and returns the refusal with the file's path
// as FILE, or what went wrong instead (so that the caller's comparison fails and goes on).
QString refusalLeavingCacheUnchanged(const QString &name, const QByteArray &bad,
                                     const CsvImportOptions &options)
{
    TempDatabase temp;
    PriceStore store(temp.db());
    const QString good = temp.writeFile(QStringLiteral("IWM-good.csv"), kYahoo);
    CsvImportOptions goodOptions = options;
    goodOptions.symbol = QStringLiteral("IWM");
    if (const auto error = importFiles(store, {good}, goodOptions)[0].error)
        return QStringLiteral("the good file was refused: ") + error->toString();
    const QByteArray before = contentChecksum(temp.db());
    const QString path = temp.writeFile(name, bad);
    const auto results = importFiles(store, {path}, options);
    if (!results[0].error) return QStringLiteral("the file was accepted");
    if (contentChecksum(temp.db()) != before)
        return QStringLiteral("the refused file changed the cache");
    QString message = results[0].error->toString();
    return message.replace(path, QStringLiteral("FILE"));
}

} // namespace

// Issue #21: a row after today or before 1800 is not data of any market. The file is refused
// with its line, whatever its format, and nothing of it is written.
void TestCsvImporter::issue21ImpossibleDatesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    const QByteArray header = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    QTest::newRow("2099-12-31") << QStringLiteral("IWM.csv")
                                << header + "2024-05-31,1,1,1,1,1,1\n2099-12-31,1,1,1,1,1,1\n"
                                << QStringLiteral("FILE:3: 2099-12-31 is after today (2024-06-03): "
                                                  "a row cannot come from the future");
    QTest::newRow("the day after today")
        << QStringLiteral("IWM.csv") << header + "2024-06-04,1,1,1,1,1,1\n2024-05-31,1,1,1,1,1,1\n"
        << QStringLiteral("FILE:2: 2024-06-04 is after today (2024-06-03): a row cannot come from "
                          "the future");
    QTest::newRow("a day with missing values") // refused too: the file is not what it claims
        << QStringLiteral("IWM.csv") << header + "2024-05-31,1,1,1,1,1,1\n3804-01-02,,,,,,\n"
        << QStringLiteral("FILE:3: 3804-01-02 is after today (2024-06-03): a row cannot come from "
                          "the future");
    QTest::newRow("rate") << QStringLiteral("fred.csv")
                          << QByteArray("observation_date,DGS10\n2024-05-31,4.5\n2025-01-02,4.6\n")
                          << QStringLiteral("FILE:3: 2025-01-02 is after today (2024-06-03): a "
                                            "row cannot come from the future");
    QTest::newRow("symbol column")
        << QStringLiteral("many.csv")
        << QByteArray("symbol,Date,Close\nSPY,2024-05-31,500\nIWM,2100-01-04,200\n")
        << QStringLiteral("FILE:3: 2100-01-04 is after today (2024-06-03): a row cannot come from "
                          "the future");
    QTest::newRow("before 1800") << QStringLiteral("IWM.csv")
                                 << header + "2024-05-31,1,1,1,1,1,1\n1799-12-31,1,1,1,1,1,1\n"
                                 << QStringLiteral("FILE:3: 1799-12-31 is before 1800: no market "
                                                   "data is that old");
    QTest::newRow("year 0201") << QStringLiteral("IWM.csv")
                               << QByteArray("Date,Close\n0201-03-04,5\n")
                               << QStringLiteral("FILE:2: 0201-03-04 is before 1800: no market "
                                                 "data is that old");
}

void TestCsvImporter::issue21ImpossibleDatesAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    QCOMPARE(refusalLeavingCacheUnchanged(name, csv, optionsOn(kToday)), message);
}

// Today itself is a provisional intraday row, not the future; 1800-01-01 is the first day allowed.
void TestCsvImporter::issue21TodayIsAllowed()
{
    const ParsedFile file = parseOk("Date,Close\n1800-01-01,1\n2024-06-03,2\n",
                                    QStringLiteral("X.csv"), optionsOn(kToday));
    QCOMPARE(file.symbols[0].lastDate(), kToday);
    QCOMPARE(file.symbols[0].firstDate(), QDate(1800, 1, 1));
    // Without a `today` of its own the importer takes the real one.
    const QDate now = QDate::currentDate();
    QCOMPARE(parseOk("Date,Close\n" + now.toString(Qt::ISODate).toLatin1() + ",2\n",
                     QStringLiteral("X.csv"))
                 .symbols[0]
                 .lastDate(),
             now);
}

// The issue's case: a large file of random rows, a few of them dated as late as the year 3804.
// The first line dated after today is named (found here from the rows written), and no row is
// kept.
void TestCsvImporter::issue21LargeRandomFileReachingTheYear3804IsRefused()
{
    QRandomGenerator random(21);
    QByteArray csv = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    const qint64 first = QDate(1990, 1, 1).toJulianDay();
    const int pastDays = int(kToday.toJulianDay() - first) + 1;
    const int futureDays = int(QDate(3804, 12, 31).toJulianDay() - kToday.toJulianDay());
    int firstFutureLine = 0;
    for (int line = 2; line < 200002; ++line) {
        const bool future = random.bounded(20000) == 0;
        const QDate date = future ? kToday.addDays(1 + random.bounded(futureDays))
                                  : QDate::fromJulianDay(first + random.bounded(pastDays));
        if (firstFutureLine == 0 && future) firstFutureLine = line;
        const QByteArray price = QByteArray::number(1.0 + random.bounded(500.0), 'f', 2);
        csv += date.toString(Qt::ISODate).toLatin1() + ',' + price + ',' + price + ',' + price +
               ',' + price + ',' + price + ",100\n";
    }
    QVERIFY(csv.size() > 8'000'000);
    QVERIFY(firstFutureLine > 2);
    const QString message =
        refusalLeavingCacheUnchanged(QStringLiteral("IWM.csv"), csv, optionsOn(kToday));
    QVERIFY2(message.startsWith(QStringLiteral("FILE:%1: ").arg(firstFutureLine)),
             qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral(" is after today (2024-06-03): a row cannot come from "
                                             "the future")),
             qPrintable(message));
}

// Provider parsers (Yahoo, the Treasury, FRED) end in normalizeSymbolData: it refuses what the
// importer refuses, naming the symbol and the date.
void TestCsvImporter::issue21ProviderDataFromTheFutureIsRefused()
{
    SymbolData prices;
    prices.symbol = QStringLiteral("IWM");
    for (const QDate &date : {QDate(2099, 12, 31), QDate(2024, 5, 31)}) {
        Bar bar;
        bar.date = date;
        bar.close = 10.0;
        prices.bars.push_back(bar);
    }
    QCOMPARE(
        normalizeSymbolData(prices, kToday),
        QStringLiteral("IWM 2099-12-31 is after today (2024-06-03): a row cannot come from the "
                       "future"));
    // The real clock by default.
    QVERIFY2(normalizeSymbolData(prices).startsWith(
                 QStringLiteral("IWM 2099-12-31 is after today (%1)")
                     .arg(latestPossibleDate().toString(Qt::ISODate))),
             qPrintable(normalizeSymbolData(prices)));

    SymbolData rates;
    rates.symbol = QStringLiteral("DGS10");
    rates.kind = InstrumentKind::Rate;
    rates.rates = {{QDate(1799, 1, 2), 4.0}, {QDate(2024, 5, 31), 4.5}};
    QCOMPARE(normalizeSymbolData(rates, kToday),
             QStringLiteral("DGS10 1799-01-02 is before 1800: no market data is that old"));
    rates.rates = {{kToday, 4.0}, {QDate(2024, 5, 31), 4.5}};
    QCOMPARE(normalizeSymbolData(rates, kToday), QString());
}

// Issue #21: one date twice with different values refuses the file, naming both lines, also when
// other symbols' rows lie between them; the cache is unchanged.
void TestCsvImporter::issue21ConflictingDuplicateNamesBothLines()
{
    const QByteArray csv = "symbol,Date,Close\nIWM,2024-05-30,200\nSPY,2024-05-30,500\n"
                           "IWM,2024-05-31,201\nSPY,2024-05-31,501\nIWM,2024-05-30,199\n";
    QCOMPARE(refusalLeavingCacheUnchanged(QStringLiteral("many.csv"), csv, optionsOn(kToday)),
             QStringLiteral("FILE:6: IWM 2024-05-30 appears again with different values (first on "
                            "line 2)"));
}

QTEST_GUILESS_MAIN(TestCsvImporter)
#include "tst_csvimporter.moc"
