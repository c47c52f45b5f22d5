// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestCommon.h"

#include <QStringList>

namespace indexlens::test {

// One run of the command line in this process: its exit status and what it wrote.
struct CommandRun {
    int status = -1;
    QString out;
    QString err;
};

// `indexlens ARGS` through runCommandLine, in this process.
CommandRun runCommand(const QStringList &args);

// What the command-line suites share (issue #26): a cache of its own and three small files to
// import into it, two symbols and a rate, hand-checkable (see tst_tables for the same arithmetic).
class CliFixture {
public:
    CliFixture();
    QStringList db() const { return {QStringLiteral("--db"), temp.path()}; }
    TempDatabase temp;
    QStringList files; // IWM.csv, SPY.csv (close only) and fred.csv (DGS10)
};

} // namespace indexlens::test
