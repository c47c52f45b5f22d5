#include "ParsedFile.h"

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
