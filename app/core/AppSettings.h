#pragma once

#include <QSettings>

#include <memory>

namespace indexlens {

// The user's settings file: $INDEXLENS_SETTINGS, else indexlens/indexlens.ini in the platform's
// configuration folder (~/.config on Linux). Holds provider URLs, API keys and overrides.
inline std::unique_ptr<QSettings> openAppSettings()
{
    const QString path = qEnvironmentVariable("INDEXLENS_SETTINGS");
    if (!path.isEmpty()) return std::make_unique<QSettings>(path, QSettings::IniFormat);
    return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                       QStringLiteral("indexlens"), QStringLiteral("indexlens"));
}

} // namespace indexlens
