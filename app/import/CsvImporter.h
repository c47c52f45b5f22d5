// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Catalog.h"
#include "core/DataChecks.h"
#include "core/ParsedFile.h"

#include <QByteArray>

namespace indexlens {

struct CsvImportOptions {
    CsvFormat format = CsvFormat::Auto; // Auto: detect from the header
    QString symbol;                     // used when the file names no symbol itself
    std::optional<InstrumentKind> kind; // overrides the catalog / the symbol's form
    QDate today = latestPossibleDate(); // a row dated later is refused (tests set their own)
};

// Reads the CSV formats of Yahoo, yfinance, Stooq and FRED (and two simple variants) into
// validated, date-sorted data. Pure: touches no database, so a refused file costs nothing.
class CsvImporter {
public:
    explicit CsvImporter(const Catalog &catalog = Catalog::builtIn());

    std::optional<ParsedFile> parseFile(const QString &path, const CsvImportOptions &options,
                                        ImportError *error) const;

    // `path` names the data in messages and gives the symbol when nothing else does.
    std::optional<ParsedFile> parse(const QByteArray &bytes, const QString &path,
                                    const CsvImportOptions &options, ImportError *error) const;

private:
    const Catalog &m_catalog;
};

} // namespace indexlens
