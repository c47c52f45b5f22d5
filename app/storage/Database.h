#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace indexlens {

// One open SQLite cache file: schema migrated to the current version, WAL journal, foreign keys
// on. Owns its QSqlDatabase connection (one per object, so threads can each have their own).
class Database {
public:
    static constexpr int kSchemaVersion = 1;

    // Opens (creating the file and its folder when needed) and migrates. On failure returns null
    // and sets `error` to a message that names the file.
    static std::unique_ptr<Database> open(const QString &path, QString *error);

    // INDEXLENS_DB when set, else the settings' cache/path, else indexlens.sqlite under the
    // platform's application-data folder.
    static QString defaultPath();

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_db; }
    const QString &path() const { return m_path; }
    int schemaVersion() const;

private:
    Database(QString path, QString connectionName);
    bool configure(QString *error);
    bool migrate(QString *error);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace indexlens
