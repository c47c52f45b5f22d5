// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #23 in the window, driven by real key and mouse events: File > Save and Open of a study,
// Ctrl+Z and Ctrl+Shift+Z, the Figures panel (click, rename, drag, Delete), one Back for a burst
// of the wheel, the question before unsaved changes are dropped, and the study kept across a
// crash.
#include "ChartExports.h"
#include "charts/ChartView.h"
#include "charts/OverviewStrip.h"
#include "core/AppSettings.h"
#include "FiguresPanel.h"
#include "HelpWindows.h"
#include "import/ImportBatch.h"
#include "MainWindow.h"
#include "models/ResultTableModel.h"
#include "session/CompareSession.h"
#include "session/StudySession.h"
#include "storage/PriceStore.h"
#include "StudyFiles.h"
#include "TablesPanel.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

using namespace indexlens;
using namespace indexlens::test;

class TestStudyWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void issue23ShortcutsOfTheFileMenu();
    void issue23SaveOpenAndTheTitleBar();
    void issue23UndoRedoWithTheKeyboard();
    void issue23FiguresPanelByMouseAndKeys();
    void issue23AWheelBurstIsOneBack();
    void issue23ClosingAsksAndACrashLosesNothing();
    void issue23TheWindowExportsAsTheCommandLineDoes();
    void issue24ArrowsActAfterAPresetKey();
    void issue24CompleterListShowsWholeNames();
    void issue24DarkThemeShowsUncheckedBoxes();
    void issue24TypedAndPastedPeriods();
    void issue24TabWalksTheWindowInReadingOrder();

private:
    QAction *actionNamed(const QString &text) const;
    void wheel(ChartView *view, const QDate &at, int notches);
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

void TestStudyWindow::initTestCase()
{
    m_temp = std::make_unique<TempDatabase>();
    const QString refused = prepareWindowCache(*m_temp, {QStringLiteral("yahoo/IWM.csv"),
                                                         QStringLiteral("yahoo/SPY.csv"),
                                                         QStringLiteral("fred/DGS10.csv")});
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
}

void TestStudyWindow::init()
{
    m_window = openWindow(m_temp->path(), QSize(1600, 1000));
    QVERIFY(m_window);
    QVERIFY(m_window->pair());
}

void TestStudyWindow::cleanup()
{
    m_window.reset();
}

QAction *TestStudyWindow::actionNamed(const QString &text) const
{
    for (QAction *menu : m_window->menuBar()->actions())
        for (QAction *a : menu->menu()->actions())
            if (a->text().remove(QLatin1Char('&')) == text) return a;
    return nullptr;
}

void TestStudyWindow::wheel(ChartView *view, const QDate &at, int notches)
{
    const QPointF pos(view->xOf(at), view->plotArea().center().y());
    for (int i = 0; i < notches; ++i) {
        QWheelEvent event(pos, view->viewport()->mapToGlobal(pos.toPoint()), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &event);
    }
}

void TestStudyWindow::issue23ShortcutsOfTheFileMenu()
{
    // Ctrl+O opens a study now; Import CSV moved to Ctrl+I.
    QCOMPARE(actionNamed(QStringLiteral("Open study\u2026"))->shortcut(),
             QKeySequence(QKeySequence::Open));
    QCOMPARE(actionNamed(QStringLiteral("Import CSV\u2026"))->shortcut(),
             QKeySequence(Qt::CTRL | Qt::Key_I));
    QCOMPARE(actionNamed(QStringLiteral("Save study"))->shortcut(),
             QKeySequence(QKeySequence::Save));
    QCOMPARE(actionNamed(QStringLiteral("Undo"))->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QCOMPARE(actionNamed(QStringLiteral("Redo"))->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    // Help > Example studies lists the two notes.
    const QMenu *examples = m_window->findChild<QMenu *>(QStringLiteral("exampleStudies"));
    QVERIFY(examples);
    QCOMPARE(examples->actions().size(), 2);
    // One opens as an untitled copy: its exhibits in the panel, nothing saved anywhere yet.
    examples->actions().front()->trigger();
    QVERIFY(m_window->study().study().figures.size() >= 5);
    QCOMPARE(m_window->figures()->list()->count(), int(m_window->study().study().figures.size()));
    QVERIFY(m_window->study().path().isEmpty());
    QVERIFY(m_window->isWindowModified());
}

void TestStudyWindow::issue23SaveOpenAndTheTitleBar()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*] \u2014 IndexLens"));
    QVERIFY(!m_window->isWindowModified());
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier); // Add current view
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->figures()->isVisible());
    QCOMPARE(m_window->figures()->list()->count(), 1);
    const QString path = m_temp->dir() + QStringLiteral("/h1.indexlens");
    QVERIFY(m_window->studyFiles().saveTo(path));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("h1.indexlens[*] \u2014 IndexLens"));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(readStudy(path).figures.front().range.from, QDate(2024, 1, 2));
    // Another view, then the file again: its view and figure come back.
    m_window->applyPreset(QStringLiteral("Max"));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->studyFiles().openPath(path)); // asks nothing: INDEXLENS_NO_DIALOGS
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 1, 2));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(StudyFiles::recentStudies().value(0), QFileInfo(path).absoluteFilePath());
}

void TestStudyWindow::issue23UndoRedoWithTheKeyboard()
{
    const QDate from = m_window->rangeFrom();
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier); // log scale
    QVERIFY(m_window->session().logScale());
    // Issue #24, 4: one state, two controls: the box follows View > Log scale.
    QVERIFY(actionNamed(QStringLiteral("Log scale"))->isChecked());
    QVERIFY(m_window->findChild<QCheckBox *>(QStringLiteral("logScale"))->isChecked());
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!m_window->session().logScale());
    // The box and the menu show the state undone (one state, two controls).
    QVERIFY(!actionNamed(QStringLiteral("Log scale"))->isChecked());
    QVERIFY(!m_window->findChild<QCheckBox *>(QStringLiteral("logScale"))->isChecked());
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->rangeFrom(), from);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 1, 2));
    // The charts follow the undo: the drawn range is the session's.
    QCOMPARE(m_window->chartView(ChartKind::Ratio)->from(), QDate(2024, 1, 2));
    // Issue #24, 5a: in a text field the window's shortcuts win (a picker took Ctrl+Z for its
    // own text), and the field keeps its copy and paste.
    auto *picker = m_window->findChild<QComboBox *>(QStringLiteral("seriesA"));
    picker->lineEdit()->setFocus();
    QTest::keyClick(picker->lineEdit(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->rangeFrom(), from);
    picker->lineEdit()->selectAll();
    QTest::keyClick(picker->lineEdit(), Qt::Key_C, Qt::ControlModifier);
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("IWM")));
}

void TestStudyWindow::issue23FiguresPanelByMouseAndKeys()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier);
    m_window->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29));
    QTest::mouseClick(m_window->figures()->findChild<QPushButton *>(QStringLiteral("addFigure")),
                      Qt::LeftButton);
    QListWidget *list = m_window->figures()->list();
    QCOMPARE(list->count(), 2);
    // Click the first: the view shows it.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(0)).center());
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 1, 2));
    QCOMPARE(m_window->study().current(), 0);
    // F2 and a title.
    QTest::keyClick(list, Qt::Key_F2);
    auto *editor = list->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("First half of 2024"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    QTRY_COMPARE(m_window->study().study().figures[0].title, QStringLiteral("First half of 2024"));
    QCOMPARE(list->item(0)->text(), QStringLiteral("First half of 2024"));
    // A caption.
    QLineEdit *caption = m_window->figures()->caption();
    caption->setFocus();
    QTest::keyClicks(caption, QStringLiteral("Small caps lag"));
    QTest::keyClick(caption, Qt::Key_Return);
    QCOMPARE(m_window->study().study().figures[0].caption, QStringLiteral("Small caps lag"));
    // Dragging a row reorders the figures (the list's own move, as a drop makes it).
    QVERIFY(list->model()->moveRow(QModelIndex(), 1, QModelIndex(), 0));
    QCOMPARE(m_window->study().study().figures[0].range.from, QDate(2023, 1, 3));
    QCOMPARE(list->item(1)->text(), QStringLiteral("First half of 2024"));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->study().study().figures[0].title, QStringLiteral("First half of 2024"));
    // Delete removes the selected one; Ctrl+Z brings it back.
    list->setFocus();
    list->setCurrentRow(1);
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->count(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(list->count(), 2);
    QCOMPARE(m_window->study().study().figures[1].range.from, QDate(2023, 1, 3));
    // A table's menu adds it to the study, with the rows the window shows.
    auto *moves = m_window->findChild<QTableView *>(QStringLiteral("movesTable"));
    QVERIFY(moves);
    const auto actions = moves->actions();
    const auto add = std::find_if(actions.begin(), actions.end(), [](QAction *a) {
        return a->text() == QStringLiteral("Add this table to the study");
    });
    QVERIFY(add != actions.end());
    (*add)->trigger();
    QCOMPARE(list->count(), 3);
    QCOMPARE(m_window->study().study().figures[2].kind, FigureKind::MovesTable);
    QCOMPARE(m_window->study().study().figures[2].top, 20);
    // Clicking that figure brings its table forward.
    m_window->tables()->setCurrentIndex(0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(2)).center());
    QCOMPARE(m_window->tables()->currentWidget()->objectName(), QStringLiteral("movesTable"));
    QVERIFY(list->item(2)->isSelected()); // shown, though the view does not edit a table
}

void TestStudyWindow::issue23AWheelBurstIsOneBack()
{
    m_window->setRange(QDate(2022, 1, 3), QDate(2024, 12, 31));
    const QDate from = m_window->rangeFrom(), to = m_window->rangeTo();
    wheel(m_window->chartView(ChartKind::Ratio), QDate(2023, 6, 30), 9);
    QVERIFY(m_window->rangeFrom().daysTo(m_window->rangeTo()) < from.daysTo(to) / 3);
    // One drag of the overview: one more step.
    OverviewStrip *strip = m_window->overview();
    const QPoint grip = strip->windowRect().center();
    QTest::mousePress(strip, Qt::LeftButton, {}, grip);
    for (int i = 1; i <= 6; ++i) {
        QTest::mouseMove(strip, grip + QPoint(8 * i, 0));
        QTest::qWait(20); // a frame each: the throttle lets each move through
    }
    QTest::mouseRelease(strip, Qt::LeftButton, {}, grip + QPoint(48, 0));
    QApplication::processEvents();
    const QDate dragged = m_window->rangeFrom();
    QAction *back = actionNamed(QStringLiteral("Back"));
    back->trigger();
    QVERIFY(m_window->rangeFrom() != dragged);
    QVERIFY(m_window->rangeFrom().daysTo(m_window->rangeTo()) < from.daysTo(to) / 3);
    back->trigger(); // the whole burst
    QCOMPARE(m_window->rangeFrom(), from);
    QCOMPARE(m_window->rangeTo(), to);
    back->trigger(); // and the range before the test's own
    QVERIFY(!m_window->session().canGoBack());
}

void TestStudyWindow::issue23ClosingAsksAndACrashLosesNothing()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier);
    // Closing with an unsaved figure asks; Cancel keeps the window open.
    qunsetenv("INDEXLENS_NO_DIALOGS");
    bool asked = false;
    QTimer::singleShot(200, this, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) return;
        asked = box->text().contains(QStringLiteral("Untitled"));
        box->button(QMessageBox::Cancel)->click();
    });
    QVERIFY(!m_window->close());
    qputenv("INDEXLENS_NO_DIALOGS", "1");
    QVERIFY(asked);
    QVERIFY(m_window->isVisible());
    // A crash: the window goes without closing; the study was kept on the change.
    QTest::qWait(400); // the recovery copy is written once the changes settle
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_temp->path());
    QCOMPARE(m_window->study().study().figures.size(), std::size_t(1));
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 1, 2));
    QVERIFY(m_window->isWindowModified());
    // A study kept on the compare tab opens there, drawn.
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    m_window->showView(1);
    m_window->study().writeRecovery();
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_temp->path());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *chart = m_window->findChild<ChartView *>(QStringLiteral("compareChart"));
    QVERIFY(chart && chart->isVisible());
    QTRY_VERIFY(!chart->dateAxisLabels().isEmpty());
}

// One definition of a figure: the window's Export charts of the pair view and of the compare view
// write the same bytes as `indexlens export` for the same request.
void TestStudyWindow::issue23TheWindowExportsAsTheCommandLineDoes()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    const QString dir = m_temp->dir();
    QVERIFY(m_window->exports().exportFile(dir + QStringLiteral("/window-pair.svg"),
                                           allChartKinds(), 1200, 800, 1));
    ExportOptions options;
    options.width = 1200;
    options.height = 700;
    QVERIFY(m_window->exports().exportViewFile(dir + QStringLiteral("/window-compare.svg"),
                                               {ChartKind::Compare, QStringLiteral("c"), {}},
                                               options));
    const auto env = childEnvironment(dir + QStringLiteral("/cli.ini"));
    const QStringList common{
        QStringLiteral("--db"),       m_temp->path(),          QStringLiteral("export"),
        QStringLiteral("--rate"),     QStringLiteral("DGS10"), QStringLiteral("--from"),
        QStringLiteral("2024-01-02"), QStringLiteral("--to"),  QStringLiteral("2024-06-28")};
    CliRun r = runIndexlens(common + QStringList{QStringLiteral("--chart"), QStringLiteral("all"),
                                                 QStringLiteral("--a"), QStringLiteral("IWM"),
                                                 QStringLiteral("--b"), QStringLiteral("SPY"),
                                                 QStringLiteral("--width"), QStringLiteral("1200"),
                                                 QStringLiteral("--height"), QStringLiteral("800"),
                                                 QStringLiteral("--out"),
                                                 dir + QStringLiteral("/cli-pair.svg")},
                            env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runIndexlens(common + QStringList{QStringLiteral("--chart"), QStringLiteral("compare"),
                                          QStringLiteral("--symbols"), QStringLiteral("IWM,SPY"),
                                          QStringLiteral("--width"), QStringLiteral("1200"),
                                          QStringLiteral("--height"), QStringLiteral("700"),
                                          QStringLiteral("--out"),
                                          dir + QStringLiteral("/cli-compare.svg")},
                     env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const QString &which : {QStringLiteral("pair"), QStringLiteral("compare")}) {
        const QByteArray window = readFile(dir + QStringLiteral("/window-%1.svg").arg(which));
        QVERIFY(window.size() > 1000);
        QVERIFY2(window == readFile(dir + QStringLiteral("/cli-%1.svg").arg(which)),
                 qPrintable(which));
    }
}

// Issue #24, 5b: after Ctrl+1 ... Ctrl+9 the arrows and + and - act on the charts without a click;
// + then - gives the range back exactly.
void TestStudyWindow::issue24ArrowsActAfterAPresetKey()
{
    auto *picker = m_window->findChild<QComboBox *>(QStringLiteral("seriesA"));
    picker->setFocus();                                               // where the focus is at start
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);  // 6M
    QTRY_COMPARE(m_window->session().preset(), QStringLiteral("6M")); // the button's click

    const QDate from = m_window->rangeFrom(), to = m_window->rangeTo();
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key_Plus);
    QVERIFY(m_window->rangeFrom() > from);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Minus);
    QCOMPARE(m_window->rangeFrom(), from);
    QCOMPARE(m_window->rangeTo(), to);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    QVERIFY(m_window->rangeFrom() < from);
}

// Issue #24, 15: the list of matches is as wide as its longest entry, so "IWB — iShares Russell
// 1000 ETF" and "IWD — iShares Russell 1000 Value ETF" can be told apart (it was as narrow as
// the picker, and cut both to "IWB — iShares Russ…").
void TestStudyWindow::issue24CompleterListShowsWholeNames()
{
    auto *a = m_window->findChild<QComboBox *>(QStringLiteral("seriesA"));
    QVERIFY(a);
    a->setFocus();
    a->lineEdit()->selectAll();
    QTest::keyClicks(a->lineEdit(), QStringLiteral("Russell 1000"));
    QAbstractItemView *popup = a->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    const QString longest = QStringLiteral("IWD \u2014 iShares Russell 1000 Value ETF");
    QVERIFY(a->findText(longest) >= 0);
    QVERIFY2(popup->viewport()->width() >= QFontMetrics(popup->font()).horizontalAdvance(longest),
             qPrintable(QString::number(popup->viewport()->width())));
    QVERIFY(popup->width() > a->width()); // wider than the picker itself
    QTest::keyClick(a->lineEdit(), Qt::Key_Escape);
}

// Issue #24, 14: in the dark theme an unchecked check box and radio button show their outline
// (above 3:1 against the window, WCAG's contrast for graphics); Fusion's outline was the window
// colour made darker, invisible on it. The light theme keeps Fusion's.
void TestStudyWindow::issue24DarkThemeShowsUncheckedBoxes()
{
    m_window->setTheme(ThemeChoice::Dark);
    QApplication::processEvents();
    auto *log = m_window->findChild<QCheckBox *>(QStringLiteral("logScale"));
    QVERIFY(log && !log->isChecked());
    QRadioButton *price = nullptr;
    for (QRadioButton *radio : m_window->findChildren<QRadioButton *>())
        if (radio->text() == QStringLiteral("Price return")) price = radio;
    QVERIFY(price && !price->isChecked());
    const auto strongest = [](QWidget *w, QStyle::SubElement indicator) {
        QStyleOptionButton option;
        option.initFrom(w);
        const QRect r = w->style()->subElementRect(indicator, &option, w);
        const QImage image = w->grab().toImage();
        const QColor window = w->palette().color(QPalette::Window);
        double best = 1;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                best = std::max(best, contrastRatio(image.pixelColor(x, y), window));
        return best;
    };
    const double box = strongest(log, QStyle::SE_CheckBoxIndicator);
    const double radio = strongest(price, QStyle::SE_RadioButtonIndicator);
    QVERIFY2(box >= 3, qPrintable(QString::number(box)));
    QVERIFY2(radio >= 3, qPrintable(QString::number(radio)));
    m_window->setTheme(ThemeChoice::Light);
    QApplication::processEvents();
    // The From field's calendar button follows back to Light (it stayed dark, a user trial).
    auto *calendar = m_window->findChild<QWidget *>(QStringLiteral("rangeFromCalendar"));
    QVERIFY(calendar);
    QCOMPARE(calendar->palette().color(QPalette::Button),
             QApplication::palette().color(QPalette::Button));
    openAppSettings()->remove(QStringLiteral("view/theme"));
}

// Issue #24, 5: the Periods tab takes a typed START:END (the date forms a date field takes) and a
// pasted list of them on the table (Ctrl+V), adds each, and says what it did not add: a text that
// is no period stays in the field for correction, one listed already is said and dropped.
void TestStudyWindow::issue24TypedAndPastedPeriods()
{
    m_window->setRange(QDate(2023, 6, 30), QDate(2024, 7, 23));
    auto *field = m_window->findChild<QLineEdit *>(QStringLiteral("typedPeriods"));
    QVERIFY(field);
    auto *tabs = m_window->findChild<TablesPanel *>();
    tabs->setCurrentIndex(1);
    QTRY_VERIFY(field->isVisible());
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("20230630:20231031, 2023-10-31:2023-13-01"));
    QTest::keyClick(field, Qt::Key_Return);
    ResultTableModel *periods = m_window->periodsModel();
    QCOMPARE(periods->rowCount(), 1);
    QCOMPARE(periods->index(0, 0).data().toString(), QStringLiteral("2023-06-30"));
    QCOMPARE(periods->index(0, 1).data().toString(), QStringLiteral("2023-10-31"));
    QCOMPARE(field->text(), QStringLiteral("2023-10-31:2023-13-01"));
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(
                 QStringLiteral("2023-10-31:2023-13-01: ")),
             qPrintable(m_window->statusBar()->currentMessage()));
    // A list pasted on the table, one per line as a note's exhibit gives them.
    QApplication::clipboard()->setText(QStringLiteral("2023-10-31:2024-03-28\n"
                                                      "2024-03-28:2024-06-28\r\n"
                                                      "2024-06-28 to 2024-07-23\n"
                                                      "2023-06-30:2023-10-31\n"));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("periodsTable"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(periods->rowCount(), 4);
    QCOMPARE(periods->index(3, 0).data().toString(), QStringLiteral("2024-06-28"));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("2023-06-30:2023-10-31: in the periods table already"));
    QCOMPARE(m_window->session().periods().size(), std::size_t(4));
    // One paste is one Undo step; deleting a selection of rows is one too.
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(periods->rowCount(), 1);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(periods->rowCount(), 4);
    table->selectAll();
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(periods->rowCount(), 0);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(periods->rowCount(), 4);
    // The pair charts' menu adds the range in force, as the compare chart's does.
    ChartView *ratio = m_window->chartView(ChartKind::Ratio);
    QTimer::singleShot(150, this, [] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu) return;
        for (QAction *a : menu->actions())
            if (a->objectName() == QStringLiteral("addRangeToPeriods")) a->trigger();
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, ratio->plotArea().center().toPoint(),
                            ratio->mapToGlobal(ratio->plotArea().center().toPoint()));
    QApplication::sendEvent(ratio->viewport(), &event);
    QTRY_COMPARE(periods->rowCount(), 5);
    QCOMPARE(periods->index(4, 0).data().toString(), QStringLiteral("2023-06-30"));
    QCOMPARE(periods->index(4, 1).data().toString(), QStringLiteral("2024-07-23"));
}

// Issue #24, 5c: Tab walks the window as it reads: the range bar (only Shift+Tab reached it),
// the pickers, the figures panel, the views, the tables; Tab leaves a table (it cycled through
// its cells); the shortcuts list has Ctrl+C in the tables, Settings and Swap.
void TestStudyWindow::issue24TabWalksTheWindowInReadingOrder()
{
    auto *from = m_window->findChild<QLineEdit *>(QStringLiteral("rangeFromText"));
    QVERIFY(from);
    from->setFocus();
    QTRY_VERIFY(from->hasFocus());
    QStringList walked;
    for (int i = 0; i < 40; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        const QWidget *w = QApplication::focusWidget();
        // An editable picker's focus is its line edit: name the picker.
        while (w && w->objectName().isEmpty())
            w = w->parentWidget();
        const QString name = w ? w->objectName() : QString();
        if (walked.isEmpty() || walked.back() != name) walked << name;
    }
    const QStringList order{QStringLiteral("rangeToText"), QStringLiteral("seriesA"),
                            QStringLiteral("seriesB"),     QStringLiteral("swap"),
                            QStringLiteral("rates"),       QStringLiteral("logScale"),
                            QStringLiteral("figures"),     QStringLiteral("returnsTable")};
    qsizetype at = -1;
    for (const QString &name : order) {
        const qsizetype next = walked.indexOf(name, at + 1);
        QVERIFY2(next > at,
                 qPrintable(name + QStringLiteral(" in ") + walked.join(QStringLiteral(", "))));
        at = next;
    }
    // Tab leaves a table.
    auto *moves = m_window->findChild<QTableView *>(QStringLiteral("movesTable"));
    m_window->tables()->setCurrentWidget(moves);
    moves->setFocus();
    moves->setCurrentIndex(moves->model()->index(0, 0));
    QTest::keyClick(moves, Qt::Key_Tab);
    QVERIFY(!moves->hasFocus());
    const QString shortcuts = shortcutsText(m_window.get());
    for (const QString &expected :
         {QStringLiteral("| Ctrl+C | Copy table as CSV"), QStringLiteral("| Ctrl+, | Settings"),
          QStringLiteral("| Ctrl+Shift+X | Swap A and B")})
        QVERIFY2(shortcuts.contains(expected), qPrintable(expected));
}

QTEST_MAIN(TestStudyWindow)
#include "tst_studywindow.moc"
