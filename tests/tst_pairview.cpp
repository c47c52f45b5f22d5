// SPDX-License-Identifier: GPL-3.0-or-later
// The pair view's charts and controls as a user sees them (issue #24, items 13 and 16): value
// axes that label their decades and hug the data, lines that stay off the frame, and a window
// that keeps every range control and every title whole down to its minimum size.
#include "charts/ChartView.h"
#include "DateField.h"
#include "import/ImportBatch.h"
#include "MainWindow.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QCompleter>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include <cmath>

using namespace indexlens;
using namespace indexlens::test;

namespace {

// The values of axis labels ("1,000" -> 1000).
std::vector<double> valuesOf(const QStringList &labels)
{
    std::vector<double> out;
    for (QString label : labels)
        out.push_back(
            label.remove(QLatin1Char(',')).replace(QChar(0x2212), QLatin1Char('-')).toDouble());
    return out;
}

// The rows of the plot area where line `index`'s colour is painted: the first and the last.
std::pair<int, int> rowsOfLine(ChartView *view, int index)
{
    const QImage image = view->viewport()->grab().toImage();
    const QColor colour = ChartView::colorFor(index, false, view->theme());
    const QRect plot = view->plotArea().toRect();
    int top = -1, bottom = -1;
    for (int y = plot.top(); y <= plot.bottom(); ++y)
        for (int x = plot.left(); x <= plot.right(); ++x)
            if (image.pixelColor(x, y) == colour) {
                if (top < 0) top = y;
                bottom = y;
                break;
            }
    return {top, bottom};
}

// Every text a chart's scene holds that Qt Charts cut short ("in…", "50-day av...").
QStringList elidedTexts(ChartView *view)
{
    QStringList out;
    for (const QGraphicsItem *item : view->scene()->items()) {
        if (!item->isVisible()) continue;
        QString text;
        if (const auto *t = dynamic_cast<const QGraphicsTextItem *>(item)) text = t->toPlainText();
        if (const auto *t = dynamic_cast<const QGraphicsSimpleTextItem *>(item)) text = t->text();
        if (text.contains(QChar(0x2026)) || text.contains(QStringLiteral("...")))
            out << QStringLiteral("%1 at %2,%3")
                       .arg(text)
                       .arg(item->scenePos().x())
                       .arg(item->scenePos().y());
    }
    return out;
}

// Every decade between the lowest and the highest of `labels` has a label at each of
// `multiples` times its power of ten.
void checkDecades(const QStringList &labels, std::initializer_list<double> multiples)
{
    const std::vector<double> values = valuesOf(labels);
    const QString shown = labels.join(QLatin1Char(' '));
    QVERIFY2(values.size() >= 4, qPrintable(shown));
    for (double power = std::pow(10.0, std::ceil(std::log10(values.front())));
         power * *std::prev(multiples.end()) <= values.back(); power *= 10)
        for (const double m : multiples)
            QVERIFY2(std::find(values.begin(), values.end(), m * power) != values.end(),
                     qPrintable(QStringLiteral("%1 missing from %2").arg(m * power).arg(shown)));
}

} // namespace

class TestPairView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void logAxisLabelsOneTwoFiveOfEachDecade();
    void linearAxisHugsTheDataAndNoLineTouchesTheFrame();
    void shortChartsKeepReadableLabelsClearOfTheFrame();
    void everyRangeControlAndTitleStaysWholeInASmallWindow_data();
    void everyRangeControlAndTitleStaysWholeInASmallWindow();
    void typedMatchesOpenBesideThePickerNotOverTheRates();

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

void TestPairView::initTestCase()
{
    m_temp = std::make_unique<TempDatabase>();
    const QString refused = prepareWindowCache(
        *m_temp, {QStringLiteral("yahoo/IWM.csv"), QStringLiteral("yahoo/SPY.csv"),
                  QStringLiteral("yahoo/^GSPC.csv"), QStringLiteral("close-only/^IXIC.csv"),
                  QStringLiteral("fred/DGS10.csv")});
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
}

void TestPairView::cleanup()
{
    m_window.reset();
}

// Issue #24, 13: ^GSPC/^IXIC Max on a log scale read "100 / 1,000" alone across two decades.
void TestPairView::logAxisLabelsOneTwoFiveOfEachDecade()
{
    m_window = openWindow(m_temp->path(), QSize(1600, 1000));
    QVERIFY(m_window);
    m_window->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    QTest::mouseClick(m_window->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier); // View > Log scale
    ChartView *rebased = m_window->chartView(ChartKind::Rebased);
    QTRY_VERIFY(rebased->logScale());
    // In the stack, about 50 px a decade: 1 and 3 of each (1, 2 and 5 would overlap).
    checkDecades(rebased->leftAxisLabels(), {1, 3});
    if (QTest::currentTestFailed()) return;
    // A chart of 600 px, as an export draws it: 1, 2 and 5 of each decade.
    ChartView tall;
    tall.resizeUnshown(QSize(900, 600));
    tall.setLogScale(true);
    tall.setContent(rebased->content(), rebased->from(), rebased->to());
    checkDecades(tall.leftAxisLabels(), {1, 2, 5});
    // The line of ^GSPC over more than forty years stays clear of the frame.
    const QRect plot = rebased->plotArea().toRect();
    const auto [top, bottom] = rowsOfLine(rebased, 0);
    QVERIFY2(top > plot.top() + 1 && bottom < plot.bottom() - 1,
             qPrintable(QStringLiteral("%1..%2 in %3..%4")
                            .arg(top)
                            .arg(bottom)
                            .arg(plot.top())
                            .arg(plot.bottom())));

    // A narrow ratio inside one decade: round steps within it, not two labels.
    m_window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {QStringLiteral("DGS10")});
    m_window->setRange(QDate(2024, 1, 2), QDate(2024, 12, 31));
    const QStringList ratio = m_window->chartView(ChartKind::Ratio)->leftAxisLabels();
    QVERIFY2(ratio.size() >= 3, qPrintable(ratio.join(QLatin1Char(' '))));
}

// Issue #24, 13: IWM/SPY between 0.38 and 0.48 got an axis of 0.3 .. 0.6, the line in its middle
// third; ^GSPC on the log rebased chart touched the frame.
void TestPairView::linearAxisHugsTheDataAndNoLineTouchesTheFrame()
{
    m_window = openWindow(m_temp->path(), QSize(1600, 1000));
    QVERIFY(m_window);
    m_window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {QStringLiteral("DGS10")});
    m_window->setRange(QDate(2023, 6, 30), QDate(2024, 7, 23));
    QApplication::processEvents();
    for (const ChartKind kind : {ChartKind::Ratio, ChartKind::Rebased, ChartKind::Relative}) {
        ChartView *view = m_window->chartView(kind);
        const QRect plot = view->plotArea().toRect();
        int top = plot.bottom(), bottom = plot.top();
        // Every line on the left axis: the ratio and its averages, A and B, A - B.
        int lines = 0;
        for (const ChartLine &line : view->content().lines)
            lines += line.rightAxis ? 0 : 1;
        for (int i = 0; i < lines; ++i) {
            const auto [t, b] = rowsOfLine(view, i);
            QVERIFY2(t >= 0, qPrintable(view->content().title));
            top = std::min(top, t);
            bottom = std::max(bottom, b);
        }
        const QString where = QStringLiteral("%1: %2..%3 in %4..%5")
                                  .arg(view->content().title)
                                  .arg(top)
                                  .arg(bottom)
                                  .arg(plot.top())
                                  .arg(plot.bottom());
        QVERIFY2(top > plot.top() + 1 && bottom < plot.bottom() - 1, qPrintable(where));
        // The padding is 3 % of the data's span each side: the lines fill 90 % of the height.
        QVERIFY2(bottom - top >= 0.9 * plot.height() - 2, qPrintable(where));
    }
}

// Issue #24, 13 (a user trial at 1280x720): with as many log ticks as the widget's height allowed,
// every label of ^GSPC/^IXIC Max on a 75 px plot read "..."; SPY touched the rebased chart's
// top, two pixels of padding on a short plot.
void TestPairView::shortChartsKeepReadableLabelsClearOfTheFrame()
{
    m_window = openWindow(m_temp->path(), QSize(1280, 720));
    QVERIFY(m_window);
    m_window->pick(QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), {QStringLiteral("DGS10")});
    QTest::mouseClick(m_window->presetButton(QStringLiteral("Max")), Qt::LeftButton);
    for (const bool log : {true, false}) {
        m_window->session().setLogScale(log);
        QApplication::processEvents();
        for (const ChartKind kind : allChartKinds()) {
            ChartView *view = m_window->chartView(kind);
            const QString what =
                view->content().title + (log ? QStringLiteral(", log") : QString());
            QVERIFY2(view->plotArea().height() < 120, qPrintable(what)); // a short plot indeed
            const QStringList cut = elidedTexts(view);
            QVERIFY2(cut.isEmpty(),
                     qPrintable(what + QStringLiteral(": ") + cut.join(QLatin1Char('|'))));
            QVERIFY2(view->leftAxisLabels().size() >= 2,
                     qPrintable(what + QStringLiteral(": ") +
                                view->leftAxisLabels().join(QLatin1Char(' '))));
            const QRect plot = view->plotArea().toRect();
            const auto [top, bottom] = rowsOfLine(view, 0);
            QVERIFY2(top >= plot.top() + 3 && bottom <= plot.bottom() - 3,
                     qPrintable(what + QStringLiteral(": %1..%2 in %3..%4")
                                           .arg(top)
                                           .arg(bottom)
                                           .arg(plot.top())
                                           .arg(plot.bottom())));
        }
    }
}

void TestPairView::everyRangeControlAndTitleStaysWholeInASmallWindow_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("900x560") << QSize(900, 560);
    QTest::newRow("minimum") << QSize(); // the window's own minimum
}

// Issue #24, 16 and 16a: at 900x560 the To field fell into the toolbar's overflow and the plot
// titles read "in..."; at the minimum size (594x553) Add range, From and To were gone with no
// overflow button, and the charts' right side was cut off.
void TestPairView::everyRangeControlAndTitleStaysWholeInASmallWindow()
{
    QFETCH(QSize, size);
    m_window = openWindow(m_temp->path(), QSize(1600, 1000));
    QVERIFY(m_window);
    m_window->resize(size.isValid() ? size : m_window->minimumSizeHint());
    QTRY_VERIFY(size.isValid() || m_window->size() == m_window->minimumSizeHint());
    QApplication::processEvents();
    const QRect inside = m_window->rect();
    auto *bar = m_window->findChild<QWidget *>(QStringLiteral("rangeBar"));
    QVERIFY(bar);
    QList<QWidget *> controls;
    // Not the calendars' own buttons: they are in popups of their own.
    for (QAbstractButton *button : bar->findChildren<QAbstractButton *>())
        if (button->window() == m_window.get()) controls << button;
    for (QLineEdit *edit : bar->findChildren<QLineEdit *>())
        if (edit->window() == m_window.get()) controls << edit;
    QVERIFY(controls.size() >= 12); // 9 presets, Back, Add range, From, To and their calendars
    for (QWidget *control : controls) {
        const QRect at(control->mapTo(m_window.get(), QPoint(0, 0)), control->size());
        QVERIFY2(control->isVisible() && inside.contains(at),
                 qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in %6x%7")
                                .arg(control->objectName(), QString::number(at.x()),
                                     QString::number(at.y()), QString::number(at.width()),
                                     QString::number(at.height()), QString::number(inside.width()),
                                     QString::number(inside.height()))));
    }
    // A typed date still sets the range from the wrapped row.
    auto *field = bar->findChild<DateField *>(QStringLiteral("rangeFrom"));
    QVERIFY(field);
    QLineEdit *from = field->lineEdit();
    QTest::mouseClick(from, Qt::LeftButton);
    QTest::keyClick(from, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(from, QStringLiteral("2024-01-02"));
    QTest::keyClick(from, Qt::Key_Return);
    QCOMPARE(m_window->rangeFrom(), QDate(2024, 1, 2));
    QApplication::processEvents();
    for (const ChartKind kind : allChartKinds()) {
        ChartView *view = m_window->chartView(kind);
        const QRect at(view->mapTo(m_window.get(), QPoint(0, 0)), view->size());
        QVERIFY2(at.right() <= inside.right(), qPrintable(view->content().title));
        const QStringList cut = elidedTexts(view);
        QVERIFY2(cut.isEmpty(), qPrintable(view->content().title + QStringLiteral(": ") +
                                           cut.join(QStringLiteral(" | "))));
    }
}

// Issue #24, 15: the matches typed into Series B opened below it, over the rate list.
void TestPairView::typedMatchesOpenBesideThePickerNotOverTheRates()
{
    m_window = openWindow(m_temp->path(), QSize(1600, 1000));
    QVERIFY(m_window);
    auto *b = m_window->findChild<QComboBox *>(QStringLiteral("seriesB"));
    auto *rates = m_window->findChild<QWidget *>(QStringLiteral("rates"));
    QVERIFY(b && rates);
    QTest::mouseClick(b->lineEdit(), Qt::LeftButton);
    QTest::keyClick(b->lineEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(b->lineEdit(), QStringLiteral("S"));
    QWidget *popup = b->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    const QRect list(popup->mapToGlobal(QPoint(0, 0)), popup->size());
    const QRect rateList(rates->mapToGlobal(QPoint(0, 0)), rates->size());
    QVERIFY2(!list.intersects(rateList),
             qPrintable(QStringLiteral("list %1,%2 %3x%4, rates %5,%6 %7x%8")
                            .arg(list.x())
                            .arg(list.y())
                            .arg(list.width())
                            .arg(list.height())
                            .arg(rateList.x())
                            .arg(rateList.y())
                            .arg(rateList.width())
                            .arg(rateList.height())));
    // Beside the picker, level with it, and still picked from by the keyboard.
    QVERIFY(list.left() >= b->mapToGlobal(QPoint(b->width(), 0)).x());
    QTest::keyClick(popup, Qt::Key_Escape);
    QTRY_VERIFY(!popup->isVisible());
}

QTEST_MAIN(TestPairView)
#include "tst_pairview.moc"
