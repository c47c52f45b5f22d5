// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the FRED API observations JSON parser.
#include "providers/ProviderParsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace indexlens;
    const QByteArray json(reinterpret_cast<const char *>(data), int(size));
    QString error;
    const auto parsed = parseFredObservations(json, &error);
    if (!parsed && error.isEmpty()) __builtin_trap();
    fredErrorMessage(json);
    return 0;
}
