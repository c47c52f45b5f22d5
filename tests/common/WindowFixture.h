// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AppSettings.h"
#include "MainWindow.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <memory>

namespace indexlens::test {

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
