// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tables/ResultTable.h"

#include <QAbstractTableModel>

namespace indexlens {

// The window's adapter over a ResultTable (the command line's writers are the other): the text
// the CLI's text output shows ("n/a" for an empty number), the raw value under Qt::UserRole for
// sorting, and CSV through the same writer as `--format csv`.
class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ResultTableModel(QObject *parent = nullptr);

    void setTable(ResultTable table);
    const ResultTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // A heat map (the seasonality view's years x months, issue #25): each pp cell shaded by its
    // sign and size, orange where A trailed, blue where it led, full at `full` pp; 0: no shading.
    void setHeat(double full) { m_heat = full; }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The table as `--format csv` writes it, rows in `order` (a view's sorted order); every row
    // in the model's order when `order` is empty.
    QString toCsv(const std::vector<int> &order = {}) const;

private:
    ResultTable m_table;
    double m_heat = 0;
};

} // namespace indexlens
