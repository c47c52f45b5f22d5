// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QTextStream;

namespace indexlens {

enum class OutputFormat { Text, Csv, Json };

// A result table defined once (app/tables/PairTables) and written by its adapters: the command
// line's text, CSV and JSON writers below, and the window's ResultTableModel. Cells keep their
// type so that each adapter renders them properly: text rounds (percent to 2 decimals, basis
// points to 1), CSV and JSON give full precision without float noise (rounded to 10 decimals:
// a rate move of 0.41 points is 41 bp, not 41.000000000000014); an empty cell is "" in text and
// CSV, null in JSON and "n/a" in a view.
class ResultTable {
public:
    // Percent: a return in %; Points: a difference of returns in percentage points (pp); Bps: a
    // rate move in basis points.
    // Statistic: a coefficient (slope, R2, correlation) shown with four decimals in text; Price:
    // a close, with two (4796.56; a provider's float noise, 4796.560059, stays in CSV and JSON);
    // Level: an index level such as an RS-Ratio of 101.23, with two.
    enum class Kind { Text, Date, Integer, Percent, Points, Bps, Number, Statistic, Price, Level };

    struct Column {
        QString field; // CSV header and JSON key
        QString label; // text header and view header
        Kind kind;
        QString unit; // "%", "pp", "bp" or empty
        bool showInText = true;
    };

    struct Cell {
        std::optional<QString> text;
        std::optional<double> number;
        bool isNull() const { return !text && !number; }
    };

    void addColumn(const QString &field, const QString &label, Kind kind, bool showInText = true);
    void addRow(std::vector<Cell> cells);

    static Cell text(const QString &value) { return {value, std::nullopt}; }
    static Cell date(const QDate &value);
    static Cell date(const std::optional<QDate> &value);
    static Cell number(double value);
    static Cell number(const std::optional<double> &value);
    static Cell null() { return {}; }

    const std::vector<Column> &columns() const { return m_columns; }
    const std::vector<std::vector<Cell>> &rows() const { return m_rows; }
    int rowCount() const { return int(m_rows.size()); }
    // The same table with its rows in `order` (row indices), e.g. as a view sorts them.
    ResultTable reordered(const std::vector<int> &order) const;

    // A cell as the text writer and the window show it ("n/a" for an unknown number, "" for an
    // empty text or date).
    QString displayText(std::size_t column, const Cell &cell) const;
    static double clean(double value);

    void write(QTextStream &out, OutputFormat format) const;
    QString toCsv() const;

private:
    void writeText(QTextStream &out) const;
    void writeCsv(QTextStream &out) const;
    void writeJson(QTextStream &out) const;

    std::vector<Column> m_columns;
    std::vector<std::vector<Cell>> m_rows;
};

} // namespace indexlens
