// SPDX-License-Identifier: GPL-3.0-or-later
#include "ValueTicks.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace indexlens {

namespace {

// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1     ? 1
                        : fraction <= 2   ? 2
                        : fraction <= 2.5 ? 2.5
                        : fraction <= 5   ? 5
                                          : 10;
    return nice * magnitude;
}

} // namespace

std::vector<double> logAxisTicks(double lo, double hi, int maxTicks)
{
    std::vector<double> ticks;
    if (!(lo > 0) || !(hi > lo) || !std::isfinite(hi) || maxTicks < 1) return ticks;
    if (hi / lo < 10) {
        const double step = niceStep((hi - lo) / maxTicks);
        for (double k = std::ceil(lo / step - 1e-9); k * step <= hi * (1 + 1e-12); k += 1)
            ticks.push_back(k * step);
        return ticks;
    }
    const int firstDecade = int(std::floor(std::log10(lo)));
    const int lastDecade = int(std::ceil(std::log10(hi)));
    auto collect = [&](bool withTwoAndFive, int everyNthDecade) {
        std::vector<double> out;
        for (int d = firstDecade; d <= lastDecade; ++d) {
            if (((d % everyNthDecade) + everyNthDecade) % everyNthDecade != 0) continue;
            const double power = std::pow(10.0, d);
            for (const double m : {1.0, 2.0, 5.0}) {
                if (m > 1 && !withTwoAndFive) continue;
                const double v = m * power;
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push_back(v);
            }
        }
        return out;
    };
    ticks = collect(true, 1);
    if (int(ticks.size()) <= maxTicks) return ticks;
    for (int every = 1;; ++every) {
        ticks = collect(false, every);
        if (int(ticks.size()) <= maxTicks) return ticks;
    }
}

LinearTicks linearAxisTicks(double lo, double hi, int maxTicks)
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
    const double pad = (hi - lo) * 0.03; // the line never touches the frame
    const double l = positive ? std::max(0.0, lo - pad) : lo - pad;
    const double h = hi + pad;
    maxTicks = std::max(2, maxTicks);
    double step = niceStep((h - l) / double(maxTicks - 1));
    double first = 0, last = 0;
    for (;;) {
        first = std::floor(l / step + 1e-9) * step;
        last = std::ceil(h / step - 1e-9) * step;
        if ((last - first) / step < maxTicks + 0.5) break;
        step = niceStep(step * 1.01); // the next nice step up
    }
    out.lo = first;
    out.hi = last;
    for (double k = 0; first + k * step <= last + step * 1e-9; k += 1)
        out.values.push_back(std::round((first + k * step) * 1e10) / 1e10);
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
        labels << english.toString(v == 0 ? 0.0 : v, 'f', decimals); // no "-0"
    return labels;
}

} // namespace indexlens
