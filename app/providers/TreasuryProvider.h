// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpClient.h"
#include "Provider.h"
#include "ProviderSettings.h"

#include <QHash>

namespace indexlens {

// US Treasury daily par yield curve, one CSV per year, keyless. Serves the constant-maturity
// series (DGS2, DGS10, ...) and T10Y2Y. Years fetched once per session serve every series.
class TreasuryProvider : public Provider {
public:
    TreasuryProvider(HttpClient &http, const ProviderSettings &settings);
    QString id() const override { return QStringLiteral("treasury"); }
    QDate earliest() const override { return QDate(1990, 1, 2); }
    void fetch(const FetchRequest &request, std::function<void(FetchResult)> done) override;

private:
    void fetchYear(int year, std::function<void(const HttpResponse &)> done);

    HttpClient &m_http;
    const ProviderSettings &m_settings;
    QHash<int, QByteArray> m_years; // this session's answers
    // Requests in flight, with everyone waiting for them: DGS2, DGS10 and T10Y2Y updated together
    // ask for the same years at the same time.
    QHash<int, std::vector<std::function<void(const HttpResponse &)>>> m_waiting;
};

} // namespace indexlens
