// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace indexlens {

class CommandRegistry;

// `indexlens render STUDY` (every figure and table of a study, and index.md) and `indexlens study
// list STUDY` (issue #23), registered from ui/ as `export` is: they draw with its chart code.
void registerStudyCommands(CommandRegistry &registry);

} // namespace indexlens
