// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartExporter.h"
#include "document/Figure.h"

#include <QDate>
#include <QStringList>

namespace indexlens {

class PriceStore;

// What writing a figure gave: the file's pixel size (charts), the last day of data it uses and
// what the user should know (a range clamped to the data, a row without a value).
struct WrittenFigure {
    QString path;
    int widthPx = 0, heightPx = 0; // 0 for a table
    QDate asOf;
    QStringList notes;
    QString text; // a table as the text writer lays it out (render's index.md shows it)
};

// Writes one figure of a study, or the figure `indexlens export` built from its options: the one
// path from a figure to a file (issue #23), so that export and render draw the same charts with
// the same title, range and marks. Charts go to .png, .svg or .pdf (by `path`'s extension; a
// compare figure also to .csv, its values); tables to .csv. `asOf` (invalid: the data's last day)
// is the day a preset range ends. Throws UserError naming what is wrong (an unknown symbol, a
// range outside the data) and std::runtime_error when the file cannot be written.
WrittenFigure writeFigure(const PriceStore &store, const Figure &figure, const QString &path,
                          const QDate &asOf = {});

// What a chart figure draws, read from the cache (the one place a figure becomes charts: its range
// by the range rule, title, marks and source line), in `stack`; the window's Copy chart paints it
// as a picture. A table figure (stack null) is written to `tablePath` as CSV instead.
WrittenFigure figureStack(const PriceStore &store, const Figure &figure, const QDate &asOf,
                          ChartStack *stack, const QString &tablePath = {});

// The extension a figure is written with when none is asked: csv for a table, else `chartFormat`.
QString figureSuffix(const Figure &figure, const QString &chartFormat);

} // namespace indexlens
