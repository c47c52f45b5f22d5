// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreWriter.h"

namespace indexlens {

StoreWriter::StoreWriter(QString dbPath, QObject *parent)
    : QObject(parent), m_path(std::move(dbPath)), m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("indexlens-writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StoreWriter::~StoreWriter()
{
    // Runs after every queued write; the connection closes on the thread that opened it.
    QMetaObject::invokeMethod(
        m_worker, [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StoreWriter::write(ParsedFile file, const QString &action, const QString &source, Done done)
{
    auto result = std::make_shared<std::pair<std::optional<std::vector<WriteSummary>>, QString>>();
    run(
        [file = std::move(file), action, source, result](Database *db, const QString &openError) {
            if (db)
                result->first = PriceStore(*db).write(file, action, source, &result->second);
            else
                result->second = openError;
        },
        [result, done = std::move(done)] { done(result->first, result->second); });
}

void StoreWriter::run(std::function<void(Database *db, const QString &openError)> job,
                      std::function<void()> done)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job), done = std::move(done)] {
            QString error;
            if (!m_db) m_db = Database::open(m_path, &error);
            job(m_db.get(), error);
            // Back on the owner's thread; dropped if the owner is gone by then.
            QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace indexlens
