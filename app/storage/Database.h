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

private:
    Database(QString path, QString connectionName);
    bool connect(bool readOnly, QString *error);
    bool configure(QString *error);
    bool migrate(QString *error);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_readOnly = false;
};

} // namespace indexlens
