// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace indexlens {

class ResultTableModel;

// A table of app/tables shown in the window: sortable (the model's order first), compact rows,
// and Ctrl+C (or the context menu) copying it as `--format csv` writes it, in the order the view
// is sorted; Export table as CSV writes the same to a file. The pair view's tables and the
// compare view's returns share it.
class ResultTableView : public QTableView {
    Q_OBJECT
public:
    ResultTableView(ResultTableModel *model, const QString &objectName, QWidget *parent = nullptr);

    ResultTableModel *resultModel() const { return m_model; }
    // The table as CSV in the view's order (what Ctrl+C puts on the clipboard).
    QString csv() const;
    // The model's row of a row of the view (as sorted).
    int sourceRow(const QModelIndex &index) const;

Q_SIGNALS:
    void copied();
    void wrote(const QString &path);
    void failed(const QString &message);

private:
    void exportCsv();

    ResultTableModel *m_model;
};

} // namespace indexlens
