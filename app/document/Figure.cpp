// SPDX-License-Identifier: GPL-3.0-or-later
#include "Figure.h"

#include "analysis/Measure.h"
#include "core/TextFields.h"

#include <array>
#include <utility>

namespace indexlens {

namespace {

const std::array<std::pair<FigureKind, const char *>, 10> kKindNames{{
    {FigureKind::Pair, "pair"},
    {FigureKind::Compare, "compare"},
    {FigureKind::ReturnsBars, "returns-bars"},
    {FigureKind::Sensitivity, "sensitivity"},
    {FigureKind::Scatter, "scatter"},
    {FigureKind::PeriodsTable, "periods-table"},
    {FigureKind::MovesTable, "moves-table"},
    {FigureKind::ReturnsTable, "returns-table"},
    {FigureKind::Rotation, "rotation"},
    {FigureKind::Seasonality, "seasonality"},
}};

} // namespace

QString figureKindName(FigureKind kind)
{
    for (const auto &[k, name] : kKindNames)
        if (k == kind) return QString::fromLatin1(name);
    return {};
}

std::optional<FigureKind> figureKindNamed(const QString &name)
{
    for (const auto &[k, n] : kKindNames)
        if (name.trimmed().compare(QLatin1String(n), Qt::CaseInsensitive) == 0) return k;
    return std::nullopt;
}

const std::vector<FigureKind> &figureKinds()
{
    static const std::vector<FigureKind> kinds = [] {
        std::vector<FigureKind> out;
        out.reserve(kKindNames.size());
        for (const auto &entry : kKindNames)
            out.push_back(entry.first);
        return out;
    }();
    return kinds;
}

bool isTableKind(FigureKind kind)
{
    return kind == FigureKind::PeriodsTable || kind == FigureKind::MovesTable ||
           kind == FigureKind::ReturnsTable;
}

bool isPairKind(FigureKind kind)
{
    return kind != FigureKind::Compare && kind != FigureKind::ReturnsBars &&
           kind != FigureKind::ReturnsTable && kind != FigureKind::Rotation;
}

const QStringList &rangePresets()
{
    static const QStringList presets = {
        QStringLiteral("1M"),  QStringLiteral("3M"),  QStringLiteral("6M"),
        QStringLiteral("YTD"), QStringLiteral("1Y"),  QStringLiteral("3Y"),
        QStringLiteral("5Y"),  QStringLiteral("10Y"), QStringLiteral("Max")};
    return presets;
}

std::pair<QDate, QDate> rangeDates(const FigureRange &range, const QDate &first, const QDate &last,
                                   const QDate &asOf)
{
    if (range.preset.isEmpty()) return {range.from, range.to};
    const QDate end = asOf.isValid() && asOf < last ? asOf : last;
    if (range.preset == QLatin1String("Max")) return {first, end};
    const QDate start = presetStart(range.preset, end);
    return {start.isValid() && start > first ? start : first, end};
}

bool Figure::operator==(const Figure &o) const
{
    return kind == o.kind && title == o.title && caption == o.caption && a == o.a && b == o.b &&
           symbols == o.symbols && rates == o.rates && basis == o.basis && range == o.range &&
           rebase == o.rebase && periods == o.periods && days == o.days &&
           returnPeriods == o.returnPeriods && charts == o.charts && logScale == o.logScale &&
           periodBands == o.periodBands && regimeBands == o.regimeBands &&
           markedMoves == o.markedMoves && moveRanking == o.moveRanking &&
           moveDirection == o.moveDirection && drawdownChart == o.drawdownChart &&
           sensitivityChart == o.sensitivityChart && window == o.window && top == o.top &&
           benchmark == o.benchmark && rotation == o.rotation && width == o.width &&
           height == o.height && scale == o.scale && dark == o.dark && unknown == o.unknown;
}

std::vector<ChartKind> Figure::pairCharts() const
{
    if (kind == FigureKind::Sensitivity) return {ChartKind::Sensitivity};
    if (kind == FigureKind::Scatter) return {ChartKind::Scatter};
    if (kind == FigureKind::Seasonality) return {ChartKind::Seasonality};
    return charts.empty() ? pairStackKinds(drawdownChart) : charts;
}

QString Figure::subject() const
{
    const QString name = figureKindName(kind);
    if (isPairKind(kind)) return QStringLiteral("%1 %2/%3").arg(name, a, b);
    if (kind == FigureKind::Rotation)
        return QStringLiteral("%1 %2 against %3")
            .arg(name, symbols.join(QStringLiteral(", ")), benchmark);
    return QStringLiteral("%1 %2").arg(name, symbols.join(QStringLiteral(", ")));
}

QString Figure::rangeText() const
{
    if (!range.preset.isEmpty()) return range.preset;
    // A rotation's tails end on its last day ("2024-07-26 to 2024-07-26" read oddly).
    if (kind == FigureKind::Rotation && range.to.isValid())
        return QStringLiteral("tails to %1").arg(range.to.toString(Qt::ISODate));
    return QStringLiteral("%1 to %2")
        .arg(range.from.toString(Qt::ISODate), range.to.toString(Qt::ISODate));
}

QString exportFileStem(const QString &stem, const QDate &from, const QDate &to)
{
    QString name = stem;
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    name.remove(QLatin1Char('^')); // "^GSPC-^RUT": a caret in a file name only gets in the way
    return QStringLiteral("%1_%2_%3")
        .arg(name, from.toString(Qt::ISODate), to.toString(Qt::ISODate));
}

} // namespace indexlens
