// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLine.h"
#include "core/AppSettings.h"
#include "core/DataChecks.h"
#include "providers/ProviderSettings.h"
#include "TestCommon.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace indexlens;
using namespace indexlens::test;

namespace {

struct Run {
    int status = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args)
{
    Run r;
    QTextStream out(&r.out), err(&r.err);
    r.status = runCommandLine(QStringList{QStringLiteral("indexlens")} + args, out, err);
    out.flush();
    err.flush();
    return r;
}

// Two small symbols and a rate, hand-checkable (see tst_tables for the same arithmetic).
const QByteArray kIwm = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                        "2023-12-29,200,201,199,202,200,10\n"
                        "2024-01-02,196,197,195,198,196,10\n"
                        "2024-01-03,194,195,193,196.02,194.04,10\n"
                        "2024-01-04,200,201,199,202,200,10\n";
const QByteArray kSpy = "Date,Close\n2023-12-29,400\n2024-01-02,400\n2024-01-03,404\n"
                        "2024-01-04,402\n";
const QByteArray kDgs10 = "observation_date,DGS10\n2023-12-29,3.88\n2024-01-01,\n2024-01-02,3.95\n"
                          "2024-01-04,3.99\n";

class Fixture {
public:
    Fixture()
    {
        files = {temp.writeFile(QStringLiteral("IWM.csv"), kIwm),
                 temp.writeFile(QStringLiteral("SPY.csv"), kSpy),
                 temp.writeFile(QStringLiteral("fred.csv"), kDgs10)};
    }
    QStringList db() const { return {QStringLiteral("--db"), temp.path()}; }
    TempDatabase temp;
    QStringList files;
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7")); }
    void findsSubCommand();
    void helpAndVersion();
    void importAndList();
    void importRefusesBadFileAndKeepsOthers();
    void globalOptionsBeforeOrAfterCommand();
    void periodsInEveryFormat();
    void issue25ExtremesOfEachSymbol();
    void issue25RotationTailsAndTooShortAHistory();
    void issue25SeasonalityLeavesTheUnfinishedMonthOut();
    void movesJson();
    void returnsYearToDate();
    void issue13ReturnsOnDaysAndPeriods();
    void issue13SensitivityAndRegimes();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void binaryRunsWithoutDisplay();
    void issue11WindowWithoutDisplaySaysSo();
    void issue11SymbolsInAnyCaseAndRatesNa();
    void issue14ReadOnlyCommandsCreateNothing();
    void issue14OptionValueThatIsAnOption();
    void issue14SettingsFileIsPrivate();
    void issue15ManPageSaysWhatHelpSays();
    void issue15FixedValuesAreNamed();
    void issue21ImportRefusesRowsFromTheFuture();
    void issue21ImportSaysImplausibleMovesAndListMarksThem();
};

void TestCli::findsSubCommand()
{
    const QString prog = QStringLiteral("indexlens");
    QCOMPARE(coreRegistry().commandName(
                 {prog, QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("list")}),
             QStringLiteral("list"));
    QCOMPARE(coreRegistry().commandName(
                 {prog, QStringLiteral("--format=json"), QStringLiteral("moves")}),
             QStringLiteral("moves"));
    QCOMPARE(coreRegistry().commandName({prog, QStringLiteral("--symbol"), QStringLiteral("IWM"),
                                         QStringLiteral("import"), QStringLiteral("a.csv")}),
             QStringLiteral("import"));
    QVERIFY(coreRegistry().commandName({prog}).isEmpty());
    QVERIFY(!coreRegistry().isHeadless({prog}));
    QVERIFY(coreRegistry().isHeadless({prog, QStringLiteral("--version")}));
    QVERIFY(coreRegistry().isHeadless({prog, QStringLiteral("list")}));
}

void TestCli::helpAndVersion()
{
    Run r = run({QStringLiteral("--version")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out, QStringLiteral("indexlens 9.8.7\n"));
    r = run({QStringLiteral("--help")});
    QCOMPARE(r.status, 0);
    for (const char *command : {"import", "list", "periods", "moves", "returns"})
        QVERIFY2(r.out.contains(QLatin1String(command)), command);
    r = run({QStringLiteral("moves"), QStringLiteral("--help")});
    QCOMPARE(r.status, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("Usage: indexlens moves")));
    QVERIFY(r.out.contains(QStringLiteral("--top N")));
    r = run({QStringLiteral("frobnicate")});
    QCOMPARE(r.status, 2);
    QVERIFY(r.err.contains(QStringLiteral("unknown command 'frobnicate'")));
}

void TestCli::importAndList()
{
    Fixture f;
    Run r = run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    // Issue #14, 12: said once, in the right number ("1 days ..." before).
    QCOMPARE(r.out.count(QStringLiteral("missing values")), 1);
    QVERIFY2(r.out.contains(QStringLiteral("1 day with missing values skipped")),
             qPrintable(r.out));
    r = run(f.db() +
            QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out,
             QStringLiteral("symbol,kind,first,last,rows,source,name,implausible_moves\n"
                            "IWM,etf,2023-12-29,2024-01-04,4,yahoo,iShares Russell 2000 ETF,0\n"
                            "SPY,etf,2023-12-29,2024-01-04,4,close,SPDR S&P 500 ETF,0\n"
                            "DGS10,rate,2023-12-29,2024-01-04,3,fred,"
                            "10-Year Treasury yield (constant maturity),\n"));
    // Importing the same files again changes nothing.
    r = run(
        f.db() +
        QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("import")} +
        f.files);
    QCOMPARE(r.status, 0);
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 3);
    for (const auto &row : rows) {
        QCOMPARE(row.toObject().value(QStringLiteral("added")).toInt(), 0);
        QCOMPARE(row.toObject().value(QStringLiteral("changed")).toInt(), 0);
    }
}

void TestCli::importRefusesBadFileAndKeepsOthers()
{
    Fixture f;
    const QString bad = f.temp.writeFile(QStringLiteral("IWB.csv"), "Date,Close\n2024-01-02,abc\n");
    const Run r = run(f.db() + QStringList{QStringLiteral("import"), bad, f.files[0]});
    QCOMPARE(r.status, 1);
    QVERIFY2(r.err.contains(bad + QStringLiteral(":2: Close 'abc' is not a number")),
             qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("1 of 2 files refused")));
    const Run list = run(f.db() + QStringList{QStringLiteral("list")});
    QVERIFY(list.out.contains(QStringLiteral("IWM")));
    QVERIFY(!list.out.contains(QStringLiteral("IWB")));
}

void TestCli::globalOptionsBeforeOrAfterCommand()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    const Run before = run(f.db() + QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                                                QStringLiteral("list")});
    const Run after =
        run(QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")} +
            f.db());
    QCOMPARE(before.status, 0);
    QCOMPARE(before.out, after.out);
    // INDEXLENS_DB stands in for --db.
    qputenv("INDEXLENS_DB", f.temp.path().toUtf8());
    const Run env =
        run({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    qunsetenv("INDEXLENS_DB");
    QCOMPARE(env.out, before.out);
}

// Issue #25, 3: `extremes` on the fixture's IWM (200 on 2023-12-29, 194.04, 200).
void TestCli::issue25ExtremesOfEachSymbol()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    const QStringList args =
        f.db() + QStringList{QStringLiteral("extremes"),   QStringLiteral("--symbols"),
                             QStringLiteral("IWM,SPY"),    QStringLiteral("--from"),
                             QStringLiteral("2023-12-29"), QStringLiteral("--to"),
                             QStringLiteral("2024-01-04"), QStringLiteral("--format"),
                             QStringLiteral("csv")};
    Run r = run(args);
    QCOMPARE(r.status, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines[0], QStringLiteral("symbol,high_date,high,low_date,low,from_high_pct,"
                                      "from_low_pct,state,state_since"));
    // The first of two equal highs; 200 / 194.04 - 1 = 3.0715 %; no 20 % move: no state.
    QVERIFY2(lines[1].startsWith(QStringLiteral("IWM,2023-12-29,200,2024-01-03,194.04,0,3.0715")),
             qPrintable(lines[1]));
    QVERIFY2(lines[1].endsWith(QStringLiteral(",,")), qPrintable(lines[1]));
    // From a Saturday: the range rule's base day, Friday 2023-12-29, is the range's first close,
    // as in the window's returns tables and its drawdown chart (it started on 2024-01-02 and
    // named the high of 2024-01-04).
    QStringList weekend = args;
    weekend[weekend.indexOf(QStringLiteral("2023-12-29"))] = QStringLiteral("2023-12-30");
    r = run(weekend);
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(1), lines[1]);
    r = run(f.db() + QStringList{QStringLiteral("extremes"), QStringLiteral("--symbols"),
                                 QStringLiteral("IWM"), QStringLiteral("--from"),
                                 QStringLiteral("2024-01-04"), QStringLiteral("--to"),
                                 QStringLiteral("2023-12-29")});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--from 2024-01-04 is after --to 2023-12-29")),
             qPrintable(r.err));
    // The rule of `returns` (issue #25, trial): a series whose data end before --to has no
    // high and low, and says why; a request that nothing answers is refused.
    run(f.db() + QStringList{QStringLiteral("import"),
                             f.temp.writeFile(QStringLiteral("EARLY.csv"),
                                              "Date,Close\n2023-12-29,10\n2024-01-02,12\n")});
    QStringList early = args;
    early[early.indexOf(QStringLiteral("IWM,SPY"))] = QStringLiteral("IWM,EARLY");
    r = run(early);
    QCOMPARE(r.status, 0);
    QVERIFY2(
        r.err.contains(QStringLiteral("2024-01-04 is after the last data of EARLY (2024-01-02)")),
        qPrintable(r.err));
    QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(1), lines[1]);
    QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(2),
             QStringLiteral("EARLY,,,,,,,,"));
    early[early.indexOf(QStringLiteral("IWM,EARLY"))] = QStringLiteral("EARLY");
    r = run(early);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("after the last data of EARLY")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

// Issue #25, 1: `rotation` on the fixture. RS = 100 IWM / SPY = 50, 49, 48.0297, 49.7512;
// short 1, long 2 (α = 2/3): EMA_2 = 50, 49.3333, 48.4643, 49.3222, so RS-Ratio on 2024-01-03
// is 100 · 48.0297 / 48.4643 = 99.1033 and on 2024-01-04 100.86979; mom 1: RS-Momentum is 100.
void TestCli::issue25RotationTailsAndTooShortAHistory()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    Run r = run(f.db() + QStringList{QStringLiteral("rotation"), QStringLiteral("--symbols"),
                                     QStringLiteral("iwm"), QStringLiteral("--daily"),
                                     QStringLiteral("--short"), QStringLiteral("1"),
                                     QStringLiteral("--long"), QStringLiteral("2"),
                                     QStringLiteral("--mom"), QStringLiteral("1"),
                                     QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.status, 0);
    QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("symbol,date,rs_ratio,rs_momentum,quadrant"));
    QVERIFY2(lines[1].startsWith(QStringLiteral("IWM,2024-01-03,99.1033")), qPrintable(lines[1]));
    QVERIFY2(lines[1].endsWith(QStringLiteral(",100,Improving")), qPrintable(lines[1]));
    QVERIFY2(lines[2].startsWith(QStringLiteral("IWM,2024-01-04,100.8697")), qPrintable(lines[2]));
    QVERIFY2(lines[2].endsWith(QStringLiteral(",Leading")), qPrintable(lines[2]));
    // By weeks the fixture has two periods: IWM is named; SPY in the list is said to be the
    // benchmark; nothing has a point, so nothing is answered (exit 2).
    r = run(f.db() + QStringList{QStringLiteral("rotation"), QStringLiteral("--symbols"),
                                 QStringLiteral("IWM,SPY"), QStringLiteral("--benchmark"),
                                 QStringLiteral("SPY")});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("no symbol has a point up to 2024-01-04: IWM: 2 weekly "
                                           "periods in common with SPY up to 2024-01-04; the "
                                           "first point needs 40 (long 30 + momentum 10); SPY is "
                                           "the benchmark")),
             qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    r = run(f.db() + QStringList{QStringLiteral("rotation"), QStringLiteral("--symbols"),
                                 QStringLiteral("IWM"), QStringLiteral("--long"),
                                 QStringLiteral("0")});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--long 0: expected a whole number from 1")),
             qPrintable(r.err));
}

// Issue #25, 2: the fixture's only month after December is unfinished: left out, and said.
void TestCli::issue25SeasonalityLeavesTheUnfinishedMonthOut()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    Run r = run(f.db() + QStringList{QStringLiteral("seasonality"), QStringLiteral("--a"),
                                     QStringLiteral("IWM"), QStringLiteral("--b"),
                                     QStringLiteral("SPY"), QStringLiteral("--format"),
                                     QStringLiteral("csv")});
    // Nothing to answer: refused (exit 2), saying why.
    QCOMPARE(r.status, 2);
    QVERIFY2(
        r.err.contains(QStringLiteral("no complete month of IWM and SPY in the range (2024-01: "
                                      "unfinished (the data end 2024-01-04), left out)")),
        qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    r = run(f.db() + QStringList{QStringLiteral("seasonality"), QStringLiteral("--a"),
                                 QStringLiteral("IWM"), QStringLiteral("--b"),
                                 QStringLiteral("SPY"), QStringLiteral("--by"),
                                 QStringLiteral("week")});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--by week: expected month or year-month")),
             qPrintable(r.err));
}

void TestCli::periodsInEveryFormat()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    const QStringList args = f.db() + QStringList{QStringLiteral("periods"),
                                                  QStringLiteral("--a"),
                                                  QStringLiteral("IWM"),
                                                  QStringLiteral("--b"),
                                                  QStringLiteral("SPY"),
                                                  QStringLiteral("--rate"),
                                                  QStringLiteral("DGS10"),
                                                  QStringLiteral("--period"),
                                                  QStringLiteral("2023-12-29:2024-01-03"),
                                                  QStringLiteral("--period"),
                                                  QStringLiteral("2024-01-01:2024-01-04")};
    // 1: IWM 194.04/200 = -2.98 %, SPY +1 %, diff -3.98, DGS10 3.88 -> 3.95 = +7 bp.
    // 2: IWM 200/200 = 0, SPY 402/400 = +0.5 %, diff -0.5, 3.88 -> 3.99 = +11 bp; asked from
    // 2024-01-01 (a holiday), the row names the close it starts from: 2023-12-29 (issue #14, 4).
    Run r = run(args);
    QCOMPARE(r.status, 0);
    // The difference is named as on the charts: "IWM \u2212 SPY" (issue #24; it was "A-B").
    QCOMPARE(r.out,
             QStringLiteral("start       end         IWM %  SPY %  IWM \u2212 SPY pp  DGS10 bp\n"
                            "2023-12-29  2024-01-03  -2.98   1.00         -3.98       7.0\n"
                            "2023-12-29  2024-01-04   0.00   0.50         -0.50      11.0\n"));
    r = run(args + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines[0],
             QStringLiteral("start,end,a_return_pct,b_return_pct,diff_pct,rate_change_bps"));
    const QStringList fields = lines[1].split(QLatin1Char(','));
    COMPARE_NEAR(fields[2].toDouble(), -2.98, 1e-12); // unrounded
    COMPARE_NEAR(fields[5].toDouble(), 7.0, 1e-9);
    r = run(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 2);
    const QJsonObject row = rows[1].toObject();
    QCOMPARE(row.keys(),
             (QStringList{QStringLiteral("a_return_pct"), QStringLiteral("b_return_pct"),
                          QStringLiteral("diff_pct"), QStringLiteral("end"),
                          QStringLiteral("rate_change_bps"), QStringLiteral("start")}));
    QCOMPARE(row.value(QStringLiteral("start")).toString(), QStringLiteral("2023-12-29"));
    COMPARE_NEAR(row.value(QStringLiteral("b_return_pct")).toDouble(), 0.5, 1e-12);
    COMPARE_NEAR(row.value(QStringLiteral("rate_change_bps")).toDouble(), 11.0, 1e-9);
    // Price return: IWM close 202 -> 196.02 = -2.96 %.
    r = run(args + QStringList{QStringLiteral("--price-return")});
    QVERIFY2(r.out.contains(QStringLiteral("-2.96")), qPrintable(r.out));
}

void TestCli::movesJson()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    const Run r =
        run(f.db() +
            QStringList{QStringLiteral("moves"), QStringLiteral("--a"), QStringLiteral("IWM"),
                        QStringLiteral("--b"), QStringLiteral("SPY"), QStringLiteral("--from"),
                        QStringLiteral("2024-01-01"), QStringLiteral("--to"),
                        QStringLiteral("2024-01-04"), QStringLiteral("--top"), QStringLiteral("2"),
                        QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.status, 0);
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 2);
    const QJsonObject top = rows[0].toObject();
    QCOMPARE(top.keys(),
             (QStringList{QStringLiteral("a_return_pct"), QStringLiteral("b_return_pct"),
                          QStringLiteral("date"), QStringLiteral("rate_change_bps"),
                          QStringLiteral("spread_pct"), QStringLiteral("widest_spread_since")}));
    QCOMPARE(top.value(QStringLiteral("date")).toString(), QStringLiteral("2024-01-04"));
    COMPARE_NEAR(top.value(QStringLiteral("a_return_pct")).toDouble(), (200 / 194.04 - 1) * 100,
                 1e-9);
    QVERIFY(top.value(QStringLiteral("rate_change_bps")).isNull());     // no --rate
    QVERIFY(top.value(QStringLiteral("widest_spread_since")).isNull()); // widest on record
    QCOMPARE(rows[1].toObject().value(QStringLiteral("date")).toString(),
             QStringLiteral("2024-01-02"));
    // 01-03: spread -2 as wide as 01-02's -2.
}

void TestCli::returnsYearToDate()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    const Run r = run(f.db() + QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                                           QStringLiteral("IWM,SPY"), QStringLiteral("--ytd-as-of"),
                                           QStringLiteral("2024-01-04")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out, QStringLiteral("symbol  start       end         return %  label\n"
                                   "IWM     2023-12-29  2024-01-04      0.00  ytd\n"
                                   "SPY     2023-12-29  2024-01-04      0.50  ytd\n"));
}

// Issue #13: returns on days (from the previous trading day's close) and over periods, with the
// range, in one call; each row says which. IWM's adjusted closes 196 (01-02), 194.04 (01-03), 200
// (01-04); SPY's closes 400, 404, 402: on 01-03 IWM -1.00 %, SPY +1.00 %; over 01-02:01-04 IWM
// 200/196 - 1 = 2.04 %, SPY 402/400 - 1 = 0.50 %.
void TestCli::issue13ReturnsOnDaysAndPeriods()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    Run r = run(f.db() + QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                                     QStringLiteral("IWM,SPY"), QStringLiteral("--day"),
                                     QStringLiteral("2024-01-03"), QStringLiteral("--period"),
                                     QStringLiteral("2024-01-02:2024-01-04"),
                                     QStringLiteral("--from"), QStringLiteral("2024-01-02"),
                                     QStringLiteral("--to"), QStringLiteral("2024-01-03")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out, QStringLiteral("symbol  start       end         return %  label\n"
                                   "IWM     2024-01-02  2024-01-03     -1.00  range\n"
                                   "SPY     2024-01-02  2024-01-03      1.00  range\n"
                                   "IWM     2024-01-02  2024-01-03     -1.00  day\n"
                                   "SPY     2024-01-02  2024-01-03      1.00  day\n"
                                   "IWM     2024-01-02  2024-01-04      2.04  period\n"
                                   "SPY     2024-01-02  2024-01-04      0.50  period\n"));
    // A day without a close names the option, the symbol and why.
    r = run(f.db() + QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                                 QStringLiteral("IWM"), QStringLiteral("--day"),
                                 QStringLiteral("2023-12-30")});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--day 2023-12-30: IWM has no close on 2023-12-30 (a "
                                           "weekend)")),
             qPrintable(r.err));
    // Issue #22: a day after the data is said as such (it said "a weekend" for Saturday 01-06).
    r = run(f.db() + QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                                 QStringLiteral("IWM"), QStringLiteral("--day"),
                                 QStringLiteral("2024-01-06")});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--day 2024-01-06: 2024-01-06 is after the last data "
                                           "of IWM (2024-01-04)")),
             qPrintable(r.err));
    // The first day of the data has no previous close.
    r = run(f.db() + QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                                 QStringLiteral("IWM"), QStringLiteral("--day"),
                                 QStringLiteral("2023-12-29")});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("IWM has no close before 2023-12-29")),
             qPrintable(r.err));
}

// Issue #13: sensitivity leaves out the days without a rate observation (DGS10 has none on
// 2024-01-03, so 01-03 and 01-04 go: one day is left, too few for a fit); regimes of DGS10 3.88
// -> 3.95 -> 3.99: one rise of 11 bp, with IWM 0.00 % and SPY +0.50 % over it.
void TestCli::issue13SensitivityAndRegimes()
{
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    Run r = run(f.db() + QStringList{QStringLiteral("sensitivity"), QStringLiteral("--a"),
                                     QStringLiteral("IWM"), QStringLiteral("--b"),
                                     QStringLiteral("SPY"), QStringLiteral("--rate"),
                                     QStringLiteral("DGS10"), QStringLiteral("--from"),
                                     QStringLiteral("2024-01-01"), QStringLiteral("--to"),
                                     QStringLiteral("2024-01-04"), QStringLiteral("--format"),
                                     QStringLiteral("csv")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out, QStringLiteral("slope_pp_per_10bp,intercept_pp,r2,corr,n\n,,,,1\n"));
    r = run(f.db() + QStringList{QStringLiteral("regimes"), QStringLiteral("--rate"),
                                 QStringLiteral("dgs10"), QStringLiteral("--from"),
                                 QStringLiteral("2023-12-01"), QStringLiteral("--to"),
                                 QStringLiteral("2024-01-31"), QStringLiteral("--threshold-bp"),
                                 QStringLiteral("5"), QStringLiteral("--min-days"),
                                 QStringLiteral("1"), QStringLiteral("--a"), QStringLiteral("IWM"),
                                 QStringLiteral("--b"), QStringLiteral("SPY"),
                                 QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out, QStringLiteral("start,end,direction,rate_change_bps,a_return_pct,b_return_pct,"
                                   "diff_pct\n2023-12-29,2024-01-04,up,11,0,0.5,-0.5\n"));
    r = run(f.db() + QStringList{QStringLiteral("regimes"), QStringLiteral("--rate"),
                                 QStringLiteral("DGS10"), QStringLiteral("--from"),
                                 QStringLiteral("2025-01-01"), QStringLiteral("--to"),
                                 QStringLiteral("2025-02-01")});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--rate DGS10: fewer than two observations")),
             qPrintable(r.err));
}

void TestCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString a = QStringLiteral("--a"), b = QStringLiteral("--b");
    QTest::newRow("unknown symbol")
        << QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                       QStringLiteral("IWM,XYZ"), QStringLiteral("--ytd-as-of"),
                       QStringLiteral("2024-01-04")}
        << QStringLiteral("unknown symbol XYZ: it is not in the cache");
    // Issue #25, trial: a short average longer than the long one was answered.
    QTest::newRow("rotation short not below long")
        << QStringList{QStringLiteral("rotation"), QStringLiteral("--symbols"),
                       QStringLiteral("IWM"),      QStringLiteral("--benchmark"),
                       QStringLiteral("SPY"),      QStringLiteral("--short"),
                       QStringLiteral("30"),       QStringLiteral("--long"),
                       QStringLiteral("10")}
        << QStringLiteral("--short 30: expected fewer periods than --long 10");
    QTest::newRow("date before data")
        << QStringList{QStringLiteral("periods"),
                       a,
                       QStringLiteral("IWM"),
                       b,
                       QStringLiteral("SPY"),
                       QStringLiteral("--period"),
                       QStringLiteral("2020-01-01:2024-01-04")}
        << QStringLiteral("2020-01-01 is before the first data of IWM (2023-12-29)");
    QTest::newRow("date after data")
        << QStringList{QStringLiteral("moves"),      a,
                       QStringLiteral("IWM"),        b,
                       QStringLiteral("SPY"),        QStringLiteral("--from"),
                       QStringLiteral("2024-01-02"), QStringLiteral("--to"),
                       QStringLiteral("2024-03-01")}
        << QStringLiteral("2024-03-01 is after the last data of IWM (2024-01-04)");
    QTest::newRow("malformed period")
        << QStringList{QStringLiteral("periods"),
                       a,
                       QStringLiteral("IWM"),
                       b,
                       QStringLiteral("SPY"),
                       QStringLiteral("--period"),
                       QStringLiteral("2024-01-02..2024-01-04")}
        << QStringLiteral("malformed --period 2024-01-02..2024-01-04: expected START:END");
    QTest::newRow("bad date")
        << QStringList{QStringLiteral("returns"),    QStringLiteral("--symbols"),
                       QStringLiteral("IWM"),        QStringLiteral("--from"),
                       QStringLiteral("2024-02-30"), QStringLiteral("--to"),
                       QStringLiteral("2024-01-04")}
        << QStringLiteral("--from 2024-02-30 is not a date (expected YYYY-MM-DD)");
    QTest::newRow("rate as price")
        << QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                       QStringLiteral("DGS10"), QStringLiteral("--ytd-as-of"),
                       QStringLiteral("2024-01-04")}
        << QStringLiteral("DGS10 is a rate, not a price");
    QTest::newRow("price as rate") << QStringList{QStringLiteral("periods"),
                                                  a,
                                                  QStringLiteral("IWM"),
                                                  b,
                                                  QStringLiteral("SPY"),
                                                  QStringLiteral("--rate"),
                                                  QStringLiteral("SPY"),
                                                  QStringLiteral("--period"),
                                                  QStringLiteral("2024-01-02:2024-01-04")}
                                   << QStringLiteral("--rate SPY is a price (etf), not a rate");
    QTest::newRow("missing option")
        << QStringList{QStringLiteral("moves"),      a,
                       QStringLiteral("IWM"),        QStringLiteral("--from"),
                       QStringLiteral("2024-01-02"), QStringLiteral("--to"),
                       QStringLiteral("2024-01-04")}
        << QStringLiteral("--b SYM is required");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("list"), QStringLiteral("--top"), QStringLiteral("3")}
        << QStringLiteral("Unknown option 'top'");
    QTest::newRow("bad format") << QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                               QStringLiteral("xml")}
                                << QStringLiteral("--format xml: expected text, csv or json");
}

void TestCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    Fixture f;
    run(f.db() + QStringList{QStringLiteral("import")} + f.files);
    const Run r = run(f.db() + args);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::binaryRunsWithoutDisplay()
{
    Fixture f;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(indexlensBinary(), f.db() + QStringList{QStringLiteral("import")} + f.files);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    p.start(indexlensBinary(),
            f.db() + QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                                 QStringLiteral("SPY"), QStringLiteral("--from"),
                                 QStringLiteral("2023-12-29"), QStringLiteral("--to"),
                                 QStringLiteral("2024-01-04"), QStringLiteral("--format"),
                                 QStringLiteral("csv")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
    // Issue #22: each row says its basis (total or price) and, when it has no value, why.
    QCOMPARE(lines[0], QStringLiteral("symbol,start,end,return_pct,label,basis,note"));
    QVERIFY(lines[1].startsWith(QStringLiteral("SPY,2023-12-29,2024-01-04,")));
    // A fund's Date,Close file holds adjusted closes: total return.
    QVERIFY2(lines[1].endsWith(QStringLiteral(",range,total,")), qPrintable(lines[1]));
    COMPARE_NEAR(lines[1].section(QLatin1Char(','), 3, 3).toDouble(), 0.5, 1e-9);
    p.start(indexlensBinary(), f.db() + QStringList{QStringLiteral("list"), QStringLiteral("--a")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
}

// Issue #11, 11: the window without a display was SIGABRT and a core dump.
void TestCli::issue11WindowWithoutDisplaySaysSo()
{
    TempDatabase temp;
    const auto env = childEnvironment(temp.dir() + QStringLiteral("/s.ini"));
    for (const QStringList &args :
         {QStringList{}, QStringList{QStringLiteral("--format"), QStringLiteral("json")}}) {
        const CliRun r = runIndexlens(args, env);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("indexlens: no display for the window; the command line "
                                       "needs none (indexlens --help)\n"));
    }
}

// Issue #11: one resolver (any letter case everywhere, one message); a rate whose data end
// before a period is n/a, not a refusal; no float noise in CSV.
void TestCli::issue11SymbolsInAnyCaseAndRatesNa()
{
    Fixture f;
    const QString dgs2 = f.temp.writeFile(QStringLiteral("DGS2.csv"),
                                          "DATE,DGS2\n2023-12-29,4.23\n2024-01-02,4.33\n");
    QCOMPARE(
        run(f.db() + QStringList{QStringLiteral("import")} + f.files + QStringList{dgs2}).status,
        0);
    Run r = run(f.db() +
                QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                            QStringLiteral("periods"), QStringLiteral("--a"), QStringLiteral("iwm"),
                            QStringLiteral("--b"), QStringLiteral("spy"), QStringLiteral("--rate"),
                            QStringLiteral("dgs10,dgs2"), QStringLiteral("--period"),
                            QStringLiteral("2023-12-29:2024-01-02"), QStringLiteral("--period"),
                            QStringLiteral("2024-01-02:2024-01-04")});
    QCOMPARE(r.status, 0);
    // 3.95 - 3.88 = 0.07 points: 7 bp, not 7.000000000000028. DGS2 ends 2024-01-02, so the
    // second period has no DGS2 change (empty), while IWM, SPY and DGS10 cover it.
    QCOMPARE(r.out, QStringLiteral("start,end,a_return_pct,b_return_pct,diff_pct,rate_change_bps,"
                                   "rate2_change_bps\n"
                                   "2023-12-29,2024-01-02,-2,0,-2,7,10\n"
                                   "2024-01-02,2024-01-04,2.0408163265,0.5,1.5408163265,4,\n"));
    r = run(f.db() + QStringList{QStringLiteral("moves"), QStringLiteral("--a"),
                                 QStringLiteral("Iwm"), QStringLiteral("--b"),
                                 QStringLiteral("xyz"), QStringLiteral("--from"),
                                 QStringLiteral("2024-01-02"), QStringLiteral("--to"),
                                 QStringLiteral("2024-01-04")});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err, QStringLiteral("indexlens: --b xyz: unknown symbol xyz: it is not in the "
                                   "cache (import or update it first)\n"));
}

// Issue #14, 6: `list` or `returns` with --db in a folder that does not exist made the folder
// and an empty cache, then said "unknown symbol". A command that only reads says there is no
// cache and exits 2, creating nothing; import still makes the cache where it is told to.
void TestCli::issue14ReadOnlyCommandsCreateNothing()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("no/such/folder"));
    const QString path = folder + QStringLiteral("/cache.sqlite");
    for (const QStringList &command :
         {QStringList{QStringLiteral("list")},
          QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"), QStringLiteral("IWM"),
                      QStringLiteral("--ytd-as-of"), QStringLiteral("2024-01-04")}}) {
        const Run r = run(QStringList{QStringLiteral("--db"), path} + command);
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err,
                 QStringLiteral("indexlens: no cache at %1 (import or update first)\n").arg(path));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
    }
    Fixture f;
    const Run imported =
        run(QStringList{QStringLiteral("--db"), path, QStringLiteral("import")} + f.files);
    QCOMPARE(imported.status, 0);
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(run({QStringLiteral("--db"), path, QStringLiteral("list")}).status, 0);
}

// Issue #14, 7: "--rate --from 2024-01-02" took --from as the rate and then complained of a
// stray argument. A value that starts with "--" is an error naming the option.
void TestCli::issue14OptionValueThatIsAnOption()
{
    Fixture f;
    QCOMPARE(run(f.db() + QStringList{QStringLiteral("import")} + f.files).status, 0);
    const Run r =
        run(f.db() +
            QStringList{QStringLiteral("periods"), QStringLiteral("--a"), QStringLiteral("IWM"),
                        QStringLiteral("--b"), QStringLiteral("SPY"), QStringLiteral("--rate"),
                        QStringLiteral("--period"), QStringLiteral("2024-01-02:2024-01-04")});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err,
             QStringLiteral("indexlens: --rate needs a value (SYM), not the option --period\n"));
    QVERIFY(r.out.isEmpty());
}

// Issue #14, 14: the settings file holds API keys; it was written world-readable (0644). Saving a
// key makes it the owner's alone, and opening the settings mends an existing file's mode.
void TestCli::issue14SettingsFileIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("indexlens.ini"));
    const auto others = QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                        QFileDevice::WriteOther;
    {
        QSettings settings(path, QSettings::IniFormat);
        ProviderSettings provider;
        provider.fredApiKey = QStringLiteral("0123456789abcdef0123456789abcdef");
        provider.save(settings);
    }
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(path) & QFileDevice::ReadOwner);
    // A file from an older version (0644): mended when the app opens its settings.
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadGroup |
                                            QFileDevice::ReadOther));
    const QByteArray before = qgetenv("INDEXLENS_SETTINGS");
    qputenv("INDEXLENS_SETTINGS", path.toUtf8());
    QCOMPARE(openAppSettings()->value(QStringLiteral("providers/fredApiKey")).toString(),
             QStringLiteral("0123456789abcdef0123456789abcdef"));
    qputenv("INDEXLENS_SETTINGS", before);
    QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());
    // A settings file that is not there stays not there.
    const QString none = dir.filePath(QStringLiteral("none.ini"));
    qputenv("INDEXLENS_SETTINGS", none.toUtf8());
    openAppSettings()->value(QStringLiteral("x"));
    qputenv("INDEXLENS_SETTINGS", before);
    QVERIFY(!QFileInfo::exists(none));
}

// Issue #15: the man page is written from the registry by the binary itself; every command and
// every option `--help` lists is in it (the test reads --help, so neither can drift).
void TestCli::issue15ManPageSaysWhatHelpSays()
{
    QTemporaryDir dir;
    const auto env = childEnvironment(dir.filePath(QStringLiteral("settings.ini")));
    const CliRun man =
        runIndexlens({QStringLiteral("--generate-manpage"), QStringLiteral("26 Nov 2026")}, env);
    QCOMPARE(man.exitCode, 0);
    QVERIFY2(man.out.contains(QStringLiteral(".TH INDEXLENS 1 \"26 Nov 2026\" \"IndexLens ")),
             qPrintable(man.out.left(300)));
    const CliRun help = runIndexlens({QStringLiteral("--help")}, env);
    const QString commands = help.out.section(QStringLiteral("Commands:\n"), 1)
                                 .section(QStringLiteral("\nGlobal options:"), 0, 0);
    QStringList names;
    const QRegularExpression commandLine(QStringLiteral("^  ([a-z]+)"),
                                         QRegularExpression::MultilineOption);
    for (auto it = commandLine.globalMatch(commands); it.hasNext();)
        names << it.next().captured(1);
    QCOMPARE(names.size(), 14); // import update list periods moves returns extremes rotation
                                // seasonality sensitivity regimes export render study
    const QRegularExpression optionLine(QStringLiteral("^  --([a-z-]+)"),
                                        QRegularExpression::MultilineOption);
    int options = 0;
    for (const QString &name : names) {
        QVERIFY2(man.out.contains(QStringLiteral(".SS \"%1\"").arg(name)), qPrintable(name));
        const CliRun one = runIndexlens({name, QStringLiteral("--help")}, env);
        for (auto it = optionLine.globalMatch(one.out); it.hasNext(); ++options) {
            QString option = it.next().captured(1);
            option.replace(QLatin1Char('-'), QStringLiteral("\\-"));
            QVERIFY2(man.out.contains(QStringLiteral("\\fB\\-\\-%1\\fR").arg(option)),
                     qPrintable(name + QStringLiteral(" --") + option));
        }
    }
    QVERIFY2(options > 80, qPrintable(QString::number(options)));
}

// Issue #15: an option with fixed values (the completion offers them) refuses others by name,
// one rule in the registry for every such option.
void TestCli::issue15FixedValuesAreNamed()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    const QString file = dir.filePath(QStringLiteral("IWM.csv"));
    Run r = run({QStringLiteral("--db"), cache, QStringLiteral("import"), QStringLiteral("--kind"),
                 QStringLiteral("bond"), file});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err, QStringLiteral("indexlens: --kind bond: expected index, etf or rate\n"));
    r = run({QStringLiteral("--db"), cache, QStringLiteral("moves"), QStringLiteral("--by"),
             QStringLiteral("Spreads")});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err, QStringLiteral("indexlens: --by spreads: expected a, b or spread\n"));
    QVERIFY(!QFileInfo::exists(cache)); // refused before a cache is made or opened
}

// Issue #21: `indexlens import` refuses a file with a row after today, naming the file, the line
// and the reason; nothing of it is written, the other files are.
void TestCli::issue21ImportRefusesRowsFromTheFuture()
{
    Fixture f;
    QCOMPARE(run(f.db() + QStringList{QStringLiteral("import"), f.files[0]}).status, 0);
    const QByteArray before = contentChecksum(f.temp.db());
    const QString bad =
        f.temp.writeFile(QStringLiteral("IWB.csv"), "Date,Close\n2024-01-02,100\n2099-12-31,101\n");
    const Run r = run(f.db() + QStringList{QStringLiteral("import"), bad});
    QCOMPARE(r.status, 1);
    QCOMPARE(r.err, QStringLiteral("indexlens: error: %1:3: 2099-12-31 is after today (%2): a row "
                                   "cannot come from the future\n"
                                   "indexlens: 1 of 1 file refused; nothing of it was written\n")
                        .arg(bad, latestPossibleDate().toString(Qt::ISODate)));
    QCOMPARE(contentChecksum(f.temp.db()), before);
}

// Issue #21: a move beyond +100 %/-60 % in a day is imported; `import` prints the note naming the
// days, and `list` marks the symbol from the cache (a later run, any format).
void TestCli::issue21ImportSaysImplausibleMovesAndListMarksThem()
{
    Fixture f;
    const QString odd =
        f.temp.writeFile(QStringLiteral("IWM.csv"), "Date,Close\n2024-02-29,100\n2024-03-01,350\n"
                                                    "2024-03-04,100\n2024-03-05,101\n");
    Run r = run(f.db() + QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                                     QStringLiteral("import"), odd, f.files[1]});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QString note = QStringLiteral("IWM: 2 daily moves beyond +100 %/\u221260 % (2024-03-01 "
                                        "+250.0 %, 2024-03-04 \u221271.4 %): check the data");
    QVERIFY2(r.out.contains(QStringLiteral("%1,IWM,close,4,4,0,0,\"%2\"\n").arg(odd, note)),
             qPrintable(r.out));
    QVERIFY2(!r.out.contains(QStringLiteral("SPY: ")), qPrintable(r.out));

    r = run(f.db() + QStringList{QStringLiteral("list")});
    QCOMPARE(r.status, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 4, qPrintable(r.out)); // header, IWM, SPY, legend
    QVERIFY2(lines[0].trimmed().endsWith(QStringLiteral("implausible")), qPrintable(r.out));
    QVERIFY2(lines[1].startsWith(QStringLiteral("IWM")) &&
                 lines[1].trimmed().endsWith(QStringLiteral(" 2")),
             qPrintable(r.out));
    QVERIFY2(lines[2].startsWith(QStringLiteral("SPY")) &&
                 lines[2].trimmed().endsWith(QStringLiteral(" 0")),
             qPrintable(r.out));
    QCOMPARE(lines[3], QStringLiteral("implausible: daily moves beyond +100 %/\u221260 % in the "
                                      "cached closes (adjusted where present): check the data"));

    r = run(f.db() +
            QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(
        r.out.contains(QStringLiteral("\nIWM,etf,2024-02-29,2024-03-05,4,close,iShares Russell "
                                      "2000 ETF,2\n")),
        qPrintable(r.out));
    QVERIFY2(!r.out.contains(QStringLiteral("implausible:")),
             qPrintable(r.out)); // no legend in CSV
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
