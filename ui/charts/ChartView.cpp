// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartView.h"

#include "MarksLayer.h"
#include "SeriesLayer.h"

#include "chart/DateTicks.h"
#include "chart/ValueTicks.h"

#include <QCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>

#include <cmath>

namespace indexlens {

namespace {
QList<QPointF> toList(const std::vector<QPointF> &points)
{
    return QList<QPointF>(points.begin(), points.end());
}

// A category axis used as a value axis with labels where we want them: [lo, hi] with a label
// at each tick position (both the date axis and the log axis).
void setCategoryTicks(QCategoryAxis *axis, double lo, double hi,
                      const std::vector<std::pair<QString, double>> &ticks)
{
    // The same ticks again (a rate axis across a switch of figures): nothing to lay out.
    const QStringList labels = axis->categoriesLabels();
    bool same = labels.size() == qsizetype(ticks.size()) && axis->min() == lo && axis->max() == hi;
    for (std::size_t i = 0; same && i < ticks.size(); ++i)
        same = labels[qsizetype(i)] == ticks[i].first &&
               axis->endValue(labels[qsizetype(i)]) == ticks[i].second;
    if (same) return;
    // The range first: an append inside it does not move it, and each move of the range lays the
    // axis' labels out again (as rich text, in Qt Charts), once per label appended before.
    axis->setRange(lo, hi);
    for (const QString &label : labels)
        axis->remove(label);
    // Just below lo, so a tick exactly at lo is a category end of its own (ends must grow).
    axis->setStartValue(lo - std::max(1e-9, std::abs(lo) * 1e-12));
    for (const auto &[label, value] : ticks)
        axis->append(label, value);
    axis->setRange(lo, hi);
}

// Value ticks with their labels (tickLabels: one number of decimals, thousands separators); a log
// axis holds log10 of the values.
void setValueTicks(QCategoryAxis *axis, const std::vector<double> &values, double lo, double hi,
                   bool log, const QString &lead = QString())
{
    const QStringList labels = tickLabels(values);
    std::vector<std::pair<QString, double>> ticks;
    for (std::size_t i = 0; i < values.size(); ++i)
        ticks.emplace_back(lead + labels[qsizetype(i)], log ? std::log10(values[i]) : values[i]);
    setCategoryTicks(axis, log ? std::log10(lo) : lo, log ? std::log10(hi) : hi, ticks);
}

constexpr int kMargin = 4;          // around the plot and its axes
constexpr int kMinimumHeight = 140; // a title row, a readable plot and the date labels
// Below this the date labels are cut to "..." (Qt Charts gives them what the plot leaves).
constexpr double kMinimumPlotHeight = 48;

// `text` broken into lines of at most `width` px at its spaces ("<br>" between them, each line
// escaped): Qt Charts cuts a title that does not fit to "in..." (issue #24, 16).
QString wrappedHtml(const QString &text, const QFontMetricsF &metrics, double width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
            lines << line.toHtmlEscaped();
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty()) lines << line.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

// The title of a value axis that fits `length` px: the whole label ("10y Treasury (DGS10), %"),
// else its unit after the last comma ("%"), else none (the chart's title says what it shows).
// Qt Charts elides a longer one ("10...", "in...") at the plot's height, less the margins of
// the text document it lays the title out in.
QString fittedAxisTitle(const QString &label, const QFont &font, double length)
{
    const QFontMetricsF metrics(font);
    const auto fits = [&](const QString &text) {
        return metrics.horizontalAdvance(text) + 10 <= length; // a text document's margins
    };
    if (fits(label)) return label;
    const qsizetype comma = label.lastIndexOf(QStringLiteral(", "));
    const QString unit = comma < 0 ? QString() : label.mid(comma + 2);
    return fits(unit) ? unit : QString();
}

} // namespace

QColor ChartView::colorFor(int index, bool rightAxis, Theme theme)
{
    const ChartPalette &palette = chartPalette(theme);
    return rightAxis ? palette.rates[index % 4] : palette.series[index % 4];
}

ChartView::ChartView(QWidget *parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing, false); // crisp and fast with thousands of points
    // Every change repaints the whole chart. With the default minimal updates, Qt Charts left the
    // old axis labels painted under new ones after a drag ("Dec 2025" twice, ".00"; issue #12),
    // and lines clipped to a dirty rectangle came out a few pixels off a fresh render. A range
    // change redraws nearly everything anyway; a crosshair move costs one repaint of the chart.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    chart()->setMargins(QMargins(kMargin, kMargin, kMargin, kMargin));
    qreal l = 0, t = 0, r = 0, b = 0;
    chart()->layout()->getContentsMargins(&l, &t, &r, &b);
    m_layoutMargins = QMarginsF(l, t, r, b);
    chart()->legend()->setAlignment(Qt::AlignTop);
    chart()->setAnimationOptions(QChart::NoAnimation);
    setMinimumHeight(kMinimumHeight);
    setRubberBand(QChartView::NoRubberBand);
    setFocusPolicy(Qt::ClickFocus); // a click on a chart takes the keyboard's pan and zoom
    m_layer = new SeriesLayer(chart());
    m_marks = new MarksLayer(chart());
    connect(chart(), &QChart::plotAreaChanged, this, [this] {
        if (applyEndLabelRoom()) { // the gutter is in pixels: a new width moves x1
            updateDateTicks();
            m_marks->setRange(m_x0, m_x1);
            m_layer->setRanges(valueRanges());
        }
        // The ticks and the padding follow the plot's height (the title's lines take some).
        if (m_leftAxis && (leftTicks() != m_valueTicks || valuePadding() != m_padding))
            m_layer->setRanges(valueRanges());
        m_layer->plotAreaChanged();
        m_marks->plotAreaChanged();
        fitAxisTitles();
        keepPlotHeight();
    });
}

void ChartView::setMarks(const ChartMarks &marks)
{
    m_marks->setMarks(marks, m_theme);
}

void ChartView::setMarkLabels(bool labelled)
{
    m_marks->setLabelled(labelled);
}

QStringList ChartView::markLabels() const
{
    return m_marks->drawnLabels();
}

void ChartView::setHeadline(const QString &headline)
{
    m_headline = headline;
    updateTitle();
}

// Title, legend and headline on one line saves a row of every chart for the plot; when they do
// not fit the width, the legend takes a row of its own (Qt's); when even that row is too narrow
// (Qt cut its entries to "50-day av..."; issue #24, 16a), the legend's entries wrap in the title
// lines, each whole.
void ChartView::updateTitle()
{
    QString legend, legendText;
    for (const QLineSeries *series : m_series) { // their pens carry the colours rebuild() chose
        legend += QStringLiteral("&nbsp;&nbsp;") + legendEntry(*series, series->name());
        legendText += QStringLiteral("  \u25a0 ") + series->name();
    }
    const QString oneLine =
        QStringLiteral("<b>%1</b>%2&nbsp;&nbsp;&nbsp; %3")
            .arg(m_content.title.toHtmlEscaped(), legend, m_headline.toHtmlEscaped());
    // Font metrics of the plain text, not a QTextDocument layout: this runs on every redraw.
    QFont bold = chart()->titleFont();
    bold.setBold(true);
    const QFontMetricsF metrics(chart()->titleFont());
    const double needed =
        QFontMetricsF(bold).horizontalAdvance(m_content.title) +
        metrics.horizontalAdvance(legendText + QStringLiteral("    ") + m_headline);
    m_legendInTitle = needed + 32 <= width(); // the widget's width: set before it is shown
    // Qt's legend row: a marker and a gap more per entry than the text.
    const bool legendRowFits =
        metrics.horizontalAdvance(legendText) + 16.0 * double(m_series.size()) + 32 <= width();
    const bool legendRow = !m_legendInTitle && legendRowFits;
    if (chart()->legend()->isVisible() != legendRow) chart()->legend()->setVisible(legendRow);
    QString text = m_legendInTitle ? oneLine : titleWithoutLegend();
    if (!m_legendInTitle && !legendRowFits) text += QStringLiteral("<br>") + wrappedLegend();
    if (chart()->title() == text) return;
    chart()->setTitle(text);
    // Each line the title wraps to beyond its first makes the chart taller, not its plot
    // shorter (keepPlotHeight adds what the layout still takes); only when the title changes,
    // or a resize would shrink and grow the chart in turn.
    const int extraLines = int(text.count(QStringLiteral("<br>")));
    setMinimumHeight(kMinimumHeight + extraLines * int(std::ceil(metrics.lineSpacing())));
}

// A legend entry in a title: the series' colour, then `name`.
QString ChartView::legendEntry(const QLineSeries &series, const QString &name)
{
    return QStringLiteral("<span style=\"color:%1\">\u25a0</span>&nbsp;%2")
        .arg(series.pen().color().name(), name.toHtmlEscaped());
}

// The legend's entries on as many lines as the width needs, each whole on one.
QString ChartView::wrappedLegend() const
{
    const QFontMetricsF metrics(chart()->titleFont());
    const double room = width() - 32;
    QString out;
    double line = 0;
    for (const QLineSeries *series : m_series) {
        const double w = metrics.horizontalAdvance(QStringLiteral("\u25a0 ") + series->name()) + 12;
        if (line > 0 && line + w > room) {
            out += QStringLiteral("<br>");
            line = 0;
        } else if (line > 0) {
            out += QStringLiteral("&nbsp;&nbsp; ");
        }
        out += legendEntry(*series, series->name().replace(QLatin1Char(' '), QChar(0xa0)));
        line += w;
    }
    return out;
}

// The title and the chart's message (the legend has its row): on one line where they fit, else
// wrapped, the message on a line of its own.
QString ChartView::titleWithoutLegend() const
{
    QFont bold = chart()->titleFont();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold), metrics(chart()->titleFont());
    const double room = width() - 32;
    if (boldMetrics.horizontalAdvance(m_content.title) +
            metrics.horizontalAdvance(QStringLiteral("  ") + m_headline) <=
        room)
        return QStringLiteral("<b>%1</b> &nbsp; %2")
            .arg(m_content.title.toHtmlEscaped(), m_headline.toHtmlEscaped());
    const QString title =
        QStringLiteral("<b>%1</b>").arg(wrappedHtml(m_content.title, boldMetrics, room));
    return m_headline.isEmpty()
               ? title
               : title + QStringLiteral("<br>") + wrappedHtml(m_headline, metrics, room);
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateTitle();
    updateDateTicks();
    if (m_leftAxis && (leftTicks() != m_valueTicks || valuePadding() != m_padding))
        m_layer->setRanges(valueRanges());
}

void ChartView::setDarkTheme(bool dark)
{
    const Theme theme = dark ? Theme::Dark : Theme::Light;
    if (theme == m_theme && !m_series.isEmpty()) return;
    m_theme = theme;
    m_marks->setTheme(theme);
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(chartPalette(theme).background);
    chart()->setTitleBrush(chartPalette(theme).text);
    if (m_series.isEmpty()) return;
    // setTheme() gave the series the theme's pens: build them again with ours, as a fresh chart
    // in this theme would be.
    const ChartContent content = m_content;
    rebuild(content);
    setContent(content, m_from, m_to);
    updateTitle();
}

QString ChartView::titleText() const
{
    return chart()->title();
}

bool ChartView::legendRowVisible() const
{
    return chart()->legend()->isVisible();
}

QStringList ChartView::valueLabels(bool *allInside) const
{
    QStringList texts;
    const QRectF plot = chart()->plotArea().adjusted(-0.5, -0.5, 0.5, 0.5);
    if (allInside) *allInside = true;
    for (const SeriesLayer::ValueLabel &label : m_layer->valueLabels()) {
        texts << label.text;
        if (allInside && !plot.contains(label.box)) *allInside = false;
    }
    return texts;
}

QStringList ChartView::endTags(bool *overlap) const
{
    QStringList texts;
    const auto &tags = m_layer->tags();
    if (overlap) *overlap = false;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        texts << tags[i].text;
        for (std::size_t j = 0; overlap && j < i; ++j)
            if (tags[i].box.intersects(tags[j].box)) *overlap = true;
    }
    return texts;
}

QStringList ChartView::leftAxisLabels() const
{
    return m_leftAxis ? m_leftAxis->categoriesLabels() : QStringList();
}

QStringList ChartView::rightAxisLabels() const
{
    QStringList labels = m_rightAxis ? m_rightAxis->categoriesLabels() : QStringList();
    for (QString &label : labels)
        label = label.trimmed(); // without the gap after the tick mark
    return labels;
}

QStringList ChartView::dateAxisLabels() const
{
    return m_dateAxis ? m_dateAxis->categoriesLabels() : QStringList();
}

// Month, quarter or year starts as the width allows, about one label per 90 pixels.
void ChartView::updateDateTicks()
{
    if (!m_dateAxis || !m_from.isValid()) return;
    if (!m_content.categories.isEmpty()) { // grouped bars: a label under each group
        // A label wider than its group goes on two lines, broken at the space nearest its middle
        // (Qt Charts writes axis labels as rich text); it was cut ("2024-06-2…", issue #24, 12).
        const double group =
            (chart()->plotArea().width() > 0 ? chart()->plotArea().width() : double(width())) /
            double(m_content.categories.size());
        const QFontMetricsF metrics(m_dateAxis->labelsFont());
        std::vector<std::pair<QString, double>> ticks;
        for (qsizetype i = 0; i < m_content.categories.size(); ++i) {
            QString label = m_content.categories[i];
            const qsizetype middle = label.size() / 2;
            qsizetype cut = -1;
            for (qsizetype k = 0; k < label.size(); ++k)
                if (label[k] == QLatin1Char(' ') &&
                    (cut < 0 || std::abs(k - middle) < std::abs(cut - middle)))
                    cut = k;
            if (metrics.horizontalAdvance(label) > group * 0.7 && cut > 0)
                label = label.left(cut).toHtmlEscaped() + QStringLiteral("<br>") +
                        label.mid(cut + 1).toHtmlEscaped();
            ticks.emplace_back(label, double(i));
        }
        setCategoryTicks(m_dateAxis, m_x0, m_x1, ticks);
        return;
    }
    if (!m_content.bottomLabel.isEmpty()) { // values, not dates (setContent chose the ticks)
        setValueTicks(m_dateAxis, m_xTicks.values, m_xTicks.lo, m_xTicks.hi, false);
        return;
    }
    const double plotWidth =
        chart()->plotArea().width() > 0 ? chart()->plotArea().width() : double(width());
    std::vector<std::pair<QString, double>> ticks;
    for (const DateTick &tick : calendarTicks(m_from, m_to, std::max(2, int(plotWidth / 90)))) {
        // Not on the plot's right edge: Qt Charts drew that tick mark or not by the last bit of
        // the plot's layout, so a chart after a drag and a fresh one differed (issue #15, seen
        // on the synthetic data's 2025-04-01), and its label stood half under the rate axis.
        if (PairData::toX(tick.date) >= m_x1) continue;
        ticks.emplace_back(tick.label, PairData::toX(tick.date));
    }
    // To m_x1: past `to` when the end tags take a gutter (applyEndLabelRoom).
    setCategoryTicks(m_dateAxis, m_x0, m_x1, ticks);
}

void ChartView::setLogScale(bool log)
{
    if (m_log == log) return;
    m_log = log;
    if (m_from.isValid()) setContent(m_content, m_from, m_to); // else the first content will do
}

// Axes and series are made again only when the chart's shape changes (another kind, a rate added
// or removed, log scale); a new range only replaces points, which keeps a redraw in milliseconds.
void ChartView::rebuild(const ChartContent &content)
{
    QChart *c = chart();
    c->removeAllSeries();
    m_series.clear();
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    m_dateAxis = new QCategoryAxis;
    m_dateAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // No vertical grid line through the middle of a group of bars.
    m_dateAxis->setGridLineVisible(content.categories.isEmpty());
    c->addAxis(m_dateAxis, Qt::AlignBottom);
    m_builtLog = m_log && (content.kind == ChartKind::Ratio || content.kind == ChartKind::Rebased);
    // Category axes labelled with values we choose (linearAxisTicks, logAxisTicks, tickLabels):
    // QValueAxis' nice numbers gave -2000 .. 4000 for a rebased index, "4e+04" labels and a
    // different range for the same rate on charts of different heights (issue #12, 2 and 3).
    m_leftAxis = new QCategoryAxis;
    m_leftAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    c->addAxis(m_leftAxis, Qt::AlignLeft);
    m_rightAxis = nullptr;
    if (!content.rightLabel.isEmpty()) {
        m_rightAxis = new QCategoryAxis;
        m_rightAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        m_rightAxis->setGridLineVisible(false);
        c->addAxis(m_rightAxis, Qt::AlignRight);
    }
    int index = 0;
    int rateIndex = 0;
    for (const ChartLine &line : content.lines) {
        auto *series = new QLineSeries;
        QPen pen(line.colourSlot >= 0
                     ? chartPalette(m_theme).compare[line.colourSlot % 8]
                     : colorFor(line.rightAxis ? rateIndex++ : index, line.rightAxis, m_theme));
        // On screen one-pixel cosmetic lines take the raster engine's fast path (a wider pen is
        // stroked with joins, two atan2() per vertex); an antialiased export can afford width.
        const bool smooth = renderHints() & QPainter::Antialiasing;
        pen.setWidthF(smooth ? (line.rightAxis ? 1.2 : 1.8) : 1.0);
        pen.setCosmetic(true);
        if (index > 0 && content.kind == ChartKind::Ratio && !line.rightAxis)
            pen.setStyle(Qt::DashLine); // the moving averages
        series->setPen(pen);
        c->addSeries(series);
        series->attachAxis(m_dateAxis);
        series->attachAxis(line.rightAxis ? m_rightAxis : m_leftAxis);
        m_series << series;
        ++index;
    }
}

namespace {

// A rotation graph's range, centred on 100 so that its quadrants show as quadrants.
void centreOn100(double &lo, double &hi)
{
    const double half = std::max({std::abs(lo - 100), std::abs(hi - 100), 0.5});
    lo = 100 - half;
    hi = 100 + half;
}

} // namespace

// The x axis of a chart whose x is a value (a scatter plot, a rotation graph).
LinearTicks ChartView::valueXTicks(const ChartContent &content) const
{
    double xlo = INFINITY, xhi = -INFINITY;
    for (const ChartLine &line : content.lines)
        for (const QPointF &p : line.points) {
            xlo = std::min(xlo, p.x());
            xhi = std::max(xhi, p.x());
        }
    if (content.quadrants) centreOn100(xlo, xhi);
    return linearAxisTicks(xlo, xhi, std::max(3, width() / 90));
}

void ChartView::setContent(const ChartContent &content, const QDate &from, const QDate &to)
{
    const bool sameShape =
        m_series.size() == qsizetype(content.lines.size()) && content.kind == m_content.kind &&
        content.rightLabel.isEmpty() == m_content.rightLabel.isEmpty() &&
        m_builtLog ==
            (m_log && (content.kind == ChartKind::Ratio || content.kind == ChartKind::Rebased));
    if (!sameShape) rebuild(content);
    // The title names the base close ("rebased to 100 at the close of ..."): a new range changes
    // it.
    bool legendChanged = !sameShape || content.title != m_content.title;
    m_content = content;
    m_from = from;
    m_to = to;
    fitAxisTitles();

    double lo = INFINITY, hi = -INFINITY, rlo = INFINITY, rhi = -INFINITY;
    const bool values = !content.bottomLabel.isEmpty(); // a scatter plot: x is a value
    m_dateAxis->setTitleText(content.bottomLabel);
    if (values) m_xTicks = valueXTicks(content);
    m_x0 = values ? m_xTicks.lo : PairData::toX(from);
    m_x1 = values ? m_xTicks.hi : PairData::toX(to);
    if (!content.categories.isEmpty()) { // group i is centred on x = i
        m_x0 = -0.5;
        m_x1 = double(content.categories.size()) - 0.5;
    }
    m_xEnd = m_x1;
    applyEndLabelRoom();
    const double x0 = m_x0, x1 = m_x1;
    std::vector<SeriesLayer::Line> layerLines;
    for (std::size_t i = 0; i < content.lines.size(); ++i) {
        const ChartLine &line = content.lines[i];
        QLineSeries *series = m_series[qsizetype(i)];
        if (series->name() != line.name) {
            series->setName(line.name);
            legendChanged = true;
        }
        layerLines.push_back({QPolygonF(toList(line.points)), series->pen(), line.rightAxis,
                              line.bars, line.endLabel, line.dots, line.barWidth, line.valueLabels,
                              line.endsEarly, line.tail, line.valueTexts});
        double &l = line.rightAxis ? rlo : lo;
        double &h = line.rightAxis ? rhi : hi;
        for (const QPointF &p : line.points) {
            if (p.x() < x0 || p.x() > x1) continue;
            l = std::min(l, p.y());
            h = std::max(h, p.y());
        }
        if (line.bars) {
            lo = std::min(lo, 0.0);
            hi = std::max(hi, 0.0);
        }
    }
    if (std::any_of(content.lines.begin(), content.lines.end(),
                    [](const ChartLine &line) { return line.valueLabels; }) &&
        hi > lo) {
        const double room = valueLabelRoom(content, hi - lo);
        if (hi > 0) hi += room;
        if (lo < 0) lo -= room;
    }
    if (content.quadrants && hi >= lo) centreOn100(lo, hi);
    updateDateTicks();
    m_bounds = {lo, hi, rlo, rhi};
    m_layer->setQuadrants(content.quadrants);
    m_marks->setRange(x0, x1);
    m_layer->setLines(std::move(layerLines), valueRanges());
    if (legendChanged) updateTitle();
}

// Room for the values written beyond the bars' ends, in the values' units, from pixels of this
// chart: a line of text, or a figure's length where narrow bars write it upright (SeriesLayer),
// so the top one is never clipped (issue #24, 12: "+4.0" was).
double ChartView::valueLabelRoom(const ChartContent &content, double span) const
{
    const QFontMetricsF metrics(m_dateAxis->labelsFont());
    const QRectF plot = chart()->plotArea();
    const double plotHeight = std::max(60.0, plot.height() > 0 ? plot.height() : height() * 0.7);
    const double plotWidth = std::max(100.0, plot.width() > 0 ? plot.width() : width() * 0.85);
    double barPx = plotWidth;
    for (const ChartLine &line : content.lines)
        if (line.valueLabels && line.barWidth > 0)
            barPx = std::min(barPx, line.barWidth * plotWidth / (m_x1 - m_x0));
    // SeriesLayer's smallest type writes the upright figures.
    const double figure =
        metrics.horizontalAdvance(QStringLiteral("+00.0")) * SeriesLayer::kSmallestLabelScale;
    const double need = (barPx * 0.9 + 2 >= figure ? metrics.height() : figure) + 4;
    // Never more than most of the bars' own span: a short chart keeps its bars readable.
    return std::min(span * need / std::max(20.0, plotHeight - 2 * need), span * 0.8);
}

bool ChartView::applyEndLabelRoom()
{
    // The compare chart's end tags ("IWM 109.7") sit in a gutter right of the lines' last day,
    // not over the lines' last days: the x range goes on past the end by the tags' width, as a
    // trading platform leaves room for its price tags.
    double room = 0;
    std::optional<QFontMetricsF> metrics; // made only for a chart with tags (a redraw's path)
    for (const ChartLine &line : m_content.lines) {
        if (line.endLabel.isEmpty() || line.tail) continue; // a tail's label is at its head
        if (!metrics) metrics.emplace(chart()->legend()->font());
        room = std::max(room, metrics->horizontalAdvance(line.endLabel) + 14);
    }
    const double plotWidth = chart()->plotArea().width();
    const double x1 = room > 0 && plotWidth > 3 * room
                          ? m_xEnd + (m_xEnd - m_x0) * room / (plotWidth - room)
                          : m_xEnd;
    if (x1 == m_x1) return false;
    m_x1 = x1;
    return true;
}

// The value axes for the data's bounds at the chart's height, and the ranges the lines are drawn
// in. Called again when a resize changes the number of ticks: a chart must look the same as one
// built at its final size.
SeriesLayer::Ranges ChartView::valueRanges()
{
    SeriesLayer::Ranges ranges;
    ranges.x0 = m_x0;
    ranges.x1 = m_x1;
    m_valueTicks = leftTicks();
    m_padding = valuePadding();
    const auto [lo, hi, rlo, rhi] = m_bounds;
    if (m_builtLog) {
        const auto [l, h] = logAxisBounds(lo, hi, m_padding);
        setValueTicks(m_leftAxis, logAxisTicks(l, h, m_valueTicks), l, h, true);
        ranges.left0 = l;
        ranges.left1 = h;
        ranges.leftLog = true;
    } else {
        const LinearTicks left = linearAxisTicks(lo, hi, m_valueTicks, m_padding);
        setValueTicks(m_leftAxis, left.values, left.lo, left.hi, false);
        ranges.left0 = left.lo;
        ranges.left1 = left.hi;
    }
    if (m_rightAxis) {
        // As many steps as the stack's shortest chart has room for (setRateTicks), on every
        // chart: one rate, one scale.
        const LinearTicks right = linearAxisTicks(rlo, rhi, m_rateTicks, m_padding);
        // A gap between the tick mark and the label: Qt Charts sets them end to end, and a
        // rate's "\u2014 4.5" read as "\u22124.5" (issue #25, trial, in the dark theme).
        setValueTicks(m_rightAxis, right.values, right.lo, right.hi, false,
                      QStringLiteral("\u00a0"));
        ranges.right0 = right.lo;
        ranges.right1 = right.hi;
    }
    return ranges;
}

namespace {

// How many value labels Qt Charts writes whole on a plot this high. It gives each of n labels
// (axis height) / (n + 1) less 8 px of padding and cuts a taller label to "..."; its vertical
// axis runs about 48 px beyond the plot (measured with Qt 6.4 at 14 px labels: 3 fit a 48.5 px
// plot but not a 38.5 px one, and 8 fit the window's 150 px; 44 leaves a margin). Issue #25,
// trial: a short stack's labels were all "...".
int labelsThatFit(int plotHeight)
{
    constexpr double kAxisBeyondPlot = 44;
    const double perLabel = QFontMetricsF(QFont()).height() + 8;
    return std::max(1, int((plotHeight + kAxisBeyondPlot) / perLabel) - 1);
}

} // namespace

int ChartView::valueTicksFor(int plotHeight)
{
    // A label every 30 px at the closest, and never more than fit whole.
    return std::min(std::clamp(plotHeight / 30 + 1, 2, 7), labelsThatFit(plotHeight));
}

int ChartView::logTicksFor(int plotHeight)
{
    // A log axis' labels are short round numbers spread over its decades: 1, 2 and 5 of each
    // decade where the plot has room (issue #24, 13: "100 / 1,000" alone over ^RUT's Max), but
    // never more than fit whole (every label read "..." on a 75 px plot).
    return std::min(std::clamp(plotHeight / 22 + 1, 2, 12), labelsThatFit(plotHeight));
}

double ChartView::plotHeightForTicks() const
{
    // Before the first layout, about what the title and the date labels leave.
    const double plot = chart()->plotArea().height();
    return plot > 0 ? plot : height() * 0.55;
}

double ChartView::valuePadding() const
{
    // 3 % of the span, and at least 5 px: a line two pixels from the frame of a short plot
    // looked as if it touched it.
    return std::max(0.03, 5.0 / std::max(1.0, plotHeightForTicks()));
}

int ChartView::valueTicksRoom() const
{
    return valueTicksFor(int(plotHeightForTicks()));
}

void ChartView::keepPlotHeight()
{
    const double plot = chart()->plotArea().height();
    if (plot <= 0 || plot >= kMinimumPlotHeight || !isVisible()) return;
    setMinimumHeight(height() + int(std::ceil(kMinimumPlotHeight - plot)));
}

void ChartView::fitAxisTitles()
{
    if (!m_leftAxis) return;
    // Along the plot's height; before the first layout, the widget's.
    const double length =
        chart()->plotArea().height() > 0 ? chart()->plotArea().height() : height() * 0.5;
    m_leftAxis->setTitleText(fittedAxisTitle(m_content.leftLabel, m_leftAxis->titleFont(), length));
    if (m_rightAxis)
        m_rightAxis->setTitleText(
            fittedAxisTitle(m_content.rightLabel, m_rightAxis->titleFont(), length));
}

int ChartView::leftTicks() const
{
    const int plot = int(plotHeightForTicks());
    return m_builtLog ? logTicksFor(plot) : valueTicksFor(plot);
}

void ChartView::setRateTicks(int ticks)
{
    if (ticks == m_rateTicks) return;
    m_rateTicks = ticks;
    if (m_leftAxis) m_layer->setRanges(valueRanges());
}

QRectF ChartView::plotArea() const
{
    return chart()->plotArea();
}

QRectF ChartView::naturalPlotArea()
{
    chart()->layout()->activate(); // else the plot area is the one before the last change
    return chart()->plotArea().adjusted(-m_insetLeft, 0, m_insetRight, 0);
}

void ChartView::resizeUnshown(const QSize &size)
{
    resize(size);
    chart()->resize(QSizeF(size));
    chart()->layout()->activate();
}

void ChartView::setPlotInsets(double left, double right)
{
    if (left == m_insetLeft && right == m_insetRight) return;
    m_insetLeft = left;
    m_insetRight = right;
    // Whole pixels in the chart's margins (around the plot), the rest in its layout's contents
    // margins (around the background, less than a pixel): the margins are integers, and plot areas
    // half a pixel apart put one date's grid line on two columns.
    const double wholeLeft = std::floor(left), wholeRight = std::floor(right);
    chart()->setMargins(
        QMargins(kMargin + int(wholeLeft), kMargin, kMargin + int(wholeRight), kMargin));
    chart()->layout()->setContentsMargins(
        m_layoutMargins.left() + left - wholeLeft, m_layoutMargins.top(),
        m_layoutMargins.right() + right - wholeRight, m_layoutMargins.bottom());
    chart()->layout()->activate();
}

QDate ChartView::dateAt(const QPoint &viewportPos) const
{
    const QPointF scenePos = mapToScene(viewportPos);
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    const QPointF value = chart()->mapToValue(
        chartPos, chart()->series().isEmpty() ? nullptr : chart()->series().first());
    return PairData::fromX(value.x() + 43200000.0); // nearest midnight
}

int ChartView::xOf(const QDate &date) const
{
    if (chart()->series().isEmpty()) return 0;
    const QPointF chartPos =
        chart()->mapToPosition(QPointF(PairData::toX(date), 0), chart()->series().first());
    return mapFromScene(chart()->mapToScene(chartPos)).x();
}

QPointF ChartView::pixelOf(const QPointF &value) const
{
    const QRectF plot = plotArea();
    const SeriesLayer::Ranges &r = m_layer->ranges();
    if (r.x1 <= r.x0 || r.left1 <= r.left0) return {};
    const QPointF scene(plot.left() + (value.x() - r.x0) * plot.width() / (r.x1 - r.x0),
                        plot.bottom() -
                            (value.y() - r.left0) * plot.height() / (r.left1 - r.left0));
    return mapFromScene(chart()->mapToScene(scene));
}

std::vector<std::pair<QString, QRectF>> ChartView::headLabels() const
{
    return m_layer->headLabels();
}

} // namespace indexlens
