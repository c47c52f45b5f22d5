// SPDX-License-Identifier: GPL-3.0-or-later
#include "ValueTicks.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace indexlens {

namespace {

// The ticks k * step inside [lo, hi].
std::vector<double> stepsWithin(double lo, double hi, double step)
{
    std::vector<double> out;
    for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k += 1)
        out.push_back(std::round(k * step * 1e10) / 1e10);
    return out;
}

// The round step after `step`: 1, 2, 5, 10 ... times a power of ten, and 25 between 20 and 50
// from 25 up (0.25 would give its labels a decimal more than their neighbours' steps).
double nextStep(double step)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double fraction = std::round(step / magnitude * 10) / 10;
    if (fraction < 2) return 2 * magnitude;
    if (fraction < 2.5) return magnitude >= 10 ? 2.5 * magnitude : 5 * magnitude;
    if (fraction < 5) return 5 * magnitude;
    return 10 * magnitude;
}

// Every `stride`-th of `ticks`, the one nearest zero (or the middle) among them, until at most
// `maxTicks` are left: "\u22122 2" of "\u22122 0 2" on a plot with room for two.
std::vector<double> thinned(const std::vector<double> &ticks, int maxTicks)
{
    const std::size_t stride = (ticks.size() + std::size_t(maxTicks) - 1) / std::size_t(maxTicks);
    std::size_t keep = ticks.size() / 2;
    for (std::size_t i = 0; i < ticks.size(); ++i)
        if (std::abs(ticks[i]) < std::abs(ticks[keep])) keep = i;
    if (maxTicks >= 2 && stride > 1) keep = 0; // the ends span the scale best
    std::vector<double> out;
    for (std::size_t i = keep % stride; i < ticks.size() && int(out.size()) < maxTicks; i += stride)
        out.push_back(ticks[i]);
    return out;
}

// The finest round steps that put at most `maxTicks` ticks inside [lo, hi]: the axis keeps its
// bounds and gets as many labels as it has room for.
std::vector<double> finestSteps(double lo, double hi, int maxTicks)
{
    // A power of ten well below the answer, then up step by step.
    double step = std::pow(10.0, std::floor(std::log10((hi - lo) / (4.0 * maxTicks))));
    std::vector<double> ticks = stepsWithin(lo, hi, step);
    while (int(ticks.size()) > maxTicks) {
        step = nextStep(step);
        std::vector<double> coarser = stepsWithin(lo, hi, step);
        // Two labels at least where there is room for two, or an axis reads no scale ("0"
        // alone on a short chart's beta); else every other of these (issue #25, trial: three
        // labels on a plot with room for two were all cut to "...").
        if (coarser.size() < 2 && maxTicks >= 2) return thinned(ticks, maxTicks);
        if (coarser.empty()) return thinned(ticks, maxTicks);
        ticks = std::move(coarser);
    }
    return ticks;
}

// `multiples` times the powers of ten of every `everyNth` decade, inside [lo, hi].
std::vector<double> decadeTicks(double lo, double hi, std::initializer_list<double> multiples,
                                int everyNth)
{
    std::vector<double> out;
    const int lastDecade = int(std::ceil(std::log10(hi)));
    for (int d = int(std::floor(std::log10(lo))); d <= lastDecade; ++d) {
        if (((d % everyNth) + everyNth) % everyNth != 0) continue;
        for (const double m : multiples) {
            const double v = m * std::pow(10.0, d);
            if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push_back(v);
        }
    }
    return out;
}

} // namespace

std::vector<double> logAxisTicks(double lo, double hi, int maxTicks)
{
    if (!(lo > 0) || !(hi > lo) || !std::isfinite(hi) || maxTicks < 1) return {};
    if (hi / lo < 10) return finestSteps(lo, hi, maxTicks);
    for (const auto &multiples : {std::initializer_list<double>{1, 2, 5}, {1, 3}, {1}}) {
        std::vector<double> ticks = decadeTicks(lo, hi, multiples, 1);
        if (int(ticks.size()) <= maxTicks) return ticks;
    }
    for (int every = 2;; ++every) {
        std::vector<double> ticks = decadeTicks(lo, hi, {1}, every);
        if (int(ticks.size()) <= maxTicks) return ticks;
    }
}

LogBounds logAxisBounds(double lo, double hi, double pad)
{
    if (!(lo > 0) || !std::isfinite(lo) || !std::isfinite(hi) || hi < lo) return {0.1, 1.0};
    // 3 % of the axis' span in log terms on each side, as a linear axis pads its range: 1.03
    // times the values was 0.01 of a decade, and a line over 30 years touched the frame.
    const double factor = std::max(1.01, std::pow(hi / lo, pad));
    return {lo / factor, hi * factor};
}

LinearTicks linearAxisTicks(double lo, double hi, int maxTicks, double pad)
{
    LinearTicks out;
    if (!std::isfinite(lo) || !std::isfinite(hi)) return out;
    if (hi < lo) std::swap(lo, hi);
    if (hi - lo <= 0) { // a flat series: a band around it
        const double half = std::max(std::abs(hi), 1.0) * 0.01;
        lo -= half;
        hi += half;
    }
    const bool positive = lo >= 0;
    const double margin = (hi - lo) * pad; // the line never touches the frame
    // Positive data get the padding below zero too (a line at 100 on an axis to 10,000 lay on
    // the frame), but never a negative label.
    out.lo = lo - margin;
    out.hi = hi + margin;
    out.values =
        finestSteps(positive ? std::max(0.0, out.lo) : out.lo, out.hi, std::max(1, maxTicks));
    return out;
}

QStringList tickLabels(const std::vector<double> &values)
{
    int decimals = 0;
    for (const double v : values) {
        while (decimals < 4 && std::abs(v * std::pow(10.0, decimals) -
                                        std::round(v * std::pow(10.0, decimals))) > 1e-6)
            ++decimals;
    }
    // English grouping whatever the system locale: a chart in a note reads 20,000.
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QStringList labels;
    for (const double v : values)
        labels << english
                      .toString(v == 0 ? 0.0 : v, 'f', decimals) // no "-0"
                      .replace(QLatin1Char('-'), QChar(0x2212));
    return labels;
}

} // namespace indexlens
