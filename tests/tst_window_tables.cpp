// SPDX-License-Identifier: GPL-3.0-or-later
// The tables under the pair view's charts (issue #4, #11) and the periods and moves they mark on
// the charts (issue #12, #13), on the synthetic data of tests/data (issue #15).
#include "analysis/Measure.h"
#include "analysis/PeriodTable.h"
#include "charts/ChartView.h"
#include "MainWindow.h"
#include "models/ResultTableModel.h"
#include "session/StudySession.h"
#include "TablesPanel.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

class TestWindowTables : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { m_fx.setUp(); }
    void cleanup() { m_fx.tearDown(); }
    void periodsRowFromTheRange();
    void movesRankBySpread();
    void rebaseOnATradingDayAgreesWithTheTables();
    void periodsSurviveSwapAndDelete();
    void rankingOnlyOnTheMovesTab();
    void copyEqualsTheCommandLine();
    void marksPeriodsAndMoves();
    void regimeBandsAndPeriods();

private:
    WindowFixture m_fx;
};

void TestWindowTables::periodsRowFromTheRange()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    // "from 29 Dec 2023 to 30 Apr 2024": the range 2023-12-29..2024-04-30 starts from the 12-29
    // close (issue #22: the note's own dates; 2024-01-02 gave the close before).
    w->setRange(QDate(2023, 12, 29), QDate(2024, 4, 30));
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("addPeriod")), Qt::LeftButton);
    ResultTableModel *model = w->periodsModel();
    QCOMPARE(model->rowCount(), 1);
    const PairData *pair = w->pair();
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

// The moves table ranks by |A| or, chosen in its corner, by |A - B| (the figure behind "its widest
// spread since").
void TestWindowTables::movesRankBySpread()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29));
    auto *ranking = w->findChild<QComboBox *>(QStringLiteral("movesRanking"));
    QVERIFY(ranking);
    ResultTableModel *moves = w->movesModel();
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

// Issue #11, 3: the menu offers the trading day the rebase uses, and the Returns table's Range
// column measures from the same close as the headline.
void TestWindowTables::rebaseOnATradingDayAgreesWithTheTables()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    ChartView *view = w->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    const QDate saturday(2024, 6, 1);
    const QPoint pos(view->xOf(saturday), int(view->plotArea().center().y()));
    QCOMPARE(view->dateAt(pos), saturday);
    const QString chosen = chooseFirstMenuEntry(view, pos);
    QVERIFY(!chosen.isEmpty());
    QCOMPARE(chosen, QStringLiteral("Rebase here (2024-05-31)"));
    QCOMPARE(*w->rebaseDate(), QDate(2024, 5, 31));
    const PairData *pair = w->pair();
    const double fromRebase =
        *measureReturn(pair->commonA(), Measure::range(QDate(2024, 5, 31), QDate(2024, 12, 31)))
             .percent;
    COMPARE_NEAR(w->returnsModel()->index(0, 1).data(Qt::UserRole).toDouble(), fromRebase, 1e-12);
    const QString headline = pair->headline(w->rangeFrom(), w->rangeTo(), w->rebaseDate());
    QVERIFY2(headline.contains(QStringLiteral("%1%").arg(fromRebase, 0, 'f', 1)),
             qPrintable(headline));
}

// Issue #11, 4: the periods survive Swap (columns swap) and the return basis, a range is listed
// once, and Delete removes the selected row.
void TestWindowTables::periodsSurviveSwapAndDelete()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2024, 1, 2), QDate(2024, 4, 30));
    auto *add = w->findChild<QPushButton *>(QStringLiteral("addPeriod"));
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton); // the same range again: refused
    ResultTableModel *model = w->periodsModel();
    QCOMPARE(model->rowCount(), 1);
    const double iwm = model->index(0, 2).data(Qt::UserRole).toDouble();
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("swap")), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("SPY %"));
    COMPARE_NEAR(model->index(0, 3).data(Qt::UserRole).toDouble(), iwm, 1e-12);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("swap")), Qt::LeftButton);
    auto *view = w->findChild<QTableView *>(QStringLiteral("periodsTable"));
    w->tables()->showTable(FigureKind::PeriodsTable); // the tab holding the table
    view->setFocus();
    view->selectRow(0);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(w->session().periods().empty());
}

// Issue #11, 9: "Rank moves by" belongs to the moves tab only.
void TestWindowTables::rankingOnlyOnTheMovesTab()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    auto *ranking = w->findChild<QComboBox *>(QStringLiteral("movesRanking"));
    TablesPanel *tables = w->tables();
    tables->setCurrentIndex(0);
    QVERIFY(!ranking->isVisible());
    tables->setCurrentIndex(2);
    QVERIFY(ranking->isVisible());
    tables->setCurrentIndex(1);
    QVERIFY(!ranking->isVisible());
}

// Issue #11: Ctrl+C in a table gives what `--format csv` of the same request gives, in the order
// the view is sorted.
void TestWindowTables::copyEqualsTheCommandLine()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29));
    auto *view = w->findChild<QTableView *>(QStringLiteral("movesTable"));
    w->tables()->setCurrentWidget(view);
    view->setFocus();
    QTest::keySequence(view, QKeySequence::Copy);
    const QString copied = QApplication::clipboard()->text();
    const CliRun cli =
        runIndexlens({QStringLiteral("--db"), m_fx.path(), QStringLiteral("--format"),
                      QStringLiteral("csv"), QStringLiteral("moves"), QStringLiteral("--a"),
                      QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("SPY"),
                      QStringLiteral("--rate"), QStringLiteral("DGS10"), QStringLiteral("--from"),
                      QStringLiteral("2023-01-03"), QStringLiteral("--to"),
                      QStringLiteral("2023-12-29"), QStringLiteral("--top"), QStringLiteral("20")},
                     childEnvironment(m_fx.dir() + QStringLiteral("/cli.ini")));
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

// Issue #12, marks: the periods as numbered bands with their labels (FTSE Russell's exhibit 4) and
// the largest moves as markers with their dates (exhibit 3), toggled from the View menu and
// options of `indexlens export`. Figures as `periods` and `moves` give them for IWM/SPY:
// 2023-06-30..10-31 -6.41 pp, 10y +107 bp; 2023-12-29..2024-04-30 -8.09 pp, +81 bp; the largest
// move of IWM from 2023-06-30 to 2024-07-23 is +5.49 % on 2023-11-14.
void TestWindowTables::marksPeriodsAndMoves()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2023, 6, 30), QDate(2024, 7, 23));
    w->session().addPeriod({QDate(2023, 6, 30), QDate(2023, 10, 31)});
    w->session().addPeriod({QDate(2023, 12, 29), QDate(2024, 4, 30)});
    QStringList triggered;
    for (QAction *action : w->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Show &periods on the charts") ||
            (action->text() == QStringLiteral("3") && action->data().toInt() == 3)) {
            action->trigger();
            triggered << action->text();
        }
    }
    QCOMPARE(triggered.size(), 2);
    QVERIFY(w->session().periodBands());
    QCOMPARE(w->session().markedMoves(), 3);
    // Issue #24, 10: the top chart of the stack writes the labels, the others none, and the key
    // under the headline gives each in full.
    ChartView *view = w->chartView(ChartKind::Relative);
    ChartView *top = w->chartView(ChartKind::Ratio);
    top->grab(); // paints, and the marks layer records what it drew
    view->grab();
    const QStringList labels = top->markLabels();
    for (const QString &expected : {QStringLiteral("1: IWM \u2212 SPY \u22126.4 pp, 10y +107 bp"),
                                    QStringLiteral("2: IWM \u2212 SPY \u22128.1 pp, 10y +81 bp"),
                                    QStringLiteral("2023-11-14 IWM +5.5%")})
        QVERIFY2(labels.contains(expected), qPrintable(labels.join(QStringLiteral(" | "))));
    QCOMPARE(labels.size(), 5); // two bands and three moves, none left out
    QVERIFY(view->markLabels().isEmpty());
    const QString key = w->findChild<QLabel *>(QStringLiteral("marksKey"))->text();
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
    w->study().writeRecovery();
    {
        MainWindow again(m_fx.path());
        QVERIFY(again.session().periodBands());
        QCOMPARE(again.session().markedMoves(), 3);
    }
}

// Issue #13, rate regimes: View > Show rate regimes shades the periods in which DGS10 rose or fell
// (FTSE Russell's exhibit 4: to month ends 2023-10-31, 12-29, 2024-04-30), labelled with the
// change; one action adds them to the Periods table with A %, B %, A - B and the rate change.
void TestWindowTables::regimeBandsAndPeriods()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2023, 6, 30), QDate(2024, 7, 23)); // from the close of 2023-06-30
    QAction *show = nullptr, *add = nullptr;
    for (QAction *action : w->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Show rate &regimes")) show = action;
        if (action->text() == QStringLiteral("Add rate regimes to periods")) add = action;
    }
    QVERIFY(show && add);
    show->trigger();
    ChartView *view = w->chartView(ChartKind::Ratio);
    view->grab();
    const QStringList labels = view->markLabels();
    for (const QString &expected :
         {QStringLiteral("10y +107 bp"), QStringLiteral("10y \u2212100 bp"),
          QStringLiteral("10y +81 bp")})
        QVERIFY2(labels.contains(expected), qPrintable(labels.join(QStringLiteral(" | "))));
    add->trigger();
    ResultTableModel *periods = w->periodsModel();
    QCOMPARE(periods->rowCount(), 4);
    QCOMPARE(periods->index(0, 0).data(Qt::UserRole).toDate(), QDate(2023, 6, 30));
    QCOMPARE(periods->index(0, 1).data(Qt::UserRole).toDate(), QDate(2023, 10, 31));
    QCOMPARE(periods->index(1, 1).data(Qt::UserRole).toDate(), QDate(2023, 12, 29));
    QCOMPARE(periods->index(2, 1).data(Qt::UserRole).toDate(), QDate(2024, 4, 30));
    add->trigger(); // already listed: nothing doubles
    QCOMPARE(periods->rowCount(), 4);
    show->trigger();
    QVERIFY(!w->session().regimeBands());
}

QTEST_MAIN(TestWindowTables)
#include "tst_window_tables.moc"
