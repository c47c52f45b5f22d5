// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace indexlens {

namespace {

// One request across its attempts. Owns its timers; deletes itself when done.
class Exchange : public QObject {
public:
    Exchange(HttpClient *client, QUrl url, HttpClient::Headers headers,
             std::function<void(HttpResponse)> done, bool retryThrottled)
        : QObject(client), m_client(client), m_url(std::move(url)), m_headers(std::move(headers)),
          m_done(std::move(done)), m_tag(client->tag()), m_retryThrottled(retryThrottled)
    {
        const HttpPolicy &p = client->policy();
        m_total.setSingleShot(true);
        m_idle.setSingleShot(true);
        m_wait.setSingleShot(true);
        connect(&m_total, &QTimer::timeout, this, [this] {
            finish(failure(QStringLiteral("no complete answer within %1 s")
                               .arg(m_client->policy().totalTimeoutMs / 1000.0)));
        });
        connect(&m_idle, &QTimer::timeout, this, [this] {
            m_idleExpired = true;
            if (m_reply) m_reply->abort();
        });
        connect(&m_wait, &QTimer::timeout, this, [this] { attempt(); });
        connect(client, &HttpClient::abortRequested, this,
                [this] { finish(failure(QStringLiteral("cancelled"))); });
        m_total.start(p.totalTimeoutMs);
        attempt();
    }

private:
    HttpResponse failure(const QString &why) const
    {
        HttpResponse r;
        r.error = why;
        r.attempts = m_attempts;
        return r;
    }

    void attempt()
    {
        ++m_attempts;
        m_idleExpired = false;
        QNetworkRequest request(m_url);
        request.setHeader(QNetworkRequest::UserAgentHeader, HttpClient::userAgent());
        request.setRawHeader("Accept", "application/json, text/csv, text/plain, */*");
        for (const auto &header : m_headers)
            request.setRawHeader(header.first, header.second);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setMaximumRedirectsAllowed(m_client->policy().maxRedirects);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        m_reply = m_client->manager()->get(request);
        const auto poke = [this] { m_idle.start(m_client->policy().idleTimeoutMs); };
        connect(m_reply, &QNetworkReply::downloadProgress, this, poke);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, poke);
        connect(m_reply, &QNetworkReply::finished, this, [this] { onFinished(); });
        poke();
        Q_EMIT m_client->attemptStarted(m_tag, m_attempts, HttpClient::redacted(m_url));
    }

    void onFinished()
    {
        m_idle.stop();
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (m_finished) return;

        HttpResponse r;
        r.attempts = m_attempts;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        // An aborted reply (a timeout) is closed: reading it would only print Qt's "device not
        // open" warning on the command line.
        const Retry retry = judge(reply, reply->isOpen() ? reply->readAll() : QByteArray(), r);
        // Never print a URL's query (keys, crumbs): strip it from Qt's own messages too.
        r.error.replace(m_url.toString(), HttpClient::redacted(m_url));

        if (retry.again && m_attempts < m_client->policy().maxAttempts) {
            m_wait.start(retry.waitMs);
            return;
        }
        if (retry.again && m_attempts > 1)
            r.error += QStringLiteral(" after %1 attempts").arg(m_attempts);
        finish(r);
    }

    struct Retry {
        bool again = false;
        int waitMs = 0;
    };

    // What the reply means: `r` ok with its body, or the error a user reads; and whether another
    // attempt may do better, after how long.
    Retry judge(QNetworkReply *reply, const QByteArray &body, HttpResponse &r) const
    {
        const Retry backoff{true,
                            m_client->policy().backoffMs * (1 << std::min(m_attempts - 1, 10))};
        const QNetworkReply::NetworkError error = reply->error();
        if (m_idleExpired) {
            r.error = QStringLiteral("no answer for %1 s (timeout)")
                          .arg(m_client->policy().idleTimeoutMs / 1000.0);
            return backoff;
        }
        if (r.status == 429 || (r.status >= 500 && r.status <= 599))
            return busy(reply, body, r, backoff.waitMs);
        if (r.status >= 400) {
            r.error = statusLine(reply, r.status);
            r.body = body;
            return {};
        }
        if (error == QNetworkReply::TooManyRedirectsError) {
            r.error = QStringLiteral("redirect loop (more than %1 redirects)")
                          .arg(m_client->policy().maxRedirects);
            return {};
        }
        if (error == QNetworkReply::ConnectionRefusedError ||
            error == QNetworkReply::HostNotFoundError ||
            error == QNetworkReply::NetworkSessionFailedError ||
            error == QNetworkReply::UnknownNetworkError) {
            r.error =
                QStringLiteral("cannot reach %1 (%2): offline?")
                    .arg(m_url.host(), reply->errorString().section(QLatin1String(" - "), 0, 0));
            return {};
        }
        if (error != QNetworkReply::NoError) {
            r.error = QStringLiteral("the transfer failed: %1").arg(reply->errorString());
            // A connection that breaks mid-body is worth another try.
            return {error == QNetworkReply::RemoteHostClosedError ||
                        error == QNetworkReply::TemporaryNetworkFailureError,
                    backoff.waitMs};
        }
        const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (!reply->hasRawHeader("Content-Encoding") && declared > body.size()) {
            // Qt now and then reports a connection closed mid-body as a normal end: the length
            // the server announced tells.
            r.error =
                QStringLiteral("the transfer failed: the connection closed after %1 of %2 bytes")
                    .arg(body.size())
                    .arg(declared);
            return backoff;
        }
        r.ok = true;
        r.body = body;
        return {};
    }

    static QString statusLine(QNetworkReply *reply, int status)
    {
        return QStringLiteral("HTTP %1 %2")
            .arg(status)
            .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    }

    // 429 and 5xx: tried again after the backoff or the Retry-After the server asks for, unless
    // that is longer than the policy allows (then the error says so). A 429 is tried again only
    // where the policy says throttling passes.
    Retry busy(QNetworkReply *reply, const QByteArray &body, HttpResponse &r, int backoffMs) const
    {
        r.error = statusLine(reply, r.status);
        r.body = body;
        Retry retry{r.status != 429 || m_retryThrottled, backoffMs};
        const QByteArray retryAfter = reply->rawHeader("Retry-After").trimmed();
        bool isNumber = false;
        const int seconds = retryAfter.toInt(&isNumber);
        if (!isNumber || seconds < 0) return retry;
        if (retry.again && qint64(seconds) * 1000 > m_client->policy().maxRetryAfterMs) {
            r.error += QStringLiteral(" (asks to wait %1 s; try again later)").arg(seconds);
            retry.again = false;
        } else {
            retry.waitMs = seconds * 1000;
        }
        return retry;
    }

    void finish(HttpResponse r)
    {
        if (m_finished) return;
        m_finished = true;
        m_total.stop();
        m_idle.stop();
        m_wait.stop();
        if (m_reply) {
            QNetworkReply *reply = m_reply;
            m_reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        // The callback may start new requests or delete the client; run it after unwinding, with
        // this request's tag, which the requests it starts inherit.
        auto done = std::move(m_done);
        QPointer<HttpClient> client(m_client);
        QTimer::singleShot(0, client,
                           [client, tag = m_tag, done = std::move(done), r = std::move(r)] {
                               const QString outer = client->tag();
                               client->setTag(tag);
                               done(r);
                               if (client) client->setTag(outer);
                           });
        deleteLater();
    }

    HttpClient *m_client;
    QUrl m_url;
    HttpClient::Headers m_headers;
    std::function<void(HttpResponse)> m_done;
    QString m_tag;
    QNetworkReply *m_reply = nullptr;
    QTimer m_total, m_idle, m_wait;
    int m_attempts = 0;
    bool m_retryThrottled = true;
    bool m_idleExpired = false;
    bool m_finished = false;
};

} // namespace

bool HttpResponse::isHtml() const
{
    if (contentType.toLower().contains("text/html")) return true;
    const QByteArray start = body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html") ||
           start.startsWith("<head") || start.startsWith("<body");
}

HttpClient::HttpClient(HttpPolicy policy, QObject *parent)
    : QObject(parent), m_policy(policy), m_manager(new QNetworkAccessManager(this))
{
}

HttpClient::~HttpClient() = default;

void HttpClient::get(const QUrl &url, const Headers &headers,
                     std::function<void(HttpResponse)> done, bool retryThrottled)
{
    new Exchange(this, url, headers, std::move(done), retryThrottled);
}

void HttpClient::abortAll()
{
    Q_EMIT abortRequested();
}

QString HttpClient::redacted(const QUrl &url)
{
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

const QByteArray &HttpClient::userAgent()
{
    // Yahoo and Treasury answer scripts' default agents with 403 or 429.
    static const QByteArray agent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/142.0.0.0 Safari/537.36";
    return agent;
}

} // namespace indexlens
