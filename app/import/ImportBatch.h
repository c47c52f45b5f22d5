// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CsvImporter.h"
#include "storage/PriceStore.h"

#include <functional>

namespace indexlens {

// The outcome of one file of a batch: either summaries per symbol or the reason it was refused.
struct FileImportResult {
    QString path;
    CsvFormat format = CsvFormat::Auto;
    std::vector<WriteSummary> summaries;
    QStringList notes;
    std::optional<ImportError> error;
    bool cancelled = false; // the batch was stopped before this file was written: nothing of it is
};

// Where a batch is: about to read, or to write, its file number `index` (from 0) of `total`.
struct ImportStep {
    enum class Stage { Reading, Writing };
    Stage stage = Stage::Reading;
    int index = 0;
    int total = 0;
    QString path;
};

// Called on the importing thread before each file is read and before each is written. Returning
// false stops the batch there: the files already written stay (each was its own transaction),
// the others are not written and come back `cancelled`.
using ImportProgress = std::function<bool(const ImportStep &step)>;

// Imports several files, each in its own transaction: a refused file writes nothing and does not
// stop the others. All files are read first (the order of writing and the provisional last rows
// depend on all of them), then written one by one; `progress` hears of both and may stop the
// batch between two files.
//
// Files that hold the same symbol overlap; the last one written wins on common days. So the batch
// writes the best source last: files with both a raw and an adjusted close (Yahoo), then files
// with only an adjusted close, then files with no adjusted close; within a rank, the file that
// ends later. Results come back in the order the files were given.
std::vector<FileImportResult> importFiles(PriceStore &store, const QStringList &paths,
                                          const CsvImportOptions &options,
                                          const CsvImporter &importer = CsvImporter(),
                                          const ImportProgress &progress = {});

} // namespace indexlens
