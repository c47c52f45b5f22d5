// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeHttpServer.h"
#include "providers/Updater.h"
#include "TestCommon.h"

#include <QDateTime>

#include <memory>
#include <vector>

namespace indexlens::test {

// The bars of a synthetic price file; the values of a synthetic rate file.
std::vector<Bar> barsFrom(const QString &file);
Series ratesFrom(const QString &file);

// The bars up to `last`.
std::vector<Bar> until(const std::vector<Bar> &bars, const QDate &last);

// 22:00 UTC on `date`, after the day's close.
QDateTime eveningOf(const QDate &date);

// The start of `date` (UTC) in seconds since the epoch, as Yahoo's period1 and period2.
qint64 epoch(const QDate &date);

// What the update suites share (issue #3, #26): the synthetic IWM, SPY, DGS10 and DGS2 that a
// loopback server serves in each provider's format, and each test's own server and cache. A suite
// derives from it beside QObject and calls loadSyntheticSeries() from initTestCase() and
// newServerAndCache() from init().
class UpdateFixture {
protected:
    void loadSyntheticSeries();
    void newServerAndCache();

    // The providers' addresses on the test's server, its FRED key, short timeouts and backoff.
    ProviderSettings settings() const;

    // An update of `symbols` at `now` to its end (30 s at most), and its outcomes.
    std::vector<UpdateOutcome> update(const QStringList &symbols, const QDateTime &now,
                                      bool full = false);

    std::vector<Bar> m_iwm, m_spy;
    Series m_dgs10, m_dgs2;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<TempDatabase> m_temp;
    QString m_fredKey;
    int m_idleTimeoutMs = 5000;
};

} // namespace indexlens::test
