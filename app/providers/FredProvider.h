// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpClient.h"
#include "Provider.h"
#include "ProviderSettings.h"

namespace indexlens {

// FRED: the official API when the settings hold a key, else the keyless graph CSV (which FRED
// has refused with 403 since 2026: the message then says where to enter a key).
class FredProvider : public Provider {
public:
    FredProvider(HttpClient &http, const ProviderSettings &settings);
    QString id() const override { return QStringLiteral("fred"); }
    void fetch(const FetchRequest &request, std::function<void(FetchResult)> done) override;

private:
    void fetchApi(const FetchRequest &request, const std::function<void(FetchResult)> &done);
    void fetchGraphCsv(const FetchRequest &request, const std::function<void(FetchResult)> &done);
    QString hideKey(QString text) const;

    HttpClient &m_http;
    const ProviderSettings &m_settings;
};

} // namespace indexlens
