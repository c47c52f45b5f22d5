#pragma once

#include <QStringList>

class QTextStream;

namespace indexlens {

// `indexlens export --chart ratio|rebased|relative|spread|all --a SYM --b SYM [--rate SYM]
//  --from DATE --to DATE [--rebase DATE] --out FILE.png [--width W --height H --scale S]`.
// Needs a QApplication (offscreen is enough: no display).
int runExportCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace indexlens
