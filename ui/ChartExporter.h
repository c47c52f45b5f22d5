// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/ChartMarks.h"
#include "chart/PairData.h"
#include "core/UserError.h"

#include <QImage>

#include <optional>

class QPainter;

namespace indexlens {

struct ExportOptions {
    int width = 1600; // logical pixels (points in SVG, 1/96 inch in PDF)
    int height = 900;
    double scale = 1.0; // 2 for a sharp slide (PNG)
    bool logScale = false;
    bool dark = false;
    QString title;
    QString sourceLine;
};

// The options of an export of the pair over [from, to]: the size, scale, log and theme of
// `base`, the title "Name A (A) vs Name B (B), FROM to TO" unless `base` has one, and the source
// line from where the cache says each series came from. The export dialog, Copy chart and
// `indexlens export` all build their options here.
ExportOptions exportOptionsFor(const PriceStore &store, const PairData &pair, const QDate &from,
                               const QDate &to, ExportOptions base);

// "ratio", "rebased", "relative", "spread" or "all"; nullopt for another name.
std::optional<std::vector<ChartKind>> chartKindsNamed(const QString &name);

// What a file holds, from its extension (case-insensitive): a picture or vectors with text kept
// as text.
enum class ExportFormat { Png, Svg, Pdf };
std::optional<ExportFormat> exportFormatOf(const QString &path);
QString exportSuffix(ExportFormat format); // "png", "svg", "pdf"

// What is drawn: the charts of a pair over [from, to] from `rebase`, as the options say.
struct ExportRequest {
    const PairData &pair;
    std::vector<ChartKind> kinds;
    QDate from, to;
    std::optional<QDate> rebase;
    ExportOptions options;
    ChartMarks marks; // period bands and move markers, on every chart
};

// What an export draws: charts over [from, to], made for the width exportPlotWidth() gives, the
// headline (once above a stack, else in the chart's title line), marks and options.
struct ChartStack {
    std::vector<ChartContent> charts;
    QDate from, to;
    QString headline;
    ChartMarks marks;
    ExportOptions options;
};
int exportPlotWidth(const ExportOptions &options);

// A size whose plots have no room for their labels (Qt Charts would cut them to "..."): refused
// before a file is opened, with the height (or, where no height is enough, the width) that is.
// message() names no option ("a height of 420 px leaves ..."); optionMessage() names it
// ("--height 420 leaves ...").
class TooShortForLabels : public UserError {
public:
    TooShortForLabels(const QString &dimension, int value, int needed, const QString &what);
    QString optionMessage() const;

private:
    QString m_dimension; // "height" or "width"
    int m_value;
    int m_needed;
    QString m_what;
};
// Throws TooShortForLabels when a plot of `stack` is too short for its labels.
void requireRoom(const ChartStack &stack);
// The charts of a pair as `request` asks for them.
ChartStack pairStack(const ExportRequest &request);
// Paints the stack on `painter`, in logical coordinates (options.width x height): the title, the
// headline once, the charts with their plot areas lined up, the source line. Works without a
// display (QT_QPA_PLATFORM=offscreen), so the window and `indexlens export` share it.
void paintStack(QPainter &painter, const ChartStack &stack);
QImage renderStack(const ChartStack &stack);
// Writes `path` in the format of its extension; throws std::runtime_error naming the file.
void writeStack(const QString &path, const ChartStack &stack);

// The same as a picture of options.width x height times options.scale pixels.
QImage renderCharts(const ExportRequest &request);
// Writes `path` in the format of its extension; throws std::runtime_error naming the file.
void writeCharts(const QString &path, const ExportRequest &request);

} // namespace indexlens
