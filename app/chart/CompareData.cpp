// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompareData.h"

#include "analysis/Returns.h"
#include "core/UserError.h"
#include "Decimation.h"
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
    const QDate wanted = rebase ? *rebase : from.addDays(-1);
    const auto it = std::upper_bound(m_dates.begin(), m_dates.end(), wanted);
    return it == m_dates.begin() ? m_dates.front() : *std::prev(it);
}

std::vector<CompareData::Rebased> CompareData::rebased(const QDate &from, const QDate &to,
                                                       const std::optional<QDate> &rebase) const
{
    const QDate base = baseDay(from, rebase);
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
            if (p.date >= std::min(base, from) && p.date <= to) {
                r.dates.push_back(p.date);
                r.values.push_back(p.value * factor[k]);
            }
    }
    return out;
}

ChartContent CompareData::chart(const QDate &from, const QDate &to, int widthPx,
                                const std::optional<QDate> &rebase) const
{
    ChartContent c;
    c.kind = ChartKind::Compare;
    const QDate base = baseDay(from, rebase);
    c.title = QStringLiteral("%1 series %2, rebased to 100 at the close of %3")
                  .arg(m_series.size())
                  .arg(m_basis == ReturnBasis::Total ? QStringLiteral("total return")
                                                     : QStringLiteral("price"),
                       base.toString(Qt::ISODate));
    c.leftLabel = QStringLiteral("index");
    const double x0 = PairData::toX(std::min(base, from)), x1 = PairData::toX(to);
    const std::vector<int> slots = colourSlots(symbols());
    std::size_t k = 0;
    for (const Rebased &r : rebased(from, to, rebase)) {
        ChartLine line;
        line.name =
            r.joined
                ? QStringLiteral("%1 (joins %2)").arg(r.symbol, r.joined->toString(Qt::ISODate))
                : r.symbol;
        std::vector<double> x;
        x.reserve(r.dates.size());
        for (const QDate &d : r.dates)
            x.push_back(PairData::toX(d));
        line.points = decimateMinMax(x, r.values, x0, x1, std::max(1, widthPx));
        line.colourSlot = slots[k++];
        if (!r.values.empty())
            line.endLabel = QStringLiteral("%1 %2").arg(r.symbol).arg(r.values.back(), 0, 'f', 1);
        c.lines.push_back(std::move(line));
    }
    if (m_rate) {
        std::vector<double> x, y;
        for (const DatedValue &p : m_rate->series)
            if (p.date >= std::min(base, from) && p.date <= to && std::isfinite(p.value)) {
                x.push_back(PairData::toX(p.date));
                y.push_back(p.value);
            }
        ChartLine rate;
        rate.name = PairData::rateLegend(m_rate->symbol);
        rate.points = decimateMinMax(x, y, x0, x1, std::max(1, widthPx));
        rate.rightAxis = true;
        c.lines.push_back(std::move(rate));
        c.rightLabel = QStringLiteral("%1, %").arg(PairData::rateLabel(m_rate->symbol));
    }
    return c;
}

ResultTable CompareData::table(const QDate &from, const QDate &to,
                               const std::optional<QDate> &rebase) const
{
    ResultTable table;
    table.addColumn(QStringLiteral("date"), QStringLiteral("date"), ResultTable::Kind::Date);
    const std::vector<Rebased> lines = rebased(from, to, rebase);
    for (const Rebased &r : lines)
        table.addColumn(r.symbol, r.symbol, ResultTable::Kind::Number);
    for (const QDate &day : m_dates) {
        if (day < std::min(baseDay(from, rebase), from) || day > to) continue;
        std::vector<ResultTable::Cell> cells{ResultTable::date(day)};
        for (const Rebased &r : lines) {
            const auto it = std::lower_bound(r.dates.begin(), r.dates.end(), day);
            cells.push_back(it != r.dates.end() && *it == day
                                ? ResultTable::number(r.values[std::size_t(it - r.dates.begin())])
                                : ResultTable::null());
        }
        table.addRow(std::move(cells));
    }
    return table;
}

ResultTable CompareData::returnsTable(const QDate &from, const QDate &to,
                                      const std::optional<QDate> &rebase) const
{
    using K = ResultTable::Kind;
    ResultTable table;
    table.addColumn(QStringLiteral("symbol"), QStringLiteral("Series"), K::Text);
    table.addColumn(QStringLiteral("range_pct"), QStringLiteral("Range"), K::Percent);
    table.addColumn(QStringLiteral("ytd_pct"), QStringLiteral("YTD"), K::Percent);
    table.addColumn(QStringLiteral("one_year_pct"), QStringLiteral("1 year"), K::Percent);
    const QDate base = baseDay(from, rebase);
    for (const SymbolSeries &s : m_series) {
        const auto pct = [&](const QDate &start) -> std::optional<double> {
            if (start < s.series.front().date) return std::nullopt;
            const auto r = returnBetween(s.series, start, to);
            return r ? std::optional<double>(r->percent) : std::nullopt;
        };
        table.addRow({ResultTable::text(s.symbol), ResultTable::number(pct(base)),
                      ResultTable::number(pct(QDate(to.year() - 1, 12, 31))),
                      ResultTable::number(pct(to.addYears(-1)))});
    }
    return table;
}

std::vector<int> CompareData::colourSlots(const QStringList &symbols)
{
    std::vector<int> slots;
    std::vector<bool> taken(kMaxSeries, false);
    for (const QString &symbol : symbols) {
        // A stable start for the symbol (not qHash: it is seeded per process).
        const QByteArray digest =
            QCryptographicHash::hash(symbol.toUtf8(), QCryptographicHash::Md5);
        int slot = int(quint8(digest[0])) % kMaxSeries;
        for (int n = 0; n < kMaxSeries && taken[std::size_t(slot)]; ++n)
            slot = (slot + 1) % kMaxSeries;
        taken[std::size_t(slot)] = true;
        slots.push_back(slot);
    }
    return slots;
}

} // namespace indexlens
