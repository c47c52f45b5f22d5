// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartMarks.h"

#include "analysis/DataRange.h"
#include "PairData.h"

#include <cmath>

namespace indexlens {

namespace {

QString signedNumber(double v, int decimals)
{
    return (v >= 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) +
           QString::number(std::abs(v), 'f', decimals);
}

bool coversPeriod(const Series &series, const Period &p)
{
    return p.end >= p.start && covers(series, p.start) && covers(series, p.end);
}

QString bandLabel(const PairData &pair, const Period &period, int number)
{
    QString label = QString::number(number);
    const SymbolSeries &a = pair.seriesA(), &b = pair.seriesB();
    if (!coversPeriod(a.series, period) || !coversPeriod(b.series, period)) return label;
    const SymbolSeries *rate = pair.rate();
    if (rate && !coversPeriod(rate->series, period)) rate = nullptr;
    const PeriodRow row = computePeriods(a, b, rate, {period}).front();
    label += QStringLiteral(": %1 \u2212 %2 %3 pp")
                 .arg(a.symbol, b.symbol, signedNumber(row.diffPoints, 1));
    if (row.rateBps)
        label += QStringLiteral(", %1 %2 bp")
                     .arg(PairData::rateLabel(rate->symbol), signedNumber(*row.rateBps, 0));
    return label;
}

} // namespace

ChartMarks chartMarks(const PairData &pair, const std::vector<Period> &periods, int topMoves,
                      MoveRanking ranking, const QDate &from, const QDate &to)
{
    ChartMarks marks;
    int number = 0;
    for (const Period &period : periods)
        marks.bands.push_back({period.start, period.end, bandLabel(pair, period, ++number)});
    if (topMoves <= 0 || to < from) return marks;
    const QDate first = std::max(from, pair.first()), last = std::min(to, pair.last());
    if (last < first) return marks;
    for (const MoveRow &move :
         largestMoves(pair.seriesA(), pair.seriesB(), nullptr, first, last, topMoves, ranking)) {
        const QString what =
            ranking == MoveRanking::BySpread
                ? QStringLiteral("%1 \u2212 %2 %3 pp")
                      .arg(pair.symbolA(), pair.symbolB(), signedNumber(move.spreadPoints, 1))
                : QStringLiteral("%1 %2%").arg(pair.symbolA(), signedNumber(move.aPercent, 1));
        marks.markers.push_back(
            {move.date, QStringLiteral("%1 %2").arg(move.date.toString(Qt::ISODate), what)});
    }
    return marks;
}

} // namespace indexlens
