// SPDX-License-Identifier: GPL-3.0-or-later
// The pair view under a user's hands (issue #4, #11, #12, #24) on the synthetic data of tests/data
// (issue #15): picking the pair, setting the range by drag, wheel, overview, presets, dates and
// keys, the range a new session opens on, and the crosshair and Rebase here that read the charts.
#include "analysis/Measure.h"
#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "charts/OverviewStrip.h"
#include "DateField.h"
#include "MainWindow.h"
#include "models/ResultTableModel.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QWheelEvent>

using namespace indexlens;
using namespace indexlens::test;

class TestWindowPair : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { m_fx.setUp(); }
    void cleanup() { m_fx.tearDown(); }
    void picksAPair();
    void mouseDragSelectsTheRangeEverywhere();
    void presetButtonsSetTheirRange();
    void wheelZoomsAroundTheCursor();
    void overviewStripPansTheWindow();
    void swapExchangesAAndB();
    void crosshairReportsTheValue();
    void rebaseHereFromTheContextMenu();
    void rangeIsRememberedAcrossSessions();
    void crosshairFollowsEveryChange();
    void pickersTakeAnyCaseAndNames();
    void dateFieldsShowAndSetTheRange();
    void typedDatesSetTheRangeOrAreRefused();
    void typeAheadFindsNames();
    void oneCrosshairAcrossTheStack();
    void keyboardPansZoomsAndPicksPresets();

private:
    WindowFixture m_fx;
};

void TestWindowPair::picksAPair()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    const PairData *pair = w->pair();
    QCOMPARE(pair->symbolA(), QStringLiteral("IWM"));
    QCOMPARE(pair->symbolB(), QStringLiteral("SPY"));
    QCOMPARE(pair->rateSymbol(), QStringLiteral("DGS10"));
    QCOMPARE(pair->last(), QDate(2025, 9, 26));
    // The default range is one year and every chart shows it, with the rate on the right.
    for (ChartKind kind :
         {ChartKind::Ratio, ChartKind::Rebased, ChartKind::Relative, ChartKind::Spread}) {
        QCOMPARE(w->chartView(kind)->to(), QDate(2025, 9, 26));
        QCOMPARE(w->chartView(kind)->content().lines.back().name,
                 QStringLiteral("10y Treasury (DGS10)"));
        QVERIFY(w->chartView(kind)->content().lines.back().rightAxis);
    }
}

void TestWindowPair::mouseDragSelectsTheRangeEverywhere()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2023, 1, 3), QDate(2024, 6, 28));
    ChartView *view = w->chartView(ChartKind::Ratio);
    QApplication::processEvents();
    const QDate wantFrom(2023, 6, 1), wantTo(2023, 10, 31);
    const int y = int(view->plotArea().center().y());
    const QPoint start(view->xOf(wantFrom), y), end(view->xOf(wantTo), y);
    dragAcross(view->viewport(), start, end, 10);

    QVERIFY2(tradingDayDistance(*w, w->rangeFrom(), wantFrom) <= 1,
             qPrintable(w->rangeFrom().toString(Qt::ISODate)));
    QVERIFY2(tradingDayDistance(*w, w->rangeTo(), wantTo) <= 1,
             qPrintable(w->rangeTo().toString(Qt::ISODate)));
    for (ChartKind kind :
         {ChartKind::Ratio, ChartKind::Rebased, ChartKind::Relative, ChartKind::Spread}) {
        QCOMPARE(w->chartView(kind)->from(), w->rangeFrom());
        QCOMPARE(w->chartView(kind)->to(), w->rangeTo());
    }
    // The returns table follows: IWM over the range, from the close of its first day (#22).
    const PairData *pair = w->pair();
    const MeasuredReturn expected =
        measureReturn(pair->commonA(), Measure::range(w->rangeFrom(), w->rangeTo()));
    QCOMPARE(expected.baseDay, w->rangeFrom());
    const QModelIndex cell = w->returnsModel()->index(0, 1);
    COMPARE_NEAR(cell.data(Qt::UserRole).toDouble(), *expected.percent, 1e-9);
    // The largest-moves table lists the range's moves only: the days after its base day.
    QVERIFY(w->movesModel()->rowCount() > 0);
    for (int r = 0; r < w->movesModel()->rowCount(); ++r) {
        const QDate d = w->movesModel()->index(r, 0).data(Qt::UserRole).toDate();
        QVERIFY(d > w->rangeFrom() && d <= w->rangeTo());
    }
    // Back returns to the range before the drag.
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("back")), Qt::LeftButton);
    QCOMPARE(w->rangeFrom(), QDate(2023, 1, 3));
}

void TestWindowPair::presetButtonsSetTheirRange()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    QTest::mouseClick(w->presetButton(QStringLiteral("YTD")), Qt::LeftButton);
    // Issue #22: YTD starts on the last trading day of the previous year, its base (one point of
    // last year is drawn); it started on 2025-01-02 with the base a day before the range.
    QCOMPARE(w->rangeFrom(), QDate(2024, 12, 31));
    // The active preset is shown checked, the others not.
    QVERIFY(w->presetButton(QStringLiteral("YTD"))->isChecked());
    QVERIFY(!w->presetButton(QStringLiteral("1Y"))->isChecked());
    QCOMPARE(w->rangeTo(), QDate(2025, 9, 26));
    // YTD starts from the last close of the previous year.
    QCOMPARE(w->pair()->baseDay(w->rangeFrom()), QDate(2024, 12, 31));
    // 3M: from the last trading day on or before the same date three months earlier (#22).
    QTest::mouseClick(w->presetButton(QStringLiteral("3M")), Qt::LeftButton);
    QCOMPARE(w->rangeFrom(), QDate(2025, 6, 26));
    QTest::mouseClick(w->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    QCOMPARE(w->rangeFrom(), QDate(2022, 1, 3)); // the synthetic data's first day
}

void TestWindowPair::wheelZoomsAroundTheCursor()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2022, 1, 3), QDate(2024, 12, 31));
    ChartView *view = w->chartView(ChartKind::Relative);
    const QDate center(2023, 6, 30);
    const QPointF pos(view->xOf(center), view->plotArea().center().y());
    QWheelEvent wheel(pos, view->viewport()->mapToGlobal(pos.toPoint()), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    const qint64 before = QDate(2022, 1, 3).daysTo(QDate(2024, 12, 31));
    const qint64 after = w->rangeFrom().daysTo(w->rangeTo());
    COMPARE_NEAR(double(after) / double(before), 0.8, 0.01);
    QVERIFY(w->rangeFrom() < center && w->rangeTo() > center);
}

void TestWindowPair::overviewStripPansTheWindow()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2022, 3, 1), QDate(2022, 9, 30));
    OverviewStrip *strip = w->overview();
    const QRect window = strip->windowRect();
    QVERIFY(window.width() > 10);
    const qint64 length = w->rangeFrom().daysTo(w->rangeTo());
    const QPoint start = window.center();
    const QPoint end = start + QPoint(strip->width() / 10, 0);
    dragAcross(strip, start, end, 5);
    // A tenth of the strip is a tenth of the history (2022-01-03 .. 2025-09-26), about 136 days.
    const qint64 shift = QDate(2022, 3, 1).daysTo(w->rangeFrom());
    QVERIFY2(shift > 125 && shift < 148, qPrintable(QString::number(shift)));
    QCOMPARE(w->rangeFrom().daysTo(w->rangeTo()), length);
    QCOMPARE(w->chartView(ChartKind::Spread)->from(), w->rangeFrom());
}

void TestWindowPair::swapExchangesAAndB()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("swap")), Qt::LeftButton);
    QCOMPARE(w->pair()->symbolA(), QStringLiteral("SPY"));
    QCOMPARE(w->pair()->symbolB(), QStringLiteral("IWM"));
    QCOMPARE(w->chartView(ChartKind::Ratio)->content().lines.front().name,
             QStringLiteral("SPY/IWM"));
}

void TestWindowPair::crosshairReportsTheValue()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29));
    ChartView *view = w->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    const QDate day(2023, 6, 30);
    QTest::mouseMove(view->viewport(), QPoint(view->xOf(day), int(view->plotArea().center().y())));
    const QString text = w->crosshair(ChartKind::Rebased)->text();
    const QDate shown = w->crosshair(ChartKind::Rebased)->date();
    QVERIFY2(tradingDayDistance(*w, shown, day) <= 1, qPrintable(text));
    // IWM rebased to 100 at the close of the range's first day, 2023-01-03 (issue #22): on
    // 2023-06-30 the value of the adjusted closes.
    const Series &iwm = w->pair()->seriesA().series;
    const QDate reading = w->pair()->readingAt(ChartKind::Rebased, shown, w->rangeFrom()).day;
    const double expected = *valueAsOf(iwm, reading) / *valueAsOf(iwm, QDate(2023, 1, 3)) * 100.0;
    QVERIFY2(text.startsWith(reading.toString(Qt::ISODate)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("IWM: %1").arg(expected, 0, 'f', 2)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("DGS10: ")));
}

// Issue #4: right-click on the rebased chart > "Rebase here" starts both lines at 100 on that day.
void TestWindowPair::rebaseHereFromTheContextMenu()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    ChartView *view = w->chartView(ChartKind::Rebased);
    const QDate target(2024, 6, 3);
    const QPoint pos(view->xOf(target), int(view->plotArea().center().y()));
    const QString chosen = chooseFirstMenuEntry(view, pos);
    QVERIFY(!chosen.isEmpty());
    QVERIFY2(chosen.startsWith(QStringLiteral("Rebase here (2024-")), qPrintable(chosen));
    const auto rebase = w->rebaseDate();
    QVERIFY(rebase);
    QVERIFY2(tradingDayDistance(*w, *rebase, target) <= 1,
             qPrintable(rebase->toString(Qt::ISODate)));
    const auto reading = w->pair()->readingAt(ChartKind::Rebased, *rebase, w->rangeFrom(), rebase);
    QVERIFY(reading.values.size() >= 2); // A, B, then the rate
    COMPARE_NEAR(reading.values[0].second, 100.0, 1e-9);
    COMPARE_NEAR(reading.values[1].second, 100.0, 1e-9);
    // Zooming around the day keeps it; a range without it goes back to the range start.
    w->setRange(QDate(2024, 5, 1), QDate(2024, 7, 31));
    QCOMPARE(w->rebaseDate(), rebase);
    QTest::mouseClick(w->presetButton(QStringLiteral("YTD")), Qt::LeftButton);
    QVERIFY(!w->rebaseDate());
}

// The next session opens on the range the last one closed with: the same dates, or for a preset
// the same preset over the data as it is now (YTD stays year to date after an update).
void TestWindowPair::rangeIsRememberedAcrossSessions()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    auto reopen = [this, &w] {
        w->close(); // closeEvent saves the session
        w = &m_fx.nextSession();
        w->show();
        return QTest::qWaitForWindowExposed(w);
    };
    w->setRange(QDate(2023, 3, 1), QDate(2023, 9, 29));
    QVERIFY(reopen());
    QCOMPARE(w->rangeFrom(), QDate(2023, 3, 1));
    QCOMPARE(w->rangeTo(), QDate(2023, 9, 29));
    QCOMPARE(w->chartView(ChartKind::Spread)->from(), QDate(2023, 3, 1));

    w->applyPreset(QStringLiteral("YTD"));
    QVERIFY(reopen());
    QCOMPARE(w->rangeFrom(), QDate(2024, 12, 31)); // the data ends 2025-09-26
    QCOMPARE(w->rangeTo(), QDate(2025, 9, 26));

    // A remembered range the data cannot show (another cache) falls back to one year.
    w->setRange(QDate(2023, 3, 1), QDate(2023, 9, 29));
    w->close(); // which keeps the study in the data folder
    const QString recovery = QDir(appDataFolder()).filePath(QStringLiteral("recovery.json"));
    QByteArray kept = readFile(recovery);
    QVERIFY(kept.contains("\"from\": \"2023-03-01\""));
    kept.replace("\"from\": \"2023-03-01\"", "\"from\": \"1990-01-02\"");
    kept.replace("\"to\": \"2023-09-29\"", "\"to\": \"1990-06-29\"");
    QFile file(recovery);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(kept) == kept.size());
    file.close();
    w = &m_fx.nextSession();
    QCOMPARE(w->rangeFrom(), QDate(2024, 9, 26)); // on or before a year earlier (#22)
    QCOMPARE(w->rangeTo(), QDate(2025, 9, 26));
}

// Issue #11, 2: the read-out follows a range change, a rebase or a swap while the mouse stands.
void TestWindowPair::crosshairFollowsEveryChange()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    ChartView *view = w->chartView(ChartKind::Rebased);
    Crosshair *crosshair = w->crosshair(ChartKind::Rebased);
    QApplication::processEvents();
    const QPoint pos(int(view->plotArea().center().x()), int(view->plotArea().center().y()));
    QTest::mouseMove(view->viewport(), pos);
    QTRY_VERIFY(!crosshair->text().isEmpty());
    const QString before = crosshair->text();
    QTest::mouseClick(w->presetButton(QStringLiteral("3Y")), Qt::LeftButton);
    QVERIFY(crosshair->text() != before);
    QCOMPARE(crosshair->text().section(QLatin1Char('\n'), 0, 0),
             w->session().tradingDayOnOrBefore(view->dateAt(pos)).toString(Qt::ISODate));
    const QString beforeSwap = crosshair->text();
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("swap")), Qt::LeftButton);
    QVERIFY(crosshair->text() != beforeSwap);
    QVERIFY(crosshair->text().contains(QStringLiteral("SPY: ")));
}

// Issue #11, 5: "spy" picks SPY, the lists show names, Escape puts the current symbol back.
// Issue #24, 3: an unknown entry is said and kept for correction; a name that several entries
// hold opens their list; one that one entry holds picks it.
void TestWindowPair::pickersTakeAnyCaseAndNames()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    auto *b = w->findChild<QComboBox *>(QStringLiteral("seriesB"));
    auto *a = w->findChild<QComboBox *>(QStringLiteral("seriesA"));
    QVERIFY(a->currentText().startsWith(QStringLiteral("IWM \u2014 ")));
    a->lineEdit()->selectAll();
    QTest::keyClicks(a->lineEdit(), QStringLiteral("spy"));
    QTest::keyClick(a->lineEdit(), Qt::Key_Return);
    QCOMPARE(w->pair()->symbolA(), QStringLiteral("SPY"));
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("iwm"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    QCOMPARE(w->pair()->symbolB(), QStringLiteral("IWM"));
    QVERIFY(!w->statusBar()->currentMessage().contains(QStringLiteral("unknown")));
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("xyz"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    QCOMPARE(w->pair()->symbolB(), QStringLiteral("IWM"));
    QCOMPARE(b->currentText(), QStringLiteral("xyz"));
    QCOMPARE(w->statusBar()->currentMessage(),
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
    QCOMPARE(w->pair()->symbolB(), QStringLiteral("IWM"));
    QVERIFY2(w->statusBar()->currentMessage().contains(
                 QStringLiteral("series match; pick one from the list")),
             qPrintable(w->statusBar()->currentMessage()));
    QVERIFY(b->completer()->popup()->isVisible());
    b->completer()->popup()->hide();
    // A name one entry holds picks it.
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("S&P 500 ETF"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    QCOMPARE(w->pair()->symbolB(), QStringLiteral("SPY"));
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("iwm"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Return);
    b->lineEdit()->selectAll();
    QTest::keyClicks(b->lineEdit(), QStringLiteral("QQ"));
    QTest::keyClick(b->lineEdit(), Qt::Key_Escape);
    QVERIFY(b->currentText().startsWith(QStringLiteral("IWM")));
}

// Issue #11, 8: the From and To fields show the range and set it.
void TestWindowPair::dateFieldsShowAndSetTheRange()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    auto *from = w->findChild<DateField *>(QStringLiteral("rangeFrom"));
    auto *to = w->findChild<DateField *>(QStringLiteral("rangeTo"));
    QVERIFY(from && to);
    QTest::mouseClick(w->presetButton(QStringLiteral("6M")), Qt::LeftButton);
    QCOMPARE(from->date(), w->rangeFrom());
    QCOMPARE(to->date(), QDate(2025, 9, 26));
    QCOMPARE(to->lineEdit()->text(), QStringLiteral("2025-09-26"));
    typeDate(from, QStringLiteral("2024-03-01"));
    typeDate(to, QStringLiteral("2024-08-30"));
    QCOMPARE(w->rangeFrom(), QDate(2024, 3, 1));
    QCOMPARE(w->rangeTo(), QDate(2024, 8, 30));
    QCOMPARE(w->chartView(ChartKind::Ratio)->from(), QDate(2024, 3, 1));
    QVERIFY(!w->presetButton(QStringLiteral("6M"))->isChecked());
}

// Issue #24, 1 and 2: a date typed as a user types it is that date, from any selection; pasted
// too; one that is not a date is refused with its reason and changes nothing; From after To is
// refused; a date outside the data is clamped to it, and said.
void TestWindowPair::typedDatesSetTheRangeOrAreRefused()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    auto *from = w->findChild<DateField *>(QStringLiteral("rangeFrom"));
    auto *to = w->findChild<DateField *>(QStringLiteral("rangeTo"));
    w->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    typeDate(from, QStringLiteral("2023-06-30")); // QDateEdit made it 2025-06-30
    QCOMPARE(w->rangeFrom(), QDate(2023, 6, 30));
    typeDate(from, QStringLiteral("20230705"));
    QCOMPARE(w->rangeFrom(), QDate(2023, 7, 5));
    // The cursor in the middle of the text, a selection of two digits: the whole text counts.
    QLineEdit *edit = from->lineEdit();
    edit->setFocus();
    edit->setCursorPosition(5);
    edit->setSelection(5, 2);
    QTest::keyClicks(edit, QStringLiteral("08"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(w->rangeFrom(), QDate(2023, 8, 4)); // 2023-08-05 is a Saturday
    // Pasted, with spaces around it.
    QApplication::clipboard()->setText(QStringLiteral("  2023/09/29 "));
    edit->selectAll();
    QTest::keySequence(edit, QKeySequence::Paste);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(w->rangeFrom(), QDate(2023, 9, 29));
    // Not a date: red, the reason in the tooltip and the status bar, nothing changed.
    typeDate(from, QStringLiteral("2024-02-30"));
    QCOMPARE(w->rangeFrom(), QDate(2023, 9, 29));
    QVERIFY(!edit->styleSheet().isEmpty());
    QCOMPARE(edit->toolTip(), QStringLiteral("2024-02-30 is not a day of the calendar"));
    QCOMPARE(w->statusBar()->currentMessage(),
             QStringLiteral("2024-02-30 is not a day of the calendar"));
    // From after To: refused, and the fields show the range in force.
    typeDate(from, QStringLiteral("2025-01-15"));
    QCOMPARE(w->rangeFrom(), QDate(2023, 9, 29));
    QCOMPARE(from->lineEdit()->text(), QStringLiteral("2023-09-29"));
    QVERIFY2(w->statusBar()->currentMessage().startsWith(
                 QStringLiteral("From 2025-01-15 is after To 2024-12-31: the range stays")),
             qPrintable(w->statusBar()->currentMessage()));
    // Past the data: clamped, and the data's last day named.
    typeDate(to, QStringLiteral("2030-01-01"));
    QCOMPARE(w->rangeTo(), QDate(2025, 9, 26));
    QCOMPARE(to->lineEdit()->text(), QStringLiteral("2025-09-26"));
    QCOMPARE(w->statusBar()->currentMessage(),
             QStringLiteral("To 2030-01-01 is after the common data of IWM and SPY end "
                            "(2025-09-26): the range ends there"));
}

// Issue #11, 5: typing part of a name finds the instruments that carry it.
void TestWindowPair::typeAheadFindsNames()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    auto *a = w->findChild<QComboBox *>(QStringLiteral("seriesA"));
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

// Issue #12: hovering one chart draws the line at that date in all four, at the same x (the plot
// areas line up); the spread's read-out gives A %, B % and A - B pp. IWM/SPY on 2024-07-11:
// +3.59 % and -0.86 %, 4.46 pp (as `moves` gives them).
void TestWindowPair::oneCrosshairAcrossTheStack()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2024, 6, 3), QDate(2024, 7, 31));
    ChartView *spread = w->chartView(ChartKind::Spread);
    QApplication::processEvents();
    const QDate day(2024, 7, 11);
    QTest::mouseMove(spread->viewport(),
                     QPoint(spread->xOf(day), int(spread->plotArea().center().y())));
    const QDate shown = w->crosshair(ChartKind::Spread)->date();
    QCOMPARE(shown, day);
    for (const ChartKind kind : allChartKinds()) {
        QVERIFY(w->crosshair(kind)->lineVisible());
        QCOMPARE(w->crosshair(kind)->lineX(), spread->xOf(day));
    }
    const QString text = w->crosshair(ChartKind::Spread)->text();
    for (const QString &part : {QStringLiteral("IWM %: 3.59"), QStringLiteral("SPY %: -0.86"),
                                QStringLiteral("IWM \u2212 SPY pp: 4.46")})
        QVERIFY2(text.contains(part), qPrintable(text));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(spread->viewport(), &leave);
    for (const ChartKind kind : allChartKinds())
        QVERIFY(!w->crosshair(kind)->lineVisible());
}

// Issue #12, keyboard: with a chart focused (a click), the arrows pan and + and - zoom; Ctrl+1 ..
// Ctrl+9 are the presets; in a picker the arrows stay the picker's. Every toolbar button has a
// tooltip.
void TestWindowPair::keyboardPansZoomsAndPicksPresets()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    ChartView *view = w->chartView(ChartKind::Ratio);
    QApplication::processEvents();
    w->activateWindow();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->plotArea().center().toPoint());
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Left);
    QVERIFY2(w->rangeFrom() < QDate(2024, 1, 2) && w->rangeTo() < QDate(2024, 6, 28),
             qPrintable(w->rangeFrom().toString(Qt::ISODate)));
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(w->rangeFrom(), QDate(2024, 1, 2));
    const qint64 span = w->rangeFrom().daysTo(w->rangeTo());
    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(w->rangeFrom().daysTo(w->rangeTo()) < span);
    QTest::keyClick(view, Qt::Key_Minus);
    QVERIFY(w->rangeFrom().daysTo(w->rangeTo()) >= span - 4);

    QTest::keyClick(view, Qt::Key_5, Qt::ControlModifier); // the fifth preset: 1Y
    // A button's shortcut clicks it as an animated click, a moment later.
    QTRY_VERIFY(w->presetButton(QStringLiteral("1Y"))->isChecked());
    QCOMPARE(w->rangeTo(), QDate(2025, 9, 26));

    // In a picker an arrow is the picker's.
    const QDate from = w->rangeFrom();
    auto *a = w->findChild<QComboBox *>(QStringLiteral("seriesA"));
    a->setFocus();
    QTest::keyClick(a->lineEdit(), Qt::Key_Left);
    QCOMPARE(w->rangeFrom(), from);

    for (QWidget *button :
         w->findChild<QWidget *>(QStringLiteral("rangeBar"))->findChildren<QAbstractButton *>())
        QVERIFY2(!button->toolTip().isEmpty() || !button->isVisible(),
                 qPrintable(button->objectName()));
}

QTEST_MAIN(TestWindowPair)
#include "tst_window_pair.moc"
