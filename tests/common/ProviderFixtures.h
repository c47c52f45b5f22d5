// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <QByteArray>
#include <QDateTime>

#include <vector>

namespace indexlens::test {

// Provider answers in the providers' real formats, built from bars and series (from
// ../shared/market-data in the tests).

// Yahoo chart JSON for the bars in [period1, period2) (UTC seconds), timestamps at the 9:30 New
// York open as Yahoo sends them. `adjFactor` multiplies every adjusted close (a new dividend).
QByteArray yahooChartJson(const QString &symbol, const std::vector<Bar> &bars, qint64 period1,
                          qint64 period2, double adjFactor = 1.0);

// The Treasury's par yield curve CSV of one year: newest first, MM/DD/YYYY, quoted headers.
QByteArray treasuryCsv(int year, const Series &tenYear, const Series &twoYear);

// FRED's keyless graph CSV from `start` on (empty value on days without observation).
QByteArray fredGraphCsv(const QString &id, const Series &series, const QDate &start);

// FRED API observations JSON from `start` on.
QByteArray fredApiJson(const Series &series, const QDate &start);

} // namespace indexlens::test
