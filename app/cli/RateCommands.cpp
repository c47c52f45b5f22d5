// SPDX-License-Identifier: GPL-3.0-or-later
// The commands about A vs B and a rate (issue #13): sensitivity (the spread on the rate's daily
// change, or rolling) and regimes (the periods in which the rate rose or fell).
#include "CommandRegistry.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"
#include "storage/SymbolResolver.h"
#include "tables/RateTables.h"

namespace indexlens {

namespace {

SymbolSeries priceOption(const CommandContext &ctx, const PriceStore &store, const QString &option)
{
    const QString symbol = ctx.required(option, QStringLiteral("SYM"));
    return ctx.forOption(option, symbol,
                         [&] { return loadPriceSeries(store, symbol, ctx.basis()); });
}

SymbolSeries rateOption(const CommandContext &ctx, const PriceStore &store)
{
    const QString symbol = ctx.required(QStringLiteral("rate"), QStringLiteral("SYM"));
    return ctx.forOption(QStringLiteral("rate"), symbol,
                         [&] { return loadRateSeries(store, symbol); });
}

int runSensitivity(CommandContext &ctx)
{
    const QDate from = ctx.date(QStringLiteral("from"), true);
    const QDate to = ctx.date(QStringLiteral("to"), true);
    if (to < from) throw UserError(QStringLiteral("--to must not be before --from"));
    const bool rolling = ctx.isSet(QStringLiteral("rolling"));
    const int window = ctx.integer(QStringLiteral("rolling"), 60, 5, 1000);
    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    const SymbolSeries a = priceOption(ctx, store, QStringLiteral("a"));
    const SymbolSeries b = priceOption(ctx, store, QStringLiteral("b"));
    const SymbolSeries rate = rateOption(ctx, store);
    const std::vector<RateDay> days = rateDays(a, b, rate, from, to);
    if (rolling)
        rollingSensitivityTable(rollingSensitivity(days, std::size_t(window)))
            .write(ctx.out, ctx.format);
    else
        sensitivityTable(spreadOnRate(days)).write(ctx.out, ctx.format);
    return ExitOk;
}

int runRegimes(CommandContext &ctx)
{
    const QDate from = ctx.date(QStringLiteral("from"), true);
    const QDate to = ctx.date(QStringLiteral("to"), true);
    RegimeRules rules;
    rules.thresholdBps = ctx.integer(QStringLiteral("threshold-bp"), 40, 1, 1000);
    rules.minDays = ctx.integer(QStringLiteral("min-days"), 15, 1, 1000);
    rules.monthEnds = ctx.isSet(QStringLiteral("month-ends"));
    const bool pair = ctx.isSet(QStringLiteral("a")) || ctx.isSet(QStringLiteral("b"));
    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    const SymbolSeries rate = rateOption(ctx, store);
    const std::vector<Regime> regimes = ctx.forOption(QStringLiteral("rate"), rate.symbol, [&] {
        return findRegimes(rate.series, from, to, rules);
    });
    if (!pair) {
        regimesTable(regimes).write(ctx.out, ctx.format);
        return ExitOk;
    }
    const SymbolSeries a = priceOption(ctx, store, QStringLiteral("a"));
    const SymbolSeries b = priceOption(ctx, store, QStringLiteral("b"));
    regimesTable(regimes, &a, &b).write(ctx.out, ctx.format);
    return ExitOk;
}

const CommandOption kFrom{QStringLiteral("from"), QStringLiteral("DATE"),
                          QStringLiteral("First date.")};
const CommandOption kTo{QStringLiteral("to"), QStringLiteral("DATE"), QStringLiteral("Last date.")};
const CommandOption kRate{QStringLiteral("rate"), QStringLiteral("SYM"),
                          QStringLiteral("The rate (e.g. DGS10).")};
const CommandOption kPriceReturn{QStringLiteral("price-return"), QString(),
                                 QStringLiteral("Price return (close) instead of total return.")};

} // namespace

void registerRateCommands(CommandRegistry &registry)
{
    registry.add(
        {QStringLiteral("sensitivity"),
         QStringLiteral("--a SYM --b SYM --rate SYM --from DATE --to DATE [--rolling N] "
                        "[--price-return]"),
         QStringLiteral("The daily spread A - B on the rate's daily change: slope in pp per "
                        "10 bp, intercept, R2, correlation, n. With --rolling N the rolling "
                        "correlation and beta of the ratio's log change. Days without a rate "
                        "observation are left out."),
         QString(),
         {{QStringLiteral("a"), QStringLiteral("SYM"), QStringLiteral("Series A (e.g. IWM).")},
          {QStringLiteral("b"), QStringLiteral("SYM"), QStringLiteral("Series B (e.g. IWB).")},
          kRate,
          kFrom,
          kTo,
          {QStringLiteral("rolling"), QStringLiteral("N"),
           QStringLiteral("Rolling windows of N days (20, 60, 120, 250 ...): rows date, corr, "
                          "beta.")},
          kPriceReturn},
         false,
         runSensitivity});
    registry.add(
        {QStringLiteral("regimes"),
         QStringLiteral("--rate SYM --from DATE --to DATE [--threshold-bp N] [--min-days N] "
                        "[--month-ends] [--a SYM --b SYM]"),
         QStringLiteral("Periods in which the rate rose or fell: turning points where it "
                        "reverses by the threshold (40 bp), periods of at least --min-days "
                        "observations (15); with A and B their returns over each."),
         QString(),
         {kRate,
          kFrom,
          kTo,
          {QStringLiteral("threshold-bp"), QStringLiteral("N"),
           QStringLiteral("The reversal that makes a turning point, in basis points (40).")},
          {QStringLiteral("min-days"), QStringLiteral("N"),
           QStringLiteral("The shortest period, in observations of the rate (15).")},
          {QStringLiteral("month-ends"), QString(),
           QStringLiteral("Move each turning point to the nearest month end.")},
          {QStringLiteral("a"), QStringLiteral("SYM"), QStringLiteral("Series A (optional).")},
          {QStringLiteral("b"), QStringLiteral("SYM"), QStringLiteral("Series B (optional).")},
          kPriceReturn},
         false,
         runRegimes});
}

} // namespace indexlens
