#include "ImportBatch.h"

#include <algorithm>
#include <numeric>

namespace indexlens {

namespace {

// Higher writes later (wins on common days).
std::pair<int, QDate> preference(const ParsedFile &file)
{
    int rank = 2;
    QDate last;
    for (const SymbolData &data : file.symbols) {
        bool hasAdj = false;
        for (const Bar &bar : data.bars)
            if (bar.adjClose) {
                hasAdj = true;
                break;
            }
        const int r = hasAdj && data.hasRawClose ? 2 : hasAdj ? 1 : data.isRate() ? 2 : 0;
        rank = std::min(rank, r);
        if (!last.isValid() || data.lastDate() > last) last = data.lastDate();
    }
    return {rank, last};
}

} // namespace

std::vector<FileImportResult> importFiles(PriceStore &store, const QStringList &paths,
                                          const CsvImportOptions &options,
                                          const CsvImporter &importer)
{
    std::vector<FileImportResult> results(std::size_t(paths.size()));
    std::vector<std::optional<ParsedFile>> parsed(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        results[i].path = paths[int(i)];
        ImportError error;
        parsed[i] = importer.parseFile(results[i].path, options, &error);
        if (!parsed[i]) results[i].error = error;
    }

    std::vector<std::size_t> order(results.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        if (!parsed[x] || !parsed[y]) return bool(parsed[y]) && !parsed[x];
        return preference(*parsed[x]) < preference(*parsed[y]);
    });

    for (std::size_t i : order) {
        if (!parsed[i]) continue;
        FileImportResult &result = results[i];
        result.format = parsed[i]->format;
        result.notes = parsed[i]->notes;
        QString error;
        auto summaries = store.write(*parsed[i], QStringLiteral("import"), result.path, &error);
        if (summaries)
            result.summaries = std::move(*summaries);
        else
            result.error = ImportError{result.path, 0, error};
        parsed[i].reset(); // free the rows as soon as they are written
    }
    return results;
}

} // namespace indexlens
