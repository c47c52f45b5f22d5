// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/MovesTable.h"
#include "analysis/PeriodTable.h"
#include "chart/CompareData.h"
#include "chart/PairData.h"
#include "chart/RotationData.h"
#include "core/Series.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace indexlens {

// What one exhibit of a study shows (issue #23): a chart view or a table.
enum class FigureKind {
    Pair,         // the pair's charts (one, or the four stacked)
    Compare,      // 2 to 8 series rebased on one chart
    ReturnsBars,  // their returns on days and periods as grouped bars
    Sensitivity,  // the ratio's rolling correlation and beta against the rate
    Scatter,      // each day's A - B against the rate's change
    PeriodsTable, // the pair's periods table
    MovesTable,   // the pair's largest daily moves over the range
    ReturnsTable, // the series' returns on days and periods (or over the range, YTD and 1 year)
    Rotation,     // the symbols' relative rotation graph against a benchmark (issue #25)
    Seasonality   // the pair's share of years won by month (issue #25)
};
QString figureKindName(FigureKind kind); // "pair", "compare", "returns-bars", ..., "moves-table"
std::optional<FigureKind> figureKindNamed(const QString &name);
const std::vector<FigureKind> &figureKinds();
bool isTableKind(FigureKind kind);
// Kinds of one pair (A and B); the others show `symbols`.
bool isPairKind(FigureKind kind);

// A range of fixed dates, or a preset of the range bar that rolls with the data ("YTD" is year
// to date again after an update).
struct FigureRange {
    QString preset; // one of rangePresets(); empty for fixed dates
    QDate from, to;
    bool operator==(const FigureRange &o) const
    {
        return preset == o.preset && from == o.from && to == o.to;
    }
};

// The range presets of the range bar, in their order.
const QStringList &rangePresets();
// The dates `range` stands for on data from `first` to `last`, as of `asOf` (invalid: the
// data's last day): a preset's start (presetStart) to the last day; fixed dates as written.
// The range rule (Measure.h) then snaps them to trading days.
std::pair<QDate, QDate> rangeDates(const FigureRange &range, const QDate &first, const QDate &last,
                                   const QDate &asOf = {});

// One exhibit: a complete view, as the window shows it, `export` writes it and `render` draws
// it. A value type; the JSON form is in Study.h.
struct Figure {
    FigureKind kind = FigureKind::Pair;
    QString title;   // empty: the export's own title ("Name A (A) vs Name B (B), FROM to TO")
    QString caption; // under the exhibit in render's index.md
    QString a = QStringLiteral("IWM");
    QString b = QStringLiteral("SPY");
    QStringList symbols; // compare, returns-bars and returns-table kinds
    // Each symbol's colour (a slot of ChartPalette::compare), as the window kept it while series
    // came and went (issue #24, 7); empty: CompareData::colourSlots of the list.
    std::vector<int> colours;
    QStringList rates{QStringLiteral("DGS10")};
    ReturnBasis basis = ReturnBasis::Total;
    FigureRange range{QStringLiteral("1Y"), {}, {}};
    std::optional<QDate> rebase;
    // The pair's periods: bands on its charts and the rows of its periods table.
    std::vector<Period> periods;
    // What the returns kinds (and the compare view's table) measure besides the range, YTD and
    // one year: days (from the previous close) and periods.
    std::vector<QDate> days;
    std::vector<Period> returnPeriods;
    std::vector<ChartKind> charts; // a pair figure's charts, top to bottom; empty: the window's
    bool logScale = false;
    bool periodBands = false;
    bool regimeBands = false;
    int markedMoves = 0;
    MoveRanking moveRanking = MoveRanking::ByA;
    MoveDirection moveDirection = MoveDirection::Both;
    bool drawdownChart = false;                // the drawdown chart under the four (issue #25)
    bool sensitivityChart = false;             // the window's fifth chart under the pair's four
    int window = 60;                           // the sensitivity chart's rolling window in days
    int top = 10;                              // rows of a moves table
    QString benchmark = QStringLiteral("SPY"); // what a rotation figure's symbols rotate against
    RotationView rotation;                     // its tails and definition
    int width = 1600;
    int height = 900;
    int scale = 1;
    bool dark = false;
    QJsonObject unknown; // fields this build does not know: kept, and written back on save

    bool operator==(const Figure &o) const;
    bool operator!=(const Figure &o) const { return !(*this == o); }

    // The pair charts it draws (`charts`, or the four).
    std::vector<ChartKind> pairCharts() const;
    ReturnMeasures measures() const { return {days, returnPeriods}; }
    // "pair IWM/SPY", "compare IWB, IWM, IWF": what `study list` and the Figures panel show
    // when there is no title.
    QString subject() const;
    // "1Y", "2023-12-29 to 2024-04-30".
    QString rangeText() const;
};

// The name an export proposes: "IWB-IWM_2023-06-30_2024-07-23" for `stem` "IWB-IWM" (issue #24,
// 17), so that a note's files sort by pair and tell their ranges apart; '/' becomes '-' and an
// index's '^' goes.
QString exportFileStem(const QString &stem, const QDate &from, const QDate &to);

} // namespace indexlens
