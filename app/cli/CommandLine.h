// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CommandRegistry.h"

namespace indexlens {

// The headless commands, registered once (tests and tools that have no widgets).
const CommandRegistry &coreRegistry();

// `indexlens [global options] <command> [options]` with the core commands. Needs a
// QCoreApplication (for QStandardPaths and the SQL driver).
int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace indexlens
