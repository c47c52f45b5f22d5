#pragma once

#include <QStringList>

class QTextStream;

namespace indexlens {

// Exit statuses of the command line.
enum ExitStatus { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// The sub-command named by `arguments` (arguments[0] is the program), or an empty string when
// there is none (the window opens) or only --help / --version.
QString subCommand(const QStringList &arguments);

// True when `arguments` ask for something the command line answers without a window.
bool isHeadless(const QStringList &arguments);

// Runs `indexlens [global options] <command> [options]` headless. Needs a QCoreApplication
// (for QStandardPaths and the SQL driver); writes results to `out` and messages to `err`.
int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace indexlens
