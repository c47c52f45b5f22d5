// SPDX-License-Identifier: GPL-3.0-or-later
// An update and an import as a job (issue #3, #6, #21): a failed symbol leaves the others, Cancel
// stops the rest and keeps what arrived, the write happens on the worker thread while reads go on,
// `indexlens update` reports each symbol, and the settings and the cache path an update needs are
// checked with their field; against a loopback server and the synthetic data of tests/data.
#include "cli/CommandLine.h"
#include "FakeHttpServer.h"
#include "import/CsvImporter.h"
#include "import/ImportBatch.h"
#include "ProviderFixtures.h"
#include "providers/Updater.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"
#include "UpdateFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QTimer>

using namespace indexlens;
using namespace indexlens::test;

class TestUpdateJobs : public QObject, private UpdateFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { loadSyntheticSeries(); }
    void init() { newServerAndCache(); }
    void otherSymbolsStillSucceed();
    void cancelStopsEverything();
    void commandLineUpdateReportsEachSymbol();
    void writesOnWorkerWhileReadsGoOn();
    void settingsProblemsNameTheField();
    void cachePathInAMissingFolderIsRefused();
    void attemptsAreSaidPerSymbolAndCancelKeepsWhatArrived();
    void importBatchStopsBetweenFiles();
};

void TestUpdateJobs::otherSymbolsStillSucceed()
{
    m_server->setHandler([&](const FakeRequest &r) {
        if (r.path.endsWith(QLatin1String("/SPY"))) return FakeResponse{500, "boom", {}, false, -1};
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        if (symbol != QLatin1String("IWM"))
            return FakeResponse::json(
                R"({"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}})",
                404);
        return FakeResponse::json(yahooChartJson(symbol, until(m_iwm, QDate(2024, 1, 31)),
                                                 epoch(QDate(2024, 1, 1)),
                                                 epoch(QDate(2024, 2, 1))));
    });
    const auto outcomes =
        update({QStringLiteral("SPY"), QStringLiteral("IWM"), QStringLiteral("NOPE")},
               eveningOf(QDate(2024, 1, 31)));
    QCOMPARE(outcomes.size(), std::size_t(3));
    std::map<QString, UpdateOutcome> by;
    for (const auto &o : outcomes)
        by[o.symbol] = o;
    QVERIFY(by[QStringLiteral("IWM")].ok);
    QCOMPARE(by[QStringLiteral("IWM")].summary.added, 21);
    QVERIFY(!by[QStringLiteral("SPY")].ok);
    QVERIFY(by[QStringLiteral("SPY")].error.contains(QStringLiteral("HTTP 500")));
    QVERIFY(by[QStringLiteral("NOPE")].error.startsWith(QStringLiteral("unknown symbol")));
    QVERIFY(!PriceStore(m_temp->db()).instrument(QStringLiteral("SPY")));
}

void TestUpdateJobs::cancelStopsEverything()
{
    m_server->setHandler([](const FakeRequest &) { return FakeResponse{200, {}, {}, true, -1}; });
    const QByteArray before = contentChecksum(m_temp->db());
    ProviderSettings s = settings();
    s.http.idleTimeoutMs = 60000;
    s.concurrency = 2;
    Updater updater(m_temp->db(), s);
    QSignalSpy finished(&updater, &Updater::finished);
    QSignalSpy started(&updater, &Updater::symbolStarted);
    updater.start({QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("QQQ")}, false);
    QTRY_COMPARE(m_server->requests.size(), 2); // two in flight, one waiting
    QElapsedTimer timer;
    timer.start();
    updater.cancel();
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(updater.outcomes().size(), std::size_t(3));
    for (const UpdateOutcome &o : updater.outcomes()) {
        QVERIFY(!o.ok);
        QVERIFY2(o.error.startsWith(QStringLiteral("cancelled")), qPrintable(o.error));
    }
    QCOMPARE(started.count(), 2);
    QCOMPARE(contentChecksum(m_temp->db()), before);
}

void TestUpdateJobs::commandLineUpdateReportsEachSymbol()
{
    m_server->setHandler([&](const FakeRequest &r) {
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        if (symbol == QLatin1String("IWM"))
            return FakeResponse::json(yahooChartJson(
                symbol, m_iwm, r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
                r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
        return FakeResponse::json(
            R"({"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}})",
            404);
    });
    qputenv("INDEXLENS_YAHOO_BASE", (m_server->baseUrl() + QStringLiteral("/yahoo")).toUtf8());
    qputenv("INDEXLENS_SETTINGS", (m_temp->dir() + QStringLiteral("/settings.ini")).toUtf8());
    QString out, err;
    QTextStream o(&out), e(&err);
    const int status =
        runCommandLine({QStringLiteral("indexlens"), QStringLiteral("--db"), m_temp->path(),
                        QStringLiteral("update"), QStringLiteral("IWM"), QStringLiteral("BOGUS"),
                        QStringLiteral("--format"), QStringLiteral("csv")},
                       o, e);
    o.flush();
    e.flush();
    qunsetenv("INDEXLENS_YAHOO_BASE");
    qunsetenv("INDEXLENS_SETTINGS");
    QCOMPARE(status, 1);
    QVERIFY2(err.contains(QStringLiteral("] IWM: %1 added, 0 changed (Yahoo Finance, full history)")
                              .arg(m_iwm.size())),
             qPrintable(err));
    QVERIFY2(
        err.contains(QStringLiteral("] BOGUS: FAILED: Yahoo Finance: unknown symbol (HTTP 404")),
        qPrintable(err));
    QVERIFY(err.contains(
        QStringLiteral("1 of 2 symbols failed; the cache keeps what it had for them")));
    QVERIFY(out.startsWith(QStringLiteral("symbol,provider,from,added,changed,status,note\n")));
    QVERIFY2(
        out.contains(QStringLiteral("IWM,Yahoo Finance,1900-01-01,%1,0,ok,").arg(m_iwm.size())),
        qPrintable(out));
}

// Issue #6: the window keeps reading and drawing while an update writes. Another process holds
// the write lock; the update's write waits for it on the writer thread while this thread's event
// loop runs on and reads the cache. (With the write on this thread, the event loop would freeze
// for the 5 s busy timeout and the write would then fail with "database is locked".)
void TestUpdateJobs::writesOnWorkerWhileReadsGoOn()
{
    m_server->setHandler([&](const FakeRequest &r) {
        return FakeResponse::json(
            yahooChartJson(QStringLiteral("IWM"), until(m_iwm, QDate(2024, 1, 31)),
                           r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
                           r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    QString error;
    auto holder = Database::open(m_temp->path(), &error); // as another process would
    QVERIFY2(holder, qPrintable(error));
    QSqlQuery lock(holder->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

    Updater updater(m_temp->db(), settings());
    updater.setClock([] { return eveningOf(QDate(2024, 1, 31)); });
    QSignalSpy finished(&updater, &Updater::finished);
    QThread *writerThread = nullptr;
    QObject::connect(&updater, &Updater::symbolFinished, this,
                     [&] { writerThread = QThread::currentThread(); });
    updater.start({QStringLiteral("IWM")}, false);
    QVERIFY(QTest::qWaitFor([&] { return m_server->requests.size() == 1; }, 10000));
    // The answer is in and its write waits for the lock (up to 3 x 5 s). Meanwhile this thread's
    // event loop runs timers and reads the cache, again and again.
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
    timer.start(10);
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(25);
        QVERIFY(PriceStore(m_temp->db()).list().empty()); // not landed; reading not blocked
    }
    QVERIFY(ticks > 0);
    QVERIFY(finished.isEmpty()); // the write still waits for the lock
    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QVERIFY(finished.wait(10000));
    QCOMPARE(updater.outcomes().size(), std::size_t(1));
    QVERIFY2(updater.outcomes()[0].ok, qPrintable(updater.outcomes()[0].error));
    QCOMPARE(writerThread, QThread::currentThread()); // results come back to the owner's thread
    QCOMPARE(PriceStore(m_temp->db()).bars(QStringLiteral("IWM")).size(),
             until(m_iwm, QDate(2024, 1, 31)).size());
}

// Issue #21: what cannot work is refused with its field and reason, in app/ (the settings dialog
// shows it): a base URL that is not http(s)://host, a default set with "!!" or ";", concurrency
// outside 1 to 16.
void TestUpdateJobs::settingsProblemsNameTheField()
{
    QVERIFY(ProviderSettings().problems().empty()); // the defaults can work
    const auto only = [](const ProviderSettings &s) {
        const std::vector<SettingsProblem> p = s.problems();
        if (p.size() != 1) qFatal("expected one problem, got %d", int(p.size()));
        return p.front();
    };
    ProviderSettings s;
    s.yahooBase = QStringLiteral("ftp://example.com");
    SettingsProblem p = only(s);
    QCOMPARE(p.field, QStringLiteral("yahooBase"));
    QCOMPARE(p.reason,
             QStringLiteral("\"ftp://example.com\" is not an http:// or https:// address"));
    s = {};
    s.fredApiBase = QStringLiteral("api.stlouisfed.org"); // no scheme
    QCOMPARE(only(s).field, QStringLiteral("fredApiBase"));
    s = {};
    s.stooqBase = QStringLiteral("https://");
    QCOMPARE(only(s).reason, QStringLiteral("\"https://\" names no host"));
    s = {};
    s.treasuryBase = QStringLiteral("HTTP://127.0.0.1:8080/treasury"); // any case of the scheme
    QVERIFY(s.problems().empty());

    s = {};
    s.defaultSet << QStringLiteral("!!");
    p = only(s);
    QCOMPARE(p.field, QStringLiteral("defaultSet"));
    QCOMPARE(p.reason, QStringLiteral("\"!!\" is not a symbol (letters, digits and ^ . = _ - only, "
                                      "at most 32)"));
    s.defaultSet = splitSymbolList(QStringLiteral("IWM; SPY, QQQ"));
    QCOMPARE(s.defaultSet, (QStringList{QStringLiteral("IWM; SPY"), QStringLiteral("QQQ")}));
    QCOMPARE(only(s).reason,
             QStringLiteral("\"IWM; SPY\" is not a symbol; separate symbols with commas"));
    s.defaultSet = splitSymbolList(QStringLiteral(" iwm , ^GSPC,,BRK-B, EURUSD=X "));
    QVERIFY(s.problems().empty());

    for (int bad : {0, -1, 17, 100}) {
        s = {};
        s.concurrency = bad;
        p = only(s);
        QCOMPARE(p.field, QStringLiteral("concurrency"));
        QCOMPARE(p.reason, QStringLiteral("%1 is outside 1 to 16").arg(bad));
    }
    for (int good : {1, 16}) {
        s.concurrency = good;
        QVERIFY(s.problems().empty());
    }
    // Several at once: each field once.
    s = {};
    s.yahooBase = QStringLiteral("x");
    s.concurrency = 40;
    s.defaultSet = {QStringLiteral("!!"), QStringLiteral("a;b")};
    QStringList fields;
    for (const SettingsProblem &problem : s.problems())
        fields << problem.field;
    QCOMPARE(fields, (QStringList{QStringLiteral("defaultSet"), QStringLiteral("yahooBase"),
                                  QStringLiteral("concurrency")}));
}

// Issue #21: a cache path whose folder does not exist is refused with the folder to offer;
// nothing is created. A folder given as the file is refused; the default (empty) and a file in an
// existing folder pass.
void TestUpdateJobs::cachePathInAMissingFolderIsRefused()
{
    const QString missing = m_temp->dir() + QStringLiteral("/not/yet");
    const auto p = cachePathProblem(missing + QStringLiteral("/cache.sqlite"));
    QVERIFY(p);
    QCOMPARE(p->field, QStringLiteral("cachePath"));
    QCOMPARE(p->missingFolder, missing);
    QCOMPARE(p->reason,
             QStringLiteral("the folder %1 does not exist").arg(QDir::toNativeSeparators(missing)));
    QVERIFY(!QFileInfo::exists(m_temp->dir() + QStringLiteral("/not")));
    const auto folder = cachePathProblem(m_temp->dir());
    QVERIFY(folder);
    QVERIFY(folder->missingFolder.isEmpty());
    QCOMPARE(folder->reason, QStringLiteral("%1 is a folder, not a file").arg(m_temp->dir()));
    QVERIFY(!cachePathProblem(QString()));
    QVERIFY(!cachePathProblem(m_temp->dir() + QStringLiteral("/other.sqlite")));
}

// Issue #21: against a server that accepts and never answers, each attempt is said for its
// symbol; cancel() ends the rest as cancelled (not failed) and keeps what had been written.
void TestUpdateJobs::attemptsAreSaidPerSymbolAndCancelKeepsWhatArrived()
{
    int spyRequests = 0;
    m_server->setHandler([&](const FakeRequest &r) {
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        if (symbol == QLatin1String("SPY")) // busy once, then accepts and never answers
            return ++spyRequests == 1 ? FakeResponse{503, "busy", {}, false, -1}
                                      : FakeResponse{200, {}, {}, true, -1};
        return FakeResponse::json(
            yahooChartJson(symbol, until(m_iwm, QDate(2024, 1, 31)),
                           r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
                           r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    ProviderSettings s = settings();
    s.http.idleTimeoutMs = 60000;
    s.http.totalTimeoutMs = 120000;
    s.concurrency = 2;
    Updater updater(m_temp->db(), s);
    updater.setClock([] { return eveningOf(QDate(2024, 1, 31)); });
    QSignalSpy attempts(&updater, &Updater::attemptStarted);
    QSignalSpy finishedSymbols(&updater, &Updater::symbolFinished);
    QSignalSpy finished(&updater, &Updater::finished);
    updater.start({QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("QQQ")}, false);
    // IWM lands and QQQ, after it, too; SPY hangs in its second attempt.
    QTRY_COMPARE_WITH_TIMEOUT(finishedSymbols.count(), 2, 20000);
    QTRY_COMPARE(spyRequests, 2);
    QStringList said;
    for (const QList<QVariant> &a : attempts)
        said << QStringLiteral("%1 %2/%3").arg(a[0].toString()).arg(a[1].toInt()).arg(a[2].toInt());
    said.sort();
    QCOMPARE(said, (QStringList{QStringLiteral("IWM 1/3"), QStringLiteral("QQQ 1/3"),
                                QStringLiteral("SPY 1/3"), QStringLiteral("SPY 2/3")}));
    updater.cancel();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    std::map<QString, UpdateOutcome> by;
    for (const UpdateOutcome &o : updater.outcomes())
        by[o.symbol] = o;
    QVERIFY(by[QStringLiteral("IWM")].ok && !by[QStringLiteral("IWM")].cancelled);
    QVERIFY(by[QStringLiteral("QQQ")].ok);
    QVERIFY(!by[QStringLiteral("SPY")].ok);
    QVERIFY(by[QStringLiteral("SPY")].cancelled);
    QCOMPARE(by[QStringLiteral("SPY")].error, QStringLiteral("cancelled"));
    PriceStore store(m_temp->db());
    QCOMPARE(store.bars(QStringLiteral("IWM")).size(), until(m_iwm, QDate(2024, 1, 31)).size());
    QCOMPARE(store.bars(QStringLiteral("QQQ")).size(), until(m_iwm, QDate(2024, 1, 31)).size());
    QVERIFY(!store.instrument(QStringLiteral("SPY")));
}

// Issue #21: a batch can be stopped between two files. Files written before stay, each its own
// transaction; the others are not written and come back cancelled; refused ones keep their error.
void TestUpdateJobs::importBatchStopsBetweenFiles()
{
    const QString dir = syntheticDataDir();
    const QString bad = m_temp->writeFile(QStringLiteral("BAD.csv"), "Date,Close\n2024-01-02,-5\n");
    const QStringList files{dir + QStringLiteral("/yahoo/IWM.csv"), bad,
                            dir + QStringLiteral("/yahoo/SPY.csv"),
                            dir + QStringLiteral("/fred/DGS10.csv")};
    PriceStore store(m_temp->db());
    QStringList steps;
    QString firstWritten;
    const auto results = importFiles(store, files, {}, CsvImporter(), [&](const ImportStep &step) {
        const bool reading = step.stage == ImportStep::Stage::Reading;
        steps << QStringLiteral("%1 %2/%3 %4")
                     .arg(reading ? QStringLiteral("read") : QStringLiteral("write"))
                     .arg(step.index + 1)
                     .arg(step.total)
                     .arg(QFileInfo(step.path).fileName());
        if (reading) return true;
        if (firstWritten.isEmpty()) {
            firstWritten = step.path;
            return true;
        }
        return false; // Cancel after the first file written
    });
    QCOMPARE(steps.size(), 4 + 2);
    QCOMPARE(
        steps.mid(0, 4),
        (QStringList{QStringLiteral("read 1/4 IWM.csv"), QStringLiteral("read 2/4 BAD.csv"),
                     QStringLiteral("read 3/4 SPY.csv"), QStringLiteral("read 4/4 DGS10.csv")}));
    // The refused file is passed first (step 1 of the writes), then the first good one.
    QVERIFY2(steps[4].startsWith(QStringLiteral("write 2/4 ")), qPrintable(steps[4]));
    int written = 0, cancelled = 0;
    for (const FileImportResult &r : results) {
        if (r.path == bad) {
            QVERIFY(r.error && !r.cancelled);
            continue;
        }
        QVERIFY(!r.error);
        if (r.path == firstWritten) {
            ++written;
            QVERIFY(!r.cancelled);
            QVERIFY(!r.summaries.empty());
        } else {
            ++cancelled;
            QVERIFY(r.cancelled);
            QVERIFY(r.summaries.empty());
        }
    }
    QCOMPARE(written, 1);
    QCOMPARE(cancelled, 2);
    QCOMPARE(store.list().size(), std::size_t(1)); // only the first file's symbol

    // Stopped while reading: nothing is written.
    TempDatabase other;
    PriceStore otherStore(other.db());
    const auto none = importFiles(otherStore, files, {}, CsvImporter(),
                                  [](const ImportStep &step) { return step.index < 2; });
    QCOMPARE(std::count_if(none.begin(), none.end(),
                           [](const FileImportResult &r) { return r.cancelled; }),
             3); // the refused one is said as refused
    QVERIFY(otherStore.list().empty());
}

QTEST_GUILESS_MAIN(TestUpdateJobs)
#include "tst_update_jobs.moc"
