#pragma once

#include "chart/PairData.h"

#include <QImage>

namespace indexlens {

struct ExportOptions {
    int width = 1600; // logical pixels
    int height = 900;
    double scale = 1.0; // 2 for a sharp slide
    bool logScale = false;
    bool dark = false;
    QString title;
    QString sourceLine;
};

// The options of an export of the pair over [from, to]: the size, scale, log and theme of
// `base`, the title "A vs B, FROM to TO" unless `base` has one, and the source line from where
// the cache says each series came from. The export dialog, Copy chart and `indexlens export` all
// build their options here.
ExportOptions exportOptionsFor(const PriceStore &store, const PairData &pair, const QDate &from,
                               const QDate &to, ExportOptions base);

// "ratio", "rebased", "relative", "spread" or "all"; nullopt for another name.
std::optional<std::vector<ChartKind>> chartKindsNamed(const QString &name);

// Renders charts of a pair, stacked, with a title, legends, axis labels and a source line. Works
// without a display (QT_QPA_PLATFORM=offscreen), so the window and `indexlens export` share it.
QImage renderCharts(const PairData &pair, const std::vector<ChartKind> &kinds, const QDate &from,
                    const QDate &to, const std::optional<QDate> &rebase,
                    const ExportOptions &options);

} // namespace indexlens
