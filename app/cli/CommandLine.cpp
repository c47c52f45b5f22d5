// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

namespace indexlens {

const CommandRegistry &coreRegistry()
{
    static const CommandRegistry registry = [] {
        CommandRegistry r;
        registerCoreCommands(r);
        return r;
    }();
    return registry;
}

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return coreRegistry().run(arguments, out, err);
}

} // namespace indexlens
