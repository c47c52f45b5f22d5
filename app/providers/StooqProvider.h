// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpClient.h"
#include "Provider.h"
#include "ProviderSettings.h"

namespace indexlens {

// Stooq daily CSV (optional). Since 2026 it wants a user API key and answers keyless clients
// with an HTML verification page under HTTP 200.
class StooqProvider : public Provider {
public:
    StooqProvider(HttpClient &http, const ProviderSettings &settings);
    QString id() const override { return QStringLiteral("stooq"); }
    void fetch(const FetchRequest &request, std::function<void(FetchResult)> done) override;

    // IWM -> iwm.us, ^GSPC -> ^spx, ^IXIC -> ^ndq.
    static QString stooqSymbol(const QString &symbol);

private:
    HttpClient &m_http;
    const ProviderSettings &m_settings;
};

} // namespace indexlens
