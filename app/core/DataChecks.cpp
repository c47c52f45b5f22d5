// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataChecks.h"

#include "Counted.h"
#include "SignedNumber.h"

#include <QDateTime>
#include <QStringList>

#include <cmath>

namespace indexlens {

namespace {

constexpr qint64 kEarliestUtcOffsetSeconds = qint64(14) * 3600; // Line Islands, UTC+14
constexpr std::size_t kMovesNamed = 5;                          // a note stays one readable line

// "+250.0 %", "-71.4 %" with a real minus sign (U+2212), as the rule is written.
QString signedPercent(double change, int decimals)
{
    return signedNumber(change * 100.0, decimals) + QStringLiteral(" %");
}

} // namespace

QDate latestPossibleDate()
{
    return QDateTime::currentDateTimeUtc().addSecs(kEarliestUtcOffsetSeconds).date();
}

QString impossibleDateReason(const QDate &date, const QDate &today)
{
    if (date > today)
        return QStringLiteral("%1 is after today (%2): a row cannot come from the future")
            .arg(date.toString(Qt::ISODate), today.toString(Qt::ISODate));
    if (date.year() < kEarliestDataYear)
        return QStringLiteral("%1 is before %2: no market data is that old")
            .arg(date.toString(Qt::ISODate))
            .arg(kEarliestDataYear);
    return QString();
}

QString implausibleMoveRule()
{
    return signedPercent(kImplausibleDailyRise, 0) + QLatin1Char('/') +
           signedPercent(kImplausibleDailyFall, 0);
}

double dailyChange(const Bar &before, const Bar &after)
{
    if (before.adjClose && after.adjClose) return *after.adjClose / *before.adjClose - 1.0;
    return after.close / before.close - 1.0;
}

bool isImplausibleChange(double change)
{
    return change > kImplausibleDailyRise || change < kImplausibleDailyFall;
}

QString implausibleMovesNote(const QString &symbol, const std::vector<DailyMove> &moves)
{
    if (moves.empty()) return QString();
    QStringList days;
    for (std::size_t i = 0; i < moves.size() && i < kMovesNamed; ++i)
        days << moves[i].date.toString(Qt::ISODate) + QLatin1Char(' ') +
                    signedPercent(moves[i].change, 1);
    if (moves.size() > kMovesNamed) days << QStringLiteral("\u2026");
    return QStringLiteral("%1: %2 beyond %3 (%4): check the data")
        .arg(
            symbol,
            counted(int(moves.size()), QStringLiteral("daily move"), QStringLiteral("daily moves")),
            implausibleMoveRule(), days.join(QStringLiteral(", ")));
}

} // namespace indexlens
