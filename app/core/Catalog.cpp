// SPDX-License-Identifier: GPL-3.0-or-later
#include "Catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

// The resources live in a static library, whose initializer the linker drops unless called.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace indexlens {

const Catalog &Catalog::builtIn()
{
    static const Catalog catalog = [] {
        initResources();
        QFile file(QStringLiteral(":/indexlens/catalog.json"));
        QString error;
        if (!file.open(QIODevice::ReadOnly)) qFatal("built-in catalog resource is missing");
        Catalog c = fromJson(file.readAll(), &error);
        if (!error.isEmpty()) qFatal("built-in catalog is invalid: %s", qPrintable(error));
        return c;
    }();
    return catalog;
}

Catalog Catalog::fromJson(const QByteArray &json, QString *error)
{
    Catalog catalog;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        *error = QStringLiteral("catalog: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return {};
    }
    const QJsonArray items = doc.object().value(QLatin1String("instruments")).toArray();
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        Instrument inst;
        inst.symbol = o.value(QLatin1String("symbol")).toString().trimmed();
        inst.name = o.value(QLatin1String("name")).toString();
        inst.currency = o.value(QLatin1String("currency")).toString();
        inst.provider = o.value(QLatin1String("provider")).toString();
        const auto kind = kindFromName(o.value(QLatin1String("kind")).toString());
        if (inst.symbol.isEmpty() || !kind) {
            *error =
                QStringLiteral("catalog: entry %1 needs a symbol and a kind (index, etf, rate)")
                    .arg(i + 1);
            return {};
        }
        inst.kind = *kind;
        if (!catalog.m_bySymbol.contains(inst.symbol)) catalog.m_order.push_back(inst.symbol);
        catalog.m_bySymbol.insert(inst.symbol, inst);
    }
    const QJsonArray groups = doc.object().value(QLatin1String("groups")).toArray();
    for (int i = 0; i < groups.size(); ++i) {
        const QJsonObject o = groups.at(i).toObject();
        SeriesGroup group{o.value(QLatin1String("name")).toString(), {}};
        for (const auto &symbol : o.value(QLatin1String("symbols")).toArray())
            group.symbols << symbol.toString();
        if (group.name.isEmpty() || group.symbols.size() < 2) {
            *error = QStringLiteral("catalog: group %1 needs a name and two symbols").arg(i + 1);
            return {};
        }
        catalog.m_groups.push_back(group);
    }
    return catalog;
}

std::optional<Instrument> Catalog::find(const QString &symbol) const
{
    const auto it = m_bySymbol.constFind(symbol);
    if (it == m_bySymbol.cend()) return std::nullopt;
    return *it;
}

std::vector<Instrument> Catalog::all() const
{
    std::vector<Instrument> result;
    result.reserve(m_order.size());
    for (const QString &symbol : m_order)
        result.push_back(m_bySymbol.value(symbol));
    return result;
}

InstrumentKind Catalog::kindOf(const QString &symbol) const
{
    if (const auto inst = find(symbol)) return inst->kind;
    if (looksLikeRate(symbol)) return InstrumentKind::Rate;
    return symbol.startsWith(QLatin1Char('^')) ? InstrumentKind::Index : InstrumentKind::Etf;
}

bool Catalog::looksLikeRate(const QString &symbol)
{
    // Treasury constant maturities (DGS1MO..DGS30), inflation-indexed (DFII5..), spreads
    // (T10Y2Y, T10Y3M), breakevens (T5YIE) and the CBOE yield indices.
    static const QRegularExpression pattern(
        QStringLiteral("^(DGS\\d+(MO)?|DFII\\d+|T\\d+Y\\d+[YM]|T\\d+YIE|DFF|EFFR|SOFR|DTB\\d+|\\^("
                       "TNX|IRX|FVX|TYX))$"));
    return pattern.match(symbol).hasMatch();
}

} // namespace indexlens
