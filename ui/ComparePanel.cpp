// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparePanel.h"

#include "chart/SeriesBasis.h"

#include "ChartMenu.h"

#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "core/AppSettings.h"
#include "core/UserError.h"
#include "models/ResultTableModel.h"
#include "ResultTableView.h"
#include "session/CompareSession.h"
#include "session/PairSession.h"
#include "SymbolCombo.h"
#include "tables/CompareTables.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace indexlens {

namespace {
constexpr int kFixedColumns = 4; // series, range, YTD, 1 year: then the days and periods
} // namespace

ComparePanel::ComparePanel(const PairSession &pair, CompareSession &compare, QWidget *parent)
    : QWidget(parent), m_pair(pair), m_compare(compare)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildSide());
    layout->addWidget(buildCharts(), 1);
    connect(&m_compare, &CompareSession::symbolsChanged, this, [this] {
        showList();
        draw();
    });
    connect(&m_compare, &CompareSession::measuresChanged, this, &ComparePanel::draw);
    connect(&m_compare, &CompareSession::groupsChanged, this, &ComparePanel::fillGroups);
    fillGroups();
    showList();
}

QWidget *ComparePanel::buildSide()
{
    m_group = new QComboBox;
    m_group->setObjectName(QStringLiteral("compareGroup"));
    m_group->setToolTip(QStringLiteral("Fill the list with a group: the catalog's, or your own "
                                       "(Settings > Compare groups)"));
    connect(m_group, &QComboBox::activated, this, [this](int index) {
        if (index > 0) m_compare.applyGroup(m_group->itemText(index));
        m_group->setCurrentIndex(0);
    });
    auto *save = new QPushButton(QStringLiteral("Save as group\u2026"));
    save->setObjectName(QStringLiteral("compareSaveGroup"));
    save->setToolTip(QStringLiteral("Keep this list as a group of your own"));
    connect(save, &QPushButton::clicked, this, &ComparePanel::saveGroup);
    m_add = new QComboBox;
    m_add->setObjectName(QStringLiteral("compareAdd"));
    m_add->setEditable(true);
    m_add->setInsertPolicy(QComboBox::NoInsert);
    m_add->setToolTip(QStringLiteral("Add a series: type a symbol or part of a name, then Enter"));
    m_add->completer()->setFilterMode(Qt::MatchContains);
    m_add->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_add->completer()->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_add->lineEdit(), &QLineEdit::returnPressed, this,
            [this] { addEntry(m_add->currentText()); });
    connect(m_add, &QComboBox::activated, this,
            [this](int index) { addEntry(m_add->itemData(index).toString()); });
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("compareSeries"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setToolTip(QStringLiteral("The series compared; Delete removes the selected ones"));
    m_list->setAccessibleName(QStringLiteral("Compare series list"));
    auto *remove = new QAction(QStringLiteral("Remove series"), m_list);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    remove->setStatusTip(QStringLiteral("Remove the selected series from the comparison"));
    connect(remove, &QAction::triggered, this, &ComparePanel::removeSelected);
    m_list->addAction(remove);
    auto *side = new QWidget;
    side->setMaximumWidth(170); // the chart takes the width
    auto *column = new QVBoxLayout(side);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_group);
    column->addWidget(save);
    column->addWidget(m_add);
    column->addWidget(m_list, 1);
    return side;
}

QWidget *ComparePanel::buildCharts()
{
    m_view = new ChartView;
    m_view->setObjectName(QStringLiteral("compareChart"));
    // The date and every series' value under the mouse, as on the pair charts (issue #24, 8).
    m_crosshair = new Crosshair(m_view, [this](const QDate &date) -> QString {
        if (!m_error.isEmpty() || !m_pair.pair()) return {};
        try {
            return m_compare.data(rateSymbol())
                .readingText(date, m_pair.from(), m_pair.to(), m_pair.rebase());
        } catch (const UserError &) {
            return {};
        }
    });
    m_bars = new ChartView;
    m_bars->setObjectName(QStringLiteral("compareBars"));
    for (ChartView *view : {m_view, m_bars}) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this,
                [this, view](const QPoint &pos) { showChartMenu(view, pos); });
    }
    m_returns = new ResultTableModel(this);
    m_table = new ResultTableView(m_returns, QStringLiteral("compareReturns"));
    auto *add = new QAction(QStringLiteral("Add this table to the study"), m_table);
    add->setStatusTip(QStringLiteral("Add the returns table of these series to the study's "
                                     "figures"));
    connect(add, &QAction::triggered, this, &ComparePanel::addToStudyRequested);
    m_table->addAction(add);
    m_table->setAccessibleName(QStringLiteral("Compare returns table"));
    m_table->setToolTip(QStringLiteral("Add a day or a period from the chart's menu; remove one "
                                       "from this table's menu"));
    auto *removeMeasure = new QAction(QStringLiteral("Remove this day or period"), m_table);
    removeMeasure->setObjectName(QStringLiteral("removeMeasure"));
    removeMeasure->setStatusTip(QStringLiteral("Remove the column of the current cell"));
    removeMeasure->setShortcut(QKeySequence::Delete);
    removeMeasure->setShortcutContext(Qt::WidgetShortcut);
    connect(removeMeasure, &QAction::triggered, this, &ComparePanel::removeCurrentMeasure);
    m_table->addAction(removeMeasure);
    connect(m_table, &ResultTableView::copied, this,
            [this] { Q_EMIT status(QStringLiteral("Compare returns copied as CSV"), 3000); });
    connect(m_table, &ResultTableView::wrote, this, [this](const QString &path) {
        Q_EMIT status(QStringLiteral("Wrote %1").arg(path), 5000);
    });
    connect(m_table, &ResultTableView::failed, this, &ComparePanel::failed);
    // The table and its bars side by side, as FTSE Russell's exhibits 1 and 5.
    auto *returns = new QSplitter(Qt::Horizontal);
    returns->setChildrenCollapsible(false);
    returns->addWidget(m_table);
    returns->addWidget(m_bars);
    returns->setSizes({450, 650});
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(returns);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400}); // the chart first, as in the pair view
    m_view->setMinimumHeight(180);
    m_bars->setMinimumHeight(180);
    return splitter;
}

void ComparePanel::fillGroups()
{
    m_group->clear();
    m_group->addItem(QStringLiteral("Group\u2026"));
    for (const SeriesGroup &group : m_compare.groups()) {
        m_group->addItem(group.name);
        m_group->setItemData(m_group->count() - 1, group.symbols.join(QStringLiteral(", ")),
                             Qt::ToolTipRole);
    }
}

void ComparePanel::setInstruments(const QStringList &entries)
{
    m_add->clear();
    for (const QString &entry : entries) // "IWM — iShares Russell 2000 ETF": the symbol first
        m_add->addItem(entry, entry.section(QLatin1Char(' '), 0, 0));
    fitListsToEntries(m_add);
    m_add->setCurrentIndex(-1);
}

void ComparePanel::addEntry(const QString &typed)
{
    // One symbol or name, or a pasted list ("QQQ, RSP, ^RUT"): each part that is a series is
    // added; each that is not is said and stays in the field for correction (issue #24, 5d).
    const QStringList parts = splitPastedSymbols(typed);
    // Nothing typed: a completer's pick already added the entry, and Enter then comes again.
    if (parts.isEmpty()) return;
    const std::vector<PickerEntry> entries = entriesOf(m_add);
    QStringList refusals, kept;
    bool several = false;
    for (const QString &part : parts) {
        const SymbolMatch match = matchSymbol(entries, part);
        const QString refusal = match.index < 0
                                    ? match.refusal
                                    : m_compare.addSymbol(entries[std::size_t(match.index)].symbol);
        if (refusal.isEmpty()) continue;
        refusals << refusal;
        // A listed one needs no correction; one refused by a full list waits for room.
        if (match.index < 0 ||
            !m_compare.symbols().contains(entries[std::size_t(match.index)].symbol.toUpper()))
            kept << part;
        several = several || !match.matches.empty();
    }
    m_add->setCurrentIndex(-1);
    m_add->setEditText(kept.join(QStringLiteral(", ")));
    if (refusals.isEmpty()) return;
    Q_EMIT status(refusals.join(QStringLiteral("; ")), 10000);
    if (several && parts.size() == 1) openMatches(m_add);
}

void ComparePanel::removeSelected()
{
    QStringList gone;
    for (const QListWidgetItem *item : m_list->selectedItems())
        gone << item->text();
    const int row = m_list->currentRow();
    m_compare.removeSymbols(gone);
    // The next series is selected, so Delete again goes on removing (a user trial's finding).
    if (m_list->count() > 0 && row >= 0) m_list->setCurrentRow(std::min(row, m_list->count() - 1));
}

void ComparePanel::showList()
{
    m_list->clear();
    m_list->addItems(m_compare.symbols());
}

void ComparePanel::saveGroup()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, QStringLiteral("Save as group"),
                              QStringLiteral("Name of the group"), QLineEdit::Normal, {}, &ok);
    if (!ok) return;
    try {
        m_compare.saveGroup(name);
        m_compare.saveGroups(*openAppSettings());
    } catch (const UserError &e) {
        Q_EMIT failed(e.message());
    }
}

void ComparePanel::removeCurrentMeasure()
{
    const int column = m_table->currentIndex().column();
    if (column >= kFixedColumns) m_compare.removeMeasure(column - kFixedColumns);
}

void ComparePanel::showChartMenu(ChartView *view, const QPoint &pos)
{
    QMenu menu;
    const ChartKind kind = view == m_view ? ChartKind::Compare : ChartKind::ReturnsBars;
    if (kind == ChartKind::Compare && m_error.isEmpty()) {
        // The trading day the rebase will use, not the calendar day under the mouse (a Saturday).
        const QDate day = m_pair.tradingDayOnOrBefore(view->dateAt(pos));
        addRangeActions(menu, day);
        menu.addSeparator();
    }
    QAction *clear = menu.addAction(QStringLiteral("Clear the days and periods"), this,
                                    [this] { m_compare.clearMeasures(); });
    clear->setEnabled(!m_compare.measures().empty());
    clear->setStatusTip(QStringLiteral("Remove every day and period from the table and the bars"));
    menu.addSeparator();
    addCopyExportEntries(
        menu, this, [this, kind] { Q_EMIT copyRequested(kind); },
        [this, kind] { Q_EMIT exportRequested(kind); });
    menu.exec(view->mapToGlobal(pos));
}

void ComparePanel::addRangeActions(QMenu &menu, const QDate &day)
{
    const QString iso = day.toString(Qt::ISODate);
    QAction *here = menu.addAction(QStringLiteral("Rebase here (%1)").arg(iso), this,
                                   [this, day] { Q_EMIT rebaseRequested(day); });
    here->setObjectName(QStringLiteral("rebaseHere"));
    here->setStatusTip(QStringLiteral("Start every series at 100 on this day"));
    menu.addAction(QStringLiteral("Rebase at the range start"), this,
                   [this] { Q_EMIT rebaseResetRequested(); })
        ->setStatusTip(QStringLiteral("Rebase at the range's first day (its base)"));
    menu.addSeparator();
    QAction *addDay = menu.addAction(QStringLiteral("Add %1's returns to the table").arg(iso), this,
                                     [this, day] { m_compare.addDay(day); });
    addDay->setObjectName(QStringLiteral("addDay"));
    addDay->setStatusTip(QStringLiteral("A column of each series' return that day, from the "
                                        "previous close, and a group of bars"));
    const Period range{m_pair.baseDay(), m_pair.to()};
    QAction *addRange =
        menu.addAction(QStringLiteral("Add the range (%1 to %2) to the table")
                           .arg(range.start.toString(Qt::ISODate), range.end.toString(Qt::ISODate)),
                       this, [this, range] { m_compare.addPeriod(range); });
    addRange->setObjectName(QStringLiteral("addPeriod"));
    addRange->setStatusTip(QStringLiteral("A column of each series' return over the range, and "
                                          "a group of bars"));
}

QString ComparePanel::rateSymbol() const
{
    return m_pair.pair() ? m_pair.pair()->rateSymbol() : QString();
}

ChartExports::ViewChart ComparePanel::viewChart(ChartKind kind) const
{
    return {kind,
            m_compare.symbols().join(QLatin1Char('-')) + (kind == ChartKind::ReturnsBars
                                                              ? QStringLiteral("-returns")
                                                              : QStringLiteral("-compare")),
            {}};
}

ChartContent ComparePanel::content(ChartKind kind, int widthPx) const
{
    // Read from the cache once per list and rate, not at every range change of a drag.
    const CompareData &data = m_compare.data(rateSymbol());
    if (kind == ChartKind::ReturnsBars)
        return data.returnsBars(m_pair.from(), m_pair.to(), m_pair.rebase(), m_compare.measures());
    return data.chart(m_pair.from(), m_pair.to(), widthPx, m_pair.rebase());
}

void ComparePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QMetaObject::invokeMethod(this, &ComparePanel::draw, Qt::QueuedConnection);
}

void ComparePanel::draw()
{
    if (!isVisible() || !m_pair.pair()) return;
    const QDate from = m_pair.from(), to = m_pair.to();
    try {
        const int width = std::max(200, int(m_view->plotArea().width()));
        m_view->setLogScale(false);
        m_view->setContent(content(ChartKind::Compare, width), from, to);
        m_view->setHeadline(QString());
        m_bars->setContent(content(ChartKind::ReturnsBars, width), from, to);
        m_returns->setTable(compareReturnsTable(m_compare.data(rateSymbol()), from, to,
                                                m_pair.rebase(), m_compare.measures()));
        m_error.clear();
        m_crosshair->refresh(); // the read-out never shows the previous state
    } catch (const UserError &e) {
        // The charts draw exactly the list: none of the series drawn before stays (issue #24, 6).
        m_error = e.message();
        ChartContent empty;
        empty.kind = ChartKind::Compare;
        empty.title = QStringLiteral("Compare");
        m_view->setContent(empty, from, to);
        m_view->setHeadline(m_error);
        empty.kind = ChartKind::ReturnsBars;
        empty.title = QStringLiteral("Returns");
        m_bars->setContent(empty, from, to);
        m_returns->setTable(ResultTable());
    }
}

} // namespace indexlens
