// SPDX-License-Identifier: GPL-3.0-or-later
// The commands that answer from the cache: periods, moves, returns, extremes. Each writes a table
// defined once in app/tables, the same one the window shows.
#include "CommandRegistry.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"
#include "storage/SymbolResolver.h"
#include "tables/ExtremesTable.h"
#include "tables/PairTables.h"

#include <algorithm>

namespace indexlens {

namespace {

SymbolSeries price(const CommandContext &ctx, const PriceStore &store, const QString &option,
                   const QString &symbol)
{
    return ctx.forOption(option, symbol,
                         [&] { return loadPriceSeries(store, symbol, ctx.basis()); });
}

std::vector<SymbolSeries> rates(const CommandContext &ctx, const PriceStore &store)
{
    std::vector<SymbolSeries> out;
    for (const QString &symbol : ctx.list(QStringLiteral("rate")))
        out.push_back(ctx.forOption(QStringLiteral("rate"), symbol,
                                    [&] { return loadRateSeries(store, symbol); }));
    return out;
}

// The series of --symbols A,B,C, in their order, each once (IWM,iwm is one row, as the
// window's compare list holds a symbol once).
std::vector<SymbolSeries> symbolSeries(const CommandContext &ctx, const PriceStore &store,
                                       const QStringList &symbols)
{
    std::vector<SymbolSeries> series;
    for (const QString &symbol : symbols) {
        SymbolSeries s = price(ctx, store, QStringLiteral("symbols"), symbol);
        const bool listed = std::any_of(series.begin(), series.end(), [&](const SymbolSeries &o) {
            return o.symbol == s.symbol;
        });
        if (!listed) series.push_back(std::move(s));
    }
    return series;
}

// Says on stderr what has no value: the rows stand with empty cells (null in JSON).
void sayNotes(const CommandContext &ctx, const QStringList &notes)
{
    for (const QString &note : notes)
        ctx.err << QStringLiteral("note: ") << note << '\n';
}

int runPeriods(CommandContext &ctx)
{
    const QString a = ctx.required(QStringLiteral("a"), QStringLiteral("SYM"));
    const QString b = ctx.required(QStringLiteral("b"), QStringLiteral("SYM"));
    const QStringList texts = ctx.values(QStringLiteral("period"));
    if (texts.isEmpty())
        throw UserError(QStringLiteral("--period START:END is required (may be repeated)"));
    std::vector<Period> periods;
    for (const QString &text : texts)
        periods.push_back(parsePeriodOption(QStringLiteral("period"), text));
    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    const SymbolSeries sa = price(ctx, store, QStringLiteral("a"), a);
    const SymbolSeries sb = price(ctx, store, QStringLiteral("b"), b);
    QStringList notes;
    const ResultTable table = periodsTable(sa, sb, rates(ctx, store), periods, &notes);
    sayNotes(ctx, notes);
    table.write(ctx.out, ctx.format);
    return ExitOk;
}

int runMoves(CommandContext &ctx)
{
    const QString a = ctx.required(QStringLiteral("a"), QStringLiteral("SYM"));
    const QString b = ctx.required(QStringLiteral("b"), QStringLiteral("SYM"));
    const QDate from = ctx.date(QStringLiteral("from"), true);
    const QDate to = ctx.date(QStringLiteral("to"), true);
    const int top = ctx.integer(QStringLiteral("top"), 10, 1, 100000);
    const MoveRanking ranking = moveRankingOf(ctx);
    const MoveDirection direction = moveDirectionOf(ctx);
    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    const SymbolSeries sa = price(ctx, store, QStringLiteral("a"), a);
    const SymbolSeries sb = price(ctx, store, QStringLiteral("b"), b);
    const auto rateSeries = rates(ctx, store);
    movesTable(sa, sb, rateSeries.empty() ? nullptr : &rateSeries.front(), from, to, top, ranking,
               direction)
        .write(ctx.out, ctx.format);
    return ExitOk;
}

// The measures of a `returns` call, each with the option that asked for it (for its messages).
std::vector<std::pair<QString, Measure>> returnMeasures(const CommandContext &ctx)
{
    const bool ytd = ctx.isSet(QStringLiteral("ytd-as-of"));
    const bool range = ctx.isSet(QStringLiteral("from")) || ctx.isSet(QStringLiteral("to"));
    const QStringList days = ctx.values(QStringLiteral("day"));
    const QStringList periods = ctx.values(QStringLiteral("period"));
    if (ytd && range) throw UserError(QStringLiteral("give --from/--to or --ytd-as-of, not both"));
    if (!ytd && !range && days.isEmpty() && periods.isEmpty())
        throw UserError(QStringLiteral(
            "give --from DATE --to DATE, --ytd-as-of DATE, --day DATE or --period START:END"));
    std::vector<std::pair<QString, Measure>> out;
    if (ytd)
        out.emplace_back(QString(),
                         Measure::yearToDate(ctx.date(QStringLiteral("ytd-as-of"), true)));
    if (range)
        out.emplace_back(QString(), Measure::range(ctx.date(QStringLiteral("from"), true),
                                                   ctx.date(QStringLiteral("to"), true)));
    for (const QString &text : days)
        out.emplace_back(QStringLiteral("--day ") + text,
                         Measure::day(parseDateOption(QStringLiteral("day"), text)));
    for (const QString &text : periods)
        out.emplace_back(QStringLiteral("--period ") + text,
                         Measure::period(parsePeriodOption(QStringLiteral("period"), text)));
    return out;
}

int runReturns(CommandContext &ctx)
{
    const QStringList symbols = ctx.list(QStringLiteral("symbols"));
    if (symbols.isEmpty()) throw UserError(QStringLiteral("--symbols A,B,C is required"));
    // Parsed before the cache is opened: a malformed date costs nothing.
    const auto measures = returnMeasures(ctx);
    auto db = ctx.openDatabase();
    const std::vector<SymbolSeries> series = symbolSeries(ctx, PriceStore(*db), symbols);
    std::vector<std::pair<Measure, MeasuredReturn>> rows;
    QStringList notes;
    for (const auto &[option, measure] : measures) {
        std::vector<MeasuredReturn> answers;
        try {
            answers = measureReturns(series, measure);
        } catch (const UserError &e) { // nothing answers it: refused, naming the option
            if (option.isEmpty()) throw;
            throw UserError(option + QStringLiteral(": ") + e.message());
        }
        for (MeasuredReturn &r : answers) {
            if (!r.has())
                notes << (option.isEmpty() ? r.reason : option + QStringLiteral(": ") + r.reason);
            rows.emplace_back(measure, std::move(r));
        }
    }
    sayNotes(ctx, notes);
    returnsTable(rows).write(ctx.out, ctx.format);
    return ExitOk;
}

int runExtremes(CommandContext &ctx)
{
    const QStringList symbols = ctx.list(QStringLiteral("symbols"));
    if (symbols.isEmpty()) throw UserError(QStringLiteral("--symbols A,B,C is required"));
    const QDate from = ctx.date(QStringLiteral("from"), true);
    const QDate to = ctx.date(QStringLiteral("to"), true);
    if (from > to)
        throw UserError(QStringLiteral("--from %1 is after --to %2")
                            .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    auto db = ctx.openDatabase();
    QStringList notes;
    const ResultTable table =
        extremesTable(symbolSeries(ctx, PriceStore(*db), symbols), from, to, &notes);
    sayNotes(ctx, notes);
    table.write(ctx.out, ctx.format);
    return ExitOk;
}

const CommandOption kA{QStringLiteral("a"), QStringLiteral("SYM"),
                       QStringLiteral("Series A (e.g. IWM; any letter case).")};
const CommandOption kB{QStringLiteral("b"), QStringLiteral("SYM"),
                       QStringLiteral("Series B (e.g. SPY).")};
const CommandOption kFrom{QStringLiteral("from"), QStringLiteral("DATE"),
                          QStringLiteral("First date.")};
const CommandOption kTo{QStringLiteral("to"), QStringLiteral("DATE"), QStringLiteral("Last date.")};
const CommandOption kPriceReturn{QStringLiteral("price-return"), QString(),
                                 QStringLiteral("Price return (close) instead of total return.")};

} // namespace

void registerDataCommands(CommandRegistry &registry);
void registerRateCommands(CommandRegistry &registry);
void registerRotationCommands(CommandRegistry &registry);

void registerCoreCommands(CommandRegistry &registry)
{
    registerDataCommands(registry);
    registry.add(
        {QStringLiteral("periods"),
         QStringLiteral("--a SYM --b SYM [--rate SYM[,SYM]] --period START:END [--period ...] "
                        "[--price-return]"),
         QStringLiteral("Returns of A and B per period, A - B, and the rate change in basis "
                        "points (empty where the rate's data end before the period)."),
         QString(),
         {kA,
          kB,
          {QStringLiteral("rate"), QStringLiteral("SYM"),
           QStringLiteral("Rates (e.g. DGS10,DGS2): one column each.")},
          {QStringLiteral("period"), QStringLiteral("START:END"),
           QStringLiteral("A period; repeat for more rows.")},
          kPriceReturn},
         false,
         runPeriods});
    registry.add(
        {QStringLiteral("moves"),
         QStringLiteral("--a SYM --b SYM [--rate SYM] --from DATE --to DATE [--top N] "
                        "[--by a|b|spread] [--direction up|down|both] [--price-return]"),
         QStringLiteral("The largest daily moves of A, B or the spread A - B in the range (the "
                        "days after its base day), with the rate change that day and the last "
                        "earlier day with a spread as wide."),
         QString(),
         {kA,
          kB,
          {QStringLiteral("rate"), QStringLiteral("SYM"), QStringLiteral("A rate (e.g. DGS10).")},
          kFrom,
          kTo,
          {QStringLiteral("top"), QStringLiteral("N"), QStringLiteral("Number of days (10).")},
          kMovesBy,
          kMovesDirection,
          kPriceReturn},
         false,
         runMoves});
    registry.add(
        {QStringLiteral("returns"),
         QStringLiteral("--symbols A,B,C [--from DATE --to DATE | --ytd-as-of DATE] [--day "
                        "DATE ...] [--period START:END ...] [--price-return]"),
         QStringLiteral("Return of each symbol between two dates, year to date, on days (from "
                        "the previous close) and over periods; each row says which (label)."),
         QString(),
         {{QStringLiteral("symbols"), QStringLiteral("A,B,C"),
           QStringLiteral("Comma-separated symbols.")},
          kFrom,
          kTo,
          {QStringLiteral("ytd-as-of"), QStringLiteral("DATE"),
           QStringLiteral("Year to date as of DATE (from the last close of the previous year).")},
          {QStringLiteral("day"), QStringLiteral("DATE"),
           QStringLiteral("The return on DATE, from the previous trading day's close; repeat for "
                          "more.")},
          {QStringLiteral("period"), QStringLiteral("START:END"),
           QStringLiteral("The return over a period, as in `periods`; repeat for more.")},
          kPriceReturn},
         false,
         runReturns});
    registry.add(
        {QStringLiteral("extremes"),
         QStringLiteral("--symbols A,B,C --from DATE --to DATE [--price-return]"),
         QStringLiteral("Each symbol's highest and lowest close in the range with their dates, "
                        "the % from each to the last close, and the market state by the 20 % "
                        "rule (bear from the first close 20 % below the running high; bull from "
                        "the low once a close is 20 % above it) with the day it began."),
         QString(),
         {{QStringLiteral("symbols"), QStringLiteral("A,B,C"),
           QStringLiteral("Comma-separated symbols.")},
          kFrom,
          kTo,
          kPriceReturn},
         false,
         runExtremes});
    registerRotationCommands(registry);
    registerRateCommands(registry);
}

} // namespace indexlens
