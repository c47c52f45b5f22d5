// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

#include <vector>

namespace indexlens {

struct DateTick {
    QDate date;
    QString label;
};

// Ticks of a date axis over [from, to] on calendar boundaries, the way a charting tool labels
// time: the finest of days, Mondays, month starts, quarter starts, half years, years and 2, 5, 10,
// 20, 50 and 100 years that gives at most `maxTicks` ticks. Labels say no more than the step
// needs: "2024" for years, "Mar 2024" for months, "2024-03-04" for days and weeks.
std::vector<DateTick> calendarTicks(const QDate &from, const QDate &to, int maxTicks);

} // namespace indexlens
