// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace indexlens {

// Timeouts and retries of one request. The defaults suit the public providers; tests shorten them.
struct HttpPolicy {
    int maxAttempts = 3;         // 429, 5xx and timeouts are retried, up to this many tries in all
    int idleTimeoutMs = 20000;   // no byte for this long (connect included): give up the attempt
    int totalTimeoutMs = 90000;  // the whole request, all attempts and waits together
    int backoffMs = 1000;        // wait before retry k: backoffMs * 2^(k-1), or Retry-After
    int maxRetryAfterMs = 60000; // a longer Retry-After is not waited for
    int maxRedirects = 5;
};

struct HttpResponse {
    bool ok = false; // a 2xx answer arrived (the body may still be wrong)
    int status = 0;  // HTTP status, 0 when none arrived
    QByteArray body;
    QByteArray contentType;
    QString error; // why it failed, for the user (no query string: it may hold keys)
    int attempts = 0;

    // HTML where data was expected: a login, consent or verification page.
    bool isHtml() const;
};

// GET with a browser User-Agent, inactivity and total timeouts, bounded retries with backoff that
// honours Retry-After, and a redirect limit. Asynchronous: `done` runs on the caller's thread.
class HttpClient : public QObject {
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpClient(HttpPolicy policy = {}, QObject *parent = nullptr);
    ~HttpClient() override;

    // `retryThrottled` false: a 429 comes back at once (Yahoo answers it with a crumb instead).
    void get(const QUrl &url, const Headers &headers, std::function<void(HttpResponse)> done,
             bool retryThrottled = true);

    // Cancels every request in flight; their callbacks run with an error.
    void abortAll();

    const HttpPolicy &policy() const { return m_policy; }
    QNetworkAccessManager *manager() const { return m_manager; }

    // The URL as it may be printed: scheme, host, port and path, never the query (API keys).
    static QString redacted(const QUrl &url);

    static const QByteArray &userAgent();

    // The tag requests get when they start: what they are for (the Updater's symbol). A request's
    // callback runs with the tag of its request, so the requests it starts in turn (a cookie, a
    // crumb, then the chart; a refetch) carry it without being told.
    const QString &tag() const { return m_tag; }
    void setTag(QString tag) { m_tag = std::move(tag); }

    // `f` run later with the tag it had when it was wrapped (for a callback parked in a queue of
    // waiters, run from another request's callback).
    template <typename F> auto keepingTag(F f)
    {
        return [this, tag = m_tag, f = std::move(f)](auto &&...args) {
            const QString outer = std::exchange(m_tag, tag);
            f(std::forward<decltype(args)>(args)...);
            m_tag = outer;
        };
    }

Q_SIGNALS:
    void abortRequested();
    // An attempt of a request tagged `tag` starts: 1 the first, up to policy().maxAttempts.
    void attemptStarted(const QString &tag, int attempt, const QString &url);

private:
    HttpPolicy m_policy;
    QNetworkAccessManager *m_manager;
    QString m_tag;
};

} // namespace indexlens
