// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompareSession.h"

#include "core/UserError.h"

#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

namespace indexlens {

namespace {
const QString kGroups = QStringLiteral("compare/groups");

bool isCatalogGroup(const QString &name)
{
    const auto &builtIn = Catalog::builtIn().groups();
    return std::any_of(builtIn.begin(), builtIn.end(), [&](const SeriesGroup &g) {
        return g.name.compare(name, Qt::CaseInsensitive) == 0;
    });
}
} // namespace

CompareSession::CompareSession(Loader loader, QObject *parent)
    : QObject(parent), m_loader(std::move(loader))
{
    const auto &builtIn = Catalog::builtIn().groups();
    if (!builtIn.empty()) m_symbols = builtIn.front().symbols;
    m_slots = CompareData::colourSlots(m_symbols);
}

void CompareSession::setSymbols(const QStringList &symbols)
{
    QStringList list;
    for (const QString &symbol : symbols) {
        const QString s = symbol.trimmed().toUpper();
        if (!s.isEmpty() && !list.contains(s) && list.size() < CompareData::kMaxSeries) list << s;
    }
    if (list == m_symbols) return;
    m_slots = CompareData::keptColourSlots(m_symbols, m_slots, list);
    m_symbols = list;
    Q_EMIT symbolsChanged();
}

QString CompareSession::addSymbol(const QString &symbol)
{
    const QString s = symbol.trimmed().toUpper();
    if (s.isEmpty()) return QStringLiteral("Type a symbol or part of a name");
    if (m_symbols.contains(s)) return QStringLiteral("%1 is in the list already").arg(s);
    if (m_symbols.size() >= CompareData::kMaxSeries)
        return QStringLiteral("%1: the list holds %2 series, the most compare draws; remove one "
                              "first")
            .arg(s)
            .arg(CompareData::kMaxSeries);
    setSymbols(m_symbols + QStringList{s});
    return {};
}

void CompareSession::removeSymbols(const QStringList &symbols)
{
    QStringList kept = m_symbols;
    for (const QString &symbol : symbols)
        kept.removeAll(symbol.trimmed().toUpper());
    setSymbols(kept);
}

std::vector<SeriesGroup> CompareSession::groups() const
{
    std::vector<SeriesGroup> all = Catalog::builtIn().groups();
    all.insert(all.end(), m_userGroups.begin(), m_userGroups.end());
    return all;
}

bool CompareSession::applyGroup(const QString &name)
{
    for (const SeriesGroup &group : groups())
        if (group.name == name) {
            setSymbols(group.symbols);
            return true;
        }
    return false;
}

void CompareSession::saveGroup(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty()) throw UserError(QStringLiteral("a group needs a name"));
    if (n.contains(QLatin1Char(':')) || n.contains(QLatin1Char('\n')))
        throw UserError(QStringLiteral("group %1: a name cannot hold ':' or a line break").arg(n));
    if (isCatalogGroup(n))
        throw UserError(QStringLiteral("%1 is a group of the catalog; choose another name").arg(n));
    std::vector<SeriesGroup> groups = m_userGroups;
    const auto it = std::find_if(groups.begin(), groups.end(),
                                 [&](const SeriesGroup &g) { return g.name == n; });
    if (it != groups.end())
        it->symbols = m_symbols;
    else
        groups.push_back({n, m_symbols});
    setUserGroups(std::move(groups));
}

void CompareSession::setUserGroups(std::vector<SeriesGroup> groups)
{
    m_userGroups = std::move(groups);
    Q_EMIT groupsChanged();
}

std::vector<SeriesGroup> CompareSession::parseGroups(const QString &text)
{
    std::vector<SeriesGroup> groups;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        const auto fail = [&](const QString &why) {
            return UserError(
                QStringLiteral("compare groups, line %1 (%2): %3").arg(i + 1).arg(line, why));
        };
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) throw fail(QStringLiteral("expected \"Name: SYM, SYM, ...\""));
        SeriesGroup group{line.left(colon).trimmed(), {}};
        for (const QString &symbol : line.mid(colon + 1).split(
                 QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
            if (!group.symbols.contains(symbol.toUpper())) group.symbols << symbol.toUpper();
        if (group.symbols.size() < 2 || group.symbols.size() > CompareData::kMaxSeries)
            throw fail(QStringLiteral("a group holds 2 to %1 symbols, not %2")
                           .arg(CompareData::kMaxSeries)
                           .arg(group.symbols.size()));
        if (isCatalogGroup(group.name))
            throw fail(QStringLiteral("%1 is a group of the catalog").arg(group.name));
        groups.push_back(std::move(group));
    }
    return groups;
}

QString CompareSession::formatGroups(const std::vector<SeriesGroup> &groups)
{
    QStringList lines;
    for (const SeriesGroup &group : groups)
        lines << QStringLiteral("%1: %2").arg(group.name, group.symbols.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

QDate CompareSession::snapped(const QDate &day) const
{
    if (!m_data) return day;
    const std::vector<QDate> &dates = m_data->dates();
    const auto it = std::upper_bound(dates.begin(), dates.end(), day);
    return it == dates.begin() ? day : *std::prev(it);
}

bool CompareSession::addDay(const QDate &day)
{
    const QDate d = snapped(day);
    std::vector<QDate> &days = m_measures.days;
    if (!d.isValid() || std::find(days.begin(), days.end(), d) != days.end()) return false;
    days.insert(std::upper_bound(days.begin(), days.end(), d), d);
    Q_EMIT measuresChanged();
    return true;
}

bool CompareSession::addPeriod(const Period &period)
{
    std::vector<Period> &periods = m_measures.periods;
    const auto same = [&](const Period &p) { return p == period; };
    if (!period.start.isValid() || period.end <= period.start ||
        std::any_of(periods.begin(), periods.end(), same))
        return false;
    const auto later = std::find_if(periods.begin(), periods.end(), [&](const Period &p) {
        return std::pair(p.start, p.end) > std::pair(period.start, period.end);
    });
    periods.insert(later, period);
    Q_EMIT measuresChanged();
    return true;
}

void CompareSession::removeMeasure(int index)
{
    const int days = int(m_measures.days.size());
    if (index < 0) return;
    if (index < days)
        m_measures.days.erase(m_measures.days.begin() + index);
    else if (index - days < int(m_measures.periods.size()))
        m_measures.periods.erase(m_measures.periods.begin() + (index - days));
    else
        return;
    Q_EMIT measuresChanged();
}

void CompareSession::clearMeasures()
{
    if (m_measures.empty()) return;
    m_measures = {};
    Q_EMIT measuresChanged();
}

const CompareData &CompareSession::data(const QString &rate)
{
    if (!m_data || m_loadedSymbols != m_symbols || m_loadedRate != rate) {
        m_data.reset();
        m_data = m_loader(m_symbols, rate);
        m_loadedSymbols = m_symbols;
        m_loadedRate = rate;
    }
    m_data->setColourSlots(m_slots);
    return *m_data;
}

void CompareSession::reload()
{
    m_data.reset();
}

void CompareSession::setBenchmark(const QString &symbol)
{
    const QString upper = symbol.trimmed().toUpper();
    if (upper.isEmpty()) throw UserError(QStringLiteral("Benchmark: give a symbol (e.g. SPY)"));
    if (upper == m_benchmark) return;
    m_benchmark = upper;
    Q_EMIT rotationChanged();
}

void CompareSession::setRotation(const RotationView &view)
{
    const RotationSettings &s = view.settings;
    for (const auto &[name, value] : {std::pair{QStringLiteral("Short EMA"), s.shortPeriods},
                                      std::pair{QStringLiteral("Long EMA"), s.longPeriods},
                                      std::pair{QStringLiteral("Momentum EMA"), s.momentumPeriods},
                                      std::pair{QStringLiteral("Tail"), view.tail}})
        if (value < 1 || value > 1000)
            throw UserError(
                QStringLiteral("%1 %2: expected 1 to 1000 periods").arg(name).arg(value));
    if (view == m_rotation) return;
    m_rotation = view;
    Q_EMIT rotationChanged();
}

void CompareSession::fillFigure(Figure &figure) const
{
    figure.benchmark = m_benchmark;
    figure.rotation = m_rotation;
    figure.symbols = m_symbols;
    figure.colours = m_slots;
    figure.days = m_measures.days;
    figure.returnPeriods = m_measures.periods;
}

void CompareSession::applyFigure(const Figure &figure)
{
    if (figure.benchmark != m_benchmark || !(figure.rotation == m_rotation)) {
        m_benchmark = figure.benchmark;
        m_rotation = figure.rotation;
        Q_EMIT rotationChanged();
    }
    if (!figure.symbols.isEmpty() && figure.symbols != m_symbols) setSymbols(figure.symbols);
    // The colours the figure was saved with (one per symbol, each once), else those kept.
    if (figure.symbols == m_symbols && validColourSlots(figure.colours, m_symbols.size()) &&
        figure.colours != m_slots) {
        m_slots = figure.colours;
        Q_EMIT symbolsChanged();
    }
    ReturnMeasures measures{figure.days, {}};
    for (const Period &p : figure.returnPeriods)
        if (p.start.isValid() && p.end > p.start &&
            std::find(measures.periods.begin(), measures.periods.end(), p) ==
                measures.periods.end())
            measures.periods.push_back(p);
    std::sort(measures.days.begin(), measures.days.end());
    measures.days.erase(std::unique(measures.days.begin(), measures.days.end()),
                        measures.days.end());
    if (measures.days == m_measures.days && measures.periods == m_measures.periods) return;
    m_measures = measures;
    Q_EMIT measuresChanged();
}

void CompareSession::saveGroups(QSettings &settings) const
{
    settings.setValue(kGroups, formatGroups(m_userGroups));
}

std::optional<QString> CompareSession::restoreGroups(const QSettings &settings)
{
    try {
        setUserGroups(parseGroups(settings.value(kGroups).toString()));
    } catch (const UserError &e) {
        // A hand-edited line that is not a group: said, and the user's groups left out until the
        // settings dialog mends them.
        setUserGroups({});
        return e.message();
    }
    return std::nullopt;
}

} // namespace indexlens
