// SPDX-License-Identifier: GPL-3.0-or-later
// The commands that fill and show the cache: import, update, list.
#include "CommandRegistry.h"
#include "core/AppSettings.h"
#include "core/Counted.h"
#include "core/DataChecks.h"
#include "import/ImportBatch.h"
#include "providers/Updater.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <unistd.h>

namespace indexlens {

namespace {

int runImport(CommandContext &ctx)
{
    const QStringList files = ctx.arguments();
    if (files.isEmpty()) throw UserError(QStringLiteral("import needs at least one FILE"));
    CsvImportOptions options;
    options.symbol = ctx.value(QStringLiteral("symbol")).trimmed();
    // Both among their choices (the registry refused anything else).
    if (ctx.isSet(QStringLiteral("format-in")))
        options.format =
            formatFromName(ctx.value(QStringLiteral("format-in"))).value_or(CsvFormat::Auto);
    if (ctx.isSet(QStringLiteral("kind")))
        options.kind = kindFromName(ctx.value(QStringLiteral("kind")));

    auto db = ctx.openDatabase();
    PriceStore store(*db);
    const auto results = importFiles(store, files, options);

    ResultTable table;
    table.addColumn(QStringLiteral("file"), QStringLiteral("file"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("format"), QStringLiteral("format"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("rows"), QStringLiteral("rows"), ResultTable::Kind::Integer);
    table.addColumn(QStringLiteral("added"), QStringLiteral("added"), ResultTable::Kind::Integer);
    table.addColumn(QStringLiteral("changed"), QStringLiteral("changed"),
                    ResultTable::Kind::Integer);
    table.addColumn(QStringLiteral("unchanged"), QStringLiteral("unchanged"),
                    ResultTable::Kind::Integer);
    table.addColumn(QStringLiteral("note"), QStringLiteral("note"), ResultTable::Kind::Text);
    int failed = 0;
    for (const FileImportResult &result : results) {
        if (result.error) {
            ++failed;
            ctx.err << "indexlens: error: " << result.error->toString() << '\n';
            continue;
        }
        for (const WriteSummary &s : result.summaries) {
            table.addRow({ResultTable::text(result.path), ResultTable::text(s.symbol),
                          ResultTable::text(formatName(result.format)), ResultTable::number(s.rows),
                          ResultTable::number(s.added), ResultTable::number(s.changed),
                          ResultTable::number(s.unchanged),
                          ResultTable::text(s.notes.join(QStringLiteral("; ")))});
        }
    }
    table.write(ctx.out, ctx.format);
    if (failed > 0) {
        ctx.err << "indexlens: " << refusedFiles(int(failed), int(results.size())) << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

// What `update` says while it runs: on a terminal one live line ("[1/3] fetching SPY (attempt 2
// of 3)"), and a line per symbol done; in a log also a line per retry, so that a server that
// accepts and never answers shows as such (issue #21).
class UpdateProgress {
public:
    UpdateProgress(Updater &updater, QTextStream &err, int total)
        : m_err(err), m_terminal(isatty(STDERR_FILENO) != 0), m_total(total)
    {
        QObject::connect(&updater, &Updater::symbolStarted,
                         [this](const QString &symbol, const QString &) {
                             m_inFlight << symbol;
                             show();
                         });
        QObject::connect(&updater, &Updater::attemptStarted,
                         [this](const QString &symbol, int attempt, int maxAttempts) {
                             retried(symbol, attempt, maxAttempts);
                         });
        QObject::connect(&updater, &Updater::symbolFinished,
                         [this](const UpdateOutcome &o) { finished(o); });
    }

private:
    void show()
    {
        if (m_terminal && !m_inFlight.isEmpty())
            m_err << "\r\x1b[K[" << m_done << '/' << m_total << "] fetching "
                  << m_inFlight.join(QStringLiteral(", ")) << Qt::flush;
    }
    bool isOf(const QString &entry, const QString &symbol) const
    {
        return entry == symbol || entry.startsWith(symbol + QStringLiteral(" ("));
    }
    void retried(const QString &symbol, int attempt, int maxAttempts)
    {
        if (attempt < 2) return;
        const QString retry =
            QStringLiteral("%1 (attempt %2 of %3)").arg(symbol).arg(attempt).arg(maxAttempts);
        for (QString &entry : m_inFlight)
            if (isOf(entry, symbol)) entry = retry;
        if (m_terminal)
            show();
        else
            m_err << '[' << m_done << '/' << m_total << "] " << retry << '\n' << Qt::flush;
    }
    void finished(const UpdateOutcome &o)
    {
        ++m_done;
        m_inFlight.removeIf([&](const QString &entry) { return isOf(entry, o.symbol); });
        if (m_terminal) m_err << "\r\x1b[K";
        m_err << '[' << m_done << '/' << m_total << "] " << o.symbol << ": ";
        if (o.ok)
            m_err << o.summary.added << " added, " << o.summary.changed << " changed ("
                  << o.provider << (o.full ? QStringLiteral(", full history") : QString()) << ")\n";
        else
            m_err << "FAILED: "
                  << (o.provider.isEmpty() ? QString() : o.provider + QStringLiteral(": "))
                  << o.error << '\n';
        show();
        m_err.flush();
    }

    QTextStream &m_err;
    const bool m_terminal;
    const int m_total;
    int m_done = 0;
    QStringList m_inFlight;
};

// The outcome table of `update` and its exit status.
int writeOutcomes(CommandContext &ctx, const std::vector<UpdateOutcome> &outcomes, int total);

int runUpdate(CommandContext &ctx)
{
    QStringList symbols;
    for (const QString &arg : ctx.arguments())
        for (const QString &s : arg.split(QLatin1Char(','), Qt::SkipEmptyParts))
            symbols << s.trimmed();
    auto db = ctx.openDatabase();
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
    const int total = int(symbols.size());
    UpdateProgress progress(updater, ctx.err, total); // reports through its connections
    QEventLoop loop;
    QObject::connect(&updater, &Updater::finished, &loop, &QEventLoop::quit);
    const bool full = ctx.isSet(QStringLiteral("full"));
    QTimer::singleShot(0, &updater, [&] { updater.start(symbols, full); });
    loop.exec();

    return writeOutcomes(ctx, updater.outcomes(), total);
}

int writeOutcomes(CommandContext &ctx, const std::vector<UpdateOutcome> &outcomes, int total)
{
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("provider"), QStringLiteral("provider"),
                    ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("from"), QStringLiteral("from"), ResultTable::Kind::Date);
    table.addColumn(QStringLiteral("added"), QStringLiteral("added"), ResultTable::Kind::Integer);
    table.addColumn(QStringLiteral("changed"), QStringLiteral("changed"),
                    ResultTable::Kind::Integer);
    table.addColumn(QStringLiteral("status"), QStringLiteral("status"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("note"), QStringLiteral("note"), ResultTable::Kind::Text);
    int failed = 0;
    for (const UpdateOutcome &o : outcomes) {
        failed += o.ok ? 0 : 1;
        table.addRow({ResultTable::text(o.symbol), ResultTable::text(o.provider),
                      ResultTable::date(o.from),
                      o.ok ? ResultTable::number(o.summary.added) : ResultTable::null(),
                      o.ok ? ResultTable::number(o.summary.changed) : ResultTable::null(),
                      ResultTable::text(o.ok ? QStringLiteral("ok") : QStringLiteral("failed")),
                      ResultTable::text(o.ok ? o.notes.join(QStringLiteral("; ")) : o.error)});
    }
    table.write(ctx.out, ctx.format);
    if (failed > 0) {
        ctx.err << "indexlens: " << failed << " of " << total
                << " symbols failed; the cache keeps what it had for them\n";
        return ExitFailure;
    }
    return ExitOk;
}

int runList(CommandContext &ctx)
{
    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("symbol"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("kind"), QStringLiteral("kind"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("first"), QStringLiteral("first"), ResultTable::Kind::Date);
    table.addColumn(QStringLiteral("last"), QStringLiteral("last"), ResultTable::Kind::Date);
    table.addColumn(QStringLiteral("rows"), QStringLiteral("rows"), ResultTable::Kind::Integer);
    table.addColumn(QStringLiteral("source"), QStringLiteral("source"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("name"), QStringLiteral("name"), ResultTable::Kind::Text);
    // Counted from the cached closes at every run, so the mark outlives the import's note and
    // holds for data from any import or update (issue #21). None for rates: a yield near zero
    // can double in a day.
    table.addColumn(QStringLiteral("implausible_moves"), QStringLiteral("implausible"),
                    ResultTable::Kind::Integer);
    bool marked = false;
    for (const InstrumentSummary &s : store.list()) {
        const bool rate = s.instrument.kind == InstrumentKind::Rate;
        const int moves = rate ? 0 : store.implausibleMoveCount(s.instrument.symbol);
        marked = marked || moves > 0;
        table.addRow({ResultTable::text(s.instrument.symbol),
                      ResultTable::text(kindName(s.instrument.kind)), ResultTable::date(s.first),
                      ResultTable::date(s.last), ResultTable::number(s.rows),
                      ResultTable::text(s.instrument.source), ResultTable::text(s.instrument.name),
                      rate ? ResultTable::null() : ResultTable::number(moves)});
    }
    table.write(ctx.out, ctx.format);
    if (marked && ctx.format == OutputFormat::Text)
        ctx.out << "implausible: daily moves beyond " << implausibleMoveRule()
                << " in the cached closes (adjusted where present): check the data\n";
    return ExitOk;
}

} // namespace

void registerDataCommands(CommandRegistry &registry)
{
    registry.add(
        {QStringLiteral("import"),
         QStringLiteral("[--symbol SYM] [--format-in FORMAT] [--kind index|etf|rate]"),
         QStringLiteral("Import CSV files (Yahoo, yfinance, Stooq, FRED, Date+Close) into the "
                        "cache."),
         QStringLiteral("FILE..."),
         {{QStringLiteral("symbol"), QStringLiteral("SYM"),
           QStringLiteral("Symbol when the file names none (else from the file name).")},
          {QStringLiteral("format-in"),
           QStringLiteral("FORMAT"),
           QStringLiteral("auto (default), yahoo, yfinance, yfinance-multi, stooq, fred, close "
                          "or symbol-column."),
           {QStringLiteral("auto"), QStringLiteral("yahoo"), QStringLiteral("yfinance"),
            QStringLiteral("yfinance-multi"), QStringLiteral("stooq"), QStringLiteral("fred"),
            QStringLiteral("close"), QStringLiteral("symbol-column")}},
          {QStringLiteral("kind"),
           QStringLiteral("KIND"),
           QStringLiteral("index, etf or rate (default: catalog, else the symbol's form)."),
           {QStringLiteral("index"), QStringLiteral("etf"), QStringLiteral("rate")}}},
         false,
         runImport,
         true});
    registry.add(
        {QStringLiteral("update"),
         QStringLiteral("[--full]"),
         QStringLiteral("Download new data for the symbols (every cached symbol when none is "
                        "named): Yahoo Finance for indices and ETFs, the US Treasury for "
                        "DGS2/DGS10/T10Y2Y, FRED for other rates. Exit status 1 if any symbol "
                        "failed."),
         QStringLiteral("[SYM...]"),
         {{QStringLiteral("full"), QString(),
           QStringLiteral("Fetch the whole history, not only what is new.")}},
         false,
         runUpdate,
         true});
    registry.add({QStringLiteral("list"),
                  QString(),
                  QStringLiteral("Symbols in the cache with kind, first and last date, rows and "
                                 "how many daily moves are implausible (a glitch to check)."),
                  QString(),
                  {},
                  false,
                  runList});
}

} // namespace indexlens
