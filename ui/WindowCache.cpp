// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowCache.h"

#include "DataJobs.h"
#include "storage/CacheError.h"

namespace indexlens {

WindowCache::WindowCache(DataJobs &jobs, QObject *parent) : QObject(parent), m_jobs(jobs) {}

void WindowCache::open(const QString &path)
{
    QString error;
    QStringList notes;
    auto db = Database::open(path, &error, &notes);
    if (!db) {
        Q_EMIT failed(error);
        return;
    }
    m_db = std::move(db);
    m_damaged = false;
    m_jobs.setDatabase(m_db.get());
    // A damaged cache moved aside, or a read-only one: the user must see it (a dialog, once the
    // window shows).
    if (!notes.isEmpty())
        QMetaObject::invokeMethod(
            this, [this, notes] { Q_EMIT failed(notes.join(QLatin1Char('\n'))); },
            Qt::QueuedConnection);
}

bool WindowCache::read(const std::function<void()> &read)
{
    try {
        read();
        return true;
    } catch (const CacheError &e) {
        if (!e.damaged() || !m_db) {
            Q_EMIT failed(e.message());
            return false;
        }
        const bool first = !m_damaged;
        m_damaged = true;
        m_db->stopWriting();
        Q_EMIT damagedFound(m_db->path(), e.message(), first);
        return false;
    }
}

QString WindowCache::moveAside()
{
    if (!m_db || m_jobs.busy()) return {};
    const QString path = m_db->path();
    QString error;
    // Renamed while this connection is still open (it keeps the inode); closed afterwards without
    // the checkpoint that would write into the damaged file (Database::stopWriting).
    QString moved = Database::moveAside(path, &error);
    if (moved.isEmpty()) {
        Q_EMIT failed(
            QStringLiteral("%1: cannot move the damaged cache aside: %2").arg(path, error));
        return {};
    }
    m_jobs.setDatabase(nullptr);
    m_db.reset();
    open(path);
    return moved;
}

} // namespace indexlens
