#include "MainWindow.h"

#include "ChartExporter.h"
#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "charts/OverviewStrip.h"
#include "charts/RangeSelector.h"
#include "charts/WheelZoom.h"
#include "core/AppSettings.h"
#include "core/UserError.h"
#include "import/ImportBatch.h"
#include "providers/Updater.h"
#include "SettingsDialog.h"
#include "storage/StoreWriter.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace indexlens {

namespace {
constexpr ChartKind kKinds[] = {ChartKind::Ratio, ChartKind::Rebased, ChartKind::Relative,
                                ChartKind::Spread};
const QStringList kPresets = {QStringLiteral("1M"),  QStringLiteral("3M"),  QStringLiteral("6M"),
                              QStringLiteral("YTD"), QStringLiteral("1Y"),  QStringLiteral("3Y"),
                              QStringLiteral("5Y"),  QStringLiteral("10Y"), QStringLiteral("Max")};
} // namespace

MainWindow::MainWindow(const QString &dbPath, QWidget *parent)
    : QMainWindow(parent), m_returns(new ResultTableModel(this)),
      m_periods(new ResultTableModel(this)), m_moves(new ResultTableModel(this))
{
    setWindowTitle(QStringLiteral("IndexLens"));
    QString error;
    QStringList notes;
    m_db = Database::open(dbPath, &error, &notes);
    buildUi();
    buildMenus();
    if (!m_db) {
        showError(error);
        return;
    }
    // A damaged cache moved aside, or a read-only one: the user must see it (dialog on show).
    if (!notes.isEmpty())
        QTimer::singleShot(0, this, [this, notes] { showError(notes.join(QLatin1Char('\n'))); });
    fillPickers();
    const auto settings = openAppSettings();
    restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    const QString a = settings->value(QStringLiteral("pick/a"), QStringLiteral("IWM")).toString();
    const QString b = settings->value(QStringLiteral("pick/b"), QStringLiteral("SPY")).toString();
    const QStringList rates =
        settings->value(QStringLiteral("pick/rates"), QStringList{QStringLiteral("DGS10")})
            .toStringList();
    m_total->setChecked(settings->value(QStringLiteral("pick/total"), true).toBool());
    m_log->setChecked(settings->value(QStringLiteral("view/log"), false).toBool());
    // The last session's range; reload() shows it when the data can, else one year.
    m_preset = settings->value(QStringLiteral("view/preset")).toString();
    const QDate from = settings->value(QStringLiteral("view/from")).toDate();
    const QDate to = settings->value(QStringLiteral("view/to")).toDate();
    if (from.isValid() && from < to) {
        m_from = from;
        m_to = to;
    }
    pick(a, b, rates);
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    const auto settings = openAppSettings();
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState());
    settings->setValue(QStringLiteral("pick/a"), m_a->currentText());
    settings->setValue(QStringLiteral("pick/b"), m_b->currentText());
    settings->setValue(QStringLiteral("pick/rates"), checkedRates());
    settings->setValue(QStringLiteral("pick/total"), m_total->isChecked());
    settings->setValue(QStringLiteral("view/log"), m_log->isChecked());
    settings->setValue(QStringLiteral("view/preset"), m_preset);
    settings->setValue(QStringLiteral("view/from"), m_from);
    settings->setValue(QStringLiteral("view/to"), m_to);
    event->accept();
}

void MainWindow::buildUi()
{
    // Picker panel.
    auto *panel = new QWidget;
    auto *form = new QFormLayout(panel);
    auto makeCombo = [](const QString &name) {
        auto *combo = new QComboBox;
        combo->setObjectName(name);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->completer()->setFilterMode(Qt::MatchContains);
        combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        combo->setMinimumContentsLength(8);
        return combo;
    };
    m_a = makeCombo(QStringLiteral("seriesA"));
    m_b = makeCombo(QStringLiteral("seriesB"));
    m_rates = new QListWidget;
    m_rates->setObjectName(QStringLiteral("rates"));
    m_rates->setMaximumHeight(110);
    // Long names ("DGS10 – 10-Year Treasury yield …") elide instead of scrolling sideways.
    m_rates->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rates->setTextElideMode(Qt::ElideRight);
    auto *swap = new QPushButton(QStringLiteral("Swap A \u21c4 B"));
    swap->setObjectName(QStringLiteral("swap"));
    m_total = new QRadioButton(QStringLiteral("Total return"));
    auto *price = new QRadioButton(QStringLiteral("Price return"));
    m_total->setChecked(true);
    m_log = new QCheckBox(QStringLiteral("Log scale (ratio, rebased)"));
    form->addRow(QStringLiteral("Series A"), m_a);
    form->addRow(QStringLiteral("Series B"), m_b);
    form->addRow(QString(), swap);
    form->addRow(QStringLiteral("Rate overlays"), m_rates);
    form->addRow(QString(), m_total);
    form->addRow(QString(), price);
    form->addRow(QString(), m_log);
    auto reloadLater = [this] {
        if (!m_loading) reload();
    };
    connect(m_a, &QComboBox::activated, this, reloadLater);
    connect(m_b, &QComboBox::activated, this, reloadLater);
    connect(m_a->lineEdit(), &QLineEdit::returnPressed, this, reloadLater);
    connect(m_b->lineEdit(), &QLineEdit::returnPressed, this, reloadLater);
    connect(m_rates, &QListWidget::itemChanged, this, reloadLater);
    connect(m_total, &QRadioButton::toggled, this, reloadLater);
    connect(swap, &QPushButton::clicked, this, [this] {
        const QString a = m_a->currentText();
        m_a->setCurrentText(m_b->currentText());
        m_b->setCurrentText(a);
        reload();
    });
    connect(m_log, &QCheckBox::toggled, this, [this](bool on) {
        for (ChartView *view : m_charts)
            view->setLogScale(on);
    });

    // Range bar: presets, back, add period.
    auto *rangeBar = new QToolBar(QStringLiteral("Range"));
    rangeBar->setObjectName(QStringLiteral("rangeBar"));
    for (const QString &preset : kPresets) {
        auto *button = new QPushButton(preset);
        button->setObjectName(QStringLiteral("preset") + preset);
        button->setFlat(true);
        button->setMaximumWidth(48);
        connect(button, &QPushButton::clicked, this, [this, preset] { applyPreset(preset); });
        rangeBar->addWidget(button);
        m_presets.insert(preset, button);
    }
    rangeBar->addSeparator();
    auto *backButton = new QPushButton(QStringLiteral("\u2190 Back"));
    backButton->setObjectName(QStringLiteral("back"));
    connect(backButton, &QPushButton::clicked, this, &MainWindow::back);
    rangeBar->addWidget(backButton);
    auto *addPeriod = new QPushButton(QStringLiteral("Add range to periods"));
    addPeriod->setObjectName(QStringLiteral("addPeriod"));
    connect(addPeriod, &QPushButton::clicked, this, &MainWindow::addCurrentPeriod);
    rangeBar->addWidget(addPeriod);
    m_rangeLabel = new QLabel;
    rangeBar->addSeparator();
    rangeBar->addWidget(m_rangeLabel);
    addToolBar(Qt::TopToolBarArea, rangeBar);

    // Charts.
    auto *splitter = new QSplitter(Qt::Vertical);
    for (int i = 0; i < 4; ++i) {
        auto *view = new ChartView;
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        view->setDarkTheme(isDark());
        m_charts[std::size_t(i)] = view;
        auto *selector = new RangeSelector(view);
        connect(selector, &RangeSelector::rangeSelected, this,
                [this](const QDate &from, const QDate &to) { setRange(from, to); });
        connect(selector, &RangeSelector::resetRequested, this,
                [this] { applyPreset(QStringLiteral("Max")); });
        auto *wheel = new WheelZoom(view);
        connect(wheel, &WheelZoom::zoomRequested, this, &MainWindow::zoom);
        const ChartKind kind = kKinds[i];
        m_crosshairs[std::size_t(i)] =
            new Crosshair(view, [this, kind](const QDate &date) { return describe(kind, date); });
        if (kind == ChartKind::Rebased || kind == ChartKind::Relative) {
            view->setContextMenuPolicy(Qt::CustomContextMenu);
            connect(view, &QWidget::customContextMenuRequested, this,
                    [this, view](const QPoint &pos) {
                        QMenu menu;
                        const QDate date = view->dateAt(pos);
                        menu.addAction(
                            QStringLiteral("Rebase here (%1)").arg(date.toString(Qt::ISODate)),
                            this, [this, date] {
                                m_rebase = date;
                                redraw();
                            });
                        menu.addAction(QStringLiteral("Rebase at the range start"), this, [this] {
                            m_rebase.reset();
                            redraw();
                        });
                        menu.exec(view->mapToGlobal(pos));
                    });
        }
        splitter->addWidget(view);
    }

    // Tables.
    auto *tabs = new QTabWidget;
    auto addTable = [&](ResultTableModel *model, const QString &title, const QString &name) {
        auto *proxy = new QSortFilterProxyModel(this);
        proxy->setSourceModel(model);
        proxy->setSortRole(Qt::UserRole);
        auto *view = new QTableView;
        view->setObjectName(name);
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->horizontalHeader()->setSortIndicator(-1,
                                                   Qt::AscendingOrder); // the model's order first
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->verticalHeader()->hide();
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto *copy = new QAction(QStringLiteral("Copy table as CSV"), view);
        copy->setShortcut(QKeySequence::Copy);
        copy->setShortcutContext(Qt::WidgetShortcut);
        connect(copy, &QAction::triggered, this, [this, view, model] { copyTable(view, model); });
        view->addAction(copy);
        tabs->addTab(view, title);
    };
    addTable(m_returns, QStringLiteral("Returns"), QStringLiteral("returnsTable"));
    addTable(m_periods, QStringLiteral("Periods"), QStringLiteral("periodsTable"));
    addTable(m_moves, QStringLiteral("Largest daily moves"), QStringLiteral("movesTable"));
    // The moves table ranks the days by A's move or by the spread ("the widest spread since").
    m_movesRanking = new QComboBox;
    m_movesRanking->setObjectName(QStringLiteral("movesRanking"));
    m_movesRanking->addItems(
        {QStringLiteral("Rank moves by |A|"), QStringLiteral("Rank moves by |A \u2212 B|")});
    m_movesRanking->setCurrentIndex(
        openAppSettings()->value(QStringLiteral("view/movesBySpread"), false).toBool() ? 1 : 0);
    connect(m_movesRanking, &QComboBox::currentIndexChanged, this, [this](int index) {
        openAppSettings()->setValue(QStringLiteral("view/movesBySpread"), index == 1);
        if (m_pair) fillMovesTable(*m_moves, *m_pair, m_from, m_to, 20, index == 1);
    });
    tabs->setCornerWidget(m_movesRanking);
    splitter->addWidget(tabs);
    splitter->setSizes({260, 260, 220, 220, 200});

    m_overview = new OverviewStrip;
    m_overview->setObjectName(QStringLiteral("overview"));
    connect(m_overview, &OverviewStrip::windowMoved, this,
            [this](const QDate &from, const QDate &to) { setRange(from, to, false); });
    auto *chartsColumn = new QWidget;
    auto *column = new QVBoxLayout(chartsColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_overview);
    column->addWidget(splitter, 1);

    auto *content = new QWidget;
    auto *layout = new QHBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    panel->setMaximumWidth(300);
    layout->addWidget(panel, 0, Qt::AlignTop);
    layout->addWidget(chartsColumn, 1);

    // Empty state: a first run with nothing cached.
    auto *empty = new QWidget;
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *emptyText = new QLabel(
        QStringLiteral("<h2>No prices in the cache yet</h2><p>Download the default set "
                       "(%1) from Yahoo Finance and "
                       "the US Treasury, or import CSV files you already have.</p>")
            .arg(ProviderSettings::load(*openAppSettings()).defaultSet.join(QStringLiteral(", "))));
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *updateButton = new QPushButton(QStringLiteral("Update (download)"));
    updateButton->setObjectName(QStringLiteral("emptyUpdate"));
    auto *importButton = new QPushButton(QStringLiteral("Import CSV\u2026"));
    importButton->setObjectName(QStringLiteral("emptyImport"));
    connect(updateButton, &QPushButton::clicked, this, &MainWindow::updateData);
    connect(importButton, &QPushButton::clicked, this, &MainWindow::importFiles);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(updateButton);
    buttons->addWidget(importButton);
    buttons->addStretch();
    emptyLayout->addLayout(buttons);
    emptyLayout->addStretch();

    m_stack = new QStackedWidget;
    m_stack->addWidget(content);
    m_stack->addWidget(empty);
    setCentralWidget(m_stack);

    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(180);
    m_progress->hide();
    m_cancel = new QPushButton(QStringLiteral("Cancel"));
    m_cancel->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    // First run: most of the screen, the charts want the room (later runs restore the geometry).
    const QSize screenSize = screen() ? screen()->availableSize() : QSize(1600, 1000);
    resize(std::min(1800, screenSize.width() * 9 / 10),
           std::min(1200, screenSize.height() * 9 / 10));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&Import CSV\u2026"), QKeySequence::Open, this,
                    &MainWindow::importFiles);
    file->addAction(QStringLiteral("&Update data"), QKeySequence(Qt::CTRL | Qt::Key_U), this,
                    &MainWindow::updateData);
    file->addSeparator();
    file->addAction(QStringLiteral("&Export PNG\u2026"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    &MainWindow::exportDialog);
    file->addAction(QStringLiteral("&Copy chart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                    this, [this] {
                        if (!m_pair) return;
                        ExportOptions options;
                        options.width = 1600;
                        options.height = 500;
                        options.sourceLine = dataSourceLine(PriceStore(*m_db), pairSymbols(), m_to);
                        QApplication::clipboard()->setImage(renderCharts(
                            *m_pair, {ChartKind::Ratio}, m_from, m_to, m_rebase, options));
                        statusBar()->showMessage(QStringLiteral("Ratio chart copied"), 3000);
                    });
    file->addAction(QStringLiteral("Export visible series as &CSV\u2026"), this,
                    &MainWindow::exportVisibleCsv);
    file->addAction(QStringLiteral("&Settings\u2026"), QKeySequence::Preferences, this,
                    &MainWindow::openSettings);
    file->addSeparator();
    file->addAction(QStringLiteral("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    view->addAction(QStringLiteral("&Back"), QKeySequence::Back, this, &MainWindow::back);
    view->addAction(QStringLiteral("&Whole history"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                    [this] { applyPreset(QStringLiteral("Max")); });
    view->addAction(QStringLiteral("&Log scale"), QKeySequence(Qt::CTRL | Qt::Key_L), this,
                    [this] { m_log->toggle(); });
    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&About IndexLens"), this, [this] {
        QMessageBox::about(this, QStringLiteral("IndexLens"),
                           QStringLiteral("IndexLens %1\nSmall caps vs large caps, with yields.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::fillPickers()
{
    const PriceStore store(*m_db);
    QStringList prices;
    QList<std::pair<QString, QString>> rates;
    for (const InstrumentSummary &s : store.list()) {
        if (s.instrument.kind == InstrumentKind::Rate)
            rates.append({s.instrument.symbol, s.instrument.name});
        else
            prices << s.instrument.symbol;
    }
    // Catalog symbols not yet cached come after, so the user sees what Update can fetch.
    QStringList catalogOnly;
    for (const Instrument &inst : Catalog::builtIn().all())
        if (inst.kind != InstrumentKind::Rate && !prices.contains(inst.symbol))
            catalogOnly << inst.symbol;
    m_loading = true;
    for (QComboBox *combo : {m_a, m_b}) {
        const QString current = combo->currentText();
        combo->clear();
        combo->addItems(prices);
        combo->insertSeparator(combo->count());
        combo->addItems(catalogOnly);
        combo->setCurrentText(current);
    }
    const QStringList checked = checkedRates();
    m_rates->clear();
    for (const auto &[symbol, name] : rates) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 \u2013 %2").arg(symbol, name), m_rates);
        item->setData(Qt::UserRole, symbol);
        item->setToolTip(item->text());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(symbol) ? Qt::Checked : Qt::Unchecked);
    }
    m_loading = false;
    m_stack->setCurrentIndex(prices.size() >= 2 ? 0 : 1);
}

QStringList MainWindow::checkedRates() const
{
    QStringList rates;
    for (int i = 0; i < m_rates->count(); ++i)
        if (m_rates->item(i)->checkState() == Qt::Checked)
            rates << m_rates->item(i)->data(Qt::UserRole).toString();
    return rates;
}

void MainWindow::setCheckedRates(const QStringList &rates)
{
    for (int i = 0; i < m_rates->count(); ++i)
        m_rates->item(i)->setCheckState(
            rates.contains(m_rates->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                            : Qt::Unchecked);
}

void MainWindow::pick(const QString &a, const QString &b, const QStringList &rates)
{
    m_loading = true;
    m_a->setCurrentText(a);
    m_b->setCurrentText(b);
    setCheckedRates(rates);
    m_loading = false;
    reload();
}

void MainWindow::reload()
{
    if (!m_db) return;
    const QString a = m_a->currentText().trimmed();
    const QString b = m_b->currentText().trimmed();
    const QStringList rates = checkedRates();
    try {
        auto pair = std::make_unique<PairData>(
            PairData::load(PriceStore(*m_db), a, b, rates,
                           m_total->isChecked() ? ReturnBasis::Total : ReturnBasis::Price));
        m_pair = std::move(pair);
    } catch (const UserError &e) {
        showError(e.message());
        return;
    }
    m_history.clear();
    m_rebase.reset();
    preparePeriodsTable(*m_periods, *m_pair);
    m_overview->setHistory(
        m_pair->chart(ChartKind::Ratio, m_pair->first(), m_pair->last(), 800).lines.front().points,
        m_pair->first(), m_pair->last());
    statusBar()->showMessage(
        QStringLiteral("%1 vs %2: %3 common trading days, %4 to %5")
            .arg(a, b)
            .arg(m_pair->dates().size())
            .arg(m_pair->first().toString(Qt::ISODate), m_pair->last().toString(Qt::ISODate)),
        5000);
    if (!m_preset.isEmpty())
        applyPreset(m_preset); // "YTD" stays YTD of the new pair, or of the data after an update
    else if (m_from.isValid() && m_from >= m_pair->first() && m_to <= m_pair->last())
        setRange(m_from, m_to, false);
    else
        applyPreset(QStringLiteral("1Y"));
}

void MainWindow::applyPreset(const QString &preset)
{
    if (!m_pair) return;
    const QDate last = m_pair->last();
    QDate from;
    if (preset == QLatin1String("YTD"))
        from = QDate(last.year(), 1, 1);
    else if (preset == QLatin1String("Max"))
        from = m_pair->first();
    else if (preset.endsWith(QLatin1Char('M')))
        from = last.addMonths(-preset.chopped(1).toInt()).addDays(1);
    else if (preset.endsWith(QLatin1Char('Y')))
        from = last.addYears(-preset.chopped(1).toInt()).addDays(1);
    setRange(from, last);
    m_preset = preset;
}

void MainWindow::setRange(const QDate &from, const QDate &to, bool remember)
{
    if (!m_pair) return;
    QDate f = std::clamp(from, m_pair->first(), m_pair->last());
    QDate t = std::clamp(to, m_pair->first(), m_pair->last());
    if (t <= f) return;
    m_preset.clear(); // a preset sets it again after this
    if (remember && m_from.isValid() && (m_from != f || m_to != t))
        m_history.emplace_back(m_from, m_to);
    m_from = f;
    m_to = t;
    // A "Rebase here" day outside the new range would start the lines off the chart: the range
    // start takes over again. Inside the range it stays, so zooming keeps the user's anchor.
    if (m_rebase && (*m_rebase < f || *m_rebase > t)) m_rebase.reset();
    redraw();
}

void MainWindow::back()
{
    if (m_history.empty()) return;
    const auto [from, to] = m_history.back();
    m_history.pop_back();
    setRange(from, to, false);
}

void MainWindow::zoom(const QDate &center, double factor)
{
    if (!m_pair) return;
    const qint64 span = m_from.daysTo(m_to);
    const qint64 left = m_from.daysTo(center), right = center.daysTo(m_to);
    const qint64 newLeft = std::max<qint64>(2, qint64(left * factor));
    const qint64 newRight = std::max<qint64>(2, qint64(right * factor));
    if (span < 10 && factor < 1) return;
    setRange(center.addDays(-newLeft), center.addDays(newRight));
}

void MainWindow::redraw()
{
    if (!m_pair) return;
    for (int i = 0; i < 4; ++i) {
        ChartView *view = m_charts[std::size_t(i)];
        const int width = std::max(200, int(view->plotArea().width() > 0 ? view->plotArea().width()
                                                                         : view->width() - 120));
        view->setContent(m_pair->chart(kKinds[i], m_from, m_to, width, m_rebase), m_from, m_to);
        view->setHeadline(m_pair->headline(m_from, m_to, m_rebase));
    }
    m_overview->setWindow(m_from, m_to);
    m_rangeLabel->setText(QStringLiteral("  %1 \u2192 %2  (base %3)")
                              .arg(m_from.toString(Qt::ISODate), m_to.toString(Qt::ISODate),
                                   m_pair->baseDay(m_from, m_rebase).toString(Qt::ISODate)));
    fillReturnsTable(*m_returns, *m_pair, m_from, m_to);
    fillMovesTable(*m_moves, *m_pair, m_from, m_to, 20, m_movesRanking->currentIndex() == 1);
}

QString MainWindow::describe(ChartKind kind, const QDate &date) const
{
    if (!m_pair) return {};
    const PairData::Reading r = m_pair->readingAt(kind, date, m_from, m_rebase);
    QStringList lines{r.day.toString(Qt::ISODate)};
    for (const auto &[name, value] : r.values) {
        if (std::isnan(value)) continue;
        const int decimals = kind == ChartKind::Ratio && name != m_pair->rateSymbol() ? 4 : 2;
        lines << QStringLiteral("%1: %2").arg(name, QString::number(value, 'f', decimals));
    }
    return lines.join(QLatin1Char('\n'));
}

void MainWindow::addCurrentPeriod()
{
    if (!m_pair) return;
    try {
        appendPeriodRow(*m_periods, *m_pair, m_pair->baseDay(m_from, m_rebase), m_to);
    } catch (const UserError &e) {
        showError(e.message());
    }
}

void MainWindow::copyTable(QTableView *, ResultTableModel *model)
{
    QApplication::clipboard()->setText(model->toCsv());
    statusBar()->showMessage(QStringLiteral("Table copied as CSV"), 3000);
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 15000);
    if (isVisible() && !qEnvironmentVariableIsSet("INDEXLENS_NO_DIALOGS")) {
        QMessageBox box(QMessageBox::Warning, QStringLiteral("IndexLens"),
                        message.section(QLatin1Char('\n'), 0, 0), QMessageBox::Ok, this);
        box.setDetailedText(message);
        box.exec();
    }
}

ChartView *MainWindow::chartView(ChartKind kind) const
{
    for (int i = 0; i < 4; ++i)
        if (kKinds[i] == kind) return m_charts[std::size_t(i)];
    return nullptr;
}

Crosshair *MainWindow::crosshair(ChartKind kind) const
{
    for (int i = 0; i < 4; ++i)
        if (kKinds[i] == kind) return m_crosshairs[std::size_t(i)];
    return nullptr;
}

QPushButton *MainWindow::presetButton(const QString &preset) const
{
    return m_presets.value(preset);
}

QStringList MainWindow::pairSymbols() const
{
    QStringList symbols{m_pair->symbolA(), m_pair->symbolB()};
    for (const SymbolSeries &rate : m_pair->rates())
        symbols << rate.symbol;
    return symbols;
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    const QString before = m_db ? m_db->path() : QString();
    if (dialog.exec() != QDialog::Accepted) return;
    // A new cache location takes effect at once (the environment's INDEXLENS_DB still wins).
    const QString path = Database::defaultPath();
    if (QFileInfo(path).absoluteFilePath() != before) {
        QString error;
        QStringList notes;
        auto db = Database::open(path, &error, &notes);
        if (!db) {
            showError(error);
            return;
        }
        if (!notes.isEmpty()) showError(notes.join(QLatin1Char('\n')));
        m_db = std::move(db);
        m_pair.reset();
        fillPickers();
        reload();
        statusBar()->showMessage(QStringLiteral("Cache: %1").arg(path), 5000);
    }
}

bool MainWindow::isDark() const
{
    // Follow the system: a dark window background means a dark theme (charts and exports).
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

bool MainWindow::exportPng(const QString &path, bool allCharts, int width, int height, double scale)
{
    std::vector<ChartKind> kinds;
    if (allCharts)
        kinds.assign(std::begin(kKinds), std::end(kKinds));
    else
        kinds.push_back(ChartKind::Ratio);
    return exportPng(path, kinds, width, height, scale);
}

bool MainWindow::exportPng(const QString &path, const std::vector<ChartKind> &kinds, int width,
                           int height, double scale)
{
    if (!m_pair) return false;
    ExportOptions options;
    options.width = width;
    options.height = height;
    options.scale = scale;
    options.logScale = m_log->isChecked();
    options.dark = isDark();
    options.title = QStringLiteral("%1 vs %2, %3 to %4")
                        .arg(m_pair->symbolA(), m_pair->symbolB(), m_from.toString(Qt::ISODate),
                             m_to.toString(Qt::ISODate));
    options.sourceLine = dataSourceLine(PriceStore(*m_db), pairSymbols(), m_to);
    return renderCharts(*m_pair, kinds, m_from, m_to, m_rebase, options).save(path, "PNG");
}

void MainWindow::exportDialog()
{
    if (!m_pair) return;
    QDialog dialog(this);
    dialog.setWindowTitle(QStringLiteral("Export PNG"));
    auto *form = new QFormLayout(&dialog);
    auto *which = new QComboBox;
    which->addItems({QStringLiteral("Ratio A/B"), QStringLiteral("Rebased returns"),
                     QStringLiteral("Relative return A - B"), QStringLiteral("Daily return spread"),
                     QStringLiteral("All charts stacked")});
    which->setCurrentIndex(4);
    auto *width = new QSpinBox;
    width->setRange(320, 8000);
    width->setValue(1600);
    auto *height = new QSpinBox;
    height->setRange(200, 8000);
    height->setValue(900);
    auto *scale = new QComboBox;
    scale->addItems({QStringLiteral("1x"), QStringLiteral("2x")});
    form->addRow(QStringLiteral("Charts"), which);
    form->addRow(QStringLiteral("Width"), width);
    form->addRow(QStringLiteral("Height"), height);
    form->addRow(QStringLiteral("Scale"), scale);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = QFileDialog::getSaveFileName(
        this, QStringLiteral("Export PNG"),
        QStringLiteral("%1-%2.png").arg(m_pair->symbolA(), m_pair->symbolB()),
        QStringLiteral("PNG images (*.png)"));
    if (path.isEmpty()) return;
    std::vector<ChartKind> kinds;
    if (which->currentIndex() == 4)
        kinds.assign(std::begin(kKinds), std::end(kKinds));
    else
        kinds.push_back(kKinds[which->currentIndex()]);
    if (exportPng(path, kinds, width->value(), height->value(), scale->currentIndex() + 1))
        statusBar()->showMessage(QStringLiteral("Wrote %1").arg(path), 5000);
    else
        showError(QStringLiteral("Cannot write %1").arg(path));
}

void MainWindow::exportVisibleCsv()
{
    if (!m_pair) return;
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export CSV"),
                                                      QStringLiteral("series.csv"),
                                                      QStringLiteral("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        showError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    QTextStream out(&file);
    const QString rate = m_pair->rateSymbol();
    out << "date,ratio," << m_pair->symbolA() << "_rebased," << m_pair->symbolB()
        << "_rebased,relative_pp,spread_pp"
        << (rate.isEmpty() ? QString() : QLatin1Char(',') + rate) << '\n';
    for (const QDate &day : m_pair->dates()) {
        if (day < m_pair->baseDay(m_from, m_rebase) || day > m_to) continue;
        const auto ratioR = m_pair->readingAt(ChartKind::Ratio, day, m_from, m_rebase);
        const auto rebasedR = m_pair->readingAt(ChartKind::Rebased, day, m_from, m_rebase);
        const auto relR = m_pair->readingAt(ChartKind::Relative, day, m_from, m_rebase);
        const auto spreadR = m_pair->readingAt(ChartKind::Spread, day, m_from, m_rebase);
        out << day.toString(Qt::ISODate) << ',' << ratioR.values[0].second << ','
            << rebasedR.values[0].second << ',' << rebasedR.values[1].second << ','
            << relR.values[0].second << ',' << spreadR.values[0].second;
        if (!rate.isEmpty()) out << ',' << ratioR.values.back().second;
        out << '\n';
    }
    statusBar()->showMessage(QStringLiteral("Wrote %1").arg(path), 5000);
}

bool MainWindow::refuseReadOnly()
{
    if (!m_db || !m_db->isReadOnly()) return false;
    showError(QStringLiteral("%1: the cache is read-only; make the file and its folder writable, "
                             "or choose another cache location in Settings")
                  .arg(m_db->path()));
    return true;
}

void MainWindow::importFiles()
{
    if (!m_db || m_importing || refuseReadOnly()) return;
    const QStringList files =
        QFileDialog::getOpenFileNames(this, QStringLiteral("Import CSV files"), QString(),
                                      QStringLiteral("CSV files (*.csv);;All files (*)"));
    if (!files.isEmpty()) importPaths(files);
}

void MainWindow::importPaths(const QStringList &files)
{
    if (!m_db || m_importing || refuseReadOnly()) return;
    // Parsing and writing run on a worker thread with its own connection (0.7 s for 26 files):
    // the charts stay live meanwhile.
    m_importing = new StoreWriter(m_db->path(), this);
    statusBar()->showMessage(QStringLiteral("Importing %1 files\u2026").arg(files.size()));
    auto results = std::make_shared<std::vector<FileImportResult>>();
    auto openError = std::make_shared<QString>();
    m_importing->run(
        [files, results, openError](Database *db, const QString &error) {
            if (!db) {
                *openError = error;
                return;
            }
            PriceStore store(*db);
            *results = indexlens::importFiles(store, files, {});
        },
        [this, files, results, openError] {
            m_importing->deleteLater();
            m_importing = nullptr;
            if (!openError->isEmpty()) {
                showError(*openError);
                return;
            }
            QStringList errors;
            int rows = 0;
            for (const FileImportResult &r : *results) {
                if (r.error) errors << r.error->toString();
                for (const WriteSummary &s : r.summaries)
                    rows += s.added + s.changed;
            }
            fillPickers();
            reload();
            if (!errors.isEmpty())
                showError(QStringLiteral("%1 of %2 files refused (nothing of them was written)\n%3")
                              .arg(errors.size())
                              .arg(files.size())
                              .arg(errors.join(QLatin1Char('\n'))));
            else
                statusBar()->showMessage(
                    QStringLiteral("Imported %1 files, %2 rows added or changed")
                        .arg(files.size())
                        .arg(rows),
                    5000);
        });
}

void MainWindow::updateData()
{
    if (!m_db || m_updater || refuseReadOnly()) return;
    QStringList symbols;
    for (const InstrumentSummary &s : PriceStore(*m_db).list())
        symbols << s.instrument.symbol;
    const auto settings = openAppSettings();
    const ProviderSettings providers = ProviderSettings::load(*settings);
    if (symbols.isEmpty()) symbols = providers.defaultSet; // first run: Settings -> Default set
    m_updater = new Updater(*m_db, providers, this);
    m_progress->setRange(0, int(symbols.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    auto failures = std::make_shared<QStringList>();
    connect(m_cancel, &QPushButton::clicked, m_updater, &Updater::cancel);
    connect(m_updater, &Updater::symbolFinished, this, [this, failures](const UpdateOutcome &o) {
        m_progress->setValue(m_progress->value() + 1);
        if (!o.ok) *failures << QStringLiteral("%1: %2: %3").arg(o.symbol, o.provider, o.error);
        statusBar()->showMessage(o.ok ? QStringLiteral("%1: %2 added, %3 changed")
                                            .arg(o.symbol)
                                            .arg(o.summary.added)
                                            .arg(o.summary.changed)
                                      : QStringLiteral("%1 failed: %2").arg(o.symbol, o.error));
    });
    connect(m_updater, &Updater::finished, this, [this, failures] {
        m_progress->hide();
        m_cancel->hide();
        m_cancel->disconnect();
        m_updater->deleteLater();
        m_updater = nullptr;
        fillPickers();
        reload();
        if (!failures->isEmpty())
            showError(QStringLiteral("%1 symbols failed; the cache keeps what it had for them\n%2")
                          .arg(failures->size())
                          .arg(failures->join(QLatin1Char('\n'))));
        else
            statusBar()->showMessage(QStringLiteral("Update finished"), 5000);
    });
    m_updater->start(symbols, false);
}

} // namespace indexlens
