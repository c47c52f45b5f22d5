// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

#include <optional>
#include <string_view>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace indexlens {

// The sqlite3 handle under a Qt SQLite connection, or null if the driver is not QSQLITE.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// A prepared statement on the SQLite C API, for the bulk paths of the cache (bars and rates).
// Qt's QSqlQuery spends ~5 µs per bound value (QSqlResult formats a placeholder name with
// QString::arg for every bind), which made writing 24 000 bars take a second; the C API on the
// same connection (so inside the same transaction) takes a few hundred nanoseconds.
class SqliteStatement {
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    QString errorMessage() const;

    // Parameters are numbered from 1, as in SQLite.
    void bind(int index, double value);
    void bind(int index, const std::optional<double> &value);
    void bind(int index, const std::optional<qint64> &value);
    void bind(int index, const QString &text);
    void bind(int index, const QDate &date); // as ISO text

    // One step: true for a row (SQLITE_ROW) or done (SQLITE_DONE); false on an error.
    bool step();
    bool hasRow() const { return m_row; }
    // Clears the bindings' use so the statement runs again.
    void reset();

    double columnDouble(int index) const;
    std::optional<double> columnOptionalDouble(int index) const;
    std::optional<qint64> columnOptionalInt64(int index) const;
    QDate columnDate(int index) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_row = false;
};

} // namespace indexlens
