// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ParsedFile.h"

#include <QDateTime>

namespace indexlens {

// Pure parsers of the providers' answers: no network, so each is tested (and fuzzed) alone.
// On failure they return nullopt and set `error` to the reason, without the provider's name.

// Yahoo Finance chart API (v8/finance/chart). Timestamps are converted to dates in the
// exchange's time zone; a null value skips the day; the bar of a session that has not closed at
// `nowUtc` is dropped. Rates (^TNX) come back as observations of the close.
std::optional<SymbolData> parseYahooChart(const QByteArray &json, const QString &symbol,
                                          InstrumentKind kind, const QDateTime &nowUtc,
                                          QStringList *notes, QString *error);

// The Treasury's daily par yield curve CSV of one year. `seriesId` names a FRED-style series the
// Treasury publishes: DGS1MO .. DGS30 (a column), T10Y2Y (10 Yr minus 2 Yr).
std::optional<Series> parseTreasuryCsv(const QByteArray &csv, const QString &seriesId,
                                       QString *error);

// The Treasury column(s) behind a series id, or empty if the Treasury does not publish it.
QStringList treasuryColumnsFor(const QString &seriesId);

// A provider's CSV answer read by the file importer as `format` (FRED graph CSV, Stooq), its one
// symbol renamed to `symbol` (the provider may spell it differently).
std::optional<SymbolData> parseProviderCsv(const QByteArray &csv, CsvFormat format,
                                           const QString &symbol, InstrumentKind kind,
                                           QString *error);

// FRED API series/observations JSON; "." is a missing day.
std::optional<Series> parseFredObservations(const QByteArray &json, QString *error);

// The error_message of a FRED API error answer, or empty.
QString fredErrorMessage(const QByteArray &json);

} // namespace indexlens
