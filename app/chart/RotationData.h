// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/Rotation.h"
#include "chart/PairData.h"

#include <QStringList>

#include <vector>

namespace indexlens {

// What the rotation view asks for (issue #25, 1): the tails' length and the definition's
// parameters. The window, `export --chart rotation` and a study's rotation figure share it.
struct RotationView {
    RotationSettings settings;
    int tail = 8;
    bool operator==(const RotationView &o) const
    {
        return settings == o.settings && tail == o.tail;
    }
};

// Symbols and the benchmark they rotate against, loaded once; everything the rotation chart,
// its table, its replay and its read-out need for a given last day. Nothing here touches a widget.
class RotationData {
public:
    // Throws UserError naming an unknown symbol; a rate is refused like everywhere.
    static RotationData load(const PriceStore &store, const QStringList &symbols,
                             const QString &benchmark, ReturnBasis basis);
    static RotationData fromSeries(std::vector<SymbolSeries> symbols, SymbolSeries benchmark);

    QStringList symbols() const;
    const QString &benchmark() const { return m_benchmark.symbol; }
    const std::vector<SymbolSeries> &series() const { return m_symbols; }
    QDate first() const;
    QDate last() const;
    // The tails' last day for an asked `to`: `to`, or the data's last day when `to` is after
    // it, with a note saying so (issue #25, trial: `rotation` ended there silently, while
    // `export` said it).
    QDate lastDay(const QDate &to, QStringList &notes) const;

    // Each symbol's tail ending on the last period on or before `to`, in the symbols' order.
    std::vector<RotationTail> tails(const QDate &to, const RotationView &view) const;
    // Why each symbol without a point has none, which tails end early (their data end) and which
    // hold fewer points than asked.
    QStringList shortfalls(const std::vector<RotationTail> &tails, const QDate &to,
                           const RotationView &view) const;
    // The replay's steps: the benchmark's periods (weeks' last days, or days) in [from, to].
    std::vector<QDate> steps(const QDate &from, const QDate &to, const RotationView &view) const;

    // The graph: x RS-Ratio, y RS-Momentum, a tail per symbol in its compare colour (`slots`, one
    // per symbol; empty: CompareData::colourSlots), its head labelled, the quadrants around
    // (100, 100) named, and the definition in the title.
    ChartContent chart(const std::vector<RotationTail> &tails, const QDate &to,
                       const RotationView &view, const std::vector<int> &slots = {}) const;

    // "IWM 2024-07-26: RS-Ratio 98.64, RS-Momentum 101.05 (Improving)": the crosshair's read-out.
    static QString pointText(const QString &symbol, const RotationPoint &point);

private:
    QDate lastPeriod(const QDate &to, RotationStep step) const;
    std::vector<SymbolSeries> m_symbols;
    SymbolSeries m_benchmark;
};

} // namespace indexlens
