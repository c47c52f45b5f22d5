#include "Database.h"

#include "core/AppSettings.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace indexlens {

namespace {

// Ordered migrations: entry i brings the schema from version i to i + 1. Never edit a released
// entry; append a new one.
const std::vector<std::vector<const char *>> &migrations()
{
    static const std::vector<std::vector<const char *>> steps = {
        {
            R"(CREATE TABLE instruments (
                   symbol   TEXT PRIMARY KEY NOT NULL,
                   name     TEXT NOT NULL,
                   kind     TEXT NOT NULL CHECK (kind IN ('index', 'etf', 'rate')),
                   source   TEXT NOT NULL,
                   currency TEXT NOT NULL DEFAULT ''
               ))",
            // Dates are ISO text: sortable, and readable with the sqlite3 shell.
            R"(CREATE TABLE bars (
                   symbol    TEXT NOT NULL REFERENCES instruments(symbol) ON DELETE CASCADE,
                   date      TEXT NOT NULL,
                   open      REAL,
                   high      REAL,
                   low       REAL,
                   close     REAL NOT NULL CHECK (close > 0),
                   adj_close REAL CHECK (adj_close > 0),
                   volume    INTEGER CHECK (volume >= 0),
                   PRIMARY KEY (symbol, date)
               ) WITHOUT ROWID)",
            R"(CREATE TABLE rates (
                   symbol TEXT NOT NULL REFERENCES instruments(symbol) ON DELETE CASCADE,
                   date   TEXT NOT NULL,
                   value  REAL NOT NULL,
                   PRIMARY KEY (symbol, date)
               ) WITHOUT ROWID)",
            R"(CREATE TABLE import_log (
                   id           INTEGER PRIMARY KEY,
                   at           TEXT NOT NULL,
                   symbol       TEXT NOT NULL,
                   action       TEXT NOT NULL,
                   source       TEXT NOT NULL,
                   rows_added   INTEGER NOT NULL,
                   rows_changed INTEGER NOT NULL,
                   note         TEXT NOT NULL DEFAULT ''
               ))",
            "CREATE INDEX import_log_symbol ON import_log(symbol, at)",
        },
    };
    return steps;
}

QString sqlError(const QSqlError &error)
{
    return error.text().trimmed();
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)),
      m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName))
{
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::defaultPath()
{
    QString fromEnv = qEnvironmentVariable("INDEXLENS_DB");
    if (!fromEnv.isEmpty()) return fromEnv;
    QString chosen = openAppSettings()->value(QStringLiteral("cache/path")).toString();
    if (!chosen.isEmpty()) return chosen;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (folder.isEmpty()) folder = QDir::homePath() + QStringLiteral("/.local/share/indexlens");
    return folder + QStringLiteral("/indexlens.sqlite");
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error)
{
    static QAtomicInt counter;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
        return nullptr;
    }
    std::unique_ptr<Database> db(
        new Database(info.absoluteFilePath(),
                     QStringLiteral("indexlens-%1").arg(counter.fetchAndAddRelaxed(1))));
    db->m_db.setDatabaseName(db->m_path);
    if (!db->m_db.open()) {
        *error = QStringLiteral("%1: cannot open the cache: %2")
                     .arg(path, sqlError(db->m_db.lastError()));
        return nullptr;
    }
    if (!db->configure(error) || !db->migrate(error)) return nullptr;
    return db;
}

bool Database::configure(QString *error)
{
    QSqlQuery q(m_db);
    // busy_timeout first, so that the WAL switch itself waits for another writer.
    for (const char *pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON",
                               "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
        if (!q.exec(QString::fromLatin1(pragma))) {
            *error = QStringLiteral("%1: %2 failed: %3")
                         .arg(m_path, QString::fromLatin1(pragma), sqlError(q.lastError()));
            return false;
        }
    }
    return true;
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) return -1;
    return q.value(0).toInt();
}

bool Database::migrate(QString *error)
{
    const int version = schemaVersion();
    if (version < 0) {
        QSqlQuery probe(m_db);
        probe.exec(QStringLiteral("PRAGMA user_version"));
        *error = QStringLiteral("%1: not a readable SQLite database: %2")
                     .arg(m_path, sqlError(probe.lastError()));
        return false;
    }
    const auto &steps = migrations();
    if (version > int(steps.size())) {
        *error = QStringLiteral("%1: the cache has schema version %2, newer than this IndexLens "
                                "knows (%3); use a newer IndexLens or another --db")
                     .arg(m_path)
                     .arg(version)
                     .arg(steps.size());
        return false;
    }
    for (int v = version; v < int(steps.size()); ++v) {
        if (!m_db.transaction()) {
            *error = QStringLiteral("%1: cannot start the schema migration: %2")
                         .arg(m_path, sqlError(m_db.lastError()));
            return false;
        }
        QSqlQuery q(m_db);
        for (const char *statement : steps[v]) {
            if (!q.exec(QString::fromUtf8(statement))) {
                *error = QStringLiteral("%1: migration to schema version %2 failed: %3")
                             .arg(m_path)
                             .arg(v + 1)
                             .arg(sqlError(q.lastError()));
                m_db.rollback();
                return false;
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)) || !m_db.commit()) {
            *error = QStringLiteral("%1: cannot record schema version %2: %3")
                         .arg(m_path)
                         .arg(v + 1)
                         .arg(sqlError(q.lastError()));
            m_db.rollback();
            return false;
        }
    }
    return true;
}

} // namespace indexlens
