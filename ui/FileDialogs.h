// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileDialog>

#include <memory>

namespace indexlens {

// Every file dialog of the window comes from here (issue #21). Qt's file dialog asks QMimeDatabase
// for the type of each file it lists, and that opens and closes the file to read its first bytes:
// listed beside the cache, the cache, its -wal and its -shm. Closing a descriptor drops every
// POSIX lock the process holds on that file, those of its open SQLite connections included; another
// process then takes itself for the last user, checkpoints and deletes the WAL the window still
// writes to, and two writers can write at once. These dialogs judge a file by its name only, and
// are Qt's widget dialogs: a platform's in-process dialog (GTK's) would read contents too.
std::unique_ptr<QFileDialog> makeFileDialog(QWidget *parent, const QString &caption,
                                            const QString &path, const QString &filter);

// The selected files, or empty when cancelled.
QStringList chooseFilesToOpen(QWidget *parent, const QString &caption, const QString &filter);
// The chosen file, or empty when cancelled. `confirmOverwrite` asks before replacing a file.
QString chooseFileToSave(QWidget *parent, const QString &caption, const QString &path,
                         const QString &filter, bool confirmOverwrite = true);

} // namespace indexlens
