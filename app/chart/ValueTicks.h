#pragma once

#include <vector>

namespace indexlens {

// Tick values for a logarithmic value axis over [lo, hi] (both > 0), at most about `maxTicks`.
// Within a factor of ten they are round linear steps (0.35, 0.40, 0.45 for a ratio that moves
// between 0.33 and 0.48: a log axis over one decade would otherwise show no label at all); over
// more, 1, 2 and 5 times the powers of ten, or the powers of ten alone when those are too many.
std::vector<double> logAxisTicks(double lo, double hi, int maxTicks);

} // namespace indexlens
