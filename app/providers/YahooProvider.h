// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpClient.h"
#include "Provider.h"
#include "ProviderSettings.h"

#include <vector>

namespace indexlens {

// Yahoo Finance chart API. When Yahoo answers 401 ("Invalid Crumb") or 429, the provider gets
// the session cookie and a crumb once, then retries with &crumb=; both are kept for the session.
class YahooProvider : public Provider {
public:
    YahooProvider(HttpClient &http, const ProviderSettings &settings);
    QString id() const override { return QStringLiteral("yahoo"); }
    void fetch(const FetchRequest &request, std::function<void(FetchResult)> done) override;

    const QString &crumb() const { return m_crumb; }

private:
    // What the user reads when Yahoo still answers 429 after the retries and a new crumb.
    static QString throttledMessage(const QString &symbol);
    void request(const FetchRequest &request, bool crumbTried,
                 const std::function<void(FetchResult)> &done);
    void withCrumb(std::function<void(QString error)> then);
    QUrl chartUrl(const FetchRequest &request) const;

    HttpClient &m_http;
    const ProviderSettings &m_settings;
    QString m_crumb;
    bool m_crumbPending = false;
    std::vector<std::function<void(QString)>> m_crumbWaiters;
};

} // namespace indexlens
