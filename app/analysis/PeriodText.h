// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/PeriodTable.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace indexlens {

// The one reading of a period's text, for `--period`, a study's periods and the Periods table
// (issue #24, 5; issue #26): START:END with each date as a date field takes it (2023-06-30,
// 20230630, 2023/06/30), spaces allowed, or "START to END".
struct TypedPeriod {
    Period period;         // set when both dates are days, even if END is before START
    QString reason;        // why the text is not a period; empty when it is one
    bool reversed = false; // END before START: a period, but an empty one
    bool ok() const { return reason.isEmpty() && !reversed; }
};
TypedPeriod parseTypedPeriod(const QString &text);

// "2024-07-01:2024-07-23".
QString periodText(const Period &period);

// A typed or pasted list, one period per line, or separated by commas or semicolons: the periods
// read and each part that is not one, with the reason.
struct RefusedText {
    QString text;
    QString reason;
    bool needsCorrection = true; // false for one that is fine but listed already
    QString message() const { return text + QStringLiteral(": ") + reason; }
};
struct TypedPeriods {
    std::vector<Period> periods;
    std::vector<RefusedText> refused;
};
TypedPeriods parsePeriodList(const QString &text);

} // namespace indexlens
