// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvLayout.h"

#include "core/TextFields.h"

#include <QHash>
#include <QRegularExpression>

namespace indexlens::csv {

const char *const kFieldNames[FieldCount] = {"Date",  "Open",      "High",  "Low",
                                             "Close", "Adj Close", "Volume"};

namespace {

// Columns that some downloads add and that IndexLens has no use for.
bool isIgnoredColumn(const std::string &name)
{
    return name == "openint" || name == "dividends" || name == "stock splits" ||
           name == "capital gains" || name == "repaired?";
}

std::string normalized(std::string_view text)
{
    text = trimmed(text);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '_') c = ' ';
        out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::optional<Field> fieldFromName(const std::string &name)
{
    if (name == "date" || name == "observation date" || name == "datetime") return Date;
    if (name == "open") return Open;
    if (name == "high") return High;
    if (name == "low") return Low;
    if (name == "close") return Close;
    if (name == "adj close" || name == "adjclose" || name == "adjusted close") return AdjClose;
    if (name == "volume") return Volume;
    return std::nullopt;
}

} // namespace

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), int(text.size()));
}

QString quoted(std::string_view text)
{
    constexpr std::size_t kMax = 40;
    QString s = qs(text.substr(0, kMax));
    if (text.size() > kMax) s += QStringLiteral("…");
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

// Lines without their CR/LF ends, numbered from 1, blank lines dropped.
std::vector<Line> splitLines(std::string_view data)
{
    std::vector<Line> lines;
    lines.reserve(data.size() / 40 + 1);
    int number = 0;
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t end = data.find('\n', pos);
        if (end == std::string_view::npos) end = data.size();
        std::string_view text = data.substr(pos, end - pos);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        ++number;
        if (!trimmed(text).empty()) lines.push_back({text, number});
        pos = end + 1;
    }
    return lines;
}

bool validSymbol(const QString &symbol)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9^.=_\\-]{1,32}$"));
    return pattern.match(symbol).hasMatch();
}

bool LayoutReader::fail(int line, const QString &reason)
{
    *m_error = {m_path, line, reason};
    return false;
}

bool LayoutReader::read(const std::vector<Line> &lines, Layout &layout)
{
    std::vector<std::string_view> header;
    splitCsvLine(lines[0].text, header);
    const int line = lines[0].number;
    layout.fieldCount = int(header.size());
    const std::string first = normalized(header[0]);
    bool ok = false;
    if (first == "price")
        ok = readMultiIndex(lines, header, layout);
    else if (first == "symbol" || first == "ticker")
        ok = readSymbolColumn(header, line, layout);
    else if (fieldFromName(first) != Date)
        ok = fail(line, QStringLiteral("unknown header %1: the first column must be a date (Date, "
                                       "DATE, observation_date), 'Price' (yfinance) or 'symbol'")
                            .arg(quoted(lines[0].text)));
    else if (header.size() == 2)
        ok = readTwoColumns(header, line, layout);
    else
        ok = readFlat(header, line, layout);
    return ok && checkOverride(layout, line);
}

// yfinance multi-index: Price,<field>... / Ticker,<symbol>... / Date,,,...
bool LayoutReader::readMultiIndex(const std::vector<Line> &lines,
                                  const std::vector<std::string_view> &header, Layout &layout)
{
    std::vector<std::string_view> tickers, dateLine;
    if (lines.size() >= 3) {
        splitCsvLine(lines[1].text, tickers);
        splitCsvLine(lines[2].text, dateLine);
    }
    if (tickers.empty() || normalized(tickers[0]) != "ticker" || dateLine.empty() ||
        fieldFromName(normalized(dateLine[0])) != Date)
        return fail(lines[0].number,
                    QStringLiteral("unknown header: a 'Price' header must be "
                                   "followed by a 'Ticker' line and a 'Date' line"));
    if (tickers.size() != header.size())
        return fail(lines[1].number, QStringLiteral("the Ticker line has %1 fields, the Price "
                                                    "line %2")
                                         .arg(tickers.size())
                                         .arg(header.size()));
    layout.format = CsvFormat::YFinanceMulti;
    layout.headerLines = 3;
    QHash<QString, std::size_t> groupOf;
    for (int c = 1; c < int(header.size()); ++c) {
        const std::string name = normalized(header[c]);
        if (isIgnoredColumn(name)) continue;
        const auto field = fieldFromName(name);
        if (!field || *field == Date)
            return fail(lines[0].number, QStringLiteral("unknown header: column %1 is %2")
                                             .arg(c + 1)
                                             .arg(quoted(header[c])));
        const QString symbol = qs(trimmed(tickers[c]));
        if (!validSymbol(symbol))
            return fail(lines[1].number, QStringLiteral("column %1 has no valid ticker: %2")
                                             .arg(c + 1)
                                             .arg(quoted(tickers[c])));
        if (!groupOf.contains(symbol)) {
            groupOf.insert(symbol, layout.groups.size());
            layout.groups.emplace_back();
            layout.groups.back().symbol = symbol;
        }
        Group &group = layout.groups[groupOf.value(symbol)];
        if (group.has(*field))
            return fail(lines[0].number, QStringLiteral("unknown header: %1 appears twice for %2")
                                             .arg(quoted(header[c]), symbol));
        group.column[*field] = c;
    }
    for (const Group &group : layout.groups) {
        if (!group.has(Close))
            return fail(lines[0].number,
                        QStringLiteral("unknown header: no Close column for %1").arg(group.symbol));
    }
    if (layout.groups.empty())
        return fail(lines[0].number, QStringLiteral("unknown header: no price columns"));
    layout.closeIsAdjusted = !layout.groups.front().has(AdjClose);
    return true;
}

// symbol,Date,Close,...: several symbols in one file.
bool LayoutReader::readSymbolColumn(const std::vector<std::string_view> &header, int line,
                                    Layout &layout)
{
    if (header.size() < 3 || fieldFromName(normalized(header[1])) != Date)
        return fail(line, QStringLiteral("unknown header: a leading symbol column must "
                                         "be followed by Date and price columns"));
    layout.format = CsvFormat::SymbolColumn;
    layout.symbolColumn = 0;
    layout.dateColumn = 1;
    if (!mapFlatHeader(header, line, 2, layout)) return false;
    layout.closeIsAdjusted = !layout.groups.front().has(AdjClose);
    return true;
}

// Date,Close or Date,<SYMBOL> (FRED spells its date column DATE or observation_date).
bool LayoutReader::readTwoColumns(const std::vector<std::string_view> &header, int line,
                                  Layout &layout)
{
    const std::string second = normalized(header[1]);
    const QString name = qs(trimmed(header[1]));
    // FRED writes its own spellings of the date column; anything else is a close column.
    const QString dateName = qs(trimmed(header[0]));
    const bool fredStyle =
        dateName == QLatin1String("DATE") || dateName == QLatin1String("observation_date");
    Group group;
    group.column[Close] = 1;
    if (second == "close" || second == "adj close" || second == "value" || second == "price") {
        layout.format = CsvFormat::CloseOnly;
    } else {
        if (!validSymbol(name))
            return fail(line, QStringLiteral("unknown header: column 2 is %1, which is "
                                             "neither Close nor a symbol")
                                  .arg(quoted(header[1])));
        group.symbol = name;
        layout.format = fredStyle ? CsvFormat::Fred : CsvFormat::CloseOnly;
    }
    layout.rate = layout.format == CsvFormat::Fred;
    layout.closeIsAdjusted = true;
    layout.groups.push_back(group);
    return true;
}

// Date,Open,High,Low,Close[,Adj Close],Volume in any order: Yahoo, Stooq or yfinance.
bool LayoutReader::readFlat(const std::vector<std::string_view> &header, int line, Layout &layout)
{
    if (!mapFlatHeader(header, line, 1, layout)) return false;
    const Group &group = layout.groups.front();
    if (group.has(AdjClose)) {
        layout.format = CsvFormat::Yahoo;
    } else {
        // Stooq writes exactly this order; yfinance writes Close first.
        const bool stooqOrder = group.column[Open] == 1 && group.column[High] == 2 &&
                                group.column[Low] == 3 && group.column[Close] == 4;
        layout.format = stooqOrder ? CsvFormat::Stooq : CsvFormat::YFinance;
        layout.closeIsAdjusted = !stooqOrder;
    }
    return true;
}

bool LayoutReader::mapFlatHeader(const std::vector<std::string_view> &header, int lineNumber,
                                 int firstColumn, Layout &layout)
{
    Group group;
    for (int c = firstColumn; c < int(header.size()); ++c) {
        const std::string name = normalized(header[c]);
        if (isIgnoredColumn(name)) continue;
        const auto field = fieldFromName(name);
        if (!field || *field == Date)
            return fail(lineNumber,
                        QStringLiteral("unknown header: column %1 is %2; expected "
                                       "Date, Open, High, Low, Close, Adj Close, Volume")
                            .arg(c + 1)
                            .arg(quoted(header[c])));
        if (group.has(*field))
            return fail(lineNumber, QStringLiteral("unknown header: column %1 repeats %2")
                                        .arg(c + 1)
                                        .arg(quoted(header[c])));
        group.column[*field] = c;
    }
    if (!group.has(Close))
        return fail(lineNumber, QStringLiteral("unknown header: there is no Close column"));
    layout.groups.push_back(group);
    return true;
}

// Applies --format-in: the header must fit the asked format, whose meaning then wins.
bool LayoutReader::checkOverride(const Layout &detected, int lineNumber)
{
    const CsvFormat asked = m_asked;
    if (asked == CsvFormat::Auto || asked == detected.format) return true;
    const bool flat = detected.format == CsvFormat::Yahoo || detected.format == CsvFormat::Stooq ||
                      detected.format == CsvFormat::YFinance;
    bool fits = false;
    switch (asked) {
    case CsvFormat::Stooq:
    case CsvFormat::YFinance:
        fits = flat && !detected.groups.front().has(AdjClose);
        break;
    case CsvFormat::Fred:
    case CsvFormat::CloseOnly:
        fits = detected.format == CsvFormat::CloseOnly || detected.format == CsvFormat::Fred;
        break;
    default:
        fits = false;
    }
    if (!fits)
        return fail(lineNumber, QStringLiteral("the header does not fit --format-in %1 (it looks "
                                               "like %2)")
                                    .arg(formatName(asked), formatName(detected.format)));
    return true;
}

} // namespace indexlens::csv
