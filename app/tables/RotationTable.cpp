// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationTable.h"

#include <algorithm>

namespace indexlens {

ResultTable rotationPointsTable(const std::vector<RotationTail> &tails)
{
    using K = ResultTable::Kind;
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), K::Text);
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), K::Date);
    table.addColumn(QStringLiteral("rs_ratio"), QStringLiteral("RS-Ratio"), K::Level);
    table.addColumn(QStringLiteral("rs_momentum"), QStringLiteral("RS-Momentum"), K::Level);
    table.addColumn(QStringLiteral("quadrant"), QStringLiteral("quadrant"), K::Text);
    for (const RotationTail &tail : tails)
        for (const RotationPoint &p : tail.points)
            table.addRow({ResultTable::text(tail.symbol), ResultTable::date(p.date),
                          ResultTable::number(p.rsRatio), ResultTable::number(p.rsMomentum),
                          ResultTable::text(quadrantName(p.quadrant()))});
    return table;
}

ResultTable rotationSummaryTable(const std::vector<RotationTail> &tails)
{
    using K = ResultTable::Kind;
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), K::Text);
    table.addColumn(QStringLiteral("quadrant"), QStringLiteral("quadrant"), K::Text);
    table.addColumn(QStringLiteral("rs_ratio"), QStringLiteral("RS-Ratio"), K::Level);
    table.addColumn(QStringLiteral("rs_momentum"), QStringLiteral("RS-Momentum"), K::Level);
    table.addColumn(QStringLiteral("periods_in_quadrant"), QStringLiteral("periods in quadrant"),
                    K::Integer);
    table.addColumn(QStringLiteral("date"), QStringLiteral("as of"), K::Date);
    std::vector<const RotationTail *> order;
    order.reserve(tails.size());
    for (const RotationTail &tail : tails)
        order.push_back(&tail);
    std::stable_sort(order.begin(), order.end(), [](const RotationTail *x, const RotationTail *y) {
        if (x->has() != y->has()) return x->has();
        if (!x->has()) return false;
        const RotationPoint &hx = x->points.back();
        const RotationPoint &hy = y->points.back();
        if (hx.quadrant() != hy.quadrant()) return int(hx.quadrant()) < int(hy.quadrant());
        return hx.rsRatio > hy.rsRatio;
    });
    for (const RotationTail *tail : order) {
        if (!tail->has()) {
            table.addRow({ResultTable::text(tail->symbol), {}, {}, {}, {}, {}});
            continue;
        }
        const RotationPoint &head = tail->points.back();
        table.addRow(
            {ResultTable::text(tail->symbol), ResultTable::text(quadrantName(head.quadrant())),
             ResultTable::number(head.rsRatio), ResultTable::number(head.rsMomentum),
             ResultTable::number(double(tail->periodsInQuadrant)), ResultTable::date(head.date)});
    }
    return table;
}

} // namespace indexlens
