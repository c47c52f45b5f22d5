// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportCommand.h"

#include "ChartExporter.h"
#include "cli/CommandRegistry.h"
#include "document/Study.h"
#include "FigureRender.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"
#include "storage/SymbolResolver.h"

#include <QFileInfo>

#include <algorithm>

namespace indexlens {

namespace {

// --day and --period of `export --chart returns-bars` (and of `returns`).
void readMeasures(const CommandContext &ctx, Figure &f)
{
    for (const QString &text : ctx.values(QStringLiteral("day")))
        f.days.push_back(parseDateOption(QStringLiteral("day"), text));
    for (const QString &text : ctx.values(QStringLiteral("period")))
        f.returnPeriods.push_back(parsePeriodOption(QStringLiteral("period"), text));
    std::sort(f.days.begin(), f.days.end());
}

// --from/--to as a fixed range; a returns-bars export without them measures its days and periods
// only (an empty range, which render derives from them too).
void readRange(const CommandContext &ctx, Figure &f)
{
    if (f.kind == FigureKind::Rotation) { // the tails end on --to; --from starts nothing
        const QDate to = ctx.date(QStringLiteral("to"), false);
        const QDate from = ctx.date(QStringLiteral("from"), false);
        // Without --to, the tails end on the data's last day (as `rotation` has it).
        f.range = to.isValid() ? FigureRange{QString(), from.isValid() ? from : to, to}
                               : FigureRange{QStringLiteral("Max"), {}, {}};
        return;
    }
    const bool given = ctx.isSet(QStringLiteral("from")) || ctx.isSet(QStringLiteral("to"));
    if (f.kind == FigureKind::ReturnsBars && !given && !f.measures().empty()) {
        f.range = FigureRange{};
        return;
    }
    const QDate from = ctx.date(QStringLiteral("from"), true);
    const QDate to = ctx.date(QStringLiteral("to"), true);
    if (to < from)
        throw UserError(QStringLiteral("--to %1 is before --from %2")
                            .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    f.range = FigureRange{QString(), from, to};
}

void readLook(const CommandContext &ctx, Figure &f)
{
    f.width = ctx.integer(QStringLiteral("width"), 1600, 320, 8000);
    f.height = ctx.integer(QStringLiteral("height"), 900, 200, 8000);
    f.scale = ctx.integer(QStringLiteral("scale"), 1, 1, 3);
    f.logScale = ctx.isSet(QStringLiteral("log"));
    const QString theme = ctx.value(QStringLiteral("theme")).toLower(); // light or dark
    f.dark = ctx.isSet(QStringLiteral("dark")) || theme == QLatin1String("dark");
    f.title = ctx.value(QStringLiteral("title"));
    f.caption = ctx.value(QStringLiteral("caption"));
}

FigureKind kindOf(const QString &chart, Figure &f)
{
    const QString name = chart.trimmed().toLower();
    if (name == QLatin1String("compare")) return FigureKind::Compare;
    if (name == QLatin1String("returns-bars")) return FigureKind::ReturnsBars;
    if (name == QLatin1String("sensitivity")) return FigureKind::Sensitivity;
    if (name == QLatin1String("scatter")) return FigureKind::Scatter;
    if (name == QLatin1String("rotation")) return FigureKind::Rotation;
    if (name == QLatin1String("seasonality")) return FigureKind::Seasonality;
    const auto kinds = chartKindsNamed(chart);
    if (!kinds)
        throw UserError(
            QStringLiteral("--chart %1: expected ratio, rebased, relative, spread, "
                           "drawdown, all, compare, returns-bars, sensitivity, scatter, "
                           "rotation or seasonality")
                .arg(chart.isEmpty() ? QStringLiteral("(missing)") : chart));
    if (kinds->size() == 1) f.charts = *kinds;
    return FigureKind::Pair;
}

// The figure the options ask for: the one definition export, render and the window share.
// Everything that can be refused without the cache is refused here.
Figure figureOf(CommandContext &ctx)
{
    Figure f;
    f.kind = kindOf(ctx.value(QStringLiteral("chart")), f);
    f.rates = ctx.list(QStringLiteral("rate"));
    f.basis = ctx.basis();
    if (isPairKind(f.kind)) {
        f.a = ctx.required(QStringLiteral("a"), QStringLiteral("SYM"));
        f.b = ctx.required(QStringLiteral("b"), QStringLiteral("SYM"));
        f.window = ctx.integer(QStringLiteral("window"), 60, 5, 1000);
        for (const QString &text : ctx.list(QStringLiteral("periods")))
            f.periods.push_back(parsePeriodOption(QStringLiteral("periods"), text));
        f.periodBands = !f.periods.empty();
        f.markedMoves = ctx.integer(QStringLiteral("mark-moves"), 0, 0, 50);
        f.moveRanking = moveRankingOf(ctx);
        f.moveDirection = moveDirectionOf(ctx);
    } else {
        f.symbols = ctx.list(QStringLiteral("symbols"));
        if (f.symbols.isEmpty()) throw UserError(QStringLiteral("--symbols A,B,... is required"));
        for (QString &symbol : f.symbols)
            symbol = symbol.toUpper();
        readMeasures(ctx, f);
    }
    if (f.kind == FigureKind::Rotation) {
        if (ctx.isSet(QStringLiteral("benchmark")))
            f.benchmark = ctx.value(QStringLiteral("benchmark")).toUpper();
        f.rotation.settings = rotationSettingsOf(ctx);
        f.rotation.tail = ctx.integer(QStringLiteral("tail"), f.rotation.tail, 1, 10000);
    }
    readRange(ctx, f);
    if (const QDate rebase = ctx.date(QStringLiteral("rebase"), false); rebase.isValid())
        f.rebase = rebase;
    readLook(ctx, f);
    return f;
}

// --add-to STUDY: the figure appended to the study (created when missing), written atomically.
void addToStudy(CommandContext &ctx, const Figure &figure)
{
    const QString path = ctx.value(QStringLiteral("add-to"));
    Study study;
    if (QFileInfo::exists(path)) study = readStudy(path);
    study.figures.push_back(figure);
    if (study.current < 0) study.view = figure;
    writeStudy(path, study);
    ctx.out << QStringLiteral("%1: figure %2 added (%3)\n")
                   .arg(QFileInfo(path).absoluteFilePath())
                   .arg(study.figures.size())
                   .arg(figureName(figure));
}

// Each symbol of the figure resolved against the cache under the option it came from, so that an
// unknown one is refused as every command refuses it: "--benchmark xyz: unknown symbol xyz: ...".
void resolveOptions(const CommandContext &ctx, const PriceStore &store, const Figure &f)
{
    const auto resolve = [&](const QString &option, const QString &symbol, SymbolRole role) {
        ctx.forOption(option, symbol, [&] { return resolveSymbol(store, symbol, role); });
    };
    if (isPairKind(f.kind)) {
        resolve(QStringLiteral("a"), f.a, SymbolRole::Price);
        resolve(QStringLiteral("b"), f.b, SymbolRole::Price);
    }
    for (const QString &symbol : f.symbols)
        resolve(QStringLiteral("symbols"), symbol, SymbolRole::Price);
    if (f.kind == FigureKind::Rotation)
        resolve(QStringLiteral("benchmark"), f.benchmark, SymbolRole::Price);
    for (const QString &rate : f.rates)
        if (!rate.trimmed().isEmpty()) resolve(QStringLiteral("rate"), rate, SymbolRole::Rate);
}

// Runs `draw`, naming --height or --width when the size has no room for the labels.
template <typename Draw> void heightNamed(Draw draw)
{
    try {
        draw();
    } catch (const TooShortForLabels &e) {
        throw UserError(e.optionMessage());
    }
}

int runExport(CommandContext &ctx)
{
    const Figure figure = figureOf(ctx);
    const bool adding = ctx.isSet(QStringLiteral("add-to"));
    if (adding && !ctx.isSet(QStringLiteral("out"))) {
        // Laid out, not written: a figure that `render` could not draw is refused now, as with
        // --out (issue #25, trial: one outside its data was added, and render failed on it).
        auto db = ctx.openDatabase();
        const PriceStore store(*db);
        resolveOptions(ctx, store, figure);
        if (!isTableKind(figure.kind)) {
            ChartStack stack;
            heightNamed([&] {
                figureStack(store, figure, {}, &stack);
                requireRoom(stack);
            });
        }
        addToStudy(ctx, figure);
        return ExitOk;
    }
    const QString outPath = ctx.required(QStringLiteral("out"), QStringLiteral("FILE"));
    const bool csv =
        QFileInfo(outPath).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    if (!exportFormatOf(outPath) && !(csv && !isPairKind(figure.kind)))
        throw UserError((isPairKind(figure.kind)
                             ? QStringLiteral("--out %1: expected a .png, .svg or .pdf file")
                             : QStringLiteral("--out %1: expected a .png, .svg, .pdf or .csv file"))
                            .arg(outPath));
    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    resolveOptions(ctx, store, figure);
    WrittenFigure written;
    heightNamed([&] { written = writeFigure(store, figure, outPath); });
    for (const QString &note : written.notes)
        ctx.err << QStringLiteral("export: ") << note << '\n';
    ctx.out << QFileInfo(outPath).absoluteFilePath();
    if (written.widthPx > 0) ctx.out << " (" << written.widthPx << 'x' << written.heightPx << ')';
    ctx.out << '\n';
    if (adding) addToStudy(ctx, figure);
    return ExitOk;
}

// The options of `export`: the figure's, its look, and the rotation's definition.
std::vector<CommandOption> exportOptions()
{
    std::vector<CommandOption> options = {
        {QStringLiteral("chart"),
         QStringLiteral("KIND"),
         QStringLiteral(
             "ratio, rebased, relative, spread, drawdown (A and B below their running high "
             "since the range's start), all (the four), compare, returns-bars (the "
             "symbols' returns on days and periods, or else over the range, YTD "
             "and 1 year), sensitivity (the "
             "rolling correlation and beta of A/B against the rate) or scatter "
             "(each day's A - B against the rate's change, with the fitted line) or "
             "rotation (the symbols' relative rotation "
             "graph against --benchmark, tails ending on --to) or seasonality (the share of "
             "years A beat B, by month, over the complete months of the range)."),
         {QStringLiteral("ratio"), QStringLiteral("rebased"), QStringLiteral("relative"),
          QStringLiteral("spread"), QStringLiteral("drawdown"), QStringLiteral("all"),
          QStringLiteral("compare"), QStringLiteral("returns-bars"), QStringLiteral("sensitivity"),
          QStringLiteral("scatter"), QStringLiteral("rotation"), QStringLiteral("seasonality")}},
        {QStringLiteral("a"), QStringLiteral("SYM"), QStringLiteral("Series A (any letter case).")},
        {QStringLiteral("symbols"), QStringLiteral("A,B,..."),
         QStringLiteral("With --chart compare or returns-bars: the 2 to 8 series; with "
                        "--chart rotation, those that rotate.")},
        {QStringLiteral("benchmark"), QStringLiteral("SYM"),
         QStringLiteral("With --chart rotation: what the symbols rotate against (SPY).")},
        {QStringLiteral("tail"), QStringLiteral("N"),
         QStringLiteral("With --chart rotation: points per tail, ending on --to (8).")},
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
        {QStringLiteral("height"), QStringLiteral("H"), QStringLiteral("Height in pixels (900).")},
        {QStringLiteral("scale"), QStringLiteral("S"),
         QStringLiteral("1, 2 or 3 (pixel density).")},
        {QStringLiteral("title"), QStringLiteral("TEXT"),
         QStringLiteral("Title (default: A vs B, dates).")},
        {QStringLiteral("caption"), QStringLiteral("TEXT"),
         QStringLiteral("With --add-to: the caption under the figure in render's index.md.")},
        {QStringLiteral("add-to"), QStringLiteral("STUDY"),
         QStringLiteral("Also append the figure to STUDY (a .indexlens file, created when "
                        "missing); without --out, only append it.")},
        {QStringLiteral("log"), QString(),
         QStringLiteral("Log scale for the ratio and rebased charts.")},
        {QStringLiteral("theme"),
         QStringLiteral("THEME"),
         QStringLiteral("light (the default) or dark."),
         {QStringLiteral("light"), QStringLiteral("dark")}},
        {QStringLiteral("dark"), QString(), QStringLiteral("Same as --theme dark.")},
        {QStringLiteral("price-return"), QString(),
         QStringLiteral("Price return instead of total return.")}};
    for (const CommandOption &o : rotationSettingOptions())
        options.push_back(o);
    return options;
}

} // namespace

void registerExportCommand(CommandRegistry &registry)
{
    Command command{
        QStringLiteral("export"),
        QStringLiteral(
            "--chart KIND --a SYM --b SYM [--rate SYM] "
            "--from DATE --to DATE [--rebase DATE] [--periods START:END,...] "
            "[--mark-moves N] --out FILE.png|svg|pdf [--width W --height H --scale "
            "S] [--log] [--theme light|dark] [--add-to STUDY [--title T] [--caption C]]"),
        QStringLiteral("Write the charts as PNG, SVG or PDF (no display needed). --chart "
                       "compare --symbols A,B,... draws 2 to 8 series rebased to 100 (or "
                       "writes their values to a .csv); --chart returns-bars --symbols A,B,... "
                       "--day DATE --period START:END draws their returns as grouped bars (or "
                       "writes the returns table to a .csv); --chart rotation --symbols A,B,... "
                       "[--benchmark SYM] [--to DATE] draws their relative rotation graph; "
                       "--chart seasonality the pair's share of years won by month."),
        QString(),
        exportOptions(),
        true,
        runExport};
    registry.add(std::move(command));
}

} // namespace indexlens
