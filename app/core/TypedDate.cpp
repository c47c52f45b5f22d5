// SPDX-License-Identifier: GPL-3.0-or-later
#include "TypedDate.h"

#include <QRegularExpression>

namespace indexlens {

TypedDate parseTypedDate(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression separated(
        QStringLiteral("^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    QRegularExpressionMatch m = separated.match(t);
    int year = 0, month = 0, day = 0;
    if (m.hasMatch()) {
        year = m.captured(1).toInt();
        month = m.captured(3).toInt();
        day = m.captured(4).toInt();
    } else if ((m = compact.match(t)).hasMatch()) {
        year = m.captured(1).toInt();
        month = m.captured(2).toInt();
        day = m.captured(3).toInt();
    } else {
        return {{},
                t.isEmpty()
                    ? QStringLiteral("no date: type one as 2023-06-30 or 20230630")
                    : QStringLiteral("%1: expected a date as 2023-06-30 or 20230630").arg(t)};
    }
    const QDate date(year, month, day);
    if (!date.isValid()) return {{}, QStringLiteral("%1 is not a day of the calendar").arg(t)};
    return {date, {}};
}

} // namespace indexlens
