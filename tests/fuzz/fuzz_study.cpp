// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: a study file (issue #23). Anything that parses must write back to JSON that
// parses to the same study (the round trip the window's Save relies on).
#include "core/UserError.h"
#include "document/Study.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace indexlens;
    try {
        const Study study = studyFromJson(
            QByteArray(reinterpret_cast<const char *>(data), int(size)), QStringLiteral("fuzz"));
        const QByteArray written = studyToJson(study);
        if (studyToJson(studyFromJson(written, QStringLiteral("again"))) != written)
            __builtin_trap();
    } catch (const UserError &) {
        // refused with a message: fine
    }
    return 0;
}
