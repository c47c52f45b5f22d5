#include "ExportCommand.h"

#include "ChartExporter.h"
#include "cli/CommandLine.h"
#include "core/UserError.h"
#include "import/TextFields.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

namespace indexlens {

namespace {

QDate dateOption(const QCommandLineParser &parser, const QString &name, bool required)
{
    const QString text = parser.value(name).trimmed();
    if (text.isEmpty()) {
        if (required) throw UserError(QStringLiteral("--%1 DATE is required").arg(name));
        return {};
    }
    const QByteArray bytes = text.toLatin1();
    const auto date =
        bytes.size() == 10 ? parseIsoDate(std::string_view(bytes.constData(), 10)) : std::nullopt;
    if (!date)
        throw UserError(
            QStringLiteral("--%1 %2 is not a date (expected YYYY-MM-DD)").arg(name, text));
    return *date;
}

int intOption(const QCommandLineParser &parser, const QString &name, int fallback, int lo, int hi)
{
    if (!parser.isSet(name)) return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < lo || value > hi)
        throw UserError(QStringLiteral("--%1 %2: expected a whole number from %3 to %4")
                            .arg(name, parser.value(name))
                            .arg(lo)
                            .arg(hi));
    return value;
}

} // namespace

int runExportCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QList<QCommandLineOption> options = {
        {QStringLiteral("db"), QStringLiteral("The cache file."), QStringLiteral("PATH")},
        {QStringLiteral("format"), QStringLiteral("Ignored (the output is a PNG)."),
         QStringLiteral("FMT")},
        {QStringLiteral("chart"), QStringLiteral("ratio, rebased, relative, spread or all."),
         QStringLiteral("KIND")},
        {QStringLiteral("a"), QStringLiteral("Series A."), QStringLiteral("SYM")},
        {QStringLiteral("b"), QStringLiteral("Series B."), QStringLiteral("SYM")},
        {QStringLiteral("rate"), QStringLiteral("Rate overlay (e.g. DGS10)."),
         QStringLiteral("SYM")},
        {QStringLiteral("from"), QStringLiteral("First date shown."), QStringLiteral("DATE")},
        {QStringLiteral("to"), QStringLiteral("Last date shown."), QStringLiteral("DATE")},
        {QStringLiteral("rebase"), QStringLiteral("Rebase day (default: the close before --from)."),
         QStringLiteral("DATE")},
        {QStringLiteral("out"), QStringLiteral("The PNG file to write."), QStringLiteral("FILE")},
        {QStringLiteral("width"), QStringLiteral("Width in pixels (1600)."), QStringLiteral("W")},
        {QStringLiteral("height"), QStringLiteral("Height in pixels (900)."), QStringLiteral("H")},
        {QStringLiteral("scale"), QStringLiteral("1 or 2 (pixel density)."), QStringLiteral("S")},
        {QStringLiteral("title"), QStringLiteral("Title (default: A vs B)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("log"), QStringLiteral("Log scale for the ratio and rebased charts.")},
        {QStringLiteral("dark"), QStringLiteral("Dark theme.")},
        {QStringLiteral("price-return"), QStringLiteral("Price return instead of total return.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("This help.")},
    };
    parser.addOptions(options);
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("Write a PNG chart."));
    if (!parser.parse(arguments)) {
        err << "indexlens: " << parser.errorText() << " (see indexlens export --help)\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText().replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                                         QStringLiteral("Usage: indexlens export"));
        return ExitOk;
    }
    try {
        static const QHash<QString, std::vector<ChartKind>> kinds = {
            {QStringLiteral("ratio"), {ChartKind::Ratio}},
            {QStringLiteral("rebased"), {ChartKind::Rebased}},
            {QStringLiteral("relative"), {ChartKind::Relative}},
            {QStringLiteral("spread"), {ChartKind::Spread}},
            {QStringLiteral("all"),
             {ChartKind::Ratio, ChartKind::Rebased, ChartKind::Relative, ChartKind::Spread}},
        };
        const QString chart = parser.value(QStringLiteral("chart")).trimmed().toLower();
        if (!kinds.contains(chart))
            throw UserError(
                QStringLiteral("--chart %1: expected ratio, rebased, relative, spread or all")
                    .arg(chart.isEmpty() ? QStringLiteral("(missing)") : chart));
        const QString a = parser.value(QStringLiteral("a")).trimmed();
        const QString b = parser.value(QStringLiteral("b")).trimmed();
        if (a.isEmpty() || b.isEmpty())
            throw UserError(QStringLiteral("--a SYM and --b SYM are required"));
        const QString outPath = parser.value(QStringLiteral("out")).trimmed();
        if (outPath.isEmpty()) throw UserError(QStringLiteral("--out FILE.png is required"));
        const QDate from = dateOption(parser, QStringLiteral("from"), true);
        const QDate to = dateOption(parser, QStringLiteral("to"), true);
        if (to <= from) throw UserError(QStringLiteral("--to must be after --from"));
        const QDate rebase = dateOption(parser, QStringLiteral("rebase"), false);
        ExportOptions options;
        options.width = intOption(parser, QStringLiteral("width"), 1600, 320, 8000);
        options.height = intOption(parser, QStringLiteral("height"), 900, 200, 8000);
        options.scale = intOption(parser, QStringLiteral("scale"), 1, 1, 3);
        options.logScale = parser.isSet(QStringLiteral("log"));
        options.dark = parser.isSet(QStringLiteral("dark"));

        QString error;
        const QString dbPath = parser.isSet(QStringLiteral("db"))
                                   ? parser.value(QStringLiteral("db"))
                                   : Database::defaultPath();
        QStringList notes;
        auto db = Database::open(dbPath, &error, &notes);
        for (const QString &note : notes)
            err << "indexlens: note: " << note << '\n';
        if (!db) {
            err << "indexlens: " << error << '\n';
            return ExitFailure;
        }
        const PriceStore store(*db);
        const QStringList rates =
            parser.value(QStringLiteral("rate")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const PairData pair = PairData::load(
            store, a, b, rates,
            parser.isSet(QStringLiteral("price-return")) ? ReturnBasis::Price : ReturnBasis::Total);
        if (from < pair.first() || from > pair.last())
            throw UserError(
                QStringLiteral("--from %1 is outside the common data of %2 and %3 (%4 to %5)")
                    .arg(from.toString(Qt::ISODate), a, b, pair.first().toString(Qt::ISODate),
                         pair.last().toString(Qt::ISODate)));
        const QDate end = std::min(to, pair.last());
        options.title = parser.isSet(QStringLiteral("title"))
                            ? parser.value(QStringLiteral("title"))
                            : QStringLiteral("%1 vs %2, %3 to %4")
                                  .arg(a, b, from.toString(Qt::ISODate), end.toString(Qt::ISODate));
        options.sourceLine = dataSourceLine(store, QStringList{a, b} + rates, end);
        const QImage image =
            renderCharts(pair, kinds.value(chart), from, end,
                         rebase.isValid() ? std::optional<QDate>(rebase) : std::nullopt, options);
        if (!image.save(outPath, "PNG")) {
            err << "indexlens: cannot write " << outPath << '\n';
            return ExitFailure;
        }
        out << QFileInfo(outPath).absoluteFilePath() << " (" << image.width() << 'x'
            << image.height() << ")\n";
        return ExitOk;
    } catch (const UserError &e) {
        err << "indexlens: " << e.message() << '\n';
        return ExitUsage;
    }
}

} // namespace indexlens
