// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the instrument catalog JSON.
#include "core/Catalog.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace indexlens;
    QString error;
    const Catalog catalog =
        Catalog::fromJson(QByteArray(reinterpret_cast<const char *>(data), int(size)), &error);
    for (const Instrument &inst : catalog.all())
        if (inst.symbol.isEmpty() || catalog.kindOf(inst.symbol) != inst.kind) __builtin_trap();
    return 0;
}
