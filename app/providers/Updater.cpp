// SPDX-License-Identifier: GPL-3.0-or-later
#include "Updater.h"

#include "FredProvider.h"
#include "ProviderParsers.h"
#include "StooqProvider.h"
#include "TreasuryProvider.h"
#include "YahooProvider.h"

namespace indexlens {

Updater::Updater(Database &db, ProviderSettings settings, QObject *parent)
    : QObject(parent), m_store(db), m_settings(std::move(settings)), m_http(m_settings.http),
      m_clock([] { return QDateTime::currentDateTimeUtc(); }), m_writer(db.path())
{
    for (Provider *p : std::initializer_list<Provider *>{
             new YahooProvider(m_http, m_settings), new TreasuryProvider(m_http, m_settings),
             new FredProvider(m_http, m_settings), new StooqProvider(m_http, m_settings)})
        m_providers[p->id()].reset(p);
    // Requests are tagged with their symbol (run()); untagged ones are nobody's to report.
    connect(&m_http, &HttpClient::attemptStarted, this,
            [this](const QString &tag, int attempt, const QString &) {
                if (!tag.isEmpty())
                    Q_EMIT attemptStarted(tag, attempt, m_http.policy().maxAttempts);
            });
}

Updater::~Updater() = default;

QString Updater::providerIdFor(const QString &symbol, InstrumentKind kind) const
{
    QString override = m_settings.providerOverrides.value(symbol);
    if (!override.isEmpty()) return override;
    if (const auto known = Catalog::builtIn().find(symbol); known && !known->provider.isEmpty())
        return known->provider;
    if (kind != InstrumentKind::Rate || symbol.startsWith(QLatin1Char('^')))
        return QStringLiteral("yahoo");
    return treasuryColumnsFor(symbol).isEmpty() ? QStringLiteral("fred")
                                                : QStringLiteral("treasury");
}

void Updater::start(const QStringList &symbols, bool full)
{
    m_full = full;
    m_cancelled = false;
    m_outcomes.clear();
    for (const QString &symbol : symbols)
        m_queue.push_back(symbol);
    if (m_queue.empty()) {
        Q_EMIT finished();
        return;
    }
    for (int i = 0; i < std::max(1, m_settings.concurrency); ++i)
        startNext();
}

void Updater::cancel()
{
    m_cancelled = true;
    for (const QString &symbol : m_queue) {
        UpdateOutcome outcome;
        outcome.symbol = symbol;
        outcome.error = QStringLiteral("cancelled before it started");
        outcome.cancelled = true;
        m_outcomes.push_back(outcome);
        Q_EMIT symbolFinished(outcome);
    }
    m_queue.clear();
    m_http.abortAll();
    if (m_running == 0) Q_EMIT finished();
}

void Updater::startNext()
{
    if (m_queue.empty()) return;
    const QString symbol = m_queue.front();
    m_queue.pop_front();
    ++m_running;
    run(symbol);
}

void Updater::run(const QString &symbol)
{
    UpdateOutcome outcome;
    outcome.symbol = symbol;
    const auto instrument = m_store.instrument(symbol);
    const InstrumentKind kind = instrument ? instrument->kind : Catalog::builtIn().kindOf(symbol);
    const QString providerId = providerIdFor(symbol, kind);
    const auto it = m_providers.find(providerId);
    if (it == m_providers.end()) {
        outcome.error =
            QStringLiteral("unknown provider '%1' (yahoo, treasury, fred, stooq)").arg(providerId);
        complete(outcome);
        return;
    }
    Provider *provider = it->second.get();
    outcome.provider = provider->name();
    Q_EMIT symbolStarted(symbol, provider->name());

    FetchRequest request;
    request.symbol = symbol;
    request.kind = kind;
    request.nowUtc = m_clock();
    const auto last = m_store.lastDate(symbol);
    const bool incremental = !m_full && last.has_value();
    request.from = incremental ? std::max(last->addDays(-kOverlapDays), provider->earliest())
                               : provider->earliest();
    outcome.from = request.from;
    outcome.full = !incremental;
    // Every request of this fetch, and those its callbacks start, carries the symbol.
    const QString outer = m_http.tag();
    m_http.setTag(symbol);
    fetchAndWrite(outcome, provider, request, incremental);
    m_http.setTag(outer);
}

void Updater::fetchAndWrite(UpdateOutcome outcome, Provider *provider, FetchRequest request,
                            bool incremental)
{
    provider->fetch(request, [this, outcome, provider, request,
                              incremental](FetchResult result) mutable {
        outcome.notes << result.notes;
        if (!result.data) {
            outcome.error = result.error;
            complete(outcome);
            return;
        }
        if (incremental && !result.data->isRate()) {
            const AdjustmentBasis basis =
                compareAdjustmentBasis(m_store.bars(request.symbol), result.data->bars);
            if (basis.state == AdjustmentBasis::State::Rebased ||
                basis.state == AdjustmentBasis::State::Inconsistent) {
                // A dividend or split since the last update moved every earlier adjusted close.
                outcome.notes << QStringLiteral("adjusted history changed since the last update "
                                                "(x%1 on the overlap): fetched the full history")
                                     .arg(basis.factor, 0, 'f', 6);
                outcome.full = true;
                request.from = provider->earliest();
                outcome.from = request.from;
                fetchAndWrite(outcome, provider, request, false);
                return;
            }
        }
        write(outcome, std::move(*result.data), provider->id());
    });
}

void Updater::write(UpdateOutcome outcome, SymbolData data, const QString &providerId)
{
    ParsedFile file;
    file.path = outcome.provider;
    file.origin = providerId;
    file.symbols.push_back(std::move(data));
    m_writer.write(std::move(file), QStringLiteral("update"), outcome.provider,
                   [this, outcome](const std::optional<std::vector<WriteSummary>> &summaries,
                                   const QString &error) mutable {
                       if (!summaries) {
                           outcome.error = error;
                       } else {
                           outcome.ok = true;
                           outcome.summary = summaries->front();
                           outcome.notes << outcome.summary.notes;
                       }
                       complete(outcome);
                   });
}

void Updater::complete(UpdateOutcome outcome)
{
    if (!outcome.ok && outcome.error.isEmpty()) outcome.error = QStringLiteral("failed");
    // What cancel() cut short did not fail: it is said as cancelled, not counted as failed. A
    // symbol whose data had arrived is still written (ok).
    if (!outcome.ok && m_cancelled) {
        outcome.cancelled = true;
        outcome.error = QStringLiteral("cancelled");
    }
    m_outcomes.push_back(outcome);
    Q_EMIT symbolFinished(outcome);
    --m_running;
    if (!m_cancelled) startNext();
    if (m_running == 0 && m_queue.empty()) Q_EMIT finished();
}

} // namespace indexlens
