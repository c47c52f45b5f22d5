// SPDX-License-Identifier: GPL-3.0-or-later
// Charts out of the window and out of `indexlens export` without a display (issue #4, #12, #13) on
// the synthetic data of tests/data (issue #15): PNG, SVG and PDF, the marks, the compare chart,
// Copy chart and the export dialog's memory.
#include "ChartExports.h"
#include "charts/ChartView.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTest>
#include <QTimer>

using namespace indexlens;
using namespace indexlens::test;

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

class TestWindowExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { m_fx.setUp(); }
    void cleanup() { m_fx.tearDown(); }
    void exportWritesTheAskedPng();
    void shortExportKeepsChartsInTheirSlots();
    void commandLineExportWithoutDisplay();
    void exportsSvgAndPdfWithText();
    void marksInTheExport();
    void copyChartCopiesTheChartShown();
    void exportDialogRemembersItsChoice();
    void exportCompareRebasesSeveralSeries();

private:
    WindowFixture m_fx;
};

void TestWindowExport::exportWritesTheAskedPng()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2023, 1, 3), QDate(2024, 6, 28));
    const QString path = m_fx.dir() + QStringLiteral("/all.png");
    QVERIFY(w->exports().exportFile(path, allChartKinds(), 1200, 800, 2));
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
void TestWindowExport::shortExportKeepsChartsInTheirSlots()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setRange(QDate(2024, 1, 2), QDate(2024, 8, 1));
    const QString path = m_fx.dir() + QStringLiteral("/short.png");
    QVERIFY(w->exports().exportFile(path, allChartKinds(), 1200, 560, 1));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1200, 560));
    // The source line is text at the left; right of it the bottom rows hold no ink at all.
    int ink = 0;
    for (int y = 548; y < 560; ++y)
        for (int x = 500; x < 1200; ++x)
            if (image.pixelColor(x, y).lightness() < 200) ++ink;
    QCOMPARE(ink, 0);
}

void TestWindowExport::commandLineExportWithoutDisplay()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    const QString out = m_fx.dir() + QStringLiteral("/ratio.png");
    p.start(indexlensBinary(),
            {QStringLiteral("--db"), m_fx.path(), QStringLiteral("export"),
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
            {QStringLiteral("--db"), m_fx.path(), QStringLiteral("export"),
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
                QStringList{QStringLiteral("--db"), m_fx.path(), QStringLiteral("export"),
                            QStringLiteral("--out"), out} +
                    args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains(message), err.simplified().constData());
    }
}

// Issue #12, vector export: the extension of --out chooses PNG, SVG or PDF; text stays text.
void TestWindowExport::exportsSvgAndPdfWithText()
{
    const auto exportTo = [this](const QString &out, const QStringList &more = {}) {
        QProcess p;
        p.start(indexlensBinary(), QStringList{QStringLiteral("--db"),
                                               m_fx.path(),
                                               QStringLiteral("export"),
                                               QStringLiteral("--chart"),
                                               QStringLiteral("all"),
                                               QStringLiteral("--a"),
                                               QStringLiteral("IWM"),
                                               QStringLiteral("--b"),
                                               QStringLiteral("SPY"),
                                               QStringLiteral("--rate"),
                                               QStringLiteral("DGS10"),
                                               QStringLiteral("--from"),
                                               QStringLiteral("2024-01-02"),
                                               QStringLiteral("--to"),
                                               QStringLiteral("2024-07-23"),
                                               QStringLiteral("--width"),
                                               QStringLiteral("1200"),
                                               QStringLiteral("--height"),
                                               QStringLiteral("800"),
                                               QStringLiteral("--out"),
                                               out} +
                                       more);
        p.waitForFinished(60000);
        return std::pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    const QString svgPath = m_fx.dir() + QStringLiteral("/all.svg");
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
        dataSourceLine(PriceStore(m_fx.cache().db()),
                       {QStringLiteral("^GSPC"), QStringLiteral("^IXIC"), QStringLiteral("DGS10")},
                       QStringLiteral("price return"), QDate(2025, 6, 26)),
        QStringLiteral("Data: Yahoo Finance (^GSPC), file ^IXIC.csv (^IXIC), FRED (DGS10); "
                       "price return; as of 2025-06-26"));
    QVERIFY(svgText.contains(">2,000</text>") == false); // no stray big numbers on a ratio
    QVERIFY(svgText.count("<text") > 40);                // titles, legends, every axis label

    const QString pdfPath = m_fx.dir() + QStringLiteral("/all.pdf");
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

    std::tie(code, err) = exportTo(m_fx.dir() + QStringLiteral("/all.gif"));
    QCOMPARE(code, 2);
    QVERIFY2(err.contains(QStringLiteral("all.gif: expected a .png, .svg or .pdf file")),
             qPrintable(err));
    std::tie(code, err) = exportTo(pdfPath, {QStringLiteral("--theme"), QStringLiteral("blue")});
    QCOMPARE(code, 2);
    QVERIFY2(err.contains(QStringLiteral("--theme blue: expected light or dark")), qPrintable(err));
}

// Issue #12, marks: the same marks in an export, as text in SVG; a malformed period is named.
void TestWindowExport::marksInTheExport()
{
    QProcess p;
    const QString out = m_fx.dir() + QStringLiteral("/marks.svg");
    p.start(indexlensBinary(), {QStringLiteral("--db"),
                                m_fx.path(),
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
            {QStringLiteral("--db"), m_fx.path(), QStringLiteral("export"),
             QStringLiteral("--chart"), QStringLiteral("all"), QStringLiteral("--a"),
             QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("SPY"),
             QStringLiteral("--from"), QStringLiteral("2023-06-30"), QStringLiteral("--to"),
             QStringLiteral("2024-07-23"), QStringLiteral("--periods"),
             QStringLiteral("2023-06-30"), QStringLiteral("--out"), out});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("malformed --periods 2023-06-30"));
}

// Issue #12: Copy chart copied a light, linear ratio chart whatever the window showed. It copies
// the chart last clicked (or from that chart's menu) in the window's theme and scale.
void TestWindowExport::copyChartCopiesTheChartShown()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    w->setTheme(ThemeChoice::Dark);
    w->session().setLogScale(true);
    ChartView *rebased = w->chartView(ChartKind::Rebased);
    QApplication::processEvents();
    QTest::mouseClick(rebased->viewport(), Qt::LeftButton, {},
                      rebased->plotArea().center().toPoint());
    for (QAction *action : w->findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Copy chart")) action->trigger();
    QImage image = QApplication::clipboard()->image();
    QCOMPARE(image.size(), QSize(3200, 1200));
    QCOMPARE(image.pixelColor(2, 2), chartPalette(Theme::Dark).background);
    // Rebased: A and B, no 200-day average (the ratio chart's third line).
    QVERIFY(pixelsOf(image, ChartView::colorFor(1, false, Theme::Dark)) > 200);
    QCOMPARE(pixelsOf(image, ChartView::colorFor(2, false, Theme::Dark)), 0);

    // From the spread chart's own menu: bars, in the spread's colour.
    ChartView *spread = w->chartView(ChartKind::Spread);
    const QString chosen =
        chooseMenuEntry(spread, spread->plotArea().center().toPoint(), QStringLiteral("copyChart"));
    QCOMPARE(chosen, QStringLiteral("Copy chart"));
    image = QApplication::clipboard()->image();
    QCOMPARE(image.size(), QSize(3200, 1200));
    QVERIFY(pixelsOf(image, ChartView::colorFor(0, false, Theme::Dark)) > 200);
    QCOMPARE(pixelsOf(image, ChartView::colorFor(1, false, Theme::Dark)), 0); // no B line
    w->setTheme(ThemeChoice::System); // the application's palette, for the tests after
}

// Issue #12: the export dialog starts from the last size, scale and format.
void TestWindowExport::exportDialogRemembersItsChoice()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    QTimer::singleShot(100, this, [] {
        auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
        if (!dialog) return;
        const auto spins = dialog->findChildren<QSpinBox *>();
        spins[0]->setValue(1200);
        spins[1]->setValue(700);
        dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"))->setCurrentIndex(2);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    const auto choice = ExportDialog::ask(ChartKind::Spread, w);
    QVERIFY(choice);
    QCOMPARE(choice->kinds, std::vector<ChartKind>{ChartKind::Spread});
    QCOMPARE(choice->format, ExportFormat::Pdf);
    const ExportDialog again(std::nullopt);
    const ExportDialog::Choice remembered = again.choice();
    QCOMPARE(remembered.options.width, 1200);
    QCOMPARE(remembered.options.height, 700);
    QCOMPARE(remembered.format, ExportFormat::Pdf);
    QCOMPARE(remembered.kinds, std::vector<ChartKind>{ChartKind::Spread});
}

// Issue #13: export --chart compare draws several series rebased to 100 (PNG, SVG, PDF) or writes
// their values (CSV: date and one column per symbol, 100 at the base close).
void TestWindowExport::exportCompareRebasesSeveralSeries()
{
    const auto exportTo = [this](const QString &out) {
        QProcess p;
        p.start(indexlensBinary(),
                {QStringLiteral("--db"), m_fx.path(), QStringLiteral("export"),
                 QStringLiteral("--chart"), QStringLiteral("compare"), QStringLiteral("--symbols"),
                 QStringLiteral("iwm,SPY,^GSPC"), QStringLiteral("--rate"), QStringLiteral("DGS10"),
                 QStringLiteral("--from"), QStringLiteral("2024-06-28"), QStringLiteral("--to"),
                 QStringLiteral("2024-07-23"), QStringLiteral("--out"), out});
        p.waitForFinished(60000);
        return std::pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    const QString svg = m_fx.dir() + QStringLiteral("/compare.svg");
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
    const QString csv = m_fx.dir() + QStringLiteral("/compare.csv");
    std::tie(code, err) = exportTo(csv);
    QVERIFY2(code == 0, qPrintable(err));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'));
    QCOMPARE(lines[0], QStringLiteral("date,IWM,SPY,^GSPC"));
    QCOMPARE(lines[1], QStringLiteral("2024-06-28,100,100,100"));
    std::tie(code, err) = exportTo(m_fx.dir() + QStringLiteral("/compare.txt"));
    QCOMPARE(code, 2);
    QVERIFY2(err.contains(QStringLiteral("expected a .png, .svg, .pdf or .csv file")),
             qPrintable(err));
}

QTEST_MAIN(TestWindowExport)
#include "tst_window_export.moc"
