// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Yahoo chart JSON parser.
#include "providers/ProviderParsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace indexlens;
    const InstrumentKind kind =
        size > 0 && (data[0] & 1) ? InstrumentKind::Rate : InstrumentKind::Etf;
    QStringList notes;
    QString error;
    const auto parsed = parseYahooChart(
        QByteArray(reinterpret_cast<const char *>(data), int(size)), QStringLiteral("IWM"), kind,
        QDateTime(QDate(2024, 7, 12), QTime(22, 0), Qt::UTC), &notes, &error);
    if (!parsed && error.isEmpty()) __builtin_trap();
    if (parsed)
        for (std::size_t i = 1; i < parsed->bars.size(); ++i)
            if (!(parsed->bars[i - 1].date < parsed->bars[i].date) || !(parsed->bars[i].close > 0))
                __builtin_trap();
    return 0;
}
