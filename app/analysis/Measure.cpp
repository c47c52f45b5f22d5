// SPDX-License-Identifier: GPL-3.0-or-later
// The only file that does date arithmetic for a measure's start (tests/check-measure-dates.sh
// fails the build on an `addYears(-1)`, `addDays(-1)` or 31 December anywhere else).
#include "Measure.h"

#include "Alignment.h"
#include "core/UserError.h"
#include "DataRange.h"

#include <algorithm>
#include <cmath>

namespace indexlens {

namespace {

QString iso(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

// Why `series` cannot answer for `date`, or nothing: before its first close, or after its last
// by more than a weekend.
QString coverageProblem(const SymbolSeries &s, const QDate &date)
{
    if (s.series.empty()) return QStringLiteral("%1 has no data").arg(s.symbol);
    if (date < s.series.front().date)
        return QStringLiteral("%1 is before the first data of %2 (%3)")
            .arg(iso(date), s.symbol, iso(s.series.front().date));
    if (!covers(s.series, date))
        return QStringLiteral("%1 is after the last data of %2 (%3)")
            .arg(iso(date), s.symbol, iso(s.series.back().date));
    return {};
}

MeasuredReturn answer(const SymbolSeries &s, std::size_t base, std::size_t end)
{
    MeasuredReturn r;
    r.symbol = s.symbol;
    r.basis = s.basis;
    r.baseDay = s.series[base].date;
    r.endDay = s.series[end].date;
    r.baseValue = s.series[base].value;
    r.endValue = s.series[end].value;
    r.percent = (r.endValue / r.baseValue - 1.0) * 100.0;
    return r;
}

MeasuredReturn none(const SymbolSeries &s, const QString &reason)
{
    MeasuredReturn r;
    r.symbol = s.symbol;
    r.basis = s.basis;
    r.reason = reason;
    return r;
}

MeasuredReturn dayReturn(const SymbolSeries &s, const QDate &day)
{
    if (s.series.empty()) return none(s, QStringLiteral("%1 has no data").arg(s.symbol));
    // After the last close a day is unknown, even a weekend: the data do not reach it.
    if (day > s.series.back().date)
        return none(s, QStringLiteral("%1 is after the last data of %2 (%3)")
                           .arg(iso(day), s.symbol, iso(s.series.back().date)));
    if (const QString problem = coverageProblem(s, day); !problem.isEmpty())
        return none(s, problem);
    const std::size_t i = *indexOnOrBefore(s.series, day);
    if (s.series[i].date != day)
        return none(s, QStringLiteral("%1 has no close on %2 (%3)")
                           .arg(s.symbol, iso(day),
                                day.dayOfWeek() >= 6 ? QStringLiteral("a weekend")
                                                     : QStringLiteral("no trading that day")));
    if (i == 0) return none(s, QStringLiteral("%1 has no close before %2").arg(s.symbol, iso(day)));
    return answer(s, i - 1, i);
}

} // namespace

Measure Measure::range(const QDate &from, const QDate &to)
{
    return {Kind::Range, from, to};
}

Measure Measure::period(const Period &period)
{
    return {Kind::Period, period.start, period.end};
}

Measure Measure::yearToDate(const QDate &asOf)
{
    return {Kind::YearToDate, QDate(asOf.year() - 1, 12, 31), asOf};
}

Measure Measure::oneYear(const QDate &asOf)
{
    return {Kind::OneYear, asOf.addYears(-1), asOf};
}

Measure Measure::day(const QDate &day)
{
    return {Kind::Day, day, day};
}

QString Measure::label() const
{
    switch (kind) {
    case Kind::YearToDate:
        return QStringLiteral("ytd");
    case Kind::OneYear:
        return QStringLiteral("one_year");
    case Kind::Day:
        return QStringLiteral("day");
    case Kind::Period:
        return QStringLiteral("period");
    case Kind::Range:
        break;
    }
    return QStringLiteral("range");
}

QDate presetStart(const QString &preset, const QDate &last)
{
    if (preset == QLatin1String("YTD")) return Measure::yearToDate(last).from;
    bool ok = false;
    const int n = preset.chopped(1).toInt(&ok);
    if (!ok || n <= 0) return {};
    if (preset.endsWith(QLatin1Char('M'))) return last.addMonths(-n);
    if (preset.endsWith(QLatin1Char('Y'))) return last.addYears(-n);
    return {};
}

std::pair<QDate, QDate> measuresSpan(const std::vector<QDate> &days,
                                     const std::vector<Period> &periods)
{
    QDate from, to;
    const auto widen = [&](const QDate &start, const QDate &end) {
        from = from.isValid() ? std::min(from, start) : start;
        to = to.isValid() ? std::max(to, end) : end;
    };
    for (const QDate &day : days)
        widen(day.addDays(-1), day);
    for (const Period &p : periods)
        widen(p.start, p.end);
    return {from, to};
}

MeasuredReturn measureReturn(const SymbolSeries &s, const Measure &m)
{
    if (m.kind == Measure::Kind::Day) return dayReturn(s, m.to);
    if (m.to < m.from)
        return none(s, QStringLiteral("%1 is before %2").arg(iso(m.to), iso(m.from)));
    if (const QString problem = coverageProblem(s, m.from); !problem.isEmpty())
        return none(s, problem);
    if (const QString problem = coverageProblem(s, m.to); !problem.isEmpty())
        return none(s, problem);
    return answer(s, *indexOnOrBefore(s.series, m.from), *indexOnOrBefore(s.series, m.to));
}

MeasuredReturn requireReturn(const SymbolSeries &series, const Measure &measure)
{
    MeasuredReturn r = measureReturn(series, measure);
    if (!r.has()) throw UserError(r.reason);
    return r;
}

std::optional<double> rateOn(const Series &rate, const QDate &day)
{
    if (!day.isValid()) return std::nullopt;
    const double value = valuesAsOf(rate, {day}).front();
    return std::isnan(value) ? std::nullopt : std::optional<double>(value);
}

std::optional<double> rateChangeOn(const Series &rate, const QDate &baseDay, const QDate &endDay)
{
    const auto from = rateOn(rate, baseDay);
    const auto to = rateOn(rate, endDay);
    if (!from || !to) return std::nullopt;
    return (*to - *from) * 100.0;
}

std::pair<SymbolSeries, SymbolSeries> onCommonDays(const SymbolSeries &a, const SymbolSeries &b)
{
    const AlignedSeries aligned = alignOnCommonDays({a.series, b.series});
    std::pair<SymbolSeries, SymbolSeries> out{a, b};
    out.first.series.clear();
    out.second.series.clear();
    for (std::size_t i = 0; i < aligned.size(); ++i) {
        out.first.series.push_back({aligned.dates[i], aligned.values[0][i]});
        out.second.series.push_back({aligned.dates[i], aligned.values[1][i]});
    }
    return out;
}

} // namespace indexlens
