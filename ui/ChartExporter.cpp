// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartExporter.h"

#include "chart/MarkLabels.h"

#include "chart/SeriesBasis.h"
#include "core/UserError.h"

#include "charts/ChartView.h"
#include "charts/PlotAlignment.h"
#include "PngWriter.h"

#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QScreen>
#include <QSvgGenerator>

#include <cmath>
#include <functional>
#include <memory>
#include <stdexcept>

namespace indexlens {

ExportOptions exportOptionsFor(const PriceStore &store, const PairData &pair, const QDate &from,
                               const QDate &to, ExportOptions base)
{
    if (base.title.isEmpty())
        base.title =
            QStringLiteral("%1, %2 to %3")
                .arg(pair.pairTitle(), from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    QStringList symbols{pair.symbolA(), pair.symbolB()};
    for (const SymbolSeries &rate : pair.rates())
        symbols << rate.symbol;
    base.sourceLine =
        dataSourceLine(store, symbols, basisSourcePhrase({&pair.seriesA(), &pair.seriesB()}),
                       pair.dayOnOrBefore(to));
    return base;
}

std::optional<std::vector<ChartKind>> chartKindsNamed(const QString &name)
{
    const QString wanted = name.trimmed().toLower();
    if (wanted == QLatin1String("all")) return allChartKinds();
    for (const ChartKind kind : pairChartKinds())
        if (chartKindName(kind) == wanted) return std::vector<ChartKind>{kind};
    return std::nullopt;
}

QString exportSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Png:
        break;
    }
    return QStringLiteral("png");
}

std::optional<ExportFormat> exportFormatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const ExportFormat format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf})
        if (suffix == exportSuffix(format)) return format;
    return std::nullopt;
}

namespace {

// The title and, above a stack, the headline once (each panel would repeat it), drawn when a
// painter is given; returns the height they take.
int paintHeader(QPainter *painter, const ChartStack &stack, const QString &headline)
{
    const ExportOptions &o = stack.options;
    const ChartPalette &colours = chartPalette(o.dark ? Theme::Dark : Theme::Light);
    QFont titleFont;
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    int y = 8;
    if (!o.title.isEmpty()) {
        // Whole on as many lines as it takes, never cut (issue #24, 16).
        const QRect room(16, y, o.width - 32, o.height / 4);
        const int h =
            QFontMetrics(titleFont).boundingRect(room, Qt::TextWordWrap, o.title).height() + 8;
        if (painter) {
            painter->setFont(titleFont);
            painter->setPen(colours.text);
            painter->drawText(QRect(16, y, o.width - 32, h),
                              Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, o.title);
        }
        y += h;
    }
    if (!headline.isEmpty()) {
        const QFont font;
        const int h = QFontMetrics(font).height() + 6;
        if (painter) {
            painter->setFont(font);
            painter->setPen(colours.mutedText);
            painter->drawText(QRect(16, y, o.width - 32, h), Qt::AlignLeft | Qt::AlignVCenter,
                              headline);
        }
        y += h;
    }
    return y + 4;
}

// The key below the charts (issue #24, 10): every band's and marked move's full label with its
// key, wrapped to the width; returns the lines.
QStringList keyLines(const ChartStack &stack, const QFontMetrics &metrics)
{
    QStringList lines;
    QString line;
    for (const QString &entry : marksKey(stack.marks)) {
        const QString next = line.isEmpty() ? entry : line + QStringLiteral("     ") + entry;
        if (!line.isEmpty() && metrics.horizontalAdvance(next) > stack.options.width - 32) {
            lines << line;
            line = entry;
        } else {
            line = next;
        }
    }
    if (!line.isEmpty()) lines << line;
    return lines;
}

QFont keyFont()
{
    QFont font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

// One view per chart, laid out at its slot's size, with the plot areas lined up.
std::vector<std::unique_ptr<ChartView>> buildViews(const ChartStack &stack, int chartHeight,
                                                   bool headlineInPanels)
{
    const ExportOptions &o = stack.options;
    std::vector<std::unique_ptr<ChartView>> views;
    QList<ChartView *> aligned;
    for (const ChartContent &content : stack.charts) {
        auto view = std::make_unique<ChartView>();
        view->setAttribute(Qt::WA_DontShowOnScreen);
        // The window's minimum chart height must not win over the asked size: a taller view
        // would overdraw the next chart's slot and, for the last, the source line.
        view->setMinimumSize(0, 0);
        view->resizeUnshown(QSize(o.width, chartHeight));
        view->setRenderHint(QPainter::Antialiasing, true);
        view->setDarkTheme(o.dark);
        view->setLogScale(o.logScale);
        view->setContent(content, stack.from, stack.to);
        view->setMarks(stack.marks);
        view->setMarkLabels(views.empty()); // the top chart labels them; the key has them all
        if (headlineInPanels) view->setHeadline(stack.headline);
        aligned << view.get();
        views.push_back(std::move(view));
    }
    alignPlotAreas(aligned);
    // A view off screen lays out again only when asked: an axis title fitted to the aligned plot
    // ("%" for "10y, %") was otherwise drawn as laid out before, cut to "10..." (issue #25).
    for (ChartView *view : aligned)
        view->chart()->layout()->activate();
    return views;
}

// Where the parts of a stack go: the header's height, each chart's, the key's lines and the
// source line's height.
struct StackLayout {
    int top = 0;
    int chartHeight = 0;
    QStringList key;
    int sourceHeight = 0;
};

StackLayout stackLayout(const ChartStack &stack)
{
    const ExportOptions &o = stack.options;
    StackLayout layout;
    layout.top = paintHeader(nullptr, stack, stack.charts.size() > 1 ? stack.headline : QString());
    // The source line whole, on as many lines as it takes (issue #24, 16).
    layout.sourceHeight = o.sourceLine.isEmpty()
                              ? 0
                              : QFontMetrics(QFont())
                                        .boundingRect(QRect(0, 0, o.width - 32, o.height / 4),
                                                      Qt::TextWordWrap, o.sourceLine)
                                        .height() +
                                    10;
    const QFontMetrics keyMetrics(keyFont());
    layout.key = keyLines(stack, keyMetrics);
    const int keyHeight =
        layout.key.isEmpty() ? 0 : int(layout.key.size()) * keyMetrics.height() + 8;
    const int n = std::max<int>(1, int(stack.charts.size()));
    layout.chartHeight = (o.height - layout.top - layout.sourceHeight - keyHeight) / n;
    return layout;
}

// A plot shorter than this leaves its chart no room for the value and date labels: Qt Charts
// cuts them to "..." (measured: 23.5 px plots cut every date label, 29.5 px ones none).
constexpr double kMinimumPlotHeight = 30;

// How `stack` lays out: its shortest plot, and whether Qt Charts cut a title or an axis label to
// "..." anywhere (they are QGraphicsTextItems; the marks and bar values are drawn by us).
struct RoomCheck {
    double shortestPlot = 0;
    bool cut = false;
    bool fits() const { return shortestPlot >= kMinimumPlotHeight && !cut; }
};

// Whether Qt Charts cut a title or an axis label of `view` to "...", or drew a title down into
// the plot (it gives a wrapped title less height than it takes: the seasonality title lay over
// its bars). Its titles and labels are QGraphicsTextItems; the marks and bar values are ours.
bool labelsCut(const ChartView &view)
{
    const QRectF plot = view.plotArea();
    for (const QGraphicsItem *item : view.scene()->items()) {
        const auto *text = dynamic_cast<const QGraphicsTextItem *>(item);
        if (!text || !text->isVisible()) continue;
        const QString plain = text->toPlainText();
        if (plain.isEmpty()) continue;
        if (plain.endsWith(QStringLiteral("...")) || plain.endsWith(QChar(0x2026))) return true;
        // Above the plot's middle, not an axis label beside it: a title running into it.
        const QRectF box = text->sceneBoundingRect();
        if (box.top() < plot.top() - 1 && box.bottom() > plot.top() + 4 &&
            box.center().x() > plot.left() && box.center().x() < plot.right())
            return true;
    }
    return false;
}

RoomCheck roomOf(const ChartStack &stack)
{
    const StackLayout layout = stackLayout(stack);
    RoomCheck room{double(layout.chartHeight), false};
    for (const auto &view : buildViews(stack, layout.chartHeight, stack.charts.size() <= 1)) {
        // Bars with their values written beyond their ends need room for a label over the
        // tallest bar as well (issue #25, trial: "1 of 1" over a full bar was cut at 200 px).
        const auto &lines = view->content().lines;
        const bool labelled = std::any_of(lines.begin(), lines.end(),
                                          [](const ChartLine &line) { return line.valueLabels; });
        const double plot = view->plotArea().height();
        room.shortestPlot = std::min(room.shortestPlot, labelled ? plot / 2 : plot);
        room.cut = room.cut || labelsCut(*view);
    }
    return room;
}

} // namespace

TooShortForLabels::TooShortForLabels(const QString &dimension, int value, int needed,
                                     const QString &what)
    : UserError(QStringLiteral("a %1 of %2 px leaves %3: ask for %4 px or more")
                    .arg(dimension)
                    .arg(value)
                    .arg(what)
                    .arg(needed)),
      m_dimension(dimension), m_value(value), m_needed(needed), m_what(what)
{
}

QString TooShortForLabels::optionMessage() const
{
    return QStringLiteral("--%1 %2 leaves %3: ask for --%1 %4 or more")
        .arg(m_dimension)
        .arg(m_value)
        .arg(m_what)
        .arg(m_needed);
}

namespace {

// The least size from `start` up at which `fits` holds, to 10 px: up by a tenth at a time, then
// halving the gap; 8000 (the largest export) when none does.
int leastFitting(int start, const std::function<bool(int)> &fits)
{
    int tooSmall = start, needed = start;
    do {
        tooSmall = needed;
        needed = std::min(8000, needed + std::max(10, needed / 10));
    } while (needed < 8000 && !fits(needed));
    while (needed - tooSmall > 10) {
        const int middle = (tooSmall + needed) / 2;
        (fits(middle) ? needed : tooSmall) = middle;
    }
    return needed;
}

} // namespace

// Issue #25, trial: `export --chart all --height 420` wrote axes whose every label read "...";
// and the height first proposed was still refused (the title and key do not grow with it), so
// the one proposed is found by laying the stack out again, taller, or where no height is enough
// (twelve months' labels under a 320 px seasonality chart), wider.
void requireRoom(const ChartStack &stack)
{
    const RoomCheck room = roomOf(stack);
    if (room.fits()) return;
    ChartStack larger = stack;
    const auto n = int(stack.charts.size());
    const QString charts =
        n > 1 ? QStringLiteral("each of the %1 charts").arg(n) : QStringLiteral("the chart");
    const int height = leastFitting(stack.options.height, [&](int h) {
        larger.options.height = h;
        return roomOf(larger).fits();
    });
    if (height < 8000 || roomOf(larger).fits()) {
        throw TooShortForLabels(
            QStringLiteral("height"), stack.options.height, height,
            room.shortestPlot < kMinimumPlotHeight
                ? QStringLiteral("%1 %2 px to plot in, fewer than the %3 px its labels need%4")
                      .arg(charts)
                      .arg(int(room.shortestPlot))
                      .arg(kMinimumPlotHeight)
                      .arg(n > 1 ? QStringLiteral(" (or draw fewer charts)") : QString())
                : QStringLiteral("%1 too little room for its labels, which would be cut to "
                                 "\"...\"")
                      .arg(charts));
    }
    larger.options.height = stack.options.height;
    const int width = leastFitting(stack.options.width, [&](int w) {
        larger.options.width = w;
        return roomOf(larger).fits();
    });
    throw TooShortForLabels(QStringLiteral("width"), stack.options.width, width,
                            QStringLiteral("%1 too little room for its labels at %2 px high")
                                .arg(charts)
                                .arg(stack.options.height));
}

int exportPlotWidth(const ExportOptions &options)
{
    return int(std::max(200, options.width - 160) * options.scale);
}

ChartStack pairStack(const ExportRequest &request)
{
    ChartStack stack{
        {},
        request.from,
        request.to,
        request.pair.headlineFor(request.kinds, request.from, request.to, request.rebase),
        request.marks,
        request.options};
    for (const ChartKind kind : request.kinds)
        stack.charts.push_back(request.pair.chart(
            kind, request.from, request.to, exportPlotWidth(request.options), request.rebase));
    return stack;
}

void paintStack(QPainter &painter, const ChartStack &stack)
{
    const ExportOptions &o = stack.options;
    const ChartPalette &colours = chartPalette(o.dark ? Theme::Dark : Theme::Light);
    painter.fillRect(QRect(0, 0, o.width, o.height), colours.background);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const bool stacked = stack.charts.size() > 1;
    const StackLayout layout = stackLayout(stack);
    paintHeader(&painter, stack, stacked ? stack.headline : QString());
    const int chartHeight = layout.chartHeight;
    const int sourceHeight = layout.sourceHeight;
    const QFontMetrics keyMetrics(keyFont());
    const QStringList &key = layout.key;
    int y = layout.top;
    for (const auto &view : buildViews(stack, chartHeight, !stacked)) {
        // The scene, not the widget: QGraphicsScene::render keeps lines and text as vectors in
        // SVG and PDF.
        view->scene()->render(&painter, QRectF(0, y, o.width, chartHeight),
                              QRectF(0, 0, o.width, chartHeight));
        y += chartHeight;
    }
    painter.setFont(keyFont());
    painter.setPen(colours.mutedText);
    for (const QString &line : key) {
        painter.drawText(QRect(16, y + 4, o.width - 32, keyMetrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, line);
        y += keyMetrics.height();
    }
    if (!o.sourceLine.isEmpty()) {
        painter.setFont(QFont());
        painter.setPen(colours.mutedText);
        painter.drawText(QRect(16, o.height - sourceHeight, o.width - 32, sourceHeight),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, o.sourceLine);
    }
}

QImage renderStack(const ChartStack &stack)
{
    requireRoom(stack);
    const ExportOptions &o = stack.options;
    QImage image(QSize(int(o.width * o.scale), int(o.height * o.scale)), QImage::Format_RGB32);
    image.setDevicePixelRatio(o.scale);
    QPainter painter(&image);
    paintStack(painter, stack);
    painter.end();
    return image;
}

QImage renderCharts(const ExportRequest &request)
{
    return renderStack(pairStack(request));
}

namespace {

// The charts lay their text out in the screen's logical dots per inch; a vector file at the same
// resolution keeps each label the width it was laid out for (at 72 the SVG's legend came apart).
int layoutDpi()
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    return screen ? int(std::lround(screen->logicalDotsPerInch())) : 96;
}

void writePng(const QString &path, const ChartStack &stack)
{
    writeChartPng(path, renderStack(stack));
}

void writeSvg(const QString &path, const ChartStack &stack)
{
    requireRoom(stack);
    const ExportOptions &o = stack.options;
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setResolution(layoutDpi());
    svg.setSize(QSize(o.width, o.height));
    svg.setViewBox(QRect(0, 0, o.width, o.height));
    svg.setTitle(o.title.toHtmlEscaped()); // written as they are: "S&P" made the file invalid
    svg.setDescription(o.sourceLine.toHtmlEscaped());
    QPainter painter;
    if (!painter.begin(&svg)) throw std::runtime_error("cannot write " + path.toStdString());
    paintStack(painter, stack);
}

void writePdf(const QString &path, const ChartStack &stack)
{
    requireRoom(stack);
    const ExportOptions &o = stack.options;
    QPdfWriter pdf(path);
    const int dpi = layoutDpi(); // one logical pixel is a pixel of the screen
    pdf.setResolution(dpi);
    pdf.setPageSize(QPageSize(QSizeF(o.width * 72.0 / dpi, o.height * 72.0 / dpi), QPageSize::Point,
                              QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(o.title);
    pdf.setCreator(QStringLiteral("IndexLens"));
    QPainter painter;
    if (!painter.begin(&pdf)) throw std::runtime_error("cannot write " + path.toStdString());
    paintStack(painter, stack);
}

} // namespace

void writeStack(const QString &path, const ChartStack &stack)
{
    // Each format checks the room once, before its file is opened (renderStack for a PNG).
    const auto format = exportFormatOf(path);
    if (!format)
        throw std::runtime_error(path.toStdString() + ": expected a .png, .svg or .pdf file");
    switch (*format) {
    case ExportFormat::Png:
        writePng(path, stack);
        return;
    case ExportFormat::Svg:
        writeSvg(path, stack);
        return;
    case ExportFormat::Pdf:
        writePdf(path, stack);
        return;
    }
}

void writeCharts(const QString &path, const ExportRequest &request)
{
    writeStack(path, pairStack(request));
}

} // namespace indexlens
