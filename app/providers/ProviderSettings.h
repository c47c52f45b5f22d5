// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpClient.h"

#include <QHash>
#include <QString>
#include <QStringList>

class QSettings;

namespace indexlens {

// Where the providers live and how to reach them. Every base URL can be changed (settings, or
// the INDEXLENS_*_BASE environment variables, which win) so that tests use a loopback server.
struct ProviderSettings {
    QString yahooBase = QStringLiteral("https://query1.finance.yahoo.com");
    QString yahooCookieUrl = QStringLiteral("https://fc.yahoo.com/");
    QString treasuryBase = QStringLiteral("https://home.treasury.gov");
    QString fredBase = QStringLiteral("https://fred.stlouisfed.org");
    QString fredApiBase = QStringLiteral("https://api.stlouisfed.org");
    QString stooqBase = QStringLiteral("https://stooq.com");
    QString fredApiKey;                        // never printed
    QString stooqApiKey;                       // never printed
    QHash<QString, QString> providerOverrides; // symbol -> provider id
    int concurrency = 4;
    // What Update fetches into an empty cache.
    QStringList defaultSet = {QStringLiteral("IWM"),   QStringLiteral("SPY"),
                              QStringLiteral("^RUT"),  QStringLiteral("^GSPC"),
                              QStringLiteral("IWB"),   QStringLiteral("QQQ"),
                              QStringLiteral("DGS10"), QStringLiteral("DGS2")};
    HttpPolicy http;

    // QSettings group "providers", then (unless told not to) the environment on top.
    static ProviderSettings load(QSettings &settings, bool withEnvironment = true);
    static ProviderSettings fromEnvironment(ProviderSettings base);
    void save(QSettings &settings) const;

    // Where a user enters the FRED key, for messages.
    static QString fredKeyHint();
};

} // namespace indexlens
