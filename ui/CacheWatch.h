// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace indexlens {

class Database;

// Tells the window when another process (or its own worker) wrote to the cache, so that the
// pickers, the charts and the empty screen follow without a restart (issue #21). It polls
// Database::dataVersion() once a second rather than watching the -wal file: a watch needs the
// file to exist, and SQLite deletes and recreates it.
class CacheWatch : public QObject {
    Q_OBJECT
public:
    // `db` gives the window's current connection (null while none is open).
    CacheWatch(std::function<Database *()> db, QObject *parent);
    // The window has read the cache as it is now: the next change is the next one.
    void sync();

Q_SIGNALS:
    void changed();

private:
    void poll();

    std::function<Database *()> m_db;
    QTimer m_timer;
    qint64 m_seen = -1;
};

} // namespace indexlens
