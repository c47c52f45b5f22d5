// SPDX-License-Identifier: GPL-3.0-or-later
// The PriceStore's reads (issue #26: one file for its writes, one for its reads).
#include "PriceStore.h"

#include "CacheError.h"
#include "core/Counted.h"
#include "core/DataChecks.h"
#include "SqliteStatement.h"
#include "SqlRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace indexlens {

void PriceStore::readFailed(const QString &what, const QString &reason) const
{
    const bool damaged = m_db.lastFailureIsDamage();
    throw CacheError(
        damaged ? QStringLiteral("%1: the cache file is damaged: cannot read %2 from it: %3")
                      .arg(m_db.path(), what, reason)
                : QStringLiteral("%1: cannot read %2 from the cache: %3 (if it is damaged, "
                                 "rename it and update again)")
                      .arg(m_db.path(), what, reason),
        damaged);
}

void PriceStore::requireDone(const QSqlQuery &q, const QString &what) const
{
    if (q.lastError().isValid()) readFailed(what, describe(q));
}

void PriceStore::stepRows(SqliteStatement &q, const QString &what,
                          const std::function<void()> &row) const
{
    if (!q.isValid()) readFailed(what, q.errorMessage());
    for (;;) {
        if (!q.step()) readFailed(what, q.errorMessage());
        if (!q.hasRow()) return;
        row();
    }
}

std::vector<InstrumentSummary> PriceStore::list() const
{
    std::vector<InstrumentSummary> result;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.exec(QStringLiteral(
        "SELECT i.symbol, i.name, i.kind, i.source, i.currency, "
        "       COALESCE(b.first, r.first), COALESCE(b.last, r.last), COALESCE(b.n, r.n, 0) "
        "FROM instruments i "
        "LEFT JOIN (SELECT symbol, MIN(date) AS first, MAX(date) AS last, COUNT(*) AS n "
        "           FROM bars GROUP BY symbol) b ON b.symbol = i.symbol "
        "LEFT JOIN (SELECT symbol, MIN(date) AS first, MAX(date) AS last, COUNT(*) AS n "
        "           FROM rates GROUP BY symbol) r ON r.symbol = i.symbol "
        "ORDER BY i.kind = 'rate', i.symbol"));
    requireDone(q, QStringLiteral("the list of symbols"));
    while (q.next()) {
        InstrumentSummary s;
        s.instrument.symbol = q.value(0).toString();
        s.instrument.name = q.value(1).toString();
        s.instrument.kind = kindFromName(q.value(2).toString()).value_or(InstrumentKind::Etf);
        s.instrument.source = q.value(3).toString();
        s.instrument.currency = q.value(4).toString();
        s.first = dateFrom(q.value(5));
        s.last = dateFrom(q.value(6));
        s.rows = q.value(7).toInt();
        result.push_back(s);
    }
    requireDone(q, QStringLiteral("the list of symbols"));
    return result;
}

std::optional<Instrument> PriceStore::instrument(const QString &symbol) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT symbol, name, kind, source, currency FROM instruments WHERE symbol = ?"));
    q.addBindValue(symbol);
    if (!q.exec()) readFailed(symbol, describe(q));
    if (!q.next()) {
        requireDone(q, symbol);
        return std::nullopt;
    }
    Instrument inst;
    inst.symbol = q.value(0).toString();
    inst.name = q.value(1).toString();
    inst.kind = kindFromName(q.value(2).toString()).value_or(InstrumentKind::Etf);
    inst.source = q.value(3).toString();
    inst.currency = q.value(4).toString();
    return inst;
}

std::vector<Bar> PriceStore::bars(const QString &symbol) const
{
    std::vector<Bar> result;
    SqliteStatement q(sqliteHandle(m_db.connection()),
                      "SELECT date, open, high, low, close, adj_close, volume, raw_close "
                      "FROM bars WHERE symbol = ?1 ORDER BY date");
    q.bind(1, symbol);
    stepRows(q, symbol, [&] {
        Bar bar;
        bar.date = q.columnDate(0);
        bar.open = q.columnOptionalDouble(1);
        bar.high = q.columnOptionalDouble(2);
        bar.low = q.columnOptionalDouble(3);
        bar.close = q.columnDouble(4);
        bar.adjClose = q.columnOptionalDouble(5);
        bar.volume = q.columnOptionalInt64(6);
        bar.rawClose = q.columnOptionalInt64(7).value_or(1) != 0;
        result.push_back(bar);
    });
    return result;
}

std::optional<QDate> PriceStore::lastDate(const QString &symbol) const
{
    SqliteStatement q(sqliteHandle(m_db.connection()),
                      "SELECT MAX(d) FROM (SELECT MAX(date) AS d FROM bars WHERE symbol = ?1 "
                      "UNION ALL SELECT MAX(date) FROM rates WHERE symbol = ?1)");
    q.bind(1, symbol);
    QDate date;
    stepRows(q, symbol, [&] { date = q.columnDate(0); });
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

Series PriceStore::closes(const QString &symbol, ReturnBasis basis) const
{
    return readSeries(basis == ReturnBasis::Total
                          ? "SELECT date, COALESCE(adj_close, close) FROM bars WHERE symbol = ?1 "
                            "ORDER BY date"
                          : "SELECT date, close FROM bars WHERE symbol = ?1 ORDER BY date",
                      symbol);
}

bool PriceStore::holdsDistributions(const QString &symbol) const
{
    // A relative tolerance: adjusted closes come with 6 decimals or as float32. A fund's closes
    // from a file without raw closes (Date,Close; yfinance) are adjusted closes, an index's are
    // its level (^IXIC's close-only file).
    SqliteStatement q(sqliteHandle(m_db.connection()),
                      "SELECT 1 FROM bars WHERE symbol = ?1 AND adj_close IS NOT NULL AND "
                      "(abs(adj_close - close) > 1e-6 * abs(close) OR (raw_close = 0 AND "
                      "(SELECT kind FROM instruments WHERE symbol = ?1) = 'etf')) LIMIT 1");
    q.bind(1, symbol);
    bool found = false;
    stepRows(q, symbol, [&found] { found = true; });
    return found;
}

int PriceStore::implausibleMoveCount(const QString &symbol) const
{
    // The closes alone, stepped once on the (symbol, date) key: `list` stays fast on a large
    // cache, and the mark follows the cache's data whoever wrote it.
    SqliteStatement q(sqliteHandle(m_db.connection()),
                      "SELECT close, adj_close FROM bars WHERE symbol = ?1 ORDER BY date");
    q.bind(1, symbol);
    int count = 0;
    std::optional<Bar> before;
    stepRows(q, symbol, [&] {
        Bar bar;
        bar.close = q.columnDouble(0);
        bar.adjClose = q.columnOptionalDouble(1);
        if (before && isImplausibleChange(dailyChange(*before, bar))) ++count;
        before = bar;
    });
    return count;
}

Series PriceStore::rates(const QString &symbol) const
{
    return readSeries("SELECT date, value FROM rates WHERE symbol = ?1 ORDER BY date", symbol);
}

Series PriceStore::readSeries(const char *sql, const QString &symbol) const
{
    Series result;
    SqliteStatement q(sqliteHandle(m_db.connection()), sql);
    q.bind(1, symbol);
    stepRows(q, symbol, [&] { result.push_back({q.columnDate(0), q.columnDouble(1)}); });
    return result;
}

std::vector<ImportLogEntry> PriceStore::log(const QString &symbol) const
{
    std::vector<ImportLogEntry> result;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT at, symbol, action, source, rows_added, rows_changed, note "
                             "FROM import_log WHERE ? = '' OR symbol = ? ORDER BY id"));
    q.addBindValue(symbol.isNull() ? QStringLiteral("") : symbol);
    q.addBindValue(symbol);
    if (!q.exec()) readFailed(QStringLiteral("the import log"), describe(q));
    while (q.next()) {
        ImportLogEntry e;
        e.at = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
        e.symbol = q.value(1).toString();
        e.action = q.value(2).toString();
        e.source = q.value(3).toString();
        e.rowsAdded = q.value(4).toInt();
        e.rowsChanged = q.value(5).toInt();
        e.note = q.value(6).toString();
        result.push_back(e);
    }
    requireDone(q, QStringLiteral("the import log"));
    return result;
}

} // namespace indexlens
