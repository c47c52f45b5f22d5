// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>

#include <optional>
#include <string_view>
#include <vector>

namespace indexlens {

// Low-level pieces shared by every text importer: CSV splitting and locale-independent parsing of
// dates and numbers. Qt calls setlocale() at start-up, so strtod() would read "1,5" in a German
// session; std::from_chars never looks at the locale.

// Splits one CSV line (without its line end) into fields. Double-quoted fields may hold commas;
// the quotes are removed. The views point into `line`.
void splitCsvLine(std::string_view line, std::vector<std::string_view> &fields);

// Removes leading and trailing spaces and tabs.
std::string_view trimmed(std::string_view text);

// ISO date "YYYY-MM-DD", optionally followed by a time ("2020-01-02 00:00:00-05:00").
std::optional<QDate> parseIsoDate(std::string_view text);

// US date "MM/DD/YYYY" as the Treasury writes it.
std::optional<QDate> parseUsDate(std::string_view text);

// A finite decimal number ("12.5", "-0.3", "1e5", "+4"); nullopt for anything else.
std::optional<double> parseNumber(std::string_view text);

} // namespace indexlens
