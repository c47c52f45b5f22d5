// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AppTheme.h"
#include "CacheWatch.h"
#include "ChartExports.h"
#include "ChartPanel.h"
#include "charts/ChartView.h"
#include "charts/OverviewStrip.h"
#include "ComparePanel.h"
#include "core/AppSettings.h"
#include "core/UserError.h"
#include "DamagedCachePage.h"
#include "DataJobs.h"
#include "EmptyCachePage.h"
#include "FiguresPanel.h"
#include "FileDialogs.h"
#include "PairCharts.h"
#include "PairHeader.h"
#include "PickerPanel.h"
#include "providers/ProviderSettings.h"
#include "RangeBar.h"
#include "ReadingOrder.h"
#include "RotationPanel.h"
#include "session/CompareSession.h"
#include "session/LegacyView.h"
#include "session/StudySession.h"
#include "SessionNavigation.h"
#include "SettingsDialog.h"
#include "storage/CacheError.h"
#include "storage/PriceStore.h"
#include "StudyFiles.h"
#include "StudyLinks.h"
#include "TablesPanel.h"
#include "ViewTabs.h"
#include "WindowActions.h"
#include "WindowCache.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace indexlens {

MainWindow::MainWindow(const QString &dbPath, QWidget *parent)
    : QMainWindow(parent),
      m_session(new PairSession(
          [this](const PairPick &pick) {
              return PairData::load(PriceStore(openDb()), pick.a, pick.b, pick.rates, pick.basis);
          },
          this)),
      m_compareSession(new CompareSession(
          [this](const QStringList &symbols, const QString &rate) {
              return CompareData::load(PriceStore(openDb()), symbols, rate,
                                       m_session->currentPick().basis);
          },
          this)),
      m_study(new StudySession(*m_session, *m_compareSession, this)),
      m_actions(new WindowActions(this)),
      m_exports(std::make_unique<ChartExports>(
          *m_session, *m_compareSession, [this] { return m_cache->db(); },
          [this] { return isDark(); }, this,
          [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); },
          [this](const QString &message) { showError(message); }))
{
    setWindowTitle(QStringLiteral("IndexLens"));
    m_theme = themeChoiceNamed(openAppSettings()->value(QStringLiteral("view/theme")).toString())
                  .value_or(ThemeChoice::System);
    if (m_theme != ThemeChoice::System) applyAppTheme(m_theme);
    buildPages();
    m_watch = new CacheWatch([this] { return m_cache->db(); }, this);
    connect(m_watch, &CacheWatch::changed, this, [this] {
        if (!m_jobs->busy()) reloadFromCache(); // a job reloads when it ends
    });
    m_jobs = new DataJobs(statusBar(), this);
    m_cache = new WindowCache(*m_jobs, this);
    connect(m_cache, &WindowCache::failed, this, &MainWindow::showError);
    connect(m_cache, &WindowCache::damagedFound, this, &MainWindow::showDamaged);
    wire();
    wireActions();
    setReadingOrder(m_rangeBar, m_picker, m_figures, m_views, tables());
    wireStudy();
    restoreWindow();
    m_cache->open(dbPath);
    fillPickers();
    if (const auto groupsError = m_compareSession->restoreGroups(*openAppSettings()))
        statusBar()->showMessage(*groupsError, 15000);
    openStudyAtStart();
    m_watch->sync();
    m_picker->show(m_session->currentPick(), m_session->logScale());
    updateActions();
}

Database &MainWindow::openDb() const
{
    if (!m_cache->db()) throw UserError(QStringLiteral("no cache is open"));
    return *m_cache->db();
}

void MainWindow::restoreWindow()
{
    // First run: most of the screen, the charts want the room (later runs restore the geometry).
    const QSize screenSize = screen() ? screen()->availableSize() : QSize(1600, 1000);
    resize(std::min(1800, screenSize.width() * 9 / 10),
           std::min(1200, screenSize.height() * 9 / 10));
    const auto settings = openAppSettings();
    restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
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
    linkStudy(m_study, *m_actions, m_figures, tables(), compare(), m_views);
    connect(m_figures, &FiguresPanel::failed, this,
            [this](const QString &note) { statusBar()->showMessage(note, 15000); });
}

void MainWindow::buildPages()
{
    m_picker = new PickerPanel;
    m_figures = new FiguresPanel(*m_study);
    m_rangeBar = new RangeBar;
    m_pairCharts = new PairCharts(
        *m_session,
        {m_actions->panEarlier, m_actions->panLater, m_actions->zoomIn, m_actions->zoomOut}, this);
    m_pairCharts->setDarkTheme(isDark());
    m_views = new ViewTabs(m_pairCharts->widget(), *m_session, *m_compareSession, *m_exports,
                           [this](const QStringList &symbols, const QString &benchmark) {
                               return RotationData::load(PriceStore(openDb()), symbols, benchmark,
                                                         m_session->currentPick().basis);
                           });
    m_views->setDarkTheme(isDark());
    m_stack = new QStackedWidget;
    m_stack->addWidget(buildCharts());
    auto *empty = new EmptyCachePage;
    connect(empty, &EmptyCachePage::updateRequested, this, &MainWindow::updateData);
    connect(empty, &EmptyCachePage::importRequested, this, &MainWindow::importFiles);
    m_stack->addWidget(empty);
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
}

QWidget *MainWindow::buildCharts()
{
    m_header = new PairHeader;
    m_overview = new OverviewStrip;
    m_overview->setObjectName(QStringLiteral("overview"));
    auto *column = new QWidget;
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(2);
    columnLayout->addWidget(m_header);
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
            tables()->show(*m_session);
    });
    connect(m_pairCharts, &PairCharts::addRangeToPeriodsRequested, this,
            &MainWindow::addCurrentPeriod);
    connect(m_pairCharts, &PairCharts::copyRequested, this, &MainWindow::copyChart);
    connect(m_pairCharts, &PairCharts::exportRequested, this, &MainWindow::exportChart);
    navigateByOverview(m_overview, s);
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        // The pair's marks: not over the other tabs.
        m_header->showPair(*m_session, m_session->marks(),
                           m_views->currentIndex() == ViewTabs::Pair);
    });
    connect(m_views, &ViewTabs::status, statusBar(), &QStatusBar::showMessage);
    connect(m_views, &ViewTabs::failed, this, &MainWindow::showError);
    wirePicker();
    wireRangeBar();
    wireTables();
    connect(m_jobs, &DataJobs::finished, this, &MainWindow::reloadFromCache);
    connect(m_jobs, &DataJobs::failed, this,
            [this](const QString &summary, const QString &details) {
                reportFailure(this, summary, details);
            });
}

void MainWindow::wirePicker()
{
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
    connect(m_picker, &PickerPanel::logScaleToggled, m_session, &PairSession::setLogScale);
    connect(m_picker, &PickerPanel::refused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 15000); });
}

void MainWindow::wireTables()
{
    tables()->connectSession(m_session);
    connect(tables(), &TablesPanel::status, statusBar(), &QStatusBar::showMessage);
    connect(tables(), &TablesPanel::failed, this, &MainWindow::showError);
}

void MainWindow::wireRangeBar()
{
    // After a preset (Ctrl+1 ... Ctrl+9 too) the arrows and + and - act on the charts at once.
    connect(m_rangeBar, &RangeBar::presetRequested, this, [this](const QString &preset) {
        m_session->applyPreset(preset);
        if (!qobject_cast<QLineEdit *>(QApplication::focusWidget()))
            m_pairCharts->topChart()->setFocus(Qt::ShortcutFocusReason);
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

void MainWindow::copyChart(ChartKind kind)
{
    // The sensitivity chart is not one of a pair export's four: it copies as its tab's does.
    if (kind == ChartKind::Sensitivity)
        m_views->copySensitivity();
    else
        m_exports->copyChart(kind);
}

void MainWindow::exportChart(ChartKind kind)
{
    if (kind == ChartKind::Sensitivity) // the pair view's fifth chart, drawn as its tab's
        m_views->exportSensitivity();
    else
        m_exports->exportWithDialog(kind);
}

void MainWindow::wireActions()
{
    WindowActions *a = m_actions;
    a->connectHelp();
    a->connectSession(m_session);
    a->showTheme(m_theme);
    connect(a, &WindowActions::themeChosen, this, &MainWindow::setTheme);
    connect(a->importCsv, &QAction::triggered, this, &MainWindow::importFiles);
    connect(a->update, &QAction::triggered, this, &MainWindow::updateData);
    connect(a->exportPng, &QAction::triggered, this,
            [this] { m_views->exportCharts(std::nullopt); });
    connect(a->copyChart, &QAction::triggered, this,
            [this] { copyChart(m_pairCharts->activeChart()); });
    connect(a->exportCsv, &QAction::triggered, this, [this] {
        // The lines of the tab in view: the compare view's, or the pair's.
        m_exports->exportVisibleCsv(m_views->currentIndex() == ViewTabs::Compare);
    });
    connect(a->settings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->addRegimes, &QAction::triggered, this, [this] {
        const int added = m_session->addRegimesToPeriods();
        statusBar()->showMessage(QStringLiteral("%1 rate regimes added to the periods").arg(added),
                                 5000);
    });
}

void MainWindow::showDamaged(const QString &path, const QString &message, bool first)
{
    showPage(2);
    if (!first) return; // said once
    m_damagedPage->show(path, message);
    updateActions();
    statusBar()->showMessage(message, 0);
    if (m_damagedPage->askToMoveAside(path, message)) moveDamagedAside();
}

void MainWindow::moveDamagedAside()
{
    const QString moved = m_cache->moveAside();
    if (moved.isEmpty()) return;
    reloadFromCache();
    statusBar()->showMessage(QStringLiteral("The damaged cache was moved to %1 and a new, empty "
                                            "cache was created: run Update or import again")
                                 .arg(moved),
                             0);
}

void MainWindow::fillPickers()
{
    if (!m_cache->db()) return;
    if (!m_cache->read([this] { m_picker->fill(PriceStore(openDb())); })) return;
    compare()->setInstruments(m_picker->priceEntries());
    rotation()->setInstruments(m_picker->priceEntries());
    showPage(m_cache->damaged() ? 2 : m_picker->hasPrices() ? 0 : 1);
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
    if (m_cache->damaged() || !m_picker->hasPrices()) return;
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
        if (m_cache->read([&] { m_session->pick(pick); })) return;
    } catch (const UserError &e) {
        if (m_picker->hasPrices()) showError(e.message());
    }
    m_picker->show(m_session->currentPick(), m_session->logScale());
}

void MainWindow::onPairChanged()
{
    m_compareSession->reload(); // new data or another basis for the compared series too
    rotation()->reload();
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

void MainWindow::redraw()
{
    if (!m_session->pair()) return;
    const ChartMarks marks = m_session->marks();
    m_pairCharts->draw(marks);
    m_header->showPair(*m_session, marks, m_views->currentIndex() == ViewTabs::Pair);
    m_overview->setWindow(m_session->from(), m_session->to());
    m_views->draw(); // each when it is the view shown
    m_rangeBar->show(*m_session);
    tables()->show(*m_session);
    updateActions();
}

void MainWindow::updateActions()
{
    // Nothing to export or copy while the damaged page stands in for the charts.
    m_actions->setState(m_session->pair() != nullptr && !m_cache->damaged(), m_cache->writable());
    m_actions->showSession(*m_session);
    m_picker->showLogScale(m_session->logScale());
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

ChartView *MainWindow::chartView(ChartKind kind) const
{
    return m_pairCharts->panel(kind)->view();
}

Crosshair *MainWindow::crosshair(ChartKind kind) const
{
    return m_pairCharts->panel(kind)->crosshair();
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
    m_pairCharts->setDarkTheme(isDark());
    m_views->setDarkTheme(isDark());
    m_overview->update();
    m_actions->showTheme(choice);
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
    if (!m_cache->db()) return;
    QStringList symbols;
    if (!m_cache->read([&] {
            for (const InstrumentSummary &s : PriceStore(openDb()).list())
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
    const QString before = m_cache->db() ? m_cache->db()->path() : QString();
    if (dialog.exec() != QDialog::Accepted) return;
    m_compareSession->setUserGroups(dialog.compareGroups());
    m_compareSession->saveGroups(*openAppSettings());
    // A new cache location takes effect at once (the environment's INDEXLENS_DB still wins).
    const QString path = Database::defaultPath();
    if (QFileInfo(path).absoluteFilePath() == before || m_jobs->busy()) return;
    m_cache->open(path);
    reloadFromCache();
    statusBar()->showMessage(QStringLiteral("Cache: %1").arg(path), 5000);
}

} // namespace indexlens
