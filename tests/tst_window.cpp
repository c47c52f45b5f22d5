// SPDX-License-Identifier: GPL-3.0-or-later
// The window (issue #4) on the synthetic data of tests/data (issue #15): picking, a real mouse drag
// that selects a range, presets, the crosshair read-out, tables that follow, PNG export, and
// `indexlens export` without a display.
#include "analysis/Measure.h"
#include "analysis/PeriodTable.h"
#include "analysis/Returns.h"
#include "ChartExports.h"
#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "charts/OverviewStrip.h"
#include "charts/PlotAlignment.h"
#include "ComparePanel.h"
#include "core/AppSettings.h"
#include "DataJobs.h"
#include "DateField.h"
#include "ExportDialog.h"
#include "FakeHttpServer.h"
#include "import/CsvImporter.h"
#include "import/ImportBatch.h"
#include "MainWindow.h"
#include "models/ResultTableModel.h"
#include "ProviderFixtures.h"
#include "ResultTableView.h"
#include "SensitivityPanel.h"
#include "session/CompareSession.h"
#include "session/StudySession.h"
#include "SettingsDialog.h"

#include "storage/PriceStore.h"
#include "TablesPanel.h"
#include "TestCommon.h"
#include "WindowFixture.h"
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QProgressBar>

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QWheelEvent>

using namespace indexlens;
using namespace indexlens::test;

namespace {

// Replaces a field's text as a user does: select all, type.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Answers the question box named `name` that a click is about to open (it runs its own event
// loop): clicks `button` in it once it shows, and keeps its text in `asked`.
void answerQuestion(QObject *context, const QString &name, QMessageBox::StandardButton button,
                    QString *asked)
{
    auto *timer = new QTimer(context);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, name, button, asked] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(top);
            if (!box || box->objectName() != name || !box->isVisible()) continue;
            *asked = box->text();
            timer->deleteLater();
            QTest::mouseClick(box->button(button), Qt::LeftButton);
            return;
        }
    });
    timer->start(20);
}

// A left-button drag from `start` to `end` in `steps` moves, as a hand makes it.
// Clicks the field, selects its text and types `text` and Enter, as a user does.
void typeDate(DateField *field, const QString &text)
{
    QLineEdit *edit = field->lineEdit();
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void dragAcross(QWidget *widget, const QPoint &start, const QPoint &end, int steps)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, start);
    for (int i = 1; i <= steps; ++i)
        QTest::mouseMove(widget, start + (end - start) * i / steps);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, end);
}

// Writes the synthetic Yahoo files of `symbols` into `temp` up to 2024-12-31, and their whole
// bars into `full` (what an update then brings).
void importUntil2024(TempDatabase &temp, const QStringList &symbols,
                     std::map<QString, std::vector<Bar>> &full)
{
    const QString dir = syntheticDataDir();
    for (const QString &symbol : symbols) {
        ImportError importError;
        auto file = CsvImporter().parseFile(dir + QStringLiteral("/yahoo/%1.csv").arg(symbol), {},
                                            &importError);
        QVERIFY(file);
        full[symbol] = file->symbols.front().bars;
        auto &bars = file->symbols.front().bars;
        bars.erase(std::remove_if(bars.begin(), bars.end(),
                                  [](const Bar &b) { return b.date > QDate(2024, 12, 31); }),
                   bars.end());
        QString error;
        QVERIFY2(PriceStore(temp.db()).write(*file, QStringLiteral("import"), symbol, &error),
                 qPrintable(error));
    }
}

} // namespace

class TestWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void picksAPair();
    void mouseDragSelectsTheRangeEverywhere();
    void presetButtons();
    void wheelZoomsAroundTheCursor();
    void overviewStripPansTheWindow();
    void swapExchangesAAndB();
    void twoRateOverlays();
    void axisAndLegendOfAChart();
    void crosshairReportsTheValue();
    void periodsRowFromTheRange();
    void rebaseHereFromTheContextMenu();
    void movesRankBySpread();
    void exportWritesTheAskedPng();
    void shortExportKeepsChartsInTheirSlots();
    void commandLineExportWithoutDisplay();
    void emptyCacheOffersUpdateAndImport();
    void damagedCacheIsMovedAsideAndSaid();
    void keepsDrawingWhileAnUpdateWrites();
    void importRunsOnTheWriterThread();
    void settingsDialogSavesDefaultSetUrlsKeysAndCache();
    void rangeIsRememberedAcrossSessions();
    void issue11CrosshairFollowsEveryChange();
    void issue11RebaseOnATradingDayAgreesWithTheTables();
    void issue11PeriodsSurviveSwapAndDelete();
    void issue11PickersTakeAnyCaseAndNames();
    void issue11DateFieldsShowAndSetTheRange();
    void issue24TypedDatesAndRefusals();
    void issue11RankingOnlyOnTheMovesTab();
    void issue11CopyEqualsTheCommandLine();
    void issue11FailedUpdateIsOneLineAndOneReport();
    void issue11TypeAheadFindsNames();
    void issue12SpreadBarsTakeTheirDaysWidth();
    void issue12ValueAxesArePlainRoundAndShared();
    void issue12PlotAreasLineUp();
    void issue12ChartsAfterInteractionLookFresh();
    void issue12TitlesFollowTheRange();
    void issue12DarkThemeIsChosenAndRemembered();
    void issue12FitsASmallScreen();
    void issue12MarksPeriodsAndMoves();
    void issue12MarksInTheExport();
    void issue12CopyChartCopiesTheChartShown();
    void issue12ExportDialogRemembersItsChoice();
    void issue12OneCrosshairAcrossTheStack();
    void issue12KeyboardPansZoomsAndPicksPresets();
    void issue13RegimeBandsAndPeriods();
    void issue13ExportCompare();
    void issue13CompareViewSharesTheRange();
    void issue13RateSensitivityTab();
    void issue13CompareReturnsOnDaysPeriodsAndBars();
    void issue13CompareChartsCopyAndRebase();
    void issue13UserGroupsFromTheSettings();
    void issue13EndTagsSitRightOfTheLines();
    void issue13SensitivityChartInThePairStack();
    void issue12ExportsSvgAndPdfWithText();
    void issue15HelpShowsTheGuideAndEveryShortcut();
    void issue15EveryControlSaysWhatItDoes();
    void issue21SettingsRefusesWhatCannotWork();
    void issue21SettingsCreatesTheCacheFolderOnlyWhenAsked();
    void issue21UpdateSaysSymbolAndAttemptAndCancelKeepsWhatArrived();
    void issue21ImportShowsProgressAndCancels();

private:
    int tradingDayDistance(const QDate &a, const QDate &b) const;
    QString chooseFirstMenuEntry(ChartView *view, const QPoint &pos);
    // The same for the entry named `action` (its objectName); its text.
    QString chooseMenuEntry(ChartView *view, const QPoint &pos, const QString &action);
    void onContextMenu(ChartView *view, const QPoint &pos, const std::function<void(QMenu &)> &act);
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindow::initTestCase()
{
    const QString dir = syntheticDataDir();
    m_temp = std::make_unique<TempDatabase>();
    qputenv("INDEXLENS_SETTINGS", (m_temp->dir() + QStringLiteral("/settings.ini")).toUtf8());
    qputenv("INDEXLENS_NO_DIALOGS", "1");
    PriceStore store(m_temp->db());
    const auto results = importFiles(
        store,
        {dir + QStringLiteral("/yahoo/IWM.csv"), dir + QStringLiteral("/yahoo/SPY.csv"),
         dir + QStringLiteral("/fred/DGS10.csv"), dir + QStringLiteral("/fred/DGS2.csv"),
         dir + QStringLiteral("/yahoo/^GSPC.csv"), dir + QStringLiteral("/close-only/^IXIC.csv")},
        {});
    for (const auto &r : results)
        QVERIFY(!r.error);
}

void TestWindow::init()
{
    m_window = openWindow(m_temp->path(), QSize(1600, 1100));
    QVERIFY(m_window);
    m_window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {QStringLiteral("DGS10")});
    QVERIFY(m_window->pair());
}

void TestWindow::cleanup()
{
    m_window.reset();
}

// Right-clicks `pos` in `view` and hands the context menu that comes up to `act`, then closes it.
// A QContextMenuEvent is what the window makes of a right press: QTest sends mouse events
// straight to the widget, past the QWidgetWindow that turns a right press into this event.
void TestWindow::onContextMenu(ChartView *view, const QPoint &pos,
                               const std::function<void(QMenu &)> &act)
{
    QTimer::singleShot(100, this, [&act] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu) return;
        act(*menu);
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event); // returns when the menu closed
}

// Triggers the context menu's first entry; returns its text (empty when no menu came up).
QString TestWindow::chooseFirstMenuEntry(ChartView *view, const QPoint &pos)
{
    QString chosen;
    onContextMenu(view, pos, [&chosen](QMenu &menu) {
        chosen = menu.actions().value(0)->text();
        menu.actions().value(0)->trigger();
    });
    return chosen;
}

QString TestWindow::chooseMenuEntry(ChartView *view, const QPoint &pos, const QString &action)
{
    QString chosen;
    onContextMenu(view, pos, [&chosen, &action](QMenu &menu) {
        for (QAction *entry : menu.actions())
            if (entry->objectName() == action) {
                chosen = entry->text();
                entry->trigger();
            }
    });
    return chosen;
}

int TestWindow::tradingDayDistance(const QDate &a, const QDate &b) const
{
    const auto &dates = m_window->pair()->dates();
    const auto ia = std::lower_bound(dates.begin(), dates.end(), a) - dates.begin();
    const auto ib = std::lower_bound(dates.begin(), dates.end(), b) - dates.begin();
    return int(std::abs(ia - ib));
}

void TestWindow::picksAPair()
{
    const PairData *pair = m_window->pair();
    QCOMPARE(pair->symbolA(), QStringLiteral("IWM"));
    QCOMPARE(pair->symbolB(), QStringLiteral("SPY"));
    QCOMPARE(pair->rateSymbol(), QStringLiteral("DGS10"));
    QCOMPARE(pair->last(), QDate(2025, 9, 26));
    // The default range is one year and every chart shows it, with the rate on the right.
    for (ChartKind kind :
         {ChartKind::Ratio, ChartKind::Rebased, ChartKind::Relative, ChartKind::Spread}) {
        QCOMPARE(m_window->chartView(kind)->to(), QDate(2025, 9, 26));
        QCOMPARE(m_window->chartView(kind)->content().lines.back().name,
                 QStringLiteral("10y Treasury (DGS10)"));
        QVERIFY(m_window->chartView(kind)->content().lines.back().rightAxis);
    }
}

void TestWindow::mouseDragSelectsTheRangeEverywhere()
{
    m_window->setRange(QDate(2023, 1, 3), QDate(2024, 6, 28));
    ChartView *view = m_window->chartView(ChartKind::Ratio);
    QApplication::processEvents();
    const QDate wantFrom(2023, 6, 1), wantTo(2023, 10, 31);
    const int y = int(view->plotArea().center().y());
    const QPoint start(view->xOf(wantFrom), y), end(view->xOf(wantTo), y);
    dragAcross(view->viewport(), start, end, 10);

    QVERIFY2(tradingDayDistance(m_window->rangeFrom(), wantFrom) <= 1,
             qPrintable(m_window->rangeFrom().toString(Qt::ISODate)));
    QVERIFY2(tradingDayDistance(m_window->rangeTo(), wantTo) <= 1,
             qPrintable(m_window->rangeTo().toString(Qt::ISODate)));
    for (ChartKind kind :
         {ChartKind::Ratio, ChartKind::Rebased, ChartKind::Relative, ChartKind::Spread}) {
        QCOMPARE(m_window->chartView(kind)->from(), m_window->rangeFrom());
        QCOMPARE(m_window->chartView(kind)->to(), m_window->rangeTo());
    }
    // The returns table follows: IWM over the range, from the close of its first day (#22).
    const PairData *pair = m_window->pair();
    const MeasuredReturn expected =
        measureReturn(pair->commonA(), Measure::range(m_window->rangeFrom(), m_window->rangeTo()));
    QCOMPARE(expected.baseDay, m_window->rangeFrom());
    const QModelIndex cell = m_window->returnsModel()->index(0, 1);
    COMPARE_NEAR(cell.data(Qt::UserRole).toDouble(), *expected.percent, 1e-9);
    // The largest-moves table lists the range's moves only: the days after its base day.
    QVERIFY(m_window->movesModel()->rowCount() > 0);
    for (int r = 0; r < m_window->movesModel()->rowCount(); ++r) {
        const QDate d = m_window->movesModel()->index(r, 0).data(Qt::UserRole).toDate();
        QVERIFY(d > m_window->rangeFrom() && d <= m_window->rangeTo());
    }
    // Back returns to the range before the drag.
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("back")), Qt::LeftButton);
    QCOMPARE(m_window->rangeFrom(), QDate(2023, 1, 3));
}

void TestWindow::presetButtons()
{
    QTest::mouseClick(m_window->presetButton(QStringLiteral("YTD")), Qt::LeftButton);
    // Issue #22: YTD starts on the last trading day of the previous year, its base (one point of
    // last year is drawn); it started on 2025-01-02 with the base a day before the range.
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 12, 31));
    // The active preset is shown checked, the others not.
    QVERIFY(m_window->presetButton(QStringLiteral("YTD"))->isChecked());
    QVERIFY(!m_window->presetButton(QStringLiteral("1Y"))->isChecked());
    QCOMPARE(m_window->rangeTo(), QDate(2025, 9, 26));
    // YTD starts from the last close of the previous year.
    QCOMPARE(m_window->pair()->baseDay(m_window->rangeFrom()), QDate(2024, 12, 31));
    // 3M: from the last trading day on or before the same date three months earlier (#22).
    QTest::mouseClick(m_window->presetButton(QStringLiteral("3M")), Qt::LeftButton);
    QCOMPARE(m_window->rangeFrom(), QDate(2025, 6, 26));
    QTest::mouseClick(m_window->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    QCOMPARE(m_window->rangeFrom(), QDate(2022, 1, 3)); // the synthetic data's first day
}

void TestWindow::wheelZoomsAroundTheCursor()
{
    m_window->setRange(QDate(2022, 1, 3), QDate(2024, 12, 31));
    ChartView *view = m_window->chartView(ChartKind::Relative);
    const QDate center(2023, 6, 30);
    const QPointF pos(view->xOf(center), view->plotArea().center().y());
    QWheelEvent wheel(pos, view->viewport()->mapToGlobal(pos.toPoint()), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    const qint64 before = QDate(2022, 1, 3).daysTo(QDate(2024, 12, 31));
    const qint64 after = m_window->rangeFrom().daysTo(m_window->rangeTo());
    COMPARE_NEAR(double(after) / double(before), 0.8, 0.01);
    QVERIFY(m_window->rangeFrom() < center && m_window->rangeTo() > center);
}

void TestWindow::overviewStripPansTheWindow()
{
    m_window->setRange(QDate(2022, 3, 1), QDate(2022, 9, 30));
    OverviewStrip *strip = m_window->overview();
    const QRect window = strip->windowRect();
    QVERIFY(window.width() > 10);
    const qint64 length = m_window->rangeFrom().daysTo(m_window->rangeTo());
    const QPoint start = window.center();
    const QPoint end = start + QPoint(strip->width() / 10, 0);
    dragAcross(strip, start, end, 5);
    // A tenth of the strip is a tenth of the history (2022-01-03 .. 2025-09-26), about 136 days.
    const qint64 shift = QDate(2022, 3, 1).daysTo(m_window->rangeFrom());
    QVERIFY2(shift > 125 && shift < 148, qPrintable(QString::number(shift)));
    QCOMPARE(m_window->rangeFrom().daysTo(m_window->rangeTo()), length);
    QCOMPARE(m_window->chartView(ChartKind::Spread)->from(), m_window->rangeFrom());
}

void TestWindow::swapExchangesAAndB()
{
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("swap")), Qt::LeftButton);
    QCOMPARE(m_window->pair()->symbolA(), QStringLiteral("SPY"));
    QCOMPARE(m_window->pair()->symbolB(), QStringLiteral("IWM"));
    QCOMPARE(m_window->chartView(ChartKind::Ratio)->content().lines.front().name,
             QStringLiteral("SPY/IWM"));
}

void TestWindow::twoRateOverlays()
{
    m_window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"),
                   {QStringLiteral("DGS10"), QStringLiteral("DGS2")});
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 4, 30));
    const ChartContent &content = m_window->chartView(ChartKind::Relative)->content();
    QCOMPARE(content.lines.size(), std::size_t(3));
    QVERIFY(content.lines[1].rightAxis && content.lines[2].rightAxis);
    // Issue #12: one axis for two yields, each named in the legend ("10y, 2y" read as a range).
    QCOMPARE(content.rightLabel, QStringLiteral("yield, %"));
    QCOMPARE(content.lines[1].name, QStringLiteral("10y Treasury (DGS10)"));
    QCOMPARE(content.lines[2].name, QStringLiteral("2y Treasury (DGS2)"));
    // DGS10 3.88 -> 4.69 (+81 bp), DGS2 4.23 -> 5.04 (+81 bp) from the 2023-12-29 close.
    QCOMPARE(m_window->pair()
                 ->headline(QDate(2023, 12, 29), QDate(2024, 4, 30))
                 .section(QStringLiteral("  "), 2),
             QStringLiteral("10y +81 bp  2y +81 bp"));
    // Issue #24, 17: A, B, A − B, then the rates.
    QCOMPARE(m_window->returnsModel()->rowCount(), 5);
    QCOMPARE(m_window->returnsModel()->index(2, 0).data().toString(),
             QStringLiteral("IWM \u2212 SPY pp"));
    COMPARE_NEAR(m_window->returnsModel()->index(2, 1).data(Qt::UserRole).toDouble(),
                 m_window->returnsModel()->index(0, 1).data(Qt::UserRole).toDouble() -
                     m_window->returnsModel()->index(1, 1).data(Qt::UserRole).toDouble(),
                 1e-9);
    QCOMPARE(m_window->returnsModel()->index(4, 0).data().toString(), QStringLiteral("DGS2 bp"));

    // The two rates are drawn in colours of their own (both were grey once), each visible.
    const QColor tenYear = ChartView::colorFor(0, true), twoYear = ChartView::colorFor(1, true);
    QVERIFY(tenYear != twoYear);
    ChartView *view = m_window->chartView(ChartKind::Relative);
    QApplication::processEvents();
    const QImage image = view->grab().toImage();
    const QRect plot = view->plotArea().toRect();
    auto pixelsOf = [&](const QColor &colour) {
        int n = 0;
        for (int y = plot.top(); y <= plot.bottom(); ++y)
            for (int x = plot.left(); x <= plot.right(); ++x)
                if (image.pixelColor(x, y) == colour) ++n;
        return n;
    };
    QVERIFY2(pixelsOf(tenYear) > 200, qPrintable(QString::number(pixelsOf(tenYear))));
    QVERIFY2(pixelsOf(twoYear) > 200, qPrintable(QString::number(pixelsOf(twoYear))));
}

// The date axis is labelled at month starts, and title, legend and headline share one line
// while they fit; a narrow chart moves the legend back to its own row.
void TestWindow::axisAndLegendOfAChart()
{
    m_window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {QStringLiteral("DGS10")});
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 4, 30));
    ChartView *view = m_window->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    QCOMPARE(view->dateAxisLabels(),
             (QStringList{QStringLiteral("Feb 2024"), QStringLiteral("Mar 2024"),
                          QStringLiteral("Apr 2024")}));
    QVERIFY(view->legendInTitle());
    QVERIFY(!view->legendRowVisible());
    QVERIFY(view->titleText().contains(QStringLiteral("IWM")));
    // The range's returns appear once, above the charts, not in each chart's title (issue #12).
    const QString headline =
        m_window->pair()->headline(QDate(2024, 1, 2), QDate(2024, 4, 30)).toHtmlEscaped();
    QVERIFY(!view->titleText().contains(headline));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("headline"))->text().contains(headline));

    // Log scale: the ratio IWM/SPY stays within 0.34 .. 0.49 in 2022-2024, inside one decade,
    // where a plain log axis would have no label at all; these are round values in that band.
    ChartView *ratio = m_window->chartView(ChartKind::Ratio);
    m_window->setRange(QDate(2022, 1, 3), QDate(2024, 12, 31));
    ratio->setLogScale(true);
    const QStringList logLabels = ratio->leftAxisLabels();
    ratio->setLogScale(false);
    QVERIFY2(logLabels.size() >= 2, qPrintable(logLabels.join(QLatin1Char(' '))));
    for (const QString &label : logLabels) {
        bool ok = false;
        const double v = label.toDouble(&ok);
        QVERIFY2(ok && v > 0.3 && v <= 0.6 && label.size() <= 4, qPrintable(label));
    }

    // A decade of data (the synthetic IWM starts in 2022; ^GSPC/^IXIC hold month ends from 1979).
    m_window->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    ChartView narrow;
    narrow.resize(420, 200);
    narrow.setContent(
        m_window->pair()->chart(ChartKind::Rebased, QDate(2014, 1, 2), QDate(2024, 4, 30), 300),
        QDate(2014, 1, 2), QDate(2024, 4, 30));
    narrow.setHeadline(m_window->pair()->headline(QDate(2014, 1, 2), QDate(2024, 4, 30)));
    QVERIFY(!narrow.legendInTitle());
    QVERIFY(narrow.legendRowVisible());
    // A decade on a narrow axis: labelled every two or five years, never every seventh of it.
    const QStringList labels = narrow.dateAxisLabels();
    QVERIFY2(labels.size() >= 2 && labels.size() <= 5, qPrintable(labels.join(QLatin1Char(' '))));
    for (const QString &label : labels)
        QCOMPARE(label.size(), 4);
}

void TestWindow::crosshairReportsTheValue()
{
    m_window->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29));
    ChartView *view = m_window->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    const QDate day(2023, 6, 30);
    QTest::mouseMove(view->viewport(), QPoint(view->xOf(day), int(view->plotArea().center().y())));
    const QString text = m_window->crosshair(ChartKind::Rebased)->text();
    const QDate shown = m_window->crosshair(ChartKind::Rebased)->date();
    QVERIFY2(tradingDayDistance(shown, day) <= 1, qPrintable(text));
    // IWM rebased to 100 at the close of the range's first day, 2023-01-03 (issue #22): on
    // 2023-06-30 the value of the adjusted closes.
    const Series &iwm = m_window->pair()->seriesA().series;
    const QDate reading =
        m_window->pair()->readingAt(ChartKind::Rebased, shown, m_window->rangeFrom()).day;
    const double expected = *valueAsOf(iwm, reading) / *valueAsOf(iwm, QDate(2023, 1, 3)) * 100.0;
    QVERIFY2(text.startsWith(reading.toString(Qt::ISODate)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("IWM: %1").arg(expected, 0, 'f', 2)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("DGS10: ")));
}

void TestWindow::periodsRowFromTheRange()
{
    // "from 29 Dec 2023 to 30 Apr 2024": the range 2023-12-29..2024-04-30 starts from the 12-29
    // close (issue #22: the note's own dates; 2024-01-02 gave the close before).
    m_window->setRange(QDate(2023, 12, 29), QDate(2024, 4, 30));
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addPeriod")),
                      Qt::LeftButton);
    ResultTableModel *model = m_window->periodsModel();
    QCOMPARE(model->rowCount(), 1);
    const PairData *pair = m_window->pair();
    const auto rows = computePeriods(pair->seriesA(), pair->seriesB(), pair->rate(),
                                     {{QDate(2023, 12, 29), QDate(2024, 4, 30)}});
    QCOMPARE(model->index(0, 0).data(Qt::UserRole).toDate(), QDate(2023, 12, 29));
    COMPARE_NEAR(model->index(0, 2).data(Qt::UserRole).toDouble(), rows[0].aPercent, 1e-12);
    COMPARE_NEAR(model->index(0, 5).data(Qt::UserRole).toDouble(), 81.0,
                 1e-9); // DGS10 3.88 -> 4.69
    // The same fields as `indexlens periods --format csv`, and 81 bp without float noise.
    const QString csv = model->toCsv();
    QVERIFY2(csv.startsWith(QStringLiteral("start,end,a_return_pct,b_return_pct,diff_pct,"
                                           "rate_change_bps\n2023-12-29,2024-04-30,")),
             qPrintable(csv));
    QVERIFY2(csv.endsWith(QStringLiteral(",81\n")), qPrintable(csv));
}

void TestWindow::exportWritesTheAskedPng()
{
    m_window->setRange(QDate(2023, 1, 3), QDate(2024, 6, 28));
    const QString path = m_temp->dir() + QStringLiteral("/all.png");
    QVERIFY(m_window->exports().exportFile(path, allChartKinds(), 1200, 800, 2));
    QImage image(path);
    QCOMPARE(image.size(), QSize(2400, 1600));
    // Not blank, and the first series' colour is drawn inside each chart.
    QSet<QRgb> colours;
    int seriesPixels = 0;
    const QColor seriesColour = ChartView::colorFor(0, false);
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            colours.insert(c.rgb());
            if (std::abs(c.red() - seriesColour.red()) < 30 &&
                std::abs(c.green() - seriesColour.green()) < 30 &&
                std::abs(c.blue() - seriesColour.blue()) < 30)
                ++seriesPixels;
        }
    QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    QVERIFY2(seriesPixels > 2000, qPrintable(QString::number(seriesPixels)));
}

// Four charts stacked in 560 px leave each about 125 px, less than a window chart's minimum
// height: each chart must still fit its slot, so the last one's date labels stay above the source
// line (they were drawn over it, and every other chart's labels were hidden by the next chart).
void TestWindow::shortExportKeepsChartsInTheirSlots()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 8, 1));
    const QString path = m_temp->dir() + QStringLiteral("/short.png");
    QVERIFY(m_window->exports().exportFile(path, allChartKinds(), 1200, 560, 1));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1200, 560));
    // The source line is text at the left; right of it the bottom rows hold no ink at all.
    int ink = 0;
    for (int y = 548; y < 560; ++y)
        for (int x = 500; x < 1200; ++x)
            if (image.pixelColor(x, y).lightness() < 200) ++ink;
    QCOMPARE(ink, 0);
}

void TestWindow::commandLineExportWithoutDisplay()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    const QString out = m_temp->dir() + QStringLiteral("/ratio.png");
    p.start(indexlensBinary(),
            {QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
             QStringLiteral("--chart"), QStringLiteral("ratio"),
             // Any letter case (issue #11: one symbol resolver).
             QStringLiteral("--a"), QStringLiteral("iwm"), QStringLiteral("--b"),
             QStringLiteral("spy"), QStringLiteral("--rate"), QStringLiteral("dgs10"),
             QStringLiteral("--from"), QStringLiteral("2023-01-03"), QStringLiteral("--to"),
             QStringLiteral("2024-06-28"), QStringLiteral("--out"), out, QStringLiteral("--width"),
             QStringLiteral("1000"), QStringLiteral("--height"), QStringLiteral("600")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QImage single(out);
    QCOMPARE(single.size(), QSize(1000, 600));
    // A single chart is laid out before it is painted: its value labels stand left of the plot
    // (an export of one chart once came out with no axes at all, the lines across the page).
    int ink = 0;
    for (int y = 100; y < 500; ++y)
        for (int x = 0; x < 60; ++x)
            ink += single.pixelColor(x, y).lightness() < 128;
    QVERIFY2(ink > 40, qPrintable(QString::number(ink)));
    // A bad request exits with 2 and says why.
    p.start(indexlensBinary(),
            {QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
             QStringLiteral("--chart"), QStringLiteral("pie"), QStringLiteral("--a"),
             QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("SPY"),
             QStringLiteral("--from"), QStringLiteral("2023-01-03"), QStringLiteral("--to"),
             QStringLiteral("2024-06-28"), QStringLiteral("--out"), out});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains(
        "--chart pie: expected ratio, rebased, relative, spread, drawdown, all, compare, "
        "returns-bars, sensitivity, scatter, rotation or seasonality"));
    // An unknown symbol is named with the option it came from, as every command names it (a
    // trial of issue #25 found `--benchmark XYZ` refused as a bare "unknown symbol XYZ").
    const std::pair<QStringList, QByteArray> unknown[] = {
        {{QStringLiteral("--chart"), QStringLiteral("rotation"), QStringLiteral("--symbols"),
          QStringLiteral("IWM"), QStringLiteral("--benchmark"), QStringLiteral("XYZ")},
         "--benchmark XYZ: unknown symbol XYZ"},
        {{QStringLiteral("--chart"), QStringLiteral("compare"), QStringLiteral("--symbols"),
          QStringLiteral("IWM,XYZ"), QStringLiteral("--from"), QStringLiteral("2024-01-02"),
          QStringLiteral("--to"), QStringLiteral("2024-06-28")},
         "--symbols XYZ: unknown symbol XYZ"},
        {{QStringLiteral("--chart"), QStringLiteral("drawdown"), QStringLiteral("--a"),
          QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("xyz"),
          QStringLiteral("--from"), QStringLiteral("2024-01-02"), QStringLiteral("--to"),
          QStringLiteral("2024-06-28")},
         "--b xyz: unknown symbol xyz"}};
    for (const auto &[args, message] : unknown) {
        p.start(indexlensBinary(),
                QStringList{QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
                            QStringLiteral("--out"), out} +
                    args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains(message), err.simplified().constData());
    }
}

void TestWindow::emptyCacheOffersUpdateAndImport()
{
    TempDatabase empty;
    MainWindow window(empty.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("emptyUpdate"))->isVisible());
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("emptyImport"))->isVisible());
    QVERIFY(!window.chartView(ChartKind::Ratio)->isVisible());
    // Issue #11, 6: only the empty state; no "unknown symbol SPY" before the first download.
    QVERIFY2(window.statusBar()->currentMessage().isEmpty(),
             qPrintable(window.statusBar()->currentMessage()));
}

// Issue #6: the window opens a new cache in place of a damaged one, and says where the old went.
void TestWindow::damagedCacheIsMovedAsideAndSaid()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QFile garbage(path);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, '\x7f'));
    garbage.close();
    MainWindow window(path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("moved to")));
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(
        message.contains(QStringLiteral("the cache was damaged (it is not an SQLite database)")),
        qPrintable(message));
    const QStringList moved =
        QDir(dir.path()).entryList({QStringLiteral("cache.sqlite.damaged-*")}, QDir::Files);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(QFileInfo(dir.filePath(moved[0])).size(), 8192);
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("emptyUpdate"))->isVisible());
}

// Issues #3, #4 and #6: File > Update data downloads into the cache the window shows, and while
// the write waits (another process holds the cache's write lock) the window keeps reading the
// cache and drawing: the write happens on the updater's worker thread.
void TestWindow::keepsDrawingWhileAnUpdateWrites()
{
    std::map<QString, std::vector<Bar>> full;
    TempDatabase temp;
    importUntil2024(temp, {QStringLiteral("IWM"), QStringLiteral("SPY")}, full);
    FakeHttpServer server;
    server.setHandler([&](const FakeRequest &r) {
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        return FakeResponse::json(yahooChartJson(
            symbol, full[symbol], r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
            r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    qputenv("INDEXLENS_YAHOO_BASE", server.baseUrl().toUtf8());

    MainWindow window(temp.path());
    window.resize(1600, 1100);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QCOMPARE(window.pair()->last(), QDate(2024, 12, 31));

    QString error;
    auto other = Database::open(temp.path(), &error); // another process, holding the lock
    QVERIFY(other);
    QSqlQuery lock(other->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QAction *update = nullptr;
    for (QAction *action : window.findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Update data")) update = action;
    QVERIFY(update);
    update->trigger();
    QTRY_COMPARE(server.requests.size(), 2);
    QTest::qWait(300); // the answers are in; their writes wait for the lock

    // Reading and drawing go on meanwhile.
    window.pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QCOMPARE(window.pair()->last(), QDate(2024, 12, 31));
    QTest::mouseClick(window.presetButton(QStringLiteral("1Y")), Qt::LeftButton);
    QCOMPARE(window.rangeTo(), QDate(2024, 12, 31));
    QCOMPARE(window.rangeFrom(), QDate(2023, 12, 29)); // on or before 2023-12-31 (issue #22)
    const QImage drawn = window.chartView(ChartKind::Ratio)->grab().toImage();
    QVERIFY(!drawn.isNull());
    QVERIFY(window.statusBar()->currentMessage() != QStringLiteral("Update finished"));

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                              QStringLiteral("Update finished"), 15000);
    qunsetenv("INDEXLENS_YAHOO_BASE");
    QCOMPARE(window.pair()->last(), std::min(full[QStringLiteral("IWM")].back().date,
                                             full[QStringLiteral("SPY")].back().date));
    QCOMPARE(PriceStore(temp.db()).bars(QStringLiteral("IWM")).size(),
             full[QStringLiteral("IWM")].size());
}

// File > Import CSV (after its dialog): the files land in the cache on the writer thread, a bad
// one is refused with its reason, and the window reloads with the new symbols.
void TestWindow::importRunsOnTheWriterThread()
{
    const QString dir = syntheticDataDir();
    TempDatabase temp;
    const QString bad = temp.writeFile(QStringLiteral("BAD.csv"), "Date,Close\n2024-01-02,-5\n");
    MainWindow window(temp.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString details;
    connect(window.findChild<DataJobs *>(), &DataJobs::failed, this,
            [&details](const QString &, const QString &text) { details = text; });
    window.importPaths(
        {dir + QStringLiteral("/yahoo/IWM.csv"), dir + QStringLiteral("/yahoo/SPY.csv"), bad});
    QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Importing 3 files")));
    QTRY_VERIFY(
        window.statusBar()->currentMessage().startsWith(QStringLiteral("1 of 3 files refused")));
    // One short status line; the reason per file goes to the dialog's details.
    QVERIFY2(details.contains(QStringLiteral("BAD.csv")), qPrintable(details));
    const auto symbols = PriceStore(temp.db()).list();
    QCOMPARE(symbols.size(), std::size_t(2));
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("emptyUpdate"))->isVisible());
    window.pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QVERIFY(window.pair());
    QCOMPARE(window.pair()->last(), QDate(2025, 9, 26));
}

// Issue #4: right-click on the rebased chart > "Rebase here" starts both lines at 100 on that day.
void TestWindow::rebaseHereFromTheContextMenu()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    ChartView *view = m_window->chartView(ChartKind::Rebased);
    const QDate target(2024, 6, 3);
    const QPoint pos(view->xOf(target), int(view->plotArea().center().y()));
    const QString chosen = chooseFirstMenuEntry(view, pos);
    QVERIFY(!chosen.isEmpty());
    QVERIFY2(chosen.startsWith(QStringLiteral("Rebase here (2024-")), qPrintable(chosen));
    const auto rebase = m_window->rebaseDate();
    QVERIFY(rebase);
    QVERIFY2(tradingDayDistance(*rebase, target) <= 1, qPrintable(rebase->toString(Qt::ISODate)));
    const auto reading =
        m_window->pair()->readingAt(ChartKind::Rebased, *rebase, m_window->rangeFrom(), rebase);
    QVERIFY(reading.values.size() >= 2); // A, B, then the rate
    COMPARE_NEAR(reading.values[0].second, 100.0, 1e-9);
    COMPARE_NEAR(reading.values[1].second, 100.0, 1e-9);
    // Zooming around the day keeps it; a range without it goes back to the range start.
    m_window->setRange(QDate(2024, 5, 1), QDate(2024, 7, 31));
    QCOMPARE(m_window->rebaseDate(), rebase);
    QTest::mouseClick(m_window->presetButton(QStringLiteral("YTD")), Qt::LeftButton);
    QVERIFY(!m_window->rebaseDate());
}

// The moves table ranks by |A| or, chosen in its corner, by |A - B| (the figure behind "its widest
// spread since").
void TestWindow::movesRankBySpread()
{
    m_window->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29));
    auto *ranking = m_window->findChild<QComboBox *>(QStringLiteral("movesRanking"));
    QVERIFY(ranking);
    ResultTableModel *moves = m_window->movesModel();
    const auto column = [moves](int c) {
        std::vector<double> v;
        for (int r = 0; r < moves->rowCount(); ++r)
            v.push_back(std::abs(moves->index(r, c).data(Qt::UserRole).toDouble()));
        return v;
    };
    ranking->setCurrentIndex(0);
    QCOMPARE(moves->rowCount(), 20);
    std::vector<double> byA = column(1);
    QVERIFY(std::is_sorted(byA.rbegin(), byA.rend()));
    ranking->setCurrentIndex(2); // A - B (issue #22: A, B, A - B)
    QCOMPARE(moves->rowCount(), 20);
    const std::vector<double> bySpread = column(3);
    QVERIFY(std::is_sorted(bySpread.rbegin(), bySpread.rend()));
    QVERIFY(column(1) != byA); // another set of days
    // The largest spread of 2023 is at least the spread of every day ranked by A.
    const std::vector<double> spreadOfA = [&] {
        ranking->setCurrentIndex(0);
        return column(3);
    }();
    QVERIFY(bySpread.front() >= *std::max_element(spreadOfA.begin(), spreadOfA.end()));
    ranking->setCurrentIndex(0);
}

void TestWindow::settingsDialogSavesDefaultSetUrlsKeysAndCache()
{
    const QString cache = m_temp->dir() + QStringLiteral("/elsewhere/cache.sqlite");
    {
        SettingsDialog dialog;
        // Defaults first: the issue's default set.
        QCOMPARE(dialog.field(QStringLiteral("defaultSet"))->text(),
                 QStringLiteral("IWM, SPY, ^RUT, ^GSPC, IWB, QQQ, DGS10, DGS2"));
        QTest::keyClicks(dialog.field(QStringLiteral("defaultSet")), QStringLiteral(", RSP"));
        dialog.field(QStringLiteral("treasuryBase"))
            ->setText(QStringLiteral("http://127.0.0.1:9/treasury"));
        dialog.field(QStringLiteral("fredApiKey"))
            ->setText(QStringLiteral("0123456789abcdef0123456789abcdef"));
        dialog.field(QStringLiteral("cachePath"))->setText(cache);
        dialog.save();
    }
    const auto settings = openAppSettings();
    const ProviderSettings saved = ProviderSettings::load(*settings, false);
    QCOMPARE(saved.defaultSet.last(), QStringLiteral("RSP"));
    QCOMPARE(saved.defaultSet.size(), 9);
    QCOMPARE(saved.treasuryBase, QStringLiteral("http://127.0.0.1:9/treasury"));
    QCOMPARE(saved.fredApiKey, QStringLiteral("0123456789abcdef0123456789abcdef"));
    QCOMPARE(saved.yahooBase, ProviderSettings().yahooBase); // untouched fields keep their defaults
    QCOMPARE(Database::defaultPath(), cache);                // INDEXLENS_DB unset in this test
    settings->remove(QStringLiteral("cache/path"));
    settings->remove(QStringLiteral("providers"));
}

// The next session opens on the range the last one closed with: the same dates, or for a preset
// the same preset over the data as it is now (YTD stays year to date after an update).
void TestWindow::rangeIsRememberedAcrossSessions()
{
    auto reopen = [this] {
        m_window->close(); // closeEvent saves the session
        m_window = std::make_unique<MainWindow>(m_temp->path());
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    };
    m_window->setRange(QDate(2023, 3, 1), QDate(2023, 9, 29));
    QVERIFY(reopen());
    QCOMPARE(m_window->rangeFrom(), QDate(2023, 3, 1));
    QCOMPARE(m_window->rangeTo(), QDate(2023, 9, 29));
    QCOMPARE(m_window->chartView(ChartKind::Spread)->from(), QDate(2023, 3, 1));

    m_window->applyPreset(QStringLiteral("YTD"));
    QVERIFY(reopen());
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 12, 31)); // the data ends 2025-09-26
    QCOMPARE(m_window->rangeTo(), QDate(2025, 9, 26));

    // A remembered range the data cannot show (another cache) falls back to one year.
    m_window->setRange(QDate(2023, 3, 1), QDate(2023, 9, 29));
    m_window->close(); // which keeps the study in the data folder
    const QString recovery = QDir(appDataFolder()).filePath(QStringLiteral("recovery.json"));
    QByteArray kept = readFile(recovery);
    QVERIFY(kept.contains("\"from\": \"2023-03-01\""));
    kept.replace("\"from\": \"2023-03-01\"", "\"from\": \"1990-01-02\"");
    kept.replace("\"to\": \"2023-09-29\"", "\"to\": \"1990-06-29\"");
    QFile file(recovery);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(kept) == kept.size());
    file.close();
    m_window = std::make_unique<MainWindow>(m_temp->path());
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 9, 26)); // on or before a year earlier (#22)
    QCOMPARE(m_window->rangeTo(), QDate(2025, 9, 26));
}

// Issue #11, 2: the read-out follows a range change, a rebase or a swap while the mouse stands.
void TestWindow::issue11CrosshairFollowsEveryChange()
{
    ChartView *view = m_window->chartView(ChartKind::Rebased);
    Crosshair *crosshair = m_window->crosshair(ChartKind::Rebased);
    QApplication::processEvents();
    const QPoint pos(int(view->plotArea().center().x()), int(view->plotArea().center().y()));
    QTest::mouseMove(view->viewport(), pos);
    QTRY_VERIFY(!crosshair->text().isEmpty());
    const QString before = crosshair->text();
    QTest::mouseClick(m_window->presetButton(QStringLiteral("3Y")), Qt::LeftButton);
    QVERIFY(crosshair->text() != before);
    QCOMPARE(crosshair->text().section(QLatin1Char('\n'), 0, 0),
             m_window->session().tradingDayOnOrBefore(view->dateAt(pos)).toString(Qt::ISODate));
    const QString beforeSwap = crosshair->text();
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("swap")), Qt::LeftButton);
    QVERIFY(crosshair->text() != beforeSwap);
    QVERIFY(crosshair->text().contains(QStringLiteral("SPY: ")));
}

// Issue #11, 3: the menu offers the trading day the rebase uses, and the Returns table's Range
// column measures from the same close as the headline.
void TestWindow::issue11RebaseOnATradingDayAgreesWithTheTables()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    ChartView *view = m_window->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    const QDate saturday(2024, 6, 1);
    const QPoint pos(view->xOf(saturday), int(view->plotArea().center().y()));
    QCOMPARE(view->dateAt(pos), saturday);
    const QString chosen = chooseFirstMenuEntry(view, pos);
    QVERIFY(!chosen.isEmpty());
    QCOMPARE(chosen, QStringLiteral("Rebase here (2024-05-31)"));
    QCOMPARE(*m_window->rebaseDate(), QDate(2024, 5, 31));
    const PairData *pair = m_window->pair();
    const double fromRebase =
        *measureReturn(pair->commonA(), Measure::range(QDate(2024, 5, 31), QDate(2024, 12, 31)))
             .percent;
    COMPARE_NEAR(m_window->returnsModel()->index(0, 1).data(Qt::UserRole).toDouble(), fromRebase,
                 1e-12);
    const QString headline =
        pair->headline(m_window->rangeFrom(), m_window->rangeTo(), m_window->rebaseDate());
    QVERIFY2(headline.contains(QStringLiteral("%1%").arg(fromRebase, 0, 'f', 1)),
             qPrintable(headline));
}

// Issue #11, 4: the periods survive Swap (columns swap) and the return basis, a range is listed
// once, and Delete removes the selected row.
void TestWindow::issue11PeriodsSurviveSwapAndDelete()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 4, 30));
    auto *add = m_window->findChild<QPushButton *>(QStringLiteral("addPeriod"));
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton); // the same range again: refused
    ResultTableModel *model = m_window->periodsModel();
    QCOMPARE(model->rowCount(), 1);
    const double iwm = model->index(0, 2).data(Qt::UserRole).toDouble();
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("swap")), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("SPY %"));
    COMPARE_NEAR(model->index(0, 3).data(Qt::UserRole).toDouble(), iwm, 1e-12);
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("swap")), Qt::LeftButton);
    auto *view = m_window->findChild<QTableView *>(QStringLiteral("periodsTable"));
    m_window->tables()->showTable(FigureKind::PeriodsTable); // the tab holding the table
    view->setFocus();
    view->selectRow(0);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(m_window->session().periods().empty());
}

// Issue #11, 5: "spy" picks SPY, the lists show names, Escape puts the current symbol back.
// Issue #24, 3: an unknown entry is said and kept for correction; a name that several entries
// hold opens their list; one that one entry holds picks it.
void TestWindow::issue11PickersTakeAnyCaseAndNames()
{
    auto *b = m_window->findChild<QComboBox *>(QStringLiteral("seriesB"));
    auto *a = m_window->findChild<QComboBox *>(QStringLiteral("seriesA"));
    QVERIFY(a->currentText().startsWith(QStringLiteral("IWM \u2014 ")));
    a->lineEdit()->selectAll();
    QTest::keyClicks(a->lineEdit(), QStringLiteral("spy"));
    QTest::keyClick(a->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->pair()->symbolA(), QStringLiteral("SPY"));
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("iwm"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->pair()->symbolB(), QStringLiteral("IWM"));
    QVERIFY(!m_window->statusBar()->currentMessage().contains(QStringLiteral("unknown")));
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("xyz"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->pair()->symbolB(), QStringLiteral("IWM"));
    QCOMPARE(b->currentText(), QStringLiteral("xyz"));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("xyz: not in the cache or the catalog (Update or Import it)"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Escape);
    QVERIFY(b->currentText().startsWith(QStringLiteral("IWM")));
    // Escape as the window system delivers it: to the combo box, the focus widget (issue #24, 5a).
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("zzzz"));
    QTest::keyClick(b, Qt::Key_Escape);
    QVERIFY2(b->currentText().startsWith(QStringLiteral("IWM")), qPrintable(b->currentText()));
    // "Russell" is in several names: their list opens, nothing is picked.
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("Russell"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->pair()->symbolB(), QStringLiteral("IWM"));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(
                 QStringLiteral("series match; pick one from the list")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(b->completer()->popup()->isVisible());
    b->completer()->popup()->hide();
    // A name one entry holds picks it.
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("S&P 500 ETF"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->pair()->symbolB(), QStringLiteral("SPY"));
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("iwm"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("QQ"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Escape);
    QVERIFY(b->currentText().startsWith(QStringLiteral("IWM")));
}

// Issue #11, 8: the From and To fields show the range and set it.
void TestWindow::issue11DateFieldsShowAndSetTheRange()
{
    auto *from = m_window->findChild<DateField *>(QStringLiteral("rangeFrom"));
    auto *to = m_window->findChild<DateField *>(QStringLiteral("rangeTo"));
    QVERIFY(from && to);
    QTest::mouseClick(m_window->presetButton(QStringLiteral("6M")), Qt::LeftButton);
    QCOMPARE(from->date(), m_window->rangeFrom());
    QCOMPARE(to->date(), QDate(2025, 9, 26));
    QCOMPARE(to->lineEdit()->text(), QStringLiteral("2025-09-26"));
    typeDate(from, QStringLiteral("2024-03-01"));
    typeDate(to, QStringLiteral("2024-08-30"));
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 3, 1));
    QCOMPARE(m_window->rangeTo(), QDate(2024, 8, 30));
    QCOMPARE(m_window->chartView(ChartKind::Ratio)->from(), QDate(2024, 3, 1));
    QVERIFY(!m_window->presetButton(QStringLiteral("6M"))->isChecked());
}

// Issue #24, 1 and 2: a date typed as a user types it is that date, from any selection; pasted
// too; one that is not a date is refused with its reason and changes nothing; From after To is
// refused; a date outside the data is clamped to it, and said.
void TestWindow::issue24TypedDatesAndRefusals()
{
    auto *from = m_window->findChild<DateField *>(QStringLiteral("rangeFrom"));
    auto *to = m_window->findChild<DateField *>(QStringLiteral("rangeTo"));
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    typeDate(from, QStringLiteral("2023-06-30")); // QDateEdit made it 2025-06-30
    QCOMPARE(m_window->rangeFrom(), QDate(2023, 6, 30));
    typeDate(from, QStringLiteral("20230705"));
    QCOMPARE(m_window->rangeFrom(), QDate(2023, 7, 5));
    // The cursor in the middle of the text, a selection of two digits: the whole text counts.
    QLineEdit *edit = from->lineEdit();
    edit->setFocus();
    edit->setCursorPosition(5);
    edit->setSelection(5, 2);
    QTest::keyClicks(edit, QStringLiteral("08"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(m_window->rangeFrom(), QDate(2023, 8, 4)); // 2023-08-05 is a Saturday
    // Pasted, with spaces around it.
    QApplication::clipboard()->setText(QStringLiteral("  2023/09/29 "));
    edit->selectAll();
    QTest::keySequence(edit, QKeySequence::Paste);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(m_window->rangeFrom(), QDate(2023, 9, 29));
    // Not a date: red, the reason in the tooltip and the status bar, nothing changed.
    typeDate(from, QStringLiteral("2024-02-30"));
    QCOMPARE(m_window->rangeFrom(), QDate(2023, 9, 29));
    QVERIFY(!edit->styleSheet().isEmpty());
    QCOMPARE(edit->toolTip(), QStringLiteral("2024-02-30 is not a day of the calendar"));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("2024-02-30 is not a day of the calendar"));
    // From after To: refused, and the fields show the range in force.
    typeDate(from, QStringLiteral("2025-01-15"));
    QCOMPARE(m_window->rangeFrom(), QDate(2023, 9, 29));
    QCOMPARE(from->lineEdit()->text(), QStringLiteral("2023-09-29"));
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(
                 QStringLiteral("From 2025-01-15 is after To 2024-12-31: the range stays")),
             qPrintable(m_window->statusBar()->currentMessage()));
    // Past the data: clamped, and the data's last day named.
    typeDate(to, QStringLiteral("2030-01-01"));
    QCOMPARE(m_window->rangeTo(), QDate(2025, 9, 26));
    QCOMPARE(to->lineEdit()->text(), QStringLiteral("2025-09-26"));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("To 2030-01-01 is after the common data of IWM and SPY end "
                            "(2025-09-26): the range ends there"));
}

// Issue #11, 9: "Rank moves by" belongs to the moves tab only.
void TestWindow::issue11RankingOnlyOnTheMovesTab()
{
    auto *ranking = m_window->findChild<QComboBox *>(QStringLiteral("movesRanking"));
    TablesPanel *tables = m_window->tables();
    tables->setCurrentIndex(0);
    QVERIFY(!ranking->isVisible());
    tables->setCurrentIndex(2);
    QVERIFY(ranking->isVisible());
    tables->setCurrentIndex(1);
    QVERIFY(!ranking->isVisible());
}

// Issue #11: Ctrl+C in a table gives what `--format csv` of the same request gives, in the order
// the view is sorted.
void TestWindow::issue11CopyEqualsTheCommandLine()
{
    m_window->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29));
    auto *view = m_window->findChild<QTableView *>(QStringLiteral("movesTable"));
    m_window->tables()->setCurrentWidget(view);
    view->setFocus();
    QTest::keySequence(view, QKeySequence::Copy);
    const QString copied = QApplication::clipboard()->text();
    const CliRun cli =
        runIndexlens({QStringLiteral("--db"), m_temp->path(), QStringLiteral("--format"),
                      QStringLiteral("csv"), QStringLiteral("moves"), QStringLiteral("--a"),
                      QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("SPY"),
                      QStringLiteral("--rate"), QStringLiteral("DGS10"), QStringLiteral("--from"),
                      QStringLiteral("2023-01-03"), QStringLiteral("--to"),
                      QStringLiteral("2023-12-29"), QStringLiteral("--top"), QStringLiteral("20")},
                     childEnvironment(m_temp->dir() + QStringLiteral("/cli.ini")));
    QCOMPARE(cli.exitCode, 0);
    QCOMPARE(copied, cli.out);
    // Sorted by date, ascending: the same rows in date order.
    view->sortByColumn(0, Qt::AscendingOrder);
    QTest::keySequence(view, QKeySequence::Copy);
    QStringList lines = cli.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString header = lines.takeFirst();
    lines.sort();
    QCOMPARE(QApplication::clipboard()->text(),
             header + QLatin1Char('\n') + lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

// Issue #11, 7: a failed update ends with one short status line and one report that lists each
// symbol with its reason (the dialog's collapsed details), not a line per symbol that runs off
// the window.
void TestWindow::issue11FailedUpdateIsOneLineAndOneReport()
{
    // Nothing listens on port 9: every request is refused at once.
    for (const char *name : {"INDEXLENS_YAHOO_BASE", "INDEXLENS_TREASURY_BASE",
                             "INDEXLENS_FRED_BASE", "INDEXLENS_FRED_API_BASE"})
        qputenv(name, "http://127.0.0.1:9");
    QStringList reports;
    QString details;
    connect(m_window->findChild<DataJobs *>(), &DataJobs::failed, this,
            [&](const QString &summary, const QString &text) {
                reports << summary;
                details = text;
            });
    for (QAction *action : m_window->findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Update data")) action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 1, 20000);
    for (const char *name : {"INDEXLENS_YAHOO_BASE", "INDEXLENS_TREASURY_BASE",
                             "INDEXLENS_FRED_BASE", "INDEXLENS_FRED_API_BASE"})
        qunsetenv(name);
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Update: 6 of 6 symbols failed"));
    const QStringList lines = details.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 6);
    for (const char *symbol : {"IWM", "SPY", "DGS10", "DGS2", "^GSPC", "^IXIC"})
        QVERIFY2(std::count_if(lines.begin(), lines.end(),
                               [&](const QString &l) {
                                   return l.startsWith(QLatin1String(symbol) +
                                                       QStringLiteral(": "));
                               }) == 1,
                 qPrintable(details));
    QVERIFY(m_window->pair()); // the charts stay
}

// Issue #11, 5: typing part of a name finds the instruments that carry it.
void TestWindow::issue11TypeAheadFindsNames()
{
    auto *a = m_window->findChild<QComboBox *>(QStringLiteral("seriesA"));
    a->setFocus();
    a->lineEdit()->selectAll();
    QTest::keyClicks(a->lineEdit(), QStringLiteral("Russ"));
    QCompleter *completer = a->completer();
    QStringList found;
    for (int r = 0; r < completer->completionCount(); ++r) {
        completer->setCurrentRow(r);
        found << completer->currentCompletion();
    }
    for (const QString &symbol : {QStringLiteral("IWM \u2014 "), QStringLiteral("^RUT \u2014 "),
                                  QStringLiteral("IWB \u2014 ")})
        QVERIFY2(std::any_of(found.begin(), found.end(),
                             [&](const QString &f) { return f.startsWith(symbol); }),
                 qPrintable(found.join(QStringLiteral(" | "))));
    QVERIFY(std::none_of(found.begin(), found.end(),
                         [](const QString &f) { return f.startsWith(QStringLiteral("SPY")); }));
    QTest::keyClick(a->lineEdit(), Qt::Key_Escape);
}

// Issue #12, 5: on a 1M view each daily spread bar is a bar as wide as its day less a gap, not
// a 1 px hairline.
void TestWindow::issue12SpreadBarsTakeTheirDaysWidth()
{
    QTest::mouseClick(m_window->presetButton(QStringLiteral("1M")), Qt::LeftButton);
    ChartView *view = m_window->chartView(ChartKind::Spread);
    QApplication::processEvents();
    const QImage image = view->grab().toImage();
    const QRect plot = view->plotArea().toRect();
    // The date axis is calendar time: a day is the plot's width over the range's calendar days.
    const double dayWidth =
        double(plot.width()) / double(m_window->rangeFrom().daysTo(m_window->rangeTo()));
    QVERIFY2(dayWidth > 20, qPrintable(QString::number(dayWidth)));
    const QColor bar = ChartView::colorFor(0, false);
    int widest = 0;
    for (int y = plot.top(); y <= plot.bottom(); ++y) {
        int run = 0;
        for (int x = plot.left(); x <= plot.right(); ++x) {
            run = image.pixelColor(x, y) == bar ? run + 1 : 0;
            widest = std::max(widest, run);
        }
    }
    // Three quarters of a day, give or take a pixel of rounding.
    QVERIFY2(widest >= int(dayWidth * 0.75) - 2 && widest <= int(dayWidth),
             qPrintable(QStringLiteral("widest bar %1 px, a day %2 px").arg(widest).arg(dayWidth)));
}

namespace {
// The values of an axis' labels ("20,000" -> 20000); fails the test on a label that is not a
// plain number.
std::vector<double> labelValues(const QStringList &labels)
{
    std::vector<double> values;
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    for (const QString &label : labels) {
        bool ok = false;
        values.push_back(english.toDouble(label, &ok));
        if (!ok)
            QTest::qFail(qPrintable(QStringLiteral("not a plain number: ") + label), __FILE__,
                         __LINE__);
    }
    return values;
}

int decimalsOf(const QString &label)
{
    const auto dot = label.indexOf(QLatin1Char('.'));
    return dot < 0 ? 0 : int(label.size() - dot - 1);
}
} // namespace

// Issue #12, 2 and 3b: ^GSPC/^IXIC Max rebased ran -20,000 .. 40,000 with "4e+04" labels, and the
// 10-year axis ran -10 to 20 %, on a range of its own on each chart.
void TestWindow::issue12ValueAxesArePlainRoundAndShared()
{
    m_window->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    QTest::mouseClick(m_window->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    QApplication::processEvents();
    const QStringList rebased = m_window->chartView(ChartKind::Rebased)->leftAxisLabels();
    QVERIFY2(rebased.size() >= 3, qPrintable(rebased.join(QLatin1Char(' '))));
    const std::vector<double> values = labelValues(rebased);
    QVERIFY2(values.front() >= 0, qPrintable(rebased.join(QLatin1Char(' '))));
    QVERIFY2(rebased.contains(QStringLiteral("10,000")) ||
                 rebased.contains(QStringLiteral("20,000")),
             qPrintable(rebased.join(QLatin1Char(' '))));
    for (const QString &label : rebased)
        QCOMPARE(decimalsOf(label), decimalsOf(rebased.front()));

    // The 10-year: all positive, one scale on every chart, whatever the chart's height.
    const QStringList rate = m_window->chartView(ChartKind::Ratio)->rightAxisLabels();
    QVERIFY2(!rate.isEmpty() && labelValues(rate).front() >= 0,
             qPrintable(rate.join(QLatin1Char(' '))));
    for (const ChartKind kind : allChartKinds())
        QCOMPARE(m_window->chartView(kind)->rightAxisLabels(), rate);
    // Charts of different heights in one stack: the shortest sets the steps for all.
    ChartView tall, shortOne;
    tall.resizeUnshown(QSize(900, 700));
    shortOne.resizeUnshown(QSize(900, 150));
    for (ChartView *view : {&tall, &shortOne})
        view->setContent(m_window->pair()->chart(ChartKind::Spread, m_window->rangeFrom(),
                                                 m_window->rangeTo(), 400),
                         m_window->rangeFrom(), m_window->rangeTo());
    alignPlotAreas({&tall, &shortOne});
    QCOMPARE(tall.rightAxisLabels(), shortOne.rightAxisLabels());
    QVERIFY(shortOne.rightAxisLabels().size() <= 4); // room for them on 150 px

    // The ratio of IWM/SPY in 2024 (0.350 0.375 0.400 0.425): one number of decimals on every label
    // (it was "0.4" beside "0.45").
    m_window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {QStringLiteral("DGS10")});
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    const QStringList ratio = m_window->chartView(ChartKind::Ratio)->leftAxisLabels();
    QVERIFY2(ratio.size() >= 3, qPrintable(ratio.join(QLatin1Char(' '))));
    for (const QString &label : ratio)
        QVERIFY2(decimalsOf(label) == decimalsOf(ratio.back()) && decimalsOf(label) > 0,
                 qPrintable(ratio.join(QLatin1Char(' '))));
}

// Issue #12, 3a: on ^GSPC/^IXIC Max the 1975 tick was at x = 161, 185, 197 and 161 in the four
// charts, as each chart's axis labels ("1.5", "30,000", "-15,000", "20") set its own plot's left
// edge. One date, one x, in the window (also after a resize) and in a stacked export.
void TestWindow::issue12PlotAreasLineUp()
{
    m_window->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    QTest::mouseClick(m_window->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    const auto lineUp = [this] {
        const ChartView *ratio = m_window->chartView(ChartKind::Ratio);
        for (const ChartKind kind : allChartKinds()) {
            const ChartView *view = m_window->chartView(kind);
            if (std::abs(view->plotArea().left() - ratio->plotArea().left()) > 1e-6 ||
                std::abs(view->plotArea().right() - ratio->plotArea().right()) > 1e-6 ||
                view->xOf(QDate(1985, 1, 1)) != ratio->xOf(QDate(1985, 1, 1)))
                return false;
        }
        return true;
    };
    QTRY_VERIFY(lineUp());
    m_window->resize(1300, 1000);
    QTRY_VERIFY(lineUp());
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 8, 1));
    QTRY_VERIFY(lineUp());

    // The export's path: views never shown, sized, filled, then lined up.
    QList<ChartView *> stack;
    std::vector<std::unique_ptr<ChartView>> views;
    for (const ChartKind kind : allChartKinds()) {
        views.push_back(std::make_unique<ChartView>());
        views.back()->resizeUnshown(QSize(1200, 200));
        views.back()->setContent(m_window->pair()->chart(kind, m_window->pair()->first(),
                                                         m_window->pair()->last(), 1000),
                                 m_window->pair()->first(), m_window->pair()->last());
        stack << views.back().get();
    }
    QVERIFY(stack[0]->naturalPlotArea().left() != stack[1]->naturalPlotArea().left());
    alignPlotAreas(stack);
    for (const ChartView *view : stack) {
        QCOMPARE(view->plotArea().left(), stack[0]->plotArea().left());
        QCOMPARE(view->plotArea().right(), stack[0]->plotArea().right());
    }
}

// Issue #12, vector export: the extension of --out chooses PNG, SVG or PDF; text stays text.
void TestWindow::issue12ExportsSvgAndPdfWithText()
{
    const auto exportTo = [this](const QString &out, const QStringList &more = {}) {
        QProcess p;
        p.start(
            indexlensBinary(),
            QStringList{
                QStringLiteral("--db"),       m_temp->path(),          QStringLiteral("export"),
                QStringLiteral("--chart"),    QStringLiteral("all"),   QStringLiteral("--a"),
                QStringLiteral("IWM"),        QStringLiteral("--b"),   QStringLiteral("SPY"),
                QStringLiteral("--rate"),     QStringLiteral("DGS10"), QStringLiteral("--from"),
                QStringLiteral("2024-01-02"), QStringLiteral("--to"),  QStringLiteral("2024-07-23"),
                QStringLiteral("--width"),    QStringLiteral("1200"),  QStringLiteral("--height"),
                QStringLiteral("800"),        QStringLiteral("--out"), out} +
                more);
        p.waitForFinished(60000);
        return std::pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    const QString svgPath = m_temp->dir() + QStringLiteral("/all.svg");
    auto [code, err] = exportTo(svgPath);
    QVERIFY2(code == 0, qPrintable(err));
    QSvgRenderer svg(svgPath);
    QVERIFY(svg.isValid());
    QCOMPARE(svg.viewBox(), QRect(0, 0, 1200, 800));
    QFile svgFile(svgPath);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    // Issue #12: names, not only tickers; the real source of each series; total or price.
    QVERIFY(svgText.contains(">iShares Russell 2000 ETF (IWM) vs SPDR S&amp;P 500 ETF (SPY), "
                             "2024-01-02 to 2024-07-23</text>"));
    QVERIFY(svgText.contains(">Data: Yahoo Finance (IWM, SPY), FRED (DGS10); total return; as of "
                             "2024-07-23</text>"));
    QCOMPARE(
        dataSourceLine(PriceStore(m_temp->db()),
                       {QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), QStringLiteral("DGS10")},
                       QStringLiteral("price return"), QDate(2025, 6, 26)),
        QStringLiteral("Data: Yahoo Finance (^GSPC), file ^IXIC.csv (^IXIC), FRED (DGS10); "
                       "price return; as of 2025-06-26"));
    QVERIFY(svgText.contains(">2,000</text>") == false); // no stray big numbers on a ratio
    QVERIFY(svgText.count("<text") > 40);                // titles, legends, every axis label

    const QString pdfPath = m_temp->dir() + QStringLiteral("/all.pdf");
    std::tie(code, err) = exportTo(pdfPath, {QStringLiteral("--theme"), QStringLiteral("dark")});
    QVERIFY2(code == 0, qPrintable(err));
    QFile pdfFile(pdfPath);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdf = pdfFile.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.contains("/FontFile")); // embedded fonts: the labels are text
    // 1200 x 800 px at 96 dpi, in points.
    QVERIFY(QRegularExpression(QStringLiteral("/MediaBox \\[0 0 900(\\.0+)? 600(\\.0+)?\\]"))
                .match(QString::fromLatin1(pdf))
                .hasMatch());

    std::tie(code, err) = exportTo(m_temp->dir() + QStringLiteral("/all.gif"));
    QCOMPARE(code, 2);
    QVERIFY2(err.contains(QStringLiteral("all.gif: expected a .png, .svg or .pdf file")),
             qPrintable(err));
    std::tie(code, err) = exportTo(pdfPath, {QStringLiteral("--theme"), QStringLiteral("blue")});
    QCOMPARE(code, 2);
    QVERIFY2(err.contains(QStringLiteral("--theme blue: expected light or dark")), qPrintable(err));
}

namespace {
// Pixels that differ between two grabs of the same size (all of them when the sizes differ).
int differingPixels(const QImage &a, const QImage &b, QRect *where = nullptr)
{
    if (a.size() != b.size()) return a.width() * a.height();
    const QImage ca = a.convertToFormat(QImage::Format_RGB32);
    const QImage cb = b.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    QRect box;
    for (int y = 0; y < ca.height(); ++y)
        for (int x = 0; x < ca.width(); ++x)
            if (ca.pixel(x, y) != cb.pixel(x, y)) {
                ++n;
                box |= QRect(x, y, 1, 1);
            }
    if (where) *where = box;
    return n;
}

// What the window shows of `widget`: its pixels in the window's backing store, as last painted
// (grab() would paint it afresh and hide stale pixels).
QImage onScreen(QWidget *widget)
{
    QWidget *window = widget->window();
    const QPoint at = widget->mapTo(window, QPoint(0, 0));
    QImage image =
        window->screen()
            ->grabWindow(window->winId(), at.x(), at.y(), widget->width(), widget->height())
            .toImage();
    if (image.size() != widget->size())
        QTest::qFail("no picture of the window's backing store", __FILE__, __LINE__);
    return image;
}
} // namespace

// Issue #12, 1: after presets, a drag (35 % to 60 % of the rebased chart, IWM/SPY 1Y), the wheel,
// an overview drag, a resize and a theme change, each chart must paint exactly as a fresh window
// in the same state does. Old
// axis labels stayed painted under the new ones ("Dec 2025" twice, ".00").
void TestWindow::issue12ChartsAfterInteractionLookFresh()
{
    QTest::mouseClick(m_window->presetButton(QStringLiteral("3Y")), Qt::LeftButton);
    QApplication::processEvents();
    QTest::mouseClick(m_window->presetButton(QStringLiteral("1Y")), Qt::LeftButton);
    ChartView *rebased = m_window->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    const QRectF plot = rebased->plotArea();
    const int y = int(plot.center().y());
    const QPoint start(int(plot.left() + plot.width() * 0.35), y);
    const QPoint end(int(plot.left() + plot.width() * 0.60), y);
    dragAcross(rebased->viewport(), start, end, 10);
    const QPointF at = m_window->chartView(ChartKind::Ratio)->plotArea().center();
    QWheelEvent wheel(at, rebased->viewport()->mapToGlobal(at.toPoint()), QPoint(), QPoint(0, -120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_window->chartView(ChartKind::Ratio)->viewport(), &wheel);
    QApplication::processEvents();
    OverviewStrip *strip = m_window->overview();
    const QPoint grip = strip->windowRect().center();
    dragAcross(strip, grip, grip - QPoint(40, 0), 5);
    QApplication::processEvents();
    m_window->resize(1400, 1000);
    QApplication::processEvents();
    m_window->setTheme(ThemeChoice::Dark);
    QEvent leave(QEvent::Leave); // the mouse leaves the chart: no crosshair on either
    QApplication::sendEvent(rebased->viewport(), &leave);
    QApplication::processEvents();
    m_window->study().writeRecovery(); // the state a fresh window restores

    MainWindow fresh(m_temp->path());
    fresh.resize(m_window->size());
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    QCOMPARE(fresh.rangeFrom(), m_window->rangeFrom());
    QCOMPARE(fresh.rangeTo(), m_window->rangeTo());
    QApplication::processEvents();
    for (const ChartKind kind : allChartKinds()) {
        QRect where;
        const int n = differingPixels(onScreen(m_window->chartView(kind)),
                                      onScreen(fresh.chartView(kind)), &where);
        QVERIFY2(n == 0, qPrintable(QStringLiteral("chart %1: %2 pixels differ in (%3,%4 %5x%6)")
                                        .arg(int(kind))
                                        .arg(n)
                                        .arg(where.x())
                                        .arg(where.y())
                                        .arg(where.width())
                                        .arg(where.height())));
    }
    fresh.setTheme(ThemeChoice::System);
}

// Issue #12: with the headline moved out of the charts' titles, a new range left the rebased and
// relative charts' titles naming the old base close (seen under Xvfb after a drag; the
// fresh-render test's theme change redrew the titles and hid it).
void TestWindow::issue12TitlesFollowTheRange()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    m_window->setRange(QDate(2024, 8, 1), QDate(2024, 12, 31));
    const QString base = m_window->pair()->baseDay(m_window->rangeFrom()).toString(Qt::ISODate);
    QCOMPARE(base, QStringLiteral("2024-08-01")); // the range's first day (issue #22)
    for (const ChartKind kind : {ChartKind::Rebased, ChartKind::Relative})
        QVERIFY2(m_window->chartView(kind)->titleText().contains(base),
                 qPrintable(m_window->chartView(kind)->titleText()));
}

// Issue #12, 6: View > Theme > Dark turns the window and its charts dark, is remembered, and keeps
// the rates muted: A and B stand out of the dark chart more than the rate does.
void TestWindow::issue12DarkThemeIsChosenAndRemembered()
{
    QAction *dark = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Dark")) dark = action;
    QVERIFY(dark);
    dark->trigger();
    QVERIFY(dark->isChecked());
    QVERIFY(m_window->isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    ChartView *view = m_window->chartView(ChartKind::Rebased);
    QCOMPARE(view->theme(), Theme::Dark);
    QApplication::processEvents();
    const QImage image = view->grab().toImage();
    const QRect plot = view->plotArea().toRect().adjusted(2, 2, -2, -2);
    int a = 0, rate = 0, oldRate = 0;
    for (int y = plot.top(); y <= plot.bottom(); ++y)
        for (int x = plot.left(); x <= plot.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            a += c == ChartView::colorFor(0, false, Theme::Dark);
            rate += c == ChartView::colorFor(0, true, Theme::Dark);
            oldRate += c == QColor(0x9a, 0x9a, 0x9a); // the near-white grey of before
        }
    QVERIFY2(
        a > 100 && rate > 100 && oldRate == 0,
        qPrintable(QStringLiteral("A %1, rate %2, old grey %3").arg(a).arg(rate).arg(oldRate)));
    m_window->close();
    {
        MainWindow again(m_temp->path());
        QVERIFY(again.isDark());
        QCOMPARE(again.chartView(ChartKind::Ratio)->theme(), Theme::Dark);
        again.setTheme(ThemeChoice::System); // leaves the settings as the other tests expect
    }
}

// Issue #12, 4: the window's minimum height was 894 px; it must open and work at 1280x720 (a
// window of 1152x648 there), with readable charts, six table rows and year labels on the overview.
void TestWindow::issue12FitsASmallScreen()
{
    auto *scroll = m_window->findChild<QScrollArea *>(QStringLiteral("chartsScroll"));
    QVERIFY(scroll);
    QApplication::processEvents();
    QVERIFY(!scroll->verticalScrollBar()->isVisible()); // a big screen: nothing to scroll

    m_window->resize(1152, 648);
    QApplication::processEvents();
    QVERIFY2(m_window->minimumSizeHint().height() <= 648,
             qPrintable(QString::number(m_window->minimumSizeHint().height())));
    QCOMPARE(m_window->height(), 648);
    for (const ChartKind kind : allChartKinds()) {
        const ChartView *view = m_window->chartView(kind);
        QVERIFY2(view->height() >= 140, qPrintable(QString::number(view->height())));
        // The title row (with or without the legend) stays above the plot.
        QVERIFY(view->plotArea().top() > 20);
        QVERIFY(view->dateAxisLabels().size() >= 2);
    }
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("returnsTable"));
    // Every row of the returns table is in view (its header too), beside its scroll bar since
    // the high and low columns came (issue #25, 3).
    const int rows = table->viewport()->height() / table->verticalHeader()->defaultSectionSize();
    QVERIFY2(rows >= table->model()->rowCount() + 1, qPrintable(QString::number(rows)));

    // Decades in the overview are labelled by years (^GSPC/^IXIC hold month ends from 1979).
    m_window->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    QTest::mouseClick(m_window->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    const QStringList years = m_window->overview()->tickLabels();
    QVERIFY2(years.size() >= 4, qPrintable(years.join(QLatin1Char(' '))));
    for (const QString &year : years)
        QVERIFY2(year.size() == 4 && year.toInt() >= 1979 && year.toInt() <= 2025,
                 qPrintable(year));
}

// Issue #12, marks: the periods as numbered bands with their labels (FTSE Russell's exhibit 4) and
// the largest moves as markers with their dates (exhibit 3), toggled from the View menu and
// options of `indexlens export`. Figures as `periods` and `moves` give them for IWM/SPY:
// 2023-06-30..10-31 -6.41 pp, 10y +107 bp; 2023-12-29..2024-04-30 -8.09 pp, +81 bp; the largest
// move of IWM from 2023-06-30 to 2024-07-23 is +5.49 % on 2023-11-14.
void TestWindow::issue12MarksPeriodsAndMoves()
{
    m_window->setRange(QDate(2023, 6, 30), QDate(2024, 7, 23));
    m_window->session().addPeriod({QDate(2023, 6, 30), QDate(2023, 10, 31)});
    m_window->session().addPeriod({QDate(2023, 12, 29), QDate(2024, 4, 30)});
    QStringList triggered;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Show &periods on the charts") ||
            (action->text() == QStringLiteral("3") && action->data().toInt() == 3)) {
            action->trigger();
            triggered << action->text();
        }
    }
    QCOMPARE(triggered.size(), 2);
    QVERIFY(m_window->session().periodBands());
    QCOMPARE(m_window->session().markedMoves(), 3);
    // Issue #24, 10: the top chart of the stack writes the labels, the others none, and the key
    // under the headline gives each in full.
    ChartView *view = m_window->chartView(ChartKind::Relative);
    ChartView *top = m_window->chartView(ChartKind::Ratio);
    top->grab(); // paints, and the marks layer records what it drew
    view->grab();
    const QStringList labels = top->markLabels();
    for (const QString &expected : {QStringLiteral("1: IWM \u2212 SPY \u22126.4 pp, 10y +107 bp"),
                                    QStringLiteral("2: IWM \u2212 SPY \u22128.1 pp, 10y +81 bp"),
                                    QStringLiteral("2023-11-14 IWM +5.5%")})
        QVERIFY2(labels.contains(expected), qPrintable(labels.join(QStringLiteral(" | "))));
    QCOMPARE(labels.size(), 5); // two bands and three moves, none left out
    QVERIFY(view->markLabels().isEmpty());
    const QString key = m_window->findChild<QLabel *>(QStringLiteral("marksKey"))->text();
    // Each entry whole on its line (non-breaking spaces inside it).
    QVERIFY2(
        key.contains(
            QStringLiteral("M1: 2023-11-14 IWM +5.5%").replace(QLatin1Char(' '), QChar(0x00a0))),
        qPrintable(key));
    // The band is shaded: between the two periods' dates the plot has the band's tint.
    const QImage image = view->grab().toImage();
    const int y = int(view->plotArea().bottom()) - 3;
    QVERIFY(image.pixelColor(view->xOf(QDate(2023, 8, 15)), y) != Qt::white);
    QCOMPARE(image.pixelColor(view->xOf(QDate(2023, 11, 30)), y), QColor(Qt::white));

    // Remembered with the session.
    m_window->study().writeRecovery();
    {
        MainWindow again(m_temp->path());
        QVERIFY(again.session().periodBands());
        QCOMPARE(again.session().markedMoves(), 3);
        again.session().setPeriodBands(false);
        again.session().setMarkedMoves(0);
        again.study().writeRecovery();
    }
}

// Issue #12, marks: the same marks in an export, as text in SVG; a malformed period is named.
void TestWindow::issue12MarksInTheExport()
{
    QProcess p;
    const QString out = m_temp->dir() + QStringLiteral("/marks.svg");
    p.start(indexlensBinary(), {QStringLiteral("--db"),
                                m_temp->path(),
                                QStringLiteral("export"),
                                QStringLiteral("--chart"),
                                QStringLiteral("relative"),
                                QStringLiteral("--a"),
                                QStringLiteral("IWM"),
                                QStringLiteral("--b"),
                                QStringLiteral("SPY"),
                                QStringLiteral("--rate"),
                                QStringLiteral("DGS10"),
                                QStringLiteral("--from"),
                                QStringLiteral("2023-06-30"),
                                QStringLiteral("--to"),
                                QStringLiteral("2024-07-23"),
                                QStringLiteral("--periods"),
                                QStringLiteral("2023-06-30:2023-10-31,2023-12-29:2024-04-30"),
                                QStringLiteral("--mark-moves"),
                                QStringLiteral("3"),
                                QStringLiteral("--out"),
                                out});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile svg(out);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(svg.readAll());
    QVERIFY(text.contains(QStringLiteral(">1: IWM \u2212 SPY \u22126.4 pp, 10y +107 bp</text>")));
    QVERIFY(text.contains(QStringLiteral(">2023-11-14 IWM +5.5%</text>")));
    // A malformed period names the option.
    p.start(indexlensBinary(),
            {QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
             QStringLiteral("--chart"), QStringLiteral("all"), QStringLiteral("--a"),
             QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("SPY"),
             QStringLiteral("--from"), QStringLiteral("2023-06-30"), QStringLiteral("--to"),
             QStringLiteral("2024-07-23"), QStringLiteral("--periods"),
             QStringLiteral("2023-06-30"), QStringLiteral("--out"), out});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("malformed --periods 2023-06-30"));
}

namespace {
int pixelsOf(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            n += image.pixelColor(x, y) == colour;
    return n;
}
} // namespace

// Issue #12: Copy chart copied a light, linear ratio chart whatever the window showed. It copies
// the chart last clicked (or from that chart's menu) in the window's theme and scale.
void TestWindow::issue12CopyChartCopiesTheChartShown()
{
    m_window->setTheme(ThemeChoice::Dark);
    m_window->session().setLogScale(true);
    ChartView *rebased = m_window->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    QTest::mouseClick(rebased->viewport(), Qt::LeftButton, {},
                      rebased->plotArea().center().toPoint());
    for (QAction *action : m_window->findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Copy chart")) action->trigger();
    QImage image = QApplication::clipboard()->image();
    QCOMPARE(image.size(), QSize(3200, 1200));
    QCOMPARE(image.pixelColor(2, 2), chartPalette(Theme::Dark).background);
    // Rebased: A and B, no 200-day average (the ratio chart's third line).
    QVERIFY(pixelsOf(image, ChartView::colorFor(1, false, Theme::Dark)) > 200);
    QCOMPARE(pixelsOf(image, ChartView::colorFor(2, false, Theme::Dark)), 0);

    // From the spread chart's own menu: bars, in the spread's colour.
    ChartView *spread = m_window->chartView(ChartKind::Spread);
    const QString chosen =
        chooseMenuEntry(spread, spread->plotArea().center().toPoint(), QStringLiteral("copyChart"));
    QCOMPARE(chosen, QStringLiteral("Copy chart"));
    image = QApplication::clipboard()->image();
    QCOMPARE(image.size(), QSize(3200, 1200));
    QVERIFY(pixelsOf(image, ChartView::colorFor(0, false, Theme::Dark)) > 200);
    QCOMPARE(pixelsOf(image, ChartView::colorFor(1, false, Theme::Dark)), 0); // no B line
    m_window->session().setLogScale(false);
    m_window->setTheme(ThemeChoice::System);
}

// Issue #12: the export dialog starts from the last size, scale and format.
void TestWindow::issue12ExportDialogRemembersItsChoice()
{
    QTimer::singleShot(100, this, [] {
        auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
        if (!dialog) return;
        const auto spins = dialog->findChildren<QSpinBox *>();
        spins[0]->setValue(1200);
        spins[1]->setValue(700);
        dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"))->setCurrentIndex(2);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    const auto choice = ExportDialog::ask(ChartKind::Spread, m_window.get());
    QVERIFY(choice);
    QCOMPARE(choice->kinds, std::vector<ChartKind>{ChartKind::Spread});
    QCOMPARE(choice->format, ExportFormat::Pdf);
    const ExportDialog again(std::nullopt);
    const ExportDialog::Choice remembered = again.choice();
    QCOMPARE(remembered.options.width, 1200);
    QCOMPARE(remembered.options.height, 700);
    QCOMPARE(remembered.format, ExportFormat::Pdf);
    QCOMPARE(remembered.kinds, std::vector<ChartKind>{ChartKind::Spread});
    openAppSettings()->remove(QStringLiteral("export"));
}

// Issue #12: hovering one chart draws the line at that date in all four, at the same x (the plot
// areas line up); the spread's read-out gives A %, B % and A - B pp. IWM/SPY on 2024-07-11:
// +3.59 % and -0.86 %, 4.46 pp (as `moves` gives them).
void TestWindow::issue12OneCrosshairAcrossTheStack()
{
    m_window->setRange(QDate(2024, 6, 3), QDate(2024, 7, 31));
    ChartView *spread = m_window->chartView(ChartKind::Spread);
    QApplication::processEvents();
    const QDate day(2024, 7, 11);
    QTest::mouseMove(spread->viewport(),
                     QPoint(spread->xOf(day), int(spread->plotArea().center().y())));
    const QDate shown = m_window->crosshair(ChartKind::Spread)->date();
    QCOMPARE(shown, day);
    for (const ChartKind kind : allChartKinds()) {
        QVERIFY(m_window->crosshair(kind)->lineVisible());
        QCOMPARE(m_window->crosshair(kind)->lineX(), spread->xOf(day));
    }
    const QString text = m_window->crosshair(ChartKind::Spread)->text();
    for (const QString &part : {QStringLiteral("IWM %: 3.59"), QStringLiteral("SPY %: -0.86"),
                                QStringLiteral("IWM \u2212 SPY pp: 4.46")})
        QVERIFY2(text.contains(part), qPrintable(text));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(spread->viewport(), &leave);
    for (const ChartKind kind : allChartKinds())
        QVERIFY(!m_window->crosshair(kind)->lineVisible());
}

// Issue #12, keyboard: with a chart focused (a click), the arrows pan and + and - zoom; Ctrl+1 ..
// Ctrl+9 are the presets; in a picker the arrows stay the picker's. Every toolbar button has a
// tooltip.
void TestWindow::issue12KeyboardPansZoomsAndPicksPresets()
{
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    ChartView *view = m_window->chartView(ChartKind::Ratio);
    QApplication::processEvents();
    m_window->activateWindow();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->plotArea().center().toPoint());
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Left);
    QVERIFY2(m_window->rangeFrom() < QDate(2024, 1, 2) && m_window->rangeTo() < QDate(2024, 6, 28),
             qPrintable(m_window->rangeFrom().toString(Qt::ISODate)));
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 1, 2));
    const qint64 span = m_window->rangeFrom().daysTo(m_window->rangeTo());
    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(m_window->rangeFrom().daysTo(m_window->rangeTo()) < span);
    QTest::keyClick(view, Qt::Key_Minus);
    QVERIFY(m_window->rangeFrom().daysTo(m_window->rangeTo()) >= span - 4);

    QTest::keyClick(view, Qt::Key_5, Qt::ControlModifier); // the fifth preset: 1Y
    // A button's shortcut clicks it as an animated click, a moment later.
    QTRY_VERIFY(m_window->presetButton(QStringLiteral("1Y"))->isChecked());
    QCOMPARE(m_window->rangeTo(), QDate(2025, 9, 26));

    // In a picker an arrow is the picker's.
    const QDate from = m_window->rangeFrom();
    auto *a = m_window->findChild<QComboBox *>(QStringLiteral("seriesA"));
    a->setFocus();
    QTest::keyClick(a->lineEdit(), Qt::Key_Left);
    QCOMPARE(m_window->rangeFrom(), from);

    for (QWidget *button : m_window->findChild<QWidget *>(QStringLiteral("rangeBar"))
                               ->findChildren<QAbstractButton *>())
        QVERIFY2(!button->toolTip().isEmpty() || !button->isVisible(),
                 qPrintable(button->objectName()));
}

// Issue #13, rate regimes: View > Show rate regimes shades the periods in which DGS10 rose or fell
// (FTSE Russell's exhibit 4: to month ends 2023-10-31, 12-29, 2024-04-30), labelled with the
// change; one action adds them to the Periods table with A %, B %, A - B and the rate change.
void TestWindow::issue13RegimeBandsAndPeriods()
{
    m_window->setRange(QDate(2023, 6, 30), QDate(2024, 7, 23)); // from the close of 2023-06-30
    while (!m_window->session().periods().empty()) // what earlier tests saved for IWM/SPY
        m_window->session().removePeriod(0);
    QAction *show = nullptr, *add = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Show rate &regimes")) show = action;
        if (action->text() == QStringLiteral("Add rate regimes to periods")) add = action;
    }
    QVERIFY(show && add);
    show->trigger();
    ChartView *view = m_window->chartView(ChartKind::Ratio);
    view->grab();
    const QStringList labels = view->markLabels();
    for (const QString &expected :
         {QStringLiteral("10y +107 bp"), QStringLiteral("10y \u2212100 bp"),
          QStringLiteral("10y +81 bp")})
        QVERIFY2(labels.contains(expected), qPrintable(labels.join(QStringLiteral(" | "))));
    add->trigger();
    ResultTableModel *periods = m_window->periodsModel();
    QCOMPARE(periods->rowCount(), 4);
    QCOMPARE(periods->index(0, 0).data(Qt::UserRole).toDate(), QDate(2023, 6, 30));
    QCOMPARE(periods->index(0, 1).data(Qt::UserRole).toDate(), QDate(2023, 10, 31));
    QCOMPARE(periods->index(1, 1).data(Qt::UserRole).toDate(), QDate(2023, 12, 29));
    QCOMPARE(periods->index(2, 1).data(Qt::UserRole).toDate(), QDate(2024, 4, 30));
    add->trigger(); // already listed: nothing doubles
    QCOMPARE(periods->rowCount(), 4);
    show->trigger();
    QVERIFY(!m_window->session().regimeBands());
}

// Issue #13: export --chart compare draws several series rebased to 100 (PNG, SVG, PDF) or writes
// their values (CSV: date and one column per symbol, 100 at the base close).
void TestWindow::issue13ExportCompare()
{
    const auto exportTo = [this](const QString &out) {
        QProcess p;
        p.start(indexlensBinary(),
                {QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
                 QStringLiteral("--chart"), QStringLiteral("compare"), QStringLiteral("--symbols"),
                 QStringLiteral("iwm,SPY,^GSPC"), QStringLiteral("--rate"), QStringLiteral("DGS10"),
                 QStringLiteral("--from"), QStringLiteral("2024-06-28"), QStringLiteral("--to"),
                 QStringLiteral("2024-07-23"), QStringLiteral("--out"), out});
        p.waitForFinished(60000);
        return std::pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    const QString svg = m_temp->dir() + QStringLiteral("/compare.svg");
    auto [code, err] = exportTo(svg);
    QVERIFY2(code == 0, qPrintable(err));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(svgFile.readAll());
    // Issue #22: --from 2024-06-28 starts at its close (it was the close before --from); ^GSPC is
    // a price index (adjusted close = close), said so beside the ETFs' total returns.
    QVERIFY2(text.contains(QStringLiteral(">3 series rebased to 100 at the close of 2024-06-28: "
                                          "total return (IWM, SPY); price (^GSPC)</text>")),
             qPrintable(text.section(QStringLiteral("series"), 1, 1).left(200)));
    QVERIFY(text.contains(QStringLiteral("^GSPC (price)\u00a0\u00a0</text>"))); // its legend
    QVERIFY(text.contains(QStringLiteral(">IWM 109.7</text>"))); // the end tag: +9.7 %
    const QString csv = m_temp->dir() + QStringLiteral("/compare.csv");
    std::tie(code, err) = exportTo(csv);
    QVERIFY2(code == 0, qPrintable(err));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'));
    QCOMPARE(lines[0], QStringLiteral("date,IWM,SPY,^GSPC"));
    QCOMPARE(lines[1], QStringLiteral("2024-06-28,100,100,100"));
    std::tie(code, err) = exportTo(m_temp->dir() + QStringLiteral("/compare.txt"));
    QCOMPARE(code, 2);
    QVERIFY2(err.contains(QStringLiteral("expected a .png, .svg, .pdf or .csv file")),
             qPrintable(err));
}

// Issue #13, compare view: a tab beside the pair view; a group fills the list, the picker adds a
// series, Delete removes one; the chart rebases them at the close before the range, with the
// rate; a drag on it sets the shared range; the returns table gives each series' range return
// (IWM +9.73 % and SPY +1.76 % from 2024-06-28 to 2024-07-23, as `returns` gives them).
void TestWindow::issue13CompareViewSharesTheRange()
{
    m_window->setRange(QDate(2024, 6, 28), QDate(2024, 7, 23));
    m_window->showView(1);
    ComparePanel *compare = m_window->compare();
    QTRY_VERIFY(compare->isVisible());
    auto *group = compare->findChild<QComboBox *>(QStringLiteral("compareGroup"));
    const int us = group->findText(QStringLiteral("US indices"));
    QVERIFY(us > 0);
    group->setCurrentIndex(us);
    Q_EMIT group->activated(us); // as a click on the entry does
    QCOMPARE(m_window->compareSession().symbols(),
             (QStringList{QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), QStringLiteral("^RUT"),
                          QStringLiteral("^NDX")}));
    QVERIFY2(compare->error().contains(QStringLiteral("^RUT")) ||
                 compare->error().contains(QStringLiteral("^NDX")),
             qPrintable(compare->error())); // not in this cache: said, not dropped silently
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    auto *add = compare->findChild<QComboBox *>(QStringLiteral("compareAdd"));
    add->setFocus();
    QTest::keyClicks(add->lineEdit(), QStringLiteral("^gspc"));
    QTest::keyClick(add->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->compareSession().symbols().size(), 3);
    QVERIFY(compare->error().isEmpty());
    ChartView *view = compare->view();
    QCOMPARE(view->content().kind, ChartKind::Compare);
    QCOMPARE(int(view->content().lines.size()), 4); // three series and DGS10
    QVERIFY(view->content().title.contains(QStringLiteral("close of 2024-06-28")));
    ResultTableModel *returns = compare->returnsModel();
    QCOMPARE(returns->rowCount(), 3);
    COMPARE_NEAR(returns->index(0, 1).data(Qt::UserRole).toDouble(), 9.73, 0.005);
    COMPARE_NEAR(returns->index(1, 1).data(Qt::UserRole).toDouble(), 1.76, 0.005);
    // Delete removes the selected series.
    auto *list = compare->findChild<QListWidget *>(QStringLiteral("compareSeries"));
    list->setCurrentRow(2);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(m_window->compareSession().symbols(),
             (QStringList{QStringLiteral("IWM"), QStringLiteral("SPY")}));
    // A drag across the compare chart sets the range both views share.
    QApplication::processEvents();
    const QRectF plot = view->plotArea();
    const int y = int(plot.center().y());
    const QPoint start(view->xOf(QDate(2024, 7, 8)), y), end(view->xOf(QDate(2024, 7, 16)), y);
    dragAcross(view->viewport(), start, end, 8);
    QVERIFY2(tradingDayDistance(m_window->rangeFrom(), QDate(2024, 7, 8)) <= 1,
             qPrintable(m_window->rangeFrom().toString(Qt::ISODate)));
    QCOMPARE(view->from(), m_window->rangeFrom());
    QCOMPARE(m_window->chartView(ChartKind::Ratio)->from(), m_window->rangeFrom());
    m_window->showView(0);
}

// Issue #13, rate sensitivity: a tab with the rolling correlation (left) and beta (right) of
// IWM/SPY's daily log change against DGS10's daily change; the window is chosen (60 by default);
// without a rate it says so. The same chart from `export --chart sensitivity --window N`.
void TestWindow::issue13RateSensitivityTab()
{
    m_window->setRange(QDate(2022, 1, 3), QDate(2024, 12, 31));
    m_window->showView(2);
    SensitivityPanel *panel = m_window->sensitivity();
    QTRY_VERIFY(panel->isVisible());
    const ChartContent &content = panel->view()->content();
    QCOMPARE(content.kind, ChartKind::Sensitivity);
    QCOMPARE(int(content.lines.size()), 2);
    QVERIFY(content.lines[1].rightAxis);
    QVERIFY2(content.title.contains(QStringLiteral("rolling 60-day")), qPrintable(content.title));
    for (const QPointF &p : content.lines[0].points)
        QVERIFY(p.y() >= -1.0 && p.y() <= 1.0);
    QVERIFY(content.lines[0].points.size() > 100);
    // The scatter below: each day's point and the fitted line, the fit in the title.
    const ChartContent &scatter = panel->scatterView()->content();
    QCOMPARE(scatter.kind, ChartKind::Scatter);
    QVERIFY(scatter.lines[0].dots && scatter.lines[0].points.size() > 400);
    QCOMPARE(int(scatter.lines[1].points.size()), 2);
    QVERIFY2(scatter.title.contains(QStringLiteral("pp per 10 bp")), qPrintable(scatter.title));
    auto *window = panel->findChild<QComboBox *>(QStringLiteral("sensitivityWindow"));
    window->setFocus();
    QTest::keyClick(window, Qt::Key_Up); // 60 -> 20 days, as the user picks it
    QVERIFY(panel->view()->content().title.contains(QStringLiteral("rolling 20-day")));
    QCOMPARE(m_window->session().sensitivityWindow(), 20);
    // Both charts copy from their menus, as every chart does.
    for (ChartView *chart : {panel->view(), panel->scatterView()}) {
        QApplication::clipboard()->clear();
        QCOMPARE(chooseMenuEntry(chart, chart->plotArea().center().toPoint(),
                                 QStringLiteral("copyChart")),
                 QStringLiteral("Copy chart"));
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(3200, 1400));
    }
    m_window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QVERIFY2(panel->error().contains(QStringLiteral("needs a rate")), qPrintable(panel->error()));
    m_window->showView(0);

    QProcess p;
    const QString out = m_temp->dir() + QStringLiteral("/sensitivity.png");
    p.start(indexlensBinary(),
            {QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
             QStringLiteral("--chart"), QStringLiteral("sensitivity"), QStringLiteral("--a"),
             QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("SPY"),
             QStringLiteral("--rate"), QStringLiteral("DGS10"), QStringLiteral("--window"),
             QStringLiteral("120"), QStringLiteral("--from"), QStringLiteral("2022-01-03"),
             QStringLiteral("--to"), QStringLiteral("2024-12-31"), QStringLiteral("--out"), out});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(QImage(out).size(), QSize(1600, 900));
    // The scatter's title carries the fit `sensitivity` prints: one definition of the numbers.
    const QString svg = m_temp->dir() + QStringLiteral("/scatter.svg");
    const QStringList range{QStringLiteral("--a"),    QStringLiteral("IWM"),
                            QStringLiteral("--b"),    QStringLiteral("SPY"),
                            QStringLiteral("--rate"), QStringLiteral("DGS10"),
                            QStringLiteral("--from"), QStringLiteral("2022-01-03"),
                            QStringLiteral("--to"),   QStringLiteral("2024-12-31")};
    p.start(indexlensBinary(),
            QStringList{QStringLiteral("--db"), m_temp->path(), QStringLiteral("sensitivity"),
                        QStringLiteral("--format"), QStringLiteral("csv")} +
                range);
    QVERIFY(p.waitForFinished(60000));
    const QStringList fit = QString::fromUtf8(p.readAllStandardOutput())
                                .split(QLatin1Char('\n'))[1]
                                .split(QLatin1Char(','));
    p.start(indexlensBinary(),
            QStringList{QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
                        QStringLiteral("--chart"), QStringLiteral("scatter"),
                        QStringLiteral("--out"), svg} +
                range);
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString expected = QStringLiteral("%1 pp per 10 bp, R\u00b2 %2, corr %3, n %4")
                                 .arg(fit[0].toDouble(), 0, 'f', 2)
                                 .arg(fit[2].toDouble(), 0, 'f', 2)
                                 .arg(fit[3].toDouble(), 0, 'f', 2)
                                 .arg(fit[4]);
    QVERIFY2(QString::fromUtf8(file.readAll()).contains(expected), qPrintable(expected));
}

// Issue #13, returns on days and periods: from the compare chart's menu, the day under the mouse
// and the range become columns of the returns table (IWM +3.59 % on 2024-07-11 from the previous
// close, +9.73 % from 2024-06-28 to 07-23, as `returns --day/--period` gives them) and groups of
// the bars beside it; Delete in the table removes a column; Ctrl+C copies the table exactly as
// `export --chart returns-bars --out F.csv` writes it.
void TestWindow::issue13CompareReturnsOnDaysPeriodsAndBars()
{
    m_window->setRange(QDate(2024, 6, 28), QDate(2024, 7, 23));
    CompareSession &session = m_window->compareSession();
    session.setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("^GSPC")});
    session.clearMeasures();
    m_window->showView(1);
    ComparePanel *compare = m_window->compare();
    QTRY_VERIFY(compare->isVisible());
    QApplication::processEvents();
    ChartView *view = compare->view();
    const int y = int(view->plotArea().center().y());
    const QString day =
        chooseMenuEntry(view, QPoint(view->xOf(QDate(2024, 7, 11)), y), QStringLiteral("addDay"));
    QCOMPARE(day, QStringLiteral("Add 2024-07-11's returns to the table"));
    const QString period = chooseMenuEntry(view, QPoint(view->xOf(QDate(2024, 7, 15)), y),
                                           QStringLiteral("addPeriod"));
    QCOMPARE(period, QStringLiteral("Add the range (2024-06-28 to 2024-07-23) to the table"));
    ResultTableModel *returns = compare->returnsModel();
    QCOMPARE(returns->columnCount(), 6 + 8); // and the high and low columns (issue #25, 3)
    QCOMPARE(returns->headerData(4, Qt::Horizontal).toString(), QStringLiteral("2024-07-11"));
    COMPARE_NEAR(returns->index(0, 4).data(Qt::UserRole).toDouble(), 3.5944, 1e-4);
    // SPY: 548.114624 / 552.881897 (adjusted closes of yahoo/SPY.csv) - 1.
    COMPARE_NEAR(returns->index(1, 4).data(Qt::UserRole).toDouble(), -0.86226, 1e-4);
    COMPARE_NEAR(returns->index(0, 5).data(Qt::UserRole).toDouble(), 9.7294, 1e-4);
    // The bars: a group per column added, a bar per series in its colour.
    const ChartContent &bars = compare->barsView()->content();
    QCOMPARE(bars.kind, ChartKind::ReturnsBars);
    QCOMPARE(bars.categories,
             (QStringList{QStringLiteral("2024-07-11"), QStringLiteral("2024-06-28 to 07-23")}));
    QCOMPARE(int(bars.lines.size()), 3);
    COMPARE_NEAR(bars.lines[0].points[0].y(), 3.5944, 1e-4);
    QCOMPARE(bars.lines[0].colourSlot, compare->view()->content().lines[0].colourSlot);
    QCOMPARE(compare->barsView()->dateAxisLabels(), bars.categories);

    // Ctrl+C: what the command line writes.
    ResultTableView *table = compare->returnsTable();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QString csv = m_temp->dir() + QStringLiteral("/bars.csv");
    const CliRun cli = runIndexlens(
        {QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
         QStringLiteral("--chart"), QStringLiteral("returns-bars"), QStringLiteral("--symbols"),
         QStringLiteral("IWM,SPY,^GSPC"), QStringLiteral("--from"), QStringLiteral("2024-06-28"),
         QStringLiteral("--to"), QStringLiteral("2024-07-23"), QStringLiteral("--day"),
         QStringLiteral("2024-07-11"), QStringLiteral("--period"),
         QStringLiteral("2024-06-28:2024-07-23"), QStringLiteral("--out"), csv},
        childEnvironment(m_temp->dir() + QStringLiteral("/cli.ini")));
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8(file.readAll()));

    // Delete on a cell of the day's column removes the day.
    const QRect cell = table->visualRect(table->model()->index(0, 4));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(returns->columnCount(), 5 + 8); // and the high and low columns
    QCOMPARE(session.measures().labels(), QStringList{QStringLiteral("2024-06-28 to 2024-07-23")});
    QCOMPARE(compare->barsView()->content().categories.size(), 1);
    session.clearMeasures();
    m_window->showView(0);
}

// Issue #13: "Rebase here" on the compare chart rebases both views at that close; Copy chart on
// the compare chart and on its bars puts the chart on the clipboard (a slide's size, sharp); the
// export of the bars writes a PDF with its title as text.
void TestWindow::issue13CompareChartsCopyAndRebase()
{
    m_window->setRange(QDate(2024, 7, 1), QDate(2024, 7, 23));
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    m_window->showView(1);
    ComparePanel *compare = m_window->compare();
    QTRY_VERIFY(compare->isVisible());
    QApplication::processEvents();
    ChartView *view = compare->view();
    const int y = int(view->plotArea().center().y());
    const QString rebase = chooseMenuEntry(view, QPoint(view->xOf(QDate(2024, 7, 13)), y),
                                           QStringLiteral("rebaseHere"));
    QCOMPARE(rebase, QStringLiteral("Rebase here (2024-07-12)")); // Saturday: Friday's close
    QCOMPARE(m_window->rebaseDate(), std::optional(QDate(2024, 7, 12)));
    QVERIFY2(view->content().title.contains(QStringLiteral("close of 2024-07-12")),
             qPrintable(view->content().title));
    QVERIFY(m_window->chartView(ChartKind::Rebased)
                ->content()
                .title.contains(QStringLiteral("close of 2024-07-12")));
    COMPARE_NEAR(compare->returnsModel()->index(0, 1).data(Qt::UserRole).toDouble(),
                 m_window->returnsModel()->index(0, 1).data(Qt::UserRole).toDouble(), 1e-9);
    for (ChartView *chart : {view, compare->barsView()}) {
        QApplication::clipboard()->clear();
        const QString copied = chooseMenuEntry(chart, chart->plotArea().center().toPoint(),
                                               QStringLiteral("copyChart"));
        QCOMPARE(copied, QStringLiteral("Copy chart"));
        const QImage image = QApplication::clipboard()->image();
        QCOMPARE(image.size(), QSize(3200, 1400));
    }
    const QString pdf = m_temp->dir() + QStringLiteral("/bars.pdf");
    ExportOptions options;
    options.width = 1200;
    options.height = 700;
    const ChartExports::ViewChart bars{ChartKind::ReturnsBars, QStringLiteral("bars"), {}};
    QVERIFY(m_window->exports().exportViewFile(pdf, bars, options));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF"));
    m_window->showView(0);
}

// Issue #13: groups of the user's own, typed in Settings as "Name: SYM, SYM" lines, join the
// catalog's in the compare view's list; a line that is not a group keeps the dialog open and is
// named.
void TestWindow::issue13UserGroupsFromTheSettings()
{
    CompareSession &session = m_window->compareSession();
    session.setUserGroups({});
    SettingsDialog dialog;
    dialog.setCompareGroups(session.userGroups());
    auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("compareGroups"));
    QVERIFY(text);
    text->setFocus();
    QTest::keyClicks(text, QStringLiteral("Mine: iwm, spy"));
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClicks(text, QStringLiteral("broken line"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    dialog.show();
    QTest::mouseClick(ok, Qt::LeftButton);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("compareGroupsError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("line 2")), qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    QTest::keyClick(text, Qt::Key_Backspace);
    for (int i = 0; i < 11; ++i)
        QTest::keyClick(text, Qt::Key_Backspace);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(int(dialog.compareGroups().size()), 1);
    session.setUserGroups(dialog.compareGroups());
    m_window->showView(1);
    auto *group = m_window->compare()->findChild<QComboBox *>(QStringLiteral("compareGroup"));
    const int mine = group->findText(QStringLiteral("Mine"));
    QVERIFY(mine > 0);
    Q_EMIT group->activated(mine);
    QCOMPARE(session.symbols(), (QStringList{QStringLiteral("IWM"), QStringLiteral("SPY")}));
    session.setUserGroups({});
    m_window->showView(0);
}

// Issue #13, seen under Xvfb at 1280x720: the compare chart's end tags ("IWM 109.5") were drawn
// over the last days of the lines. The x range now leaves them a gutter past the last day, at
// any width (it is in pixels, so a resize moves it), and the lines' last point is left of every
// tag.
void TestWindow::issue13EndTagsSitRightOfTheLines()
{
    m_window->setRange(QDate(2024, 7, 1), QDate(2024, 7, 23));
    m_window->compareSession().setSymbols(
        {QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("^GSPC")});
    m_window->showView(1);
    ChartView *view = m_window->compare()->view();
    QTRY_VERIFY(view->isVisible());
    for (const int width : {1600, 1000}) {
        m_window->resize(width, 1100);
        QApplication::processEvents();
        const QFontMetricsF metrics(view->chart()->legend()->font());
        double widest = 0;
        for (const ChartLine &line : view->content().lines)
            widest = std::max(widest, metrics.horizontalAdvance(line.endLabel));
        QVERIFY(widest > 0);
        const double lastX = view->xOf(QDate(2024, 7, 23));
        const double plotRight =
            view->mapFromScene(view->chart()->mapToScene(view->plotArea().topRight())).x();
        QVERIFY2(lastX + widest + 8 <= plotRight,
                 qPrintable(QStringLiteral("last day at %1, tags %2 wide, plot ends at %3")
                                .arg(lastX)
                                .arg(widest)
                                .arg(plotRight)));
        QVERIFY(lastX > plotRight - 3 * (widest + 14)); // a gutter, not a squeezed chart
    }
    m_window->showView(0);
}

// Issue #13: the rate sensitivity as a fifth chart of the pair view, off by default; View > Rate
// sensitivity chart shows it under the four, lined up with them, with the tab's window; the
// crosshair reads its correlation and beta; without a rate it hides.
void TestWindow::issue13SensitivityChartInThePairStack()
{
    m_window->setRange(QDate(2023, 6, 30), QDate(2024, 7, 23));
    ChartView *chart = m_window->chartView(ChartKind::Sensitivity);
    QVERIFY(!chart->isVisible());
    auto *action = m_window->findChild<QAction *>(QStringLiteral("sensitivityChartAction"));
    QVERIFY(action && !action->isChecked());
    action->trigger(); // View > Rate sensitivity chart
    QTRY_VERIFY(chart->isVisible());
    QCOMPARE(chart->content().kind, ChartKind::Sensitivity);
    QVERIFY2(chart->content().title.contains(QStringLiteral("rolling 60-day")),
             qPrintable(chart->content().title));
    QCOMPARE(chart->from(), QDate(2023, 6, 30));
    // Lined up with the ratio chart: one date, one x.
    QTRY_COMPARE(chart->xOf(QDate(2024, 1, 2)),
                 m_window->chartView(ChartKind::Ratio)->xOf(QDate(2024, 1, 2)));
    // The window chosen in the tab is the stack's too.
    m_window->session().setSensitivityWindow(120);
    QVERIFY(chart->content().title.contains(QStringLiteral("rolling 120-day")));
    // Its new axis labels line the stack up again (PlotAlignment, after the layout).
    QTRY_COMPARE(chart->xOf(QDate(2024, 1, 2)),
                 m_window->chartView(ChartKind::Ratio)->xOf(QDate(2024, 1, 2)));
    // The crosshair's read-out: the date and both values, from the rolling values themselves.
    const PairData::Reading reading = m_window->pair()->sensitivityAt(QDate(2024, 4, 13), 120);
    QCOMPARE(reading.day, QDate(2024, 4, 12)); // a Saturday: Friday's values
    QCOMPARE(int(reading.values.size()), 2);
    QVERIFY(std::abs(reading.values[0].second) <= 1.0);
    const QPoint at(chart->xOf(QDate(2024, 4, 12)), int(chart->plotArea().center().y()));
    QTest::mouseMove(chart->viewport(), at);
    QTRY_VERIFY(m_window->crosshair(ChartKind::Sensitivity)
                    ->text()
                    .startsWith(QStringLiteral("2024-04-12\ncorrelation: ")));
    // A drag on it sets the range, as on any chart of the stack.
    const int y = int(chart->plotArea().center().y());
    const QPoint start(chart->xOf(QDate(2023, 10, 2)), y), end(chart->xOf(QDate(2024, 3, 1)), y);
    dragAcross(chart->viewport(), start, end, 8);
    QVERIFY2(tradingDayDistance(m_window->rangeFrom(), QDate(2023, 10, 2)) <= 1,
             qPrintable(m_window->rangeFrom().toString(Qt::ISODate)));
    // No rate: nothing to measure, so it hides.
    m_window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QTRY_VERIFY(!chart->isVisible());
    action->trigger();
    QVERIFY(!m_window->session().sensitivityChart());
    m_window->session().setSensitivityWindow(60);
}

// Issue #15: Help > User guide (F1) and Help > Keyboard shortcuts, each in a window of its own;
// the shortcut list is read from the window, so every key an action or a button has is in it.
void TestWindow::issue15HelpShowsTheGuideAndEveryShortcut()
{
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    auto *guide = m_window->findChild<QDialog *>(QStringLiteral("userGuide"));
    QVERIFY(guide);
    QTRY_VERIFY(guide->isVisible());
    const QString text = guide->findChild<QTextBrowser *>()->toPlainText();
    for (const char *section : {"Picking series", "Ranges", "The four charts", "Tables", "Export",
                                "Update and import", "Keyboard shortcuts"})
        QVERIFY2(text.contains(QLatin1String(section)), section);
    QVERIFY(!text.contains(QStringLiteral("{{shortcuts}}")));

    QTest::keyClick(m_window.get(), Qt::Key_Slash, Qt::ControlModifier);
    auto *list = m_window->findChild<QDialog *>(QStringLiteral("shortcuts"));
    QVERIFY(list);
    QTRY_VERIFY(list->isVisible());
    const QString shortcuts = list->findChild<QTextBrowser *>()->toPlainText();
    int keys = 0;
    for (const QAction *action : m_window->findChildren<QAction *>())
        for (const QKeySequence &k : action->shortcuts()) {
            ++keys;
            QVERIFY2(shortcuts.contains(k.toString(QKeySequence::NativeText)),
                     qPrintable(action->text() + QStringLiteral(": ") + k.toString()));
        }
    QVERIFY2(keys >= 20, qPrintable(QString::number(keys)));
    for (const char *preset : {"Ctrl+1", "Ctrl+9", "Ctrl+E", "Del", "F1"})
        QVERIFY2(shortcuts.contains(QLatin1String(preset)), preset);
    guide->close();
    list->close();
}

// Issue #15: every menu action says in the status bar what it does, and every button, picker
// and field of the window (on each of its tabs) has a tooltip.
void TestWindow::issue15EveryControlSaysWhatItDoes()
{
    QStringList silent;
    std::function<void(const QList<QAction *> &)> walk = [&](const QList<QAction *> &actions) {
        for (const QAction *action : actions) {
            if (action->isSeparator()) continue;
            if (action->menu()) {
                walk(action->menu()->actions());
                continue;
            }
            if (action->statusTip().isEmpty()) silent << action->text();
        }
    };
    walk(m_window->menuBar()->actions());
    // The charts' context menus too: the rebased chart's and the compare view's.
    const auto menuOf = [this, &walk](ChartView *view) {
        onContextMenu(view, view->plotArea().center().toPoint(),
                      [&walk](QMenu &menu) { walk(menu.actions()); });
    };
    menuOf(m_window->chartView(ChartKind::Rebased));
    m_window->showView(1);
    QApplication::processEvents();
    menuOf(m_window->findChild<ChartView *>(QStringLiteral("compareChart")));
    QVERIFY2(silent.isEmpty(),
             qPrintable(QStringLiteral("no status tip: ") + silent.join(QStringLiteral(", "))));
    for (int tab = 0; tab < 4; ++tab) {
        m_window->showView(std::min(tab, 2));
        m_window->tables()->setCurrentIndex(tab == 3 ? 2 : 0); // the moves tab has its ranking
        QApplication::processEvents();
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            const bool control =
                qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
                qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QListWidget *>(widget);
            if (!control || !widget->isVisible() || widget->window() != m_window.get()) continue;
            if (qobject_cast<QAbstractButton *>(widget) && widget->parent() &&
                widget->parent()->inherits("QAbstractScrollArea"))
                continue; // a table's corner button or a scroll arrow
            if (widget->toolTip().isEmpty())
                silent << QStringLiteral("%1 '%2' (%3)")
                              .arg(QString::fromLatin1(widget->metaObject()->className()),
                                   widget->objectName(), widget->property("text").toString());
        }
    }
    m_window->showView(0);
    // The dialogs' fields too (OK and Cancel say what they do).
    SettingsDialog settings;
    ExportDialog exportDialog(std::nullopt);
    for (QDialog *dialog :
         {static_cast<QDialog *>(&settings), static_cast<QDialog *>(&exportDialog)})
        for (QWidget *widget : dialog->findChildren<QWidget *>()) {
            const bool field =
                qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
                qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QLineEdit *>(widget) ||
                qobject_cast<QPlainTextEdit *>(widget);
            if (!field || qobject_cast<QDialogButtonBox *>(widget->parent()) ||
                qobject_cast<QAbstractSpinBox *>(widget->parent()) ||
                qobject_cast<QComboBox *>(widget->parent()))
                continue; // a spin box's or combo's own line edit
            if (widget->toolTip().isEmpty())
                silent << QStringLiteral("%1 '%2'").arg(
                    QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
        }
    QVERIFY2(silent.isEmpty(),
             qPrintable(QStringLiteral("no tooltip: ") + silent.join(QStringLiteral(", "))));
}

// Issue #21: OK refuses what cannot work and stays open: each such field marked, the message
// naming its label and the reason; nothing is saved. Mended, OK saves; the API key trimmed.
void TestWindow::issue21SettingsRefusesWhatCannotWork()
{
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    retype(dialog.field(QStringLiteral("yahooBase")), QStringLiteral("ftp://example.com"));
    QTest::keyClicks(dialog.field(QStringLiteral("defaultSet")), QStringLiteral(", !!"));
    retype(dialog.field(QStringLiteral("concurrency")), QStringLiteral("17"));
    retype(dialog.field(QStringLiteral("fredApiKey")), QStringLiteral("  abc123  "));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("settingsProblems"));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(),
             QStringLiteral("Default set (first Update): \"!!\" is not a symbol (letters, digits "
                            "and ^ . = _ - only, at most 32)\n"
                            "Yahoo Finance: \"ftp://example.com\" is not an http:// or https:// "
                            "address\n"
                            "Symbols at a time: 17 is outside 1 to 16"));
    QStringList marked;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
        if (edit->property("problem").toBool()) marked << edit->objectName();
    marked.sort();
    QCOMPARE(marked, (QStringList{QStringLiteral("concurrency"), QStringLiteral("defaultSet"),
                                  QStringLiteral("yahooBase")}));
    QCOMPARE(dialog.focusWidget(), dialog.field(QStringLiteral("defaultSet"))); // first to mend
    QVERIFY(!openAppSettings()->contains(QStringLiteral("providers/yahooBase")));

    // A ";" is said as a separator that is not one; a word where a number belongs too.
    retype(dialog.field(QStringLiteral("defaultSet")), QStringLiteral("IWM; SPY"));
    retype(dialog.field(QStringLiteral("yahooBase")), QStringLiteral("http://127.0.0.1:9"));
    retype(dialog.field(QStringLiteral("concurrency")), QStringLiteral("many"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(message->text(),
             QStringLiteral("Default set (first Update): \"IWM; SPY\" is not a symbol; separate "
                            "symbols with commas\n"
                            "Symbols at a time: \"many\" is not a whole number"));
    QVERIFY(!dialog.field(QStringLiteral("yahooBase"))->property("problem").toBool());

    retype(dialog.field(QStringLiteral("defaultSet")), QStringLiteral("IWM, SPY"));
    retype(dialog.field(QStringLiteral("concurrency")), QStringLiteral("16"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!message->isVisible());
    const auto settings = openAppSettings();
    const ProviderSettings saved = ProviderSettings::load(*settings, false);
    QCOMPARE(saved.yahooBase, QStringLiteral("http://127.0.0.1:9"));
    QCOMPARE(saved.concurrency, 16);
    QCOMPARE(saved.defaultSet, (QStringList{QStringLiteral("IWM"), QStringLiteral("SPY")}));
    QCOMPARE(settings->value(QStringLiteral("providers/fredApiKey")).toString(),
             QStringLiteral("abc123"));
    QCOMPARE(dialog.field(QStringLiteral("fredApiKey"))->text(), QStringLiteral("abc123"));
    settings->remove(QStringLiteral("providers"));
}

// Issue #21: a cache file in a folder that does not exist: OK asks whether to create the folder;
// No keeps the dialog open with the field marked and creates nothing, Yes creates it and saves.
void TestWindow::issue21SettingsCreatesTheCacheFolderOnlyWhenAsked()
{
    const QString folder = m_temp->dir() + QStringLiteral("/new/folder");
    const QString cache = folder + QStringLiteral("/cache.sqlite");
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    retype(dialog.field(QStringLiteral("cachePath")), cache);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QString asked;
    answerQuestion(&dialog, QStringLiteral("createCacheFolder"), QMessageBox::No, &asked);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(asked, QStringLiteral("The folder %1 does not exist. Create it?")
                        .arg(QDir::toNativeSeparators(folder)));
    QVERIFY(dialog.isVisible());
    QVERIFY(!QFileInfo::exists(m_temp->dir() + QStringLiteral("/new")));
    QVERIFY(dialog.field(QStringLiteral("cachePath"))->property("problem").toBool());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("settingsProblems"))->text(),
             QStringLiteral("Cache file: the folder %1 does not exist")
                 .arg(QDir::toNativeSeparators(folder)));
    QVERIFY(!openAppSettings()->contains(QStringLiteral("cache/path")));

    asked.clear();
    answerQuestion(&dialog, QStringLiteral("createCacheFolder"), QMessageBox::Yes, &asked);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(!asked.isEmpty());
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(!QFileInfo::exists(cache)); // the folder only: the cache is made where it is opened
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto settings = openAppSettings();
    QCOMPARE(settings->value(QStringLiteral("cache/path")).toString(), cache);
    settings->remove(QStringLiteral("cache/path"));
    settings->remove(QStringLiteral("providers"));
}

// Issue #21: Update against a server that accepts and never answers (SPY: busy once, then
// silence): the status bar names the symbol in flight and its attempt. Cancel says cancelled, no
// report counts SPY as failed, and IWM, which had arrived, is in the cache.
void TestWindow::issue21UpdateSaysSymbolAndAttemptAndCancelKeepsWhatArrived()
{
    std::map<QString, std::vector<Bar>> full;
    TempDatabase temp;
    importUntil2024(temp, {QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("^GSPC")},
                    full);
    const std::size_t spyBefore = PriceStore(temp.db()).bars(QStringLiteral("SPY")).size();
    int spyRequests = 0;
    FakeHttpServer server;
    server.setHandler([&](const FakeRequest &r) {
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        if (symbol == QLatin1String("SPY"))
            return ++spyRequests == 1 ? FakeResponse{503, "busy", {}, false, -1}
                                      : FakeResponse{200, {}, {}, true, -1};
        if (symbol == QLatin1String("^GSPC")) // a real failure, before Cancel
            return FakeResponse::json(R"({"chart":{"result":null}})", 404);
        return FakeResponse::json(yahooChartJson(
            symbol, full[symbol], r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
            r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    qputenv("INDEXLENS_YAHOO_BASE", server.baseUrl().toUtf8());
    MainWindow window(temp.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList reports;
    QString details;
    connect(window.findChild<DataJobs *>(), &DataJobs::failed, this,
            [&](const QString &summary, const QString &text) {
                reports << summary;
                details = text;
            });
    for (QAction *action : window.findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Update data")) action->trigger();
    // SPY's second attempt hangs; IWM is written and ^GSPC fails meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                              QStringLiteral("Update: fetching SPY (attempt 2 of 3); 2 of 3 done"),
                              15000);
    QCOMPARE(PriceStore(temp.db()).bars(QStringLiteral("IWM")).size(),
             full[QStringLiteral("IWM")].size());
    // The line names the attempt when it is due, before its request leaves (after the retry's
    // pause): wait for the request, so that Cancel meets a hanging reply (CI, stop 27).
    QTRY_COMPARE_WITH_TIMEOUT(spyRequests, 2, 15000);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelJob"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Update cancelled: 1 of 3 symbols updated, 1 cancelled"));
    qunsetenv("INDEXLENS_YAHOO_BASE");
    QVERIFY(!cancel->isVisible());
    // One report, of the one that failed; SPY, cancelled, is not in it.
    QCOMPARE(reports, QStringList{QStringLiteral("Update cancelled: 1 of 3 symbols updated, 1 "
                                                 "cancelled; 1 failed before, the cache keeps "
                                                 "what it had for them.")});
    QVERIFY2(details.startsWith(QStringLiteral("^GSPC: Yahoo Finance: ")) &&
                 !details.contains(QLatin1Char('\n')),
             qPrintable(details));
    QCOMPARE(PriceStore(temp.db()).bars(QStringLiteral("IWM")).size(),
             full[QStringLiteral("IWM")].size());
    QCOMPARE(PriceStore(temp.db()).bars(QStringLiteral("SPY")).size(), spyBefore);
    QCOMPARE(spyRequests, 2);
}

// Issue #21: Import names the file it reads and writes, with a progress bar and Cancel. Cancel
// (here while the first write waits for another connection's lock) keeps the file written and
// writes none of the others.
void TestWindow::issue21ImportShowsProgressAndCancels()
{
    const QString dir = syntheticDataDir();
    TempDatabase temp;
    MainWindow window(temp.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    auto other = Database::open(temp.path(), &error);
    QVERIFY2(other, qPrintable(error));
    QSqlQuery lock(other->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QStringList reports;
    connect(window.findChild<DataJobs *>(), &DataJobs::failed, this,
            [&reports](const QString &summary, const QString &) { reports << summary; });
    window.importPaths({dir + QStringLiteral("/yahoo/IWM.csv"),
                        dir + QStringLiteral("/yahoo/SPY.csv"),
                        dir + QStringLiteral("/fred/DGS10.csv")});
    QVERIFY(window.findChild<QProgressBar *>()->isVisible());
    // The worker said the first write: it goes on with it, and waits for the lock.
    QTRY_VERIFY2_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(
                                  QStringLiteral("Importing 3 files: writing 1 of 3, ")),
                              qPrintable(window.statusBar()->currentMessage()), 15000);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelJob"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QTRY_VERIFY2_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(
                                  QStringLiteral("Import cancelled: 1 of 3 files written (")),
                              qPrintable(window.statusBar()->currentMessage()), 20000);
    QVERIFY(window.statusBar()->currentMessage().endsWith(QStringLiteral("), 2 not written")));
    QVERIFY(!cancel->isVisible());
    QVERIFY(reports.isEmpty());
    QCOMPARE(PriceStore(temp.db()).list().size(), std::size_t(1));
}

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
