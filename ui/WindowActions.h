// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AppTheme.h"

#include <QList>
#include <QObject>

#include <array>
#include <utility>

class QAction;
class QMainWindow;
class QMenu;

namespace indexlens {

class PairSession;

// The window's menus and their actions (as LabPlot's ActionsManager), with the state each one
// needs: export and the range actions need a loaded pair; Import and Update a writable cache.
class WindowActions : public QObject {
    Q_OBJECT
public:
    explicit WindowActions(QMainWindow *window);

    void setState(bool pairLoaded, bool cacheWritable);
    // Help > User guide, Keyboard shortcuts and About open their windows.
    void connectHelp();
    // The range, scale and chart actions act on `session`.
    void connectSession(PairSession *session);
    // The checkable actions show the session's state (without acting on it).
    void showSession(const PairSession &session);
    // View > Theme: `choice` checked.
    void showTheme(ThemeChoice choice);

    QAction *newStudy;
    QAction *openStudy;
    QMenu *recentStudies;
    QAction *saveStudy;
    QAction *saveStudyAs;
    QMenu *exampleStudies;
    QAction *undo;
    QAction *redo;
    QAction *swap; // Edit > Swap A and B, as the pickers' button
    QAction *addFigure;
    QAction *figuresPanel; // View > Figures: the study's panel, shown or hidden
    QAction *importCsv;
    QAction *update;
    QAction *exportPng;
    QAction *copyChart;
    QAction *exportCsv;
    QAction *settings;
    QAction *quit;
    QAction *back;
    QAction *wholeHistory;
    QAction *logScale;
    // Arrow keys pan, + and - zoom, while a chart has the focus (see MainWindow::buildCharts).
    QAction *panEarlier;
    QAction *panLater;
    QAction *zoomIn;
    QAction *zoomOut;
    QAction *periodBands;         // View > Show periods on the charts
    QList<QAction *> markedMoves; // View > Mark largest moves: None, 3, 4, 5, 10 (data: count)
    QAction *regimeBands;         // View > Show rate regimes
    QAction *addRegimes;          // View > Add rate regimes to periods
    QAction *drawdownChart;       // View > Drawdown chart (under the four, off by default)
    QAction *sensitivityChart;    // View > Rate sensitivity chart (a fifth chart, off by default)
    QAction *themeSystem;         // View > Theme, one of three
    QAction *themeLight;
    QAction *themeDark;
    QAction *userGuide; // Help > User guide (F1)
    QAction *shortcuts; // Help > Keyboard shortcuts
    QAction *about;

Q_SIGNALS:
    void themeChosen(ThemeChoice choice);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMainWindow *m_window = nullptr;
    void buildFileMenu(QMenu *file);
    void buildEditMenu(QMenu *edit);
    void buildNavigation(QMenu *view);
    void buildMarks(QMenu *view);
    void buildThemes(QMenu *theme);
    void buildHelpMenu(QMenu *help);
    std::array<std::pair<QAction *, ThemeChoice>, 3> themeActions() const;
};

} // namespace indexlens
