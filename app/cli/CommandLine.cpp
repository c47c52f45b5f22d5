#include "CommandLine.h"

#include "analysis/MovesTable.h"
#include "analysis/PeriodTable.h"
#include "analysis/ReturnsTable.h"
#include "core/AppSettings.h"
#include "core/UserError.h"
#include "import/ImportBatch.h"
#include "import/TextFields.h"
#include "OutputTable.h"
#include "providers/Updater.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <map>

#include <unistd.h>

namespace indexlens {

namespace {

const QStringList kCommands = {QStringLiteral("import"), QStringLiteral("update"),
                               QStringLiteral("list"),   QStringLiteral("periods"),
                               QStringLiteral("moves"),  QStringLiteral("returns")};

// Options that take a value, for every command: lets subCommand() skip their values.
const QStringList kValueOptions = {
    QStringLiteral("db"),        QStringLiteral("format"),  QStringLiteral("symbol"),
    QStringLiteral("format-in"), QStringLiteral("kind"),    QStringLiteral("a"),
    QStringLiteral("b"),         QStringLiteral("rate"),    QStringLiteral("period"),
    QStringLiteral("from"),      QStringLiteral("to"),      QStringLiteral("top"),
    QStringLiteral("by"),        QStringLiteral("symbols"), QStringLiteral("ytd-as-of")};

QString generalHelp()
{
    return QStringLiteral(
               "Usage: indexlens [--db PATH] [--format text|csv|json] <command> [options]\n"
               "\n"
               "Small caps vs large caps: ratios, relative returns and Treasury yields.\n"
               "With no command, opens the window.\n"
               "\n"
               "Commands:\n"
               "  import FILE... [--symbol SYM] [--format-in "
               "auto|yahoo|yfinance|stooq|fred|close]\n"
               "                 [--kind index|etf|rate]\n"
               "      Import CSV files (Yahoo, yfinance, Stooq, FRED, Date+Close) into the cache.\n"
               "  update [SYM...] [--full]\n"
               "      Download new data for the symbols (all cached symbols when none is named):\n"
               "      Yahoo Finance for indices and ETFs, the US Treasury for DGS2/DGS10/T10Y2Y, "
               "FRED\n"
               "      for other rates. Incremental unless --full. Exit status 1 if any symbol "
               "failed.\n"
               "  list\n"
               "      Symbols in the cache with kind, first and last date and rows.\n"
               "  periods --a SYM --b SYM [--rate SYM] --period START:END [--period ...] "
               "[--price-return]\n"
               "      Returns of A and B per period, A - B, and the rate change in basis points.\n"
               "  moves --a SYM --b SYM [--rate SYM] --from DATE --to DATE [--top N] [--by "
               "a|spread]\n"
               "        [--price-return]\n"
               "      The largest daily moves of A (or of the spread A - B), with the rate change "
               "that\n"
               "      day and the last earlier day with a spread as wide.\n"
               "  returns --symbols A,B,C (--from DATE --to DATE | --ytd-as-of DATE) "
               "[--price-return]\n"
               "      Return of each symbol between two dates, or year to date.\n"
               "  export --chart ratio|rebased|relative|spread|all --a SYM --b SYM [--rate SYM]\n"
               "         --from DATE --to DATE [--rebase DATE] --out FILE.png [--width W --height "
               "H\n"
               "         --scale S] [--log] [--dark]\n"
               "      Write a PNG of the charts (no display needed).\n"
               "\n"
               "Global options:\n"
               "  --db PATH        the cache file (default: $INDEXLENS_DB, else %1)\n"
               "  --format FMT     text (default, rounded), csv or json (unrounded)\n"
               "  --help           this help; `indexlens <command> --help` for one command\n"
               "  --version        the version\n"
               "\n"
               "Dates are YYYY-MM-DD. Returns are total returns (adjusted close) unless "
               "--price-return.\n"
               "Exit status: 0 done, 1 a file or the cache failed, 2 a request that cannot be "
               "answered.\n")
        .arg(Database::defaultPath());
}

struct Context {
    QCommandLineParser &parser;
    QTextStream &out;
    QTextStream &err;
    OutputFormat format = OutputFormat::Text;
    QString dbPath;
};

QDate parseDateOption(const QString &option, const QString &text)
{
    const QByteArray bytes = text.trimmed().toLatin1();
    const auto date =
        bytes.size() == 10 ? parseIsoDate(std::string_view(bytes.constData(), 10)) : std::nullopt;
    if (!date)
        throw UserError(
            QStringLiteral("--%1 %2 is not a date (expected YYYY-MM-DD)").arg(option, text));
    return *date;
}

QDate requiredDate(Context &ctx, const QString &option)
{
    if (!ctx.parser.isSet(option))
        throw UserError(QStringLiteral("--%1 DATE is required").arg(option));
    return parseDateOption(option, ctx.parser.value(option));
}

QString requiredValue(Context &ctx, const QString &option, const QString &what)
{
    QString value = ctx.parser.value(option).trimmed();
    if (value.isEmpty()) throw UserError(QStringLiteral("--%1 %2 is required").arg(option, what));
    return value;
}

std::unique_ptr<Database> openDatabase(Context &ctx)
{
    QString error;
    QStringList notes;
    auto db = Database::open(ctx.dbPath, &error, &notes);
    for (const QString &note : notes)
        ctx.err << "indexlens: note: " << note << '\n';
    ctx.err.flush();
    if (!db) throw std::runtime_error(error.toStdString());
    return db;
}

// The instrument as stored; accepts any letter case for symbols stored upper-case.
Instrument lookup(const PriceStore &store, const QString &symbol)
{
    auto inst = store.instrument(symbol);
    if (!inst) inst = store.instrument(symbol.toUpper());
    if (!inst)
        throw UserError(QStringLiteral("unknown symbol %1: it is not in the cache (see `indexlens "
                                       "list`; import it first)")
                            .arg(symbol));
    return *inst;
}

SymbolSeries loadPrices(const PriceStore &store, const QString &symbol, ReturnBasis basis)
{
    const Instrument inst = lookup(store, symbol);
    if (inst.kind == InstrumentKind::Rate)
        throw UserError(
            QStringLiteral("%1 is a rate, not a price: give it with --rate").arg(inst.symbol));
    return {inst.symbol, store.closes(inst.symbol, basis)};
}

std::optional<SymbolSeries> loadRate(Context &ctx, const PriceStore &store)
{
    const QString symbol = ctx.parser.value(QStringLiteral("rate")).trimmed();
    if (symbol.isEmpty()) return std::nullopt;
    const Instrument inst = lookup(store, symbol);
    if (inst.kind != InstrumentKind::Rate)
        throw UserError(QStringLiteral("--rate %1 is a price (%2), not a rate")
                            .arg(inst.symbol, kindName(inst.kind)));
    return SymbolSeries{inst.symbol, store.rates(inst.symbol)};
}

ReturnBasis basisOf(Context &ctx)
{
    return ctx.parser.isSet(QStringLiteral("price-return")) ? ReturnBasis::Price
                                                            : ReturnBasis::Total;
}

int runImport(Context &ctx)
{
    const QStringList files = ctx.parser.positionalArguments().mid(1);
    if (files.isEmpty()) throw UserError(QStringLiteral("import needs at least one FILE"));
    CsvImportOptions options;
    options.symbol = ctx.parser.value(QStringLiteral("symbol")).trimmed();
    if (ctx.parser.isSet(QStringLiteral("format-in"))) {
        const auto format = formatFromName(ctx.parser.value(QStringLiteral("format-in")));
        if (!format)
            throw UserError(QStringLiteral("--format-in %1: expected auto, yahoo, yfinance, "
                                           "yfinance-multi, stooq, fred, close or symbol-column")
                                .arg(ctx.parser.value(QStringLiteral("format-in"))));
        options.format = *format;
    }
    if (ctx.parser.isSet(QStringLiteral("kind"))) {
        options.kind = kindFromName(ctx.parser.value(QStringLiteral("kind")));
        if (!options.kind)
            throw UserError(QStringLiteral("--kind %1: expected index, etf or rate")
                                .arg(ctx.parser.value(QStringLiteral("kind"))));
    }

    auto db = openDatabase(ctx);
    PriceStore store(*db);
    const auto results = importFiles(store, files, options);

    OutputTable table;
    table.addColumn(QStringLiteral("file"), QStringLiteral("file"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("format"), QStringLiteral("format"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("rows"), QStringLiteral("rows"), OutputTable::Kind::Integer);
    table.addColumn(QStringLiteral("added"), QStringLiteral("added"), OutputTable::Kind::Integer);
    table.addColumn(QStringLiteral("changed"), QStringLiteral("changed"),
                    OutputTable::Kind::Integer);
    table.addColumn(QStringLiteral("unchanged"), QStringLiteral("unchanged"),
                    OutputTable::Kind::Integer);
    table.addColumn(QStringLiteral("note"), QStringLiteral("note"), OutputTable::Kind::Text);
    int failed = 0;
    for (const FileImportResult &result : results) {
        if (result.error) {
            ++failed;
            ctx.err << "indexlens: error: " << result.error->toString() << '\n';
            continue;
        }
        for (const WriteSummary &s : result.summaries) {
            table.addRow({OutputTable::text(result.path), OutputTable::text(s.symbol),
                          OutputTable::text(formatName(result.format)), OutputTable::number(s.rows),
                          OutputTable::number(s.added), OutputTable::number(s.changed),
                          OutputTable::number(s.unchanged),
                          OutputTable::text(s.notes.join(QStringLiteral("; ")))});
        }
    }
    table.write(ctx.out, ctx.format);
    if (failed > 0) {
        ctx.err << "indexlens: " << failed << " of " << results.size()
                << " files refused; nothing of them was written\n";
        return ExitFailure;
    }
    return ExitOk;
}

int runUpdate(Context &ctx)
{
    QStringList symbols;
    for (const QString &arg : ctx.parser.positionalArguments().mid(1))
        for (const QString &s : arg.split(QLatin1Char(','), Qt::SkipEmptyParts))
            symbols << s.trimmed();
    auto db = openDatabase(ctx);
    if (symbols.isEmpty()) {
        for (const InstrumentSummary &s : PriceStore(*db).list())
            symbols << s.instrument.symbol;
        if (symbols.isEmpty())
            throw UserError(QStringLiteral("the cache is empty: name the symbols to download, e.g. "
                                           "indexlens update IWM SPY ^RUT ^GSPC DGS10"));
    }
    symbols.removeDuplicates();

    const auto settings = openAppSettings();
    Updater updater(*db, ProviderSettings::load(*settings));
    const bool terminal = isatty(STDERR_FILENO) != 0;
    const int total = int(symbols.size());
    int done = 0;
    QStringList inFlight;
    auto status = [&] {
        if (terminal && !inFlight.isEmpty())
            ctx.err << "\r\x1b[K[" << done << '/' << total << "] fetching "
                    << inFlight.join(QStringLiteral(", ")) << Qt::flush;
    };
    QObject::connect(&updater, &Updater::symbolStarted,
                     [&](const QString &symbol, const QString &) {
                         inFlight << symbol;
                         status();
                     });
    QObject::connect(&updater, &Updater::symbolFinished, [&](const UpdateOutcome &o) {
        ++done;
        inFlight.removeAll(o.symbol);
        if (terminal) ctx.err << "\r\x1b[K";
        ctx.err << '[' << done << '/' << total << "] " << o.symbol << ": ";
        if (o.ok)
            ctx.err << o.summary.added << " added, " << o.summary.changed << " changed ("
                    << o.provider << (o.full ? QStringLiteral(", full history") : QString())
                    << ")\n";
        else
            ctx.err << "FAILED: "
                    << (o.provider.isEmpty() ? QString() : o.provider + QStringLiteral(": "))
                    << o.error << '\n';
        status();
        ctx.err.flush();
    });
    QEventLoop loop;
    QObject::connect(&updater, &Updater::finished, &loop, &QEventLoop::quit);
    const bool full = ctx.parser.isSet(QStringLiteral("full"));
    QTimer::singleShot(0, &updater, [&] { updater.start(symbols, full); });
    loop.exec();

    OutputTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("provider"), QStringLiteral("provider"),
                    OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("from"), QStringLiteral("from"), OutputTable::Kind::Date);
    table.addColumn(QStringLiteral("added"), QStringLiteral("added"), OutputTable::Kind::Integer);
    table.addColumn(QStringLiteral("changed"), QStringLiteral("changed"),
                    OutputTable::Kind::Integer);
    table.addColumn(QStringLiteral("status"), QStringLiteral("status"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("note"), QStringLiteral("note"), OutputTable::Kind::Text);
    int failed = 0;
    for (const UpdateOutcome &o : updater.outcomes()) {
        failed += o.ok ? 0 : 1;
        table.addRow({OutputTable::text(o.symbol), OutputTable::text(o.provider),
                      OutputTable::date(o.from),
                      o.ok ? OutputTable::number(o.summary.added) : OutputTable::null(),
                      o.ok ? OutputTable::number(o.summary.changed) : OutputTable::null(),
                      OutputTable::text(o.ok ? QStringLiteral("ok") : QStringLiteral("failed")),
                      OutputTable::text(o.ok ? o.notes.join(QStringLiteral("; ")) : o.error)});
    }
    table.write(ctx.out, ctx.format);
    if (failed > 0) {
        ctx.err << "indexlens: " << failed << " of " << total
                << " symbols failed; the cache keeps what it had for them\n";
        return ExitFailure;
    }
    return ExitOk;
}

int runList(Context &ctx)
{
    auto db = openDatabase(ctx);
    const PriceStore store(*db);
    OutputTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("kind"), QStringLiteral("kind"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("first"), QStringLiteral("first"), OutputTable::Kind::Date);
    table.addColumn(QStringLiteral("last"), QStringLiteral("last"), OutputTable::Kind::Date);
    table.addColumn(QStringLiteral("rows"), QStringLiteral("rows"), OutputTable::Kind::Integer);
    table.addColumn(QStringLiteral("source"), QStringLiteral("source"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("name"), QStringLiteral("name"), OutputTable::Kind::Text);
    for (const InstrumentSummary &s : store.list()) {
        table.addRow(
            {OutputTable::text(s.instrument.symbol), OutputTable::text(kindName(s.instrument.kind)),
             OutputTable::date(s.first), OutputTable::date(s.last), OutputTable::number(s.rows),
             OutputTable::text(s.instrument.source), OutputTable::text(s.instrument.name)});
    }
    table.write(ctx.out, ctx.format);
    return ExitOk;
}

Period parsePeriod(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    const auto malformed = [&] {
        return UserError(QStringLiteral("malformed --period %1: expected START:END, e.g. "
                                        "2023-12-29:2024-04-30")
                             .arg(text));
    };
    if (parts.size() != 2) throw malformed();
    try {
        return {parseDateOption(QStringLiteral("period"), parts[0]),
                parseDateOption(QStringLiteral("period"), parts[1])};
    } catch (const UserError &) {
        throw malformed();
    }
}

int runPeriods(Context &ctx)
{
    const QString aSymbol = requiredValue(ctx, QStringLiteral("a"), QStringLiteral("SYM"));
    const QString bSymbol = requiredValue(ctx, QStringLiteral("b"), QStringLiteral("SYM"));
    const QStringList texts = ctx.parser.values(QStringLiteral("period"));
    if (texts.isEmpty())
        throw UserError(QStringLiteral("--period START:END is required (may be repeated)"));
    std::vector<Period> periods;
    for (const QString &text : texts)
        periods.push_back(parsePeriod(text));

    auto db = openDatabase(ctx);
    const PriceStore store(*db);
    const SymbolSeries a = loadPrices(store, aSymbol, basisOf(ctx));
    const SymbolSeries b = loadPrices(store, bSymbol, basisOf(ctx));
    const auto rate = loadRate(ctx, store);
    const auto rows = computePeriods(a, b, rate ? &*rate : nullptr, periods);

    OutputTable table;
    table.addColumn(QStringLiteral("start"), QStringLiteral("start"), OutputTable::Kind::Date);
    table.addColumn(QStringLiteral("end"), QStringLiteral("end"), OutputTable::Kind::Date);
    table.addColumn(QStringLiteral("a_return_pct"), a.symbol + QStringLiteral(" %"),
                    OutputTable::Kind::Percent);
    table.addColumn(QStringLiteral("b_return_pct"), b.symbol + QStringLiteral(" %"),
                    OutputTable::Kind::Percent);
    table.addColumn(QStringLiteral("diff_pct"), QStringLiteral("A-B pp"),
                    OutputTable::Kind::Percent);
    table.addColumn(QStringLiteral("rate_change_bps"),
                    (rate ? rate->symbol : QString()) + QStringLiteral(" bp"),
                    OutputTable::Kind::Bps, bool(rate));
    for (const PeriodRow &row : rows) {
        table.addRow({OutputTable::date(row.start), OutputTable::date(row.end),
                      OutputTable::number(row.aPercent), OutputTable::number(row.bPercent),
                      OutputTable::number(row.diffPoints), OutputTable::number(row.rateBps)});
    }
    table.write(ctx.out, ctx.format);
    return ExitOk;
}

int runMoves(Context &ctx)
{
    const QString aSymbol = requiredValue(ctx, QStringLiteral("a"), QStringLiteral("SYM"));
    const QString bSymbol = requiredValue(ctx, QStringLiteral("b"), QStringLiteral("SYM"));
    const QDate from = requiredDate(ctx, QStringLiteral("from"));
    const QDate to = requiredDate(ctx, QStringLiteral("to"));
    int top = 10;
    if (ctx.parser.isSet(QStringLiteral("top"))) {
        bool ok = false;
        top = ctx.parser.value(QStringLiteral("top")).toInt(&ok);
        if (!ok || top < 1)
            throw UserError(QStringLiteral("--top %1: expected a whole number of at least 1")
                                .arg(ctx.parser.value(QStringLiteral("top"))));
    }
    MoveRanking ranking = MoveRanking::ByA;
    const QString by = ctx.parser.value(QStringLiteral("by")).trimmed().toLower();
    if (by == QLatin1String("spread"))
        ranking = MoveRanking::BySpread;
    else if (!by.isEmpty() && by != QLatin1String("a"))
        throw UserError(QStringLiteral("--by %1: expected a or spread").arg(by));

    auto db = openDatabase(ctx);
    const PriceStore store(*db);
    const SymbolSeries a = loadPrices(store, aSymbol, basisOf(ctx));
    const SymbolSeries b = loadPrices(store, bSymbol, basisOf(ctx));
    const auto rate = loadRate(ctx, store);
    const auto rows = largestMoves(a, b, rate ? &*rate : nullptr, from, to, top, ranking);

    OutputTable table;
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), OutputTable::Kind::Date);
    table.addColumn(QStringLiteral("a_return_pct"), a.symbol + QStringLiteral(" %"),
                    OutputTable::Kind::Percent);
    table.addColumn(QStringLiteral("b_return_pct"), b.symbol + QStringLiteral(" %"),
                    OutputTable::Kind::Percent);
    table.addColumn(QStringLiteral("spread_pct"), QStringLiteral("A-B pp"),
                    OutputTable::Kind::Percent);
    table.addColumn(QStringLiteral("rate_change_bps"),
                    (rate ? rate->symbol : QString()) + QStringLiteral(" bp"),
                    OutputTable::Kind::Bps, bool(rate));
    table.addColumn(QStringLiteral("widest_spread_since"), QStringLiteral("widest spread since"),
                    OutputTable::Kind::Date);
    for (const MoveRow &row : rows) {
        table.addRow({OutputTable::date(row.date), OutputTable::number(row.aPercent),
                      OutputTable::number(row.bPercent), OutputTable::number(row.spreadPoints),
                      OutputTable::number(row.rateBps), OutputTable::date(row.widestSpreadSince)});
    }
    table.write(ctx.out, ctx.format);
    return ExitOk;
}

int runReturns(Context &ctx)
{
    QStringList symbols;
    for (const QString &value : ctx.parser.values(QStringLiteral("symbols")))
        for (const QString &s : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            symbols << s.trimmed();
    if (symbols.isEmpty()) throw UserError(QStringLiteral("--symbols A,B,C is required"));
    const bool ytd = ctx.parser.isSet(QStringLiteral("ytd-as-of"));
    const bool range =
        ctx.parser.isSet(QStringLiteral("from")) || ctx.parser.isSet(QStringLiteral("to"));
    if (ytd == range)
        throw UserError(QStringLiteral("give either --from DATE --to DATE or --ytd-as-of DATE"));

    QDate from, to, asOf;
    if (ytd) {
        asOf = parseDateOption(QStringLiteral("ytd-as-of"),
                               ctx.parser.value(QStringLiteral("ytd-as-of")));
    } else {
        from = requiredDate(ctx, QStringLiteral("from"));
        to = requiredDate(ctx, QStringLiteral("to"));
    }

    auto db = openDatabase(ctx);
    const PriceStore store(*db);
    std::vector<SymbolSeries> series;
    for (const QString &symbol : symbols)
        series.push_back(loadPrices(store, symbol, basisOf(ctx)));
    const auto rows = ytd ? computeYearToDate(series, asOf) : computeReturns(series, from, to);

    OutputTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), OutputTable::Kind::Text);
    table.addColumn(QStringLiteral("start"), QStringLiteral("start"), OutputTable::Kind::Date);
    table.addColumn(QStringLiteral("end"), QStringLiteral("end"), OutputTable::Kind::Date);
    table.addColumn(QStringLiteral("return_pct"), QStringLiteral("return %"),
                    OutputTable::Kind::Percent);
    for (const ReturnRow &row : rows) {
        table.addRow({OutputTable::text(row.symbol), OutputTable::date(row.start),
                      OutputTable::date(row.end), OutputTable::number(row.percent)});
    }
    table.write(ctx.out, ctx.format);
    return ExitOk;
}

using Option = QCommandLineOption;

void addCommandOptions(QCommandLineParser &parser, const QString &command)
{
    const Option priceReturn(QStringLiteral("price-return"),
                             QStringLiteral("Price return (close) instead of total return."));
    const Option a(QStringLiteral("a"), QStringLiteral("Series A (e.g. IWM)."),
                   QStringLiteral("SYM"));
    const Option b(QStringLiteral("b"), QStringLiteral("Series B (e.g. SPY)."),
                   QStringLiteral("SYM"));
    const Option rate(QStringLiteral("rate"), QStringLiteral("A rate (e.g. DGS10)."),
                      QStringLiteral("SYM"));
    const Option from(QStringLiteral("from"), QStringLiteral("First date."),
                      QStringLiteral("DATE"));
    const Option to(QStringLiteral("to"), QStringLiteral("Last date."), QStringLiteral("DATE"));
    if (command == QLatin1String("import")) {
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("CSV files."),
                                     QStringLiteral("FILE..."));
        parser.addOption(Option(QStringLiteral("symbol"),
                                QStringLiteral("Symbol when the file names none (else from the "
                                               "file name)."),
                                QStringLiteral("SYM")));
        parser.addOption(Option(QStringLiteral("format-in"),
                                QStringLiteral("auto (default), yahoo, yfinance, yfinance-multi, "
                                               "stooq, fred, close or symbol-column."),
                                QStringLiteral("FORMAT")));
        parser.addOption(Option(QStringLiteral("kind"),
                                QStringLiteral("index, etf or rate (default: catalog, else the "
                                               "symbol's form)."),
                                QStringLiteral("KIND")));
    } else if (command == QLatin1String("update")) {
        parser.addPositionalArgument(
            QStringLiteral("SYM"), QStringLiteral("Symbols (default: every symbol in the cache)."),
            QStringLiteral("[SYM...]"));
        parser.addOption(Option(QStringLiteral("full"),
                                QStringLiteral("Fetch the whole history, not only what is new.")));
    } else if (command == QLatin1String("periods")) {
        parser.addOptions({a, b, rate, priceReturn});
        parser.addOption(Option(QStringLiteral("period"),
                                QStringLiteral("A period START:END; repeat for more rows."),
                                QStringLiteral("START:END")));
    } else if (command == QLatin1String("moves")) {
        parser.addOptions({a, b, rate, from, to, priceReturn});
        parser.addOption(Option(QStringLiteral("top"), QStringLiteral("Number of days (10)."),
                                QStringLiteral("N")));
        parser.addOption(Option(QStringLiteral("by"),
                                QStringLiteral("Rank by |A| (a, default) or |A - B| (spread)."),
                                QStringLiteral("a|spread")));
    } else if (command == QLatin1String("returns")) {
        parser.addOptions({from, to, priceReturn});
        parser.addOption(Option(QStringLiteral("symbols"),
                                QStringLiteral("Comma-separated symbols."),
                                QStringLiteral("A,B,C")));
        parser.addOption(Option(QStringLiteral("ytd-as-of"),
                                QStringLiteral("Year to date as of DATE (from the last close of "
                                               "the previous year)."),
                                QStringLiteral("DATE")));
    }
}

} // namespace

QString subCommand(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == QLatin1String("--"))
            return i + 1 < arguments.size() ? arguments[i + 1] : QString();
        if (arg.startsWith(QLatin1Char('-'))) {
            QString name = arg;
            while (name.startsWith(QLatin1Char('-')))
                name.remove(0, 1);
            if (!name.contains(QLatin1Char('=')) && kValueOptions.contains(name))
                ++i; // skip the option's value
            continue;
        }
        return arg;
    }
    return QString();
}

bool isHeadless(const QStringList &arguments)
{
    if (!subCommand(arguments).isEmpty()) return true;
    for (const QString &arg : arguments.mid(1))
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h") ||
            arg == QLatin1String("--version") || arg == QLatin1String("-v"))
            return true;
    return false;
}

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString command = subCommand(arguments);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const Option db(QStringLiteral("db"), QStringLiteral("The cache file."),
                    QStringLiteral("PATH"));
    const Option format(QStringLiteral("format"), QStringLiteral("text, csv or json."),
                        QStringLiteral("FMT"));
    const Option help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("This help."));
    const Option version({QStringLiteral("v"), QStringLiteral("version")},
                         QStringLiteral("The version."));
    parser.addOptions({db, format, help, version});
    if (!command.isEmpty() && !kCommands.contains(command)) {
        err << "indexlens: unknown command '" << command
            << "' (commands: " << kCommands.join(QStringLiteral(", ")) << ")\n";
        return ExitUsage;
    }
    addCommandOptions(parser, command);

    if (!parser.parse(arguments)) {
        err << "indexlens: " << parser.errorText() << " (see indexlens "
            << (command.isEmpty() ? QString() : command + QLatin1Char(' ')) << "--help)\n";
        return ExitUsage;
    }
    if (parser.isSet(version)) {
        out << "indexlens " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    if (parser.isSet(help) || command.isEmpty()) {
        if (command.isEmpty()) {
            out << generalHelp();
        } else {
            QString text = parser.helpText();
            text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                         QStringLiteral("Usage: indexlens ") + command);
            out << text;
        }
        return ExitOk;
    }
    if (command != QLatin1String("import") && command != QLatin1String("update") &&
        parser.positionalArguments().size() > 1) {
        err << "indexlens: " << command << " takes no argument '"
            << parser.positionalArguments().at(1) << "'\n";
        return ExitUsage;
    }

    Context ctx{parser, out, err, OutputFormat::Text, QString()};
    const QString formatText = parser.value(format).trimmed().toLower();
    if (formatText == QLatin1String("csv"))
        ctx.format = OutputFormat::Csv;
    else if (formatText == QLatin1String("json"))
        ctx.format = OutputFormat::Json;
    else if (!formatText.isEmpty() && formatText != QLatin1String("text")) {
        err << "indexlens: --format " << formatText << ": expected text, csv or json\n";
        return ExitUsage;
    }
    ctx.dbPath = parser.isSet(db) ? parser.value(db) : Database::defaultPath();

    static const std::map<QString, std::function<int(Context &)>> handlers = {
        {QStringLiteral("import"), runImport}, {QStringLiteral("update"), runUpdate},
        {QStringLiteral("list"), runList},     {QStringLiteral("periods"), runPeriods},
        {QStringLiteral("moves"), runMoves},   {QStringLiteral("returns"), runReturns},
    };
    try {
        return handlers.at(command)(ctx);
    } catch (const UserError &e) {
        err << "indexlens: " << e.message() << '\n';
        return ExitUsage;
    } catch (const std::runtime_error &e) {
        err << "indexlens: " << QString::fromStdString(e.what()) << '\n';
        return ExitFailure;
    }
}

} // namespace indexlens
