// SPDX-License-Identifier: GPL-3.0-or-later
#include "PickerPanel.h"

#include "storage/PriceStore.h"
#include "storage/SymbolResolver.h"

#include "SymbolCombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>

namespace indexlens {

namespace {

QString entryText(const Instrument &inst)
{
    return inst.name.isEmpty() ? inst.symbol
                               : QStringLiteral("%1 \u2014 %2").arg(inst.symbol, inst.name);
}

// Escape in a picker puts the current symbol back (the combo box ignores it). A key the window
// system delivers goes to the combo box, the focus widget, which hands it to its line edit past
// the edit's event filters; a key sent to the edit itself reaches it directly: both are watched.
class EscapeRestores : public QObject {
public:
    EscapeRestores(QComboBox *combo, std::function<void()> restore)
        : QObject(combo), m_restore(std::move(restore))
    {
        combo->installEventFilter(this);
        combo->lineEdit()->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress &&
            static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            m_restore();
            return true;
        }
        return false;
    }

private:
    std::function<void()> m_restore;
};

// The entry of `symbol` in any letter case (a file named "brk-b.csv" keeps its lower case).
int indexOfSymbol(const QComboBox *combo, const QString &symbol)
{
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i).toString().compare(symbol, Qt::CaseInsensitive) == 0) return i;
    return -1;
}

} // namespace

PickerPanel::PickerPanel(QWidget *parent)
    : QWidget(parent), m_a(makeCombo(QStringLiteral("seriesA"))),
      m_b(makeCombo(QStringLiteral("seriesB"))), m_rates(new QListWidget),
      m_total(new QRadioButton(QStringLiteral("Total return"))),
      m_price(new QRadioButton(QStringLiteral("Price return"))),
      m_log(new QCheckBox(QStringLiteral("Log scale (ratio, rebased)")))
{
    auto *form = new QFormLayout(this);
    m_rates->setObjectName(QStringLiteral("rates"));
    m_log->setObjectName(QStringLiteral("logScale"));
    m_rates->setMaximumHeight(110);
    // Long names ("DGS10 – 10-Year Treasury yield …") elide instead of scrolling sideways.
    m_rates->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rates->setTextElideMode(Qt::ElideRight);
    m_rates->setToolTip(QStringLiteral("Rates drawn on the right axis of every chart"));
    auto *swap = new QPushButton(QStringLiteral("Swap A \u21c4 B"));
    swap->setObjectName(QStringLiteral("swap"));
    swap->setToolTip(QStringLiteral("Exchange series A and B"));
    m_total->setChecked(true);
    m_total->setToolTip(QStringLiteral("Returns from adjusted closes (dividends reinvested)"));
    m_price->setToolTip(QStringLiteral("Returns from closes only"));
    form->addRow(QStringLiteral("Series A"), m_a);
    form->addRow(QStringLiteral("Series B"), m_b);
    form->addRow(QString(), swap);
    form->addRow(QStringLiteral("Rate overlays"), m_rates);
    form->addRow(QString(), m_total);
    form->addRow(QString(), m_price);
    m_log->setToolTip(QStringLiteral("Log scale for the ratio and rebased charts, where a "
                                     "decade is one step (Ctrl+L)"));
    form->addRow(QString(), m_log);
    connect(swap, &QPushButton::clicked, this, &PickerPanel::swapRequested);
    connect(m_rates, &QListWidget::itemChanged, this, [this] {
        if (!m_quiet) Q_EMIT pickRequested(requested());
    });
    connect(m_total, &QRadioButton::toggled, this, [this] {
        if (!m_quiet) Q_EMIT pickRequested(requested());
    });
    connect(m_log, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_quiet) Q_EMIT logScaleToggled(on);
    });
}

QComboBox *PickerPanel::makeCombo(const QString &name)
{
    auto *combo = new QComboBox;
    combo->setObjectName(name);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->completer()->setFilterMode(Qt::MatchContains); // "Russ" finds the Russell names
    combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->setMinimumContentsLength(8);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setToolTip(QStringLiteral("Type a symbol or part of a name; Enter picks it"));
    connect(combo, &QComboBox::activated, this, [this, combo] { commit(combo); });
    connect(combo->lineEdit(), &QLineEdit::returnPressed, this, [this, combo] { commit(combo); });
    new EscapeRestores(combo, [this] { show(m_shown, m_log->isChecked()); });
    openMatchesBeside(combo);
    return combo;
}

void PickerPanel::commit(QComboBox *combo)
{
    if (m_quiet) return;
    // "spy", "SPY — SPDR S&P 500", an item or part of one name; anything else is said and the
    // typed text kept for correction (issue #24, 3).
    const SymbolMatch match = matchSymbol(entriesOf(combo), combo->currentText());
    if (match.index < 0) {
        Q_EMIT refused(match.refusal);
        if (!match.matches.empty()) openMatches(combo);
        return;
    }
    const int index = match.index;

    PairPick pick = requested();
    const QString symbol = combo->itemData(index).toString();
    (combo == m_a ? pick.a : pick.b) = symbol;
    if (pick.a == m_shown.a && pick.b == m_shown.b) {
        show(m_shown, m_log->isChecked()); // the same pick, spelled as the list does
        return;
    }
    Q_EMIT pickRequested(pick);
}

QStringList PickerPanel::priceEntries() const
{
    QStringList entries;
    for (int i = 0; i < m_a->count(); ++i)
        if (!m_a->itemData(i).toString().isEmpty()) entries << m_a->itemText(i);
    return entries;
}

void PickerPanel::fill(const PriceStore &store)
{
    std::vector<Instrument> prices;
    std::vector<Instrument> rates;
    for (const InstrumentSummary &s : store.list())
        (s.instrument.kind == InstrumentKind::Rate ? rates : prices).push_back(s.instrument);
    m_priceCount = int(prices.size());
    m_cachedPrices.clear();
    m_cachedRates.clear();
    for (const Instrument &inst : prices)
        m_cachedPrices << inst.symbol;
    for (const Instrument &inst : rates)
        m_cachedRates << inst.symbol;
    // Catalog symbols not yet cached come after a separator: what Update can fetch.
    std::vector<Instrument> catalogOnly;
    for (const Instrument &inst : Catalog::builtIn().all())
        if (inst.kind != InstrumentKind::Rate &&
            std::none_of(prices.begin(), prices.end(),
                         [&](const Instrument &p) { return p.symbol == inst.symbol; }))
            catalogOnly.push_back(inst);
    m_quiet = true;
    for (QComboBox *combo : {m_a, m_b}) {
        combo->clear();
        for (const Instrument &inst : prices)
            combo->addItem(entryText(inst), inst.symbol);
        combo->insertSeparator(combo->count());
        for (const Instrument &inst : catalogOnly)
            combo->addItem(entryText(inst), inst.symbol);
        fitListsToEntries(combo);
    }
    m_rates->clear();
    for (const Instrument &inst : rates) {
        auto *item = new QListWidgetItem(entryText(inst), m_rates);
        item->setData(Qt::UserRole, inst.symbol);
        item->setToolTip(item->text());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_shown.rates.contains(inst.symbol) ? Qt::Checked : Qt::Unchecked);
    }
    m_quiet = false;
    show(m_shown, m_log->isChecked());
}

void PickerPanel::showLogScale(bool on)
{
    const QSignalBlocker quiet(m_log);
    m_log->setChecked(on);
}

void PickerPanel::show(const PairPick &pick, bool logScale)
{
    m_shown = pick;
    m_quiet = true;
    for (auto [combo, symbol] : {std::pair{m_a, pick.a}, std::pair{m_b, pick.b}}) {
        const int index = indexOfSymbol(combo, symbol);
        if (index >= 0)
            combo->setCurrentIndex(index);
        else
            combo->setCurrentText(symbol);
        // The symbol first: a narrow picker shows "IWM — iShares Russ…", not "… Russell 2000 ETF".
        combo->lineEdit()->setCursorPosition(0);
    }
    for (int i = 0; i < m_rates->count(); ++i)
        m_rates->item(i)->setCheckState(
            pick.rates.contains(m_rates->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                 : Qt::Unchecked);
    (pick.basis == ReturnBasis::Total ? m_total : m_price)->setChecked(true);
    m_log->setChecked(logScale);
    m_quiet = false;
}

QStringList PickerPanel::checkedRates() const
{
    QStringList rates;
    for (int i = 0; i < m_rates->count(); ++i)
        if (m_rates->item(i)->checkState() == Qt::Checked)
            rates << m_rates->item(i)->data(Qt::UserRole).toString();
    return rates;
}

PairPick PickerPanel::requested() const
{
    PairPick pick = m_shown;
    pick.rates = checkedRates();
    pick.basis = m_total->isChecked() ? ReturnBasis::Total : ReturnBasis::Price;
    return pick;
}

} // namespace indexlens
