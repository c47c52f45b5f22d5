// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparePanel.h"

#include "charts/ChartView.h"
#include "core/AppSettings.h"
#include "core/Catalog.h"
#include "core/UserError.h"
#include "models/ResultTableModel.h"
#include "session/PairSession.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace indexlens {

namespace {
const QString kSymbols = QStringLiteral("compare/symbols");
} // namespace

ComparePanel::ComparePanel(const PairSession &session, Loader loader, QWidget *parent)
    : QWidget(parent), m_session(session), m_loader(std::move(loader)), m_group(new QComboBox),
      m_add(new QComboBox), m_list(new QListWidget), m_view(new ChartView),
      m_returns(new ResultTableModel(this)), m_table(new QTableView)
{
    m_group->setObjectName(QStringLiteral("compareGroup"));
    m_group->setToolTip(QStringLiteral("Fill the list with a group of the catalog"));
    m_group->addItem(QStringLiteral("Group\u2026"));
    for (const SeriesGroup &group : Catalog::builtIn().groups())
        m_group->addItem(group.name, group.symbols);
    connect(m_group, &QComboBox::activated, this, [this](int index) {
        if (index > 0) setSymbols(m_group->itemData(index).toStringList());
        m_group->setCurrentIndex(0);
    });
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
            [this](int index) { addEntry(m_add->itemText(index)); });
    m_list->setObjectName(QStringLiteral("compareSeries"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setToolTip(QStringLiteral("The series compared; Delete removes the selected ones"));
    for (QWidget *w : {static_cast<QWidget *>(m_group), static_cast<QWidget *>(m_add),
                       static_cast<QWidget *>(m_list)})
        w->setMaximumWidth(170); // the chart takes the width
    auto *remove = new QAction(QStringLiteral("Remove series"), m_list);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &ComparePanel::removeSelected);
    m_list->addAction(remove);
    m_view->setObjectName(QStringLiteral("compareChart"));
    m_table->setObjectName(QStringLiteral("compareReturns"));
    m_table->setModel(m_returns);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *side = new QVBoxLayout;
    side->addWidget(m_group);
    side->addWidget(m_add);
    side->addWidget(m_list, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({600, 9 * (m_table->fontMetrics().height() + 6)}); // eight rows
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(side);
    layout->addWidget(splitter, 1);
    m_symbols = openAppSettings()
                    ->value(kSymbols, Catalog::builtIn().groups().empty()
                                          ? QStringList()
                                          : Catalog::builtIn().groups().front().symbols)
                    .toStringList();
    showList();
}

void ComparePanel::setInstruments(const QStringList &entries)
{
    m_add->clear();
    m_add->addItems(entries);
    m_add->setCurrentIndex(-1);
}

void ComparePanel::setSymbols(const QStringList &symbols)
{
    m_symbols = symbols.mid(0, CompareData::kMaxSeries);
    openAppSettings()->setValue(kSymbols, m_symbols);
    showList();
    draw();
}

void ComparePanel::addEntry(const QString &entry)
{
    // "IWM — iShares Russell 2000 ETF" or "iwm": the symbol is the first word.
    const QString symbol = entry.section(QLatin1Char(' '), 0, 0).trimmed().toUpper();
    m_add->setCurrentIndex(-1);
    m_add->clearEditText();
    if (symbol.isEmpty() || m_symbols.contains(symbol)) return;
    setSymbols(m_symbols + QStringList{symbol});
}

void ComparePanel::removeSelected()
{
    QStringList kept = m_symbols;
    for (const QListWidgetItem *item : m_list->selectedItems())
        kept.removeAll(item->text());
    setSymbols(kept);
}

void ComparePanel::showList()
{
    m_list->clear();
    m_list->addItems(m_symbols);
}

void ComparePanel::reload()
{
    m_data.reset();
}

void ComparePanel::draw()
{
    if (!isVisible() || !m_session.pair()) return;
    const QDate from = m_session.from(), to = m_session.to();
    const PairData *pair = m_session.pair();
    try {
        // Read from the cache once per list and rate, not at every range change of a drag.
        const QString rate = pair->rate() ? pair->rate()->symbol : QString();
        if (!m_data || m_loadedSymbols != m_symbols || m_loadedRate != rate) {
            m_data.reset();
            m_data = m_loader(m_symbols, rate);
            m_loadedSymbols = m_symbols;
            m_loadedRate = rate;
        }
        const CompareData &data = *m_data;
        const int width = std::max(200, int(m_view->plotArea().width()));
        m_view->setLogScale(false);
        m_view->setContent(data.chart(from, to, width, m_session.rebase()), from, to);
        m_view->setHeadline(QString());
        m_returns->setTable(data.returnsTable(from, to, m_session.rebase()));
        m_error.clear();
    } catch (const UserError &e) {
        m_error = e.message();
        m_view->setHeadline(m_error);
        m_returns->setTable(ResultTable());
    }
}

} // namespace indexlens
