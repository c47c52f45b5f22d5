// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeasonalityChart.h"

namespace indexlens {

ChartContent seasonalityChart(const Seasonality &seasonality, const QString &a, const QString &b)
{
    ChartContent c;
    c.kind = ChartKind::Seasonality;
    const auto &months = seasonality.months;
    const QString span = months.empty() ? QStringLiteral("no complete month")
                                        : QStringLiteral("%1-%2 to %3-%4")
                                              .arg(months.front().year)
                                              .arg(months.front().month, 2, 10, QLatin1Char('0'))
                                              .arg(months.back().year)
                                              .arg(months.back().month, 2, 10, QLatin1Char('0'));
    c.title =
        QStringLiteral("%1 beat %2: share of years by month, %3 (complete months)").arg(a, b, span);
    if (!seasonality.leftOut.isEmpty())
        c.title += QStringLiteral("; left out: ") + seasonality.leftOut.join(QStringLiteral("; "));
    c.leftLabel = QStringLiteral("% of years");
    ChartLine bars;
    bars.name = QStringLiteral("years %1 beat %2").arg(a, b);
    bars.bars = true;
    bars.barWidth = 0.6;
    bars.valueLabels = true;
    bars.colourSlot = 0;
    for (const MonthSeason &s : monthSeasons(seasonality)) {
        c.categories << monthAbbreviation(s.month);
        bars.points.emplace_back(double(s.month - 1), s.years > 0 ? s.sharePct : 0.0);
        bars.valueTexts << (s.years > 0 ? QStringLiteral("%1 of %2").arg(s.aBeatB).arg(s.years)
                                        : QStringLiteral("n/a"));
    }
    c.lines.push_back(std::move(bars));
    return c;
}

} // namespace indexlens
