// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace indexlens {

class CommandRegistry;

// indexlens.1 in plain roff, written from the command registry (every command, its synopsis,
// summary and options, and the global options), so the manual cannot drift from `--help`
// (issue #15). `date` is the release's ("2026-11-26"): the page is the same at every build.
QString manPage(const CommandRegistry &registry, const QString &version, const QString &date);

} // namespace indexlens
