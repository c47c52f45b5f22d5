// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QObject>

#include <functional>
#include <memory>

namespace indexlens {

class DataJobs;

// The window's connection to its cache: opened, read with the errors said, stopped when a read
// finds the file damaged, and replaced by a new file when the user moves the damaged one aside.
// The window's jobs (update, import) write through it; it is made after them, so it is deleted
// after them too.
class WindowCache : public QObject {
    Q_OBJECT
public:
    WindowCache(DataJobs &jobs, QObject *parent = nullptr);

    Database *db() const { return m_db.get(); }
    bool damaged() const { return m_damaged; }
    bool writable() const { return m_db && !m_db->isReadOnly(); }
    // Opens the cache at `path` (made when missing); what cannot open, and the notes of one that
    // opened (a damaged file moved aside, a read-only one), are said by failed().
    void open(const QString &path);
    // Runs `read`: a CacheError is said, and false returned. One that finds the file damaged
    // stops writing to it and says damagedFound() instead (`first`: the first time).
    bool read(const std::function<void()> &read);
    // Renames the damaged file and opens a new one at its path: the name it was moved to, or
    // empty (and failed() said) when it cannot be.
    QString moveAside();

Q_SIGNALS:
    void failed(const QString &message);
    void damagedFound(const QString &path, const QString &message, bool first);

private:
    DataJobs &m_jobs;
    std::unique_ptr<Database> m_db;
    bool m_damaged = false;
};

} // namespace indexlens
