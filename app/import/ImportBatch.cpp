// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportBatch.h"

#include <algorithm>
#include <cmath>
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

// The bar of `day` in `bars` (ascending), or none.
const Bar *barOn(const std::vector<Bar> &bars, const QDate &day)
{
    const auto it = std::lower_bound(bars.begin(), bars.end(), day,
                                     [](const Bar &bar, const QDate &d) { return bar.date < d; });
    return it != bars.end() && it->date == day ? &*it : nullptr;
}

// Whether two files tell a different move for `day` from the day before it: their adjusted bases
// may differ by a factor, their moves do not (a close-only file has no raw close to compare).
bool disagreeOn(const std::vector<Bar> &a, const std::vector<Bar> &b, const QDate &day)
{
    const Bar *a1 = barOn(a, day);
    const Bar *b1 = barOn(b, day);
    const auto before = std::lower_bound(
        a.begin(), a.end(), day, [](const Bar &bar, const QDate &d) { return bar.date < d; });
    if (!a1 || !b1 || before == a.begin()) return true;
    const Bar *a0 = &*std::prev(before);
    const Bar *b0 = barOn(b, a0->date);
    if (!b0) return true;
    const auto value = [](const Bar &bar) { return bar.adjClose.value_or(bar.close); };
    const double moveA = value(*a1) / value(*a0), moveB = value(*b1) / value(*b0);
    return std::abs(moveA / moveB - 1.0) > 1e-6; // six decimals or float32 agree to ~1e-7
}

// A file's last row may be a snapshot of a session still open (yahoo/IWM.csv ends on 2025-09-26
// with a third of the volume and 240.23 where the final close is 241.34). When another file of the
// batch holds that day as a row that is not its last, and the two disagree on it, that row wins
// for the day: the snapshot is left out of its file, whatever the files' ranks, and the symbol's
// note (and the import log) says so (issue #14, 1).
void leaveProvisionalLastRows(std::vector<std::optional<ParsedFile>> &parsed)
{
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        if (!parsed[i]) continue;
        for (SymbolData &data : parsed[i]->symbols) {
            if (data.isRate() || data.bars.size() < 2) continue;
            const QDate last = data.bars.back().date;
            for (std::size_t j = 0; j < parsed.size(); ++j) {
                if (j == i || !parsed[j]) continue;
                const auto other = std::find_if(
                    parsed[j]->symbols.begin(), parsed[j]->symbols.end(),
                    [&](const SymbolData &o) { return o.symbol == data.symbol && !o.isRate(); });
                if (other == parsed[j]->symbols.end() || other->lastDate() <= last ||
                    !barOn(other->bars, last) || !disagreeOn(data.bars, other->bars, last))
                    continue;
                data.bars.pop_back();
                data.notes << QStringLiteral("%1: the file's last row (a session perhaps still "
                                             "open) left to %2, where the day is not the last")
                                  .arg(last.toString(Qt::ISODate), parsed[j]->path);
                break;
            }
        }
    }
}

// The batch stops at `from` in `order`: every file not yet written (and not refused) is cancelled.
void cancelFrom(std::vector<FileImportResult> &results, const std::vector<std::size_t> &order,
                std::size_t from)
{
    for (std::size_t k = from; k < order.size(); ++k)
        if (!results[order[k]].error) results[order[k]].cancelled = true;
}

} // namespace

std::vector<FileImportResult> importFiles(PriceStore &store, const QStringList &paths,
                                          const CsvImportOptions &options,
                                          const CsvImporter &importer,
                                          const ImportProgress &progress)
{
    const int total = int(paths.size());
    const auto goOn = [&](ImportStep::Stage stage, std::size_t step, std::size_t file) {
        return !progress || progress({stage, int(step), total, paths[int(file)]});
    };
    std::vector<FileImportResult> results(std::size_t(paths.size()));
    std::vector<std::optional<ParsedFile>> parsed(results.size());
    std::vector<std::size_t> order(results.size());
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = 0; i < results.size(); ++i)
        results[i].path = paths[int(i)];
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (!goOn(ImportStep::Stage::Reading, i, i)) {
            cancelFrom(results, order, 0); // nothing is written yet: the whole batch
            return results;
        }
        // Not even opened: reading the cache through a descriptor of our own and closing it would
        // drop this process's locks on it (issue #21).
        if (store.database().holdsFile(results[i].path)) {
            results[i].error = ImportError{
                results[i].path, 0,
                QStringLiteral("this is the cache itself (or its -wal or -shm), not a CSV file: it "
                               "is not read")};
            continue;
        }
        ImportError error;
        parsed[i] = importer.parseFile(results[i].path, options, &error);
        if (!parsed[i]) results[i].error = error;
    }

    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        if (!parsed[x] || !parsed[y]) return bool(parsed[y]) && !parsed[x];
        return preference(*parsed[x]) < preference(*parsed[y]);
    });

    leaveProvisionalLastRows(parsed);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        if (!parsed[i]) continue;
        if (!goOn(ImportStep::Stage::Writing, k, i)) {
            cancelFrom(results, order, k);
            break;
        }
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
