// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/ChartPalette.h"
#include "chart/PairData.h"
#include "ChartExports.h"
#include "PairCharts.h"
#include "RangeBar.h"
#include "session/AvailablePick.h"
#include "session/PairSession.h"
#include "storage/Database.h"
#include "TablesPanel.h"
#include "ViewTabs.h"

#include <QMainWindow>

#include <array>
#include <functional>
#include <memory>

class QLabel;
class QTabWidget;
class QPushButton;
class QStackedWidget;

namespace indexlens {

class CacheWatch;
class PairHeader;
class ViewTabs;
class WindowCache;
class ComparePanel;
class DamagedCachePage;
class CompareSession;
class FiguresPanel;
class StudyFiles;
class StudySession;
class RotationPanel;
class SeasonalityPanel;
class SensitivityPanel;
class ChartView;
class Crosshair;
class DataJobs;
class OverviewStrip;
class PickerPanel;
class RangeBar;
class ResultTableModel;
class TablesPanel;
class WindowActions;

// The window: builds the widgets, wires them to the PairSession (which holds the state and every
// rule) and redraws when the session says what changed. Its helpers own the rest: ChartPanel
// (one chart and its interactions), PickerPanel, RangeBar, TablesPanel, DataJobs (update and
// import), ExportDialog and WindowActions.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &dbPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    PairSession &session() { return *m_session; }
    // For tests and scripts (each goes through the session, as a click does).
    void pick(const QString &a, const QString &b, const QStringList &rates);
    void setRange(const QDate &from, const QDate &to) { m_session->setRange(from, to); }
    void applyPreset(const QString &preset) { m_session->applyPreset(preset); }
    QDate rangeFrom() const { return m_session->from(); }
    QDate rangeTo() const { return m_session->to(); }
    std::optional<QDate> rebaseDate() const { return m_session->rebase(); }
    const PairData *pair() const { return m_session->pair(); }
    // A chart of the pair view: the four, or ChartKind::Sensitivity (hidden unless View shows it).
    ChartView *chartView(ChartKind kind) const;
    Crosshair *crosshair(ChartKind kind) const;
    ResultTableModel *returnsModel() const { return tables()->returnsModel(); }
    ResultTableModel *periodsModel() const { return tables()->periodsModel(); }
    ResultTableModel *movesModel() const { return tables()->movesModel(); }
    TablesPanel *tables() const { return m_pairCharts->tables(); }
    QPushButton *presetButton(const QString &preset) const
    {
        return m_rangeBar->presetButton(preset);
    }
    OverviewStrip *overview() const { return m_overview; }
    ComparePanel *compare() const { return m_views->compare(); }
    CompareSession &compareSession() { return *m_compareSession; }
    StudySession &study() { return *m_study; }
    StudyFiles &studyFiles() { return *m_studyFiles; }
    FiguresPanel *figures() const { return m_figures; }
    SensitivityPanel *sensitivity() const { return m_views->sensitivity(); }
    RotationPanel *rotation() const { return m_views->rotation(); }
    SeasonalityPanel *seasonality() const { return m_views->seasonality(); }
    // Shows the pair view (0), the compare view (1) or the rate sensitivity (2).
    void showView(int index);
    bool isDark() const;
    // View > Theme: applied to the window and every chart at once, and remembered.
    void setTheme(ThemeChoice choice);
    ChartExports &exports() { return *m_exports; }
    void addCurrentPeriod();
    // Imports files on a worker thread, then reloads (File > Import CSV after its dialog).
    void importPaths(const QStringList &files);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The open cache; a UserError when none is (a read through the sessions).
    Database &openDb() const;
    // The charts (with the pickers and the figures), the empty cache and the damaged cache.
    void buildPages();
    QWidget *buildCharts();
    void restoreWindow();
    void wire();
    void wireActions();
    void wirePicker();
    void wireTables();
    void wireRangeBar();
    // Copy chart and Export chart of a pair view's chart (the sensitivity chart's included).
    void copyChart(ChartKind kind);
    void exportChart(ChartKind kind);
    // A read found the cache damaged: show which file and offer to move it aside (once).
    void showDamaged(const QString &path, const QString &message, bool first);
    void moveDamagedAside();
    void fillPickers();
    // The charts (0), the empty cache (1) or the damaged cache (2).
    void showPage(int page);
    // The cache changed (a job of the window, or another process): the pickers, the pair or the
    // empty screen follow; a wanted series the cache lacks is said once in the status bar.
    void reloadFromCache();
    void tryPick(const PairPick &pick);
    void onPairChanged();
    void redraw();
    void updateActions();
    void showError(const QString &message);
    void importFiles();
    void updateData();
    void openSettings();
    // The open study: the recovery copy of the last run, else a new one with the default view.
    void openStudyAtStart();
    void wireStudy();

    PairSession *m_session;
    CompareSession *m_compareSession;
    StudySession *m_study;
    WindowActions *m_actions;
    StudyFiles *m_studyFiles = nullptr;
    FiguresPanel *m_figures = nullptr;
    PickerPanel *m_picker = nullptr;
    RangeBar *m_rangeBar = nullptr;
    DataJobs *m_jobs = nullptr;
    OverviewStrip *m_overview = nullptr;
    PairHeader *m_header = nullptr; // the pair's names, the range's returns, the marks' key
    PairCharts *m_pairCharts = nullptr;
    ViewTabs *m_views = nullptr;       // the pair view's tab and the others
    QStackedWidget *m_stack = nullptr; // the charts, the empty cache, the damaged cache
    DamagedCachePage *m_damagedPage = nullptr;
    CacheWatch *m_watch = nullptr;
    WindowCache *m_cache = nullptr;
    PickFallback m_fallback; // a first run's pick from what the cache holds
    std::unique_ptr<ChartExports> m_exports;
    ThemeChoice m_theme = ThemeChoice::System;
};

} // namespace indexlens
