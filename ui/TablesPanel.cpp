// SPDX-License-Identifier: GPL-3.0-or-later
#include "TablesPanel.h"

#include "models/ResultTableModel.h"
#include "ResultTableView.h"
#include "session/PairSession.h"
#include "tables/PairTables.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace indexlens {

TablesPanel::TablesPanel(QWidget *parent)
    : QTabWidget(parent), m_returns(new ResultTableModel(this)),
      m_periods(new ResultTableModel(this)), m_moves(new ResultTableModel(this)),
      m_ranking(new QComboBox), m_direction(new QComboBox)
{
    addTable(m_returns, QStringLiteral("Returns"), QStringLiteral("returnsTable"));
    QTableView *periods = addTable(m_periods, QString(), QStringLiteral("periodsTable"));
    addPeriodsTab(periods);
    QTableView *moves =
        addTable(m_moves, QStringLiteral("Largest daily moves"), QStringLiteral("movesTable"));
    for (const auto &[view, kind] :
         {std::pair{periods, FigureKind::PeriodsTable}, std::pair{moves, FigureKind::MovesTable}}) {
        auto *add = new QAction(QStringLiteral("Add this table to the study"), view);
        add->setStatusTip(QStringLiteral("Add the table, for this pair and range, to the "
                                         "study's figures"));
        const FigureKind k = kind;
        connect(add, &QAction::triggered, this, [this, k] { Q_EMIT addToStudyRequested(k); });
        view->addAction(add);
    }
    auto *remove = new QAction(QStringLiteral("Delete period"), periods);
    remove->setObjectName(QStringLiteral("deletePeriod"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    remove->setStatusTip(QStringLiteral("Remove the selected rows from the periods table"));
    connect(remove, &QAction::triggered, this, [this, periods] { removeSelectedPeriods(periods); });
    periods->addAction(remove);

    // The moves table ranks the days by A's move, B's or the spread ("the widest spread since"),
    // either way or one way only (FTSE Russell's "four largest daily returns" of B, issue #22).
    m_ranking->setObjectName(QStringLiteral("movesRanking"));
    m_ranking->addItems({QStringLiteral("Rank moves by A"), QStringLiteral("Rank moves by B"),
                         QStringLiteral("Rank moves by A \u2212 B")});
    m_ranking->setToolTip(QStringLiteral("Whose daily move the table and the marks rank by"));
    m_direction->setObjectName(QStringLiteral("movesDirection"));
    m_direction->addItems(
        {QStringLiteral("Up and down"), QStringLiteral("Up only"), QStringLiteral("Down only")});
    m_direction->setToolTip(QStringLiteral("Which way the ranked moves go"));
    connect(m_ranking, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_quiet) Q_EMIT moveRankingChanged(MoveRanking(index));
    });
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_quiet) Q_EMIT moveDirectionChanged(MoveDirection(index));
    });
    auto *corner = new QWidget;
    auto *row = new QHBoxLayout(corner);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_ranking);
    row->addWidget(m_direction);
    setCornerWidget(corner);
    corner->setVisible(false);
    connect(this, &QTabWidget::currentChanged, this, [this, corner](int index) {
        corner->setVisible(widget(index)->objectName() == QLatin1String("movesTable"));
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

void TablesPanel::connectSession(PairSession *s)
{
    connect(this, &TablesPanel::moveRankingChanged, s, &PairSession::setMoveRanking);
    connect(this, &TablesPanel::moveDirectionChanged, s, &PairSession::setMoveDirection);
    connect(this, &TablesPanel::removePeriodsRequested, s, &PairSession::removePeriods);
    // A typed period that needs correcting stays in the field; every refusal is said.
    connect(this, &TablesPanel::periodsTyped, s, [this, s](const QString &text) {
        QStringList kept, said;
        for (const RefusedText &r : s->addTypedPeriods(text)) {
            if (r.needsCorrection) kept << r.text;
            said << r.message();
        }
        keepTypedPeriods(kept);
        if (!said.isEmpty()) Q_EMIT status(said.join(QStringLiteral("; ")), 15000);
    });
}

QTableView *TablesPanel::addTable(ResultTableModel *model, const QString &title,
                                  const QString &name)
{
    auto *view = new ResultTableView(model, name);
    const QString what = title.isEmpty() ? QStringLiteral("Periods") : title;
    view->setAccessibleName(what + QStringLiteral(" table")); // also names it in the shortcuts
    connect(view, &ResultTableView::copied, this,
            [this, what] { Q_EMIT status(QStringLiteral("%1 copied as CSV").arg(what), 3000); });
    connect(view, &ResultTableView::wrote, this, [this](const QString &path) {
        Q_EMIT status(QStringLiteral("Wrote %1").arg(path), 5000);
    });
    connect(view, &ResultTableView::failed, this, &TablesPanel::failed);
    if (!title.isEmpty()) addTab(view, title); // else its tab holds it with more (the periods)
    return view;
}

// The periods table under a field that takes a typed START:END or a pasted list of them, so a
// note's five periods need no five date edits (issue #24, 5); Ctrl+V on the table pastes too.
void TablesPanel::addPeriodsTab(QTableView *view)
{
    m_typedPeriods = new QLineEdit;
    m_typedPeriods->setObjectName(QStringLiteral("typedPeriods"));
    m_typedPeriods->setPlaceholderText(QStringLiteral(
        "Add periods: type START:END (e.g. 2023-06-30:2023-10-31) or paste several, then Enter"));
    m_typedPeriods->setClearButtonEnabled(true);
    m_typedPeriods->setAccessibleName(QStringLiteral("Add periods"));
    connect(m_typedPeriods, &QLineEdit::returnPressed, this, [this] {
        if (!m_typedPeriods->text().trimmed().isEmpty())
            Q_EMIT periodsTyped(m_typedPeriods->text());
    });
    auto *paste = new QAction(QStringLiteral("Paste periods"), view);
    paste->setShortcut(QKeySequence::Paste);
    paste->setShortcutContext(Qt::WidgetShortcut);
    paste->setStatusTip(QStringLiteral("Add the periods on the clipboard (START:END, one per "
                                       "line)"));
    connect(paste, &QAction::triggered, this,
            [this] { Q_EMIT periodsTyped(QGuiApplication::clipboard()->text()); });
    view->addAction(paste);
    auto *tab = new QWidget;
    tab->setObjectName(QStringLiteral("periodsTab"));
    auto *column = new QVBoxLayout(tab);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(m_typedPeriods);
    column->addWidget(view, 1);
    addTab(tab, QStringLiteral("Periods"));
}

void TablesPanel::keepTypedPeriods(const QStringList &parts)
{
    m_typedPeriods->setText(parts.join(QStringLiteral(", ")));
}

void TablesPanel::removeSelectedPeriods(QTableView *view)
{
    const auto *table = static_cast<const ResultTableView *>(view);
    std::vector<int> rows;
    for (const QModelIndex &index : view->selectionModel()->selectedIndexes())
        rows.push_back(table->sourceRow(index));
    if (rows.empty() && view->currentIndex().isValid())
        rows.push_back(table->sourceRow(view->currentIndex()));
    if (!rows.empty()) Q_EMIT removePeriodsRequested(rows);
}

void TablesPanel::showTable(FigureKind kind)
{
    const QString name = kind == FigureKind::PeriodsTable ? QStringLiteral("periodsTable")
                         : kind == FigureKind::MovesTable ? QStringLiteral("movesTable")
                                                          : QString();
    for (int i = 0; i < count(); ++i)
        if (!name.isEmpty() &&
            (widget(i)->objectName() == name || widget(i)->findChild<QWidget *>(name)))
            setCurrentIndex(i);
}

void TablesPanel::show(const PairSession &session)
{
    const PairData *pair = session.pair();
    if (!pair) return;
    m_quiet = true;
    m_ranking->setCurrentIndex(int(session.moveRanking()));
    m_direction->setCurrentIndex(int(session.moveDirection()));
    m_quiet = false;
    // The Range column measures from the base close, the rebase day when there is one: the
    // same figure as the charts' headlines; the high and low from the range's base day.
    m_returns->setTable(pairReturnsTable(*pair, session.from(), session.to(), session.rebase()));
    m_moves->setTable(pairMovesTable(*pair, session.from(), session.to(), kTopMoves,
                                     session.moveRanking(), session.moveDirection()));
    m_periods->setTable(pairPeriodsTable(*pair, session.periods()));
}

} // namespace indexlens
