// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeriodText.h"

#include "core/TypedDate.h"

#include <QRegularExpression>

namespace indexlens {

TypedPeriod parseTypedPeriod(const QString &text)
{
    TypedPeriod out;
    static const QRegularExpression to(QStringLiteral("\\s+to\\s+"));
    QStringList parts = text.trimmed().split(QLatin1Char(':'));
    if (parts.size() != 2) parts = text.trimmed().split(to);
    if (parts.size() != 2) {
        out.reason = QStringLiteral("expected START:END, e.g. 2023-12-29:2024-04-30");
        return out;
    }
    const TypedDate start = parseTypedDate(parts[0]), end = parseTypedDate(parts[1]);
    if (!start.date.isValid() || !end.date.isValid()) {
        out.reason = !start.date.isValid() ? start.reason : end.reason;
        return out;
    }
    out.period = {start.date, end.date};
    out.reversed = end.date < start.date;
    return out;
}

QString periodText(const Period &period)
{
    return period.start.toString(Qt::ISODate) + QLatin1Char(':') + period.end.toString(Qt::ISODate);
}

TypedPeriods parsePeriodList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\r\\n]+"));
    TypedPeriods out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (item.isEmpty()) continue;
        const TypedPeriod p = parseTypedPeriod(item);
        if (p.ok())
            out.periods.push_back(p.period);
        else
            out.refused.push_back(
                {item, p.reversed ? QStringLiteral("ends before it starts") : p.reason});
    }
    return out;
}

} // namespace indexlens
