// SPDX-License-Identifier: GPL-3.0-or-later
// The rate sensitivity (issue #13) on the synthetic data of tests/data (issue #15): its tab, its
// chart in the pair view's stack, and the same figures from the command line.
#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "MainWindow.h"
#include "SensitivityPanel.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

class TestWindowSensitivity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { m_fx.setUp(); }
    void cleanup() { m_fx.tearDown(); }
    void sensitivityTabFitsTheRateAndCopies();
    void sensitivityChartJoinsThePairStack();

private:
    WindowFixture m_fx;
};

// Issue #13, rate sensitivity: a tab with the rolling correlation (left) and beta (right) of
// IWM/SPY's daily log change against DGS10's daily change; the window is chosen (60 by default);
// without a rate it says so. The same chart from `export --chart sensitivity --window N`.
void TestWindowSensitivity::sensitivityTabFitsTheRateAndCopies()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2022, 1, 3), QDate(2024, 12, 31));
    w->showView(2);
    SensitivityPanel *panel = w->sensitivity();
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
    QCOMPARE(w->session().sensitivityWindow(), 20);
    // Both charts copy from their menus, as every chart does.
    for (ChartView *chart : {panel->view(), panel->scatterView()}) {
        QApplication::clipboard()->clear();
        QCOMPARE(chooseMenuEntry(chart, chart->plotArea().center().toPoint(),
                                 QStringLiteral("copyChart")),
                 QStringLiteral("Copy chart"));
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(3200, 1400));
    }
    w->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QVERIFY2(panel->error().contains(QStringLiteral("needs a rate")), qPrintable(panel->error()));
    w->showView(0);

    QProcess p;
    const QString out = m_fx.dir() + QStringLiteral("/sensitivity.png");
    p.start(indexlensBinary(),
            {QStringLiteral("--db"), m_fx.path(), QStringLiteral("export"),
             QStringLiteral("--chart"), QStringLiteral("sensitivity"), QStringLiteral("--a"),
             QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("SPY"),
             QStringLiteral("--rate"), QStringLiteral("DGS10"), QStringLiteral("--window"),
             QStringLiteral("120"), QStringLiteral("--from"), QStringLiteral("2022-01-03"),
             QStringLiteral("--to"), QStringLiteral("2024-12-31"), QStringLiteral("--out"), out});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(QImage(out).size(), QSize(1600, 900));
    // The scatter's title carries the fit `sensitivity` prints: one definition of the numbers.
    const QString svg = m_fx.dir() + QStringLiteral("/scatter.svg");
    const QStringList range{QStringLiteral("--a"),    QStringLiteral("IWM"),
                            QStringLiteral("--b"),    QStringLiteral("SPY"),
                            QStringLiteral("--rate"), QStringLiteral("DGS10"),
                            QStringLiteral("--from"), QStringLiteral("2022-01-03"),
                            QStringLiteral("--to"),   QStringLiteral("2024-12-31")};
    p.start(indexlensBinary(),
            QStringList{QStringLiteral("--db"), m_fx.path(), QStringLiteral("sensitivity"),
                        QStringLiteral("--format"), QStringLiteral("csv")} +
                range);
    QVERIFY(p.waitForFinished(60000));
    const QStringList fit = QString::fromUtf8(p.readAllStandardOutput())
                                .split(QLatin1Char('\n'))[1]
                                .split(QLatin1Char(','));
    p.start(indexlensBinary(),
            QStringList{QStringLiteral("--db"), m_fx.path(), QStringLiteral("export"),
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

// Issue #13: the rate sensitivity as a fifth chart of the pair view, off by default; View > Rate
// sensitivity chart shows it under the four, lined up with them, with the tab's window; the
// crosshair reads its correlation and beta; without a rate it hides.
void TestWindowSensitivity::sensitivityChartJoinsThePairStack()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2023, 6, 30), QDate(2024, 7, 23));
    ChartView *chart = w->chartView(ChartKind::Sensitivity);
    QVERIFY(!chart->isVisible());
    auto *action = w->findChild<QAction *>(QStringLiteral("sensitivityChartAction"));
    QVERIFY(action && !action->isChecked());
    action->trigger(); // View > Rate sensitivity chart
    QTRY_VERIFY(chart->isVisible());
    QCOMPARE(chart->content().kind, ChartKind::Sensitivity);
    QVERIFY2(chart->content().title.contains(QStringLiteral("rolling 60-day")),
             qPrintable(chart->content().title));
    QCOMPARE(chart->from(), QDate(2023, 6, 30));
    // Lined up with the ratio chart: one date, one x.
    QTRY_COMPARE(chart->xOf(QDate(2024, 1, 2)),
                 w->chartView(ChartKind::Ratio)->xOf(QDate(2024, 1, 2)));
    // The window chosen in the tab is the stack's too.
    w->session().setSensitivityWindow(120);
    QVERIFY(chart->content().title.contains(QStringLiteral("rolling 120-day")));
    // Its new axis labels line the stack up again (PlotAlignment, after the layout).
    QTRY_COMPARE(chart->xOf(QDate(2024, 1, 2)),
                 w->chartView(ChartKind::Ratio)->xOf(QDate(2024, 1, 2)));
    // The crosshair's read-out: the date and both values, from the rolling values themselves.
    const PairData::Reading reading = w->pair()->sensitivityAt(QDate(2024, 4, 13), 120);
    QCOMPARE(reading.day, QDate(2024, 4, 12)); // a Saturday: Friday's values
    QCOMPARE(int(reading.values.size()), 2);
    QVERIFY(std::abs(reading.values[0].second) <= 1.0);
    const QPoint at(chart->xOf(QDate(2024, 4, 12)), int(chart->plotArea().center().y()));
    QTest::mouseMove(chart->viewport(), at);
    QTRY_VERIFY(w->crosshair(ChartKind::Sensitivity)
                    ->text()
                    .startsWith(QStringLiteral("2024-04-12\ncorrelation: ")));
    // A drag on it sets the range, as on any chart of the stack.
    const int y = int(chart->plotArea().center().y());
    const QPoint start(chart->xOf(QDate(2023, 10, 2)), y), end(chart->xOf(QDate(2024, 3, 1)), y);
    dragAcross(chart->viewport(), start, end, 8);
    QVERIFY2(tradingDayDistance(*w, w->rangeFrom(), QDate(2023, 10, 2)) <= 1,
             qPrintable(w->rangeFrom().toString(Qt::ISODate)));
    // No rate: nothing to measure, so it hides.
    w->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {});
    QTRY_VERIFY(!chart->isVisible());
    action->trigger();
    QVERIFY(!w->session().sensitivityChart());
}

QTEST_MAIN(TestWindowSensitivity)
#include "tst_window_sensitivity.moc"
