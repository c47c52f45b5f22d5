// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataSourceLine.h"

#include "providers/SourceNames.h"
#include "storage/PriceStore.h"

#include <QFileInfo>
#include <QHash>

namespace indexlens {

namespace {

// Where a symbol's cached data came from: a provider's name, or the file a generic CSV came from.
QString sourceOf(const PriceStore &store, const QString &symbol)
{
    const auto instrument = store.instrument(symbol);
    if (!instrument) return QString();
    QString provider = sourceName(instrument->source);
    if (!provider.isEmpty()) return provider;
    const std::vector<ImportLogEntry> log = store.log(symbol);
    for (auto it = log.rbegin(); it != log.rend(); ++it)
        if (it->action == QLatin1String("import") && !it->source.isEmpty())
            return QStringLiteral("file %1").arg(QFileInfo(it->source).fileName());
    return instrument->source;
}

} // namespace

QString dataSourceLine(const PriceStore &store, const QStringList &symbols, const QString &basis,
                       const QDate &asOf)
{
    QStringList sources; // in the order they first appear
    QHash<QString, QStringList> symbolsOf;
    for (const QString &symbol : symbols) {
        const QString source = symbol.isEmpty() ? QString() : sourceOf(store, symbol);
        if (source.isEmpty()) continue;
        if (!sources.contains(source)) sources << source;
        symbolsOf[source] << symbol;
    }
    QStringList parts;
    for (const QString &source : sources)
        parts << QStringLiteral("%1 (%2)").arg(source,
                                               symbolsOf[source].join(QStringLiteral(", ")));
    return QStringLiteral("Data: %1; %2; as of %3")
        .arg(parts.join(QStringLiteral(", ")), basis, asOf.toString(Qt::ISODate));
}

} // namespace indexlens
