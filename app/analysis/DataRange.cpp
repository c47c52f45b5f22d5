// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataRange.h"

#include "core/UserError.h"

namespace indexlens {

void requireData(const Series &series, const QString &symbol)
{
    if (series.empty()) throw UserError(QStringLiteral("%1 has no data in the cache").arg(symbol));
}

namespace {

// The first weekday after the series' last point up to `date`: the day it cannot answer for.
bool endsBefore(const Series &series, const QDate &date)
{
    for (QDate d = series.back().date.addDays(1); d <= date; d = d.addDays(1))
        if (d.dayOfWeek() <= 5) return true;
    return false;
}

} // namespace

bool covers(const Series &series, const QDate &date)
{
    return !series.empty() && date >= series.front().date && !endsBefore(series, date);
}

void requireCovers(const Series &series, const QString &symbol, const QDate &date)
{
    requireData(series, symbol);
    const QDate first = series.front().date;
    const QDate last = series.back().date;
    if (date < first)
        throw UserError(QStringLiteral("%1 is before the first data of %2 (%3)")
                            .arg(date.toString(Qt::ISODate), symbol, first.toString(Qt::ISODate)));
    if (endsBefore(series, date))
        throw UserError(QStringLiteral("%1 is after the last data of %2 (%3)")
                            .arg(date.toString(Qt::ISODate), symbol, last.toString(Qt::ISODate)));
}

} // namespace indexlens
