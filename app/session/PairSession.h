// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/MovesTable.h"
#include "analysis/PeriodTable.h"
#include "analysis/PeriodText.h"
#include "analysis/RateRegimes.h"
#include "chart/ChartMarks.h"
#include "chart/PairData.h"
#include "document/Figure.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace indexlens {

// What the user picked: the two series, the rate overlays and the return basis.
struct PairPick {
    QString a = QStringLiteral("IWM");
    QString b = QStringLiteral("SPY");
    QStringList rates{QStringLiteral("DGS10")};
    ReturnBasis basis = ReturnBasis::Total;
    bool operator==(const PairPick &o) const
    {
        return a == o.a && b == o.b && rates == o.rates && basis == o.basis;
    }
};

// The state of the pair view and every rule a user can observe in it, without a widget (as
// LabPlot's CartesianPlot::navigate): the pick, the visible range and the preset that made it,
// the Back history, the rebase day, the periods of each pair and the view options. The window
// only wires widgets to it and redraws on its signals; tst_session checks every rule headless.
//
// Rules: a range FROM..TO snaps to the last trading days of the pair on or before each date (FROM
// becomes the base day, Measure.h) and is clamped to the data; a preset stays that preset (YTD
// rolls on after an update, across restarts too); a rebase day is a trading day inside the range; a
// period is in the list once.
class PairSession : public QObject {
    Q_OBJECT
public:
    // Loads a pick from the cache; throws UserError when it cannot (unknown symbol, no data).
    using Loader = std::function<PairData(const PairPick &)>;
    explicit PairSession(Loader loader, QObject *parent = nullptr);
    ~PairSession() override;

    // Loads `pick` and shows the range the rules give (the preset again, else the same dates when
    // the data holds them, else one year). Throws UserError and keeps everything as it was.
    void pick(const PairPick &pick);
    void swap();
    void setRates(const QStringList &rates);
    void setBasis(ReturnBasis basis);
    // Reads the same pick again (after an update or import): a preset rolls on to the new data.
    void reload();
    // The cache changed (another process, an import): the pairs kept from earlier reads go.
    void forgetReadPairs() { m_loaded.clear(); }

    void applyPreset(const QString &preset);
    // The whole history (the Max preset): a double-click on a chart, View > Whole history.
    void showWholeHistory() { applyPreset(QStringLiteral("Max")); }
    // Snapped and clamped; false (and nothing changes) when fewer than two trading days remain.
    // `remember` puts the previous range on the Back history.
    bool setRange(const QDate &from, const QDate &to, bool remember = true);
    // A range typed in From and To (issue #24). From after To is refused, and nothing changes;
    // dates outside the data are clamped to it. Returns what to tell the user (empty when the
    // range is in force as typed).
    QString setTypedRange(const QDate &from, const QDate &to);
    // Zooms around `center`: factor < 1 narrows the range (the wheel gives 0.8 or 1.25).
    // `continuing`: a notch of the same burst of the wheel as the one before, which put the
    // range on the Back history already (one gesture, one step: issue #23).
    bool zoom(const QDate &center, double factor, bool continuing = false);
    // The range moved by a gesture already under way (a drag of the overview after its first
    // move): not put on the Back history, and one undo step with the change it continues.
    bool continueRange(const QDate &from, const QDate &to);
    // True while a change that continues a gesture is being signalled.
    bool continuesGesture() const { return m_continuing; }
    // Shifts the range by `tradingDays` (negative: earlier), keeping its length in trading days;
    // it stops at either end of the data.
    bool pan(int tradingDays);
    // The keyboard's steps: an arrow key pans by a tenth of the range (in trading days, at least
    // one; direction < 0 earlier); + and - zoom in (direction > 0) or out around its middle, by
    // the wheel's factors.
    bool panStep(int direction);
    bool zoomStep(int direction);
    bool back();
    bool canGoBack() const { return !m_history.empty(); }

    // "Rebase here": the trading day on or before `date`, when it lies in the range.
    bool rebaseAt(const QDate &date);
    void clearRebase();

    // The current range (from its base close to its end) as a period; throws UserError when it
    // is already listed.
    void addCurrentPeriod();
    void addPeriod(const Period &period);
    // Adds each period of a typed or pasted list ("2023-06-30:2023-10-31", one per line; issue
    // #24, 5). Returns the parts not added, each with its reason (not a period, listed already).
    std::vector<RefusedText> addTypedPeriods(const QString &text);
    void removePeriod(int index);
    // Removes the rows at `indices` (the table's selection) in one change.
    void removePeriods(std::vector<int> indices);
    const std::vector<Period> &periods() const;

    void setLogScale(bool on);
    bool logScale() const { return m_log; }
    // How the moves table and the marked moves rank the days (issue #22): by A, B or the spread,
    // up, down or both ways.
    void setMoveRanking(MoveRanking ranking);
    MoveRanking moveRanking() const { return m_moveRanking; }
    void setMoveDirection(MoveDirection direction);
    MoveDirection moveDirection() const { return m_moveDirection; }
    // Marks on the charts (issue #12): the periods as shaded bands, and the `count` largest moves
    // of the range (ranked as the moves table ranks them) as markers; 0 shows none.
    void setPeriodBands(bool on);
    bool periodBands() const { return m_periodBands; }
    static constexpr int kMaxMarkedMoves = 20;
    void setMarkedMoves(int count);
    int markedMoves() const { return m_markedMoves; }
    // The first rate's regimes over the range (issue #13): turning points of 40 bp, periods of at
    // least 15 observations, moved to month ends as the notes draw them. Empty without a rate
    // or with too few observations.
    std::vector<Regime> regimes() const;
    // Shows them as bands labelled "10y +107 bp" (kept with the session).
    void setRegimeBands(bool on);
    bool regimeBands() const { return m_regimeBands; }
    // The rate sensitivity chart under the pair view's four (issue #13; off by default): the
    // ratio's rolling correlation and beta against the first rate, over one of
    // sensitivityWindows() days (60 by default; another value is ignored). Kept with the session.
    void setSensitivityChart(bool on);
    bool sensitivityChart() const { return m_sensitivityChart; }
    // The drawdown chart under the four (issue #25, 3; off by default), kept with the session.
    void setDrawdownChart(bool on);
    bool drawdownChart() const { return m_drawdownChart; }
    static const std::vector<int> &sensitivityWindows();
    void setSensitivityWindow(int days);
    int sensitivityWindow() const { return m_sensitivityWindow; }
    // Adds each regime of the range to the periods (those already listed are skipped); returns
    // how many were added.
    int addRegimesToPeriods();
    // What the charts mark for the current pair and range.
    ChartMarks marks() const;

    // Everything above that a study keeps (issue #23), as a figure of kind Pair, and back.
    // applyFigure() loads its pick (unless it is the one shown) and shows its range by the rules
    // (a preset again; fixed dates clamped to the data and snapped, else one year), rebase day,
    // periods and options. It returns the error when the pick cannot be loaded (an empty cache,
    // a symbol gone), and keeps the pick so that a later reload() shows it.
    Figure figure() const;
    std::optional<QString> applyFigure(const Figure &figure);

    const PairPick &currentPick() const { return m_pick; }
    const PairData *pair() const { return m_pair.get(); }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    QString preset() const { return m_preset; }
    std::optional<QDate> rebase() const { return m_rebase; }
    // The close the rebased charts, headlines and the Range column measure from.
    QDate baseDay() const;
    // The trading day of the pair on or before `date` (the first day when `date` precedes it).
    QDate tradingDayOnOrBefore(const QDate &date) const;

Q_SIGNALS:
    void pairChanged();    // new data (pick, swap, basis, rates, reload): everything redraws
    void rangeChanged();   // range, preset or rebase day: the charts and tables redraw
    void periodsChanged(); // the periods list
    void optionsChanged(); // log scale, moves ranking, marks, the drawdown and sensitivity charts

private:
    void load(const PairPick &pick);
    // The pairs read last are kept (a study's figures switch at a click, issue #23); reload()
    // forgets them.
    PairData read(const PairPick &pick);
    static constexpr std::size_t kKeptPairs = 16;
    void showRangeFor(const QString &preset, const QDate &from, const QDate &to);
    QString pairKey() const;
    static QString pairKeyOf(const QString &a, const QString &b);
    void applyOptions(const Figure &figure);
    static Figure optionsOf(const Figure &figure); // the view options alone, for comparing
    void showFigureRange(const FigureRange &range);

    Loader m_loader;
    std::vector<std::pair<PairPick, std::shared_ptr<const PairData>>> m_loaded;
    PairPick m_pick;
    std::unique_ptr<PairData> m_pair;
    QDate m_from, m_to;
    QString m_preset;
    std::optional<QDate> m_rebase;
    std::vector<std::pair<QDate, QDate>> m_history;
    std::map<QString, std::vector<Period>> m_periods; // per pair, A and B in either order
    bool m_log = false;
    MoveRanking m_moveRanking = MoveRanking::ByA;
    MoveDirection m_moveDirection = MoveDirection::Both;
    bool m_periodBands = false;
    bool m_regimeBands = false;
    bool m_sensitivityChart = false;
    bool m_drawdownChart = false;
    int m_sensitivityWindow = 60;
    int m_markedMoves = 0;
    bool m_continuing = false;
    // The keyboard's zoom-ins, each range before and after, so that zooming out retraces them.
    std::vector<std::pair<std::pair<QDate, QDate>, std::pair<QDate, QDate>>> m_zoomTrail;
};

} // namespace indexlens
