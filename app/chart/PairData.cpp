// SPDX-License-Identifier: GPL-3.0-or-later
#include "PairData.h"

#include "analysis/Alignment.h"
#include "analysis/Drawdown.h"
#include "analysis/Measure.h"
#include "analysis/RateRegression.h"
#include "analysis/RatioSeries.h"
#include "analysis/Relative.h"
#include "analysis/Returns.h"
#include "core/Catalog.h"
#include "core/SignedNumber.h"
#include "core/UserError.h"
#include "Decimation.h"
#include "RateNames.h"
#include "SeriesBasis.h"
#include "storage/SymbolResolver.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace indexlens {

namespace {
constexpr qint64 kEpochJulianDay = 2440588; // 1970-01-01
constexpr double kDayMs = 86400000.0;
} // namespace

// Days as UTC midnights, by arithmetic: through the local time zone every date cost a
// stat("/etc/localtime") in mktime (13,211 of them in one export, a fifth of its time), and days
// across a change of summer time were 23 or 25 hours long.
double PairData::toX(const QDate &date)
{
    if (!date.isValid()) return std::nan(""); // toJulianDay() would be INT64_MIN
    return double(date.toJulianDay() - kEpochJulianDay) * kDayMs;
}

QString chartKindName(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Rebased:
        return QStringLiteral("rebased");
    case ChartKind::Relative:
        return QStringLiteral("relative");
    case ChartKind::Spread:
        return QStringLiteral("spread");
    case ChartKind::Compare:
        return QStringLiteral("compare");
    case ChartKind::Sensitivity:
        return QStringLiteral("sensitivity");
    case ChartKind::Scatter:
        return QStringLiteral("scatter");
    case ChartKind::ReturnsBars:
        return QStringLiteral("returns-bars");
    case ChartKind::Rotation:
        return QStringLiteral("rotation");
    case ChartKind::Seasonality:
        return QStringLiteral("seasonality");
    case ChartKind::Drawdown:
        return QStringLiteral("drawdown");
    case ChartKind::Ratio:
        break;
    }
    return QStringLiteral("ratio");
}

std::vector<ChartKind> pairStackKinds(bool drawdown)
{
    std::vector<ChartKind> kinds = allChartKinds();
    if (drawdown) kinds.push_back(ChartKind::Drawdown);
    return kinds;
}

QDate PairData::fromX(double x)
{
    return QDate::fromJulianDay(qint64(std::floor(x / kDayMs)) + kEpochJulianDay);
}

QString PairData::pairTitle() const
{
    const auto named = [](const QString &symbol) {
        const auto instrument = Catalog::builtIn().find(symbol);
        if (!instrument || instrument->name.isEmpty()) return symbol;
        return QStringLiteral("%1 (%2)").arg(instrument->name, symbol);
    };
    return QStringLiteral("%1 vs %2").arg(named(m_a.symbol), named(m_b.symbol));
}

PairData PairData::load(const PriceStore &store, const QString &a, const QString &b,
                        const QStringList &rates, ReturnBasis basis)
{
    std::vector<SymbolSeries> rateSeries;
    for (const QString &rate : rates)
        if (!rate.trimmed().isEmpty()) rateSeries.push_back(loadRateSeries(store, rate));
    return fromSeries(loadPriceSeries(store, a, basis), loadPriceSeries(store, b, basis),
                      std::move(rateSeries), basis);
}

PairData PairData::fromSeries(SymbolSeries a, SymbolSeries b, std::vector<SymbolSeries> rates,
                              ReturnBasis basis)
{
    PairData d;
    d.m_basis = basis;
    d.m_a = std::move(a);
    d.m_b = std::move(b);
    d.m_rates = std::move(rates);
    AlignedSeries aligned = alignOnCommonDays({d.m_a.series, d.m_b.series});
    if (aligned.size() < 2)
        throw UserError(QStringLiteral("%1 and %2 have fewer than two common trading days")
                            .arg(d.m_a.symbol, d.m_b.symbol));
    d.m_dates = std::move(aligned.dates);
    d.m_va = std::move(aligned.values[0]);
    d.m_vb = std::move(aligned.values[1]);
    // The common-day series from the alignment just made (onCommonDays would align again).
    d.m_commonA = {d.m_a.symbol, {}, d.m_a.currency, d.m_a.basis};
    d.m_commonB = {d.m_b.symbol, {}, d.m_b.currency, d.m_b.basis};
    for (std::size_t i = 0; i < d.m_dates.size(); ++i) {
        d.m_commonA.series.push_back({d.m_dates[i], d.m_va[i]});
        d.m_commonB.series.push_back({d.m_dates[i], d.m_vb[i]});
    }
    d.m_x.reserve(d.m_dates.size());
    for (const QDate &date : d.m_dates)
        d.m_x.push_back(toX(date));
    d.m_ratio = ratio(d.m_va, d.m_vb);
    d.m_ma50 = movingAverage(d.m_ratio, kShortAverageDays);
    d.m_ma200 = movingAverage(d.m_ratio, kLongAverageDays);
    d.m_spread = dailySpreadPoints(d.m_va, d.m_vb);
    // After the rate's last observation (or in a gap of its data) it is unknown, not flat:
    // valuesAsOf says NaN there, and the line stops.
    for (const SymbolSeries &rate : d.m_rates)
        d.m_rateValues.push_back(valuesAsOf(rate.series, d.m_dates));
    return d;
}

std::size_t PairData::indexOnOrBefore(const QDate &date) const
{
    const auto it = std::upper_bound(m_dates.begin(), m_dates.end(), date);
    return it == m_dates.begin() ? 0 : std::size_t(it - m_dates.begin() - 1);
}

QDate PairData::baseDay(const QDate &from, const std::optional<QDate> &rebase) const
{
    return m_dates[indexOnOrBefore(rebase ? *rebase : from)];
}

ChartContent PairData::chart(ChartKind kind, const QDate &from, const QDate &to, int widthPx,
                             const std::optional<QDate> &rebase) const
{
    ChartContent c;
    c.kind = kind;
    const QDate base = baseDay(from, rebase);
    const std::size_t baseIndex = indexOnOrBefore(base);
    // The rebased charts start at their base day so the lines start at 100 / 0.
    // Every chart starts at the base day (the first point drawn), but the daily spread: the base
    // day's bar is the move into the range, not one of its moves.
    const double x0 =
        kind == ChartKind::Spread ? toX(baseDay(from)) + 1.0 : toX(std::min(base, from));
    const double x1 = toX(to);
    const int buckets = std::max(1, widthPx);
    auto line = [&](const QString &name, const std::vector<double> &values) {
        c.lines.push_back(
            {name, decimateMinMax(m_x, values, x0, x1, buckets), false, false, -1, {}, false});
    };
    const QString a = m_a.symbol, b = m_b.symbol;
    switch (kind) {
    case ChartKind::Ratio:
        c.title = QStringLiteral("%1 / %2 (relative strength)").arg(a, b);
        c.leftLabel = QStringLiteral("ratio");
        line(QStringLiteral("%1/%2").arg(a, b), m_ratio);
        line(QStringLiteral("%1-day average").arg(kShortAverageDays), m_ma50);
        line(QStringLiteral("%1-day average").arg(kLongAverageDays), m_ma200);
        break;
    case ChartKind::Rebased:
    case ChartKind::Compare:     // a pair compared is its two series rebased
    case ChartKind::Sensitivity: // drawn by sensitivityChart()
    case ChartKind::Scatter:     // and scatterChart()
    case ChartKind::ReturnsBars: // and CompareData::returnsBars()
    case ChartKind::Rotation:    // and RotationData::chart()
    case ChartKind::Seasonality: // and seasonalityChart()
    {
        const bool mixed = mixedBasis({&m_a, &m_b});
        const QString what = basisPhrase({&m_a, &m_b});
        c.title = mixed ? QStringLiteral("%1 and %2 rebased to 100 at the close of %3: %4")
                              .arg(a, b, base.toString(Qt::ISODate), what)
                        : QStringLiteral("%1 and %2 %3, rebased to 100 at the close of %4")
                              .arg(a, b, what, base.toString(Qt::ISODate));
        c.leftLabel = QStringLiteral("index");
        line(legendName(m_a, mixed), rebasedAt(m_va, baseIndex, 100.0));
        line(legendName(m_b, mixed), rebasedAt(m_vb, baseIndex, 100.0));
        break;
    }
    case ChartKind::Relative:
        c.title = QStringLiteral("%1 minus %2, cumulative since the close of %3")
                      .arg(a, b, base.toString(Qt::ISODate));
        c.leftLabel = QStringLiteral("pp");
        line(differenceName(a, b), relativeReturnPoints(m_va, m_vb, baseIndex));
        break;
    case ChartKind::Spread:
        c.title = QStringLiteral("Daily return spread ") + differenceName(a, b);
        c.leftLabel = QStringLiteral("pp");
        line(differenceName(a, b) + QStringLiteral(" daily"), m_spread);
        c.lines.back().bars = true;
        break;
    case ChartKind::Drawdown: {
        // From the range's first day (its base), as the returns table's high and low: a rebase
        // moves where A and B start at 100, not where the range starts.
        const QDate first = baseDay(from);
        const std::size_t firstIndex = indexOnOrBefore(first);
        const bool mixed = mixedBasis({&m_a, &m_b});
        c.title = QStringLiteral("%1 and %2 below their running high since the close of %3: %4")
                      .arg(a, b, first.toString(Qt::ISODate), basisPhrase({&m_a, &m_b}));
        c.leftLabel = QStringLiteral("below the high, %");
        line(legendName(m_a, mixed), drawdownFromHigh(m_va, firstIndex));
        line(legendName(m_b, mixed), drawdownFromHigh(m_vb, firstIndex));
        break;
    }
    }
    addRateLines(c, x0, x1, buckets);
    return c;
}

void PairData::addRateLines(ChartContent &c, double x0, double x1, int buckets) const
{
    QStringList labels;
    for (std::size_t k = 0; k < m_rates.size(); ++k) {
        labels << rateLabel(m_rates[k].symbol);
        c.lines.push_back({rateLegend(m_rates[k].symbol),
                           decimateMinMax(m_x, m_rateValues[k], x0, x1, buckets),
                           true,
                           false,
                           -1,
                           {}});
    }
    // One rate names its axis; several share it as a yield ("10y, 2y" read as a range).
    if (labels.size() == 1) c.rightLabel = QStringLiteral("%1, %").arg(labels.front());
    if (labels.size() > 1) c.rightLabel = QStringLiteral("yield, %");
}

PairData::Reading PairData::readingAt(ChartKind kind, const QDate &date, const QDate &from,
                                      const std::optional<QDate> &rebase) const
{
    Reading r;
    const std::size_t i = indexOnOrBefore(date);
    r.day = m_dates[i];
    const std::size_t base = indexOnOrBefore(baseDay(from, rebase));
    const QString a = m_a.symbol, b = m_b.symbol;
    switch (kind) {
    case ChartKind::Ratio:
        r.values = {{QStringLiteral("%1/%2").arg(a, b), m_ratio[i]},
                    {QStringLiteral("50d"), m_ma50[i]},
                    {QStringLiteral("200d"), m_ma200[i]}};
        break;
    case ChartKind::Rebased:
    case ChartKind::Compare:
    case ChartKind::Sensitivity:
    case ChartKind::Scatter:
    case ChartKind::ReturnsBars:
    case ChartKind::Rotation:
    case ChartKind::Seasonality:
        r.values = {{a, m_va[i] / m_va[base] * 100.0}, {b, m_vb[i] / m_vb[base] * 100.0}};
        break;
    case ChartKind::Relative:
        r.values = {{differenceName(a, b), (m_va[i] / m_va[base] - m_vb[i] / m_vb[base]) * 100.0}};
        break;
    case ChartKind::Drawdown: {
        // The chart's own values: "IWM: -12.34" reads the line under the crosshair.
        const std::size_t first = indexOnOrBefore(baseDay(from));
        r.values = {{a, drawdownAt(m_va, first, i)}, {b, drawdownAt(m_vb, first, i)}};
        break;
    }
    case ChartKind::Spread: {
        // The day's returns of A and B and their difference (issue #12): "IWM %: 3.59".
        const auto dayReturn = [&](const std::vector<double> &v) {
            return i > 0 ? (v[i] / v[i - 1] - 1.0) * 100.0 : std::nan("");
        };
        r.values = {{a + QStringLiteral(" %"), dayReturn(m_va)},
                    {b + QStringLiteral(" %"), dayReturn(m_vb)},
                    {differenceName(a, b) + QStringLiteral(" pp"), m_spread[i]}};
        break;
    }
    }
    for (std::size_t k = 0; k < m_rates.size(); ++k)
        r.values.emplace_back(m_rates[k].symbol, m_rateValues[k][i]);
    return r;
}

ChartContent PairData::sensitivityChart(const QDate &from, const QDate &to, int widthPx,
                                        int window) const
{
    if (m_rates.empty())
        throw UserError(QStringLiteral("the rate sensitivity needs a rate overlay"));
    const SymbolSeries &rate = m_rates.front();
    std::vector<double> x, corr, betas;
    for (const RollingSensitivity &r : rolling(window)) {
        if (!std::isfinite(r.corr) || !std::isfinite(r.beta)) continue;
        x.push_back(toX(r.date));
        corr.push_back(r.corr);
        betas.push_back(r.beta);
    }
    ChartContent c;
    c.kind = ChartKind::Sensitivity;
    c.title = QStringLiteral("%1/%2 against the %3: rolling %4-day correlation and beta")
                  .arg(m_a.symbol, m_b.symbol, rateLabel(rate.symbol))
                  .arg(window);
    // Short axis titles: the chart can be one of five in the pair view's stack (140 px tall).
    c.leftLabel = QStringLiteral("corr.");
    c.rightLabel = QStringLiteral("beta, %/bp");
    const double x0 = toX(from), x1 = toX(to);
    const int buckets = std::max(1, widthPx);
    ChartLine correlation, beta;
    correlation.name = QStringLiteral("correlation");
    correlation.points = decimateMinMax(x, corr, x0, x1, buckets);
    beta.name = QStringLiteral("beta (% per bp)");
    beta.points = decimateMinMax(x, betas, x0, x1, buckets);
    beta.rightAxis = true;
    c.lines = {std::move(correlation), std::move(beta)};
    return c;
}

const std::vector<RollingSensitivity> &PairData::rolling(int window) const
{
    auto it = m_rolling.find(window);
    if (it == m_rolling.end())
        it = m_rolling
                 .emplace(window,
                          rollingSensitivity(rateDays(m_a, m_b, m_rates.front(), first(), last()),
                                             std::size_t(window)))
                 .first;
    return it->second;
}

PairData::Reading PairData::sensitivityAt(const QDate &date, int window) const
{
    Reading r;
    if (m_rates.empty()) return r;
    const auto &values = rolling(window);
    auto it =
        std::upper_bound(values.begin(), values.end(), date,
                         [](const QDate &d, const RollingSensitivity &v) { return d < v.date; });
    while (it != values.begin()) {
        --it;
        if (std::isfinite(it->corr) && std::isfinite(it->beta)) {
            r.day = it->date;
            r.values = {{QStringLiteral("correlation"), it->corr},
                        {QStringLiteral("beta (% per bp)"), it->beta}};
            break;
        }
    }
    return r;
}

ChartContent PairData::scatterChart(const QDate &from, const QDate &to) const
{
    if (m_rates.empty()) throw UserError(QStringLiteral("the scatter plot needs a rate overlay"));
    const SymbolSeries &rate = m_rates.front();
    const std::vector<RateDay> days = rateDays(m_a, m_b, rate, from, to);
    const LinearFit fit = spreadOnRate(days);
    ChartContent c;
    c.kind = ChartKind::Scatter;
    const QString label = rateLabel(rate.symbol);
    // R², the true minus (issue #24, 12); the slope with its sign as the notes write it.
    c.title = QStringLiteral("%1 daily on the %2's daily change: %3 pp per 10 bp, "
                             "R\u00b2 %4, corr %5, n %6")
                  .arg(differenceName(m_a.symbol, m_b.symbol), label)
                  .arg(fit.slope * 10, 0, 'f', 2)
                  .arg(fit.r2, 0, 'f', 2)
                  .arg(fit.corr, 0, 'f', 2)
                  .arg(fit.n);
    c.bottomLabel = QStringLiteral("%1 change, bp").arg(label);
    c.leftLabel = differenceName(m_a.symbol, m_b.symbol) + QStringLiteral(", pp");
    ChartLine points;
    points.name = QStringLiteral("days");
    points.dots = true;
    double lo = INFINITY, hi = -INFINITY;
    for (const RateDay &d : days) {
        points.points.emplace_back(d.rateChangeBps, d.spreadPoints);
        lo = std::min(lo, d.rateChangeBps);
        hi = std::max(hi, d.rateChangeBps);
    }
    c.lines.push_back(std::move(points));
    if (std::isfinite(fit.slope) && hi > lo) {
        ChartLine line;
        line.name = QStringLiteral("least squares");
        line.points = {{lo, fit.intercept + fit.slope * lo}, {hi, fit.intercept + fit.slope * hi}};
        c.lines.push_back(std::move(line));
    }
    return c;
}

QString PairData::headline(const QDate &from, const QDate &to,
                           const std::optional<QDate> &rebase) const
{
    const Measure range = Measure::range(baseDay(from, rebase), to);
    const MeasuredReturn ra = measureReturn(m_commonA, range);
    const MeasuredReturn rb = measureReturn(m_commonB, range);
    auto pct = [](const MeasuredReturn &r) {
        return r.has() ? signedNumber(*r.percent, 1) + QLatin1Char('%') : QStringLiteral("n/a");
    };
    return QStringLiteral("%1 %2  %3 %4").arg(m_a.symbol, pct(ra), m_b.symbol, pct(rb)) +
           rateAndCurrencyNotes(ra);
}

QString PairData::headlineFor(const std::vector<ChartKind> &kinds, const QDate &from,
                              const QDate &to, const std::optional<QDate> &rebase) const
{
    if (kinds.size() != 1 || kinds.front() != ChartKind::Drawdown)
        return headline(from, to, rebase);
    // The drawdown chart alone reads its own last values (issue #25: it showed the range's
    // returns, which a rebase moved), from the range's base day as the chart draws them.
    const MeasuredReturn ra = measureReturn(m_commonA, Measure::range(baseDay(from), to));
    if (!ra.has()) return headline(from, to);
    const Reading last = readingAt(ChartKind::Drawdown, ra.endDay, from);
    // A's and B's, the first two values (the rates' levels follow them).
    const auto part = [&](std::size_t k) {
        return QStringLiteral("%1 %2% from high")
            .arg(last.values[k].first, signedNumber(last.values[k].second, 1));
    };
    return part(0) + QStringLiteral("  ") + part(1) + rateAndCurrencyNotes(ra);
}

QString PairData::rateAndCurrencyNotes(const MeasuredReturn &ra) const
{
    QString text;
    for (const SymbolSeries &rate : m_rates) {
        if (!ra.has()) continue;
        const auto bp = rateOn(rate.series, ra.baseDay)
                            ? rateChangeOn(rate.series, ra.baseDay, ra.endDay)
                            : std::nullopt;
        if (!bp) {
            // Say why the change is missing rather than leave the reader to wonder, at every
            // range alike (issue #24, 16a: a rate that ended before the base day was dropped).
            const bool begins = !rate.series.empty() && rate.series.front().date > ra.baseDay;
            text += QStringLiteral("  %1 n/a (%2)")
                        .arg(rateLabel(rate.symbol),
                             rate.series.empty() ? QStringLiteral("no data")
                             : begins            ? QStringLiteral("data begin %1")
                                            .arg(rate.series.front().date.toString(Qt::ISODate))
                                      : QStringLiteral("data ends %1")
                                            .arg(rate.series.back().date.toString(Qt::ISODate)));
            continue;
        }
        text += QStringLiteral("  %1 %2 bp").arg(rateLabel(rate.symbol), signedNumber(*bp, 0));
    }
    // Returns in two currencies compare a currency move too: said, never converted silently.
    if (!m_a.currency.isEmpty() && !m_b.currency.isEmpty() && m_a.currency != m_b.currency)
        text += QStringLiteral("  (%1 in %2, %3 in %4: not converted)")
                    .arg(m_a.symbol, m_a.currency, m_b.symbol, m_b.currency);
    return text;
}

} // namespace indexlens
