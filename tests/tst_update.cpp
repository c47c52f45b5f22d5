// SPDX-License-Identifier: GPL-3.0-or-later
// Downloads from a loopback server that speaks each provider's real format, built from
// ../shared/market-data, and injects every failure the providers show in practice (issue #3).
#include "cli/CommandLine.h"
#include "FakeHttpServer.h"
#include "import/CsvImporter.h"
#include "import/ImportBatch.h"
#include "ProviderFixtures.h"
#include "providers/Updater.h"
#include "TestCommon.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTimeZone>

using namespace indexlens;
using namespace indexlens::test;

namespace {

std::vector<Bar> barsFrom(const QString &file)
{
    ImportError error;
    const auto parsed = CsvImporter().parseFile(file, {}, &error);
    if (!parsed) qFatal("%s", qPrintable(error.toString()));
    return parsed->symbols.front().bars;
}

Series ratesFrom(const QString &file)
{
    ImportError error;
    const auto parsed = CsvImporter().parseFile(file, {}, &error);
    if (!parsed) qFatal("%s", qPrintable(error.toString()));
    return parsed->symbols.front().rates;
}

std::vector<Bar> until(const std::vector<Bar> &bars, const QDate &last)
{
    std::vector<Bar> out;
    for (const Bar &b : bars)
        if (b.date <= last) out.push_back(b);
    return out;
}

QDateTime eveningOf(const QDate &date)
{
    return QDateTime(date, QTime(22, 0), Qt::UTC);
}

qint64 epoch(const QDate &date)
{
    return date.startOfDay(Qt::UTC).toSecsSinceEpoch();
}

} // namespace

class TestUpdate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void yahooFullThenIncremental();
    void dividendTriggersFullRefetch();
    void crumbFlowOnceForTheSession();
    void treasuryYieldsAndSpread();
    void fredKeylessAndApi();
    void retriesServerErrorsThenSucceeds();
    void honoursRetryAfter();
    void failuresLeaveTheCacheUnchanged_data();
    void failuresLeaveTheCacheUnchanged();
    void otherSymbolsStillSucceed();
    void offline();
    void cancelStopsEverything();
    void commandLineUpdate();
    void writesOnWorkerWhileReadsGoOn();
    void issue21SettingsProblemsNameTheField();
    void issue21CachePathInAMissingFolder();
    void issue21AttemptsAreSaidPerSymbolAndCancelKeepsWhatArrived();
    void issue21SharedCrumbKeepsEachSymbolsAttempts();
    void issue21ImportBatchStopsBetweenFiles();

private:
    std::vector<UpdateOutcome> update(const QStringList &symbols, const QDateTime &now,
                                      bool full = false);
    ProviderSettings settings() const;
    void seedForIncrementalUpdates();
    FakeResponse failureResponse(const QString &failure, const FakeRequest &r,
                                 const QByteArray &chart) const;

    std::vector<Bar> m_iwm, m_spy;
    Series m_dgs10, m_dgs2;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<TempDatabase> m_temp;
    QString m_fredKey;
    int m_idleTimeoutMs = 5000;
};

void TestUpdate::initTestCase()
{
    const QString dir = syntheticDataDir();
    m_iwm = barsFrom(dir + QStringLiteral("/yahoo/IWM.csv"));
    m_spy = barsFrom(dir + QStringLiteral("/yahoo/SPY.csv"));
    m_dgs10 = ratesFrom(dir + QStringLiteral("/fred/DGS10.csv"));
    m_dgs2 = ratesFrom(dir + QStringLiteral("/fred/DGS2.csv"));
}

void TestUpdate::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    m_temp = std::make_unique<TempDatabase>();
    m_fredKey.clear();
    m_idleTimeoutMs = 5000;
}

ProviderSettings TestUpdate::settings() const
{
    ProviderSettings s;
    const QString base = m_server->baseUrl();
    s.yahooBase = base + QStringLiteral("/yahoo");
    s.yahooCookieUrl = base + QStringLiteral("/cookie");
    s.treasuryBase = base + QStringLiteral("/treasury");
    s.fredBase = base + QStringLiteral("/fred");
    s.fredApiBase = base + QStringLiteral("/fredapi");
    s.stooqBase = base + QStringLiteral("/stooq");
    s.fredApiKey = m_fredKey;
    s.providerOverrides.insert(QStringLiteral("STQ"), QStringLiteral("stooq"));
    // Short only where a test waits for the timeout: under ASan on a busy machine a 400 ms pause
    // within a redirect chain happens, and its retry adds requests to the count.
    s.http.idleTimeoutMs = m_idleTimeoutMs;
    s.http.totalTimeoutMs = 10000;
    s.http.backoffMs = 50;
    s.http.maxAttempts = 3;
    return s;
}

std::vector<UpdateOutcome> TestUpdate::update(const QStringList &symbols, const QDateTime &now,
                                              bool full)
{
    Updater updater(m_temp->db(), settings());
    updater.setClock([now] { return now; });
    QSignalSpy finished(&updater, &Updater::finished);
    updater.start(symbols, full);
    if (finished.isEmpty() && !finished.wait(30000)) qFatal("the update did not finish");
    return updater.outcomes();
}

void TestUpdate::yahooFullThenIncremental()
{
    QDate served = QDate(2024, 6, 28);
    m_server->setHandler([&](const FakeRequest &r) {
        if (r.path != QLatin1String("/yahoo/v8/finance/chart/IWM"))
            return FakeResponse{404, {}, {}, false, -1};
        return FakeResponse::json(
            yahooChartJson(QStringLiteral("IWM"), until(m_iwm, served),
                           r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
                           r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    auto outcomes = update({QStringLiteral("IWM")}, eveningOf(served));
    QCOMPARE(outcomes.size(), std::size_t(1));
    QVERIFY2(outcomes[0].ok, qPrintable(outcomes[0].error));
    QVERIFY(outcomes[0].full);
    const int expected = int(until(m_iwm, served).size());
    QCOMPARE(outcomes[0].summary.added, expected);
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(m_server->requests[0].query.queryItemValue(QStringLiteral("period1")).toLongLong(),
             epoch(QDate(1900, 1, 1)));
    QCOMPARE(m_server->requests[0].headers.value("user-agent").left(11), QByteArray("Mozilla/5.0"));
    PriceStore store(m_temp->db());
    QCOMPARE(store.bars(QStringLiteral("IWM")).back().date, served);
    QCOMPARE(store.instrument(QStringLiteral("IWM"))->source, QStringLiteral("yahoo"));

    // Two weeks later: only the recent window is asked for, only the new days are added.
    served = QDate(2024, 7, 12);
    m_server->requests.clear();
    outcomes = update({QStringLiteral("IWM")}, eveningOf(served));
    QVERIFY2(outcomes[0].ok, qPrintable(outcomes[0].error));
    QVERIFY(!outcomes[0].full);
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(m_server->requests[0].query.queryItemValue(QStringLiteral("period1")).toLongLong(),
             epoch(QDate(2024, 6, 28).addDays(-Updater::kOverlapDays)));
    // 07-01, 02, 03, 05, 08, 09, 10, 11, 12 (07-04 is a holiday).
    QCOMPARE(outcomes[0].summary.added, 9);
    QCOMPARE(outcomes[0].summary.changed, 0);
    QCOMPARE(store.bars(QStringLiteral("IWM")).size(), std::size_t(expected + 9));
    const auto log = store.log(QStringLiteral("IWM"));
    QCOMPARE(log.back().action, QStringLiteral("update"));
    QCOMPARE(log.back().source, QStringLiteral("Yahoo Finance"));
    QCOMPARE(log.back().rowsAdded, 9);
}

void TestUpdate::dividendTriggersFullRefetch()
{
    QDate served = QDate(2024, 6, 7);
    double factor = 1.0;
    m_server->setHandler([&](const FakeRequest &r) {
        return FakeResponse::json(
            yahooChartJson(QStringLiteral("IWM"), until(m_iwm, served),
                           r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
                           r.query.queryItemValue(QStringLiteral("period2")).toLongLong(), factor));
    });
    QVERIFY(update({QStringLiteral("IWM")}, eveningOf(served))[0].ok);
    // A dividend went ex on 06-11: every earlier adjusted close is now x0.9925.
    served = QDate(2024, 6, 14);
    factor = 0.9925;
    m_server->requests.clear();
    const auto outcomes = update({QStringLiteral("IWM")}, eveningOf(served));
    QVERIFY2(outcomes[0].ok, qPrintable(outcomes[0].error));
    QVERIFY(outcomes[0].full);
    QCOMPARE(m_server->requests.size(), 2); // the recent window, then the whole history
    QCOMPARE(m_server->requests[1].query.queryItemValue(QStringLiteral("period1")).toLongLong(),
             epoch(QDate(1900, 1, 1)));
    QVERIFY2(outcomes[0].notes.join(QString()).contains(QStringLiteral("adjusted history changed")),
             qPrintable(outcomes[0].notes.join(QLatin1Char('|'))));
    const auto bars = PriceStore(m_temp->db()).bars(QStringLiteral("IWM"));
    COMPARE_NEAR(*bars.front().adjClose, *m_iwm.front().adjClose * 0.9925, 1e-9);
    QCOMPARE(outcomes[0].summary.added, 5);
}

void TestUpdate::crumbFlowOnceForTheSession()
{
    int crumbRequests = 0;
    m_server->setHandler([&](const FakeRequest &r) {
        if (r.path == QLatin1String("/cookie"))
            return FakeResponse{
                404, "no page", {{"Set-Cookie", "A3=d=AQABBKx; Path=/"}}, false, -1};
        if (r.path == QLatin1String("/yahoo/v1/test/getcrumb")) {
            ++crumbRequests;
            if (!r.headers.value("cookie").contains("A3=d=AQABBKx"))
                return FakeResponse{401, "no cookie", {}, false, -1};
            return FakeResponse{200, "Xy7.crumb/9", {{"Content-Type", "text/plain"}}, false, -1};
        }
        if (r.query.queryItemValue(QStringLiteral("crumb")) != QLatin1String("Xy7.crumb/9"))
            return FakeResponse::json(
                R"({"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}})",
                401);
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        return FakeResponse::json(yahooChartJson(
            symbol, until(symbol == QLatin1String("IWM") ? m_iwm : m_spy, QDate(2024, 1, 31)),
            epoch(QDate(2024, 1, 1)), epoch(QDate(2024, 2, 1))));
    });
    ProviderSettings s = settings();
    s.concurrency = 1; // one after the other: the second must reuse the crumb
    Updater updater(m_temp->db(), s);
    updater.setClock([] { return eveningOf(QDate(2024, 1, 31)); });
    QSignalSpy finished(&updater, &Updater::finished);
    updater.start({QStringLiteral("IWM"), QStringLiteral("SPY")}, false);
    QVERIFY(finished.wait(20000));
    for (const UpdateOutcome &o : updater.outcomes())
        QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(crumbRequests, 1);
    QStringList paths;
    for (const FakeRequest &r : m_server->requests)
        paths << r.path + (r.query.hasQueryItem(QStringLiteral("crumb")) ? QStringLiteral("+crumb")
                                                                         : QString());
    QCOMPARE(paths,
             (QStringList{QStringLiteral("/yahoo/v8/finance/chart/IWM"), QStringLiteral("/cookie"),
                          QStringLiteral("/yahoo/v1/test/getcrumb"),
                          QStringLiteral("/yahoo/v8/finance/chart/IWM+crumb"),
                          QStringLiteral("/yahoo/v8/finance/chart/SPY+crumb")}));
    QCOMPARE(PriceStore(m_temp->db()).bars(QStringLiteral("SPY")).size(), std::size_t(21));
}

void TestUpdate::treasuryYieldsAndSpread()
{
    m_server->setHandler([&](const FakeRequest &r) {
        const int year = r.path.section(QLatin1Char('/'), -2, -2).toInt();
        if (!r.path.startsWith(QLatin1String("/treasury/resource-center/data-chart-center/"
                                             "interest-rates/daily-treasury-rates.csv/")) ||
            r.query.queryItemValue(QStringLiteral("type")) !=
                QLatin1String("daily_treasury_yield_curve") ||
            r.query.queryItemValue(QStringLiteral("field_tdr_date_value")).toInt() != year)
            return FakeResponse{404, {}, {}, false, -1};
        return FakeResponse::csv(treasuryCsv(year, m_dgs10, m_dgs2));
    });
    const auto outcomes =
        update({QStringLiteral("DGS10"), QStringLiteral("DGS2"), QStringLiteral("T10Y2Y")},
               eveningOf(QDate(2023, 12, 29)));
    for (const UpdateOutcome &o : outcomes) {
        QVERIFY2(o.ok, qPrintable(o.symbol + QStringLiteral(": ") + o.error));
        QCOMPARE(o.provider, QStringLiteral("US Treasury"));
    }
    const PriceStore store(m_temp->db());
    const Series dgs10 = store.rates(QStringLiteral("DGS10"));
    QCOMPARE(dgs10.front().date, QDate(2022, 1, 3)); // the synthetic data's first day
    QCOMPARE(valueAsOf(dgs10, QDate(2023, 6, 30)).value(), 3.81);
    QCOMPARE(valueAsOf(dgs10, QDate(2023, 10, 31)).value(), 4.88);
    QVERIFY(!std::any_of(dgs10.begin(), dgs10.end(),
                         [](const DatedValue &p) { return p.date == QDate(2023, 10, 9); }));
    QCOMPARE(valueAsOf(store.rates(QStringLiteral("DGS2")), QDate(2023, 6, 30)).value(), 4.87);
    QCOMPARE(valueAsOf(store.rates(QStringLiteral("T10Y2Y")), QDate(2023, 6, 30)).value(), -1.06);
    // 34 years, each fetched once for the three series.
    QCOMPARE(m_server->requests.size(), 2023 - 1990 + 1);
}

void TestUpdate::fredKeylessAndApi()
{
    m_server->setHandler([&](const FakeRequest &r) {
        const QDate start =
            QDate::fromString(r.query.queryItemValue(r.path.startsWith(QLatin1String("/fredapi"))
                                                         ? QStringLiteral("observation_start")
                                                         : QStringLiteral("cosd")),
                              Qt::ISODate);
        if (r.path == QLatin1String("/fred/graph/fredgraph.csv"))
            return FakeResponse::csv(fredGraphCsv(QStringLiteral("DFF"), m_dgs2, start));
        if (r.path == QLatin1String("/fredapi/fred/series/observations")) {
            if (r.query.queryItemValue(QStringLiteral("api_key")) !=
                QLatin1String("0123456789abcdef0123456789abcdef"))
                return FakeResponse::json(
                    R"({"error_code":400,"error_message":"Bad Request.  The value for variable api_key is not registered.  Read https:\/\/fred.stlouisfed.org\/docs\/api\/api_key.html for more information."})",
                    400);
            return FakeResponse::json(fredApiJson(m_dgs2, start));
        }
        return FakeResponse{404, {}, {}, false, -1};
    });
    auto outcomes = update({QStringLiteral("DFF")}, eveningOf(QDate(2024, 11, 29)));
    QVERIFY2(outcomes[0].ok, qPrintable(outcomes[0].error));
    QCOMPARE(outcomes[0].provider, QStringLiteral("FRED"));
    const Series keyless = PriceStore(m_temp->db()).rates(QStringLiteral("DFF"));
    QCOMPARE(keyless.size(), m_dgs2.size());

    m_fredKey = QStringLiteral("0123456789abcdef0123456789abcdef");
    m_server->requests.clear();
    outcomes = update({QStringLiteral("DFF")}, eveningOf(QDate(2024, 11, 29)), true);
    QVERIFY2(outcomes[0].ok, qPrintable(outcomes[0].error));
    QCOMPARE(m_server->requests[0].path, QStringLiteral("/fredapi/fred/series/observations"));
    QCOMPARE(outcomes[0].summary.added, 0);
    QCOMPARE(outcomes[0].summary.changed, 0); // same figures by both routes
    QCOMPARE(PriceStore(m_temp->db()).rates(QStringLiteral("DFF")), keyless);
}

void TestUpdate::retriesServerErrorsThenSucceeds()
{
    int calls = 0;
    m_server->setHandler([&](const FakeRequest &r) {
        if (++calls == 1) return FakeResponse{503, "busy", {}, false, -1};
        return FakeResponse::csv(
            treasuryCsv(r.path.section(QLatin1Char('/'), -2, -2).toInt(), m_dgs10, m_dgs2));
    });
    // Every year from 1990 is asked for once (the data starts in 2022), the first twice.
    const auto outcomes = update({QStringLiteral("DGS10")}, eveningOf(QDate(2022, 12, 30)));
    QVERIFY2(outcomes[0].ok, qPrintable(outcomes[0].error));
    QCOMPARE(calls, 2022 - 1990 + 2);
}

void TestUpdate::honoursRetryAfter()
{
    int calls = 0;
    m_server->setHandler([&](const FakeRequest &r) {
        if (++calls == 1) return FakeResponse{429, "slow down", {{"Retry-After", "1"}}, false, -1};
        return FakeResponse::csv(
            treasuryCsv(r.path.section(QLatin1Char('/'), -2, -2).toInt(), m_dgs10, m_dgs2));
    });
    QElapsedTimer timer;
    timer.start();
    // Every year from 1990 is asked for once (the data starts in 2022), the first twice.
    const auto outcomes = update({QStringLiteral("DGS10")}, eveningOf(QDate(2022, 12, 30)));
    QVERIFY2(outcomes[0].ok, qPrintable(outcomes[0].error));
    QCOMPARE(calls, 2022 - 1990 + 2);
    QVERIFY2(timer.elapsed() >= 950,
             qPrintable(QString::number(timer.elapsed()))); // not the 50 ms backoff
}

void TestUpdate::failuresLeaveTheCacheUnchanged_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("requests");
    const QString iwm = QStringLiteral("IWM");
    QTest::newRow("yahoo 503") << iwm << "503"
                               << "Yahoo Finance: HTTP 503 Service Unavailable after 3 attempts"
                               << 3;
    QTest::newRow("yahoo timeout")
        << iwm << "hang"
        << "Yahoo Finance: no answer for 0.4 s (timeout) after 3 attempts" << 3;
    QTest::newRow("yahoo 404") << iwm << "404"
                               << "Yahoo Finance: unknown symbol (HTTP 404: No data found, symbol "
                                  "may be delisted (Not Found))"
                               << 1;
    QTest::newRow("yahoo html")
        << iwm << "html"
        << "Yahoo Finance: Yahoo answered with an HTML page instead of data (HTTP 200" << 1;
    QTest::newRow("yahoo invalid json") << iwm << "garbage"
                                        << "Yahoo Finance: invalid JSON" << 1;
    QTest::newRow("yahoo truncated json") << iwm << "truncated"
                                          << "Yahoo Finance: invalid JSON" << 1;
    QTest::newRow("yahoo broken connection") << iwm << "short"
                                             << "Yahoo Finance: the transfer failed" << 3;
    QTest::newRow("yahoo empty result") << iwm << "empty"
                                        << "Yahoo Finance: no data from 2024-05-21 on" << 1;
    QTest::newRow("yahoo bad price") << iwm << "negative"
                                     << "is not a positive price" << 1;
    QTest::newRow("yahoo conflicting dates") << iwm << "duplicate"
                                             << "appears twice with different values" << 1;
    QTest::newRow("yahoo redirect loop")
        << iwm << "redirect"
        << "Yahoo Finance: redirect loop (more than 5 redirects)" << 6;
    QTest::newRow("yahoo 403") << iwm << "403"
                               << "Yahoo Finance: HTTP 403 Forbidden" << 1;
    // Issue #14, 8: the chart's error description of a 4xx, as Yahoo answered it for a range
    // without data.
    QTest::newRow("yahoo 400") << iwm << "400"
                               << "Yahoo Finance: HTTP 400 Bad Request: Data doesn't exist for "
                                  "startDate = 1577836800, endDate = 1578009600"
                               << 1;
    // Issue #14, 10: still 429 for the chart, the cookie page and the crumb: the chart once (a
    // 429 goes to the crumb first), then the cookie page and the crumb with their 3 attempts each.
    QTest::newRow("yahoo 429 persists")
        << iwm << "429"
        << "Yahoo Finance: Yahoo Finance is limiting requests (HTTP 429); try again in a few "
           "minutes, or choose another provider for IWM in Settings"
        << 7;
    QTest::newRow("treasury html")
        << "DGS10"
        << "html"
        << "US Treasury: year 2024: the Treasury answered with an HTML page" << 1;
    QTest::newRow("treasury truncated csv")
        << "DGS10"
        << "cutcsv"
        << "US Treasury: year 2024: line 3: too few fields" << 1;
    QTest::newRow("fred keyless 403")
        << "DFF"
        << "403"
        << "FRED: FRED refused the keyless download (HTTP 403): enter a free FRED API key" << 1;
    // Issue #14, 9: keyless FRED answers an unknown series with 404 and an HTML page.
    QTest::newRow("fred unknown series") << "DFF"
                                         << "html404"
                                         << "FRED: unknown series DFF" << 1;
    QTest::newRow("fred bad key") << "DFF"
                                  << "badkey"
                                  << "FRED: HTTP 400 Bad Request: Bad Request.  The value for "
                                     "variable api_key is not registered"
                                  << 1;
    QTest::newRow("stooq keyless html")
        << "STQ"
        << "html"
        << "Stooq: Stooq asks for an API key (it answered with an HTML verification page)" << 1;
}

// IWM to 2024-05-31, DGS10, DFF and STQ in the cache, for an incremental update of each.
void TestUpdate::seedForIncrementalUpdates()
{
    PriceStore store(m_temp->db());
    ParsedFile file;
    file.path = QStringLiteral("seed");
    SymbolData iwm{QStringLiteral("IWM"),
                   InstrumentKind::Etf,
                   until(m_iwm, QDate(2024, 5, 31)),
                   {},
                   true,
                   0,
                   0};
    file.symbols.push_back(iwm);
    for (const char *rate : {"DGS10", "DFF"}) {
        SymbolData r{QString::fromLatin1(rate), InstrumentKind::Rate, {}, {}, false, 0, 0};
        for (const DatedValue &p : m_dgs10)
            if (p.date <= QDate(2024, 5, 31)) r.rates.push_back(p);
        file.symbols.push_back(r);
    }
    file.symbols.push_back({QStringLiteral("STQ"),
                            InstrumentKind::Etf,
                            until(m_spy, QDate(2024, 5, 31)),
                            {},
                            true,
                            0,
                            0});
    QString error;
    QVERIFY2(store.write(file, QStringLiteral("import"), file.path, &error), qPrintable(error));
}

// The server's answer for one kind of failure (failuresLeaveTheCacheUnchanged_data).
FakeResponse TestUpdate::failureResponse(const QString &failure, const FakeRequest &r,
                                         const QByteArray &chart) const
{
    if (failure == QLatin1String("503")) return {503, "down", {}, false, -1};
    if (failure == QLatin1String("403")) return {403, "forbidden", {}, false, -1};
    if (failure == QLatin1String("429")) return {429, "slow down", {}, false, -1};
    if (failure == QLatin1String("400"))
        return FakeResponse::json(
            R"({"chart":{"result":null,"error":{"code":"Bad Request","description":"Data doesn't exist for startDate = 1577836800, endDate = 1578009600"}}})",
            400);
    if (failure == QLatin1String("html404"))
        return FakeResponse::html("<!DOCTYPE html><html><body>Error 404: series not "
                                  "found</body></html>",
                                  404);
    if (failure == QLatin1String("hang")) return {200, {}, {}, true, -1};
    if (failure == QLatin1String("404"))
        return FakeResponse::json(
            R"({"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}})",
            404);
    if (failure == QLatin1String("html"))
        return FakeResponse::html(
            "<!DOCTYPE html><html><head><title>Verify</title></head><body>Are you "
            "human?</body></html>");
    if (failure == QLatin1String("garbage")) return FakeResponse::json("{\"chart\": [1, 2,");
    if (failure == QLatin1String("truncated"))
        return FakeResponse::json(chart.left(chart.size() - 40));
    if (failure == QLatin1String("short")) {
        FakeResponse response = FakeResponse::json(chart.left(100));
        response.declaredLength = chart.size(); // the connection closes mid-body
        return response;
    }
    if (failure == QLatin1String("empty"))
        return FakeResponse::json(yahooChartJson(QStringLiteral("IWM"), {}, 0, 0));
    if (failure == QLatin1String("negative")) {
        std::vector<Bar> bars = until(m_iwm, QDate(2024, 6, 14));
        bars.back().close = -1.0;
        return FakeResponse::json(yahooChartJson(
            QStringLiteral("IWM"), bars, epoch(QDate(2024, 5, 21)), epoch(QDate(2024, 6, 15))));
    }
    if (failure == QLatin1String("duplicate")) {
        std::vector<Bar> bars = until(m_iwm, QDate(2024, 6, 14));
        bars.push_back(bars.back());
        bars.back().close += 1.0;
        return FakeResponse::json(yahooChartJson(
            QStringLiteral("IWM"), bars, epoch(QDate(2024, 5, 21)), epoch(QDate(2024, 6, 15))));
    }
    if (failure == QLatin1String("redirect"))
        return {302, {}, {{"Location", (m_server->baseUrl() + r.path).toLatin1()}}, false, -1};
    if (failure == QLatin1String("cutcsv"))
        return FakeResponse::csv("Date,\"2 Yr\",\"10 Yr\"\n06/14/2024,4.71,4.22\n06/1");
    if (failure == QLatin1String("badkey"))
        return FakeResponse::json(
            R"({"error_code":400,"error_message":"Bad Request.  The value for variable api_key is not registered."})",
            400);
    return {404, {}, {}, false, -1};
}

void TestUpdate::failuresLeaveTheCacheUnchanged()
{
    QFETCH(QString, symbol);
    QFETCH(QString, failure);
    if (failure == QLatin1String("hang")) m_idleTimeoutMs = 400;
    QFETCH(QString, message);
    QFETCH(int, requests);
    // The cache already holds IWM to 2024-05-31, DGS10, DFF and STQ: an incremental update of each.
    seedForIncrementalUpdates();
    if (QTest::currentTestFailed()) return;
    const QByteArray before = contentChecksum(m_temp->db());
    if (failure == QLatin1String("badkey"))
        m_fredKey = QStringLiteral("wrongkey1234567890wrongkey123456");

    const QByteArray chart = yahooChartJson(QStringLiteral("IWM"), until(m_iwm, QDate(2024, 6, 14)),
                                            epoch(QDate(2024, 5, 21)), epoch(QDate(2024, 6, 15)));
    m_server->setHandler([&](const FakeRequest &r) { return failureResponse(failure, r, chart); });

    const auto outcomes = update({symbol}, eveningOf(QDate(2024, 6, 14)));
    QCOMPARE(outcomes.size(), std::size_t(1));
    QVERIFY(!outcomes[0].ok);
    const QString full = outcomes[0].provider + QStringLiteral(": ") + outcomes[0].error;
    QVERIFY2(full.startsWith(message) || full.contains(message), qPrintable(full));
    if (failure == QLatin1String("redirect")) {
        // Bounded, not exact: on a loaded machine Qt's network stack now and then follows one
        // more hop than the limit, or sends a hop again (7 requests where 6 are due, seen in about
        // 1 run of 10 with two test builds running; all within 10 ms, each on a new connection).
        QVERIFY2(m_server->requests.size() >= requests && m_server->requests.size() <= requests + 2,
                 qPrintable(QString::number(m_server->requests.size())));
    } else {
        QCOMPARE(m_server->requests.size(), requests);
    }
    QCOMPARE(contentChecksum(m_temp->db()), before);
    if (!m_fredKey.isEmpty()) {
        QVERIFY2(!full.contains(m_fredKey), "the API key must never be printed");
        // Issue #14, 14: nor stored in the cache or its import log.
        QFile cache(m_temp->path());
        QVERIFY(cache.open(QIODevice::ReadOnly));
        QVERIFY2(!cache.readAll().contains(m_fredKey.toUtf8()), "the API key is in the cache");
        for (const ImportLogEntry &entry : PriceStore(m_temp->db()).log(QString()))
            QVERIFY(!entry.note.contains(m_fredKey) && !entry.source.contains(m_fredKey));
    }
}

void TestUpdate::otherSymbolsStillSucceed()
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

void TestUpdate::offline()
{
    const quint16 closedPort = m_server->port();
    m_server.reset(); // nothing listens there any more
    Updater updater(m_temp->db(), [&] {
        ProviderSettings s;
        s.yahooBase = QStringLiteral("http://127.0.0.1:%1").arg(closedPort);
        s.http.backoffMs = 10;
        return s;
    }());
    QSignalSpy finished(&updater, &Updater::finished);
    updater.start({QStringLiteral("IWM")}, false);
    QVERIFY(finished.wait(10000));
    QVERIFY2(updater.outcomes()[0].error.startsWith(QStringLiteral("cannot reach 127.0.0.1")) &&
                 updater.outcomes()[0].error.endsWith(QStringLiteral("offline?")),
             qPrintable(updater.outcomes()[0].error));
}

void TestUpdate::cancelStopsEverything()
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

void TestUpdate::commandLineUpdate()
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
void TestUpdate::writesOnWorkerWhileReadsGoOn()
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
void TestUpdate::issue21SettingsProblemsNameTheField()
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

// A cache path whose folder does not exist is refused with the folder to offer; nothing is
// created. A folder given as the file is refused; the default (empty) and a file in an existing
// folder pass.
void TestUpdate::issue21CachePathInAMissingFolder()
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
void TestUpdate::issue21AttemptsAreSaidPerSymbolAndCancelKeepsWhatArrived()
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

// Two symbols wait for one Yahoo crumb: the chart request each makes after it is said as its own
// attempt, not as the symbol whose request fetched the crumb.
void TestUpdate::issue21SharedCrumbKeepsEachSymbolsAttempts()
{
    m_server->setHandler([&](const FakeRequest &r) {
        if (r.path == QLatin1String("/cookie"))
            return FakeResponse{404, "no page", {{"Set-Cookie", "A3=d=AQ; Path=/"}}, false, -1};
        if (r.path == QLatin1String("/yahoo/v1/test/getcrumb"))
            return FakeResponse{200, "Cr.umb", {{"Content-Type", "text/plain"}}, false, -1};
        if (r.query.queryItemValue(QStringLiteral("crumb")) != QLatin1String("Cr.umb"))
            return FakeResponse::json(R"({"finance":{"result":null}})", 401);
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        return FakeResponse::json(yahooChartJson(symbol, until(m_spy, QDate(2024, 1, 31)),
                                                 epoch(QDate(2024, 1, 1)),
                                                 epoch(QDate(2024, 2, 1))));
    });
    ProviderSettings s = settings();
    s.concurrency = 2; // both ask before the crumb is there, and wait for the same one
    Updater updater(m_temp->db(), s);
    updater.setClock([] { return eveningOf(QDate(2024, 1, 31)); });
    QSignalSpy attempts(&updater, &Updater::attemptStarted);
    QSignalSpy finished(&updater, &Updater::finished);
    updater.start({QStringLiteral("IWM"), QStringLiteral("SPY")}, false);
    QVERIFY(finished.wait(20000));
    for (const UpdateOutcome &o : updater.outcomes())
        QVERIFY2(o.ok, qPrintable(o.error));
    std::map<QString, int> per;
    for (const QList<QVariant> &a : attempts)
        ++per[a[0].toString()];
    // Each: its chart, then its chart with the crumb; the cookie and crumb requests are the first
    // symbol's.
    QCOMPARE(per.size(), std::size_t(2));
    QCOMPARE(per[QStringLiteral("IWM")] + per[QStringLiteral("SPY")], m_server->requests.size());
    QCOMPARE(std::min(per[QStringLiteral("IWM")], per[QStringLiteral("SPY")]), 2);
    QCOMPARE(std::max(per[QStringLiteral("IWM")], per[QStringLiteral("SPY")]), 4);
}

// Issue #21: a batch can be stopped between two files. Files written before stay, each its own
// transaction; the others are not written and come back cancelled; refused ones keep their error.
void TestUpdate::issue21ImportBatchStopsBetweenFiles()
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

QTEST_GUILESS_MAIN(TestUpdate)
#include "tst_update.moc"
