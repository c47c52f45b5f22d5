// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdjustmentBasis.h"
#include "core/Catalog.h"
#include "core/ParsedFile.h"
#include "Database.h"

#include <QDateTime>

#include <functional>

class QSqlQuery;

namespace indexlens {

class SqliteStatement;

// What one write did to one symbol.
struct WriteSummary {
    QString symbol;
    InstrumentKind kind = InstrumentKind::Etf;
    int rows = 0;    // rows offered
    int added = 0;   // new dates
    int changed = 0; // dates whose values changed (revisions, and rescaled adjusted closes)
    int unchanged = 0;
    int rescaled = 0; // cached rows outside the new data multiplied by basis.factor
    AdjustmentBasis basis;
    QStringList notes;
    // The notes the user must see even where notes are not shown (the window's import): data
    // that was written but looks wrong (issue #21: implausible daily moves). Also in `notes`.
    QStringList warnings;
};

// One row of `indexlens list`.
struct InstrumentSummary {
    Instrument instrument;
    QDate first;
    QDate last;
    int rows = 0;
};

struct ImportLogEntry {
    QDateTime at;
    QString symbol;
    QString action;
    QString source;
    int rowsAdded = 0;
    int rowsChanged = 0;
    QString note;
};

// Reads and writes prices and rates in the cache. Every write is one transaction: it lands whole
// or not at all.
class PriceStore {
public:
    explicit PriceStore(Database &db, const Catalog &catalog = Catalog::builtIn());
    const Database &database() const { return m_db; }

    // Upserts every symbol of `file` in one transaction. `action` ("import", "update") and
    // `source` (a path or a provider) go to the import log. On failure nothing is written,
    // `error` says why, and the result is empty.
    std::optional<std::vector<WriteSummary>> write(const ParsedFile &file, const QString &action,
                                                   const QString &source, QString *error);

    // Reads throw CacheError when SQLite fails mid-query (a damaged page, an I/O error): a short
    // series would look like data that simply ends.
    std::vector<InstrumentSummary> list() const;
    std::optional<Instrument> instrument(const QString &symbol) const;
    std::vector<Bar> bars(const QString &symbol) const;
    // The last cached date of a symbol (bars or rates), or nullopt when it has none.
    std::optional<QDate> lastDate(const QString &symbol) const;
    // Daily closes for returns: adjusted close where present (Total) or close (Price).
    Series closes(const QString &symbol, ReturnBasis basis) const;
    Series rates(const QString &symbol) const;
    // Whether the symbol is a total return series: its adjusted closes differ from its closes on
    // some day (distributions), or it is a fund whose closes came adjusted (a file without raw
    // closes). Yahoo's indices (^GSPC, ^RUT) have adjusted close = close: price.
    bool holdsDistributions(const QString &symbol) const;
    // How many close-to-close moves of the symbol's cached bars are implausible (DataChecks.h).
    int implausibleMoveCount(const QString &symbol) const;
    std::vector<ImportLogEntry> log(const QString &symbol = QString()) const;

private:
    bool writeSymbol(const SymbolData &data, const QString &action, const QString &source,
                     const QString &format, WriteSummary &summary, QString *error);
    bool upsertInstrument(const SymbolData &data, const QString &format, QString *error);
    bool writeBars(const SymbolData &data, WriteSummary &summary, QString *error);
    bool writeRates(const SymbolData &data, WriteSummary &summary, QString *error);
    Series readSeries(const char *sql, const QString &symbol) const;
    [[noreturn]] void readFailed(const QString &what, const QString &reason) const;
    void requireDone(const QSqlQuery &q, const QString &what) const;
    // Steps `q` to its end, calling `row` for each row; throws CacheError on a failed step.
    void stepRows(SqliteStatement &q, const QString &what, const std::function<void()> &row) const;

    Database &m_db;
    const Catalog &m_catalog;
};

} // namespace indexlens
