// SPDX-License-Identifier: GPL-3.0-or-later
#include "LegacyView.h"

#include "analysis/PeriodText.h"

#include <QSettings>

#include <algorithm>

namespace indexlens {

namespace {

std::vector<Period> periodsOf(const QStringList &texts)
{
    std::vector<Period> out;
    for (const QString &text : texts)
        if (const TypedPeriod p = parseTypedPeriod(text); p.ok()) out.push_back(p.period);
    return out;
}

void readPair(const QSettings &s, Figure &f)
{
    f.a = s.value(QStringLiteral("pick/a"), f.a).toString();
    f.b = s.value(QStringLiteral("pick/b"), f.b).toString();
    f.rates = s.value(QStringLiteral("pick/rates"), f.rates).toStringList();
    f.basis = s.value(QStringLiteral("pick/total"), true).toBool() ? ReturnBasis::Total
                                                                   : ReturnBasis::Price;
    const QString preset = s.value(QStringLiteral("view/preset")).toString();
    const QDate from = s.value(QStringLiteral("view/from")).toDate();
    const QDate to = s.value(QStringLiteral("view/to")).toDate();
    if (rangePresets().contains(preset))
        f.range = {preset, {}, {}};
    else if (from.isValid() && to.isValid() && from < to)
        f.range = {QString(), from, to};
    f.logScale = s.value(QStringLiteral("view/log"), false).toBool();
    const MoveRanking older = s.value(QStringLiteral("view/movesBySpread"), false).toBool()
                                  ? MoveRanking::BySpread
                                  : MoveRanking::ByA;
    f.moveRanking =
        rankingNamed(s.value(QStringLiteral("view/moveRanking")).toString()).value_or(older);
    f.moveDirection = directionNamed(s.value(QStringLiteral("view/moveDirection")).toString())
                          .value_or(MoveDirection::Both);
    f.periodBands = s.value(QStringLiteral("view/periodBands"), false).toBool();
    f.markedMoves = std::clamp(s.value(QStringLiteral("view/markedMoves"), 0).toInt(), 0, 50);
    f.regimeBands = s.value(QStringLiteral("view/regimeBands"), false).toBool();
    f.sensitivityChart = s.value(QStringLiteral("view/sensitivityChart"), false).toBool();
    f.window = s.value(QStringLiteral("view/sensitivityWindow"), 60).toInt();
    // The periods of this pair ("A|B" in either order).
    QStringList both{f.a.toUpper(), f.b.toUpper()};
    both.sort();
    f.periods =
        periodsOf(s.value(QStringLiteral("periods/") + both.join(QLatin1Char('|'))).toStringList());
}

void readCompare(const QSettings &s, Figure &f)
{
    f.symbols = s.value(QStringLiteral("compare/symbols")).toStringList();
    for (const QString &text : s.value(QStringLiteral("compare/days")).toStringList())
        if (const QDate d = QDate::fromString(text, Qt::ISODate); d.isValid()) f.days.push_back(d);
    std::sort(f.days.begin(), f.days.end());
    f.returnPeriods = periodsOf(s.value(QStringLiteral("compare/periods")).toStringList());
}

} // namespace

std::optional<Figure> takeLegacyView(QSettings &settings)
{
    const QStringList keys = settings.allKeys();
    const auto legacy = [](const QString &key) {
        return (key.startsWith(QLatin1String("view/")) && key != QLatin1String("view/theme")) ||
               key.startsWith(QLatin1String("pick/")) ||
               key.startsWith(QLatin1String("periods/")) ||
               (key.startsWith(QLatin1String("compare/")) &&
                key != QLatin1String("compare/groups"));
    };
    if (std::none_of(keys.begin(), keys.end(), legacy)) return std::nullopt;
    Figure view;
    readPair(settings, view);
    readCompare(settings, view);
    for (const QString &key : keys)
        if (legacy(key)) settings.remove(key);
    return view;
}

} // namespace indexlens
