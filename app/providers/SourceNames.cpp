// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceNames.h"

#include <QLatin1String>

namespace indexlens {

namespace {

struct SourceName {
    const char *id;
    const char *name;
};

constexpr SourceName kSourceNames[] = {
    {"yahoo", "Yahoo Finance"},
    {"yfinance", "Yahoo Finance"},
    {"yfinance-multi", "Yahoo Finance"},
    {"treasury", "US Treasury"},
    {"fred", "FRED"},
    {"stooq", "Stooq"},
};

} // namespace

QString sourceName(const QString &id)
{
    for (const SourceName &source : kSourceNames)
        if (id == QLatin1String(source.id)) return QString::fromLatin1(source.name);
    return QString();
}

} // namespace indexlens
