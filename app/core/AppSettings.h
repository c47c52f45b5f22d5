// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

namespace indexlens {

// The user's settings file: $INDEXLENS_SETTINGS, else indexlens/indexlens.ini in the platform's
// configuration folder (~/.config on Linux). Holds provider URLs, API keys and overrides.
// The settings file holds the FRED and Stooq API keys: only its owner may read it (issue #14,
// 14). QSettings writes through QSaveFile, which keeps an existing file's mode, but a new file
// gets the umask's (0644); so the mode is mended whenever the file is opened or a key is saved.
// A missing file is left missing (a read-only command creates nothing).
inline void keepSettingsFilePrivate(const QString &path)
{
    constexpr auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (QFileInfo::exists(path) && (QFile::permissions(path) & others))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

inline std::unique_ptr<QSettings> openAppSettings()
{
    const QString path = qEnvironmentVariable("INDEXLENS_SETTINGS");
    auto settings =
        !path.isEmpty()
            ? std::make_unique<QSettings>(path, QSettings::IniFormat)
            : std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                          QStringLiteral("indexlens"), QStringLiteral("indexlens"));
    keepSettingsFilePrivate(settings->fileName());
    return settings;
}

// The application's data folder (the open study's recovery copy, issue #23): $INDEXLENS_DATA,
// else the settings file's folder when $INDEXLENS_SETTINGS names one (so that a test or a
// second profile keeps its own), else indexlens in the platform's data folder
// (~/.local/share/indexlens on Linux). Not created here: a read-only command creates nothing.
inline QString appDataFolder()
{
    QString data = qEnvironmentVariable("INDEXLENS_DATA");
    if (!data.isEmpty()) return data;
    const QString settings = qEnvironmentVariable("INDEXLENS_SETTINGS");
    if (!settings.isEmpty()) return QFileInfo(settings).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/indexlens");
}

} // namespace indexlens
