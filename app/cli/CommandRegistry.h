// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/MovesTable.h"
#include "analysis/PeriodTable.h"
#include "analysis/Rotation.h"
#include "core/Series.h"
#include "core/UserError.h"
#include "tables/ResultTable.h"

#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QCommandLineParser;
class QTextStream;

namespace indexlens {

class CommandContext;
class Database;

// Exit statuses of the command line.
enum ExitStatus { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

struct CommandOption {
    QString name;
    QString valueName; // empty for a flag
    QString description;
    // The values it takes, when they are a fixed list (--chart, --theme): the registry refuses
    // another ("--theme blue: expected light or dark"), and the shell completion offers them.
    QStringList choices = {};
};

// One command, registered once: its help, its option list and the subcommand detection all come
// from this entry, so they cannot drift from what the handler reads.
struct Command {
    QString name;
    QString synopsis; // the options after the name, as the general help shows them
    QString summary;
    QString positional; // "FILE...", "[SYM...]" or empty (no argument taken)
    std::vector<CommandOption> options;
    bool needsGui = false; // drawn with Qt Widgets (export): a QApplication, offscreen is enough
    std::function<int(CommandContext &)> run;
    // import and update create the cache when there is none; every other command only reads it
    // and never creates anything (issue #14, 6).
    bool writesCache = false;
};

// The commands of `indexlens`. app/ registers the headless ones (registerCoreCommands); ui/
// registers `export`, so the model layer never depends on widgets.
class CommandRegistry {
public:
    void add(Command command);
    const Command *find(const QString &name) const;
    const std::vector<Command> &commands() const { return m_commands; }
    static const std::vector<CommandOption> &globalOptions();

    // The command named by `arguments` (arguments[0] is the program), skipping option values;
    // empty when there is none (the window) or only --help / --version.
    QString commandName(const QStringList &arguments) const;
    // True when `arguments` ask for something the command line answers without the window.
    bool isHeadless(const QStringList &arguments) const;
    // The cache path `--db` gives, or empty.
    static QString dbOption(const QStringList &arguments);

    QString generalHelp() const;
    QString commandHelp(const Command &command) const;

    // Parses and runs; maps UserError to 2 and other failures to 1.
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) const;

private:
    QStringList valueOptions() const;
    std::vector<Command> m_commands;
};

// import, update, list, periods, moves, returns.
void registerCoreCommands(CommandRegistry &registry);

// What a handler gets: the parsed options, the streams, the output format and the cache path,
// with the helpers every command shares (dates, numbers, the cache, the basis). Errors from the
// model layer name no flag; forOption() adds the flag the value came from.
class CommandContext {
public:
    CommandContext(const QCommandLineParser &parser, QTextStream &out, QTextStream &err,
                   OutputFormat format, QString dbPath, bool writesCache);

    QTextStream &out;
    QTextStream &err;
    const OutputFormat format;

    bool isSet(const QString &option) const;
    QString value(const QString &option) const; // trimmed
    QStringList values(const QString &option) const;
    QStringList arguments() const;                 // positional arguments after the command
    QStringList list(const QString &option) const; // comma-separated, repeatable
    QString required(const QString &option, const QString &what) const;
    QDate date(const QString &option, bool required) const;
    int integer(const QString &option, int fallback, int lo, int hi) const;
    ReturnBasis basis() const;
    // The cache, with its notes on stderr. Throws std::runtime_error when it cannot be opened,
    // and UserError ("no cache at PATH (import or update first)") when a command that only
    // reads finds none: it creates neither the file nor its folder.
    std::unique_ptr<Database> openDatabase() const;

    // Runs `f`; a UserError from it comes back naming the option: "--rate SPY is a price ..." or
    // "--a XYZ: unknown symbol XYZ ...".
    template <typename F> auto forOption(const QString &option, const QString &value, F f) const
    {
        try {
            return f();
        } catch (const UserError &e) {
            rethrowFor(option, value, e);
            throw;
        }
    }

private:
    [[noreturn]] static void rethrowFor(const QString &option, const QString &value,
                                        const UserError &e);
    const QCommandLineParser &m_parser;
    QString m_dbPath;
    bool m_writesCache;
};

// Parses "2024-01-31" (exactly); throws UserError naming the option.
QDate parseDateOption(const QString &option, const QString &text);
// Parses "2023-12-29:2024-04-30"; throws UserError naming the option.
Period parsePeriodOption(const QString &option, const QString &text);

// --by a|b|spread and --direction up|down|both of `moves` and `export --mark-moves` (issue #22).
extern const CommandOption kMovesBy;
extern const CommandOption kMovesDirection;
MoveRanking moveRankingOf(const CommandContext &ctx);
MoveDirection moveDirectionOf(const CommandContext &ctx);

// --daily, --short, --long and --mom of `rotation` and `export --chart rotation` (issue #25).
const std::vector<CommandOption> &rotationSettingOptions();
RotationSettings rotationSettingsOf(const CommandContext &ctx);

} // namespace indexlens
