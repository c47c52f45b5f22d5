// SPDX-License-Identifier: GPL-3.0-or-later
#include "TreasuryProvider.h"

#include "ProviderParsers.h"

#include <algorithm>
#include <memory>

namespace indexlens {

TreasuryProvider::TreasuryProvider(HttpClient &http, const ProviderSettings &settings)
    : m_http(http), m_settings(settings)
{
}

void TreasuryProvider::fetchYear(int year, std::function<void(const HttpResponse &)> done)
{
    if (m_years.contains(year)) {
        HttpResponse cached;
        cached.ok = true;
        cached.status = 200;
        cached.body = m_years.value(year);
        done(cached);
        return;
    }
    const QString y = QString::number(year);
    const QUrl url(m_settings.treasuryBase +
                   QStringLiteral("/resource-center/data-chart-center/interest-rates/"
                                  "daily-treasury-rates.csv/%1/all?type=daily_treasury_yield_curve"
                                  "&field_tdr_date_value=%1&page&_format=csv")
                       .arg(y));
    auto &waiting = m_waiting[year];
    // A year asked by several symbols is fetched once; each waiter goes on under its own tag.
    waiting.push_back(m_http.keepingTag(std::move(done)));
    if (waiting.size() > 1) return;
    m_http.get(url, {}, [this, year](const HttpResponse &r) {
        if (r.ok && !r.isHtml()) m_years.insert(year, r.body);
        const auto waiters = m_waiting.take(year);
        for (const auto &waiter : waiters)
            waiter(r);
    });
}

void TreasuryProvider::fetch(const FetchRequest &request, std::function<void(FetchResult)> done)
{
    if (treasuryColumnsFor(request.symbol).isEmpty()) {
        done({std::nullopt,
              QStringLiteral("the Treasury does not publish %1").arg(request.symbol),
              {}});
        return;
    }
    // Years one after another; the series grows as they arrive.
    struct State {
        int year;
        int lastYear;
        Series series;
    };
    auto state = std::make_shared<State>(
        State{std::max(request.from.year(), earliest().year()), request.nowUtc.date().year(), {}});
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, request, done, state, next] {
        if (state->year > state->lastYear) {
            FetchResult result;
            SymbolData data;
            data.symbol = request.symbol;
            data.kind = InstrumentKind::Rate;
            for (const DatedValue &p : state->series)
                if (p.date >= request.from) data.rates.push_back(p);
            std::sort(data.rates.begin(), data.rates.end(),
                      [](const DatedValue &a, const DatedValue &b) { return a.date < b.date; });
            if (data.rates.empty())
                result.error =
                    QStringLiteral("no data from %1 on").arg(request.from.toString(Qt::ISODate));
            else
                result.data = std::move(data);
            const auto callback = done; // resetting *next destroys this closure and its captures
            *next = nullptr;            // break the cycle
            callback(result);
            return;
        }
        const int year = state->year++;
        fetchYear(year, [request, done, state, next, year](const HttpResponse &r) {
            QString error;
            if (r.isHtml())
                error = QStringLiteral("the Treasury answered with an HTML page instead of CSV "
                                       "(HTTP %1)")
                            .arg(r.status);
            else if (!r.ok)
                error = r.error;
            std::optional<Series> series;
            if (error.isEmpty()) {
                // A year that has not begun to publish (early January) may answer nothing.
                if (r.body.trimmed().isEmpty() && year == state->lastYear)
                    series = Series{};
                else
                    series = parseTreasuryCsv(r.body, request.symbol, &error);
            }
            if (!series) {
                *next = nullptr;
                done({std::nullopt, QStringLiteral("year %1: %2").arg(year).arg(error), {}});
                return;
            }
            state->series.insert(state->series.end(), series->begin(), series->end());
            (*next)();
        });
    };
    (*next)();
}

} // namespace indexlens
