// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartMarks.h"

#include "analysis/Relative.h"
#include "core/SignedNumber.h"
#include "core/UserError.h"
#include "PairData.h"

#include <cmath>

namespace indexlens {

namespace {

QString bandLabel(const PairData &pair, const Period &period, int number)
{
    QString label = QString::number(number);
    const SymbolSeries *rate = pair.rate();
    PeriodRow row;
    try {
        row = computePeriods(pair.seriesA(), pair.seriesB(), rate, {period}).front();
    } catch (const UserError &) {
        return label; // outside the data of A or B: its number only
    }
    label +=
        QStringLiteral(": %1 %2 pp")
            .arg(differenceName(pair.symbolA(), pair.symbolB()), signedNumber(row.diffPoints, 1));
    if (row.rateBps)
        label += QStringLiteral(", %1 %2 bp")
                     .arg(rateLabel(rate->symbol), signedNumber(*row.rateBps, 0));
    return label;
}

QString moveLabel(const PairData &pair, const MoveRow &move, MoveRanking ranking)
{
    switch (ranking) {
    case MoveRanking::BySpread:
        return QStringLiteral("%1 %2 pp")
            .arg(differenceName(pair.symbolA(), pair.symbolB()),
                 signedNumber(move.spreadPoints, 1));
    case MoveRanking::ByB:
        return QStringLiteral("%1 %2%").arg(pair.symbolB(), signedNumber(move.bPercent, 1));
    case MoveRanking::ByA:
        break;
    }
    return QStringLiteral("%1 %2%").arg(pair.symbolA(), signedNumber(move.aPercent, 1));
}

} // namespace

ChartMarks chartMarks(const PairData &pair, const std::vector<Period> &periods, int topMoves,
                      MoveRanking ranking, const QDate &from, const QDate &to,
                      MoveDirection direction)
{
    ChartMarks marks;
    int number = 0;
    for (const Period &period : periods)
        marks.bands.push_back({period.start, period.end, bandLabel(pair, period, ++number)});
    if (topMoves <= 0 || to < from) return marks;
    const QDate first = std::max(from, pair.first()), last = std::min(to, pair.last());
    if (last < first) return marks;
    for (const MoveRow &move : largestMoves(pair.seriesA(), pair.seriesB(), nullptr, first, last,
                                            topMoves, ranking, direction))
        marks.markers.push_back(
            {move.date, QStringLiteral("%1 %2").arg(move.date.toString(Qt::ISODate),
                                                    moveLabel(pair, move, ranking))});
    return marks;
}

} // namespace indexlens
