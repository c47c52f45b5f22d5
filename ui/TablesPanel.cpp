// SPDX-License-Identifier: GPL-3.0-or-later
#include "TablesPanel.h"

#include "models/ResultTableModel.h"
#include "session/PairSession.h"
#include "tables/PairTables.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTabBar>
#include <QTableView>

namespace indexlens {

namespace {
constexpr int kTopMoves = 20;
}

TablesPanel::TablesPanel(QWidget *parent)
    : QTabWidget(parent), m_returns(new ResultTableModel(this)),
      m_periods(new ResultTableModel(this)), m_moves(new ResultTableModel(this)),
      m_ranking(new QComboBox)
{
    addTable(m_returns, QStringLiteral("Returns"), QStringLiteral("returnsTable"));
    QTableView *periods =
        addTable(m_periods, QStringLiteral("Periods"), QStringLiteral("periodsTable"));
    addTable(m_moves, QStringLiteral("Largest daily moves"), QStringLiteral("movesTable"));
    auto *remove = new QAction(QStringLiteral("Delete period"), periods);
    remove->setObjectName(QStringLiteral("deletePeriod"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    remove->setStatusTip(QStringLiteral("Remove the selected rows from the periods table"));
    connect(remove, &QAction::triggered, this, [this, periods] { removeSelectedPeriods(periods); });
    periods->addAction(remove);

    // The moves table ranks the days by A's move or by the spread ("the widest spread since").
    m_ranking->setObjectName(QStringLiteral("movesRanking"));
    m_ranking->addItems(
        {QStringLiteral("Rank moves by |A|"), QStringLiteral("Rank moves by |A \u2212 B|")});
    m_ranking->setToolTip(QStringLiteral("Which daily move the table ranks by"));
    connect(m_ranking, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_quiet) Q_EMIT movesBySpreadChanged(index == 1);
    });
    setCornerWidget(m_ranking);
    m_ranking->setVisible(false);
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        m_ranking->setVisible(widget(index)->objectName() == QLatin1String("movesTable"));
    });
}

QSize TablesPanel::minimumSizeHint() const
{
    const auto *view = qobject_cast<const QTableView *>(widget(0));
    if (!view) return QTabWidget::minimumSizeHint();
    const int height =
        tabBar()->sizeHint().height() + view->horizontalHeader()->sizeHint().height() +
        6 * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth() + 4;
    return {QTabWidget::minimumSizeHint().width(), height};
}

QTableView *TablesPanel::addTable(ResultTableModel *model, const QString &title,
                                  const QString &name)
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the model's order first
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->verticalHeader()->hide();
    // Compact rows, as a data table in a charting tool: the default (30 px here) left room for
    // only four rows under four charts on a laptop.
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(QStringLiteral("Copy table as CSV"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    copy->setStatusTip(QStringLiteral("The table as `indexlens --format csv` writes it"));
    connect(copy, &QAction::triggered, this, [this, view, title] {
        QApplication::clipboard()->setText(csvOf(view));
        Q_EMIT copied(title);
    });
    view->addAction(copy);
    addTab(view, title);
    return view;
}

QString TablesPanel::csvOf(QTableView *view) const
{
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(view->model());
    const auto *model = static_cast<const ResultTableModel *>(proxy->sourceModel());
    std::vector<int> order;
    for (int r = 0; r < proxy->rowCount(); ++r)
        order.push_back(proxy->mapToSource(proxy->index(r, 0)).row());
    return model->toCsv(order);
}

void TablesPanel::removeSelectedPeriods(QTableView *view)
{
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(view->model());
    std::vector<int> rows;
    for (const QModelIndex &index : view->selectionModel()->selectedIndexes())
        rows.push_back(proxy->mapToSource(index).row());
    if (rows.empty() && view->currentIndex().isValid())
        rows.push_back(proxy->mapToSource(view->currentIndex()).row());
    std::sort(rows.rbegin(), rows.rend()); // the last first, so the indices stay valid
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : rows)
        Q_EMIT removePeriodRequested(row);
}

void TablesPanel::show(const PairSession &session)
{
    const PairData *pair = session.pair();
    if (!pair) return;
    m_quiet = true;
    m_ranking->setCurrentIndex(session.movesBySpread() ? 1 : 0);
    m_quiet = false;
    // The Range column measures from the base close, the rebase day when there is one: the
    // same figure as the charts' headlines.
    m_returns->setTable(pairReturnsTable(*pair, session.baseDay(), session.to()));
    m_moves->setTable(
        pairMovesTable(*pair, session.from(), session.to(), kTopMoves,
                       session.movesBySpread() ? MoveRanking::BySpread : MoveRanking::ByA));
    m_periods->setTable(pairPeriodsTable(*pair, session.periods()));
}

} // namespace indexlens
