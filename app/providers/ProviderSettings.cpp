// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderSettings.h"

#include "core/AppSettings.h"
#include "import/CsvLayout.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

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
    s.concurrency = std::clamp(settings.value(QStringLiteral("concurrency"), 4).toInt(),
                               kMinConcurrency, kMaxConcurrency);
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

namespace {

// Why `text` cannot be a provider's base URL, or nothing.
QString urlProblem(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return QStringLiteral("\"%1\" is not an http:// or https:// address").arg(text);
    if (url.host().isEmpty()) return QStringLiteral("\"%1\" names no host").arg(text);
    return {};
}

// Why `symbol` cannot be in the default set (the importer's rule for a symbol), or nothing.
QString symbolProblem(const QString &symbol)
{
    if (csv::validSymbol(symbol)) return {};
    if (symbol.contains(QLatin1Char(';')) || symbol.contains(QLatin1Char(' ')))
        return QStringLiteral("\"%1\" is not a symbol; separate symbols with commas").arg(symbol);
    return QStringLiteral("\"%1\" is not a symbol (letters, digits and ^ . = _ - only, at most "
                          "32)")
        .arg(symbol);
}

} // namespace

QStringList splitSymbolList(const QString &text)
{
    QStringList symbols;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty()) symbols << item.trimmed();
    return symbols;
}

std::vector<SettingsProblem> ProviderSettings::problems() const
{
    std::vector<SettingsProblem> out;
    if (defaultSet.isEmpty())
        out.push_back({QStringLiteral("defaultSet"), QStringLiteral("no symbol"), {}});
    for (const QString &symbol : defaultSet)
        if (const QString why = symbolProblem(symbol); !why.isEmpty()) {
            out.push_back({QStringLiteral("defaultSet"), why, {}});
            break; // one reason per field is enough to mend it
        }
    for (const UrlSetting &u : kUrls)
        if (const QString why = urlProblem(this->*u.field); !why.isEmpty())
            out.push_back({QLatin1String(u.key), why, {}});
    if (concurrency < kMinConcurrency || concurrency > kMaxConcurrency)
        out.push_back({QStringLiteral("concurrency"),
                       QStringLiteral("%1 is outside %2 to %3")
                           .arg(concurrency)
                           .arg(kMinConcurrency)
                           .arg(kMaxConcurrency),
                       {}});
    return out;
}

std::optional<SettingsProblem> cachePathProblem(const QString &path)
{
    if (path.trimmed().isEmpty()) return std::nullopt; // the default location
    const QFileInfo file(path.trimmed());
    const QString field = QStringLiteral("cachePath");
    if (file.isDir())
        return SettingsProblem{field, QStringLiteral("%1 is a folder, not a file").arg(path), {}};
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists())
        return SettingsProblem{field,
                               QStringLiteral("the folder %1 does not exist")
                                   .arg(QDir::toNativeSeparators(folder.absoluteFilePath())),
                               folder.absoluteFilePath()};
    if (!folder.isDir())
        return SettingsProblem{
            field, QStringLiteral("%1 is a file, not a folder").arg(folder.absoluteFilePath()), {}};
    return std::nullopt;
}

QString ProviderSettings::fredKeyHint()
{
    return QStringLiteral("enter a free FRED API key (https://fred.stlouisfed.org/docs/api/"
                          "api_key.html) in the settings (providers/fredApiKey) or set "
                          "INDEXLENS_FRED_API_KEY");
}

} // namespace indexlens
