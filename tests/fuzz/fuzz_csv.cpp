// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the CSV importer in every format (the first byte picks --format-in and kind).
#include "import/CsvImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace indexlens;
    static const CsvImporter importer;
    CsvImportOptions options;
    if (size > 0) {
        options.format = CsvFormat(data[0] % 8); // Auto .. Fred
        if (data[0] & 0x80) options.kind = InstrumentKind::Rate;
        if (data[0] & 0x40) options.symbol = QStringLiteral("IWM");
        ++data;
        --size;
    }
    ImportError error;
    const auto file = importer.parse(QByteArray(reinterpret_cast<const char *>(data), int(size)),
                                     QStringLiteral("fuzz/^GSPC.csv"), options, &error);
    if (file) {
        // Whatever is accepted must be sorted, unique by date and non-empty.
        for (const SymbolData &s : file->symbols) {
            if (s.rowCount() == 0) __builtin_trap();
            for (std::size_t i = 1; i < s.bars.size(); ++i)
                if (!(s.bars[i - 1].date < s.bars[i].date) || !(s.bars[i].close > 0))
                    __builtin_trap();
            for (std::size_t i = 1; i < s.rates.size(); ++i)
                if (!(s.rates[i - 1].date < s.rates[i].date)) __builtin_trap();
        }
    } else if (error.reason.isEmpty()) {
        __builtin_trap(); // a refusal always says why
    }
    return 0;
}
