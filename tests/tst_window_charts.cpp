// SPDX-License-Identifier: GPL-3.0-or-later
// What the pair view's charts draw (issue #4, #12) on the synthetic data of tests/data (issue #15):
// rate overlays, axes and legends, spread bars, plot areas that line up, a repaint that leaves
// nothing stale, titles that follow the range, the dark theme and a small screen.
#include "charts/ChartView.h"
#include "charts/OverviewStrip.h"
#include "charts/PlotAlignment.h"
#include "MainWindow.h"
#include "models/ResultTableModel.h"
#include "session/StudySession.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QWheelEvent>

using namespace indexlens;
using namespace indexlens::test;

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

class TestWindowCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { m_fx.setUp(); }
    void cleanup() { m_fx.tearDown(); }
    void twoRatesShareTheRightAxis();
    void axisAndLegendOfAChart();
    void spreadBarsTakeTheirDaysWidth();
    void valueAxesArePlainRoundAndShared();
    void plotAreasLineUp();
    void chartsAfterInteractionLookFresh();
    void titlesFollowTheRange();
    void darkThemeIsChosenAndRemembered();
    void fitsASmallScreen();

private:
    WindowFixture m_fx;
};

void TestWindowCharts::twoRatesShareTheRightAxis()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->pick(QStringLiteral("IWM"), QStringLiteral("SPY"),
            {QStringLiteral("DGS10"), QStringLiteral("DGS2")});
    w->setRange(QDate(2024, 1, 2), QDate(2024, 4, 30));
    const ChartContent &content = w->chartView(ChartKind::Relative)->content();
    QCOMPARE(content.lines.size(), std::size_t(3));
    QVERIFY(content.lines[1].rightAxis && content.lines[2].rightAxis);
    // Issue #12: one axis for two yields, each named in the legend ("10y, 2y" read as a range).
    QCOMPARE(content.rightLabel, QStringLiteral("yield, %"));
    QCOMPARE(content.lines[1].name, QStringLiteral("10y Treasury (DGS10)"));
    QCOMPARE(content.lines[2].name, QStringLiteral("2y Treasury (DGS2)"));
    // DGS10 3.88 -> 4.69 (+81 bp), DGS2 4.23 -> 5.04 (+81 bp) from the 2023-12-29 close.
    QCOMPARE(w->pair()
                 ->headline(QDate(2023, 12, 29), QDate(2024, 4, 30))
                 .section(QStringLiteral("  "), 2),
             QStringLiteral("10y +81 bp  2y +81 bp"));
    // Issue #24, 17: A, B, A − B, then the rates.
    QCOMPARE(w->returnsModel()->rowCount(), 5);
    QCOMPARE(w->returnsModel()->index(2, 0).data().toString(), QStringLiteral("IWM \u2212 SPY pp"));
    COMPARE_NEAR(w->returnsModel()->index(2, 1).data(Qt::UserRole).toDouble(),
                 w->returnsModel()->index(0, 1).data(Qt::UserRole).toDouble() -
                     w->returnsModel()->index(1, 1).data(Qt::UserRole).toDouble(),
                 1e-9);
    QCOMPARE(w->returnsModel()->index(4, 0).data().toString(), QStringLiteral("DGS2 bp"));

    // The two rates are drawn in colours of their own (both were grey once), each visible.
    const QColor tenYear = ChartView::colorFor(0, true), twoYear = ChartView::colorFor(1, true);
    QVERIFY(tenYear != twoYear);
    ChartView *view = w->chartView(ChartKind::Relative);
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
void TestWindowCharts::axisAndLegendOfAChart()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {QStringLiteral("DGS10")});
    w->setRange(QDate(2024, 1, 2), QDate(2024, 4, 30));
    ChartView *view = w->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    QCOMPARE(view->dateAxisLabels(),
             (QStringList{QStringLiteral("Feb 2024"), QStringLiteral("Mar 2024"),
                          QStringLiteral("Apr 2024")}));
    QVERIFY(view->legendInTitle());
    QVERIFY(!view->legendRowVisible());
    QVERIFY(view->titleText().contains(QStringLiteral("IWM")));
    // The range's returns appear once, above the charts, not in each chart's title (issue #12).
    const QString headline =
        w->pair()->headline(QDate(2024, 1, 2), QDate(2024, 4, 30)).toHtmlEscaped();
    QVERIFY(!view->titleText().contains(headline));
    QVERIFY(w->findChild<QLabel *>(QStringLiteral("headline"))->text().contains(headline));

    // Log scale: the ratio IWM/SPY stays within 0.34 .. 0.49 in 2022-2024, inside one decade,
    // where a plain log axis would have no label at all; these are round values in that band.
    ChartView *ratio = w->chartView(ChartKind::Ratio);
    w->setRange(QDate(2022, 1, 3), QDate(2024, 12, 31));
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
    w->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    ChartView narrow;
    narrow.resize(420, 200);
    narrow.setContent(
        w->pair()->chart(ChartKind::Rebased, QDate(2014, 1, 2), QDate(2024, 4, 30), 300),
        QDate(2014, 1, 2), QDate(2024, 4, 30));
    narrow.setHeadline(w->pair()->headline(QDate(2014, 1, 2), QDate(2024, 4, 30)));
    QVERIFY(!narrow.legendInTitle());
    QVERIFY(narrow.legendRowVisible());
    // A decade on a narrow axis: labelled every two or five years, never every seventh of it.
    const QStringList labels = narrow.dateAxisLabels();
    QVERIFY2(labels.size() >= 2 && labels.size() <= 5, qPrintable(labels.join(QLatin1Char(' '))));
    for (const QString &label : labels)
        QCOMPARE(label.size(), 4);
}

// Issue #12, 5: on a 1M view each daily spread bar is a bar as wide as its day less a gap, not
// a 1 px hairline.
void TestWindowCharts::spreadBarsTakeTheirDaysWidth()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    QTest::mouseClick(w->presetButton(QStringLiteral("1M")), Qt::LeftButton);
    ChartView *view = w->chartView(ChartKind::Spread);
    QApplication::processEvents();
    const QImage image = view->grab().toImage();
    const QRect plot = view->plotArea().toRect();
    // The date axis is calendar time: a day is the plot's width over the range's calendar days.
    const double dayWidth = double(plot.width()) / double(w->rangeFrom().daysTo(w->rangeTo()));
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

// Issue #12, 2 and 3b: ^GSPC/^IXIC Max rebased ran -20,000 .. 40,000 with "4e+04" labels, and the
// 10-year axis ran -10 to 20 %, on a range of its own on each chart.
void TestWindowCharts::valueAxesArePlainRoundAndShared()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    QTest::mouseClick(w->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    QApplication::processEvents();
    const QStringList rebased = w->chartView(ChartKind::Rebased)->leftAxisLabels();
    QVERIFY2(rebased.size() >= 3, qPrintable(rebased.join(QLatin1Char(' '))));
    const std::vector<double> values = labelValues(rebased);
    QVERIFY2(values.front() >= 0, qPrintable(rebased.join(QLatin1Char(' '))));
    QVERIFY2(rebased.contains(QStringLiteral("10,000")) ||
                 rebased.contains(QStringLiteral("20,000")),
             qPrintable(rebased.join(QLatin1Char(' '))));
    for (const QString &label : rebased)
        QCOMPARE(decimalsOf(label), decimalsOf(rebased.front()));

    // The 10-year: all positive, one scale on every chart, whatever the chart's height.
    const QStringList rate = w->chartView(ChartKind::Ratio)->rightAxisLabels();
    QVERIFY2(!rate.isEmpty() && labelValues(rate).front() >= 0,
             qPrintable(rate.join(QLatin1Char(' '))));
    for (const ChartKind kind : allChartKinds())
        QCOMPARE(w->chartView(kind)->rightAxisLabels(), rate);
    // Charts of different heights in one stack: the shortest sets the steps for all.
    ChartView tall, shortOne;
    tall.resizeUnshown(QSize(900, 700));
    shortOne.resizeUnshown(QSize(900, 150));
    for (ChartView *view : {&tall, &shortOne})
        view->setContent(w->pair()->chart(ChartKind::Spread, w->rangeFrom(), w->rangeTo(), 400),
                         w->rangeFrom(), w->rangeTo());
    alignPlotAreas({&tall, &shortOne});
    QCOMPARE(tall.rightAxisLabels(), shortOne.rightAxisLabels());
    QVERIFY(shortOne.rightAxisLabels().size() <= 4); // room for them on 150 px

    // The ratio of IWM/SPY in 2024 (0.350 0.375 0.400 0.425): one number of decimals on every label
    // (it was "0.4" beside "0.45").
    w->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {QStringLiteral("DGS10")});
    w->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    const QStringList ratio = w->chartView(ChartKind::Ratio)->leftAxisLabels();
    QVERIFY2(ratio.size() >= 3, qPrintable(ratio.join(QLatin1Char(' '))));
    for (const QString &label : ratio)
        QVERIFY2(decimalsOf(label) == decimalsOf(ratio.back()) && decimalsOf(label) > 0,
                 qPrintable(ratio.join(QLatin1Char(' '))));
}

// Issue #12, 3a: on ^GSPC/^IXIC Max the 1975 tick was at x = 161, 185, 197 and 161 in the four
// charts, as each chart's axis labels ("1.5", "30,000", "-15,000", "20") set its own plot's left
// edge. One date, one x, in the window (also after a resize) and in a stacked export.
void TestWindowCharts::plotAreasLineUp()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    QTest::mouseClick(w->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    const auto lineUp = [w] {
        const ChartView *ratio = w->chartView(ChartKind::Ratio);
        for (const ChartKind kind : allChartKinds()) {
            const ChartView *view = w->chartView(kind);
            if (std::abs(view->plotArea().left() - ratio->plotArea().left()) > 1e-6 ||
                std::abs(view->plotArea().right() - ratio->plotArea().right()) > 1e-6 ||
                view->xOf(QDate(1985, 1, 1)) != ratio->xOf(QDate(1985, 1, 1)))
                return false;
        }
        return true;
    };
    QTRY_VERIFY(lineUp());
    w->resize(1300, 1000);
    QTRY_VERIFY(lineUp());
    w->setRange(QDate(2024, 1, 2), QDate(2024, 8, 1));
    QTRY_VERIFY(lineUp());

    // The export's path: views never shown, sized, filled, then lined up.
    QList<ChartView *> stack;
    std::vector<std::unique_ptr<ChartView>> views;
    for (const ChartKind kind : allChartKinds()) {
        views.push_back(std::make_unique<ChartView>());
        views.back()->resizeUnshown(QSize(1200, 200));
        views.back()->setContent(
            w->pair()->chart(kind, w->pair()->first(), w->pair()->last(), 1000), w->pair()->first(),
            w->pair()->last());
        stack << views.back().get();
    }
    QVERIFY(stack[0]->naturalPlotArea().left() != stack[1]->naturalPlotArea().left());
    alignPlotAreas(stack);
    for (const ChartView *view : stack) {
        QCOMPARE(view->plotArea().left(), stack[0]->plotArea().left());
        QCOMPARE(view->plotArea().right(), stack[0]->plotArea().right());
    }
}

// Issue #12, 1: after presets, a drag (35 % to 60 % of the rebased chart, IWM/SPY 1Y), the wheel,
// an overview drag, a resize and a theme change, each chart must paint exactly as a fresh window
// in the same state does. Old
// axis labels stayed painted under the new ones ("Dec 2025" twice, ".00").
void TestWindowCharts::chartsAfterInteractionLookFresh()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    QTest::mouseClick(w->presetButton(QStringLiteral("3Y")), Qt::LeftButton);
    QApplication::processEvents();
    QTest::mouseClick(w->presetButton(QStringLiteral("1Y")), Qt::LeftButton);
    ChartView *rebased = w->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    const QRectF plot = rebased->plotArea();
    const int y = int(plot.center().y());
    const QPoint start(int(plot.left() + plot.width() * 0.35), y);
    const QPoint end(int(plot.left() + plot.width() * 0.60), y);
    dragAcross(rebased->viewport(), start, end, 10);
    const QPointF at = w->chartView(ChartKind::Ratio)->plotArea().center();
    QWheelEvent wheel(at, rebased->viewport()->mapToGlobal(at.toPoint()), QPoint(), QPoint(0, -120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w->chartView(ChartKind::Ratio)->viewport(), &wheel);
    QApplication::processEvents();
    OverviewStrip *strip = w->overview();
    const QPoint grip = strip->windowRect().center();
    dragAcross(strip, grip, grip - QPoint(40, 0), 5);
    QApplication::processEvents();
    w->resize(1400, 1000);
    QApplication::processEvents();
    w->setTheme(ThemeChoice::Dark);
    QEvent leave(QEvent::Leave); // the mouse leaves the chart: no crosshair on either
    QApplication::sendEvent(rebased->viewport(), &leave);
    QApplication::processEvents();
    w->study().writeRecovery(); // the state a fresh window restores

    MainWindow fresh(m_fx.path());
    fresh.resize(w->size());
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    QCOMPARE(fresh.rangeFrom(), w->rangeFrom());
    QCOMPARE(fresh.rangeTo(), w->rangeTo());
    QApplication::processEvents();
    for (const ChartKind kind : allChartKinds()) {
        QRect where;
        const int n =
            differingPixels(onScreen(w->chartView(kind)), onScreen(fresh.chartView(kind)), &where);
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
void TestWindowCharts::titlesFollowTheRange()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28));
    w->setRange(QDate(2024, 8, 1), QDate(2024, 12, 31));
    const QString base = w->pair()->baseDay(w->rangeFrom()).toString(Qt::ISODate);
    QCOMPARE(base, QStringLiteral("2024-08-01")); // the range's first day (issue #22)
    for (const ChartKind kind : {ChartKind::Rebased, ChartKind::Relative})
        QVERIFY2(w->chartView(kind)->titleText().contains(base),
                 qPrintable(w->chartView(kind)->titleText()));
}

// Issue #12, 6: View > Theme > Dark turns the window and its charts dark, is remembered, and keeps
// the rates muted: A and B stand out of the dark chart more than the rate does.
void TestWindowCharts::darkThemeIsChosenAndRemembered()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    QAction *dark = nullptr;
    for (QAction *action : w->findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Dark")) dark = action;
    QVERIFY(dark);
    dark->trigger();
    QVERIFY(dark->isChecked());
    QVERIFY(w->isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    ChartView *view = w->chartView(ChartKind::Rebased);
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
    w->close();
    {
        MainWindow again(m_fx.path());
        QVERIFY(again.isDark());
        QCOMPARE(again.chartView(ChartKind::Ratio)->theme(), Theme::Dark);
        again.setTheme(ThemeChoice::System); // the application's palette, for the tests after
    }
}

// Issue #12, 4: the window's minimum height was 894 px; it must open and work at 1280x720 (a
// window of 1152x648 there), with readable charts, six table rows and year labels on the overview.
void TestWindowCharts::fitsASmallScreen()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    auto *scroll = w->findChild<QScrollArea *>(QStringLiteral("chartsScroll"));
    QVERIFY(scroll);
    QApplication::processEvents();
    QVERIFY(!scroll->verticalScrollBar()->isVisible()); // a big screen: nothing to scroll

    w->resize(1152, 648);
    QApplication::processEvents();
    QVERIFY2(w->minimumSizeHint().height() <= 648,
             qPrintable(QString::number(w->minimumSizeHint().height())));
    QCOMPARE(w->height(), 648);
    for (const ChartKind kind : allChartKinds()) {
        const ChartView *view = w->chartView(kind);
        QVERIFY2(view->height() >= 140, qPrintable(QString::number(view->height())));
        // The title row (with or without the legend) stays above the plot.
        QVERIFY(view->plotArea().top() > 20);
        QVERIFY(view->dateAxisLabels().size() >= 2);
    }
    auto *table = w->findChild<QTableView *>(QStringLiteral("returnsTable"));
    // Every row of the returns table is in view (its header too), beside its scroll bar since
    // the high and low columns came (issue #25, 3).
    const int rows = table->viewport()->height() / table->verticalHeader()->defaultSectionSize();
    QVERIFY2(rows >= table->model()->rowCount() + 1, qPrintable(QString::number(rows)));

    // Decades in the overview are labelled by years (^GSPC/^IXIC hold month ends from 1979).
    w->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    QTest::mouseClick(w->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    const QStringList years = w->overview()->tickLabels();
    QVERIFY2(years.size() >= 4, qPrintable(years.join(QLatin1Char(' '))));
    for (const QString &year : years)
        QVERIFY2(year.size() == 4 && year.toInt() >= 1979 && year.toInt() <= 2025,
                 qPrintable(year));
}

QTEST_MAIN(TestWindowCharts)
#include "tst_window_charts.moc"
