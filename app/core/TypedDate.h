// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace indexlens {

// A date as a user types or pastes it into a date field (issue #24): 2023-06-30, 2023/06/30,
// 2023.06.30 or 20230630, with spaces around it. `date` is invalid and `reason` says why for
// anything else ("2023-02-30 is not a day of the calendar", "expected a date as 2023-06-30").
struct TypedDate {
    QDate date;
    QString reason;
};
TypedDate parseTypedDate(const QString &text);

} // namespace indexlens
