// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/SignedNumber.h"

#include <algorithm>
#include <cmath>

namespace indexlens {

QString signedNumber(double value, int decimals)
{
    // A value that rounds to zero is printed "+0", never "\u22120".
    const QString digits = QString::number(std::abs(value), 'f', decimals);
    const bool nonZero =
        std::any_of(digits.cbegin(), digits.cend(), [](QChar c) { return c != u'0' && c != u'.'; });
    const bool negative = value < 0 && nonZero;
    return (negative ? QStringLiteral("\u2212") : QStringLiteral("+")) + digits;
}

} // namespace indexlens
