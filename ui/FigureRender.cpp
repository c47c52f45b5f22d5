// SPDX-License-Identifier: GPL-3.0-or-later
#include "FigureRender.h"

#include "analysis/Measure.h"
#include "chart/CompareData.h"
#include "chart/RotationData.h"
#include "chart/SeasonalityChart.h"
#include "chart/SeriesBasis.h"
#include "ChartExporter.h"
#include "core/UserError.h"
#include "document/FigureMarks.h"
#include "storage/PriceStore.h"
#include "tables/CompareTables.h"
#include "tables/PairTables.h"
#include "tables/RotationTable.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>

namespace indexlens {

namespace {

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

ExportOptions optionsOf(const Figure &f)
{
    ExportOptions options;
    options.width = f.width;
    options.height = f.height;
    options.scale = f.scale;
    options.logScale = f.logScale;
    options.dark = f.dark;
    options.title = f.title;
    return options;
}

bool isCsv(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
}

// Writes a table atomically: the file is whole or not there. Returns it as text.
QString writeTable(const QString &path, const ResultTable &table)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    {
        QTextStream out(&file);
        table.write(out, OutputFormat::Csv);
    }
    if (!file.commit())
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    QString text;
    QTextStream out(&text);
    table.write(out, OutputFormat::Text);
    out.flush();
    return text;
}

// The range rule (Measure.h) on a pair, as the window's range bar snaps it: from the base day of
// FROM to the last common day on or before TO.
// A rebase day holds only inside the range, as in the window (issue #25, trial: export drew a
// compare figure from a rebase day before the range, and a pair figure ignored it).
void requireRebaseInRange(const Figure &f, const QDate &base, const QDate &end)
{
    if (f.rebase && (*f.rebase < base || *f.rebase > end))
        throw UserError(QStringLiteral("--rebase %1 is outside the range %2 to %3")
                            .arg(iso(*f.rebase), iso(base), iso(end)));
}

std::pair<QDate, QDate> pairRange(const PairData &pair, const Figure &f, const QDate &asOf,
                                  QStringList &notes)
{
    const auto [asked, to] = rangeDates(f.range, pair.first(), pair.last(), asOf);
    if (!asked.isValid() || !to.isValid())
        throw UserError(QStringLiteral("%1 needs a range (from and to, or a preset)")
                            .arg(figureKindName(f.kind)));
    if (to < pair.first()) // a preset as of a day before the data (render --as-of)
        throw UserError(QStringLiteral("the range ends on %1, before the common data of %2 and %3 "
                                       "begin (%4)")
                            .arg(iso(to), pair.symbolA(), pair.symbolB(), iso(pair.first())));
    if (to < asked)
        throw UserError(QStringLiteral("--to %1 is before --from %2").arg(iso(to), iso(asked)));
    if (asked > pair.last())
        throw UserError(QStringLiteral("--from %1 is after the common data of %2 and %3 end (%4)")
                            .arg(iso(asked), pair.symbolA(), pair.symbolB(), iso(pair.last())));
    // Before the common data the range starts on their first day, and says so, as the window
    // and `seasonality` do (issue #25, trial: export refused what they answered).
    if (asked < pair.first())
        notes << QStringLiteral("--from %1 is before the common data of %2 and %3 begin: the "
                                "charts start on %4")
                     .arg(iso(asked), pair.symbolA(), pair.symbolB(), iso(pair.first()));
    const QDate from = pair.baseDay(asked);
    const QDate end = pair.dayOnOrBefore(to);
    if (end <= from)
        throw UserError(QStringLiteral("%1 to %2 holds fewer than two common trading days of %3 "
                                       "and %4")
                            .arg(iso(asked), iso(to), pair.symbolA(), pair.symbolB()));
    if (to > pair.last())
        notes << QStringLiteral("--to %1 is after the common data of %2 and %3 end: the charts "
                                "end on %4")
                     .arg(iso(to), pair.symbolA(), pair.symbolB(), iso(pair.last()));
    requireRebaseInRange(f, from, end);
    return {from, end};
}

// A pair figure: its table written to `path`, or its charts as a stack (`stack` set).
WrittenFigure pairFigure(const PriceStore &store, const Figure &f, const QString &path,
                         const QDate &asOf, ChartStack *stack)
{
    WrittenFigure out{path, 0, 0, {}, {}, {}};
    const PairData pair = PairData::load(store, f.a, f.b, f.rates, f.basis);
    const auto [from, end] = pairRange(pair, f, asOf, out.notes);
    out.asOf = end;
    if (f.kind == FigureKind::PeriodsTable) {
        out.text = writeTable(path, pairPeriodsTable(pair, f.periods));
        return out;
    }
    if (f.kind == FigureKind::MovesTable) {
        out.text = writeTable(
            path, pairMovesTable(pair, from, end, f.top, f.moveRanking, f.moveDirection));
        return out;
    }
    if (!stack)
        throw UserError(QStringLiteral("a %1 figure is a chart").arg(figureKindName(f.kind)));
    const ExportOptions options = exportOptionsFor(store, pair, from, end, optionsOf(f));
    out.widthPx = int(options.width * options.scale);
    out.heightPx = int(options.height * options.scale);
    if (f.kind == FigureKind::Seasonality) {
        const Seasonality seasons =
            seasonalityOf(pair.commonA().series, pair.commonB().series, from, end);
        if (seasons.months.empty())
            throw UserError(QStringLiteral("no complete month of %1 and %2 from %3 to %4")
                                .arg(pair.symbolA(), pair.symbolB(), iso(from), iso(end)));
        out.notes << seasons.leftOut;
        *stack = {{seasonalityChart(seasons, pair.symbolA(), pair.symbolB())},
                  from,
                  end,
                  QString(),
                  {},
                  options};
        return out;
    }
    if (f.kind == FigureKind::Sensitivity || f.kind == FigureKind::Scatter) {
        const ChartContent chart =
            f.kind == FigureKind::Scatter
                ? pair.scatterChart(from, end)
                : pair.sensitivityChart(from, end, exportPlotWidth(options), f.window);
        *stack = {{chart}, from, end, QString(), {}, options};
        return out;
    }
    *stack = pairStack(
        {pair, f.pairCharts(), from, end, f.rebase, options, figureMarks(pair, f, from, end)});
    return out;
}

QString compareTitle(const Figure &f, const CompareData &data, bool bars, const QDate &from,
                     const QDate &to)
{
    if (!f.title.isEmpty()) return f.title;
    const QString names = data.symbols().join(QStringLiteral(", "));
    if (bars && !f.measures().empty())
        return QStringLiteral("%1: returns on chosen days and periods").arg(names);
    return QStringLiteral("%1, %2 to %3").arg(names, iso(from), iso(to));
}

// A compare or returns figure: its table (or values, for a .csv `path`) written, or its chart as
// a stack (`stack` set).
// What a compare figure's range does beyond the data, said as a pair figure says it.
void compareRangeNotes(const CompareData &data, const QDate &from, const QDate &to,
                       QStringList &notes)
{
    const QString symbols = data.symbols().join(QStringLiteral(", "));
    if (from < data.first())
        notes << QStringLiteral("--from %1 is before the data of %2 begin: the charts start on %3")
                     .arg(iso(from), symbols, iso(data.first()));
    if (to > data.last())
        notes << QStringLiteral("--to %1 is after the data of %2 end: the charts end on %3")
                     .arg(iso(to), symbols, iso(data.last()));
}

WrittenFigure compareFigure(const PriceStore &store, const Figure &f, const QString &path,
                            const QDate &asOf, ChartStack *stack)
{
    if (f.symbols.isEmpty()) throw UserError(QStringLiteral("--symbols A,B,... is required"));
    const bool bars = f.kind != FigureKind::Compare;
    WrittenFigure out{path, 0, 0, {}, {}, {}};
    const QString rate = bars ? QString() : f.rates.value(0);
    CompareData data = CompareData::load(store, f.symbols, rate, f.basis);
    data.setColourSlots(f.colours); // as the window drew them, when the figure kept them
    const ReturnMeasures measures = f.measures();
    const bool fromMeasures = f.range.preset.isEmpty() && !f.range.from.isValid();
    if (fromMeasures && (!bars || measures.empty()))
        throw UserError(QStringLiteral("--from DATE is required"));
    auto [from, to] = fromMeasures
                          ? measuresSpan(measures.days, measures.periods)
                          : rangeDates(f.range, data.dates().front(), data.dates().back(), asOf);
    const QDate first = data.dates().front(), last = data.dates().back();
    if (to < first) // a preset as of a day before the data (render --as-of)
        throw UserError(QStringLiteral("the range ends on %1, before the data of %2 begin (%3)")
                            .arg(iso(to), data.symbols().join(QStringLiteral(", ")), iso(first)));
    if (to < from)
        throw UserError(QStringLiteral("--to %1 is before --from %2").arg(iso(to), iso(from)));
    if (from >= last || to <= first)
        throw UserError(QStringLiteral("%1 to %2 is outside the data of %3 (%4 to %5)")
                            .arg(iso(from), iso(to), data.symbols().join(QStringLiteral(", ")),
                                 iso(first), iso(last)));
    out.asOf = data.dayOnOrBefore(to);
    requireRebaseInRange(f, std::min(data.baseDay(from), from), to);
    compareRangeNotes(data, from, to, out.notes);
    if (!stack) {
        out.text = writeTable(path, bars ? compareReturnsTable(data, from, to, f.rebase, measures)
                                         : compareValuesTable(data, from, to, f.rebase));
        return out;
    }
    // From the range's base day, the close the lines are 100 at, as a pair figure's title and
    // axis start (issue #25, trial: from a holiday the line began a day after its base).
    const QDate shownFrom = std::min(data.baseDay(from), from);
    ExportOptions options = optionsOf(f);
    options.title =
        compareTitle(f, data, bars, std::max(std::min(data.baseDay(from), from), data.first()),
                     std::min(to, data.last()));
    std::vector<const SymbolSeries *> shown;
    for (const SymbolSeries &s : data.series())
        shown.push_back(&s);
    options.sourceLine =
        dataSourceLine(store, data.symbols() + (rate.isEmpty() ? QStringList() : QStringList{rate}),
                       basisSourcePhrase(shown), out.asOf);
    const ChartContent chart = bars ? data.returnsBars(from, to, f.rebase, measures)
                                    : data.chart(from, to, exportPlotWidth(options), f.rebase);
    *stack = {{chart}, shownFrom, to, QString(), {}, options};
    out.widthPx = int(options.width * options.scale);
    out.heightPx = int(options.height * options.scale);
    return out;
}

// A rotation figure: its tails to the range's last day, as a table (`stack` null) or the graph.
WrittenFigure rotationFigure(const PriceStore &store, const Figure &f, const QString &path,
                             const QDate &asOf, ChartStack *stack)
{
    if (f.symbols.isEmpty()) throw UserError(QStringLiteral("--symbols A,B,... is required"));
    const RotationData data = RotationData::load(store, f.symbols, f.benchmark, f.basis);
    auto [from, to] = rangeDates(f.range, data.first(), data.last(), asOf);
    if (!to.isValid()) throw UserError(QStringLiteral("rotation needs a last day (--to)"));
    WrittenFigure out{path, 0, 0, {}, {}, {}};
    to = data.lastDay(to, out.notes);
    const std::vector<RotationTail> tails = data.tails(to, f.rotation);
    const QStringList shortfalls = data.shortfalls(tails, to, f.rotation);
    if (std::none_of(tails.begin(), tails.end(), [](const RotationTail &t) { return t.has(); }))
        throw UserError(QStringLiteral("no symbol has a point up to %1: %2")
                            .arg(iso(to), shortfalls.join(QStringLiteral("; "))));
    out.notes << shortfalls;
    out.asOf = to;
    if (!stack) {
        out.text = writeTable(path, rotationPointsTable(tails));
        return out;
    }
    ExportOptions options = optionsOf(f);
    if (options.title.isEmpty())
        options.title =
            QStringLiteral("%1 against %2, to %3")
                .arg(data.symbols().join(QStringLiteral(", ")), data.benchmark(), iso(to));
    std::vector<const SymbolSeries *> shown;
    for (const SymbolSeries &s : data.series())
        shown.push_back(&s);
    QStringList sources = data.symbols() + QStringList{data.benchmark()};
    sources.removeDuplicates(); // a benchmark among the symbols is named once
    options.sourceLine = dataSourceLine(store, sources, basisSourcePhrase(shown), to);
    *stack = {{data.chart(tails, to, f.rotation, f.colours)}, from, to, QString(), {}, options};
    out.widthPx = int(options.width * options.scale);
    out.heightPx = int(options.height * options.scale);
    return out;
}

} // namespace

WrittenFigure writeFigure(const PriceStore &store, const Figure &figure, const QString &path,
                          const QDate &asOf)
{
    // A table, or a compare figure's values, is a CSV; a chart needs a picture's extension.
    const bool table = isTableKind(figure.kind) || (!isPairKind(figure.kind) && isCsv(path));
    if (!table && !exportFormatOf(path))
        throw UserError((isPairKind(figure.kind)
                             ? QStringLiteral("--out %1: expected a .png, .svg or .pdf file")
                             : QStringLiteral("--out %1: expected a .png, .svg, .pdf or .csv file"))
                            .arg(path));
    ChartStack stack;
    WrittenFigure out = figureStack(store, figure, asOf, table ? nullptr : &stack, path);
    if (!table) writeStack(path, stack);
    return out;
}

WrittenFigure figureStack(const PriceStore &store, const Figure &figure, const QDate &asOf,
                          ChartStack *stack, const QString &tablePath)
{
    if (figure.kind == FigureKind::Rotation)
        return rotationFigure(store, figure, tablePath, asOf, stack);
    return isPairKind(figure.kind) ? pairFigure(store, figure, tablePath, asOf, stack)
                                   : compareFigure(store, figure, tablePath, asOf, stack);
}

QString figureSuffix(const Figure &figure, const QString &chartFormat)
{
    return isTableKind(figure.kind) ? QStringLiteral("csv") : chartFormat;
}

} // namespace indexlens
