// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpClient.h"
#include "Provider.h"
#include "ProviderSettings.h"
#include "storage/PriceStore.h"
#include "storage/StoreWriter.h"

#include <QObject>

#include <deque>
#include <map>
#include <memory>

namespace indexlens {

// What an update did for one symbol.
struct UpdateOutcome {
    QString symbol;
    QString provider; // provider name, e.g. "Yahoo Finance"
    QDate from;       // first date asked for
    bool full = false;
    bool ok = false;
    bool cancelled = false; // stopped by cancel(): not a failure; the cache keeps what it had
    QString error;          // why it failed (names the cause; the cache holds what it held)
    QStringList notes;
    WriteSummary summary;
};

// Downloads symbols from their providers into the cache: a few at a time, each written in its
// own transaction as soon as it arrives, on a worker thread (StoreWriter). Incremental by default
// (from the last cached date minus an overlap that picks up revisions); when the overlap shows the
// adjusted history moved (a new dividend or split) the symbol's full history is fetched instead.
class Updater : public QObject {
    Q_OBJECT
public:
    static constexpr int kOverlapDays = 10;

    Updater(Database &db, ProviderSettings settings, QObject *parent = nullptr);
    ~Updater() override;

    // The clock used for "now" (tests pin it).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Provider id for a symbol: the user's override, else the catalog's, else Yahoo for prices
    // and FRED for rates.
    QString providerIdFor(const QString &symbol, InstrumentKind kind) const;

    void start(const QStringList &symbols, bool full);
    void cancel();
    bool isRunning() const { return m_running > 0 || !m_queue.empty(); }
    const std::vector<UpdateOutcome> &outcomes() const { return m_outcomes; }

Q_SIGNALS:
    void symbolStarted(const QString &symbol, const QString &provider);
    // A request for `symbol` starts its attempt `attempt` of `maxAttempts` (a server that accepts
    // and never answers shows as attempt after attempt).
    void attemptStarted(const QString &symbol, int attempt, int maxAttempts);
    void symbolFinished(const indexlens::UpdateOutcome &outcome);
    void finished();

private:
    void startNext();
    void run(const QString &symbol);
    void fetchAndWrite(UpdateOutcome outcome, Provider *provider, FetchRequest request,
                       bool incremental);
    void write(UpdateOutcome outcome, SymbolData data, const QString &providerId);
    void complete(UpdateOutcome outcome);

    PriceStore m_store; // reads, on this thread's connection
    ProviderSettings m_settings;
    HttpClient m_http;
    std::map<QString, std::unique_ptr<Provider>> m_providers;
    std::function<QDateTime()> m_clock;
    std::deque<QString> m_queue;
    std::vector<UpdateOutcome> m_outcomes;
    bool m_full = false;
    bool m_cancelled = false;
    int m_running = 0;
    // Last member: destroyed first, so no write callback reaches a half-destroyed Updater.
    StoreWriter m_writer; // writes, on its own thread and connection
};

} // namespace indexlens

Q_DECLARE_METATYPE(indexlens::UpdateOutcome)
