// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"
#include "PeriodTable.h"

#include <optional>
#include <vector>

namespace indexlens {

// What a number measures (issue #22): a range, year to date, one year, a day or a period. One
// request type for every table, headline, mark, bar, chart title, export and command, so that the
// same request gets the same answer everywhere.
//
// The rule: a range FROM..TO runs from the close of the last trading day on or before FROM (the
// base: the first point drawn, 100 on a rebased chart, 0 on a relative one) to the close of the
// last trading day on or before TO. A period is a range. Year to date as of TO starts on the last
// trading day of the previous year, one year on the last trading day on or before the same date a
// year earlier. A day runs from the previous trading day's close to that day's close.
struct Measure {
    enum class Kind { Range, YearToDate, OneYear, Day, Period };
    Kind kind = Kind::Range;
    QDate from; // as asked (Range, Period); the first day of the year (YTD); a year before (1Y)
    QDate to;   // the end as asked; for a day, the day

    static Measure range(const QDate &from, const QDate &to);
    static Measure period(const Period &period);
    static Measure yearToDate(const QDate &asOf);
    static Measure oneYear(const QDate &asOf);
    static Measure day(const QDate &day);
    // "range", "ytd", "one_year", "day", "period": the `label` of a `returns` row.
    QString label() const;
};

// The date a preset's range starts from, for data that end on `last`: the base is the last
// trading day on or before it. "YTD" gives the previous year's 31 December, "1M".."6M" and
// "1Y".."10Y" the same date that many months or years earlier; "Max" and unknown names nothing.
QDate presetStart(const QString &preset, const QDate &last);

// The range that holds every measure of a returns figure without a range of its own (issue #23):
// from the day before its first day (whose previous close, on or before it by the range rule, is
// that day's base) or its first period's start, to its last day or period end. Invalid dates for
// no measures. render draws it and the window shows it.
std::pair<QDate, QDate> measuresSpan(const std::vector<QDate> &days,
                                     const std::vector<Period> &periods);

// The answer to a measure for one series: the days whose closes it uses and the value, or the
// reason there is none. A value exists only where the series has closes on both days it needs.
struct MeasuredReturn {
    QString symbol;
    ReturnBasis basis = ReturnBasis::Total;
    QDate baseDay; // the trading day whose close is the base (invalid when there is none)
    QDate endDay;
    double baseValue = 0.0;
    double endValue = 0.0;
    std::optional<double> percent; // (end / base - 1) * 100
    QString reason;                // why there is no value ("... after the last data of IWF ...")
    bool has() const { return percent.has_value(); }
};

// The one function that picks a base day, a YTD or one-year start, or a previous close.
MeasuredReturn measureReturn(const SymbolSeries &series, const Measure &measure);

// Throws UserError with the reason when the measure has no value for `series`.
MeasuredReturn requireReturn(const SymbolSeries &series, const Measure &measure);

// A rate read on a day as the charts read it: the last observation on or before the day, carried
// over a holiday or a weekend but not over a gap of more than kMaxStaleDays calendar days, and
// never past the last observation (unknown, not unchanged: issue #14, 3).
std::optional<double> rateOn(const Series &rate, const QDate &day);

// The rate's change in basis points between the two days a price measure used (a period's, a
// range's): none when either day has no reading.
std::optional<double> rateChangeOn(const Series &rate, const QDate &baseDay, const QDate &endDay);

// The two series on their common trading days (a pair's measures use the same two days for A and
// B, and the rate): A first.
std::pair<SymbolSeries, SymbolSeries> onCommonDays(const SymbolSeries &a, const SymbolSeries &b);

} // namespace indexlens
