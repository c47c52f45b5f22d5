#include "ValueTicks.h"

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

} // namespace indexlens
