// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvImporter.h"

#include "core/TextFields.h"
#include "CsvLayout.h"

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

using namespace csv;

bool isMissingText(std::string_view text, bool isRate)
{
    text = trimmed(text);
    if (text.empty() || text == "null" || text == "nan" || text == "NaN" || text == "NA")
        return true;
    return isRate && text == ".";
}

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
    QString symbolFromContext(int lineNumber, bool *ok);
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
    // Refused, not skipped: a file with rows from the future or from before any market is not
    // the series it claims to be, so nothing of it is written (issue #21).
    const QString impossible = impossibleDateReason(*date, m_options.today);
    if (!impossible.isEmpty()) return fail(line.number, impossible);
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
    if (!LayoutReader(m_path, m_options.format, m_error).read(lines, layout)) return std::nullopt;
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
    // Rows with missing values are said by the store, per symbol (missingDays), not here too.
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
