// SPDX-License-Identifier: GPL-3.0-or-later
#include "CacheWatch.h"

#include "storage/Database.h"

namespace indexlens {

CacheWatch::CacheWatch(std::function<Database *()> db, QObject *parent)
    : QObject(parent), m_db(std::move(db))
{
    connect(&m_timer, &QTimer::timeout, this, &CacheWatch::poll);
    m_timer.start(1000);
}

void CacheWatch::sync()
{
    Database *db = m_db();
    m_seen = db ? db->dataVersion() : -1;
}

void CacheWatch::poll()
{
    Database *db = m_db();
    if (!db) return;
    const qint64 version = db->dataVersion();
    if (version < 0 || version == m_seen) return;
    m_seen = version;
    Q_EMIT changed();
}

} // namespace indexlens
