// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CsvImporter.h"
#include "storage/PriceStore.h"

namespace indexlens {

// The outcome of one file of a batch: either summaries per symbol or the reason it was refused.
struct FileImportResult {
    QString path;
    CsvFormat format = CsvFormat::Auto;
    std::vector<WriteSummary> summaries;
    QStringList notes;
    std::optional<ImportError> error;
};

// Imports several files, each in its own transaction: a refused file writes nothing and does not
// stop the others.
//
// Files that hold the same symbol overlap; the last one written wins on common days. So the batch
// writes the best source last: files with both a raw and an adjusted close (Yahoo), then files
// with only an adjusted close, then files with no adjusted close; within a rank, the file that
// ends later. Results come back in the order the files were given.
std::vector<FileImportResult> importFiles(PriceStore &store, const QStringList &paths,
                                          const CsvImportOptions &options,
                                          const CsvImporter &importer = CsvImporter());

} // namespace indexlens
