// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/Measure.h"
#include "PairData.h"

namespace indexlens {

// The days and periods a compare returns table and its bars measure besides the range, YTD and
// one year (FTSE Russell's exhibits 1 and 5: 11 and 16 July 2024, 1 to 23 July).
struct ReturnMeasures {
    std::vector<QDate> days;     // from the previous trading day's close to the day's close
    std::vector<Period> periods; // as the periods table measures them
    bool empty() const { return days.empty() && periods.empty(); }
    // "2024-07-11", "2024-06-28 to 2024-07-23": the days first, then the periods; `compact`
    // drops a period end's year when it is the start's ("2024-06-28 to 07-23", under a bar).
    QStringList labels(bool compact = false) const;
};

// Several series (2 to 8) rebased to 100 at one base close, for the compare view and `export
// --chart compare` (issue #13): TradingView's compare, FTSE Russell's exhibit 2.
// One slot of ChartPalette::compare per symbol of `count`, each once.
bool validColourSlots(const std::vector<int> &slots, qsizetype count);

class CompareData {
public:
    static constexpr int kMaxSeries = 8;

    // Throws UserError (an unknown symbol, a rate, fewer than 2 or more than 8 series). `rate`:
    // an optional overlay on the right axis (empty for none).
    static CompareData load(const PriceStore &store, const QStringList &symbols,
                            const QString &rate, ReturnBasis basis);
    static CompareData fromSeries(std::vector<SymbolSeries> series,
                                  ReturnBasis basis = ReturnBasis::Total,
                                  std::optional<SymbolSeries> rate = std::nullopt);

    const std::vector<SymbolSeries> &series() const { return m_series; }
    QStringList symbols() const;
    // Every day on which any of the series trades.
    const std::vector<QDate> &dates() const { return m_dates; }
    QDate first() const { return m_dates.front(); }
    QDate last() const { return m_dates.back(); }
    // The close the series are 100 at: the last day on or before `rebase` when given, else on or
    // before `from` (the range rule, Measure.h), else the first day.
    QDate baseDay(const QDate &from, const std::optional<QDate> &rebase = {}) const;
    // The last day of any series on or before `date` (the first day when `date` precedes them).
    QDate dayOnOrBefore(const QDate &date) const;
    // The last day of `s` when another series has a later close up to `to` (its data end early:
    // "(ends 2025-09-26)" in the legend).
    std::optional<QDate> endsEarly(const SymbolSeries &s, const QDate &to) const;

    // One series rebased: 100 at the base close; a series that starts later joins on its first
    // day at the mean of the others' values that day (or 100 when it is the first), and `joined`
    // says when.
    struct Rebased {
        QString symbol;
        std::vector<QDate> dates;
        std::vector<double> values;
        std::optional<QDate> joined;
    };
    std::vector<Rebased> rebased(const QDate &from, const QDate &to,
                                 const std::optional<QDate> &rebase = {}) const;

    ChartContent chart(const QDate &from, const QDate &to, int widthPx,
                       const std::optional<QDate> &rebase = {}) const;
    // The crosshair's read-out at `date` (issue #24, 8): the day, then each series' rebased value
    // on it as the chart draws it ("IWM: 109.73"; "n/a" before a series joins or after its data
    // end, not its last value carried on), then the rate. Empty outside [from, to].
    QString readingText(const QDate &date, const QDate &from, const QDate &to,
                        const std::optional<QDate> &rebase = {}) const;

    // Each series' returns, a row per series and a column per measure: the range (from the base
    // close), YTD and 1 year to `to`, then `measures`' days and periods (no value where the
    // series' data do not reach back, or on a day it did not trade). compareReturnsTable and the
    // bars show them.
    std::vector<std::vector<MeasuredReturn>> returnGrid(const QDate &from, const QDate &to,
                                                        const std::optional<QDate> &rebase,
                                                        const ReturnMeasures &measures) const;
    // The same returns as grouped bars (exhibits 1 and 5): a group per day and period of
    // `measures`, or per range, YTD and 1 year when it has none (a day's 3 % beside a year's 30 %
    // would flatten the days); a bar per series in its colour, its value written on it.
    ChartContent returnsBars(const QDate &from, const QDate &to,
                             const std::optional<QDate> &rebase = {},
                             const ReturnMeasures &measures = {}) const;

    // A symbol's colour, one of eight that colour-blind readers tell apart (Okabe and Ito); the
    // same for a symbol wherever it is drawn, unless two of the chart's symbols would share it.
    static std::vector<int> colourSlots(const QStringList &symbols);
    // The slots of `after` when the list was `before` with `slots`: a symbol kept keeps its
    // colour; a new one takes its own slot, or the next free one (issue #24, 7).
    static std::vector<int> keptColourSlots(const QStringList &before,
                                            const std::vector<int> &slots,
                                            const QStringList &after);
    // The colours to draw with (a list the window kept, or a figure's); ignored unless one per
    // series, each once.
    void setColourSlots(const std::vector<int> &slots);

private:
    // " (in IWM USD, WSU.DE EUR: not converted)" when the series are in different currencies.
    QString currencyNote() const;
    std::vector<const SymbolSeries *> seriesPointers() const;
    QString legendEntry(const SymbolSeries &s, const Rebased &r, const QDate &to, bool mixed) const;

    std::vector<SymbolSeries> m_series;
    std::vector<int> m_slots; // one per series
    std::vector<QDate> m_dates;
    ReturnBasis m_basis = ReturnBasis::Total;
    std::optional<SymbolSeries> m_rate;
};

} // namespace indexlens
