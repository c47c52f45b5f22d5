// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReturnsTable.h"

#include "core/UserError.h"

#include <algorithm>

namespace indexlens {

std::vector<MeasuredReturn> measureReturns(const std::vector<SymbolSeries> &symbols,
                                           const Measure &measure)
{
    if (measure.to < measure.from)
        throw UserError(
            QStringLiteral("--to %1 is before --from %2")
                .arg(measure.to.toString(Qt::ISODate), measure.from.toString(Qt::ISODate)));
    std::vector<MeasuredReturn> rows;
    rows.reserve(symbols.size());
    for (const SymbolSeries &s : symbols)
        rows.push_back(measureReturn(s, measure));
    if (!rows.empty() &&
        std::none_of(rows.begin(), rows.end(), [](const MeasuredReturn &r) { return r.has(); }))
        throw UserError(rows.front().reason);
    return rows;
}

} // namespace indexlens
