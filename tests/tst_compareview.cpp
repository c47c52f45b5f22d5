// SPDX-License-Identifier: GPL-3.0-or-later
// The compare view under a user's hands (issue #24, items 5d to 9), driven by real key and mouse
// events: a pasted list of symbols, a list emptied by Delete, colours that stay with their
// symbols, the crosshair, and Ctrl+E on the tab in view.
#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "ComparePanel.h"
#include "core/AppSettings.h"
#include "ExportDialog.h"
#include "import/ImportBatch.h"
#include "MainWindow.h"
#include "models/ResultTableModel.h"
#include "session/CompareSession.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace indexlens;
using namespace indexlens::test;

class TestCompareView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void issue24PastedListAddsEachSeriesAndNamesTheOthers();
    void issue24EmptiedListDrawsNothingOfTheOldSeries();
    void issue24CtrlEExportsTheChartsOfTheTabInView();
    void issue24CrosshairReadsEverySeriesAsTheCommandLine();
    void issue24EveryBarKeepsItsValueLabelUnclipped();
    void issue24CsvOfTheCompareViewHasItsLines();
    void issue24AnEarlyEndTagStandsClearOfTheOthers();

private:
    ComparePanel *showCompare();
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

void TestCompareView::initTestCase()
{
    m_temp = std::make_unique<TempDatabase>();
    const QString refused = prepareWindowCache(
        *m_temp, {QStringLiteral("yahoo/IWM.csv"), QStringLiteral("yahoo/SPY.csv"),
                  QStringLiteral("yahoo/IWD.csv"), QStringLiteral("yahoo/^GSPC.csv"),
                  QStringLiteral("yahoo/IWF.csv"), QStringLiteral("close-only/^IXIC.csv"),
                  QStringLiteral("fred/DGS10.csv")});
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
}

void TestCompareView::init()
{
    m_window = openWindow(m_temp->path(), QSize(1600, 1000));
    QVERIFY(m_window);
    QVERIFY(m_window->pair());
    m_window->setRange(QDate(2024, 6, 28), QDate(2024, 7, 23));
}

void TestCompareView::cleanup()
{
    m_window.reset();
}

ComparePanel *TestCompareView::showCompare()
{
    m_window->showView(1);
    ComparePanel *compare = m_window->compare();
    if (!QTest::qWaitFor([compare] { return compare->isVisible(); })) return nullptr;
    QApplication::processEvents();
    return compare;
}

// Issue #24, 5d: pasting "^GSPC, IWD, xyz" into the compare picker adds the two series and names
// the one it cannot add, which stays in the field for correction; never a bogus "^GSPC," entry.
void TestCompareView::issue24PastedListAddsEachSeriesAndNamesTheOthers()
{
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    ComparePanel *compare = showCompare();
    QVERIFY(compare);
    auto *add = compare->findChild<QComboBox *>(QStringLiteral("compareAdd"));
    QVERIFY(add);
    QApplication::clipboard()->setText(QStringLiteral("^GSPC, iwd, xyz"));
    add->setFocus();
    QTest::keyClick(add->lineEdit(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(add->currentText(), QStringLiteral("^GSPC, iwd, xyz"));
    QTest::keyClick(add->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->compareSession().symbols(),
             (QStringList{QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("^GSPC"),
                          QStringLiteral("IWD")}));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("xyz: not in the cache or the catalog (Update or Import it)"));
    QCOMPARE(add->currentText(), QStringLiteral("xyz"));
    // One listed already is said too, and needs no correction.
    add->lineEdit()->selectAll();
    QTest::keyClicks(add->lineEdit(), QStringLiteral("spy"));
    QTest::keyClick(add->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("SPY is in the list already"));
    QCOMPARE(add->currentText(), QString());
    QCOMPARE(m_window->compareSession().symbols().size(), 4);
    // A name that several entries hold is said, and their list opens.
    QTest::keyClicks(add->lineEdit(), QStringLiteral("iShares"));
    QTest::keyClick(add->lineEdit(), Qt::Key_Return);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("series match")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QTRY_VERIFY(add->completer()->popup()->isVisible());
    QCOMPARE(m_window->compareSession().symbols().size(), 4);
}

// Issue #24, 6: after deleting every series the chart draws none of them, its title names none,
// and the returns table and its bars are empty; the next two series are drawn again.
void TestCompareView::issue24EmptiedListDrawsNothingOfTheOldSeries()
{
    m_window->compareSession().setSymbols(
        {QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("IWD")});
    ComparePanel *compare = showCompare();
    QVERIFY(compare);
    {
        // Delete twice removes two: the next series is selected after each (a user trial).
        auto *list = compare->findChild<QListWidget *>(QStringLiteral("compareSeries"));
        list->setFocus();
        list->setCurrentRow(0);
        QTest::keyClick(list, Qt::Key_Delete);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(m_window->compareSession().symbols(), QStringList{QStringLiteral("IWD")});
    }
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    QApplication::processEvents();
    QCOMPARE(int(compare->view()->content().lines.size()), 3); // two series and DGS10
    auto *list = compare->findChild<QListWidget *>(QStringLiteral("compareSeries"));
    list->setFocus();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(m_window->compareSession().symbols(), QStringList());
    QTRY_COMPARE(int(compare->view()->content().lines.size()), 0);
    QVERIFY(!compare->view()->titleText().contains(QStringLiteral("IWM")));
    QVERIFY(!compare->view()->titleText().contains(QStringLiteral("2 series")));
    QVERIFY2(compare->view()->titleText().contains(QStringLiteral("not 0")),
             qPrintable(compare->view()->titleText()));
    QCOMPARE(int(compare->barsView()->content().lines.size()), 0);
    QCOMPARE(compare->returnsModel()->rowCount(), 0);
    compare->grab(); // painting an empty chart is fine
    auto *add = compare->findChild<QComboBox *>(QStringLiteral("compareAdd"));
    add->setFocus();
    QTest::keyClicks(add->lineEdit(), QStringLiteral("IWD, ^GSPC"));
    QTest::keyClick(add->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(int(compare->view()->content().lines.size()), 3);
    QCOMPARE(compare->view()->content().lines[0].name, QStringLiteral("IWD"));
    QCOMPARE(compare->returnsModel()->rowCount(), 2);
}

// Issue #24, 9: Ctrl+E on the Compare tab offers that tab's two charts (not the pair's four) and
// writes the one chosen, under a name of the tab's series; on the Pair tab it offers the pair's.
void TestCompareView::issue24CtrlEExportsTheChartsOfTheTabInView()
{
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    QVERIFY(showCompare());
    const QString out = m_temp->dir() + QStringLiteral("/bars.svg");
    QStringList offered;
    QString proposed;
    QTimer::singleShot(200, this, [&] {
        auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
        if (!dialog) return;
        auto *which = dialog->findChild<QComboBox *>(QStringLiteral("exportWhich"));
        for (int i = 0; i < which->count(); ++i)
            offered << which->itemText(i);
        which->setCurrentIndex(1);
        dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"))->setCurrentIndex(1);
        QTimer::singleShot(300, this, [&] {
            auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!files) return;
            proposed = files->findChild<QLineEdit *>()->text();
            files->findChild<QLineEdit *>()->setText(out);
            static_cast<QDialog *>(files)->accept(); // QFileDialog::accept, through the base
        });
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(offered, (QStringList{QStringLiteral("Series rebased to 100"),
                                   QStringLiteral("Returns as bars")}));
    QCOMPARE(proposed, QStringLiteral("IWM-SPY-returns_2024-06-28_2024-07-23.svg"));
    const QString svg = QString::fromUtf8(readFile(out));
    QVERIFY2(svg.contains(QStringLiteral("<svg")),
             qPrintable(out + QLatin1Char(' ') + m_window->statusBar()->currentMessage()));
    QVERIFY(!svg.contains(QStringLiteral("IWM/SPY"))); // not the pair's ratio chart
    // On the Pair tab the same key offers the pair's charts.
    m_window->showView(0);
    m_window->activateWindow(); // as the window system does when the dialogs close
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTimer::singleShot(200, this, [&] {
        auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
        if (!dialog) return;
        offered.clear();
        auto *which = dialog->findChild<QComboBox *>(QStringLiteral("exportWhich"));
        for (int i = 0; i < which->count(); ++i)
            offered << which->itemText(i);
        which->setCurrentIndex(4); // all four stacked
        dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"))->setCurrentIndex(0);
        QTimer::singleShot(300, this, [&] {
            auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!files) return;
            proposed = files->findChild<QLineEdit *>()->text();
            files->reject();
        });
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(offered.size(), 5);
    QCOMPARE(offered.front(), QStringLiteral("Ratio A/B"));
    // The pair, then the range in force (issue #24, 17).
    QCOMPARE(proposed, QStringLiteral("IWM-SPY_2024-06-28_2024-07-23.png"));
    openAppSettings()->remove(QStringLiteral("export"));
}

// Issue #24, 8: hovering the compare chart shows the line, the date and every series' rebased
// value, the numbers `export --chart compare --out F.csv` writes for that day; IWD, whose data
// begin later, reads n/a before it joins.
void TestCompareView::issue24CrosshairReadsEverySeriesAsTheCommandLine()
{
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    ComparePanel *compare = showCompare();
    QVERIFY(compare);
    ChartView *view = compare->view();
    const QDate day(2024, 7, 11);
    QTest::mouseMove(view->viewport(), QPoint(view->xOf(day), int(view->plotArea().center().y())));
    QTRY_VERIFY(compare->crosshair()->lineVisible());
    const QStringList lines = compare->crosshair()->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("2024-07-11"));
    const QString csv = m_temp->dir() + QStringLiteral("/compare.csv");
    const CliRun run = runIndexlens(
        {QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
         QStringLiteral("--chart"), QStringLiteral("compare"), QStringLiteral("--symbols"),
         QStringLiteral("IWM,SPY"), QStringLiteral("--from"), QStringLiteral("2024-06-28"),
         QStringLiteral("--to"), QStringLiteral("2024-07-23"), QStringLiteral("--out"), csv},
        childEnvironment(m_temp->dir() + QStringLiteral("/child.ini")));
    QCOMPARE(run.exitCode, 0);
    QString row;
    for (const QString &line : QString::fromUtf8(readFile(csv)).split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("2024-07-11,"))) row = line;
    const QStringList cells = row.split(QLatin1Char(','));
    QCOMPARE(cells.size(), 3);
    QCOMPARE(lines.value(1), QStringLiteral("IWM: %1").arg(cells[1].toDouble(), 0, 'f', 2));
    QCOMPARE(lines.value(2), QStringLiteral("SPY: %1").arg(cells[2].toDouble(), 0, 'f', 2));
    QVERIFY2(lines.value(3).startsWith(QStringLiteral("DGS10: ")),
             qPrintable(lines.join(QLatin1Char('|'))));
    // A series whose data begin after the day reads n/a, not a number.
    m_window->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29));
    QVERIFY(m_window->compareSession().addSymbol(QStringLiteral("IWD")).isEmpty());
    QApplication::processEvents();
    const QDate early(2023, 3, 1);
    QTest::mouseMove(view->viewport(),
                     QPoint(view->xOf(early), int(view->plotArea().center().y())));
    QTRY_VERIFY(compare->crosshair()->text().startsWith(QStringLiteral("2023-03-01")));
    QVERIFY2(compare->crosshair()->text().contains(QStringLiteral("IWD: n/a")),
             qPrintable(compare->crosshair()->text()));
}

// Issue #24, 12: six series on two days and a period (FTSE Russell's exhibit 1) in a small window:
// every bar keeps its value label (they were all dropped where the widest did not fit), with the
// true minus, and none is clipped by the plot's edge (the top "+4.0" was).
void TestCompareView::issue24EveryBarKeepsItsValueLabelUnclipped()
{
    m_window->resize(1280, 720);
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY"),
                                           QStringLiteral("IWD"), QStringLiteral("^GSPC"),
                                           QStringLiteral("IWF"), QStringLiteral("^IXIC")});
    m_window->compareSession().addDay(QDate(2024, 7, 11));
    m_window->compareSession().addDay(QDate(2024, 7, 16));
    m_window->compareSession().addPeriod({QDate(2024, 6, 28), QDate(2024, 7, 23)});
    ComparePanel *compare = showCompare();
    QVERIFY(compare);
    ChartView *bars = compare->barsView();
    QTRY_COMPARE(bars->content().categories.size(), 3);
    for (const QSize size : {QSize(420, 200), QSize(700, 260), QSize(1100, 400)}) {
        bars->resizeUnshown(size); // a chart as small as a crowded window gives it, and larger
        bars->setContent(bars->content(), bars->from(), bars->to());
        bars->grab();
        bool inside = false;
        const QStringList labels = bars->valueLabels(&inside);
        QCOMPARE(labels.size(), 18);
        QVERIFY2(inside, qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
        for (const QString &label : labels)
            QVERIFY2(label.startsWith(QLatin1Char('+')) || label.startsWith(QChar(0x2212)),
                     qPrintable(label));
        // The period's group label on two lines where it is wider than its group, never cut.
        const QString period = bars->dateAxisLabels().value(2);
        QCOMPARE(period.contains(QStringLiteral("<br>")), size.width() < 500);
        QCOMPARE(QString(period).replace(QStringLiteral("<br>"), QStringLiteral(" ")),
                 bars->content().categories[2]);
    }
}

// Issue #24 (found by a user trial): File > Export visible series as CSV on the Compare tab
// writes the compare lines, as `export --chart compare --out F.csv` does, not the pair's.
void TestCompareView::issue24CsvOfTheCompareViewHasItsLines()
{
    m_window->compareSession().setSymbols({QStringLiteral("IWM"), QStringLiteral("^GSPC")});
    QVERIFY(showCompare());
    QAction *csv = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>())
        if (a->text() == QStringLiteral("Export visible series as &CSV\u2026")) csv = a;
    QVERIFY(csv);
    const QString out = m_temp->dir() + QStringLiteral("/visible.csv");
    QString proposed;
    QTimer::singleShot(200, this, [&] {
        auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!files) return;
        proposed = files->findChild<QLineEdit *>()->text();
        files->findChild<QLineEdit *>()->setText(out);
        static_cast<QDialog *>(files)->accept();
    });
    csv->trigger();
    QCOMPARE(proposed, QStringLiteral("IWM-GSPC-compare_2024-06-28_2024-07-23.csv"));
    const QStringList lines = QString::fromUtf8(readFile(out)).split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("date,IWM,^GSPC"));
    QVERIFY(lines.value(1).startsWith(QStringLiteral("2024-06-28,100,100")));
}

// A user trial (issue #24): the tag of a series that ends a few days early (QQQ) stood under
// another's at the same value (IWF) and could not be read; it moves above or below instead.
void TestCompareView::issue24AnEarlyEndTagStandsClearOfTheOthers()
{
    const QDate first(2025, 6, 2), last(2025, 9, 26);
    ChartContent c;
    c.kind = ChartKind::Compare;
    c.title = QStringLiteral("2 series");
    c.leftLabel = QStringLiteral("index");
    ChartLine a, b;
    a.name = QStringLiteral("IWF");
    a.points = {{PairData::toX(first), 100}, {PairData::toX(last), 123.5}};
    a.endLabel = QStringLiteral("IWF 123.5");
    a.colourSlot = 0;
    b.name = QStringLiteral("QQQ (ends 2025-09-19)");
    b.points = {{PairData::toX(first), 100}, {PairData::toX(last.addDays(-7)), 123.6}};
    b.endLabel = QStringLiteral("QQQ 123.6");
    b.endsEarly = true;
    b.colourSlot = 1;
    c.lines = {a, b};
    ChartView view;
    view.resizeUnshown(QSize(800, 300));
    view.setContent(c, first, last);
    view.grab();
    bool overlap = true;
    QCOMPARE(view.endTags(&overlap).size(), 2);
    QVERIFY(!overlap);
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
