// SPDX-License-Identifier: GPL-3.0-or-later
// Redraw benchmark of the charts (issue #4; not a test, run by hand with
// QT_QPA_PLATFORM=offscreen): four charts at 1600x900 over the full history of ^GSPC vs ^IXIC with
// DGS10 (the ratio chart draws four series: ratio, 50- and 200-day averages, the yield), after a
// range change, with min/max decimation to the plot's width and without it; then a PNG export of
// all charts.
#include "analysis/Seasonality.h"
#include "chart/CompareData.h"
#include "chart/RotationData.h"
#include "ChartExporter.h"
#include "charts/ChartView.h"
#include "charts/OverviewStrip.h"
#include "import/ImportBatch.h"
#include "MainWindow.h"
#include "session/StudySession.h"
#include "storage/SymbolResolver.h"
#include "tables/CompareTables.h"
#include "tables/RotationTable.h"
#include "tables/SeasonalityTable.h"
#include "TestCommon.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>
#include <QVBoxLayout>

using namespace indexlens;
using namespace indexlens::test;

class BenchWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void redraw_data();
    void redraw();
    void exportAllCharts();
    void commandLineExport();
    void overviewDragStep();
    void compareRedraw();
    void compareViewRedraw();
    void sensitivityRedraw();
    void drawdownRedraw();
    void rotationRedraw_data();
    void rotationRedraw();
    void seasonalityWholeHistory();
    void studyFigureSwitch_data();
    void studyFigureSwitch();

private:
    // ^GSPC, ^IXIC, ^RUT, SPY, IWB, IWM, IWD, IWF and DGS10: the compare view at its fullest.
    CompareData eightSeries() const;

    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<PairData> m_pair;
    std::unique_ptr<QWidget> m_window;
    std::vector<ChartView *> m_views;
};

void BenchWindow::initTestCase()
{
    REQUIRE_MARKET_DATA(dir);
    m_temp = std::make_unique<TempDatabase>();
    PriceStore store(m_temp->db());
    importFiles(store,
                {dir + QStringLiteral("/yahoo/^GSPC.csv"),
                 dir + QStringLiteral("/close-only/^IXIC.csv"),
                 dir + QStringLiteral("/fred/DGS10.csv"), dir + QStringLiteral("/yahoo/^RUT.csv"),
                 dir + QStringLiteral("/yahoo/IWB.csv"), dir + QStringLiteral("/yahoo/IWM.csv"),
                 dir + QStringLiteral("/yahoo/IWD.csv"), dir + QStringLiteral("/yahoo/IWF.csv"),
                 dir + QStringLiteral("/yahoo/SPY.csv"),
                 dir + QStringLiteral("/yfinance-multiheader/QQQ.csv")},
                {});
    m_pair = std::make_unique<PairData>(
        PairData::load(store, QStringLiteral("^GSPC"), QStringLiteral("^IXIC"),
                       {QStringLiteral("DGS10")}, ReturnBasis::Total));
    qInfo("%zu common days, %s to %s", m_pair->dates().size(),
          qPrintable(m_pair->first().toString(Qt::ISODate)),
          qPrintable(m_pair->last().toString(Qt::ISODate)));
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    for (int i = 0; i < 4; ++i) {
        m_views.push_back(new ChartView);
        layout->addWidget(m_views.back());
    }
    m_window->resize(1600, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

CompareData BenchWindow::eightSeries() const
{
    const PriceStore store(m_temp->db());
    return CompareData::load(store,
                             {QStringLiteral("^GSPC"), QStringLiteral("^IXIC"),
                              QStringLiteral("^RUT"), QStringLiteral("SPY"), QStringLiteral("IWB"),
                              QStringLiteral("IWM"), QStringLiteral("IWD"), QStringLiteral("IWF")},
                             QStringLiteral("DGS10"), ReturnBasis::Total);
}

void BenchWindow::redraw_data()
{
    QTest::addColumn<bool>("decimate");
    QTest::newRow("decimated to the plot width") << true;
    QTest::newRow("every point") << false;
}

void BenchWindow::redraw()
{
    QFETCH(bool, decimate);
    const ChartKind kinds[] = {ChartKind::Ratio, ChartKind::Rebased, ChartKind::Relative,
                               ChartKind::Spread};
    const std::pair<QDate, QDate> ranges[] = {{m_pair->first(), m_pair->last()},
                                              {QDate(2000, 1, 3), m_pair->last()}};
    int flip = 0;
    std::size_t points = 0;
    QBENCHMARK
    {
        const auto &[from, to] = ranges[flip++ % 2];
        points = 0;
        for (int i = 0; i < 4; ++i) {
            ChartView *view = m_views[std::size_t(i)];
            const int width = decimate ? int(view->plotArea().width()) : 100000000;
            const ChartContent content = m_pair->chart(kinds[i], from, to, width);
            for (const ChartLine &line : content.lines)
                points += line.points.size();
            view->setContent(content, from, to);
            view->setHeadline(m_pair->headline(from, to));
            view->viewport()->repaint(); // paint now, inside the measurement
        }
    }
    qInfo("points drawn in the last redraw: %zu", points);
}

void BenchWindow::exportAllCharts()
{
    ExportOptions options;
    options.title = QStringLiteral("^GSPC vs ^IXIC");
    QBENCHMARK
    {
        const QImage image = renderCharts(
            {*m_pair, allChartKinds(), m_pair->first(), m_pair->last(), std::nullopt, options, {}});
        QCOMPARE(image.width(), 1600);
    }
}

void BenchWindow::commandLineExport()
{
    const QString out = m_temp->dir() + QStringLiteral("/bench.png");
    QBENCHMARK
    {
        QProcess p;
        p.start(indexlensBinary(),
                {QStringLiteral("--db"), m_temp->path(), QStringLiteral("export"),
                 QStringLiteral("--chart"), QStringLiteral("all"), QStringLiteral("--a"),
                 QStringLiteral("^GSPC"), QStringLiteral("--b"), QStringLiteral("^IXIC"),
                 QStringLiteral("--rate"), QStringLiteral("DGS10"), QStringLiteral("--from"),
                 QStringLiteral("1971-02-08"), QStringLiteral("--to"), QStringLiteral("2025-06-26"),
                 QStringLiteral("--out"), out});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
    }
}

// Dragging the overview strip's window in the real window (issue #12), as a mouse does it: a move
// of 2 px every 8 ms (a 125 Hz mouse) with the button held. Each move that the frame throttle lets
// through redraws the four charts over five years of ^GSPC/^IXIC, the headline and the three tables
// and paints them; that frame must take at most 16 ms (60 Hz) at the median. Reported: the median,
// 90th percentile and worst frame of 400 moves, and how many of the moves were drawn.
void BenchWindow::overviewDragStep()
{
    qputenv("INDEXLENS_SETTINGS", (m_temp->dir() + QStringLiteral("/bench.ini")).toUtf8());
    MainWindow window(m_temp->path());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    window.setRange(QDate(2005, 1, 3), QDate(2009, 12, 31));
    QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
    OverviewStrip *strip = window.overview();
    QPoint at = strip->windowRect().center();
    QTest::mousePress(strip, Qt::LeftButton, {}, at);
    std::vector<double> frames;
    QElapsedTimer clock;
    // Runs the event loop once; when that moved the range (a frame the throttle let through),
    // records how long it took with everything painted.
    const auto pump = [&] {
        const QDate before = window.rangeFrom();
        const qint64 start = clock.nsecsElapsed();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        if (window.rangeFrom() == before) return;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1000); // the paint it posted
        frames.push_back(double(clock.nsecsElapsed() - start) / 1e6);
    };
    int direction = 2, moves = 0;
    clock.start();
    for (; moves < 400; ++moves) {
        if (moves % 100 == 0) direction = -direction; // back and forth inside the history
        at.rx() += direction;
        const QDate before = window.rangeFrom();
        const qint64 start = clock.nsecsElapsed();
        QTest::mouseMove(strip, at); // a move the throttle lets through redraws here
        if (window.rangeFrom() != before) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1000);
            frames.push_back(double(clock.nsecsElapsed() - start) / 1e6);
        }
        while (clock.nsecsElapsed() < qint64(moves + 1) * 8000000) // the mouse's next report
            pump();
    }
    QTest::mouseRelease(strip, Qt::LeftButton, {}, at);
    QVERIFY(frames.size() > 50);
    std::sort(frames.begin(), frames.end());
    qInfo("overview drag: %zu of %d moves drawn; frame median %.2f ms, p90 %.2f ms, worst %.2f ms",
          frames.size(), moves, frames[frames.size() / 2], frames[frames.size() * 9 / 10],
          frames.back());
}

// The compare view's chart (issue #13): eight series (^GSPC, ^IXIC, ^RUT, SPY, IWB, IWM, IWD,
// IWF) and DGS10 over their whole history (^GSPC from 1927), 1600x700, after a range change
// (whole history <-> 2000-2025), painting included. Target: no slower than the pair view's four
// charts (redraw above).
void BenchWindow::compareRedraw()
{
    const CompareData data = eightSeries();
    ChartView view;
    view.resize(1600, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const std::pair<QDate, QDate> ranges[] = {{data.first().addDays(1), data.last()},
                                              {QDate(2000, 1, 3), data.last()}};
    int flip = 0;
    std::size_t points = 0;
    QBENCHMARK
    {
        const auto &[from, to] = ranges[flip++ % 2];
        const ChartContent content = data.chart(from, to, int(view.plotArea().width()));
        points = 0;
        for (const ChartLine &line : content.lines)
            points += line.points.size();
        view.setContent(content, from, to);
        view.viewport()->repaint();
    }
    qInfo("compare: %zu days, %zu points drawn in the last redraw", data.dates().size(), points);
}

// What the compare view redraws at each range change since the returns came beside the chart
// (issue #13): the chart of 8 series and DGS10, the grouped bars of two days and a period, and
// the returns table (range, YTD, 1 year and the three columns). On the 2-core machine
// (2026-11-26, -iterations 100, two runs): 5.3-5.9 ms, beside compareRedraw's 4.5-5.1 ms and the
// pair view's four charts' 5.9-7.2 ms (redraw, decimated).
void BenchWindow::compareViewRedraw()
{
    const CompareData data = eightSeries();
    ReturnMeasures measures;
    measures.days = {QDate(2024, 7, 11), QDate(2024, 7, 16)};
    measures.periods = {{QDate(2024, 6, 28), QDate(2024, 7, 23)}};
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *chart = new ChartView;
    auto *bars = new ChartView;
    layout->addWidget(chart, 3);
    layout->addWidget(bars, 2);
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const std::pair<QDate, QDate> ranges[] = {{data.first().addDays(1), data.last()},
                                              {QDate(2000, 1, 3), data.last()}};
    int flip = 0;
    int rows = 0;
    QBENCHMARK
    {
        const auto &[from, to] = ranges[flip++ % 2];
        chart->setContent(data.chart(from, to, int(chart->plotArea().width())), from, to);
        bars->setContent(data.returnsBars(from, to, std::nullopt, measures), from, to);
        rows = compareReturnsTable(data, from, to, std::nullopt, measures).rowCount();
        chart->viewport()->repaint();
        bars->viewport()->repaint();
    }
    QCOMPARE(rows, 8);
}

// The pair view's fifth chart (issue #13): ^GSPC/^IXIC's rolling 60-day correlation and beta
// against DGS10, 1600x300, after a range change; the rolling values are computed once per window
// (the first call, outside the loop), then only cut and decimated.
void BenchWindow::sensitivityRedraw()
{
    ChartView view;
    view.resize(1600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer first;
    first.start();
    m_pair->sensitivityChart(m_pair->first(), m_pair->last(), 1400, 60);
    qInfo("rolling values over %zu days: %lld ms once", m_pair->dates().size(), first.elapsed());
    const std::pair<QDate, QDate> ranges[] = {{m_pair->first().addDays(1), m_pair->last()},
                                              {QDate(2020, 1, 2), m_pair->last()}};
    int flip = 0;
    QBENCHMARK
    {
        const auto &[from, to] = ranges[flip++ % 2];
        view.setContent(m_pair->sensitivityChart(from, to, int(view.plotArea().width()), 60), from,
                        to);
        view.viewport()->repaint();
    }
}

// Issue #25, 3: the drawdown chart under the pair's four, 1600x300, after a range change: the
// running high is walked again from the range's base day at every redraw.
void BenchWindow::drawdownRedraw()
{
    ChartView view;
    view.resize(1600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const std::pair<QDate, QDate> ranges[] = {{m_pair->first(), m_pair->last()},
                                              {QDate(2020, 1, 2), m_pair->last()}};
    int flip = 0;
    QBENCHMARK
    {
        const auto &[from, to] = ranges[flip++ % 2];
        view.setContent(m_pair->chart(ChartKind::Drawdown, from, to, int(view.plotArea().width())),
                        from, to);
        view.viewport()->repaint();
    }
}

// Issue #25: the rotation view of 8 symbols against SPY over their whole daily history (IWB ...
// from 2000, ^GSPC from 1927), 1600x800: the tails, the graph and the heads' table, painted. A
// range change (the tails end on another day) and a replay step (the next week) both recompute
// every path from the start of its history. Target: within one frame (16 ms).
void BenchWindow::rotationRedraw_data()
{
    QTest::addColumn<bool>("daily");
    QTest::newRow("range change, daily periods") << true;
    QTest::newRow("replay step, weekly periods") << false;
}

void BenchWindow::rotationRedraw()
{
    QFETCH(bool, daily);
    const PriceStore store(m_temp->db());
    const RotationData data =
        RotationData::load(store,
                           {QStringLiteral("^GSPC"), QStringLiteral("^IXIC"),
                            QStringLiteral("^RUT"), QStringLiteral("IWB"), QStringLiteral("IWM"),
                            QStringLiteral("IWD"), QStringLiteral("IWF"), QStringLiteral("QQQ")},
                           QStringLiteral("SPY"), ReturnBasis::Total);
    RotationView view;
    view.settings.step = daily ? RotationStep::Day : RotationStep::Week;
    const std::vector<QDate> steps = data.steps(QDate(2023, 7, 1), QDate(2024, 7, 26), view);
    ChartView chart;
    chart.resize(1600, 800);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    std::size_t i = 0;
    int rows = 0;
    QBENCHMARK
    {
        // A range change flips between two last days; a replay steps to the next week.
        const QDate to =
            daily ? (i++ % 2 ? QDate(2024, 7, 26) : QDate(2020, 3, 23)) : steps[i++ % steps.size()];
        const std::vector<RotationTail> tails = data.tails(to, view);
        chart.setContent(data.chart(tails, to, view), to, to);
        rows = rotationSummaryTable(tails).rowCount();
        chart.viewport()->repaint();
    }
    QCOMPARE(rows, 8);
}

// Issue #25: the seasonality table over ^GSPC's whole history (1927 on; against itself, so that
// no other series cuts the history short). Target: under 50 ms.
void BenchWindow::seasonalityWholeHistory()
{
    const SymbolSeries gspc =
        loadPriceSeries(PriceStore(m_temp->db()), QStringLiteral("^GSPC"), ReturnBasis::Total);
    int rows = 0;
    QBENCHMARK
    {
        const Seasonality s =
            seasonalityOf(gspc.series, gspc.series, QDate(1, 1, 1), QDate(9999, 12, 31));
        rows = seasonalityTable(s, gspc.symbol, gspc.symbol).rowCount() +
               seasonalityMatrixTable(s).rowCount();
    }
    qInfo("seasonality: %zu closes, %d rows", gspc.series.size(), rows);
}

// Issue #23: a study of 20 figures open in the window; showing each figure in turn (a click in the
// Figures panel) loads it and redraws the four charts, the headline and the tables, painted.
// Target: each switch within one frame (16 ms) at the median. Reported: median, p90 and worst of
// 100 switches, for a note's study (the figures over 5 pairs at different ranges, some with
// marks) and for the worst case (20 different pairs: each switch reads its pair from the cache).
void BenchWindow::studyFigureSwitch_data()
{
    QTest::addColumn<int>("pairs");
    QTest::newRow("5 pairs") << 5;
    QTest::newRow("20 pairs") << 20;
}

void BenchWindow::studyFigureSwitch()
{
    QFETCH(int, pairs);
    qputenv("INDEXLENS_SETTINGS", (m_temp->dir() + QStringLiteral("/bench-study.ini")).toUtf8());
    MainWindow window(m_temp->path());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList symbols{QStringLiteral("IWM"), QStringLiteral("IWB"), QStringLiteral("SPY"),
                              QStringLiteral("^GSPC"), QStringLiteral("^RUT")};
    Study study;
    for (int i = 0; i < 20; ++i) {
        Figure f;
        const int pair = i % pairs;
        f.a = symbols[pair % 5];
        f.b = symbols[(pair + 1 + pair / 5) % 5];
        if (f.a == f.b) f.b = QStringLiteral("IWD");
        f.range = i % 3 == 0
                      ? FigureRange{QStringLiteral("3Y"), {}, {}}
                      : FigureRange{QString(), QDate(2004 + i, 1, 2), QDate(2006 + i, 6, 30)};
        f.markedMoves = i % 2 == 0 ? 5 : 0;
        f.title = QStringLiteral("Figure %1").arg(i + 1);
        study.figures.push_back(f);
    }
    study.view = study.figures.front();
    study.current = 0;
    window.study().show(study, QString(), false);
    QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
    std::vector<double> frames, shows;
    QElapsedTimer clock;
    for (int n = 0; n < 100; ++n) {
        clock.start();
        window.study().showFigure((n + 1) % 20);
        shows.push_back(double(clock.nsecsElapsed()) / 1e6);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1000); // painted
        frames.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(shows.begin(), shows.end());
    qInfo("of which loading and building the charts (before painting): median %.2f ms",
          shows[shows.size() / 2]);
    std::vector<double> loads;
    for (int n = 0; n < 20; ++n) {
        clock.start();
        const Figure &f = study.figures[std::size_t(n)];
        PairData::load(PriceStore(m_temp->db()), f.a, f.b, f.rates, f.basis);
        loads.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(loads.begin(), loads.end());
    qInfo("of which reading a pair from the cache: median %.2f ms", loads[loads.size() / 2]);
    std::sort(frames.begin(), frames.end());
    qInfo("study of 20 figures over %d pairs: switch median %.2f ms, p90 %.2f ms, worst %.2f ms",
          pairs, frames[frames.size() / 2], frames[frames.size() * 9 / 10], frames.back());
}

QTEST_MAIN(BenchWindow)
#include "bench_window.moc"
