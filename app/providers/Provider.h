// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ParsedFile.h"
#include "SourceNames.h"

#include <QDateTime>

#include <functional>

namespace indexlens {

// What to download: one symbol, from `from` (inclusive) to `nowUtc`.
struct FetchRequest {
    QString symbol;
    InstrumentKind kind = InstrumentKind::Etf;
    QDate from;
    QDateTime nowUtc;
};

// A download's outcome: the data, or an error that says what went wrong (never a URL query).
struct FetchResult {
    std::optional<SymbolData> data;
    QString error;
    QStringList notes;
};

// One data source. Implementations parse with the pure functions of ProviderParsers.h.
class Provider {
public:
    virtual ~Provider() = default;
    virtual QString id() const = 0;                   // "yahoo", "treasury", "fred", "stooq"
    QString name() const { return sourceName(id()); } // "Yahoo Finance"
    // The earliest date worth asking for (a full history starts there).
    virtual QDate earliest() const { return QDate(1900, 1, 1); }
    virtual void fetch(const FetchRequest &request, std::function<void(FetchResult)> done) = 0;
};

} // namespace indexlens
