// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the settings file (INI) read into provider settings.
#include "providers/ProviderSettings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace indexlens;
    // Qt warns on stderr for odd keys ("Empty key passed"); printing that dominated the run time.
    static const bool quiet =
        (qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {}),
         true);
    (void)quiet;
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QSettings settings(path, QSettings::IniFormat);
    const ProviderSettings s = ProviderSettings::load(settings, false);
    if (s.concurrency < 1 || s.concurrency > 8 || s.defaultSet.isEmpty()) __builtin_trap();
    return 0;
}
