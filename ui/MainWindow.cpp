// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AppTheme.h"
#include "CacheWatch.h"
#include "chart/MarkLabels.h"
#include "ChartExports.h"
#include "ChartPanel.h"
#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "charts/OverviewStrip.h"
#include "charts/PlotAlignment.h"
#include "charts/RangeSelector.h"
#include "charts/WheelZoom.h"
#include "ComparePanel.h"
#include "core/AppSettings.h"
#include "core/UserError.h"
#include "DamagedCachePage.h"
#include "DataJobs.h"
#include "FiguresPanel.h"
#include "FileDialogs.h"
#include "FrameThrottle.h"
#include "HelpWindows.h"
#include "PickerPanel.h"
#include "providers/ProviderSettings.h"
#include "RangeBar.h"
#include "ReadingOrder.h"
#include "RotationPanel.h"
#include "SeasonalityPanel.h"
#include "SensitivityPanel.h"
#include "session/CompareSession.h"
#include "session/LegacyView.h"
#include "session/StudySession.h"
#include "SettingsDialog.h"
#include "storage/CacheError.h"
#include "storage/PriceStore.h"
#include "StudyFiles.h"
#include "tables/PairTables.h"
#include "TablesPanel.h"
#include "WindowActions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextStream>
#include <QVBoxLayout>

namespace indexlens {

MainWindow::MainWindow(const QString &dbPath, QWidget *parent)
    : QMainWindow(parent),
      m_session(new PairSession(
          [this](const PairPick &pick) {
              if (!m_db) throw UserError(QStringLiteral("no cache is open"));
              return PairData::load(PriceStore(*m_db), pick.a, pick.b, pick.rates, pick.basis);
          },
          this)),
      m_compareSession(new CompareSession(
          [this](const QStringList &symbols, const QString &rate) {
              if (!m_db) throw UserError(QStringLiteral("no cache is open"));
              return CompareData::load(PriceStore(*m_db), symbols, rate,
                                       m_session->currentPick().basis);
          },
          this)),
      m_study(new StudySession(*m_session, *m_compareSession, this)),
      m_actions(new WindowActions(this))
{
    setWindowTitle(QStringLiteral("IndexLens"));
    m_theme = themeChoiceNamed(openAppSettings()->value(QStringLiteral("view/theme")).toString())
                  .value_or(ThemeChoice::System);
    if (m_theme != ThemeChoice::System) applyAppTheme(m_theme);
    m_picker = new PickerPanel;
    m_figures = new FiguresPanel(*m_study);
    m_rangeBar = new RangeBar;
    m_stack = new QStackedWidget;
    m_stack->addWidget(buildCharts());
    m_stack->addWidget(buildEmptyState());
    m_damagedPage = new DamagedCachePage;
    m_stack->addWidget(m_damagedPage);
    connect(m_damagedPage, &DamagedCachePage::moveAsideRequested, this,
            &MainWindow::moveDamagedAside);
    // The range controls span the window above the pickers and the charts, as a toolbar did, but
    // wrap to a second row in a narrow window instead of hiding in an overflow (issue #24, 16).
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_rangeBar);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);
    m_watch = new CacheWatch([this] { return m_db.get(); }, this);
    connect(m_watch, &CacheWatch::changed, this, [this] {
        if (!m_jobs->busy()) reloadFromCache(); // a job reloads when it ends
    });
    m_jobs = new DataJobs(statusBar(), this);
    m_exports = std::make_unique<ChartExports>(
        *m_session, *m_compareSession, [this] { return m_db.get(); }, [this] { return isDark(); },
        this, [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); },
        [this](const QString &message) { showError(message); });
    wire();
    wireActions();
    setReadingOrder(m_rangeBar, m_picker, m_figures, m_views, m_tables);
    wireStudy();
    // First run: most of the screen, the charts want the room (later runs restore the geometry).
    const QSize screenSize = screen() ? screen()->availableSize() : QSize(1600, 1000);
    resize(std::min(1800, screenSize.width() * 9 / 10),
           std::min(1200, screenSize.height() * 9 / 10));
    const auto settings = openAppSettings();
    restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    openCache(dbPath);
    fillPickers();
    if (const auto groupsError = m_compareSession->restoreGroups(*settings))
        statusBar()->showMessage(*groupsError, 15000);
    openStudyAtStart();
    m_watch->sync();
    m_picker->show(m_session->currentPick(), m_session->logScale());
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_studyFiles->confirmDiscard()) {
        event->ignore();
        return;
    }
    const auto settings = openAppSettings();
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState());
    m_compareSession->saveGroups(*settings);
    m_study->writeRecovery(); // the next start reopens this study, saved or not
    event->accept();
}

void MainWindow::openStudyAtStart()
{
    QDir().mkpath(appDataFolder());
    m_study->setRecoveryPath(QDir(appDataFolder()).filePath(QStringLiteral("recovery.json")));
    QString note;
    if (!m_study->recover(&note)) {
        if (!note.isEmpty()) statusBar()->showMessage(note, 15000);
        // The view an older version kept in the settings, once; else the default one.
        const Figure view = takeLegacyView(*openAppSettings()).value_or(Figure());
        m_compareSession->applyFigure(view);
        note = m_session->applyFigure(view).value_or(QString());
    }
    // A pick the cache cannot show (a first run that imported other series) falls back to what
    // it holds; an empty cache shows the empty state only.
    if (!note.isEmpty()) reloadFromCache();
}

void MainWindow::wireStudy()
{
    m_studyFiles = new StudyFiles(
        *m_study, *m_actions, this,
        [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); },
        [this](const QString &message) { showError(message); });
    m_actions->figuresPanel->setChecked(true);
    connect(m_actions->figuresPanel, &QAction::toggled, m_figures, &QWidget::setVisible);
    const auto addView = [this] {
        m_study->addCurrentView();
        m_actions->figuresPanel->setChecked(true);
    };
    connect(m_actions->addFigure, &QAction::triggered, m_study, addView);
    connect(m_figures, &FiguresPanel::addViewRequested, m_study, addView);
    // A table: from the Figures panel, or from the table's own menu.
    const auto addTable = [this](FigureKind kind) {
        m_study->addTable(kind, TablesPanel::kTopMoves); // the rows the window shows
        m_actions->figuresPanel->setChecked(true);
    };
    connect(m_figures, &FiguresPanel::addTableRequested, m_study, addTable);
    connect(m_tables, &TablesPanel::addToStudyRequested, m_study, addTable);
    connect(m_study, &StudySession::figureShown, m_tables, [this](int index) {
        const auto &figures = m_study->study().figures;
        if (index >= 0 && index < int(figures.size()))
            m_tables->showTable(figures[std::size_t(index)].kind);
    });
    connect(m_compare, &ComparePanel::addToStudyRequested, m_study,
            [addTable] { addTable(FigureKind::ReturnsTable); });
    connect(m_figures, &FiguresPanel::failed, this,
            [this](const QString &note) { statusBar()->showMessage(note, 15000); });
    // The tab is the view's kind; undo, or showing an exhibit, may choose another.
    static const std::array<FigureKind, 5> kinds{FigureKind::Pair, FigureKind::Compare,
                                                 FigureKind::Sensitivity, FigureKind::Rotation,
                                                 FigureKind::Seasonality};
    connect(m_views, &QTabWidget::currentChanged, m_study,
            [this](int index) { m_study->setViewKind(kinds[std::size_t(index)]); });
    connect(m_study, &StudySession::viewKindChanged, this, [this] {
        const auto it = std::find(kinds.begin(), kinds.end(), m_study->viewKind());
        m_views->setCurrentIndex(it == kinds.end() ? 0 : int(it - kinds.begin()));
    });
}

namespace {
// The marks' key (issue #24, 10): every band's and marked move's full label, where the charts
// show a band's number alone.
constexpr int kChartsMinimumWidth = 480;

// Shorter than four readable charts and six table rows (a 1280x720 screen), the column
// scrolls: the charts keep their minimum height instead of being squeezed into garbage.
QScrollArea *makeChartsScroll(QWidget *charts)
{
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("chartsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The charts' column is never narrower than its content (the tables' 400 px, a chart title
    // on two lines): the window's minimum size follows, instead of cutting the charts' right
    // side off below it (issue #24, 16a: at 594 px the titles ended mid-word).
    scroll->setMinimumWidth(kChartsMinimumWidth);
    scroll->setWidget(charts);
    return scroll;
}

QLabel *makeHeadline()
{
    auto *headline = new QLabel;
    headline->setObjectName(QStringLiteral("headline"));
    headline->setTextFormat(Qt::RichText);
    // Its text changes at every range: it must not resize the window each time; in a narrow
    // window it takes a second line rather than run past the edge (issue #24, 16).
    headline->setWordWrap(true);
    headline->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return headline;
}

QLabel *makeMarksKey()
{
    auto *key = new QLabel;
    key->setObjectName(QStringLiteral("marksKey"));
    key->setWordWrap(true);
    key->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    key->setForegroundRole(QPalette::PlaceholderText);
    key->hide();
    return key;
}
} // namespace

// The tabs over the range controls' range: the pair view (`pairView`), compare, rate
// sensitivity, rotation and seasonality.
void MainWindow::makeViews(QWidget *pairView)
{
    m_compare = new ComparePanel(*m_session, *m_compareSession);
    // The pair view and the compare view share the range controls above them.
    m_views = new QTabWidget;
    m_views->setObjectName(QStringLiteral("views"));
    m_views->addTab(pairView, QStringLiteral("Pair"));
    m_views->addTab(m_compare, QStringLiteral("Compare"));
    m_sensitivity = new SensitivityPanel(*m_session);
    m_rotation =
        new RotationPanel(*m_session, *m_compareSession,
                          [this](const QStringList &symbols, const QString &benchmark) {
                              if (!m_db) throw UserError(QStringLiteral("no cache is open"));
                              return RotationData::load(PriceStore(*m_db), symbols, benchmark,
                                                        m_session->currentPick().basis);
                          });
    m_seasonality = new SeasonalityPanel(*m_session);
    for (ChartView *view : otherViewCharts())
        view->setDarkTheme(isDark());
    m_views->addTab(m_sensitivity, QStringLiteral("Rate sensitivity"));
    m_views->addTab(m_rotation, QStringLiteral("Rotation"));
    m_views->addTab(m_seasonality, QStringLiteral("Seasonality"));
    m_views->setTabToolTip(4, QStringLiteral("A against B month by month over the years"));
    m_views->setTabToolTip(3, QStringLiteral("The compare list's relative rotation graph against "
                                             "a benchmark"));
    m_views->setTabToolTip(2,
                           QStringLiteral("Rolling correlation and beta of A/B against the rate"));
    m_views->setTabToolTip(0, QStringLiteral("A against B: ratio, rebased, relative, spread"));
    m_views->setTabToolTip(1, QStringLiteral("Two to eight series rebased to 100"));
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        m_compare->draw();
        m_sensitivity->draw();
        m_rotation->draw();
        m_seasonality->draw();
        showMarksKey(m_session->marks()); // the pair's marks: not over the other tabs
    });
}

QWidget *MainWindow::buildCharts()
{
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false); // a chart never collapses to nothing
    std::vector<ChartKind> kinds = pairChartKinds();
    kinds.push_back(ChartKind::Sensitivity);
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        m_panels[i] = new ChartPanel(kinds[i], *m_session, this);
        m_panels[i]->view()->setDarkTheme(isDark());
        splitter->addWidget(m_panels[i]->view());
    }
    QList<ChartView *> views;
    for (const ChartPanel *panel : m_panels)
        views << panel->view();
    new PlotAlignment(views, this); // one date, one x, in all the charts shown
    for (std::size_t i = allChartKinds().size(); i < m_panels.size(); ++i)
        m_panels[i]->view()->hide(); // the drawdown and sensitivity charts, until View asks
    m_tables = new TablesPanel;
    splitter->addWidget(m_tables);
    // The charts take the height; the tables start at their minimum (six rows) and are dragged
    // taller when wanted.
    const int charts = int(m_panels.size());
    for (int i = 0; i < charts; ++i)
        splitter->setStretchFactor(i, 1);
    splitter->setStretchFactor(charts, 0);
    splitter->setSizes({300, 300, 300, 300, 300, 300, m_tables->minimumSizeHint().height()});
    QScrollArea *scroll = makeChartsScroll(splitter);
    // The keyboard's pan and zoom act while the focus is on a chart (a click gives it).
    scroll->addActions(
        {m_actions->panEarlier, m_actions->panLater, m_actions->zoomIn, m_actions->zoomOut});
    m_headline = makeHeadline();
    m_marksKey = makeMarksKey();
    m_overview = new OverviewStrip;
    m_overview->setObjectName(QStringLiteral("overview"));
    auto *column = new QWidget;
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(2);
    makeViews(scroll);
    columnLayout->addWidget(m_headline);
    columnLayout->addWidget(m_marksKey);
    columnLayout->addWidget(m_overview);
    columnLayout->addWidget(m_views, 1);
    auto *content = new QWidget;
    auto *layout = new QHBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    // The study's figures under the pickers, in the room the pickers leave: not beside the charts,
    // which want the width on a small screen.
    auto *left = new QVBoxLayout;
    left->addWidget(m_picker);
    left->addWidget(m_figures, 1);
    m_picker->setMaximumWidth(300);
    m_figures->setMaximumWidth(300);
    layout->addLayout(left);
    layout->addWidget(column, 1);
    return content;
}

QWidget *MainWindow::buildEmptyState()
{
    auto *empty = new QWidget;
    auto *layout = new QVBoxLayout(empty);
    auto *text = new QLabel(
        QStringLiteral("<h2>No prices in the cache yet</h2><p>Download the default set (%1) from "
                       "Yahoo Finance and the US Treasury, or import CSV files you already "
                       "have.</p>")
            .arg(ProviderSettings::load(*openAppSettings()).defaultSet.join(QStringLiteral(", "))));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *update = new QPushButton(QStringLiteral("Update (download)"));
    update->setObjectName(QStringLiteral("emptyUpdate"));
    auto *import = new QPushButton(QStringLiteral("Import CSV\u2026"));
    import->setObjectName(QStringLiteral("emptyImport"));
    connect(update, &QPushButton::clicked, this, &MainWindow::updateData);
    connect(import, &QPushButton::clicked, this, &MainWindow::importFiles);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(update);
    buttons->addWidget(import);
    buttons->addStretch();
    layout->addStretch();
    layout->addWidget(text);
    layout->addLayout(buttons);
    layout->addStretch();
    return empty;
}

void MainWindow::wire()
{
    PairSession *s = m_session;
    connect(s, &PairSession::pairChanged, this, &MainWindow::onPairChanged);
    connect(s, &PairSession::rangeChanged, this, &MainWindow::redraw);
    connect(s, &PairSession::optionsChanged, this, &MainWindow::redraw);
    connect(s, &PairSession::periodsChanged, this, [this] {
        if (m_session->periodBands())
            redraw(); // the bands follow the table
        else
            m_tables->show(*m_session);
    });
    // The other views' charts navigate the same range as the pair view's.
    for (ChartView *view : {m_compare->view(), m_sensitivity->view()})
        navigateRange(view);
    for (ChartPanel *panel : m_panels) {
        connect(panel, &ChartPanel::rangeSelected, s,
                [s](const QDate &from, const QDate &to) { s->setRange(from, to); });
        connect(panel, &ChartPanel::wholeHistoryRequested, s,
                [s] { s->applyPreset(QStringLiteral("Max")); });
        connect(panel, &ChartPanel::zoomRequested, s, &PairSession::zoom);
        connect(panel, &ChartPanel::rebaseRequested, s, &PairSession::rebaseAt);
        connect(panel, &ChartPanel::rebaseResetRequested, s, &PairSession::clearRebase);
        connect(panel, &ChartPanel::addRangeToPeriodsRequested, this,
                &MainWindow::addCurrentPeriod);
        connect(panel, &ChartPanel::copyRequested, this, &MainWindow::copyChart);
        connect(panel, &ChartPanel::exportRequested, this, &MainWindow::exportChart);
        connect(panel, &ChartPanel::activated, this,
                [this](ChartKind kind) { m_activeChart = kind; });
        // One crosshair across the stack: the others draw the line at the hovered date.
        for (ChartPanel *other : m_panels) {
            if (other == panel) continue;
            connect(panel->crosshair(), &Crosshair::hovered, other->crosshair(),
                    &Crosshair::follow);
            connect(panel->crosshair(), &Crosshair::left, other->crosshair(), &Crosshair::release);
        }
    }
    wireOverview();
    connect(m_picker, &PickerPanel::pickRequested, this, [this](const PairPick &pick) {
        m_fallback.userPicked();
        tryPick(pick);
    });
    connect(m_picker, &PickerPanel::swapRequested, this, [this] {
        m_fallback.userPicked();
        PairPick swapped = m_session->currentPick();
        std::swap(swapped.a, swapped.b);
        tryPick(swapped);
    });
    connect(m_actions->swap, &QAction::triggered, m_picker, &PickerPanel::swapRequested);
    connect(m_picker, &PickerPanel::logScaleToggled, s, &PairSession::setLogScale);
    connect(m_picker, &PickerPanel::refused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 15000); });
    wireRangeBar();
    connect(m_tables, &TablesPanel::moveRankingChanged, s, &PairSession::setMoveRanking);
    connect(m_tables, &TablesPanel::moveDirectionChanged, s, &PairSession::setMoveDirection);
    connect(m_tables, &TablesPanel::removePeriodsRequested, s, &PairSession::removePeriods);
    connect(m_tables, &TablesPanel::periodsTyped, this, [this](const QString &text) {
        QStringList kept, said;
        for (const RefusedText &r : m_session->addTypedPeriods(text)) {
            if (r.needsCorrection) kept << r.text;
            said << r.message();
        }
        m_tables->keepTypedPeriods(kept);
        if (!said.isEmpty()) statusBar()->showMessage(said.join(QStringLiteral("; ")), 15000);
    });
    connect(m_tables, &TablesPanel::copied, this, [this](const QString &what) {
        statusBar()->showMessage(QStringLiteral("%1 copied as CSV").arg(what), 3000);
    });
    connect(m_tables, &TablesPanel::wrote, this, [this](const QString &path) {
        statusBar()->showMessage(QStringLiteral("Wrote %1").arg(path), 5000);
    });
    connect(m_tables, &TablesPanel::failed, this, &MainWindow::showError);
    wireViews();
    connect(m_jobs, &DataJobs::finished, this, &MainWindow::reloadFromCache);
    connect(m_jobs, &DataJobs::failed, this,
            [this](const QString &summary, const QString &details) {
                reportFailure(this, summary, details);
            });
}

void MainWindow::wireRangeBar()
{
    // After a preset (Ctrl+1 ... Ctrl+9 too) the arrows and + and - act on the charts at once.
    connect(m_rangeBar, &RangeBar::presetRequested, this, [this](const QString &preset) {
        m_session->applyPreset(preset);
        if (!qobject_cast<QLineEdit *>(QApplication::focusWidget()))
            m_panels.front()->view()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_rangeBar, &RangeBar::backRequested, m_session, &PairSession::back);
    connect(m_rangeBar, &RangeBar::addPeriodRequested, this, &MainWindow::addCurrentPeriod);
    // Typed dates: From after To is refused and the fields show the range in force again; dates
    // outside the data are clamped, and said.
    connect(m_rangeBar, &RangeBar::rangeRequested, this,
            [this](const QDate &from, const QDate &to) {
                const QString note = m_session->setTypedRange(from, to);
                m_rangeBar->show(*m_session);
                if (!note.isEmpty()) statusBar()->showMessage(note, 15000);
            });
    connect(m_rangeBar, &RangeBar::refused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 15000); });
}

void MainWindow::wireOverview()
{
    PairSession *s = m_session;
    // A drag on the overview moves the range at most once per frame; its end is drawn at once.
    // The drag is one gesture: its first move goes on the Back history, the others continue it.
    auto *throttle = new FrameThrottle(this);
    auto dragging = std::make_shared<bool>(false);
    connect(m_overview, &OverviewStrip::windowMoved, this,
            [s, throttle, dragging](const QDate &from, const QDate &to) {
                throttle->request([s, from, to, dragging] {
                    if (*dragging) {
                        s->continueRange(from, to);
                    } else {
                        *dragging = true;
                        s->setRange(from, to);
                    }
                });
            });
    connect(m_overview, &OverviewStrip::dragFinished, throttle, [throttle, dragging] {
        throttle->flush();
        *dragging = false;
    });
}

void MainWindow::wireViews()
{
    PairSession *s = m_session;
    connect(m_compare, &ComparePanel::rebaseRequested, s, &PairSession::rebaseAt);
    connect(m_compare, &ComparePanel::rebaseResetRequested, s, &PairSession::clearRebase);
    connect(m_compare, &ComparePanel::copyRequested, this,
            [this](ChartKind kind) { m_exports->copyView(m_compare->viewChart(kind)); });
    connect(m_compare, &ComparePanel::exportRequested, this,
            [this](ChartKind kind) { exportTabCharts(1, kind); });
    connect(m_compare, &ComparePanel::status, statusBar(), &QStatusBar::showMessage);
    connect(m_compare, &ComparePanel::failed, this, &MainWindow::showError);
    connect(m_sensitivity, &SensitivityPanel::windowChosen, s, &PairSession::setSensitivityWindow);
    connect(m_sensitivity, &SensitivityPanel::copyRequested, this,
            [this](ChartKind kind) { m_exports->copyView(m_sensitivity->viewChart(kind)); });
    connect(m_sensitivity, &SensitivityPanel::exportRequested, this,
            [this](ChartKind kind) { exportTabCharts(2, kind); });
    connect(m_rotation, &RotationPanel::copyRequested, this,
            [this] { m_exports->copyView(m_rotation->viewChart()); });
    connect(m_rotation, &RotationPanel::exportRequested, this, [this] { exportTabCharts(3, {}); });
    connect(m_rotation, &RotationPanel::status, statusBar(), &QStatusBar::showMessage);
    connect(m_seasonality, &SeasonalityPanel::copyRequested, this,
            [this] { m_exports->copyView(m_seasonality->viewChart()); });
    connect(m_seasonality, &SeasonalityPanel::exportRequested, this,
            [this] { exportTabCharts(4, {}); });
    connect(m_seasonality, &SeasonalityPanel::status, statusBar(), &QStatusBar::showMessage);
}

void MainWindow::copyChart(ChartKind kind)
{
    // The sensitivity chart is not one of a pair export's four: it copies as its tab's does.
    if (kind == ChartKind::Sensitivity)
        m_exports->copyView(m_sensitivity->viewChart(kind));
    else
        m_exports->copyChart(kind);
}

void MainWindow::exportChart(ChartKind kind)
{
    if (kind == ChartKind::Sensitivity) // the pair view's fifth chart, drawn as its tab's
        m_exports->exportViewWithDialog({m_sensitivity->viewChart(kind)}, kind);
    else
        m_exports->exportWithDialog(kind);
}

void MainWindow::exportTabCharts(int tab, std::optional<ChartKind> first)
{
    // File > Export charts exports the charts of the tab in view (issue #24, 9).
    if (tab == 1) {
        m_exports->exportViewWithDialog({m_compare->viewChart(ChartKind::Compare),
                                         m_compare->viewChart(ChartKind::ReturnsBars)},
                                        first.value_or(ChartKind::Compare));
    } else if (tab == 4) {
        m_exports->exportViewWithDialog({m_seasonality->viewChart()}, ChartKind::Seasonality);
    } else if (tab == 3) {
        m_exports->exportViewWithDialog({m_rotation->viewChart()}, ChartKind::Rotation);
    } else if (tab == 2) {
        m_exports->exportViewWithDialog({m_sensitivity->viewChart(ChartKind::Sensitivity),
                                         m_sensitivity->viewChart(ChartKind::Scatter)},
                                        first.value_or(ChartKind::Sensitivity));
    } else {
        m_exports->exportWithDialog(first);
    }
}

QList<ChartView *> MainWindow::otherViewCharts() const
{
    return {m_compare->view(),     m_compare->barsView(),
            m_sensitivity->view(), m_sensitivity->scatterView(),
            m_rotation->view(),    m_seasonality->view()};
}

void MainWindow::wireActions()
{
    WindowActions *a = m_actions;
    connect(a->importCsv, &QAction::triggered, this, &MainWindow::importFiles);
    connect(a->update, &QAction::triggered, this, &MainWindow::updateData);
    connect(a->exportPng, &QAction::triggered, this,
            [this] { exportTabCharts(m_views->currentIndex(), std::nullopt); });
    connect(a->copyChart, &QAction::triggered, this, [this] { copyChart(m_activeChart); });
    connect(a->exportCsv, &QAction::triggered, this, [this] {
        // The lines of the tab in view: the compare view's, or the pair's.
        m_exports->exportVisibleCsv(m_views->currentIndex() == 1);
    });
    const std::pair<QAction *, ThemeChoice> themes[] = {{a->themeSystem, ThemeChoice::System},
                                                        {a->themeLight, ThemeChoice::Light},
                                                        {a->themeDark, ThemeChoice::Dark}};
    for (const auto &[action, choice] : themes) {
        action->setChecked(choice == m_theme);
        connect(action, &QAction::triggered, this, [this, c = choice] { setTheme(c); });
    }
    connect(a->settings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->back, &QAction::triggered, m_session, &PairSession::back);
    connect(a->wholeHistory, &QAction::triggered, m_session,
            [this] { m_session->applyPreset(QStringLiteral("Max")); });
    connect(a->logScale, &QAction::toggled, m_session, &PairSession::setLogScale);
    connect(a->panEarlier, &QAction::triggered, this, [this] { m_session->panStep(-1); });
    connect(a->panLater, &QAction::triggered, this, [this] { m_session->panStep(+1); });
    connect(a->zoomIn, &QAction::triggered, this, [this] { m_session->zoomStep(+1); });
    connect(a->zoomOut, &QAction::triggered, this, [this] { m_session->zoomStep(-1); });
    connect(a->periodBands, &QAction::toggled, m_session, &PairSession::setPeriodBands);
    connect(a->regimeBands, &QAction::toggled, m_session, &PairSession::setRegimeBands);
    connect(a->sensitivityChart, &QAction::toggled, m_session, &PairSession::setSensitivityChart);
    connect(a->drawdownChart, &QAction::toggled, m_session, &PairSession::setDrawdownChart);
    connect(a->addRegimes, &QAction::triggered, this, [this] {
        const int added = m_session->addRegimesToPeriods();
        statusBar()->showMessage(QStringLiteral("%1 rate regimes added to the periods").arg(added),
                                 5000);
    });
    for (QAction *count : a->markedMoves)
        connect(count, &QAction::triggered, this,
                [this, count] { m_session->setMarkedMoves(count->data().toInt()); });
    connect(a->userGuide, &QAction::triggered, this, [this] {
        showHelpWindow(this, QStringLiteral("userGuide"), QStringLiteral("IndexLens user guide"),
                       userGuideText(this));
    });
    connect(a->shortcuts, &QAction::triggered, this, [this] {
        showHelpWindow(this, QStringLiteral("shortcuts"), QStringLiteral("Keyboard shortcuts"),
                       QStringLiteral("# Keyboard shortcuts\n\n") + shortcutsText(this));
    });
    connect(a->about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, QStringLiteral("IndexLens"),
                           QStringLiteral("IndexLens %1\nSmall caps vs large caps, with yields.\n"
                                          "Licence: GPL-3.0-or-later.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::openCache(const QString &path)
{
    QString error;
    QStringList notes;
    auto db = Database::open(path, &error, &notes);
    if (!db) {
        showError(error);
        return;
    }
    m_db = std::move(db);
    m_damaged = false;
    m_jobs->setDatabase(m_db.get());
    // A damaged cache moved aside, or a read-only one: the user must see it (dialog on show).
    if (!notes.isEmpty())
        QMetaObject::invokeMethod(
            this, [this, notes] { showError(notes.join(QLatin1Char('\n'))); },
            Qt::QueuedConnection);
}

bool MainWindow::readCache(const std::function<void()> &read)
{
    try {
        read();
        return true;
    } catch (const CacheError &e) {
        if (e.damaged())
            showDamaged(e.message());
        else
            showError(e.message());
        return false;
    }
}

void MainWindow::showDamaged(const QString &message)
{
    showPage(2);
    if (m_damaged || !m_db) return; // said once
    m_damaged = true;
    m_db->stopWriting();
    m_damagedPage->show(m_db->path(), message);
    updateActions();
    statusBar()->showMessage(message, 0);
    if (m_damagedPage->askToMoveAside(m_db->path(), message)) moveDamagedAside();
}

void MainWindow::moveDamagedAside()
{
    if (!m_db || m_jobs->busy()) return;
    const QString path = m_db->path();
    QString error;
    // Renamed while this connection is still open (it keeps the inode); closed afterwards without
    // the checkpoint that would write into the damaged file (Database::stopWriting).
    const QString moved = Database::moveAside(path, &error);
    if (moved.isEmpty()) {
        showError(QStringLiteral("%1: cannot move the damaged cache aside: %2").arg(path, error));
        return;
    }
    m_jobs->setDatabase(nullptr);
    m_db.reset();
    openCache(path);
    reloadFromCache();
    statusBar()->showMessage(QStringLiteral("The damaged cache was moved to %1 and a new, empty "
                                            "cache was created: run Update or import again")
                                 .arg(moved),
                             0);
}

void MainWindow::fillPickers()
{
    if (!m_db) return;
    if (!readCache([this] { m_picker->fill(PriceStore(*m_db)); })) return;
    m_compare->setInstruments(m_picker->priceEntries());
    m_rotation->setInstruments(m_picker->priceEntries());
    showPage(m_damaged ? 2 : m_picker->hasPrices() ? 0 : 1);
}

void MainWindow::showPage(int page)
{
    m_stack->setCurrentIndex(page);
    m_rangeBar->setEnabled(page == 0); // no range to move without charts
}

void MainWindow::reloadFromCache()
{
    m_session->forgetReadPairs();
    fillPickers();
    m_watch->sync();
    if (m_damaged || !m_picker->hasPrices()) return;
    const auto next = m_fallback.next(m_session->currentPick(), m_picker->cachedPrices(),
                                      m_picker->cachedRates());
    if (const QString missing = next->sayOnce; !missing.isEmpty())
        // Queued, and added to the line shown: a job shows its own ("Imported 2 files, ...") once
        // this returns.
        QMetaObject::invokeMethod(
            this,
            [this, missing] {
                const QString now = statusBar()->currentMessage();
                statusBar()->showMessage(
                    now.isEmpty() ? missing : now + QStringLiteral("; ") + missing, 15000);
            },
            Qt::QueuedConnection);
    tryPick(next->pick);
}

void MainWindow::pick(const QString &a, const QString &b, const QStringList &rates)
{
    PairPick p = m_session->currentPick();
    p.a = a;
    p.b = b;
    p.rates = rates;
    tryPick(p);
}

void MainWindow::tryPick(const PairPick &pick)
{
    try {
        if (readCache([&] { m_session->pick(pick); })) return;
    } catch (const UserError &e) {
        if (m_picker->hasPrices()) showError(e.message());
    }
    m_picker->show(m_session->currentPick(), m_session->logScale());
}

void MainWindow::onPairChanged()
{
    m_compareSession->reload(); // new data or another basis for the compared series too
    m_rotation->reload();
    const PairData *pair = m_session->pair();
    m_picker->show(m_session->currentPick(), m_session->logScale());
    m_overview->setHistory(
        pair->chart(ChartKind::Ratio, pair->first(), pair->last(), 800).lines.front().points,
        pair->first(), pair->last());
    statusBar()->showMessage(
        QStringLiteral("%1 vs %2: %3 common trading days, %4 to %5")
            .arg(pair->symbolA(), pair->symbolB())
            .arg(pair->dates().size())
            .arg(pair->first().toString(Qt::ISODate), pair->last().toString(Qt::ISODate)),
        5000);
    redraw();
}

void MainWindow::showMarksKey(const ChartMarks &marks)
{
    // An entry breaks only between entries (non-breaking spaces inside: "4: IWB − IWM +9.4" /
    // "pp, 10y +91 bp" read as two).
    QStringList entries = marksKey(marks);
    for (QString &entry : entries)
        entry.replace(QLatin1Char(' '), QChar(0x00a0));
    m_marksKey->setText(entries.join(QStringLiteral("     ")));
    m_marksKey->setVisible(!marks.empty() && m_views->currentIndex() == 0);
}

void MainWindow::redraw()
{
    if (!m_session->pair()) return;
    const ChartMarks marks = m_session->marks();
    bool top = true; // the top chart of the stack writes the labels
    for (ChartPanel *panel : m_panels) {
        panel->draw(marks);
        panel->view()->setMarkLabels(top && !panel->view()->isHidden());
        top = top && panel->view()->isHidden();
    }
    showMarksKey(marks);
    // The range's returns once, above the charts (each chart's title line keeps the room for its
    // legend).
    const PairData *pair = m_session->pair();
    m_headline->setText(
        QStringLiteral("<b>%1</b> &nbsp; %2")
            .arg(pair->pairTitle().toHtmlEscaped(),
                 pair->headline(m_session->from(), m_session->to(), m_session->rebase())
                     .toHtmlEscaped()));
    m_overview->setWindow(m_session->from(), m_session->to());
    m_compare->draw(); // each when it is the view shown
    m_sensitivity->draw();
    m_rotation->draw();
    m_seasonality->draw();
    m_rangeBar->show(*m_session);
    m_tables->show(*m_session);
    updateActions();
}

void MainWindow::updateActions()
{
    // Nothing to export or copy while the damaged page stands in for the charts.
    m_actions->setState(m_session->pair() != nullptr && !m_damaged, m_db && !m_db->isReadOnly());
    const QSignalBlocker quiet(m_actions->logScale);
    m_actions->logScale->setChecked(m_session->logScale());
    m_picker->showLogScale(m_session->logScale());
    const QSignalBlocker quietBands(m_actions->periodBands);
    m_actions->periodBands->setChecked(m_session->periodBands());
    const QSignalBlocker quietRegimes(m_actions->regimeBands);
    m_actions->regimeBands->setChecked(m_session->regimeBands());
    const QSignalBlocker quietSensitivity(m_actions->sensitivityChart);
    m_actions->sensitivityChart->setChecked(m_session->sensitivityChart());
    const QSignalBlocker quietDrawdown(m_actions->drawdownChart);
    m_actions->drawdownChart->setChecked(m_session->drawdownChart());
    for (QAction *count : m_actions->markedMoves)
        count->setChecked(count->data().toInt() == m_session->markedMoves());
}

void MainWindow::addCurrentPeriod()
{
    try {
        m_session->addCurrentPeriod();
    } catch (const UserError &e) {
        showError(e.message());
    }
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 15000);
    reportFailure(this, message.section(QLatin1Char('\n'), 0, 0), message);
}

ChartPanel *MainWindow::panel(ChartKind kind) const
{
    for (ChartPanel *p : m_panels)
        if (p->kind() == kind) return p;
    return nullptr;
}

ChartView *MainWindow::chartView(ChartKind kind) const
{
    return panel(kind)->view();
}

Crosshair *MainWindow::crosshair(ChartKind kind) const
{
    return panel(kind)->crosshair();
}

ResultTableModel *MainWindow::returnsModel() const
{
    return m_tables->returnsModel();
}
ResultTableModel *MainWindow::periodsModel() const
{
    return m_tables->periodsModel();
}
ResultTableModel *MainWindow::movesModel() const
{
    return m_tables->movesModel();
}

QPushButton *MainWindow::presetButton(const QString &preset) const
{
    return m_rangeBar->presetButton(preset);
}

void MainWindow::navigateRange(ChartView *view)
{
    PairSession *s = m_session;
    auto *selector = new RangeSelector(view);
    connect(selector, &RangeSelector::rangeSelected, s,
            [s](const QDate &from, const QDate &to) { s->setRange(from, to); });
    connect(selector, &RangeSelector::resetRequested, s,
            [s] { s->applyPreset(QStringLiteral("Max")); });
    connect(new WheelZoom(view), &WheelZoom::zoomRequested, s, &PairSession::zoom);
}

void MainWindow::showView(int index)
{
    m_views->setCurrentIndex(index);
}

bool MainWindow::isDark() const
{
    return themeIsDark(m_theme);
}

void MainWindow::setTheme(ThemeChoice choice)
{
    m_theme = choice;
    openAppSettings()->setValue(QStringLiteral("view/theme"), themeChoiceName(choice));
    applyAppTheme(choice);
    for (ChartPanel *panel : m_panels) {
        panel->view()->setDarkTheme(isDark());
        panel->crosshair()->refresh(); // its box and line in the new colours
    }
    for (ChartView *view : otherViewCharts())
        view->setDarkTheme(isDark());
    m_overview->update();
    for (const auto &[action, c] : {std::pair(m_actions->themeSystem, ThemeChoice::System),
                                    std::pair(m_actions->themeLight, ThemeChoice::Light),
                                    std::pair(m_actions->themeDark, ThemeChoice::Dark)})
        action->setChecked(c == choice);
}

void MainWindow::importFiles()
{
    const QStringList files = chooseFilesToOpen(this, QStringLiteral("Import CSV files"),
                                                QStringLiteral("CSV files (*.csv);;All files (*)"));
    importPaths(files);
}

void MainWindow::importPaths(const QStringList &files)
{
    m_jobs->import(files);
}

void MainWindow::updateData()
{
    if (!m_db) return;
    QStringList symbols;
    if (!readCache([&] {
            for (const InstrumentSummary &s : PriceStore(*m_db).list())
                symbols << s.instrument.symbol;
        }))
        return;
    // First run: Settings -> Default set.
    if (symbols.isEmpty()) symbols = ProviderSettings::load(*openAppSettings()).defaultSet;
    m_jobs->update(symbols);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    dialog.setCompareGroups(m_compareSession->userGroups());
    const QString before = m_db ? m_db->path() : QString();
    if (dialog.exec() != QDialog::Accepted) return;
    m_compareSession->setUserGroups(dialog.compareGroups());
    m_compareSession->saveGroups(*openAppSettings());
    // A new cache location takes effect at once (the environment's INDEXLENS_DB still wins).
    const QString path = Database::defaultPath();
    if (QFileInfo(path).absoluteFilePath() == before || m_jobs->busy()) return;
    openCache(path);
    reloadFromCache();
    statusBar()->showMessage(QStringLiteral("Cache: %1").arg(path), 5000);
}

} // namespace indexlens
