// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace indexlens {

class CommandRegistry;

// The bash completion script, written from the command registry (issue #15): the commands, each
// command's options and the global ones, an option's fixed values (--chart, --theme), files for
// FILE and PATH, and for every symbol option (and `update`'s arguments) the symbols of the cache
// the command line names, as `indexlens list --format csv` lists them; a comma-separated list
// (--symbols IWM,SP<Tab>) completes its last item.
QString bashCompletion(const CommandRegistry &registry);

// The same for zsh (a #compdef file for fpath), with the same case arms: zsh's compadd matches
// the word, any letter case for symbols.
QString zshCompletion(const CommandRegistry &registry);

} // namespace indexlens
