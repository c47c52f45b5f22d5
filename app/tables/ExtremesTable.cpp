// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExtremesTable.h"

#include "analysis/Extremes.h"

namespace indexlens {

ResultTable extremesTable(const std::vector<SymbolSeries> &series, const QDate &from,
                          const QDate &to, QStringList *notes)
{
    using K = ResultTable::Kind;
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), K::Text);
    table.addColumn(QStringLiteral("high_date"), QStringLiteral("high date"), K::Date);
    table.addColumn(QStringLiteral("high"), QStringLiteral("high"), K::Price);
    table.addColumn(QStringLiteral("low_date"), QStringLiteral("low date"), K::Date);
    table.addColumn(QStringLiteral("low"), QStringLiteral("low"), K::Price);
    table.addColumn(QStringLiteral("from_high_pct"), QStringLiteral("from high %"), K::Percent);
    table.addColumn(QStringLiteral("from_low_pct"), QStringLiteral("from low %"), K::Percent);
    table.addColumn(QStringLiteral("state"), QStringLiteral("state"), K::Text);
    table.addColumn(QStringLiteral("state_since"), QStringLiteral("since"), K::Date);
    for (const SymbolSeries &s : series) {
        const auto e = extremesOf(s.series, from, to);
        if (!e) {
            if (notes)
                *notes << QStringLiteral("%1: no close from %2 to %3")
                              .arg(s.symbol, from.toString(Qt::ISODate), to.toString(Qt::ISODate));
            table.addRow({ResultTable::text(s.symbol), {}, {}, {}, {}, {}, {}, {}, {}});
            continue;
        }
        table.addRow({ResultTable::text(s.symbol), ResultTable::date(e->high.date),
                      ResultTable::number(e->high.value), ResultTable::date(e->low.date),
                      ResultTable::number(e->low.value), ResultTable::number(e->fromHighPct),
                      ResultTable::number(e->fromLowPct),
                      ResultTable::text(marketStateName(e->state)),
                      e->state == MarketState::None ? ResultTable::null()
                                                    : ResultTable::date(e->stateSince)});
    }
    return table;
}

} // namespace indexlens
