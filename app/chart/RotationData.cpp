// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationData.h"

#include "chart/CompareData.h"
#include "chart/SeriesBasis.h"
#include "core/UserError.h"
#include "storage/SymbolResolver.h"

#include <algorithm>

namespace indexlens {

RotationData RotationData::load(const PriceStore &store, const QStringList &symbols,
                                const QString &benchmark, ReturnBasis basis)
{
    if (symbols.isEmpty()) throw UserError(QStringLiteral("no symbol to rotate"));
    std::vector<SymbolSeries> series;
    for (const QString &symbol : symbols) {
        SymbolSeries s = loadPriceSeries(store, symbol, basis);
        const bool listed = std::any_of(series.begin(), series.end(), [&](const SymbolSeries &o) {
            return o.symbol == s.symbol;
        });
        if (!listed) series.push_back(std::move(s)); // IWM,IWM: one tail
    }
    return fromSeries(std::move(series), loadPriceSeries(store, benchmark, basis));
}

RotationData RotationData::fromSeries(std::vector<SymbolSeries> symbols, SymbolSeries benchmark)
{
    RotationData d;
    d.m_symbols = std::move(symbols);
    d.m_benchmark = std::move(benchmark);
    return d;
}

QStringList RotationData::symbols() const
{
    QStringList out;
    for (const SymbolSeries &s : m_symbols)
        out << s.symbol;
    return out;
}

QDate RotationData::first() const
{
    return m_benchmark.series.empty() ? QDate() : m_benchmark.series.front().date;
}

QDate RotationData::last() const
{
    return m_benchmark.series.empty() ? QDate() : m_benchmark.series.back().date;
}

QDate RotationData::lastDay(const QDate &to, QStringList &notes) const
{
    if (!to.isValid() || to <= last()) return to;
    notes << QStringLiteral("--to %1 is after the data of %2 end: the tails end on %3")
                 .arg(to.toString(Qt::ISODate), benchmark(), last().toString(Qt::ISODate));
    return last();
}

std::vector<RotationTail> RotationData::tails(const QDate &to, const RotationView &view) const
{
    std::vector<RotationTail> out;
    out.reserve(m_symbols.size());
    for (const SymbolSeries &s : m_symbols) {
        if (s.symbol == m_benchmark.symbol) { // no rotation to draw (float noise put it anywhere)
            RotationTail self;
            self.symbol = s.symbol;
            self.isBenchmark = true;
            out.push_back(self);
            continue;
        }
        out.push_back(rotationTail(s, m_benchmark.series, to, view.settings, view.tail));
    }
    return out;
}

QStringList RotationData::shortfalls(const std::vector<RotationTail> &tails, const QDate &to,
                                     const RotationView &view) const
{
    QStringList out;
    const QDate last = lastPeriod(to, view.settings.step);
    const QString unit = view.settings.step == RotationStep::Week ? QStringLiteral("weekly")
                                                                  : QStringLiteral("daily");
    for (const RotationTail &tail : tails) {
        if (!tail.has()) {
            out << rotationShortfall(tail, m_benchmark.symbol, to, view.settings);
            continue;
        }
        const QDate head = tail.points.back().date;
        if (head < last)
            out << QStringLiteral("%1: its data end %2; its tail ends there")
                       .arg(tail.symbol, head.toString(Qt::ISODate));
        if (int(tail.points.size()) < view.tail)
            out << QStringLiteral("%1: %2 %3 points from %4, fewer than the %5 asked")
                       .arg(tail.symbol)
                       .arg(tail.points.size())
                       .arg(unit, tail.points.front().date.toString(Qt::ISODate))
                       .arg(view.tail);
    }
    return out;
}

QDate RotationData::lastPeriod(const QDate &to, RotationStep step) const
{
    // The benchmark's last period up to `to`: a tail whose head is older ends early.
    const std::vector<QDate> periods =
        rotationPeriods(m_benchmark.series, m_benchmark.series, to, step).dates;
    return periods.empty() ? to : periods.back();
}

std::vector<QDate> RotationData::steps(const QDate &from, const QDate &to,
                                       const RotationView &view) const
{
    const RotationPeriods periods =
        rotationPeriods(m_benchmark.series, m_benchmark.series, to, view.settings.step);
    std::vector<QDate> out;
    for (const QDate &d : periods.dates)
        if (d >= from) out.push_back(d);
    return out;
}

ChartContent RotationData::chart(const std::vector<RotationTail> &tails, const QDate &to,
                                 const RotationView &view, const std::vector<int> &slots) const
{
    ChartContent c;
    c.kind = ChartKind::Rotation;
    const RotationSettings &s = view.settings;
    const bool weeks = s.step == RotationStep::Week;
    c.title =
        QStringLiteral("Rotation against %1, %2 %3 to %4 (RS-Ratio EMA %5/%6, RS-Momentum "
                       "EMA %7 of %3; an open definition, not JdK's proprietary values)")
            .arg(m_benchmark.symbol)
            .arg(view.tail)
            .arg(weeks ? QStringLiteral("weeks") : QStringLiteral("days"), to.toString(Qt::ISODate))
            .arg(s.shortPeriods)
            .arg(s.longPeriods)
            .arg(s.momentumPeriods);
    std::vector<const SymbolSeries *> shown{&m_benchmark};
    for (const SymbolSeries &series : m_symbols)
        shown.push_back(&series);
    c.title += QStringLiteral("; ") + basisPhrase(shown); // say what the closes are
    c.bottomLabel = QStringLiteral("RS-Ratio");
    c.leftLabel = QStringLiteral("RS-Momentum");
    c.quadrants = true;
    const std::vector<int> colours =
        slots.size() == tails.size() ? slots : CompareData::colourSlots(symbols());
    const QDate lastPeriod = this->lastPeriod(to, s.step); // an older head ends early, and says so
    for (std::size_t k = 0; k < tails.size(); ++k) {
        ChartLine line;
        const RotationTail &t = tails[k];
        if (t.isBenchmark)
            line.name = QStringLiteral("%1 (the benchmark)").arg(t.symbol);
        else if (!t.has())
            line.name = QStringLiteral("%1 (too short a history)").arg(t.symbol);
        else if (t.points.back().date < lastPeriod)
            line.name = QStringLiteral("%1 (%2; its data end %3)")
                            .arg(t.symbol, quadrantName(t.points.back().quadrant()),
                                 t.points.back().date.toString(Qt::ISODate));
        else
            line.name =
                QStringLiteral("%1 (%2)").arg(t.symbol, quadrantName(t.points.back().quadrant()));
        for (const RotationPoint &p : tails[k].points)
            line.points.emplace_back(p.rsRatio, p.rsMomentum);
        line.colourSlot = colours[k];
        line.tail = true;
        line.endLabel = tails[k].symbol;
        c.lines.push_back(std::move(line));
    }
    return c;
}

QString RotationData::pointText(const QString &symbol, const RotationPoint &point)
{
    return QStringLiteral("%1 %2: RS-Ratio %3, RS-Momentum %4 (%5)")
        .arg(symbol, point.date.toString(Qt::ISODate))
        .arg(point.rsRatio, 0, 'f', 2)
        .arg(point.rsMomentum, 0, 'f', 2)
        .arg(quadrantName(point.quadrant()));
}

} // namespace indexlens
