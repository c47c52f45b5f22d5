// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultTableModel.h"

#include <QColor>

#include <cmath>

namespace indexlens {

using Kind = ResultTable::Kind;

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultTableModel::setTable(ResultTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_table.rowCount();
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns().size());
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const auto c = std::size_t(index.column());
    const ResultTable::Cell &cell = m_table.rows()[std::size_t(index.row())][c];
    const Kind kind = m_table.columns()[c].kind;
    const bool numeric = kind != Kind::Text && kind != Kind::Date;
    switch (role) {
    case Qt::UserRole:
        if (cell.number) return *cell.number; // unrounded: sorting and tests
        if (cell.text && kind == Kind::Date) return QDate::fromString(*cell.text, Qt::ISODate);
        return cell.text ? QVariant(*cell.text) : QVariant();
    case Qt::TextAlignmentRole:
        return int((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::DisplayRole:
        return m_table.displayText(c, cell); // "n/a" for an unknown number
    case Qt::BackgroundRole: {
        if (m_heat <= 0 || kind != Kind::Points || !cell.number) return {};
        const double share = std::min(1.0, std::abs(*cell.number) / m_heat);
        QColor colour = *cell.number >= 0 ? QColor(0, 114, 178) : QColor(230, 159, 0);
        colour.setAlphaF(0.12 + 0.6 * share);
        return colour;
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < columnCount())
        return m_table.columns()[std::size_t(section)].label;
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString ResultTableModel::toCsv(const std::vector<int> &order) const
{
    return order.empty() ? m_table.toCsv() : m_table.reordered(order).toCsv();
}

} // namespace indexlens
