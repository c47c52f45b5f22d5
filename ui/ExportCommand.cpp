// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportCommand.h"

#include "analysis/Measure.h"
#include "chart/CompareData.h"
#include "chart/SeriesBasis.h"
#include "ChartExporter.h"
#include "cli/CommandRegistry.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>

namespace indexlens {

namespace {

ExportOptions sizeOptions(const CommandContext &ctx)
{
    ExportOptions options;
    options.width = ctx.integer(QStringLiteral("width"), 1600, 320, 8000);
    options.height = ctx.integer(QStringLiteral("height"), 900, 200, 8000);
    options.scale = ctx.integer(QStringLiteral("scale"), 1, 1, 3);
    options.logScale = ctx.isSet(QStringLiteral("log"));
    const QString theme = ctx.value(QStringLiteral("theme")).toLower(); // light or dark
    options.dark = ctx.isSet(QStringLiteral("dark")) || theme == QLatin1String("dark");
    options.title = ctx.value(QStringLiteral("title"));
    return options;
}

// --day and --period of `export --chart returns-bars` (and of `returns`).
ReturnMeasures measuresOf(const CommandContext &ctx)
{
    ReturnMeasures m;
    for (const QString &text : ctx.values(QStringLiteral("day")))
        m.days.push_back(parseDateOption(QStringLiteral("day"), text));
    for (const QString &text : ctx.values(QStringLiteral("period")))
        m.periods.push_back(parsePeriodOption(QStringLiteral("period"), text));
    std::sort(m.days.begin(), m.days.end());
    return m;
}

// The range of a returns-bars export: --from/--to, else from the earliest base day to the last
// day or period end of the measures (which are all its bars show then).
std::pair<QDate, QDate> compareRange(const CommandContext &ctx, const CompareData &data,
                                     const ReturnMeasures &measures, bool bars)
{
    const bool given = ctx.isSet(QStringLiteral("from")) || ctx.isSet(QStringLiteral("to"));
    if (!bars || given || measures.empty()) {
        const QDate from = ctx.date(QStringLiteral("from"), true);
        const QDate to = ctx.date(QStringLiteral("to"), true);
        if (to < from)
            throw UserError(QStringLiteral("--to %1 is before --from %2")
                                .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
        return {from, to};
    }
    QDate from, to;
    const auto widen = [&](const Measure &m) {
        for (const SymbolSeries &s : data.series()) {
            const MeasuredReturn r = measureReturn(s, m);
            const QDate start = r.has() ? r.baseDay : m.from;
            from = from.isValid() ? std::min(from, start) : start;
        }
        to = to.isValid() ? std::max(to, m.to) : m.to;
    };
    for (const QDate &day : measures.days)
        widen(Measure::day(day));
    for (const Period &p : measures.periods)
        widen(Measure::period(p));
    return {from, to};
}

// --chart compare: the symbols rebased on one chart (F.png, .svg, .pdf), or their values (F.csv);
// --chart returns-bars: their returns on --day and over --period as grouped bars, or the returns
// table (F.csv).
int runCompareExport(CommandContext &ctx, bool bars)
{
    const QStringList symbols = ctx.list(QStringLiteral("symbols"));
    if (symbols.isEmpty()) throw UserError(QStringLiteral("--symbols A,B,... is required"));
    const QString outPath = ctx.required(QStringLiteral("out"), QStringLiteral("FILE"));
    const bool csv =
        QFileInfo(outPath).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    if (!csv && !exportFormatOf(outPath))
        throw UserError(
            QStringLiteral("--out %1: expected a .png, .svg, .pdf or .csv file").arg(outPath));
    const ReturnMeasures measures = measuresOf(ctx);
    if (!bars || ctx.isSet(QStringLiteral("from")) || ctx.isSet(QStringLiteral("to")) ||
        measures.empty()) { // parsed before the cache is opened: a malformed date costs nothing
        ctx.date(QStringLiteral("from"), true);
        ctx.date(QStringLiteral("to"), true);
    }
    const QDate rebaseDate = ctx.date(QStringLiteral("rebase"), false);
    const std::optional<QDate> rebase =
        rebaseDate.isValid() ? std::optional<QDate>(rebaseDate) : std::nullopt;
    ExportOptions options = sizeOptions(ctx);
    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    const QStringList rates = ctx.list(QStringLiteral("rate"));
    const CompareData data =
        ctx.forOption(QStringLiteral("symbols"), symbols.join(QLatin1Char(',')), [&] {
            return CompareData::load(store, symbols, bars ? QString() : rates.value(0),
                                     ctx.basis());
        });
    const auto [from, to] = compareRange(ctx, data, measures, bars);
    if (csv) {
        QFile file(outPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            throw std::runtime_error("cannot write " + outPath.toStdString());
        QTextStream out(&file);
        (bars ? data.returnsTable(from, to, rebase, measures) : data.table(from, to, rebase))
            .write(out, OutputFormat::Csv);
        ctx.out << QFileInfo(outPath).absoluteFilePath() << '\n';
        return ExitOk;
    }
    if (options.title.isEmpty())
        options.title = bars && !measures.empty()
                            ? QStringLiteral("%1: returns on chosen days and periods")
                                  .arg(data.symbols().join(QStringLiteral(", ")))
                            : QStringLiteral("%1, %2 to %3")
                                  .arg(data.symbols().join(QStringLiteral(", ")),
                                       from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    std::vector<const SymbolSeries *> shown;
    for (const SymbolSeries &s : data.series())
        shown.push_back(&s);
    options.sourceLine = dataSourceLine(store, data.symbols() + (bars ? QStringList() : rates),
                                        basisSourcePhrase(shown), data.dayOnOrBefore(to));
    const ChartContent chart = bars ? data.returnsBars(from, to, rebase, measures)
                                    : data.chart(from, to, exportPlotWidth(options), rebase);
    writeStack(outPath, {{chart}, from, to, QString(), {}, options});
    ctx.out << QFileInfo(outPath).absoluteFilePath() << " (" << int(options.width * options.scale)
            << 'x' << int(options.height * options.scale) << ")\n";
    return ExitOk;
}

int runExport(CommandContext &ctx)
{
    const QString chart = ctx.value(QStringLiteral("chart"));
    const QString name = chart.trimmed().toLower();
    if (name == QLatin1String("compare") || name == QLatin1String("returns-bars"))
        return runCompareExport(ctx, name == QLatin1String("returns-bars"));
    const bool sensitivity = name == QLatin1String("sensitivity");
    const bool scatter = name == QLatin1String("scatter");
    const auto kinds = sensitivity ? std::optional(std::vector<ChartKind>{ChartKind::Sensitivity})
                       : scatter   ? std::optional(std::vector<ChartKind>{ChartKind::Scatter})
                                   : chartKindsNamed(chart);
    if (!kinds)
        throw UserError(QStringLiteral("--chart %1: expected ratio, rebased, relative, spread, "
                                       "all, compare, returns-bars, sensitivity or scatter")
                            .arg(chart.isEmpty() ? QStringLiteral("(missing)") : chart));
    const int window = ctx.integer(QStringLiteral("window"), 60, 5, 1000);
    const QString a = ctx.required(QStringLiteral("a"), QStringLiteral("SYM"));
    const QString b = ctx.required(QStringLiteral("b"), QStringLiteral("SYM"));
    const QString outPath = ctx.required(QStringLiteral("out"), QStringLiteral("FILE"));
    if (!exportFormatOf(outPath))
        throw UserError(
            QStringLiteral("--out %1: expected a .png, .svg or .pdf file").arg(outPath));
    const QDate asked = ctx.date(QStringLiteral("from"), true);
    const QDate to = ctx.date(QStringLiteral("to"), true);
    if (to < asked)
        throw UserError(QStringLiteral("--to %1 is before --from %2")
                            .arg(to.toString(Qt::ISODate), asked.toString(Qt::ISODate)));
    const QDate rebase = ctx.date(QStringLiteral("rebase"), false);
    const ExportOptions base = sizeOptions(ctx);
    std::vector<Period> periods;
    for (const QString &text : ctx.list(QStringLiteral("periods")))
        periods.push_back(parsePeriodOption(QStringLiteral("periods"), text));
    const int markedMoves = ctx.integer(QStringLiteral("mark-moves"), 0, 0, 50);

    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    const PairData pair =
        PairData::load(store, a, b, ctx.list(QStringLiteral("rate")), ctx.basis());
    if (asked < pair.first() || asked > pair.last())
        throw UserError(
            QStringLiteral("--from %1 is outside the common data of %2 and %3 (%4 to %5)")
                .arg(asked.toString(Qt::ISODate), pair.symbolA(), pair.symbolB(),
                     pair.first().toString(Qt::ISODate), pair.last().toString(Qt::ISODate)));
    // The range rule (Measure.h), as the window's range bar snaps it: from the base day to the
    // last common day on or before --to.
    const QDate from = pair.baseDay(asked);
    const QDate end = pair.dayOnOrBefore(to);
    if (end <= from)
        throw UserError(QStringLiteral("%1 to %2 holds fewer than two common trading days of %3 "
                                       "and %4")
                            .arg(asked.toString(Qt::ISODate), to.toString(Qt::ISODate),
                                 pair.symbolA(), pair.symbolB()));
    if (to > pair.last())
        ctx.err << QStringLiteral("export: --to %1 is after the common data of %2 and %3 end: "
                                  "the charts end on %4\n")
                       .arg(to.toString(Qt::ISODate), pair.symbolA(), pair.symbolB(),
                            pair.last().toString(Qt::ISODate));
    const ExportOptions options = exportOptionsFor(store, pair, from, end, base);
    if (sensitivity || scatter) {
        writeStack(outPath,
                   {{scatter ? pair.scatterChart(from, end)
                             : pair.sensitivityChart(from, end, exportPlotWidth(options), window)},
                    from,
                    end,
                    QString(),
                    {},
                    options});
        ctx.out << QFileInfo(outPath).absoluteFilePath() << '\n';
        return ExitOk;
    }
    writeCharts(outPath, {pair, *kinds, from, end,
                          rebase.isValid() ? std::optional<QDate>(rebase) : std::nullopt, options,
                          chartMarks(pair, periods, markedMoves, moveRankingOf(ctx), from, end,
                                     moveDirectionOf(ctx))});
    ctx.out << QFileInfo(outPath).absoluteFilePath() << " (" << int(options.width * options.scale)
            << 'x' << int(options.height * options.scale) << ")\n";
    return ExitOk;
}

} // namespace

void registerExportCommand(CommandRegistry &registry)
{
    registry.add(
        {QStringLiteral("export"),
         QStringLiteral("--chart KIND --a SYM --b SYM [--rate SYM] "
                        "--from DATE --to DATE [--rebase DATE] [--periods START:END,...] "
                        "[--mark-moves N] --out FILE.png|svg|pdf [--width W --height H --scale "
                        "S] [--log] [--theme light|dark]"),
         QStringLiteral("Write the charts as PNG, SVG or PDF (no display needed). --chart "
                        "compare --symbols A,B,... draws 2 to 8 series rebased to 100 (or "
                        "writes their values to a .csv); --chart returns-bars --symbols A,B,... "
                        "--day DATE --period START:END draws their returns as grouped bars (or "
                        "writes the returns table to a .csv)."),
         QString(),
         {{QStringLiteral("chart"),
           QStringLiteral("KIND"),
           QStringLiteral("ratio, rebased, relative, spread, all, compare, returns-bars (the "
                          "symbols' returns on days and periods, or else over the range, YTD "
                          "and 1 year), sensitivity (the "
                          "rolling correlation and beta of A/B against the rate) or scatter "
                          "(each day's A - B against the rate's change, with the fitted line)."),
           {QStringLiteral("ratio"), QStringLiteral("rebased"), QStringLiteral("relative"),
            QStringLiteral("spread"), QStringLiteral("all"), QStringLiteral("compare"),
            QStringLiteral("returns-bars"), QStringLiteral("sensitivity"),
            QStringLiteral("scatter")}},
          {QStringLiteral("a"), QStringLiteral("SYM"),
           QStringLiteral("Series A (any letter case).")},
          {QStringLiteral("symbols"), QStringLiteral("A,B,..."),
           QStringLiteral("With --chart compare or returns-bars: the 2 to 8 series.")},
          {QStringLiteral("day"), QStringLiteral("DATE"),
           QStringLiteral("With --chart returns-bars: a day's return (from the previous close); "
                          "repeat for more.")},
          {QStringLiteral("period"), QStringLiteral("START:END"),
           QStringLiteral("With --chart returns-bars: a period's return; repeat for more.")},
          {QStringLiteral("window"), QStringLiteral("N"),
           QStringLiteral("With --chart sensitivity: the rolling window in days (60).")},
          {QStringLiteral("b"), QStringLiteral("SYM"), QStringLiteral("Series B.")},
          {QStringLiteral("rate"), QStringLiteral("SYM"),
           QStringLiteral("Rate overlays, comma-separated (e.g. DGS10).")},
          {QStringLiteral("from"), QStringLiteral("DATE"), QStringLiteral("First date shown.")},
          {QStringLiteral("to"), QStringLiteral("DATE"), QStringLiteral("Last date shown.")},
          {QStringLiteral("rebase"), QStringLiteral("DATE"),
           QStringLiteral("Rebase day (default: the base day, the last trading day on or before "
                          "--from).")},
          {QStringLiteral("periods"), QStringLiteral("START:END,..."),
           QStringLiteral("Periods shaded as numbered bands, labelled with A - B and the rate "
                          "change.")},
          {QStringLiteral("mark-moves"), QStringLiteral("N"),
           QStringLiteral("Mark the N largest daily moves in the range (ranked by --by and "
                          "--direction, as `moves`), with their dates.")},
          kMovesBy,
          kMovesDirection,
          {QStringLiteral("out"), QStringLiteral("FILE"),
           QStringLiteral("The file to write; .png, .svg or .pdf chooses the format.")},
          {QStringLiteral("width"), QStringLiteral("W"), QStringLiteral("Width in pixels (1600).")},
          {QStringLiteral("height"), QStringLiteral("H"),
           QStringLiteral("Height in pixels (900).")},
          {QStringLiteral("scale"), QStringLiteral("S"),
           QStringLiteral("1, 2 or 3 (pixel density).")},
          {QStringLiteral("title"), QStringLiteral("TEXT"),
           QStringLiteral("Title (default: A vs B, dates).")},
          {QStringLiteral("log"), QString(),
           QStringLiteral("Log scale for the ratio and rebased charts.")},
          {QStringLiteral("theme"),
           QStringLiteral("THEME"),
           QStringLiteral("light (the default) or dark."),
           {QStringLiteral("light"), QStringLiteral("dark")}},
          {QStringLiteral("dark"), QString(), QStringLiteral("Same as --theme dark.")},
          {QStringLiteral("price-return"), QString(),
           QStringLiteral("Price return instead of total return.")}},
         true,
         runExport});
}

} // namespace indexlens
