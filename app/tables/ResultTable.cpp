// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cmath>

namespace indexlens {

namespace {

QString shortest(double value)
{
    return QString::number(ResultTable::clean(value), 'g', QLocale::FloatingPointShortest);
}

QString csvEscape(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// Fixed decimals, without the sign of a value that rounds to zero ("0.00", not "-0.00").
QString fixed(double value, int decimals)
{
    QString text = QString::number(value, 'f', decimals);
    if (text.startsWith(QLatin1Char('-')) && text.count(QLatin1Char('0')) == text.size() - 2)
        text.remove(0, 1);
    return text;
}

bool isNumeric(ResultTable::Kind kind)
{
    return kind != ResultTable::Kind::Text && kind != ResultTable::Kind::Date;
}

} // namespace

void ResultTable::addColumn(const QString &field, const QString &label, Kind kind, bool showInText)
{
    QString unit;
    if (kind == Kind::Bps)
        unit = QStringLiteral("bp");
    else if (kind == Kind::Percent)
        unit = QStringLiteral("%");
    else if (kind == Kind::Points)
        unit = QStringLiteral("pp");
    m_columns.push_back({field, label, kind, unit, showInText});
}

ResultTable::Cell ResultTable::number(double value)
{
    if (std::isnan(value)) return null();
    return {std::nullopt, value};
}

ResultTable::Cell ResultTable::number(const std::optional<double> &value)
{
    return value ? number(*value) : null();
}

double ResultTable::clean(double value)
{
    // Ten decimals is far below any figure's precision and far above double's noise for the
    // magnitudes of returns and rate moves; beyond 1e5 there is no noise to remove at 1e-10.
    if (!std::isfinite(value) || std::abs(value) >= 1e5) return value;
    return std::round(value * 1e10) / 1e10;
}

ResultTable ResultTable::reordered(const std::vector<int> &order) const
{
    ResultTable out;
    out.m_columns = m_columns;
    for (int row : order)
        if (row >= 0 && row < int(m_rows.size())) out.m_rows.push_back(m_rows[std::size_t(row)]);
    return out;
}

QString ResultTable::toCsv() const
{
    QString text;
    QTextStream out(&text);
    writeCsv(out);
    out.flush();
    return text;
}

void ResultTable::addRow(std::vector<Cell> cells)
{
    cells.resize(m_columns.size());
    m_rows.push_back(std::move(cells));
}

ResultTable::Cell ResultTable::date(const QDate &value)
{
    if (!value.isValid()) return null();
    return text(value.toString(Qt::ISODate));
}

ResultTable::Cell ResultTable::date(const std::optional<QDate> &value)
{
    return value ? date(*value) : null();
}

void ResultTable::write(QTextStream &out, OutputFormat format) const
{
    switch (format) {
    case OutputFormat::Text:
        writeText(out);
        break;
    case OutputFormat::Csv:
        writeCsv(out);
        break;
    case OutputFormat::Json:
        writeJson(out);
        break;
    }
}

QString ResultTable::displayText(std::size_t c, const Cell &cell) const
{
    const Column &column = m_columns[c];
    if (cell.text) return *cell.text;
    // An unknown number (a rate after its data end) reads "n/a" in text and in the window; CSV
    // leaves the cell empty and JSON writes null.
    if (!cell.number || std::isnan(*cell.number))
        return isNumeric(column.kind) ? QStringLiteral("n/a") : QString();
    switch (column.kind) {
    case Kind::Percent:
    case Kind::Points:
    case Kind::Price:
    case Kind::Level:
        return fixed(*cell.number, 2);
    case Kind::Bps:
        return fixed(*cell.number, 1);
    case Kind::Integer:
        return QString::number(qint64(std::llround(*cell.number)));
    case Kind::Statistic:
        return fixed(*cell.number, 4);
    default:
        return shortest(*cell.number);
    }
}

void ResultTable::writeText(QTextStream &out) const
{
    std::vector<std::size_t> shown;
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (m_columns[c].showInText) shown.push_back(c);
    std::vector<std::vector<QString>> cells;
    std::vector<int> width(m_columns.size(), 0);
    for (std::size_t c : shown)
        width[c] = int(m_columns[c].label.size());
    for (const auto &row : m_rows) {
        std::vector<QString> rendered(m_columns.size());
        for (std::size_t c : shown) {
            rendered[c] = displayText(c, row[c]);
            width[c] = std::max(width[c], int(rendered[c].size()));
        }
        cells.push_back(std::move(rendered));
    }
    auto line = [&](auto cellAt) {
        QString text;
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const std::size_t c = shown[i];
            const QString value = cellAt(c);
            if (i > 0) text += QLatin1String("  ");
            // Numbers right-aligned so that decimal points line up; the last column unpadded.
            if (isNumeric(m_columns[c].kind))
                text += value.rightJustified(width[c]);
            else
                text += i + 1 == shown.size() ? value : value.leftJustified(width[c]);
        }
        out << text << '\n';
    };
    line([&](std::size_t c) { return m_columns[c].label; });
    for (const auto &row : cells)
        line([&](std::size_t c) { return row[c]; });
}

void ResultTable::writeCsv(QTextStream &out) const
{
    QStringList header;
    for (const Column &column : m_columns)
        header << column.field;
    out << header.join(QLatin1Char(',')) << '\n';
    for (const auto &row : m_rows) {
        QStringList fields;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const Cell &cell = row[c];
            if (cell.text)
                fields << csvEscape(*cell.text);
            else if (cell.number && !std::isnan(*cell.number))
                fields << (m_columns[c].kind == Kind::Integer
                               ? QString::number(qint64(std::llround(*cell.number)))
                               : shortest(*cell.number));
            else
                fields << QString();
        }
        out << fields.join(QLatin1Char(',')) << '\n';
    }
}

void ResultTable::writeJson(QTextStream &out) const
{
    QJsonArray array;
    for (const auto &row : m_rows) {
        QJsonObject object;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const Cell &cell = row[c];
            QJsonValue value(QJsonValue::Null);
            if (cell.text)
                value = *cell.text;
            else if (cell.number && !std::isnan(*cell.number))
                value = m_columns[c].kind == Kind::Integer
                            ? QJsonValue(qint64(std::llround(*cell.number)))
                            : QJsonValue(clean(*cell.number));
            object.insert(m_columns[c].field, value);
        }
        array.append(object);
    }
    out << QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace indexlens
