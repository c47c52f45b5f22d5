// SPDX-License-Identifier: GPL-3.0-or-later
#include "Series.h"

#include <algorithm>

namespace indexlens {

std::optional<std::size_t> indexOnOrBefore(const Series &series, const QDate &date)
{
    // First point strictly after `date`; the one before it is the answer.
    const auto after =
        std::upper_bound(series.begin(), series.end(), date,
                         [](const QDate &d, const DatedValue &point) { return d < point.date; });
    if (after == series.begin()) return std::nullopt;
    return static_cast<std::size_t>(std::distance(series.begin(), after) - 1);
}

std::optional<double> valueAsOf(const Series &series, const QDate &date)
{
    const auto index = indexOnOrBefore(series, date);
    if (!index) return std::nullopt;
    return series[*index].value;
}

QString kindName(InstrumentKind kind)
{
    switch (kind) {
    case InstrumentKind::Index:
        return QStringLiteral("index");
    case InstrumentKind::Etf:
        return QStringLiteral("etf");
    case InstrumentKind::Rate:
        return QStringLiteral("rate");
    }
    return {};
}

std::optional<InstrumentKind> kindFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("index")) return InstrumentKind::Index;
    if (n == QLatin1String("etf")) return InstrumentKind::Etf;
    if (n == QLatin1String("rate")) return InstrumentKind::Rate;
    return std::nullopt;
}

QString basisName(ReturnBasis basis)
{
    return basis == ReturnBasis::Total ? QStringLiteral("total") : QStringLiteral("price");
}

} // namespace indexlens
