// SPDX-License-Identifier: GPL-3.0-or-later
#include "FredProvider.h"

#include "ProviderParsers.h"

#include <QUrlQuery>

namespace indexlens {

FredProvider::FredProvider(HttpClient &http, const ProviderSettings &settings)
    : m_http(http), m_settings(settings)
{
}

QString FredProvider::hideKey(QString text) const
{
    if (!m_settings.fredApiKey.isEmpty())
        text.replace(m_settings.fredApiKey, QStringLiteral("***"));
    return text;
}

void FredProvider::fetch(const FetchRequest &request, std::function<void(FetchResult)> done)
{
    if (m_settings.fredApiKey.isEmpty())
        fetchGraphCsv(request, done);
    else
        fetchApi(request, done);
}

void FredProvider::fetchApi(const FetchRequest &request,
                            const std::function<void(FetchResult)> &done)
{
    QUrl url(m_settings.fredApiBase + QStringLiteral("/fred/series/observations"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("series_id"), request.symbol);
    query.addQueryItem(QStringLiteral("api_key"), m_settings.fredApiKey);
    query.addQueryItem(QStringLiteral("file_type"), QStringLiteral("json"));
    query.addQueryItem(QStringLiteral("observation_start"), request.from.toString(Qt::ISODate));
    url.setQuery(query);
    m_http.get(url, {}, [this, request, done](const HttpResponse &r) {
        FetchResult result;
        if (r.isHtml()) {
            result.error =
                QStringLiteral("FRED answered with an HTML page instead of JSON (HTTP %1)")
                    .arg(r.status);
        } else if (!r.ok) {
            const QString message = fredErrorMessage(r.body);
            result.error =
                message.isEmpty() ? r.error : QStringLiteral("%1: %2").arg(r.error, message);
            if (r.status == 400 && message.contains(QLatin1String("api_key")))
                result.error += QStringLiteral(" (check the FRED API key in the settings)");
            else if (r.status == 400 && message.contains(QLatin1String("series does not exist")))
                result.error = QStringLiteral("unknown series (%1)").arg(message);
        } else {
            QString error;
            const auto series = parseFredObservations(r.body, &error);
            if (!series) {
                result.error = error;
            } else if (series->empty()) {
                result.error =
                    QStringLiteral("no data from %1 on").arg(request.from.toString(Qt::ISODate));
            } else {
                SymbolData data;
                data.symbol = request.symbol;
                data.kind = InstrumentKind::Rate;
                data.rates = *series;
                const QString problem = normalizeSymbolData(data);
                if (problem.isEmpty())
                    result.data = std::move(data);
                else
                    result.error = problem;
            }
        }
        result.error = hideKey(result.error);
        done(result);
    });
}

void FredProvider::fetchGraphCsv(const FetchRequest &request,
                                 const std::function<void(FetchResult)> &done)
{
    QUrl url(m_settings.fredBase + QStringLiteral("/graph/fredgraph.csv"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("id"), request.symbol);
    query.addQueryItem(QStringLiteral("cosd"), request.from.toString(Qt::ISODate));
    url.setQuery(query);
    m_http.get(url, {}, [request, done](const HttpResponse &r) {
        FetchResult result;
        // The status first: an unknown series is a 404 with an HTML page, which read as "an
        // HTML page instead of CSV" (issue #14, 9).
        if (r.status == 403 || r.status == 401) {
            result.error = QStringLiteral("FRED refused the keyless download (HTTP %1): %2")
                               .arg(r.status)
                               .arg(ProviderSettings::fredKeyHint());
        } else if (r.status == 404) {
            result.error = QStringLiteral("unknown series %1").arg(request.symbol);
        } else if (r.isHtml()) {
            result.error =
                QStringLiteral("FRED answered with an HTML page instead of CSV (HTTP %1)")
                    .arg(r.status);
        } else if (!r.ok) {
            result.error = r.error;
        } else {
            QString error;
            result.data = parseProviderCsv(r.body, CsvFormat::Fred, request.symbol,
                                           InstrumentKind::Rate, &error);
            result.error = error;
        }
        done(result);
    });
}

} // namespace indexlens
