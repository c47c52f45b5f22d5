// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultTableView.h"

#include "FileDialogs.h"
#include "models/ResultTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace indexlens {

ResultTableView::ResultTableView(ResultTableModel *model, const QString &objectName,
                                 QWidget *parent)
    : QTableView(parent), m_model(model)
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    setObjectName(objectName);
    setModel(proxy);
    setTabKeyNavigation(false); // Tab leaves the table, as elsewhere (issue #24, 5c)
    setSortingEnabled(true);
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the model's order first
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    verticalHeader()->hide();
    // Compact rows, as a data table in a charting tool: the default (30 px here) left room for
    // only four rows under four charts on a laptop.
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(QStringLiteral("Copy table as CSV"), this);
    copy->setObjectName(QStringLiteral("copyTable"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    copy->setStatusTip(QStringLiteral("The table as `indexlens --format csv` writes it"));
    connect(copy, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(csv());
        Q_EMIT copied();
    });
    addAction(copy);
    auto *save = new QAction(QStringLiteral("Export table as CSV\u2026"), this);
    save->setObjectName(QStringLiteral("exportTable"));
    save->setStatusTip(QStringLiteral("Write the table to a CSV file, as it is sorted"));
    connect(save, &QAction::triggered, this, &ResultTableView::exportCsv);
    addAction(save);
}

int ResultTableView::sourceRow(const QModelIndex &index) const
{
    return static_cast<const QSortFilterProxyModel *>(model())->mapToSource(index).row();
}

QString ResultTableView::csv() const
{
    std::vector<int> order;
    for (int r = 0; r < model()->rowCount(); ++r)
        order.push_back(sourceRow(model()->index(r, 0)));
    return m_model->toCsv(order);
}

void ResultTableView::exportCsv()
{
    const QString path = chooseFileToSave(this, QStringLiteral("Export table"),
                                          objectName() + QStringLiteral(".csv"),
                                          QStringLiteral("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(csv().toUtf8()) < 0 ||
        !file.flush()) {
        Q_EMIT failed(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    Q_EMIT wrote(path);
}

} // namespace indexlens
