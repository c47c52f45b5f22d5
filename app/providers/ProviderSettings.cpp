// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderSettings.h"

#include "core/AppSettings.h"

#include <QSettings>

#include <algorithm>

namespace indexlens {

namespace {

struct UrlSetting {
    const char *key;
    const char *env;
    QString ProviderSettings::*field;
};

const UrlSetting kUrls[] = {
    {"yahooBase", "INDEXLENS_YAHOO_BASE", &ProviderSettings::yahooBase},
    {"yahooCookieUrl", "INDEXLENS_YAHOO_COOKIE_URL", &ProviderSettings::yahooCookieUrl},
    {"treasuryBase", "INDEXLENS_TREASURY_BASE", &ProviderSettings::treasuryBase},
    {"fredBase", "INDEXLENS_FRED_BASE", &ProviderSettings::fredBase},
    {"fredApiBase", "INDEXLENS_FRED_API_BASE", &ProviderSettings::fredApiBase},
    {"stooqBase", "INDEXLENS_STOOQ_BASE", &ProviderSettings::stooqBase},
};

QString withoutTrailingSlash(QString url)
{
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

} // namespace

ProviderSettings ProviderSettings::load(QSettings &settings, bool withEnvironment)
{
    ProviderSettings s;
    settings.beginGroup(QStringLiteral("providers"));
    for (const UrlSetting &u : kUrls)
        s.*u.field = settings.value(QLatin1String(u.key), s.*u.field).toString();
    s.fredApiKey = settings.value(QStringLiteral("fredApiKey")).toString().trimmed();
    s.stooqApiKey = settings.value(QStringLiteral("stooqApiKey")).toString().trimmed();
    s.concurrency = std::clamp(settings.value(QStringLiteral("concurrency"), 4).toInt(), 1, 8);
    const QStringList set = settings.value(QStringLiteral("defaultSet")).toStringList();
    if (!set.isEmpty()) s.defaultSet = set;
    settings.beginGroup(QStringLiteral("overrides"));
    for (const QString &symbol : settings.childKeys())
        s.providerOverrides.insert(symbol, settings.value(symbol).toString());
    settings.endGroup();
    settings.endGroup();
    return withEnvironment ? fromEnvironment(s) : s;
}

ProviderSettings ProviderSettings::fromEnvironment(ProviderSettings s)
{
    for (const UrlSetting &u : kUrls) {
        const QString value = qEnvironmentVariable(u.env);
        if (!value.isEmpty()) s.*u.field = value;
    }
    for (const UrlSetting &u : kUrls)
        if (QLatin1String(u.key) != QLatin1String("yahooCookieUrl"))
            s.*u.field = withoutTrailingSlash(s.*u.field);
    const QString fredKey = qEnvironmentVariable("INDEXLENS_FRED_API_KEY");
    if (!fredKey.isEmpty()) s.fredApiKey = fredKey.trimmed();
    const QString stooqKey = qEnvironmentVariable("INDEXLENS_STOOQ_API_KEY");
    if (!stooqKey.isEmpty()) s.stooqApiKey = stooqKey.trimmed();
    return s;
}

void ProviderSettings::save(QSettings &settings) const
{
    const ProviderSettings defaults;
    settings.beginGroup(QStringLiteral("providers"));
    for (const UrlSetting &u : kUrls) {
        if (this->*u.field == defaults.*u.field)
            settings.remove(QLatin1String(u.key));
        else
            settings.setValue(QLatin1String(u.key), this->*u.field);
    }
    settings.setValue(QStringLiteral("fredApiKey"), fredApiKey);
    settings.setValue(QStringLiteral("stooqApiKey"), stooqApiKey);
    settings.setValue(QStringLiteral("concurrency"), concurrency);
    settings.setValue(QStringLiteral("defaultSet"), defaultSet);
    settings.remove(QStringLiteral("overrides"));
    settings.beginGroup(QStringLiteral("overrides"));
    for (auto it = providerOverrides.cbegin(); it != providerOverrides.cend(); ++it)
        settings.setValue(it.key(), it.value());
    settings.endGroup();
    settings.endGroup();
    // The keys are on disk now: the file is its owner's alone, new or not.
    settings.sync();
    keepSettingsFilePrivate(settings.fileName());
}

QString ProviderSettings::fredKeyHint()
{
    return QStringLiteral("enter a free FRED API key (https://fred.stlouisfed.org/docs/api/"
                          "api_key.html) in the settings (providers/fredApiKey) or set "
                          "INDEXLENS_FRED_API_KEY");
}

} // namespace indexlens
