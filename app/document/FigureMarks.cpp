// SPDX-License-Identifier: GPL-3.0-or-later
#include "FigureMarks.h"

#include "core/SignedNumber.h"
#include "core/UserError.h"

#include <cmath>

namespace indexlens {

std::vector<Regime> rateRegimes(const PairData &pair, const QDate &from, const QDate &to)
{
    if (!pair.rate()) return {};
    RegimeRules rules;
    rules.monthEnds = true;
    try {
        return findRegimes(pair.rate()->series, from, to, rules);
    } catch (const UserError &) {
        return {}; // the rate has too few observations in the range
    }
}

ChartMarks figureMarks(const PairData &pair, const Figure &figure, const QDate &from,
                       const QDate &to)
{
    ChartMarks marks =
        chartMarks(pair, figure.periodBands ? figure.periods : std::vector<Period>(),
                   figure.markedMoves, figure.moveRanking, from, to, figure.moveDirection);
    if (!figure.regimeBands) return marks;
    const QString rate = rateLabel(pair.rate() ? pair.rate()->symbol : QString());
    for (const Regime &regime : rateRegimes(pair, pair.baseDay(from, figure.rebase), to))
        marks.bands.push_back(
            {regime.period.start, regime.period.end,
             QStringLiteral("%1 %2 bp").arg(rate, signedNumber(regime.changeBps, 0)), true});
    return marks;
}

} // namespace indexlens
