// SPDX-License-Identifier: GPL-3.0-or-later
#include "Rotation.h"

#include "analysis/Alignment.h"

namespace indexlens {

namespace {

// EMA_n with α = 2 / (n + 1), started at the first value.
std::vector<double> ema(const std::vector<double> &values, int n)
{
    std::vector<double> out;
    out.reserve(values.size());
    const double alpha = 2.0 / (n + 1.0);
    for (const double v : values)
        out.push_back(out.empty() ? v : alpha * v + (1 - alpha) * out.back());
    return out;
}

// The Monday of the date's calendar week: two days share a week when it is the same.
QDate weekOf(const QDate &date)
{
    return date.addDays(1 - date.dayOfWeek());
}

} // namespace

Quadrant quadrantOf(double rsRatio, double rsMomentum)
{
    if (rsRatio >= 100) return rsMomentum >= 100 ? Quadrant::Leading : Quadrant::Weakening;
    return rsMomentum >= 100 ? Quadrant::Improving : Quadrant::Lagging;
}

QString quadrantName(Quadrant quadrant)
{
    switch (quadrant) {
    case Quadrant::Leading:
        return QStringLiteral("Leading");
    case Quadrant::Weakening:
        return QStringLiteral("Weakening");
    case Quadrant::Lagging:
        return QStringLiteral("Lagging");
    case Quadrant::Improving:
        return QStringLiteral("Improving");
    }
    return {};
}

RotationPeriods rotationPeriods(const Series &a, const Series &benchmark, const QDate &to,
                                RotationStep step)
{
    const AlignedSeries common = alignOnCommonDays({a, benchmark});
    RotationPeriods out;
    for (std::size_t i = 0; i < common.size() && common.dates[i] <= to; ++i) {
        const bool lastOfWeek = i + 1 == common.size() || common.dates[i + 1] > to ||
                                weekOf(common.dates[i + 1]) != weekOf(common.dates[i]);
        if (step == RotationStep::Week && !lastOfWeek) continue;
        out.dates.push_back(common.dates[i]);
        out.a.push_back(common.values[0][i]);
        out.b.push_back(common.values[1][i]);
    }
    return out;
}

std::vector<RotationPoint> rotationPath(const Series &a, const Series &benchmark, const QDate &to,
                                        const RotationSettings &settings)
{
    const RotationPeriods periods = rotationPeriods(a, benchmark, to, settings.step);
    std::vector<double> rs;
    rs.reserve(periods.dates.size());
    for (std::size_t i = 0; i < periods.dates.size(); ++i)
        rs.push_back(100 * periods.a[i] / periods.b[i]);
    const std::vector<double> fast = ema(rs, settings.shortPeriods);
    const std::vector<double> slow = ema(rs, settings.longPeriods);
    std::vector<double> ratio;
    ratio.reserve(rs.size());
    for (std::size_t i = 0; i < rs.size(); ++i)
        ratio.push_back(100 * fast[i] / slow[i]);
    const std::vector<double> ratioTrend = ema(ratio, settings.momentumPeriods);
    std::vector<RotationPoint> path;
    for (std::size_t i = std::size_t(settings.firstPointPeriod() - 1); i < rs.size(); ++i)
        path.push_back({periods.dates[i], ratio[i], 100 * ratio[i] / ratioTrend[i]});
    return path;
}

RotationTail rotationTail(const SymbolSeries &a, const Series &benchmark, const QDate &to,
                          const RotationSettings &settings, int length)
{
    RotationTail tail;
    tail.symbol = a.symbol;
    tail.commonPeriods = int(rotationPeriods(a.series, benchmark, to, settings.step).dates.size());
    const std::vector<RotationPoint> path = rotationPath(a.series, benchmark, to, settings);
    if (path.empty()) return tail;
    const std::size_t first = path.size() > std::size_t(length) ? path.size() - length : 0;
    tail.points.assign(path.begin() + std::ptrdiff_t(first), path.end());
    const Quadrant head = path.back().quadrant();
    for (auto it = path.rbegin(); it != path.rend() && it->quadrant() == head; ++it)
        ++tail.periodsInQuadrant;
    return tail;
}

QString rotationShortfall(const RotationTail &tail, const QString &benchmark, const QDate &to,
                          const RotationSettings &settings)
{
    if (tail.isBenchmark)
        return QStringLiteral("%1 is the benchmark: against itself it stays at 100, 100")
            .arg(tail.symbol);
    const QString unit = settings.step == RotationStep::Week ? QStringLiteral("weekly periods")
                                                             : QStringLiteral("trading days");
    return QStringLiteral("%1: %2 %3 in common with %4 up to %5; the first point needs %6 (long "
                          "%7 + momentum %8)")
        .arg(tail.symbol)
        .arg(tail.commonPeriods)
        .arg(unit, benchmark, to.toString(Qt::ISODate))
        .arg(settings.firstPointPeriod())
        .arg(settings.longPeriods)
        .arg(settings.momentumPeriods);
}

} // namespace indexlens
