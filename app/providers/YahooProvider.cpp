// SPDX-License-Identifier: GPL-3.0-or-later
#include "YahooProvider.h"

#include "ProviderParsers.h"

#include <QUrlQuery>

namespace indexlens {

YahooProvider::YahooProvider(HttpClient &http, const ProviderSettings &settings)
    : m_http(http), m_settings(settings)
{
}

QUrl YahooProvider::chartUrl(const FetchRequest &request) const
{
    // QUrl percent-encodes "^" in the path.
    QUrl url(m_settings.yahooBase + QStringLiteral("/v8/finance/chart/") +
             QString::fromLatin1(QUrl::toPercentEncoding(request.symbol)));
    QUrlQuery query;
    const qint64 from = request.from.startOfDay(Qt::UTC).toSecsSinceEpoch();
    // period2 is exclusive: one day past now covers today's closed session.
    const qint64 to = request.nowUtc.toSecsSinceEpoch() + 86400;
    query.addQueryItem(QStringLiteral("period1"), QString::number(from));
    query.addQueryItem(QStringLiteral("period2"), QString::number(to));
    query.addQueryItem(QStringLiteral("interval"), QStringLiteral("1d"));
    query.addQueryItem(QStringLiteral("events"), QStringLiteral("div,splits"));
    query.addQueryItem(QStringLiteral("includeAdjustedClose"), QStringLiteral("true"));
    if (!m_crumb.isEmpty()) query.addQueryItem(QStringLiteral("crumb"), m_crumb);
    url.setQuery(query);
    return url;
}

void YahooProvider::fetch(const FetchRequest &request, std::function<void(FetchResult)> done)
{
    this->request(request, false, done);
}

void YahooProvider::request(const FetchRequest &request, bool crumbTried,
                            const std::function<void(FetchResult)> &done)
{
    const auto onAnswer = [this, request, crumbTried, done](const HttpResponse &r) {
        FetchResult result;
        // 401 "Invalid Crumb" or 429: Yahoo wants its cookie and crumb.
        const bool throttled = r.status == 429 || r.status == 401;
        if (throttled && !crumbTried) {
            // The crumb is shared: its waiter runs from the first symbol's crumb request, and
            // the chart it asks next is this symbol's (the status bar names its attempts).
            withCrumb(m_http.keepingTag([this, request, done](const QString &error) {
                if (!error.isEmpty()) {
                    FetchResult failed;
                    failed.error = error.contains(QLatin1String("HTTP 429"))
                                       ? throttledMessage(request.symbol)
                                       : QStringLiteral("Yahoo asks for a cookie and crumb, and "
                                                        "getting them failed: %1")
                                             .arg(error);
                    done(failed);
                    return;
                }
                this->request(request, true, done);
            }));
            return;
        }
        if (r.status == 429) {
            // Still limited after the retries and a new cookie and crumb (issue #14, 10).
            result.error = throttledMessage(request.symbol);
        } else if (r.isHtml()) {
            result.error = QStringLiteral("Yahoo answered with an HTML page instead of data "
                                          "(HTTP %1; a consent or block page?)")
                               .arg(r.status);
        } else if (r.status == 404) {
            QString detail;
            QStringList ignored;
            parseYahooChart(r.body, request.symbol, request.kind, request.nowUtc, &ignored,
                            &detail);
            result.error = QStringLiteral("unknown symbol (HTTP 404%1)")
                               .arg(detail.isEmpty() || detail.startsWith(QLatin1String("invalid"))
                                        ? QString()
                                        : QStringLiteral(": ") + detail);
        } else if (r.status >= 400 && r.status < 500) {
            // Yahoo says why in the chart's error ("Data doesn't exist for startDate = ...", a
            // 400): "HTTP 400 Bad Request" alone told nothing (issue #14, 8).
            QString detail;
            QStringList ignored;
            parseYahooChart(r.body, request.symbol, request.kind, request.nowUtc, &ignored,
                            &detail);
            result.error = r.error;
            if (!detail.isEmpty() && !detail.startsWith(QLatin1String("invalid")) &&
                !detail.startsWith(QLatin1String("the answer has no")))
                result.error += QStringLiteral(": ") + detail;
        } else if (!r.ok) {
            result.error = r.error;
        } else {
            QString error;
            result.data = parseYahooChart(r.body, request.symbol, request.kind, request.nowUtc,
                                          &result.notes, &error);
            if (!result.data) {
                result.error = error;
            } else if (result.data->rowCount() == 0) {
                result.error =
                    QStringLiteral("no data from %1 on").arg(request.from.toString(Qt::ISODate));
                result.data.reset();
            }
        }
        done(result);
    };
    m_http.get(chartUrl(request), {}, onAnswer, /*retryThrottled=*/crumbTried);
}

QString YahooProvider::throttledMessage(const QString &symbol)
{
    return QStringLiteral("Yahoo Finance is limiting requests (HTTP 429); try again in a few "
                          "minutes, or choose another provider for %1 in Settings")
        .arg(symbol);
}

void YahooProvider::withCrumb(std::function<void(QString)> then)
{
    m_crumbWaiters.push_back(std::move(then));
    if (m_crumbPending) return;
    m_crumbPending = true;
    m_crumb.clear();
    auto finish = [this](const QString &error) {
        m_crumbPending = false;
        auto waiters = std::move(m_crumbWaiters);
        m_crumbWaiters.clear();
        for (auto &waiter : waiters)
            waiter(error);
    };
    // The cookie page answers 404 on purpose; only its Set-Cookie matters (kept by the manager's
    // cookie jar and sent with the crumb and chart requests).
    m_http.get(QUrl(m_settings.yahooCookieUrl), {}, [this, finish](const HttpResponse &cookie) {
        if (cookie.status == 0) {
            finish(QStringLiteral("cookie: %1").arg(cookie.error));
            return;
        }
        m_http.get(QUrl(m_settings.yahooBase + QStringLiteral("/v1/test/getcrumb")), {},
                   [this, finish](const HttpResponse &r) {
                       const QString crumb = QString::fromUtf8(r.body).trimmed();
                       if (!r.ok || crumb.isEmpty() || r.isHtml() || crumb.size() > 64 ||
                           crumb.contains(QLatin1Char('<')) || crumb.contains(QLatin1Char('{'))) {
                           finish(QStringLiteral("crumb: %1")
                                      .arg(r.ok ? QStringLiteral("unexpected answer") : r.error));
                           return;
                       }
                       m_crumb = crumb;
                       finish(QString());
                   });
    });
}

} // namespace indexlens
