// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Series.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace indexlens {

// A group of series compared together (issue #13): "Russell size and style", "US indices".
struct SeriesGroup {
    QString name;
    QStringList symbols;
};

// The instruments IndexLens knows by name (resources/catalog.json). Symbols outside it still work:
// their kind is inferred from the symbol's form.
class Catalog {
public:
    // The catalog compiled into the application.
    static const Catalog &builtIn();

    // Parses catalog JSON; on failure returns an empty catalog and sets `error`.
    static Catalog fromJson(const QByteArray &json, QString *error);

    std::optional<Instrument> find(const QString &symbol) const;
    std::vector<Instrument> all() const;
    // The compare view's groups, in the catalog's order.
    const std::vector<SeriesGroup> &groups() const { return m_groups; }

    // Kind from the catalog, else from the symbol's form.
    InstrumentKind kindOf(const QString &symbol) const;

    // FRED-style rate ids (DGS10, DGS3MO, T10Y2Y, ...) and the CBOE yield indices (^TNX, ...).
    static bool looksLikeRate(const QString &symbol);

private:
    QHash<QString, Instrument> m_bySymbol;
    std::vector<QString> m_order;
    std::vector<SeriesGroup> m_groups;
};

} // namespace indexlens
