// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Treasury yield-curve CSV parser (first byte picks the series).
#include "providers/ProviderParsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace indexlens;
    static const QString series[] = {QStringLiteral("DGS10"), QStringLiteral("DGS2"),
                                     QStringLiteral("T10Y2Y"), QStringLiteral("DGS3MO"),
                                     QStringLiteral("DGS30")};
    QString id = series[0];
    if (size > 0) {
        id = series[data[0] % 5];
        ++data;
        --size;
    }
    QString error;
    const auto parsed =
        parseTreasuryCsv(QByteArray(reinterpret_cast<const char *>(data), int(size)), id, &error);
    if (!parsed && error.isEmpty()) __builtin_trap();
    if (parsed)
        for (std::size_t i = 1; i < parsed->size(); ++i)
            if (!((*parsed)[i - 1].date < (*parsed)[i].date)) __builtin_trap();
    return 0;
}
