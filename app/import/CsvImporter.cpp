#include "CsvImporter.h"

#include "TextFields.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>

namespace indexlens {

namespace {

enum Field { Date, Open, High, Low, Close, AdjClose, Volume, FieldCount };
constexpr const char *kFieldNames[FieldCount] = {"Date",  "Open",      "High",  "Low",
                                                 "Close", "Adj Close", "Volume"};

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

bool isMissingText(std::string_view text, bool isRate)
{
    text = trimmed(text);
    if (text.empty() || text == "null" || text == "nan" || text == "NaN" || text == "NA")
        return true;
    return isRate && text == ".";
}

struct Line {
    std::string_view text;
    int number = 0;
};

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

// Where one symbol's fields sit in a row.
struct Group {
    QString symbol; // empty: taken from the symbol column of each row
    std::array<int, FieldCount> column{};
    Group() { column.fill(-1); }
    bool has(Field f) const { return column[f] >= 0; }
};

struct Layout {
    CsvFormat format = CsvFormat::Auto;
    int headerLines = 1;
    int fieldCount = 0;
    int dateColumn = 0;
    int symbolColumn = -1;
    bool closeIsAdjusted = false; // no raw close in the file: record the close as adjusted too
    bool rate = false;            // the format itself says "rate" (FRED)
    std::vector<Group> groups;
};

struct Accumulator {
    SymbolData data;
    std::vector<int> lineNumbers;
};

class Parser {
public:
    Parser(const Catalog &catalog, const QString &path, const CsvImportOptions &options,
           ImportError *error)
        : m_catalog(catalog), m_path(path), m_options(options), m_error(error)
    {
    }

    std::optional<ParsedFile> run(const QByteArray &bytes);

private:
    bool fail(int line, const QString &reason)
    {
        *m_error = {m_path, line, reason};
        return false;
    }
    bool detectLayout(const std::vector<Line> &lines, Layout &layout);
    bool mapFlatHeader(const std::vector<std::string_view> &header, int lineNumber, int firstColumn,
                       Layout &layout);
    bool checkOverride(const Layout &detected, int lineNumber);
    QString symbolFromContext(int lineNumber, bool *ok);
    bool validSymbol(const QString &symbol) const;
    InstrumentKind kindFor(const QString &symbol, const Layout &layout) const;
    Accumulator &accumulatorFor(const QString &symbol, const Layout &layout);
    bool readRow(const Line &line, const std::vector<std::string_view> &fields,
                 const Layout &layout);
    bool readGroup(const Line &line, const std::vector<std::string_view> &fields,
                   const Group &group, const QString &symbol, const QDate &date,
                   const Layout &layout);
    bool finish(Accumulator &acc);

    const Catalog &m_catalog;
    QString m_path;
    CsvImportOptions m_options;
    ImportError *m_error;
    std::vector<Accumulator> m_accumulators;
    QHash<QString, std::size_t> m_accumulatorIndex;
};

bool Parser::validSymbol(const QString &symbol) const
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9^.=_\\-]{1,32}$"));
    return pattern.match(symbol).hasMatch();
}

QString Parser::symbolFromContext(int lineNumber, bool *ok)
{
    *ok = true;
    if (!m_options.symbol.isEmpty()) {
        if (!validSymbol(m_options.symbol)) {
            *ok =
                fail(0, QStringLiteral("--symbol %1 is not a valid symbol").arg(m_options.symbol));
            return {};
        }
        return m_options.symbol;
    }
    QString base = QFileInfo(m_path).completeBaseName().toUpper();
    if (!validSymbol(base)) {
        *ok = fail(lineNumber, QStringLiteral("the file names no symbol and its file name %1 is "
                                              "not one; give --symbol")
                                   .arg(QFileInfo(m_path).fileName()));
        return {};
    }
    return base;
}

bool Parser::mapFlatHeader(const std::vector<std::string_view> &header, int lineNumber,
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

bool Parser::detectLayout(const std::vector<Line> &lines, Layout &layout)
{
    std::vector<std::string_view> header;
    splitCsvLine(lines[0].text, header);
    const int headerLine = lines[0].number;
    layout.fieldCount = int(header.size());
    const std::string first = normalized(header[0]);

    if (first == "price") {
        // yfinance multi-index: Price,<field>... / Ticker,<symbol>... / Date,,,...
        std::vector<std::string_view> tickers, dateLine;
        if (lines.size() >= 3) {
            splitCsvLine(lines[1].text, tickers);
            splitCsvLine(lines[2].text, dateLine);
        }
        if (tickers.empty() || normalized(tickers[0]) != "ticker" || dateLine.empty() ||
            fieldFromName(normalized(dateLine[0])) != Date)
            return fail(headerLine,
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
                return fail(headerLine, QStringLiteral("unknown header: column %1 is %2")
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
                return fail(headerLine, QStringLiteral("unknown header: %1 appears twice for %2")
                                            .arg(quoted(header[c]), symbol));
            group.column[*field] = c;
        }
        for (const Group &group : layout.groups) {
            if (!group.has(Close))
                return fail(
                    headerLine,
                    QStringLiteral("unknown header: no Close column for %1").arg(group.symbol));
        }
        if (layout.groups.empty())
            return fail(headerLine, QStringLiteral("unknown header: no price columns"));
        layout.closeIsAdjusted = !layout.groups.front().has(AdjClose);
        return true;
    }

    if (first == "symbol" || first == "ticker") {
        if (header.size() < 3 || fieldFromName(normalized(header[1])) != Date)
            return fail(headerLine, QStringLiteral("unknown header: a leading symbol column must "
                                                   "be followed by Date and price columns"));
        layout.format = CsvFormat::SymbolColumn;
        layout.symbolColumn = 0;
        layout.dateColumn = 1;
        if (!mapFlatHeader(header, headerLine, 2, layout)) return false;
        layout.closeIsAdjusted = !layout.groups.front().has(AdjClose);
        return true;
    }

    if (fieldFromName(first) != Date)
        return fail(headerLine, QStringLiteral("unknown header %1: the first column must be a "
                                               "date (Date, DATE, observation_date), 'Price' "
                                               "(yfinance) or 'symbol'")
                                    .arg(quoted(lines[0].text)));

    if (header.size() == 2) {
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
                return fail(headerLine, QStringLiteral("unknown header: column 2 is %1, which is "
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

    if (!mapFlatHeader(header, headerLine, 1, layout)) return false;
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

// Applies --format-in: the header must fit the asked format, whose meaning then wins.
bool Parser::checkOverride(const Layout &detected, int lineNumber)
{
    const CsvFormat asked = m_options.format;
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

InstrumentKind Parser::kindFor(const QString &symbol, const Layout &layout) const
{
    if (m_options.kind) return *m_options.kind;
    if (layout.rate) return InstrumentKind::Rate;
    return m_catalog.kindOf(symbol);
}

Accumulator &Parser::accumulatorFor(const QString &symbol, const Layout &layout)
{
    const auto it = m_accumulatorIndex.constFind(symbol);
    if (it != m_accumulatorIndex.cend()) return m_accumulators[*it];
    m_accumulatorIndex.insert(symbol, m_accumulators.size());
    m_accumulators.emplace_back();
    Accumulator &acc = m_accumulators.back();
    acc.data.symbol = symbol;
    acc.data.kind = kindFor(symbol, layout);
    acc.data.hasRawClose = !layout.closeIsAdjusted;
    return acc;
}

bool Parser::readGroup(const Line &line, const std::vector<std::string_view> &fields,
                       const Group &group, const QString &symbol, const QDate &date,
                       const Layout &layout)
{
    Accumulator &acc = accumulatorFor(symbol, layout);
    const bool rate = acc.data.isRate();

    bool allMissing = true;
    for (int f = Open; f < FieldCount; ++f) {
        if (group.has(Field(f)) && f != Volume && !isMissingText(fields[group.column[f]], rate))
            allMissing = false;
    }
    if (allMissing) {
        ++acc.data.missingDays;
        return true;
    }

    auto readPrice = [&](Field f, std::optional<double> &out) -> bool {
        if (!group.has(f)) return true;
        const std::string_view text = fields[group.column[f]];
        if (isMissingText(text, rate)) {
            if (f == Close)
                return fail(line.number, QStringLiteral("%1 has no %2 value")
                                             .arg(date.toString(Qt::ISODate))
                                             .arg(QLatin1String(kFieldNames[f])));
            return true;
        }
        const auto value = parseNumber(text);
        if (!value)
            return fail(line.number, QStringLiteral("%1 %2 is not a number")
                                         .arg(QLatin1String(kFieldNames[f]), quoted(text)));
        if (!rate && *value <= 0.0)
            return fail(line.number, QStringLiteral("%1 %2 is not a positive price")
                                         .arg(QLatin1String(kFieldNames[f]), quoted(text)));
        out = value;
        return true;
    };

    std::optional<double> open, high, low, close, adj;
    if (!readPrice(Close, close)) return false;
    if (rate) {
        acc.data.rates.push_back({date, *close});
        acc.lineNumbers.push_back(line.number);
        return true;
    }
    if (!readPrice(Open, open) || !readPrice(High, high) || !readPrice(Low, low) ||
        !readPrice(AdjClose, adj))
        return false;

    Bar bar;
    bar.date = date;
    bar.open = open;
    bar.high = high;
    bar.low = low;
    bar.close = *close;
    bar.adjClose = layout.closeIsAdjusted ? close : adj;
    if (layout.format == CsvFormat::Stooq || m_options.format == CsvFormat::Stooq)
        bar.adjClose.reset();
    if (group.has(Volume)) {
        const std::string_view text = fields[group.column[Volume]];
        if (!isMissingText(text, false)) {
            const auto volume = parseNumber(text);
            if (!volume || *volume < 0 || *volume != std::floor(*volume) || *volume > 9.0e18)
                return fail(
                    line.number,
                    QStringLiteral("Volume %1 is not a whole number of shares").arg(quoted(text)));
            bar.volume = qint64(*volume);
        }
    }
    acc.data.bars.push_back(bar);
    acc.lineNumbers.push_back(line.number);
    return true;
}

bool Parser::readRow(const Line &line, const std::vector<std::string_view> &fields,
                     const Layout &layout)
{
    if (int(fields.size()) != layout.fieldCount)
        return fail(line.number, QStringLiteral("expected %1 fields as in the header, found %2")
                                     .arg(layout.fieldCount)
                                     .arg(fields.size()));
    const std::string_view dateText = fields[layout.dateColumn];
    const auto date = parseIsoDate(dateText);
    if (!date)
        return fail(line.number,
                    QStringLiteral("%1 is not a date (expected YYYY-MM-DD)").arg(quoted(dateText)));
    if (layout.symbolColumn >= 0) {
        const QString symbol = qs(trimmed(fields[layout.symbolColumn]));
        if (!validSymbol(symbol))
            return fail(line.number, QStringLiteral("%1 is not a valid symbol")
                                         .arg(quoted(fields[layout.symbolColumn])));
        return readGroup(line, fields, layout.groups.front(), symbol, *date, layout);
    }
    for (const Group &group : layout.groups) {
        if (!readGroup(line, fields, group, group.symbol, *date, layout)) return false;
    }
    return true;
}

// Sorts one symbol's rows by date and resolves repeated dates: identical rows are dropped,
// conflicting ones refuse the file.
bool Parser::finish(Accumulator &acc)
{
    SymbolData &data = acc.data;
    const std::size_t n = acc.lineNumbers.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    auto dateAt = [&](std::size_t i) {
        return data.isRate() ? data.rates[i].date : data.bars[i].date;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return dateAt(a) < dateAt(b); });

    std::vector<Bar> bars;
    Series rates;
    bars.reserve(data.bars.size());
    rates.reserve(data.rates.size());
    std::size_t previous = n;
    for (std::size_t i : order) {
        if (previous != n && dateAt(previous) == dateAt(i)) {
            const bool same = data.isRate() ? data.rates[i] == data.rates[previous]
                                            : data.bars[i] == data.bars[previous];
            if (!same)
                return fail(acc.lineNumbers[i],
                            QStringLiteral("%1 %2 appears again with different values (first "
                                           "on line %3)")
                                .arg(data.symbol, dateAt(i).toString(Qt::ISODate))
                                .arg(acc.lineNumbers[previous]));
            ++data.duplicateRows;
            continue;
        }
        if (data.isRate())
            rates.push_back(data.rates[i]);
        else
            bars.push_back(data.bars[i]);
        previous = i;
    }
    data.bars = std::move(bars);
    data.rates = std::move(rates);
    return true;
}

std::optional<ParsedFile> Parser::run(const QByteArray &bytes)
{
    std::string_view data(bytes.constData(), std::size_t(bytes.size()));
    if (data.size() >= 3 && data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
    if (data.find('\0') != std::string_view::npos) {
        fail(0, QStringLiteral("this is not a text file"));
        return std::nullopt;
    }
    const std::vector<Line> lines = splitLines(data);
    if (lines.empty()) {
        fail(0, QStringLiteral("the file is empty"));
        return std::nullopt;
    }

    Layout layout;
    if (!detectLayout(lines, layout) || !checkOverride(layout, lines[0].number))
        return std::nullopt;
    if (m_options.format != CsvFormat::Auto) layout.format = m_options.format;
    if (layout.format == CsvFormat::Fred) layout.rate = true;
    if (layout.format == CsvFormat::Stooq) layout.closeIsAdjusted = false;
    for (Group &group : layout.groups) {
        if (group.symbol.isEmpty() && layout.symbolColumn < 0) {
            bool ok = false;
            group.symbol = symbolFromContext(lines[0].number, &ok);
            if (!ok) return std::nullopt;
        }
    }

    std::vector<std::string_view> fields;
    for (std::size_t i = std::size_t(layout.headerLines); i < lines.size(); ++i) {
        splitCsvLine(lines[i].text, fields);
        if (!readRow(lines[i], fields, layout)) return std::nullopt;
    }

    ParsedFile file;
    file.path = m_path;
    file.format = layout.format;
    int missing = 0;
    for (Accumulator &acc : m_accumulators) {
        if (!finish(acc)) return std::nullopt;
        missing += acc.data.missingDays;
        if (acc.data.rowCount() > 0) file.symbols.push_back(std::move(acc.data));
    }
    if (file.symbols.empty()) {
        fail(lines.back().number,
             missing > 0
                 ? QStringLiteral("no data rows: all %1 rows have missing values").arg(missing)
                 : QStringLiteral("no data rows after the header"));
        return std::nullopt;
    }
    if (missing > 0)
        file.notes << QStringLiteral("%1 rows with missing values skipped").arg(missing);
    return file;
}

} // namespace

CsvImporter::CsvImporter(const Catalog &catalog) : m_catalog(catalog) {}

std::optional<ParsedFile> CsvImporter::parseFile(const QString &path,
                                                 const CsvImportOptions &options,
                                                 ImportError *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {path, 0, QStringLiteral("cannot open: %1").arg(file.errorString())};
        return std::nullopt;
    }
    return parse(file.readAll(), path, options, error);
}

std::optional<ParsedFile> CsvImporter::parse(const QByteArray &bytes, const QString &path,
                                             const CsvImportOptions &options,
                                             ImportError *error) const
{
    Parser parser(m_catalog, path, options, error);
    return parser.run(bytes);
}

} // namespace indexlens
