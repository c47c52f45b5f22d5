// SPDX-License-Identifier: GPL-3.0-or-later
#include "PriceStore.h"

#include "core/Counted.h"
#include "core/DataChecks.h"

#include "CacheError.h"
#include "core/TextFields.h"
#include "SqliteStatement.h"
#include "SqlRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace indexlens {

namespace {

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

// SQLite stores a null QString as NULL; the text columns are NOT NULL.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Rolls back unless committed: every early return leaves the cache as it was. BEGIN IMMEDIATE
// takes the write lock at once (waiting up to the busy timeout): a deferred transaction that
// reads first and then writes fails with "database is locked" at once when another process has
// written in between, which busy_timeout cannot cure.
class Transaction {
public:
    explicit Transaction(QSqlDatabase &db) : m_db(db)
    {
        // Each try waits up to the busy timeout (5 s): another process's long import gets 15 s.
        for (int attempt = 0; attempt < 3 && !m_open; ++attempt) {
            m_open = exec("BEGIN IMMEDIATE");
            if (!m_open && (sqlite3_errcode(sqliteHandle(m_db)) & 0xff) != SQLITE_BUSY) break;
        }
    }
    ~Transaction()
    {
        if (m_open) exec("ROLLBACK");
    }
    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = !exec("COMMIT");
        return !m_open;
    }
    QString lastError() const { return m_lastError; }

private:
    bool exec(const char *sql)
    {
        QSqlQuery q(m_db);
        if (q.exec(QString::fromLatin1(sql))) return true;
        m_lastError = describe(q);
        return false;
    }

    QSqlDatabase &m_db;
    QString m_lastError;
    bool m_open = false;
};

} // namespace

PriceStore::PriceStore(Database &db, const Catalog &catalog) : m_db(db), m_catalog(catalog) {}

std::optional<std::vector<WriteSummary>> PriceStore::write(const ParsedFile &file,
                                                           const QString &action,
                                                           const QString &source, QString *error)
{
    if (m_db.isReadOnly()) {
        *error = QStringLiteral("%1: the cache is read-only; nothing written (make the file and "
                                "its folder writable, or use another --db)")
                     .arg(m_db.path());
        return std::nullopt;
    }
    if (!m_db.checkBeforeFirstWrite(error)) return std::nullopt;
    // The hint ("the disk is full") must be read before the rollback resets SQLite's error code.
    const auto fail = [this, error](const QString &message) {
        const QString hint = m_db.failureHint();
        *error = hint.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, hint);
        return std::nullopt;
    };
    Transaction transaction(m_db.connection());
    if (!transaction.isOpen())
        return fail(QStringLiteral("%1: cannot start a transaction: %2")
                        .arg(m_db.path(), transaction.lastError()));
    std::vector<WriteSummary> summaries;
    for (const SymbolData &data : file.symbols) {
        WriteSummary summary;
        const QString origin = file.origin.isEmpty() ? formatName(file.format) : file.origin;
        if (!writeSymbol(data, action, source, origin, summary, error)) return fail(*error);
        summaries.push_back(summary);
    }
    if (!transaction.commit())
        return fail(
            QStringLiteral("%1: cannot commit: %2").arg(m_db.path(), transaction.lastError()));
    return summaries;
}

bool PriceStore::upsertInstrument(const SymbolData &data, const QString &format, QString *error)
{
    const auto existing = instrument(data.symbol);
    if (existing && existing->kind != data.kind) {
        *error = QStringLiteral("%1 is in the cache as %2, but this data is %3; nothing written")
                     .arg(data.symbol, kindName(existing->kind), kindName(data.kind));
        return false;
    }
    const auto known = m_catalog.find(data.symbol);
    // Names: the catalog's, else the provider's, else what the cache had, else the symbol. The
    // currency: the provider's (the data's own), else the catalog's or the cache's, else USD.
    const bool unnamed = !existing || existing->name == data.symbol;
    const QString name = known                             ? known->name
                         : !data.name.isEmpty() && unnamed ? data.name
                         : existing                        ? existing->name
                                                           : data.symbol;
    QString currency = !data.currency.isEmpty() ? data.currency
                       : known                  ? known->currency
                       : existing               ? existing->currency
                                                : QString();
    if (currency.isEmpty() && data.kind != InstrumentKind::Rate) currency = QStringLiteral("USD");
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO instruments(symbol, name, kind, source, currency) VALUES(?, ?, ?, ?, ?) "
        "ON CONFLICT(symbol) DO UPDATE SET name = excluded.name, source = excluded.source, "
        "currency = excluded.currency"));
    q.addBindValue(data.symbol);
    q.addBindValue(nonNull(name));
    q.addBindValue(kindName(data.kind));
    q.addBindValue(nonNull(format));
    q.addBindValue(nonNull(currency));
    if (!q.exec()) {
        *error =
            QStringLiteral("%1: cannot record %2: %3").arg(m_db.path(), data.symbol, describe(q));
        return false;
    }
    return true;
}

bool PriceStore::writeSymbol(const SymbolData &data, const QString &action, const QString &source,
                             const QString &format, WriteSummary &summary, QString *error)
{
    summary.symbol = data.symbol;
    summary.kind = data.kind;
    summary.rows = data.rowCount();
    if (!upsertInstrument(data, format, error)) return false;
    if (!(data.isRate() ? writeRates(data, summary, error) : writeBars(data, summary, error)))
        return false;

    summary.notes << data.notes;
    // Said here only, once per symbol, whichever importer or provider skipped them (issue #14,
    // 12: a download said "1 days without a close skipped; 1 days with missing values skipped").
    if (data.missingDays > 0)
        summary.notes << counted(data.missingDays, QStringLiteral("day"), QStringLiteral("days")) +
                             QStringLiteral(" with missing values skipped");
    if (data.duplicateRows > 0)
        summary.notes << counted(data.duplicateRows, QStringLiteral("repeated identical row"),
                                 QStringLiteral("repeated identical rows")) +
                             QStringLiteral(" dropped");

    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO import_log(at, symbol, action, source, rows_added, "
                             "rows_changed, note) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(data.symbol);
    q.addBindValue(nonNull(action));
    q.addBindValue(nonNull(source));
    q.addBindValue(summary.added);
    q.addBindValue(summary.changed);
    q.addBindValue(nonNull(summary.notes.join(QStringLiteral("; "))));
    if (!q.exec()) {
        *error =
            QStringLiteral("%1: cannot write the import log: %2").arg(m_db.path(), describe(q));
        return false;
    }
    return true;
}

namespace {

// A row of the merged series: the bar to store, and the cached one it replaces (null if new).
struct MergedBar {
    Bar bar;
    const Bar *cached = nullptr;
    bool incoming = true; // from the new data; false: a cached day outside it
};

// The bars after a write: the incoming ones on their days, the cached days outside them on the
// incoming basis (`factor`: incoming / cached adjusted closes).
std::vector<MergedBar> mergeBars(const std::vector<Bar> &cached, const std::vector<Bar> &incoming,
                                 std::optional<double> factor)
{
    std::vector<MergedBar> merged;
    merged.reserve(cached.size() + incoming.size());
    auto keep = [&](const Bar &bar) {
        Bar kept = bar;
        if (factor && bar.adjClose) kept.adjClose = *bar.adjClose * *factor;
        merged.push_back({kept, &bar, false});
    };
    auto c = cached.begin();
    for (const Bar &bar : incoming) {
        for (; c != cached.end() && c->date < bar.date; ++c)
            keep(*c);
        const bool same = c != cached.end() && c->date == bar.date;
        merged.push_back({bar, same ? &*c : nullptr, true});
        // A raw close is never replaced by one made from an adjusted close: the day keeps it and
        // takes the new adjusted close.
        if (same && !bar.rawClose && c->rawClose) {
            merged.back().bar.close = c->close;
            merged.back().bar.rawClose = true;
        }
        if (same) ++c;
    }
    for (; c != cached.end(); ++c)
        keep(*c);
    return merged;
}

// A row without a raw close of its own stores its adjusted close as the close, on its file's
// basis: next to raw closes that made a step in the price series (SPY +0.03 % from 2025-09-25 to
// 09-29 where the price moved +0.86 %). Its close is the adjusted close times the nearest raw
// row's close/adjusted ratio (the one before it, else the first after): the price moves as the
// total return does between dividends. Returns how many closes changed.
int priceRowsWithoutRawClose(std::vector<MergedBar> &merged)
{
    std::optional<double> ratio;
    for (const MergedBar &m : merged)
        if (m.bar.rawClose && m.bar.adjClose) {
            ratio = m.bar.close / *m.bar.adjClose;
            break;
        }
    if (!ratio) return 0; // no raw close anywhere: the closes are the adjusted ones
    int priced = 0;
    for (MergedBar &m : merged) {
        if (m.bar.rawClose) {
            if (m.bar.adjClose) ratio = m.bar.close / *m.bar.adjClose;
        } else if (m.bar.adjClose) {
            const double close = *m.bar.adjClose * *ratio;
            if (close != m.bar.close) ++priced;
            m.bar.close = close;
        }
    }
    return priced;
}

// The implausible moves a write brings: those ending on or starting from an incoming day, so a
// cached move said at its own import is not said again at every later update (issue #21).
std::vector<DailyMove> incomingImplausibleMoves(const std::vector<MergedBar> &merged)
{
    std::vector<DailyMove> moves;
    for (std::size_t i = 1; i < merged.size(); ++i) {
        if (!merged[i].incoming && !merged[i - 1].incoming) continue;
        const double change = dailyChange(merged[i - 1].bar, merged[i].bar);
        if (isImplausibleChange(change)) moves.push_back({merged[i].bar.date, change});
    }
    return moves;
}

// What a write of bars says: the closes it priced, and a moved or inconsistent adjusted-close
// basis.
void addWriteNotes(WriteSummary &summary, int priced)
{
    const bool rebase = summary.basis.state == AdjustmentBasis::State::Rebased;
    if (priced > 0)
        summary.notes << counted(priced, QStringLiteral("close"), QStringLiteral("closes")) +
                             QStringLiteral(" without a raw close priced from the nearest raw "
                                            "close's ratio to its adjusted close");

    const AdjustmentBasis &basis = summary.basis;
    if (rebase) {
        summary.notes << QStringLiteral("adjusted-close basis changed: the new data is x%1 the "
                                        "cache on %2 of %3 common days; %4 cached days outside "
                                        "it rescaled by that factor")
                             .arg(basis.factor, 0, 'f', 6)
                             .arg(basis.agreeing)
                             .arg(basis.overlap)
                             .arg(summary.rescaled);
    } else if (basis.state == AdjustmentBasis::State::Inconsistent) {
        summary.notes << QStringLiteral("adjusted closes differ from the cache by no single "
                                        "factor (median x%1, %2 of %3 common days agree): the new "
                                        "values replace the common days, other cached days are "
                                        "kept as they were")
                             .arg(basis.factor, 0, 'f', 6)
                             .arg(basis.agreeing)
                             .arg(basis.overlap);
    }
}

} // namespace

bool PriceStore::writeBars(const SymbolData &data, WriteSummary &summary, QString *error)
{
    const std::vector<Bar> cached = bars(data.symbol);
    std::vector<Bar> incoming = data.bars;
    for (Bar &bar : incoming)
        bar.rawClose = data.hasRawClose;
    summary.basis = compareAdjustmentBasis(cached, incoming);
    const bool rebase = summary.basis.state == AdjustmentBasis::State::Rebased;

    SqliteStatement upsert(
        sqliteHandle(m_db.connection()),
        "INSERT INTO bars(symbol, date, open, high, low, close, adj_close, volume, raw_close) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(symbol, date) DO UPDATE SET "
        "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
        "adj_close = excluded.adj_close, volume = excluded.volume, raw_close = excluded.raw_close");
    if (!upsert.isValid()) {
        *error = QStringLiteral("%1: cannot prepare the write of %2: %3")
                     .arg(m_db.path(), data.symbol, upsert.errorMessage());
        return false;
    }
    upsert.bind(1, data.symbol); // bindings survive reset()
    auto put = [&](const Bar &bar) {
        upsert.bind(2, bar.date);
        upsert.bind(3, bar.open);
        upsert.bind(4, bar.high);
        upsert.bind(5, bar.low);
        upsert.bind(6, bar.close);
        upsert.bind(7, bar.adjClose);
        upsert.bind(8, bar.volume);
        upsert.bind(9, std::optional<qint64>(bar.rawClose ? 1 : 0));
        const bool ok = upsert.step();
        upsert.reset();
        if (!ok) {
            *error = QStringLiteral("%1: cannot write %2 %3: %4")
                         .arg(m_db.path(), data.symbol, isoDate(bar.date), upsert.errorMessage());
            return false;
        }
        return true;
    };

    // Each incoming bar is new, equal or a revision; a cached bar the incoming data lacks keeps its
    // values, on the incoming basis when that moved, its close priced when it has no raw one.
    std::vector<MergedBar> merged =
        mergeBars(cached, incoming, rebase ? std::optional(summary.basis.factor) : std::nullopt);
    const int priced = priceRowsWithoutRawClose(merged);
    for (const MergedBar &m : merged) {
        if (m.cached && *m.cached == m.bar) {
            if (m.incoming) ++summary.unchanged;
            continue;
        }
        if (!put(m.bar)) return false;
        if (!m.incoming)
            ++summary.rescaled;
        else if (m.cached)
            ++summary.changed;
        else
            ++summary.added;
    }
    summary.changed += summary.rescaled;
    addWriteNotes(summary, priced);
    // Imported all the same (the user may know better), but said and kept in the import log.
    const QString moves = implausibleMovesNote(data.symbol, incomingImplausibleMoves(merged));
    if (!moves.isEmpty()) {
        summary.notes << moves;
        summary.warnings << moves;
    }
    return true;
}

bool PriceStore::writeRates(const SymbolData &data, WriteSummary &summary, QString *error)
{
    const Series cached = rates(data.symbol);
    SqliteStatement upsert(sqliteHandle(m_db.connection()),
                           "INSERT INTO rates(symbol, date, value) VALUES(?1, ?2, ?3) "
                           "ON CONFLICT(symbol, date) DO UPDATE SET value = excluded.value");
    if (!upsert.isValid()) {
        *error = QStringLiteral("%1: cannot prepare the write of %2: %3")
                     .arg(m_db.path(), data.symbol, upsert.errorMessage());
        return false;
    }
    upsert.bind(1, data.symbol);
    auto c = cached.begin();
    for (const DatedValue &point : data.rates) {
        while (c != cached.end() && c->date < point.date)
            ++c;
        const bool exists = c != cached.end() && c->date == point.date;
        if (exists && c->value == point.value) {
            ++summary.unchanged;
            continue;
        }
        upsert.bind(2, point.date);
        upsert.bind(3, point.value);
        const bool ok = upsert.step();
        upsert.reset();
        if (!ok) {
            *error = QStringLiteral("%1: cannot write %2 %3: %4")
                         .arg(m_db.path(), data.symbol, isoDate(point.date), upsert.errorMessage());
            return false;
        }
        ++(exists ? summary.changed : summary.added);
    }
    return true;
}

} // namespace indexlens
