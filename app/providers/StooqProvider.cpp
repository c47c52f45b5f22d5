// SPDX-License-Identifier: GPL-3.0-or-later
#include "StooqProvider.h"

#include "ProviderParsers.h"

#include <algorithm>

#include <QUrlQuery>

namespace indexlens {

StooqProvider::StooqProvider(HttpClient &http, const ProviderSettings &settings)
    : m_http(http), m_settings(settings)
{
}

QString StooqProvider::stooqSymbol(const QString &symbol)
{
    static const QHash<QString, QString> indices = {
        {QStringLiteral("^GSPC"), QStringLiteral("^spx")},
        {QStringLiteral("^SPX"), QStringLiteral("^spx")},
        {QStringLiteral("^IXIC"), QStringLiteral("^ndq")},
        {QStringLiteral("^NDX"), QStringLiteral("^ndx")},
        {QStringLiteral("^DJI"), QStringLiteral("^dji")},
    };
    if (indices.contains(symbol)) return indices.value(symbol);
    if (symbol.startsWith(QLatin1Char('^')) || symbol.contains(QLatin1Char('.')))
        return symbol.toLower();
    return symbol.toLower() + QStringLiteral(".us");
}

void StooqProvider::fetch(const FetchRequest &request, std::function<void(FetchResult)> done)
{
    QUrl url(m_settings.stooqBase + QStringLiteral("/q/d/l/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("s"), stooqSymbol(request.symbol));
    query.addQueryItem(QStringLiteral("i"), QStringLiteral("d"));
    query.addQueryItem(QStringLiteral("d1"), request.from.toString(QStringLiteral("yyyyMMdd")));
    if (!m_settings.stooqApiKey.isEmpty())
        query.addQueryItem(QStringLiteral("apikey"), m_settings.stooqApiKey);
    url.setQuery(query);
    const bool keyless = m_settings.stooqApiKey.isEmpty();
    m_http.get(url, {}, [request, done, keyless](const HttpResponse &r) {
        FetchResult result;
        if (r.isHtml()) {
            result.error = keyless
                               ? QStringLiteral("Stooq asks for an API key (it answered with an "
                                                "HTML verification page): enter one in the "
                                                "settings (providers/stooqApiKey) or set "
                                                "INDEXLENS_STOOQ_API_KEY")
                               : QStringLiteral("Stooq answered with an HTML page instead of "
                                                "CSV (HTTP %1; is the API key valid?)")
                                     .arg(r.status);
        } else if (!r.ok) {
            result.error = r.error;
        } else if (r.body.trimmed().startsWith("No data")) {
            result.error = QStringLiteral("unknown symbol or no data (Stooq: %1)")
                               .arg(QString::fromUtf8(r.body.trimmed().left(80)));
        } else {
            QString error;
            result.data =
                parseProviderCsv(r.body, CsvFormat::Stooq, request.symbol, request.kind, &error);
            result.error = error;
            if (result.data) {
                auto &bars = result.data->bars;
                bars.erase(std::remove_if(bars.begin(), bars.end(),
                                          [&](const Bar &b) { return b.date < request.from; }),
                           bars.end());
            }
        }
        done(result);
    });
}

} // namespace indexlens
