// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/CompareData.h"
#include "ResultTable.h"

namespace indexlens {

// The compare view's tables, for the window, `export --chart compare|returns-bars --out X.csv`
// and `render`.

// One row per series: its return over the range (from the base close), year to date and over
// one year, each to `to`, then one column per day and period of `measures` (empty where the
// series' data do not reach back, or on a day it did not trade), then the range's high and low
// (issue #25, 3) from the range's base day, whatever the rebase.
ResultTable compareReturnsTable(const CompareData &data, const QDate &from, const QDate &to,
                                const std::optional<QDate> &rebase = {},
                                const ReturnMeasures &measures = {});

// date, then one column per symbol: the rebased values (empty before a series joins).
ResultTable compareValuesTable(const CompareData &data, const QDate &from, const QDate &to,
                               const std::optional<QDate> &rebase = {});

} // namespace indexlens
