// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

#include <QDate>
#include <QString>

#include <vector>

namespace indexlens {

// A relative rotation graph's one open, rolling definition (issue #25, 1); not JdK's
// proprietary RRG values. On the periods of a symbol and its benchmark (the last common trading
// day of each calendar week, or every common day):
// - RS = 100 · A / B on the closes;
// - RS-Ratio = 100 · EMA_short(RS) / EMA_long(RS);
// - RS-Momentum = 100 · RS-Ratio / EMA_mom(RS-Ratio);
// EMA_n has α = 2 / (n + 1) and starts at the first period's value. A point exists from the
// (long + mom)-th period of the common history on. Every EMA runs forward only, so a point never
// moves when later data arrive.
enum class RotationStep { Week, Day };

struct RotationSettings {
    int shortPeriods = 10;
    int longPeriods = 30;
    int momentumPeriods = 10;
    RotationStep step = RotationStep::Week;
    bool operator==(const RotationSettings &o) const
    {
        return shortPeriods == o.shortPeriods && longPeriods == o.longPeriods &&
               momentumPeriods == o.momentumPeriods && step == o.step;
    }
    // The 1-based period of the common history that has the first point.
    int firstPointPeriod() const { return longPeriods + momentumPeriods; }
};

// Clockwise from the top right: Leading (RS-Ratio ≥ 100, RS-Momentum ≥ 100), Weakening (≥ 100,
// < 100), Lagging (< 100, < 100), Improving (< 100, ≥ 100).
enum class Quadrant { Leading, Weakening, Lagging, Improving };

Quadrant quadrantOf(double rsRatio, double rsMomentum);
// "Leading", "Weakening", "Lagging", "Improving".
QString quadrantName(Quadrant quadrant);

struct RotationPoint {
    QDate date;
    double rsRatio = 100;
    double rsMomentum = 100;
    Quadrant quadrant() const { return quadrantOf(rsRatio, rsMomentum); }
};

// The periods of two series up to `to` (both included): the common trading days, or the last of
// each calendar week (Monday to Sunday) among them. A week cut by `to` ends on its last common
// day on or before `to`, so a tail ends on the range's last day.
struct RotationPeriods {
    std::vector<QDate> dates;
    std::vector<double> a, b;
};
RotationPeriods rotationPeriods(const Series &a, const Series &benchmark, const QDate &to,
                                RotationStep step);

// Every point of A against the benchmark up to `to`, oldest first; empty when the common history
// has fewer periods than settings.firstPointPeriod().
std::vector<RotationPoint> rotationPath(const Series &a, const Series &benchmark, const QDate &to,
                                        const RotationSettings &settings);

// A symbol's tail: the last `length` points of its path, and how many periods in a row, up to
// the head, the path has been in the head's quadrant.
struct RotationTail {
    QString symbol;
    std::vector<RotationPoint> points; // oldest first; the last is the head
    int periodsInQuadrant = 0;
    // Common periods up to `to` (to say why a symbol has no point).
    int commonPeriods = 0;
    bool isBenchmark = false; // the benchmark itself: RS is 100 every period, no rotation
    bool has() const { return !points.empty(); }
};
RotationTail rotationTail(const SymbolSeries &a, const Series &benchmark, const QDate &to,
                          const RotationSettings &settings, int length);

// Why a tail has no point: "IWO: 12 weekly periods in common with SPY up to 2024-07-26; the
// first point needs 40 (long 30 + momentum 10)".
QString rotationShortfall(const RotationTail &tail, const QString &benchmark, const QDate &to,
                          const RotationSettings &settings);

} // namespace indexlens
