// SPDX-License-Identifier: GPL-3.0-or-later
// Downloads from a loopback server that speaks each provider's real format (Yahoo with its cookie
// and crumb, the Treasury, FRED keyless and by API, Stooq), built from the synthetic data of
// tests/data, and every failure the providers show in practice (issue #3, #14).
#include "FakeHttpServer.h"
#include "import/CsvImporter.h"
#include "ProviderFixtures.h"
#include "providers/Updater.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"
#include "UpdateFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

class TestUpdateProviders : public QObject, private UpdateFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { loadSyntheticSeries(); }
    void init() { newServerAndCache(); }
    void yahooFullThenIncremental();
    void dividendTriggersFullRefetch();
    void crumbFlowOnceForTheSession();
    void treasuryGivesYieldsAndTheSpread();
    void fredKeylessAndByApiGiveTheSameFigures();
    void retriesServerErrorsThenSucceeds();
    void honoursRetryAfter();
    void failuresLeaveTheCacheUnchanged_data();
    void failuresLeaveTheCacheUnchanged();
    void offlineSaysTheServerCannotBeReached();
    void sharedCrumbKeepsEachSymbolsAttempts();

private:
    void seedForIncrementalUpdates();
    FakeResponse failureResponse(const QString &failure, const FakeRequest &r,
                                 const QByteArray &chart) const;
};

void TestUpdateProviders::yahooFullThenIncremental()
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

void TestUpdateProviders::dividendTriggersFullRefetch()
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

void TestUpdateProviders::crumbFlowOnceForTheSession()
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

void TestUpdateProviders::treasuryGivesYieldsAndTheSpread()
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

void TestUpdateProviders::fredKeylessAndByApiGiveTheSameFigures()
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

void TestUpdateProviders::retriesServerErrorsThenSucceeds()
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

void TestUpdateProviders::honoursRetryAfter()
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

void TestUpdateProviders::failuresLeaveTheCacheUnchanged_data()
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
void TestUpdateProviders::seedForIncrementalUpdates()
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
FakeResponse TestUpdateProviders::failureResponse(const QString &failure, const FakeRequest &r,
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

void TestUpdateProviders::failuresLeaveTheCacheUnchanged()
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

void TestUpdateProviders::offlineSaysTheServerCannotBeReached()
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

// Issue #21: two symbols wait for one Yahoo crumb: the chart request each makes after it is said
// as its own
// attempt, not as the symbol whose request fetched the crumb.
void TestUpdateProviders::sharedCrumbKeepsEachSymbolsAttempts()
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

QTEST_GUILESS_MAIN(TestUpdateProviders)
#include "tst_update_providers.moc"
