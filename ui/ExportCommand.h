// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace indexlens {

class CommandRegistry;

// `indexlens export --chart ratio|rebased|relative|spread|all --a SYM --b SYM [--rate SYM[,SYM]]
//  --from DATE --to DATE [--rebase DATE] --out FILE.png [--width W --height H --scale S]`,
// registered from ui/ (it draws with the widgets' chart code) so that app/ never depends on ui/.
// It needs a QApplication; offscreen is enough.
void registerExportCommand(CommandRegistry &registry);

} // namespace indexlens
