// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderParsers.h"

#include "core/Counted.h"

#include "core/TextFields.h"
#include "import/CsvImporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

#include <cmath>

namespace indexlens {

namespace {

std::optional<double> numberAt(const QJsonArray &array, int i)
{
    if (i >= array.size()) return std::nullopt;
    const QJsonValue v = array.at(i);
    if (!v.isDouble() || !std::isfinite(v.toDouble())) return std::nullopt;
    return v.toDouble();
}

// A Unix time in seconds that is a date (years 1800..2200), or nullopt: casting any double to an
// integer is undefined behaviour when it does not fit (found by fuzz_yahoo, issue #6).
std::optional<qint64> epochSeconds(const QJsonValue &value)
{
    if (!value.isDouble()) return std::nullopt;
    const double seconds = value.toDouble();
    if (!std::isfinite(seconds) || seconds < -5364662400.0 || seconds > 7258118400.0)
        return std::nullopt;
    return qint64(seconds);
}

// Yahoo writes Infinity, -Infinity and NaN unquoted in some funds' adjclose (Python's json does):
// not JSON, and Qt refused the whole answer. As values they are missing numbers: null.
QByteArray withoutNonFiniteLiterals(const QByteArray &json)
{
    if (!json.contains("Infinity") && !json.contains("NaN")) return json;
    static const QRegularExpression literal(
        QStringLiteral("([\\[,:]\\s*)-?(?:Infinity|NaN)(?=\\s*[,\\]}])"));
    return QString::fromUtf8(json).replace(literal, QStringLiteral("\\1null")).toUtf8();
}

// A day without a usable adjusted close among days with one takes the close scaled by the
// nearest earlier day's adjusted/close ratio (the next day's when it is the first): using its raw
// close as the total-return price made a false jump (issue #14, 13). False when no day has one.
bool fillAdjustedCloses(std::vector<Bar> &bars)
{
    std::stable_sort(bars.begin(), bars.end(),
                     [](const Bar &x, const Bar &y) { return x.date < y.date; });
    std::optional<double> ratio;
    for (const Bar &bar : bars)
        if (bar.adjClose) {
            ratio = *bar.adjClose / bar.close; // the first one: for leading days without
            break;
        }
    if (!ratio) return false;
    for (Bar &bar : bars) {
        if (bar.adjClose)
            ratio = *bar.adjClose / bar.close;
        else
            bar.adjClose = bar.close * *ratio;
    }
    return true;
}

QJsonDocument parseJson(const QByteArray &raw, QString *error)
{
    const QByteArray json = withoutNonFiniteLiterals(raw);
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        *error = QStringLiteral("invalid JSON (%1 at byte %2 of %3)%4")
                     .arg(parseError.errorString())
                     .arg(parseError.offset)
                     .arg(json.size())
                     .arg(json.isEmpty() ? QStringLiteral(": empty answer") : QString());
    return doc;
}

// The exchange's time zone, in which Yahoo's timestamps are the sessions' dates.
QTimeZone exchangeZone(const QJsonObject &meta)
{
    const QTimeZone zone(meta.value(QLatin1String("exchangeTimezoneName"))
                             .toString(QStringLiteral("America/New_York"))
                             .toUtf8());
    return zone.isValid() ? zone : QTimeZone("America/New_York");
}

// The value arrays of Yahoo's chart.result[0].indicators, a value per timestamp.
struct YahooColumns {
    explicit YahooColumns(const QJsonObject &result)
    {
        const QJsonObject indicators = result.value(QLatin1String("indicators")).toObject();
        const QJsonObject quote =
            indicators.value(QLatin1String("quote")).toArray().at(0).toObject();
        adjClose = indicators.value(QLatin1String("adjclose"))
                       .toArray()
                       .at(0)
                       .toObject()
                       .value(QLatin1String("adjclose"))
                       .toArray();
        open = quote.value(QLatin1String("open")).toArray();
        high = quote.value(QLatin1String("high")).toArray();
        low = quote.value(QLatin1String("low")).toArray();
        close = quote.value(QLatin1String("close")).toArray();
        volume = quote.value(QLatin1String("volume")).toArray();
    }

    Bar barAt(int i, const QDate &date, double closeValue) const
    {
        Bar bar;
        bar.date = date;
        bar.open = numberAt(open, i);
        bar.high = numberAt(high, i);
        bar.low = numberAt(low, i);
        bar.close = closeValue;
        if (!adjClose.isEmpty()) bar.adjClose = numberAt(adjClose, i);
        // A volume beyond qint64 is nonsense, and casting it would be undefined behaviour (found
        // by fuzz_yahoo, issue #6): treat it as missing, like a null.
        if (const auto v = numberAt(volume, i); v && *v >= 0 && *v <= 9.0e18)
            bar.volume = qint64(*v);
        return bar;
    }

    QJsonArray open, high, low, close, volume, adjClose;
};

// The day of a session that has not closed yet at `nowUtc` (Yahoo appends its live bar), or none.
QDate sessionInProgress(const QJsonObject &meta, const QTimeZone &zone, const QDateTime &nowUtc)
{
    const QJsonObject regular = meta.value(QLatin1String("currentTradingPeriod"))
                                    .toObject()
                                    .value(QLatin1String("regular"))
                                    .toObject();
    const QDateTime nowLocal = nowUtc.toTimeZone(zone);
    if (regular.contains(QLatin1String("end"))) {
        const auto end = epochSeconds(regular.value(QLatin1String("end")));
        if (end && nowUtc.toSecsSinceEpoch() < *end)
            return QDateTime::fromSecsSinceEpoch(*end, zone).date();
        return {};
    }
    return nowLocal.time() < QTime(16, 0) ? nowLocal.date() : QDate();
}

// Days without an adjusted close are scaled from a neighbour's ratio (or keep their close), and
// the note says which.
void noteAdjustedCloses(SymbolData &data, int withoutAdj, bool answerHasAdj, QStringList *notes)
{
    if (withoutAdj > 0 && fillAdjustedCloses(data.bars))
        *notes << counted(withoutAdj, QStringLiteral("day"), QStringLiteral("days")) +
                      QStringLiteral(" without an adjusted close (null or Infinity): scaled from "
                                     "the nearest day's adjusted/close ratio");
    else if (withoutAdj > 0)
        *notes << counted(withoutAdj, QStringLiteral("day"), QStringLiteral("days")) +
                      QStringLiteral(" without an adjusted close (their close is used for total "
                                     "return)");
    if (!answerHasAdj && data.kind != InstrumentKind::Rate && !data.bars.empty())
        *notes << QStringLiteral("no adjusted closes in the answer");
}

} // namespace

std::optional<SymbolData> parseYahooChart(const QByteArray &json, const QString &symbol,
                                          InstrumentKind kind, const QDateTime &nowUtc,
                                          QStringList *notes, QString *error)
{
    const QJsonDocument doc = parseJson(json, error);
    if (doc.isNull()) return std::nullopt;
    const QJsonObject chart = doc.object().value(QLatin1String("chart")).toObject();
    const QJsonObject chartError = chart.value(QLatin1String("error")).toObject();
    const QJsonArray results = chart.value(QLatin1String("result")).toArray();
    if (results.isEmpty()) {
        *error = chartError.isEmpty()
                     ? QStringLiteral("the answer has no chart.result")
                     : QStringLiteral("%1 (%2)").arg(
                           chartError.value(QLatin1String("description")).toString(),
                           chartError.value(QLatin1String("code")).toString());
        return std::nullopt;
    }
    const QJsonObject result = results.at(0).toObject();
    const QJsonObject meta = result.value(QLatin1String("meta")).toObject();
    const QTimeZone zone = exchangeZone(meta);
    const QJsonArray timestamps = result.value(QLatin1String("timestamp")).toArray();
    const YahooColumns columns(result);
    const QJsonArray &close = columns.close;
    if (!timestamps.isEmpty() && close.size() != timestamps.size()) {
        *error = QStringLiteral("the answer has %1 timestamps but %2 closes (truncated?)")
                     .arg(timestamps.size())
                     .arg(close.size());
        return std::nullopt;
    }

    const QDate openSession = sessionInProgress(meta, zone, nowUtc);
    const QDateTime nowLocal = nowUtc.toTimeZone(zone);

    SymbolData data;
    data.symbol = symbol;
    data.kind = kind;
    data.hasRawClose = true;
    // WSU.DE is in EUR, WSKT.JK in IDR: every symbol was recorded as USD (issue #14, 11).
    data.currency = meta.value(QLatin1String("currency")).toString().trimmed().toUpper();
    data.name = meta.value(QLatin1String("longName")).toString().trimmed();
    if (data.name.isEmpty())
        data.name = meta.value(QLatin1String("shortName")).toString().trimmed();
    int withoutAdj = 0;
    bool droppedLive = false;
    for (int i = 0; i < timestamps.size(); ++i) {
        const auto seconds = epochSeconds(timestamps.at(i));
        if (!seconds) {
            *error = QStringLiteral("timestamp %1 is not a date").arg(i + 1);
            return std::nullopt;
        }
        const QDate date = QDateTime::fromSecsSinceEpoch(*seconds, zone).date();
        const auto c = numberAt(close, i);
        if (!c) {
            ++data.missingDays;
            continue;
        }
        if (date == openSession || date > nowLocal.date()) {
            droppedLive = true;
            continue;
        }
        if (kind == InstrumentKind::Rate) {
            data.rates.push_back({date, *c});
            continue;
        }
        data.bars.push_back(columns.barAt(i, date, *c));
        if (!columns.adjClose.isEmpty() && !data.bars.back().adjClose) ++withoutAdj;
    }
    if (droppedLive) *notes << QStringLiteral("the bar of the session in progress was not stored");
    // Days without a close are said once, by the store that writes the rest (data.missingDays).
    noteAdjustedCloses(data, withoutAdj, !columns.adjClose.isEmpty(), notes);
    const QString problem = normalizeSymbolData(data);
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return data;
}

QStringList treasuryColumnsFor(const QString &seriesId)
{
    static const QHash<QString, QString> columns = {
        {QStringLiteral("DGS1MO"), QStringLiteral("1 Mo")},
        {QStringLiteral("DGS3MO"), QStringLiteral("3 Mo")},
        {QStringLiteral("DGS6MO"), QStringLiteral("6 Mo")},
        {QStringLiteral("DGS1"), QStringLiteral("1 Yr")},
        {QStringLiteral("DGS2"), QStringLiteral("2 Yr")},
        {QStringLiteral("DGS3"), QStringLiteral("3 Yr")},
        {QStringLiteral("DGS5"), QStringLiteral("5 Yr")},
        {QStringLiteral("DGS7"), QStringLiteral("7 Yr")},
        {QStringLiteral("DGS10"), QStringLiteral("10 Yr")},
        {QStringLiteral("DGS20"), QStringLiteral("20 Yr")},
        {QStringLiteral("DGS30"), QStringLiteral("30 Yr")},
    };
    if (seriesId == QLatin1String("T10Y2Y"))
        return {QStringLiteral("10 Yr"), QStringLiteral("2 Yr")};
    if (seriesId == QLatin1String("T10Y3M"))
        return {QStringLiteral("10 Yr"), QStringLiteral("3 Mo")};
    const QString column = columns.value(seriesId);
    return column.isEmpty() ? QStringList() : QStringList{column};
}

namespace {

// Where the Treasury's CSV holds the date and each wanted yield (-1: not this year).
struct TreasuryColumns {
    int date = -1;
    std::vector<int> values;
};

QString fieldText(std::string_view field)
{
    return QString::fromUtf8(field.data(), int(field.size()));
}

std::optional<TreasuryColumns> treasuryHeader(const std::vector<std::string_view> &fields,
                                              const QStringList &wanted, int lineNumber,
                                              QString *error)
{
    TreasuryColumns columns;
    for (int c = 0; c < int(fields.size()); ++c)
        if (fieldText(fields[c]).trimmed().compare(QLatin1String("Date"), Qt::CaseInsensitive) == 0)
            columns.date = c;
    if (columns.date < 0) {
        *error = QStringLiteral("line %1: unknown header (no Date column)").arg(lineNumber);
        return std::nullopt;
    }
    for (const QString &name : wanted) {
        int found = -1;
        for (int c = 0; c < int(fields.size()); ++c)
            if (fieldText(fields[c]).trimmed() == name) found = c;
        columns.values.push_back(found);
    }
    return columns;
}

// A data row: false (with `error`) when it is malformed; `observation` is left empty on a day
// with a missing value. Two columns make a spread (T10Y2Y), rounded to 2 decimals as FRED
// publishes it (no 4.29 - 4.01 = 0.2799999...).
bool treasuryRow(const std::vector<std::string_view> &fields, const TreasuryColumns &columns,
                 int lineNumber, std::optional<DatedValue> *observation, QString *error)
{
    if (int(fields.size()) <=
        std::max(columns.date, *std::max_element(columns.values.begin(), columns.values.end()))) {
        *error = QStringLiteral("line %1: too few fields (truncated?)").arg(lineNumber);
        return false;
    }
    const auto date = parseUsDate(fields[columns.date]);
    if (!date) {
        *error = QStringLiteral("line %1: '%2' is not a date (expected MM/DD/YYYY)")
                     .arg(lineNumber)
                     .arg(fieldText(fields[columns.date]));
        return false;
    }
    std::vector<double> values;
    for (int c : columns.values) {
        if (trimmed(fields[c]).empty()) return true; // no observation that day
        const auto v = parseNumber(fields[c]);
        if (!v) {
            *error = QStringLiteral("line %1: '%2' is not a number")
                         .arg(lineNumber)
                         .arg(fieldText(fields[c]));
            return false;
        }
        values.push_back(*v);
    }
    const double value =
        values.size() == 1 ? values[0] : std::round((values[0] - values[1]) * 100.0) / 100.0;
    *observation = DatedValue{*date, value};
    return true;
}

} // namespace

std::optional<Series> parseTreasuryCsv(const QByteArray &csv, const QString &seriesId,
                                       QString *error)
{
    const QStringList wanted = treasuryColumnsFor(seriesId);
    if (wanted.isEmpty()) {
        *error = QStringLiteral("the Treasury does not publish %1").arg(seriesId);
        return std::nullopt;
    }
    std::string_view text(csv.constData(), std::size_t(csv.size()));
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::string_view> fields;
    Series series;
    std::optional<TreasuryColumns> columns;
    int lineNumber = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trimmed(line).empty()) continue;
        splitCsvLine(line, fields);
        if (!columns) {
            columns = treasuryHeader(fields, wanted, lineNumber, error);
            if (!columns) return std::nullopt;
            continue;
        }
        if (std::find(columns->values.begin(), columns->values.end(), -1) != columns->values.end())
            break; // this year has no such column (e.g. no 20 Yr in 1990): no data, no error
        std::optional<DatedValue> observation;
        if (!treasuryRow(fields, *columns, lineNumber, &observation, error)) return std::nullopt;
        if (observation) series.push_back(*observation);
    }
    if (!columns) {
        *error = QStringLiteral("empty answer");
        return std::nullopt;
    }
    SymbolData data;
    data.symbol = seriesId;
    data.kind = InstrumentKind::Rate;
    data.rates = std::move(series);
    const QString problem = normalizeSymbolData(data); // newest first in the file
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return data.rates;
}

std::optional<SymbolData> parseProviderCsv(const QByteArray &csv, CsvFormat format,
                                           const QString &symbol, InstrumentKind kind,
                                           QString *error)
{
    CsvImportOptions options;
    options.format = format;
    options.symbol = symbol;
    options.kind = kind;
    ImportError importError;
    auto file = CsvImporter().parse(csv, symbol, options, &importError);
    if (!file) {
        *error = importError.line > 0
                     ? QStringLiteral("line %1: %2").arg(importError.line).arg(importError.reason)
                     : importError.reason;
        return std::nullopt;
    }
    SymbolData data = std::move(file->symbols.front());
    data.symbol = symbol;
    return data;
}

std::optional<Series> parseFredObservations(const QByteArray &json, QString *error)
{
    const QJsonDocument doc = parseJson(json, error);
    if (doc.isNull()) return std::nullopt;
    const QJsonObject root = doc.object();
    if (!root.contains(QLatin1String("observations"))) {
        const QString message = root.value(QLatin1String("error_message")).toString();
        *error = message.isEmpty() ? QStringLiteral("the answer has no observations") : message;
        return std::nullopt;
    }
    Series series;
    const QJsonArray observations = root.value(QLatin1String("observations")).toArray();
    for (int i = 0; i < observations.size(); ++i) {
        const QJsonObject o = observations.at(i).toObject();
        const QByteArray dateText = o.value(QLatin1String("date")).toString().toLatin1();
        const auto date =
            parseIsoDate(std::string_view(dateText.constData(), std::size_t(dateText.size())));
        if (!date) {
            *error = QStringLiteral("observation %1: '%2' is not a date")
                         .arg(i + 1)
                         .arg(QString::fromLatin1(dateText));
            return std::nullopt;
        }
        const QByteArray valueText = o.value(QLatin1String("value")).toString().toLatin1();
        if (valueText.trimmed() == "." || valueText.trimmed().isEmpty()) continue;
        const auto value =
            parseNumber(std::string_view(valueText.constData(), std::size_t(valueText.size())));
        if (!value) {
            *error = QStringLiteral("observation %1 (%2): '%3' is not a number")
                         .arg(i + 1)
                         .arg(date->toString(Qt::ISODate), QString::fromLatin1(valueText));
            return std::nullopt;
        }
        series.push_back({*date, *value});
    }
    return series;
}

QString fredErrorMessage(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().value(QLatin1String("error_message")).toString();
}

} // namespace indexlens
