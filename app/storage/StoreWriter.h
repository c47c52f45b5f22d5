// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PriceStore.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace indexlens {

// Writes to the cache on a worker thread with its own connection, so that the thread that owns
// this object (the window's) keeps reading and drawing while an update lands: WAL lets readers go
// on during a write, and a write that waits for another process's lock (busy timeout) waits here,
// not in the event loop.
class StoreWriter : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const std::optional<std::vector<WriteSummary>> &summaries,
                                    const QString &error)>;

    explicit StoreWriter(QString dbPath, QObject *parent = nullptr);
    // Waits for the writes already queued; their `done` callbacks are not called any more.
    ~StoreWriter() override;
    StoreWriter(const StoreWriter &) = delete;
    StoreWriter &operator=(const StoreWriter &) = delete;

    // Queues PriceStore::write of `file` (writes land in the order queued); `done` runs on this
    // object's thread afterwards.
    void write(ParsedFile file, const QString &action, const QString &source, Done done);

    // Queues any other job for the writer's thread and connection (a batch of file imports). `db`
    // is null when the cache cannot be opened, and `openError` says why; `done` runs on this
    // object's thread afterwards.
    void run(std::function<void(Database *db, const QString &openError)> job,
             std::function<void()> done);

    const QThread *workerThread() const { return &m_thread; }

private:
    QString m_path;
    QThread m_thread;
    QObject *m_worker;              // lives on m_thread
    std::unique_ptr<Database> m_db; // opened, used and closed on m_thread only
};

} // namespace indexlens
