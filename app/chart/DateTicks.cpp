// SPDX-License-Identifier: GPL-3.0-or-later
#include "DateTicks.h"

#include <QLocale>

namespace indexlens {

namespace {

enum class Unit { Day, Week, Month, Year };

struct Step {
    Unit unit;
    int count;
};

// The first tick of a step on or after `from`.
QDate firstTick(const QDate &from, const Step &step)
{
    switch (step.unit) {
    case Unit::Day:
        return from;
    case Unit::Week:
        return from.addDays((8 - from.dayOfWeek()) % 7); // the next Monday, or `from` itself
    case Unit::Month: {
        QDate d(from.year(), from.month(), 1);
        if (d < from) d = d.addMonths(1);
        while ((d.month() - 1) % step.count != 0)
            d = d.addMonths(1);
        return d;
    }
    case Unit::Year: {
        int year = from.year() + (from == QDate(from.year(), 1, 1) ? 0 : 1);
        year += (step.count - year % step.count) % step.count;
        return QDate(year, 1, 1);
    }
    }
    return from;
}

QDate next(const QDate &d, const Step &step)
{
    switch (step.unit) {
    case Unit::Day:
        return d.addDays(step.count);
    case Unit::Week:
        return d.addDays(qint64(7) * step.count);
    case Unit::Month:
        return d.addMonths(step.count);
    case Unit::Year:
        return d.addYears(step.count);
    }
    return d;
}

QString labelFor(const QDate &d, Unit unit)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    switch (unit) {
    case Unit::Day:
    case Unit::Week:
        return d.toString(Qt::ISODate);
    case Unit::Month:
        return english.toString(d, QStringLiteral("MMM yyyy"));
    case Unit::Year:
        return QString::number(d.year());
    }
    return QString();
}

} // namespace

std::vector<DateTick> calendarTicks(const QDate &from, const QDate &to, int maxTicks)
{
    std::vector<DateTick> ticks;
    if (!from.isValid() || !to.isValid() || to < from || maxTicks < 1) return ticks;
    static const Step steps[] = {{Unit::Day, 1},   {Unit::Week, 1},  {Unit::Month, 1},
                                 {Unit::Month, 3}, {Unit::Month, 6}, {Unit::Year, 1},
                                 {Unit::Year, 2},  {Unit::Year, 5},  {Unit::Year, 10},
                                 {Unit::Year, 20}, {Unit::Year, 50}, {Unit::Year, 100}};
    for (const Step &step : steps) {
        int count = 0;
        for (QDate d = firstTick(from, step); d <= to && count <= maxTicks; d = next(d, step))
            ++count;
        const bool coarsest = step.unit == Unit::Year && step.count == 100;
        if (count > maxTicks && !coarsest) continue;
        for (QDate d = firstTick(from, step); d <= to; d = next(d, step))
            ticks.push_back({d, labelFor(d, step.unit)});
        break;
    }
    return ticks;
}

} // namespace indexlens
