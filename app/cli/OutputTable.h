#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QTextStream;

namespace indexlens {

enum class OutputFormat { Text, Csv, Json };

// A result table as the command line prints it. Cells keep their type so that each format can
// render them properly: text rounds (percent to 2 decimals, basis points to 1), CSV and JSON keep
// full precision; an empty cell is "" in text and CSV and null in JSON.
class OutputTable {
public:
    enum class Kind { Text, Date, Integer, Percent, Bps, Number };

    struct Column {
        QString field; // CSV header and JSON key
        QString label; // text header
        Kind kind;
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
    static Cell number(double value) { return {std::nullopt, value}; }
    static Cell number(const std::optional<double> &value) { return {std::nullopt, value}; }
    static Cell null() { return {}; }

    void write(QTextStream &out, OutputFormat format) const;

private:
    QString textCell(const Column &column, const Cell &cell) const;
    void writeText(QTextStream &out) const;
    void writeCsv(QTextStream &out) const;
    void writeJson(QTextStream &out) const;

    std::vector<Column> m_columns;
    std::vector<std::vector<Cell>> m_rows;
};

} // namespace indexlens
