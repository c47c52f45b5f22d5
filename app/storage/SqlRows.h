// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the PriceStore's reads and writes (PriceStore.cpp, PriceStoreReads.cpp) both take from a
// query: a stored date, and SQLite's own words for a failure.

#include "core/TextFields.h"

#include <QDate>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace indexlens {

// A date column ("2024-07-11"); invalid when it is not one.
inline QDate dateFrom(const QVariant &value)
{
    const QByteArray text = value.toString().toLatin1();
    return parseIsoDate(std::string_view(text.constData(), std::size_t(text.size())))
        .value_or(QDate());
}

// SQLite's own words ("disk I/O error"), without Qt's driver text ("Unable to fetch row").
inline QString describe(const QSqlQuery &q)
{
    const QSqlError e = q.lastError();
    return (e.databaseText().isEmpty() ? e.text() : e.databaseText()).trimmed();
}

} // namespace indexlens
