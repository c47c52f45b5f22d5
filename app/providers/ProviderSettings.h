// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpClient.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QSettings;

namespace indexlens {

// A settings value that cannot work: which field (the settings key, e.g. "yahooBase",
// "defaultSet", "concurrency", "cachePath") and why, for the user.
struct SettingsProblem {
    QString field;
    QString reason;
    // Set when the only trouble is that this folder does not exist (the cache path): the dialog
    // may offer to create it. Never created here.
    QString missingFolder;
};

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
    static constexpr int kMinConcurrency = 1;
    static constexpr int kMaxConcurrency = 16;
    int concurrency = 4; // symbols fetched at the same time
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

    // The values that cannot work, in the order the settings dialog shows their fields: a base
    // URL that is not http(s)://host..., a default set with something that is not a symbol (the
    // importer's rule; a `;` or `!!` would reach the provider as a symbol and fail there, after a
    // round trip per symbol), a concurrency outside kMinConcurrency..kMaxConcurrency. Empty when
    // all can work. (API keys are trimmed where they are read; any key may be right.)
    std::vector<SettingsProblem> problems() const;

    // Where a user enters the FRED key, for messages.
    static QString fredKeyHint();
};

// Whether `path` can be a cache file: empty (the default location) or a file, not a folder, in a
// folder that exists. Nothing is created or opened.
std::optional<SettingsProblem> cachePathProblem(const QString &path);

// The symbols of a comma-separated list, trimmed, empty items left out.
QStringList splitSymbolList(const QString &text);

} // namespace indexlens
