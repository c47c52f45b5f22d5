// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/Measure.h"
#include "analysis/PeriodTable.h"
#include "analysis/RateRegression.h"
#include "DataSourceLine.h"
#include "RateNames.h"
#include "storage/PriceStore.h"

#include <QPointF>

#include <map>
#include <vector>

namespace indexlens {

// The pair view's four charts, and the compare view's chart of several series (issue #13).
enum class ChartKind {
    Ratio,
    Rebased,
    Relative,
    Spread,
    Compare,
    Sensitivity,
    Scatter,
    ReturnsBars,
    Rotation,    // a relative rotation graph (issue #25)
    Seasonality, // a pair's share of years won, by month (issue #25)
    Drawdown     // A and B's % below their running high since the range's start (issue #25)
};

// The four charts of the pair view, top to bottom (the window, "all" in an export).
inline const std::vector<ChartKind> &allChartKinds()
{
    static const std::vector<ChartKind> kinds = {ChartKind::Ratio, ChartKind::Rebased,
                                                 ChartKind::Relative, ChartKind::Spread};
    return kinds;
}

// The charts a pair figure can stack: the four, and the drawdown chart (issue #25, 3), which the
// window shows under them when View asks for it.
inline const std::vector<ChartKind> &pairChartKinds()
{
    static const std::vector<ChartKind> kinds = {ChartKind::Ratio, ChartKind::Rebased,
                                                 ChartKind::Relative, ChartKind::Spread,
                                                 ChartKind::Drawdown};
    return kinds;
}

// The pair view's stack as the window shows it: the four, and the drawdown chart when shown.
std::vector<ChartKind> pairStackKinds(bool drawdown);

// "ratio", "rebased", "relative", "spread", "drawdown": the name `indexlens export --chart` takes
// and an exported file's name carries.
QString chartKindName(ChartKind kind);

// One drawn series, ready for a chart view: x is the date's UTC midnight in milliseconds since the
// epoch (toX), already decimated for the plot's width.
struct ChartLine {
    QString name;
    std::vector<QPointF> points;
    bool rightAxis = false;   // the rate overlay
    bool bars = false;        // the daily spread
    int colourSlot = -1;      // one of ChartPalette::compare (the compare view's, per symbol)
    QString endLabel;         // written at the line's right end ("IWM 109.7")
    bool dots = false;        // points, not a line (a scatter plot)
    double barWidth = 0;      // in x units; 0: a day less a gap (the daily spread)
    bool valueLabels = false; // each bar's value written at its end ("+3.6")
    bool endsEarly = false;   // its data end before the chart's (the end tag sits at its end)
    bool tail = false;        // a rotation tail: dots joined, the head larger, endLabel beside it
    QStringList valueTexts = {}; // each bar's label instead of its value ("7 of 12")
};

struct ChartContent {
    ChartKind kind = ChartKind::Ratio;
    QString title;
    QString bottomLabel; // a scatter plot's x: not dates but values ("10y change, bp")
    // Grouped bars: x is the index of a category (0, 1, ...), labelled with these names.
    QStringList categories;
    QString leftLabel;
    QString rightLabel; // empty without a rate
    // A rotation graph: the plot is centred on (100, 100) and split there into four shaded,
    // named quadrants.
    bool quadrants = false;
    std::vector<ChartLine> lines;
};

// A pair A/B (and an optional rate) on their common trading days, with everything the four
// charts, the crosshair and the legend need. The window keeps one and asks it for the visible
// range at the plot's width; nothing here touches a widget.
class PairData {
public:
    // Throws UserError (unknown symbol, a rate given as A, no common day). `rates` are the
    // overlays (none, one or more); the first is the one the tables use.
    static PairData load(const PriceStore &store, const QString &a, const QString &b,
                         const QStringList &rates, ReturnBasis basis);
    // From series already in memory (tests, benchmarks).
    static PairData fromSeries(SymbolSeries a, SymbolSeries b, std::vector<SymbolSeries> rates,
                               ReturnBasis basis = ReturnBasis::Total);

    const QString &symbolA() const { return m_a.symbol; }
    const QString &symbolB() const { return m_b.symbol; }
    QString rateSymbol() const { return m_rates.empty() ? QString() : m_rates.front().symbol; }
    const std::vector<QDate> &dates() const { return m_dates; }
    QDate first() const { return m_dates.empty() ? QDate() : m_dates.front(); }
    QDate last() const { return m_dates.empty() ? QDate() : m_dates.back(); }
    const SymbolSeries &seriesA() const { return m_a; }
    const SymbolSeries &seriesB() const { return m_b; }
    // A and B on their common trading days: what every measure of the pair reads (issue #22), so
    // that A, B and the rate use the same two days.
    const SymbolSeries &commonA() const { return m_commonA; }
    const SymbolSeries &commonB() const { return m_commonB; }
    // The first rate overlay, or null.
    const SymbolSeries *rate() const { return m_rates.empty() ? nullptr : &m_rates.front(); }
    const std::vector<SymbolSeries> &rates() const { return m_rates; }
    ReturnBasis basis() const { return m_basis; }
    // "Russell 2000 (^RUT) vs S&P 500 (^GSPC)": the catalog's names where it has them.
    QString pairTitle() const;

    // The day the rebased charts are 100 (and the relative chart 0) at: the last common day on or
    // before `rebase` when given, else on or before `from` (the range rule, Measure.h), else the
    // first day.
    QDate baseDay(const QDate &from, const std::optional<QDate> &rebase = {}) const;
    // The last common day on or before `date` (the first day when `date` precedes them).
    QDate dayOnOrBefore(const QDate &date) const { return m_dates[indexOnOrBefore(date)]; }

    // A chart for the days in [from, to], at most ~2 points per pixel of `widthPx`.
    ChartContent chart(ChartKind kind, const QDate &from, const QDate &to, int widthPx,
                       const std::optional<QDate> &rebase = {}) const;

    // The rolling correlation (left axis) and beta (% of the ratio per bp, right axis) of the
    // ratio's daily log change against the first rate's daily change, over `window` days with a
    // rate observation (issue #13). Throws UserError without a rate.
    ChartContent sensitivityChart(const QDate &from, const QDate &to, int widthPx,
                                  int window) const;
    // The rolling correlation and beta on the last day on or before `date` with a value (the
    // crosshair's read-out of the sensitivity chart); no values before the first window is full.
    struct Reading;
    Reading sensitivityAt(const QDate &date, int window) const;
    // Each day of [from, to]: the first rate's change (bp, x) against A - B (pp, y), with the
    // least-squares line; the title gives the slope per 10 bp, R2, the correlation and n.
    ChartContent scatterChart(const QDate &from, const QDate &to) const;

    // Every series' value on the last common day on or before `date` (crosshair read-out).
    struct Reading {
        QDate day;
        std::vector<std::pair<QString, double>> values;
    };
    Reading readingAt(ChartKind kind, const QDate &date, const QDate &from,
                      const std::optional<QDate> &rebase = {}) const;

    // "IWM +9.7%  SPY +1.8%  10y -11 bp" for the range.
    QString headline(const QDate &from, const QDate &to,
                     const std::optional<QDate> &rebase = {}) const;
    // The headline of a figure of `kinds`: the range's returns; for the drawdown chart alone,
    // each series' % from its high on the last day ("IWM \u22121.3% from high").
    QString headlineFor(const std::vector<ChartKind> &kinds, const QDate &from, const QDate &to,
                        const std::optional<QDate> &rebase = {}) const;

    static double toX(const QDate &date);
    static QDate fromX(double x);

private:
    std::size_t indexOnOrBefore(const QDate &date) const; // 0 when before the first day
    // The rate overlays on the right axis of a pair chart from x0 to x1, and the axis's title.
    void addRateLines(ChartContent &c, double x0, double x1, int buckets) const;
    // "  10y +12 bp" per rate over A's measured range (or why it is n/a), and a currency note.
    QString rateAndCurrencyNotes(const MeasuredReturn &ra) const;
    // Over the whole history, computed once per window: a drag redraws the sensitivity chart at
    // every frame, and a new range only cuts another stretch of the same values.
    const std::vector<RollingSensitivity> &rolling(int window) const;

    SymbolSeries m_a, m_b;
    SymbolSeries m_commonA, m_commonB;
    std::vector<SymbolSeries> m_rates;
    ReturnBasis m_basis = ReturnBasis::Total;
    std::vector<std::vector<double>> m_rateValues; // each rate as of every common day
    std::vector<QDate> m_dates;
    std::vector<double> m_x, m_va, m_vb, m_ratio, m_ma50, m_ma200, m_spread;
    mutable std::map<int, std::vector<RollingSensitivity>> m_rolling; // by window
};

} // namespace indexlens
