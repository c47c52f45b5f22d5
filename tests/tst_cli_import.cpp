// SPDX-License-Identifier: GPL-3.0-or-later
// `indexlens import` and `list` (issue #14, #21): what lands in the cache and what is refused with
// its file, line and reason, the notes on implausible moves, and read-only commands that create no
// cache.
#include "CliFixture.h"
#include "core/DataChecks.h"
#include "TestCommon.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

class TestCliImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7")); }
    void importAndList();
    void importRefusesBadFileAndKeepsOthers();
    void readOnlyCommandsCreateNothing();
    void importRefusesRowsFromTheFuture();
    void importSaysImplausibleMovesAndListMarksThem();
};

void TestCliImport::importAndList()
{
    CliFixture f;
    CommandRun r = runCommand(f.db() + QStringList{QStringLiteral("import")} + f.files);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    // Issue #14, 12: said once, in the right number ("1 days ..." before).
    QCOMPARE(r.out.count(QStringLiteral("missing values")), 1);
    QVERIFY2(r.out.contains(QStringLiteral("1 day with missing values skipped")),
             qPrintable(r.out));
    r = runCommand(f.db() + QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                        QStringLiteral("csv")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out,
             QStringLiteral("symbol,kind,first,last,rows,source,name,implausible_moves\n"
                            "IWM,etf,2023-12-29,2024-01-04,4,yahoo,iShares Russell 2000 ETF,0\n"
                            "SPY,etf,2023-12-29,2024-01-04,4,close,SPDR S&P 500 ETF,0\n"
                            "DGS10,rate,2023-12-29,2024-01-04,3,fred,"
                            "10-Year Treasury yield (constant maturity),\n"));
    // Importing the same files again changes nothing.
    r = runCommand(
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

void TestCliImport::importRefusesBadFileAndKeepsOthers()
{
    CliFixture f;
    const QString bad = f.temp.writeFile(QStringLiteral("IWB.csv"), "Date,Close\n2024-01-02,abc\n");
    const CommandRun r =
        runCommand(f.db() + QStringList{QStringLiteral("import"), bad, f.files[0]});
    QCOMPARE(r.status, 1);
    QVERIFY2(r.err.contains(bad + QStringLiteral(":2: Close 'abc' is not a number")),
             qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("1 of 2 files refused")));
    const CommandRun list = runCommand(f.db() + QStringList{QStringLiteral("list")});
    QVERIFY(list.out.contains(QStringLiteral("IWM")));
    QVERIFY(!list.out.contains(QStringLiteral("IWB")));
}

// Issue #14, 6: `list` or `returns` with --db in a folder that does not exist made the folder
// and an empty cache, then said "unknown symbol". A command that only reads says there is no
// cache and exits 2, creating nothing; import still makes the cache where it is told to.
void TestCliImport::readOnlyCommandsCreateNothing()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("no/such/folder"));
    const QString path = folder + QStringLiteral("/cache.sqlite");
    for (const QStringList &command :
         {QStringList{QStringLiteral("list")},
          QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"), QStringLiteral("IWM"),
                      QStringLiteral("--ytd-as-of"), QStringLiteral("2024-01-04")}}) {
        const CommandRun r = runCommand(QStringList{QStringLiteral("--db"), path} + command);
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err,
                 QStringLiteral("indexlens: no cache at %1 (import or update first)\n").arg(path));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
    }
    CliFixture f;
    const CommandRun imported =
        runCommand(QStringList{QStringLiteral("--db"), path, QStringLiteral("import")} + f.files);
    QCOMPARE(imported.status, 0);
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(runCommand({QStringLiteral("--db"), path, QStringLiteral("list")}).status, 0);
}

// Issue #21: `indexlens import` refuses a file with a row after today, naming the file, the line
// and the reason; nothing of it is written, the other files are.
void TestCliImport::importRefusesRowsFromTheFuture()
{
    CliFixture f;
    QCOMPARE(runCommand(f.db() + QStringList{QStringLiteral("import"), f.files[0]}).status, 0);
    const QByteArray before = contentChecksum(f.temp.db());
    const QString bad =
        f.temp.writeFile(QStringLiteral("IWB.csv"), "Date,Close\n2024-01-02,100\n2099-12-31,101\n");
    const CommandRun r = runCommand(f.db() + QStringList{QStringLiteral("import"), bad});
    QCOMPARE(r.status, 1);
    QCOMPARE(r.err, QStringLiteral("indexlens: error: %1:3: 2099-12-31 is after today (%2): a row "
                                   "cannot come from the future\n"
                                   "indexlens: 1 of 1 file refused; nothing of it was written\n")
                        .arg(bad, latestPossibleDate().toString(Qt::ISODate)));
    QCOMPARE(contentChecksum(f.temp.db()), before);
}

// Issue #21: a move beyond +100 %/-60 % in a day is imported; `import` prints the note naming the
// days, and `list` marks the symbol from the cache (a later run, any format).
void TestCliImport::importSaysImplausibleMovesAndListMarksThem()
{
    CliFixture f;
    const QString odd =
        f.temp.writeFile(QStringLiteral("IWM.csv"), "Date,Close\n2024-02-29,100\n2024-03-01,350\n"
                                                    "2024-03-04,100\n2024-03-05,101\n");
    CommandRun r =
        runCommand(f.db() + QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                                        QStringLiteral("import"), odd, f.files[1]});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QString note = QStringLiteral("IWM: 2 daily moves beyond +100 %/\u221260 % (2024-03-01 "
                                        "+250.0 %, 2024-03-04 \u221271.4 %): check the data");
    QVERIFY2(r.out.contains(QStringLiteral("%1,IWM,close,4,4,0,0,\"%2\"\n").arg(odd, note)),
             qPrintable(r.out));
    QVERIFY2(!r.out.contains(QStringLiteral("SPY: ")), qPrintable(r.out));

    r = runCommand(f.db() + QStringList{QStringLiteral("list")});
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

    r = runCommand(f.db() + QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                        QStringLiteral("csv")});
    QVERIFY2(
        r.out.contains(QStringLiteral("\nIWM,etf,2024-02-29,2024-03-05,4,close,iShares Russell "
                                      "2000 ETF,2\n")),
        qPrintable(r.out));
    QVERIFY2(!r.out.contains(QStringLiteral("implausible:")),
             qPrintable(r.out)); // no legend in CSV
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
