// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AppSettings.h"
#include "import/ImportBatch.h"
#include "MainWindow.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <memory>

namespace indexlens::test {

// The cache of a window suite: the suite's own settings file beside it, no modal dialogs, and the
// synthetic files named ("yahoo/IWM.csv") imported. The first refused file, or an empty string.
inline QString prepareWindowCache(TempDatabase &temp, const QStringList &files)
{
    qputenv("INDEXLENS_SETTINGS", (temp.dir() + QStringLiteral("/settings.ini")).toUtf8());
    qputenv("INDEXLENS_NO_DIALOGS", "1");
    QStringList paths;
    for (const QString &file : files)
        paths << syntheticDataDir() + QLatin1Char('/') + file;
    PriceStore store(temp.db());
    for (const auto &r : importFiles(store, paths, {}))
        if (r.error) return r.path;
    return {};
}

// A main window on `db` at `size`, shown and exposed, from the default view: no study kept by
// the test before (its recovery file goes). Header-only: the window suites link the UI library,
// the model's common test library does not.
inline std::unique_ptr<MainWindow> openWindow(const QString &db, const QSize &size)
{
    QFile::remove(QDir(appDataFolder()).filePath(QStringLiteral("recovery.json")));
    auto window = std::make_unique<MainWindow>(db);
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) return nullptr;
    return window;
}

} // namespace indexlens::test
