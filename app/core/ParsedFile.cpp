// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParsedFile.h"

#include <algorithm>

namespace indexlens {

namespace {
struct FormatEntry {
    CsvFormat format;
    const char *name;
};
constexpr FormatEntry kFormats[] = {
    {CsvFormat::Auto, "auto"},         {CsvFormat::Yahoo, "yahoo"},
    {CsvFormat::YFinance, "yfinance"}, {CsvFormat::YFinanceMulti, "yfinance-multi"},
    {CsvFormat::CloseOnly, "close"},   {CsvFormat::SymbolColumn, "symbol-column"},
    {CsvFormat::Stooq, "stooq"},       {CsvFormat::Fred, "fred"},
};
} // namespace

QString formatName(CsvFormat format)
{
    for (const auto &entry : kFormats)
        if (entry.format == format) return QString::fromLatin1(entry.name);
    return {};
}

std::optional<CsvFormat> formatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (const auto &entry : kFormats)
        if (n == QLatin1String(entry.name)) return entry.format;
    return std::nullopt;
}

namespace {

// Why the sorted `data` holds an impossible date, or empty: only its first and last dates can be.
QString impossibleDates(const SymbolData &data, const QDate &today)
{
    for (const QDate &date : {data.firstDate(), data.lastDate()}) {
        if (!date.isValid()) continue;
        const QString reason = impossibleDateReason(date, today);
        if (!reason.isEmpty()) return QStringLiteral("%1 %2").arg(data.symbol, reason);
    }
    return QString();
}

} // namespace

QString normalizeSymbolData(SymbolData &data, const QDate &today)
{
    const auto byDate = [](const auto &x, const auto &y) { return x.date < y.date; };
    if (data.isRate()) {
        std::stable_sort(data.rates.begin(), data.rates.end(), byDate);
        if (QString reason = impossibleDates(data, today); !reason.isEmpty()) return reason;
        Series kept;
        for (const DatedValue &p : data.rates) {
            if (!kept.empty() && kept.back().date == p.date) {
                if (kept.back().value != p.value)
                    return QStringLiteral("%1 %2 appears twice with different values (%3, %4)")
                        .arg(data.symbol, p.date.toString(Qt::ISODate))
                        .arg(kept.back().value)
                        .arg(p.value);
                ++data.duplicateRows;
                continue;
            }
            kept.push_back(p);
        }
        data.rates = std::move(kept);
        return QString();
    }
    std::stable_sort(data.bars.begin(), data.bars.end(), byDate);
    if (QString reason = impossibleDates(data, today); !reason.isEmpty()) return reason;
    std::vector<Bar> kept;
    for (const Bar &bar : data.bars) {
        for (const auto &[name, value] :
             {std::pair{"open", bar.open}, std::pair{"high", bar.high}, std::pair{"low", bar.low},
              std::pair{"close", std::optional<double>(bar.close)},
              std::pair{"adjusted close", bar.adjClose}}) {
            if (value && !(*value > 0.0))
                return QStringLiteral("%1 %2: %3 %4 is not a positive price")
                    .arg(data.symbol, bar.date.toString(Qt::ISODate), QLatin1String(name))
                    .arg(*value);
        }
        if (!kept.empty() && kept.back().date == bar.date) {
            if (kept.back() != bar)
                return QStringLiteral("%1 %2 appears twice with different values")
                    .arg(data.symbol, bar.date.toString(Qt::ISODate));
            ++data.duplicateRows;
            continue;
        }
        kept.push_back(bar);
    }
    data.bars = std::move(kept);
    return QString();
}

QDate SymbolData::firstDate() const
{
    if (isRate()) return rates.empty() ? QDate() : rates.front().date;
    return bars.empty() ? QDate() : bars.front().date;
}

QDate SymbolData::lastDate() const
{
    if (isRate()) return rates.empty() ? QDate() : rates.back().date;
    return bars.empty() ? QDate() : bars.back().date;
}

QString ImportError::toString() const
{
    if (line > 0) return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(reason);
    return QStringLiteral("%1: %2").arg(file, reason);
}

} // namespace indexlens
