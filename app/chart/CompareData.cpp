// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompareData.h"

#include "analysis/Measure.h"
#include "core/UserError.h"
#include "Decimation.h"
#include "SeriesBasis.h"
#include "storage/SymbolResolver.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace indexlens {

namespace {

std::optional<std::size_t> lastOnOrBefore(const Series &s, const QDate &date)
{
    const auto it = std::upper_bound(
        s.begin(), s.end(), date, [](const QDate &d, const DatedValue &p) { return d < p.date; });
    if (it == s.begin()) return std::nullopt;
    return std::size_t(it - s.begin() - 1);
}

} // namespace

CompareData CompareData::load(const PriceStore &store, const QStringList &symbols,
                              const QString &rate, ReturnBasis basis)
{
    std::vector<SymbolSeries> series;
    for (const QString &symbol : symbols)
        if (!symbol.trimmed().isEmpty()) series.push_back(loadPriceSeries(store, symbol, basis));
    std::optional<SymbolSeries> overlay;
    if (!rate.trimmed().isEmpty()) overlay = loadRateSeries(store, rate);
    return fromSeries(std::move(series), basis, std::move(overlay));
}

CompareData CompareData::fromSeries(std::vector<SymbolSeries> series, ReturnBasis basis,
                                    std::optional<SymbolSeries> rate)
{
    if (series.size() < 2 || series.size() > std::size_t(kMaxSeries))
        throw UserError(QStringLiteral("compare takes 2 to %1 series, not %2")
                            .arg(kMaxSeries)
                            .arg(series.size()));
    CompareData d;
    d.m_basis = basis;
    std::set<QDate> days;
    for (const SymbolSeries &s : series) {
        if (s.series.empty()) throw UserError(QStringLiteral("%1 has no data").arg(s.symbol));
        for (const DatedValue &p : s.series)
            days.insert(p.date);
    }
    d.m_series = std::move(series);
    d.m_slots = colourSlots(d.symbols());
    d.m_rate = std::move(rate);
    d.m_dates.assign(days.begin(), days.end());
    return d;
}

QStringList CompareData::symbols() const
{
    QStringList out;
    for (const SymbolSeries &s : m_series)
        out << s.symbol;
    return out;
}

QDate CompareData::baseDay(const QDate &from, const std::optional<QDate> &rebase) const
{
    return dayOnOrBefore(rebase ? *rebase : from);
}

QDate CompareData::dayOnOrBefore(const QDate &date) const
{
    const auto it = std::upper_bound(m_dates.begin(), m_dates.end(), date);
    return it == m_dates.begin() ? m_dates.front() : *std::prev(it);
}

std::optional<QDate> CompareData::endsEarly(const SymbolSeries &s, const QDate &to) const
{
    // Another series has a close after its last one, up to `to`: its data end early.
    const QDate last = s.series.back().date;
    return dayOnOrBefore(to) > last ? std::optional<QDate>(last) : std::nullopt;
}

std::vector<const SymbolSeries *> CompareData::seriesPointers() const
{
    std::vector<const SymbolSeries *> out;
    for (const SymbolSeries &s : m_series)
        out.push_back(&s);
    return out;
}

std::vector<CompareData::Rebased> CompareData::rebased(const QDate &from, const QDate &to,
                                                       const std::optional<QDate> &rebase) const
{
    const QDate base = baseDay(from, rebase);
    // The range's first close, whatever the rebase (issue #25, trial: a rebase inside the range
    // dropped its base day's row and the start of the lines).
    const QDate first = std::min(baseDay(from), from);
    // Series with a close on or before the base first; later ones join in order of their start.
    std::vector<std::size_t> order(m_series.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return std::max(base, m_series[x].series.front().date) <
               std::max(base, m_series[y].series.front().date);
    });
    std::vector<Rebased> out(m_series.size());
    std::vector<double> factor(m_series.size(), 0.0); // 0 until the series is placed
    for (const std::size_t k : order) {
        const Series &s = m_series[k].series;
        Rebased &r = out[k];
        r.symbol = m_series[k].symbol;
        if (const auto i = lastOnOrBefore(s, base)) {
            factor[k] = 100.0 / s[*i].value;
        } else {
            // Joins on its first day at the mean of the others' rebased values that day.
            const QDate start = s.front().date;
            double sum = 0;
            int n = 0;
            for (std::size_t j = 0; j < m_series.size(); ++j) {
                const auto at =
                    factor[j] > 0 ? lastOnOrBefore(m_series[j].series, start) : std::nullopt;
                if (!at) continue;
                sum += m_series[j].series[*at].value * factor[j];
                ++n;
            }
            factor[k] = (n > 0 ? sum / n : 100.0) / s.front().value;
            r.joined = start;
        }
        for (const DatedValue &p : s)
            if (p.date >= first && p.date <= to) {
                r.dates.push_back(p.date);
                r.values.push_back(p.value * factor[k]);
            }
    }
    return out;
}

QString CompareData::legendEntry(const SymbolSeries &s, const Rebased &r, const QDate &to,
                                 bool mixed) const
{
    // "IWD (joins 2023-06-01)", "IWF (ends 2025-09-26)", "^GSPC (price)": one parenthesis.
    QStringList notes;
    if (mixed && s.basis == ReturnBasis::Price) notes << QStringLiteral("price");
    // Counted in the title but no line: say why rather than draw nothing silently (issue #24).
    if (r.values.empty() && !s.series.empty())
        return QStringLiteral("%1 (no data in the range: %2 to %3)")
            .arg(s.symbol, s.series.front().date.toString(Qt::ISODate),
                 s.series.back().date.toString(Qt::ISODate));
    if (r.joined) notes << QStringLiteral("joins %1").arg(r.joined->toString(Qt::ISODate));
    if (const auto last = endsEarly(s, to))
        notes << QStringLiteral("ends %1").arg(last->toString(Qt::ISODate));
    return notes.isEmpty()
               ? s.symbol
               : QStringLiteral("%1 (%2)").arg(s.symbol, notes.join(QStringLiteral(", ")));
}

ChartContent CompareData::chart(const QDate &from, const QDate &to, int widthPx,
                                const std::optional<QDate> &rebase) const
{
    ChartContent c;
    c.kind = ChartKind::Compare;
    const QDate base = baseDay(from, rebase);
    const bool mixed = mixedBasis(seriesPointers());
    const QString what = basisPhrase(seriesPointers());
    c.title = (mixed ? QStringLiteral("%1 series rebased to 100 at the close of %2: %3")
                           .arg(m_series.size())
                           .arg(base.toString(Qt::ISODate), what)
                     : QStringLiteral("%1 series %2, rebased to 100 at the close of %3")
                           .arg(m_series.size())
                           .arg(what, base.toString(Qt::ISODate))) +
              currencyNote();
    c.leftLabel = QStringLiteral("index");
    const double x0 = PairData::toX(std::min(baseDay(from), from)), x1 = PairData::toX(to);
    const std::vector<int> &slots = m_slots;
    std::size_t k = 0;
    for (const Rebased &r : rebased(from, to, rebase)) {
        ChartLine line;
        line.name = legendEntry(m_series[k], r, to, mixed);
        std::vector<double> x;
        x.reserve(r.dates.size());
        for (const QDate &d : r.dates)
            x.push_back(PairData::toX(d));
        line.points = decimateMinMax(x, r.values, x0, x1, std::max(1, widthPx));
        line.colourSlot = slots[k++];
        if (!r.values.empty())
            line.endLabel = QStringLiteral("%1 %2").arg(r.symbol).arg(r.values.back(), 0, 'f', 1);
        line.endsEarly = endsEarly(m_series[k - 1], to).has_value();
        c.lines.push_back(std::move(line));
    }
    if (m_rate) {
        std::vector<double> x, y;
        for (const DatedValue &p : m_rate->series)
            if (p.date >= std::min(baseDay(from), from) && p.date <= to && std::isfinite(p.value)) {
                x.push_back(PairData::toX(p.date));
                y.push_back(p.value);
            }
        ChartLine rate;
        rate.name = rateLegend(m_rate->symbol);
        rate.points = decimateMinMax(x, y, x0, x1, std::max(1, widthPx));
        rate.rightAxis = true;
        c.lines.push_back(std::move(rate));
        c.rightLabel = QStringLiteral("%1, %").arg(rateLabel(m_rate->symbol));
    }
    return c;
}

QStringList ReturnMeasures::labels(bool compact) const
{
    QStringList out;
    for (const QDate &day : days)
        out << day.toString(Qt::ISODate);
    for (const Period &p : periods) {
        const bool sameYear = compact && p.start.year() == p.end.year();
        out << QStringLiteral("%1 to %2")
                   .arg(p.start.toString(Qt::ISODate),
                        p.end.toString(sameYear ? QStringLiteral("MM-dd")
                                                : QStringLiteral("yyyy-MM-dd")));
    }
    return out;
}

std::vector<std::vector<MeasuredReturn>>
CompareData::returnGrid(const QDate &from, const QDate &to, const std::optional<QDate> &rebase,
                        const ReturnMeasures &measures) const
{
    // The range as asked: a series without a close on or before its start has no number for it,
    // even where the chart starts the lines later (the first day of any series).
    std::vector<Measure> columns = {Measure::range(rebase ? baseDay(from, rebase) : from, to),
                                    Measure::yearToDate(to), Measure::oneYear(to)};
    for (const QDate &day : measures.days)
        columns.push_back(Measure::day(day));
    for (const Period &p : measures.periods)
        columns.push_back(Measure::period(p));
    std::vector<std::vector<MeasuredReturn>> grid;
    for (const SymbolSeries &s : m_series) {
        std::vector<MeasuredReturn> row;
        row.reserve(columns.size());
        for (const Measure &m : columns)
            row.push_back(measureReturn(s, m));
        grid.push_back(std::move(row));
    }
    return grid;
}

ChartContent CompareData::returnsBars(const QDate &from, const QDate &to,
                                      const std::optional<QDate> &rebase,
                                      const ReturnMeasures &measures) const
{
    ChartContent c;
    c.kind = ChartKind::ReturnsBars;
    const bool chosen = !measures.empty();
    const auto grid = returnGrid(from, to, rebase, measures);
    const std::size_t first = chosen ? 3 : 0; // the grid's columns the bars show
    const std::size_t groups = chosen ? measures.days.size() + measures.periods.size() : 3;
    c.title = mixedBasis(seriesPointers())
                  ? QStringLiteral("Returns, %: %1").arg(basisPhrase(seriesPointers()))
                  : QStringLiteral("%1, %").arg(m_series.front().basis == ReturnBasis::Total
                                                    ? QStringLiteral("Total returns")
                                                    : QStringLiteral("Price returns"));
    // "to" the last day the bars really use (issue #22: a series that ended early was drawn
    // beside the others "to 2026-08-03").
    QDate asOf;
    for (const auto &row : grid)
        for (std::size_t g = first; g < first + groups; ++g)
            if (row[g].has()) asOf = std::max(asOf, row[g].endDay);
    if (!chosen && asOf.isValid())
        c.title += QStringLiteral(" to %1").arg(asOf.toString(Qt::ISODate));
    c.leftLabel = QStringLiteral("%");
    c.categories =
        chosen
            ? measures.labels(true)
            : QStringList{
                  QStringLiteral("Range from %1").arg(baseDay(from, rebase).toString(Qt::ISODate)),
                  QStringLiteral("YTD"), QStringLiteral("1 year")};
    // The bars of a group take 80 % of its slot, each a tenth less than its share (a gap).
    const double share = 0.8 / double(m_series.size());
    const std::vector<int> &slots = m_slots;
    for (std::size_t k = 0; k < m_series.size(); ++k) {
        ChartLine line;
        line.name = m_series[k].symbol;
        line.bars = true;
        line.barWidth = share * 0.9;
        line.valueLabels = true;
        line.colourSlot = slots[k];
        for (std::size_t g = 0; g < std::size_t(c.categories.size()); ++g)
            if (const auto value = grid[k][first + g].percent)
                line.points.emplace_back(double(g) - 0.4 + share * (double(k) + 0.5), *value);
        c.lines.push_back(std::move(line));
    }
    return c;
}

QString CompareData::currencyNote() const
{
    QStringList currencies;
    for (const SymbolSeries &s : m_series)
        if (!s.currency.isEmpty() && !currencies.contains(s.currency)) currencies << s.currency;
    if (currencies.size() < 2) return {};
    QStringList each;
    for (const SymbolSeries &s : m_series)
        if (!s.currency.isEmpty()) each << s.symbol + QLatin1Char(' ') + s.currency;
    return QStringLiteral(" (in %1: not converted)").arg(each.join(QStringLiteral(", ")));
}

QString CompareData::readingText(const QDate &date, const QDate &from, const QDate &to,
                                 const std::optional<QDate> &rebase) const
{
    const QDate day = dayOnOrBefore(std::min(date, to));
    if (!day.isValid() || day < baseDay(from, rebase) || date > to) return {};
    QStringList lines{day.toString(Qt::ISODate)};
    const std::vector<Rebased> all = rebased(from, to, rebase);
    for (std::size_t k = 0; k < all.size(); ++k) {
        const Rebased &r = all[k];
        // The close on or before the day, within the series' own data (a holiday of its market
        // carries its last close; past its end it has none).
        const auto at = std::upper_bound(r.dates.begin(), r.dates.end(), day);
        const bool has = at != r.dates.begin() && m_series[k].series.back().date >= day;
        lines << QStringLiteral("%1: %2").arg(
            r.symbol, has ? QString::number(r.values[std::size_t(at - r.dates.begin()) - 1], 'f', 2)
                          : QStringLiteral("n/a"));
    }
    if (m_rate)
        if (const auto i = lastOnOrBefore(m_rate->series, day);
            i && m_rate->series.back().date >= day)
            lines << QStringLiteral("%1: %2")
                         .arg(m_rate->symbol)
                         .arg(m_rate->series[*i].value, 0, 'f', 2);
    return lines.join(QLatin1Char('\n'));
}

std::vector<int> CompareData::colourSlots(const QStringList &symbols)
{
    return keptColourSlots({}, {}, symbols);
}

std::vector<int> CompareData::keptColourSlots(const QStringList &before,
                                              const std::vector<int> &slots,
                                              const QStringList &after)
{
    std::vector<int> out(std::size_t(after.size()), -1);
    std::vector<bool> taken(kMaxSeries, false);
    const bool known = validColourSlots(slots, before.size());
    for (qsizetype i = 0; known && i < after.size(); ++i)
        if (const qsizetype at = before.indexOf(after[i]); at >= 0) {
            out[std::size_t(i)] = slots[std::size_t(at)];
            taken[std::size_t(out[std::size_t(i)])] = true;
        }
    for (qsizetype i = 0; i < after.size() && i < kMaxSeries; ++i) {
        if (out[std::size_t(i)] >= 0) continue;
        // A stable start for the symbol (not qHash: it is seeded per process).
        const QByteArray digest =
            QCryptographicHash::hash(after[i].toUtf8(), QCryptographicHash::Md5);
        int slot = int(quint8(digest[0])) % kMaxSeries;
        for (int n = 0; n < kMaxSeries && taken[std::size_t(slot)]; ++n)
            slot = (slot + 1) % kMaxSeries;
        taken[std::size_t(slot)] = true;
        out[std::size_t(i)] = slot;
    }
    return out;
}

void CompareData::setColourSlots(const std::vector<int> &slots)
{
    if (validColourSlots(slots, qsizetype(m_series.size()))) m_slots = slots;
}

bool validColourSlots(const std::vector<int> &slots, qsizetype count)
{
    if (qsizetype(slots.size()) != count) return false;
    std::vector<bool> seen(CompareData::kMaxSeries, false);
    for (int slot : slots) {
        if (slot < 0 || slot >= CompareData::kMaxSeries || seen[std::size_t(slot)]) return false;
        seen[std::size_t(slot)] = true;
    }
    return true;
}

} // namespace indexlens
