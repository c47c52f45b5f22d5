// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "core/AppSettings.h"
#include "SqliteStatement.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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
        // 2: whether a bar's close is the source's raw close (issue #14, 2). Rows written before
        // count as raw; importing their file again marks them.
        {
            "ALTER TABLE bars ADD COLUMN raw_close INTEGER NOT NULL DEFAULT 1 "
            "CHECK (raw_close IN (0, 1))",
        },
    };
    return steps;
}

QString sqlError(const QSqlError &error)
{
    return error.text().trimmed();
}

// access(2), not the permission bits: it also answers for root and for read-only mounts.
bool canWrite(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

// Why the file cannot hold an SQLite database, judged from its 100-byte header, or empty; a
// cheap check at every open (PRAGMA quick_check costs 30 ms on a 12 MB cache, more than a whole
// CLI query). The header is read through the descriptor SQLite opened, never one of our own
// (issue #21): closing any descriptor of the file drops every POSIX lock this process holds on
// it, those of the window's other connection included, and another process then takes itself for
// the last user, checkpoints and deletes the WAL that connection still writes to.
QString headerProblem(sqlite3 *handle, const QString &path)
{
    sqlite3_file *file = nullptr;
    if (sqlite3_file_control(handle, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
        !file || !file->pMethods)
        return {}; // the probe's query judges it instead
    sqlite3_int64 size = 0;
    if (file->pMethods->xFileSize(file, &size) != SQLITE_OK || size == 0)
        return {}; // SQLite turns an empty file into a new database
    unsigned char header[100] = {};
    if (size < 100 || file->pMethods->xRead(file, header, 100, 0) != SQLITE_OK ||
        std::memcmp(header, "SQLite format 3", 16) != 0)
        return QStringLiteral("it is not an SQLite database");
    const auto be = [&header](int at, int bytes) {
        quint32 v = 0;
        for (int i = 0; i < bytes; ++i)
            v = (v << 8) | header[at + i];
        return v;
    };
    const qint64 pageSize = be(16, 2) == 1 ? 65536 : be(16, 2);
    const qint64 pages = be(28, 4);
    // The size in the header is valid when its version-valid-for matches the change counter. A
    // non-empty WAL may legitimately hold pages the main file does not have yet.
    const bool sizeValid = pages != 0 && be(24, 4) == be(92, 4);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (sizeValid && (!wal.exists() || wal.size() == 0) && pages * pageSize > size)
        return QStringLiteral("it is truncated: %1 bytes of the %2 its header announces")
            .arg(size)
            .arg(pages * pageSize);
    return {};
}

// Reads the schema: the first query that touches the file's pages, so it finds a damaged file.
int probe(sqlite3 *handle, QString *message)
{
    *message = headerProblem(handle, QString::fromUtf8(sqlite3_db_filename(handle, "main")));
    if (!message->isEmpty()) return SQLITE_NOTADB;
    const int rc =
        sqlite3_exec(handle, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) *message = QString::fromUtf8(sqlite3_errmsg(handle));
    return rc & 0xff;
}

// A -wal or -shm that a read-only open created takes the file's mode of that moment (0444): once
// the cache is writable again, SQLite could not write them, and every write would fail. The owner
// gives them the cache's mode back; chmod(2) opens no descriptor (see probe()).
void matchSideFileModes(const QString &path)
{
    struct stat cache {};
    if (::stat(QFile::encodeName(path).constData(), &cache) != 0) return;
    for (const char *suffix : {"-wal", "-shm"}) {
        const QByteArray side = QFile::encodeName(path + QLatin1String(suffix));
        struct stat st {};
        if (::stat(side.constData(), &st) != 0 || ::access(side.constData(), W_OK) == 0) continue;
        if (st.st_uid == ::geteuid()) ::chmod(side.constData(), cache.st_mode & 0777);
    }
}

} // namespace

QString Database::moveAside(const QString &path, QString *error)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = QStringLiteral("%1.damaged-%2").arg(path, stamp);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QStringLiteral("%1.damaged-%2-%3").arg(path, stamp).arg(n);
    // rename(2), not QFile::rename: where renaming fails, QFile copies through a descriptor of
    // its own, whose close would drop the locks of this process's other connections (probe()).
    const auto move = [](const QString &from, const QString &to) {
        return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) ==
               0;
    };
    if (!move(path, target)) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return {};
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side)) move(side, target + QLatin1String(suffix));
    }
    return target;
}

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

std::unique_ptr<Database> Database::open(const QString &path, QString *error, QStringList *notes)
{
    static QAtomicInt counter;
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    QStringList ignored;
    if (!notes) notes = &ignored;
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
        return nullptr;
    }
    const auto replaceDamaged = [&](const QString &why) {
        QString moveError;
        const QString moved = moveAside(absolute, &moveError);
        if (moved.isEmpty()) {
            *error = QStringLiteral("%1: the cache is damaged (%2) and cannot be moved aside (%3); "
                                    "nothing was changed")
                         .arg(path, why, moveError);
            return false;
        }
        *notes << QStringLiteral("%1: the cache was damaged (%2); it was moved to %3 and a new, "
                                 "empty cache was created (run Update or import again)")
                      .arg(path, why, moved);
        return true;
    };
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool exists = QFileInfo::exists(absolute); // not info.exists(): it caches
        if (!exists && !canWrite(info.absolutePath())) {
            *error = QStringLiteral("%1: cannot create the cache: the folder %2 is not writable")
                         .arg(path, info.absolutePath());
            return nullptr;
        }
        const bool readOnly = exists && (!canWrite(absolute) || !canWrite(info.absolutePath()));
        std::unique_ptr<Database> db(new Database(
            absolute, QStringLiteral("indexlens-%1").arg(counter.fetchAndAddRelaxed(1))));
        if (!db->connect(readOnly, error)) return nullptr;
        QString message;
        const int rc = probe(sqliteHandle(db->m_db), &message);
        if ((rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) && attempt == 0) {
            db.reset(); // close before renaming
            if (!replaceDamaged(message)) return nullptr;
            continue;
        }
        if (rc != SQLITE_OK) {
            *error = QStringLiteral("%1: cannot read the cache: %2").arg(path, message);
            return nullptr;
        }
        if (!db->configure(error) || !db->migrate(error)) return nullptr;
        if (readOnly)
            *notes << QStringLiteral(
                          "%1: the cache is read-only (%2), so it was opened for reading "
                          "only: import and update cannot write to it")
                          .arg(path, canWrite(absolute)
                                         ? QStringLiteral("its folder is not writable")
                                         : QStringLiteral("the file is not writable"));
        return db;
    }
    *error = QStringLiteral("%1: cannot open the cache").arg(path);
    return nullptr;
}

bool Database::connect(bool readOnly, QString *error)
{
    m_readOnly = readOnly;
    if (readOnly) {
        // Reading a WAL database needs its -shm file; where the folder is read-only and that file
        // cannot be created, SQLite can only read the file as immutable (no locks, no WAL).
        const bool folderWritable = canWrite(QFileInfo(m_path).absolutePath());
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        m_db.setDatabaseName(QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) +
                             (folderWritable ? QString() : QStringLiteral("?immutable=1")));
    } else {
        matchSideFileModes(m_path);
        m_db.setDatabaseName(m_path);
    }
    if (!m_db.open()) {
        *error =
            QStringLiteral("%1: cannot open the cache: %2").arg(m_path, sqlError(m_db.lastError()));
        return false;
    }
    return true;
}

QString Database::failureHint() const
{
    sqlite3 *handle = sqliteHandle(m_db);
    if (!handle) return {};
    switch (sqlite3_errcode(handle) & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
        if (sqlite3_system_errno(handle) == EFBIG)
            return QStringLiteral("the file-size limit of this process was reached");
        if (sqlite3_system_errno(handle) == ENOSPC ||
            (sqlite3_errcode(handle) & 0xff) == SQLITE_FULL)
            return QStringLiteral("the disk is full; free some space and try again");
        return QStringLiteral("the disk reported an error while writing");
    case SQLITE_READONLY:
        return QStringLiteral("the cache is read-only");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("another IndexLens process kept the cache busy; try again");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QStringLiteral("the cache file is damaged; rename it (IndexLens then creates a new "
                              "one) and run Update or import again");
    default:
        return {};
    }
}

bool Database::lastFailureIsDamage() const
{
    sqlite3 *handle = sqliteHandle(m_db);
    const int code = handle ? sqlite3_errcode(handle) & 0xff : SQLITE_OK;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

void Database::stopWriting()
{
    m_readOnly = true;
    if (sqlite3 *handle = sqliteHandle(m_db))
        sqlite3_db_config(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

bool Database::holdsFile(const QString &path) const
{
    struct stat candidate {};
    if (::stat(QFile::encodeName(path).constData(), &candidate) != 0) return false;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat own {};
        if (::stat(QFile::encodeName(m_path + QLatin1String(suffix)).constData(), &own) == 0 &&
            own.st_dev == candidate.st_dev && own.st_ino == candidate.st_ino)
            return true;
    }
    return false;
}

bool Database::checkBeforeFirstWrite(QString *error)
{
    if (m_checked) return true;
    QSqlQuery q(m_db);
    QStringList found;
    if (q.exec(QStringLiteral("PRAGMA quick_check")))
        while (q.next())
            found << q.value(0).toString();
    else
        found << sqlError(q.lastError());
    if (found == QStringList{QStringLiteral("ok")}) {
        m_checked = true;
        return true;
    }
    if (found.size() > 3) found = found.mid(0, 3) << QStringLiteral("...");
    *error =
        QStringLiteral("%1: the cache file is damaged (%2); nothing was written: move it aside "
                       "(rename it; IndexLens then creates a new one) and run Update or "
                       "import again")
            .arg(m_path, found.join(QStringLiteral("; ")));
    return false;
}

qint64 Database::dataVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next()) return -1;
    return q.value(0).toLongLong();
}

bool Database::configure(QString *error)
{
    QSqlQuery q(m_db);
    // busy_timeout first, so that the WAL switch itself waits for another writer. A read-only
    // connection cannot change the journal mode, and has nothing to make durable.
    std::vector<const char *> pragmas = {"PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON"};
    if (!m_readOnly)
        pragmas.insert(pragmas.end(), {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"});
    for (const char *pragma : pragmas) {
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
    if (m_readOnly && version < int(steps.size())) {
        *error = QStringLiteral("%1: the cache is read-only and needs an upgrade to schema version "
                                "%2 (it has %3): make it writable, or use another --db")
                     .arg(m_path)
                     .arg(steps.size())
                     .arg(version);
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
