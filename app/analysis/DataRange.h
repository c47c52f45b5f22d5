// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"

namespace indexlens {

// Throws UserError unless `series` can answer "as of `date`": the date must not precede the first
// point, nor come after the last point by more than a weekend (data that ends on a Friday answers
// for Saturday and Sunday, not for the Monday it has not seen yet).
void requireCovers(const Series &series, const QString &symbol, const QDate &date);

// Whether requireCovers(series, ..., date) would pass.
bool covers(const Series &series, const QDate &date);

// Throws UserError when `series` is empty.
void requireData(const Series &series, const QString &symbol);

} // namespace indexlens
