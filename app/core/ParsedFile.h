// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/DataChecks.h"
#include "core/Series.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace indexlens {

// The formats the importer reads. `Auto` detects one from the header.
enum class CsvFormat {
    Auto,
    Yahoo,         // Date,Open,High,Low,Close,Adj Close,Volume (any order): raw close + adjusted
    YFinance,      // flat, no Adj Close (auto_adjust=True): the close is already adjusted
    YFinanceMulti, // three header lines Price/Ticker/Date, symbol(s) from the Ticker line
    CloseOnly,     // Date,Close or Date,<SYMBOL>: one adjusted close per day
    SymbolColumn,  // a leading symbol column, several symbols per file
    Stooq,         // Date,Open,High,Low,Close,Volume: close recorded as is, no adjusted close
    Fred           // DATE,<ID> or observation_date,<ID>: a rate in percent; "." or "" is missing
};

QString formatName(CsvFormat format);

std::optional<CsvFormat> formatFromName(const QString &name);

// The data of one symbol read from a file: bars for prices, observations for rates.
struct SymbolData {
    QString symbol;
    InstrumentKind kind = InstrumentKind::Etf;
    std::vector<Bar> bars;    // ascending dates, prices only
    Series rates;             // ascending dates, rates only (percent)
    bool hasRawClose = false; // the file's close is unadjusted (an adjusted close comes apart)
    int missingDays = 0;      // rows skipped because every value was missing
    int duplicateRows = 0;    // identical repeated rows dropped
    QStringList notes = {};   // said with this symbol's write, and kept in the import log
    QString name = {};        // the provider's name for it (Yahoo's longName), "" from files
    QString currency = {};    // the provider's currency (Yahoo's meta.currency), "" from files

    bool isRate() const { return kind == InstrumentKind::Rate; }
    int rowCount() const { return int(isRate() ? rates.size() : bars.size()); }
    QDate firstDate() const;
    QDate lastDate() const;
};

// Sorts `data` by date, drops repeated identical days and checks prices are positive and dates
// possible (none after `today`, none before kEarliestDataYear). Returns an empty string, or why
// the data is refused (a date with two different values, a bad price, an impossible date).
QString normalizeSymbolData(SymbolData &data, const QDate &today = latestPossibleDate());

struct ParsedFile {
    QString path;
    CsvFormat format = CsvFormat::Auto;
    QString origin; // a provider id ("yahoo", "fred", ...) for downloads; empty for files
    std::vector<SymbolData> symbols;
    QStringList notes; // things the user should know, e.g. skipped missing days
};

// Why a file was refused: names the file, the 1-based line (0 when not about one line) and the
// reason.
struct ImportError {
    QString file;
    int line = 0;
    QString reason;
    QString toString() const;
};

} // namespace indexlens
