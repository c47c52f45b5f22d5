// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowActions.h"

#include "HelpWindows.h"
#include "session/PairSession.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace indexlens {

namespace {

QAction *make(QMenu *menu, const QString &text, const QKeySequence &keys, const QString &tip)
{
    QAction *action = menu->addAction(text);
    action->setShortcut(keys);
    action->setStatusTip(tip);
    return action;
}

} // namespace

WindowActions::WindowActions(QMainWindow *window) : QObject(window), m_window(window)
{
    buildFileMenu(window->menuBar()->addMenu(QStringLiteral("&File")));
    buildEditMenu(window->menuBar()->addMenu(QStringLiteral("&Edit")));
    QMenu *view = window->menuBar()->addMenu(QStringLiteral("&View"));
    figuresPanel =
        make(view, QStringLiteral("&Figures panel"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
             QStringLiteral("Show the study's figures and tables beside the charts"));
    figuresPanel->setCheckable(true);
    view->addSeparator();
    buildNavigation(view);
    view->addSeparator();
    buildMarks(view);
    view->addSeparator();
    buildThemes(view->addMenu(QStringLiteral("&Theme")));
    buildHelpMenu(window->menuBar()->addMenu(QStringLiteral("&Help")));
    QCoreApplication::instance()->installEventFilter(this);
}

bool WindowActions::eventFilter(QObject *watched, QEvent *event)
{
    // The window's Ctrl and Alt shortcuts win over a text field's own keys (issue #24, 5a):
    // Ctrl+U in a picker starts Update instead of clearing it, Ctrl+Z undoes the last change to
    // the view. Keys without Ctrl or Alt (arrows, + and -) stay the field's.
    if (event->type() != QEvent::ShortcutOverride) return false;
    // Any widget of the window: an editable combo box answers for its line edit.
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != m_window) return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) return false;
    const QKeySequence pressed(key->keyCombination());
    // The window's own actions only: a table's Ctrl+C (a widget shortcut) must not take the
    // field's copy.
    for (QAction *action : m_window->findChildren<QAction *>())
        if (action->isEnabled() && action->shortcutContext() == Qt::WindowShortcut &&
            action->shortcuts().contains(pressed)) {
            event->ignore(); // not overridden: the shortcut fires
            return true;
        }
    return false;
}

void WindowActions::buildFileMenu(QMenu *file)
{
    // A study is the document (issue #23): New, Open, Save as a word processor has them.
    newStudy = make(file, QStringLiteral("&New study"), QKeySequence::New,
                    QStringLiteral("Start an empty study (the view stays as it is)"));
    openStudy = make(file, QStringLiteral("&Open study\u2026"), QKeySequence::Open,
                     QStringLiteral("Open a study (.indexlens): its figures and its view"));
    recentStudies = file->addMenu(QStringLiteral("Open &recent"));
    recentStudies->setObjectName(QStringLiteral("recentStudies"));
    saveStudy = make(file, QStringLiteral("&Save study"), QKeySequence::Save,
                     QStringLiteral("Save the study (the previous version is kept as .bak)"));
    saveStudyAs = make(file, QStringLiteral("Save study &as\u2026"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                       QStringLiteral("Save the study under another name"));
    file->addSeparator();
    importCsv = make(file, QStringLiteral("&Import CSV\u2026"), QKeySequence(Qt::CTRL | Qt::Key_I),
                     QStringLiteral("Import price or rate files into the cache"));
    update = make(file, QStringLiteral("&Update data"), QKeySequence(Qt::CTRL | Qt::Key_U),
                  QStringLiteral("Download new data for every cached symbol"));
    file->addSeparator();
    exportPng =
        make(file, QStringLiteral("&Export charts\u2026"), QKeySequence(Qt::CTRL | Qt::Key_E),
             QStringLiteral("Write the charts as PNG, SVG or PDF for a note or a slide"));
    copyChart =
        make(file, QStringLiteral("&Copy chart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
             QStringLiteral("Copy the chart under the mouse (or the last one clicked) as an "
                            "image, as it shows"));
    exportCsv = make(file, QStringLiteral("Export visible series as &CSV\u2026"), {},
                     QStringLiteral("Write the series of the visible range as CSV"));
    settings = make(file, QStringLiteral("&Settings\u2026"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
                    QStringLiteral("Default set, providers, API keys and the cache location"));
    file->addSeparator();
    quit =
        make(file, QStringLiteral("&Quit"), QKeySequence::Quit, QStringLiteral("Quit IndexLens"));
}

void WindowActions::buildEditMenu(QMenu *edit)
{
    undo = make(edit, QStringLiteral("&Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z),
                QStringLiteral("Undo the last change to the view or the study"));
    redo = make(edit, QStringLiteral("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                QStringLiteral("Redo what was undone"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addSeparator();
    swap =
        make(edit, QStringLiteral("S&wap A and B"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
             QStringLiteral("Exchange series A and B (the Swap button)"));
    addFigure = make(edit, QStringLiteral("&Add current view as figure"),
                     QKeySequence(Qt::CTRL | Qt::Key_D),
                     QStringLiteral("Add what the view shows to the study's figures"));
}

void WindowActions::buildNavigation(QMenu *view)
{
    back = make(view, QStringLiteral("&Back"), QKeySequence::Back,
                QStringLiteral("The range before the last change"));
    wholeHistory = make(view, QStringLiteral("&Whole history"), QKeySequence(Qt::CTRL | Qt::Key_0),
                        QStringLiteral("Show the whole common history of A and B"));
    panEarlier = make(view, QStringLiteral("Pan &earlier"), QKeySequence(Qt::Key_Left),
                      QStringLiteral("Move the range a tenth earlier (a chart has the focus)"));
    panLater = make(view, QStringLiteral("Pan &later"), QKeySequence(Qt::Key_Right),
                    QStringLiteral("Move the range a tenth later (a chart has the focus)"));
    zoomIn = make(view, QStringLiteral("Zoom &in"), QKeySequence(Qt::Key_Plus),
                  QStringLiteral("Narrow the range around its middle (a chart has the focus)"));
    zoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    zoomOut = make(view, QStringLiteral("Zoom &out"), QKeySequence(Qt::Key_Minus),
                   QStringLiteral("Widen the range around its middle (a chart has the focus)"));
    for (QAction *a : {panEarlier, panLater, zoomIn, zoomOut})
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut); // not in a picker or a table
    logScale = make(view, QStringLiteral("&Log scale"), QKeySequence(Qt::CTRL | Qt::Key_L),
                    QStringLiteral("Log scale for the ratio and rebased charts"));
    logScale->setCheckable(true);
}

void WindowActions::buildMarks(QMenu *view)
{
    periodBands = make(view, QStringLiteral("Show &periods on the charts"), {},
                       QStringLiteral("Shade the rows of the Periods table on every chart"));
    periodBands->setCheckable(true);
    QMenu *moves = view->addMenu(QStringLiteral("&Mark largest moves"));
    auto *counts = new QActionGroup(this);
    for (const int count : {0, 3, 4, 5, 10}) { // 4: FTSE Russell's exhibit 3
        QAction *a = make(moves, count ? QString::number(count) : QStringLiteral("&None"), {},
                          count ? QStringLiteral("Mark the %1 largest daily moves of the range, "
                                                 "ranked as the moves table ranks them")
                                      .arg(count)
                                : QStringLiteral("No move markers"));
        a->setCheckable(true);
        a->setData(count);
        counts->addAction(a);
        markedMoves << a;
    }
    regimeBands = make(view, QStringLiteral("Show rate &regimes"), {},
                       QStringLiteral("Shade the periods in which the first rate rose or fell "
                                      "(turns of 40 bp, to month ends)"));
    regimeBands->setCheckable(true);
    addRegimes =
        make(view, QStringLiteral("Add rate regimes to periods"), {},
             QStringLiteral("A row in the Periods table for each rate regime of the range"));
    drawdownChart = make(view, QStringLiteral("&Drawdown chart"), {},
                         QStringLiteral("A chart under the four: how far A and B stand below "
                                        "their running high since the range's start"));
    drawdownChart->setCheckable(true);
    drawdownChart->setObjectName(QStringLiteral("drawdownChartAction"));
    sensitivityChart =
        make(view, QStringLiteral("Rate &sensitivity chart"), {},
             QStringLiteral("A fifth chart: the ratio's rolling correlation and beta against the "
                            "first rate (its window is chosen in the Rate sensitivity tab)"));
    sensitivityChart->setCheckable(true);
    sensitivityChart->setObjectName(QStringLiteral("sensitivityChartAction"));
}

void WindowActions::buildThemes(QMenu *theme)
{
    auto *themes = new QActionGroup(this);
    themeSystem = make(theme, QStringLiteral("&System"), {},
                       QStringLiteral("Follow the desktop's light or dark look"));
    themeLight = make(theme, QStringLiteral("&Light"), {},
                      QStringLiteral("Light window and charts, whatever the desktop"));
    themeDark = make(theme, QStringLiteral("&Dark"), {},
                     QStringLiteral("Dark window and charts, whatever the desktop"));
    for (const auto &[action, choice] : themeActions()) {
        action->setCheckable(true);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, c = choice] { Q_EMIT themeChosen(c); });
    }
}

std::array<std::pair<QAction *, ThemeChoice>, 3> WindowActions::themeActions() const
{
    return {{{themeSystem, ThemeChoice::System},
             {themeLight, ThemeChoice::Light},
             {themeDark, ThemeChoice::Dark}}};
}

void WindowActions::showTheme(ThemeChoice choice)
{
    for (const auto &[action, c] : themeActions())
        action->setChecked(c == choice);
}

void WindowActions::buildHelpMenu(QMenu *help)
{
    userGuide = make(help, QStringLiteral("&User guide"), QKeySequence::HelpContents,
                     QStringLiteral("Picking series, ranges, the charts, tables, export, update "
                                    "and import, and the shortcuts"));
    userGuide->setObjectName(QStringLiteral("userGuideAction"));
    shortcuts =
        make(help, QStringLiteral("&Keyboard shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
             QStringLiteral("Every shortcut of the window, and what the mouse does"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    // The research notes as studies, opened as untitled copies (issue #23).
    exampleStudies = help->addMenu(QStringLiteral("&Example studies"));
    exampleStudies->setObjectName(QStringLiteral("exampleStudies"));
    help->addSeparator();
    about =
        make(help, QStringLiteral("&About IndexLens"), {}, QStringLiteral("Version and licence"));
}

void WindowActions::connectHelp()
{
    QMainWindow *w = m_window;
    connect(userGuide, &QAction::triggered, w, [w] {
        showHelpWindow(w, QStringLiteral("userGuide"), QStringLiteral("IndexLens user guide"),
                       userGuideText(w));
    });
    connect(shortcuts, &QAction::triggered, w, [w] {
        showHelpWindow(w, QStringLiteral("shortcuts"), QStringLiteral("Keyboard shortcuts"),
                       QStringLiteral("# Keyboard shortcuts\n\n") + shortcutsText(w));
    });
    connect(about, &QAction::triggered, w, [w] {
        QMessageBox::about(w, QStringLiteral("IndexLens"),
                           QStringLiteral("IndexLens %1\nSmall caps vs large caps, with yields.\n"
                                          "Licence: GPL-3.0-or-later.")
                               .arg(QApplication::applicationVersion()));
    });
}

void WindowActions::connectSession(PairSession *s)
{
    connect(back, &QAction::triggered, s, &PairSession::back);
    connect(wholeHistory, &QAction::triggered, s, &PairSession::showWholeHistory);
    connect(logScale, &QAction::toggled, s, &PairSession::setLogScale);
    connect(panEarlier, &QAction::triggered, s, [s] { s->panStep(-1); });
    connect(panLater, &QAction::triggered, s, [s] { s->panStep(+1); });
    connect(zoomIn, &QAction::triggered, s, [s] { s->zoomStep(+1); });
    connect(zoomOut, &QAction::triggered, s, [s] { s->zoomStep(-1); });
    connect(periodBands, &QAction::toggled, s, &PairSession::setPeriodBands);
    connect(regimeBands, &QAction::toggled, s, &PairSession::setRegimeBands);
    connect(sensitivityChart, &QAction::toggled, s, &PairSession::setSensitivityChart);
    connect(drawdownChart, &QAction::toggled, s, &PairSession::setDrawdownChart);
    for (QAction *count : markedMoves)
        connect(count, &QAction::triggered, s,
                [s, count] { s->setMarkedMoves(count->data().toInt()); });
}

void WindowActions::showSession(const PairSession &session)
{
    // Checked as the session says, without telling the session again.
    const std::pair<QAction *, bool> toggles[] = {{logScale, session.logScale()},
                                                  {periodBands, session.periodBands()},
                                                  {regimeBands, session.regimeBands()},
                                                  {sensitivityChart, session.sensitivityChart()},
                                                  {drawdownChart, session.drawdownChart()}};
    for (const auto &[action, checked] : toggles) {
        const QSignalBlocker quiet(action);
        action->setChecked(checked);
    }
    for (QAction *count : markedMoves)
        count->setChecked(count->data().toInt() == session.markedMoves());
}

void WindowActions::setState(bool pairLoaded, bool cacheWritable)
{
    for (QAction *a : {exportPng, copyChart, exportCsv, back, wholeHistory, logScale, panEarlier,
                       panLater, zoomIn, zoomOut, periodBands, regimeBands, addRegimes,
                       drawdownChart, sensitivityChart, addFigure, swap})
        a->setEnabled(pairLoaded);
    for (QAction *a : {importCsv, update})
        a->setEnabled(cacheWritable);
}

} // namespace indexlens
