// SPDX-License-Identifier: GPL-3.0-or-later
#include "UpdateFixture.h"

#include "import/CsvImporter.h"

#include <QSignalSpy>

namespace indexlens::test {

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

void UpdateFixture::loadSyntheticSeries()
{
    const QString dir = syntheticDataDir();
    m_iwm = barsFrom(dir + QStringLiteral("/yahoo/IWM.csv"));
    m_spy = barsFrom(dir + QStringLiteral("/yahoo/SPY.csv"));
    m_dgs10 = ratesFrom(dir + QStringLiteral("/fred/DGS10.csv"));
    m_dgs2 = ratesFrom(dir + QStringLiteral("/fred/DGS2.csv"));
}

void UpdateFixture::newServerAndCache()
{
    m_server = std::make_unique<FakeHttpServer>();
    m_temp = std::make_unique<TempDatabase>();
    m_fredKey.clear();
    m_idleTimeoutMs = 5000;
}

ProviderSettings UpdateFixture::settings() const
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

std::vector<UpdateOutcome> UpdateFixture::update(const QStringList &symbols, const QDateTime &now,
                                                 bool full)
{
    Updater updater(m_temp->db(), settings());
    updater.setClock([now] { return now; });
    QSignalSpy finished(&updater, &Updater::finished);
    updater.start(symbols, full);
    if (finished.isEmpty() && !finished.wait(30000)) qFatal("the update did not finish");
    return updater.outcomes();
}

} // namespace indexlens::test
