// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandRegistry.h"

#include "analysis/PeriodText.h"
#include "core/TextFields.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>

namespace indexlens {

namespace {

QString optionSyntax(const CommandOption &o)
{
    return QStringLiteral("--") + o.name +
           (o.valueName.isEmpty() ? QString() : QLatin1Char(' ') + o.valueName);
}

// "  --top N           Number of days (10)." lines, aligned.
QString optionLines(const std::vector<CommandOption> &options)
{
    int width = 0;
    for (const CommandOption &o : options)
        width = std::max(width, int(optionSyntax(o).size()));
    QString text;
    for (const CommandOption &o : options)
        text += QStringLiteral("  ") + optionSyntax(o).leftJustified(width + 2) + o.description +
                QLatin1Char('\n');
    return text;
}

bool isHelpOrVersion(const QString &arg)
{
    return arg == QLatin1String("--help") || arg == QLatin1String("-h") ||
           arg == QLatin1String("--version") || arg == QLatin1String("-v");
}

} // namespace

void CommandRegistry::add(Command command)
{
    m_commands.push_back(std::move(command));
}

const Command *CommandRegistry::find(const QString &name) const
{
    for (const Command &c : m_commands)
        if (c.name == name) return &c;
    return nullptr;
}

const std::vector<CommandOption> &CommandRegistry::globalOptions()
{
    static const std::vector<CommandOption> options = {
        {QStringLiteral("db"), QStringLiteral("PATH"),
         QStringLiteral("The cache file (default: $INDEXLENS_DB, else the settings' cache).")},
        {QStringLiteral("format"),
         QStringLiteral("FMT"),
         QStringLiteral("text (default, rounded), csv or json (unrounded)."),
         {QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("json")}},
        {QStringLiteral("help"), QString(),
         QStringLiteral("This help; `indexlens COMMAND --help` for one command.")},
        {QStringLiteral("version"), QString(), QStringLiteral("The version.")},
    };
    return options;
}

QStringList CommandRegistry::valueOptions() const
{
    QStringList names;
    for (const CommandOption &o : globalOptions())
        if (!o.valueName.isEmpty()) names << o.name;
    for (const Command &c : m_commands)
        for (const CommandOption &o : c.options)
            if (!o.valueName.isEmpty()) names << o.name;
    return names;
}

QString CommandRegistry::commandName(const QStringList &arguments) const
{
    const QStringList withValue = valueOptions();
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == QLatin1String("--"))
            return i + 1 < arguments.size() ? arguments[i + 1] : QString();
        if (arg.startsWith(QLatin1Char('-'))) {
            QString name = arg;
            while (name.startsWith(QLatin1Char('-')))
                name.remove(0, 1);
            if (!name.contains(QLatin1Char('=')) && withValue.contains(name))
                ++i; // skip the option's value
            continue;
        }
        return arg;
    }
    return QString();
}

bool CommandRegistry::isHeadless(const QStringList &arguments) const
{
    if (!commandName(arguments).isEmpty()) return true;
    return std::any_of(arguments.begin() + std::min<qsizetype>(1, arguments.size()),
                       arguments.end(), isHelpOrVersion);
}

QString CommandRegistry::dbOption(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--db") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(QLatin1String("--db="))) return arguments[i].mid(5);
    }
    return QString();
}

QString CommandRegistry::generalHelp() const
{
    QString text = QStringLiteral(
        "Usage: indexlens [--db PATH] [--format text|csv|json] <command> [options]\n\n"
        "Small caps vs large caps: ratios, relative returns and Treasury yields.\n"
        "With no command, opens the window.\n\nCommands:\n");
    for (const Command &c : m_commands) {
        QString line = QStringLiteral("  ") + c.name;
        if (!c.positional.isEmpty()) line += QLatin1Char(' ') + c.positional;
        if (!c.synopsis.isEmpty()) line += QLatin1Char(' ') + c.synopsis;
        text += line + QStringLiteral("\n      ") + c.summary + QLatin1Char('\n');
    }
    text += QStringLiteral("\nGlobal options:\n") + optionLines(globalOptions());
    text += QStringLiteral(
        "\nDates are YYYY-MM-DD. A range FROM..TO runs from the close of the last trading day on "
        "or before FROM\n(its base day) to the close of the last trading day on or before TO: "
        "--period 2023-06-30:2023-10-31\ngives IWB -5.52 %, IWM -11.74 %, 10y +107 bp, as FTSE "
        "Russell's note. A series gets no number for\ndays its data do not cover (empty, null in "
        "JSON). Returns are total returns (adjusted close)\nunless --price-return, and price "
        "where a series holds no distributions (^GSPC, ^RUT).\nExit status: 0 done, 1 a file or "
        "the cache failed, 2 a request that cannot be answered.\n");
    return text;
}

QString CommandRegistry::commandHelp(const Command &c) const
{
    QString text = QStringLiteral("Usage: indexlens ") + c.name;
    if (!c.positional.isEmpty()) text += QLatin1Char(' ') + c.positional;
    if (!c.synopsis.isEmpty()) text += QLatin1Char(' ') + c.synopsis;
    text += QStringLiteral("\n\n") + c.summary + QStringLiteral("\n\nOptions:\n") +
            optionLines(c.options) + QStringLiteral("\nGlobal options:\n") +
            optionLines(globalOptions());
    return text;
}

namespace {

// "a, b or c"
QString alternatives(const QStringList &choices)
{
    if (choices.size() < 2) return choices.join(QString());
    return choices.mid(0, choices.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") +
           choices.back();
}

// What is wrong with an option's value, or empty. "--rate --from 2024-01-02" gives --rate the
// value "--from": QCommandLineParser takes the next word whatever it is, and the error came later
// as a stray argument (issue #14, 7); a value that starts with "--" is the next option. A value
// outside the option's choices is named with them, for every option alike.
// The options a command takes: the global ones, but where the command has its own of that name
// (render's --format png|svg|pdf), then the command's.
std::vector<CommandOption> optionsOf(const Command *command)
{
    std::vector<CommandOption> options;
    for (const CommandOption &o : CommandRegistry::globalOptions()) {
        const bool shadowed =
            command && std::any_of(command->options.begin(), command->options.end(),
                                   [&](const CommandOption &c) { return c.name == o.name; });
        if (!shadowed) options.push_back(o);
    }
    if (command) options.insert(options.end(), command->options.begin(), command->options.end());
    return options;
}

QString badOptionValue(const QCommandLineParser &parser, const Command *command)
{
    const std::vector<CommandOption> options = optionsOf(command);
    for (const CommandOption &o : options) {
        if (o.valueName.isEmpty() || !parser.isSet(o.name)) continue;
        for (const QString &value : parser.values(o.name)) {
            if (value.startsWith(QLatin1String("--")))
                return QStringLiteral("--%1 needs a value (%2), not the option %3")
                    .arg(o.name, o.valueName, value);
            const QString chosen = value.trimmed().toLower();
            if (!o.choices.isEmpty() && !o.choices.contains(chosen))
                return QStringLiteral("--%1 %2: expected %3")
                    .arg(o.name, chosen.isEmpty() ? QStringLiteral("(empty)") : chosen,
                         alternatives(o.choices));
        }
    }
    return {};
}

} // namespace

int CommandRegistry::run(const QStringList &arguments, QTextStream &out, QTextStream &err) const
{
    const QString name = commandName(arguments);
    const Command *command = find(name);
    if (!name.isEmpty() && !command) {
        QStringList names;
        for (const Command &c : m_commands)
            names << c.name;
        err << "indexlens: unknown command '" << name
            << "' (commands: " << names.join(QStringLiteral(", ")) << ")\n";
        return ExitUsage;
    }
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    auto addOption = [&](const CommandOption &o) {
        QStringList names{o.name};
        if (o.name == QLatin1String("help") || o.name == QLatin1String("version"))
            names.prepend(o.name.left(1));
        parser.addOption(QCommandLineOption(names, o.description, o.valueName));
    };
    for (const CommandOption &o : optionsOf(command))
        addOption(o);
    if (!parser.parse(arguments)) {
        err << "indexlens: " << parser.errorText() << " (see indexlens "
            << (name.isEmpty() ? QString() : name + QLatin1Char(' ')) << "--help)\n";
        return ExitUsage;
    }
    if (const QString problem = badOptionValue(parser, command); !problem.isEmpty()) {
        err << "indexlens: " << problem << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << "indexlens " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("help")) || !command) {
        out << (command ? commandHelp(*command) : generalHelp());
        return ExitOk;
    }
    if (command->positional.isEmpty() && parser.positionalArguments().size() > 1) {
        err << "indexlens: " << name << " takes no argument '" << parser.positionalArguments().at(1)
            << "'\n";
        return ExitUsage;
    }
    const QString formatText = parser.value(QStringLiteral("format")).trimmed().toLower();
    const OutputFormat format = formatText == QLatin1String("csv")    ? OutputFormat::Csv
                                : formatText == QLatin1String("json") ? OutputFormat::Json
                                                                      : OutputFormat::Text;
    const QString db = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                          : Database::defaultPath();
    CommandContext ctx(parser, out, err, format, db, command->writesCache);
    try {
        return command->run(ctx);
    } catch (const UserError &e) {
        err << "indexlens: " << e.message() << '\n';
        return ExitUsage;
    } catch (const std::runtime_error &e) {
        err << "indexlens: " << QString::fromStdString(e.what()) << '\n';
        return ExitFailure;
    }
}

CommandContext::CommandContext(const QCommandLineParser &parser, QTextStream &out, QTextStream &err,
                               OutputFormat format, QString dbPath, bool writesCache)
    : out(out), err(err), format(format), m_parser(parser), m_dbPath(std::move(dbPath)),
      m_writesCache(writesCache)
{
}

bool CommandContext::isSet(const QString &option) const
{
    return m_parser.isSet(option);
}

QString CommandContext::value(const QString &option) const
{
    return m_parser.value(option).trimmed();
}

QStringList CommandContext::values(const QString &option) const
{
    return m_parser.values(option);
}

QStringList CommandContext::arguments() const
{
    return m_parser.positionalArguments().mid(1);
}

QStringList CommandContext::list(const QString &option) const
{
    QStringList items;
    for (const QString &v : m_parser.values(option))
        for (const QString &s : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!s.trimmed().isEmpty()) items << s.trimmed();
    return items;
}

QString CommandContext::required(const QString &option, const QString &what) const
{
    QString v = value(option);
    if (v.isEmpty()) throw UserError(QStringLiteral("--%1 %2 is required").arg(option, what));
    return v;
}

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

Period parsePeriodOption(const QString &option, const QString &text)
{
    // The reading the window's Periods table and a study's periods take (analysis/PeriodText);
    // a period that ends before it starts is said by the table that measures it.
    const TypedPeriod p = parseTypedPeriod(text);
    if (!p.reason.isEmpty())
        throw UserError(QStringLiteral("malformed --%1 %2: expected START:END, e.g. "
                                       "2023-12-29:2024-04-30")
                            .arg(option, text));
    return p.period;
}

QDate CommandContext::date(const QString &option, bool isRequired) const
{
    if (!isSet(option) || value(option).isEmpty()) {
        if (isRequired) throw UserError(QStringLiteral("--%1 DATE is required").arg(option));
        return {};
    }
    return parseDateOption(option, value(option));
}

int CommandContext::integer(const QString &option, int fallback, int lo, int hi) const
{
    if (!isSet(option)) return fallback;
    bool ok = false;
    const int v = value(option).toInt(&ok);
    if (!ok || v < lo || v > hi)
        throw UserError(QStringLiteral("--%1 %2: expected a whole number from %3 to %4")
                            .arg(option, value(option))
                            .arg(lo)
                            .arg(hi));
    return v;
}

ReturnBasis CommandContext::basis() const
{
    return isSet(QStringLiteral("price-return")) ? ReturnBasis::Price : ReturnBasis::Total;
}

std::unique_ptr<Database> CommandContext::openDatabase() const
{
    // Database::open creates a missing file and its folder, as import and update want; a `list`
    // with a mistyped --db made an empty cache and then said "unknown symbol".
    if (!m_writesCache && !QFileInfo::exists(m_dbPath))
        throw UserError(QStringLiteral("no cache at %1 (import or update first)").arg(m_dbPath));
    QString error;
    QStringList notes;
    auto db = Database::open(m_dbPath, &error, &notes);
    for (const QString &note : notes)
        err << "indexlens: note: " << note << '\n';
    err.flush();
    if (!db) throw std::runtime_error(error.toStdString());
    return db;
}

void CommandContext::rethrowFor(const QString &option, const QString &value, const UserError &e)
{
    const QString prefix = QStringLiteral("--") + option + QLatin1Char(' ');
    if (e.message().startsWith(value, Qt::CaseInsensitive)) throw UserError(prefix + e.message());
    throw UserError(prefix + value + QStringLiteral(": ") + e.message());
}

const CommandOption kMovesBy{
    QStringLiteral("by"),
    QStringLiteral("a|b|spread"),
    QStringLiteral("Rank the days by the move of A (a, the default), of B, or of A - B (spread)."),
    {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("spread")}};
const CommandOption kMovesDirection{
    QStringLiteral("direction"),
    QStringLiteral("up|down|both"),
    QStringLiteral("Rises only, falls only, or both by size (the default)."),
    {QStringLiteral("both"), QStringLiteral("up"), QStringLiteral("down")}};

MoveRanking moveRankingOf(const CommandContext &ctx)
{
    // The registry has refused any other name.
    return rankingNamed(ctx.value(QStringLiteral("by"))).value_or(MoveRanking::ByA);
}

MoveDirection moveDirectionOf(const CommandContext &ctx)
{
    return directionNamed(ctx.value(QStringLiteral("direction"))).value_or(MoveDirection::Both);
}

} // namespace indexlens
