// SPDX-License-Identifier: GPL-3.0-or-later
#include "Seasonality.h"

#include "analysis/Alignment.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace indexlens {

namespace {

int monthIndex(const QDate &d)
{
    return d.year() * 12 + d.month() - 1;
}

QString monthText(const QDate &d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

QDate lastWeekdayOfMonth(const QDate &d)
{
    const QDate last(d.year(), d.month(), d.daysInMonth());
    return last.addDays(-std::max(0, last.dayOfWeek() - 5)); // Saturday or Sunday: the Friday
}

// One calendar month of the common days: the indices of its first and last day.
struct MonthSpan {
    std::size_t first = 0;
    std::size_t last = 0;
};

std::vector<MonthSpan> monthSpans(const std::vector<QDate> &dates)
{
    std::vector<MonthSpan> spans;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        if (spans.empty() || monthIndex(dates[i]) != monthIndex(dates[spans.back().last]))
            spans.push_back({i, i});
        else
            spans.back().last = i;
    }
    return spans;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

Seasonality seasonalityOf(const Series &a, const Series &b, const QDate &from, const QDate &to)
{
    const AlignedSeries common = alignOnCommonDays({a, b});
    const std::vector<MonthSpan> spans = monthSpans(common.dates);
    Seasonality out;
    for (std::size_t m = 0; m < spans.size(); ++m) {
        const QDate &first = common.dates[spans[m].first];
        const QDate &last = common.dates[spans[m].last];
        // A month whose last close is `from` or earlier is before the range: the range starts
        // at that close (the base day), the first month's base (issue #25, trial: from
        // 2020-01-01, the window said "2019-12: only part of the month is in the range").
        if (last <= from || first > to) continue;
        const bool over = m + 1 < spans.size() || last >= lastWeekdayOfMonth(last);
        if (!over) {
            out.leftOut << QStringLiteral("%1: unfinished (the data end %2)")
                               .arg(monthText(last), last.toString(Qt::ISODate));
            continue;
        }
        if (first < from || last > to) {
            out.leftOut << QStringLiteral("%1: only part of the month is in the range")
                               .arg(monthText(last));
            continue;
        }
        if (m == 0 || monthIndex(common.dates[spans[m - 1].last]) != monthIndex(first) - 1)
            continue; // no close of the previous month to start from (the data's first month)
        const std::size_t base = spans[m - 1].last;
        const std::size_t end = spans[m].last;
        const double ra = 100 * (common.values[0][end] / common.values[0][base] - 1);
        const double rb = 100 * (common.values[1][end] / common.values[1][base] - 1);
        out.months.push_back({last.year(), last.month(), ra, rb, ra - rb});
    }
    return out;
}

std::vector<MonthSeason> monthSeasons(const Seasonality &seasonality)
{
    std::vector<MonthSeason> out;
    for (int month = 1; month <= 12; ++month) {
        std::vector<double> spreads;
        for (const MonthlySpread &s : seasonality.months)
            if (s.month == month) spreads.push_back(s.spreadPp);
        MonthSeason season;
        season.month = month;
        season.years = int(spreads.size());
        season.aBeatB =
            int(std::count_if(spreads.begin(), spreads.end(), [](double s) { return s > 0; }));
        if (spreads.empty()) {
            season.sharePct = season.meanPp = season.medianPp = std::nan("");
        } else {
            season.sharePct = 100.0 * season.aBeatB / season.years;
            season.meanPp = std::accumulate(spreads.begin(), spreads.end(), 0.0) / season.years;
            season.medianPp = median(spreads);
        }
        out.push_back(season);
    }
    return out;
}

QString monthAbbreviation(int month)
{
    static const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return month >= 1 && month <= 12 ? QString::fromLatin1(names[month - 1]) : QString();
}

} // namespace indexlens
