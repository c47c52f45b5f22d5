// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/MovesTable.h"
#include "analysis/PeriodTable.h"
#include "analysis/ReturnsTable.h"
#include "ResultTable.h"

namespace indexlens {

class PairData;

// The result tables, each defined once: fields, labels, units and kinds. The command line writes
// them as text, CSV or JSON; the window shows the same tables through ResultTableModel, and its
// Ctrl+C writes them with the same CSV writer, so the two cannot drift apart.

// start, end, a_return_pct, b_return_pct, diff_pct, rate_change_bps (then rate2_change_bps, ...
// for more rates), each period measured on the common days of A and B (Measure.h). A rate whose
// data do not cover a period gives an empty cell ("n/a"), not a refusal: the returns of A and B
// still stand. A period A or B do not cover keeps its dates with empty figures, and `notes` gets
// "--period S:E: why"; throws UserError when no period has figures.
ResultTable periodsTable(const SymbolSeries &a, const SymbolSeries &b,
                         const std::vector<SymbolSeries> &rates, const std::vector<Period> &periods,
                         QStringList *notes = nullptr);

// date, a_return_pct, b_return_pct, spread_pct, rate_change_bps, widest_spread_since.
ResultTable movesTable(const SymbolSeries &a, const SymbolSeries &b, const SymbolSeries *rate,
                       const QDate &from, const QDate &to, int top, MoveRanking ranking,
                       MoveDirection direction = MoveDirection::Both);

// symbol, start, end, return_pct, label, then basis ("total" or "price") and note (why a row has
// no value) in CSV and JSON; the note shows in text when a row has one.
ResultTable returnsTable(const std::vector<std::pair<Measure, MeasuredReturn>> &rows);

// The window's Returns tab: series, range_pct, ytd_pct, one_year_pct for A and B (percent) and
// each rate (basis points), the range measured from the rebase day when there is one, else from
// the base day of `from`; then the range's high and low (from the base day of `from` always).
ResultTable pairReturnsTable(const PairData &pair, const QDate &from, const QDate &to,
                             const std::optional<QDate> &rebase = {});

// The pair's tables as the window asks for them (its series, its rates, its range clamped to the
// days that have a previous close). The periods table has a row for every period, in order (the
// row index is the period's index, for Delete); a period the data of A or B no longer cover (a
// saved one, after another cache was opened) keeps its dates with empty figures.
ResultTable pairPeriodsTable(const PairData &pair, const std::vector<Period> &periods);
ResultTable pairMovesTable(const PairData &pair, const QDate &from, const QDate &to, int top,
                           MoveRanking ranking, MoveDirection direction = MoveDirection::Both);

// The series the charts draw over [base day, to]: date, ratio, A and B rebased, relative_pp,
// spread_pp and the first rate (File > Export visible series as CSV).
ResultTable pairSeriesTable(const PairData &pair, const QDate &from, const QDate &to,
                            const std::optional<QDate> &rebase);

} // namespace indexlens
