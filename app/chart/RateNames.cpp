// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateNames.h"

#include <QLatin1String>

namespace indexlens {

namespace {

struct RateNames {
    const char *symbol;
    const char *label;
    const char *legend;
};

// FRED's constant-maturity yields are the Treasury's; the ^ symbols are CBOE's yield indices.
constexpr RateNames kRateNames[] = {
    {"DGS10", "10y", "10y Treasury"},
    {"DGS2", "2y", "2y Treasury"},
    {"DGS5", "5y", "5y Treasury"},
    {"DGS30", "30y", "30y Treasury"},
    {"DGS3MO", "3m", "3m Treasury"},
    {"T10Y2Y", "10y\u22122y", "10y\u22122y Treasury spread"},
    {"T10Y3M", "10y\u22123m", "10y\u22123m Treasury spread"},
    {"DFF", "Fed funds", "Fed funds"},
    {"^TNX", "CBOE 10y", "CBOE 10y"},
    {"^TYX", "CBOE 30y", "CBOE 30y"},
    {"^FVX", "CBOE 5y", "CBOE 5y"},
    {"^IRX", "CBOE 13w", "CBOE 13w"},
};

const RateNames *rateNames(const QString &symbol)
{
    for (const RateNames &names : kRateNames)
        if (symbol == QLatin1String(names.symbol)) return &names;
    return nullptr;
}

} // namespace

QString rateLabel(const QString &rateSymbol)
{
    const RateNames *names = rateNames(rateSymbol);
    return names ? QString::fromUtf8(names->label) : rateSymbol;
}

QString rateLegend(const QString &rateSymbol)
{
    const RateNames *names = rateNames(rateSymbol);
    return names ? QStringLiteral("%1 (%2)").arg(QString::fromUtf8(names->legend), rateSymbol)
                 : rateSymbol;
}

} // namespace indexlens
