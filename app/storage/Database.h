// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace indexlens {

// One open SQLite cache file: schema migrated to the current version, WAL journal, foreign keys
// on. Owns its QSqlDatabase connection (one per object, so threads can each have their own).
class Database {
public:
    static constexpr int kSchemaVersion = 2;

    // Opens (creating the file and its folder when needed) and migrates. On failure returns null
    // and sets `error` to a message that names the file. What the user must know about an open
    // that succeeded goes to `notes`:
    // - a damaged file (not SQLite, truncated, malformed) is never deleted: it is renamed to
    //   PATH.damaged-YYYYMMDD-HHMMSS (with its -wal and -shm) and a new, empty cache is created;
    // - a file or folder the process cannot write is opened read-only (isReadOnly()).
    static std::unique_ptr<Database> open(const QString &path, QString *error,
                                          QStringList *notes = nullptr);

    // Renames a damaged cache (and its -wal and -shm) to PATH.damaged-YYYYMMDD-HHMMSS, so that
    // whatever it still holds can be rescued; returns the new path, or empty (and `error`).
    static QString moveAside(const QString &path, QString *error);

    // INDEXLENS_DB when set, else the settings' cache/path, else indexlens.sqlite under the
    // platform's application-data folder.
    static QString defaultPath();

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_db; }
    const QString &path() const { return m_path; }
    int schemaVersion() const;
    bool isReadOnly() const { return m_readOnly; }
    // What the last SQLite failure on this connection means for the user ("the disk is full",
    // "another process held the cache"), or empty when there is nothing to add to its message.
    QString failureHint() const;
    // Whether the last SQLite failure on this connection found the file damaged (a malformed
    // page), as opposed to busy, full or read-only.
    bool lastFailureIsDamage() const;
    // After damage was found: this connection writes nothing more into the file, not even the
    // checkpoint SQLite runs when the last connection closes (issue #21).
    void stopWriting();
    // Before this connection's first write: PRAGMA quick_check, once. A damaged cache takes no
    // write (issue #21): a page the write does not touch may be damaged, and writing on would
    // bury what is still there to rescue. 30 ms on a 12 MB cache, once per import or update,
    // never at an open that only reads. False, with `error`, when the file is damaged.
    bool checkBeforeFirstWrite(QString *error);
    // PRAGMA data_version: changes whenever another connection (another process, or a worker of
    // this one) has committed since this one last looked. It reads the WAL index only, so the
    // window can ask every second to follow what commands write (issue #21). -1 on failure.
    qint64 dataVersion() const;
    // Whether `path` is this cache's file or its -wal, -shm or -journal (by device and inode, so a
    // link or another spelling counts): a file that must never be opened outside SQLite, since
    // closing it drops this process's locks (issue #21), nor written over.
    bool holdsFile(const QString &path) const;

private:
    Database(QString path, QString connectionName);
    bool connect(bool readOnly, QString *error);
    bool configure(QString *error);
    bool migrate(QString *error);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_readOnly = false;
    bool m_checked = false; // checkBeforeFirstWrite() found the file whole
};

} // namespace indexlens
