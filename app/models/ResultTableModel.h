#pragma once

#include <QAbstractTableModel>
#include <QDate>

#include <vector>

namespace indexlens {

// A read-only table of results (returns, periods, largest moves) for a view: typed columns,
// formatted text for display, the raw value under Qt::UserRole for sorting and CSV.
class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Kind { Text, Date, Percent, Bps };
    struct Column {
        QString title;
        Kind kind;
    };

    explicit ResultTableModel(QObject *parent = nullptr);

    void setColumns(std::vector<Column> columns);
    void setRows(std::vector<std::vector<QVariant>> rows);
    void appendRow(std::vector<QVariant> row);
    void clearRows();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The table as CSV: header line, unrounded numbers, ISO dates.
    QString toCsv() const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<QVariant>> m_rows;
};

// The rows the window shows, from the model layer's calculations.
class PairData;
struct Period;

// Returns of A, B and the rate change over the range, year to date and one year (as of `to`).
void fillReturnsTable(ResultTableModel &model, const PairData &pair, const QDate &from,
                      const QDate &to);
// The largest daily moves in [from, to] ranked by |A| (or the spread), with the rate change.
void fillMovesTable(ResultTableModel &model, const PairData &pair, const QDate &from,
                    const QDate &to, int top, bool bySpread);
// Column layout of the periods table; rows are added with appendPeriodRow.
void preparePeriodsTable(ResultTableModel &model, const PairData &pair);
void appendPeriodRow(ResultTableModel &model, const PairData &pair, const QDate &from,
                     const QDate &to);

} // namespace indexlens
