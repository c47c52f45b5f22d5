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
    QMetaObject::invokeMethod(
        m_worker,
        [this, file = std::move(file), action, source, done = std::move(done)] {
            QString error;
            std::optional<std::vector<WriteSummary>> summaries;
            if (!m_db) m_db = Database::open(m_path, &error);
            if (m_db) summaries = PriceStore(*m_db).write(file, action, source, &error);
            // Back on the owner's thread; dropped if the owner is gone by then.
            QMetaObject::invokeMethod(
                this, [done, summaries, error] { done(summaries, error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace indexlens
