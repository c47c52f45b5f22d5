// SPDX-License-Identifier: GPL-3.0-or-later
// The window's data jobs (issue #3, #4, #6, #11, #21): the empty and the damaged cache, Update and
// Import on the writer thread while the window reads and draws, their status line, their report,
// their progress and Cancel; against a loopback server and the synthetic data of tests/data.
#include "DataJobs.h"
#include "FakeHttpServer.h"
#include "import/CsvImporter.h"
#include "MainWindow.h"
#include "ProviderFixtures.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

namespace {

// Writes the synthetic Yahoo files of `symbols` into `temp` up to 2024-12-31, and their whole
// bars into `full` (what an update then brings).
void importUntil2024(TempDatabase &temp, const QStringList &symbols,
                     std::map<QString, std::vector<Bar>> &full)
{
    const QString dir = syntheticDataDir();
    for (const QString &symbol : symbols) {
        ImportError importError;
        auto file = CsvImporter().parseFile(dir + QStringLiteral("/yahoo/%1.csv").arg(symbol), {},
                                            &importError);
        QVERIFY(file);
        full[symbol] = file->symbols.front().bars;
        auto &bars = file->symbols.front().bars;
        bars.erase(std::remove_if(bars.begin(), bars.end(),
                                  [](const Bar &b) { return b.date > QDate(2024, 12, 31); }),
                   bars.end());
        QString error;
        QVERIFY2(PriceStore(temp.db()).write(*file, QStringLiteral("import"), symbol, &error),
                 qPrintable(error));
    }
}

} // namespace

class TestWindowDataJobs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { m_fx.setUp(); }
    void cleanup() { m_fx.tearDown(); }
    void emptyCacheOffersUpdateAndImport();
    void damagedCacheIsMovedAsideAndSaid();
    void keepsDrawingWhileAnUpdateWrites();
    void importRunsOnTheWriterThread();
    void failedUpdateIsOneLineAndOneReport();
    void updateSaysSymbolAndAttemptAndCancelKeepsWhatArrived();
    void importShowsProgressAndCancels();

private:
    WindowFixture m_fx;
};

void TestWindowDataJobs::emptyCacheOffersUpdateAndImport()
{
    TempDatabase empty;
    MainWindow window(empty.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("emptyUpdate"))->isVisible());
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("emptyImport"))->isVisible());
    QVERIFY(!window.chartView(ChartKind::Ratio)->isVisible());
    // Issue #11, 6: only the empty state; no "unknown symbol SPY" before the first download.
    QVERIFY2(window.statusBar()->currentMessage().isEmpty(),
             qPrintable(window.statusBar()->currentMessage()));
}

// Issue #6: the window opens a new cache in place of a damaged one, and says where the old went.
void TestWindowDataJobs::damagedCacheIsMovedAsideAndSaid()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QFile garbage(path);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, '\x7f'));
    garbage.close();
    MainWindow window(path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("moved to")));
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(
        message.contains(QStringLiteral("the cache was damaged (it is not an SQLite database)")),
        qPrintable(message));
    const QStringList moved =
        QDir(dir.path()).entryList({QStringLiteral("cache.sqlite.damaged-*")}, QDir::Files);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(QFileInfo(dir.filePath(moved[0])).size(), 8192);
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("emptyUpdate"))->isVisible());
}

// Issues #3, #4 and #6: File > Update data downloads into the cache the window shows, and while
// the write waits (another process holds the cache's write lock) the window keeps reading the
// cache and drawing: the write happens on the updater's worker thread.
void TestWindowDataJobs::keepsDrawingWhileAnUpdateWrites()
{
    std::map<QString, std::vector<Bar>> full;
    TempDatabase temp;
    importUntil2024(temp, {QStringLiteral("IWM"), QStringLiteral("SPY")}, full);
    FakeHttpServer server;
    server.setHandler([&](const FakeRequest &r) {
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        return FakeResponse::json(yahooChartJson(
            symbol, full[symbol], r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
            r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    qputenv("INDEXLENS_YAHOO_BASE", server.baseUrl().toUtf8());

    MainWindow window(temp.path());
    window.resize(1600, 1100);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QCOMPARE(window.pair()->last(), QDate(2024, 12, 31));

    QString error;
    auto other = Database::open(temp.path(), &error); // another process, holding the lock
    QVERIFY(other);
    QSqlQuery lock(other->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QAction *update = nullptr;
    for (QAction *action : window.findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Update data")) update = action;
    QVERIFY(update);
    update->trigger();
    QTRY_COMPARE(server.requests.size(), 2);
    QTest::qWait(300); // the answers are in; their writes wait for the lock

    // Reading and drawing go on meanwhile.
    window.pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QCOMPARE(window.pair()->last(), QDate(2024, 12, 31));
    QTest::mouseClick(window.presetButton(QStringLiteral("1Y")), Qt::LeftButton);
    QCOMPARE(window.rangeTo(), QDate(2024, 12, 31));
    QCOMPARE(window.rangeFrom(), QDate(2023, 12, 29)); // on or before 2023-12-31 (issue #22)
    const QImage drawn = window.chartView(ChartKind::Ratio)->grab().toImage();
    QVERIFY(!drawn.isNull());
    QVERIFY(window.statusBar()->currentMessage() != QStringLiteral("Update finished"));

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                              QStringLiteral("Update finished"), 15000);
    qunsetenv("INDEXLENS_YAHOO_BASE");
    QCOMPARE(window.pair()->last(), std::min(full[QStringLiteral("IWM")].back().date,
                                             full[QStringLiteral("SPY")].back().date));
    QCOMPARE(PriceStore(temp.db()).bars(QStringLiteral("IWM")).size(),
             full[QStringLiteral("IWM")].size());
}

// File > Import CSV (after its dialog): the files land in the cache on the writer thread, a bad
// one is refused with its reason, and the window reloads with the new symbols.
void TestWindowDataJobs::importRunsOnTheWriterThread()
{
    const QString dir = syntheticDataDir();
    TempDatabase temp;
    const QString bad = temp.writeFile(QStringLiteral("BAD.csv"), "Date,Close\n2024-01-02,-5\n");
    MainWindow window(temp.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString details;
    connect(window.findChild<DataJobs *>(), &DataJobs::failed, this,
            [&details](const QString &, const QString &text) { details = text; });
    window.importPaths(
        {dir + QStringLiteral("/yahoo/IWM.csv"), dir + QStringLiteral("/yahoo/SPY.csv"), bad});
    QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Importing 3 files")));
    QTRY_VERIFY(
        window.statusBar()->currentMessage().startsWith(QStringLiteral("1 of 3 files refused")));
    // One short status line; the reason per file goes to the dialog's details.
    QVERIFY2(details.contains(QStringLiteral("BAD.csv")), qPrintable(details));
    const auto symbols = PriceStore(temp.db()).list();
    QCOMPARE(symbols.size(), std::size_t(2));
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("emptyUpdate"))->isVisible());
    window.pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QVERIFY(window.pair());
    QCOMPARE(window.pair()->last(), QDate(2025, 9, 26));
}

// Issue #11, 7: a failed update ends with one short status line and one report that lists each
// symbol with its reason (the dialog's collapsed details), not a line per symbol that runs off
// the window.
void TestWindowDataJobs::failedUpdateIsOneLineAndOneReport()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    // Nothing listens on port 9: every request is refused at once.
    for (const char *name : {"INDEXLENS_YAHOO_BASE", "INDEXLENS_TREASURY_BASE",
                             "INDEXLENS_FRED_BASE", "INDEXLENS_FRED_API_BASE"})
        qputenv(name, "http://127.0.0.1:9");
    QStringList reports;
    QString details;
    connect(w->findChild<DataJobs *>(), &DataJobs::failed, this,
            [&](const QString &summary, const QString &text) {
                reports << summary;
                details = text;
            });
    for (QAction *action : w->findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Update data")) action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 1, 20000);
    for (const char *name : {"INDEXLENS_YAHOO_BASE", "INDEXLENS_TREASURY_BASE",
                             "INDEXLENS_FRED_BASE", "INDEXLENS_FRED_API_BASE"})
        qunsetenv(name);
    QCOMPARE(w->statusBar()->currentMessage(), QStringLiteral("Update: 6 of 6 symbols failed"));
    const QStringList lines = details.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 6);
    for (const char *symbol : {"IWM", "SPY", "DGS10", "DGS2", "^GSPC", "^IXIC"})
        QVERIFY2(std::count_if(lines.begin(), lines.end(),
                               [&](const QString &l) {
                                   return l.startsWith(QLatin1String(symbol) +
                                                       QStringLiteral(": "));
                               }) == 1,
                 qPrintable(details));
    QVERIFY(w->pair()); // the charts stay
}

// Issue #21: Update against a server that accepts and never answers (SPY: busy once, then
// silence): the status bar names the symbol in flight and its attempt. Cancel says cancelled, no
// report counts SPY as failed, and IWM, which had arrived, is in the cache.
void TestWindowDataJobs::updateSaysSymbolAndAttemptAndCancelKeepsWhatArrived()
{
    std::map<QString, std::vector<Bar>> full;
    TempDatabase temp;
    importUntil2024(temp, {QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("^GSPC")},
                    full);
    const std::size_t spyBefore = PriceStore(temp.db()).bars(QStringLiteral("SPY")).size();
    int spyRequests = 0;
    FakeHttpServer server;
    server.setHandler([&](const FakeRequest &r) {
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        if (symbol == QLatin1String("SPY"))
            return ++spyRequests == 1 ? FakeResponse{503, "busy", {}, false, -1}
                                      : FakeResponse{200, {}, {}, true, -1};
        if (symbol == QLatin1String("^GSPC")) // a real failure, before Cancel
            return FakeResponse::json(R"({"chart":{"result":null}})", 404);
        return FakeResponse::json(yahooChartJson(
            symbol, full[symbol], r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
            r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    qputenv("INDEXLENS_YAHOO_BASE", server.baseUrl().toUtf8());
    MainWindow window(temp.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList reports;
    QString details;
    connect(window.findChild<DataJobs *>(), &DataJobs::failed, this,
            [&](const QString &summary, const QString &text) {
                reports << summary;
                details = text;
            });
    for (QAction *action : window.findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Update data")) action->trigger();
    // SPY's second attempt hangs; IWM is written and ^GSPC fails meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                              QStringLiteral("Update: fetching SPY (attempt 2 of 3); 2 of 3 done"),
                              15000);
    QCOMPARE(PriceStore(temp.db()).bars(QStringLiteral("IWM")).size(),
             full[QStringLiteral("IWM")].size());
    // The line names the attempt when it is due, before its request leaves (after the retry's
    // pause): wait for the request, so that Cancel meets a hanging reply (CI, stop 27).
    QTRY_COMPARE_WITH_TIMEOUT(spyRequests, 2, 15000);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelJob"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Update cancelled: 1 of 3 symbols updated, 1 cancelled"));
    qunsetenv("INDEXLENS_YAHOO_BASE");
    QVERIFY(!cancel->isVisible());
    // One report, of the one that failed; SPY, cancelled, is not in it.
    QCOMPARE(reports, QStringList{QStringLiteral("Update cancelled: 1 of 3 symbols updated, 1 "
                                                 "cancelled; 1 failed before, the cache keeps "
                                                 "what it had for them.")});
    QVERIFY2(details.startsWith(QStringLiteral("^GSPC: Yahoo Finance: ")) &&
                 !details.contains(QLatin1Char('\n')),
             qPrintable(details));
    QCOMPARE(PriceStore(temp.db()).bars(QStringLiteral("IWM")).size(),
             full[QStringLiteral("IWM")].size());
    QCOMPARE(PriceStore(temp.db()).bars(QStringLiteral("SPY")).size(), spyBefore);
    QCOMPARE(spyRequests, 2);
}

// Issue #21: Import names the file it reads and writes, with a progress bar and Cancel. Cancel
// (here while the first write waits for another connection's lock) keeps the file written and
// writes none of the others.
void TestWindowDataJobs::importShowsProgressAndCancels()
{
    const QString dir = syntheticDataDir();
    TempDatabase temp;
    MainWindow window(temp.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    auto other = Database::open(temp.path(), &error);
    QVERIFY2(other, qPrintable(error));
    QSqlQuery lock(other->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QStringList reports;
    connect(window.findChild<DataJobs *>(), &DataJobs::failed, this,
            [&reports](const QString &summary, const QString &) { reports << summary; });
    window.importPaths({dir + QStringLiteral("/yahoo/IWM.csv"),
                        dir + QStringLiteral("/yahoo/SPY.csv"),
                        dir + QStringLiteral("/fred/DGS10.csv")});
    QVERIFY(window.findChild<QProgressBar *>()->isVisible());
    // The worker said the first write: it goes on with it, and waits for the lock.
    QTRY_VERIFY2_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(
                                  QStringLiteral("Importing 3 files: writing 1 of 3, ")),
                              qPrintable(window.statusBar()->currentMessage()), 15000);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelJob"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QTRY_VERIFY2_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(
                                  QStringLiteral("Import cancelled: 1 of 3 files written (")),
                              qPrintable(window.statusBar()->currentMessage()), 20000);
    QVERIFY(window.statusBar()->currentMessage().endsWith(QStringLiteral("), 2 not written")));
    QVERIFY(!cancel->isVisible());
    QVERIFY(reports.isEmpty());
    QCOMPARE(PriceStore(temp.db()).list().size(), std::size_t(1));
}

QTEST_MAIN(TestWindowDataJobs)
#include "tst_window_datajobs.moc"
